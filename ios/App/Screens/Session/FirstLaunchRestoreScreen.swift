import KeelCore
import KeelKit
import SwiftUI
import UniformTypeIdentifiers

/// First launch on a new phone: Keel made from a backup file the
/// participant picks with the system's document picker. What the file
/// holds, and from when, shows before anything is restored.
struct FirstLaunchRestoreScreen: View {
    let proxy: VaultProxy
    let router: Router
    @Environment(AppSession.self) private var app
    @State private var model: FirstLaunchRestoreModel?

    var body: some View {
        Group {
            if let model {
                RestoreForm(model: model, language: app.language)
            } else {
                WorkingRow()
            }
        }
        .navigationTitle(Loc.text("screen_restore_new_title"))
        .task {
            guard model == nil else { return }
            model = FirstLaunchRestoreModel(
                calls: proxy,
                session: proxy,
                language: { [app] in app.language },
                onRestored: { [app] in app.unlocked() }
            )
        }
    }
}

private struct RestoreForm: View {
    let model: FirstLaunchRestoreModel
    let language: Language
    @State private var picking = false

    var body: some View {
        let state = model.state
        Form {
            Section {
                Text(Loc.text("screen_restore_new_intro"))
            }
            Section(Loc.text("screen_backup_file_step")) {
                if state.hasFile {
                    Text(Loc.text("screen_backup_file_chosen"))
                }
                Button(state.hasFile ? Loc.text("screen_backup_choose_other") : Loc.text("screen_backup_choose_file")) {
                    picking = true
                }
                .disabled(state.busy)
            }
            if state.hasFile {
                Section(Loc.text("screen_backup_passphrase_step")) {
                    Text(Loc.text("screen_backup_passphrase_hint")).font(.callout)
                    PassphraseInput(
                        label: Loc.text("screen_backup_passphrase"),
                        text: Binding(get: { model.state.backupPassphrase }, set: { model.send(.backupPassphrase($0)) }),
                        onSubmit: { model.send(.inspect) }
                    )
                    Button(Loc.text("screen_backup_open")) { model.send(.inspect) }
                        .disabled(!state.canInspect)
                }
            }
            if let contents = state.contents {
                Section(Loc.text("screen_backup_contents_title")) {
                    Text(Loc.text("screen_backup_contents_made", FirstLaunchRestoreModel.madeOn(contents.createdAt, language: language)))
                    Text(Loc.text("screen_backup_contents_records", Int(contents.records)))
                    ForEach(contents.collections.filter { $0.inBackup > 0 }, id: \.collection) { count in
                        Text(Loc.text("common_bullet", Loc.text("screen_backup_contents_line", BackupKinds.label(count.collection), Int(count.inBackup))))
                    }
                }
                Section(Loc.text("screen_restore_new_passphrase_step")) {
                    Text(Loc.text("screen_restore_new_passphrase_hint")).font(.callout)
                    NewPassphraseFields(
                        label: Loc.text("common_passphrase"),
                        confirmLabel: Loc.text("screen_first_launch_confirm"),
                        passphrase: Binding(get: { model.state.passphrase }, set: { model.send(.passphrase($0)) }),
                        confirmation: Binding(get: { model.state.confirmation }, set: { model.send(.confirmation($0)) }),
                        onSubmit: { model.send(.restore) }
                    )
                    if let estimate = state.estimate {
                        PassphraseStrength(estimate: estimate)
                    }
                    Button(Loc.text("screen_restore_new_action", Int(contents.records))) { model.send(.restore) }
                        .buttonStyle(.borderedProminent)
                        .disabled(!state.canRestore)
                }
            }
            if let progress = state.progress {
                Section {
                    WorkingRow()
                    ProgressView(value: progress)
                        .accessibilityLabel(Loc.text("common_working"))
                    Button(Loc.text("action_cancel"), role: .cancel) { model.send(.cancel) }
                }
            }
            if let problem = state.problem {
                Section {
                    Text(BackupKinds.problemText(problem)).foregroundStyle(.red)
                }
            }
        }
        .fileImporter(isPresented: $picking, allowedContentTypes: [.data]) { result in
            guard case let .success(url) = result else { return }
            model.send(.file(BackupKinds.read(url)))
        }
    }
}

/// Words for the core's record kinds and for what went wrong, and reading a picked file.
enum BackupKinds {
    static func label(_ collection: String) -> String {
        switch collection {
        case "journal.note": return Loc.text("backup_kind_notes")
        case "plan.revision": return Loc.text("backup_kind_plan")
        case "log.craving": return Loc.text("backup_kind_cravings")
        case "log.checkin": return Loc.text("backup_kind_check_ins")
        case "log.encounter": return Loc.text("backup_kind_encounters")
        case "log.lapse": return Loc.text("backup_kind_lapses")
        case "sobriety.clock": return Loc.text("backup_kind_clocks")
        case "exercises.pattern": return Loc.text("backup_kind_patterns")
        case "exercises.session": return Loc.text("backup_kind_sessions")
        case "meetings.meeting": return Loc.text("backup_kind_meetings")
        case "meetings.attendance": return Loc.text("backup_kind_attendance")
        case "meetings.settings": return Loc.text("backup_kind_meeting_settings")
        case "report.shared": return Loc.text("backup_kind_reports")
        case "measures.response": return Loc.text("backup_kind_measures")
        case "measures.schedule": return Loc.text("backup_kind_measure_schedules")
        default: return Loc.text("backup_kind_other")
        }
    }

    static func problemText(_ problem: BackupProblem) -> String {
        switch problem {
        case .noFile: return Loc.text("screen_backup_problem_no_file")
        case .wrongBackupPassphrase: return Loc.text("screen_backup_problem_wrong_passphrase")
        case .damaged: return Loc.text("screen_backup_problem_damaged")
        case .newer: return Loc.text("screen_backup_problem_newer")
        case .tooLarge: return Loc.text("screen_backup_problem_too_large")
        case .tooShort: return Loc.text("screen_first_launch_too_short")
        case .backupTooShort: return Loc.text("screen_backup_problem_too_short")
        case .weak: return Loc.text("screen_backup_problem_weak")
        case .mismatch: return Loc.text("screen_first_launch_mismatch")
        case .cancelled: return Loc.text("screen_backup_problem_cancelled")
        case .storageFull: return Loc.text("common_storage_full")
        case .locked: return Loc.text("common_locked")
        case .failed: return Loc.text("screen_backup_problem_failed")
        }
    }

    /// The picked file's bytes (the picker hands a security-scoped URL); nil if unreadable.
    static func read(_ url: URL) -> Data? {
        let scoped = url.startAccessingSecurityScopedResource()
        defer {
            if scoped { url.stopAccessingSecurityScopedResource() }
        }
        return try? Data(contentsOf: url)
    }
}
