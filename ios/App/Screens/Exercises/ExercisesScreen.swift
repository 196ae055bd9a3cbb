import KeelCore
import KeelKit
import SwiftUI

/// The library: the core's exercises (built-in, then the participant's own
/// breathing patterns) narrowed by situation and length, a paused run to go
/// back to, the patterns to change, and the history of sessions.
struct ExercisesScreen: View {
    let router: Router
    let model: ExerciseModel

    init(proxy: VaultProxy, router: Router) {
        self.router = router
        model = ExerciseScreens.model(proxy: proxy)
    }

    var body: some View {
        JournalPage(title: Loc.text("screen_exercises_title")) {
            content
        }
        // Again on coming back: a pattern may have been added, changed or deleted.
        .task { await model.loadLibrary() }
    }

    @ViewBuilder
    private var content: some View {
        let library = model.state.library
        let run = model.state.run
        if run.pausedRun, let paused = run.exercise {
            VStack(alignment: .leading, spacing: 8) {
                Text(Loc.text("screen_exercises_paused", paused.title))
                    .font(.headline)
                    .fixedSize(horizontal: false, vertical: true)
                JournalButton(title: Loc.text("action_exercise_continue"), prominent: true) {
                    router.navigate(.exerciseRun(exerciseId: paused.id))
                }
            }
            .padding()
            .background(Color(uiColor: .secondarySystemGroupedBackground), in: RoundedRectangle(cornerRadius: 16))
        }
        JournalText(Loc.text("screen_exercises_intro"))
        if let failure = library.failure {
            JournalFailure(failure: failure)
        }
        if let list = library.list {
            filters(library)
            let shown = library.shown
            if shown.isEmpty {
                JournalText(Loc.text("screen_exercises_none"))
            }
            ForEach(shown, id: \.id) { exercise in
                ExerciseCard(action: { router.navigate(.exerciseRun(exerciseId: exercise.id)) }) {
                    Text(exercise.title)
                        .font(.headline)
                    if !exercise.purpose.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                        Text(exercise.purpose)
                            .font(.body)
                    }
                    Text(ExerciseScreens.lengthsText(exercise.durations))
                        .font(.subheadline)
                        .foregroundStyle(Color.secondary)
                }
            }
            if !list.damagedIds.isEmpty {
                JournalText(Loc.text("screen_exercises_damaged", list.damagedIds.count))
            }
            patterns(library.patterns)
        } else if library.failure == nil {
            JournalText(Loc.text("common_working"))
        }
    }

    @ViewBuilder
    private func filters(_ library: ExerciseModel.Library) -> some View {
        JournalHeading(Loc.text("screen_exercises_situation"))
        JournalFlow {
            JournalChip(label: Loc.text("screen_exercises_all"), selected: library.situation == nil) {
                model.send(.situation(nil))
            }
            ForEach(ExerciseModel.situations, id: \.self) { situation in
                JournalChip(label: ExerciseScreens.situationText(situation), selected: library.situation == situation) {
                    model.send(.situation(situation))
                }
            }
        }
        JournalHeading(Loc.text("screen_exercises_length"))
        JournalFlow {
            JournalChip(label: Loc.text("screen_exercises_any_length"), selected: library.maxMinutes == nil) {
                model.send(.maxMinutes(nil))
            }
            ForEach(ExerciseModel.lengthFilters, id: \.self) { minutes in
                JournalChip(label: Loc.text("screen_exercises_up_to", minutes), selected: library.maxMinutes == minutes) {
                    model.send(.maxMinutes(minutes))
                }
            }
        }
    }

    @ViewBuilder
    private func patterns(_ patterns: [Exercise]) -> some View {
        JournalHeading(Loc.text("screen_exercises_yours"))
        if patterns.isEmpty {
            JournalText(Loc.text("screen_exercises_yours_none"))
        }
        ForEach(patterns, id: \.id) { pattern in
            JournalButton(title: Loc.text("action_exercise_change_pattern", pattern.title)) {
                let id = String(pattern.id.dropFirst(ExerciseModel.customPrefix.count))
                router.navigate(.exercisePattern(id: id))
            }
        }
        JournalButton(title: Loc.text("action_exercise_new_pattern")) {
            router.navigate(.exercisePattern(id: nil))
        }
        JournalButton(title: Loc.text("action_exercise_history")) {
            router.navigate(.exerciseHistory)
        }
    }
}
