import KeelCore
import KeelKit
import SwiftUI

/// A passphrase field: never autocorrected, capitalised or remembered by
/// the keyboard, hidden from screenshots' redaction-aware surfaces.
struct PassphraseInput: View {
    let label: String
    @Binding var text: String
    var isNew = false
    var onSubmit: () -> Void = {}

    var body: some View {
        SecureField(label, text: $text)
            .textContentType(isNew ? .newPassword : .password)
            .textInputAutocapitalization(.never)
            .autocorrectionDisabled()
            .privacySensitive()
            .submitLabel(.go)
            .onSubmit(onSubmit)
            .accessibilityLabel(label)
    }
}

/// A new passphrase and its confirmation, both new-password fields, the
/// second submitting the form (first launch, restore, the passphrase change).
struct NewPassphraseFields: View {
    let label: String
    let confirmLabel: String
    let passphrase: Binding<String>
    let confirmation: Binding<String>
    let onSubmit: () -> Void

    var body: some View {
        PassphraseInput(label: label, text: passphrase, isNew: true)
        PassphraseInput(label: confirmLabel, text: confirmation, isNew: true, onSubmit: onSubmit)
    }
}

/// The core's strength estimate, as First launch and the passphrase change show it.
struct PassphraseStrength: View {
    let estimate: PassphraseEstimate

    var body: some View {
        VStack(alignment: .leading, spacing: 6) {
            Text(Loc.text("screen_first_launch_strength", levelText))
                .font(.headline)
                .foregroundStyle(estimate.acceptable ? Color.primary : Color.red)
            ProgressView(value: levelValue)
                .tint(estimate.acceptable ? .green : .red)
                .accessibilityHidden(true)
            Text(Loc.text("screen_first_launch_crack_time", estimate.crackTimeText))
                .font(.callout)
            if !estimate.message.isEmpty {
                // The core's own words, in the chosen language.
                Text(estimate.message).font(.callout)
            }
            ForEach(estimate.suggestions, id: \.self) { suggestion in
                Text(Loc.text("common_bullet", suggestion)).font(.callout)
            }
        }
        .accessibilityElement(children: .combine)
    }

    private var levelText: String {
        switch estimate.level {
        case .strong: return Loc.text("screen_first_launch_level_strong")
        case .good: return Loc.text("screen_first_launch_level_good")
        case .weak: return Loc.text("screen_first_launch_level_weak")
        case .veryWeak: return Loc.text("screen_first_launch_level_very_weak")
        }
    }

    private var levelValue: Double {
        switch estimate.level {
        case .strong: return 1
        case .good: return 0.75
        case .weak: return 0.4
        case .veryWeak: return 0.15
        }
    }
}

/// The language choice (English, Spanish), as First launch and Settings show it.
struct LanguagePicker: View {
    let label: String
    let selection: Language
    let choose: (Language) -> Void

    var body: some View {
        Picker(label, selection: Binding(get: { selection }, set: { choose($0) })) {
            Text(Loc.text("language_english")).tag(Language.english)
            Text(Loc.text("language_spanish")).tag(Language.spanish)
        }
        .pickerStyle(.segmented)
        .accessibilityLabel(label)
    }
}

/// A wait for the core (a key derivation takes a moment).
struct WorkingRow: View {
    var body: some View {
        HStack(spacing: 12) {
            ProgressView()
            Text(Loc.text("common_working"))
        }
        .accessibilityElement(children: .combine)
    }
}

/// Localised text for a failure the screen does not handle itself.
enum FailureText {
    static func text(_ failure: CoreFailure) -> String {
        switch failure {
        case .storageFull: return Loc.text("common_storage_full")
        case .locked: return Loc.text("common_locked")
        case .notFound: return Loc.text("common_not_found")
        case .conflict: return Loc.text("common_conflict")
        case .invalidInput: return Loc.text("common_invalid")
        default: return Loc.text("common_error")
        }
    }
}
