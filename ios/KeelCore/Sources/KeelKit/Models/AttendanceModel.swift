import Foundation
import KeelCore
import Observation

/// An attendance record being changed: its status, minutes and notes as typed.
public struct AttendanceForm: Equatable, Sendable {
    public let id: String
    public var status: AttendanceStatus
    public var minutes: String
    public var notes: String
    public var confirmDelete: Bool = false
    /// The minutes do not read as a whole number.
    public var badMinutes: Bool = false

    public init(id: String, status: AttendanceStatus, minutes: String, notes: String) {
        self.id = id
        self.status = status
        self.minutes = minutes
        self.notes = notes
    }

    /// The statuses in the order the editor offers them.
    public static let statuses: [AttendanceStatus] = [.attended, .late, .leftEarly, .missed, .excused]
}

/// Attendance history: program hours and sessions per week (the core's
/// weeks, shown newest first) and every attendance record, newest first,
/// paged; one record open to change or delete.
@Observable @MainActor
public final class AttendanceModel {
    public struct State {
        /// The core's weeks, oldest first as it gave them; nil until read.
        public var weeks: [WeekSummary]?
        public var records: [AttendanceRecord] = []
        public var total: UInt32 = 0
        public var damaged: Int = 0
        public var zone: String?
        public var kindLabels: [MeetingKind: String] = [:]
        public var editing: AttendanceForm?
        public var busy: Bool = false
        public var failure: CoreFailure?

        public init() {}

        /// More records wait beyond the ones shown.
        public var hasMore: Bool { UInt32(records.count) < total }
    }

    public enum Action: Sendable {
        case open(AttendanceRecord)
        case change(AttendanceForm)
        case close
        case askDelete
    }

    /// Weeks of hours shown: a quarter, as a program's progress reviews look back.
    public nonisolated static let weeks: UInt32 = 12
    public nonisolated static let pageSize: UInt32 = 20

    public private(set) var state = State()

    private let calls: any MeetingsCalls
    private let language: @MainActor () -> Language

    public init(calls: any MeetingsCalls, language: @escaping @MainActor () -> Language) {
        self.calls = calls
        self.language = language
    }

    /// Reads the weeks and the first page of records afresh.
    public func load() async {
        state.busy = true
        state.failure = nil
        state.editing = nil
        let labels: [MeetingKind: String]
        switch await calls.meetingKindLabels(language: language()) {
        case .success(let value): labels = value
        case .failure(let failure): return fail(failure)
        }
        let zone = await calls.phoneZone()
        let weeks: [WeekSummary]
        switch await calls.attendanceWeeks(Self.weeks) {
        case .success(let value): weeks = value
        case .failure(let failure): return fail(failure)
        }
        switch await calls.attendance(offset: 0, limit: Self.pageSize) {
        case .success(let page):
            var next = State()
            next.weeks = weeks
            next.records = page.items
            next.total = page.total
            next.damaged = page.damagedIds.count
            next.zone = zone
            next.kindLabels = labels
            state = next
        case .failure(let failure):
            fail(failure)
        }
    }

    public func send(_ action: Action) {
        switch action {
        case .open(let record):
            state.editing = AttendanceForm(id: record.id, status: record.status, minutes: String(record.minutes), notes: record.notes)
            state.failure = nil
        case .change(let form):
            var next = form
            next.badMinutes = false
            state.editing = next
        case .close:
            state.editing = nil
            state.failure = nil
        case .askDelete:
            state.editing?.confirmDelete = true
        }
    }

    /// The next page of records.
    public func more() async {
        guard !state.busy, state.hasMore else { return }
        state.busy = true
        switch await calls.attendance(offset: UInt32(state.records.count), limit: Self.pageSize) {
        case .success(let page):
            state.busy = false
            state.records += page.items
            state.total = page.total
        case .failure(let failure):
            fail(failure)
        }
    }

    /// Saves the open record's status, minutes and notes; the core refuses minutes that cannot be.
    public func save() async {
        guard let form = state.editing, !state.busy else { return }
        let typed = form.minutes.trimmingCharacters(in: .whitespaces)
        let minutes = typed.isEmpty ? nil : UInt16(typed)
        if !typed.isEmpty && minutes == nil {
            state.editing?.badMinutes = true
            return
        }
        state.busy = true
        state.failure = nil
        let notes = form.notes.trimmingCharacters(in: .whitespacesAndNewlines)
        switch await calls.updateAttendance(id: form.id, status: form.status, minutes: minutes, notes: notes) {
        case .success:
            await load()
        case .failure(let failure):
            fail(failure)
        }
    }

    /// Deletes the open record (after the confirmation).
    public func delete() async {
        guard let form = state.editing, !state.busy else { return }
        state.busy = true
        state.failure = nil
        switch await calls.deleteAttendance(id: form.id) {
        case .success:
            await load()
        case .failure(let failure):
            fail(failure)
        }
    }

    private func fail(_ failure: CoreFailure) {
        state.busy = false
        state.failure = failure
    }
}
