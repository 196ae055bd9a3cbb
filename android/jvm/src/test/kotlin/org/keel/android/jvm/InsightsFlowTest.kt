package org.keel.android.jvm

import androidx.compose.ui.semantics.SemanticsProperties
import androidx.compose.ui.test.SemanticsMatcher
import androidx.compose.ui.test.hasClickAction
import androidx.compose.ui.test.hasContentDescription
import androidx.compose.ui.test.hasSetTextAction
import androidx.compose.ui.test.hasText
import androidx.compose.ui.test.junit4.ComposeContentTestRule
import androidx.compose.ui.test.junit4.createComposeRule
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
import org.keel.android.ui.InsightsWords
import org.keel.android.ui.KeelApp
import org.keel.android.ui.Route
import org.keel.android.ui.Str
import org.keel.core.DateRangePreset
import org.keel.core.Insights
import org.keel.core.Language
import org.keel.core.MeasureKind
import org.keel.core.Vault

/** Insights on a real vault: the core's records drawn, each chart read out as text, ranges, language, a new participant. */
class InsightsFlowTest {
    @get:Rule val rule = createComposeRule()
    @get:Rule val tmp = TemporaryFolder()

    private val en = Fixtures.strings.strings(Language.ENGLISH)
    private val es = Fixtures.strings.strings(Language.SPANISH)
    private val words = InsightsWords(en)

    /** A vault prepared with the raw API, opened in the app through Unlock, then Insights from Today. */
    private fun insightsOf(setup: (Vault) -> Unit): Pair<AppModel, RustVaultGateway> {
        Vault.create(tmp.root.path, Fixtures.PASSPHRASE).use(setup)
        val gateway = Fixtures.gateway(tmp.root)
        val app = Fixtures.app(gateway)
        rule.setContent { KeelApp(app, Fixtures.strings, RecordingPhone(), dark = false) }
        app.start()
        rule.waitFor(en[Str.screen_unlock_title])
        rule.onNode(hasSetTextAction() and hasText(en[Str.screen_unlock_passphrase])).performTextInput(Fixtures.PASSPHRASE)
        rule.onNode(hasClickAction() and hasText(en[Str.screen_unlock_action])).performClick()
        rule.waitFor(en[Str.screen_today_recent])
        tap(en[Str.action_insights])
        rule.waitFor(en[Str.screen_insights_days_title])
        rule.waitUntil(30_000) { app.insights.state.value.let { it.data != null && !it.busy } }
        return app to gateway
    }

    private fun ComposeContentTestRule.waitFor(text: String) =
        waitUntil(timeoutMillis = 30_000) { onAllNodes(hasText(text)).fetchSemanticsNodes().isNotEmpty() }

    private fun tap(text: String) {
        val node = hasClickAction() and hasText(text)
        rule.waitUntil(30_000) { rule.onAllNodes(node).fetchSemanticsNodes().isNotEmpty() }
        rule.onNode(node).performScrollTo().performClick()
    }

    private fun described(text: String) = rule.onAllNodes(hasContentDescription(text)).fetchSemanticsNodes().size

    /** What the core answers for [preset] now, straight from the vault the app holds. */
    private fun expected(gateway: RustVaultGateway, preset: DateRangePreset, language: Language = Language.ENGLISH): Insights = runBlocking {
        gateway.withVault { v, now ->
            val r = v.dateRange(preset, now, language)!!
            v.insights(r.firstDay, r.lastDay, now, language)
        }.getOrThrow()
    }

