import Foundation
import KeelCore
import Observation

/// The exercise library and the player: one model for both, so a run left
/// paused is offered again on the library (the app keeps one for the
/// session, `ExerciseScreens.model`).
///
/// The library is the core's list (built-in exercises, then the
/// participant's patterns) narrowed by a situation and a longest length;
/// narrowing only filters what the core returned.
///
/// The player's clock is the screen's display clock, as on SOS: the first
/// frame of a run starts the core's playback, every frame asks the core's
/// player what to show, and pause and resume are the core's. A pause lands
/// on the last frame drawn; a resume on the first frame after it. When no
/// frame was drawn for a while (`frameGapMillis`: the screen was left), that
/// stretch is folded out of the practice time by a pause and resume at its
/// two ends, so the run goes on from what was last shown. Leaving the app
/// pauses the run outright until the participant resumes. Each cue of the
/// core's timeline plays once, when its time is reached.
@Observable @MainActor
public final class ExerciseModel {
    /// The library: the core's list and the participant's two filters.
    public struct Library {
        public var list: ExerciseList?
        public var situation: ExerciseSituation?
        /// Only exercises offering a length of at most this many minutes; nil: any.
        public var maxMinutes: Int?
        public var failure: CoreFailure?

        public init() {}

        /// The exercises the filters keep, in the core's order.
        public var shown: [Exercise] {
            (list?.exercises ?? []).filter { exercise in
                let fits = situation.map { exercise.situations.contains($0) } ?? true
                let short = maxMinutes.map { minutes in
                    exercise.durations.contains { $0.totalMs <= UInt64(max(0, minutes)) * 60_000 }
                } ?? true
                return fits && short
            }
        }

        /// The participant's own patterns among the exercises (`custom.<id>`).
        public var patterns: [Exercise] {
            (list?.exercises ?? []).filter { $0.id.hasPrefix(ExerciseModel.customPrefix) }
        }
    }

    /// Where one run of an exercise stands.
    public enum Stage: Sendable, Equatable {
        /// The exercise described: length, craving before, vibration and sound.
        case choose
        /// The session and the player are being made.
        case starting
        /// The breathing shape follows the core's frames (or stands paused).
        case playing
        /// Played to its end or stopped: the craving rated after.
        case rate
        case saving
        /// Saved: the session as the core stored it.
        case done
    }

    /// One run: what the participant chose, the core's current frame while
    /// it plays, and the saved session at the end.
    public struct Run {
        public var exercise: Exercise?
        public var loading = false
        public var length: ExerciseLength = .standard
        public var cravingBefore: Int?
        public var vibrate = true
        public var sound = false
        public var stage: Stage = .choose
        public var frame: ExerciseFrame?
        public var paused = false
        /// Played to the end (finished) rather than stopped early (abandoned).
        public var playedToEnd = false
        public var practicedMs: UInt64 = 0
        public var cravingAfter: Int?
        public var session: ExerciseSession?
        public var failure: CoreFailure?

        public init(exercise: Exercise? = nil, loading: Bool = false, length: ExerciseLength = .standard, vibrate: Bool = true, sound: Bool = false) {
            self.exercise = exercise
            self.loading = loading
            self.length = length
            self.vibrate = vibrate
            self.sound = sound
        }

        /// A run the participant left paused (offered on the library to come back to).
        public var pausedRun: Bool { stage == .playing && paused }

        /// Display frames are wanted now.
        public var ticking: Bool { stage == .playing && !paused }
    }

    public struct State {
        public var library = Library()
        public var run = Run()
    }

    public enum Action: Sendable {
        case situation(ExerciseSituation?)
        case maxMinutes(Int?)
        case length(ExerciseLength)
        case cravingBefore(Int?)
        case vibrate(Bool)
        case sound(Bool)
        /// A display frame at `nowMillis` on the screen's clock (a test drives its own).
        case frame(nowMillis: Int64)
        case pause
        case resume
        /// Ends the run early: the craving is rated, then the session is kept as stopped.
        case stop
        case cravingAfter(Int?)
        /// Another run of the same exercise, from the choices.
        case again
    }

    /// No display frame for this long: the screen was not showing the run.
    public nonisolated static let frameGapMillis: Int64 = 1_000
    /// A participant's own pattern's exercise id is `custom.` and the pattern's id.
    public nonisolated static let customPrefix = "custom."
    /// The longest-length filters offered, in minutes.
    public nonisolated static let lengthFilters = [2, 5, 10]
    /// The situations in the core's order.
    public nonisolated static let situations: [ExerciseSituation] = [.craving, .highRisk, .stress, .morning, .sleep, .anytime]

