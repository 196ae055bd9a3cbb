package org.keel.android.jvm

import androidx.compose.ui.test.hasClickAction
import androidx.compose.ui.test.hasContentDescription
import androidx.compose.ui.test.hasSetTextAction
import androidx.compose.ui.test.hasText
import androidx.compose.ui.test.junit4.ComposeContentTestRule
import androidx.compose.ui.test.junit4.createComposeRule
import androidx.compose.ui.test.performClick
import androidx.compose.ui.test.performScrollTo
import androidx.compose.ui.test.performTextClearance
import androidx.compose.ui.test.performTextInput
import java.time.DayOfWeek
import java.time.LocalDate
import java.time.format.TextStyle
import java.util.Locale
import kotlinx.coroutines.runBlocking
import org.junit.Assert.assertEquals
import org.junit.Assert.assertTrue
import org.junit.Rule
import org.junit.Test
import org.junit.rules.TemporaryFolder
import org.keel.android.core.MeetingsCalls
import org.keel.android.core.RustVaultGateway
import org.keel.android.ui.AppModel
import org.keel.android.ui.KeelApp
import org.keel.android.ui.MeetingImportModel
import org.keel.android.ui.Route
import org.keel.android.ui.Str
import org.keel.android.ui.dateInWords
import org.keel.core.AttendanceStatus
import org.keel.core.Language
import org.keel.core.MeetingRepeat
import org.keel.core.Vault
import org.keel.core.Weekday

/**
 * The Meetings screens on a real vault in a temp folder: add and edit a
 * meeting, "I'm here", the weekly requirement, the Meeting Guide import
 * through the picker, attendance history and record, and the calendar
 * export through the share sheet. The clock is [Fixtures.clock]: Tuesday
 * 24 November 2026, 9:30 in Chicago.
 */
class MeetingsFlowTest {
    @get:Rule val rule = createComposeRule()
    @get:Rule val tmp = TemporaryFolder()

    private val en = Fixtures.strings.strings(Language.ENGLISH)
    private val es = Fixtures.strings.strings(Language.SPANISH)
    private val phone = RecordingPhone()
    private val documents = RecordingDocuments()

    /** A vault prepared with the raw API, unlocked in the app and opened on Meetings. */
    private fun meetingsApp(settings: MemorySettings = MemorySettings(), setup: (Vault) -> Unit = {}): Pair<AppModel, RustVaultGateway> {
        Vault.create(tmp.root.path, Fixtures.PASSPHRASE).use(setup)
        val gateway = Fixtures.gateway(tmp.root)
        val app = Fixtures.app(gateway, settings, documents = documents)
        rule.setContent { KeelApp(app, Fixtures.strings, phone, dark = false) }
        app.start()
        val s = Fixtures.strings.strings(settings.language ?: Language.ENGLISH)
        rule.waitFor(s[Str.screen_unlock_title])
        rule.onNode(hasSetTextAction() and hasText(s[Str.screen_unlock_passphrase])).performTextInput(Fixtures.PASSPHRASE)
        button(s[Str.screen_unlock_action]).performClick()
        rule.waitFor(s[Str.screen_today_recent])
        tap(s[Str.action_meetings])
        rule.waitFor(s[Str.screen_meetings_today])
        return app to gateway
    }

    private fun ComposeContentTestRule.waitFor(text: String, substring: Boolean = false) =
        waitUntil(timeoutMillis = 30_000) { onAllNodes(hasText(text, substring = substring)).fetchSemanticsNodes().isNotEmpty() }

    private fun button(text: String, substring: Boolean = false) = rule.onNode(hasClickAction() and hasText(text, substring = substring))

    private fun tap(text: String, substring: Boolean = false) {
        rule.waitUntil(30_000) { rule.onAllNodes(hasClickAction() and hasText(text, substring = substring)).fetchSemanticsNodes().isNotEmpty() }
        button(text, substring).performScrollTo().performClick()
    }

    private fun type(label: String, text: String, clear: Boolean = false) {
        val node = rule.onNode(hasSetTextAction() and hasText(label, substring = true))
        node.performScrollTo()
        if (clear) node.performTextClearance()
        node.performTextInput(text)
    }

    private fun calls(gateway: RustVaultGateway) = MeetingsCalls(gateway)

