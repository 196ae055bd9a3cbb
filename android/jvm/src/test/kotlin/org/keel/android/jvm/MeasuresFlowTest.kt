package org.keel.android.jvm

import androidx.compose.ui.test.hasClickAction
import androidx.compose.ui.test.hasContentDescription
import androidx.compose.ui.test.hasSetTextAction
import androidx.compose.ui.test.hasText
import androidx.compose.ui.test.isToggleable
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
import org.keel.android.ui.KeelApp
import org.keel.android.ui.Route
import org.keel.android.ui.Str
import org.keel.core.Language
import org.keel.core.MeasureForm
import org.keel.core.MeasureKind
import org.keel.core.MeasureSchedule
import org.keel.core.Vault
import org.keel.core.measureForm

/**
 * The questionnaires on a real vault: due on Today, answered item by item
 * through each choice's spoken label, scored by the core, the crisis support
 * first when PHQ-9 item 9 is above zero, past answers, a missing answer
 * named, a measure without a Spanish version, and the schedules.
 */
class MeasuresFlowTest {
    @get:Rule val rule = createComposeRule()
    @get:Rule val tmp = TemporaryFolder()

    private val en = Fixtures.strings.strings(Language.ENGLISH)
    private val es = Fixtures.strings.strings(Language.SPANISH)
    private val phone = RecordingPhone()

    /** A vault prepared with the raw API (a plan with the participant's steps), unlocked to Today. */
    private fun unlocked(language: Language = Language.ENGLISH, setup: (Vault) -> Unit = {}): Pair<AppModel, RustVaultGateway> {
        Vault.create(tmp.root.path, Fixtures.PASSPHRASE).use(setup)
        val gateway = Fixtures.gateway(tmp.root)
        val app = Fixtures.app(gateway, MemorySettings(language = language))
        rule.setContent { KeelApp(app, Fixtures.strings, phone, dark = false) }
        app.start()
        val s = Fixtures.strings.strings(language)
        rule.waitFor(s[Str.screen_unlock_title])
        rule.onNode(hasSetTextAction() and hasText(s[Str.screen_unlock_passphrase])).performTextInput(Fixtures.PASSPHRASE)
        rule.onNode(hasClickAction() and hasText(s[Str.screen_unlock_action])).performClick()
        rule.waitFor(s[Str.screen_today_recent])
        return app to gateway
    }

    private fun ComposeContentTestRule.waitFor(text: String, substring: Boolean = false) =
        waitUntil(timeoutMillis = 30_000) { onAllNodes(hasText(text, substring = substring)).fetchSemanticsNodes().isNotEmpty() }

    private fun tapDescribed(description: String) {
        val node = hasClickAction() and hasContentDescription(description)
        rule.waitUntil(30_000) { rule.onAllNodes(node).fetchSemanticsNodes().isNotEmpty() }
        rule.onNode(node).performScrollTo().performClick()
    }

    private fun tap(text: String) {
        val node = hasClickAction() and hasText(text)
        rule.waitUntil(30_000) { rule.onAllNodes(node).fetchSemanticsNodes().isNotEmpty() }
        rule.onNode(node).performScrollTo().performClick()
    }

    private fun schedules(gateway: RustVaultGateway): List<MeasureSchedule> = runBlocking { gateway.withVault { v, _ -> v.measureSchedules() }.getOrThrow() }

    private fun turnOn(v: Vault, kind: MeasureKind) {
        val current = v.measureSchedules().first { it.measure == kind }
        v.setMeasureSchedule(current.copy(enabled = true))
    }

    /** Answers every item of [form] with its first choice, except those in [chosen] (item number to choice index) and [skip]. */
    private fun answer(form: MeasureForm, chosen: Map<String, Int> = emptyMap(), skip: Set<String> = emptySet(), s: org.keel.android.ui.Strings = en) {
        form.items.filter { it.askedIf == null && it.number !in skip }.forEach { item ->
            val choice = item.choices[chosen[item.number] ?: 0]
            tapDescribed(s[Str.a11y_measure_choice, item.number, choice.label])
        }
    }

