package org.keel.tests

import org.junit.After
import org.junit.Assert.assertEquals
import org.junit.Assert.assertFalse
import org.junit.Assert.assertTrue
import org.junit.Assert.fail
import org.junit.Before
import org.junit.Rule
import org.junit.Test
import org.junit.rules.TemporaryFolder
import org.keel.core.CalendarDate
import org.keel.core.CheckInDraft
import org.keel.core.CopingTag
import org.keel.core.CravingDraft
import org.keel.core.CravingOutcome
import org.keel.core.EntryContext
import org.keel.core.Language
import org.keel.core.Halt
import org.keel.core.KeelException
import org.keel.core.LapseDraft
import org.keel.core.Moment
import org.keel.core.Now
import org.keel.core.Mood
import org.keel.core.ReportRequest
import org.keel.core.ReportTopic
import org.keel.core.SobrietyClockDraft
import org.keel.core.TriggerCategory
import org.keel.core.TriggerTag
import org.keel.core.Vault
import org.keel.core.csvExportWarning
import java.time.Instant
import java.time.ZoneOffset

/**
 * Insights, the full counselor report, CSV and FHIR through the generated
 * Kotlin bindings on the JVM.
 */
class ExportsTest {
    @get:Rule
    val tmp = TemporaryFolder()

    private lateinit var vault: Vault
    private val hour = 3_600_000L
    private val formula = "=HYPERLINK(\"http://evil.example\")"

    @Before
    fun createVault() {
        vault = Vault.create(tmp.root.resolve("vault").path, "a long enough passphrase")
        val context = EntryContext("", "", Halt(false, false, false, true), null)
        for (i in 1..3) {
            vault.addCraving(
                CravingDraft(
                    at(24.0 * i), (3 + i).toUByte(), 15u,
                    listOf(TriggerTag(null, "Payday", TriggerCategory.TIME)), context,
                    listOf(CopingTag(null, "Called Sam")), CravingOutcome.RODE_IT_OUT, if (i == 1) formula else "",
                ),
            )
            vault.addCheckIn(CheckInDraft(at(24.0 * i + 1), Mood.GOOD, 2u, 420u, "Walk at lunch", false, Halt(false, false, false, false), ""))
        }
    }

    @After
    fun closeVault() {
        vault.lock()
        vault.close()
    }

    private fun at(hoursAgo: Double) = Moment(System.currentTimeMillis() - (hoursAgo * hour).toLong(), 0)

    private fun date(t: Moment): CalendarDate {
        val d = Instant.ofEpochMilli(t.utcMillis).atOffset(ZoneOffset.UTC).toLocalDate()
        return CalendarDate(d.year, d.monthValue.toUByte(), d.dayOfMonth.toUByte())
    }

    @Test
    fun insightsAndTheFullReport() {
        val now = at(0.0)
        val phone = Now(now.utcMillis, "UTC")
        val insights = vault.insights(date(at(24.0 * 10)), date(now), phone, Language.ENGLISH)
        assertEquals(168, insights.heatMap.size)
        assertEquals(3u, insights.days.sumOf { it.cravings })
        assertEquals("Payday", insights.topTriggers.single().name)
        assertEquals(3u, insights.coping.single().worked)
        try {
            vault.insights(date(now), date(at(24.0 * 10)), phone, Language.ENGLISH)
            fail("a reversed period was accepted")
        } catch (e: KeelException.InvalidInput) {
            assertEquals("period", e.field)
        }

        val request = ReportRequest(
            date(at(24.0 * 10)), date(now),
            listOf(ReportTopic.PLAN, ReportTopic.CRAVINGS, ReportTopic.CHECKINS, ReportTopic.EXERCISES, ReportTopic.ATTENDANCE, ReportTopic.INSIGHTS),
            Language.ENGLISH, phone,
        )
        val preview = vault.reportPreview(request)
        assertEquals(listOf("overview", "plan", "cravings", "checkins", "exercises", "attendance", "insights"), preview.sections.map { it.id })
    }

