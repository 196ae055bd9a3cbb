import Foundation
import KeelCore
import Observation

/// Importing a Meeting Guide file: the list's name (`source`, kept with each
/// meeting so a second import of the same list updates rather than doubles),
/// the kind every meeting gets, the file read by the core (what it holds,
/// what was skipped and why, what is already added), the meetings picked.
/// The file is chosen with the system's document picker; the screen hands
/// its bytes here (nil when none was chosen or it could not be read).
@Observable @MainActor
public final class MeetingImportModel {
    public struct State {
        public var source: String = ""
        public var kind: MeetingKind = .twelveStep(fellowship: .aa)
        public var kindLabels: [MeetingKind: String] = [:]
        /// The phone's zone: a meeting in another zone says which.
        public var zone: String?
        public var preview: MeetingGuideImport?
        /// Positions (in the file) of the meetings picked to add.
        public var picked: Set<UInt32> = []
        public var busy: Bool = false
        public var failure: CoreFailure?
        /// The list needs a name before a file is chosen.
        public var needSource: Bool = false
        /// The document picker is showing.
        public var choosing: Bool = false
        /// The picker was closed without a file.
        public var cancelled: Bool = false
        /// How many meetings were added or updated, once done.
        public var added: Int?

        public init() {}
    }

    public enum Action: Sendable {
        case source(String)
        case kind(MeetingKind)
        /// Opens the document picker, once the list has a name.
        case chooseFile
        /// The picker closed without a file.
        case pickerClosed
        case toggle(UInt32)
        case pickAll
        case pickNone
        /// Drops the file read, to choose another.
        case again
    }

    public private(set) var state = State()

    private let calls: any MeetingsCalls
    private let language: @MainActor () -> Language

    public init(calls: any MeetingsCalls, language: @escaping @MainActor () -> Language) {
        self.calls = calls
        self.language = language
    }

    /// A fresh import; the list's name and kind of the last one are kept, as the same list is often imported again.
    public func load() async {
        var next = State()
        next.source = state.source
        next.kind = state.kind
        next.kindLabels = state.kindLabels
        next.zone = state.zone
        state = next
        switch await calls.meetingKindLabels(language: language()) {
        case .success(let labels):
            state.kindLabels = labels
            state.zone = await calls.phoneZone()
        case .failure(let failure):
            fail(failure)
        }
    }

    public func send(_ action: Action) {
        switch action {
        case .source(let text):
            state.source = text
            state.needSource = false
        case .kind(let kind):
            state.kind = kind
        case .chooseFile:
            guard !state.busy else { return }
            if state.source.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                state.needSource = true
                return
            }
            state.failure = nil
            state.cancelled = false
            state.added = nil
            state.choosing = true
        case .pickerClosed:
            state.choosing = false
            state.cancelled = true
        case .toggle(let position):
            if state.picked.contains(position) {
                state.picked.remove(position)
            } else {
                state.picked.insert(position)
            }
        case .pickAll:
            state.picked = Set(state.preview?.meetings.map { $0.position } ?? [])
        case .pickNone:
            state.picked = []
        case .again:
            state.preview = nil
            state.picked = []
            state.failure = nil
            state.added = nil
            state.cancelled = false
        }
    }

    /// The chosen file's bytes (nil: it could not be read): the core reads them without saving anything.
    public func read(_ file: Data?) async {
        state.choosing = false
        guard !state.busy else { return }
        guard let file else {
            state.cancelled = true
            return
        }
        state.busy = true
        state.failure = nil
        state.cancelled = false
        // A file that is not UTF-8 reaches the core empty; the core then says it is not a meeting list.
        let feed = String(data: file, encoding: .utf8) ?? ""
        let source = state.source.trimmingCharacters(in: .whitespacesAndNewlines)
        switch await calls.previewMeetingGuide(feed: feed, source: source, kind: state.kind) {
        case .success(let preview):
            state.busy = false
            state.preview = preview
            // New meetings start picked; those already added wait to be asked for again.
            state.picked = Set(preview.meetings.filter { $0.alreadyAddedId == nil }.map { $0.position })
        case .failure(let failure):
            fail(failure)
        }
    }

    /// Adds the picked meetings in one transaction.
    public func add() async {
        guard let preview = state.preview, !state.busy, !state.picked.isEmpty else { return }
        state.busy = true
        state.failure = nil
        let picked = state.picked
        let source = state.source.trimmingCharacters(in: .whitespacesAndNewlines)
        switch await calls.addMeetingsFromGuide(source: source, meetings: preview.meetings.filter { picked.contains($0.position) }) {
        case .success(let saved):
            state.busy = false
            state.added = saved.count
            state.preview = nil
            state.picked = []
        case .failure(let failure):
            fail(failure)
        }
    }

    private func fail(_ failure: CoreFailure) {
        state.busy = false
        state.failure = failure
    }
}
