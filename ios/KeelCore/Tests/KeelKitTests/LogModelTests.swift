import Foundation
import KeelCore
@testable import KeelKit
import XCTest

/// The log forms' core calls: fixed answers, with what was asked recorded.
actor FakeLogCalls: LogCalls {
    var form = CravingForm(
        planRevision: 1,
        triggers: [Trigger(id: "t-payday", name: "Payday", category: .time, risk: .high)],
        copingPlans: [CopingPlan(id: "c-call", ifSituation: "If it is payday", thenAction: "Call Sam", triggerIds: ["t-payday"])],
        recentTriggers: [TriggerTag(planTriggerId: nil, name: "Old bar", category: .place)],
        recentCoping: [CopingTag(planCopingId: nil, text: "Walked it off")]
    )
    var clockList: [SobrietyClockStatus] = [TodayFixtures.clock()]
    var failure: CoreFailure?
    var storedEncounter: Encounter?
    var logged: LapseLogged?

    private(set) var cravings: [(id: String?, draft: CravingDraft)] = []
    private(set) var encounters: [(id: String?, draft: EncounterDraft)] = []
    private(set) var checkIns: [(id: String?, draft: CheckInDraft)] = []
    private(set) var lapses: [(id: String?, draft: LapseDraft, language: Language?)] = []
    private(set) var deleted: [String] = []

    func fail(with failure: CoreFailure?) { self.failure = failure }
    func store(_ encounter: Encounter) { storedEncounter = encounter }
    func answerLapse(_ logged: LapseLogged) { self.logged = logged }

    private func answer<T>(_ value: T) -> Result<T, CoreFailure> {
        if let failure { return .failure(failure) }
        return .success(value)
    }

    func cravingForm() async -> Result<CravingForm, CoreFailure> { .success(form) }
    func clocks() async -> Result<[SobrietyClockStatus], CoreFailure> { .success(clockList) }

    func addCraving(_ draft: CravingDraft) async -> Result<Craving, CoreFailure> {
        cravings.append((nil, draft))
        return answer(LogFixtures.craving(draft))
    }

    func updateCraving(id: String, draft: CravingDraft) async -> Result<Craving, CoreFailure> {
        cravings.append((id, draft))
        return answer(LogFixtures.craving(draft, id: id))
    }

    func craving(id: String) async -> Result<Craving, CoreFailure> { .failure(.notFound) }
    func deleteCraving(id: String) async -> Result<Void, CoreFailure> {
        deleted.append(id)
        return answer(Void())
    }

    func addEncounter(_ draft: EncounterDraft) async -> Result<Encounter, CoreFailure> {
        encounters.append((nil, draft))
        return answer(LogFixtures.encounter(draft, id: "e-new"))
    }

    func updateEncounter(id: String, draft: EncounterDraft) async -> Result<Encounter, CoreFailure> {
        encounters.append((id, draft))
        return answer(LogFixtures.encounter(draft, id: id))
    }

    func encounter(id: String) async -> Result<Encounter, CoreFailure> {
        guard let storedEncounter, storedEncounter.id == id else { return .failure(.notFound) }
        return .success(storedEncounter)
    }

    func deleteEncounter(id: String) async -> Result<Void, CoreFailure> {
        deleted.append(id)
        return answer(Void())
    }

    func addCheckIn(_ draft: CheckInDraft) async -> Result<CheckIn, CoreFailure> {
        checkIns.append((nil, draft))
        return answer(LogFixtures.checkIn(draft))
    }

    func updateCheckIn(id: String, draft: CheckInDraft) async -> Result<CheckIn, CoreFailure> {
        checkIns.append((id, draft))
        return answer(LogFixtures.checkIn(draft))
    }

    func checkIn(id: String) async -> Result<CheckIn, CoreFailure> { .failure(.notFound) }
    func deleteCheckIn(id: String) async -> Result<Void, CoreFailure> {
        deleted.append(id)
        return answer(Void())
    }

    func addLapse(_ draft: LapseDraft, language: Language) async -> Result<LapseLogged, CoreFailure> {
        lapses.append((nil, draft, language))
        if let failure { return .failure(failure) }
        guard let logged else { return .failure(.internal) }
        return .success(logged)
    }

    func updateLapse(id: String, draft: LapseDraft) async -> Result<Lapse, CoreFailure> {
        lapses.append((id, draft, nil))
        return answer(LogFixtures.lapse(draft))
    }

    func lapse(id: String) async -> Result<Lapse, CoreFailure> { .failure(.notFound) }
    func deleteLapse(id: String) async -> Result<Void, CoreFailure> {
        deleted.append(id)
        return answer(Void())
    }
}

