package org.keel.android.ui

import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.semantics.heading
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.Modifier
import androidx.compose.ui.unit.dp
import org.keel.android.core.InsightsData
import org.keel.core.DateRange
import org.keel.core.Insights
import org.keel.core.MeasureHistory
import org.keel.core.MoodDay
import org.keel.core.SobrietyClockStatus
import org.keel.core.SobrietyStreakHistory

/**
 * Insights: the core's chart-ready records over the chosen range, drawn as
 * they came — cravings by day and week, the weekday × hour heat map, top
 * triggers, what works, mood and sleep, meeting hours, streaks (with each
 * clock's streak history) and the questionnaires' scores over time. Every chart has a text alternative.
 */
@Composable
fun InsightsPage(state: InsightsUiState, onEvent: (InsightsEvent) -> Unit, onBack: () -> Unit, onSos: () -> Unit) {
    val s = LocalStrings.current
    val w = InsightsWords(s)
    Page(title = s[Str.screen_insights_title], onBack = onBack, onSos = onSos) {
        val data = state.data
        if (data != null) {
            SectionTitle(s[Str.screen_insights_range])
            ChoiceRow {
                data.ranges.forEach { r ->
                    Choice(r.label, state.selected == r.preset, { onEvent(InsightsEvent.SelectRange(r.preset)) }, enabled = !state.busy)
                }
            }
            SectionTitle(s[Str.screen_insights_topic])
            ChoiceRow {
                InsightsSection.entries.forEach { section ->
                    Choice(s[sectionName(section)], state.section == section, { onEvent(InsightsEvent.SelectSection(section)) })
                }
            }
        }
        state.error?.let { ErrorText(it) }
        if ((data == null && state.error == null) || state.busy) Body(s[Str.common_working])
        if (data == null) return@Page
        Body(s[Str.screen_insights_period, w.longDate(data.range.firstDay), w.longDate(data.range.lastDay)])
        val i = data.insights
        if (i.damagedIds.isNotEmpty()) Body(s[Str.screen_insights_damaged, i.damagedIds.size])
        when (state.section) {
            InsightsSection.CRAVINGS -> Cravings(i, data.range, w)
            InsightsSection.TRIGGERS -> Triggers(i)
            InsightsSection.WHAT_WORKS -> WhatWorks(i, w)
            InsightsSection.MOOD -> MoodAndSleep(i.mood, data.range, w)
            InsightsSection.MEETINGS -> Meetings(i, w)
            InsightsSection.STREAKS -> Streaks(i.clocks, i.streakHistory, w)
            InsightsSection.MEASURES -> Measures(data, w)
        }
    }
}

private fun sectionName(section: InsightsSection): Str = when (section) {
    InsightsSection.CRAVINGS -> Str.screen_insights_section_cravings
    InsightsSection.TRIGGERS -> Str.screen_insights_section_triggers
    InsightsSection.WHAT_WORKS -> Str.screen_insights_section_works
    InsightsSection.MOOD -> Str.screen_insights_section_mood
    InsightsSection.MEETINGS -> Str.screen_insights_section_meetings
    InsightsSection.STREAKS -> Str.screen_insights_section_streaks
    InsightsSection.MEASURES -> Str.screen_insights_section_measures
}

/** A part of a section: smaller than its title, still a heading to jump to. */
@Composable
private fun SubTitle(text: String) {
    Text(text, style = MaterialTheme.typography.titleMedium, modifier = Modifier.semantics { heading() })
}

@Composable
private fun Cravings(i: Insights, range: DateRange, w: InsightsWords) {
    val s = LocalStrings.current
    SectionTitle(s[Str.screen_insights_days_title])
    val total = i.days.sumOf { it.cravings.toLong() }
    if (total == 0L) {
        Body(s[Str.screen_insights_no_cravings])
        return
    }
    val most = i.days.maxOf { it.cravings }
    Body(s[Str.screen_insights_days_total, total, most.toLong()])
    ChartFrame(w.cravingDaysAlt(i.days, range.firstDay, range.lastDay)) {
        BarChart(i.days.map { it.cravings.toFloat() })
        AxisEnds(w.shortDate(range.firstDay), w.shortDate(range.lastDay))
    }

    SectionTitle(s[Str.screen_insights_weeks_title])
    val top = i.weeks.maxOf { it.cravings }.coerceAtLeast(1u)
    i.weeks.forEach { week ->
        val value = week.meanIntensity?.let { s[Str.screen_insights_week_value, week.cravings.toLong(), w.decimal(it)] }
            ?: s[Str.screen_insights_week_none]
        BarRow(s[Str.screen_insights_week_of, w.shortDate(week.weekStart)], value, week.cravings.toFloat() / top.toFloat())
    }

    SectionTitle(s[Str.screen_insights_heat_title])
    val most1h = i.heatMap.maxOf { it.cravings }
    Body(s[Str.screen_insights_heat_intro, most1h.toLong()])
    ChartFrame(w.heatMapAlt(i.heatMap)) {
        // The core's 168 cells, Monday 00:00 first: one row per weekday.
        val rows = (0 until 7).map { day ->
            w.weekday(day, short = true) to i.heatMap.filter { it.weekday.toInt() == day }.sortedBy { it.hour }.map { it.cravings.toInt() }
        }
        HeatMap(rows, most1h.toInt(), listOf(0, 6, 12, 18).map { w.shortHour(it) })
    }
}

