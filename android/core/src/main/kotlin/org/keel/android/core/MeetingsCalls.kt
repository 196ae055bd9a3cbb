package org.keel.android.core

import org.keel.core.AttendanceLine
import org.keel.core.AttendancePage
import org.keel.core.AttendanceRecord
import org.keel.core.AttendanceStatus
import org.keel.core.DateRange
import org.keel.core.FeedMeeting
import org.keel.core.Fellowship
import org.keel.core.Language
import org.keel.core.Meeting
import org.keel.core.MeetingDraft
import org.keel.core.MeetingGuideImport
import org.keel.core.MeetingKind
import org.keel.core.MeetingList
import org.keel.core.MeetingSettings
import org.keel.core.MeetingsCalendar
import org.keel.core.MeetingsScreen
import org.keel.core.PageQuery
import org.keel.core.WeekSummary
import org.keel.core.meetingKindLabel
import org.keel.core.meetingTypeLabel

/**
 * The Meetings screens' core calls: the week, the list, the editor, the
 * Meeting Guide import, attendance and the calendar export. Built on the
 * gateway's one door, so every call runs on the core's serial dispatcher and
 * fails as a [CoreError].
 */
class MeetingsCalls(private val gateway: VaultGateway) {
    /** The Meetings screen at now: today, the coming week, what "I'm here" would record, the week's progress, recent attendance. */
    suspend fun screen(): Result<MeetingsScreen> = gateway.withVault { v, now -> v.meetingsScreen(now) }

    /** The phone's IANA zone as the gateway clock gives it: the zone times are shown in and a new meeting starts with. */
    suspend fun phoneZone(): Result<String> = gateway.withVault { _, now -> now.zone }

    /** Every meeting by name, and the ids of damaged ones (kept, never deleted). */
    suspend fun list(): Result<MeetingList> = gateway.withVault { v, _ -> v.listMeetings() }

    suspend fun meeting(id: String): Result<Meeting> = gateway.withVault { v, _ -> v.getMeeting(id) }

    suspend fun add(draft: MeetingDraft): Result<Meeting> = gateway.withVault { v, _ -> v.addMeeting(draft) }

    /** Replaces meeting [id]; its attendance stays. */
    suspend fun update(id: String, draft: MeetingDraft): Result<Meeting> = gateway.withVault { v, _ -> v.updateMeeting(id, draft) }

    /** Removes meeting [id]; its attendance records stay in the history. */
    suspend fun delete(id: String): Result<Unit> = gateway.withVault { v, _ -> v.deleteMeeting(id) }

    /** "I'm here": records the meeting on now as attended (`NotFound` if none is on). */
    suspend fun checkIn(): Result<AttendanceRecord> = gateway.withVault { v, now -> v.checkInToMeeting(now) }

    /** The weekly program requirement and reminder settings. */
    suspend fun settings(): Result<MeetingSettings> = gateway.withVault { v, _ -> v.meetingSettings() }

    suspend fun saveSettings(settings: MeetingSettings): Result<MeetingSettings> = gateway.withVault { v, _ -> v.saveMeetingSettings(settings) }

    /** Reads a Meeting Guide file named [source] without saving: its meetings (each marked if already added) and what was skipped, and why. */
    suspend fun previewGuide(feed: String, source: String, kind: MeetingKind): Result<MeetingGuideImport> =
        gateway.withVault { v, now -> v.previewMeetingGuide(feed, source, kind, now) }

    /** Adds the picked meetings of [source] in one transaction; an already-added one is updated in place. */
    suspend fun addFromGuide(source: String, meetings: List<FeedMeeting>): Result<List<Meeting>> =
        gateway.withVault { v, _ -> v.addMeetingsFromGuide(source, meetings) }

    /** Program hours and sessions for each of the last [weeks] weeks, oldest first. */
    suspend fun weeks(weeks: UInt): Result<List<WeekSummary>> = gateway.withVault { v, now -> v.attendanceHistory(now, weeks) }

    /** One page of attendance records, newest first. */
    suspend fun attendance(offset: UInt, limit: UInt): Result<AttendancePage> =
        gateway.withVault { v, _ -> v.listAttendance(PageQuery(null, null, offset, limit)) }

    suspend fun updateAttendance(id: String, status: AttendanceStatus, minutes: UShort?, notes: String): Result<AttendanceRecord> =
        gateway.withVault { v, _ -> v.updateAttendance(id, status, minutes, notes) }

    suspend fun deleteAttendance(id: String): Result<Unit> = gateway.withVault { v, _ -> v.deleteAttendance(id) }

    /** The attendance record of [range] (a preset from [ranges]), kinds named in [language], oldest first. */
    suspend fun record(range: DateRange, language: Language): Result<List<AttendanceLine>> =
        gateway.withVault { v, _ -> v.attendanceRecord(range.startUtcMillis, range.endUtcMillis, language) }

    /** The periods the attendance record offers, labelled in [language]. */
    suspend fun ranges(language: Language): Result<List<DateRange>> = gateway.withVault { v, now -> v.dateRangePresets(now, language) }

    /** Every meeting as an iCalendar file (not encrypted), descriptions in [language]. */
    suspend fun calendar(language: Language): Result<MeetingsCalendar> = gateway.withVault { v, _ -> v.exportMeetingsCalendar(language) }

    /** The core's name of each kind of meeting in [language], in the order a picker shows them. */
    suspend fun kindLabels(language: Language): Result<Map<MeetingKind, String>> =
        gateway.withCore { ALL_KINDS.associateWith { meetingKindLabel(it, language) } }

    /** The core's translation of Meeting Guide format labels ("Open", "Speaker") into [language]. */
    suspend fun typeLabels(types: Collection<String>, language: Language): Result<Map<String, String>> =
        gateway.withCore { types.associateWith { meetingTypeLabel(it, language) } }

    companion object {
        /** Every kind of meeting the core knows, program sessions first. */
        val ALL_KINDS: List<MeetingKind> = listOf(
            MeetingKind.IopGroup,
            MeetingKind.Counseling,
            MeetingKind.FamilySession,
            MeetingKind.MedicationVisit,
        ) + Fellowship.entries.map { MeetingKind.TwelveStep(it) } + listOf(
            MeetingKind.SmartRecovery,
            MeetingKind.RecoveryDharma,
            MeetingKind.LifeRing,
            MeetingKind.CelebrateRecovery,
            MeetingKind.Other,
        )
    }
}