enum LogFixtures {
    /// 2026-06-01 14:07:30 UTC.
    static let noon = Date(timeIntervalSince1970: 1_780_322_850)
    static let utc = TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0)!

    static let context = EntryContext(
        place: "", withWhom: "", halt: Halt(hungry: false, angry: false, lonely: false, tired: false), mood: nil
    )

    static func craving(_ d: CravingDraft, id: String = "c-new") -> Craving {
        Craving(
            id: id, at: d.at, intensity: d.intensity, durationMinutes: d.durationMinutes, triggers: d.triggers,
            context: d.context, coping: d.coping, outcome: d.outcome, notes: d.notes
        )
    }

    static func encounter(_ d: EncounterDraft, id: String) -> Encounter {
        Encounter(id: id, at: d.at, triggers: d.triggers, context: d.context, howHandled: d.howHandled, coping: d.coping, notes: d.notes)
    }

    static func checkIn(_ d: CheckInDraft) -> CheckIn {
        CheckIn(
            id: "k-new", at: d.at, mood: d.mood, cravingLevel: d.cravingLevel, sleepMinutes: d.sleepMinutes,
            intention: d.intention, anyUse: d.anyUse, halt: d.halt, notes: d.notes
        )
    }

    static func lapse(_ d: LapseDraft) -> Lapse {
        Lapse(
            id: "l-new", at: d.at, clockIds: d.clockIds, resetsClocks: d.resetsClocks, substance: d.substance,
            triggers: d.triggers, context: d.context, notes: d.notes
        )
    }

    static func logged(_ lapse: Lapse) -> LapseLogged {
        LapseLogged(
            lapse: lapse,
            message: AfterLapseMessage(
                title: "A lapse is not the end", paragraphs: ["You wrote it down."], nextStepsHeading: "Next",
                nextSteps: ["Call someone"], safetyHeading: "Safety", safety: []
            ),
            lapsePlan: LapsePlan(steps: [], overdoseSafety: [], crisisLines: []),
            clocks: [TodayFixtures.clock(days: 0)]
        )
    }
}

final class LogModelTests: XCTestCase {
    @MainActor
    private func makeModel(_ calls: FakeLogCalls, _ kind: EntryKind, id: String? = nil) -> LogModel {
        LogModel(
            calls: calls, kind: kind, entryId: id, language: { .spanish },
            zone: LogFixtures.utc, clock: { LogFixtures.noon }
        )
    }

    @MainActor
    func testANewFormOffersThePlansChoicesThenTheRecentOnesAtNow() async {
        let calls = FakeLogCalls()
        let model = makeModel(calls, .craving)

        await model.load()

        let s = model.state
        XCTAssertFalse(s.loading)
        XCTAssertEqual(s.at, Moment(utcMillis: 1_780_322_850_000, offsetMinutes: 0))
        XCTAssertEqual(s.zone, "UTC")
        XCTAssertEqual(s.triggerOptions.map(\.name), ["Payday", "Old bar"])
        XCTAssertEqual(s.triggerOptions.first?.planTriggerId, "t-payday")
        XCTAssertEqual(s.copingOptions.map(\.text), ["Call Sam", "Walked it off"])
        XCTAssertEqual(s.copingOptions.first?.planCopingId, "c-call")
        XCTAssertTrue(s.clocks.isEmpty, "only a lapse asks for the clocks")
    }

    @MainActor
    func testACravingNeedsALevelAndAnOutcomeBeforeTheCoreIsAsked() async {
        let calls = FakeLogCalls()
        let model = makeModel(calls, .craving)
        await model.load()

        await model.save()
        XCTAssertEqual(model.state.problem, .level)
        model.send(.level(7))
        XCTAssertNil(model.state.problem, "a change clears the problem")
        await model.save()
        XCTAssertEqual(model.state.problem, .outcome)

        let asked = await calls.cravings
        XCTAssertTrue(asked.isEmpty)
        XCTAssertFalse(model.state.done)
    }

