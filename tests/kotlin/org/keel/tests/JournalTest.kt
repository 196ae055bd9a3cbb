package org.keel.tests

import org.junit.After
import org.junit.Assert.assertEquals
import org.junit.Assert.assertFalse
import org.junit.Assert.assertNotNull
import org.junit.Assert.assertNull
import org.junit.Assert.assertTrue
import org.junit.Assert.fail
import org.junit.Before
import org.junit.Rule
import org.junit.Test
import org.junit.rules.TemporaryFolder
import org.keel.core.CalendarDate
import org.keel.core.CheckInDraft
import org.keel.core.SobrietyClockDraft
import org.keel.core.ContactRole
import org.keel.core.CopingPlan
import org.keel.core.CopingTag
import org.keel.core.CravingDraft
import org.keel.core.CravingOutcome
import org.keel.core.EncounterDraft
import org.keel.core.EntryContext
import org.keel.core.EntryKind
import org.keel.core.Halt
import org.keel.core.KeelException
import org.keel.core.LapseDraft
import org.keel.core.Moment
import org.keel.core.Now
import org.keel.core.MilestoneUnit
import org.keel.core.Mood
import org.keel.core.PageQuery
import org.keel.core.Language
import org.keel.core.RelapseStage
import org.keel.core.RiskLevel
import org.keel.core.SuggestionReason
import org.keel.core.Trigger
import org.keel.core.TriggerCategory
import org.keel.core.TriggerTag
import org.keel.core.Vault
import org.keel.core.newPlanItemId
import org.keel.core.planTemplate
import java.time.LocalDate
import java.time.ZoneOffset

/**
 * The relapse-prevention plan, logs, sobriety clocks and the Today screen
 * through the generated Kotlin bindings on the JVM: every exported call once,
 * with its error paths. Behaviour is tested in the core; this tests the FFI.
 */
class JournalTest {
    @get:Rule
    val tmp = TemporaryFolder()

    private lateinit var vault: Vault

    private val passphrase = "a long enough passphrase"
    private val hour = 3_600_000L
    private val newYork = -300

    @Before
    fun createVault() {
        vault = Vault.create(tmp.root.resolve("vault").path, passphrase)
    }

    @After
    fun closeVault() {
        vault.lock()
        vault.close()
    }

    private fun at(hoursAgo: Double = 0.0, offset: Int = newYork) =
        Moment(System.currentTimeMillis() - (hoursAgo * hour).toLong(), offset)

    /** Now as the phone gives it; Etc/GMT+5 is New York's winter offset all year, as `at()`. */
    private fun now(zone: String = "Etc/GMT+5") = Now(System.currentTimeMillis(), zone)

    private fun daysAgo(n: Long): CalendarDate {
        val d = LocalDate.now(ZoneOffset.UTC).minusDays(n)
        return CalendarDate(d.year, d.monthValue.toUByte(), d.dayOfMonth.toUByte())
    }

    private fun context(mood: Mood? = null, lonely: Boolean = false) =
        EntryContext("", "", Halt(false, false, lonely, false), mood)

    private fun newTrigger(name: String, category: TriggerCategory = TriggerCategory.OTHER) =
        TriggerTag(null, name, category)

    private fun planTrigger(id: String) = TriggerTag(id, "", TriggerCategory.OTHER)

    private fun craving(
        hoursAgo: Double = 1.0,
        intensity: Int = 5,
        triggers: List<TriggerTag> = emptyList(),
        coping: List<CopingTag> = emptyList(),
        outcome: CravingOutcome = CravingOutcome.RODE_IT_OUT,
    ) = CravingDraft(at(hoursAgo), intensity.toUByte(), 10u, triggers, context(), coping, outcome, "")

    private fun checkIn(
        hoursAgo: Double = 0.0,
        cravingLevel: Int = 2,
        intention: String = "Call Sam",
        halt: Halt = Halt(false, false, false, false),
    ) = CheckInDraft(at(hoursAgo), Mood.GOOD, cravingLevel.toUByte(), 420u, intention, false, halt, "")

    private fun lapse(clockIds: List<String>, resets: Boolean, hoursAgo: Double = 0.0, offset: Int = 0) =
        LapseDraft(
            at(hoursAgo, offset), clockIds, resets, "alcohol",
            listOf(newTrigger("payday", TriggerCategory.TIME)), context(Mood.LOW), "",
        )

    private fun everything(limit: Int = 100) = PageQuery(null, null, 0u, limit.toUInt())

