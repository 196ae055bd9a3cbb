import KeelCore
import KeelKit
import SwiftUI
import UIKit

/// One exercise: its description and choices, then the player, the craving
/// rated after, and the saved session. Leaving the screen or the app pauses
/// a playing run; it goes on from the same moment when resumed.
struct ExerciseRunScreen: View {
    let router: Router
    let exerciseId: String
    let model: ExerciseModel
    @Environment(\.scenePhase) private var scenePhase

    init(proxy: VaultProxy, router: Router, exerciseId: String) {
        self.router = router
        self.exerciseId = exerciseId
        model = ExerciseScreens.model(proxy: proxy)
    }

    var body: some View {
        ScrollView {
            VStack(alignment: .leading, spacing: 12) {
                content
            }
            .padding()
        }
        // The screen's title stays short; the exercise's name is a heading below.
        .navigationTitle(Loc.text("screen_exercises_title"))
        .task { await model.open(exerciseId) }
        .onChange(of: scenePhase) { _, phase in
            // A call, the Home screen, the app switcher: the run waits for the participant.
            if phase != .active { model.interrupted() }
        }
        .onDisappear { model.interrupted() }
    }

    @ViewBuilder
    private var content: some View {
        let run = model.state.run
        if let exercise = run.exercise, exercise.id == exerciseId {
            Text(exercise.title)
                .font(.title2.weight(.semibold))
                .fixedSize(horizontal: false, vertical: true)
                .accessibilityAddTraits(.isHeader)
            switch run.stage {
            case .choose, .starting:
                ExerciseChoose(model: model, exercise: exercise, run: run)
            case .playing:
                ExercisePlayerView(model: model)
            case .rate, .saving:
                ExerciseRateAfter(model: model, run: run)
            case .done:
                ExerciseDone(model: model, run: run) { router.back() }
            }
        } else if let failure = run.failure {
            JournalFailure(failure: failure)
        } else {
            JournalText(Loc.text("common_working"))
        }
    }
}

/// The exercise described, and the participant's choices before starting.
private struct ExerciseChoose: View {
    let model: ExerciseModel
    let exercise: Exercise
    let run: ExerciseModel.Run

    var body: some View {
        let choosing = run.stage == .choose
        JournalText(exercise.purpose)
        if !exercise.whenToUse.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            JournalHeading(Loc.text("screen_exercise_when"))
            JournalText(exercise.whenToUse)
        }
        JournalHeading(Loc.text("screen_exercise_steps"))
        ForEach(Array(exercise.outline.enumerated()), id: \.offset) { index, step in
            JournalText(Loc.text(
                "common_numbered",
                index + 1,
                Loc.text("common_joined", step.text, ExerciseScreens.durationText(step.durationMs))
            ))
        }
        JournalHeading(Loc.text("screen_exercise_length"))
        JournalFlow {
            ForEach(Array(exercise.durations.enumerated()), id: \.offset) { _, option in
                let selected = run.length == option.length ||
                    (run.length == .standard && option.totalMs == exercise.defaultTotalMs)
                JournalChip(label: ExerciseScreens.lengthText(option), selected: selected, enabled: choosing) {
                    model.send(.length(option.length))
                }
            }
        }
        ExerciseCravingRating(title: Loc.text("screen_exercise_before"), level: run.cravingBefore, enabled: choosing) { level in
            model.send(.cravingBefore(level))
        }
        JournalFlow {
            JournalChip(label: Loc.text("screen_exercise_vibrate"), selected: run.vibrate) {
                model.send(.vibrate(!run.vibrate))
            }
            JournalChip(label: Loc.text("screen_exercise_sound"), selected: run.sound) {
                model.send(.sound(!run.sound))
            }
        }
        if let failure = run.failure {
            JournalFailure(failure: failure)
        }
        JournalWorkButton(
            title: Loc.text("action_exercise_start"),
            busy: !choosing,
            prominent: true
        ) {
            Task { await model.start() }
        }
        Text(Loc.text("screen_exercise_source", exercise.source))
            .font(.footnote)
            .foregroundStyle(Color.secondary)
            .fixedSize(horizontal: false, vertical: true)
    }
}

