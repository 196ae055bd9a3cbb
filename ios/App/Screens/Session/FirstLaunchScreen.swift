import KeelCore
import KeelKit
import SwiftUI

/// First launch: what Keel is and its privacy promise in plain words, the
/// language, a passphrase with the core's honest strength estimate (or one
/// the core suggests), optional Face ID / Touch ID; restoring from a backup
/// file is offered below (its own screen).
struct FirstLaunchScreen: View {
    let proxy: VaultProxy
    let router: Router
    @Environment(AppSession.self) private var app
    @State private var model: FirstLaunchModel?

    var body: some View {
        Group {
            if let model {
                FirstLaunchForm(model: model, app: app, router: router)
            } else {
                WorkingRow()
            }
        }
        .task {
            guard model == nil else { return }
            model = FirstLaunchModel(
                calls: proxy,
                biometrics: app.biometrics,
                language: { [app] in app.language },
                onCreated: { [app] in app.unlocked() }
            )
        }
    }
}

private struct FirstLaunchForm: View {
    let model: FirstLaunchModel
    let app: AppSession
    let router: Router

    var body: some View {
        let state = model.state
        Form {
            Section {
                Text(Loc.text("screen_first_launch_what"))
            }
            Section(Loc.text("screen_first_launch_privacy_title")) {
                Text(Loc.text("screen_first_launch_privacy"))
            }
            Section(Loc.text("screen_first_launch_language")) {
                LanguagePicker(label: Loc.text("screen_first_launch_language"), selection: app.language) { language in
                    app.setLanguage(language)
                    model.refreshEstimate()
                }
            }
            Section {
                Text(Loc.text("screen_first_launch_passphrase_hint"))
                    .font(.callout)
                NewPassphraseFields(
                    label: Loc.text("common_passphrase"),
                    confirmLabel: Loc.text("screen_first_launch_confirm"),
                    passphrase: Binding(get: { model.state.passphrase }, set: { model.send(.passphrase($0)) }),
                    confirmation: Binding(get: { model.state.confirmation }, set: { model.send(.confirmation($0)) }),
                    onSubmit: { model.send(.create) }
                )
                Button(Loc.text("screen_first_launch_suggest")) { model.send(.suggest) }
                if let suggested = state.suggested {
                    VStack(alignment: .leading, spacing: 6) {
                        Text(Loc.text("screen_first_launch_suggested")).font(.headline)
                        Text(suggested)
                            .font(.title3.monospaced())
                            .textSelection(.enabled)
                            .privacySensitive()
                        Text(Loc.text("screen_first_launch_suggested_hint")).font(.callout)
                    }
                    .accessibilityElement(children: .combine)
                }
                if let estimate = state.estimate {
                    PassphraseStrength(estimate: estimate)
                }
                if state.mismatch {
                    Text(Loc.text("screen_first_launch_mismatch")).foregroundStyle(.red)
                }
                if state.weak || (state.estimate.map { !$0.acceptable } ?? false) {
                    Text(Loc.text("screen_first_launch_weak")).foregroundStyle(.red)
                }
            } header: {
                Text(Loc.text("screen_first_launch_passphrase"))
            }
            if state.biometricAvailable {
                Section {
                    Toggle(
                        Loc.text("screen_first_launch_biometric"),
                        isOn: Binding(get: { model.state.biometric }, set: { model.send(.biometric($0)) })
                    )
                }
            }
            Section {
                Text(Loc.text("screen_first_launch_warning"))
                    .font(.callout)
                if state.failed {
                    Text(Loc.text("common_error")).foregroundStyle(.red)
                }
                if state.busy {
                    WorkingRow()
                } else {
                    Button(Loc.text("screen_first_launch_create")) { model.send(.create) }
                        .buttonStyle(.borderedProminent)
                        .disabled(!state.canCreate)
                }
            }
            Section(Loc.text("screen_first_launch_restore_title")) {
                Text(Loc.text("screen_first_launch_restore_hint"))
                Button(Loc.text("screen_first_launch_restore")) { router.navigate(.firstLaunchRestore) }
            }
        }
        // Here, not on the screen: this view observes the language, so the
        // title follows a language chosen a few lines up.
        .navigationTitle(Loc.text("screen_first_launch_title"))
    }
}
