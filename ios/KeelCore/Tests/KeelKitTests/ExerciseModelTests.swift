import XCTest
import KeelCore
@testable import KeelKit

/// Exercise calls without a vault: the core's real built-in library and
/// players (they need none), sessions and patterns kept in lists.
final class FakeExercises: ExerciseCalls, @unchecked Sendable {
    var library = exerciseLibrary(language: .english)
    var patterns: [BreathingPattern] = []
    var listAnswer: CoreFailure?
    var playerAnswer: CoreFailure?
    var startAnswer: CoreFailure?
    var saveAnswer: CoreFailure?
    var patternAnswer: CoreFailure?
    var stored: [ExerciseSession] = []

    private(set) var players: [(String, ExerciseLength)] = []
    private(set) var started: [ExerciseSessionStart] = []
    private(set) var finished: [(String, ExerciseSessionEnd)] = []
    private(set) var abandoned: [(String, ExerciseSessionEnd)] = []
    private(set) var added: [BreathingPatternDraft] = []
    private(set) var updated: [(String, BreathingPatternDraft)] = []
    private(set) var deleted: [String] = []

    static let now = Moment(utcMillis: 1_780_000_000_000, offsetMinutes: -360)

    func exercises(language: Language) async -> Result<ExerciseList, CoreFailure> {
        if let listAnswer { return .failure(listAnswer) }
        return .success(ExerciseList(exercises: library, damagedIds: []))
    }

    func exercise(_ exerciseId: String, language: Language) async -> Result<Exercise, CoreFailure> {
        guard let exercise = library.first(where: { $0.id == exerciseId }) else { return .failure(.notFound) }
        return .success(exercise)
    }

    func exercisePlayer(_ exerciseId: String, language: Language, length: ExerciseLength) async -> Result<any ExercisePlayerProtocol, CoreFailure> {
        players.append((exerciseId, length))
        if let playerAnswer { return .failure(playerAnswer) }
        do {
            let player: any ExercisePlayerProtocol = try ExercisePlayer.builtin(
                exerciseId: exerciseId,
                options: ExerciseOptions(language: language, length: length)
            )
            return .success(player)
        } catch {
            return .failure(CoreFailure(any: error))
        }
    }

    func startExerciseSession(_ start: ExerciseSessionStart) async -> Result<ExerciseSession, CoreFailure> {
        started.append(start)
        if let startAnswer { return .failure(startAnswer) }
        return .success(session("session-\(started.count)", start: start, status: .inProgress, end: nil))
    }

    func finishExerciseSession(_ id: String, end: ExerciseSessionEnd) async -> Result<ExerciseSession, CoreFailure> {
        finished.append((id, end))
        return ended(id, end: end, status: .finished)
    }

    func abandonExerciseSession(_ id: String, end: ExerciseSessionEnd) async -> Result<ExerciseSession, CoreFailure> {
        abandoned.append((id, end))
        return ended(id, end: end, status: .abandoned)
    }

    func exerciseSessions(offset: UInt32, limit: UInt32) async -> Result<ExerciseSessionPage, CoreFailure> {
        let from = min(Int(offset), stored.count)
        let to = min(from + Int(limit), stored.count)
        return .success(ExerciseSessionPage(sessions: Array(stored[from..<to]), total: UInt32(stored.count), damagedIds: []))
    }

    func breathingPattern(_ id: String) async -> Result<BreathingPattern, CoreFailure> {
        guard let pattern = patterns.first(where: { $0.id == id }) else { return .failure(.notFound) }
        return .success(pattern)
    }

    func addBreathingPattern(_ draft: BreathingPatternDraft) async -> Result<BreathingPattern, CoreFailure> {
        added.append(draft)
        if let patternAnswer { return .failure(patternAnswer) }
        return .success(Self.pattern("p\(added.count)", draft))
    }

