import Foundation
import KeelCore

/// The core's progress on a long backup call, as a fraction 0...1. The core
/// calls it on its own queue; `onFraction` hops to where the model lives.
public final class FractionProgress: KeelCore.Progress, @unchecked Sendable {
    private let onFraction: @Sendable (Double) -> Void

    public init(_ onFraction: @escaping @Sendable (Double) -> Void) {
        self.onFraction = onFraction
    }

    public func onProgress(done: UInt64, total: UInt64) {
        guard total > 0 else { return }
        onFraction(min(1, max(0, Double(done) / Double(total))))
    }
}

/// Why a backup or a restore did not happen, as the screens say it; nothing
/// was written in any case.
public enum BackupProblem: Equatable, Sendable {
    /// No file was read (empty, or the picker failed).
    case noFile
    /// The backup passphrase does not open the file.
    case wrongBackupPassphrase
    /// Not a Keel backup, or changed or damaged since it was made.
    case damaged
    /// Made by a newer Keel: update the app.
    case newer
    /// Larger than a backup can be, or holding records only a newer Keel knows.
    case tooLarge
    /// The new vault passphrase is too short.
    case tooShort
    /// The new backup passphrase is too short (a backup's rule: 12 characters or 4 words).
    case backupTooShort
    /// A new passphrase is too easy to guess.
    case weak
    /// The two copies of the new passphrase differ.
    case mismatch
    /// The participant stopped it.
    case cancelled
    case storageFull
    case locked
    case failed

    /// From the core's failure on a backup call: an invalid `passphrase` is
    /// the new passphrase being too short (`tooShort`: the vault's, or on a
    /// backup the backup's); an invalid `backup` a file too large or
    /// holding unknown records.
    public init(_ failure: CoreFailure, tooShort: BackupProblem = .tooShort) {
        switch failure {
        case .wrongPassphrase: self = .wrongBackupPassphrase
        case .damagedBackup: self = .damaged
        case .newerFormat: self = .newer
        case .cancelled: self = .cancelled
        case .storageFull: self = .storageFull
        case .locked: self = .locked
        case .weakPassphrase: self = .weak
        case let .invalidInput(field, _):
            switch field {
            case "passphrase": self = tooShort
            case "backup": self = .tooLarge
            default: self = .failed
            }
        default: self = .failed
        }
    }
}
