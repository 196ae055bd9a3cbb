import KeelCore
import KeelKit
import SwiftUI
import UniformTypeIdentifiers

/// Meetings: the week against the program requirement (hours, sessions,
/// streak, attendance rate), "I'm here" for the meeting on now, today and the
/// coming week, recent attendance, and the way to the list, the editor, the
/// import, attendance and the calendar export.
struct MeetingsHomeScreen: View {
    let router: Router
    @State private var model: MeetingsModel

    init(proxy: VaultProxy, router: Router) {
        self.router = router
        _model = State(initialValue: MeetingsModel(calls: proxy, language: { ScreenParts.language }))
    }

    var body: some View {
        JournalPage(title: Loc.text("screen_meetings_title"), grouped: true) {
            content
        }
        .task { await model.load() }
        .refreshable { await model.load() }
        .fileExporter(
            isPresented: exporting,
            document: model.state.exportFile.map { CalendarFileDocument(url: $0.url) },
            contentTypes: [.calendarEvent],
            defaultFilename: model.state.exportFile?.fileName,
            onCompletion: { result in
                let handed: Bool
                switch result {
                case .success: handed = true
                case .failure: handed = false
                }
                Task { await model.send(.exported(handed)) }
            },
            onCancellation: {
                Task { await model.send(.exported(nil)) }
            }
        )
    }

    /// The exporter shows while the calendar file waits for it; closing it without a callback also removes the file.
    private var exporting: Binding<Bool> {
        let model = model
        return Binding(
            get: { model.state.exportFile != nil },
            set: { showing in
                if !showing && model.state.exportFile != nil {
                    Task { await model.send(.exported(nil)) }
                }
            }
        )
    }

    @ViewBuilder
    private var content: some View {
        let state = model.state
        if let screen = state.screen {
            if let draft = state.requirement {
                // Changing the requirement: that alone, until saved or cancelled.
                requirementForm(draft, busy: state.busy)
                if let failure = state.failure {
                    JournalFailure(failure: failure)
                }
            } else if state.export == .confirm {
                exportSection(hasMeetings: true)
                if let failure = state.failure {
                    JournalFailure(failure: failure)
                }
            } else {
                week(screen, state: state)
            }
        } else if let failure = state.failure {
            JournalFailure(failure: failure)
        } else {
            JournalText(Loc.text("common_working"))
        }
    }

    @ViewBuilder
    private func week(_ screen: MeetingsScreen, state: MeetingsModel.State) -> some View {
        MeetingsWeekCard(progress: screen.progress)
        JournalButton(title: Loc.text("screen_meetings_change_requirement")) {
            Task { await model.send(.editRequirement) }
        }
        if let record = state.checkedIn {
            JournalText(Loc.text("screen_meetings_here_recorded", record.meetingName))
        }
        if let now = screen.happeningNow {
            JournalHeading(Loc.text("screen_meetings_now"))
            MeetingOccurrenceRow(occurrence: now, zone: state.zone, kindLabels: state.kindLabels)
            if now.status == nil {
                JournalButton(title: Loc.text("action_im_here"), prominent: true, enabled: !state.busy) {
                    Task { await model.send(.imHere) }
                }
            }
        }
        if let failure = state.failure {
            JournalFailure(failure: failure)
        }
        if !screen.damagedIds.isEmpty {
            JournalText(Loc.text("screen_meetings_damaged", screen.damagedIds.count))
        }
        JournalHeading(Loc.text("screen_meetings_today"))
        if screen.today.isEmpty {
            JournalText(Loc.text("screen_meetings_none_today"))
        }
        ForEach(Array(screen.today.enumerated()), id: \.offset) { _, occurrence in
            MeetingOccurrenceRow(occurrence: occurrence, zone: state.zone, kindLabels: state.kindLabels)
        }
        JournalHeading(Loc.text("screen_meetings_week"))
        if screen.thisWeek.isEmpty {
            JournalText(screen.meetingCount == 0 ? Loc.text("screen_meetings_no_meetings") : Loc.text("screen_meetings_none_week"))
        }
        ForEach(Array(screen.thisWeek.enumerated()), id: \.offset) { _, occurrence in
            MeetingOccurrenceRow(occurrence: occurrence, zone: state.zone, kindLabels: state.kindLabels)
        }
        JournalButton(title: Loc.text("action_meetings_add"), prominent: true) { router.navigate(.meetingEdit(id: nil)) }
        JournalButton(title: Loc.text("action_meetings_list", Int(screen.meetingCount))) { router.navigate(.meetingList) }
        JournalButton(title: Loc.text("action_meetings_import")) { router.navigate(.meetingImport) }
        JournalHeading(Loc.text("screen_meetings_recent"))
        if screen.recent.isEmpty {
            JournalText(Loc.text("screen_meetings_no_recent"))
        }
        ForEach(screen.recent, id: \.id) { record in
            MeetingAttendanceRow(record: record, zone: state.zone, kindLabels: state.kindLabels)
        }
        JournalButton(title: Loc.text("action_attendance_history")) { router.navigate(.attendanceHistory) }
        JournalButton(title: Loc.text("action_attendance_record")) { router.navigate(.attendanceRecordSheet) }
        exportSection(hasMeetings: screen.meetingCount > 0)
    }

