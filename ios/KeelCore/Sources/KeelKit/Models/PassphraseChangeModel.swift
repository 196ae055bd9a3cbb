import Foundation
import Observation
import KeelCore

/// Changing the passphrase: the current one, the new one twice (with the
/// core's strength estimate). A wrong current passphrase waits as Unlock does.
@Observable
@MainActor
public final class PassphraseChangeModel {
    public struct State: Equatable {
        public var current = ""
        public var new = ""
        public var confirmation = ""
        public var estimate: PassphraseEstimate?
        public var busy = false
        public var failures = 0
        public var waitSeconds = 0
        public var wrong = false
        public var weak = false
        public var mismatch = false
        public var failed = false
        public var done = false

        public var canSubmit: Bool {
            !busy && waitSeconds == 0 && !current.isEmpty && !new.isEmpty && !confirmation.isEmpty
                && (estimate?.acceptable ?? false)
        }
    }

    public enum Action {
        case current(String)
        case new(String)
        case confirmation(String)
        case submit
    }

    public private(set) var state = State()

    private let session: any SessionCalls
    private let calls: any SettingsCalls
    private let language: () -> Language
    private let sleeper: Sleeper
    private var estimateTask: Task<Void, Never>?
    private var countdown: Task<Void, Never>?

    public init(session: any SessionCalls, calls: any SettingsCalls, language: @escaping () -> Language, sleeper: @escaping Sleeper = Sleepers.clock) {
        self.session = session
        self.calls = calls
        self.language = language
        self.sleeper = sleeper
    }

    public func send(_ action: Action) {
        switch action {
        case let .current(text):
            state.current = text
            state.wrong = false
        case let .new(text):
            state.new = text
            state.weak = false
            state.mismatch = false
            state.done = false
            estimate(text)
        case let .confirmation(text):
            state.confirmation = text
            state.mismatch = false
        case .submit:
            Task { await submit() }
        }
    }

    /// Waits for the pending estimate and countdown (tests).
    public func settle() async {
        await estimateTask?.value
    }

    private func estimate(_ text: String) {
        estimateTask?.cancel()
        guard !text.isEmpty else {
            state.estimate = nil
            return
        }
        estimateTask = PassphraseEstimates.task(
            text,
            after: FirstLaunchModel.debounce,
            language: language(),
            session: session,
            sleeper: sleeper,
            current: { [weak self] in self?.state.new },
            apply: { [weak self] in self?.state.estimate = $0 }
        )
    }

    func submit() async {
        await settle()
        guard state.canSubmit else { return }
        guard state.new == state.confirmation else {
            state.mismatch = true
            return
        }
        state.busy = true
        state.failed = false
        switch await calls.changePassphrase(current: state.current, new: state.new) {
        case .success:
            state = State()
            state.done = true
        case .failure(.wrongPassphrase):
            state.failures += 1
            state.busy = false
            state.wrong = true
            state.current = ""
            state.waitSeconds = UnlockWait.seconds(afterFailures: state.failures)
            startCountdown()
        case .failure(.weakPassphrase):
            state.busy = false
            state.weak = true
        case .failure:
            state.busy = false
            state.failed = true
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