    private fun invalidField(call: () -> Unit): String {
        try {
            call()
        } catch (e: KeelException.InvalidInput) {
            return e.field
        }
        fail("expected InvalidInput")
        return ""
    }

    private fun assertNotFound(call: () -> Unit) {
        try {
            call()
            fail("expected NotFound")
        } catch (e: KeelException.NotFound) {
            // expected
        }
    }

    @Test
    fun templatesAndPlanRevisions() {
        val en = planTemplate(Language.ENGLISH)
        val es = planTemplate(Language.SPANISH)
        assertTrue(en.reasons != es.reasons)
        assertEquals(listOf("988", "1-800-662-4357"), es.lapsePlan.crisisLines.map { it.phone })
        assertEquals(RelapseStage.values().toSet(), en.warningSigns.map { it.stage }.toSet())
        assertEquals(32, newPlanItemId().length)

        assertNull(vault.currentPlan())
        assertTrue(vault.planHistory().isEmpty())
        val first = vault.savePlan(en, null, true, now())
        assertEquals(1u, first.number)
        assertEquals(en, first.plan)

        val triggerId = newPlanItemId()
        val edited = first.plan.copy(
            triggers = first.plan.triggers + Trigger(triggerId, "Sunday evenings", TriggerCategory.TIME, RiskLevel.MEDIUM),
            copingPlans = first.plan.copingPlans +
                CopingPlan("", "If Sunday evening feels empty", "then I cook with my sister", listOf(triggerId)),
        )
        val second = vault.savePlan(edited, 1u, false, now())
        assertEquals(2u, second.number)
        assertEquals(32, second.plan.copingPlans.last().id.length)
        assertEquals(second, vault.currentPlan())
        assertEquals(listOf(2u, 1u), vault.planHistory().map { it.number })
        assertEquals(listOf(false, true), vault.planHistory().map { it.withCounselor })
        assertEquals(first, vault.planRevision(1u))

        // Optimistic concurrency: a save based on an old revision is refused.
        for (stale in listOf(1u, null)) {
            try {
                vault.savePlan(edited, stale, false, now())
                fail("expected Conflict")
            } catch (e: KeelException.Conflict) {
                assertEquals(2u, e.currentRevision)
            }
        }
        val badName = edited.copy(triggers = edited.triggers.map { it.copy(name = " ") })
        assertEquals("triggers.name", invalidField { vault.savePlan(badName, 2u, false, now()) })
        assertEquals(2, vault.planHistory().size)
        assertNotFound { vault.planRevision(9u) }
    }

    @Test
    fun clocks() {
        val clock = vault.addClock(SobrietyClockDraft("Alcohol", daysAgo(29)), now("UTC"))
        val now = now("UTC")
        val status = vault.listClocks(now).single()
        assertEquals(clock.id, status.id)
        assertEquals(29u, status.currentDays)
        assertEquals(MilestoneUnit.DAYS, status.nextMilestone.unit)
        assertEquals(30u, status.nextMilestone.count)
        assertEquals(1u, status.nextMilestone.daysAway)

        vault.updateClock(clock.id, SobrietyClockDraft("Everything", daysAgo(7)), now("UTC"))
        val renamed = vault.listClocks(now).single()
        assertEquals("Everything", renamed.label)
        assertEquals(7u, renamed.milestoneToday?.count)

        assertEquals("label", invalidField { vault.addClock(SobrietyClockDraft("", daysAgo(1)), now("UTC")) })
        assertEquals("sobriety_date", invalidField { vault.addClock(SobrietyClockDraft("x", daysAgo(-3)), now("UTC")) })
        assertEquals("sobriety_date", invalidField { vault.addClock(SobrietyClockDraft("x", CalendarDate(2025, 2u, 30u)), now("UTC")) })
        try {
            vault.listClocks(now("Mars/Olympus"))
            fail("expected InvalidInput")
        } catch (e: KeelException.InvalidInput) {
            assertEquals("zone" to "unknown_zone", e.field to e.reason)
        }
        // 2026-11-30 05:00 UTC is still the 29th in Pago Pago (UTC-11).
        val nov30 = SobrietyClockDraft("x", CalendarDate(2026, 11u, 30u))
        assertEquals("sobriety_date", invalidField { vault.addClock(nov30, Now(1_796_014_800_000L, "Pacific/Pago_Pago")) })
        vault.deleteClock(vault.addClock(nov30, Now(1_796_014_800_000L, "Europe/London")).id)
        vault.deleteClock(clock.id)
        assertTrue(vault.listClocks(now).isEmpty())
        assertNotFound { vault.deleteClock(clock.id) }
    }

