import KeelCore
import KeelKit
import SwiftUI
import UniformTypeIdentifiers

/// Import from a Meeting Guide file chosen with the system's document
/// picker: name the list, choose the kind, pick the file; then every meeting
/// the core read (already added ones marked), what it skipped and why, and
/// the ones to add. The file is read on the phone; nothing is sent anywhere.
struct MeetingImportScreen: View {
    let router: Router
    @State private var model: MeetingImportModel

    init(proxy: VaultProxy, router: Router) {
        self.router = router
        _model = State(initialValue: MeetingImportModel(calls: proxy, language: { ScreenParts.language }))
    }

    var body: some View {
        JournalPage(title: Loc.text("screen_meeting_import_title")) {
            content
        }
        .task {
            // Once: coming back from SOS keeps the file read and the choices.
            if model.state.kindLabels.isEmpty {
                await model.load()
            }
        }
        .fileImporter(isPresented: choosing, allowedContentTypes: [.json, .plainText, .data]) { result in
            let file: Data?
            switch result {
            case .success(let url): file = MeetingGuideFile.read(url)
            case .failure: file = nil
            }
            Task { await model.read(file) }
        }
    }

    /// The picker shows while the model asks for it; closed without a file, it says so.
    private var choosing: Binding<Bool> {
        let model = model
        return Binding(
            get: { model.state.choosing },
            set: { showing in
                if !showing && model.state.choosing {
                    model.send(.pickerClosed)
                }
            }
        )
    }

    @ViewBuilder
    private var content: some View {
        let state = model.state
        if let added = state.added {
            JournalText(Loc.text("screen_meeting_import_added", added))
            JournalButton(title: Loc.text("action_meetings_list_plain"), prominent: true) { router.navigate(.meetingList) }
            JournalButton(title: Loc.text("screen_meeting_import_another")) { model.send(.again) }
        } else if let preview = state.preview {
            previewSection(preview, state: state)
        } else {
            JournalText(Loc.text("screen_meeting_import_intro"))
            JournalText(Loc.text("screen_meeting_import_source_hint"))
            MeetingField(label: Loc.text("screen_meeting_import_source"), text: source)
            if state.needSource {
                JournalProblem(Loc.text("screen_meeting_import_need_source"))
            }
            JournalHeading(Loc.text("screen_meeting_import_kind"))
            JournalFlow {
                ForEach(MeetingKinds.all, id: \.self) { kind in
                    JournalChip(label: state.kindLabels[kind] ?? "", selected: state.kind == kind) {
                        model.send(.kind(kind))
                    }
                }
            }
            if state.cancelled {
                JournalText(Loc.text("screen_meeting_import_cancelled"))
            }
            if let failure = state.failure {
                JournalProblem(MeetingText.importFailure(failure))
            }
            JournalWorkButton(
                title: Loc.text("screen_meeting_import_choose"),
                busy: state.busy,
                prominent: true
            ) {
                model.send(.chooseFile)
            }
        }
    }

    @ViewBuilder
    private func previewSection(_ preview: MeetingGuideImport, state: MeetingImportModel.State) -> some View {
        JournalText(Loc.text("screen_meeting_import_found", preview.meetings.count, preview.skipped.count))
        if !preview.meetings.isEmpty {
            JournalHeading(Loc.text("screen_meeting_import_pick"))
            JournalFlow {
                JournalChip(label: Loc.text("screen_meeting_import_all"), selected: false) { model.send(.pickAll) }
                JournalChip(label: Loc.text("screen_meeting_import_none"), selected: false) { model.send(.pickNone) }
            }
            ForEach(preview.meetings, id: \.position) { meeting in
                FeedMeetingRow(meeting: meeting, picked: state.picked.contains(meeting.position), zone: state.zone) {
                    model.send(.toggle(meeting.position))
                }
            }
        }
        if !preview.skipped.isEmpty {
            JournalHeading(Loc.text("screen_meeting_import_skipped"))
            ForEach(preview.skipped, id: \.position) { skipped in
                MeetingSkippedRow(skipped: skipped)
            }
        }
        if let failure = state.failure {
            JournalProblem(MeetingText.importFailure(failure))
        }
        JournalButton(
            title: state.busy ? Loc.text("common_working") : Loc.text("screen_meeting_import_add", state.picked.count),
            prominent: true,
            enabled: !state.busy && !state.picked.isEmpty
        ) {
            Task { await model.add() }
        }
        JournalButton(title: Loc.text("screen_meeting_import_other_file")) { model.send(.again) }
    }

    private var source: Binding<String> {
        let model = model
        return Binding(get: { model.state.source }, set: { model.send(.source($0)) })
    }
}

/// A meeting of the file, with a box to pick it; what was dropped from it and whether it is already added.
private struct FeedMeetingRow: View {
    let meeting: FeedMeeting
    let picked: Bool
    let zone: String?
    let toggle: () -> Void

    var body: some View {
        Button(action: toggle) {
            HStack(alignment: .top, spacing: 10) {
                Image(systemName: picked ? "checkmark.square.fill" : "square")
                    .font(.title3)
                    .foregroundStyle(picked ? Color.accentColor : Color.secondary)
                    .frame(minWidth: 28)
                    .accessibilityHidden(true)
                VStack(alignment: .leading, spacing: 2) {
                    Text(meeting.draft.name)
                        .font(.headline)
                    Text(MeetingText.schedule(meeting.draft.schedule, phoneZone: zone))
                        .font(.subheadline)
                    if let place = MeetingText.place(meeting.draft.place) {
                        Text(place)
                            .font(.subheadline)
                    }
                    if meeting.alreadyAddedId != nil {
                        Text(Loc.text("screen_meeting_import_already"))
                            .font(.subheadline)
                            .foregroundStyle(Color.accentColor)
                    }
                    ForEach(Array(meeting.warnings.enumerated()), id: \.offset) { _, warning in
                        Text(Loc.text("common_bullet", MeetingText.warning(warning)))
                            .font(.footnote)
                    }
                }
                .multilineTextAlignment(.leading)
                .fixedSize(horizontal: false, vertical: true)
                .frame(maxWidth: .infinity, alignment: .leading)
            }
            .frame(minHeight: 44)
            .padding(.vertical, 4)
            .contentShape(Rectangle())
        }
        .buttonStyle(.plain)
        .accessibilityElement(children: .combine)
        .accessibilityAddTraits(picked ? .isSelected : [])
    }
}

/// An entry of the file the core did not import: which one, and why.
private struct MeetingSkippedRow: View {
    let skipped: FeedSkipped

    var body: some View {
        VStack(alignment: .leading, spacing: 2) {
            Text(which)
                .font(.subheadline.weight(.semibold))
            Text(MeetingText.skipReason(skipped.reason))
                .font(.subheadline)
        }
        .fixedSize(horizontal: false, vertical: true)
        .frame(maxWidth: .infinity, alignment: .leading)
        .accessibilityElement(children: .combine)
    }

    private var which: String {
        let number = Int(skipped.position) + 1
        if let slug = skipped.slug {
            return Loc.text("screen_meeting_import_skipped_slug", number, slug)
        }
        return Loc.text("screen_meeting_import_skipped_at", number)
    }
}

/// The chosen file's bytes (the picker hands a security-scoped URL); nil if unreadable.
enum MeetingGuideFile {
    static func read(_ url: URL) -> Data? {
        let scoped = url.startAccessingSecurityScopedResource()
        defer {
            if scoped { url.stopAccessingSecurityScopedResource() }
        }
        return try? Data(contentsOf: url)
    }
}