@Composable
private fun Triggers(i: Insights) {
    val s = LocalStrings.current
    SectionTitle(s[Str.screen_insights_triggers_title])
    if (i.topTriggers.isEmpty()) {
        Body(s[Str.screen_insights_no_triggers])
        return
    }
    val top = i.topTriggers.maxOf { it.count }.coerceAtLeast(1u)
    i.topTriggers.forEach { t -> BarRow(t.name, s[Str.screen_insights_count, t.count.toLong()], t.count.toFloat() / top.toFloat()) }
}

@Composable
private fun WhatWorks(i: Insights, w: InsightsWords) {
    val s = LocalStrings.current
    SectionTitle(s[Str.screen_insights_works_title])
    SubTitle(s[Str.screen_insights_coping_title])
    if (i.coping.isEmpty()) {
        Body(s[Str.screen_insights_no_coping])
    } else {
        Body(s[Str.screen_insights_coping_intro])
        i.coping.forEach { c ->
            val worked = s[Str.screen_insights_coping_value, c.worked.toLong(), c.used.toLong()]
            val value = c.meanDrop?.let { s[Str.screen_insights_coping_drop, worked, w.decimal(it)] } ?: worked
            BarRow(c.text, value, c.worked.toFloat() / c.used.coerceAtLeast(1u).toFloat())
        }
    }
    SubTitle(s[Str.screen_insights_exercises_title])
    if (i.exercises.isEmpty()) {
        Body(s[Str.screen_insights_no_exercises])
        return
    }
    Body(s[Str.screen_insights_exercises_intro])
    i.exercises.forEach { e ->
        val sessions = s[Str.screen_insights_exercise_value, e.sessions.toLong(), e.finished.toLong()]
        val value = e.averageDrop?.let { s[Str.screen_insights_exercise_drop, sessions, w.decimal(it), e.ratedSessions.toLong()] }
            ?: s[Str.screen_insights_exercise_unrated, sessions]
        BarRow(e.title, value, ((e.averageDrop ?: 0.0) / 10.0).toFloat())
    }
}

@Composable
private fun MoodAndSleep(mood: List<MoodDay>, range: DateRange, w: InsightsWords) {
    val s = LocalStrings.current
    SectionTitle(s[Str.screen_insights_mood_title])
    if (mood.isEmpty()) {
        Body(s[Str.screen_insights_no_checkins])
        return
    }
    val series = listOf(
        MoodSeries(Str.screen_insights_mood_chart, 1f, 5f) { it.mood },
        MoodSeries(Str.screen_insights_sleep_chart, 0f, 12f) { it.sleepHours },
        MoodSeries(Str.screen_insights_level_chart, 0f, 10f) { it.cravingLevel },
    )
    series.forEach { (key, low, high, value) ->
        val days = mood.filter { value(it) != null }
        // A long night still fits: the scale grows past its usual top, and the title says so.
        val top = kotlin.math.ceil(maxOf(high.toDouble(), days.maxOfOrNull { value(it)!! } ?: 0.0)).toLong()
        val title = s[key, low.toLong(), top]
        SubTitle(title)
        if (days.isEmpty()) {
            Body(s[Str.screen_insights_not_given])
            return@forEach
        }
        ChartFrame(w.moodAlt(title, days, value)) {
            LineChart(days.map { w.dayShare(it.date, range.firstDay, range.lastDay) to value(it)!!.toFloat() }, low, top.toFloat())
            AxisEnds(w.shortDate(range.firstDay), w.shortDate(range.lastDay))
        }
    }
}

/** One check-in chart: its title (with the scale's ends), its usual scale, and the day's value it draws (null: not given). */
private data class MoodSeries(val title: Str, val low: Float, val high: Float, val value: (MoodDay) -> Double?)