    @MainActor
    func testSavingACravingSendsTheWholeFormAndCloses() async {
        let calls = FakeLogCalls()
        let model = makeModel(calls, .craving)
        await model.load()
        let payday = model.state.triggerOptions[0]

        model.send(.level(7))
        model.send(.toggleTrigger(payday))
        model.send(.newCoping("Made tea"))
        model.send(.addCoping)
        model.send(.toggleHalt(.tired))
        model.send(.mood(.low))
        model.send(.place("Home"))
        model.send(.duration(15))
        model.send(.outcome(.rodeItOut))
        model.send(.notes("Passed"))
        await model.save()

        let asked = await calls.cravings
        XCTAssertEqual(asked.count, 1)
        let draft = asked[0].draft
        XCTAssertNil(asked[0].id)
        XCTAssertEqual(draft.intensity, 7)
        XCTAssertEqual(draft.durationMinutes, 15)
        XCTAssertEqual(draft.triggers, [payday])
        XCTAssertEqual(draft.coping, [CopingTag(planCopingId: nil, text: "Made tea")])
        XCTAssertEqual(draft.context.halt, Halt(hungry: false, angry: false, lonely: false, tired: true))
        XCTAssertEqual(draft.context.mood, .low)
        XCTAssertEqual(draft.context.place, "Home")
        XCTAssertEqual(draft.outcome, .rodeItOut)
        XCTAssertEqual(draft.notes, "Passed")
        XCTAssertEqual(draft.at, Moment(utcMillis: 1_780_322_850_000, offsetMinutes: 0))
        XCTAssertTrue(model.state.done)
        XCTAssertEqual(model.state.copingOptions.last?.text, "Made tea", "a new step joins the choices")
    }

    @MainActor
    func testTogglingAChoiceTwiceTakesItBack() async {
        let calls = FakeLogCalls()
        let model = makeModel(calls, .encounter)
        await model.load()
        let bar = model.state.triggerOptions[1]

        model.send(.toggleTrigger(bar))
        XCTAssertTrue(model.isChosen(bar))
        model.send(.toggleTrigger(bar))
        XCTAssertFalse(model.isChosen(bar))

        await model.save()
        XCTAssertEqual(model.state.problem, .trigger)
    }

    @MainActor
    func testEditingAnEncounterShowsItThenSavesItUnderItsId() async {
        let calls = FakeLogCalls()
        let own = TriggerTag(planTriggerId: nil, name: "Argument", category: .other)
        let at = Moment(utcMillis: 1_780_236_450_000, offsetMinutes: 0)
        await calls.store(Encounter(
            id: "e-1", at: at, triggers: [own], context: LogFixtures.context, howHandled: "Left", coping: [], notes: "n"
        ))
        let model = makeModel(calls, .encounter, id: "e-1")

        await model.load()
        XCTAssertTrue(model.state.editing)
        XCTAssertEqual(model.state.at, at)
        XCTAssertEqual(model.state.howHandled, "Left")
        XCTAssertTrue(model.isChosen(own))
        XCTAssertTrue(model.state.triggerOptions.contains(own), "an entry's own trigger is among the choices")

        model.send(.howHandled("Left and called"))
        await model.save()

        let asked = await calls.encounters
        XCTAssertEqual(asked.first?.id, "e-1")
        XCTAssertEqual(asked.first?.draft.howHandled, "Left and called")
        XCTAssertEqual(asked.first?.draft.at, at, "editing keeps the entry's own time")
        XCTAssertTrue(model.state.done)
    }

    @MainActor
    func testAnEntryThatIsGoneSaysSo() async {
        let calls = FakeLogCalls()
        let model = makeModel(calls, .encounter, id: "e-gone")

        await model.load()

        XCTAssertEqual(model.state.failure, .notFound)
        XCTAssertFalse(model.state.loading)
    }

    @MainActor
    func testACheckInNeedsAMoodThenALevel() async {
        let calls = FakeLogCalls()
        let model = makeModel(calls, .checkIn)
        await model.load()

        await model.save()
        XCTAssertEqual(model.state.problem, .mood)
        model.send(.mood(.good))
        await model.save()
        XCTAssertEqual(model.state.problem, .level)
        model.send(.level(2))
        model.send(.sleep(420))
        model.send(.anyUse(false))
        model.send(.intention("Go to group"))
        await model.save()

        let asked = await calls.checkIns
        XCTAssertEqual(asked.first?.draft.mood, .good)
        XCTAssertEqual(asked.first?.draft.cravingLevel, 2)
        XCTAssertEqual(asked.first?.draft.sleepMinutes, 420)
        XCTAssertEqual(asked.first?.draft.intention, "Go to group")
        XCTAssertTrue(model.state.done)
    }

