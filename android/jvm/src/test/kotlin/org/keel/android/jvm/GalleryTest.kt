package org.keel.android.jvm

import androidx.compose.runtime.Composable
import androidx.compose.runtime.CompositionLocalProvider
import androidx.compose.ui.graphics.asSkiaBitmap
import androidx.compose.ui.platform.LocalDensity
import androidx.compose.ui.semantics.SemanticsNode
import androidx.compose.ui.semantics.SemanticsProperties
import androidx.compose.ui.semantics.getOrNull
import androidx.compose.ui.test.ExperimentalTestApi
import androidx.compose.ui.test.hasClickAction
import androidx.compose.ui.test.hasSetTextAction
import androidx.compose.ui.test.onRoot
import androidx.compose.ui.test.captureToImage
import androidx.compose.ui.test.runDesktopComposeUiTest
import androidx.compose.ui.unit.Density
import androidx.compose.foundation.clickable
import androidx.compose.foundation.layout.size
import androidx.compose.ui.unit.dp
import java.io.File
import java.nio.file.Files
import org.jetbrains.skia.EncodedImageFormat
import org.jetbrains.skia.Image
import org.junit.AfterClass
import org.junit.Assert.assertEquals
import org.junit.Assert.assertTrue
import org.junit.BeforeClass
import org.junit.Test
import org.keel.android.ui.FirstLaunchPage
import org.keel.android.ui.FirstLaunchProblem
import org.keel.android.ui.FirstLaunchUiState
import org.keel.android.ui.ForgotPage
import org.keel.android.ui.KeelTheme
import org.keel.android.ui.LocalStrings
import org.keel.android.ui.SosPage
import org.keel.android.ui.SosUiState
import org.keel.android.ui.TodayPage
import org.keel.android.ui.TodayUiState
import org.keel.android.ui.UnlockPage
import org.keel.android.ui.UnlockUiState
import org.keel.core.CalendarDate
import org.keel.core.CravingDraft
import org.keel.core.CravingOutcome
import org.keel.core.EntryContext
import org.keel.core.Halt
import org.keel.core.Language
import org.keel.core.Moment
import org.keel.core.Mood
import org.keel.core.Now
import org.keel.core.SobrietyClockDraft
import org.keel.core.TodayScreen
import org.keel.core.Vault
import org.keel.core.planTemplate

/**
 * Every screen built so far, rendered to PNG in English and Spanish, light
 * and dark, at font scale 1.0 and 2.0, on a 360 × 780 dp phone, from the
 * core's real records. Each rendering is checked: every interactive element
 * has a label, and every interactive element is laid out at least 48 × 48 dp
 * (also those scrolled below the fold).
 */
@OptIn(ExperimentalTestApi::class)
class GalleryTest {
    private class Shot(val name: String, val content: @Composable (Language) -> Unit)

    private val phone = RecordingPhone()

    private val shots = listOf(
        Shot("first_launch") { lang -> FirstLaunchPage(FirstLaunchUiState(), lang, {}, {}, {}) },
        Shot("first_launch_mismatch") { lang ->
            FirstLaunchPage(FirstLaunchUiState("passphrase", "other", problem = FirstLaunchProblem.Mismatch), lang, {}, {}, {})
        },
        Shot("unlock") { _ -> UnlockPage(UnlockUiState(), {}, {}, {}) },
        Shot("unlock_wait") { _ -> UnlockPage(UnlockUiState(failures = 2, waitSeconds = 10, wrong = true), {}, {}, {}) },
        Shot("forgot") { _ -> ForgotPage({}, {}) },
        Shot("today") { lang -> TodayPage(TodayUiState(screen = today.getValue(lang)), phone, {}, {}) },
        Shot("today_new") { lang -> TodayPage(TodayUiState(screen = todayEmpty.getValue(lang)), phone, {}, {}) },
        Shot("sos_locked") { lang -> SosPage(SosUiState(plan = planTemplate(lang).lapsePlan), phone, {}) },
    )

