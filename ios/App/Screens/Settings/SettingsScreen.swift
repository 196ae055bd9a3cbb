import KeelCore
import KeelKit
import SwiftUI

/// Settings: language, unlocking (passphrase, Face ID / Touch ID), renewing
/// the key, when Keel locks, reminders, discreet mode with the neutral icon,
/// what Keel keeps, and erasing everything. (The app switcher's privacy cover is always on:
/// iOS has no per-app screenshot switch to trade it against.)
struct SettingsScreen: View {
    let proxy: VaultProxy
    let router: Router
    @Environment(AppSession.self) private var app
    @State private var model: SettingsModel?
    @State private var rekey: RekeyModel?

    var body: some View {
        Group {
            if let model, let rekey {
                SettingsForm(model: model, rekey: rekey, router: router)
            } else {
                WorkingRow()
            }
        }
        .navigationTitle(Loc.text("screen_settings_title"))
        .task {
            if let model, let rekey {
                model.load()
                rekey.open()
                return
            }
            let settings = SettingsModel(app: app, calls: proxy, icon: AlternateAppIcon())
            model = settings
            // A renewed key removes every device slot: the switch then shows off.
            rekey = RekeyModel(calls: proxy, biometrics: app.biometrics, onBiometricEnded: { [weak settings] in settings?.load() })
        }
    }
}

private struct SettingsForm: View {
    let model: SettingsModel
    let rekey: RekeyModel
    let router: Router

    var body: some View {
        let state = model.state
        Form {
            Section(Loc.text("screen_settings_language")) {
                LanguagePicker(label: Loc.text("screen_settings_language"), selection: state.language) { language in
                    model.send(.language(language))
                }
            }
            Section(Loc.text("screen_settings_unlocking")) {
                Button(Loc.text("screen_settings_change_passphrase")) { router.navigate(.changePassphrase) }
                if state.biometricAvailable || state.biometric {
                    Toggle(
                        Loc.text("screen_settings_biometric"),
                        isOn: Binding(get: { model.state.biometric }, set: { model.send(.biometric($0)) })
                    )
                    .disabled(state.busy || rekey.state.busy)
                } else {
                    Text(Loc.text("screen_settings_biometric_unavailable_ios")).font(.callout)
                }
                if state.biometricCancelled {
                    Text(Loc.text("screen_settings_biometric_cancelled")).font(.callout)
                }
            }
            RekeySection(model: rekey)
            Section {
                Picker(
                    Loc.text("screen_settings_lock_after"),
                    selection: Binding(get: { model.state.lockAfterSeconds }, set: { model.send(.lockAfter(seconds: $0)) })
                ) {
                    ForEach(LockTimeouts.choices, id: \.self) { seconds in
                        Text(Self.timeoutLabel(seconds)).tag(seconds)
                    }
                }
                Text(Loc.text("screen_settings_lock_hint")).font(.callout)
            }
            Section {
                Button(Loc.text("screen_settings_reminders")) { router.navigate(.reminders) }
            }
            Section(Loc.text("screen_settings_discreet_title")) {
                Toggle(
                    Loc.text("screen_settings_discreet"),
                    isOn: Binding(get: { model.state.discreet }, set: { model.send(.discreet($0)) })
                )
                Text(Loc.text("screen_settings_discreet_about_ios", Loc.text("screen_settings_discreet_name")))
                    .font(.callout)
            }
            Section {
                Button(Loc.text("screen_settings_privacy")) { router.navigate(.about) }
            }
            Section(Loc.text("screen_settings_erase_title")) {
                Button(Loc.text("screen_settings_erase"), role: .destructive) { router.navigate(.wipe) }
            }
        }
    }

    static func timeoutLabel(_ seconds: Int) -> String {
        switch seconds {
        case 0: return Loc.text("screen_settings_lock_now")
        case 60: return Loc.text("screen_settings_lock_1")
        case 300: return Loc.text("screen_settings_lock_5")
        default: return Loc.text("screen_settings_lock_15")
        }
    }
}

/// Renewing the key: when to use it and what it does, the passphrase, then
/// the core's progress with Cancel, then what was done or why nothing was.
private struct RekeySection: View {
    let model: RekeyModel

    var body: some View {
        let state = model.state
        Section(Loc.text("screen_settings_rekey_title")) {
            Text(Loc.text("screen_settings_rekey_when")).font(.callout)
            Text(Loc.text("screen_settings_rekey_what")).font(.callout)
            PassphraseInput(
                label: Loc.text("screen_settings_rekey_passphrase"),
                text: Binding(get: { model.state.passphrase }, set: { model.send(.passphrase($0)) }),
                onSubmit: { model.send(.start) }
            )
            .disabled(state.busy)
            if let progress = state.progress {
                WorkingRow()
                ProgressView(value: progress)
                    .accessibilityLabel(Loc.text("common_working"))
                Button(Loc.text("action_cancel")) { model.send(.cancel) }
            } else {
                Button(Loc.text("screen_settings_rekey_action")) { model.send(.start) }
                    .buttonStyle(.bordered)
                    .disabled(!state.canSubmit)
            }
            if let problem = state.problem {
                Text(Self.problemText(problem)).foregroundStyle(.red)
            }
            if state.waitSeconds > 0 {
                Text(Loc.text("screen_unlock_wait", state.waitSeconds)).monospacedDigit()
            }
            if let done = state.done {
                Text(Loc.text("screen_settings_rekey_done", Int(done.records)))
                if state.biometricEnded {
                    Text(Loc.text("screen_settings_rekey_biometric_off"))
                }
            }
        }
    }

