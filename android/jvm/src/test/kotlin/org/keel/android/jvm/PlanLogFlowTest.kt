package org.keel.android.jvm

import androidx.compose.ui.test.hasClickAction
import androidx.compose.ui.test.hasContentDescription
import androidx.compose.ui.test.hasSetTextAction
import androidx.compose.ui.test.hasText
import androidx.compose.ui.test.junit4.ComposeContentTestRule
import androidx.compose.ui.test.junit4.createComposeRule
import androidx.compose.ui.test.onLast
import androidx.compose.ui.test.performClick
import androidx.compose.ui.test.performScrollTo
import androidx.compose.ui.test.performTextInput
import java.time.LocalDateTime
import kotlinx.coroutines.runBlocking
import org.junit.Assert.assertEquals
import org.junit.Assert.assertTrue
import org.junit.Rule
import org.junit.Test
import org.junit.rules.TemporaryFolder
import org.keel.android.core.CoreError
import org.keel.android.core.RustVaultGateway
import org.keel.android.ui.AppModel
import org.keel.android.ui.KeelApp
import org.keel.android.ui.LogEvent
import org.keel.android.ui.PlanEvent
import org.keel.android.ui.Route
import org.keel.android.ui.Str
import org.keel.core.CravingDraft
import org.keel.core.CravingOutcome
import org.keel.core.EntryContext
import org.keel.core.EntryKind
import org.keel.core.Halt
import org.keel.core.Language
import org.keel.core.Moment
import org.keel.core.Now
import org.keel.core.RiskLevel
import org.keel.core.TriggerCategory
import org.keel.core.Vault
import org.keel.core.planTemplate

/**
 * The plan editor over every section of the core's plan, and the log forms'
 * when and where, on a real vault in a temp folder.
 */
class PlanLogFlowTest {
    @get:Rule val rule = createComposeRule()
    @get:Rule val tmp = TemporaryFolder()

    private val en = Fixtures.strings.strings(Language.ENGLISH)
    private val now = Now(Fixtures.clock.millis(), Fixtures.clock.zone.id)
    private val offset = Fixtures.clock.zone.rules.getOffset(Fixtures.clock.instant()).totalSeconds / 60

    private fun unlockedApp(setup: (Vault) -> Unit = {}): Pair<AppModel, RustVaultGateway> {
        Vault.create(tmp.root.path, Fixtures.PASSPHRASE).use(setup)
        val gateway = Fixtures.gateway(tmp.root)
        val app = Fixtures.app(gateway)
        rule.setContent { KeelApp(app, Fixtures.strings, RecordingPhone(), dark = false) }
        app.start()
        rule.waitFor(en[Str.screen_unlock_title])
        rule.onNode(hasSetTextAction() and hasText(en[Str.screen_unlock_passphrase])).performTextInput(Fixtures.PASSPHRASE)
        tap(en[Str.screen_unlock_action])
        rule.waitFor(en[Str.screen_today_recent])
        return app to gateway
    }

    private fun ComposeContentTestRule.waitFor(text: String, substring: Boolean = false) =
        waitUntil(timeoutMillis = 30_000) { onAllNodes(hasText(text, substring = substring)).fetchSemanticsNodes().isNotEmpty() }

    private fun tap(text: String) {
        val node = hasClickAction() and hasText(text)
        rule.waitUntil(30_000) { rule.onAllNodes(node).fetchSemanticsNodes().isNotEmpty() }
        rule.onAllNodes(node).onLast().performScrollTo().performClick()
    }

    private fun tapDescribed(description: String) {
        val node = hasClickAction() and hasContentDescription(description)
        rule.waitUntil(30_000) { rule.onAllNodes(node).fetchSemanticsNodes().isNotEmpty() }
        rule.onNode(node).performScrollTo().performClick()
    }

    /** Types into the last field labelled [label] (a section's newest item). */
    private fun typeLast(label: String, text: String) {
        val node = hasSetTextAction() and hasText(label)
        rule.waitUntil(30_000) { rule.onAllNodes(node).fetchSemanticsNodes().isNotEmpty() }
        rule.onAllNodes(node).onLast().performScrollTo().performTextInput(text)
    }

    private fun editSection(title: Str) {
        tap(en[Str.screen_plan_all_sections])
        tapDescribed(en[Str.a11y_edit_section, en[title]])
    }

