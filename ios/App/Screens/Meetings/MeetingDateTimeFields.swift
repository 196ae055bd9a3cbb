import KeelCore
import KeelKit
import SwiftUI

/// A meeting's date: typed (exact, and what VoiceOver reads back), said in
/// words under the field ("Tuesday, December 8, 2026", so the weekday of a
/// start date is seen without a calendar), set with the system's date
/// picker, or moved with large labelled steps (closed again by Done, so the
/// long form stays short). An empty end date has no picker: its steps start
/// from `from` (the start date).
struct MeetingDateField: View {
    let label: String
    @Binding var text: String
    var from: String = ""
    @State private var stepping = false

    var body: some View {
        VStack(alignment: .leading, spacing: 6) {
            MeetingField(label: label, text: $text, keyboard: .numbersAndPunctuation)
            if let date = MeetingWhen.readDate(text) {
                JournalText(MeetingText.dateInWords(date))
                DatePicker(label, selection: picked(date), displayedComponents: .date)
                    .labelsHidden()
                    .environment(\.timeZone, MeetingWhen.utc)
                    .environment(\.calendar, MeetingWhen.calendar)
                    .accessibilityLabel(label)
            }
            if MeetingWhen.readDate(text) != nil || MeetingWhen.readDate(from) != nil {
                MeetingSteps(label: label, stepping: $stepping) {
                    ForEach(MeetingWhen.DateStep.allCases, id: \.self) { step in
                        MeetingStepButton(title: Self.title(step), field: label) {
                            if let moved = MeetingWhen.stepped(date: text, by: step, from: from) {
                                text = moved
                            }
                        }
                    }
                }
            }
        }
    }

    /// The picker's day as an instant at noon UTC, written back as the field's text.
    private func picked(_ date: CalendarDate) -> Binding<Date> {
        let binding = $text
        return Binding(
            get: { MeetingWhen.date(of: date) ?? Date() },
            set: { binding.wrappedValue = MeetingWhen.text(of: MeetingWhen.calendarDate(of: $0)) }
        )
    }

    static func title(_ step: MeetingWhen.DateStep) -> String {
        switch step {
        case .dayEarlier: return Loc.text("action_when_day_earlier")
        case .dayLater: return Loc.text("action_when_day_later")
        case .weekEarlier: return Loc.text("action_meeting_week_earlier")
        case .weekLater: return Loc.text("action_meeting_week_later")
        }
    }
}

/// A meeting's start time on the 24-hour clock: typed, said in words where
/// the language's clock differs from the typed one ("6:30 PM"), set with the
/// system's time picker, or moved by hours and quarter hours.
struct MeetingTimeField: View {
    let label: String
    @Binding var text: String
    @State private var stepping = false

    var body: some View {
        VStack(alignment: .leading, spacing: 6) {
            MeetingField(label: label, text: $text, keyboard: .numbersAndPunctuation)
            if let minute = MeetingWhen.readTime(text) {
                let words = MeetingText.timeInWords(minute: minute)
                if words != text.trimmingCharacters(in: .whitespaces) {
                    JournalText(words)
                }
                DatePicker(label, selection: picked(minute), displayedComponents: .hourAndMinute)
                    .labelsHidden()
                    .environment(\.timeZone, MeetingWhen.utc)
                    .environment(\.calendar, MeetingWhen.calendar)
                    .accessibilityLabel(label)
                MeetingSteps(label: label, stepping: $stepping) {
                    ForEach(MeetingWhen.TimeStep.allCases, id: \.self) { step in
                        MeetingStepButton(title: Self.title(step), field: label) {
                            if let moved = MeetingWhen.stepped(time: text, by: step) {
                                text = moved
                            }
                        }
                    }
                }
            }
        }
    }

    private func picked(_ minute: Int) -> Binding<Date> {
        let binding = $text
        return Binding(
            get: { MeetingWhen.pickerDate(ofMinute: minute) },
            set: { binding.wrappedValue = MeetingWhen.text(ofMinute: MeetingWhen.minute(ofPicked: $0)) }
        )
    }

    static func title(_ step: MeetingWhen.TimeStep) -> String {
        switch step {
        case .hourEarlier: return Loc.text("action_when_hour_earlier")
        case .hourLater: return Loc.text("action_when_hour_later")
        case .quarterEarlier: return Loc.text("action_meeting_quarter_earlier")
        case .quarterLater: return Loc.text("action_meeting_quarter_later")
        }
    }
}

/// "Change with buttons", then the steps and Done; each names its field for VoiceOver ("End date: A week later").
private struct MeetingSteps<Steps: View>: View {
    let label: String
    @Binding var stepping: Bool
    @ViewBuilder let steps: () -> Steps

    var body: some View {
        if stepping {
            JournalFlow {
                steps()
                MeetingStepButton(title: Loc.text("action_meeting_steps_done"), field: label) { stepping = false }
            }
        } else {
            MeetingStepButton(title: Loc.text("action_meeting_steps"), field: label) { stepping = true }
        }
    }
}

/// A large labelled step that wraps at any text size.
private struct MeetingStepButton: View {
    let title: String
    let field: String
    let action: () -> Void

    var body: some View {
        Button(action: action) {
            Text(title)
                .multilineTextAlignment(.center)
                .fixedSize(horizontal: false, vertical: true)
                .frame(minWidth: 44, minHeight: 44)
        }
        .buttonStyle(.bordered)
        .accessibilityLabel(Loc.text("a11y_meeting_step", field, title))
    }
}
