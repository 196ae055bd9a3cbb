package org.keel.android.app

import android.annotation.SuppressLint
import android.content.Context
import android.content.res.Configuration
import java.util.Locale
import org.keel.android.ui.Str
import org.keel.android.ui.StringSource
import org.keel.android.ui.Strings
import org.keel.core.Language

/**
 * The texts from the app's resources in the participant's language, looked
 * up by key name once per language (keep rules in ui/consumer-rules.pro and
 * res/raw/keep.xml stop R8 and the resource shrinker from removing them).
 */
class AndroidStrings(private val context: Context) : StringSource {
    private val cache = HashMap<Language, Strings>()

    @SuppressLint("DiscouragedApi")
    override fun strings(language: Language): Strings = synchronized(cache) {
        cache.getOrPut(language) {
            val locale = if (language == Language.SPANISH) Locale.forLanguageTag("es") else Locale.ENGLISH
            val config = Configuration(context.resources.configuration).apply { setLocale(locale) }
            val res = context.createConfigurationContext(config).resources
            Strings(language, Str.entries.associateWith { key ->
                res.getString(res.getIdentifier(key.name, "string", context.packageName))
            })
        }
    }
}
