package org.keel.android.jvm

import androidx.compose.ui.test.hasClickAction
import androidx.compose.ui.test.hasSetTextAction
import androidx.compose.ui.test.hasText
import androidx.compose.ui.test.junit4.ComposeContentTestRule
import androidx.compose.ui.test.junit4.createComposeRule
import androidx.compose.ui.test.performClick
import androidx.compose.ui.test.performScrollTo
import androidx.compose.ui.test.performTextInput
import java.io.File
import java.util.concurrent.CountDownLatch
import java.util.concurrent.TimeUnit
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.launch
import kotlinx.coroutines.runBlocking
import org.junit.Assert.assertEquals
import org.junit.Assert.assertFalse
import org.junit.Assert.assertNull
import org.junit.Assert.assertTrue
import org.junit.Rule
import org.junit.Test
import org.junit.rules.TemporaryFolder
import org.keel.android.core.RustVaultGateway
import org.keel.android.ui.AppModel
import org.keel.android.ui.KeelApp
import org.keel.android.ui.ReportStep
import org.keel.android.ui.Str
import org.keel.core.CravingDraft
import org.keel.core.CravingOutcome
import org.keel.core.DateRangePreset
import org.keel.core.EntryContext
import org.keel.core.Halt
import org.keel.core.Language
import org.keel.core.Moment
import org.keel.core.NoteDraft
import org.keel.core.Vault
import org.keel.core.csvExportWarning

/**
 * The counselor report and the exports, driven through the app on a real
 * vault in a temp folder, with the system's picker and share sheet recorded.
 */
class ReportFlowTest {
    @get:Rule val rule = createComposeRule()
    @get:Rule val tmp = TemporaryFolder()

    private val en = Fixtures.strings.strings(Language.ENGLISH)
    private val documents = RecordingDocuments()
    private val offset = Fixtures.clock.zone.rules.getOffset(Fixtures.clock.instant()).totalSeconds / 60
    private val now = org.keel.core.Now(Fixtures.clock.millis(), Fixtures.clock.zone.id)

    /** What only the vault holds: it must never appear in a file that leaves it unencrypted by mistake. */
    private val secretNote = "Told my sister about the relapse"

    private fun hoursAgo(h: Long) = Moment(Fixtures.clock.millis() - h * 3_600_000, offset)

    /** A vault with a plan, two cravings and a journal note, opened in the app through Unlock. */
    private fun unlockedApp(): Pair<AppModel, RustVaultGateway> {
        Vault.create(tmp.root.path, Fixtures.PASSPHRASE).use { v ->
            v.savePlan(Fixtures.planWithPhone(Language.ENGLISH), null, false, now)
            for (h in listOf(5L, 30L)) {
                v.addCraving(
                    CravingDraft(hoursAgo(h), 6.toUByte(), 10u, emptyList(), EntryContext("", "", Halt(false, false, false, true), null), emptyList(), CravingOutcome.RODE_IT_OUT, ""),
                )
            }
            v.addNote(NoteDraft(hoursAgo(2), secretNote))
        }
        val gateway = Fixtures.gateway(tmp.root)
        val app = Fixtures.app(gateway, documents = documents)
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
        rule.waitUntil(30_000) { rule.onAllNodes(hasClickAction() and hasText(text)).fetchSemanticsNodes().isNotEmpty() }
        rule.onNode(hasClickAction() and hasText(text)).performScrollTo().performClick()
    }

    private fun shown(text: String, substring: Boolean = false) =
        rule.onAllNodes(hasText(text, substring = substring)).fetchSemanticsNodes().isNotEmpty()

    private fun files(dir: File): Set<String> = dir.walkTopDown().filter { it.isFile }.map { it.relativeTo(dir).path }.toSet()

    private fun remembered(gateway: RustVaultGateway) =
        runBlocking { gateway.dateRangePresets(Language.ENGLISH).getOrThrow() }.any { it.preset == DateRangePreset.SINCE_LAST_REPORT }

    @Test
    fun aReportIsChosenPreviewedMadeSavedAndSharedThenForgotten() {
        val (app, gateway) = unlockedApp()
        tap(en[Str.action_report])
        rule.waitFor(en[Str.screen_report_intro])
        // The journal is never in the default set: chosen here, by hand.
        tap(en[Str.report_topic_journal])
        tap(en[Str.action_report_preview])
        rule.waitFor(en[Str.screen_report_preview_title])

        val previewed = app.report.state.value.previewed!!
        // Exactly the core's lines are shown, the journal among the parts.
        assertTrue(previewed.preview.sections.any { it.id == "journal" })
        previewed.preview.lines.forEach { assertTrue(it, shown(en[Str.common_bullet, it])) }
        val words = app.report.state.value.passphrase!!
        assertTrue(shown(words))

        tap(en[Str.action_report_make])
        rule.waitFor(en[Str.screen_report_ready_title])
        val state = app.report.state.value
        assertEquals(ReportStep.READY, state.step)
        assertEquals(words, state.passphrase)
        assertTrue(shown(words))
        assertTrue(remembered(gateway))

        tap(en[Str.action_report_save])
        rule.waitFor(en[Str.screen_report_saved])
        val (name, bytes) = documents.saved.entries.single()
        assertEquals(state.fileName, name)
        assertTrue(name, Regex("report-[0-9a-f]{16}\\.html").matches(name))
        val page = bytes.toString(Charsets.UTF_8)
        assertTrue(page.contains("<html", ignoreCase = true))
        // Sealed: neither the note nor the words that open it are in the file.
        assertFalse(page.contains(secretNote))
        assertFalse(page.contains(words))

        tap(en[Str.action_report_share])
        rule.waitFor(en[Str.screen_report_shared])
        assertTrue(documents.shared.getValue(name).contentEquals(bytes))

        // Done: the file and the words are forgotten, and "since your last report" is offered.
        tap(en[Str.action_done])
        rule.waitUntil(30_000) { app.report.state.value.let { it.loaded && it.step == ReportStep.CHOOSE } }
        assertNull(app.report.state.value.passphrase)
        rule.waitUntil(30_000) { app.report.state.value.ranges.any { it.preset == DateRangePreset.SINCE_LAST_REPORT } }
        assertEquals(DateRangePreset.SINCE_LAST_REPORT, app.report.state.value.selected)
    }