/// The running exercise. While it plays, every display frame goes to the
/// model with the display clock's time, which asks the core's player for
/// the phase, its words and the breath level: the circle's size is the
/// core's lung fullness (still when the participant asked for reduced motion).
private struct ExercisePlayerView: View {
    let model: ExerciseModel
    @Environment(\.accessibilityReduceMotion) private var reduceMotion

    private static let smallest: CGFloat = 56
    private static let largest: CGFloat = 200

    var body: some View {
        let run = model.state.run
        VStack(spacing: 12) {
            TimelineView(.animation(minimumInterval: nil, paused: !run.ticking)) { context in
                shape(model.state.run.frame)
                    .onChange(of: context.date, initial: true) { _, date in
                        model.send(.frame(nowMillis: ExerciseScreens.millis(date)))
                    }
            }
            if let frame = run.frame {
                Text(frame.text)
                    .font(.title2)
                    .multilineTextAlignment(.center)
                    .fixedSize(horizontal: false, vertical: true)
                    .accessibilityAddTraits(.updatesFrequently)
                if let cycle = frame.cycle, let cycles = frame.cycles {
                    JournalText(Loc.text("screen_exercise_breath", Int(cycle), Int(cycles)))
                }
                JournalText(Loc.text("screen_exercise_left", ExerciseScreens.durationText(frame.remainingMs)))
                    .monospacedDigit()
                ProgressView(value: min(1, max(0, frame.progress)))
                    .accessibilityHidden(true)
            }
            if run.paused {
                JournalText(Loc.text("screen_exercise_paused"))
                JournalButton(title: Loc.text("action_exercise_resume"), prominent: true) {
                    model.send(.resume)
                }
            } else {
                JournalButton(title: Loc.text("action_exercise_pause"), prominent: true) {
                    model.send(.pause)
                }
            }
            JournalButton(title: Loc.text("action_exercise_stop")) {
                model.send(.stop)
            }
        }
        // Each new phase is said once to VoiceOver, as it begins.
        .onChange(of: run.frame?.segmentIndex) { _, _ in
            if let text = model.state.run.frame?.text {
                UIAccessibility.post(notification: .announcement, argument: text)
            }
        }
    }

    private func shape(_ frame: ExerciseFrame?) -> some View {
        let level = reduceMotion ? 0.6 : CGFloat(frame?.breathLevel ?? 0)
        let size = Self.smallest + (Self.largest - Self.smallest) * min(1, max(0, level))
        return ZStack {
            Circle()
                .stroke(Color.accentColor.opacity(0.3), lineWidth: 2)
                .frame(width: Self.largest, height: Self.largest)
            Circle()
                .fill(Color.accentColor.opacity(0.35))
                .frame(width: size, height: size)
        }
        .frame(maxWidth: .infinity)
        .accessibilityHidden(true)
    }
}

/// Played to the end or stopped: the craving rated after, then saved.
private struct ExerciseRateAfter: View {
    let model: ExerciseModel
    let run: ExerciseModel.Run

    var body: some View {
        let rating = run.stage == .rate
        JournalText(
            run.playedToEnd
                ? Loc.text("screen_exercise_done")
                : Loc.text("screen_exercise_stopped", ExerciseScreens.durationText(run.practicedMs))
        )
        ExerciseCravingRating(title: Loc.text("screen_exercise_after"), level: run.cravingAfter, enabled: rating) { level in
            model.send(.cravingAfter(level))
        }
        if let failure = run.failure {
            JournalFailure(failure: failure)
        }
        JournalWorkButton(
            title: Loc.text("action_save"),
            busy: !rating,
            prominent: true
        ) {
            Task { await model.save() }
        }
    }
}

/// Saved: the session as the core stored it.
private struct ExerciseDone: View {
    let model: ExerciseModel
    let run: ExerciseModel.Run
    let library: () -> Void

    var body: some View {
        if let session = run.session {
            JournalText(Loc.text("screen_exercise_saved"))
            if let practiced = session.practicedMs {
                JournalText(Loc.text("screen_exercise_practiced", ExerciseScreens.durationText(practiced)))
            }
            ExerciseCravingChange(before: session.cravingBefore, after: session.cravingAfter)
            JournalButton(title: Loc.text("action_exercise_again"), prominent: true) {
                model.send(.again)
            }
            JournalButton(title: Loc.text("action_exercise_library"), action: library)
        }
    }
}
