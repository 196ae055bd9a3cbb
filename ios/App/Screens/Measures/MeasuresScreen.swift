import KeelCore
import KeelKit
import SwiftUI

/// The questionnaires: what the core says is due, then each measure with
/// its schedule (on or off, how often, when to remind), a way to answer it
/// now and its past answers.
struct MeasuresScreen: View {
    let router: Router
    @State private var model: MeasuresModel
    @Environment(AppSession.self) private var app

    init(proxy: VaultProxy, router: Router) {
        self.router = router
        _model = State(initialValue: MeasuresModel(calls: proxy, language: { ScreenParts.language }))
    }

    var body: some View {
        JournalPage(title: Loc.text("screen_measures_title"), grouped: true) {
            content
        }
        // Again on coming back from a form: what is due may have changed.
        .task { await model.load() }
        .refreshable { await model.load() }
    }

    @ViewBuilder
    private var content: some View {
        let state = model.state
        let language = ScreenParts.language
        JournalText(Loc.text("screen_measures_intro"))
        if let failure = state.failure {
            JournalFailure(failure: failure)
        }
        JournalHeading(Loc.text("screen_measures_due_title"))
        if state.due.isEmpty {
            JournalText(state.loaded ? Loc.text("screen_measures_none_due") : Loc.text("common_working"))
        }
        ForEach(state.due, id: \.measure) { due in
            MeasureDueCard(due: due, language: language) {
                router.navigate(.measureForm(due.measure, responseId: nil))
            }
        }
        JournalHeading(Loc.text("screen_measures_all"))
        ForEach(state.schedules, id: \.measure) { schedule in
            scheduleCard(schedule, language: language, busy: state.busy)
        }
    }

    private func scheduleCard(_ schedule: MeasureSchedule, language: Language, busy: Bool) -> some View {
        let name = InsightsWords.measureName(schedule.measure)
        let measure = schedule.measure
        let words = InsightsWords(language: language)
        return MeasureCard {
            Text(name)
                .font(.headline)
                .fixedSize(horizontal: false, vertical: true)
            Toggle(
                Loc.text("screen_measures_regularly"),
                isOn: Binding(get: { schedule.enabled }, set: { on in change(.enabled(measure, on)) })
            )
            .disabled(busy)
            if schedule.enabled {
                JournalText(Loc.text("screen_measures_every"))
                JournalFlow {
                    ForEach(MeasuresModel.everyDays, id: \.self) { days in
                        JournalChip(
                            label: Loc.text("screen_measures_every_days", days),
                            selected: Int(schedule.everyDays) == days,
                            enabled: !busy
                        ) {
                            change(.every(measure, days: days))
                        }
                    }
                }
                JournalText(Loc.text("screen_measures_reminder"))
                JournalFlow {
                    JournalChip(label: Loc.text("screen_measures_reminder_none"), selected: schedule.reminderMinute == nil, enabled: !busy) {
                        change(.remindAt(measure, minute: nil))
                    }
                    ForEach(MeasuresModel.reminderMinutes, id: \.self) { minute in
                        JournalChip(
                            label: words.minuteOfDay(minute),
                            selected: schedule.reminderMinute.map { Int($0) } == minute,
                            enabled: !busy
                        ) {
                            change(.remindAt(measure, minute: minute))
                        }
                    }
                }
            }
            Button {
                router.navigate(.measureForm(measure, responseId: nil))
            } label: {
                Text(Loc.text("action_measure_answer"))
                    .frame(maxWidth: .infinity, minHeight: 44)
            }
            .buttonStyle(.bordered)
            .accessibilityLabel(Loc.text("a11y_measure_answer", name))
            Button {
                router.navigate(.measureHistory(measure))
            } label: {
                Text(Loc.text("action_measure_history"))
                    .frame(maxWidth: .infinity, minHeight: 44)
            }
            .buttonStyle(.bordered)
            .accessibilityLabel(Loc.text("a11y_measure_history", name))
        }
    }

    /// Saves a schedule change; the reminders follow it at once.
    private func change(_ action: MeasuresModel.Action) {
        Task {
            await model.send(action)
            app.refreshReminders()
        }
    }
}
