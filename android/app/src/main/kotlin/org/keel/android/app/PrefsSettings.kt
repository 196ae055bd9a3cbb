package org.keel.android.app

import android.content.Context
import org.keel.android.ui.AppSettings
import org.keel.core.Language

/**
 * The language, the lock timeout, screen protection, discreet mode and the
 * exercise player's sound and vibration choices,
 * outside the vault (the app's private `shared_prefs/settings.xml`): Unlock
 * and SOS are localised while locked, and the others apply before any
 * unlock. Nothing the participant wrote is kept here.
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

    override var secureScreen: Boolean
        get() = prefs.getBoolean("secure_screen", true)
        set(value) {
            prefs.edit().putBoolean("secure_screen", value).apply()
        }

    override var discreet: Boolean
        get() = prefs.getBoolean("discreet", false)
        set(value) {
            prefs.edit().putBoolean("discreet", value).apply()
        }

    override var exerciseVibrate: Boolean
        get() = prefs.getBoolean("exercise_vibrate", true)
        set(value) {
            prefs.edit().putBoolean("exercise_vibrate", value).apply()
        }

    override var exerciseSound: Boolean
        get() = prefs.getBoolean("exercise_sound", false)
        set(value) {
            prefs.edit().putBoolean("exercise_sound", value).apply()
        }
}