    @Test
    fun everyChartIsTheCoresRecordWithItsTextAlternative() {
        val (app, gateway) = insightsOf { InsightsShots.fill(it, Language.ENGLISH) }
        val data = app.insights.state.value.data!!
        assertEquals(DateRangePreset.LAST30_DAYS, data.range.preset)
        val i = expected(gateway, DateRangePreset.LAST30_DAYS)
        assertEquals(i, data.insights)
        assertEquals(15L, i.days.sumOf { it.cravings.toLong() })

        // The charts: one node each, saying the data instead of the picture.
        assertEquals(1, described(words.cravingDaysAlt(i.days, data.range.firstDay, data.range.lastDay)))
        assertEquals(1, described(words.heatMapAlt(i.heatMap)))
        val heat = words.heatMapAlt(i.heatMap)
        assertTrue(heat, heat.contains("${words.weekday(0)}: ") && heat.contains(en[Str.screen_insights_heat_hour, words.hour(19), 1]))
        tap(en[Str.screen_insights_section_mood])
        assertEquals(1, described(words.moodAlt(en[Str.screen_insights_sleep_chart, 0L, 12L], i.mood) { it.sleepHours }))
        tap(en[Str.screen_insights_section_measures])
        val phq9 = data.measures.first { it.measure == MeasureKind.PHQ9 }.trends.first()
        assertEquals(3, phq9.points.size)
        assertEquals(1, described(words.scoreAlt(phq9)))
        // Bar rows are their own text: the trigger logged most, the coping step, the exercise, the streaks.
        tap(en[Str.screen_insights_section_triggers])
        val top = i.topTriggers.first()
        rule.onNode(hasText(top.name) and hasText(en[Str.screen_insights_count, top.count.toLong()])).assertExists()
        tap(en[Str.screen_insights_section_works])
        val coping = i.coping.first()
        rule.onNode(hasText(coping.text) and hasText(en[Str.screen_insights_coping_value, coping.worked.toLong(), coping.used.toLong()], substring = true)).assertExists()
        val exercise = i.exercises.single()
        assertEquals(4.0, exercise.averageDrop!!, 0.0)
        rule.onNode(hasText(exercise.title) and hasText(en[Str.screen_insights_exercise_drop, en[Str.screen_insights_exercise_value, 1L, 1L], words.decimal(4.0), 1L])).assertExists()
        tap(en[Str.screen_insights_section_streaks])
        val clock = i.clocks.single()
        assertTrue(clock.longestDays > clock.currentDays)
        rule.onNode(hasText(en[Str.screen_insights_streak_longest]) and hasText(en[Str.screen_insights_days_value, clock.longestDays.toLong()])).assertExists()
        tap(en[Str.screen_insights_section_meetings])
        val met = i.attendanceWeeks.last { it.minutes > 0u }
        val hours = en[Str.screen_insights_meeting_value, words.decimal(met.minutes.toDouble() / 60), met.sessions.toLong()]
        rule.onNode(hasText(en[Str.screen_insights_week_of, words.shortDate(met.weekStart)]) and hasText(en[if (met.met) Str.screen_insights_meeting_met else Str.screen_insights_meeting_not_met, hours])).assertExists()

        // Another range: the core resolves it, the screen shows its records.
        val week = data.ranges.first { it.preset == DateRangePreset.LAST7_DAYS }
        tap(week.label)
        rule.waitFor(en[Str.screen_insights_period, words.longDate(week.firstDay), words.longDate(week.lastDay)])
        rule.waitUntil(30_000) { app.insights.state.value.data?.range?.preset == DateRangePreset.LAST7_DAYS }
        assertEquals(expected(gateway, DateRangePreset.LAST7_DAYS), app.insights.state.value.data!!.insights)
        assertEquals(7, app.insights.state.value.data!!.insights.days.size)
    }

