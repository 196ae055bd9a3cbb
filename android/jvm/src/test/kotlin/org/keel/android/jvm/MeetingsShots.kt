package org.keel.android.jvm

import java.io.File
import java.nio.file.Files
import org.keel.android.core.CoreError
import org.keel.android.core.MeetingsCalls
import org.keel.android.ui.AttendanceDraftForm
import org.keel.android.ui.AttendanceRecordUiState
import org.keel.android.ui.AttendanceUiState
import org.keel.android.ui.MeetingEditUiState
import org.keel.android.ui.MeetingForm
import org.keel.android.ui.MeetingImportUiState
import org.keel.android.ui.MeetingListUiState
import org.keel.android.ui.MeetingsExport
import org.keel.android.ui.MeetingsUiState
import org.keel.android.ui.RequirementDraft
import org.keel.core.AttendanceDraft
import org.keel.core.AttendanceLine
import org.keel.core.AttendanceRecord
import org.keel.core.AttendanceStatus
import org.keel.core.CalendarDate
import org.keel.core.DateRange
import org.keel.core.DateRangePreset
import org.keel.core.Fellowship
import org.keel.core.Language
import org.keel.core.Meeting
import org.keel.core.MeetingDraft
import org.keel.core.MeetingGuideImport
import org.keel.core.MeetingKind
import org.keel.core.MeetingList
import org.keel.core.MeetingPlace
import org.keel.core.MeetingRepeat
import org.keel.core.MeetingSchedule
import org.keel.core.MeetingSettings
import org.keel.core.MeetingsScreen
import org.keel.core.MonthWeek
import org.keel.core.Now
import org.keel.core.PageQuery
import org.keel.core.Vault
import org.keel.core.WeekSummary
import org.keel.core.Weekday
import org.keel.core.meetingKindLabel

/**
 * The Meetings screens' states for the gallery, from the core's real
 * records: per language, a participant with a weekly IOP group (on now), an
 * evening AA meeting, a monthly family session in another zone and a
 * meeting imported from a Meeting Guide file; a 9-hour requirement and four
 * weeks of attendance. Plus a new participant with nothing yet.
 */
object MeetingsShots {
    class Data(
        val labels: Map<MeetingKind, String>,
        val before: MeetingsScreen,
        val after: MeetingsScreen,
        val checkedIn: AttendanceRecord,
        val empty: MeetingsScreen,
        val list: MeetingList,
        val family: Meeting,
        val preview: MeetingGuideImport,
        val weeks: List<WeekSummary>,
        val records: List<AttendanceRecord>,
        val total: UInt,
        val ranges: List<DateRange>,
        val lines: List<AttendanceLine>,
    )

    private val now = Now(Fixtures.clock.millis(), Fixtures.clock.zone.id)
    private val zone = Fixtures.clock.zone.id

    val data: Map<Language, Data> by lazy { Language.entries.associateWith(::build) }

    private fun day(y: Int, m: Int, d: Int) = CalendarDate(y, m.toUByte(), d.toUByte())

    private fun meeting(name: String, kind: MeetingKind, place: MeetingPlace, schedule: MeetingSchedule, reminder: UShort? = null) =
        MeetingDraft(name, kind, place, schedule, reminder, "", emptyList())

