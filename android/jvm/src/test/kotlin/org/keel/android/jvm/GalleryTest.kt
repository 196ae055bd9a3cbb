package org.keel.android.jvm

import androidx.compose.foundation.layout.Box
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.requiredSize
import androidx.compose.foundation.layout.size
import androidx.compose.foundation.clickable
import androidx.compose.foundation.layout.width
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.CompositionLocalProvider
import androidx.compose.runtime.getValue
import androidx.compose.runtime.key
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.setValue
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.draw.clipToBounds
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.geometry.Rect
import androidx.compose.ui.platform.LocalDensity
import androidx.compose.ui.platform.testTag
import androidx.compose.ui.semantics.SemanticsProperties
import androidx.compose.ui.test.ExperimentalTestApi
import androidx.compose.ui.test.SemanticsMatcher
import androidx.compose.ui.test.captureToImage
import androidx.compose.ui.test.onNodeWithTag
import androidx.compose.ui.test.runDesktopComposeUiTest
import androidx.compose.ui.unit.Density
import androidx.compose.ui.unit.dp
import androidx.compose.ui.unit.sp
import java.io.File
import java.util.concurrent.Future
import org.junit.AfterClass
import org.junit.Assert.assertEquals
import org.junit.Assert.assertTrue
import org.junit.BeforeClass
import org.junit.Test
import org.junit.runner.RunWith
import org.junit.runners.Parameterized
import org.keel.android.ui.KeelTheme
import org.keel.android.ui.LocalStrings
import org.keel.android.ui.PageTitle
import org.keel.core.Language

/** The phones of the gallery, in dp. */
enum class GalleryPhone(val widthDp: Int, val heightDp: Int) {
    /** The smallest common phone. */
    SMALL(360, 640),

    /** A large phone (Pixel 7 Pro class). */
    LARGE(412, 915),
}

/** One rendering of a screen; its file name says which. */
data class GalleryConfig(val phone: GalleryPhone, val language: Language, val dark: Boolean, val fontScale: Float) {
    /** `<screen>-<small|large>-<en|es>-<light|dark>-font<1.0|2.0>` */
    fun fileName(screen: String): String =
        "$screen-${phone.name.lowercase()}-${if (language == Language.ENGLISH) "en" else "es"}-" +
            "${if (dark) "dark" else "light"}-font$fontScale"

    companion object {
        val all: List<GalleryConfig> = GalleryPhone.entries.flatMap { phone ->
            Language.entries.flatMap { lang ->
                listOf(false, true).flatMap { dark -> listOf(1f, 2f).map { GalleryConfig(phone, lang, dark, it) } }
            }
        }
    }
}

/**
 * Every screen of [galleryScreens], rendered to PNG across the whole matrix
 * ([GalleryConfig.all]: small and large phone, English and Spanish, light
 * and dark, font scale 1.0 and 2.0) from the core's real records, each at
 * its full scroll height: the screen is laid out at the phone's size, then
 * made as tall as its scrollable content so the picture and the checks see
 * everything. Every rendering passes [GalleryChecks] or the test fails.
 *
 * Files: `target/gallery/<screen>/<screen>-<phone>-<lang>-<theme>-font<scale>.png`
 * and `target/gallery/index.html` (every screen, every rendering).
 */
