import KeelCore
import KeelKit
import SwiftUI

/// Add or edit a meeting: what, when (repeat rule, dates and time in the
/// meeting's own zone), where, reminder, notes; delete with a confirmation.
struct MeetingEditScreen: View {
    let router: Router
    @State private var model: MeetingEditModel

    init(proxy: VaultProxy, router: Router, id: String?) {
        self.router = router
        _model = State(initialValue: MeetingEditModel(calls: proxy, id: id, language: { ScreenParts.language }))
    }

    /// The US zones and Puerto Rico, one tap each; any other IANA name can be typed.
    static let commonZones = [
        "America/New_York", "America/Chicago", "America/Denver", "America/Phoenix",
        "America/Los_Angeles", "America/Anchorage", "Pacific/Honolulu", "America/Puerto_Rico",
    ]

    var body: some View {
        JournalPage(title: model.state.editing ? Loc.text("screen_meeting_edit_title") : Loc.text("screen_meeting_add_title")) {
            content
        }
        .task {
            // Once: coming back from SOS keeps what was typed.
            if model.state.loading {
                await model.load()
            }
        }
        .onChange(of: model.state.done) { _, done in
            if done { router.back() }
        }
    }

    @ViewBuilder
    private var content: some View {
        let state = model.state
        if state.loading {
            JournalLoading(failure: state.failure)
        } else {
            let form = state.form
            MeetingField(label: Loc.text("screen_meeting_edit_name"), text: field(\.name))
            JournalHeading(Loc.text("screen_meeting_edit_kind"))
            JournalFlow {
                ForEach(MeetingKinds.all, id: \.self) { kind in
                    JournalChip(label: state.kindLabels[kind] ?? "", selected: form.kind == kind) {
                        change { $0.kind = kind }
                    }
                }
            }
            whenSection(form)
            JournalHeading(Loc.text("screen_meeting_edit_where"))
            MeetingField(label: Loc.text("screen_meeting_edit_venue"), text: field(\.venue))
            MeetingField(label: Loc.text("screen_meeting_edit_address"), text: field(\.address), multiline: true)
            MeetingField(label: Loc.text("screen_meeting_edit_online_url"), text: field(\.onlineUrl), keyboard: .URL)
            MeetingField(label: Loc.text("screen_meeting_edit_online_notes"), text: field(\.onlineNotes))
            MeetingField(label: Loc.text("screen_meeting_edit_phone"), text: field(\.phone), keyboard: .phonePad)
            MeetingField(label: Loc.text("screen_meeting_edit_phone_notes"), text: field(\.phoneNotes))
            JournalHeading(Loc.text("screen_meeting_edit_reminder"))
            JournalText(Loc.text("screen_meeting_edit_reminder_hint"))
            MeetingField(label: Loc.text("screen_meeting_edit_reminder_minutes"), text: field(\.reminder), keyboard: .numberPad)
            JournalHeading(Loc.text("screen_meeting_edit_notes"))
            MeetingField(label: Loc.text("screen_meeting_edit_notes_hint"), text: field(\.notes), multiline: true)
            if !form.types.isEmpty {
                JournalText(Loc.text(
                    "screen_meeting_edit_types",
                    ScreenParts.joined(form.types.map { state.typeLabels[$0] ?? $0 })
                ))
            }
            if let problem = state.problem {
                JournalProblem(MeetingText.problem(problem))
            }
            if let failure = state.failure {
                JournalProblem(MeetingText.editFailure(failure))
            }
            JournalWorkButton(
                title: state.editing ? Loc.text("action_save_changes") : Loc.text("action_save"),
                busy: state.busy,
                prominent: true
            ) {
                Task { await model.save() }
            }
            if state.editing {
                deleteMeeting
            }
        }
    }

