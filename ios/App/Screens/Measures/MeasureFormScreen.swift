import KeelCore
import KeelKit
import SwiftUI

/// A questionnaire: the core's items and choices in the published wording,
/// then the scores the core gave. When an answer raised the crisis flag
/// (PHQ-9 item 9 above "not at all"), the support comes first, before any
/// score: the core's message, people and lines to call or text, the
/// participant's own steps and reasons.
struct MeasureFormScreen: View {
    let router: Router
    @State private var model: MeasureFormModel

    init(proxy: VaultProxy, router: Router, measure: MeasureKind, responseId: String?) {
        self.router = router
        _model = State(initialValue: MeasureFormModel(calls: proxy, measure: measure, responseId: responseId, language: { ScreenParts.language }))
    }

    var body: some View {
        JournalPage(title: model.state.form?.shortName ?? Loc.text("screen_measures_title")) {
            content
        }
        // Once: coming back from SOS keeps the choices made.
        .task { await model.load() }
    }

    @ViewBuilder
    private var content: some View {
        let state = model.state
        if let form = state.form {
            if let done = state.submitted {
                result(done)
            } else {
                questions(form, state: state)
            }
        } else if let failure = state.failure {
            JournalFailure(failure: failure)
        } else {
            JournalText(Loc.text("common_working"))
        }
    }

    @ViewBuilder
    private func questions(_ form: MeasureForm, state: MeasureFormModel.State) -> some View {
        Text(form.name)
            .font(.headline)
            .fixedSize(horizontal: false, vertical: true)
        if state.otherLanguage {
            JournalText(Loc.text("screen_measure_other_language"))
        }
        if state.responseId != nil {
            JournalText(Loc.text("screen_measure_changing"))
        }
        // The recall period in plain words where the instrument has no instructions saying it.
        if form.instructions == nil, let days = form.recallDays {
            JournalText(Loc.text("screen_measure_recall", Int(days)))
        }
        if let instructions = form.instructions {
            JournalText(instructions)
        }
        let asked = state.askedItems
        ForEach(Array(asked.enumerated()), id: \.element.key) { index, item in
            // A stem shared by a group (the BAM's 7A–7G) once, above the first of them.
            if let group = item.groupText, index == 0 || asked[index - 1].groupText != group {
                JournalHeading(group)
            }
            MeasureItemView(
                item: item,
                chosen: state.answers[item.key],
                missing: state.missing == item.number,
                enabled: !state.busy
            ) { value in
                Task { await model.send(.answer(item: item.key, value: value)) }
            }
        }
        if let missing = state.missing {
            JournalProblem(Loc.text("screen_measure_missing", missing))
        }
        if let failure = state.failure {
            JournalFailure(failure: failure)
        }
        JournalWorkButton(
            title: Loc.text("action_measure_send"),
            busy: state.busy,
            prominent: true
        ) {
            Task { await model.send(.submit) }
        }
        Text(Loc.text("screen_measure_source", form.source, form.terms))
            .font(.footnote)
            .foregroundStyle(Color.secondary)
            .fixedSize(horizontal: false, vertical: true)
    }

    @ViewBuilder
    private func result(_ done: MeasureSubmitted) -> some View {
        if let crisis = done.crisis {
            CrisisFirstView(crisis: crisis)
        }
        JournalHeading(Loc.text("screen_measure_saved"))
        JournalText(ScreenParts.momentText(done.response.takenAt, language: ScreenParts.language))
        ForEach(done.response.scores, id: \.key) { score in
            MeasureScoreLine(score: score)
        }
        JournalButton(title: Loc.text("action_measure_history")) {
            router.navigate(.measureHistory(model.measure))
        }
        JournalButton(title: Loc.text("action_measure_done"), prominent: true) {
            router.back()
        }
    }
}

/// One item: its number and wording, and its choices one under the other
/// (long labels read whole); each choice names its question for VoiceOver.
private struct MeasureItemView: View {
    let item: MeasureItem
    let chosen: UInt8?
    let missing: Bool
    let enabled: Bool
    let choose: (UInt8) -> Void

    var body: some View {
        VStack(alignment: .leading, spacing: 6) {
            Text(Loc.text("screen_measure_item", item.number, item.text))
                .font(.headline)
                .foregroundStyle(missing ? Color.red : Color.primary)
                .fixedSize(horizontal: false, vertical: true)
                .accessibilityAddTraits(.isHeader)
            ForEach(item.choices, id: \.value) { choice in
                JournalChip(
                    label: choice.label,
                    selected: chosen == choice.value,
                    spoken: Loc.text("a11y_measure_choice", item.number, choice.label),
                    enabled: enabled
                ) {
                    choose(choice.value)
                }
            }
        }
        .padding(.vertical, 4)
    }
}

/// Shown at once, above everything, when an answer raised the crisis flag.
private struct CrisisFirstView: View {
    let crisis: CrisisSupport

    var body: some View {
        VStack(alignment: .leading, spacing: 12) {
            VStack(alignment: .leading, spacing: 8) {
                Text(Loc.text("screen_measure_crisis_title"))
                    .font(.title2.weight(.semibold))
                    .accessibilityAddTraits(.isHeader)
                JournalText(crisis.message)
            }
            .frame(maxWidth: .infinity, alignment: .leading)
            .padding()
            .background(Color.red.opacity(0.15), in: RoundedRectangle(cornerRadius: 16))
            JournalHeading(Loc.text("screen_measure_crisis_contacts"))
            ForEach(Array(crisis.contacts.enumerated()), id: \.offset) { _, contact in
                JournalContactRow(name: contact.name, number: contact.phone, canText: contact.canText)
            }
            if !crisis.steps.isEmpty {
                JournalHeading(Loc.text("screen_measure_crisis_steps"))
                ForEach(Array(crisis.steps.enumerated()), id: \.offset) { index, step in
                    JournalText(Loc.text("common_numbered", index + 1, step))
                }
            }
            if !crisis.reasons.isEmpty {
                JournalHeading(Loc.text("screen_measure_crisis_reasons"))
                ForEach(Array(crisis.reasons.enumerated()), id: \.offset) { _, reason in
                    JournalText(Loc.text("common_bullet", reason))
                }
            }
        }
    }
}