    func updateBreathingPattern(_ id: String, draft: BreathingPatternDraft) async -> Result<BreathingPattern, CoreFailure> {
        updated.append((id, draft))
        if let patternAnswer { return .failure(patternAnswer) }
        return .success(Self.pattern(id, draft))
    }

    func deleteBreathingPattern(_ id: String) async -> Result<Void, CoreFailure> {
        deleted.append(id)
        if let patternAnswer { return .failure(patternAnswer) }
        return .success(Void())
    }

    func moment() -> Moment { Self.now }

    private func ended(_ id: String, end: ExerciseSessionEnd, status: ExerciseSessionStatus) -> Result<ExerciseSession, CoreFailure> {
        if let saveAnswer { return .failure(saveAnswer) }
        guard let start = started.last else { return .failure(.notFound) }
        var saved = session(id, start: start, status: status, end: end)
        saved.cravingAfter = end.cravingAfter
        return .success(saved)
    }

    private func session(_ id: String, start: ExerciseSessionStart, status: ExerciseSessionStatus, end: ExerciseSessionEnd?) -> ExerciseSession {
        ExerciseSession(
            id: id,
            exerciseId: start.exerciseId,
            exerciseName: nil,
            plannedMs: 64_000,
            startedAt: start.startedAt,
            status: status,
            endedAt: end?.endedAt,
            practicedMs: end?.practicedMs,
            cravingBefore: start.cravingBefore,
            cravingAfter: nil,
            cravingId: nil
        )
    }

    static func pattern(_ id: String, _ draft: BreathingPatternDraft) -> BreathingPattern {
        BreathingPattern(
            id: id,
            exerciseId: "custom.\(id)",
            name: draft.name,
            inhaleMs: draft.inhaleMs,
            holdInMs: draft.holdInMs,
            exhaleMs: draft.exhaleMs,
            holdOutMs: draft.holdOutMs,
            cycles: draft.cycles,
            totalMs: UInt64(draft.inhaleMs + draft.holdInMs + draft.exhaleMs + draft.holdOutMs) * UInt64(draft.cycles)
        )
    }
}

/// How many times a screen was closed.
@MainActor
final class PatternDoneCounter {
    var count = 0
}

/// The phone's side of the player without a phone: what it was asked to play.
@MainActor
final class RecordingExerciseDevice: ExerciseDevice {
    private(set) var haptics: [ExerciseHaptic] = []
    private(set) var sounds: [ExerciseSound] = []
    private(set) var screenOn: [Bool] = []

    func haptic(_ haptic: ExerciseHaptic) { haptics.append(haptic) }
    func sound(_ sound: ExerciseSound) { sounds.append(sound) }
    func keepScreenOn(_ on: Bool) { screenOn.append(on) }
}

@MainActor
final class ExerciseModelTests: XCTestCase {
    private let box = "breath.box"
    private var calls = FakeExercises()
    private var device: RecordingExerciseDevice!
    private var choices: MemoryExerciseChoices!
    /// The display clock: where the run's first frame lands, then each frame after.
    private let start: Int64 = 5_000_000
    private var now: Int64 = 0

    /// A model with a fresh recording device and the sound and vibration choices given.
    private func makeModel(vibrate: Bool = true, sound: Bool = false) -> ExerciseModel {
        device = RecordingExerciseDevice()
        choices = MemoryExerciseChoices(vibrate: vibrate, sound: sound)
        return ExerciseModel(calls: calls, language: { .english }, device: device, choices: choices)
    }

    private func boxTimeline() throws -> ExerciseTimeline {
        try ExercisePlayer.builtin(exerciseId: box, options: ExerciseOptions(language: .english, length: .standard)).timeline()
    }

    /// Opens box breathing, starts it, and draws its first frame at `start`.
    private func playBox(_ model: ExerciseModel) async {
        await model.loadLibrary()
        await model.open(box)
        await model.start()
        now = start
        model.send(.frame(nowMillis: now))
    }

