import Foundation
import KeelCore
import Observation

/// The parts of Insights, shown one at a time so each stays a short read.
public enum InsightsSection: CaseIterable, Hashable, Sendable {
    case cravings
    case triggers
    case whatWorks
    case mood
    case meetings
    case streaks
    case measures
}

/// Insights in one core call per range: every chart is the core's record
/// drawn as it came; this model only remembers the range and the part shown.
@Observable @MainActor
public final class InsightsModel {
    public struct State {
        public var selected: DateRangePreset = InsightsRanges.standard
        public var section: InsightsSection = .cravings
        /// The last records loaded; kept while another range loads, so the screen does not blank.
        public var data: InsightsData?
        public var busy: Bool = false
        public var failure: CoreFailure?

        public init() {}
    }

    public enum Action: Sendable {
        case selectRange(DateRangePreset)
        /// Another part of the same records: nothing to load.
        case selectSection(InsightsSection)
    }

    public private(set) var state = State()

    private let calls: any InsightsCalls
    private let language: @MainActor () -> Language
    /// Counts the loads asked for: an answer to an older one is dropped, never shown over a newer choice.
    private var generation = 0

    public init(calls: any InsightsCalls, language: @escaping @MainActor () -> Language) {
        self.calls = calls
        self.language = language
    }

    /// Loads (again, when the screen is shown or the language changed) the chosen range.
    public func load() async {
        generation += 1
        let mine = generation
        state.busy = true
        state.failure = nil
        let answer = await calls.insights(preset: state.selected, language: language())
        guard mine == generation else { return }
        switch answer {
        case .success(let data):
            state.data = data
            state.busy = false
        case .failure(let failure):
            state.busy = false
            state.failure = failure
        }
    }

    public func send(_ action: Action) async {
        switch action {
        case .selectRange(let preset):
            state.selected = preset
            await load()
        case .selectSection(let section):
            state.section = section
        }
    }
}