    @Test
    fun streakHistoryIsPerClockAndBounded() {
        val phone = Now(System.currentTimeMillis(), "UTC")
        val today = Instant.ofEpochMilli(phone.utcMillis).atOffset(ZoneOffset.UTC).toLocalDate()
        fun cal(daysAgo: Long) = today.minusDays(daysAgo).let { CalendarDate(it.year, it.monthValue.toUByte(), it.dayOfMonth.toUByte()) }
        val clock = vault.addClock(SobrietyClockDraft("Alcohol", cal(60)), phone)
        // A resetting lapse at noon UTC every third day, 57 days ago to 3:
        // 19 resets, so 20 streaks (the first of 3 days, then 2 each, then the current one).
        for (daysAgo in 57L downTo 3L step 3) {
            val noon = today.minusDays(daysAgo).atTime(12, 0).toInstant(ZoneOffset.UTC).toEpochMilli()
            val context = EntryContext("", "", Halt(false, false, false, false), null)
            vault.addLapse(LapseDraft(Moment(noon, 0), listOf(clock.id), true, "", emptyList(), context, ""), phone, Language.ENGLISH)
        }
        val insights = vault.insights(cal(6), cal(0), phone, Language.ENGLISH)
        val history = insights.streakHistory.single()
        assertEquals(clock.id, history.clockId)
        assertEquals(12, history.streaks.size)
        assertEquals(8u, history.olderStreaks)
        val current = history.streaks.last()
        assertEquals(null, current.lastDay)
        assertEquals(null, current.resetOn)
        assertEquals(cal(2), current.firstDay)
        assertEquals(insights.clocks.single().currentDays, current.days)
        val finished = history.streaks.dropLast(1)
        assertTrue(finished.all { it.days == 2u && it.lapsesWithin == 0u })
        assertEquals(cal(3), finished.last().resetOn)
        // The longest (3 days, the first) is among the older streaks: the clock still says so.
        assertEquals(3u, insights.clocks.single().longestDays)
        vault.lock()
        try {
            vault.insights(cal(6), cal(0), phone, Language.ENGLISH)
            fail("a locked vault answered")
        } catch (e: KeelException.Locked) {
            // expected
        }
    }

    @Test
    fun csvNeedsConfirmationAndFhirIsABundle() {
        assertTrue(csvExportWarning(Language.ENGLISH).contains("not encrypted"))
        try {
            vault.exportCsv(false)
            fail("an unconfirmed CSV export was allowed")
        } catch (e: KeelException.InvalidInput) {
            assertEquals("confirmed", e.field)
        }
        val csv = vault.exportCsv(true)
        val cravings = csv.files.first { it.name == "cravings.csv" }
        assertEquals(3u, cravings.rows)
        assertTrue(cravings.content.contains("'$formula".replace("\"", "\"\"")))
        assertFalse(cravings.content.lines().any { it.startsWith("=") })

        val zip = vault.exportCsvZip(true)
        val names = mutableListOf<String>()
        java.util.zip.ZipInputStream(zip.bytes.inputStream()).use { z ->
            while (true) names.add((z.nextEntry ?: break).name)
        }
        assertEquals(zip.files.map { it.name }, names)
        val since = System.currentTimeMillis() - 36 * 3_600_000L
        assertEquals(1u, vault.exportCsv(true, since).files.first { it.name == "cravings.csv" }.rows)
        assertEquals(2u, vault.exportFhir(Now(System.currentTimeMillis(), "UTC"), since, null).observations)

        try {
            vault.exportFhir(Now(System.currentTimeMillis(), "Asia/Calcutta "))
            fail("an unknown zone was accepted")
        } catch (e: KeelException.InvalidInput) {
            assertEquals("zone" to "unknown_zone", e.field to e.reason)
        }
        val fhir = vault.exportFhir(Now(System.currentTimeMillis(), "Asia/Kolkata"))
        assertTrue(fhir.json.contains("+05:30\""))
        assertTrue(fhir.json.contains("\"resourceType\":\"Bundle\""))
        assertEquals(6u, fhir.observations)
        assertFalse(fhir.json.contains("Sam"))
    }

    @Test
    fun fullwidthFormulasAreGuardedAndFhirIdsAreStable() {
        val fullwidth = "\uFF1DHYPERLINK(\"http://evil.example\")"
        val context = EntryContext("", "", Halt(false, false, false, false), null)
        vault.addCraving(CravingDraft(at(30.0), 2u, null, listOf(), context, listOf(), CravingOutcome.RODE_IT_OUT, fullwidth))
        val cravings = vault.exportCsv(true).files.first { it.name == "cravings.csv" }
        assertTrue(cravings.content.contains("'$fullwidth".replace("\"", "\"\"")))

        val uuid = "([0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12})"
        fun ids(json: String): List<String> {
            val urls = Regex("\"fullUrl\":\"urn:uuid:$uuid\"").findAll(json).map { it.groupValues[1] }.toList()
            val resources = Regex("\"id\":\"$uuid\"").findAll(json).map { it.groupValues[1] }.toList()
            assertEquals(urls, resources)
            return urls
        }
        val all = ids(vault.exportFhir(Now(System.currentTimeMillis(), "UTC")).json)
        assertEquals(7, all.size)
        assertEquals(all.size, all.toSet().size)
        // Another range, another zone, exported later: the same ids.
        val since = System.currentTimeMillis() - 36 * 3_600_000L
        val ranged = ids(vault.exportFhir(Now(System.currentTimeMillis(), "Asia/Kolkata"), since, null).json)
        assertEquals(3, ranged.size)
        assertTrue(all.containsAll(ranged))
    }
}