    @Test
    fun cravingsEncountersAndCheckIns() {
        val plan = vault.savePlan(planTemplate(Language.ENGLISH), null, false, now()).plan
        val lonely = plan.triggers[0]
        val saved = vault.addCraving(
            craving(
                3.0, 7, listOf(planTrigger(lonely.id), newTrigger("rainy day")),
                listOf(CopingTag(plan.copingPlans[0].id, ""), CopingTag(null, "took a shower")),
            ),
        )
        assertEquals(lonely.name, saved.triggers[0].name)
        assertEquals(TriggerCategory.LONELY, saved.triggers[0].category)
        assertEquals(plan.copingPlans[0].thenAction, saved.coping[0].text)
        assertEquals(saved, vault.getCraving(saved.id))
        val older = vault.addCraving(craving(30.0, 3))
        val edited = vault.updateCraving(older.id, craving(2.0, 4, outcome = CravingOutcome.LEFT_THE_SITUATION))
        assertEquals(CravingOutcome.LEFT_THE_SITUATION, edited.outcome)
        val page = vault.listCravings(everything())
        assertEquals(listOf(older.id, saved.id), page.items.map { it.id })
        assertEquals(2uL, page.total)
        val window = vault.listCravings(PageQuery(System.currentTimeMillis() - 24 * hour, null, 1u, 1u))
        assertEquals(listOf(saved.id), window.items.map { it.id })
        vault.deleteCraving(older.id)
        assertNotFound { vault.getCraving(older.id) }

        val encounter = vault.addEncounter(
            EncounterDraft(at(5.0), listOf(newTrigger("old friend", TriggerCategory.PEOPLE)), context(), "Didn't answer", emptyList(), ""),
        )
        assertEquals(encounter, vault.getEncounter(encounter.id))
        val changed = vault.updateEncounter(encounter.id, EncounterDraft(at(4.0), encounter.triggers, context(), "Walked away", emptyList(), ""))
        assertEquals("Walked away", changed.howHandled)
        assertEquals(1uL, vault.listEncounters(everything()).total)
        assertEquals("triggers", invalidField {
            vault.addEncounter(EncounterDraft(at(), emptyList(), context(), "", emptyList(), ""))
        })
        vault.deleteEncounter(encounter.id)
        assertEquals(0uL, vault.listEncounters(everything()).total)

        val ci = vault.addCheckIn(checkIn(halt = Halt(false, true, false, true)))
        assertEquals(Halt(false, true, false, true), ci.halt)
        assertEquals(ci, vault.getCheckIn(ci.id))
        assertEquals(6.toUByte(), vault.updateCheckIn(ci.id, checkIn(cravingLevel = 6)).cravingLevel)
        assertEquals(listOf(ci.id), vault.listCheckIns(everything()).items.map { it.id })
        vault.deleteCheckIn(ci.id)
        assertTrue(vault.listCheckIns(everything()).items.isEmpty())
    }

    @Test
    fun badEntriesNameTheirFieldAndUnknownIdsAreNotFound() {
        assertEquals("intensity", invalidField { vault.addCraving(craving(intensity = 11)) })
        assertEquals("at", invalidField { vault.addCraving(craving(hoursAgo = -2.0)) })
        assertEquals("triggers.name", invalidField { vault.addCraving(craving(triggers = listOf(newTrigger(" ")))) })
        assertEquals("triggers", invalidField { vault.addCraving(craving(triggers = listOf(planTrigger(newPlanItemId())))) })
        assertEquals("notes", invalidField { vault.addCraving(craving().copy(notes = "x".repeat(10_001))) })
        assertEquals("craving_level", invalidField { vault.addCheckIn(checkIn(cravingLevel = 12)) })
        assertEquals("intention", invalidField { vault.addCheckIn(checkIn(intention = "x".repeat(201))) })
        assertEquals("clock_ids", invalidField { vault.addLapse(lapse(listOf(newPlanItemId()), true), now("UTC"), Language.ENGLISH) })
        assertEquals("limit", invalidField { vault.listLapses(everything(0)) })
        assertEquals("id", invalidField { vault.getLapse("not an id") })
        val unknown = newPlanItemId()
        assertNotFound { vault.getCraving(unknown) }
        assertNotFound { vault.updateCheckIn(unknown, checkIn()) }
        assertNotFound { vault.deleteEncounter(unknown) }
        assertNotFound { vault.deleteLapse(unknown) }
        assertEquals(0uL, vault.listCravings(everything()).total)
        assertEquals(0uL, vault.listCheckIns(everything()).total)
    }

