import Foundation
import KeelCore

/// Backup and restore into this vault. The long calls (a key derivation
/// each) take the screen's progress and cancel token: the core reports its
/// steps and stops at the next one once cancelled, writing nothing.
public protocol BackupCalls: AnyObject, Sendable {
    /// An encrypted backup of every record, in memory, under the core's neutral file name.
    func backup(passphrase: String, progress: (any KeelCore.Progress)?, cancel: CancelToken?) async -> Result<BackupFile, CoreFailure>
    /// What the backup holds set against this vault, kind by kind, and from when; writes nothing.
    func inspectAgainstVault(_ backup: Data, passphrase: String, progress: (any KeelCore.Progress)?, cancel: CancelToken?) async -> Result<BackupContents, CoreFailure>
    /// Adds the backup's records beside this vault's own (those it holds
    /// already are kept as they are, never replaced), all or nothing.
    func restoreIntoVault(_ backup: Data, passphrase: String, progress: (any KeelCore.Progress)?, cancel: CancelToken?) async -> Result<RestoreSummary, CoreFailure>
}

extension VaultProxy: BackupCalls {
    public func backup(passphrase: String, progress: (any KeelCore.Progress)?, cancel: CancelToken?) async -> Result<BackupFile, CoreFailure> {
        let now = self.now()
        return await perform { vault in
            try vault.backupBytes(passphrase: passphrase, now: now, progress: progress, cancel: cancel)
        }
    }

    public func inspectAgainstVault(_ backup: Data, passphrase: String, progress: (any KeelCore.Progress)?, cancel: CancelToken?) async -> Result<BackupContents, CoreFailure> {
        await perform { vault in
            try vault.inspectBackupBytes(backup: backup, passphrase: passphrase, progress: progress, cancel: cancel)
        }
    }

    public func restoreIntoVault(_ backup: Data, passphrase: String, progress: (any KeelCore.Progress)?, cancel: CancelToken?) async -> Result<RestoreSummary, CoreFailure> {
        await perform { vault in
            try vault.restoreBackupBytes(backup: backup, passphrase: passphrase, mode: .addToExisting, progress: progress, cancel: cancel)
        }
    }
}
