package org.keel.tests

import org.junit.After
import org.junit.Assert.assertEquals
import org.junit.Assert.assertNull
import org.junit.Assert.assertTrue
import org.junit.Assert.fail
import org.junit.Before
import org.junit.Rule
import org.junit.Test
import org.junit.rules.TemporaryFolder
import org.keel.core.CalendarDate
import org.keel.core.CopingTag
import org.keel.core.CravingDraft
import org.keel.core.CravingOutcome
import org.keel.core.Fellowship
import org.keel.core.MeetingKind
import org.keel.core.DateRangePreset
import org.keel.core.EntryContext
import org.keel.core.Halt
import org.keel.core.HistoryKind
import org.keel.core.HistoryQuery
import org.keel.core.KeelException
import org.keel.core.Language
import org.keel.core.Moment
import org.keel.core.NoteDraft
import org.keel.core.Now
import org.keel.core.TriggerCategory
import org.keel.core.TriggerTag
import org.keel.core.Vault
import org.keel.core.planTemplate

/**
 * Screen records the core computes for the shells (craving form, history,
 * date-range presets, Today's additions) through the generated Kotlin
 * bindings on the JVM. Behaviour is tested in the core; this tests the FFI.
 */
class ScreensTest {
    @get:Rule
    val tmp = TemporaryFolder()

    private lateinit var vault: Vault

    private val passphrase = "a long enough passphrase"
    private val hour = 3_600_000L

    @Before
    fun createVault() {
        vault = Vault.create(tmp.root.resolve("vault").path, passphrase)
    }

    @After
    fun closeVault() {
        vault.lock()
        vault.close()
    }

    private fun at(hoursAgo: Double = 0.0) = Moment(System.currentTimeMillis() - (hoursAgo * hour).toLong(), -300)

    private fun craving(hoursAgo: Double, triggers: List<TriggerTag>, coping: List<CopingTag> = emptyList()) =
        CravingDraft(
            at(hoursAgo), 5u, 10u, triggers, EntryContext("", "", Halt(false, false, false, false), null),
            coping, CravingOutcome.RODE_IT_OUT, "",
        )

    private fun free(name: String) = TriggerTag(null, name, TriggerCategory.PLACE)

    private fun assertLocked(call: () -> Unit) {
        try {
            call()
            fail("expected Locked")
        } catch (e: KeelException.Locked) {
            // expected
        }
    }

    @Test
    fun cravingForm() {
        val empty = vault.cravingForm()
        assertNull(empty.planRevision)
        assertTrue(empty.triggers.isEmpty() && empty.recentTriggers.isEmpty())

        val plan = vault.savePlan(planTemplate(Language.ENGLISH), null, false, Now(System.currentTimeMillis(), "America/New_York")).plan
        vault.addCraving(craving(5.0, listOf(free("Old bar")), listOf(CopingTag(null, "Tea"))))
        vault.addCraving(craving(1.0, listOf(free("old bar "), free("Payday"))))
        val form = vault.cravingForm()
        assertEquals(1u, form.planRevision)
        assertEquals(plan.triggers, form.triggers)
        assertEquals(plan.copingPlans, form.copingPlans)
        assertEquals(listOf("old bar", "Payday"), form.recentTriggers.map { it.name })
        assertEquals(TriggerCategory.PLACE, form.recentTriggers[0].category)
        assertEquals(listOf("Tea"), form.recentCoping.map { it.text })

        vault.lock()
        assertLocked { vault.cravingForm() }
    }

    @Test
    fun dateRangePresets() {
        // Wednesday 2026-03-11 23:30 in Chicago (already Thursday in UTC).
        val now = Now(1_773_289_800_000L, "America/Chicago")
        val ranges = vault.dateRangePresets(now, Language.ENGLISH)
        assertEquals(DateRangePreset.THIS_WEEK, ranges[0].preset)
        assertTrue(ranges.none { it.preset == DateRangePreset.SINCE_LAST_REPORT })
        assertEquals(CalendarDate(2026, 3u, 9u), ranges[0].firstDay)
        assertEquals(1_773_291_600_000L, ranges[0].endUtcMillis)
        val seven = vault.dateRange(DateRangePreset.LAST7_DAYS, now, Language.SPANISH)!!
        assertEquals("Últimos 7 días", seven.label)
        assertEquals(7 * 24 * hour - hour, seven.endUtcMillis - seven.startUtcMillis)
        assertNull(vault.dateRange(DateRangePreset.SINCE_LAST_REPORT, now, Language.ENGLISH))
        try {
            vault.dateRangePresets(Now(System.currentTimeMillis(), "Mars/Olympus"), Language.ENGLISH)
            fail("expected InvalidInput")
        } catch (e: KeelException.InvalidInput) {
            assertEquals("zone", e.field)
        }
        vault.lock()
        assertLocked { vault.dateRange(DateRangePreset.THIS_WEEK, now, Language.ENGLISH) }
    }

