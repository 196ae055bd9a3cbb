import KeelCore
import KeelKit
import SwiftUI

/// Log or edit a craving, a trigger encounter, a daily check-in or a lapse;
/// after a new lapse, the core's compassionate message, the crisis lines and
/// the clocks as they now stand.
struct LogScreen: View {
    let router: Router
    @State private var model: LogModel

    init(proxy: VaultProxy, router: Router, kind: EntryKind, id: String?) {
        self.router = router
        _model = State(initialValue: LogModel(calls: proxy, kind: kind, entryId: id, language: { ScreenParts.language }))
    }

    var body: some View {
        ScrollView {
            VStack(alignment: .leading, spacing: 12) {
                if let logged = model.state.lapseLogged {
                    AfterLapseView(logged: logged, language: ScreenParts.language) { model.send(.finish) }
                } else {
                    form
                }
            }
            .padding()
        }
        .navigationTitle(title)
        .navigationBarBackButtonHidden(model.state.lapseLogged != nil)
        .task {
            // Once: coming back from SOS keeps what was typed.
            if model.state.at == nil && model.state.failure == nil {
                await model.load()
            }
        }
        .onChange(of: model.state.done) { _, done in
            if done { router.back() }
        }
    }

    private var title: String {
        if let logged = model.state.lapseLogged { return logged.message.title }
        let editing = model.state.editing
        switch model.state.kind {
        case .craving: return editing ? Loc.text("screen_log_edit_craving") : Loc.text("screen_log_craving")
        case .encounter: return editing ? Loc.text("screen_log_edit_encounter") : Loc.text("screen_log_encounter")
        case .checkIn: return editing ? Loc.text("screen_log_edit_check_in") : Loc.text("screen_log_check_in")
        case .lapse: return editing ? Loc.text("screen_log_edit_lapse") : Loc.text("screen_log_lapse")
        }
    }

    @ViewBuilder
    private var form: some View {
        let state = model.state
        if state.loading {
            JournalLoading(failure: state.failure)
        } else {
            if let at = state.at {
                WhenChoice(at: at, open: state.changingWhen, language: ScreenParts.language) { model.send($0) }
            }
            switch state.kind {
            case .craving:
                levelChoice(Loc.text("screen_log_intensity"))
                MinutesChoice(
                    title: Loc.text("screen_log_duration"), choices: [5, 10, 15, 30, 60, 120], value: state.durationMinutes
                ) { model.send(.duration($0)) }
                triggerChoice
                copingChoice
                contextChoice
                JournalHeading(Loc.text("screen_log_outcome"))
                JournalFlow {
                    ForEach(ScreenParts.outcomes, id: \.self) { outcome in
                        JournalChip(label: ScreenParts.outcomeText(outcome), selected: state.outcome == outcome) {
                            model.send(.outcome(outcome))
                        }
                    }
                }
            case .encounter:
                triggerChoice
                JournalHeading(Loc.text("screen_log_how_handled"))
                TextField(Loc.text("screen_log_how_handled_hint"), text: text(.howHandled), axis: .vertical)
                    .lineLimit(2...8)
                    .textFieldStyle(.roundedBorder)
                    .accessibilityLabel(Loc.text("screen_log_how_handled"))
                copingChoice
                contextChoice
            case .checkIn:
                moodChoice
                levelChoice(Loc.text("screen_log_craving_level"))
                MinutesChoice(
                    title: Loc.text("screen_log_sleep"), choices: Array(2...12).map { UInt32($0 * 60) }, value: state.sleepMinutes
                ) { model.send(.sleep($0)) }
                haltChoice
                JournalHeading(Loc.text("screen_log_intention"))
                TextField(Loc.text("screen_log_intention_hint"), text: text(.intention))
                    .textFieldStyle(.roundedBorder)
                    .accessibilityLabel(Loc.text("screen_log_intention"))
                JournalHeading(Loc.text("screen_log_any_use"))
                JournalFlow {
                    JournalChip(label: Loc.text("screen_log_no_use"), selected: !state.anyUse) { model.send(.anyUse(false)) }
                    JournalChip(label: Loc.text("screen_log_used"), selected: state.anyUse) { model.send(.anyUse(true)) }
                }
            case .lapse:
                JournalText(Loc.text("screen_log_lapse_intro"))
                JournalHeading(Loc.text("screen_log_substance"))
                TextField(Loc.text("screen_log_substance_hint"), text: text(.substance))
                    .textFieldStyle(.roundedBorder)
                    .accessibilityLabel(Loc.text("screen_log_substance"))
                clockChoice
                triggerChoice
                contextChoice
            }
            JournalHeading(Loc.text("screen_log_notes"))
            TextField(Loc.text("screen_log_notes_hint"), text: text(.notes), axis: .vertical)
                .lineLimit(2...12)
                .textFieldStyle(.roundedBorder)
                .accessibilityLabel(Loc.text("screen_log_notes"))
            if let problem = state.problem {
                JournalProblem(problemText(problem))
            }
            if let failure = state.failure {
                JournalFailure(failure: failure)
            }
            JournalWorkButton(
                title: state.editing ? Loc.text("action_save_changes") : Loc.text("action_save"),
                busy: state.busy,
                prominent: true
            ) {
                Task { await model.save() }
            }
            if state.editing {
                deleteEntry
            }
        }
    }