    @Test
    fun aDueQuestionnaireIsOnTodayAndItsItem9AnswerShowsTheCrisisSupportFirst() {
        val (app, gateway) = unlocked { turnOn(it, MeasureKind.PHQ9) }
        val phq = measureForm(MeasureKind.PHQ9, Language.ENGLISH)
        // Today says it is due, by the core's own name for it.
        rule.waitFor(en[Str.screen_measures_due_today, "PHQ-9"])
        tapDescribed(en[Str.a11y_measure_answer, "PHQ-9"])
        rule.waitFor(phq.items.first().text, substring = true)
        assertEquals(Route.MeasureForm(MeasureKind.PHQ9), app.backStack.value.last())
        answer(phq, chosen = mapOf("9" to 1))
        tap(en[Str.action_measure_send])
        // The support comes before the scores, with 988 one tap away.
        rule.waitFor(en[Str.screen_measure_crisis_title])
        val submitted = app.measures.state.value.form.submitted!!
        val crisis = submitted.crisis!!
        rule.waitFor(crisis.message)
        val crisisTop = rule.onNode(hasText(en[Str.screen_measure_crisis_title])).fetchSemanticsNode().boundsInRoot.top
        val scoresTop = rule.onNode(hasText(en[Str.screen_measure_saved])).fetchSemanticsNode().boundsInRoot.top
        assertTrue("the crisis support above the scores", crisisTop < scoresTop)
        tap(en[Str.action_call, "988"])
        assertEquals(listOf("988"), phone.calls)
        val total = submitted.response.scores.first()
        rule.waitFor(en[Str.screen_measure_score, total.name, total.value.toInt(), total.max.toInt(), total.bandLabel])
        // Stored by the core, no longer due.
        val history = runBlocking { gateway.withVault { v, now -> v.measureHistory(MeasureKind.PHQ9, now, Language.ENGLISH) }.getOrThrow() }
        assertEquals(1, history.responses.size)
        assertEquals(1, history.responses.first().answers.first { it.item == "phq9.9" }.value.toInt())
        tap(en[Str.action_measure_history])
        rule.waitFor(en[Str.screen_measure_history_title, en[Str.screen_insights_measure_phq9]])
        // Still in its period: changed, not added; item 9 back to zero, no crisis this time.
        val taken = org.keel.android.ui.formatMoment(history.responses.first().takenAt, Language.ENGLISH)
        tapDescribed(en[Str.a11y_measure_change, taken])
        rule.waitFor(en[Str.screen_measure_changing])
        assertEquals(history.responses.first().id, app.measures.state.value.form.responseId)
        assertEquals(history.responses.first().answers.size, app.measures.state.value.form.answers.size)
        tapDescribed(en[Str.a11y_measure_choice, "9", phq.items.first { it.number == "9" }.choices[0].label])
        tap(en[Str.action_measure_send])
        rule.waitFor(en[Str.screen_measure_saved])
        assertEquals(null, app.measures.state.value.form.submitted!!.crisis)
        assertEquals(0, rule.onAllNodes(hasText(en[Str.screen_measure_crisis_title])).fetchSemanticsNodes().size)
        val changed = runBlocking { gateway.withVault { v, now -> v.measureHistory(MeasureKind.PHQ9, now, Language.ENGLISH) }.getOrThrow() }
        assertEquals(1, changed.responses.size)
        assertTrue(changed.responses.first().editedAt != null)
        assertEquals(0, changed.responses.first().answers.first { it.item == "phq9.9" }.value.toInt())
        // Done returns to the past answers, read again; back to Today, where it is no longer due.
        tap(en[Str.action_measure_done])
        rule.waitUntil(30_000) { app.backStack.value.last() == Route.MeasureHistory(MeasureKind.PHQ9) }
        rule.waitUntil(30_000) { app.measures.state.value.history.history?.responses?.firstOrNull()?.editedAt != null }
        while (app.backStack.value.size > 1) app.back()
        rule.waitFor(en[Str.screen_today_recent])
        rule.waitUntil(30_000) { app.today.state.value.screen?.measuresDue?.none { it.measure == MeasureKind.PHQ9 } == true }
        assertEquals(0, rule.onAllNodes(hasText(en[Str.screen_measures_due_today, "PHQ-9"])).fetchSemanticsNodes().size)
    }

    @Test
    fun aMissingAnswerIsNamedAndNothingIsStored() {
        val (app, gateway) = unlocked()
        val gad = measureForm(MeasureKind.GAD7, Language.ENGLISH)
        app.navigate(Route.Measures)
        tapDescribed(en[Str.a11y_measure_answer, en[Str.screen_insights_measure_gad7]])
        rule.waitFor(gad.items.first().text, substring = true)
        answer(gad, skip = setOf("3"))
        tap(en[Str.action_measure_send])
        rule.waitFor(en[Str.screen_measure_missing, "3"])
        val history = runBlocking { gateway.withVault { v, now -> v.measureHistory(MeasureKind.GAD7, now, Language.ENGLISH) }.getOrThrow() }
        assertEquals(0, history.responses.size)
        // The answers given are still there: answering 3 saves.
        tapDescribed(en[Str.a11y_measure_choice, "3", gad.items[2].choices[2].label])
        tap(en[Str.action_measure_send])
        rule.waitFor(en[Str.screen_measure_saved])
        assertEquals(2, app.measures.state.value.form.submitted!!.response.answers.first { it.item == gad.items[2].key }.value.toInt())
    }

