package org.keel.tests

import org.junit.After
import org.junit.Assert.assertEquals
import org.junit.Assert.assertNotNull
import org.junit.Assert.assertTrue
import org.junit.Assert.fail
import org.junit.Before
import org.junit.Rule
import org.junit.Test
import org.junit.rules.TemporaryFolder
import org.keel.core.AttendanceDraft
import org.keel.core.AttendanceStatus
import org.keel.core.CalendarDate
import org.keel.core.Weekday
import org.keel.core.FeedSkipReason
import org.keel.core.Fellowship
import org.keel.core.KeelException
import org.keel.core.Now
import org.keel.core.MeetingDraft
import org.keel.core.MeetingKind
import org.keel.core.MeetingPlace
import org.keel.core.MeetingRepeat
import org.keel.core.MeetingSchedule
import org.keel.core.MeetingSettings
import org.keel.core.MonthWeek
import org.keel.core.PageQuery
import org.keel.core.ReminderKind
import org.keel.core.Vault
import org.keel.core.Language
import org.keel.core.importMeetingGuide
import org.keel.core.meetingKindLabel
import org.keel.core.meetingTypeLabel
import java.io.File
import java.time.Instant
import java.time.LocalDate
import java.time.ZoneId

/**
 * Meetings, attendance, the weekly requirement, reminders, the Meeting Guide
 * import and the calendar export through the generated Kotlin bindings on
 * the JVM. Behaviour is tested in the core; this tests the FFI.
 */
class MeetingsTest {
    @get:Rule
    val tmp = TemporaryFolder()

    private lateinit var vault: Vault
    private val day = 86_400_000L

    @Before
    fun createVault() {
        vault = Vault.create(tmp.root.resolve("vault").path, "a long enough passphrase")
    }

    @After
    fun closeVault() {
        vault.lock()
        vault.close()
    }

    /** Now as the phone gives it: the instant and its IANA zone. */
    private fun now(zone: String = "UTC", at: Long = System.currentTimeMillis()) = Now(at, zone)

    private fun date(d: LocalDate) = CalendarDate(d.year, d.monthValue.toUByte(), d.dayOfMonth.toUByte())

    private fun place(venue: String = "Harbor Clinic", url: String = "") = MeetingPlace(venue, "", url, "", "", "")

    private fun draft(
        name: String = "Evening IOP group",
        kind: MeetingKind = MeetingKind.IopGroup,
        zone: String = "America/New_York",
        start: LocalDate = LocalDate.now().minusDays(30),
        repeat: MeetingRepeat = MeetingRepeat.Weekly(listOf(Weekday.MONDAY, Weekday.WEDNESDAY, Weekday.THURSDAY), 1u),
        minute: Int = 18 * 60,
        where: MeetingPlace = place(),
    ) = MeetingDraft(
        name, kind, where,
        MeetingSchedule(zone, date(start), null, minute.toUShort(), 180u, repeat),
        30u, "", listOf(),
    )

    private inline fun <reified E : KeelException> expect(call: () -> Unit): E {
        try {
            call()
        } catch (e: KeelException) {
            if (e is E) return e
            fail("expected ${E::class.simpleName}, got ${e::class.simpleName}")
        }
        fail("expected ${E::class.simpleName}")
        throw AssertionError()
    }