    @ViewBuilder
    private func whenSection(_ form: MeetingForm) -> some View {
        JournalHeading(Loc.text("screen_meeting_edit_when"))
        JournalFlow {
            JournalChip(label: Loc.text("screen_meeting_edit_weekly"), selected: form.repeatChoice == .weekly) {
                change { $0.repeatChoice = .weekly }
            }
            JournalChip(label: Loc.text("screen_meeting_edit_monthly"), selected: form.repeatChoice == .monthly) {
                change { $0.repeatChoice = .monthly }
            }
            JournalChip(label: Loc.text("screen_meeting_edit_once"), selected: form.repeatChoice == .once) {
                change { $0.repeatChoice = .once }
            }
        }
        if form.repeatChoice == .weekly {
            JournalText(Loc.text("screen_meeting_edit_days"))
            JournalFlow {
                ForEach(MeetingWhen.weekdays, id: \.self) { day in
                    JournalChip(
                        label: MeetingText.dayName(day, short: true),
                        selected: form.days.contains(day),
                        spoken: MeetingText.dayName(day)
                    ) {
                        change { next in
                            if next.days.contains(day) {
                                next.days.remove(day)
                            } else {
                                next.days.insert(day)
                            }
                        }
                    }
                }
            }
            JournalText(Loc.text("screen_meeting_edit_every_weeks_hint"))
            MeetingField(label: Loc.text("screen_meeting_edit_every_weeks"), text: field(\.everyWeeks), keyboard: .numberPad)
        } else if form.repeatChoice == .monthly {
            JournalText(Loc.text("screen_meeting_edit_month_week"))
            JournalFlow {
                ForEach(MeetingWhen.monthWeeks, id: \.self) { week in
                    JournalChip(label: MeetingText.monthWeek(week), selected: form.monthWeek == week) {
                        change { $0.monthWeek = week }
                    }
                }
            }
            JournalText(Loc.text("screen_meeting_edit_month_day"))
            JournalFlow {
                ForEach(MeetingWhen.weekdays, id: \.self) { day in
                    JournalChip(
                        label: MeetingText.dayName(day, short: true),
                        selected: form.monthDay == day,
                        spoken: MeetingText.dayName(day)
                    ) {
                        change { $0.monthDay = day }
                    }
                }
            }
        }
        JournalText(Loc.text("screen_meeting_edit_format_hint"))
        MeetingDateField(
            label: form.repeatChoice == .once ? Loc.text("screen_meeting_edit_date") : Loc.text("screen_meeting_edit_start_date"),
            text: field(\.startDate)
        )
        MeetingTimeField(label: Loc.text("screen_meeting_edit_time"), text: field(\.startTime))
        MeetingField(label: Loc.text("screen_meeting_edit_duration"), text: field(\.duration), keyboard: .numberPad)
        if form.repeatChoice != .once {
            JournalText(Loc.text("screen_meeting_edit_end_hint"))
            MeetingDateField(label: Loc.text("screen_meeting_edit_end_date"), text: field(\.endDate), from: form.startDate)
        }
        JournalHeading(Loc.text("screen_meeting_edit_zone"))
        JournalText(Loc.text("screen_meeting_edit_zone_hint"))
        JournalFlow {
            ForEach(zoneChoices(form.zone), id: \.self) { zone in
                JournalChip(label: MeetingText.zoneName(zone), selected: form.zone == zone) {
                    change { $0.zone = zone }
                }
            }
        }
        MeetingField(label: Loc.text("screen_meeting_edit_zone_field"), text: field(\.zone), keyboard: .asciiCapable)
    }

    /// The meeting's own zone first, then the common ones, each once.
    private func zoneChoices(_ current: String) -> [String] {
        var seen = Set<String>()
        return ([current] + Self.commonZones).filter { zone in
            !zone.trimmingCharacters(in: .whitespaces).isEmpty && seen.insert(zone).inserted
        }
    }

    private var deleteMeeting: some View {
        JournalDelete(
            title: Loc.text("screen_meeting_edit_delete"),
            question: Loc.text("screen_meeting_edit_delete_confirm"),
            yes: Loc.text("screen_meeting_edit_delete_yes"),
            no: Loc.text("action_cancel"),
            confirming: model.state.confirmDelete,
            busy: model.state.busy,
            ask: { model.send(.askDelete) },
            cancel: { model.send(.cancelDelete) },
            delete: { Task { await model.delete() } }
        )
    }

    /// A text field's binding: reads the form, writes the changed form through the model.
    private func field(_ path: WritableKeyPath<MeetingForm, String>) -> Binding<String> {
        let model = model
        return Binding(
            get: { model.state.form[keyPath: path] },
            set: { text in
                var form = model.state.form
                form[keyPath: path] = text
                model.send(.change(form))
            }
        )
    }

    /// The form with one change, through the model.
    private func change(_ edit: (inout MeetingForm) -> Void) {
        var form = model.state.form
        edit(&form)
        model.send(.change(form))
    }
}
