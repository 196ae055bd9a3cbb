import Foundation
import KeelCore

/// Settings kept outside the vault, so Unlock and SOS speak the
/// participant's language and the lock behaves as chosen while the vault is
/// locked. They hold nothing personal: no name, no entry, no time of use.
@MainActor
public protocol AppSettings: AnyObject {
    /// The chosen language; nil until chosen (the phone's language then).
    var language: Language? { get set }
    /// How long Keel stays unlocked in the background, in seconds; 0 (the
    /// default) locks the moment it leaves the screen. The phone locking
    /// (protected data going away) locks Keel at once whatever this is.
    var lockAfterSeconds: Int { get set }
    /// The participant turned biometric unlock on (the Keychain holds the
    /// device secret); the Keychain item is the proof, this the choice.
    var biometricsOn: Bool { get set }
    /// Discreet mode, off by default: a plain app name on the locked
    /// screens and a neutral app icon, so a glance does not say what Keel is for.
    var discreet: Bool { get set }
}

/// The lock timeouts Settings offers, in seconds (as Android's).
public enum LockTimeouts {
    public static let choices: [Int] = [0, 60, 300, 900]
}

/// `AppSettings` in `UserDefaults` (a plain preferences file in the app's
/// container, protected by the phone's data protection like the rest of it).
public final class DefaultsSettings: AppSettings {
    private let defaults: UserDefaults

    private enum Key {
        static let language = "keel.language"
        static let lockAfter = "keel.lockAfterSeconds"
        static let biometrics = "keel.biometricsOn"
        static let discreet = "keel.discreet"
    }

    public init(defaults: UserDefaults = .standard) {
        self.defaults = defaults
    }

    public var language: Language? {
        get { defaults.string(forKey: Key.language).map { Loc.language(code: $0) } }
        set {
            if let newValue {
                defaults.set(Loc.code(of: newValue), forKey: Key.language)
            } else {
                defaults.removeObject(forKey: Key.language)
            }
        }
    }

    public var lockAfterSeconds: Int {
        get { max(0, defaults.integer(forKey: Key.lockAfter)) }
        set { defaults.set(max(0, newValue), forKey: Key.lockAfter) }
    }

    public var biometricsOn: Bool {
        get { defaults.bool(forKey: Key.biometrics) }
        set { defaults.set(newValue, forKey: Key.biometrics) }
    }

    public var discreet: Bool {
        get { defaults.bool(forKey: Key.discreet) }
        set { defaults.set(newValue, forKey: Key.discreet) }
    }
}

/// Settings in memory, for tests and previews.
public final class MemorySettings: AppSettings {
    public var language: Language?
    public var lockAfterSeconds: Int
    public var biometricsOn: Bool
    public var discreet: Bool

    public init(language: Language? = nil, lockAfterSeconds: Int = 0, biometricsOn: Bool = false, discreet: Bool = false) {
        self.language = language
        self.lockAfterSeconds = lockAfterSeconds
        self.biometricsOn = biometricsOn
        self.discreet = discreet
    }
}
