import KeelCore
@testable import KeelKit
import XCTest

/// The questionnaires' core calls answered from what a test sets, with what was asked recorded.
actor FakeMeasuresCalls: MeasuresCalls {
    var due: Result<[MeasureDue], CoreFailure> = .success([])
    var schedules: [MeasureSchedule] = MeasuresFixtures.schedules
    var forms: [Language: MeasureForm] = [.english: MeasuresFixtures.bamForm(.english)]
    var history: Result<MeasureHistory, CoreFailure> = .success(MeasuresFixtures.history([]))
    var submitAnswer: Result<MeasureSubmitted, CoreFailure> = .failure(.internal)
    var saveFailure: CoreFailure?
    private(set) var formsAsked: [Language] = []
    private(set) var submitted: [(answers: [MeasureAnswer], language: Language, responseId: String?)] = []
    private(set) var saved: [MeasureSchedule] = []
    private(set) var dueAsked = 0

    func set(due: Result<[MeasureDue], CoreFailure>) { self.due = due }
    func set(forms: [Language: MeasureForm]) { self.forms = forms }
    func set(history: Result<MeasureHistory, CoreFailure>) { self.history = history }
    func set(submit: Result<MeasureSubmitted, CoreFailure>) { submitAnswer = submit }
    func set(saveFailure: CoreFailure?) { self.saveFailure = saveFailure }

    func measuresDue(language: Language) async -> Result<[MeasureDue], CoreFailure> {
        dueAsked += 1
        return due
    }

    func form(for measure: MeasureKind, language: Language) async -> Result<MeasureForm, CoreFailure> {
        formsAsked.append(language)
        guard let form = forms[language] else { return .failure(.invalidInput(field: "language", reason: "not_published")) }
        return .success(form)
    }

    func submitMeasure(_ measure: MeasureKind, language: Language, answers: [MeasureAnswer], responseId: String?) async -> Result<MeasureSubmitted, CoreFailure> {
        submitted.append((answers, language, responseId))
        return submitAnswer
    }

    func measureHistory(_ measure: MeasureKind, language: Language) async -> Result<MeasureHistory, CoreFailure> {
        history
    }

    func measureSchedules() async -> Result<[MeasureSchedule], CoreFailure> {
        .success(schedules)
    }

    func setMeasureSchedule(_ schedule: MeasureSchedule) async -> Result<[MeasureSchedule], CoreFailure> {
        if let saveFailure { return .failure(saveFailure) }
        saved.append(schedule)
        schedules = schedules.map { $0.measure == schedule.measure ? schedule : $0 }
        return .success(schedules)
    }
}

enum MeasuresFixtures {
    static let schedules = [
        MeasureSchedule(measure: .bam, enabled: true, everyDays: 7, reminderMinute: nil),
        MeasureSchedule(measure: .phq9, enabled: false, everyDays: 14, reminderMinute: nil),
    ]

    static func choices() -> [MeasureChoice] {
        [MeasureChoice(value: 0, label: "Not at all"), MeasureChoice(value: 1, label: "1 day"), MeasureChoice(value: 2, label: "2 days")]
    }

    /// Item 7, and 7A asked only when item 7 is above zero (as the BAM has it).
    static func bamForm(_ language: Language) -> MeasureForm {
        MeasureForm(
            measure: .bam,
            shortName: "BAM",
            name: "Brief Addiction Monitor",
            language: language,
            instructions: nil,
            recallDays: 30,
            items: [
                MeasureItem(key: "bam.7", number: "7", groupText: nil, text: "Days of any use", choices: choices(), required: true, askedIf: nil),
                MeasureItem(
                    key: "bam.7a", number: "7A", groupText: "How many days did you use", text: "Alcohol",
                    choices: choices(), required: true, askedIf: MeasureCondition(item: "bam.7", above: 0)
                ),
            ],
            languages: [.english],
            source: "VA",
            terms: "Public domain"
        )
    }

    static func score(_ value: UInt16) -> MeasureScore {
        MeasureScore(
            key: "use", name: "Use", value: value, max: 10, bandLabel: "Some", bandMeaning: "Some use",
            needsAttention: value > 0, higherIsBetter: false, loinc: nil
        )
    }

    static func response(_ id: String, answers: [MeasureAnswer], editable: Bool = true, language: Language = .english) -> MeasureResponse {
        MeasureResponse(
            id: id, measure: .bam, takenAt: TodayFixtures.at, editedAt: nil, language: language,
            answers: answers, scores: [score(1)], flags: [], editable: editable,
            editableUntilUtcMillis: TodayFixtures.at.utcMillis + 86_400_000
        )
    }

    static func history(_ responses: [MeasureResponse]) -> MeasureHistory {
        MeasureHistory(measure: .bam, responses: responses, trends: [], movedItems: [], damagedIds: [])
    }