    /// Display frames every 16 ms until the display clock reads `start + elapsed`.
    private func draw(_ model: ExerciseModel, until elapsed: Int64) {
        let target = start + elapsed
        while now < target {
            now = min(now + 16, target)
            model.send(.frame(nowMillis: now))
        }
    }

    private func settle() async {
        for _ in 0..<20 { await Task.yield() }
    }

    func testAWholeBoxBreathingSessionFollowsEveryPhaseOfTheCoresTimeline() async throws {
        let model = makeModel(sound: true)
        let timeline = try boxTimeline()
        XCTAssertEqual(timeline.segments.count, 16)
        await model.loadLibrary()
        await model.open(box)
        model.send(.cravingBefore(7))
        await model.start()
        XCTAssertEqual(model.state.run.stage, .playing)
        XCTAssertEqual(model.state.run.frame?.elapsedMs, 0)
        now = start
        model.send(.frame(nowMillis: now))

        for segment in timeline.segments {
            if segment.index > 0 {
                draw(model, until: Int64(segment.startMs) - 100)
                let before = try XCTUnwrap(model.state.run.frame)
                let previous = timeline.segments[Int(segment.index) - 1]
                XCTAssertEqual(before.segmentIndex, previous.index)
                XCTAssertEqual(before.phase, previous.phase)
                XCTAssertEqual(before.text, previous.text)
            }
            draw(model, until: Int64(segment.startMs) + 100)
            let frame = try XCTUnwrap(model.state.run.frame)
            XCTAssertEqual(frame.segmentIndex, segment.index, "segment \(segment.index)")
            XCTAssertEqual(frame.phase, segment.phase, "segment \(segment.index)")
            XCTAssertEqual(frame.text, segment.text, "segment \(segment.index)")
            XCTAssertEqual(frame.cycle, segment.cycle)
            XCTAssertEqual(frame.cycles, timeline.cycles)
            XCTAssertFalse(frame.finished)
            XCTAssertEqual(model.state.run.stage, .playing)
        }

        draw(model, until: Int64(timeline.totalMs) + 100)
        let run = model.state.run
        XCTAssertEqual(run.stage, .rate)
        XCTAssertTrue(run.playedToEnd)
        XCTAssertEqual(run.practicedMs, timeline.totalMs)
        XCTAssertEqual(run.frame?.finished, true)
        // Every cue played once, in order; sound on, so every sound but silence.
        XCTAssertEqual(device.haptics, timeline.cues.map(\.haptic))
        XCTAssertEqual(device.sounds, timeline.cues.map(\.sound).filter { $0 != .silent })
        XCTAssertEqual(device.screenOn, [true, false])
        // Frames after the end change nothing.
        draw(model, until: Int64(timeline.totalMs) + 2_000)
        XCTAssertEqual(device.haptics.count, timeline.cues.count)

        model.send(.cravingAfter(3))
        await model.save()
        XCTAssertEqual(model.state.run.stage, .done)
        XCTAssertEqual(calls.started.count, 1)
        XCTAssertEqual(calls.started.first?.exerciseId, box)
        XCTAssertEqual(calls.started.first?.length, .standard)
        XCTAssertEqual(calls.started.first?.cravingBefore, 7)
        XCTAssertEqual(calls.finished.count, 1)
        XCTAssertEqual(calls.finished.first?.0, "session-1")
        XCTAssertEqual(calls.finished.first?.1.practicedMs, timeline.totalMs)
        XCTAssertEqual(calls.finished.first?.1.cravingAfter, 3)
        XCTAssertTrue(calls.abandoned.isEmpty)
        XCTAssertEqual(model.state.run.session?.cravingBefore, 7)
        XCTAssertEqual(model.state.run.session?.cravingAfter, 3)

        // Again: the same exercise's choices, the same length, a fresh rating.
        model.send(.again)
        XCTAssertEqual(model.state.run.stage, .choose)
        XCTAssertEqual(model.state.run.exercise?.id, box)
        XCTAssertNil(model.state.run.cravingBefore)
    }

