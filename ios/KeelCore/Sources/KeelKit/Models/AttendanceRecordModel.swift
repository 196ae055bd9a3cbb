import Foundation
import KeelCore
import Observation

/// The attendance record a participant shows a counselor, a court or an
/// employer: the core's periods (labelled by it), the one chosen, and the
/// core's lines for it, oldest first.
@Observable @MainActor
public final class AttendanceRecordModel {
    public struct State {
        public var ranges: [DateRange] = []
        public var chosen: DateRangePreset = .last30Days
        /// The chosen period's lines; nil while they are read.
        public var lines: [AttendanceLine]?
        public var zone: String?
        public var failure: CoreFailure?

        public init() {}

        /// The chosen period as the core gave it.
        public var chosenRange: DateRange? { ranges.first { $0.preset == chosen } }
    }

    public private(set) var state = State()

    private let calls: any MeetingsCalls
    private let language: @MainActor () -> Language

    public init(calls: any MeetingsCalls, language: @escaping @MainActor () -> Language) {
        self.calls = calls
        self.language = language
    }

    /// Reads the periods and the record of the chosen one (the last 30 days at first).
    public func load() async {
        state.failure = nil
        switch await calls.dateRangePresets(language: language()) {
        case .success(let ranges):
            state.ranges = ranges
            state.zone = await calls.phoneZone()
            state.lines = nil
            await read(state.chosen)
        case .failure(let failure):
            state.failure = failure
        }
    }

    /// Another period: its record replaces the one shown.
    public func choose(_ preset: DateRangePreset) async {
        state.chosen = preset
        state.lines = nil
        state.failure = nil
        await read(preset)
    }

    private func read(_ preset: DateRangePreset) async {
        guard let range = state.ranges.first(where: { $0.preset == preset }) else { return }
        let answer = await calls.attendanceRecord(range: range, language: language())
        // A period chosen meanwhile wins: its own answer fills the screen.
        guard state.chosen == preset else { return }
        switch answer {
        case .success(let lines): state.lines = lines
        case .failure(let failure): state.failure = failure
        }
    }
}
