import KeelCore
import KeelKit
import SwiftUI

/// A due questionnaire (on Today and on the questionnaires screen): its
/// name, since when, when it was last answered, and one tap to answer it.
struct MeasureDueCard: View {
    let due: MeasureDue
    let language: Language
    let answer: () -> Void

    var body: some View {
        VStack(alignment: .leading, spacing: 8) {
            Text(due.name)
                .font(.headline)
                .fixedSize(horizontal: false, vertical: true)
            JournalText(since)
            if let last = due.lastTaken {
                JournalText(Loc.text("screen_measures_last", ScreenParts.momentText(last, language: language)))
            }
            Button(action: answer) {
                Text(Loc.text("action_measure_answer"))
                    .multilineTextAlignment(.center)
                    .fixedSize(horizontal: false, vertical: true)
                    .frame(maxWidth: .infinity, minHeight: 44)
            }
            .buttonStyle(.borderedProminent)
            .accessibilityLabel(Loc.text("a11y_measure_answer", due.shortName))
        }
        .frame(maxWidth: .infinity, alignment: .leading)
        .padding()
        .background(Color(uiColor: .secondarySystemGroupedBackground), in: RoundedRectangle(cornerRadius: 16))
    }

    private var since: String {
        if due.daysOverdue == 0 {
            return Loc.text("screen_measures_due_today", due.shortName)
        }
        return Loc.text("screen_measures_due_since", due.shortName, ScreenParts.dayText(due.dueDate, language: language))
    }
}

/// A score with its band and what the band means, as the instrument's
/// source words it (a band worth raising with the counselor says so itself).
struct MeasureScoreLine: View {
    let score: MeasureScore

    var body: some View {
        VStack(alignment: .leading, spacing: 2) {
            Text(Loc.text("screen_measure_score", score.name, Int(score.value), Int(score.max), score.bandLabel))
                .font(.headline)
                .fixedSize(horizontal: false, vertical: true)
            JournalText(score.bandMeaning)
        }
        .frame(maxWidth: .infinity, alignment: .leading)
        .accessibilityElement(children: .combine)
    }
}

/// A card's background, as Today's cards have it.
struct MeasureCard<Content: View>: View {
    @ViewBuilder let content: Content

    var body: some View {
        VStack(alignment: .leading, spacing: 8) {
            content
        }
        .frame(maxWidth: .infinity, alignment: .leading)
        .padding()
        .background(Color(uiColor: .secondarySystemGroupedBackground), in: RoundedRectangle(cornerRadius: 16))
    }
}
