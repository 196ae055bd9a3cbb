import KeelCore
import KeelKit
import SwiftUI

/// Today: the core's Today record, shown as it came. The clocks and their
/// milestones, whether the participant checked in, "I'm here" for a meeting
/// on now and the next meeting, the if-then plans that fit now, the lapse
/// plan after a lapse, the recent entries (each opens its edit), and the
/// people to reach out to, one tap each.
struct TodayScreen: View {
    let router: Router
    @State private var model: TodayModel

    init(proxy: VaultProxy, router: Router) {
        self.router = router
        _model = State(initialValue: TodayModel(calls: proxy, language: { ScreenParts.language }))
    }

    var body: some View {
        JournalPage(title: Loc.text("screen_today_title"), grouped: true) {
            content
        }
        .toolbar {
            ToolbarItem(placement: .topBarLeading) {
                Button(Loc.text("action_menu")) { router.navigate(.menu) }
                    .accessibilityLabel(Loc.text("action_menu"))
            }
        }
        .task { await model.load() }
        .refreshable { await model.load() }
    }

    @ViewBuilder
    private var content: some View {
        if let screen = model.state.screen {
            let language = ScreenParts.language
            if screen.clocks.isEmpty {
                JournalText(Loc.text("screen_today_no_clock"))
            }
            ForEach(screen.clocks, id: \.id) { clock in
                JournalClockCard(clock: clock, language: language)
            }
            JournalText(screen.checkedInToday ? Loc.text("screen_today_checked_in") : Loc.text("screen_today_not_checked_in"))
            if let meeting = screen.meetingNow {
                JournalText(Loc.text("screen_today_meeting_now", meeting.occurrence.meetingName))
                if meeting.checkedIn {
                    JournalText(Loc.text("screen_today_here_recorded"))
                } else if meeting.canCheckIn {
                    JournalButton(title: Loc.text("action_im_here"), prominent: true, enabled: !model.state.busy) {
                        Task { await model.send(.imHere) }
                    }
                }
            }
            if let next = screen.nextMeeting {
                JournalText(Loc.text(
                    "screen_today_next_meeting",
                    next.occurrence.meetingName,
                    ScreenParts.momentText(next.occurrence.start, language: language)
                ))
            }
            // Questionnaires due today or overdue: one tap to answer each.
            ForEach(screen.measuresDue, id: \.measure) { due in
                MeasureDueCard(due: due, language: language) {
                    router.navigate(.measureForm(due.measure, responseId: nil))
                }
            }
            if let failure = model.state.failure {
                JournalFailure(failure: failure)
            }
            logActions
            if !screen.suggestions.isEmpty {
                JournalHeading(Loc.text("screen_today_suggestions"))
                // The plan's own words: "If …" and "then …" come whole from the core.
                ForEach(Array(screen.suggestions.enumerated()), id: \.offset) { _, suggestion in
                    VStack(alignment: .leading, spacing: 2) {
                        Text(suggestion.copingPlan.ifSituation)
                            .font(.headline)
                        JournalText(suggestion.copingPlan.thenAction)
                    }
                    .fixedSize(horizontal: false, vertical: true)
                    .accessibilityElement(children: .combine)
                }
            }
            if let plan = screen.lapsePlan {
                JournalHeading(Loc.text("screen_today_lapse_plan"))
                ForEach(Array(plan.steps.enumerated()), id: \.offset) { _, step in
                    JournalText(Loc.text("common_bullet", step))
                }
                if !plan.overdoseSafety.isEmpty {
                    JournalHeading(Loc.text("screen_sos_overdose"))
                    ForEach(Array(plan.overdoseSafety.enumerated()), id: \.offset) { _, line in
                        JournalText(Loc.text("common_bullet", line))
                    }
                }
            }
            JournalHeading(Loc.text("screen_today_recent"))
            if screen.recent.isEmpty {
                JournalText(Loc.text("screen_today_no_recent"))
            }
            ForEach(screen.recent, id: \.id) { entry in
                EntryBriefRow(entry: entry, language: language) {
                    router.navigate(.log(kind: entry.kind, id: entry.id))
                }
            }
            JournalButton(title: Loc.text("action_history")) { router.navigate(.history) }
            JournalButton(title: Loc.text("action_plan")) { router.navigate(.plan) }
            JournalButton(title: Loc.text("action_exercises")) { router.navigate(.exercises) }
            JournalButton(title: Loc.text("action_meetings")) { router.navigate(.meetings) }
            JournalButton(title: Loc.text("action_reminders")) { router.navigate(.reminders) }
            JournalButton(title: Loc.text("action_insights")) { router.navigate(.insights) }
            JournalButton(title: Loc.text("action_report")) { router.navigate(.report) }
            JournalButton(title: Loc.text("action_exports")) { router.navigate(.exports) }
            JournalButton(title: Loc.text("action_backup")) { router.navigate(.backup) }
            JournalButton(title: Loc.text("action_settings")) { router.navigate(.settings) }
            JournalHeading(Loc.text("screen_today_contacts"))
            ForEach(Array(screen.crisisContacts.enumerated()), id: \.offset) { _, contact in
                JournalContactRow(name: contact.name, number: contact.phone, canText: contact.canText)
            }
        } else if let failure = model.state.failure {
            JournalFailure(failure: failure)
        } else {
            JournalText(Loc.text("common_working"))
        }
    }

    /// The four logs, one tap each.
    private var logActions: some View {
        VStack(alignment: .leading, spacing: 8) {
            JournalHeading(Loc.text("screen_today_log"))
            JournalFlow {
                logButton(Loc.text("action_log_craving"), .craving)
                logButton(Loc.text("action_log_encounter"), .encounter)
                logButton(Loc.text("action_log_check_in"), .checkIn)
                logButton(Loc.text("action_log_lapse"), .lapse)
            }
        }
    }

    private func logButton(_ title: String, _ kind: EntryKind) -> some View {
        Button {
            router.navigate(.log(kind: kind, id: nil))
        } label: {
            Text(title)
                .multilineTextAlignment(.center)
                .fixedSize(horizontal: false, vertical: true)
                .frame(minWidth: 44, minHeight: 44)
        }
        .buttonStyle(.borderedProminent)
        .tint(Color.accentColor.opacity(0.85))
        .accessibilityLabel(title)
    }
}

/// A recent entry: its kind and time, its level, its triggers or words; a tap opens its edit.
struct EntryBriefRow: View {
    let entry: EntryBrief
    let language: Language
    let open: () -> Void

    var body: some View {
        Button(action: open) {
            VStack(alignment: .leading, spacing: 2) {
                Text(Loc.text(
                    "common_joined",
                    ScreenParts.kindText(entry.kind),
                    ScreenParts.momentText(entry.at, language: language)
                ))
                .font(.subheadline.weight(.semibold))
                if let level = entry.level {
                    Text(Loc.text("screen_today_level", Int(level)))
                        .font(.body)
                }
                let words = ScreenParts.joined(entry.triggers + [entry.text])
                if !words.isEmpty {
                    Text(words)
                        .font(.body)
                }
            }
            .multilineTextAlignment(.leading)
            .fixedSize(horizontal: false, vertical: true)
            .frame(maxWidth: .infinity, minHeight: 44, alignment: .leading)
            .contentShape(Rectangle())
        }
        .buttonStyle(.plain)
        .accessibilityElement(children: .combine)
        .accessibilityHint(Loc.text("a11y_edit_entry"))
    }
}