    static func due(_ measure: MeasureKind) -> MeasureDue {
        MeasureDue(
            measure: measure, shortName: "BAM", name: "Brief Addiction Monitor", dueDate: TodayFixtures.day,
            daysOverdue: 0, lastTaken: nil, languages: [.english]
        )
    }

    static let crisis = CrisisSupport(
        message: "You deserve support right now.",
        contacts: [CrisisContact(name: "988", phone: "988", role: .crisisLine, canText: true)],
        steps: ["Call Sam"],
        reasons: ["My kids"]
    )
}

final class MeasuresModelTests: XCTestCase {
    // MARK: The list

    @MainActor
    func testLoadShowsWhatIsDueAndTheSchedules() async {
        let calls = FakeMeasuresCalls()
        await calls.set(due: .success([MeasuresFixtures.due(.bam)]))
        let model = MeasuresModel(calls: calls, language: { .english })

        await model.load()

        XCTAssertEqual(model.state.due.map(\.measure), [.bam])
        XCTAssertEqual(model.state.schedules, MeasuresFixtures.schedules)
        XCTAssertTrue(model.state.loaded)
        XCTAssertFalse(model.state.busy)
        XCTAssertNil(model.state.failure)
    }

    @MainActor
    func testAScheduleChangeIsSavedByTheCoreAndWhatIsDueReadAgain() async {
        let calls = FakeMeasuresCalls()
        let model = MeasuresModel(calls: calls, language: { .english })
        await model.load()

        await model.send(.every(.bam, days: 14))
        await model.send(.remindAt(.bam, minute: 9 * 60))
        await model.send(.enabled(.phq9, true))

        let saved = await calls.saved
        XCTAssertEqual(saved.map(\.everyDays), [14, 14, 14])
        XCTAssertEqual(saved[1].reminderMinute, 540)
        XCTAssertEqual(saved[2].measure, .phq9)
        XCTAssertTrue(saved[2].enabled)
        XCTAssertEqual(model.state.schedules.first { $0.measure == .phq9 }?.enabled, true)
        let dueAsked = await calls.dueAsked
        XCTAssertEqual(dueAsked, 4)
    }

    @MainActor
    func testARefusedScheduleKeepsTheStoredOneAndSaysWhy() async {
        let calls = FakeMeasuresCalls()
        await calls.set(saveFailure: .invalidInput(field: "every_days", reason: "out_of_range"))
        let model = MeasuresModel(calls: calls, language: { .english })
        await model.load()

        await model.send(.every(.bam, days: 28))

        XCTAssertEqual(model.state.schedules, MeasuresFixtures.schedules)
        XCTAssertEqual(model.state.failure, .invalidInput(field: "every_days", reason: "out_of_range"))
        XCTAssertFalse(model.state.busy)
    }

    // MARK: The form

    @MainActor
    func testAFollowUpItemIsAskedOnlyWhenItsConditionHolds() async {
        let calls = FakeMeasuresCalls()
        let model = MeasureFormModel(calls: calls, measure: .bam, responseId: nil, language: { .english })
        await model.load()
        XCTAssertEqual(model.state.askedItems.map(\.number), ["7"])

        await model.send(.answer(item: "bam.7", value: 2))
        XCTAssertEqual(model.state.askedItems.map(\.number), ["7", "7A"])

        await model.send(.answer(item: "bam.7", value: 0))
        XCTAssertEqual(model.state.askedItems.map(\.number), ["7"])
    }

    @MainActor
    func testAnswersToItemsNoLongerAskedAreNotSent() async {
        let calls = FakeMeasuresCalls()
        await calls.set(submit: .success(MeasureSubmitted(response: MeasuresFixtures.response("r1", answers: []), crisis: nil)))
        let model = MeasureFormModel(calls: calls, measure: .bam, responseId: nil, language: { .english })
        await model.load()
        await model.send(.answer(item: "bam.7", value: 2))
        await model.send(.answer(item: "bam.7a", value: 1))
        await model.send(.answer(item: "bam.7", value: 0))

        await model.send(.submit)

        let submitted = await calls.submitted
        XCTAssertEqual(submitted.count, 1)
        XCTAssertEqual(submitted.first?.answers, [MeasureAnswer(item: "bam.7", value: 0)])
        XCTAssertEqual(submitted.first?.language, .english)
        XCTAssertNil(submitted.first?.responseId)
        XCTAssertNotNil(model.state.submitted)
    }

    @MainActor
    func testWithoutAPublishedVersionInTheLanguageTheEnglishOneIsShownAndSaidSo() async {
        let calls = FakeMeasuresCalls()
        let model = MeasureFormModel(calls: calls, measure: .bam, responseId: nil, language: { .spanish })

        await model.load()

        XCTAssertEqual(model.state.form?.language, .english)
        XCTAssertTrue(model.state.otherLanguage)
        let asked = await calls.formsAsked
        XCTAssertEqual(asked, [.spanish, .english])
    }

