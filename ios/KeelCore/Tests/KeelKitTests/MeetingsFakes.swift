import Foundation
import KeelCore
@testable import KeelKit

/// The Meetings screens' core calls answered from what a test sets, with what was asked recorded.
actor FakeMeetingsCalls: MeetingsCalls {
    var screens: [Result<MeetingsScreen, CoreFailure>] = []
    var zone = "America/Chicago"
    var list: Result<MeetingList, CoreFailure> = .success(MeetingList(meetings: [], damagedIds: []))
    var meetingAnswer: Result<Meeting, CoreFailure> = .failure(.notFound)
    var saveAnswer: Result<Meeting, CoreFailure>?
    var deleteAnswer: Result<Void, CoreFailure> = .success(Void())
    var checkInAnswer: Result<AttendanceRecord, CoreFailure> = .failure(.notFound)
    var settingsAnswer: Result<MeetingSettings, CoreFailure>?
    var previewAnswer: Result<MeetingGuideImport, CoreFailure> = .success(MeetingGuideImport(meetings: [], skipped: []))
    var guideAnswer: Result<[Meeting], CoreFailure>?
    var weeks: Result<[WeekSummary], CoreFailure> = .success([])
    var pages: [Result<AttendancePage, CoreFailure>] = []
    var updateAnswer: Result<AttendanceRecord, CoreFailure>?
    var ranges: Result<[DateRange], CoreFailure> = .success([])
    var lines: [DateRangePreset: [AttendanceLine]] = [:]
    var calendar: Result<MeetingsCalendar, CoreFailure> = .success(MeetingsCalendar(fileName: "keel-meetings.ics", content: "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"))
    var kindLabelsAnswer: Result<[MeetingKind: String], CoreFailure> = .success([.iopGroup: "IOP group session"])

    private(set) var added: [MeetingDraft] = []
    private(set) var updated: [(String, MeetingDraft)] = []
    private(set) var deleted: [String] = []
    private(set) var checkIns = 0
    private(set) var savedSettings: [MeetingSettings] = []
    private(set) var previews: [(feed: String, source: String, kind: MeetingKind)] = []
    private(set) var guideAdds: [(source: String, positions: [UInt32])] = []
    private(set) var pagesAsked: [(offset: UInt32, limit: UInt32)] = []
    private(set) var attendanceUpdates: [(id: String, status: AttendanceStatus, minutes: UInt16?, notes: String)] = []
    private(set) var attendanceDeletes: [String] = []
    private(set) var recordsAsked: [DateRangePreset] = []
    private(set) var languages: [Language] = []

    func queueScreen(_ answer: Result<MeetingsScreen, CoreFailure>) { screens.append(answer) }
    func answerList(_ answer: Result<MeetingList, CoreFailure>) { list = answer }
    func answerMeeting(_ answer: Result<Meeting, CoreFailure>) { meetingAnswer = answer }
    func answerSave(_ answer: Result<Meeting, CoreFailure>) { saveAnswer = answer }
    func answerCheckIn(_ answer: Result<AttendanceRecord, CoreFailure>) { checkInAnswer = answer }
    func answerPreview(_ answer: Result<MeetingGuideImport, CoreFailure>) { previewAnswer = answer }
    func answerWeeks(_ answer: Result<[WeekSummary], CoreFailure>) { weeks = answer }
    func queuePage(_ answer: Result<AttendancePage, CoreFailure>) { pages.append(answer) }
    func answerUpdate(_ answer: Result<AttendanceRecord, CoreFailure>) { updateAnswer = answer }
    func answerRanges(_ answer: Result<[DateRange], CoreFailure>) { ranges = answer }
    func answerLines(_ preset: DateRangePreset, _ answer: [AttendanceLine]) { lines[preset] = answer }
    func answerCalendar(_ answer: Result<MeetingsCalendar, CoreFailure>) { calendar = answer }

    func meetingsScreen() async -> Result<MeetingsScreen, CoreFailure> {
        screens.isEmpty ? .failure(.internal) : screens.removeFirst()
    }

    func phoneZone() async -> String { zone }

    func listMeetings() async -> Result<MeetingList, CoreFailure> { list }

    func meeting(id: String) async -> Result<Meeting, CoreFailure> { meetingAnswer }

    func addMeeting(_ draft: MeetingDraft) async -> Result<Meeting, CoreFailure> {
        added.append(draft)
        return saveAnswer ?? .success(MeetingFixtures.meeting(id: "meeting-new", draft: draft))
    }

    func updateMeeting(id: String, draft: MeetingDraft) async -> Result<Meeting, CoreFailure> {
        updated.append((id, draft))
        return saveAnswer ?? .success(MeetingFixtures.meeting(id: id, draft: draft))
    }

    func deleteMeeting(id: String) async -> Result<Void, CoreFailure> {
        deleted.append(id)
        return deleteAnswer
    }

    func checkInToMeeting() async -> Result<AttendanceRecord, CoreFailure> {
        checkIns += 1
        return checkInAnswer
    }

    func meetingSettings() async -> Result<MeetingSettings, CoreFailure> {
        .success(MeetingFixtures.settings())
    }

    func saveMeetingSettings(_ settings: MeetingSettings) async -> Result<MeetingSettings, CoreFailure> {
        savedSettings.append(settings)
        return settingsAnswer ?? .success(settings)
    }

    func previewMeetingGuide(feed: String, source: String, kind: MeetingKind) async -> Result<MeetingGuideImport, CoreFailure> {
        previews.append((feed, source, kind))
        return previewAnswer
    }

    func addMeetingsFromGuide(source: String, meetings: [FeedMeeting]) async -> Result<[Meeting], CoreFailure> {
        guideAdds.append((source, meetings.map { $0.position }))
        return guideAnswer ?? .success(meetings.map { MeetingFixtures.meeting(id: "m-\($0.position)", draft: $0.draft) })
    }

    func attendanceWeeks(_ weeks: UInt32) async -> Result<[WeekSummary], CoreFailure> { self.weeks }

    func attendance(offset: UInt32, limit: UInt32) async -> Result<AttendancePage, CoreFailure> {
        pagesAsked.append((offset, limit))
        return pages.isEmpty ? .failure(.internal) : pages.removeFirst()
    }

    func updateAttendance(id: String, status: AttendanceStatus, minutes: UInt16?, notes: String) async -> Result<AttendanceRecord, CoreFailure> {
        attendanceUpdates.append((id, status, minutes, notes))
        return updateAnswer ?? .success(MeetingFixtures.attendance(id: id, status: status, minutes: minutes ?? 0, notes: notes))
    }

    func deleteAttendance(id: String) async -> Result<Void, CoreFailure> {
        attendanceDeletes.append(id)
        return .success(Void())
    }

    func attendanceRecord(range: DateRange, language: Language) async -> Result<[AttendanceLine], CoreFailure> {
        recordsAsked.append(range.preset)
        languages.append(language)
        return .success(lines[range.preset] ?? [])
    }

    func dateRangePresets(language: Language) async -> Result<[DateRange], CoreFailure> { ranges }

    func meetingsCalendar(language: Language) async -> Result<MeetingsCalendar, CoreFailure> {
        languages.append(language)
        return calendar
    }

    func meetingKindLabels(language: Language) async -> Result<[MeetingKind: String], CoreFailure> {
        languages.append(language)
        return kindLabelsAnswer
    }

    func meetingTypeLabels(_ types: [String], language: Language) async -> Result<[String: String], CoreFailure> {
        var labels: [String: String] = [:]
        for type in types { labels[type] = "«\(type)»" }
        return .success(labels)
    }
}

