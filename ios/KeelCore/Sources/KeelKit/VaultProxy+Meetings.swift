import Foundation
import KeelCore

/// The core calls the Meetings screens make: the week, the list, the editor,
/// the Meeting Guide import, attendance, the attendance record and the
/// calendar export. `checkInToMeeting()` ("I'm here") and
/// `dateRangePresets(language:)` are the same calls Today and History make,
/// answered by the proxy's one implementation of each.
public protocol MeetingsCalls: Sendable {
    /// The Meetings screen at now: today, the coming week, what "I'm here"
    /// would record, the week's progress, recent attendance.
    func meetingsScreen() async -> Result<MeetingsScreen, CoreFailure>
    /// The phone's IANA zone: the zone times are shown in and a new meeting starts with.
    func phoneZone() async -> String
    /// Every meeting by name, and the ids of damaged ones (kept, never deleted).
    func listMeetings() async -> Result<MeetingList, CoreFailure>
    func meeting(id: String) async -> Result<Meeting, CoreFailure>
    func addMeeting(_ draft: MeetingDraft) async -> Result<Meeting, CoreFailure>
    /// Replaces meeting `id`; its attendance stays.
    func updateMeeting(id: String, draft: MeetingDraft) async -> Result<Meeting, CoreFailure>
    /// Removes meeting `id`; its attendance records stay in the history.
    func deleteMeeting(id: String) async -> Result<Void, CoreFailure>
    /// "I'm here": records the meeting on now as attended (`.notFound` if none is on).
    func checkInToMeeting() async -> Result<AttendanceRecord, CoreFailure>
    /// The weekly program requirement and reminder settings.
    func meetingSettings() async -> Result<MeetingSettings, CoreFailure>
    func saveMeetingSettings(_ settings: MeetingSettings) async -> Result<MeetingSettings, CoreFailure>
    /// Reads a Meeting Guide file named `source` without saving: its meetings
    /// (each marked if already added) and what was skipped, and why.
    func previewMeetingGuide(feed: String, source: String, kind: MeetingKind) async -> Result<MeetingGuideImport, CoreFailure>
    /// Adds the picked meetings of `source` in one transaction; an already-added one is updated in place.
    func addMeetingsFromGuide(source: String, meetings: [FeedMeeting]) async -> Result<[Meeting], CoreFailure>
    /// Program hours and sessions for each of the last `weeks` weeks, oldest first.
    func attendanceWeeks(_ weeks: UInt32) async -> Result<[WeekSummary], CoreFailure>
    /// One page of attendance records, newest first.
    func attendance(offset: UInt32, limit: UInt32) async -> Result<AttendancePage, CoreFailure>
    func updateAttendance(id: String, status: AttendanceStatus, minutes: UInt16?, notes: String) async -> Result<AttendanceRecord, CoreFailure>
    func deleteAttendance(id: String) async -> Result<Void, CoreFailure>
    /// The attendance record of `range` (a preset of `dateRangePresets`), kinds named in `language`, oldest first.
    func attendanceRecord(range: DateRange, language: Language) async -> Result<[AttendanceLine], CoreFailure>
    /// The periods the attendance record offers, labelled in `language`.
    func dateRangePresets(language: Language) async -> Result<[DateRange], CoreFailure>
    /// Every meeting as an iCalendar file (not encrypted), descriptions in `language`, with the core's neutral file name.
    func meetingsCalendar(language: Language) async -> Result<MeetingsCalendar, CoreFailure>
    /// The core's name of each kind of meeting in `language`.
    func meetingKindLabels(language: Language) async -> Result<[MeetingKind: String], CoreFailure>
    /// The core's translation of Meeting Guide format labels ("Open", "Speaker") into `language`.
    func meetingTypeLabels(_ types: [String], language: Language) async -> Result<[String: String], CoreFailure>
}

extension VaultProxy: MeetingsCalls {
    public func meetingsScreen() async -> Result<MeetingsScreen, CoreFailure> {
        let now = self.now()
        return await perform { vault in try vault.meetingsScreen(now: now) }
    }

    public func phoneZone() async -> String {
        now().zone
    }

    public func listMeetings() async -> Result<MeetingList, CoreFailure> {
        await perform { vault in try vault.listMeetings() }
    }