    /// A text field's binding: reads the form, writes through the model.
    private func text(_ field: LogTextField) -> Binding<String> {
        let model = model
        return Binding(
            get: { field.value(in: model.state) },
            set: { model.send(field.action($0)) }
        )
    }

    private func problemText(_ problem: LogProblem) -> String {
        switch problem {
        case .level: return Loc.text("screen_log_need_level")
        case .outcome: return Loc.text("screen_log_need_outcome")
        case .mood: return Loc.text("screen_log_need_mood")
        case .trigger: return Loc.text("screen_log_need_trigger")
        case .clockChoice: return Loc.text("screen_log_need_clock_choice")
        }
    }

    /// 0 to 10 as eleven chips: easier to hit than a slider, and each one says what it means.
    private func levelChoice(_ title: String) -> some View {
        VStack(alignment: .leading, spacing: 8) {
            JournalHeading(title)
            JournalText(Loc.text("screen_log_scale_hint"))
            JournalFlow {
                ForEach(0...10, id: \.self) { n in
                    JournalChip(label: String(n), selected: model.state.level == n, spoken: Loc.text("a11y_level", n)) {
                        model.send(.level(n))
                    }
                }
            }
        }
    }

    private var triggerChoice: some View {
        VStack(alignment: .leading, spacing: 8) {
            JournalHeading(Loc.text("screen_log_triggers"))
            if model.state.triggerOptions.isEmpty {
                JournalText(Loc.text("screen_log_no_plan_triggers"))
            }
            JournalFlow {
                ForEach(Array(model.state.triggerOptions.enumerated()), id: \.offset) { _, tag in
                    JournalChip(label: tag.name, selected: model.isChosen(tag)) { model.send(.toggleTrigger(tag)) }
                }
            }
            TextField(Loc.text("screen_log_other_trigger"), text: text(.newTrigger))
                .textFieldStyle(.roundedBorder)
                .onSubmit { model.send(.addTrigger) }
                .accessibilityLabel(Loc.text("screen_log_other_trigger"))
            if !model.state.newTrigger.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                Button(Loc.text("action_add_trigger")) { model.send(.addTrigger) }
                    .buttonStyle(.bordered)
                    .frame(minHeight: 44)
                    .accessibilityLabel(Loc.text("action_add_trigger"))
            }
        }
    }

    private var copingChoice: some View {
        VStack(alignment: .leading, spacing: 8) {
            JournalHeading(Loc.text("screen_log_coping"))
            JournalFlow {
                ForEach(Array(model.state.copingOptions.enumerated()), id: \.offset) { _, tag in
                    JournalChip(label: tag.text, selected: model.isChosen(tag)) { model.send(.toggleCoping(tag)) }
                }
            }
            TextField(Loc.text("screen_log_other_coping"), text: text(.newCoping))
                .textFieldStyle(.roundedBorder)
                .onSubmit { model.send(.addCoping) }
                .accessibilityLabel(Loc.text("screen_log_other_coping"))
            if !model.state.newCoping.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                Button(Loc.text("action_add_coping")) { model.send(.addCoping) }
                    .buttonStyle(.bordered)
                    .frame(minHeight: 44)
                    .accessibilityLabel(Loc.text("action_add_coping"))
            }
        }
    }

    /// Where it happened and with whom (optional, the participant's own words), then HALT and mood.
    private var contextChoice: some View {
        VStack(alignment: .leading, spacing: 8) {
            JournalHeading(Loc.text("screen_log_where"))
            TextField(Loc.text("screen_log_place_hint"), text: text(.place))
                .textFieldStyle(.roundedBorder)
                .accessibilityLabel(Loc.text("screen_log_place_hint"))
            TextField(Loc.text("screen_log_with_whom_hint"), text: text(.withWhom))
                .textFieldStyle(.roundedBorder)
                .accessibilityLabel(Loc.text("screen_log_with_whom_hint"))
            haltChoice
            moodChoice
        }
    }

    private var haltChoice: some View {
        VStack(alignment: .leading, spacing: 8) {
            JournalHeading(Loc.text("screen_log_halt"))
            let halt = model.state.halt
            JournalFlow {
                JournalChip(label: Loc.text("halt_hungry"), selected: halt.hungry) { model.send(.toggleHalt(.hungry)) }
                JournalChip(label: Loc.text("halt_angry"), selected: halt.angry) { model.send(.toggleHalt(.angry)) }
                JournalChip(label: Loc.text("halt_lonely"), selected: halt.lonely) { model.send(.toggleHalt(.lonely)) }
                JournalChip(label: Loc.text("halt_tired"), selected: halt.tired) { model.send(.toggleHalt(.tired)) }
            }
        }
    }

    private var moodChoice: some View {
        VStack(alignment: .leading, spacing: 8) {
            JournalHeading(Loc.text("screen_log_mood"))
            JournalFlow {
                ForEach(ScreenParts.moods, id: \.self) { mood in
                    JournalChip(label: ScreenParts.moodText(mood), selected: model.state.mood == mood) { model.send(.mood(mood)) }
                }
            }
        }
    }

    /// The clocks a lapse concerns, then the participant's choice: start again, or keep the count.
    @ViewBuilder
    private var clockChoice: some View {
        let state = model.state
        if !state.clocks.isEmpty {
            JournalHeading(Loc.text("screen_log_clocks"))
            JournalFlow {
                ForEach(state.clocks, id: \.id) { clock in
                    JournalChip(label: clock.label, selected: state.clockIds.contains(clock.id)) {
                        model.send(.toggleClock(clock.id))
                    }
                }
            }
            if !state.clockIds.isEmpty {
                JournalHeading(Loc.text("screen_log_clock_choice"))
                VStack(alignment: .leading, spacing: 6) {
                    JournalChip(label: Loc.text("screen_log_clock_restart"), selected: state.resetsClocks == true) {
                        model.send(.resetsClocks(true))
                    }
                    JournalChip(label: Loc.text("screen_log_clock_keep"), selected: state.resetsClocks == false) {
                        model.send(.resetsClocks(false))
                    }
                }
            }
        }
    }

    private var deleteEntry: some View {
        JournalDelete(
            title: Loc.text("screen_log_delete"),
            question: Loc.text("screen_log_delete_confirm"),
            yes: Loc.text("screen_log_delete_yes"),
            no: Loc.text("screen_log_delete_no"),
            confirming: model.state.confirmDelete,
            busy: model.state.busy,
            ask: { model.send(.askDelete) },
            cancel: { model.send(.cancelDelete) },
            delete: { Task { await model.delete() } }
        )
    }
}

