package org.keel.android.jvm

import androidx.compose.ui.test.hasClickAction
import androidx.compose.ui.test.hasContentDescription
import androidx.compose.ui.test.hasSetTextAction
import androidx.compose.ui.test.hasText
import androidx.compose.ui.test.junit4.ComposeContentTestRule
import androidx.compose.ui.test.junit4.createComposeRule
import androidx.compose.ui.test.onFirst
import androidx.compose.ui.test.performClick
import androidx.compose.ui.test.performScrollTo
import androidx.compose.ui.test.performTextInput
import kotlinx.coroutines.runBlocking
import org.junit.Assert.assertEquals
import org.junit.Assert.assertTrue
import org.junit.Rule
import org.junit.Test
import org.junit.rules.TemporaryFolder
import org.keel.android.core.RustVaultGateway
import org.keel.android.ui.AppModel
import org.keel.android.ui.KeelApp
import org.keel.android.ui.Route
import org.keel.android.ui.Str
import org.keel.core.CalendarDate
import org.keel.core.CravingDraft
import org.keel.core.CravingOutcome
import org.keel.core.EntryContext
import org.keel.core.EntryKind
import org.keel.core.Halt
import org.keel.core.Language
import org.keel.core.Weekday
import org.keel.core.MeetingRepeat
import org.keel.core.MeetingSchedule
import org.keel.core.Moment
import org.keel.core.Now
import org.keel.core.SobrietyClockDraft
import org.keel.core.Vault
import org.keel.core.planTemplate

/** Log, edit, delete, the lapse message, history paging and the plan, on a real vault in a temp folder. */
class ScreensFlowTest {
    @get:Rule val rule = createComposeRule()
    @get:Rule val tmp = TemporaryFolder()

    private val en = Fixtures.strings.strings(Language.ENGLISH)
    private val phone = RecordingPhone()
    private val now = Now(Fixtures.clock.millis(), Fixtures.clock.zone.id)
    private val offset = Fixtures.clock.zone.rules.getOffset(Fixtures.clock.instant()).totalSeconds / 60

    private fun hoursAgo(h: Long) = Moment(Fixtures.clock.millis() - h * 3_600_000, offset)

    private fun craving(at: Moment, intensity: Int) = CravingDraft(
        at = at,
        intensity = intensity.toUByte(),
        durationMinutes = null,
        triggers = emptyList(),
        context = EntryContext("", "", Halt(false, false, false, false), null),
        coping = emptyList(),
        outcome = CravingOutcome.RODE_IT_OUT,
        notes = "",
    )

    private fun launch(gateway: RustVaultGateway): AppModel {
        val app = Fixtures.app(gateway)
        rule.setContent { KeelApp(app, Fixtures.strings, phone, dark = false) }
        app.start()
        return app
    }

    /** A vault prepared with the raw API, then opened in the app through Unlock. */
    private fun unlockedApp(setup: (Vault) -> Unit = {}): Pair<AppModel, RustVaultGateway> {
        Vault.create(tmp.root.path, Fixtures.PASSPHRASE).use(setup)
        val gateway = Fixtures.gateway(tmp.root)
        val app = launch(gateway)
        rule.waitFor(en[Str.screen_unlock_title])
        rule.onNode(hasSetTextAction() and hasText(en[Str.screen_unlock_passphrase])).performTextInput(Fixtures.PASSPHRASE)
        button(en[Str.screen_unlock_action]).performClick()
        rule.waitFor(en[Str.screen_today_recent])
        return app to gateway
    }

    private fun ComposeContentTestRule.waitFor(text: String, substring: Boolean = false) =
        waitUntil(timeoutMillis = 30_000) { onAllNodes(hasText(text, substring = substring)).fetchSemanticsNodes().isNotEmpty() }

    private fun ComposeContentTestRule.waitGone(text: String) =
        waitUntil(timeoutMillis = 30_000) { onAllNodes(hasText(text)).fetchSemanticsNodes().isEmpty() }

    private fun button(text: String, substring: Boolean = false) = rule.onNode(hasClickAction() and hasText(text, substring = substring))

    private fun tap(text: String, substring: Boolean = false) {
        rule.waitUntil(30_000) { rule.onAllNodes(hasClickAction() and hasText(text, substring = substring)).fetchSemanticsNodes().isNotEmpty() }
        button(text, substring).performScrollTo().performClick()
    }

    private fun tapLevel(n: Int) {
        val level = hasClickAction() and hasContentDescription(en[Str.a11y_level, n])
        rule.waitUntil(30_000) { rule.onAllNodes(level).fetchSemanticsNodes().isNotEmpty() }
        rule.onNode(level).performScrollTo().performClick()
    }

