import Foundation
import Observation
import KeelCore

/// Why the key was not renewed; in every case nothing was changed.
public enum RekeyProblem: Equatable, Sendable {
    case wrongPassphrase
    case cancelled
    case locked
    case storageFull
    case failed
}

/// Renewing the vault's key, a section of Settings (the core's `Vault.rekey`,
/// docs/security.md "Re-key"): for when someone who knew an old passphrase
/// may have copied the phone's data. The passphrase, then the core's work
/// (`progress` 0...1 while it runs, with Cancel), then `done` (the core's
/// summary) or a `problem`.
///
/// The core seals every record again under a new key and removes every
/// device slot, so the Keychain's secret for Face ID / Touch ID opens
/// nothing any more: it is forgotten here, `biometricEnded` says so and
/// `onBiometricEnded` lets Settings show the switch off. A wrong passphrase
/// waits as Unlock does (`UnlockWait`); a cancel, a lock or any failure
/// changes nothing.
@Observable
@MainActor
public final class RekeyModel {
    public struct State: Equatable {
        public var passphrase = ""
        /// 0...1 while the core works; nil otherwise.
        public var progress: Double?
        public var problem: RekeyProblem?
        /// Wrong passphrases in a row.
        public var failures = 0
        /// Seconds before the next attempt after a wrong passphrase; 0: may try now.
        public var waitSeconds = 0
        public var done: RekeySummary?
        /// Face ID / Touch ID unlock was on and is now off.
        public var biometricEnded = false

        public init() {}

        public var busy: Bool { progress != nil }
        public var canSubmit: Bool { !busy && waitSeconds == 0 && !passphrase.isEmpty }
    }

    public enum Action: Sendable {
        case passphrase(String)
        case start
        /// Stops the core's work; nothing is changed.
        case cancel
    }

    public private(set) var state = State()

    private let calls: any RekeyCalls
    private let biometrics: any Biometrics
    private let onBiometricEnded: @MainActor () -> Void
    private let sleeper: Sleeper
    @ObservationIgnored private var token: CancelToken?
    @ObservationIgnored private var countdown: Task<Void, Never>?

    public init(
        calls: any RekeyCalls,
        biometrics: any Biometrics,
        onBiometricEnded: @escaping @MainActor () -> Void = {},
        sleeper: @escaping Sleeper = Sleepers.clock
    ) {
        self.calls = calls
        self.biometrics = biometrics
        self.onBiometricEnded = onBiometricEnded
        self.sleeper = sleeper
    }

    /// Settings shown: a fresh section unless the work is still running; a running wait is kept.
    public func open() {
        guard !state.busy else { return }
        var fresh = State()
        fresh.failures = state.failures
        fresh.waitSeconds = state.waitSeconds
        state = fresh
    }

    public func send(_ action: Action) {
        switch action {
        case let .passphrase(text):
            guard !state.busy else { return }
            state.passphrase = text
            state.problem = nil
            state.done = nil
        case .start:
            Task { await start() }
        case .cancel:
            token?.cancel()
        }
    }

    func start() async {
        guard state.canSubmit else { return }
        let passphrase = state.passphrase
        let cancel = CancelToken()
        token = cancel
        state.progress = 0
        state.problem = nil
        state.done = nil
        state.biometricEnded = false
        let answer = await calls.rekey(passphrase: passphrase, progress: progressSink(), cancel: cancel)
        guard token === cancel else { return }
        token = nil
        switch answer {
        case let .success(summary):
            // The vault's device slots are gone: the Keychain's secret opens nothing now.
            // (No slot to remove: the core removed them all.)
            let wasOn = biometrics.enrolled()
            if wasOn { biometrics.forget() }
            let ended = wasOn || summary.deviceSlotsRemoved > 0
            var finished = State()
            finished.done = summary
            finished.biometricEnded = ended
            state = finished
            if ended { onBiometricEnded() }
        case .failure(.wrongPassphrase):
            state.failures += 1
            state.progress = nil
            state.passphrase = ""
            state.problem = .wrongPassphrase
            state.waitSeconds = UnlockWait.seconds(afterFailures: state.failures)
            startCountdown()
        case .failure(.cancelled):
            state.progress = nil
            state.problem = .cancelled
        case .failure(.locked):
            state.progress = nil
            state.passphrase = ""
            state.problem = .locked
        case .failure(.storageFull):
            state.progress = nil
            state.problem = .storageFull
        case .failure:
            state.progress = nil
            state.problem = .failed
        }
    }

    private func progressSink() -> FractionProgress {
        FractionProgress { [weak self] fraction in
            Task { @MainActor in
                guard let self, self.state.progress != nil else { return }
                self.state.progress = fraction
            }
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