@Composable
private fun Meetings(i: Insights, w: InsightsWords) {
    val s = LocalStrings.current
    SectionTitle(s[Str.screen_insights_meetings_title])
    i.attendanceRate?.let { Body(s[Str.screen_insights_rate, Math.round(it * 100).toLong()]) }
    if (i.attendanceWeeks.none { it.minutes > 0u }) {
        Body(s[Str.screen_insights_no_meetings])
        return
    }
    val top = i.attendanceWeeks.maxOf { it.minutes }.coerceAtLeast(1u)
    i.attendanceWeeks.forEach { week ->
        val hours = s[Str.screen_insights_meeting_value, w.decimal(week.minutes.toDouble() / 60.0), week.sessions.toLong()]
        val value = s[if (week.met) Str.screen_insights_meeting_met else Str.screen_insights_meeting_not_met, hours]
        BarRow(s[Str.screen_insights_week_of, w.shortDate(week.weekStart)], value, week.minutes.toFloat() / top.toFloat())
    }
}

@Composable
private fun Streaks(clocks: List<SobrietyClockStatus>, histories: List<SobrietyStreakHistory>, w: InsightsWords) {
    val s = LocalStrings.current
    SectionTitle(s[Str.screen_insights_streaks_title])
    if (clocks.isEmpty()) {
        Body(s[Str.screen_insights_no_clocks])
        return
    }
    clocks.forEach { c ->
        SubTitle(c.label)
        val longest = c.longestDays.coerceAtLeast(1u).toFloat()
        BarRow(s[Str.screen_insights_streak_current], s[Str.screen_insights_days_value, c.currentDays.toLong()], c.currentDays.toFloat() / longest)
        BarRow(s[Str.screen_insights_streak_longest], s[Str.screen_insights_days_value, c.longestDays.toLong()], c.longestDays.toFloat() / longest)
        Body(s[Str.screen_insights_streak_since, w.longDate(c.sobrietyDate), c.totalSoberDays.toLong(), c.lapses.toLong()])
        histories.firstOrNull { it.clockId == c.id }?.let { StreakHistory(c.label, it, w) }
    }
}

/**
 * One clock's streaks as the core listed them, oldest first: a bar each
 * (read out as the same list in words), then the list itself.
 */
@Composable
private fun StreakHistory(label: String, history: SobrietyStreakHistory, w: InsightsWords) {
    val s = LocalStrings.current
    Text(s[Str.screen_insights_history_title], style = MaterialTheme.typography.titleSmall, modifier = Modifier.semantics { heading() })
    Body(s[Str.screen_insights_history_intro])
    if (history.olderStreaks > 0u) Body(s[Str.screen_insights_history_older, history.olderStreaks.toLong()])
    val first = history.streaks.firstOrNull() ?: return
    ChartFrame(w.streakHistoryAlt(label, history)) {
        BarChart(history.streaks.map { it.days.toFloat() }, height = 96.dp)
        AxisEnds(w.shortDate(first.firstDay), s[Str.screen_insights_history_now])
    }
    history.streaks.forEach { Body(w.streak(it)) }
}

@Composable
private fun Measures(data: InsightsData, w: InsightsWords) {
    val s = LocalStrings.current
    SectionTitle(s[Str.screen_insights_measures_title])
    val answered = data.measures.filter { it.responses.isNotEmpty() }
    if (answered.isEmpty()) {
        Body(s[Str.screen_insights_no_measures])
        return
    }
    answered.forEach { m -> MeasureTrends(m, w) }
    if (answered.any { h -> h.trends.any { t -> t.points.any { it.needsAttention } } }) Body(s[Str.screen_insights_attention_key])
    data.measures.flatMap { it.damagedIds }.size.takeIf { it > 0 }?.let { Body(s[Str.screen_insights_damaged, it]) }
}

/**
 * One measure's score trends, each charted with its text alternative: in
 * Insights under the measure's [named] title, on the measure's own history
 * page (which is titled by it) without.
 */
@Composable
fun MeasureTrends(history: MeasureHistory, w: InsightsWords, named: Boolean = true) {
    val s = LocalStrings.current
    if (named) SubTitle(s[measureName(history.measure)])
    history.trends.filter { it.points.isNotEmpty() }.forEach { t ->
        Body(s[Str.screen_insights_score_title, t.name, t.max.toLong()])
        ChartFrame(w.scoreAlt(t)) {
            val first = t.points.first().at.utcMillis
            val span = (t.points.last().at.utcMillis - first).toFloat()
            val points = t.points.map { p -> (if (span > 0f) (p.at.utcMillis - first) / span else 0.5f) to p.value.toFloat() }
            LineChart(points, 0f, t.max.toFloat(), marked = t.points.indices.filter { t.points[it].needsAttention }.toSet())
            AxisEnds(w.shortDate(t.points.first().at), w.shortDate(t.points.last().at))
        }
        w.scoreChange(t)?.let { Body(it) }
        if (t.bandChanged) Body(s[Str.screen_insights_band_changed])
    }
}
