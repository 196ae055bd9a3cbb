package org.keel.android.ui

import androidx.compose.runtime.Composable
import androidx.compose.runtime.compositionLocalOf
import androidx.compose.runtime.staticCompositionLocalOf
import java.util.Locale
import org.keel.core.Language

/**
 * The texts of one language, looked up by key. Android builds it from its
 * resources, the desktop build from the same XML files; both use Android's
 * positional placeholders (`%1$s`, `%1$d`).
 */
class Strings(val language: Language, private val texts: Map<Str, String>) {
    operator fun get(key: Str, vararg args: Any): String {
        val text = texts[key] ?: error("missing text ${key.name}")
        return if (args.isEmpty()) text else String.format(locale, text, *args)
    }

    private val locale: Locale = when (language) {
        Language.ENGLISH -> Locale.ENGLISH
        Language.SPANISH -> Locale.forLanguageTag("es")
    }
}

/** Where the texts of each language come from (resources on Android). */
fun interface StringSource {
    fun strings(language: Language): Strings
}

val LocalStrings = staticCompositionLocalOf<Strings> { error("no Strings provided") }

/**
 * The name Keel goes by where it names itself: its own, or in discreet mode
 * ([AppSettings.discreet]) the launcher's neutral one, so the locked app,
 * the biometric prompt and the notification channel say the same as the
 * home screen. Only what can be seen while locked takes the neutral name:
 * once unlocked, the participant knows what they opened.
 */
fun Strings.appName(discreet: Boolean): String = this[if (discreet) Str.screen_settings_discreet_name else Str.app_name]

/** Discreet mode as the app shows itself now; provided by [KeelApp] from [AppModel.discreet]. */
val LocalDiscreet = compositionLocalOf { false }

/** The app's name as the current screen says it ([appName]). */
@Composable
fun appName(): String = LocalStrings.current.appName(LocalDiscreet.current)
