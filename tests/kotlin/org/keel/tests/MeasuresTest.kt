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
import org.keel.core.KeelException
import org.keel.core.Language
import org.keel.core.MeasureAnswer
import org.keel.core.MeasureDirection
import org.keel.core.MeasureFlag
import org.keel.core.MeasureForm
import org.keel.core.MeasureKind
import org.keel.core.MeasureSchedule
import org.keel.core.Now
import org.keel.core.ReminderKind
import org.keel.core.Vault
import org.keel.core.measureForm

/**
 * Standard measures (BAM, PHQ-9, GAD-7, AUDIT-C) through the generated
 * Kotlin bindings on the JVM: forms, submit and edit, the crisis flag, what
 * is due, schedules, reminders, history and trends, and typed errors.
 * Behaviour is tested in the core; this tests the FFI.
 */
class MeasuresTest {
    @get:Rule
    val tmp = TemporaryFolder()

    private lateinit var vault: Vault
    private val day = 86_400_000L

    @Before
    fun createVault() {
        vault = Vault.create(tmp.root.resolve("vault").path, "a long enough passphrase")
    }

    @After
    fun closeVault() {
        vault.lock()
        vault.close()
    }

    private fun now(offsetMs: Long = 0, zone: String = "America/Chicago") =
        Now(System.currentTimeMillis() + offsetMs, zone)

    /** Every required, always-asked item at [value] (or its first option). */
    private fun answers(form: MeasureForm, value: Int, vararg override: Pair<String, Int>): List<MeasureAnswer> {
        val o = override.toMap()
        return form.items.filter { it.required && it.askedIf == null }.map { item ->
            val values = item.choices.map { it.value.toInt() }
            val v = o[item.key] ?: if (value in values) value else values.first()
            MeasureAnswer(item.key, v.toUByte())
        }
    }

    private inline fun <reified E : KeelException> expect(call: () -> Unit): E {
        try {
            call()
        } catch (e: KeelException) {
            if (e is E) return e
            fail("expected ${E::class.simpleName}, got ${e::class.simpleName}")
        }
        fail("expected ${E::class.simpleName}")
        throw AssertionError()
    }

    @Test
    fun formsInPublishedLanguagesOnly() {
        val phq = measureForm(MeasureKind.PHQ9, Language.SPANISH)
        assertEquals("PHQ-9", phq.shortName)
        assertTrue(phq.instructions!!.startsWith("Durante las últimas 2 semanas"))
        assertEquals("Ningún día", phq.items[0].choices[0].label)
        assertFalse(phq.items.last().required)
        val bam = measureForm(MeasureKind.BAM, Language.ENGLISH)
        assertEquals(16, bam.items.count { it.askedIf == null }) // item 7 is 7A-7G
        assertEquals(listOf(Language.ENGLISH), bam.languages)
        val e = expect<KeelException.InvalidInput> { measureForm(MeasureKind.BAM, Language.SPANISH) }
        assertEquals("language" to "not_available", e.field to e.reason)
    }

    @Test
    fun submitScoresFlagsCrisisAndEdits() {
        val form = measureForm(MeasureKind.PHQ9, Language.ENGLISH)
        val got = vault.submitMeasure(MeasureKind.PHQ9, Language.ENGLISH, answers(form, 1), null, now())
        val r = got.response
        assertEquals(9, r.scores.single().value.toInt())
        assertEquals("Mild", r.scores.single().bandLabel)
        assertEquals(listOf(MeasureFlag.CRISIS), r.flags)
        assertNotNull(got.crisis)
        val crisis = got.crisis!!
        assertTrue(crisis.contacts.any { it.phone == "988" })

        val edited = vault.submitMeasure(
            MeasureKind.PHQ9, Language.ENGLISH, answers(form, 1, "phq9.9" to 0), r.id, now(),
        )
        assertEquals(r.id, edited.response.id)
        assertNull(edited.crisis)
        assertTrue(edited.response.flags.isEmpty())

        val missing = answers(form, 0).filter { it.item != "phq9.4" }
        val e = expect<KeelException.InvalidInput> {
            vault.submitMeasure(MeasureKind.PHQ9, Language.ENGLISH, missing, null, now())
        }
        assertEquals("phq9.4" to "required", e.field to e.reason)
        val closed = expect<KeelException.InvalidInput> {
            vault.submitMeasure(MeasureKind.PHQ9, Language.ENGLISH, answers(form, 0), r.id, now(15 * day))
        }
        assertEquals("id" to "period_closed", closed.field to closed.reason)
        expect<KeelException.NotFound> {
            vault.submitMeasure(MeasureKind.PHQ9, Language.ENGLISH, answers(form, 0), "00".repeat(16), now())
        }
        assertEquals(1, vault.measureHistory(MeasureKind.PHQ9, now(), Language.ENGLISH).responses.size)
    }

    @Test
    fun bamDueHistoryTrendsAndReminders() {
        assertEquals(listOf(MeasureKind.BAM), vault.measuresDue(now(), Language.ENGLISH).map { it.measure })
        assertEquals(listOf(MeasureKind.BAM), vault.today(now(), Language.ENGLISH).measuresDue.map { it.measure })
        val form = measureForm(MeasureKind.BAM, Language.ENGLISH)
        vault.submitMeasure(MeasureKind.BAM, Language.ENGLISH, answers(form, 1, "bam.6" to 0), null, now(-7 * day))
        val week2 = answers(form, 1, "bam.8" to 3, "bam.6" to 0)
        vault.submitMeasure(MeasureKind.BAM, Language.ENGLISH, week2, null, now())
        val h = vault.measureHistory(MeasureKind.BAM, now(), Language.ENGLISH)
        val risk = h.trends.first { it.key == "risk" }
        assertEquals(2, risk.change)
        assertEquals(MeasureDirection.WORSE, risk.direction)
        assertEquals(listOf("bam.8"), h.movedItems.map { it.key })

        val saved = vault.setMeasureSchedule(MeasureSchedule(MeasureKind.GAD7, true, 14u.toUShort(), (8 * 60).toUShort()))
        assertTrue(saved[2].enabled)
        val reminders = vault.upcomingReminders(now(), 48u, null, Language.SPANISH)
        val m = reminders.filter { it.kind is ReminderKind.Measure }
        assertEquals(MeasureKind.GAD7, (m.single().kind as ReminderKind.Measure).measure)
        val bad = expect<KeelException.InvalidInput> {
            vault.setMeasureSchedule(MeasureSchedule(MeasureKind.GAD7, true, 0u.toUShort(), null))
        }
        assertEquals("every_days" to "out_of_range", bad.field to bad.reason)
    }
}