    func testVibrationOffPlaysNoHapticAndSoundOffNoTone() async throws {
        let model = makeModel(vibrate: false, sound: false)
        await playBox(model)
        draw(model, until: 10_000)
        XCTAssertTrue(device.haptics.isEmpty)
        XCTAssertTrue(device.sounds.isEmpty)
    }

    func testAPauseHoldsTheRunAndAResumeGoesOnFromTheSameMoment() async throws {
        let model = makeModel()
        await playBox(model)
        draw(model, until: 2_000)
        model.send(.pause)
        XCTAssertTrue(model.state.run.paused)
        XCTAssertEqual(device.screenOn, [true, false])
        // Frames while paused are not asked for, and change nothing if they come.
        model.send(.frame(nowMillis: start + 9_000))
        XCTAssertEqual(model.state.run.frame?.elapsedMs, 2_000)

        model.send(.resume)
        XCTAssertFalse(model.state.run.paused)
        XCTAssertEqual(device.screenOn, [true, false, true])
        now = start + 12_000
        model.send(.frame(nowMillis: now))
        XCTAssertEqual(model.state.run.frame?.elapsedMs, 2_000)
        now += 16
        model.send(.frame(nowMillis: now))
        XCTAssertEqual(model.state.run.frame?.elapsedMs, 2_016)
    }

    func testLeavingTheAppPausesTheRunAndTheLibraryOffersIt() async throws {
        let model = makeModel()
        await playBox(model)
        draw(model, until: 3_000)
        model.interrupted()
        XCTAssertTrue(model.state.run.pausedRun)
        XCTAssertEqual(model.state.run.exercise?.id, box)
        // Coming back to the same exercise keeps the run as it was.
        await model.open(box)
        XCTAssertTrue(model.state.run.pausedRun)
        XCTAssertEqual(model.state.run.frame?.elapsedMs, 3_000)
    }

    func testAStretchWithoutFramesIsFoldedOutOfThePractice() async throws {
        let model = makeModel()
        await playBox(model)
        draw(model, until: 4_000)
        // Nothing drawn for 30 s (the screen was not showing the run): it goes on from what was shown.
        now = start + 34_000
        model.send(.frame(nowMillis: now))
        XCTAssertEqual(model.state.run.frame?.elapsedMs, 4_000)
        model.send(.stop)
        XCTAssertEqual(model.state.run.practicedMs, 4_000)
    }

    func testStoppingEarlyKeepsTheSessionAsStoppedWithItsPracticeTime() async throws {
        let model = makeModel()
        await playBox(model)
        draw(model, until: 10_000)
        model.send(.stop)
        XCTAssertEqual(model.state.run.stage, .rate)
        XCTAssertFalse(model.state.run.playedToEnd)
        XCTAssertEqual(model.state.run.practicedMs, 10_000)
        XCTAssertEqual(device.screenOn, [true, false])
        await model.save()
        XCTAssertEqual(model.state.run.stage, .done)
        XCTAssertTrue(calls.finished.isEmpty)
        XCTAssertEqual(calls.abandoned.count, 1)
        XCTAssertEqual(calls.abandoned.first?.1.practicedMs, 10_000)
        XCTAssertNil(calls.abandoned.first?.1.cravingAfter)
    }

    func testASaveThatFailsCanBeTriedAgain() async throws {
        let model = makeModel()
        await playBox(model)
        draw(model, until: 1_000)
        model.send(.stop)
        calls.saveAnswer = .storageFull
        await model.save()
        XCTAssertEqual(model.state.run.stage, .rate)
        XCTAssertEqual(model.state.run.failure, .storageFull)
        calls.saveAnswer = nil
        await model.save()
        XCTAssertEqual(model.state.run.stage, .done)
        XCTAssertNil(model.state.run.failure)
    }