    @Test
    fun stoppingAReportLeavesNothingBehind() {
        val (app, gateway) = unlockedApp()
        tap(en[Str.action_report])
        tap(en[Str.action_report_preview])
        rule.waitFor(en[Str.screen_report_preview_title])
        val before = files(tmp.root)

        // Hold the core's one thread so Stop is pressed before the report starts, whatever the machine's speed.
        val holding = CountDownLatch(1)
        val release = CountDownLatch(1)
        CoroutineScope(Dispatchers.Default).launch {
            gateway.withCore {
                holding.countDown()
                release.await(30, TimeUnit.SECONDS)
            }
        }
        assertTrue(holding.await(30, TimeUnit.SECONDS))
        tap(en[Str.action_report_make])
        rule.waitFor(en[Str.screen_report_making_title])
        tap(en[Str.action_report_stop])
        rule.waitFor(en[Str.screen_report_stopping])
        release.countDown()

        rule.waitFor(en[Str.screen_report_cancelled])
        assertEquals(ReportStep.PREVIEW, app.report.state.value.step)
        assertTrue(documents.saved.isEmpty() && documents.shared.isEmpty())
        assertEquals(before, files(tmp.root))
        // The vault does not count a stopped report as the last one.
        assertFalse(remembered(gateway))
    }

    @Test
    fun anEmptyChoiceIsRefusedByTheCoreAndLeavingForgetsAFinishedFile() {
        val (app, _) = unlockedApp()
        tap(en[Str.action_report])
        rule.waitFor(en[Str.screen_report_intro])
        for (t in listOf(
            Str.report_topic_plan, Str.report_topic_cravings, Str.report_topic_checkins,
            Str.report_topic_exercises, Str.report_topic_attendance, Str.report_topic_insights,
        )) {
            tap(en[t])
        }
        tap(en[Str.action_report_preview])
        rule.waitFor(en[Str.screen_report_need_topic])
        assertEquals(ReportStep.CHOOSE, app.report.state.value.step)

        tap(en[Str.report_topic_cravings])
        tap(en[Str.action_report_preview])
        rule.waitFor(en[Str.screen_report_preview_title])
        tap(en[Str.action_report_make])
        rule.waitFor(en[Str.screen_report_ready_title])
        // Locking replaces the screens: the file and its words are wiped.
        rule.runOnIdle { app.lock() }
        rule.waitFor(en[Str.screen_unlock_title])
        rule.waitUntil(30_000) { app.report.state.value.passphrase == null && app.report.state.value.fileName == null }
    }

    @Test
    fun csvNeedsTheWarningAcceptedThenCsvAndFhirAreSavedAndShared() {
        val (app, _) = unlockedApp()
        tap(en[Str.action_exports])
        // The core's own warning, word for word.
        rule.waitFor(csvExportWarning(Language.ENGLISH))

        // Not ticked: the core refuses, nothing is made.
        tap(en[Str.action_export_csv])
        rule.waitFor(en[Str.screen_export_need_confirm])
        assertNull(app.exports.state.value.made)
        assertTrue(documents.saved.isEmpty())

        tap(en[Str.screen_export_csv_confirm])
        tap(en[Str.action_export_csv])
        rule.waitFor(en[Str.screen_export_csv_ready, "logs-csv.zip"])
        assertTrue(shown(en[Str.common_bullet, en[Str.screen_export_file_rows, "cravings.csv", 2]]))
        tap(en[Str.action_report_save])
        rule.waitFor(en[Str.screen_report_saved])
        val zip = documents.saved.getValue("logs-csv.zip")
        assertEquals("PK", zip.copyOfRange(0, 2).toString(Charsets.US_ASCII))

        tap(en[Str.action_export_fhir])
        rule.waitFor("fhir-bundle.json", substring = true)
        tap(en[Str.action_report_share])
        rule.waitFor(en[Str.screen_report_shared])
        val bundle = documents.shared.getValue("fhir-bundle.json").toString(Charsets.UTF_8)
        assertTrue(bundle.contains("\"resourceType\"") && bundle.contains("Bundle"))
        assertTrue(app.exports.state.value.made!!.observations > 0)
    }
}