    @Test
    fun eachClocksStreakHistoryIsShownInWordsAndReadOut() {
        val (app, gateway) = insightsOf { InsightsShots.fill(it, Language.ENGLISH) }
        tap(en[Str.screen_insights_section_streaks])
        rule.waitFor(en[Str.screen_insights_history_title])
        val i = app.insights.state.value.data!!.insights
        val clock = i.clocks.single()
        val history = i.streakHistory.single()
        assertEquals(clock.id, history.clockId)
        // Three resets and one lapse that did not reset: four streaks, the longest the clock's.
        assertEquals(listOf(11u, 14u, 24u, 19u), history.streaks.map { it.days })
        assertEquals(listOf(0u, 0u, 0u, 1u), history.streaks.map { it.lapsesWithin })
        assertEquals(clock.longestDays, history.streaks.maxOf { it.days })
        assertEquals(1, described(words.streakHistoryAlt(clock.label, history)))
        history.streaks.forEach { rule.onNode(hasText(words.streak(it))).performScrollTo().assertExists() }
        val current = history.streaks.last()
        val going = en[Str.screen_insights_history_going, words.longDate(current.firstDay), 19L]
        rule.onNode(hasText(en[Str.screen_insights_history_kept, going, 1L])).performScrollTo().assertExists()
        val first = history.streaks.first()
        rule.onNode(hasText(en[Str.screen_insights_history_ended, words.longDate(first.firstDay), words.longDate(first.lastDay!!), 11L])).assertExists()

        // A lapse logged today that resets the clock: another range reloads, and the
        // history ends the current streak today and starts a new one at 0 days.
        runBlocking {
            gateway.withVault { v, now ->
                val quiet = org.keel.core.EntryContext("", "", org.keel.core.Halt(false, false, false, false), null)
                v.addLapse(org.keel.core.LapseDraft(InsightsShots.at(0, 8), listOf(clock.id), true, "", emptyList(), quiet, ""), now, Language.ENGLISH)
            }.getOrThrow()
        }
        tap(app.insights.state.value.data!!.ranges.first { it.preset == DateRangePreset.LAST7_DAYS }.label)
        rule.waitUntil(30_000) { app.insights.state.value.data?.insights?.streakHistory?.single()?.streaks?.size == 5 }
        val after = app.insights.state.value.data!!.insights.streakHistory.single()
        assertEquals(listOf(11u, 14u, 24u, 19u, 0u), after.streaks.map { it.days })
        rule.waitFor(words.streak(after.streaks.last()))
        assertEquals(1, described(words.streakHistoryAlt(clock.label, after)))
    }

    @Test
    fun aNewParticipantIsToldWhatIsMissingRatherThanShownEmptyCharts() {
        insightsOf { }
        for ((section, keys) in listOf(
            Str.screen_insights_section_cravings to listOf(Str.screen_insights_no_cravings),
            Str.screen_insights_section_triggers to listOf(Str.screen_insights_no_triggers),
            Str.screen_insights_section_works to listOf(Str.screen_insights_no_coping, Str.screen_insights_no_exercises),
            Str.screen_insights_section_mood to listOf(Str.screen_insights_no_checkins),
            Str.screen_insights_section_meetings to listOf(Str.screen_insights_no_meetings),
            Str.screen_insights_section_streaks to listOf(Str.screen_insights_no_clocks),
            Str.screen_insights_section_measures to listOf(Str.screen_insights_no_measures),
        )) {
            tap(en[section])
            keys.forEach { rule.waitFor(en[it]) }
            assertEquals(0, rule.onAllNodes(SemanticsMatcher.keyIsDefined(SemanticsProperties.ContentDescription)).fetchSemanticsNodes().size)
        }
    }

    @Test
    fun changingTheLanguageReloadsInIt() {
        val (app, gateway) = insightsOf { InsightsShots.fill(it, Language.ENGLISH) }
        app.setLanguage(Language.SPANISH)
        rule.waitFor(es[Str.screen_insights_title])
        val ranges = runBlocking { gateway.withVault { v, now -> v.dateRangePresets(now, Language.SPANISH) }.getOrThrow() }
        val spanish = ranges.first { it.preset == DateRangePreset.LAST30_DAYS }.label
        rule.waitUntil(30_000) { app.insights.state.value.data?.range?.label == spanish }
        rule.waitFor(es[Str.screen_insights_days_title])
        val i = expected(gateway, DateRangePreset.LAST30_DAYS, Language.SPANISH)
        val d = app.insights.state.value.data!!
        assertEquals(1, described(InsightsWords(es).cravingDaysAlt(i.days, d.range.firstDay, d.range.lastDay)))
        assertEquals(Route.Insights, app.backStack.value.last())
    }
}
