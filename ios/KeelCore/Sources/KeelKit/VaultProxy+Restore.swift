import Foundation
import KeelCore

extension VaultProxy: RestoreCalls {
    public func inspectBackup(_ backup: Data, passphrase: String, progress: (any KeelCore.Progress)?, cancel: CancelToken?) async -> Result<BackupContents, CoreFailure> {
        await performCore {
            try inspectBackupWithoutVault(backup: backup, backupPassphrase: passphrase, progress: progress, cancel: cancel)
        }
    }

    public func restoreNew(_ backup: Data, backupPassphrase: String, passphrase: String, progress: (any KeelCore.Progress)?, cancel: CancelToken?) async -> Result<RestoreSummary, CoreFailure> {
        let dir = directory.path
        let restored = await performCore {
            try restoreNewVault(dir: dir, backup: backup, backupPassphrase: backupPassphrase, passphrase: passphrase, progress: progress, cancel: cancel)
        }
        return restored.map { made in
            adopt(made.vault)
            return made.summary
        }
    }
}