    func testOpeningAnotherExerciseKeepsThePausedRunAsStopped() async throws {
        let model = makeModel()
        await playBox(model)
        draw(model, until: 5_000)
        model.interrupted()
        let other = try XCTUnwrap(calls.library.first { $0.id != box })
        await model.open(other.id)
        await settle()
        XCTAssertEqual(model.state.run.exercise?.id, other.id)
        XCTAssertEqual(model.state.run.stage, .choose)
        XCTAssertEqual(calls.abandoned.count, 1)
        XCTAssertEqual(calls.abandoned.first?.1.practicedMs, 5_000)
        XCTAssertNil(calls.abandoned.first?.1.cravingAfter)
        XCTAssertEqual(device.screenOn.last, false)
    }

    func testAPlayerOrSessionThatCannotBeMadeLeavesTheChoices() async throws {
        let model = makeModel()
        await model.loadLibrary()
        await model.open(box)
        calls.playerAnswer = .internal
        await model.start()
        XCTAssertEqual(model.state.run.stage, .choose)
        XCTAssertEqual(model.state.run.failure, .internal)
        calls.playerAnswer = nil
        calls.startAnswer = .locked
        await model.start()
        XCTAssertEqual(model.state.run.stage, .choose)
        XCTAssertEqual(model.state.run.failure, .locked)
        XCTAssertTrue(device.screenOn.isEmpty)
    }

    func testTheChosenLengthAndTheChoicesReachThePlayerAndAreKept() async throws {
        let model = makeModel()
        await model.loadLibrary()
        await model.open(box)
        model.send(.length(.cycles(cycles: 2)))
        model.send(.sound(true))
        model.send(.vibrate(false))
        XCTAssertTrue(choices.sound)
        XCTAssertFalse(choices.vibrate)
        await model.start()
        XCTAssertEqual(calls.players.first?.0, box)
        XCTAssertEqual(calls.players.first?.1, .cycles(cycles: 2))
        XCTAssertEqual(calls.started.first?.length, .cycles(cycles: 2))
        // A new model (Keel started again) starts with the kept choices.
        let again = ExerciseModel(calls: calls, language: { .english }, device: RecordingExerciseDevice(), choices: choices)
        XCTAssertTrue(again.state.run.sound)
        XCTAssertFalse(again.state.run.vibrate)
    }

    func testTheLibraryIsNarrowedBySituationAndLength() async throws {
        let model = makeModel()
        await model.loadLibrary()
        let all = calls.library
        XCTAssertEqual(model.state.library.shown.map(\.id), all.map(\.id))
        model.send(.situation(.sleep))
        XCTAssertEqual(model.state.library.shown.map(\.id), all.filter { $0.situations.contains(.sleep) }.map(\.id))
        model.send(.situation(nil))
        model.send(.maxMinutes(2))
        let short = all.filter { exercise in exercise.durations.contains { $0.totalMs <= 120_000 } }
        XCTAssertEqual(model.state.library.shown.map(\.id), short.map(\.id))
        XCTAssertTrue(model.state.library.patterns.isEmpty)
    }

    func testALibraryThatCannotBeReadSaysSo() async {
        calls.listAnswer = .locked
        let model = makeModel()
        await model.loadLibrary()
        XCTAssertNil(model.state.library.list)
        XCTAssertEqual(model.state.library.failure, .locked)
    }

    func testAnExerciseNotInTheLibraryIsAskedFor() async {
        let model = makeModel()
        await model.open(box)
        XCTAssertEqual(model.state.run.exercise?.id, box)
        XCTAssertFalse(model.state.run.loading)
        await model.open("custom.gone")
        XCTAssertNil(model.state.run.exercise)
        XCTAssertEqual(model.state.run.failure, .notFound)
    }
}

