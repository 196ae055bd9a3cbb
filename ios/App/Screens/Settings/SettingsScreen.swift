import KeelCore
import KeelKit
import SwiftUI

/// Settings: language, unlocking (passphrase, Face ID / Touch ID), when Keel
/// locks, reminders, discreet mode with the neutral icon, what Keel keeps,
/// and erasing everything. (The app switcher's privacy cover is always on:
/// iOS has no per-app screenshot switch to trade it against.)
struct SettingsScreen: View {
    let proxy: VaultProxy
    let router: Router
    @Environment(AppSession.self) private var app
    @State private var model: SettingsModel?

    var body: some View {
        Group {
            if let model {
                SettingsForm(model: model, router: router)
            } else {
                WorkingRow()
            }
        }
        .navigationTitle(Loc.text("screen_settings_title"))
        .task {
            if let model {
                model.load()
                return
            }
            model = SettingsModel(app: app, calls: proxy, icon: AlternateAppIcon())
        }
    }
}

private struct SettingsForm: View {
    let model: SettingsModel
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
                    .disabled(state.busy)
                } else {
                    Text(Loc.text("screen_settings_biometric_unavailable_ios")).font(.callout)
                }
                if state.biometricCancelled {
                    Text(Loc.text("screen_settings_biometric_cancelled")).font(.callout)
                }
            }
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
                PassphraseInput(
                    label: Loc.text("screen_passphrase_new"),
                    text: Binding(get: { model.state.new }, set: { model.send(.new($0)) }),
                    isNew: true
                )
                PassphraseInput(
                    label: Loc.text("screen_passphrase_confirm"),
                    text: Binding(get: { model.state.confirmation }, set: { model.send(.confirmation($0)) }),
                    isNew: true,
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
