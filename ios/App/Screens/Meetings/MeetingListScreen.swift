import KeelCore
import KeelKit
import SwiftUI

/// Every meeting by name, with its repeat rule in its own zone; a tap opens it to edit.
struct MeetingListScreen: View {
    let router: Router
    @State private var model: MeetingListModel

    init(proxy: VaultProxy, router: Router) {
        self.router = router
        _model = State(initialValue: MeetingListModel(calls: proxy, language: { ScreenParts.language }))
    }

    var body: some View {
        JournalPage(title: Loc.text("screen_meeting_list_title"), grouped: true) {
            content
        }
        .task { await model.load() }
        .refreshable { await model.load() }
    }

    @ViewBuilder
    private var content: some View {
        let state = model.state
        if let list = state.list {
            if list.meetings.isEmpty {
                JournalText(Loc.text("screen_meetings_no_meetings"))
            }
            ForEach(list.meetings, id: \.id) { meeting in
                MeetingListRow(meeting: meeting, zone: state.zone, kindLabels: state.kindLabels) {
                    router.navigate(.meetingEdit(id: meeting.id))
                }
            }
            if !list.damagedIds.isEmpty {
                JournalText(Loc.text("screen_meetings_damaged", list.damagedIds.count))
            }
            JournalButton(title: Loc.text("action_meetings_add"), prominent: true) { router.navigate(.meetingEdit(id: nil)) }
            JournalButton(title: Loc.text("action_meetings_import")) { router.navigate(.meetingImport) }
        } else if let failure = state.failure {
            JournalFailure(failure: failure)
        } else {
            JournalText(Loc.text("common_working"))
        }
    }
}

/// A meeting: its name, when it repeats (in its own zone), what and where, and the list it came from.
private struct MeetingListRow: View {
    let meeting: Meeting
    let zone: String?
    let kindLabels: [MeetingKind: String]
    let open: () -> Void

    var body: some View {
        Button(action: open) {
            VStack(alignment: .leading, spacing: 2) {
                Text(meeting.name)
                    .font(.headline)
                Text(MeetingText.schedule(meeting.schedule, phoneZone: zone))
                    .font(.subheadline)
                let parts = [kindLabels[meeting.kind], MeetingText.place(meeting.place)].compactMap { $0 }
                if !parts.isEmpty {
                    Text(ScreenParts.joined(parts))
                        .font(.subheadline)
                }
                if let source = meeting.source {
                    Text(Loc.text("screen_meeting_list_imported", source.feed))
                        .font(.footnote)
                        .foregroundStyle(Color.secondary)
                }
            }
            .multilineTextAlignment(.leading)
            .fixedSize(horizontal: false, vertical: true)
            .frame(maxWidth: .infinity, minHeight: 44, alignment: .leading)
            .padding(.vertical, 4)
            .contentShape(Rectangle())
        }
        .buttonStyle(.plain)
        .accessibilityElement(children: .combine)
        .accessibilityHint(Loc.text("a11y_meetings_edit"))
    }
}
