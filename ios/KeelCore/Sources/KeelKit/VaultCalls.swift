import Foundation
import KeelCore

// The core calls the screens' models make, one small protocol per feature, so
// a model takes only what it uses and its tests pass a fake instead of a
// vault. `VaultProxy` conforms to each in the feature's extension file
// (`VaultProxy+Session.swift`, `VaultProxy+Today.swift`, ...). Screens of
// other features add their own protocol in their own file the same way.

/// Creating, unlocking and locking the vault; device slots for biometric unlock.
public protocol SessionCalls: AnyObject, Sendable {
    /// True if a vault exists: Unlock rather than first launch.
    func exists() async -> Bool
    /// Creates the vault with `passphrase`; unlocked afterwards.
    func create(passphrase: String) async -> Result<Void, CoreFailure>
    /// The core's strength estimate of a passphrase being typed, its texts in `language`.
    func estimatePassphrase(_ passphrase: String, language: Language) async -> Result<PassphraseEstimate, CoreFailure>
    /// A passphrase of common words in `language`, made by the core; always accepted.
    func suggestPassphrase(language: Language) async -> Result<String, CoreFailure>
    func unlock(passphrase: String) async -> Result<Void, CoreFailure>
    func unlock(deviceSecret: Data) async -> Result<Void, CoreFailure>
    /// A new device slot (unlocked only): its id and secret, for the Keychain.
    func addDeviceSlot() async -> Result<NewDeviceSlot, CoreFailure>
    /// The ids of the vault's device slots (unlocked only).
    func deviceSlots() async -> Result<[String], CoreFailure>
    /// Removes a key slot (unlocked only): biometric unlock off, or its key gone.
    func removeSlot(_ slotId: String) async -> Result<Void, CoreFailure>
    /// Drops every key at once.
    func lock()
    var isLocked: Bool { get }
}

/// What SOS shows; works while locked.
public protocol SosCalls: AnyObject, Sendable {
    func crisisPlan(language: Language) async -> Result<CrisisPlan, CoreFailure>
    /// The one-minute box breathing of SOS, a built-in exercise that needs no vault.
    func breathingPlayer(language: Language) async -> Result<any ExercisePlayerProtocol, CoreFailure>
}

/// Settings that reach the vault: the passphrase, erasing.
public protocol SettingsCalls: AnyObject, Sendable {
    func changePassphrase(current: String, new: String) async -> Result<Void, CoreFailure>
    /// Destroys the keys, then deletes the vault; the vault object is forgotten.
    func wipe() async -> Result<Void, CoreFailure>
}

/// The core's reminders, for the notification schedule.
public protocol ReminderCalls: AnyObject, Sendable {
    /// The reminders due within `horizonHours` from now, soonest first, at most `limit`.
    func upcomingReminders(horizonHours: UInt32, limit: UInt32?, language: Language) async -> Result<[Reminder], CoreFailure>
}

/// What SOS shows: the saved plan's lapse plan (its steps, overdose safety,
/// crisis lines) and support contacts while unlocked (`saved`), or the core's
/// template defaults (988 and the SAMHSA helpline) and no contacts while
/// locked or before a plan is saved.
public struct CrisisPlan: Equatable, Sendable {
    public let lapsePlan: LapsePlan
    public let contacts: [SupportContact]
    public let saved: Bool

    public init(lapsePlan: LapsePlan, contacts: [SupportContact], saved: Bool) {
        self.lapsePlan = lapsePlan
        self.contacts = contacts
        self.saved = saved
    }
}

/// A new phone's vault made from a backup file (first launch).
public protocol RestoreCalls: AnyObject, Sendable {
    /// What the backup holds and from when, opened with its passphrase; needs no vault.
    func inspectBackup(_ backup: Data, passphrase: String, progress: (any KeelCore.Progress)?, cancel: CancelToken?) async -> Result<BackupContents, CoreFailure>
    /// Makes the vault under `passphrase` and writes every record of the
    /// backup; unlocked afterwards. A failure or a cancel leaves no vault.
    func restoreNew(_ backup: Data, backupPassphrase: String, passphrase: String, progress: (any KeelCore.Progress)?, cancel: CancelToken?) async -> Result<RestoreSummary, CoreFailure>
}
