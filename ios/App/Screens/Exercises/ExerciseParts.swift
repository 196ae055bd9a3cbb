import Foundation
import KeelCore
import KeelKit
import SwiftUI

/// What the Exercises screens share: the one library-and-player model of
/// the app (so a run left paused is offered again on the library), and the
/// exercises' words.
@MainActor
enum ExerciseScreens {
    private static var shared: ExerciseModel?

    /// The app's exercise model, made on first use with the phone's haptics, tones and choices.
    static func model(proxy: VaultProxy) -> ExerciseModel {
        if let shared { return shared }
        let made = ExerciseModel(
            calls: proxy,
            language: { ScreenParts.language },
            device: PhoneExerciseDevice(),
            choices: DefaultsExerciseChoices()
        )
        shared = made
        return made
    }

    /// A display frame's time on the screen's clock, in milliseconds.
    static func millis(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded())
    }

    /// A length for reading: seconds under a minute, else whole minutes (rounded).
    static func durationText(_ ms: UInt64) -> String {
        let seconds = Int((ms + 500) / 1000)
        if seconds < 60 { return Loc.text("exercise_seconds_short", seconds) }
        return Loc.text("exercise_minutes_short", (seconds + 30) / 60)
    }

    /// The shortest and longest lengths the core offers.
    static func lengthsText(_ durations: [ExerciseDuration]) -> String {
        guard let first = durations.first, let last = durations.last else { return "" }
        if first.totalMs == last.totalMs { return durationText(first.totalMs) }
        return Loc.text("screen_exercises_lengths", durationText(first.totalMs), durationText(last.totalMs))
    }

    /// A breathing length as its breaths and time, a guided one as its time.
    static func lengthText(_ option: ExerciseDuration) -> String {
        if case let .cycles(cycles) = option.length {
            return Loc.text("common_joined", Loc.text("screen_exercise_breaths", Int(cycles)), durationText(option.totalMs))
        }
        return durationText(option.totalMs)
    }

    static func situationText(_ situation: ExerciseSituation) -> String {
        switch situation {
        case .craving: return Loc.text("exercise_situation_craving")
        case .highRisk: return Loc.text("exercise_situation_high_risk")
        case .stress: return Loc.text("exercise_situation_stress")
        case .morning: return Loc.text("exercise_situation_morning")
        case .sleep: return Loc.text("exercise_situation_sleep")
        case .anytime: return Loc.text("exercise_situation_anytime")
        }
    }

    static func statusText(_ status: ExerciseSessionStatus) -> String {
        switch status {
        case .finished: return Loc.text("exercise_status_finished")
        case .abandoned: return Loc.text("exercise_status_abandoned")
        case .inProgress: return Loc.text("exercise_status_in_progress")
        }
    }
}

/// The craving before and after, as rated (either may be missing).
struct ExerciseCravingChange: View {
    let before: UInt32?
    let after: UInt32?

    var body: some View {
        if let before, let after {
            JournalText(Loc.text("screen_exercise_change", Int(before), Int(after)))
        } else if let before {
            JournalText(Loc.text("screen_exercise_before_only", Int(before)))
        } else if let after {
            JournalText(Loc.text("screen_exercise_after_only", Int(after)))
        }
    }
}

/// A 0-10 craving rating; tapping the chosen number again clears it (rating is optional).
struct ExerciseCravingRating: View {
    let title: String
    let level: Int?
    var enabled: Bool = true
    let change: (Int?) -> Void

    var body: some View {
        JournalHeading(title)
        JournalText(Loc.text("screen_exercise_rating_hint"))
        JournalFlow {
            ForEach(0...10, id: \.self) { number in
                JournalChip(
                    label: String(number),
                    selected: level == number,
                    spoken: Loc.text("a11y_level", number),
                    enabled: enabled
                ) {
                    change(level == number ? nil : number)
                }
            }
        }
    }
}

/// A card that opens something: the whole card is one button, read as one element.
struct ExerciseCard<Content: View>: View {
    let action: () -> Void
    @ViewBuilder let content: Content

    var body: some View {
        Button(action: action) {
            VStack(alignment: .leading, spacing: 4) {
                content
            }
            .multilineTextAlignment(.leading)
            .fixedSize(horizontal: false, vertical: true)
            .frame(maxWidth: .infinity, minHeight: 44, alignment: .leading)
            .padding()
            .background(Color(uiColor: .secondarySystemGroupedBackground), in: RoundedRectangle(cornerRadius: 16))
            .contentShape(Rectangle())
        }
        .buttonStyle(.plain)
        .accessibilityElement(children: .combine)
        .accessibilityAddTraits(.isButton)
    }
}
