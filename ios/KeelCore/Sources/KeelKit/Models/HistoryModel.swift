import Foundation
import KeelCore
import Observation

/// The merged history, page by page with the core's token (which stays right
/// when entries arrive between pages), over a range chosen from the core's
/// presets. The order, the summaries and the ranges are the core's.
@Observable @MainActor
public final class HistoryModel {
    public struct State {
        public var ranges: [DateRange] = []
        public var selected: DateRangePreset?
        public var items: [HistoryItem] = []
        /// The core's token for the next page; nil once the last page is shown.
        public var nextPageToken: String?
        public var loaded: Bool = false
        public var busy: Bool = false
        /// Entries that failed their integrity check: kept by the core, counted here.
        public var damaged: Int = 0
        public var failure: CoreFailure?

        public init() {}
    }

    public enum Action: Sendable {
        case selectRange(DateRangePreset)
        case loadMore
    }

    /// How many items one page asks for.
    public nonisolated static let defaultPageSize: UInt32 = 30

    public private(set) var state = State()

    private let calls: any HistoryCalls
    private let language: @MainActor () -> Language
    private let pageSize: UInt32

    public init(calls: any HistoryCalls, language: @escaping @MainActor () -> Language, pageSize: UInt32 = HistoryModel.defaultPageSize) {
        self.calls = calls
        self.language = language
        self.pageSize = pageSize
    }

    /// Loads the presets and the first page (again, when coming back from an edit).
    public func load() async {
        state.busy = true
        state.failure = nil
        switch await calls.dateRangePresets(language: language()) {
        case .success(let ranges):
            let kept = state.selected.flatMap { chosen in ranges.first { $0.preset == chosen }?.preset }
            state.ranges = ranges
            state.selected = kept ?? ranges.first { $0.preset == .everything }?.preset
            await firstPage()
        case .failure(let failure):
            fail(failure)
        }
    }

    public func send(_ action: Action) async {
        switch action {
        case .selectRange(let preset):
            if state.busy { return }
            state.selected = preset
            state.busy = true
            state.failure = nil
            await firstPage()
        case .loadMore:
            guard let token = state.nextPageToken, !state.busy else { return }
            state.busy = true
            state.failure = nil
            switch await calls.history(query: query(token), language: language()) {
            case .success(let page):
                state.items += page.items
                state.nextPageToken = page.nextPageToken
                state.damaged = page.damagedIds.count
                state.busy = false
            case .failure(let failure):
                fail(failure)
            }
        }
    }

    private func firstPage() async {
        switch await calls.history(query: query(nil), language: language()) {
        case .success(let page):
            state.items = page.items
            state.nextPageToken = page.nextPageToken
            state.damaged = page.damagedIds.count
            state.loaded = true
            state.busy = false
        case .failure(let failure):
            fail(failure)
        }
    }

    private func query(_ token: String?) -> HistoryQuery {
        let range = state.ranges.first { $0.preset == state.selected }
        return HistoryQuery(
            fromUtcMillis: range?.startUtcMillis,
            untilUtcMillis: range?.endUtcMillis,
            kinds: [],
            pageToken: token,
            limit: pageSize
        )
    }

    private func fail(_ failure: CoreFailure) {
        state.busy = false
        state.loaded = true
        state.failure = failure
    }

    /// The log kind an item opens to edit; notes, practice and attendance open elsewhere.
    public nonisolated static func entryKind(_ kind: HistoryKind) -> EntryKind? {
        switch kind {
        case .craving: return .craving
        case .encounter: return .encounter
        case .checkIn: return .checkIn
        case .lapse: return .lapse
        case .note, .practice, .attendance: return nil
        }
    }
}