    static func problemText(_ problem: RekeyProblem) -> String {
        switch problem {
        case .wrongPassphrase: return Loc.text("screen_settings_rekey_wrong")
        case .cancelled: return Loc.text("screen_settings_rekey_cancelled")
        case .locked: return Loc.text("common_locked")
        case .storageFull: return Loc.text("common_storage_full")
        case .failed: return Loc.text("screen_settings_rekey_failed")
        }
    }
}

/// Changing the passphrase: the current one, then the new one twice.
struct ChangePassphraseScreen: View {
    let proxy: VaultProxy
    let router: Router
    @Environment(AppSession.self) private var app
    @State private var model: PassphraseChangeModel?

    var body: some View {
        Group {
            if let model {
                ChangePassphraseForm(model: model)
            } else {
                WorkingRow()
            }
        }
        .navigationTitle(Loc.text("screen_passphrase_title"))
        .task {
            guard model == nil else { return }
            model = PassphraseChangeModel(session: proxy, calls: proxy, language: { [app] in app.language })
        }
    }
}

private struct ChangePassphraseForm: View {
    let model: PassphraseChangeModel

    var body: some View {
        let state = model.state
        Form {
            Section {
                Text(Loc.text("screen_passphrase_intro")).font(.callout)
                PassphraseInput(
                    label: Loc.text("screen_passphrase_current"),
                    text: Binding(get: { model.state.current }, set: { model.send(.current($0)) })
                )
                if state.wrong {
                    Text(Loc.text("screen_passphrase_wrong")).foregroundStyle(.red)
                }
                if state.waitSeconds > 0 {
                    Text(Loc.text("screen_unlock_wait", state.waitSeconds)).monospacedDigit()
                }
            }
            Section {
                NewPassphraseFields(
                    label: Loc.text("screen_passphrase_new"),
                    confirmLabel: Loc.text("screen_passphrase_confirm"),
                    passphrase: Binding(get: { model.state.new }, set: { model.send(.new($0)) }),
                    confirmation: Binding(get: { model.state.confirmation }, set: { model.send(.confirmation($0)) }),
                    onSubmit: { model.send(.submit) }
                )
                if let estimate = state.estimate {
                    PassphraseStrength(estimate: estimate)
                }
                if state.mismatch {
                    Text(Loc.text("screen_first_launch_mismatch")).foregroundStyle(.red)
                }
                if state.weak {
                    Text(Loc.text("screen_passphrase_weak")).foregroundStyle(.red)
                }
            }
            Section {
                if state.done {
                    Text(Loc.text("screen_passphrase_done"))
                }
                if state.failed {
                    Text(Loc.text("common_error")).foregroundStyle(.red)
                }
                if state.busy {
                    WorkingRow()
                } else {
                    Button(Loc.text("screen_passphrase_action")) { model.send(.submit) }
                        .buttonStyle(.borderedProminent)
                        .disabled(!state.canSubmit)
                }
            }
        }
    }
}

/// Erasing everything, after a clear confirmation.
struct WipeScreen: View {
    let proxy: VaultProxy
    let router: Router
    @Environment(AppSession.self) private var app
    @State private var model: WipeModel?

    var body: some View {
        Group {
            if let model {
                WipeForm(model: model)
            } else {
                WorkingRow()
            }
        }
        .navigationTitle(Loc.text("screen_wipe_title"))
        .task {
            guard model == nil else { return }
            model = WipeModel(app: app, calls: proxy)
        }
    }
}

private struct WipeForm: View {
    let model: WipeModel

    var body: some View {
        let state = model.state
        Form {
            Section {
                Text(Loc.text("screen_wipe_what"))
                Text(Loc.text("screen_wipe_how"))
                Text(Loc.text("screen_wipe_backups"))
            }
            Section {
                if state.busy {
                    WorkingRow()
                } else if state.confirming {
                    Text(Loc.text("screen_wipe_confirm")).font(.headline)
                    Button(Loc.text("screen_wipe_yes"), role: .destructive) { model.send(.confirm) }
                    Button(Loc.text("screen_wipe_no")) { model.send(.keep) }
                } else {
                    Button(Loc.text("screen_wipe_start"), role: .destructive) { model.send(.start) }
                }
                if state.failed {
                    Text(Loc.text("common_error")).foregroundStyle(.red)
                }
            }
        }
    }
}