    @Test
    fun addAMeetingThenEditItsRepeatRuleAndZone() {
        val (app, gateway) = meetingsApp()
        rule.waitFor(en[Str.screen_meetings_no_meetings])
        tap(en[Str.action_meetings_add])
        rule.waitFor(en[Str.screen_meeting_add_title])
        // Without a name the form says so and the core is not asked.
        tap(en[Str.action_save])
        rule.waitFor(en[Str.screen_meeting_edit_need_name])
        type(en[Str.screen_meeting_edit_name], "Evening group")
        type(en[Str.screen_meeting_edit_time], "25:99", clear = true)
        tap(en[Str.action_save])
        rule.waitFor(en[Str.screen_meeting_edit_bad_time])
        type(en[Str.screen_meeting_edit_time], "17:30", clear = true)
        // The time's steps: an hour later, then back to the quarter hour before; said in words.
        rule.onNode(hasClickAction() and hasContentDescription(en[Str.a11y_meeting_step, en[Str.screen_meeting_edit_time], en[Str.action_meeting_steps]])).performScrollTo().performClick()
        tap(en[Str.action_when_hour_later])
        rule.waitFor("6:30", substring = true)
        tap(en[Str.action_meeting_quarter_later])
        tap(en[Str.action_meeting_quarter_earlier])
        rule.waitUntil(10_000) { rule.onAllNodes(hasSetTextAction() and hasText("18:30")).fetchSemanticsNodes().isNotEmpty() }
        // A zone the core does not know: its refusal in plain words, nothing saved.
        type(en[Str.screen_meeting_edit_zone_field], "Mars/Olympus", clear = true)
        tap(en[Str.action_save])
        rule.waitFor(en[Str.screen_meeting_edit_bad_zone])
        assertTrue(runBlocking { calls(gateway).list().getOrThrow() }.meetings.isEmpty())
        type(en[Str.screen_meeting_edit_zone_field], "America/Chicago", clear = true)
        tap(en[Str.action_save])
        // Back on Meetings: tonight's occurrence is listed for today.
        rule.waitFor(en[Str.screen_meetings_title])
        rule.waitFor("Evening group")
        val saved = runBlocking { calls(gateway).list().getOrThrow() }.meetings.single()
        assertEquals(MeetingRepeat.Weekly(listOf(Weekday.TUESDAY), 1u), saved.schedule.repeat)
        assertEquals((18 * 60 + 30).toUShort(), saved.schedule.startMinute)
        assertEquals("America/Chicago", saved.schedule.zone)

        // The list, then the editor: every other week on Tuesday and Thursday, in New York.
        tap(en[Str.action_meetings_list, 1])
        rule.waitFor(en[Str.screen_meeting_list_title])
        tap("Evening group", substring = true)
        rule.waitFor(en[Str.screen_meeting_edit_title])
        tap(DayOfWeek.THURSDAY.getDisplayName(TextStyle.SHORT, Locale.US))
        type(en[Str.screen_meeting_edit_every_weeks], "2", clear = true)
        // An end date four weeks on, stepped from the start date (the end date is empty): each
        // step names its field to a screen reader, and the date is said in words.
        val endStep = hasClickAction() and hasContentDescription(en[Str.a11y_meeting_step, en[Str.screen_meeting_edit_end_date], en[Str.action_meeting_week_later]])
        rule.onNode(hasClickAction() and hasContentDescription(en[Str.a11y_meeting_step, en[Str.screen_meeting_edit_end_date], en[Str.action_meeting_steps]])).performScrollTo().performClick()
        repeat(4) { rule.onNode(endStep).performScrollTo().performClick() }
        val start = saved.schedule.startDate.let { LocalDate.of(it.year, it.month.toInt(), it.day.toInt()) }
        rule.waitFor(dateInWords(start.plusDays(28), Language.ENGLISH))
        type(en[Str.screen_meeting_edit_zone_field], "America/New_York", clear = true)
        tap(en[Str.action_save_changes])
        rule.waitFor(en[Str.screen_meeting_list_title])
        val edited = runBlocking { calls(gateway).list().getOrThrow() }.meetings.single()
        assertEquals(saved.id, edited.id)
        assertEquals(MeetingRepeat.Weekly(listOf(Weekday.TUESDAY, Weekday.THURSDAY), 2u), edited.schedule.repeat)
        assertEquals("America/New_York", edited.schedule.zone)
        assertEquals(start.plusDays(28).toString(), edited.schedule.endDate?.let { "%04d-%02d-%02d".format(it.year, it.month.toInt(), it.day.toInt()) })
        // The list says the time is the meeting's own zone's, not the phone's.
        rule.waitFor("America/New_York", substring = true)

        // Delete asks first; the meeting goes, back on the list.
        tap("Evening group", substring = true)
        rule.waitFor(en[Str.screen_meeting_edit_title])
        tap(en[Str.screen_meeting_edit_delete])
        tap(en[Str.screen_meeting_edit_delete_yes])
        rule.waitFor(en[Str.screen_meetings_no_meetings])
        assertTrue(runBlocking { calls(gateway).list().getOrThrow() }.meetings.isEmpty())
        assertEquals(listOf(Route.Today, Route.Meetings, Route.MeetingList), app.backStack.value)
    }