@OptIn(ExperimentalTestApi::class)
@RunWith(Parameterized::class)
class GalleryTest(private val screen: GalleryScreen) {
    @Test
    fun rendersAndPassesTheChecks() {
        val folder = File(Fixtures.gallery, screen.name).apply { mkdirs() }
        val problems = mutableListOf<String>()
        var written = 0
        var config by mutableStateOf(GalleryConfig.all.first())
        var heightDp by mutableStateOf(config.phone.heightDp.toFloat())
        val phone = RecordingPhone()
        val times = LongArray(5)
        val pngs = mutableListOf<Future<*>>()
        val start = System.nanoTime()
        runDesktopComposeUiTest(width = (WINDOW_WIDTH_DP * DENSITY).toInt(), height = (screen.windowHeightDp * DENSITY).toInt()) {
            setContent {
                val c = config
                key(c) {
                    CompositionLocalProvider(
                        LocalDensity provides Density(DENSITY, c.fontScale),
                        LocalStrings provides Fixtures.strings.strings(c.language),
                    ) {
                        Box(Modifier.requiredSize(c.phone.widthDp.dp, heightDp.dp).testTag(SHOT)) {
                            KeelTheme(c.dark) { screen.content(GalleryScope(c.language, data, phone)) }
                        }
                    }
                }
            }
            for (c in GalleryConfig.all) {
                val name = c.fileName(screen.name)
                var t = System.nanoTime()
                fun lap(i: Int) { val n = System.nanoTime(); times[i] += n - t; t = n }
                config = c
                heightDp = c.phone.heightDp.toFloat()
                waitForIdle()
                lap(0)
                // Grow the screen until nothing is left to scroll (a lazy
                // list may find more content as it grows).
                repeat(MAX_GROW_STEPS) {
                    val rest = scrollLeftPx()
                    if (rest <= SLACK_PX) return@repeat
                    heightDp += rest / DENSITY
                    waitForIdle()
                }
                if (scrollLeftPx() > SLACK_PX || heightDp > screen.windowHeightDp) {
                    problems += "$name: taller than the gallery's ${screen.windowHeightDp.toInt()} dp window; raise its windowHeightDp"
                    continue
                }
                lap(1)
                val bounds = Rect(0f, 0f, c.phone.widthDp * DENSITY, heightDp * DENSITY)
                problems += GalleryChecks.run(name, this, DENSITY, bounds)
                lap(2)
                val image = onNodeWithTag(SHOT).captureToImage()
                lap(3)
                pngs += GalleryPng.write(image, File(folder, "$name.png"))
                lap(4)
                written++
            }
        }
        pngs.forEach { it.get() }
        println(
            "gallery ${screen.name}: $written renderings in ${(System.nanoTime() - start) / 1_000_000} ms " +
                "(lay out ${times[0] / 1_000_000}, grow ${times[1] / 1_000_000}, check ${times[2] / 1_000_000}, " +
                "capture ${times[3] / 1_000_000}, encode ${times[4] / 1_000_000})",
        )
        assertEquals(emptyList<String>(), problems)
        assertEquals(GalleryConfig.all.size, written)
    }

    /** How far the screen's vertical scroll containers could still scroll, px. */
    private fun androidx.compose.ui.test.ComposeUiTest.scrollLeftPx(): Float =
        onAllNodes(SemanticsMatcher.keyIsDefined(SemanticsProperties.VerticalScrollAxisRange))
            .fetchSemanticsNodes()
            .maxOfOrNull { n ->
                val r = n.config[SemanticsProperties.VerticalScrollAxisRange]
                r.maxValue() - r.value()
            } ?: 0f

    companion object {
        const val DENSITY = 2f
        const val SHOT = "gallery-shot"
        const val SLACK_PX = 0.5f
        const val MAX_GROW_STEPS = 6

        /** Wide enough for the large phone, tall enough for any screen at font scale 2. */
        val WINDOW_WIDTH_DP = GalleryPhone.entries.maxOf { it.widthDp }.toFloat()
        const val WINDOW_HEIGHT_DP = 8000f

        lateinit var data: GalleryData

        @JvmStatic
        @Parameterized.Parameters(name = "{index}: {0}")
        fun screens(): List<GalleryScreen> {
            val names = galleryScreens.map { it.name }
            require(names.toSet().size == names.size) { "gallery screen names repeat: $names" }
            require(names.all { Regex("[a-z0-9_]+").matches(it) }) { "gallery screen names are lower_snake_case: $names" }
            // KEEL_GALLERY=today,sos renders only the screens whose names start so.
            val only = System.getenv("KEEL_GALLERY")?.split(',')?.map { it.trim() }?.filter { it.isNotEmpty() }.orEmpty()
            return if (only.isEmpty()) galleryScreens else galleryScreens.filter { s -> only.any { s.name.startsWith(it) } }
        }

        @BeforeClass @JvmStatic
        fun open() {
            data = GalleryData()
        }

        /** The vaults go; an index page lists every screen and rendering. */
        @AfterClass @JvmStatic
        fun close() {
            data.close()
            writeIndex()
        }

        private fun writeIndex() {
            val html = buildString {
                append("<!doctype html><meta charset=utf-8><title>Keel gallery</title>")
                append("<style>body{font-family:sans-serif}img{max-width:200px;vertical-align:top;margin:4px;border:1px solid #888}</style>")
                append("<h1>Keel screens</h1><ul>")
                galleryScreens.forEach { append("<li><a href=\"#${it.name}\">${it.name}</a></li>") }
                append("</ul>")
                for (s in galleryScreens) {
                    append("<h2 id=\"${s.name}\">${s.name}</h2>")
                    for (c in GalleryConfig.all) {
                        val n = c.fileName(s.name)
                        append("<a href=\"${s.name}/$n.png\"><img src=\"${s.name}/$n.png\" title=\"$n\" alt=\"$n\"></a>")
                    }
                }
            }
            File(Fixtures.gallery, "index.html").writeText(html)
        }
    }
}

