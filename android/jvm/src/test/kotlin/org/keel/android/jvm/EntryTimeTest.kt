package org.keel.android.jvm

import java.time.LocalDateTime
import org.junit.Assert.assertEquals
import org.junit.Test
import org.keel.android.ui.WhenChange
import org.keel.android.ui.changedWhen
import org.keel.android.ui.local
import org.keel.android.ui.momentAt
import org.keel.core.Moment

/** The log forms' time picker: local steps in the participant's own calendar. */
class EntryTimeTest {
    private val chicago = "America/Chicago"

    /** [local] in Chicago's offset on that date (-300 in summer time, -360 in winter). */
    private fun at(local: LocalDateTime, offsetMinutes: Int) =
        Moment(local.toInstant(java.time.ZoneOffset.ofTotalSeconds(offsetMinutes * 60)).toEpochMilli(), offsetMinutes)

    private val nov24 = at(LocalDateTime.of(2026, 11, 24, 9, 32), -360)

    @Test
    fun daysAndHoursStepTheLocalClock() {
        assertEquals(LocalDateTime.of(2026, 11, 23, 9, 32), changedWhen(nov24, WhenChange.DAY_EARLIER, nov24, chicago).local())
        assertEquals(LocalDateTime.of(2026, 11, 24, 8, 32), changedWhen(nov24, WhenChange.HOUR_EARLIER, nov24, chicago).local())
        val midnight = at(LocalDateTime.of(2026, 11, 24, 0, 10), -360)
        assertEquals(LocalDateTime.of(2026, 11, 23, 23, 10), changedWhen(midnight, WhenChange.HOUR_EARLIER, nov24, chicago).local())
    }

    @Test
    fun minutesSnapToTheFiveMinuteGrid() {
        assertEquals(LocalDateTime.of(2026, 11, 24, 9, 30), changedWhen(nov24, WhenChange.MINUTES_EARLIER, nov24, chicago).local())
        assertEquals(LocalDateTime.of(2026, 11, 24, 9, 35), changedWhen(nov24, WhenChange.MINUTES_LATER, nov24, chicago).local())
        val onGrid = at(LocalDateTime.of(2026, 11, 24, 9, 30), -360)
        assertEquals(LocalDateTime.of(2026, 11, 24, 9, 25), changedWhen(onGrid, WhenChange.MINUTES_EARLIER, nov24, chicago).local())
    }

    @Test
    fun todayAndYesterdayKeepTheTimeOfDay() {
        val earlier = at(LocalDateTime.of(2026, 11, 20, 18, 45), -360)
        assertEquals(LocalDateTime.of(2026, 11, 24, 18, 45), changedWhen(earlier, WhenChange.TODAY, nov24, chicago).local())
        assertEquals(LocalDateTime.of(2026, 11, 23, 18, 45), changedWhen(earlier, WhenChange.YESTERDAY, nov24, chicago).local())
    }

    @Test
    fun aStepAcrossTheDaylightSavingChangeKeepsTheClockTimeAndTakesThatDaysOffset() {
        // Summer time ended in Chicago on 1 November 2026.
        val nov2 = at(LocalDateTime.of(2026, 11, 2, 9, 0), -360)
        val oct31 = changedWhen(changedWhen(nov2, WhenChange.DAY_EARLIER, nov24, chicago), WhenChange.DAY_EARLIER, nov24, chicago)
        assertEquals(LocalDateTime.of(2026, 10, 31, 9, 0), oct31.local())
        assertEquals(-300, oct31.offsetMinutes)
    }

    @Test
    fun anEntryLoggedElsewhereKeepsItsOwnOffset() {
        val madrid = at(LocalDateTime.of(2026, 11, 20, 21, 0), 60)
        val moved = changedWhen(madrid, WhenChange.HOUR_EARLIER, nov24, chicago)
        assertEquals(LocalDateTime.of(2026, 11, 20, 20, 0), moved.local())
        assertEquals(60, moved.offsetMinutes)
        assertEquals(LocalDateTime.of(2026, 11, 19, 7, 15), momentAt(madrid, LocalDateTime.of(2026, 11, 19, 7, 15), chicago).local())
    }

    @Test
    fun anUnknownZoneFallsBackToTheEntrysOwnOffset() {
        val moved = changedWhen(nov24, WhenChange.DAY_EARLIER, nov24, "Not/AZone")
        assertEquals(LocalDateTime.of(2026, 11, 23, 9, 32), moved.local())
        assertEquals(-360, moved.offsetMinutes)
    }
}