    @Test
    fun everySectionOfThePlanIsEditedAddedRemovedAndReordered() {
        val template = planTemplate(Language.ENGLISH)
        assertTrue(template.routine.size >= 2 && template.lapsePlan.overdoseSafety.isNotEmpty() && template.copingPlans.isNotEmpty())
        val (app, gateway) = unlockedApp { v -> v.savePlan(template, null, false, now) }
        tap(en[Str.action_plan])
        rule.waitFor(en[Str.screen_plan_revisions])
        tapDescribed(en[Str.a11y_edit_section, en[Str.screen_plan_goals]])

        // Goals: one more.
        tap(en[Str.screen_plan_add_goal])
        typeLast(en[Str.screen_plan_goal], "Walk every morning")
        // Routine: the second part of the day moves first.
        editSection(Str.screen_plan_routine)
        tapDescribed(en[Str.a11y_move_up, 2, en[Str.screen_plan_routine]])
        // Triggers: a new one with its kind and risk, its id from the core at once.
        editSection(Str.screen_plan_triggers)
        tap(en[Str.screen_plan_add_trigger])
        typeLast(en[Str.screen_plan_trigger], "Payday")
        rule.waitUntil(30_000) { app.plan.state.value.draft!!.triggers.last().name == "Payday" }
        tapDescribed(en[Str.a11y_change_kind, app.plan.state.value.draft!!.triggers.size])
        tap(en[Str.category_place])
        rule.waitFor(en[Str.screen_plan_trigger_kind, en[Str.category_place]])
        tap(en[Str.risk_high])
        // If-then: the first plan now also answers the new trigger.
        editSection(Str.screen_plan_coping)
        rule.onAllNodes(hasClickAction() and hasText("Payday")).fetchSemanticsNodes().let { assertEquals(template.copingPlans.size, it.size) }
        rule.onAllNodes(hasClickAction() and hasText("Payday"))[0].performScrollTo().performClick()
        // A person: how to reach them.
        editSection(Str.screen_plan_contacts)
        typeLast(en[Str.screen_plan_how_to_reach], "After 6 pm. ")
        // Overdose safety: the first step removed.
        editSection(Str.screen_plan_overdose)
        tapDescribed(en[Str.a11y_remove_item, 1, en[Str.screen_plan_overdose]])
        // Crisis lines: a new one that takes texts, first with a phone number that is not one.
        editSection(Str.screen_plan_crisis_lines)
        tap(en[Str.screen_plan_add_line])
        typeLast(en[Str.screen_plan_contact_name], "Warmline")
        typeLast(en[Str.screen_plan_contact_phone], "call me")
        tap(en[Str.screen_plan_line_can_text])
        tap(en[Str.action_save_plan])
        // The core refuses it, said in plain words with the section; nothing is saved, the draft stays.
        rule.waitFor(en[Str.screen_plan_invalid, en[Str.screen_plan_crisis_lines], en[Str.screen_plan_invalid_phone]])
        assertEquals(1u, runBlocking { gateway.currentPlan().getOrThrow() }!!.number)
        assertTrue(app.plan.state.value.draft != null)
        app.plan.onEvent(PlanEvent.Change(app.plan.state.value.draft!!.let { d ->
            d.copy(lapsePlan = d.lapsePlan.copy(crisisLines = d.lapsePlan.crisisLines.map { if (it.name == "Warmline") it.copy(phone = "555-0199") else it }))
        }))
        tap(en[Str.action_save_plan])
        rule.waitFor(en[Str.screen_plan_saved])

        val saved = runBlocking { gateway.currentPlan().getOrThrow() }!!.plan
        assertEquals(template.goals + "Walk every morning", saved.goals)
        assertEquals(listOf(template.routine[1], template.routine[0]) + template.routine.drop(2), saved.routine)
        val payday = saved.triggers.single { it.name == "Payday" }
        assertEquals(TriggerCategory.PLACE, payday.category)
        assertEquals(RiskLevel.HIGH, payday.risk)
        assertTrue(payday.id in saved.copingPlans[0].triggerIds)
        assertTrue(saved.contacts.last().howToReach.contains("After 6 pm."))
        assertEquals(template.lapsePlan.overdoseSafety.drop(1), saved.lapsePlan.overdoseSafety)
        val warmline = saved.lapsePlan.crisisLines.single { it.name == "Warmline" }
        assertEquals("555-0199", warmline.phone)
        assertTrue(warmline.canText)
        // Everything not touched is as it was.
        assertEquals(template.reasons, saved.reasons)
        assertEquals(template.warningSigns, saved.warningSigns)
        assertEquals(template.lapsePlan.steps, saved.lapsePlan.steps)
        assertEquals(template.contacts.map { it.name to it.role }, saved.contacts.map { it.name to it.role })
    }

    @Test
    fun removingATriggerRemovesItsLinksSoTheCoreAcceptsThePlan() {
        val template = planTemplate(Language.ENGLISH)
        val linked = template.copingPlans.first().triggerIds.first()
        val index = template.triggers.indexOfFirst { it.id == linked }
        val (app, gateway) = unlockedApp { v -> v.savePlan(template, null, false, now) }
        tap(en[Str.action_plan])
        rule.waitFor(en[Str.screen_plan_revisions])
        tapDescribed(en[Str.a11y_edit_section, en[Str.screen_plan_triggers]])
        tapDescribed(en[Str.a11y_remove_item, index + 1, en[Str.screen_plan_triggers]])
        tap(en[Str.action_save_plan])
        rule.waitFor(en[Str.screen_plan_saved])
        val saved = runBlocking { gateway.currentPlan().getOrThrow() }!!.plan
        assertEquals(template.triggers.size - 1, saved.triggers.size)
        assertTrue(saved.copingPlans.none { linked in it.triggerIds })
        assertEquals(null, app.plan.state.value.error)
    }

