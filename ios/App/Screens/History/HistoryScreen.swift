import KeelCore
import KeelKit
import SwiftUI

/// Everything recorded, newest first, in the core's one-line summaries, a
/// page at a time; a log entry opens its edit.
struct HistoryScreen: View {
    let router: Router
    @State private var model: HistoryModel

    init(proxy: VaultProxy, router: Router) {
        self.router = router
        _model = State(initialValue: HistoryModel(calls: proxy, language: { ScreenParts.language }))
    }

    var body: some View {
        JournalPage(title: Loc.text("screen_history_title"), lazy: true) {
            content
        }
        // Again on coming back from an edit: the entry may have changed or gone.
        .task { await model.load() }
        .refreshable { await model.load() }
    }

    @ViewBuilder
    private var content: some View {
        let state = model.state
        let language = ScreenParts.language
        if !state.ranges.isEmpty {
            JournalHeading(Loc.text("screen_history_range"))
            JournalFlow {
                ForEach(state.ranges, id: \.preset) { range in
                    JournalChip(label: range.label, selected: state.selected == range.preset, enabled: !state.busy) {
                        Task { await model.send(.selectRange(range.preset)) }
                    }
                }
            }
        }
        if let failure = state.failure {
            JournalFailure(failure: failure)
        }
        if !state.loaded {
            JournalText(Loc.text("common_working"))
        } else {
            if state.items.isEmpty {
                JournalText(Loc.text("screen_history_empty"))
            }
            if state.damaged > 0 {
                JournalText(Loc.text("screen_history_damaged", state.damaged))
            }
            ForEach(Array(state.items.enumerated()), id: \.offset) { _, item in
                HistoryRow(item: item, language: language, open: opener(for: item))
                Divider()
            }
            if state.nextPageToken != nil {
                JournalWorkButton(
                    title: Loc.text("action_load_more"),
                    busy: state.busy
                ) {
                    Task { await model.send(.loadMore) }
                }
            } else if !state.items.isEmpty {
                JournalText(Loc.text("screen_history_end"))
            }
        }
    }

    /// A log entry opens its edit; the other kinds are shown only.
    private func opener(for item: HistoryItem) -> (() -> Void)? {
        guard let kind = HistoryModel.entryKind(item.kind) else { return nil }
        let id = item.id
        return { router.navigate(.log(kind: kind, id: id)) }
    }
}

/// One line of the history: the date first, smaller, then the core's summary (which names the kind).
struct HistoryRow: View {
    let item: HistoryItem
    let language: Language
    let open: (() -> Void)?

    var body: some View {
        if let open = open {
            Button(action: open) { lines }
                .buttonStyle(.plain)
                .accessibilityElement(children: .combine)
                .accessibilityHint(Loc.text("a11y_edit_entry"))
        } else {
            lines
                .accessibilityElement(children: .combine)
        }
    }

    private var lines: some View {
        VStack(alignment: .leading, spacing: 2) {
            Text(ScreenParts.momentText(item.at, language: language))
                .font(.subheadline)
                .foregroundStyle(Color.secondary)
            Text(item.summary)
                .font(.body)
                .foregroundStyle(Color.primary)
        }
        .multilineTextAlignment(.leading)
        .fixedSize(horizontal: false, vertical: true)
        .frame(maxWidth: .infinity, minHeight: 44, alignment: .leading)
        .contentShape(Rectangle())
    }
}
