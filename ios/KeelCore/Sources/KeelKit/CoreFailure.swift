import KeelCore

/// Why a core call failed, as the screens act on it. Mapped once from the
/// bindings' `KeelError`, so no screen matches on generated error cases and
/// no message written by the core (in English, for developers) reaches a
/// person: each screen shows its own localised text for each case.
public enum CoreFailure: Error, Equatable, Sendable {
    /// The passphrase (or the device secret) did not open the vault. The
    /// growing wait before the next try is the shell's (`UnlockWait`): the
    /// core writes nothing on a failed attempt, so it counts nothing.
    case wrongPassphrase
    /// The vault is locked: show Unlock.
    case locked
    /// A value was refused; `field` names it and `reason` says why (the
    /// core's codes, docs/errors.md). Nothing was written.
    case invalidInput(field: String, reason: String)
    /// A new passphrase is too easy to guess; `reason` is the core's code.
    case weakPassphrase(reason: String)
    case notFound
    /// Someone saved first (the plan); `currentRevision` is theirs.
    case conflict(currentRevision: UInt32?)
    /// The phone's storage is full; nothing was written.
    case storageFull
    /// A backup file is not one, or is damaged; the vault is unchanged.
    case damagedBackup
    case alreadyExists
    /// The vault file is damaged; a copy was kept aside under `keptAs`.
    case damaged(keptAs: String)
    /// A newer app wrote the vault: update the app.
    case newerFormat
    case cancelled
    /// Storage failed, a record failed its integrity check, or anything else.
    case `internal`

    /// The one mapping from the bindings' errors.
    public init(_ error: KeelError) {
        switch error {
        case .WrongCredential: self = .wrongPassphrase
        case .Locked: self = .locked
        case let .InvalidInput(field, reason): self = .invalidInput(field: field, reason: reason)
        case let .WeakPassphrase(reason): self = .weakPassphrase(reason: reason)
        case .NotFound: self = .notFound
        case let .Conflict(currentRevision): self = .conflict(currentRevision: currentRevision)
        case .StorageFull: self = .storageFull
        case .DamagedBackup: self = .damagedBackup
        case .AlreadyExists: self = .alreadyExists
        case let .Damaged(keptAs): self = .damaged(keptAs: keptAs)
        case .NewerFormat: self = .newerFormat
        case .Cancelled: self = .cancelled
        // Integrity, Storage, OutOfRange: the generic "something went wrong" path.
        case .Integrity, .Storage, .OutOfRange: self = .internal
        }
    }

    /// Any error thrown by a core call (or by code around it).
    public init(any error: any Error) {
        if let failure = error as? CoreFailure {
            self = failure
        } else if let keel = error as? KeelError {
            self.init(keel)
        } else {
            self = .internal
        }
    }
}
