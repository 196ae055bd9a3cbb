package org.keel.android.app

import android.content.Context
import org.keel.android.ui.AppSettings
import org.keel.core.Language

/**
 * The language and the lock timeout, outside the vault: Unlock and SOS are
 * localised while locked, and the timeout applies before any unlock.
 */
class PrefsSettings(context: Context) : AppSettings {
    private val prefs = context.getSharedPreferences("settings", Context.MODE_PRIVATE)

    override var language: Language?
        get() = prefs.getString("language", null)?.let { name -> Language.entries.firstOrNull { it.name == name } }
        set(value) {
            prefs.edit().putString("language", value?.name).apply()
        }

    override var lockAfterSeconds: Int
        get() = prefs.getInt("lock_after_seconds", 0)
        set(value) {
            prefs.edit().putInt("lock_after_seconds", value.coerceAtLeast(0)).apply()
        }
}
