import KeelCore
import KeelKit
import SwiftUI

/// The exercise sessions so far, newest first, as the core stored them:
/// when, finished or stopped, how long, and the craving before and after.
struct ExerciseHistoryScreen: View {
    @State private var model: ExerciseHistoryModel

    init(proxy: VaultProxy, router: Router) {
        _model = State(initialValue: ExerciseHistoryModel(calls: proxy, language: { ScreenParts.language }))
    }

    var body: some View {
        JournalPage(title: Loc.text("screen_exercise_history_title"), lazy: true) {
            content
        }
        .task { await model.load() }
        .refreshable { await model.load() }
    }

    @ViewBuilder
    private var content: some View {
        let state = model.state
        let language = ScreenParts.language
        if let failure = state.failure {
            JournalFailure(failure: failure)
        }
        if state.sessions.isEmpty {
            JournalText(state.loaded ? Loc.text("screen_exercise_history_none") : Loc.text("common_working"))
        } else {
            JournalText(Loc.text("screen_exercise_history_count", state.sessions.count, state.total))
            ForEach(state.sessions, id: \.id) { session in
                VStack(alignment: .leading, spacing: 4) {
                    Text(state.title(of: session))
                        .font(.headline)
                    JournalText(Loc.text(
                        "common_joined",
                        ScreenParts.momentText(session.startedAt, language: language),
                        ExerciseScreens.statusText(session.status)
                    ))
                    if let practiced = session.practicedMs {
                        JournalText(Loc.text("screen_exercise_practiced", ExerciseScreens.durationText(practiced)))
                    }
                    ExerciseCravingChange(before: session.cravingBefore, after: session.cravingAfter)
                }
                .fixedSize(horizontal: false, vertical: true)
                .frame(maxWidth: .infinity, alignment: .leading)
                .padding()
                .background(Color(uiColor: .secondarySystemGroupedBackground), in: RoundedRectangle(cornerRadius: 16))
                .accessibilityElement(children: .combine)
            }
            if state.more {
                JournalWorkButton(
                    title: Loc.text("action_exercise_more"),
                    busy: state.busy
                ) {
                    Task { await model.loadMore() }
                }
            }
        }
    }
}
