import Foundation
import KeelCore
import Observation

/// How a meeting repeats, as the editor offers it.
public enum MeetingRepeatChoice: Sendable, CaseIterable, Hashable {
    case weekly, monthly, once
}

/// What the editor refuses before asking the core: a field the participant has to fix.
public enum MeetingProblem: Sendable, Equatable {
    case name, date, endDate, time, duration, days, everyWeeks, reminder
}

/// A meeting as typed: texts as in their fields (dates `YYYY-MM-DD`, times
/// `HH:MM`, minutes as numbers), turned into the core's `MeetingDraft` on
/// save. `zone` is the meeting's own IANA zone: it meets at its local time
/// there, whatever zone the phone is in.
public struct MeetingForm: Equatable, Sendable {
    public var name: String = ""
    public var kind: MeetingKind = .iopGroup
    public var venue: String = ""
    public var address: String = ""
    public var onlineUrl: String = ""
    public var onlineNotes: String = ""
    public var phone: String = ""
    public var phoneNotes: String = ""
    public var zone: String = ""
    public var startDate: String = ""
    public var endDate: String = ""
    public var startTime: String = ""
    public var duration: String = "60"
    public var repeatChoice: MeetingRepeatChoice = .weekly
    public var days: Set<Weekday> = []
    public var everyWeeks: String = "1"
    public var monthWeek: MonthWeek = .first
    public var monthDay: Weekday = .monday
    public var reminder: String = ""
    public var notes: String = ""
    /// Format labels kept as they came (an imported meeting's "Open", "Speaker").
    public var types: [String] = []

    public init() {}

    /// A new meeting: from `today` in the phone's `zone`, weekly on today's weekday at 18:00.
    public static func new(zone: String, today: CalendarDate) -> MeetingForm {
        var form = MeetingForm()
        form.zone = zone
        form.startDate = MeetingWhen.text(of: today)
        form.startTime = "18:00"
        form.days = [MeetingWhen.weekday(of: today)]
        return form
    }

    /// A saved meeting in the editor's fields.
    public static func of(_ meeting: Meeting) -> MeetingForm {
        let schedule = meeting.schedule
        var form = MeetingForm()
        form.name = meeting.name
        form.kind = meeting.kind
        form.venue = meeting.place.venue
        form.address = meeting.place.address
        form.onlineUrl = meeting.place.onlineUrl
        form.onlineNotes = meeting.place.onlineNotes
        form.phone = meeting.place.phone
        form.phoneNotes = meeting.place.phoneNotes
        form.zone = schedule.zone
        form.startDate = MeetingWhen.text(of: schedule.startDate)
        form.endDate = schedule.endDate.map { MeetingWhen.text(of: $0) } ?? ""
        form.startTime = MeetingWhen.text(ofMinute: Int(schedule.startMinute))
        form.duration = String(schedule.durationMinutes)
        form.reminder = meeting.reminderMinutes.map { String($0) } ?? ""
        form.notes = meeting.notes
        form.types = meeting.types
        switch schedule.`repeat` {
        case let .weekly(days, everyWeeks):
            form.repeatChoice = .weekly
            form.days = Set(days)
            form.everyWeeks = String(everyWeeks)
        case let .monthly(week, day):
            form.repeatChoice = .monthly
            form.monthWeek = week
            form.monthDay = day
        case .once:
            form.repeatChoice = .once
        }
        return form
    }

    /// The draft the core will check, or the first field the participant has to fix.
    public func draft() -> Result<MeetingDraft, MeetingProblemFound> {
        let trimmedName = name.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmedName.isEmpty { return .failure(MeetingProblemFound(.name)) }
        guard let start = MeetingWhen.readDate(startDate) else { return .failure(MeetingProblemFound(.date)) }
        var end: CalendarDate?
        if !endDate.trimmingCharacters(in: .whitespaces).isEmpty {
            guard let read = MeetingWhen.readDate(endDate) else { return .failure(MeetingProblemFound(.endDate)) }
            end = read
        }
        guard let minute = MeetingWhen.readTime(startTime) else { return .failure(MeetingProblemFound(.time)) }
        guard let minutes = UInt16(duration.trimmingCharacters(in: .whitespaces)), (1...1440).contains(minutes) else {
            return .failure(MeetingProblemFound(.duration))
        }
        var reminderMinutes: UInt16?
        let reminderText = reminder.trimmingCharacters(in: .whitespaces)
        if !reminderText.isEmpty {
            guard let value = UInt16(reminderText) else { return .failure(MeetingProblemFound(.reminder)) }
            reminderMinutes = value
        }
        let rule: MeetingRepeat
        switch repeatChoice {
        case .weekly:
            if days.isEmpty { return .failure(MeetingProblemFound(.days)) }
            guard let every = UInt8(everyWeeks.trimmingCharacters(in: .whitespaces)), (1...12).contains(every) else {
                return .failure(MeetingProblemFound(.everyWeeks))
            }
            rule = .weekly(days: MeetingWhen.weekdays.filter { days.contains($0) }, everyWeeks: every)
        case .monthly:
            rule = .monthly(week: monthWeek, day: monthDay)
        case .once:
            rule = .once
        }
        // A one-off meeting has no end date: the field is hidden for it.
        if repeatChoice == .once { end = nil }
        let place = MeetingPlace(
            venue: venue.trimmingCharacters(in: .whitespacesAndNewlines),
            address: address.trimmingCharacters(in: .whitespacesAndNewlines),
            onlineUrl: onlineUrl.trimmingCharacters(in: .whitespacesAndNewlines),
            onlineNotes: onlineNotes.trimmingCharacters(in: .whitespacesAndNewlines),
            phone: phone.trimmingCharacters(in: .whitespacesAndNewlines),
            phoneNotes: phoneNotes.trimmingCharacters(in: .whitespacesAndNewlines)
        )
        let schedule = MeetingSchedule(
            zone: zone.trimmingCharacters(in: .whitespaces),
            startDate: start,
            endDate: end,
            startMinute: UInt16(minute),
            durationMinutes: minutes,
            `repeat`: rule
        )
        return .success(MeetingDraft(
            name: trimmedName,
            kind: kind,
            place: place,
            schedule: schedule,
            reminderMinutes: reminderMinutes,
            notes: notes.trimmingCharacters(in: .whitespacesAndNewlines),
            types: types
        ))
    }
}

