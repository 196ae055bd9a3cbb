import Foundation
import Observation
import KeelCore

/// Settings: language, biometric unlock on or off, the lock timeout,
/// discreet mode; the passphrase change and erasing are screens of their own.
@Observable
@MainActor
public final class SettingsModel {
    public struct State: Equatable {
        public var language: Language = .english
        public var lockAfterSeconds = 0
        public var biometric = false
        public var biometricAvailable = false
        /// Turning biometric unlock on did not happen (cancelled or refused).
        public var biometricCancelled = false
        public var discreet = false
        public var busy = false
    }

    public enum Action {
        case language(Language)
        case lockAfter(seconds: Int)
        case biometric(Bool)
        case discreet(Bool)
    }

    public private(set) var state = State()

    private let app: AppSession
    private let calls: any SessionCalls
    private let icon: any AppIconSwitch

    public init(app: AppSession, calls: any SessionCalls, icon: any AppIconSwitch) {
        self.app = app
        self.calls = calls
        self.icon = icon
        load()
    }

    /// Reads what is set now.
    public func load() {
        state.language = app.language
        state.lockAfterSeconds = app.settings.lockAfterSeconds
        state.biometric = app.biometrics.enrolled()
        state.biometricAvailable = app.biometrics.available()
        state.discreet = app.discreet
    }

    public func send(_ action: Action) {
        switch action {
        case let .language(language):
            app.setLanguage(language)
            state.language = language
        case let .lockAfter(seconds):
            app.settings.lockAfterSeconds = max(0, seconds)
            state.lockAfterSeconds = app.settings.lockAfterSeconds
        case let .biometric(on):
            Task { await setBiometric(on) }
        case let .discreet(on):
            Task { await setDiscreet(on) }
        }
    }

    func setBiometric(_ on: Bool) async {
        guard !state.busy, on != state.biometric else { return }
        state.busy = true
        state.biometricCancelled = false
        if on {
            var enrolled = false
            if state.biometricAvailable, case let .success(slot) = await calls.addDeviceSlot() {
                enrolled = await app.biometrics.enrol(slot)
                if !enrolled { _ = await calls.removeSlot(slot.slotId) }
            }
            state.biometricCancelled = !enrolled
        } else if let slotId = app.biometrics.forget() {
            _ = await calls.removeSlot(slotId)
        }
        state.biometric = app.biometrics.enrolled()
        state.busy = false
    }

    func setDiscreet(_ on: Bool) async {
        app.setDiscreet(on)
        state.discreet = on
        _ = await icon.useNeutralIcon(on)
    }
}
