package org.keel.android.jvm

import java.time.LocalDate
import java.time.LocalTime
import org.junit.Assert.assertEquals
import org.junit.Assert.assertNull
import org.junit.Test
import org.keel.android.ui.DateStep
import org.keel.android.ui.TimeStep
import org.keel.android.ui.dateInWords
import org.keel.android.ui.steppedDate
import org.keel.android.ui.steppedTime
import org.keel.android.ui.timeInWords
import org.keel.core.Language

/** The meeting editor's date and time steps: calendar days, the clock around midnight, nothing guessed. */
class MeetingWhenTest {
    @Test
    fun datesStepByCalendarDaysAndWeeksAcrossMonthsAndLeapDays() {
        assertEquals("2026-12-01", steppedDate("2026-11-30", DateStep.DAY_LATER))
        assertEquals("2028-02-29", steppedDate("2028-02-22", DateStep.WEEK_LATER))
        assertEquals("2026-12-31", steppedDate("2027-01-07", DateStep.WEEK_EARLIER))
        assertEquals("2026-11-23", steppedDate(" 2026-11-24 ", DateStep.DAY_EARLIER))
    }

    @Test
    fun anEmptyEndDateStepsFromTheStartAndNothingIsGuessedFromUnreadableText() {
        assertEquals("2026-12-08", steppedDate("", DateStep.WEEK_LATER, from = "2026-12-01"))
        assertEquals("2026-12-02", steppedDate("next week", DateStep.DAY_LATER, from = "2026-12-01"))
        assertNull(steppedDate("", DateStep.DAY_LATER, from = ""))
        assertNull(steppedDate("2026-13-01", DateStep.DAY_LATER, from = "soon"))
    }

    @Test
    fun hoursGoRoundTheClockAndQuartersSnapToTheQuarterHourFirst() {
        assertEquals("00:30", steppedTime("23:30", TimeStep.HOUR_LATER))
        assertEquals("23:10", steppedTime("0:10", TimeStep.HOUR_EARLIER))
        assertEquals("18:45", steppedTime("18:30", TimeStep.QUARTER_LATER))
        assertEquals("18:15", steppedTime("18:30", TimeStep.QUARTER_EARLIER))
        assertEquals("18:45", steppedTime("18:32", TimeStep.QUARTER_LATER))
        assertEquals("18:30", steppedTime("18:32", TimeStep.QUARTER_EARLIER))
        assertEquals("00:00", steppedTime("23:50", TimeStep.QUARTER_LATER))
        assertEquals("09:05", steppedTime("8:05", TimeStep.HOUR_LATER))
        assertNull(steppedTime("25:99", TimeStep.HOUR_LATER))
        assertNull(steppedTime("", TimeStep.QUARTER_LATER))
    }

    @Test
    fun theValueIsSaidInWordsInTheParticipantsLanguage() {
        val date = LocalDate.of(2026, 12, 8)
        assertEquals("Tuesday, December 8, 2026", dateInWords(date, Language.ENGLISH))
        assertEquals("martes, 8 de diciembre de 2026", dateInWords(date, Language.SPANISH))
        assertEquals("18:30", timeInWords(LocalTime.of(18, 30), Language.SPANISH))
        // Newer JDKs (and Android) put a narrow no-break space before PM.
        assertEquals("6:30 PM", timeInWords(LocalTime.of(18, 30), Language.ENGLISH).replace('\u202F', ' '))
    }
}