    @Test
    fun history() {
        vault.addCraving(craving(1.0, listOf(free("Rain"))))
        vault.addNote(NoteDraft(at(2.0), "A good day.\nMore"))
        for (h in 3..7) vault.addCraving(craving(h.toDouble(), emptyList()))
        fun query(token: String? = null, kinds: List<HistoryKind> = emptyList()) =
            HistoryQuery(null, null, kinds, token, 3u)
        val first = vault.history(query(), Language.ENGLISH)
        assertEquals(listOf(HistoryKind.CRAVING, HistoryKind.NOTE, HistoryKind.CRAVING), first.items.map { it.kind })
        assertEquals("Craving 5/10 · Rain", first.items[0].summary)
        vault.addCraving(craving(0.0, emptyList()))
        val second = vault.history(query(first.nextPageToken), Language.SPANISH)
        val third = vault.history(query(second.nextPageToken), Language.ENGLISH)
        assertNull(third.nextPageToken)
        val ids = (first.items + second.items + third.items).map { it.id }
        assertEquals(7, ids.toSet().size)
        assertEquals(7, ids.size)
        assertEquals(listOf(HistoryKind.NOTE), vault.history(query(kinds = listOf(HistoryKind.NOTE)), Language.ENGLISH).items.map { it.kind })
        try {
            vault.history(query("not a token"), Language.ENGLISH)
            fail("expected InvalidInput")
        } catch (e: KeelException.InvalidInput) {
            assertEquals("page_token", e.field)
        }
        vault.lock()
        assertLocked { vault.history(query(), Language.ENGLISH) }
    }

    @Test
    fun todayExercise() {
        val now = Now(System.currentTimeMillis(), "America/Chicago")
        val calm = vault.today(now, Language.ENGLISH)
        assertNull(calm.ongoingCraving)
        assertNull(calm.nextMeeting)
        assertTrue(calm.exercise.reasonText.isNotEmpty())
        val ongoing = vault.addCraving(craving(0.2, emptyList()).copy(outcome = CravingOutcome.ONGOING))
        val screen = vault.today(now, Language.SPANISH)
        assertEquals(ongoing.id, screen.ongoingCraving?.id)
        assertEquals("mbrp.urge-surfing", screen.exercise.exercise.id)
    }

    @Test
    fun meetingGuideFeed() {
        val example = java.io.File("core/tests/fixtures/meeting-guide/example-meeting.json").readText()
        val source = "https://example.org/meetings.json"
        // Wednesday 2026-11-25 12:00 in Los Angeles.
        val now = Now(1_795_636_800_000L, "America/Los_Angeles")
        val aa = MeetingKind.TwelveStep(Fellowship.AA)
        val got = vault.previewMeetingGuide("[$example]", source, aa, now)
        val first = got.meetings.single()
        assertNull(first.alreadyAddedId)
        assertEquals(CalendarDate(2026, 11u, 29u), first.draft.schedule.startDate)
        val saved = vault.addMeetingsFromGuide(source, got.meetings).single()
        assertEquals("sunday-serenity-14", saved.source?.slug)
        val again = vault.previewMeetingGuide("[$example]", source, aa, now)
        assertEquals(saved.id, again.meetings.single().alreadyAddedId)
        assertEquals(saved.id, vault.addMeetingsFromGuide(source, again.meetings).single().id)
        assertEquals(1, vault.listMeetings().meetings.size)
        try {
            vault.addMeetingsFromGuide(source, listOf(first, first))
            fail("expected InvalidInput")
        } catch (e: KeelException.InvalidInput) {
            assertEquals("slug", e.field)
        }
        vault.lock()
        assertLocked { vault.previewMeetingGuide("[$example]", source, aa, now) }
    }
}
