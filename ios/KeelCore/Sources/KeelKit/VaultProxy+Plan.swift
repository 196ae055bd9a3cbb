import Foundation
import KeelCore

/// The core calls the Plan screen makes.
public protocol PlanCalls: Sendable {
    /// The saved plan, or nil before the first save.
    func currentPlan() async -> Result<PlanRevision?, CoreFailure>
    /// The guided template in `language`; works before any plan is saved.
    func template(language: Language) async -> Result<Plan, CoreFailure>
    /// Saves on top of revision `basedOn`; a stale one fails as `.conflict` and writes nothing.
    func savePlan(_ plan: Plan, basedOn: UInt32?, withCounselor: Bool) async -> Result<PlanRevision, CoreFailure>
    /// Every saved revision, newest first.
    func planHistory() async -> Result<[PlanRevisionInfo], CoreFailure>
    func planRevision(number: UInt32) async -> Result<PlanRevision, CoreFailure>
    /// A fresh id for a new trigger, so an if-then plan in the same draft can link to it before the first save.
    func newItemId() async -> Result<String, CoreFailure>
}

extension VaultProxy: PlanCalls {
    public func currentPlan() async -> Result<PlanRevision?, CoreFailure> {
        await perform { vault in try vault.currentPlan() }
    }

    public func template(language: Language) async -> Result<Plan, CoreFailure> {
        await performCore { try planTemplate(language: language) }
    }

    public func savePlan(_ plan: Plan, basedOn: UInt32?, withCounselor: Bool) async -> Result<PlanRevision, CoreFailure> {
        let now = self.now()
        return await perform { vault in
            try vault.savePlan(plan: plan, basedOnRevision: basedOn, withCounselor: withCounselor, now: now)
        }
    }

    public func planHistory() async -> Result<[PlanRevisionInfo], CoreFailure> {
        await perform { vault in try vault.planHistory() }
    }

    public func planRevision(number: UInt32) async -> Result<PlanRevision, CoreFailure> {
        await perform { vault in try vault.planRevision(number: number) }
    }

    public func newItemId() async -> Result<String, CoreFailure> {
        await performCore { try newPlanItemId() }
    }
}
