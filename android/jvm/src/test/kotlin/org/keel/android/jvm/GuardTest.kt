package org.keel.android.jvm

import org.junit.Assert.assertEquals
import org.junit.Assert.assertTrue
import org.junit.Test

/**
 * `core` and `ui` compile both in the Android app and here: they may not
 * use Android, the AWT/Skia desktop layer or lifecycle classes.
 */
class GuardTest {
    private val forbidden = Regex(
        """^import\s+(android\.|.*\.R$|.*\.R\.|androidx\.activity\.|androidx\.lifecycle\.|java\.awt\.|javax\.swing\.|org\.jetbrains\.skia\.|androidx\.compose\.ui\.window\.|androidx\.compose\.ui\.awt\.)""",
    )

    @Test
    fun sharedSourcesImportNoPlatform() {
        val files = listOf("core", "ui").flatMap { m ->
            Fixtures.sources.resolve("$m/src/main/kotlin").walkTopDown().filter { it.extension == "kt" }.toList()
        }
        assertTrue("no sources found under ${Fixtures.sources}", files.size >= 10)
        val offending = files.flatMap { f ->
            f.readLines().map { it.trim() }.filter { forbidden.containsMatchIn(it) }.map { "${f.name}: $it" }
        }
        assertEquals(emptyList<String>(), offending)
    }

    /** A text a person reads comes from the string resources, punctuation included. */
    private val literalText = Regex("""(\b(Text|Body|SectionTitle)\(\s*"|"[^"]*[•·][^"]*"|"\d+\.\s)""")

    @Test
    fun screensShowNoLiteralText() {
        val offending = Fixtures.sources.resolve("ui/src/main/kotlin").walkTopDown().filter { it.extension == "kt" }.flatMap { f ->
            f.readLines().filter { literalText.containsMatchIn(it) }.map { "${f.name}: ${it.trim()}" }
        }.toList()
        assertEquals(emptyList<String>(), offending)
        for (line in listOf("Text(\"Hello\")", "Body(\"• \$it\")", "x.joinToString(\" · \")", "Body(\"1. step\")")) {
            assertTrue(line, literalText.containsMatchIn(line))
        }
        assertTrue(!literalText.containsMatchIn("Text(s[Str.app_name])"))
    }

    /** app/src/main/kotlin is compiled here against the Android framework jar: android.* only, no androidx. */
    @Test
    fun platformGlueImportsNoAndroidx() {
        val files = Fixtures.sources.resolve("app/src/main/kotlin").walkTopDown().filter { it.extension == "kt" }.toList()
        assertTrue(files.size >= 6)
        val offending = files.flatMap { f -> f.readLines().filter { it.trim().startsWith("import androidx.") }.map { "${f.name}: ${it.trim()}" } }
        assertEquals(emptyList<String>(), offending)
    }

    @Test
    fun theGuardCatchesWhatItShould() {
        for (line in listOf("import android.os.Bundle", "import org.keel.android.R", "import androidx.lifecycle.ViewModel",
            "import java.awt.Color", "import org.jetbrains.skia.Image", "import androidx.compose.ui.window.Window",
            "import androidx.activity.ComponentActivity", "import androidx.compose.ui.awt.ComposePanel")) {
            assertTrue(line, forbidden.containsMatchIn(line))
        }
        assertTrue(!forbidden.containsMatchIn("import androidx.compose.ui.Modifier"))
    }
}

/** The app's manifest and backup rules, read from the source. */
class ManifestTest {
    private val app = Fixtures.sources.resolve("app/src/main")

    @Test
    fun noNetworkPermission() {
        val manifest = app.resolve("AndroidManifest.xml").readText()
        assertTrue(manifest.contains("<manifest"))
        assertTrue("INTERNET permission found", !Regex("""android\.permission\.(INTERNET|ACCESS_NETWORK_STATE)""").containsMatchIn(manifest))
        assertTrue(manifest.contains("android:allowBackup=\"false\""))
        assertTrue(manifest.contains("android:dataExtractionRules=\"@xml/data_extraction_rules\""))
    }

    @Test
    fun theVaultIsExcludedFromCloudBackupAndDeviceTransfer() {
        val rules = app.resolve("res/xml/data_extraction_rules.xml").readText()
        for (section in listOf("cloud-backup", "device-transfer")) {
            val body = rules.substringAfter("<$section>").substringBefore("</$section>")
            for (domain in listOf("root", "file", "database", "sharedpref")) {
                assertTrue("$section $domain", body.contains("<exclude domain=\"$domain\" path=\".\" />"))
            }
        }
    }

    @Test
    fun screensAreSecure() {
        // FLAG_SECURE at every start unless the participant turned screen protection off (on by default).
        val activity = Fixtures.sources.resolve("app/src/androidx/kotlin/org/keel/android/app/MainActivity.kt").readText()
        assertTrue(activity.contains("AndroidDevicePrivacy.apply(window, model.graph.settings.secureScreen)"))
        val glue = Fixtures.sources.resolve("app/src/main/kotlin/org/keel/android/app/AndroidDevicePrivacy.kt").readText()
        assertTrue(glue.contains("FLAG_SECURE, WindowManager.LayoutParams.FLAG_SECURE"))
        val prefs = Fixtures.sources.resolve("app/src/main/kotlin/org/keel/android/app/PrefsSettings.kt").readText()
        assertTrue(prefs.contains("getBoolean(\"secure_screen\", true)"))
    }
}
