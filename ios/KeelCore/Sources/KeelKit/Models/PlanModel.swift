import Foundation
import KeelCore
import Observation

/// The sections a participant edits one at a time: every part of the core's
/// `Plan`, in the order the plan shows them.
public enum PlanSection: Sendable, CaseIterable, Hashable {
    case reasons, goals, routine, warningSigns, triggers, coping, contacts, crisisSteps, overdoseSafety, crisisLines

    /// The section a core field code (`lapse_plan.steps`, `coping_plans.then_action`, …) belongs to.
    public static func of(field: String) -> PlanSection? {
        let parts = field.split(separator: ".", maxSplits: 1).map(String.init)
        switch parts.first ?? "" {
        case "reasons": return .reasons
        case "goals": return .goals
        case "routine": return .routine
        case "warning_signs": return .warningSigns
        case "triggers": return .triggers
        case "coping_plans": return .coping
        case "contacts": return .contacts
        case "crisis_lines": return .crisisLines
        case "lapse_plan":
            switch parts.count > 1 ? parts[1] : "" {
            case "steps": return .crisisSteps
            case "overdose_safety": return .overdoseSafety
            default: return .crisisLines
            }
        default: return nil
        }
    }
}

/// The plan screen: the saved revision as the core returned it, a draft
/// while editing (based on the revision it started from, so a stale save
/// comes back as the core's conflict), the list of revisions, and an older
/// one opened to read. Whether a plan is valid is the core's to say.
@Observable @MainActor
public final class PlanModel {
    public struct State {
        public var loaded: Bool = false
        public var current: PlanRevision?
        /// The plan being edited; nil when reading.
        public var draft: Plan?
        /// The revision the draft started from; nil for the very first plan.
        public var basedOn: UInt32?
        /// The section being edited; nil shows the whole draft (or the saved plan).
        public var section: PlanSection?
        /// The trigger whose kind is being chosen (its twelve choices shown); nil: none.
        public var choosingKind: Int?
        public var withCounselor: Bool = false
        public var revisions: [PlanRevisionInfo] = []
        /// An older revision opened to read.
        public var viewing: PlanRevision?
        public var busy: Bool = false
        public var failure: CoreFailure?
        /// True right after a save, to say so.
        public var saved: Bool = false

        public init() {}
    }

    public enum Action: Sendable {
        /// Edits one section: of the draft if there is one, else of the saved plan.
        case edit(PlanSection)
        /// Back from a section to the whole draft, keeping the changes.
        case allSections
        /// Shows the kinds of trigger `index` to choose from; nil hides them.
        case chooseKind(Int?)
        /// The draft as changed on screen.
        case change(Plan)
        /// Removes trigger `index` and its links from every if-then plan (the core refuses a link to nothing).
        case removeTrigger(Int)
        case withCounselor(Bool)
        /// Drops the draft.
        case cancel
        case closeRevision
    }

    public private(set) var state = State()

    private let calls: any PlanCalls

    public init(calls: any PlanCalls) {
        self.calls = calls
    }

    /// Reads the current plan and its revisions; drops any draft (also "Reload" after a conflict).
    public func load() async {
        state.busy = true
        state.failure = nil
        let current: PlanRevision?
        switch await calls.currentPlan() {
        case .success(let value): current = value
        case .failure(let failure): return fail(failure)
        }
        switch await calls.planHistory() {
        case .success(let revisions):
            var next = State()
            next.loaded = true
            next.current = current
            next.revisions = revisions
            state = next
        case .failure(let failure):
            fail(failure)
        }
    }

    /// Starts a plan from the core's guided template in `language`.
    public func start(from language: Language) async {
        if state.busy { return }
        state.busy = true
        state.failure = nil
        switch await calls.template(language: language) {
        case .success(let plan):
            state.busy = false
            state.draft = plan
            state.basedOn = state.current?.number
            state.section = nil
            state.saved = false
        case .failure(let failure):
            fail(failure)
        }
    }

    public func send(_ action: Action) {
        switch action {
        case .edit(let section):
            if state.draft != nil {
                state.section = section
                state.choosingKind = nil
            } else if let current = state.current {
                state.draft = current.plan
                state.basedOn = current.number
                state.section = section
                state.withCounselor = false
                state.saved = false
                state.failure = nil
            }
        case .allSections:
            state.section = nil
            state.choosingKind = nil
        case .chooseKind(let index):
            state.choosingKind = index
        case .change(let plan):
            state.draft = plan
            state.saved = false
            state.failure = nil
        case .removeTrigger(let index):
            guard let draft = state.draft else { return }
            state.draft = Self.without(trigger: index, in: draft)
            state.saved = false
            state.failure = nil
            state.choosingKind = nil
        case .withCounselor(let value):
            state.withCounselor = value
        case .cancel:
            state.draft = nil
            state.section = nil
            state.failure = nil
        case .closeRevision:
            state.viewing = nil
        }
    }

    /// Adds an empty trigger with a fresh id from the core, so if-then plans can link to it at once.
    public func addTrigger() async {
        guard state.draft != nil, !state.busy else { return }
        state.busy = true
        state.failure = nil
        switch await calls.newItemId() {
        case .success(let id):
            state.busy = false
            guard var draft = state.draft else { return }
            draft.triggers.append(Trigger(id: id, name: "", category: .other, risk: .medium))
            state.draft = draft
            state.saved = false
        case .failure(let failure):
            fail(failure)
        }
    }

    /// Sends the whole draft to the core on top of the revision it started from.
    public func save() async {
        guard let draft = state.draft, !state.busy else { return }
        state.busy = true
        state.failure = nil
        switch await calls.savePlan(draft, basedOn: state.basedOn, withCounselor: state.withCounselor) {
        case .success(let saved):
            let revisions: [PlanRevisionInfo]
            switch await calls.planHistory() {
            case .success(let value): revisions = value
            case .failure: revisions = state.revisions
            }
            var next = State()
            next.loaded = true
            next.current = saved
            next.revisions = revisions
            next.saved = true
            state = next
        case .failure(let failure):
            // A conflict keeps the draft on screen with the core's current revision, until Reload.
            fail(failure)
        }
    }

    /// Opens an older revision to read.
    public func openRevision(_ number: UInt32) async {
        state.busy = true
        state.failure = nil
        switch await calls.planRevision(number: number) {
        case .success(let revision):
            state.busy = false
            state.viewing = revision
        case .failure(let failure):
            fail(failure)
        }
    }

    private func fail(_ failure: CoreFailure) {
        state.loaded = true
        state.busy = false
        state.failure = failure
    }

    /// The plan without trigger `index`, and without the links to it from every if-then plan.
    public nonisolated static func without(trigger index: Int, in plan: Plan) -> Plan {
        guard plan.triggers.indices.contains(index) else { return plan }
        var next = plan
        let removed = next.triggers.remove(at: index)
        next.copingPlans = next.copingPlans.map { coping in
            var kept = coping
            kept.triggerIds.removeAll { $0 == removed.id }
            return kept
        }
        return next
    }

    /// The list with item `from` moved to `to` (both within bounds, else unchanged): reordering a section.
    public nonisolated static func moved<T>(_ items: [T], from: Int, to: Int) -> [T] {
        guard items.indices.contains(from), items.indices.contains(to), from != to else { return items }
        var next = items
        next.insert(next.remove(at: from), at: to)
        return next
    }
}