/// The first field of a form the participant has to fix (as an error, so a form's draft is a `Result`).
public struct MeetingProblemFound: Error, Equatable, Sendable {
    public let problem: MeetingProblem

    public init(_ problem: MeetingProblem) {
        self.problem = problem
    }
}

/// The meeting editor: a new meeting (`id` nil) or meeting `id`, and its
/// delete confirmation. Whether the meeting is valid is the core's to say;
/// the form only checks that what was typed reads as dates, times and numbers.
@Observable @MainActor
public final class MeetingEditModel {
    public struct State {
        public var id: String?
        public var form = MeetingForm()
        public var kindLabels: [MeetingKind: String] = [:]
        /// The form's format labels in the participant's language.
        public var typeLabels: [String: String] = [:]
        public var loading: Bool = true
        public var busy: Bool = false
        public var problem: MeetingProblem?
        public var failure: CoreFailure?
        public var confirmDelete: Bool = false
        /// Saved or deleted: the screen closes.
        public var done: Bool = false

        public init(id: String? = nil) {
            self.id = id
        }

        public var editing: Bool { id != nil }
    }

    public enum Action: Sendable {
        case change(MeetingForm)
        case askDelete
        case cancelDelete
    }

    public private(set) var state: State

    private let calls: any MeetingsCalls
    private let language: @MainActor () -> Language
    private let clock: @MainActor () -> Date

    public init(
        calls: any MeetingsCalls,
        id: String?,
        language: @escaping @MainActor () -> Language,
        clock: @escaping @MainActor () -> Date = { Date() }
    ) {
        self.calls = calls
        self.language = language
        self.clock = clock
        self.state = State(id: id)
    }

    /// Opens the editor: the kinds' names, then a new meeting today in the phone's zone, or the saved one.
    public func load() async {
        let id = state.id
        state = State(id: id)
        let labels: [MeetingKind: String]
        switch await calls.meetingKindLabels(language: language()) {
        case .success(let value): labels = value
        case .failure(let failure): return failOpening(failure)
        }
        let form: MeetingForm
        if let id {
            switch await calls.meeting(id: id) {
            case .success(let meeting): form = MeetingForm.of(meeting)
            case .failure(let failure): return failOpening(failure)
            }
        } else {
            let zone = await calls.phoneZone()
            let today = MeetingWhen.today(at: clock(), zone: TimeZone(identifier: zone) ?? .current)
            form = MeetingForm.new(zone: zone, today: today)
        }
        switch await calls.meetingTypeLabels(form.types, language: language()) {
        case .success(let types):
            state.form = form
            state.kindLabels = labels
            state.typeLabels = types
            state.loading = false
        case .failure(let failure):
            failOpening(failure)
        }
    }

    public func send(_ action: Action) {
        switch action {
        case .change(let form):
            state.form = form
            state.problem = nil
        case .askDelete:
            state.confirmDelete = true
            state.failure = nil
        case .cancelDelete:
            state.confirmDelete = false
        }
    }

    /// Checks what was typed, then adds or replaces the meeting.
    public func save() async {
        guard !state.busy, !state.loading else { return }
        let draft: MeetingDraft
        switch state.form.draft() {
        case .success(let value): draft = value
        case .failure(let found):
            state.problem = found.problem
            state.failure = nil
            return
        }
        state.busy = true
        state.failure = nil
        state.problem = nil
        let answer: Result<Meeting, CoreFailure>
        if let id = state.id {
            answer = await calls.updateMeeting(id: id, draft: draft)
        } else {
            answer = await calls.addMeeting(draft)
        }
        switch answer {
        case .success:
            state.busy = false
            state.done = true
        case .failure(let failure):
            fail(failure)
        }
    }

    /// Removes the meeting (after the confirmation); its attendance stays.
    public func delete() async {
        guard let id = state.id, !state.busy else { return }
        state.busy = true
        state.failure = nil
        switch await calls.deleteMeeting(id: id) {
        case .success:
            state.busy = false
            state.confirmDelete = false
            state.done = true
        case .failure(let failure):
            fail(failure)
        }
    }

    /// The meeting could not be opened: the failure is said and nothing can be saved.
    private func failOpening(_ failure: CoreFailure) {
        state.loading = true
        state.failure = failure
    }

    private func fail(_ failure: CoreFailure) {
        state.loading = false
        state.busy = false
        state.failure = failure
    }
}
