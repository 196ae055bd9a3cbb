import Foundation
import KeelCore

extension VaultProxy: SettingsCalls {
    public func changePassphrase(current: String, new: String) async -> Result<Void, CoreFailure> {
        await perform { vault in try vault.changePassphrase(current: current, newPassphrase: new) }
    }

    public func wipe() async -> Result<Void, CoreFailure> {
        let result = await perform { vault in try vault.wipe() }
        if case .success = result { forget() }
        return result
    }
}