    @MainActor
    func testAPublishedVersionInTheLanguageIsUsedAsItIs() async {
        let calls = FakeMeasuresCalls()
        await calls.set(forms: [.english: MeasuresFixtures.bamForm(.english), .spanish: MeasuresFixtures.bamForm(.spanish)])
        let model = MeasureFormModel(calls: calls, measure: .bam, responseId: nil, language: { .spanish })

        await model.load()

        XCTAssertEqual(model.state.form?.language, .spanish)
        XCTAssertFalse(model.state.otherLanguage)
    }

    @MainActor
    func testAMissingItemIsNamedByItsPrintedNumber() async {
        let calls = FakeMeasuresCalls()
        await calls.set(submit: .failure(.invalidInput(field: "bam.7", reason: "required")))
        let model = MeasureFormModel(calls: calls, measure: .bam, responseId: nil, language: { .english })
        await model.load()

        await model.send(.submit)

        XCTAssertEqual(model.state.missing, "7")
        XCTAssertNil(model.state.failure)
        XCTAssertNil(model.state.submitted)
        XCTAssertFalse(model.state.busy)

        await model.send(.answer(item: "bam.7", value: 1))
        XCTAssertNil(model.state.missing)
    }

    @MainActor
    func testTheCrisisSupportComesWithTheResult() async {
        let calls = FakeMeasuresCalls()
        let done = MeasureSubmitted(response: MeasuresFixtures.response("r1", answers: []), crisis: MeasuresFixtures.crisis)
        await calls.set(submit: .success(done))
        let model = MeasureFormModel(calls: calls, measure: .bam, responseId: nil, language: { .english })
        await model.load()
        await model.send(.answer(item: "bam.7", value: 0))

        await model.send(.submit)

        XCTAssertEqual(model.state.submitted?.crisis, MeasuresFixtures.crisis)
        // Sent once: the result stays, further taps change nothing.
        await model.send(.answer(item: "bam.7", value: 2))
        await model.send(.submit)
        XCTAssertEqual(model.state.answers["bam.7"], 0)
        let submitted = await calls.submitted
        XCTAssertEqual(submitted.count, 1)
    }

    @MainActor
    func testChangingAResponseStartsFromItsAnswersAndSendsItsId() async {
        let calls = FakeMeasuresCalls()
        let answered = MeasuresFixtures.response("r1", answers: [MeasureAnswer(item: "bam.7", value: 2), MeasureAnswer(item: "bam.7a", value: 1)])
        await calls.set(history: .success(MeasuresFixtures.history([answered])))
        await calls.set(submit: .success(MeasureSubmitted(response: answered, crisis: nil)))
        let model = MeasureFormModel(calls: calls, measure: .bam, responseId: "r1", language: { .english })

        await model.load()

        XCTAssertEqual(model.state.responseId, "r1")
        XCTAssertEqual(model.state.answers, ["bam.7": 2, "bam.7a": 1])
        await model.send(.submit)
        let submitted = await calls.submitted
        XCTAssertEqual(submitted.first?.responseId, "r1")
    }

    @MainActor
    func testAResponseNoLongerEditableOpensABlankForm() async {
        let calls = FakeMeasuresCalls()
        let closed = MeasuresFixtures.response("r1", answers: [MeasureAnswer(item: "bam.7", value: 2)], editable: false)
        await calls.set(history: .success(MeasuresFixtures.history([closed])))
        let model = MeasureFormModel(calls: calls, measure: .bam, responseId: "r1", language: { .english })

        await model.load()

        XCTAssertNil(model.state.responseId)
        XCTAssertTrue(model.state.answers.isEmpty)
    }

    // MARK: Past answers

    @MainActor
    func testHistoryShowsTheCoresRecordAndAFailureSaysWhy() async {
        let calls = FakeMeasuresCalls()
        let history = MeasuresFixtures.history([MeasuresFixtures.response("r1", answers: [])])
        await calls.set(history: .success(history))
        let model = MeasureHistoryModel(calls: calls, measure: .bam, language: { .english })

        await model.load()
        XCTAssertEqual(model.state.history, history)

        await calls.set(history: .failure(.locked))
        await model.load()
        XCTAssertEqual(model.state.history, history)
        XCTAssertEqual(model.state.failure, .locked)
        XCTAssertFalse(model.state.busy)
    }

    // MARK: Reminders

    @MainActor
    func testAMeasureReminderOpensTheQuestionnairesAfterUnlock() {
        let router = Router()
        router.start(vaultExists: true)

        router.open(fromReminder: ReminderTarget(kind: .measure(measure: .bam)).route)
        router.unlocked()

        XCTAssertEqual(router.top, .measures)
    }
}
