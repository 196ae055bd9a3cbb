import Foundation
import KeelCore
import Observation

/// The exercise sessions so far, newest first, as the core stored them, a
/// page at a time, each named by the library's title for its exercise.
@Observable @MainActor
public final class ExerciseHistoryModel {
    public struct State {
        public var sessions: [ExerciseSession] = []
        public var total: Int = 0
        /// The library's titles by exercise id, to name each session.
        public var titles: [String: String] = [:]
        public var loaded = false
        public var busy = false
        public var failure: CoreFailure?

        public init() {}

        /// A session's title: the library's, a pattern's name when it was used, or its id.
        public func title(of session: ExerciseSession) -> String {
            titles[session.exerciseId] ?? session.exerciseName ?? session.exerciseId
        }

        /// More sessions than shown are kept.
        public var more: Bool { sessions.count < total }
    }

    /// How many sessions one page asks for.
    public nonisolated static let pageSize: UInt32 = 30

    public private(set) var state = State()

    private let calls: any ExerciseCalls
    private let language: @MainActor () -> Language

    public init(calls: any ExerciseCalls, language: @escaping @MainActor () -> Language) {
        self.calls = calls
        self.language = language
    }

    /// The first page of sessions, and the titles to name them.
    public func load() async {
        state.busy = true
        state.failure = nil
        if case .success(let list) = await calls.exercises(language: language()) {
            var titles: [String: String] = [:]
            for exercise in list.exercises { titles[exercise.id] = exercise.title }
            state.titles = titles
        }
        switch await calls.exerciseSessions(offset: 0, limit: Self.pageSize) {
        case .success(let page):
            state.sessions = page.sessions
            state.total = Int(page.total)
            state.loaded = true
            state.busy = false
        case .failure(let failure):
            state.loaded = true
            state.busy = false
            state.failure = failure
        }
    }

    /// The next page of older sessions; a session already shown is not shown twice.
    public func loadMore() async {
        guard !state.busy, state.more else { return }
        state.busy = true
        state.failure = nil
        switch await calls.exerciseSessions(offset: UInt32(state.sessions.count), limit: Self.pageSize) {
        case .success(let page):
            let known = Set(state.sessions.map(\.id))
            state.sessions += page.sessions.filter { !known.contains($0.id) }
            state.total = Int(page.total)
            state.busy = false
        case .failure(let failure):
            state.busy = false
            state.failure = failure
        }
    }
}
