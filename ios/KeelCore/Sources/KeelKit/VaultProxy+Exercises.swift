import Foundation
import KeelCore

/// The core calls the Exercises screens make (library, player, sessions,
/// the participant's own breathing patterns). The player's frames are not
/// here: they need no vault and are asked for on every display frame.
public protocol ExerciseCalls: AnyObject, Sendable {
    /// Built-in exercises, then the participant's own patterns, in `language`.
    func exercises(language: Language) async -> Result<ExerciseList, CoreFailure>
    /// The exercise `exerciseId` (built-in or a pattern's `custom.<id>`) in `language`.
    func exercise(_ exerciseId: String, language: Language) async -> Result<Exercise, CoreFailure>
    /// A player for `exerciseId` at `length` in `language`, laid out once.
    func exercisePlayer(_ exerciseId: String, language: Language, length: ExerciseLength) async -> Result<any ExercisePlayerProtocol, CoreFailure>
    /// Records the start of a session (the craving rated before, if any).
    func startExerciseSession(_ start: ExerciseSessionStart) async -> Result<ExerciseSession, CoreFailure>
    /// Records a session played to its end.
    func finishExerciseSession(_ id: String, end: ExerciseSessionEnd) async -> Result<ExerciseSession, CoreFailure>
    /// Records a session stopped before its end.
    func abandonExerciseSession(_ id: String, end: ExerciseSessionEnd) async -> Result<ExerciseSession, CoreFailure>
    /// One page of sessions, newest first, with how many there are in all.
    func exerciseSessions(offset: UInt32, limit: UInt32) async -> Result<ExerciseSessionPage, CoreFailure>
    /// The pattern `id`, to edit.
    func breathingPattern(_ id: String) async -> Result<BreathingPattern, CoreFailure>
    /// Saves a new pattern; the core checks every field.
    func addBreathingPattern(_ draft: BreathingPatternDraft) async -> Result<BreathingPattern, CoreFailure>
    /// Replaces the pattern `id`, keeping its id (and its sessions' history).
    func updateBreathingPattern(_ id: String, draft: BreathingPatternDraft) async -> Result<BreathingPattern, CoreFailure>
    /// Deletes the pattern `id`; its sessions keep their history.
    func deleteBreathingPattern(_ id: String) async -> Result<Void, CoreFailure>
    /// The phone's now with its offset, as a session's start or end records it.
    func moment() -> Moment
}

extension VaultProxy: ExerciseCalls {
    public func exercises(language: Language) async -> Result<ExerciseList, CoreFailure> {
        await perform { vault in try vault.listExercises(language: language) }
    }

    public func exercise(_ exerciseId: String, language: Language) async -> Result<Exercise, CoreFailure> {
        await perform { vault in try vault.getExercise(exerciseId: exerciseId, language: language) }
    }

    public func exercisePlayer(_ exerciseId: String, language: Language, length: ExerciseLength) async -> Result<any ExercisePlayerProtocol, CoreFailure> {
        await perform { vault in
            let options = ExerciseOptions(language: language, length: length)
            let player: any ExercisePlayerProtocol = try vault.exercisePlayer(exerciseId: exerciseId, options: options)
            return player
        }
    }

    public func startExerciseSession(_ start: ExerciseSessionStart) async -> Result<ExerciseSession, CoreFailure> {
        await perform { vault in try vault.startExerciseSession(start: start) }
    }

    public func finishExerciseSession(_ id: String, end: ExerciseSessionEnd) async -> Result<ExerciseSession, CoreFailure> {
        await perform { vault in try vault.finishExerciseSession(id: id, end: end) }
    }

    public func abandonExerciseSession(_ id: String, end: ExerciseSessionEnd) async -> Result<ExerciseSession, CoreFailure> {
        await perform { vault in try vault.abandonExerciseSession(id: id, end: end) }
    }

    public func exerciseSessions(offset: UInt32, limit: UInt32) async -> Result<ExerciseSessionPage, CoreFailure> {
        let query = PageQuery(fromUtcMillis: nil, untilUtcMillis: nil, offset: offset, limit: limit)
        return await perform { vault in try vault.listExerciseSessions(query: query) }
    }

    public func breathingPattern(_ id: String) async -> Result<BreathingPattern, CoreFailure> {
        await perform { vault in try vault.getBreathingPattern(id: id) }
    }

    public func addBreathingPattern(_ draft: BreathingPatternDraft) async -> Result<BreathingPattern, CoreFailure> {
        await perform { vault in try vault.addBreathingPattern(draft: draft) }
    }

    public func updateBreathingPattern(_ id: String, draft: BreathingPatternDraft) async -> Result<BreathingPattern, CoreFailure> {
        await perform { vault in try vault.updateBreathingPattern(id: id, draft: draft) }
    }

    public func deleteBreathingPattern(_ id: String) async -> Result<Void, CoreFailure> {
        await perform { vault in try vault.deleteBreathingPattern(id: id) }
    }
}
