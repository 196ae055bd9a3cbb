package org.keel.android.jvm

import kotlinx.coroutines.runBlocking
import org.junit.Assert.assertEquals
import org.junit.Assert.assertTrue
import org.junit.Rule
import org.junit.Test
import org.junit.rules.TemporaryFolder
import org.keel.android.core.CoreError
import org.keel.android.core.ReminderCalls
import org.keel.android.core.RustVaultGateway
import org.keel.android.ui.ReminderSchedule
import org.keel.android.ui.ReminderScheduler
import org.keel.android.ui.ReminderTarget
import org.keel.core.CheckInDraft
import org.keel.core.Halt
import org.keel.core.Language
import org.keel.core.Mood
import org.keel.core.Reminder

/** The scheduler against a real vault: the alarms end up equal to the core's reminders, whatever changes. */
class ReminderSchedulerTest {
    @get:Rule val tmp = TemporaryFolder()

    private var language = Language.ENGLISH
    private val alarms = RecordingReminderAlarms(allowed = true)

    private fun unlocked(): RustVaultGateway = Fixtures.gateway(tmp.root).also { runBlocking { it.create(Fixtures.PASSPHRASE).getOrThrow() } }

    private fun RustVaultGateway.setCheckIn(minute: UShort?, prompts: Boolean = false) = runBlocking {
        withVault { v, _ -> v.saveMeetingSettings(v.meetingSettings().copy(checkInMinute = minute, gentlePrompts = prompts)) }.getOrThrow()
    }

    private fun RustVaultGateway.core(): List<Reminder> = runBlocking {
        withVault { v, now -> v.upcomingReminders(now, ReminderSchedule.HORIZON_HOURS, ReminderSchedule.MAX_ALARMS, language) }.getOrThrow()
    }

    @Test
    fun theAlarmsFollowTheCoresRemindersThroughEveryChange() = runBlocking {
        val gateway = unlocked()
        val scheduler = ReminderScheduler(ReminderCalls(gateway), alarms) { language }
        assertTrue("nothing chosen yet", scheduler.refresh().getOrThrow().isEmpty)
        assertTrue(alarms.armed.isEmpty())

        // The check-in at 20:00: one alarm a day for two weeks, each as the core said it.
        gateway.setCheckIn(1200u)
        val first = scheduler.refresh().getOrThrow()
        val core = gateway.core()
        assertEquals(14, core.size)
        assertEquals(core.map { it.id }, first.schedule.map { it.id })
        assertEquals(core.map { it.id }.toSet(), alarms.armed.keys)
        for (r in core) {
            val (scheduled, window) = alarms.armed.getValue(r.id)
            assertEquals(ReminderTarget.CHECK_IN, scheduled.target)
            assertEquals("Time for your check-in.", scheduled.body)
            assertEquals(ReminderSchedule.window(scheduled, Fixtures.clock.millis()), window)
            assertTrue(window.startUtcMillis <= r.atUtcMillis && r.atUtcMillis < window.startUtcMillis + window.lengthMillis)
        }
        assertEquals(ReminderSchedule.wanted(core), alarms.kept)
        // Nothing changed, nothing to do, and the kept schedule is not written again.
        val writes = alarms.writes
        assertTrue(scheduler.refresh().getOrThrow().isEmpty)
        assertEquals(writes, alarms.writes)

        // Another language: the same ids, replaced with the core's Spanish words.
        language = Language.SPANISH
        val spanish = scheduler.refresh().getOrThrow()
        assertEquals(emptyList<String>(), spanish.cancel)
        assertEquals(core.map { it.id }, spanish.schedule.map { it.id })
        assertTrue(alarms.armed.values.all { it.first.body == "Es hora de tu registro diario." })
        language = Language.ENGLISH
        scheduler.refresh().getOrThrow()

        // Checked in today: today's reminder goes, the others stay.
        gateway.addCheckIn(CheckInDraft(gateway.moment(), Mood.OKAY, 3.toUByte(), null, "", false, Halt(false, false, false, false), "")).getOrThrow()
        val afterCheckIn = scheduler.refresh().getOrThrow()
        assertEquals(listOf(core.first().id), afterCheckIn.cancel)
        assertEquals(13, alarms.armed.size)

        // A quarter of an hour later: the same ids (an id names the day), each alarm replaced at the new time.
        val at2000 = alarms.armed.mapValues { it.value.first.atUtcMillis }
        gateway.setCheckIn(1215u)
        val later = scheduler.refresh().getOrThrow()
        assertEquals(emptyList<String>(), later.cancel)
        assertEquals(at2000.keys, later.schedule.map { it.id }.toSet())
        assertEquals(at2000.mapValues { it.value + 15 * 60_000L }, alarms.armed.mapValues { it.value.first.atUtcMillis })

        // Turned off: every alarm cancelled, nothing kept.
        gateway.setCheckIn(null)
        val off = scheduler.refresh().getOrThrow()
        assertEquals(13, off.cancel.size)
        assertTrue(alarms.armed.isEmpty())
        assertEquals(emptyList<Any>(), alarms.kept)
    }

    @Test
    fun lockedNothingChangesAndAfterARebootTheKeptScheduleIsArmedAgain() = runBlocking {
        val gateway = unlocked()
        val scheduler = ReminderScheduler(ReminderCalls(gateway), alarms) { language }
        gateway.setCheckIn(1200u)
        scheduler.refresh().getOrThrow()
        val before = alarms.armed.toMap()
        gateway.lock()
        assertEquals(CoreError.Locked, CoreError.from(scheduler.refresh().exceptionOrNull()!!))
        assertEquals(before, alarms.armed)

        // A reboot clears the alarms; the kept schedule arms them again without the vault.
        alarms.reboot()
        assertEquals(14, scheduler.rearm(Fixtures.clock.millis()))
        assertEquals(before, alarms.armed)
        // Three days later only the reminders still to come are armed and kept.
        alarms.reboot()
        val later = Fixtures.clock.millis() + 3 * 86_400_000L
        assertEquals(11, scheduler.rearm(later))
        assertTrue(alarms.armed.values.all { it.first.atUtcMillis > later && it.second.startUtcMillis >= later })
        assertEquals(11, alarms.kept.size)

        scheduler.clear()
        assertTrue(alarms.armed.isEmpty())
        assertEquals(emptyList<Any>(), alarms.kept)
    }
}
