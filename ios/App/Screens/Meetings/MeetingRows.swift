import KeelCore
import KeelKit
import SwiftUI
import UIKit

/// One occurrence: when (in the phone's zone), what, where, and what was recorded for it.
struct MeetingOccurrenceRow: View {
    let occurrence: MeetingOccurrence
    let zone: String?
    let kindLabels: [MeetingKind: String]

    var body: some View {
        VStack(alignment: .leading, spacing: 2) {
            Text(Loc.text(
                "screen_meetings_occurrence_when",
                MeetingText.when(occurrence.start.utcMillis, zone: zone),
                MeetingText.time(occurrence.endUtcMillis, zone: zone)
            ))
            .font(.subheadline)
            Text(occurrence.meetingName)
                .font(.headline)
            let parts = [kindLabels[occurrence.kind], MeetingText.place(occurrence.place)].compactMap { $0 }
            if !parts.isEmpty {
                Text(ScreenParts.joined(parts))
                    .font(.subheadline)
            }
            if let status = occurrence.status {
                Text(Loc.text("screen_meetings_recorded", MeetingText.status(status)))
                    .font(.subheadline)
                    .foregroundStyle(Color.accentColor)
            }
        }
        .fixedSize(horizontal: false, vertical: true)
        .frame(maxWidth: .infinity, alignment: .leading)
        .accessibilityElement(children: .combine)
    }
}

/// One attendance record: the meeting, when it was, what was recorded and for how long.
struct MeetingAttendanceRow: View {
    let record: AttendanceRecord
    let zone: String?
    let kindLabels: [MeetingKind: String]

    var body: some View {
        VStack(alignment: .leading, spacing: 2) {
            Text(record.meetingName)
                .font(.subheadline.weight(.semibold))
            Text(MeetingText.when(record.occurrence.utcMillis, zone: zone))
                .font(.subheadline)
            let parts = [kindLabels[record.kind]].compactMap { $0 } + MeetingText.attended(record.status, minutes: Int(record.minutes))
            Text(ScreenParts.joined(parts))
                .font(.subheadline)
            if !record.notes.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                Text(record.notes)
                    .font(.subheadline)
            }
        }
        .multilineTextAlignment(.leading)
        .fixedSize(horizontal: false, vertical: true)
        .frame(maxWidth: .infinity, alignment: .leading)
        .accessibilityElement(children: .combine)
    }
}

/// A labelled text field of the meeting forms: the label above (it stays
/// when the field is filled), the field read by VoiceOver under that label.
struct MeetingField: View {
    let label: String
    @Binding var text: String
    var multiline: Bool = false
    var keyboard: UIKeyboardType = .default

    var body: some View {
        VStack(alignment: .leading, spacing: 4) {
            Text(label)
                .font(.subheadline)
                .foregroundStyle(Color.secondary)
                .accessibilityHidden(true)
            if multiline {
                TextField(label, text: $text, axis: .vertical)
                    .lineLimit(2...8)
                    .textFieldStyle(.roundedBorder)
                    .accessibilityLabel(label)
            } else {
                TextField(label, text: $text)
                    .textFieldStyle(.roundedBorder)
                    .keyboardType(keyboard)
                    .autocorrectionDisabled(keyboard != .default)
                    .textInputAutocapitalization(keyboard == .default ? .sentences : .never)
                    .accessibilityLabel(label)
            }
        }
    }
}
