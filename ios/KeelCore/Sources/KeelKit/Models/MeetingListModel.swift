import Foundation
import KeelCore
import Observation

/// The participant's meetings as the core lists them (by name), with the
/// phone's zone and the kinds' names. Computes nothing of its own.
@Observable @MainActor
public final class MeetingListModel {
    public struct State {
        public var list: MeetingList?
        public var zone: String?
        public var kindLabels: [MeetingKind: String] = [:]
        public var failure: CoreFailure?

        public init() {}
    }

    public private(set) var state = State()

    private let calls: any MeetingsCalls
    private let language: @MainActor () -> Language

    public init(calls: any MeetingsCalls, language: @escaping @MainActor () -> Language) {
        self.calls = calls
        self.language = language
    }

    /// Reads the list (again, when coming back from the editor or the import).
    public func load() async {
        state.failure = nil
        let labels: [MeetingKind: String]
        switch await calls.meetingKindLabels(language: language()) {
        case .success(let value): labels = value
        case .failure(let failure):
            state.failure = failure
            return
        }
        let zone = await calls.phoneZone()
        switch await calls.listMeetings() {
        case .success(let list):
            var next = State()
            next.list = list
            next.zone = zone
            next.kindLabels = labels
            state = next
        case .failure(let failure):
            state.failure = failure
        }
    }
}
