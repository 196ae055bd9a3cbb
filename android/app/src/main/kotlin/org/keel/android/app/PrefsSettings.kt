package org.keel.android.app

import android.content.Context
import org.keel.android.ui.AppSettings
import org.keel.core.Language

/** The language, outside the vault so Unlock and SOS are localised while locked. */
class PrefsSettings(context: Context) : AppSettings {
    private val prefs = context.getSharedPreferences("settings", Context.MODE_PRIVATE)

    override var language: Language?
        get() = prefs.getString("language", null)?.let { name -> Language.entries.firstOrNull { it.name == name } }
        set(value) {
            prefs.edit().putString("language", value?.name).apply()
        }
}