/** The checks themselves fail on what they should. */
@OptIn(ExperimentalTestApi::class)
class GalleryChecksTest {
    private fun problemsOf(content: @Composable () -> Unit): List<String> {
        var problems = emptyList<String>()
        runDesktopComposeUiTest(width = 400, height = 400) {
            setContent { CompositionLocalProvider(LocalDensity provides Density(GalleryTest.DENSITY, 1f)) { content() } }
            waitForIdle()
            problems = GalleryChecks.run("probe", this, GalleryTest.DENSITY, Rect(0f, 0f, 400f, 400f))
        }
        return problems
    }

    @Test
    fun anUnlabelledSmallButtonFails() {
        val problems = problemsOf { Box(Modifier.size(20.dp).clickable { }) }
        assertTrue(problems.toString(), problems.any { "no label" in it })
        assertTrue(problems.toString(), problems.any { "touch target" in it })
    }

    @Test
    fun cutTextFails() {
        val problems = problemsOf { Text("A sentence far too long for its box", maxLines = 1, modifier = Modifier.width(40.dp)) }
        assertTrue(problems.toString(), problems.any { "cut off" in it })
    }

    @Test
    fun textClippedByItsParentFails() {
        val problems = problemsOf {
            Box(Modifier.size(30.dp).clipToBounds()) { Text("Clipped", modifier = Modifier.requiredSize(80.dp)) }
        }
        assertTrue(problems.toString(), problems.any { "clipped" in it || "cut off" in it })
    }

    @Test
    fun overlappingTextFails() {
        val problems = problemsOf { Box { Text("First"); Text("Second") } }
        assertTrue(problems.toString(), problems.any { "overlaps" in it })
    }

    @Test
    fun textOffTheScreenFails() {
        val problems = problemsOf { Box(Modifier.requiredSize(600.dp, 20.dp)) { Text("Far right", modifier = Modifier.align(Alignment.CenterEnd)) } }
        assertTrue(problems.toString(), problems.any { "off the screen" in it || "clipped" in it })
    }

    @Test
    fun aWordBrokenAcrossLinesFails() {
        val problems = problemsOf { Text("Recordatorios", fontSize = 40.sp, modifier = Modifier.width(120.dp)) }
        assertTrue(problems.toString(), problems.any { "broken across lines" in it && "Recordatorios" in it })
    }

    @Test
    fun aFileNameWiderThanTheScreenMayWrap() {
        val problems = problemsOf { Text("report-3f9a1c0e5b7d2468.html", fontSize = 40.sp, modifier = Modifier.width(120.dp)) }
        assertTrue(problems.toString(), problems.none { "broken across lines" in it })
    }

    @Test
    fun aPageTitleShrinksToKeepItsLongestWordWhole() {
        val problems = problemsOf {
            CompositionLocalProvider(LocalDensity provides Density(GalleryTest.DENSITY, 2f)) {
                Box(Modifier.width(160.dp)) { PageTitle("Recordatorios y más") }
            }
        }
        assertEquals(emptyList<String>(), problems)
    }

    @Test
    fun aLabelledLargeButtonAndPlainTextPass() {
        val problems = problemsOf {
            Column {
                Box(Modifier.size(48.dp).clickable { }.semantics { contentDescription = "Go" })
                Text("Fine")
            }
        }
        assertEquals(emptyList<String>(), problems)
    }
}