    @Test
    fun meetingsRoundTripAndRefuseBadInput() {
        val m = vault.addMeeting(draft())
        val monthly = vault.addMeeting(
            draft(
                name = "Saturday Serenity", kind = MeetingKind.TwelveStep(Fellowship.AA),
                repeat = MeetingRepeat.Monthly(MonthWeek.SECOND, Weekday.SATURDAY),
            ),
        )
        assertEquals(MeetingRepeat.Monthly(MonthWeek.SECOND, Weekday.SATURDAY), vault.getMeeting(monthly.id).schedule.repeat)
        assertEquals(listOf("Evening IOP group", "Saturday Serenity"), vault.listMeetings().meetings.map { it.name })
        assertEquals(m.id, vault.updateMeeting(m.id, draft(name = "Morning IOP group")).id)
        vault.deleteMeeting(monthly.id)
        expect<KeelException.NotFound> { vault.getMeeting(monthly.id) }

        assertEquals("zone", expect<KeelException.InvalidInput> { vault.addMeeting(draft(zone = "Mars/Olympus")) }.field)
        assertEquals("name", expect<KeelException.InvalidInput> { vault.addMeeting(draft(name = "x".repeat(1024 * 1024 + 1))) }.field)
        assertEquals("online_url", expect<KeelException.InvalidInput> { vault.addMeeting(draft(where = place(url = "javascript:alert(1)"))) }.field)
        assertEquals("days", expect<KeelException.InvalidInput> { vault.addMeeting(draft(repeat = MeetingRepeat.Weekly(listOf(), 1u))) }.field)
        for (bad in listOf("", "nope", "z".repeat(32))) {
            assertEquals("id", expect<KeelException.InvalidInput> { vault.getMeeting(bad) }.field)
        }
        assertEquals(1, vault.listMeetings().meetings.size)
    }

    @Test
    fun occurrencesKeepTheMeetingsZoneAcrossDst() {
        vault.addMeeting(draft(start = LocalDate.of(2026, 3, 1), repeat = MeetingRepeat.Weekly(listOf(Weekday.SUNDAY), 1u), minute = 19 * 60))
        val from = Instant.parse("2026-03-01T00:00:00Z").toEpochMilli()
        val got = vault.meetingOccurrences(from, from + 15 * day)
        val ny = ZoneId.of("America/New_York")
        assertEquals(listOf(19, 19, 19), got.map { Instant.ofEpochMilli(it.start.utcMillis).atZone(ny).hour })
        assertEquals(listOf(-300, -240, -240), got.map { it.start.offsetMinutes })
    }

    @Test
    fun attendanceRequirementScreenAndReminders() {
        val m = vault.addMeeting(draft())
        vault.saveMeetingSettings(MeetingSettings(540u, 3u, (20 * 60).toUShort(), false))
        val past = vault.meetingOccurrences(System.currentTimeMillis() - 14 * day, System.currentTimeMillis() - 4 * 3_600_000)
        for (o in past) {
            vault.recordAttendance(AttendanceDraft(m.id, o.start, AttendanceStatus.ATTENDED, null, ""))
        }
        assertEquals(past.size.toUInt(), vault.listAttendance(PageQuery(null, null, 0u, 100u)).total)
        val screen = vault.meetingsScreen(now())
        assertEquals(1u, screen.meetingCount)
        assertEquals(540u, screen.progress.settings.weeklyMinutes)
        assertNotNull(screen.progress.attendanceRate)

        val next = vault.meetingOccurrences(System.currentTimeMillis(), System.currentTimeMillis() + 8 * day).first()
        val here = vault.checkInToMeeting(now(at = next.start.utcMillis - 5 * 60_000))
        assertEquals(AttendanceStatus.ATTENDED, here.status)
        val onNow = vault.today(now("America/New_York", next.start.utcMillis + 60_000), Language.ENGLISH).meetingNow
        assertEquals(m.id, onNow?.occurrence?.meetingId)
        assertEquals(true, onNow?.checkedIn)
        expect<KeelException.NotFound> { vault.checkInToMeeting(now(at = next.start.utcMillis + 5 * 3_600_000)) }
        expect<KeelException.InvalidInput> { vault.recordAttendance(AttendanceDraft("nope", next.start, AttendanceStatus.ATTENDED, null, "")) }

        val reminders = vault.upcomingReminders(now(), 48u, null, Language.SPANISH)
        assertTrue(reminders.any { it.kind is ReminderKind.Meeting })
        assertTrue(reminders.all { !it.body.contains("IOP") && !it.body.contains("Harbor") && it.title == "Recordatorio" })
        assertEquals(reminders.map { it.id }, vault.upcomingReminders(now(), 48u, null, Language.ENGLISH).map { it.id })
        assertEquals(reminders.take(1), vault.upcomingReminders(now(), 48u, 1u, Language.SPANISH))
        expect<KeelException.InvalidInput> { vault.upcomingReminders(now(), 0u, null, Language.ENGLISH) }
        assertEquals("limit", expect<KeelException.InvalidInput> { vault.upcomingReminders(now(), 48u, 0u, Language.ENGLISH) }.field)
        for (call in listOf<(Now) -> Unit>(
            { vault.meetingsScreen(it) },
            { vault.checkInToMeeting(it) },
            { vault.attendanceHistory(it, 4u) },
            { vault.upcomingReminders(it, 48u, null, Language.ENGLISH) },
        )) {
            val e = expect<KeelException.InvalidInput> { call(now("New York")) }
            assertEquals("zone" to "unknown_zone", e.field to e.reason)
        }
        assertEquals(4, vault.attendanceHistory(now(), 4u).size)
        val record = vault.attendanceRecord(System.currentTimeMillis() - 30 * day, System.currentTimeMillis(), Language.SPANISH)
        assertTrue(record.isNotEmpty())
        assertTrue(record.all { it.kindLabel.startsWith("Sesión") || it.kindLabel.startsWith("Reunión") })
    }