    @ViewBuilder
    private func requirementForm(_ draft: MeetingRequirementDraft, busy: Bool) -> some View {
        JournalHeading(Loc.text("screen_meetings_requirement"))
        JournalText(Loc.text("screen_meetings_requirement_hint"))
        MeetingField(label: Loc.text("screen_meetings_requirement_hours"), text: requirementField(\.hours), keyboard: .decimalPad)
        MeetingField(label: Loc.text("screen_meetings_requirement_sessions"), text: requirementField(\.sessions), keyboard: .numberPad)
        if draft.problem {
            JournalProblem(Loc.text("screen_meetings_requirement_problem"))
        }
        JournalButton(title: Loc.text("action_save"), prominent: true, enabled: !busy) {
            Task { await model.send(.saveRequirement) }
        }
        JournalButton(title: Loc.text("action_cancel")) {
            Task { await model.send(.cancelRequirement) }
        }
    }

    /// A field of the requirement being changed: reads the draft, writes through the model.
    private func requirementField(_ field: WritableKeyPath<MeetingRequirementDraft, String>) -> Binding<String> {
        let model = model
        return Binding(
            get: { model.state.requirement?[keyPath: field] ?? "" },
            set: { text in
                guard var draft = model.state.requirement else { return }
                draft[keyPath: field] = text
                model.edit(draft)
            }
        )
    }

    /// The calendar file leaves the vault unencrypted: say so and ask first; then the system's exporter.
    @ViewBuilder
    private func exportSection(hasMeetings: Bool) -> some View {
        let state = model.state
        if hasMeetings {
            if state.export == .confirm {
                VStack(alignment: .leading, spacing: 8) {
                    Text(Loc.text("screen_meetings_export_title"))
                        .font(.headline)
                        .accessibilityAddTraits(.isHeader)
                    JournalText(Loc.text("screen_meetings_export_warning"))
                    JournalButton(title: Loc.text("screen_meetings_export_yes"), prominent: true, enabled: !state.busy) {
                        Task { await model.send(.confirmExport) }
                    }
                    JournalButton(title: Loc.text("action_cancel")) {
                        Task { await model.send(.cancelExport) }
                    }
                }
                .padding()
                .background(Color.accentColor.opacity(0.12), in: RoundedRectangle(cornerRadius: 16))
            } else {
                JournalButton(title: Loc.text("action_meetings_export")) {
                    Task { await model.send(.askExport) }
                }
                if state.export == .shared {
                    JournalText(Loc.text("screen_meetings_export_shared"))
                }
                if state.export == .failed {
                    JournalProblem(Loc.text("screen_meetings_export_failed"))
                }
            }
        }
    }
}

/// This week's program time against the requirement, the streak of weeks that met it, and the recent attendance rate.
private struct MeetingsWeekCard: View {
    let progress: WeekProgress

    var body: some View {
        VStack(alignment: .leading, spacing: 6) {
            Text(Loc.text("screen_meetings_this_week", MeetingText.date(progress.weekStart)))
                .font(.headline)
            let done = MeetingText.hours(Int(progress.minutes))
            if let required = progress.settings.weeklyMinutes {
                Text(Loc.text("screen_meetings_hours_of", done, MeetingText.hours(Int(required))))
                    .font(.title3.weight(.semibold))
                if required > 0 {
                    ProgressView(value: min(Double(progress.minutes) / Double(required), 1))
                        .accessibilityHidden(true)
                }
            } else {
                Text(Loc.text("screen_meetings_hours_done", done))
                    .font(.title3.weight(.semibold))
            }
            if let sessions = progress.settings.weeklySessions {
                JournalText(Loc.text("screen_meetings_sessions_of", Int(progress.sessions), Int(sessions)))
            } else {
                JournalText(Loc.text("screen_meetings_sessions_done", Int(progress.sessions)))
            }
            if progress.settings.weeklyMinutes == nil && progress.settings.weeklySessions == nil {
                JournalText(Loc.text("screen_meetings_no_requirement"))
            } else {
                JournalText(progress.met ? Loc.text("screen_meetings_met") : Loc.text("screen_meetings_not_met"))
            }
            JournalText(Loc.text("screen_meetings_streak", Int(progress.streakWeeks)))
            if let rate = progress.attendanceRate {
                JournalText(Loc.text(
                    "screen_meetings_rate",
                    Int(progress.attendedRecently),
                    Int(progress.scheduledRecently),
                    Int((rate * 100).rounded())
                ))
            } else {
                JournalText(Loc.text("screen_meetings_rate_none"))
            }
        }
        .fixedSize(horizontal: false, vertical: true)
        .frame(maxWidth: .infinity, alignment: .leading)
        .padding()
        .background(Color(uiColor: .secondarySystemGroupedBackground), in: RoundedRectangle(cornerRadius: 16))
        .accessibilityElement(children: .combine)
    }
}

/// The calendar file for the system's exporter: its bytes are read from the
/// file the core's text was written to, under the core's name.
struct CalendarFileDocument: FileDocument {
    static var readableContentTypes: [UTType] { [.calendarEvent] }

    private let url: URL?
    private let data: Data

    init(url: URL) {
        self.url = url
        self.data = Data()
    }

    init(configuration: FileDocumentReadConfiguration) throws {
        self.url = nil
        self.data = configuration.file.regularFileContents ?? Data()
    }

    func fileWrapper(configuration: FileDocumentWriteConfiguration) throws -> FileWrapper {
        if let url {
            return try FileWrapper(url: url, options: .immediate)
        }
        return FileWrapper(regularFileWithContents: data)
    }
}
