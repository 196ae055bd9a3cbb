package org.keel.android.jvm

import org.junit.Assert.assertEquals
import org.junit.Assert.assertNull
import org.junit.Assert.assertTrue
import org.junit.Test
import org.keel.android.ui.AlarmWindow
import org.keel.android.ui.ReminderDiff
import org.keel.android.ui.ReminderSchedule
import org.keel.android.ui.ReminderTarget
import org.keel.android.ui.Route
import org.keel.android.ui.ScheduledReminder
import org.keel.core.EntryKind
import org.keel.core.MeasureKind
import org.keel.core.Reminder
import org.keel.core.ReminderKind

/** The platform-free scheduling decisions: targets, diff, windows, request codes, the kept schedule. */
class ReminderScheduleTest {
    private val now = 1_800_000_000_000L
    private fun id(n: Int) = "%032x".format(n)
    private fun r(n: Int, at: Long, body: String = "Time for your check-in.", target: ReminderTarget = ReminderTarget.CHECK_IN) =
        ScheduledReminder(id(n), at, "Reminder", body, target)

    @Test
    fun theCoresRemindersKeepTheirIdsTimesAndWords() {
        val core = listOf(
            Reminder(id(1), now + 1, ReminderKind.CheckIn, "Reminder", "Time for your check-in."),
            Reminder(id(2), now + 2, ReminderKind.GentlePrompt, "Recordatorio", "¿Un momento para ti?"),
            Reminder(id(3), now + 3, ReminderKind.Meeting("m1", now + 900_000), "Reminder", "Something on your calendar in 15 minutes."),
            Reminder(id(4), now + 4, ReminderKind.Measure(MeasureKind.PHQ9), "Reminder", "A short questionnaire is ready for you."),
        )
        val wanted = ReminderSchedule.wanted(core)
        assertEquals(listOf(ReminderTarget.CHECK_IN, ReminderTarget.PROMPT, ReminderTarget.MEETING, ReminderTarget.MEASURE), wanted.map { it.target })
        assertEquals(core.map { it.id }, wanted.map { it.id })
        assertEquals(core.map { it.atUtcMillis }, wanted.map { it.atUtcMillis })
        assertEquals(core.map { it.title to it.body }, wanted.map { it.title to it.body })
    }

    @Test
    fun aTapOpensTheCheckInFormOrToday() {
        assertEquals(Route.Log(EntryKind.CHECK_IN), ReminderTarget.CHECK_IN.route())
        assertEquals(Route.Log(EntryKind.CHECK_IN), ReminderTarget.PROMPT.route())
        assertEquals(Route.Today, ReminderTarget.MEETING.route())
        assertEquals(Route.Measures, ReminderTarget.MEASURE.route())
        ReminderTarget.entries.forEach { assertEquals(it, ReminderTarget.fromCode(it.code)) }
        assertNull(ReminderTarget.fromCode("settings"))
        assertNull(ReminderTarget.fromCode(null))
    }

    @Test
    fun theDiffCancelsWhatWentSchedulesWhatCameAndReplacesWhatMoved() {
        val kept = r(1, now + 60_000)
        val gone = r(2, now + 120_000)
        val moved = r(3, now + 180_000)
        val reworded = r(4, now + 240_000)
        val wanted = listOf(kept, moved.copy(atUtcMillis = now + 200_000), reworded.copy(body = "Algo"), r(5, now + 300_000))
        val diff = ReminderSchedule.diff(wanted, listOf(kept, gone, moved, reworded), now)
        assertEquals(listOf(id(2)), diff.cancel)
        assertEquals(listOf(id(3), id(4), id(5)), diff.schedule.map { it.id })
        assertEquals(now + 200_000, diff.schedule.first().atUtcMillis)
        // Applied, the same answer again is no change at all.
        assertTrue(ReminderSchedule.diff(wanted, wanted, now).isEmpty)
        assertEquals(ReminderDiff(emptyList(), emptyList()), ReminderSchedule.diff(emptyList(), emptyList(), now))
    }

