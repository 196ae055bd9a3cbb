import KeelCore
import KeelKit
import SwiftUI

/// One measure's past answers: the core's score trends (charted, with text
/// alternatives and audio graphs), which items moved since the time before
/// (the BAM's), and every response newest first; one still in its period
/// can be changed.
struct MeasureHistoryScreen: View {
    let router: Router
    @State private var model: MeasureHistoryModel

    init(proxy: VaultProxy, router: Router, measure: MeasureKind) {
        self.router = router
        _model = State(initialValue: MeasureHistoryModel(calls: proxy, measure: measure, language: { ScreenParts.language }))
    }

    var body: some View {
        JournalPage(title: Loc.text("screen_measure_history_title", InsightsWords.measureName(model.measure)), grouped: true) {
            content
        }
        // Again on coming back from a change.
        .task { await model.load() }
        .refreshable { await model.load() }
    }

    @ViewBuilder
    private var content: some View {
        let state = model.state
        let language = ScreenParts.language
        if let history = state.history {
            if history.responses.isEmpty {
                JournalText(Loc.text("screen_measure_history_none"))
            }
            MeasureTrendsView(history: history, words: InsightsWords(language: language), named: false)
            if !history.movedItems.isEmpty {
                JournalHeading(Loc.text("screen_measure_moved"))
                ForEach(history.movedItems, id: \.key) { moved in
                    JournalText(Loc.text(
                        "screen_measure_moved_item",
                        moved.number,
                        moved.text,
                        moved.fromLabel,
                        moved.toLabel,
                        InsightsWords.directionText(moved.direction)
                    ))
                }
            }
            ForEach(history.responses, id: \.id) { response in
                responseCard(response, language: language)
            }
            if !history.damagedIds.isEmpty {
                JournalText(Loc.text("screen_insights_damaged", history.damagedIds.count))
            }
            if let failure = state.failure {
                JournalFailure(failure: failure)
            }
        } else if let failure = state.failure {
            JournalFailure(failure: failure)
        } else {
            JournalText(Loc.text("common_working"))
        }
    }

    private func responseCard(_ response: MeasureResponse, language: Language) -> some View {
        let taken = ScreenParts.momentText(response.takenAt, language: language)
        let measure = response.measure
        let id = response.id
        return MeasureCard {
            Text(taken)
                .font(.headline)
            if let edited = response.editedAt {
                JournalText(Loc.text("screen_measure_edited", ScreenParts.momentText(edited, language: language)))
            }
            ForEach(response.scores, id: \.key) { score in
                MeasureScoreLine(score: score)
            }
            if response.editable {
                Button {
                    router.navigate(.measureForm(measure, responseId: id))
                } label: {
                    Text(Loc.text("action_measure_change"))
                        .frame(maxWidth: .infinity, minHeight: 44)
                }
                .buttonStyle(.bordered)
                .accessibilityLabel(Loc.text("a11y_measure_change", taken))
            }
        }
    }
}