    @Test
    fun imHereCountsTowardTheWeeklyRequirement() {
        val (_, gateway) = meetingsApp { v -> v.addMeeting(ScreenShots.meetingNow()) }
        rule.waitFor(en[Str.screen_meetings_no_requirement])
        tap(en[Str.screen_meetings_change_requirement])
        type(en[Str.screen_meetings_requirement_hours], "lots")
        tap(en[Str.action_save])
        rule.waitFor(en[Str.screen_meetings_requirement_problem])
        type(en[Str.screen_meetings_requirement_hours], "9", clear = true)
        type(en[Str.screen_meetings_requirement_sessions], "3")
        tap(en[Str.action_save])
        rule.waitFor(en[Str.screen_meetings_hours_of, en[Str.meetings_minutes, 0], en[Str.meetings_hours, 9]])
        rule.waitFor(en[Str.screen_meetings_sessions_of, 0, 3])

        // The IOP group started at 9:15 and ends at 10:45; it is 9:30: the core records late, for the 75 minutes left.
        rule.waitFor(en[Str.screen_meetings_now])
        tap(en[Str.action_im_here])
        rule.waitFor(en[Str.screen_meetings_here_recorded, "IOP group"])
        rule.waitFor(en[Str.screen_meetings_hours_of, en[Str.meetings_hours_minutes, 1, 15], en[Str.meetings_hours, 9]])
        rule.waitFor(en[Str.screen_meetings_sessions_of, 1, 3])
        rule.waitFor(en[Str.screen_meetings_recorded, en[Str.meetings_status_late]])
        val record = runBlocking { calls(gateway).attendance(0u, 10u).getOrThrow() }.items.single()
        assertEquals(AttendanceStatus.LATE, record.status)
        assertEquals(75.toUShort(), record.minutes)
    }

    @Test
    fun attendanceHistoryChangesARecordAndTheRecordSheetShowsIt() {
        val (_, gateway) = meetingsApp { v -> v.addMeeting(ScreenShots.meetingNow()) }
        tap(en[Str.action_im_here])
        rule.waitFor(en[Str.screen_meetings_here_recorded, "IOP group"])
        tap(en[Str.action_attendance_history])
        rule.waitFor(en[Str.screen_attendance_weeks])
        rule.waitFor(en[Str.screen_attendance_week_line, en[Str.meetings_hours_minutes, 1, 15], 1])
        tap("IOP group", substring = true)
        tap(en[Str.meetings_status_attended])
        // More minutes than a day: the core refuses, said in plain words.
        type(en[Str.screen_attendance_minutes], "2000", clear = true)
        tap(en[Str.action_save_changes])
        rule.waitFor(en[Str.screen_attendance_bad_minutes])
        type(en[Str.screen_attendance_minutes], "60", clear = true)
        tap(en[Str.action_save_changes])
        rule.waitFor(en[Str.screen_attendance_week_line, en[Str.meetings_hours, 1], 1])
        val record = runBlocking { calls(gateway).attendance(0u, 10u).getOrThrow() }.items.single()
        assertEquals(AttendanceStatus.ATTENDED, record.status)
        assertEquals(60.toUShort(), record.minutes)

        button(en[Str.action_back]).performClick()
        tap(en[Str.action_attendance_record])
        rule.waitFor(en[Str.screen_attendance_record_intro])
        rule.waitFor("IOP group")
        rule.waitFor(en[Str.meetings_status_attended], substring = true)
    }

