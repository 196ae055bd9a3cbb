import Foundation
import KeelCore

/// Biometric unlock, done by the platform: on iOS the core's device secret
/// in the Keychain behind an access control that needs the current Face ID
/// or Touch ID set (`KeychainBiometrics` in the app's glue); tests use a
/// fake. The passphrase always remains the way back in.
@MainActor
public protocol Biometrics: AnyObject {
    /// The phone can unlock with Face ID or Touch ID (hardware present, enrolled, a passcode set).
    func available() -> Bool
    /// A device secret is stored on this phone: offer the biometric button.
    func enrolled() -> Bool
    /// Asks for Face ID or Touch ID, then stores `slot`'s secret behind it;
    /// false when the person cancelled or the platform refused (the caller
    /// then removes the slot from the vault).
    func enrol(_ slot: NewDeviceSlot) async -> Bool
    /// Asks for Face ID or Touch ID and reads the stored secret.
    func unlock() async -> BiometricUnlock
    /// Forgets the stored secret; answers the slot id it held, to remove from the vault.
    @discardableResult
    func forget() -> String?
}

public enum BiometricUnlock: Sendable, CustomStringConvertible {
    /// The device secret: hand it to the vault at once, then drop it.
    case secret(Data)
    case cancelled
    /// A new face or finger was enrolled since: the stored secret is gone;
    /// `slotId` is the vault's slot it opened, to remove after the next
    /// passphrase unlock.
    case invalidated(slotId: String?)

    /// Never the secret's bytes.
    public var description: String {
        switch self {
        case .secret: return "secret(..)"
        case .cancelled: return "cancelled"
        case .invalidated: return "invalidated"
        }
    }
}

/// A phone without biometric unlock (and the default where none is needed).
@MainActor
public final class NoBiometrics: Biometrics {
    public init() {}
    public func available() -> Bool { false }
    public func enrolled() -> Bool { false }
    public func enrol(_ slot: NewDeviceSlot) async -> Bool { false }
    public func unlock() async -> BiometricUnlock { .cancelled }
    public func forget() -> String? { nil }
}

/// Waits between ticks of a countdown; tests pass one that returns at once.
public typealias Sleeper = @Sendable (Duration) async -> Void

public enum Sleepers {
    /// The real clock.
    public static let clock: Sleeper = { duration in try? await Task.sleep(for: duration) }
}

/// Discreet mode's neutral app icon, done by the platform
/// (`UIApplication.setAlternateIconName` in the app's glue).
@MainActor
public protocol AppIconSwitch: AnyObject {
    /// Shows the neutral icon (`true`) or Keel's own; false when the system refused.
    func useNeutralIcon(_ neutral: Bool) async -> Bool
}

@MainActor
public final class NoAppIconSwitch: AppIconSwitch {
    public init() {}
    public func useNeutralIcon(_ neutral: Bool) async -> Bool { false }
}
