import Foundation
import KeelCore

/// The core calls the log forms make: the form's choices, the clocks a lapse
/// concerns, and adding, reading, changing and deleting each kind of entry.
public protocol LogCalls: Sendable {
    /// The plan's triggers and if-then steps, then recent free-text ones.
    func cravingForm() async -> Result<CravingForm, CoreFailure>
    /// The sobriety clocks as they stand now (a lapse offers them to restart).
    func clocks() async -> Result<[SobrietyClockStatus], CoreFailure>

    func addCraving(_ draft: CravingDraft) async -> Result<Craving, CoreFailure>
    func updateCraving(id: String, draft: CravingDraft) async -> Result<Craving, CoreFailure>
    func craving(id: String) async -> Result<Craving, CoreFailure>
    func deleteCraving(id: String) async -> Result<Void, CoreFailure>

    func addEncounter(_ draft: EncounterDraft) async -> Result<Encounter, CoreFailure>
    func updateEncounter(id: String, draft: EncounterDraft) async -> Result<Encounter, CoreFailure>
    func encounter(id: String) async -> Result<Encounter, CoreFailure>
    func deleteEncounter(id: String) async -> Result<Void, CoreFailure>

    func addCheckIn(_ draft: CheckInDraft) async -> Result<CheckIn, CoreFailure>
    func updateCheckIn(id: String, draft: CheckInDraft) async -> Result<CheckIn, CoreFailure>
    func checkIn(id: String) async -> Result<CheckIn, CoreFailure>
    func deleteCheckIn(id: String) async -> Result<Void, CoreFailure>

    /// Logs a lapse: the lapse, the core's message in `language`, the lapse plan, the clocks now.
    func addLapse(_ draft: LapseDraft, language: Language) async -> Result<LapseLogged, CoreFailure>
    func updateLapse(id: String, draft: LapseDraft) async -> Result<Lapse, CoreFailure>
    func lapse(id: String) async -> Result<Lapse, CoreFailure>
    func deleteLapse(id: String) async -> Result<Void, CoreFailure>
}

extension VaultProxy: LogCalls {
    public func cravingForm() async -> Result<CravingForm, CoreFailure> {
        await perform { vault in try vault.cravingForm() }
    }

    public func clocks() async -> Result<[SobrietyClockStatus], CoreFailure> {
        let now = self.now()
        return await perform { vault in try vault.listClocks(now: now) }
    }

    public func addCraving(_ draft: CravingDraft) async -> Result<Craving, CoreFailure> {
        await perform { vault in try vault.addCraving(draft: draft) }
    }

    public func updateCraving(id: String, draft: CravingDraft) async -> Result<Craving, CoreFailure> {
        await perform { vault in try vault.updateCraving(id: id, draft: draft) }
    }

    public func craving(id: String) async -> Result<Craving, CoreFailure> {
        await perform { vault in try vault.getCraving(id: id) }
    }

    public func deleteCraving(id: String) async -> Result<Void, CoreFailure> {
        await perform { vault in try vault.deleteCraving(id: id) }
    }

    public func addEncounter(_ draft: EncounterDraft) async -> Result<Encounter, CoreFailure> {
        await perform { vault in try vault.addEncounter(draft: draft) }
    }

    public func updateEncounter(id: String, draft: EncounterDraft) async -> Result<Encounter, CoreFailure> {
        await perform { vault in try vault.updateEncounter(id: id, draft: draft) }
    }

    public func encounter(id: String) async -> Result<Encounter, CoreFailure> {
        await perform { vault in try vault.getEncounter(id: id) }
    }

    public func deleteEncounter(id: String) async -> Result<Void, CoreFailure> {
        await perform { vault in try vault.deleteEncounter(id: id) }
    }

    public func addCheckIn(_ draft: CheckInDraft) async -> Result<CheckIn, CoreFailure> {
        await perform { vault in try vault.addCheckIn(draft: draft) }
    }

    public func updateCheckIn(id: String, draft: CheckInDraft) async -> Result<CheckIn, CoreFailure> {
        await perform { vault in try vault.updateCheckIn(id: id, draft: draft) }
    }

    public func checkIn(id: String) async -> Result<CheckIn, CoreFailure> {
        await perform { vault in try vault.getCheckIn(id: id) }
    }

    public func deleteCheckIn(id: String) async -> Result<Void, CoreFailure> {
        await perform { vault in try vault.deleteCheckIn(id: id) }
    }

    public func addLapse(_ draft: LapseDraft, language: Language) async -> Result<LapseLogged, CoreFailure> {
        let now = self.now()
        return await perform { vault in try vault.addLapse(draft: draft, now: now, language: language) }
    }

    public func updateLapse(id: String, draft: LapseDraft) async -> Result<Lapse, CoreFailure> {
        await perform { vault in try vault.updateLapse(id: id, draft: draft) }
    }

    public func lapse(id: String) async -> Result<Lapse, CoreFailure> {
        await perform { vault in try vault.getLapse(id: id) }
    }

    public func deleteLapse(id: String) async -> Result<Void, CoreFailure> {
        await perform { vault in try vault.deleteLapse(id: id) }
    }
}
