import Foundation
import KeelCore
import KeelKit
import LocalAuthentication
import Security

/// Biometric unlock with the Keychain and LocalAuthentication. The core's
/// device secret (32 bytes, made by the vault for a device key slot) is kept
/// as a Keychain item that
///   - is readable only while the phone has a passcode, on this phone only
///     (`kSecAttrAccessibleWhenPasscodeSetThisDeviceOnly`: never in a backup,
///     never moved to another phone, gone if the passcode is removed), and
///   - is released only after Face ID or Touch ID with the faces or fingers
///     enrolled when it was stored (`.biometryCurrentSet`: a new enrolment
///     makes it unreadable, and Keel then asks for the passphrase).
/// The prompt is LocalAuthentication's; after too many failed attempts
/// (biometry locked out) the phone's passcode unlocks biometry again and the
/// prompt is shown once more. The passphrase always works.
///
/// The slot id (a random id, nothing personal) is kept in a plain item
/// beside it, so biometric unlock can be turned off without a prompt.
@MainActor
final class KeychainBiometrics: Biometrics {
    private let settings: any AppSettings
    private let appName: () -> String

    private static let secretService = "org.keel.device-secret"
    private static let slotService = "org.keel.device-slot"
    private static let account = "vault"

    init(settings: any AppSettings, appName: @escaping () -> String) {
        self.settings = settings
        self.appName = appName
    }

    func available() -> Bool {
        LAContext().canEvaluatePolicy(.deviceOwnerAuthenticationWithBiometrics, error: nil)
    }

    func enrolled() -> Bool {
        settings.biometricsOn && storedSlot() != nil && secretExists()
    }

    func enrol(_ slot: NewDeviceSlot) async -> Bool {
        guard available() else { return false }
        let context = makeContext()
        guard await authenticate(context) == .success else { return false }
        var flags: Unmanaged<CFError>?
        guard let access = SecAccessControlCreateWithFlags(
            kCFAllocatorDefault,
            kSecAttrAccessibleWhenPasscodeSetThisDeviceOnly,
            .biometryCurrentSet,
            &flags
        ) else { return false }

        var secret = slot.secret.exposeBytes()
        defer { secret.resetBytes(in: 0..<secret.count) }
        removeItems()
        let add: [String: Any] = Self.item(Self.secretService, [
            kSecAttrAccessControl as String: access,
            kSecUseAuthenticationContext as String: context,
            kSecValueData as String: secret,
        ])
        guard SecItemAdd(add as CFDictionary, nil) == errSecSuccess else { return false }
        guard storeSlot(slot.slotId) else {
            removeItems()
            return false
        }
        settings.biometricsOn = true
        return true
    }

    func unlock() async -> BiometricUnlock {
        guard let slotId = storedSlot() else { return .invalidated(slotId: nil) }
        let context = makeContext()
        switch await authenticate(context) {
        case .success:
            break
        case .cancelled:
            return .cancelled
        case .unavailable:
            // No biometry enrolled any more (all faces or fingers removed).
            forget()
            return .invalidated(slotId: slotId)
        }
        let query: [String: Any] = Self.item(Self.secretService, [
            kSecReturnData as String: true,
            kSecMatchLimit as String: kSecMatchLimitOne,
            kSecUseAuthenticationContext as String: context,
        ])
        var found: CFTypeRef?
        let status = SecItemCopyMatching(query as CFDictionary, &found)
        if status == errSecSuccess, let secret = found as? Data {
            return .secret(secret)
        }
        if status == errSecUserCanceled {
            return .cancelled
        }
        // A new enrolment made the item unreadable (or it is gone): forget it.
        forget()
        return .invalidated(slotId: slotId)
    }

    @discardableResult
    func forget() -> String? {
        let slotId = storedSlot()
        removeItems()
        settings.biometricsOn = false
        return slotId
    }

    // MARK: LocalAuthentication

