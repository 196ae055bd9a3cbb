import Foundation
import Observation
import KeelCore

/// Erasing everything, after a clear confirmation: the vault (the core
/// destroys the keys, then deletes the file), then the biometric secret in
/// the Keychain and the pending reminders; first launch after. A failed
/// erase leaves everything as it was.
@Observable
@MainActor
public final class WipeModel {
    public struct State: Equatable {
        /// The "are you sure?" step is showing.
        public var confirming = false
        public var busy = false
        public var failed = false
    }

    public enum Action {
        case start
        case keep
        case confirm
    }

    public private(set) var state = State()

    private let app: AppSession
    private let calls: any SettingsCalls

    public init(app: AppSession, calls: any SettingsCalls) {
        self.app = app
        self.calls = calls
    }

    public func send(_ action: Action) {
        switch action {
        case .start:
            state.confirming = true
            state.failed = false
        case .keep:
            state.confirming = false
        case .confirm:
            Task { await wipe() }
        }
    }

    func wipe() async {
        guard state.confirming, !state.busy else { return }
        state.busy = true
        switch await calls.wipe() {
        case .success:
            app.biometrics.forget()
            app.settings.biometricsOn = false
            state = State()
            app.wiped()
        case .failure:
            state.busy = false
            state.failed = true
        }
    }
}
