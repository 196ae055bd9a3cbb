import KeelCore
import KeelKit
import SwiftUI
import UniformTypeIdentifiers

/// Backup and restore: back up to a file the participant picks, under the
/// core's name, with a passphrase of their own (and the core's estimate of
/// it) or the core's suggestion; and restore a backup into this vault after
/// seeing what it holds against what the vault holds, with an explicit
/// confirmation. Nothing here overwrites: a restore only adds.
struct BackupScreen: View {
    let proxy: VaultProxy
    let router: Router
    @State private var model: BackupModel?

    var body: some View {
        ScrollView {
            VStack(alignment: .leading, spacing: 12) {
                if let model {
                    BackUpPart(model: model)
                    Divider()
                    RestorePart(model: model, language: ScreenParts.language)
                } else {
                    WorkingRow()
                }
            }
            .padding()
        }
        .navigationTitle(Loc.text("screen_backup_title"))
        .task {
            guard model == nil else { return }
            let made = BackupModel(calls: proxy, session: proxy, language: { ScreenParts.language }, outbox: .inCaches("backup"))
            made.open()
            model = made
        }
        .emptiesOutbox(of: .backup, router: router) { model?.open() }
    }
}

private struct BackUpPart: View {
    let model: BackupModel
    @State private var exporting = false

    var body: some View {
        let state = model.state
        VStack(alignment: .leading, spacing: 12) {
            JournalHeading(Loc.text("screen_backup_make_title"))
            JournalText(Loc.text("screen_backup_make_intro"))
            JournalButton(title: Loc.text("screen_first_launch_suggest"), enabled: !state.busy) {
                model.send(.suggest)
            }
            if let suggested = state.suggested {
                OutboxCard {
                    Text(Loc.text("screen_first_launch_suggested")).font(.subheadline.weight(.semibold))
                    SpokenWords(words: suggested)
                    JournalText(Loc.text("screen_backup_suggested_hint"))
                }
            }
            PassphraseInput(
                label: Loc.text("screen_backup_passphrase"),
                text: Binding(get: { model.state.backupPassphrase }, set: { model.send(.backupPassphrase($0)) }),
                isNew: true,
                onSubmit: { model.send(.backUp) }
            )
            .textFieldStyle(.roundedBorder)
            .disabled(state.busy)
            if let estimate = state.estimate {
                PassphraseStrength(estimate: estimate)
            }
            if let problem = state.problem(of: .backup) {
                JournalProblem(BackupKinds.problemText(problem))
            }
            if let progress = state.progress(of: .backup) {
                BackupProgressRow(fraction: progress) { model.send(.cancel) }
            } else {
                JournalButton(title: Loc.text("screen_backup_make_action"), prominent: true, enabled: state.canBackUp) {
                    model.send(.backUp)
                }
            }
            if let saved = state.saved {
                JournalText(Loc.text("screen_backup_saved", Int(saved.records)))
                if saved.damagedLeftOut > 0 {
                    JournalText(Loc.text("screen_backup_saved_damaged", Int(saved.damagedLeftOut)))
                }
            }
            if state.notSaved {
                JournalText(Loc.text("screen_backup_not_saved"))
            }
        }
        // The backup is made: the system's picker asks where it goes, under the core's name.
        .onChange(of: state.saving) { _, saving in
            exporting = saving != nil
        }
        .onChange(of: exporting) { _, open in
            // Closed without an answer: said as not saved (an answer that came first wins).
            if !open { closedWithoutAnswer() }
        }
        .fileExporter(
            isPresented: $exporting,
            document: state.saving.map { OutboxDocument(url: $0.url) },
            contentTypes: [.data],
            defaultFilename: state.saving?.name,
            onCompletion: { result in
                switch result {
                case .success: model.send(.saved(true))
                case .failure: model.send(.saved(false))
                }
            },
            onCancellation: { model.send(.saved(false)) }
        )
    }

    private func closedWithoutAnswer() {
        Task {
            try? await Task.sleep(for: .milliseconds(500))
            if model.state.saving != nil { model.send(.saved(false)) }
        }
    }
}

