import Foundation
import KeelCore

extension VaultProxy: SessionCalls {
    public func estimatePassphrase(_ passphrase: String, language: Language) async -> Result<PassphraseEstimate, CoreFailure> {
        await performCore { KeelCore.estimatePassphrase(passphrase: passphrase, language: language) }
    }

    public func suggestPassphrase(language: Language) async -> Result<String, CoreFailure> {
        await performCore { try generatePassphrase(language: language) }
    }

    public func addDeviceSlot() async -> Result<NewDeviceSlot, CoreFailure> {
        await perform { vault in try vault.addDeviceSlot() }
    }

    public func deviceSlots() async -> Result<[String], CoreFailure> {
        await perform { vault in
            try vault.listSlots().filter { $0.kind == .device }.map(\.id)
        }
    }

    public func removeSlot(_ slotId: String) async -> Result<Void, CoreFailure> {
        await perform { vault in try vault.removeSlot(slotId: slotId) }
    }
}
