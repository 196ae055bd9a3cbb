import KeelCore
import KeelKit
import SwiftUI

/// Attendance history: program hours and sessions per week (newest first),
/// then every record, newest first, page by page; a tap opens one to change
/// its status, minutes and notes, or to delete it.
struct AttendanceScreen: View {
    let router: Router
    @State private var model: AttendanceModel

    init(proxy: VaultProxy, router: Router) {
        self.router = router
        _model = State(initialValue: AttendanceModel(calls: proxy, language: { ScreenParts.language }))
    }

    var body: some View {
        JournalPage(title: Loc.text("screen_attendance_title")) {
            content
        }
        .task {
            // Once: coming back from SOS keeps a record being changed.
            if model.state.weeks == nil {
                await model.load()
            }
        }
        .refreshable { await model.load() }
    }

    @ViewBuilder
    private var content: some View {
        let state = model.state
        if let weeks = state.weeks {
            JournalHeading(Loc.text("screen_attendance_weeks"))
            ForEach(Array(weeks.reversed().enumerated()), id: \.offset) { _, week in
                AttendanceWeekRow(week: week)
            }
            JournalHeading(Loc.text("screen_attendance_records"))
            if state.records.isEmpty {
                JournalText(Loc.text("screen_meetings_no_recent"))
            }
            if state.damaged > 0 {
                JournalText(Loc.text("screen_meetings_damaged", state.damaged))
            }
            ForEach(state.records, id: \.id) { record in
                if let form = state.editing, form.id == record.id {
                    editor(record, form: form, state: state)
                } else {
                    Button {
                        model.send(.open(record))
                    } label: {
                        MeetingAttendanceRow(record: record, zone: state.zone, kindLabels: state.kindLabels)
                            .frame(minHeight: 44)
                            .padding(.vertical, 4)
                            .contentShape(Rectangle())
                    }
                    .buttonStyle(.plain)
                    .accessibilityHint(Loc.text("a11y_attendance_edit"))
                }
            }
            if state.editing == nil, let failure = state.failure {
                JournalFailure(failure: failure)
            }
            if state.hasMore {
                JournalButton(title: Loc.text("screen_attendance_more"), enabled: !state.busy) {
                    Task { await model.more() }
                }
            }
        } else if let failure = state.failure {
            JournalFailure(failure: failure)
        } else {
            JournalText(Loc.text("common_working"))
        }
    }

    private func editor(_ record: AttendanceRecord, form: AttendanceForm, state: AttendanceModel.State) -> some View {
        VStack(alignment: .leading, spacing: 8) {
            Text(record.meetingName)
                .font(.headline)
            JournalText(MeetingText.when(record.occurrence.utcMillis, zone: state.zone))
            JournalFlow {
                ForEach(AttendanceForm.statuses, id: \.self) { status in
                    JournalChip(label: MeetingText.status(status), selected: form.status == status) {
                        var next = form
                        next.status = status
                        model.send(.change(next))
                    }
                }
            }
            MeetingField(label: Loc.text("screen_attendance_minutes"), text: formField(\.minutes), keyboard: .numberPad)
            if form.badMinutes {
                JournalProblem(Loc.text("screen_attendance_bad_minutes"))
            }
            JournalText(Loc.text("screen_attendance_notes_hint"))
            MeetingField(label: Loc.text("screen_attendance_notes"), text: formField(\.notes), multiline: true)
            if let failure = state.failure {
                JournalProblem(MeetingText.attendanceFailure(failure))
            }
            JournalButton(title: Loc.text("action_save_changes"), prominent: true, enabled: !state.busy) {
                Task { await model.save() }
            }
            JournalButton(title: Loc.text("action_cancel")) { model.send(.close) }
            if form.confirmDelete {
                JournalText(Loc.text("screen_attendance_delete_confirm"))
                JournalButton(title: Loc.text("screen_attendance_delete_yes"), prominent: true, destructive: true, enabled: !state.busy) {
                    Task { await model.delete() }
                }
            } else {
                JournalButton(title: Loc.text("screen_attendance_delete"), destructive: true, enabled: !state.busy) {
                    model.send(.askDelete)
                }
            }
        }
        .padding()
        .background(Color(uiColor: .secondarySystemGroupedBackground), in: RoundedRectangle(cornerRadius: 16))
    }

    /// A field of the record being changed: reads the form, writes through the model.
    private func formField(_ path: WritableKeyPath<AttendanceForm, String>) -> Binding<String> {
        let model = model
        return Binding(
            get: { model.state.editing?[keyPath: path] ?? "" },
            set: { text in
                guard var form = model.state.editing else { return }
                form[keyPath: path] = text
                model.send(.change(form))
            }
        )
    }
}

/// One week: its Monday, program time and sessions, and whether it met the requirement.
private struct AttendanceWeekRow: View {
    let week: WeekSummary

    var body: some View {
        VStack(alignment: .leading, spacing: 2) {
            Text(Loc.text("screen_attendance_week_of", MeetingText.date(week.weekStart)))
                .font(.subheadline.weight(.semibold))
            let line = Loc.text("screen_attendance_week_line", MeetingText.hours(Int(week.minutes)), Int(week.sessions))
            Text(week.met ? Loc.text("common_joined", line, Loc.text("screen_attendance_week_met")) : line)
                .font(.subheadline)
        }
        .fixedSize(horizontal: false, vertical: true)
        .frame(maxWidth: .infinity, alignment: .leading)
        .accessibilityElement(children: .combine)
    }
}
