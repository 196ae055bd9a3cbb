import KeelCore
import KeelKit
import SwiftUI

/// The attendance record of a period, to show a counselor, a court or an
/// employer on this screen: each meeting attended or missed, its date and
/// time, kind, minutes and status, as the core lists them. Nothing is shared.
struct AttendanceRecordScreen: View {
    let router: Router
    @State private var model: AttendanceRecordModel

    init(proxy: VaultProxy, router: Router) {
        self.router = router
        _model = State(initialValue: AttendanceRecordModel(calls: proxy, language: { ScreenParts.language }))
    }

    var body: some View {
        JournalPage(title: Loc.text("screen_attendance_record_title")) {
            content
        }
        .task {
            if model.state.ranges.isEmpty {
                await model.load()
            }
        }
        .refreshable { await model.load() }
    }

    @ViewBuilder
    private var content: some View {
        let state = model.state
        JournalText(Loc.text("screen_attendance_record_intro"))
        if !state.ranges.isEmpty {
            JournalFlow {
                ForEach(state.ranges, id: \.preset) { range in
                    JournalChip(label: range.label, selected: state.chosen == range.preset) {
                        Task { await model.choose(range.preset) }
                    }
                }
            }
        }
        if let range = state.chosenRange {
            JournalHeading(Loc.text(
                "screen_attendance_record_period",
                MeetingText.date(range.firstDay),
                MeetingText.date(range.lastDay)
            ))
        }
        if let failure = state.failure {
            JournalFailure(failure: failure)
        }
        if let lines = state.lines {
            if lines.isEmpty {
                JournalText(Loc.text("screen_attendance_record_empty"))
            }
            ForEach(Array(lines.enumerated()), id: \.offset) { _, line in
                AttendanceRecordLine(line: line, zone: state.zone)
            }
        } else if state.failure == nil {
            JournalText(Loc.text("common_working"))
        }
    }
}

/// One line of the record: when, the meeting, its kind, what was recorded and for how long.
private struct AttendanceRecordLine: View {
    let line: AttendanceLine
    let zone: String?

    var body: some View {
        VStack(alignment: .leading, spacing: 2) {
            Text(MeetingText.when(line.start.utcMillis, zone: zone))
                .font(.subheadline)
            Text(line.meetingName)
                .font(.subheadline.weight(.semibold))
            Text(ScreenParts.joined([line.kindLabel] + MeetingText.attended(line.status, minutes: Int(line.minutes))))
                .font(.subheadline)
        }
        .fixedSize(horizontal: false, vertical: true)
        .frame(maxWidth: .infinity, alignment: .leading)
        .accessibilityElement(children: .combine)
    }
}
