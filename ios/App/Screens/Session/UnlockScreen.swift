import KeelCore
import KeelKit
import SwiftUI

/// Unlock: the passphrase (a growing wait after wrong ones), Face ID or
/// Touch ID when it is set up, and the honest page about a forgotten one.
struct UnlockScreen: View {
    let proxy: VaultProxy
    let router: Router
    @Environment(AppSession.self) private var app
    @State private var model: UnlockModel?

    var body: some View {
        Group {
            if let model {
                UnlockForm(model: model, appName: AppName.text(discreet: app.discreet), router: router)
            } else {
                WorkingRow()
            }
        }
        .navigationTitle(Loc.text("screen_unlock_title"))
        .task {
            if let model {
                model.reset()
                return
            }
            model = UnlockModel(calls: proxy, biometrics: app.biometrics, onUnlocked: { [app] in app.unlocked() })
        }
    }
}

private struct UnlockForm: View {
    let model: UnlockModel
    let appName: String
    let router: Router
    @FocusState private var focused: Bool

    var body: some View {
        let state = model.state
        Form {
            Section {
                PassphraseInput(
                    label: Loc.text("screen_unlock_passphrase"),
                    text: Binding(get: { model.state.passphrase }, set: { model.send(.passphrase($0)) }),
                    onSubmit: { model.send(.submit) }
                )
                .focused($focused)
                .disabled(state.busy)
                if state.wrong {
                    Text(Loc.text("screen_unlock_wrong", appName))
                        .foregroundStyle(.red)
                }
                if state.waitSeconds > 0 {
                    Text(Loc.text("screen_unlock_wait", state.waitSeconds))
                        .monospacedDigit()
                        .accessibilityAddTraits(.updatesFrequently)
                }
                if state.failed {
                    Text(Loc.text("common_error")).foregroundStyle(.red)
                }
                if state.busy {
                    WorkingRow()
                } else {
                    Button(Loc.text("screen_unlock_action")) { model.send(.submit) }
                        .buttonStyle(.borderedProminent)
                        .disabled(!state.canSubmit)
                }
            }
            if state.biometric {
                Section {
                    Button {
                        model.send(.biometric)
                    } label: {
                        Label(Loc.text("screen_unlock_biometric"), systemImage: "faceid")
                    }
                    .disabled(state.busy)
                }
            }
            if state.biometricEnded {
                Section {
                    Text(Loc.text("screen_unlock_biometric_ended"))
                }
            }
            Section {
                Button(Loc.text("screen_unlock_forgot")) { router.navigate(.forgot) }
            }
        }
        .onAppear { focused = !state.biometric }
    }
}

/// The honest page: no reset, no back door; try again slowly; starting over
/// empty is the only other way.
struct ForgotScreen: View {
    let proxy: VaultProxy
    let router: Router
    @Environment(AppSession.self) private var app

    var body: some View {
        ScrollView {
            VStack(alignment: .leading, spacing: 16) {
                Text(Loc.text("screen_forgot_body", AppName.text(discreet: app.discreet)))
                Text(Loc.text("screen_forgot_try"))
                Text(Loc.text("screen_forgot_start_over_ios"))
                Button(Loc.text("action_back")) { router.back() }
                    .buttonStyle(.borderedProminent)
            }
            .padding()
            .frame(maxWidth: .infinity, alignment: .leading)
        }
        .navigationTitle(Loc.text("screen_forgot_title"))
    }
}
