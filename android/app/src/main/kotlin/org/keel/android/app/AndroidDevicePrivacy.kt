package org.keel.android.app

import android.app.Activity
import android.content.ComponentName
import android.content.Context
import android.content.pm.PackageManager
import android.view.Window
import android.view.WindowManager
import org.keel.android.ui.DevicePrivacy

/**
 * Screen protection and the launcher entry (plain android.*). The manifest
 * declares MainActivity without a launcher entry and two activity aliases
 * for it: [KEEL_ALIAS] (Keel's name and icon, enabled by default) and
 * [NEUTRAL_ALIAS] (a neutral name and icon, disabled by default); discreet
 * mode enables one and disables the other. `DONT_KILL_APP` keeps Keel
 * running; some launchers take a moment to redraw, and a home-screen
 * shortcut to the entry that was turned off disappears with it.
 */
class AndroidDevicePrivacy(
    private val context: Context,
    /** Runs after each switch of the launcher entry: the notification channel takes its neutral or own name at once. */
    private val afterDiscreetSwitch: () -> Unit = {},
) : DevicePrivacy {
    /** The activity on screen; MainActivity sets it while resumed. */
    @Volatile var activity: Activity? = null

    override fun secureScreen(on: Boolean) {
        val host = activity ?: return
        host.runOnUiThread { apply(host.window, on) }
    }

    override fun discreetLauncher(on: Boolean) {
        val (shown, hidden) = if (on) NEUTRAL_ALIAS to KEEL_ALIAS else KEEL_ALIAS to NEUTRAL_ALIAS
        // The new entry first: the phone never has no way to open Keel.
        set(shown, PackageManager.COMPONENT_ENABLED_STATE_ENABLED)
        set(hidden, PackageManager.COMPONENT_ENABLED_STATE_DISABLED)
        afterDiscreetSwitch()
    }

    /**
     * Makes the enabled entry match [discreet] if it does not (the choice is
     * kept in settings; the component states are the package manager's).
     */
    fun reconcile(discreet: Boolean) {
        val neutral = context.packageManager.getComponentEnabledSetting(ComponentName(context, NEUTRAL_ALIAS))
        if ((neutral == PackageManager.COMPONENT_ENABLED_STATE_ENABLED) != discreet) discreetLauncher(discreet)
    }

    private fun set(alias: String, state: Int) {
        context.packageManager.setComponentEnabledSetting(ComponentName(context, alias), state, PackageManager.DONT_KILL_APP)
    }

    companion object {
        /** The launcher entry with Keel's name and icon (the manifest's `.LauncherKeel` in the app's namespace). */
        const val KEEL_ALIAS = "org.keel.android.app.LauncherKeel"

        /** The launcher entry with the neutral name and icon (`.LauncherNeutral`). */
        const val NEUTRAL_ALIAS = "org.keel.android.app.LauncherNeutral"

        /** Sets or clears `FLAG_SECURE` on [window]; MainActivity calls it at creation with the saved choice. */
        fun apply(window: Window, on: Boolean) {
            if (on) {
                window.setFlags(WindowManager.LayoutParams.FLAG_SECURE, WindowManager.LayoutParams.FLAG_SECURE)
            } else {
                window.clearFlags(WindowManager.LayoutParams.FLAG_SECURE)
            }
        }
    }
}