@MainActor
final class ExerciseHistoryModelTests: XCTestCase {
    private func session(_ n: Int, exerciseId: String = "breath.box") -> ExerciseSession {
        ExerciseSession(
            id: "s\(n)",
            exerciseId: exerciseId,
            exerciseName: exerciseId.hasPrefix("custom.") ? "Mine" : nil,
            plannedMs: 60_000,
            startedAt: FakeExercises.now,
            status: .finished,
            endedAt: FakeExercises.now,
            practicedMs: 60_000,
            cravingBefore: 6,
            cravingAfter: 2,
            cravingId: nil
        )
    }

    func testSessionsPageByPageNamedByTheLibrary() async {
        let calls = FakeExercises()
        calls.stored = (1...45).map { session($0) }
        let model = ExerciseHistoryModel(calls: calls, language: { .english })
        await model.load()
        XCTAssertEqual(model.state.sessions.count, 30)
        XCTAssertEqual(model.state.total, 45)
        XCTAssertTrue(model.state.more)
        let box = calls.library.first { $0.id == "breath.box" }
        XCTAssertEqual(model.state.title(of: model.state.sessions[0]), box?.title)
        await model.loadMore()
        XCTAssertEqual(model.state.sessions.map(\.id), (1...45).map { "s\($0)" })
        XCTAssertFalse(model.state.more)
    }

    func testADeletedPatternsSessionKeepsItsName() async {
        let calls = FakeExercises()
        calls.stored = [session(1, exerciseId: "custom.gone")]
        let model = ExerciseHistoryModel(calls: calls, language: { .english })
        await model.load()
        XCTAssertEqual(model.state.title(of: model.state.sessions[0]), "Mine")
    }

    func testNoSessionsYet() async {
        let model = ExerciseHistoryModel(calls: FakeExercises(), language: { .english })
        await model.load()
        XCTAssertTrue(model.state.loaded)
        XCTAssertTrue(model.state.sessions.isEmpty)
        XCTAssertFalse(model.state.more)
    }
}

@MainActor
final class BreathingPatternModelTests: XCTestCase {
    func testSecondsAsTypedAndAsShown() {
        XCTAssertEqual(BreathingPatternModel.millis("4"), 4_000)
        XCTAssertEqual(BreathingPatternModel.millis(" 5.5 "), 5_500)
        XCTAssertEqual(BreathingPatternModel.millis("5,5"), 5_500)
        XCTAssertEqual(BreathingPatternModel.millis(".25"), 250)
        XCTAssertEqual(BreathingPatternModel.millis("1.2345"), 1_234)
        XCTAssertEqual(BreathingPatternModel.millis("0"), 0)
        XCTAssertEqual(BreathingPatternModel.millis("99999999999"), UInt32.max)
        XCTAssertNil(BreathingPatternModel.millis(""))
        XCTAssertNil(BreathingPatternModel.millis("four"))
        XCTAssertNil(BreathingPatternModel.millis("-4"))
        XCTAssertNil(BreathingPatternModel.millis("1e3"))
        XCTAssertNil(BreathingPatternModel.millis("1.2.3"))
        XCTAssertEqual(BreathingPatternModel.seconds(4_000), "4")
        XCTAssertEqual(BreathingPatternModel.seconds(5_500), "5.5")
        XCTAssertEqual(BreathingPatternModel.seconds(250), "0.25")
        XCTAssertEqual(BreathingPatternModel.seconds(0), "0")
    }

    func testANewPatternIsSavedAsTypedAndTheScreenCloses() async {
        let calls = FakeExercises()
        let done = PatternDoneCounter()
        let model = BreathingPatternModel(id: nil, calls: calls, onDone: { done.count += 1 })
        await model.load()
        model.send(.edit(.name, "Slow"))
        model.send(.edit(.inhale, "4,5"))
        model.send(.edit(.holdIn, "2"))
        model.send(.edit(.cycles, "12"))
        await model.save()
        XCTAssertEqual(calls.added, [BreathingPatternDraft(name: "Slow", inhaleMs: 4_500, holdInMs: 2_000, exhaleMs: 6_000, holdOutMs: 0, cycles: 12)])
        XCTAssertEqual(done.count, 1)
    }

