package org.keel.android.ui

/**
 * The two settings that change how Keel shows itself to the rest of the
 * phone, done by the platform: on Android `FLAG_SECURE` on the window and
 * the launcher's activity alias (`AndroidDevicePrivacy` in `app`); tests
 * record the calls. The choices themselves live in [AppSettings].
 */
interface DevicePrivacy {
    /**
     * Screen protection on or off for the window now shown (and, through
     * [AppSettings.secureScreen], every window after): no screenshots,
     * recordings or recent-apps preview while on.
     */
    fun secureScreen(on: Boolean)

    /**
     * The launcher entry: the neutral name and icon when [on], Keel's own
     * otherwise. The entry being switched to is enabled before the other is
     * disabled, so the phone always has a way to open Keel.
     */
    fun discreetLauncher(on: Boolean)
}

/** A platform without these switches (and the default in tests that do not need them). */
object NoDevicePrivacy : DevicePrivacy {
    override fun secureScreen(on: Boolean) = Unit
    override fun discreetLauncher(on: Boolean) = Unit
}