    @Test
    fun everyScreenRendersAndPassesTheChecks() {
        val out = Fixtures.gallery.apply { mkdirs() }
        val problems = mutableListOf<String>()
        var written = 0
        for (shot in shots) for (lang in Language.entries) for (dark in listOf(false, true)) for (scale in listOf(1f, 2f)) {
            val name = "${shot.name}-${if (lang == Language.ENGLISH) "en" else "es"}-${if (dark) "dark" else "light"}-x$scale"
            runDesktopComposeUiTest(width = (WIDTH_DP * DENSITY).toInt(), height = (HEIGHT_DP * DENSITY).toInt()) {
                setContent {
                    CompositionLocalProvider(
                        LocalDensity provides Density(DENSITY, scale),
                        LocalStrings provides Fixtures.strings.strings(lang),
                    ) { KeelTheme(dark) { shot.content(lang) } }
                }
                waitForIdle()
                val interactive = onAllNodes(hasClickAction()).fetchSemanticsNodes() +
                    onAllNodes(hasSetTextAction()).fetchSemanticsNodes()
                for (node in interactive.distinctBy { it.id }) problems += check(name, node)
                val png = Image.makeFromBitmap(onRoot().captureToImage().asSkiaBitmap()).encodeToData(EncodedImageFormat.PNG)
                File(out, "$name.png").writeBytes(png!!.bytes)
                written++
            }
        }
        assertEquals(shots.size * 8, written)
        assertEquals(emptyList<String>(), problems)
    }

    @Test
    fun theChecksCatchAnUnlabelledSmallButton() {
        val problems = mutableListOf<String>()
        runDesktopComposeUiTest(width = 400, height = 400) {
            setContent {
                CompositionLocalProvider(LocalDensity provides Density(DENSITY, 1f)) {
                    androidx.compose.foundation.layout.Box(
                        androidx.compose.ui.Modifier
                            .size(20.dp)
                            .clickable { },
                    )
                }
            }
            waitForIdle()
            for (node in onAllNodes(hasClickAction()).fetchSemanticsNodes()) problems += check("probe", node)
        }
        assertTrue(problems.toString(), problems.any { "no label" in it })
        assertTrue(problems.toString(), problems.any { "touch target" in it })
    }

    private fun check(shot: String, node: SemanticsNode): List<String> {
        val c = node.config
        val label = listOfNotNull(
            c.getOrNull(SemanticsProperties.ContentDescription)?.joinToString(" "),
            c.getOrNull(SemanticsProperties.Text)?.joinToString(" ") { it.text },
        ).joinToString(" ").trim()
        val problems = mutableListOf<String>()
        if (label.isEmpty()) problems += "$shot: interactive element #${node.id} has no label"
        // The laid-out size, not touchBoundsInRoot: Compose widens pointer
        // bounds to 48 dp on its own, and clips them to the visible part.
        val w = node.size.width / DENSITY
        val h = node.size.height / DENSITY
        if (w < MIN_TOUCH_DP - 0.5f || h < MIN_TOUCH_DP - 0.5f) {
            problems += "$shot: touch target of '$label' is ${w.toInt()}×${h.toInt()} dp"
        }
        return problems
    }

    companion object {
        const val WIDTH_DP = 360f
        const val HEIGHT_DP = 780f
        const val DENSITY = 2f
        const val MIN_TOUCH_DP = 48f

        private val dirs = mutableListOf<File>()
        lateinit var today: Map<Language, TodayScreen>
        lateinit var todayEmpty: Map<Language, TodayScreen>

        /** A participant's vault per language: the plan from that language's template, a clock, a craving. */
        @BeforeClass @JvmStatic
        fun vaults() {
            val millis = Fixtures.clock.millis()
            val offset = Fixtures.clock.zone.rules.getOffset(Fixtures.clock.instant()).totalSeconds / 60
            val now = Now(millis, Fixtures.clock.zone.id)
            val full = HashMap<Language, TodayScreen>()
            val empty = HashMap<Language, TodayScreen>()
            for (lang in Language.entries) {
                val dir = Files.createTempDirectory("keel-gallery").toFile().also { dirs += it }
                Vault.create(File(dir, "full").path, Fixtures.PASSPHRASE).use { v ->
                    v.savePlan(planTemplate(lang), null, false, now)
                    v.addClock(SobrietyClockDraft(label = "Alcohol", sobrietyDate = CalendarDate(2026, 9.toUByte(), 14.toUByte())), now)
                    v.addCraving(
                        CravingDraft(
                            at = Moment(millis - 3_600_000, offset),
                            intensity = 6.toUByte(),
                            durationMinutes = 20u,
                            triggers = emptyList(),
                            context = EntryContext(place = "", withWhom = "", halt = Halt(false, false, false, true), mood = Mood.LOW),
                            coping = emptyList(),
                            outcome = CravingOutcome.RODE_IT_OUT,
                            notes = "",
                        ),
                    )
                    full[lang] = v.today(now, lang)
                }
                Vault.create(File(dir, "empty").path, Fixtures.PASSPHRASE).use { v -> empty[lang] = v.today(now, lang) }
            }
            today = full
            todayEmpty = empty
        }

        @AfterClass @JvmStatic
        fun cleanUp() {
            dirs.forEach { it.deleteRecursively() }
        }
    }
}
