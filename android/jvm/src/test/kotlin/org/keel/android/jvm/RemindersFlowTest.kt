package org.keel.android.jvm

import androidx.compose.ui.test.hasClickAction
import androidx.compose.ui.test.hasContentDescription
import androidx.compose.ui.test.hasSetTextAction
import androidx.compose.ui.test.hasText
import androidx.compose.ui.test.junit4.ComposeContentTestRule
import androidx.compose.ui.test.junit4.createComposeRule
import androidx.compose.ui.test.performClick
import androidx.compose.ui.test.performScrollTo
import androidx.compose.ui.test.performTextInput
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.SupervisorJob
import kotlinx.coroutines.runBlocking
import org.junit.Assert.assertEquals
import org.junit.Assert.assertTrue
import org.junit.Rule
import org.junit.Test
import org.junit.rules.TemporaryFolder
import org.keel.android.core.RustVaultGateway
import org.keel.android.ui.AppModel
import org.keel.android.ui.KeelApp
import org.keel.android.ui.ReminderSchedule
import org.keel.android.ui.ReminderTarget
import org.keel.android.ui.Route
import org.keel.android.ui.Str
import org.keel.core.EntryKind
import org.keel.core.Language
import org.keel.core.MeetingSettings
import org.keel.core.Vault

/** The Reminders screen and the reminders' glue in the app, on a real vault in a temp folder. */
class RemindersFlowTest {
    @get:Rule val rule = createComposeRule()
    @get:Rule val tmp = TemporaryFolder()

    private val en = Fixtures.strings.strings(Language.ENGLISH)
    private val phone = RecordingPhone()

    private fun launch(gateway: RustVaultGateway, alarms: RecordingReminderAlarms): AppModel {
        val app = AppModel(gateway, MemorySettings(), CoroutineScope(SupervisorJob() + Dispatchers.Default), reminderAlarms = alarms)
        rule.setContent { KeelApp(app, Fixtures.strings, phone, dark = false) }
        app.start()
        return app
    }

    /** A vault prepared with the raw API; the app shows Unlock. */
    private fun lockedApp(alarms: RecordingReminderAlarms, setup: (Vault) -> Unit = {}): Pair<AppModel, RustVaultGateway> {
        Vault.create(tmp.root.path, Fixtures.PASSPHRASE).use(setup)
        val gateway = Fixtures.gateway(tmp.root)
        val app = launch(gateway, alarms)
        rule.waitFor(en[Str.screen_unlock_title])
        return app to gateway
    }

    private fun unlock() {
        rule.onNode(hasSetTextAction() and hasText(en[Str.screen_unlock_passphrase])).performTextInput(Fixtures.PASSPHRASE)
        tap(en[Str.screen_unlock_action])
    }

    private fun ComposeContentTestRule.waitFor(text: String, substring: Boolean = false) =
        waitUntil(timeoutMillis = 30_000) { onAllNodes(hasText(text, substring = substring)).fetchSemanticsNodes().isNotEmpty() }

    private fun waitUntil(what: () -> Boolean) = rule.waitUntil(timeoutMillis = 30_000, condition = what)

    private fun tap(text: String) {
        waitUntil { rule.onAllNodes(hasClickAction() and hasText(text)).fetchSemanticsNodes().isNotEmpty() }
        rule.onNode(hasClickAction() and hasText(text)).performScrollTo().performClick()
    }

    private fun settings(gateway: RustVaultGateway): MeetingSettings = runBlocking { gateway.withVault { v, _ -> v.meetingSettings() }.getOrThrow() }

    private fun coreIds(gateway: RustVaultGateway): Set<String> = runBlocking {
        gateway.withVault { v, now -> v.upcomingReminders(now, ReminderSchedule.HORIZON_HOURS, ReminderSchedule.MAX_ALARMS, Language.ENGLISH) }.getOrThrow()
    }.map { it.id }.toSet()