    @Test
    fun firstLaunchThenLogACravingAndTodayShowsIt() {
        val gateway = Fixtures.gateway(tmp.root)
        val app = launch(gateway)
        rule.waitFor(en[Str.screen_first_launch_title])
        rule.onNode(hasSetTextAction() and hasText(en[Str.common_passphrase])).performScrollTo().performTextInput(Fixtures.PASSPHRASE)
        rule.onNode(hasSetTextAction() and hasText(en[Str.screen_first_launch_confirm])).performScrollTo().performTextInput(Fixtures.PASSPHRASE)
        tap(en[Str.screen_first_launch_create])
        rule.waitFor(en[Str.screen_today_no_recent])

        tap(en[Str.action_log_craving])
        rule.waitFor(en[Str.screen_log_craving])
        // Nothing chosen yet: the form says what is missing and the core is not asked.
        tap(en[Str.action_save])
        rule.waitFor(en[Str.screen_log_need_level])
        tapLevel(7)
        tap(en[Str.halt_tired])
        tap(en[Str.outcome_rode_it_out])
        rule.onNode(hasSetTextAction() and hasText(en[Str.screen_log_other_trigger])).performScrollTo().performTextInput("Payday")
        tap(en[Str.action_add_trigger])
        tap(en[Str.action_save])

        rule.waitFor(en[Str.screen_today_level, 7])
        rule.waitFor("Payday", substring = true)
        assertEquals(listOf<Route>(Route.Today), app.backStack.value)
        val saved = runBlocking { gateway.today(Language.ENGLISH).getOrThrow() }.recent.single()
        assertEquals(EntryKind.CRAVING, saved.kind)
        assertEquals(7, saved.level?.toInt())
    }

    @Test
    fun aLapseShowsTheCoresMessageAndTheClockChoice() {
        unlockedApp { v ->
            v.savePlan(planTemplate(Language.ENGLISH), null, false, now)
            v.addClock(SobrietyClockDraft("Alcohol", CalendarDate(2026, 9.toUByte(), 14.toUByte())), now)
        }
        tap(en[Str.action_log_lapse])
        rule.waitFor(en[Str.screen_log_lapse_intro])
        tap("Alcohol")
        // A clock is chosen: the participant decides what happens to it before saving.
        tap(en[Str.action_save])
        rule.waitFor(en[Str.screen_log_need_clock_choice])
        tap(en[Str.screen_log_clock_restart])
        tap(en[Str.action_save])
        // The core's own words, then its next steps and the crisis lines, one tap away.
        rule.waitFor("A lapse is not a failure", substring = true)
        rule.waitFor("Your clock starts again tomorrow", substring = true)
        button(en[Str.action_call, "988"]).performScrollTo().performClick()
        rule.waitForIdle()
        assertEquals(listOf("988"), phone.calls)
        tap(en[Str.action_done])
        // Back on Today: the lapse plan after a lapse, and the clock restarted.
        rule.waitFor(en[Str.screen_today_lapse_plan])
        rule.waitFor(en[Str.screen_today_streak, 0])
    }

    @Test
    fun todayShowsEachClocksNextMilestoneAndTheNextMeetingAsTheCoreComputesThem() {
        val (_, gateway) = unlockedApp { v ->
            v.addClock(SobrietyClockDraft("Alcohol", CalendarDate(2026, 9.toUByte(), 14.toUByte())), now)
            val weekly = MeetingSchedule("America/Chicago", CalendarDate(2026, 10.toUByte(), 1.toUByte()), null, 1080u, 90u, MeetingRepeat.Weekly(listOf(Weekday.MONDAY, Weekday.THURSDAY), 1u))
            v.addMeeting(ScreenShots.meetingNow().copy(name = "Thursday group", schedule = weekly))
        }
        val screen = runBlocking { gateway.today(Language.ENGLISH).getOrThrow() }
        val clock = screen.clocks.single()
        val strings = en
        val expected = clock.milestoneToday?.let { strings[Str.screen_today_milestone_today, org.keel.android.ui.milestoneText(strings, it)] }
            ?: strings[Str.screen_today_milestone_next, org.keel.android.ui.milestoneText(strings, clock.nextMilestone), org.keel.android.ui.formatDate(clock.nextMilestone.date, Language.ENGLISH)]
        rule.waitFor(expected)
        val next = screen.nextMeeting!!
        rule.waitFor(en[Str.screen_today_next_meeting, next.occurrence.meetingName, org.keel.android.ui.formatMoment(next.localStart, Language.ENGLISH)])
    }

    @Test
    fun imHereRecordsTheMeetingOnNow() {
        val (_, gateway) = unlockedApp { v -> v.addMeeting(ScreenShots.meetingNow()) }
        rule.waitFor(en[Str.screen_today_meeting_now, "IOP group"])
        tap(en[Str.action_im_here])
        rule.waitFor(en[Str.screen_today_here_recorded])
        assertTrue(runBlocking { gateway.today(Language.ENGLISH).getOrThrow() }.meetingNow!!.checkedIn)
    }

