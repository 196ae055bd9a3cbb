import Foundation
import Observation
import KeelCore

/// Unlock with the passphrase (a growing wait after wrong ones, counted
/// down a second at a time) or with Face ID / Touch ID when enrolled.
@Observable
@MainActor
public final class UnlockModel {
    public struct State: Equatable {
        public var passphrase = ""
        public var busy = false
        /// Wrong passphrases in a row since the app started.
        public var failures = 0
        /// Seconds before the next attempt; 0 = may try now.
        public var waitSeconds = 0
        /// The last passphrase did not open the vault.
        public var wrong = false
        /// Unlocking failed for another reason.
        public var failed = false
        /// Biometric unlock is set up on this phone: show its button.
        public var biometric = false
        /// A new face or finger was enrolled, which ended biometric unlock: say so.
        public var biometricEnded = false

        public var canSubmit: Bool { !busy && waitSeconds == 0 && !passphrase.isEmpty }
    }

    public enum Action {
        case passphrase(String)
        case submit
        case biometric
    }

    public private(set) var state = State()

    private let calls: any SessionCalls
    private let biometrics: any Biometrics
    private let sleeper: Sleeper
    private let onUnlocked: () -> Void
    private var countdown: Task<Void, Never>?
    /// A device slot whose Keychain secret a new enrolment destroyed: removed after the next passphrase unlock.
    private var orphanSlot: String?

    public init(
        calls: any SessionCalls,
        biometrics: any Biometrics,
        sleeper: @escaping Sleeper = Sleepers.clock,
        onUnlocked: @escaping () -> Void
    ) {
        self.calls = calls
        self.biometrics = biometrics
        self.sleeper = sleeper
        self.onUnlocked = onUnlocked
        state.biometric = biometrics.enrolled()
    }

    public func send(_ action: Action) {
        switch action {
        case let .passphrase(text): state.passphrase = text
        case .submit: Task { await submit() }
        case .biometric: Task { await biometric() }
        }
    }

    /// Clears the typed passphrase when Unlock shows again; keeps the wait.
    public func reset() {
        state.passphrase = ""
        state.busy = false
        state.failed = false
        state.biometric = biometrics.enrolled()
    }

    /// Waits until the countdown has run out (tests).
    public func settle() async {
        await countdown?.value
    }

    func submit() async {
        guard state.canSubmit else { return }
        let passphrase = state.passphrase
        state.busy = true
        state.wrong = false
        state.failed = false
        switch await calls.unlock(passphrase: passphrase) {
        case .success:
            if let orphan = orphanSlot, case .success = await calls.removeSlot(orphan) {
                orphanSlot = nil
            }
            state = State()
            state.biometric = biometrics.enrolled()
            onUnlocked()
        case .failure(.wrongPassphrase):
            state.failures += 1
            state.busy = false
            state.wrong = true
            state.passphrase = ""
            state.waitSeconds = UnlockWait.seconds(afterFailures: state.failures)
            startCountdown()
        case .failure:
            state.busy = false
            state.failed = true
        }
    }

    func biometric() async {
        guard !state.busy, state.biometric else { return }
        state.busy = true
        state.failed = false
        switch await biometrics.unlock() {
        case let .secret(bytes):
            switch await calls.unlock(deviceSecret: bytes) {
            case .success:
                state = State()
                state.biometric = true
                onUnlocked()
            case .failure:
                state.busy = false
                state.failed = true
            }
        case .cancelled:
            state.busy = false
        case let .invalidated(slotId):
            orphanSlot = slotId
            state.busy = false
            state.biometric = false
            state.biometricEnded = true
        }
    }

    private func startCountdown() {
        countdown?.cancel()
        countdown = UnlockWait.countdown(
            sleeper: sleeper,
            remaining: { [weak self] in self?.state.waitSeconds },
            set: { [weak self] in self?.state.waitSeconds = $0 }
        )
    }
}