    @Test
    fun turningOnTheCheckInAsksForNotificationsThenSchedulesItAndMovesIt() {
        val alarms = RecordingReminderAlarms(allowed = false, allow = true)
        val (app, gateway) = lockedApp(alarms)
        unlock()
        rule.waitFor(en[Str.screen_today_recent])
        assertEquals(0, alarms.asked)
        tap(en[Str.action_reminders])
        rule.waitFor(en[Str.screen_reminders_intro])
        rule.waitFor(en[Str.screen_reminders_coming_none])

        tap(en[Str.screen_reminders_check_in])
        // Asked in context, once, when a reminder was turned on.
        rule.waitFor(en[Str.screen_reminders_check_in_at, "8:00 PM"])
        assertEquals(1, alarms.asked)
        assertEquals(1200, settings(gateway).checkInMinute?.toInt())
        waitUntil { alarms.armed.size == 14 }
        assertEquals(coreIds(gateway), alarms.armed.keys)
        // The next ones, in the core's own words.
        rule.waitFor("Time for your check-in.")

        tap(en[Str.screen_reminders_later])
        rule.waitFor(en[Str.screen_reminders_check_in_at, "8:15 PM"])
        waitUntil { alarms.armed.values.all { (r, _) -> java.time.Instant.ofEpochMilli(r.atUtcMillis).atZone(Fixtures.clock.zone).let { it.hour == 20 && it.minute == 15 } } }
        tap(en[Str.screen_reminders_earlier])
        tap(en[Str.screen_reminders_earlier])
        rule.waitFor(en[Str.screen_reminders_check_in_at, "7:45 PM"])
        assertEquals(1185, settings(gateway).checkInMinute?.toInt())

        tap(en[Str.screen_reminders_prompts])
        waitUntil { settings(gateway).gentlePrompts }
        assertEquals(1, alarms.asked)

        tap(en[Str.screen_reminders_check_in])
        waitUntil { settings(gateway).checkInMinute == null }
        waitUntil { alarms.armed.isEmpty() }
        assertEquals(listOf(Route.Today, Route.Reminders), app.backStack.value)
    }

    @Test
    fun aRefusedPermissionKeepsTheChoiceAndPointsToTheSettings() {
        val alarms = RecordingReminderAlarms(allowed = false, allow = false)
        val (app, gateway) = lockedApp(alarms)
        unlock()
        rule.waitFor(en[Str.screen_today_recent])
        app.navigate(Route.Reminders)
        tap(en[Str.screen_reminders_prompts])
        rule.waitFor(en[Str.screen_reminders_refused])
        rule.waitFor(en[Str.screen_reminders_notifications_off])
        assertTrue(settings(gateway).gentlePrompts)
        tap(en[Str.screen_reminders_open_settings])
        waitUntil { alarms.settingsOpened == 1 }
    }

    @Test
    fun notificationsOffWithAReminderOnOffersToAllowThem() {
        val alarms = RecordingReminderAlarms(allowed = false, allow = true)
        val (app, _) = lockedApp(alarms) { v -> v.saveMeetingSettings(v.meetingSettings().copy(checkInMinute = 1200u)) }
        unlock()
        rule.waitFor(en[Str.screen_today_recent])
        app.navigate(Route.Reminders)
        rule.waitFor(en[Str.screen_reminders_notifications_off])
        tap(en[Str.screen_reminders_allow])
        waitUntil { alarms.asked == 1 && rule.onAllNodes(hasText(en[Str.screen_reminders_notifications_off])).fetchSemanticsNodes().isEmpty() }
    }

    @Test
    fun aReminderTappedWhileLockedOpensTheCheckInAfterUnlockAndTheCheckInCancelsTodaysReminder() {
        val alarms = RecordingReminderAlarms(allowed = true)
        val (app, gateway) = lockedApp(alarms) { v -> v.saveMeetingSettings(v.meetingSettings().copy(checkInMinute = 1200u)) }
        app.openReminder(ReminderTarget.CHECK_IN)
        rule.waitForIdle()
        // The lock stays first.
        assertEquals(listOf<Route>(Route.Unlock), app.backStack.value)
        assertTrue(alarms.armed.isEmpty())
        unlock()
        waitUntil { app.backStack.value == listOf(Route.Today, Route.Log(EntryKind.CHECK_IN)) }
        rule.waitFor(en[Str.mood_okay])
        // Unlocking scheduled the core's reminders.
        waitUntil { alarms.armed.size == 14 }
        val today = alarms.armed.values.minBy { it.first.atUtcMillis }.first.id

        tap(en[Str.mood_okay])
        val level = hasClickAction() and hasContentDescription(en[Str.a11y_level, 3])
        waitUntil { rule.onAllNodes(level).fetchSemanticsNodes().isNotEmpty() }
        rule.onNode(level).performScrollTo().performClick()
        tap(en[Str.action_save])
        rule.waitFor(en[Str.screen_today_checked_in])
        // The vault changed: today's check-in reminder is cancelled, the rest stay.
        waitUntil { today !in alarms.armed }
        assertEquals(13, alarms.armed.size)
        assertEquals(coreIds(gateway), alarms.armed.keys)

        // Unlocked, a tap opens its screen at once; a meeting's opens Today.
        app.openReminder(ReminderTarget.PROMPT)
        waitUntil { app.backStack.value == listOf(Route.Today, Route.Log(EntryKind.CHECK_IN)) }
        app.openReminder(ReminderTarget.MEETING)
        waitUntil { app.backStack.value == listOf<Route>(Route.Today) }
    }
}
