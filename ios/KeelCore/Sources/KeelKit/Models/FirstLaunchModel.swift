import Foundation
import Observation
import KeelCore

/// First launch: what Keel is, the privacy promise, the language, a new
/// passphrase with the core's strength estimate (debounced while typing),
/// a passphrase the core suggests, and optional biometric unlock.
/// Restoring from a backup file is its own screen (`Route.firstLaunchRestore`).
@Observable
@MainActor
public final class FirstLaunchModel {
    public struct State: Equatable {
        public var passphrase = ""
        public var confirmation = ""
        /// The core's estimate of `passphrase`, in the chosen language; nil while empty.
        public var estimate: PassphraseEstimate?
        /// The passphrase the core suggested, shown to write down.
        public var suggested: String?
        /// The participant asked for biometric unlock too.
        public var biometric = false
        /// Biometric unlock can be offered on this phone.
        public var biometricAvailable = false
        public var busy = false
        /// The two fields differ (shown once the participant tried to create).
        public var mismatch = false
        /// The core refused the passphrase as too easy to guess.
        public var weak = false
        /// Creating failed for another reason (storage full, ...).
        public var failed = false

        public var canCreate: Bool {
            !busy && !passphrase.isEmpty && !confirmation.isEmpty && (estimate?.acceptable ?? false)
        }
    }

    public enum Action {
        case passphrase(String)
        case confirmation(String)
        case suggest
        case biometric(Bool)
        case create
    }

    public private(set) var state = State()

    private let calls: any SessionCalls
    private let biometrics: any Biometrics
    private let language: () -> Language
    private let onCreated: () -> Void
    private let sleeper: Sleeper
    private var estimateTask: Task<Void, Never>?

    /// Waits this long after the last keystroke before asking the core.
    nonisolated public static let debounce: Duration = .milliseconds(300)

    public init(
        calls: any SessionCalls,
        biometrics: any Biometrics,
        language: @escaping () -> Language,
        sleeper: @escaping Sleeper = Sleepers.clock,
        onCreated: @escaping () -> Void
    ) {
        self.calls = calls
        self.biometrics = biometrics
        self.language = language
        self.sleeper = sleeper
        self.onCreated = onCreated
        state.biometricAvailable = biometrics.available()
    }

    public func send(_ action: Action) {
        switch action {
        case let .passphrase(text):
            state.passphrase = text
            state.mismatch = false
            state.weak = false
            scheduleEstimate()
        case let .confirmation(text):
            state.confirmation = text
            state.mismatch = false
        case .suggest:
            Task { await suggest() }
        case let .biometric(on):
            state.biometric = on && state.biometricAvailable
        case .create:
            Task { await create() }
        }
    }

    /// The estimate again, in a language just chosen.
    public func refreshEstimate() {
        scheduleEstimate(immediately: true)
    }

    /// Waits for the pending estimate (tests).
    public func settle() async {
        await estimateTask?.value
    }

    private func scheduleEstimate(immediately: Bool = false) {
        estimateTask?.cancel()
        let text = state.passphrase
        guard !text.isEmpty else {
            state.estimate = nil
            return
        }
        estimateTask = PassphraseEstimates.task(
            text,
            after: immediately ? .zero : FirstLaunchModel.debounce,
            language: language(),
            session: calls,
            sleeper: sleeper,
            current: { [weak self] in self?.state.passphrase },
            apply: { [weak self] in self?.state.estimate = $0 }
        )
    }

    func suggest() async {
        guard case let .success(words) = await calls.suggestPassphrase(language: language()) else { return }
        state.suggested = words
        state.passphrase = words
        state.confirmation = words
        state.mismatch = false
        state.weak = false
        scheduleEstimate(immediately: true)
        await settle()
    }

    func create() async {
        await settle()
        guard state.canCreate else { return }
        guard state.passphrase == state.confirmation else {
            state.mismatch = true
            return
        }
        state.busy = true
        state.failed = false
        state.weak = false
        switch await calls.create(passphrase: state.passphrase) {
        case .success:
            if state.biometric {
                // Cancelled or refused: the passphrase works; Settings offers it again.
                _ = await enrolBiometric()
            }
            state = State(biometricAvailable: state.biometricAvailable)
            onCreated()
        case .failure(.weakPassphrase):
            state.busy = false
            state.weak = true
        case .failure:
            state.busy = false
            state.failed = true
        }
    }

    /// A device slot whose secret goes to the Keychain behind biometrics;
    /// the slot is removed again if that did not happen.
    private func enrolBiometric() async -> Bool {
        guard case let .success(slot) = await calls.addDeviceSlot() else { return false }
        if await biometrics.enrol(slot) { return true }
        _ = await calls.removeSlot(slot.slotId)
        return false
    }
}

extension FirstLaunchModel.State {
    init(biometricAvailable: Bool) {
        self.init()
        self.biometricAvailable = biometricAvailable
    }
}
