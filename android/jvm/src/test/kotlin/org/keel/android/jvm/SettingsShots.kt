package org.keel.android.jvm

import org.keel.android.ui.AboutPage
import org.keel.android.ui.MenuPage
import org.keel.android.ui.PassphraseChangeProblem
import org.keel.android.ui.PassphraseChangeUiState
import org.keel.android.ui.RekeyProblem
import org.keel.android.ui.RekeyUiState
import org.keel.android.ui.SettingsPage
import org.keel.android.ui.SettingsPassphrasePage
import org.keel.android.ui.SettingsUiState
import org.keel.android.ui.WipePage
import org.keel.android.ui.WipeUiState
import org.keel.core.RekeySummary
import org.keel.core.estimatePassphrase

/** Settings, the passphrase change, erasing, the privacy page and the menu, in every state a participant can see. */
val settingsShots: List<GalleryScreen> = listOf(
    GalleryScreen("settings") { SettingsPage(SettingsUiState(biometricsAvailable = true), RekeyUiState(), language, {}, {}, {}, {}, {}, {}) },
    GalleryScreen("settings_changed") {
        val state = SettingsUiState(lockAfterSeconds = 300, secureScreen = false, discreet = true, biometricsAvailable = true, biometricOn = true)
        SettingsPage(state, RekeyUiState(), language, {}, {}, {}, {}, {}, {})
    },
    GalleryScreen("settings_biometric_cancelled") {
        SettingsPage(SettingsUiState(biometricsAvailable = true, biometricCancelled = true), RekeyUiState(), language, {}, {}, {}, {}, {}, {})
    },
    GalleryScreen("settings_rekey_progress") {
        SettingsPage(SettingsUiState(biometricsAvailable = true, biometricOn = true), RekeyUiState(passphrase = "secret", progress = 0.4f), language, {}, {}, {}, {}, {}, {})
    },
    GalleryScreen("settings_rekey_wrong") {
        SettingsPage(SettingsUiState(biometricsAvailable = true), RekeyUiState(problem = RekeyProblem.WrongPassphrase, failures = 1, waitSeconds = 5), language, {}, {}, {}, {}, {}, {})
    },
    GalleryScreen("settings_rekey_cancelled") {
        SettingsPage(SettingsUiState(biometricsAvailable = true), RekeyUiState(passphrase = "secret", problem = RekeyProblem.Cancelled), language, {}, {}, {}, {}, {}, {})
    },
    GalleryScreen("settings_rekey_done") {
        val done = RekeyUiState(done = RekeySummary(records = 128uL, deviceSlotsRemoved = 1uL), biometricEnded = true)
        SettingsPage(SettingsUiState(biometricsAvailable = true), done, language, {}, {}, {}, {}, {}, {})
    },
    GalleryScreen("settings_no_biometric") { SettingsPage(SettingsUiState(error = true), RekeyUiState(), language, {}, {}, {}, {}, {}, {}) },
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
