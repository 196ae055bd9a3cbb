import Foundation
import KeelCore

/// Renewing the vault's key (Settings). Long: two key derivations and every
/// record opened and sealed again. The core reports its steps to `progress`
/// and stops at the next one once `cancel` is cancelled (or the vault
/// locks), changing nothing; the sealing itself is one transaction.
public protocol RekeyCalls: AnyObject, Sendable {
    /// A new data key for every record, the passphrase slot made again around
    /// it and every device slot removed (the summary counts them). A wrong
    /// `passphrase` is `.wrongPassphrase`, nothing changed.
    func rekey(passphrase: String, progress: (any KeelCore.Progress)?, cancel: CancelToken?) async -> Result<RekeySummary, CoreFailure>
}

extension VaultProxy: RekeyCalls {
    public func rekey(passphrase: String, progress: (any KeelCore.Progress)?, cancel: CancelToken?) async -> Result<RekeySummary, CoreFailure> {
        await perform { vault in
            try vault.rekey(passphrase: passphrase, progress: progress, cancel: cancel)
        }
    }
}