/// The form's free-text fields: which part of the form each reads, and the change it makes.
enum LogTextField: Sendable {
    case howHandled, intention, substance, notes, newTrigger, newCoping, place, withWhom

    func value(in state: LogState) -> String {
        switch self {
        case .howHandled: return state.howHandled
        case .intention: return state.intention
        case .substance: return state.substance
        case .notes: return state.notes
        case .newTrigger: return state.newTrigger
        case .newCoping: return state.newCoping
        case .place: return state.place
        case .withWhom: return state.withWhom
        }
    }

    func action(_ text: String) -> LogModel.Action {
        switch self {
        case .howHandled: return .howHandled(text)
        case .intention: return .intention(text)
        case .substance: return .substance(text)
        case .notes: return .notes(text)
        case .newTrigger: return .newTrigger(text)
        case .newCoping: return .newCoping(text)
        case .place: return .place(text)
        case .withWhom: return .withWhom(text)
        }
    }
}

/// A length of time as chips, plus "not sure" (nil, what the core stores
/// when nothing is known). A value saved earlier that is not among the
/// choices shows as one more chip, so editing never hides or changes it.
struct MinutesChoice: View {
    let title: String
    let choices: [UInt32]
    let value: UInt32?
    let change: (UInt32?) -> Void

    var body: some View {
        VStack(alignment: .leading, spacing: 8) {
            JournalHeading(title)
            JournalFlow {
                ForEach(shown, id: \.self) { minutes in
                    JournalChip(label: Self.text(minutes), selected: value == minutes) {
                        change(value == minutes ? nil : minutes)
                    }
                }
                JournalChip(label: Loc.text("screen_log_not_sure"), selected: value == nil) { change(nil) }
            }
        }
    }