/// Core records for the Meetings models' tests.
enum MeetingFixtures {
    static let at = Moment(utcMillis: 1_795_000_000_000, offsetMinutes: -360)
    static let day = CalendarDate(year: 2026, month: 11, day: 23)
    static let place = MeetingPlace(venue: "Hall", address: "", onlineUrl: "", onlineNotes: "", phone: "", phoneNotes: "")

    static func settings(minutes: UInt32? = 540, sessions: UInt16? = 3) -> MeetingSettings {
        MeetingSettings(weeklyMinutes: minutes, weeklySessions: sessions, checkInMinute: nil, gentlePrompts: false)
    }

    static func schedule(_ rule: MeetingRepeat = .weekly(days: [.tuesday, .thursday], everyWeeks: 1)) -> MeetingSchedule {
        MeetingSchedule(zone: "America/Chicago", startDate: day, endDate: nil, startMinute: 18 * 60, durationMinutes: 90, `repeat`: rule)
    }

    static func draft(name: String = "Tuesday group", rule: MeetingRepeat = .weekly(days: [.tuesday, .thursday], everyWeeks: 1)) -> MeetingDraft {
        MeetingDraft(name: name, kind: .iopGroup, place: place, schedule: schedule(rule), reminderMinutes: 30, notes: "", types: ["O"])
    }

    static func meeting(id: String, draft: MeetingDraft = MeetingFixtures.draft()) -> Meeting {
        Meeting(
            id: id, name: draft.name, kind: draft.kind, place: draft.place, schedule: draft.schedule,
            reminderMinutes: draft.reminderMinutes, notes: draft.notes, types: draft.types, source: nil
        )
    }

    static func occurrence(status: AttendanceStatus? = nil) -> MeetingOccurrence {
        MeetingOccurrence(
            meetingId: "meeting-1", meetingName: "Tuesday group", kind: .iopGroup, place: place,
            start: at, endUtcMillis: at.utcMillis + 5_400_000, localDate: day, status: status
        )
    }

    static func screen(settings: MeetingSettings = MeetingFixtures.settings(), now: MeetingOccurrence? = nil) -> MeetingsScreen {
        MeetingsScreen(
            today: [],
            thisWeek: [occurrence()],
            happeningNow: now,
            progress: WeekProgress(
                settings: settings, weekStart: day, minutes: 270, sessions: 2, met: false, streakWeeks: 3,
                attendanceRate: 0.75, scheduledRecently: 8, attendedRecently: 6
            ),
            recent: [],
            meetingCount: 1,
            damagedIds: []
        )
    }

    static func attendance(id: String = "attendance-1", status: AttendanceStatus = .attended, minutes: UInt16 = 90, notes: String = "") -> AttendanceRecord {
        AttendanceRecord(
            id: id, meetingId: "meeting-1", meetingName: "Tuesday group", kind: .iopGroup,
            occurrence: at, status: status, minutes: minutes, notes: notes
        )
    }

    static func page(_ ids: [String], total: UInt32) -> AttendancePage {
        AttendancePage(items: ids.map { attendance(id: $0) }, total: total, damagedIds: [])
    }

    static func range(_ preset: DateRangePreset, label: String) -> DateRange {
        DateRange(
            preset: preset, label: label, firstDay: day, lastDay: day,
            startUtcMillis: at.utcMillis - 86_400_000, endUtcMillis: at.utcMillis + 86_400_000
        )
    }

    static func line(_ name: String) -> AttendanceLine {
        AttendanceLine(date: day, start: at, meetingName: name, kindLabel: "IOP group session", minutes: 90, status: .attended)
    }

    static func feed(_ position: UInt32, alreadyAdded: String? = nil) -> FeedMeeting {
        FeedMeeting(
            position: position, slug: "slug-\(position)", draft: draft(name: "Meeting \(position)"),
            warnings: [], alreadyAddedId: alreadyAdded
        )
    }
}