    @MainActor
    func testALapseWithAClockNeedsTheChoiceThenShowsTheCoresMessage() async {
        let calls = FakeLogCalls()
        let model = makeModel(calls, .lapse)
        await model.load()
        XCTAssertEqual(model.state.clocks.map(\.id), ["clock-1"])

        model.send(.toggleClock("clock-1"))
        await model.save()
        XCTAssertEqual(model.state.problem, .clockChoice)

        model.send(.resetsClocks(true))
        model.send(.substance("Beer"))
        let draft = LapseDraft(
            at: Moment(utcMillis: 1_780_322_850_000, offsetMinutes: 0), clockIds: ["clock-1"], resetsClocks: true,
            substance: "Beer", triggers: [], context: LogFixtures.context, notes: ""
        )
        let logged = LogFixtures.logged(LogFixtures.lapse(draft))
        await calls.answerLapse(logged)
        await model.save()

        let asked = await calls.lapses
        XCTAssertEqual(asked.first?.draft, draft)
        XCTAssertEqual(asked.first?.language, .spanish)
        XCTAssertEqual(model.state.lapseLogged, logged)
        XCTAssertFalse(model.state.done, "the message stays until Done")
        model.send(.finish)
        XCTAssertTrue(model.state.done)
    }

    @MainActor
    func testARefusedTimeKeepsTheFormAndSaysWhy() async {
        let calls = FakeLogCalls()
        await calls.fail(with: .invalidInput(field: "at", reason: "in_future"))
        let model = makeModel(calls, .craving)
        await model.load()
        model.send(.level(3))
        model.send(.outcome(.ongoing))

        await model.save()

        XCTAssertEqual(model.state.failure, .invalidInput(field: "at", reason: "in_future"))
        XCTAssertEqual(model.state.level, 3)
        XCTAssertFalse(model.state.busy)
        XCTAssertFalse(model.state.done)
    }

    @MainActor
    func testDeletingAsksFirstThenDeletesTheEntry() async {
        let calls = FakeLogCalls()
        await calls.store(Encounter(
            id: "e-1", at: TodayFixtures.at, triggers: [], context: LogFixtures.context, howHandled: "", coping: [], notes: ""
        ))
        let model = makeModel(calls, .encounter, id: "e-1")
        await model.load()

        model.send(.askDelete)
        XCTAssertTrue(model.state.confirmDelete)
        model.send(.cancelDelete)
        XCTAssertFalse(model.state.confirmDelete)
        model.send(.askDelete)
        await model.delete()

        let deleted = await calls.deleted
        XCTAssertEqual(deleted, ["e-1"])
        XCTAssertTrue(model.state.done)
    }

    @MainActor
    func testTheTimeStepsMoveTheLocalTime() async {
        let calls = FakeLogCalls()
        let model = makeModel(calls, .craving)
        await model.load()

        model.send(.when(.minutesEarlier))
        XCTAssertEqual(model.state.at?.utcMillis, 1_780_322_700_000, "14:07:30 snaps back to 14:05")
        model.send(.when(.minutesEarlier))
        XCTAssertEqual(model.state.at?.utcMillis, 1_780_322_400_000, "14:05 steps back to 14:00")
        model.send(.whenNow)
        model.send(.when(.minutesLater))
        XCTAssertEqual(model.state.at?.utcMillis, 1_780_323_000_000, "14:07:30 snaps on to 14:10")
        model.send(.whenNow)
        model.send(.when(.yesterday))
        XCTAssertEqual(model.state.at?.utcMillis, 1_780_236_450_000)
        model.send(.when(.today))
        XCTAssertEqual(model.state.at?.utcMillis, 1_780_322_850_000)
    }

    func testADayEarlierKeepsTheClockTimeAcrossADaylightSavingChange() {
        // 2026-03-08 12:00 in New York (EDT, -4 h) is 16:00 UTC; a day earlier,
        // 2026-03-07 12:00 (EST, -5 h), is 17:00 UTC.
        let at = Moment(utcMillis: 1_772_985_600_000, offsetMinutes: -240)
        let moved = EntryTime.changed(at, by: .dayEarlier, now: LogFixtures.noon, zone: "America/New_York")
        XCTAssertEqual(moved, Moment(utcMillis: 1_772_902_800_000, offsetMinutes: -300))
    }

    func testAnEntryLoggedElsewhereKeepsItsOwnOffset() {
        // Logged at +2 h while the phone is now in New York: its own offset is kept.
        let at = Moment(utcMillis: 1_780_322_850_000, offsetMinutes: 120)
        let moved = EntryTime.changed(at, by: .dayEarlier, now: LogFixtures.noon, zone: "America/New_York")
        XCTAssertEqual(moved, Moment(utcMillis: 1_780_236_450_000, offsetMinutes: 120))
    }
}