    public func meeting(id: String) async -> Result<Meeting, CoreFailure> {
        await perform { vault in try vault.getMeeting(id: id) }
    }

    public func addMeeting(_ draft: MeetingDraft) async -> Result<Meeting, CoreFailure> {
        await perform { vault in try vault.addMeeting(draft: draft) }
    }

    public func updateMeeting(id: String, draft: MeetingDraft) async -> Result<Meeting, CoreFailure> {
        await perform { vault in try vault.updateMeeting(id: id, draft: draft) }
    }

    public func deleteMeeting(id: String) async -> Result<Void, CoreFailure> {
        await perform { vault in try vault.deleteMeeting(id: id) }
    }

    public func meetingSettings() async -> Result<MeetingSettings, CoreFailure> {
        await perform { vault in try vault.meetingSettings() }
    }

    public func saveMeetingSettings(_ settings: MeetingSettings) async -> Result<MeetingSettings, CoreFailure> {
        await perform { vault in try vault.saveMeetingSettings(settings: settings) }
    }

    public func previewMeetingGuide(feed: String, source: String, kind: MeetingKind) async -> Result<MeetingGuideImport, CoreFailure> {
        let now = self.now()
        return await perform { vault in try vault.previewMeetingGuide(feed: feed, source: source, kind: kind, now: now) }
    }

    public func addMeetingsFromGuide(source: String, meetings: [FeedMeeting]) async -> Result<[Meeting], CoreFailure> {
        await perform { vault in try vault.addMeetingsFromGuide(source: source, meetings: meetings) }
    }

    public func attendanceWeeks(_ weeks: UInt32) async -> Result<[WeekSummary], CoreFailure> {
        let now = self.now()
        return await perform { vault in try vault.attendanceHistory(now: now, weeks: weeks) }
    }

    public func attendance(offset: UInt32, limit: UInt32) async -> Result<AttendancePage, CoreFailure> {
        let query = PageQuery(fromUtcMillis: nil, untilUtcMillis: nil, offset: offset, limit: limit)
        return await perform { vault in try vault.listAttendance(query: query) }
    }

    public func updateAttendance(id: String, status: AttendanceStatus, minutes: UInt16?, notes: String) async -> Result<AttendanceRecord, CoreFailure> {
        await perform { vault in try vault.updateAttendance(id: id, status: status, minutes: minutes, notes: notes) }
    }

    public func deleteAttendance(id: String) async -> Result<Void, CoreFailure> {
        await perform { vault in try vault.deleteAttendance(id: id) }
    }

    public func attendanceRecord(range: DateRange, language: Language) async -> Result<[AttendanceLine], CoreFailure> {
        let from = range.startUtcMillis
        let until = range.endUtcMillis
        return await perform { vault in try vault.attendanceRecord(fromUtcMillis: from, untilUtcMillis: until, language: language) }
    }

    public func meetingsCalendar(language: Language) async -> Result<MeetingsCalendar, CoreFailure> {
        await perform { vault in try vault.exportMeetingsCalendar(language: language) }
    }

    public func meetingKindLabels(language: Language) async -> Result<[MeetingKind: String], CoreFailure> {
        await performCore {
            var labels: [MeetingKind: String] = [:]
            for kind in MeetingKinds.all {
                labels[kind] = meetingKindLabel(kind: kind, language: language)
            }
            return labels
        }
    }

    public func meetingTypeLabels(_ types: [String], language: Language) async -> Result<[String: String], CoreFailure> {
        await performCore {
            var labels: [String: String] = [:]
            for type in types {
                labels[type] = meetingTypeLabel(typeLabel: type, language: language)
            }
            return labels
        }
    }
}

/// Every kind of meeting the core knows, program sessions first: the order
/// the editor's and the import's pickers show them in.
public enum MeetingKinds {
    public static let fellowships: [Fellowship] = [.aa, .na, .ca, .cma, .ma, .other]

    public static let all: [MeetingKind] =
        [.iopGroup, .counseling, .familySession, .medicationVisit]
        + fellowships.map { MeetingKind.twelveStep(fellowship: $0) }
        + [.smartRecovery, .recoveryDharma, .lifeRing, .celebrateRecovery, .other]
}