    private enum Outcome: Equatable {
        case success
        case cancelled
        case unavailable
    }

    private func makeContext() -> LAContext {
        let context = LAContext()
        context.localizedReason = Loc.text("screen_biometric_prompt_title", appName())
        context.localizedFallbackTitle = Loc.text("screen_biometric_prompt_cancel")
        context.localizedCancelTitle = Loc.text("action_cancel")
        return context
    }

    /// Face ID or Touch ID; when biometry is locked out after failed
    /// attempts, the phone's passcode first (it unlocks biometry again),
    /// then biometry once more: the Keychain item needs biometry itself.
    private func authenticate(_ context: LAContext) async -> Outcome {
        let reason = Loc.text("screen_biometric_prompt_title", appName())
        guard let failure = await evaluate(context, .deviceOwnerAuthenticationWithBiometrics, reason) else {
            return .success
        }
        switch failure {
        case .biometryLockout:
            guard await evaluate(context, .deviceOwnerAuthentication, reason) == nil else { return .cancelled }
            return await evaluate(context, .deviceOwnerAuthenticationWithBiometrics, reason) == nil ? .success : .cancelled
        case .biometryNotEnrolled, .passcodeNotSet:
            return .unavailable
        default:
            // Cancelled, "use passphrase" (the fallback button), or the system
            // interrupted: the passphrase field is right there.
            return .cancelled
        }
    }

    /// One LocalAuthentication prompt: nil when it succeeded, else why not.
    private func evaluate(_ context: LAContext, _ policy: LAPolicy, _ reason: String) async -> LAError.Code? {
        await withCheckedContinuation { (continuation: CheckedContinuation<LAError.Code?, Never>) in
            context.evaluatePolicy(policy, localizedReason: reason) { success, error in
                if success {
                    continuation.resume(returning: nil)
                } else {
                    let code = (error as? LAError)?.code ?? .authenticationFailed
                    continuation.resume(returning: code)
                }
            }
        }
    }

    // MARK: Keychain items

    private func secretExists() -> Bool {
        let context = LAContext()
        context.interactionNotAllowed = true
        let query: [String: Any] = Self.item(Self.secretService, [
            kSecReturnAttributes as String: true,
            kSecUseAuthenticationContext as String: context,
        ])
        let status = SecItemCopyMatching(query as CFDictionary, nil)
        // Present but needing Face ID answers "interaction not allowed".
        return status == errSecSuccess || status == errSecInteractionNotAllowed
    }

    private func storedSlot() -> String? {
        let query: [String: Any] = Self.item(Self.slotService, [
            kSecReturnData as String: true,
            kSecMatchLimit as String: kSecMatchLimitOne,
        ])
        var found: CFTypeRef?
        guard SecItemCopyMatching(query as CFDictionary, &found) == errSecSuccess, let data = found as? Data else { return nil }
        return String(data: data, encoding: .utf8)
    }

    private func storeSlot(_ slotId: String) -> Bool {
        let add: [String: Any] = Self.item(Self.slotService, [
            kSecAttrAccessible as String: kSecAttrAccessibleWhenUnlockedThisDeviceOnly,
            kSecValueData as String: Data(slotId.utf8),
        ])
        return SecItemAdd(add as CFDictionary, nil) == errSecSuccess
    }

    /// The query naming one of Keel's two items (this service, the vault's
    /// account) with the keys this use adds.
    private static func item(_ service: String, _ extra: [String: Any]) -> [String: Any] {
        var query: [String: Any] = [
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrService as String: service,
            kSecAttrAccount as String: account,
        ]
        query.merge(extra) { _, added in added }
        return query
    }

    private func removeItems() {
        for service in [Self.secretService, Self.slotService] {
            let query: [String: Any] = [
                kSecClass as String: kSecClassGenericPassword,
                kSecAttrService as String: service,
            ]
            SecItemDelete(query as CFDictionary)
        }
    }
}