private struct RestorePart: View {
    let model: BackupModel
    let language: Language
    @State private var picking = false

    var body: some View {
        let state = model.state
        JournalHeading(Loc.text("screen_backup_restore_title"))
        JournalText(Loc.text("screen_backup_restore_intro"))
        if let restored = state.restored {
            JournalText(Loc.text("screen_backup_restored", Int(restored.restored), Int(restored.alreadyPresent)))
        }
        if state.hasFile {
            JournalText(Loc.text("screen_backup_file_chosen"))
        }
        JournalButton(
            title: state.hasFile ? Loc.text("screen_backup_choose_other") : Loc.text("screen_backup_choose_file"),
            enabled: !state.busy
        ) {
            picking = true
        }
        .fileImporter(isPresented: $picking, allowedContentTypes: [.data]) { result in
            guard case let .success(url) = result else { return }
            model.send(.file(BackupKinds.read(url)))
        }
        if state.hasFile {
            PassphraseInput(
                label: Loc.text("screen_backup_restore_passphrase"),
                text: Binding(get: { model.state.restorePassphrase }, set: { model.send(.restorePassphrase($0)) }),
                onSubmit: { model.send(.inspect) }
            )
            .textFieldStyle(.roundedBorder)
            .disabled(state.busy)
            if state.contents == nil && state.progress(of: .restore) == nil {
                JournalButton(title: Loc.text("screen_backup_open"), prominent: true, enabled: state.canInspect) {
                    model.send(.inspect)
                }
            }
        }
        if let contents = state.contents {
            BackupAgainstVault(contents: contents, language: language)
            if state.confirming {
                OutboxCard {
                    JournalText(Loc.text("screen_backup_confirm", Int(contents.records)))
                    JournalButton(title: Loc.text("screen_backup_confirm_yes"), prominent: true) {
                        model.send(.confirmRestore)
                    }
                    JournalButton(title: Loc.text("screen_backup_confirm_no")) {
                        model.send(.keepAsIs)
                    }
                }
            } else if state.progress(of: .restore) == nil {
                JournalButton(title: Loc.text("screen_backup_restore_action"), enabled: !state.busy) {
                    model.send(.restore)
                }
            }
        }
        if let problem = state.problem(of: .restore) {
            JournalProblem(BackupKinds.problemText(problem))
        }
        if let progress = state.progress(of: .restore) {
            BackupProgressRow(fraction: progress) { model.send(.cancel) }
        }
    }
}

/// What a backup holds and from when, set against this vault: the date it
/// was made, its records, the vault's, and each kind in both.
private struct BackupAgainstVault: View {
    let contents: BackupContents
    let language: Language

    var body: some View {
        OutboxCard {
            Text(Loc.text("screen_backup_contents_title")).font(.subheadline.weight(.semibold))
            JournalText(Loc.text("screen_backup_contents_made", FirstLaunchRestoreModel.madeOn(contents.createdAt, language: language)))
            JournalText(Loc.text("screen_backup_contents_records", Int(contents.records)))
            JournalText(Loc.text("screen_backup_contents_vault_records", Int(contents.vaultRecords)))
            ForEach(contents.collections.filter { $0.inBackup > 0 || $0.inVault > 0 }, id: \.collection) { count in
                JournalText(Loc.text(
                    "common_bullet",
                    Loc.text("screen_backup_contents_line_vault", BackupKinds.label(count.collection), Int(count.inBackup), Int(count.inVault))
                ))
            }
        }
        .accessibilityElement(children: .combine)
    }
}

/// The core's work in progress: a bar VoiceOver reads, and Cancel.
private struct BackupProgressRow: View {
    let fraction: Double
    let cancel: () -> Void

    var body: some View {
        WorkingRow()
        ProgressView(value: fraction)
            .accessibilityLabel(Loc.text("common_working"))
        JournalButton(title: Loc.text("action_cancel"), action: cancel)
    }
}
