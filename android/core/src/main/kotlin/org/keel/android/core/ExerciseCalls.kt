package org.keel.android.core

import org.keel.core.BreathingPattern
import org.keel.core.BreathingPatternDraft
import org.keel.core.Exercise
import org.keel.core.ExerciseLength
import org.keel.core.ExerciseList
import org.keel.core.ExerciseOptions
import org.keel.core.ExercisePlayer
import org.keel.core.ExerciseSession
import org.keel.core.ExerciseSessionEnd
import org.keel.core.ExerciseSessionPage
import org.keel.core.ExerciseSessionStart
import org.keel.core.Language
import org.keel.core.Moment
import org.keel.core.PageQuery

/**
 * The Exercises screens' core calls, through the gateway's door (one serial
 * dispatcher, failures as [CoreError]). The player's frames are not here:
 * they need no vault and are asked for on every display frame.
 */
class ExerciseCalls(private val gateway: VaultGateway) {
    /** Built-in exercises then the participant's own patterns, in [language]. */
    suspend fun list(language: Language): Result<ExerciseList> = gateway.withVault { vault, _ -> vault.listExercises(language) }

    /** The exercise [exerciseId] (built-in or a pattern's `custom.<id>`) in [language]. */
    suspend fun exercise(exerciseId: String, language: Language): Result<Exercise> = gateway.withVault { vault, _ -> vault.getExercise(exerciseId, language) }

    /** A player for [exerciseId] (built-in or a pattern's `custom.<id>`) at [length] in [language]; the caller destroys it. */
    suspend fun player(exerciseId: String, language: Language, length: ExerciseLength): Result<ExercisePlayer> =
        gateway.withVault { vault, _ -> vault.exercisePlayer(exerciseId, ExerciseOptions(language, length)) }

    /** Records the start of a session (the craving rated before, if any). */
    suspend fun start(start: ExerciseSessionStart): Result<ExerciseSession> = gateway.withVault { vault, _ -> vault.startExerciseSession(start) }

    /** Records a session played to its end. */
    suspend fun finish(id: String, end: ExerciseSessionEnd): Result<ExerciseSession> = gateway.withVault { vault, _ -> vault.finishExerciseSession(id, end) }

    /** Records a session stopped before its end. */
    suspend fun abandon(id: String, end: ExerciseSessionEnd): Result<ExerciseSession> = gateway.withVault { vault, _ -> vault.abandonExerciseSession(id, end) }

    /** One page of sessions, newest first, with how many there are in all. */
    suspend fun sessions(offset: UInt, limit: UInt): Result<ExerciseSessionPage> =
        gateway.withVault { vault, _ -> vault.listExerciseSessions(PageQuery(null, null, offset, limit)) }

    /** The pattern [id], to edit. */
    suspend fun pattern(id: String): Result<BreathingPattern> = gateway.withVault { vault, _ -> vault.getBreathingPattern(id) }

    /** Saves a new pattern; the core checks every field. */
    suspend fun addPattern(draft: BreathingPatternDraft): Result<BreathingPattern> = gateway.withVault { vault, _ -> vault.addBreathingPattern(draft) }

    /** Replaces the pattern [id], keeping its id (and its sessions' history). */
    suspend fun updatePattern(id: String, draft: BreathingPatternDraft): Result<BreathingPattern> =
        gateway.withVault { vault, _ -> vault.updateBreathingPattern(id, draft) }

    /** Deletes the pattern [id]; its sessions keep their history. */
    suspend fun deletePattern(id: String): Result<Unit> = gateway.withVault { vault, _ -> vault.deleteBreathingPattern(id) }

    /** Now, as a session's start or end records it. */
    fun moment(): Moment = gateway.moment()
}
