package org.keel.android.jvm

import org.keel.android.ui.AboutPage
import org.keel.android.ui.MenuPage
import org.keel.android.ui.PassphraseChangeProblem
import org.keel.android.ui.PassphraseChangeUiState
import org.keel.android.ui.SettingsPage
import org.keel.android.ui.SettingsPassphrasePage
import org.keel.android.ui.SettingsUiState
import org.keel.android.ui.WipePage
import org.keel.android.ui.WipeUiState
import org.keel.core.estimatePassphrase

/** Settings, the passphrase change, erasing, the privacy page and the menu, in every state a participant can see. */
val settingsShots: List<GalleryScreen> = listOf(
    GalleryScreen("settings") { SettingsPage(SettingsUiState(biometricsAvailable = true), language, {}, {}, {}, {}, {}) },
    GalleryScreen("settings_changed") {
        val state = SettingsUiState(lockAfterSeconds = 300, secureScreen = false, discreet = true, biometricsAvailable = true, biometricOn = true)
        SettingsPage(state, language, {}, {}, {}, {}, {})
    },
    GalleryScreen("settings_biometric_cancelled") {
        SettingsPage(SettingsUiState(biometricsAvailable = true, biometricCancelled = true), language, {}, {}, {}, {}, {})
    },
    GalleryScreen("settings_no_biometric") { SettingsPage(SettingsUiState(error = true), language, {}, {}, {}, {}, {}) },
    GalleryScreen("settings_passphrase") { SettingsPassphrasePage(PassphraseChangeUiState(), {}, {}, {}) },
    GalleryScreen("settings_passphrase_weak") {
        val estimate = estimatePassphrase("password", language)
        SettingsPassphrasePage(PassphraseChangeUiState("current", "password", "password", problem = PassphraseChangeProblem.Weak, estimate = estimate), {}, {}, {})
    },
    GalleryScreen("settings_passphrase_wrong") {
        SettingsPassphrasePage(PassphraseChangeUiState("", "new", "new", problem = PassphraseChangeProblem.WrongCurrent, failures = 1, waitSeconds = 5), {}, {}, {})
    },
    GalleryScreen("settings_passphrase_done") { SettingsPassphrasePage(PassphraseChangeUiState(done = true), {}, {}, {}) },
    GalleryScreen("wipe") { WipePage(WipeUiState(), {}, {}, {}) },
    GalleryScreen("wipe_confirm") { WipePage(WipeUiState(confirming = true), {}, {}, {}) },
    GalleryScreen("wipe_failed") { WipePage(WipeUiState(confirming = true, error = true), {}, {}, {}) },
    GalleryScreen("about") { AboutPage({}, {}) },
    GalleryScreen("menu") { MenuPage({}, {}, {}) },
)