    @Test
    fun aMeasureWithNoSpanishVersionIsShownInEnglishAndSaysSo() {
        val (app, _) = unlocked(Language.SPANISH)
        val bam = measureForm(MeasureKind.BAM, Language.ENGLISH)
        app.navigate(Route.MeasureForm(MeasureKind.BAM))
        rule.waitFor(es[Str.screen_measure_other_language])
        rule.waitFor(bam.items.first().text, substring = true)
        assertEquals(Language.ENGLISH, app.measures.state.value.form.form!!.language)
        // The PHQ-9 has a published Spanish version: its own words, no note.
        app.back()
        app.navigate(Route.MeasureForm(MeasureKind.PHQ9))
        val phqEs = measureForm(MeasureKind.PHQ9, Language.SPANISH)
        rule.waitFor(phqEs.items.first().text, substring = true)
        assertEquals(0, rule.onAllNodes(hasText(es[Str.screen_measure_other_language])).fetchSemanticsNodes().size)
    }

    @Test
    fun schedulesAreTheCoresAndFeedWhatIsDue() {
        val (app, gateway) = unlocked()
        app.navigate(Route.Measures)
        rule.waitFor(en[Str.screen_measures_all])
        val gadOff = schedules(gateway).first { it.measure == MeasureKind.GAD7 }
        assertEquals(false, gadOff.enabled)
        // The GAD-7's switch is the second card's (BAM, PHQ-9, GAD-7, AUDIT-C order as the core lists them).
        val index = schedules(gateway).indexOfFirst { it.measure == MeasureKind.GAD7 }
        rule.onAllNodes(isToggleable() and hasText(en[Str.screen_measures_regularly]))[index].performScrollTo().performClick()
        rule.waitUntil(30_000) { schedules(gateway).first { it.measure == MeasureKind.GAD7 }.enabled }
        rule.waitUntil(30_000) { app.measures.state.value.due.any { it.measure == MeasureKind.GAD7 } }
        // Its reminder at 18:00, every 14 days.
        rule.waitUntil(30_000) { rule.onAllNodes(hasText(en[Str.screen_measures_every_days, 14])).fetchSemanticsNodes().size >= 1 }
        val everyNodes = rule.onAllNodes(hasClickAction() and hasText(en[Str.screen_measures_every_days, 14])).fetchSemanticsNodes()
        val enabledBefore = app.measures.state.value.schedules.filter { it.enabled }.map { it.measure }
        rule.onAllNodes(hasClickAction() and hasText(en[Str.screen_measures_every_days, 14]))[enabledBefore.indexOf(MeasureKind.GAD7)].performScrollTo().performClick()
        rule.waitUntil(30_000) { schedules(gateway).first { it.measure == MeasureKind.GAD7 }.everyDays.toInt() == 14 }
        assertTrue(everyNodes.isNotEmpty())
        val evening = org.keel.android.ui.timeInWords(java.time.LocalTime.of(18, 0), Language.ENGLISH)
        rule.onAllNodes(hasClickAction() and hasText(evening))[enabledBefore.indexOf(MeasureKind.GAD7)].performScrollTo().performClick()
        rule.waitUntil(30_000) { schedules(gateway).first { it.measure == MeasureKind.GAD7 }.reminderMinute?.toInt() == 18 * 60 }
    }

    @Test
    fun theBamsFollowUpItemsAreAskedOnlyWhenTheirConditionHolds() {
        val bam = measureForm(MeasureKind.BAM, Language.ENGLISH)
        val conditional = bam.items.filter { it.askedIf != null }
        assertTrue("the BAM has follow-up items", conditional.isNotEmpty())
        val gate = conditional.first().askedIf!!
        val none = org.keel.android.ui.MeasureFormState(MeasureKind.BAM, bam)
        assertTrue(none.askedItems().none { it.askedIf != null })
        val atThreshold = none.copy(answers = mapOf(gate.item to gate.above))
        assertTrue(atThreshold.askedItems().none { it.askedIf?.item == gate.item })
        val above = none.copy(answers = mapOf(gate.item to (gate.above + 1u).toUByte()))
        assertEquals(conditional.filter { it.askedIf?.item == gate.item }.map { it.key }, above.askedItems().filter { it.askedIf != null }.map { it.key })
    }
}
