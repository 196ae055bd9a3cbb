package org.keel.android.ui

import java.time.DayOfWeek
import java.time.Instant
import java.time.LocalDate
import java.time.LocalTime
import java.time.ZoneOffset
import java.time.format.DateTimeFormatter
import java.time.format.FormatStyle
import java.time.format.TextStyle
import java.time.temporal.ChronoUnit
import java.util.Locale
import org.keel.core.CalendarDate
import org.keel.core.CravingDay
import org.keel.core.HeatCell
import org.keel.core.Language
import org.keel.core.MeasureDirection
import org.keel.core.MeasureScoreTrend
import org.keel.core.Moment
import org.keel.core.MoodDay
import org.keel.core.SobrietyStreak
import org.keel.core.SobrietyStreakHistory

/**
 * The words of the Insights screen in [s]'s language: values the core
 * computed, formatted, and each chart's text alternative (its data read out,
 * what a screen reader says instead of the picture). Formatting only.
 */
class InsightsWords(private val s: Strings) {
    private val locale: Locale = when (s.language) {
        Language.ENGLISH -> Locale.US
        Language.SPANISH -> Locale.forLanguageTag("es")
    }

    private fun CalendarDate.local(): LocalDate = LocalDate.of(year, month.toInt(), day.toInt())

    /** A day as "Nov 24" / "24 nov" (the language's pattern). */
    fun shortDate(date: CalendarDate): String =
        date.local().format(DateTimeFormatter.ofPattern(s[Str.screen_insights_date_pattern], locale))

    /** A day with its year, in the language's medium style. */
    fun longDate(date: CalendarDate): String =
        date.local().format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale))

    /** A moment's local day as [shortDate] does. */
    fun shortDate(moment: Moment): String {
        val d = Instant.ofEpochMilli(moment.utcMillis).atOffset(ZoneOffset.ofTotalSeconds(moment.offsetMinutes * 60)).toLocalDate()
        return shortDate(CalendarDate(d.year, d.monthValue.toUByte(), d.dayOfMonth.toUByte()))
    }

    /** One decimal, with the language's decimal mark. */
    fun decimal(value: Double): String = String.format(locale, "%.1f", value)

    /** The core's weekday (0 = Monday) named in full or short. */
    fun weekday(weekday: Int, short: Boolean = false): String =
        DayOfWeek.of(weekday + 1).getDisplayName(if (short) TextStyle.SHORT else TextStyle.FULL, locale)

    /** An hour of the day (0–23) short, for an axis: "6AM" / "6 h". */
    fun shortHour(hour: Int): String =
        LocalTime.of(hour, 0).format(DateTimeFormatter.ofPattern(s[Str.screen_insights_hour_pattern], locale))

    /** An hour of the day (0–23) as the language writes a time. */
    fun hour(hour: Int): String =
        LocalTime.of(hour, 0).format(DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale))

    /** Where [date] falls in [first]..[last], 0..1 (the middle for a one-day span). */
    fun dayShare(date: CalendarDate, first: CalendarDate, last: CalendarDate): Float {
        val span = ChronoUnit.DAYS.between(first.local(), last.local())
        if (span <= 0) return 0.5f
        return ChronoUnit.DAYS.between(first.local(), date.local()).toFloat() / span
    }

    private fun List<String>.listed(): String = joinToString("; ")

    /** The daily bar chart read out: each day with cravings, its count and mean intensity. */
    fun cravingDaysAlt(days: List<CravingDay>, first: CalendarDate, last: CalendarDate): String {
        val items = days.filter { it.cravings > 0u }.map { d ->
            s[Str.screen_insights_day_item, shortDate(d.date), d.cravings.toLong(), d.meanIntensity?.let(::decimal) ?: "–"]
        }
        return s[Str.screen_insights_days_alt, longDate(first), longDate(last), items.listed()]
    }

    /** The heat map read out: per weekday, the hours with cravings and how many. */
    fun heatMapAlt(cells: List<HeatCell>): String {
        val days = cells.filter { it.cravings > 0u }.groupBy { it.weekday.toInt() }.toSortedMap().map { (day, hours) ->
            val list = hours.sortedBy { it.hour }.joinToString(", ") { s[Str.screen_insights_heat_hour, hour(it.hour.toInt()), it.cravings.toLong()] }
            s[Str.screen_insights_heat_day, weekday(day), list]
        }
        return s[Str.screen_insights_heat_alt, days.listed()]
    }

    /** One check-in series ([value] of each day, null where not given) read out. */
    fun moodAlt(title: String, mood: List<MoodDay>, value: (MoodDay) -> Double?): String {
        val items = mood.mapNotNull { d -> value(d)?.let { s[Str.screen_insights_series_item, shortDate(d.date), decimal(it)] } }
        return s[Str.screen_insights_series_alt, title, items.listed()]
    }

    /** One streak in words: its first and last day (or "going on"), its days, and lapses that did not reset it. */
    fun streak(streak: SobrietyStreak): String {
        val last = streak.lastDay
        val span = if (last == null) {
            s[Str.screen_insights_history_going, longDate(streak.firstDay), streak.days.toLong()]
        } else {
            s[Str.screen_insights_history_ended, longDate(streak.firstDay), longDate(last), streak.days.toLong()]
        }
        return if (streak.lapsesWithin > 0u) s[Str.screen_insights_history_kept, span, streak.lapsesWithin.toLong()] else span
    }

    /** A clock's streak history chart read out: each streak as [streak] says it, and how many earlier ones are left out. */
    fun streakHistoryAlt(label: String, history: SobrietyStreakHistory): String {
        val items = s[Str.screen_insights_history_alt, label, history.streaks.map(::streak).listed()]
        return if (history.olderStreaks > 0u) "$items ${s[Str.screen_insights_history_older, history.olderStreaks.toLong()]}" else items
    }

    /** A measure's score over time read out: each response's value and band. */
    fun scoreAlt(trend: MeasureScoreTrend): String {
        val items = trend.points.map { p ->
            val key = if (p.needsAttention) Str.screen_insights_point_attention else Str.screen_insights_point
            s[key, shortDate(p.at), p.value.toLong(), p.bandLabel]
        }
        return s[Str.screen_insights_series_alt, s[Str.screen_insights_score_title, trend.name, trend.max.toLong()], items.listed()]
    }

    /** The core's latest change of a score, with its sign and which way it points. */
    fun scoreChange(trend: MeasureScoreTrend): String? {
        val change = trend.change ?: return null
        val direction = trend.direction ?: return null
        val signed = if (change > 0) "+$change" else change.toString()
        val key = when (direction) {
            MeasureDirection.BETTER -> Str.screen_insights_change_better
            MeasureDirection.WORSE -> Str.screen_insights_change_worse
            MeasureDirection.SAME -> Str.screen_insights_change_same
        }
        return s[key, signed]
    }
}