    @Test
    fun lapsesAndTheTodayScreen() {
        val empty = vault.today(now(), Language.ENGLISH)
        assertTrue(empty.clocks.isEmpty() && empty.recent.isEmpty() && empty.suggestions.isEmpty())
        assertFalse(empty.checkedInToday)
        assertNull(empty.planRevision)
        assertEquals(listOf("988", "1-800-662-4357"), empty.crisisContacts.map { it.phone })

        val template = planTemplate(Language.ENGLISH)
        val withPhone = template.copy(contacts = template.contacts.mapIndexed { i, c -> if (i == 0) c.copy(phone = "555-0100") else c })
        val plan = vault.savePlan(withPhone, null, true, now()).plan
        val lonely = plan.triggers[0]
        val clock = vault.addClock(SobrietyClockDraft("Opioids", daysAgo(40)), now("UTC"))
        for (weeks in 1..3) {
            vault.addCraving(craving(weeks * 7 * 24.0, 6, listOf(planTrigger(lonely.id))))
        }
        val ci = vault.addCheckIn(checkIn())

        val screen = vault.today(now(), Language.ENGLISH)
        assertEquals(1u, screen.planRevision)
        assertTrue(screen.checkedInToday)
        assertEquals(ci.id, screen.todaysCheckIn?.id)
        assertEquals(EntryKind.CHECK_IN, screen.recent[0].kind)
        assertEquals(listOf(lonely.name), screen.recent[1].triggers)
        assertEquals(clock.id, screen.clocks.single().id)
        val top = screen.suggestions[0]
        assertEquals(SuggestionReason.LOGGED_AT_THIS_TIME, top.reason)
        assertEquals(plan.copingPlans[0].id, top.copingPlan.id)
        assertEquals(listOf("988", "1-800-662-4357", "555-0100"), screen.crisisContacts.map { it.phone })
        assertEquals(ContactRole.SPONSOR, screen.crisisContacts[2].role)

        val logged = vault.addLapse(lapse(listOf(clock.id), false), now("UTC"), Language.ENGLISH)
        assertTrue(logged.lapsePlan.overdoseSafety.isNotEmpty())
        assertEquals(logged.lapsePlan.steps, logged.message.nextSteps)
        assertTrue(logged.message.title.startsWith("Thank you for logging this"))
        assertEquals(40u, logged.clocks.single().currentDays)
        val reset = vault.updateLapse(logged.lapse.id, lapse(listOf(clock.id), true))
        assertTrue(reset.resetsClocks)
        assertEquals(reset, vault.getLapse(reset.id))
        assertEquals(listOf(reset.id), vault.listLapses(everything()).items.map { it.id })
        val after = vault.today(now("UTC"), Language.ENGLISH)
        assertNotNull(after.lapsePlan)
        assertEquals(0u, after.clocks.single().currentDays)
        assertTrue(after.recent[0].anyUse)
        vault.deleteLapse(reset.id)
        assertEquals(40u, vault.listClocks(now("UTC")).single().currentDays)

        vault.lock()
        try {
            vault.today(now(), Language.ENGLISH)
            fail("expected Locked")
        } catch (e: KeelException.Locked) {
            // expected
        }
        vault.unlockWithPassphrase(passphrase)
        assertEquals(1u, vault.today(now(), Language.ENGLISH).planRevision)
    }

    @Test
    fun onATripTodayIsTheDayWhereThePhoneIs() {
        // A check-in in New York on Monday 2026-11-23 at 19:00 (00:00 UTC Tuesday).
        val at = 1_795_478_400_000L
        vault.addCheckIn(checkIn().copy(at = Moment(at, newYork)))
        val la = vault.today(Now(at + hour, "America/Los_Angeles"), Language.ENGLISH)
        assertEquals(23.toUByte(), la.date.day)
        assertTrue(la.checkedInToday)
        val tokyo = vault.today(Now(at + hour, "Asia/Tokyo"), Language.ENGLISH)
        assertEquals(24.toUByte(), tokyo.date.day)
        assertFalse(tokyo.checkedInToday)
    }
}