    @Test
    fun aDailyReminderKeepsItsLocalTimeAcrossDaylightSaving() {
        vault.saveMeetingSettings(MeetingSettings(null, null, (20 * 60).toUShort(), false))
        // Noon on Saturday 2026-03-07 in New York; clocks spring forward that night.
        val noon = java.time.ZonedDateTime.of(2026, 3, 7, 12, 0, 0, 0, java.time.ZoneId.of("America/New_York"))
        val got = vault.upcomingReminders(now("America/New_York", noon.toInstant().toEpochMilli()), 48u, null, Language.ENGLISH)
        val local = got.map { java.time.Instant.ofEpochMilli(it.atUtcMillis).atZone(java.time.ZoneId.of("America/New_York")) }
        assertEquals(listOf(7 to 20, 8 to 20), local.map { it.dayOfMonth to it.hour })
        assertEquals(23 * 3_600_000L, got[1].atUtcMillis - got[0].atUtcMillis)
        assertTrue(got.all { it.kind == ReminderKind.CheckIn && it.id.length == 32 })
    }

    @Test
    fun meetingGuideImportAndCalendarExport() {
        val example = File("core/tests/fixtures/meeting-guide/example-meeting.json").readText()
        val got = importMeetingGuide("[$example, $example, 7]", MeetingKind.TwelveStep(Fellowship.AA), now("America/Los_Angeles"))
        assertEquals(listOf("sunday-serenity-14"), got.meetings.map { it.slug })
        assertEquals(listOf(FeedSkipReason.DuplicateSlug, FeedSkipReason.NotAnObject), got.skipped.map { it.reason })
        val saved = vault.addMeeting(got.meetings.single().draft)
        assertEquals("Alano Club", saved.place.venue)
        assertEquals("feed", expect<KeelException.InvalidInput> { importMeetingGuide("{", MeetingKind.Other, now()) }.field)

        assertEquals("Reunión de AA", meetingKindLabel(MeetingKind.TwelveStep(Fellowship.AA), Language.SPANISH))
        assertEquals("AA meeting", meetingKindLabel(MeetingKind.TwelveStep(Fellowship.AA), Language.ENGLISH))
        assertEquals(listOf("Abierta"), saved.types.filter { it == "Open" }.map { meetingTypeLabel(it, Language.SPANISH) })
        val ics = vault.exportMeetingsCalendar(Language.ENGLISH)
        assertTrue(ics.content.startsWith("BEGIN:VCALENDAR\r\n"))
        assertTrue(ics.content.contains("RRULE:FREQ=WEEKLY;BYDAY=SU;WKST=MO"))
        assertTrue(ics.content.contains("BEGIN:VTIMEZONE\r\nTZID:America/Los_Angeles"))
    }
}