    @Test
    fun aMeetingGuideFileIsReadThenPickedMeetingsAreAddedAndKnownOnesMarked() {
        val (app, gateway) = meetingsApp()
        documents.toOpen = FEED.toByteArray()
        tap(en[Str.action_meetings_import])
        rule.waitFor(en[Str.screen_meeting_import_intro])
        // The list needs a name before a file is chosen.
        tap(en[Str.screen_meeting_import_choose])
        rule.waitFor(en[Str.screen_meeting_import_need_source])
        assertTrue(documents.opened.isEmpty())
        type(en[Str.screen_meeting_import_source], "Central intergroup")
        tap(en[Str.screen_meeting_import_choose])
        rule.waitFor(en[Str.screen_meeting_import_found, 2, 2])
        assertEquals(listOf(MeetingImportModel.MIME_TYPES), documents.opened)
        // What was skipped, and why.
        rule.waitFor(en[Str.meetings_skip_no_day])
        rule.waitFor(en[Str.meetings_skip_bad_time])
        rule.waitFor(en[Str.meetings_warning_link], substring = true)
        // Both new meetings start picked.
        tap(en[Str.screen_meeting_import_add, 2])
        rule.waitFor(en[Str.screen_meeting_import_added, 2])
        val names = runBlocking { calls(gateway).list().getOrThrow() }.meetings.map { it.name }
        assertEquals(listOf("Early Birds", "Noon Serenity"), names)

        // The same file again: both marked as already added, none picked until asked.
        tap(en[Str.screen_meeting_import_another])
        tap(en[Str.screen_meeting_import_choose])
        rule.waitFor(en[Str.screen_meeting_import_found, 2, 2])
        rule.waitUntil(30_000) { rule.onAllNodes(hasText(en[Str.screen_meeting_import_already])).fetchSemanticsNodes().size == 2 }
        tap(en[Str.screen_meeting_import_all])
        tap(en[Str.screen_meeting_import_add, 2])
        rule.waitFor(en[Str.screen_meeting_import_added, 2])
        assertEquals(2, runBlocking { calls(gateway).list().getOrThrow() }.meetings.size)
        tap(en[Str.action_meetings_list_plain])
        rule.waitFor(en[Str.screen_meeting_list_imported, "Central intergroup"])
        assertEquals(Route.MeetingList, app.backStack.value.last())
    }

    @Test
    fun aCancelledPickerOrAFileThatIsNotAListAddsNothing() {
        val (_, gateway) = meetingsApp()
        tap(en[Str.action_meetings_import])
        type(en[Str.screen_meeting_import_source], "Downloads")
        documents.toOpen = null
        tap(en[Str.screen_meeting_import_choose])
        rule.waitFor(en[Str.screen_meeting_import_cancelled])
        documents.toOpen = "{\"not\": \"a list\"}".toByteArray()
        tap(en[Str.screen_meeting_import_choose])
        rule.waitFor(en[Str.screen_meeting_import_not_a_list])
        assertTrue(runBlocking { calls(gateway).list().getOrThrow() }.meetings.isEmpty())
    }

    @Test
    fun theCalendarIsSharedOnlyAfterTheWarning() {
        meetingsApp(MemorySettings(language = Language.SPANISH)) { v -> v.addMeeting(ScreenShots.meetingNow()) }
        tap(es[Str.action_meetings_export])
        rule.waitFor(es[Str.screen_meetings_export_warning])
        assertTrue(documents.shared.isEmpty())
        tap(es[Str.action_cancel])
        tap(es[Str.action_meetings_export])
        tap(es[Str.screen_meetings_export_yes])
        rule.waitFor(es[Str.screen_meetings_export_shared])
        val (name, bytes) = documents.shared.entries.single()
        assertEquals("calendar.ics", name)
        val text = bytes.toString(Charsets.UTF_8)
        assertTrue(text.startsWith("BEGIN:VCALENDAR"))
        assertTrue(text.contains("IOP group"))
    }

    companion object {
        /** A Meeting Guide feed: two meetings (one with a link that is not a web address) and two the core skips. */
        val FEED = """
            [
              {"name": "Early Birds", "slug": "early", "day": [1, 3, 5], "time": "6:30", "end_time": "7:30",
               "location": "St. Mark's", "formatted_address": "100 Main St, Chicago, IL", "types": ["O", "D"],
               "timezone": "America/Chicago"},
              {"name": "Noon Serenity", "slug": "noon", "day": 2, "time": "12:00", "conference_url": "zoom meeting 123"},
              {"name": "Appointment", "slug": "appt", "time": "19:00"},
              {"name": "Bad time", "slug": "bad-time", "day": 2, "time": "7pm"}
            ]
        """.trimIndent()
    }
}
