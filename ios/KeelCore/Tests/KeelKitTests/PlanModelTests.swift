import KeelCore
@testable import KeelKit
import XCTest

/// The plan's core calls over one saved revision in memory, checking the
/// revision a save is based on the way the core does.
actor FakePlanCalls: PlanCalls {
    var current: PlanRevision?
    var revisions: [PlanRevisionInfo] = []
    var refusal: CoreFailure?
    private var nextId = 0
    private(set) var saves: [(plan: Plan, basedOn: UInt32?, withCounselor: Bool)] = []
    private(set) var templates: [Language] = []

    func seed(_ revision: PlanRevision) {
        current = revision
        revisions = [PlanRevisionInfo(number: revision.number, savedAt: revision.savedAt, withCounselor: revision.withCounselor)]
    }

    func refuse(with failure: CoreFailure?) { refusal = failure }

    func currentPlan() async -> Result<PlanRevision?, CoreFailure> { .success(current) }

    func template(language: Language) async -> Result<Plan, CoreFailure> {
        templates.append(language)
        return .success(PlanFixtures.plan(reasons: [language == .spanish ? "Mi familia" : "My family"]))
    }

    func savePlan(_ plan: Plan, basedOn: UInt32?, withCounselor: Bool) async -> Result<PlanRevision, CoreFailure> {
        saves.append((plan, basedOn, withCounselor))
        if let refusal { return .failure(refusal) }
        if basedOn != current?.number { return .failure(.conflict(currentRevision: current?.number)) }
        let saved = PlanRevision(
            number: (current?.number ?? 0) + 1, savedAt: TodayFixtures.at, withCounselor: withCounselor, plan: plan
        )
        current = saved
        revisions.insert(PlanRevisionInfo(number: saved.number, savedAt: saved.savedAt, withCounselor: withCounselor), at: 0)
        return .success(saved)
    }

    func planHistory() async -> Result<[PlanRevisionInfo], CoreFailure> { .success(revisions) }

    func planRevision(number: UInt32) async -> Result<PlanRevision, CoreFailure> {
        guard let current, current.number == number else { return .failure(.notFound) }
        return .success(current)
    }

    func newItemId() async -> Result<String, CoreFailure> {
        nextId += 1
        return .success("new-\(nextId)")
    }
}

enum PlanFixtures {
    static func plan(
        reasons: [String] = ["My kids"],
        triggers: [Trigger] = [],
        copingPlans: [CopingPlan] = []
    ) -> Plan {
        Plan(
            reasons: reasons, goals: [], warningSigns: [], triggers: triggers, copingPlans: copingPlans, contacts: [],
            lapsePlan: LapsePlan(steps: ["Call my sponsor"], overdoseSafety: [], crisisLines: []), routine: []
        )
    }

    static func revision(_ number: UInt32, _ plan: Plan) -> PlanRevision {
        PlanRevision(number: number, savedAt: TodayFixtures.at, withCounselor: false, plan: plan)
    }
}

final class PlanModelTests: XCTestCase {
    @MainActor
    func testAFirstPlanStartsFromTheTemplateInTheChosenLanguage() async {
        let calls = FakePlanCalls()
        let model = PlanModel(calls: calls)
        await model.load()
        XCTAssertTrue(model.state.loaded)
        XCTAssertNil(model.state.current)

        await model.start(from: .spanish)

        XCTAssertEqual(model.state.draft?.reasons, ["Mi familia"])
        XCTAssertNil(model.state.basedOn)
        let asked = await calls.templates
        XCTAssertEqual(asked, [.spanish])

        model.send(.withCounselor(true))
        await model.save()

        XCTAssertEqual(model.state.current?.number, 1)
        XCTAssertEqual(model.state.current?.withCounselor, true)
        XCTAssertNil(model.state.draft)
        XCTAssertTrue(model.state.saved)
        XCTAssertEqual(model.state.revisions.map(\.number), [1])
    }

    @MainActor
    func testEditingASectionDraftsTheSavedPlanAndSavesOnTopOfIt() async {
        let calls = FakePlanCalls()
        await calls.seed(PlanFixtures.revision(3, PlanFixtures.plan()))
        let model = PlanModel(calls: calls)
        await model.load()

        model.send(.edit(.reasons))
        XCTAssertEqual(model.state.section, .reasons)
        XCTAssertEqual(model.state.basedOn, 3)
        var draft = model.state.draft!
        draft.reasons.append("My health")
        model.send(.change(draft))
        model.send(.allSections)
        XCTAssertNil(model.state.section)
        await model.save()

        let saves = await calls.saves
        XCTAssertEqual(saves.first?.basedOn, 3)
        XCTAssertEqual(saves.first?.plan.reasons, ["My kids", "My health"])
        XCTAssertEqual(model.state.current?.number, 4)
    }