    @Test
    fun aCravingsDayTimeAndPlaceAreChangedAndAFutureTimeIsRefusedInPlainWords() {
        val (app, gateway) = unlockedApp()
        tap(en[Str.action_log_craving])
        rule.waitFor(en[Str.screen_log_craving])
        tap(en[Str.action_change_when])
        tap(en[Str.action_when_day_earlier])
        tap(en[Str.action_when_hour_earlier])
        tap(en[Str.action_when_minutes_earlier])
        tap(en[Str.action_when_done])
        rule.onNode(hasClickAction() and hasContentDescription(en[Str.a11y_level, 5])).performScrollTo().performClick()
        tap(en[Str.common_minutes_short, 15])
        tap(en[Str.outcome_rode_it_out])
        typeLast(en[Str.screen_log_place_hint], "Work")
        typeLast(en[Str.screen_log_with_whom_hint], "Alone")
        tap(en[Str.action_save])
        rule.waitFor(en[Str.screen_today_recent])
        rule.waitUntil(30_000) { app.backStack.value == listOf<Route>(Route.Today) }

        // 9:30 on the 24th -> 8:25 on the 23rd, the same Chicago offset.
        val id = runBlocking { gateway.today(Language.ENGLISH).getOrThrow() }.recent.single().id
        val saved = runBlocking { gateway.craving(id).getOrThrow() }
        assertEquals(Moment(Fixtures.clock.millis() - 24 * 3_600_000L - 65 * 60_000L, offset), saved.at)
        assertEquals("Work", saved.context.place)
        assertEquals("Alone", saved.context.withWhom)
        assertEquals(15u, saved.durationMinutes)

        // Editing keeps the place, and a time still to come is the core's refusal, said plainly; nothing changes.
        app.navigate(Route.Log(EntryKind.CRAVING, id))
        rule.waitFor(en[Str.screen_log_edit_craving])
        rule.waitFor("Work")
        app.log.onEvent(LogEvent.WhenAt(LocalDateTime.of(2099, 1, 1, 9, 0)))
        tap(en[Str.action_save_changes])
        rule.waitFor(en[Str.screen_log_in_future])
        assertEquals(CoreError.InvalidInput("at", "in_future"), app.log.state.value.error)
        assertEquals(saved, runBlocking { gateway.craving(id).getOrThrow() })
        // Back to now: saved.
        tap(en[Str.action_change_when])
        tap(en[Str.action_when_now])
        tap(en[Str.action_save_changes])
        rule.waitUntil(30_000) { app.backStack.value == listOf<Route>(Route.Today) }
        assertEquals(Fixtures.clock.millis(), runBlocking { gateway.craving(id).getOrThrow() }.at.utcMillis)
    }

    @Test
    fun aCheckInMovesToYesterdayAndAnEditedCravingKeepsWhereItHappened() {
        val cravingAt = Moment(Fixtures.clock.millis() - 3 * 3_600_000L, offset)
        val (app, gateway) = unlockedApp { v ->
            v.addCraving(
                CravingDraft(cravingAt, 4.toUByte(), null, emptyList(), EntryContext("Home", "Sam", Halt(false, false, false, false), null), emptyList(), CravingOutcome.ONGOING, ""),
            )
        }
        tap(en[Str.action_log_check_in])
        rule.waitFor(en[Str.screen_log_check_in])
        tap(en[Str.action_change_when])
        tap(en[Str.action_when_yesterday])
        tap(en[Str.mood_okay])
        rule.onNode(hasClickAction() and hasContentDescription(en[Str.a11y_level, 2])).performScrollTo().performClick()
        tap(en[Str.common_hours_short, 7])
        tap(en[Str.action_save])
        rule.waitUntil(30_000) { app.backStack.value == listOf<Route>(Route.Today) }
        val checkIn = runBlocking { gateway.today(Language.ENGLISH).getOrThrow() }.recent.first { it.kind == EntryKind.CHECK_IN }
        val savedCheckIn = runBlocking { gateway.checkIn(checkIn.id).getOrThrow() }
        assertEquals(Fixtures.clock.millis() - 24 * 3_600_000L, savedCheckIn.at.utcMillis)
        assertEquals(420u, savedCheckIn.sleepMinutes)

        // An existing entry opens with its place and company, and saving keeps them.
        val craving = runBlocking { gateway.today(Language.ENGLISH).getOrThrow() }.recent.first { it.kind == EntryKind.CRAVING }
        app.navigate(Route.Log(EntryKind.CRAVING, craving.id))
        rule.waitFor("Home")
        rule.waitFor("Sam")
        tap(en[Str.outcome_rode_it_out])
        tap(en[Str.action_save_changes])
        rule.waitUntil(30_000) { app.backStack.value == listOf<Route>(Route.Today) }
        val after = runBlocking { gateway.craving(craving.id).getOrThrow() }
        assertEquals(EntryContext("Home", "Sam", Halt(false, false, false, false), null), after.context)
        assertEquals(cravingAt, after.at)
    }
}