    @Test
    fun anEntryIsEditedThenDeletedAfterAClearConfirmation() {
        val (_, gateway) = unlockedApp { v -> v.addCraving(craving(hoursAgo(2), 6)) }
        rule.waitFor(en[Str.screen_today_level, 6])
        rule.onNode(hasClickAction() and hasText(en[Str.screen_today_level, 6], substring = true)).performScrollTo().performClick()
        rule.waitFor(en[Str.screen_log_edit_craving])
        tapLevel(3)
        tap(en[Str.action_save_changes])
        rule.waitFor(en[Str.screen_today_level, 3])
        assertEquals(1, runBlocking { gateway.today(Language.ENGLISH).getOrThrow() }.recent.size)

        rule.onNode(hasClickAction() and hasText(en[Str.screen_today_level, 3], substring = true)).performScrollTo().performClick()
        rule.waitFor(en[Str.screen_log_edit_craving])
        tap(en[Str.screen_log_delete])
        rule.waitFor(en[Str.screen_log_delete_confirm])
        // "Keep it" keeps it.
        tap(en[Str.screen_log_delete_no])
        rule.waitGone(en[Str.screen_log_delete_confirm])
        tap(en[Str.screen_log_delete])
        tap(en[Str.screen_log_delete_yes])
        rule.waitFor(en[Str.screen_today_no_recent])
        assertTrue(runBlocking { gateway.today(Language.ENGLISH).getOrThrow() }.recent.isEmpty())
    }

    @Test
    fun anEntryDeletedElsewhereIsSaidSoAndNothingIsWritten() {
        val (app, gateway) = unlockedApp { v -> v.addCraving(craving(hoursAgo(2), 6)) }
        rule.waitFor(en[Str.screen_today_level, 6])
        rule.onNode(hasClickAction() and hasText(en[Str.screen_today_level, 6], substring = true)).performScrollTo().performClick()
        rule.waitFor(en[Str.screen_log_edit_craving])
        tapLevel(4)
        val id = (app.backStack.value.last() as Route.Log).id!!
        runBlocking { gateway.deleteCraving(id).getOrThrow() }
        tap(en[Str.action_save_changes])
        rule.waitFor(en[Str.common_not_found])
        assertTrue(runBlocking { gateway.today(Language.ENGLISH).getOrThrow() }.recent.isEmpty())
    }

    @Test
    fun historyPagesWithTheCoresTokenAndOpensAnEntry() {
        val (app, _) = unlockedApp { v -> (1L..35L).forEach { v.addCraving(craving(hoursAgo(it), (it % 11).toInt())) } }
        tap(en[Str.action_history])
        rule.waitFor(en[Str.action_load_more])
        assertEquals(30, app.history.state.value.items.size)
        tap(en[Str.action_load_more])
        rule.waitFor(en[Str.screen_history_end])
        val items = app.history.state.value.items
        assertEquals(35, items.size)
        assertEquals(items.map { it.id }.distinct(), items.map { it.id })
        // A preset from the core narrows the list.
        val lastWeek = app.history.state.value.ranges.first { it.preset == org.keel.core.DateRangePreset.LAST7_DAYS }
        tap(lastWeek.label)
        rule.waitUntil(30_000) { app.history.state.value.selected == lastWeek.preset && !app.history.state.value.busy }
        // Tapping an entry opens its edit.
        val first = app.history.state.value.items.first()
        rule.onAllNodes(hasClickAction() and hasText(first.summary, substring = true)).onFirst().performScrollTo().performClick()
        rule.waitFor(en[Str.screen_log_edit_craving])
        assertEquals(Route.Log(EntryKind.CRAVING, first.id), app.backStack.value.last())
    }

    @Test
    fun thePlanStartsFromTheSpanishTemplateAndAStaleSaveIsAConflict() {
        val (app, gateway) = unlockedApp()
        tap(en[Str.action_plan])
        rule.waitFor(en[Str.screen_plan_none])
        tap(en[Str.screen_plan_template_es])
        rule.waitFor(en[Str.screen_plan_edit_title])
        val spanish = planTemplate(Language.SPANISH)
        tap(en[Str.action_save_plan])
        rule.waitFor(en[Str.screen_plan_saved])
        rule.waitFor(spanish.reasons.first(), substring = true)
        val saved = runBlocking { gateway.currentPlan().getOrThrow() }!!
        assertEquals(spanish.reasons, saved.plan.reasons)
        assertEquals(spanish.lapsePlan.steps, saved.plan.lapsePlan.steps)

        // Edit, while another save lands first: the core refuses the stale one.
        val changeReasons = hasClickAction() and hasContentDescription(en[Str.a11y_edit_section, en[Str.screen_plan_reasons]])
        rule.onNode(changeReasons).performScrollTo().performClick()
        rule.onNode(hasSetTextAction() and hasText(spanish.reasons.first())).performScrollTo().performTextInput("Mi familia. ")
        runBlocking { gateway.savePlan(saved.plan, saved.number, true).getOrThrow() }
        tap(en[Str.action_save_plan])
        rule.waitFor(en[Str.screen_plan_conflict, 2])
        assertEquals(2u, runBlocking { gateway.currentPlan().getOrThrow() }!!.number)
        tap(en[Str.action_reload])
        rule.waitFor(en[Str.screen_plan_revisions])
        assertEquals(null, app.plan.state.value.draft)
        // Revisions: the first one opens to read.
        tap(en[Str.screen_plan_revision_line, 1, ""], substring = true)
        rule.waitFor(en[Str.screen_plan_revision, 1])
    }
}