    func testNotANumberIsSaidAndNothingIsSaved() async {
        let calls = FakeExercises()
        let model = BreathingPatternModel(id: nil, calls: calls, onDone: {})
        model.send(.edit(.exhale, "six"))
        await model.save()
        XCTAssertEqual(model.state.problem, .notANumber)
        XCTAssertTrue(calls.added.isEmpty)
        model.send(.edit(.exhale, "6"))
        XCTAssertNil(model.state.problem)
    }

    func testAFieldTheCoreRefusesIsNamed() async {
        let calls = FakeExercises()
        let done = PatternDoneCounter()
        let model = BreathingPatternModel(id: nil, calls: calls, onDone: { done.count += 1 })
        calls.patternAnswer = .invalidInput(field: "hold_out_ms", reason: "out_of_range")
        await model.save()
        XCTAssertEqual(model.state.problem, .hold)
        XCTAssertNil(model.state.failure)
        XCTAssertFalse(model.state.busy)
        XCTAssertEqual(done.count, 0)
        XCTAssertEqual(BreathingPatternModel.Problem(field: "name"), .name)
        XCTAssertEqual(BreathingPatternModel.Problem(field: "inhale_ms"), .phase)
        XCTAssertEqual(BreathingPatternModel.Problem(field: "cycles"), .cycles)
        calls.patternAnswer = .storageFull
        await model.save()
        XCTAssertNil(model.state.problem)
        XCTAssertEqual(model.state.failure, .storageFull)
    }

    func testASavedPatternIsReadChangedAndDeletedOnlyOnceConfirmed() async {
        let calls = FakeExercises()
        let draft = BreathingPatternDraft(name: "Evening", inhaleMs: 4_000, holdInMs: 0, exhaleMs: 7_500, holdOutMs: 1_000, cycles: 8)
        calls.patterns = [FakeExercises.pattern("p9", draft)]
        let done = PatternDoneCounter()
        let model = BreathingPatternModel(id: "p9", calls: calls, onDone: { done.count += 1 })
        XCTAssertTrue(model.state.loading)
        await model.load()
        XCTAssertFalse(model.state.loading)
        XCTAssertEqual(model.state.name, "Evening")
        XCTAssertEqual(model.state.exhale, "7.5")
        XCTAssertEqual(model.state.holdOut, "1")
        XCTAssertEqual(model.state.cycles, "8")
        model.send(.edit(.cycles, "10"))
        await model.save()
        XCTAssertEqual(calls.updated.first?.0, "p9")
        XCTAssertEqual(calls.updated.first?.1.cycles, 10)
        XCTAssertEqual(done.count, 1)

        await model.confirmDelete()
        XCTAssertTrue(calls.deleted.isEmpty)
        model.send(.delete)
        XCTAssertTrue(model.state.confirmDelete)
        model.send(.cancelDelete)
        XCTAssertFalse(model.state.confirmDelete)
        model.send(.delete)
        await model.confirmDelete()
        XCTAssertEqual(calls.deleted, ["p9"])
        XCTAssertEqual(done.count, 2)
    }
}

final class ExerciseToneTests: XCTestCase {
    func testEachSoundIsAShortWaveAndSilenceIsNone() throws {
        XCTAssertNil(ExerciseTone.wave(for: .silent))
        for sound in [ExerciseSound.soft, .chime, .bell] {
            let wave = try XCTUnwrap(ExerciseTone.wave(for: sound))
            let shape = try XCTUnwrap(ExerciseTone.shape(of: sound))
            let samples = Int(Double(ExerciseTone.sampleRate) * shape.seconds)
            XCTAssertEqual(wave.count, 44 + samples * 2)
            XCTAssertEqual(Array(wave.prefix(4)), Array("RIFF".utf8))
            XCTAssertEqual(Array(wave[8..<12]), Array("WAVE".utf8))
            XCTAssertEqual(Array(wave[36..<40]), Array("data".utf8))
        }
    }
}