    @MainActor
    func testAStaleSaveKeepsTheDraftUntilReload() async {
        let calls = FakePlanCalls()
        await calls.seed(PlanFixtures.revision(3, PlanFixtures.plan()))
        let model = PlanModel(calls: calls)
        await model.load()
        model.send(.edit(.goals))
        // Saved elsewhere meanwhile.
        await calls.seed(PlanFixtures.revision(4, PlanFixtures.plan(reasons: ["Elsewhere"])))

        await model.save()

        XCTAssertEqual(model.state.failure, .conflict(currentRevision: 4))
        XCTAssertNotNil(model.state.draft)
        XCTAssertFalse(model.state.busy)

        await model.load()
        XCTAssertNil(model.state.draft)
        XCTAssertNil(model.state.failure)
        XCTAssertEqual(model.state.current?.plan.reasons, ["Elsewhere"])
    }

    @MainActor
    func testARefusedItemKeepsTheDraftAndSaysWhere() async {
        let calls = FakePlanCalls()
        await calls.refuse(with: .invalidInput(field: "contacts.phone", reason: "too_few_digits"))
        let model = PlanModel(calls: calls)
        await model.load()
        await model.start(from: .english)

        await model.save()

        XCTAssertEqual(model.state.failure, .invalidInput(field: "contacts.phone", reason: "too_few_digits"))
        XCTAssertNotNil(model.state.draft)
        XCTAssertEqual(PlanSection.of(field: "contacts.phone"), .contacts)
    }

    @MainActor
    func testANewTriggerGetsAnIdFromTheCoreAndRemovingItUnlinksIt() async {
        let calls = FakePlanCalls()
        let model = PlanModel(calls: calls)
        await model.load()
        await model.start(from: .english)

        await model.addTrigger()
        let trigger = model.state.draft?.triggers.last
        XCTAssertEqual(trigger?.id, "new-1")
        XCTAssertEqual(trigger?.category, .other)
        XCTAssertEqual(trigger?.risk, .medium)

        var draft = model.state.draft!
        draft.copingPlans = [CopingPlan(id: "c1", ifSituation: "If", thenAction: "Then", triggerIds: ["new-1", "other"])]
        model.send(.change(draft))
        model.send(.removeTrigger(draft.triggers.count - 1))

        XCTAssertEqual(model.state.draft?.triggers.contains { $0.id == "new-1" }, false)
        XCTAssertEqual(model.state.draft?.copingPlans.first?.triggerIds, ["other"])
    }

    @MainActor
    func testAnOlderRevisionOpensToReadAndCloses() async {
        let calls = FakePlanCalls()
        await calls.seed(PlanFixtures.revision(2, PlanFixtures.plan()))
        let model = PlanModel(calls: calls)
        await model.load()

        await model.openRevision(2)
        XCTAssertEqual(model.state.viewing?.number, 2)
        model.send(.closeRevision)
        XCTAssertNil(model.state.viewing)

        await model.openRevision(9)
        XCTAssertEqual(model.state.failure, .notFound)
    }

    @MainActor
    func testCancelDropsTheDraft() async {
        let calls = FakePlanCalls()
        await calls.seed(PlanFixtures.revision(1, PlanFixtures.plan()))
        let model = PlanModel(calls: calls)
        await model.load()
        model.send(.edit(.contacts))

        model.send(.cancel)

        XCTAssertNil(model.state.draft)
        XCTAssertNil(model.state.section)
        let saves = await calls.saves
        XCTAssertTrue(saves.isEmpty)
    }

    func testFieldCodesNameTheirSection() {
        XCTAssertEqual(PlanSection.of(field: "lapse_plan.steps"), .crisisSteps)
        XCTAssertEqual(PlanSection.of(field: "lapse_plan.overdose_safety"), .overdoseSafety)
        XCTAssertEqual(PlanSection.of(field: "lapse_plan.crisis_lines.phone"), .crisisLines)
        XCTAssertEqual(PlanSection.of(field: "coping_plans.then_action"), .coping)
        XCTAssertNil(PlanSection.of(field: "somewhere"))
    }

    func testMovingAnItemKeepsTheOthersInOrder() {
        XCTAssertEqual(PlanModel.moved(["a", "b", "c"], from: 2, to: 0), ["c", "a", "b"])
        XCTAssertEqual(PlanModel.moved(["a", "b"], from: 0, to: 5), ["a", "b"])
    }
}