    public private(set) var state = State()

    private let calls: any ExerciseCalls
    private let language: @MainActor () -> Language
    private let device: any ExerciseDevice
    private let choices: any ExerciseChoices

    @ObservationIgnored private var player: (any ExercisePlayerProtocol)?
    @ObservationIgnored private var cues: [ExerciseCue] = []
    @ObservationIgnored private var playback: ExercisePlayback?
    @ObservationIgnored private var lastFrameAt: Int64?
    @ObservationIgnored private var firedCue = -1
    @ObservationIgnored private var sessionId: String?
    @ObservationIgnored private var libraryLanguage: Language?

    public init(calls: any ExerciseCalls, language: @escaping @MainActor () -> Language, device: any ExerciseDevice, choices: any ExerciseChoices) {
        self.calls = calls
        self.language = language
        self.device = device
        self.choices = choices
        state.run = Run(vibrate: choices.vibrate, sound: choices.sound)
    }

    /// The library, fresh from the core (on appearing, after a pattern changed).
    public func loadLibrary() async {
        let language = language()
        switch await calls.exercises(language: language) {
        case .success(let list):
            libraryLanguage = language
            state.library.list = list
            state.library.failure = nil
        case .failure(let failure):
            state.library.failure = failure
        }
    }

    /// Shows `exerciseId`: the run in progress if it is this exercise's,
    /// otherwise its choices. A run of another exercise still open is kept
    /// as stopped (its practice time, no rating) before the new one starts.
    public func open(_ exerciseId: String) async {
        let run = state.run
        let active = Self.activeStages.contains(run.stage)
        if active && run.exercise?.id == exerciseId { return }
        if active { abandonQuietly() }
        let language = language()
        // The library's copy, if it is in the language shown now.
        let library = libraryLanguage == language ? state.library.list : nil
        let known = library?.exercises.first(where: { $0.id == exerciseId })
        state.run = Run(exercise: known, loading: known == nil, vibrate: choices.vibrate, sound: choices.sound)
        if known != nil { return }
        switch await calls.exercise(exerciseId, language: language) {
        case .success(let exercise):
            guard state.run.exercise == nil, state.run.loading else { return }
            state.run.exercise = exercise
            state.run.loading = false
        case .failure(let failure):
            state.run.loading = false
            state.run.failure = failure
        }
    }

    public func send(_ action: Action) {
        switch action {
        case .situation(let situation):
            state.library.situation = situation
        case .maxMinutes(let minutes):
            state.library.maxMinutes = minutes
        case .length(let length):
            guard state.run.stage == .choose else { return }
            state.run.length = length
        case .cravingBefore(let level):
            guard state.run.stage == .choose else { return }
            state.run.cravingBefore = level
        case .vibrate(let on):
            choices.vibrate = on
            state.run.vibrate = on
        case .sound(let on):
            choices.sound = on
            state.run.sound = on
        case .frame(let nowMillis):
            frame(nowMillis)
        case .pause:
            pause()
        case .resume:
            resume()
        case .stop:
            stop()
        case .cravingAfter(let level):
            guard state.run.stage == .rate else { return }
            state.run.cravingAfter = level
        case .again:
            guard state.run.stage == .done else { return }
            let run = state.run
            state.run = Run(exercise: run.exercise, length: run.length, vibrate: run.vibrate, sound: run.sound)
        }
    }

    /// Makes the player and records the session's start, then plays.
    public func start() async {
        let run = state.run
        guard let exercise = run.exercise, run.stage == .choose else { return }
        state.run.stage = .starting
        state.run.failure = nil
        let newPlayer: any ExercisePlayerProtocol
        switch await calls.exercisePlayer(exercise.id, language: language(), length: run.length) {
        case .success(let made):
            newPlayer = made
        case .failure(let failure):
            state.run.stage = .choose
            state.run.failure = failure
            return
        }
        let start = ExerciseSessionStart(
            exerciseId: exercise.id,
            length: run.length,
            startedAt: calls.moment(),
            cravingBefore: run.cravingBefore.map { UInt32($0) },
            cravingId: nil
        )
        switch await calls.startExerciseSession(start) {
        case .success(let session):
            player = newPlayer
            cues = newPlayer.timeline().cues
            playback = nil
            lastFrameAt = nil
            firedCue = -1
            sessionId = session.id
            device.keepScreenOn(true)
            state.run.stage = .playing
            state.run.paused = false
            state.run.frame = newPlayer.frame(elapsedMs: 0)
        case .failure(let failure):
            state.run.stage = .choose
            state.run.failure = failure
        }
    }