    @Test
    fun remindersAlreadyPastAreLeftAlone() {
        val past = r(1, now - 1)
        val atNow = r(2, now)
        val diff = ReminderSchedule.diff(listOf(past, atNow), listOf(r(3, now - 5)), now)
        assertTrue(diff.isEmpty)
        assertEquals(listOf(id(4)), ReminderSchedule.stillDue(listOf(r(4, now + 1), past, atNow), now).map { it.id })
    }

    @Test
    fun aTargetChangeUnderTheSameIdIsScheduledAgain() {
        val before = r(1, now + 60_000, target = ReminderTarget.CHECK_IN)
        val diff = ReminderSchedule.diff(listOf(before.copy(target = ReminderTarget.PROMPT)), listOf(before), now)
        assertEquals(emptyList<String>(), diff.cancel)
        assertEquals(ReminderTarget.PROMPT, diff.schedule.single().target)
    }

    @Test
    fun theWindowIsCentredOnTheReminderAndNeverStartsBeforeNow() {
        val half = ReminderSchedule.WINDOW_MILLIS / 2
        assertEquals(AlarmWindow(now + 3_600_000 - half, ReminderSchedule.WINDOW_MILLIS), ReminderSchedule.window(r(1, now + 3_600_000), now))
        assertEquals(AlarmWindow(now, ReminderSchedule.WINDOW_MILLIS), ReminderSchedule.window(r(1, now + 60_000), now))
        assertEquals(10 * 60_000L, ReminderSchedule.WINDOW_MILLIS)
    }

    @Test
    fun theRequestCodeIsTheIdsFirst32Bits() {
        assertEquals(0x7fffffff, ReminderSchedule.requestCode("7fffffff" + "0".repeat(24)))
        assertEquals(-1, ReminderSchedule.requestCode("ffffffff" + "0".repeat(24)))
        assertEquals(1, ReminderSchedule.requestCode(id(1).takeLast(8) + "0".repeat(24)))
        assertEquals(ReminderSchedule.requestCode(id(9)), ReminderSchedule.requestCode(id(9)))
        for (bad in listOf("", "1234", "XYZ45678" + "0".repeat(24), "ABCDEF12" + "0".repeat(24))) {
            try {
                ReminderSchedule.requestCode(bad)
                throw AssertionError("accepted $bad")
            } catch (_: IllegalArgumentException) {
            }
        }
    }

    @Test
    fun theKeptScheduleReadsBackWordForWord() {
        val tricky = listOf(
            r(1, now + 1, "Es hora de tu registro diario.", ReminderTarget.CHECK_IN),
            r(2, Long.MAX_VALUE, "tab\there\nnewline «ñ» 🌿", ReminderTarget.MEETING),
            r(3, -5, "", ReminderTarget.MEASURE),
        )
        assertEquals(tricky, ReminderSchedule.decode(ReminderSchedule.encode(tricky)))
        assertEquals(emptyList<ScheduledReminder>(), ReminderSchedule.decode(ReminderSchedule.encode(emptyList())))
    }

    @Test
    fun aDamagedLineIsDroppedAndTheRestKept() {
        val good = r(1, now + 1)
        val text = listOf(
            "garbage",
            "r0\t${id(2)}\t5\tcheck-in\tUg==\tUg==",
            "r1\t${id(3)}\tnot-a-number\tcheck-in\tUg==\tUg==",
            "r1\t${id(4)}\t5\tunknown-target\tUg==\tUg==",
            "r1\tshort\t5\tcheck-in\tUg==\tUg==",
            "r1\t${id(5)}\t5\tcheck-in\t!!!\tUg==",
            ReminderSchedule.encode(listOf(good)),
        ).joinToString("\n")
        assertEquals(listOf(good), ReminderSchedule.decode(text))
    }

    @Test
    fun aReminderPrintsNoWords() {
        assertEquals("ScheduledReminder(${id(1)})", r(1, now, "Time for your check-in.").toString())
    }
}