    private var shown: [UInt32] {
        guard let value = value, !choices.contains(value) else { return choices }
        return (choices + [value]).sorted()
    }

    /// "15 min", "2 h", "7 h 30 min".
    static func text(_ minutes: UInt32) -> String {
        let hours = Int(minutes / 60)
        let rest = Int(minutes % 60)
        if hours == 0 { return Loc.text("common_minutes_short", rest) }
        if rest == 0 { return Loc.text("common_hours_short", hours) }
        return Loc.text("common_hours_minutes_short", hours, rest)
    }
}

/// When it happened, and a picker made of steps rather than a calendar and a
/// clock dial: big labelled buttons that wrap at any text size and read well
/// to VoiceOver. The core refuses a time still to come; the picker does not
/// second-guess it.
struct WhenChoice: View {
    let at: Moment
    let open: Bool
    let language: Language
    let send: (LogModel.Action) -> Void

    var body: some View {
        VStack(alignment: .leading, spacing: 8) {
            JournalHeading(Loc.text("screen_log_when_title"))
            JournalText(ScreenParts.momentText(at, language: language))
            if open {
                JournalText(Loc.text("screen_log_day"))
                JournalFlow {
                    step(Loc.text("action_when_today"), .today)
                    step(Loc.text("action_when_yesterday"), .yesterday)
                    step(Loc.text("action_when_day_earlier"), .dayEarlier)
                    step(Loc.text("action_when_day_later"), .dayLater)
                }
                JournalText(Loc.text("screen_log_time"))
                JournalFlow {
                    step(Loc.text("action_when_hour_earlier"), .hourEarlier)
                    step(Loc.text("action_when_hour_later"), .hourLater)
                    step(Loc.text("action_when_minutes_earlier"), .minutesEarlier)
                    step(Loc.text("action_when_minutes_later"), .minutesLater)
                }
                JournalFlow {
                    Button(Loc.text("action_when_now")) { send(.whenNow) }
                        .frame(minHeight: 44)
                        .accessibilityLabel(Loc.text("action_when_now"))
                    Button(Loc.text("action_when_done")) { send(.changingWhen(false)) }
                        .frame(minHeight: 44)
                        .accessibilityLabel(Loc.text("action_when_done"))
                }
            } else {
                Button(Loc.text("action_change_when")) { send(.changingWhen(true)) }
                    .buttonStyle(.bordered)
                    .frame(minHeight: 44)
                    .accessibilityLabel(Loc.text("action_change_when"))
            }
        }
    }

    private func step(_ title: String, _ change: WhenChange) -> some View {
        Button {
            send(.when(change))
        } label: {
            Text(title)
                .multilineTextAlignment(.center)
                .fixedSize(horizontal: false, vertical: true)
                .frame(minHeight: 44)
        }
        .buttonStyle(.bordered)
        .accessibilityLabel(title)
    }
}

/// The core's message after a lapse, in its order, then the crisis lines and the clocks as they now stand.
struct AfterLapseView: View {
    let logged: LapseLogged
    let language: Language
    let done: () -> Void

    var body: some View {
        let message = logged.message
        VStack(alignment: .leading, spacing: 12) {
            ForEach(Array(message.paragraphs.enumerated()), id: \.offset) { _, paragraph in
                JournalText(paragraph)
            }
            if !message.nextSteps.isEmpty {
                JournalHeading(message.nextStepsHeading)
                ForEach(Array(message.nextSteps.enumerated()), id: \.offset) { index, step in
                    JournalText(Loc.text("common_numbered", index + 1, step))
                }
            }
            if !message.safety.isEmpty {
                JournalHeading(message.safetyHeading)
                ForEach(Array(message.safety.enumerated()), id: \.offset) { _, line in
                    JournalText(Loc.text("common_bullet", line))
                }
            }
            if !logged.lapsePlan.crisisLines.isEmpty {
                JournalHeading(Loc.text("screen_sos_lines"))
                ForEach(Array(logged.lapsePlan.crisisLines.enumerated()), id: \.offset) { _, line in
                    JournalContactRow(name: line.name, number: line.phone, canText: line.canText, note: line.note)
                }
            }
            if !logged.clocks.isEmpty {
                JournalHeading(Loc.text("screen_log_clocks_now"))
                ForEach(logged.clocks, id: \.id) { clock in
                    JournalClockCard(clock: clock, language: language)
                }
            }
            JournalButton(title: Loc.text("action_done"), prominent: true, action: done)
        }
    }
}