    /// Keeps the session: finished if played to its end, else stopped early,
    /// with the craving rated after if the participant rated it.
    public func save() async {
        let run = state.run
        guard let id = sessionId, run.stage == .rate else { return }
        state.run.stage = .saving
        state.run.failure = nil
        let end = ExerciseSessionEnd(
            endedAt: calls.moment(),
            practicedMs: run.practicedMs,
            cravingAfter: run.cravingAfter.map { UInt32($0) },
            cravingId: nil
        )
        let saved: Result<ExerciseSession, CoreFailure>
        if run.playedToEnd {
            saved = await calls.finishExerciseSession(id, end: end)
        } else {
            saved = await calls.abandonExerciseSession(id, end: end)
        }
        switch saved {
        case .success(let session):
            endRun()
            state.run.stage = .done
            state.run.session = session
        case .failure(let failure):
            state.run.stage = .rate
            state.run.failure = failure
        }
    }

    /// The app left the foreground (a call, the Home screen): a playing run pauses.
    public func interrupted() {
        pause()
    }

    // MARK: The player

    private func frame(_ nowMillis: Int64) {
        guard let player, state.run.stage == .playing, !state.run.paused else { return }
        let next: ExercisePlayback
        do {
            if let current = playback {
                if current.paused {
                    next = try exercisePlaybackResume(playback: current, nowMs: nowMillis)
                } else if let last = lastFrameAt, nowMillis - last > Self.frameGapMillis {
                    let stopped = try exercisePlaybackPause(playback: current, nowMs: last)
                    next = try exercisePlaybackResume(playback: stopped, nowMs: nowMillis)
                } else {
                    next = current
                }
            } else {
                next = exercisePlaybackStart(nowMs: nowMillis)
            }
        } catch {
            return
        }
        guard let frame = try? player.frameAt(playback: next, nowMs: nowMillis) else { return }
        playback = next
        lastFrameAt = nowMillis
        playCue(at: frame.elapsedMs)
        state.run.frame = frame
        if frame.finished {
            device.keepScreenOn(false)
            state.run.stage = .rate
            state.run.playedToEnd = true
            state.run.practicedMs = frame.elapsedMs
        }
    }

    /// The latest cue whose time has come, once (a long gap plays only the latest, not a burst).
    private func playCue(at elapsedMs: UInt64) {
        guard let due = cues.last(where: { $0.atMs <= elapsedMs }) else { return }
        let index = Int(due.index)
        guard index > firedCue else { return }
        firedCue = index
        if state.run.vibrate { device.haptic(due.haptic) }
        if state.run.sound && due.sound != .silent { device.sound(due.sound) }
    }

    private func pause() {
        guard state.run.stage == .playing, !state.run.paused else { return }
        if let current = playback, !current.paused {
            if let paused = try? exercisePlaybackPause(playback: current, nowMs: lastFrameAt ?? current.sinceMs) {
                playback = paused
            }
        }
        device.keepScreenOn(false)
        state.run.paused = true
    }

    private func resume() {
        guard state.run.stage == .playing, state.run.paused else { return }
        device.keepScreenOn(true)
        // The next display frame resumes the core's playback at its own time.
        state.run.paused = false
    }

    private func stop() {
        guard state.run.stage == .playing else { return }
        pause()
        state.run.stage = .rate
        state.run.playedToEnd = false
        state.run.practicedMs = practiced()
    }

    /// Practice time up to the last frame drawn, pauses excluded.
    private func practiced() -> UInt64 {
        guard let current = playback else { return 0 }
        let until = max(lastFrameAt ?? current.sinceMs, current.sinceMs)
        return (try? exercisePlaybackElapsed(playback: current, nowMs: until)) ?? 0
    }

    /// A run left unsaved for another exercise: kept with its practice time
    /// and no rating after, as finished if it was played to its end.
    private func abandonQuietly() {
        guard let id = sessionId else { return }
        let run = state.run
        let practiced = run.stage == .rate ? run.practicedMs : practiced()
        endRun()
        let end = ExerciseSessionEnd(endedAt: calls.moment(), practicedMs: practiced, cravingAfter: nil, cravingId: nil)
        let calls = calls
        let finished = run.playedToEnd
        Task {
            if finished {
                _ = await calls.finishExerciseSession(id, end: end)
            } else {
                _ = await calls.abandonExerciseSession(id, end: end)
            }
        }
    }

    private func endRun() {
        device.keepScreenOn(false)
        player = nil
        cues = []
        playback = nil
        lastFrameAt = nil
        sessionId = nil
    }

    private static let activeStages: [Stage] = [.starting, .playing, .rate, .saving]
}