    private fun build(lang: Language): Data {
        val es = lang == Language.SPANISH
        val dir = Files.createTempDirectory("keel-meetings").toFile()
        try {
            val empty = Vault.create(File(dir, "empty").path, Fixtures.PASSPHRASE).use { it.meetingsScreen(now) }
            return Vault.create(File(dir, "v").path, Fixtures.PASSPHRASE).use { v ->
                v.saveMeetingSettings(MeetingSettings(weeklyMinutes = 540u, weeklySessions = 4u, checkInMinute = null, gentlePrompts = false))
                val iop = v.addMeeting(
                    meeting(
                        if (es) "Grupo intensivo" else "IOP group",
                        MeetingKind.IopGroup,
                        MeetingPlace(if (es) "Sala 2, Centro Horizonte" else "Room 2, Horizon Center", "", "", "", "", ""),
                        MeetingSchedule(zone, day(2026, 10, 1), null, 555u, 90u, MeetingRepeat.Weekly(listOf(Weekday.MONDAY, Weekday.TUESDAY, Weekday.THURSDAY), 1u)),
                        reminder = 30u,
                    ),
                )
                v.addMeeting(
                    meeting(
                        if (es) "AA martes de noche" else "Tuesday night AA",
                        MeetingKind.TwelveStep(Fellowship.AA),
                        MeetingPlace("St. Mark's", "100 Main St, Chicago", "", "", "", ""),
                        MeetingSchedule(zone, day(2026, 9, 1), null, 1140u, 60u, MeetingRepeat.Weekly(listOf(Weekday.TUESDAY), 1u)),
                    ),
                )
                val family = v.addMeeting(
                    meeting(
                        if (es) "Sesión familiar" else "Family session",
                        MeetingKind.FamilySession,
                        MeetingPlace("", "", "https://meet.example.org/family", "", "", ""),
                        MeetingSchedule("America/New_York", day(2026, 10, 1), day(2027, 3, 31), 1080u, 60u, MeetingRepeat.Monthly(MonthWeek.FIRST, Weekday.FRIDAY)),
                    ),
                )
                val feed = MeetingsFlowTest.FEED
                val source = if (es) "Intergrupal central" else "Central intergroup"
                val first = v.previewMeetingGuide(feed, source, MeetingKind.TwelveStep(Fellowship.AA), now)
                v.addMeetingsFromGuide(source, first.meetings.take(1))
                val preview = v.previewMeetingGuide(feed, source, MeetingKind.TwelveStep(Fellowship.AA), now)

                // Four weeks of the IOP group: attended, one late, one missed.
                val weekMs = 7 * 24 * 3_600_000L
                val past = v.meetingOccurrences(now.utcMillis - 4 * weekMs, now.utcMillis - 3_600_000)
                    .filter { it.meetingId == iop.id }
                past.forEachIndexed { i, o ->
                    val status = when (i % 5) {
                        3 -> AttendanceStatus.MISSED
                        4 -> AttendanceStatus.LATE
                        else -> AttendanceStatus.ATTENDED
                    }
                    v.recordAttendance(AttendanceDraft(iop.id, o.start, status, if (status == AttendanceStatus.LATE) 70u else null, ""))
                }
                val before = v.meetingsScreen(now)
                val checkedIn = v.checkInToMeeting(now)
                val after = v.meetingsScreen(now)
                val page = v.listAttendance(PageQuery(null, null, 0u, 8u))
                val ranges = v.dateRangePresets(now, lang)
                val month = ranges.first { it.preset == DateRangePreset.LAST30_DAYS }
                Data(
                    labels = MeetingsCalls.ALL_KINDS.associateWith { meetingKindLabel(it, lang) },
                    before = before,
                    after = after,
                    checkedIn = checkedIn,
                    empty = empty,
                    list = v.listMeetings(),
                    family = family,
                    preview = preview,
                    weeks = v.attendanceHistory(now, 12u),
                    records = page.items,
                    total = page.total,
                    ranges = ranges,
                    lines = v.attendanceRecord(month.startUtcMillis, month.endUtcMillis, lang),
                )
            }
        } finally {
            dir.deleteRecursively()
        }
    }

    private fun d(lang: Language) = data.getValue(lang)

    fun meetings(lang: Language) = MeetingsUiState(screen = d(lang).before, zone = zone, kindLabels = d(lang).labels)

    fun meetingsHere(lang: Language) = MeetingsUiState(screen = d(lang).after, zone = zone, kindLabels = d(lang).labels, checkedIn = d(lang).checkedIn)

    fun meetingsEmpty(lang: Language) = MeetingsUiState(screen = d(lang).empty, zone = zone, kindLabels = d(lang).labels)

    fun meetingsRequirement(lang: Language) = meetings(lang).copy(requirement = RequirementDraft("nine", "4", problem = true))

    fun meetingsExport(lang: Language) = meetingsHere(lang).copy(export = MeetingsExport.CONFIRM)

    fun list(lang: Language) = MeetingListUiState(d(lang).list, zone, d(lang).labels)

    fun add(lang: Language) = MeetingEditUiState(
        form = MeetingForm.new(zone, java.time.LocalDate.of(2026, 11, 24)),
        kindLabels = d(lang).labels,
        loading = false,
    )

    fun editMonthlyDelete(lang: Language) = MeetingEditUiState(
        id = d(lang).family.id,
        form = MeetingForm.of(d(lang).family),
        kindLabels = d(lang).labels,
        loading = false,
        confirmDelete = true,
    )

    fun editBadZone(lang: Language) = add(lang).let {
        it.copy(form = it.form.copy(name = if (lang == Language.SPANISH) "Grupo de los jueves" else "Thursday group", zone = "Mars/Olympus"), error = CoreError.InvalidInput("zone"))
    }

    fun importStart(lang: Language) = MeetingImportUiState(
        source = if (lang == Language.SPANISH) "Intergrupal central" else "Central intergroup",
        kindLabels = d(lang).labels,
        zone = zone,
        cancelled = true,
    )

    fun importPreview(lang: Language): MeetingImportUiState {
        val preview = d(lang).preview
        return importStart(lang).copy(
            cancelled = false,
            preview = preview,
            picked = preview.meetings.filter { it.alreadyAddedId == null }.map { it.position }.toSet(),
        )
    }

    fun importDone(lang: Language) = importStart(lang).copy(cancelled = false, added = 2)

    fun attendance(lang: Language): AttendanceUiState {
        val data = d(lang)
        val open = data.records[1]
        return AttendanceUiState(
            weeks = data.weeks,
            records = data.records,
            total = data.total,
            zone = zone,
            kindLabels = data.labels,
            editing = AttendanceDraftForm(open.id, open.status, open.minutes.toString(), open.notes),
        )
    }

    fun attendanceRecord(lang: Language) =
        AttendanceRecordUiState(ranges = d(lang).ranges, chosen = DateRangePreset.LAST30_DAYS, lines = d(lang).lines, zone = zone)
}
