import Foundation
import KeelCore
import Observation

/// Today: the core's `TodayScreen` record in one call, shown as it came.
/// The model computes nothing of its own; "I'm here" asks the core and reads
/// Today again.
@Observable @MainActor
public final class TodayModel {
    /// The core's record as it came, plus the screen's own flags.
    public struct State {
        public var screen: TodayScreen?
        public var busy: Bool = false
        public var failure: CoreFailure?

        public init(screen: TodayScreen? = nil, busy: Bool = false, failure: CoreFailure? = nil) {
            self.screen = screen
            self.busy = busy
            self.failure = failure
        }
    }

    public enum Action: Sendable {
        /// "I'm here" for the meeting on now.
        case imHere
    }

    public private(set) var state = State()

    private let calls: any TodayCalls
    private let language: @MainActor () -> Language

    public init(calls: any TodayCalls, language: @escaping @MainActor () -> Language) {
        self.calls = calls
        self.language = language
    }

    /// Reads Today again (on appearing, after a log, after "I'm here").
    public func load() async {
        state.busy = true
        switch await calls.today(language: language()) {
        case .success(let screen):
            state = State(screen: screen)
        case .failure(let failure):
            state.busy = false
            state.failure = failure
        }
    }

    public func send(_ action: Action) async {
        switch action {
        case .imHere:
            guard !state.busy else { return }
            state.busy = true
            state.failure = nil
            switch await calls.checkInToMeeting() {
            case .success:
                await load()
            case .failure(let failure):
                state.busy = false
                state.failure = failure
            }
        }
    }
}
