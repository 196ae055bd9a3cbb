import KeelCore
import KeelKit
import SwiftUI
import UIKit

/// The participant's own breathing pattern: a name, seconds for each part of
/// one breath, and how many breaths. The core checks every value; what it
/// refuses is named here in plain words, and nothing is saved.
struct ExercisePatternScreen: View {
    @State private var model: BreathingPatternModel

    init(proxy: VaultProxy, router: Router, id: String?) {
        _model = State(initialValue: BreathingPatternModel(id: id, calls: proxy, onDone: { [router] in router.back() }))
    }

    var body: some View {
        ScrollView {
            VStack(alignment: .leading, spacing: 12) {
                content
            }
            .padding()
        }
        .navigationTitle(
            model.state.id == nil ? Loc.text("screen_exercise_pattern_new") : Loc.text("screen_exercise_pattern_edit")
        )
        .task { await model.load() }
    }

    @ViewBuilder
    private var content: some View {
        let state = model.state
        if state.loading {
            JournalLoading(failure: state.failure)
        } else {
            JournalText(Loc.text("screen_exercise_pattern_intro"))
            field(Loc.text("screen_exercise_pattern_name"), .name, busy: state.busy)
            field(Loc.text("screen_exercise_pattern_inhale"), .inhale, busy: state.busy)
            field(Loc.text("screen_exercise_pattern_hold_in"), .holdIn, busy: state.busy)
            field(Loc.text("screen_exercise_pattern_exhale"), .exhale, busy: state.busy)
            field(Loc.text("screen_exercise_pattern_hold_out"), .holdOut, busy: state.busy)
            field(Loc.text("screen_exercise_pattern_cycles"), .cycles, busy: state.busy)
            if let problem = state.problem {
                JournalProblem(Self.problemText(problem))
            }
            if let failure = state.failure {
                JournalFailure(failure: failure)
            }
            JournalWorkButton(
                title: Loc.text("action_save"),
                busy: state.busy,
                prominent: true
            ) {
                Task { await model.save() }
            }
            if state.id != nil {
                deletion(state)
            }
        }
    }

    private func field(_ label: String, _ field: BreathingPatternModel.Field, busy: Bool) -> some View {
        VStack(alignment: .leading, spacing: 4) {
            Text(label)
                .font(.subheadline)
                .fixedSize(horizontal: false, vertical: true)
                .accessibilityHidden(true)
            TextField(label, text: text(field))
                .textFieldStyle(.roundedBorder)
                .keyboardType(Self.keyboard(for: field))
                .disabled(busy)
                .accessibilityLabel(label)
        }
    }

    private func text(_ field: BreathingPatternModel.Field) -> Binding<String> {
        let model = model
        return Binding(
            get: { model.state.text(field) },
            set: { model.send(.edit(field, $0)) }
        )
    }

    private func deletion(_ state: BreathingPatternModel.State) -> some View {
        JournalDelete(
            title: Loc.text("action_exercise_delete_pattern"),
            question: Loc.text("screen_exercise_pattern_delete_confirm"),
            yes: Loc.text("action_exercise_delete_pattern"),
            no: Loc.text("action_cancel"),
            confirming: state.confirmDelete,
            busy: state.busy,
            ask: { model.send(.delete) },
            cancel: { model.send(.cancelDelete) },
            delete: { Task { await model.confirmDelete() } }
        )
    }

    /// Words for the name, whole numbers for the breaths, seconds with a decimal point for the rest.
    private static func keyboard(for field: BreathingPatternModel.Field) -> UIKeyboardType {
        switch field {
        case .name: return .default
        case .cycles: return .numberPad
        case .inhale, .holdIn, .exhale, .holdOut: return .decimalPad
        }
    }

    /// What the form could not take, in plain words.
    static func problemText(_ problem: BreathingPatternModel.Problem) -> String {
        switch problem {
        case .notANumber: return Loc.text("screen_exercise_pattern_not_number")
        case .name: return Loc.text("screen_exercise_pattern_bad_name")
        case .phase: return Loc.text("screen_exercise_pattern_bad_phase")
        case .hold: return Loc.text("screen_exercise_pattern_bad_hold")
        case .cycles: return Loc.text("screen_exercise_pattern_bad_cycles")
        }
    }
}
