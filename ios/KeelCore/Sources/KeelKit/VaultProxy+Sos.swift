import Foundation
import KeelCore

extension VaultProxy: SosCalls {
    /// The saved plan's crisis part while unlocked, else the template's
    /// defaults in `language`. Never fails for being locked: locked (or
    /// locked between the check and the call) falls back to the defaults.
    public func crisisPlan(language: Language) async -> Result<CrisisPlan, CoreFailure> {
        if !isLocked {
            let saved = await perform { vault in try vault.currentPlan()?.plan }
            if let plan = try? saved.get() {
                return .success(CrisisPlan(lapsePlan: plan.lapsePlan, contacts: plan.contacts, saved: true))
            }
        }
        return await performCore {
            let template = try planTemplate(language: language)
            return CrisisPlan(lapsePlan: template.lapsePlan, contacts: [], saved: false)
        }
    }

    public func breathingPlayer(language: Language) async -> Result<any ExercisePlayerProtocol, CoreFailure> {
        await performCore {
            let options = ExerciseOptions(language: language, length: .minutes(minutes: SosModel.breathingMinutes))
            let player: any ExercisePlayerProtocol = try ExercisePlayer.builtin(exerciseId: SosModel.breathingExercise, options: options)
            return player
        }
    }
}
