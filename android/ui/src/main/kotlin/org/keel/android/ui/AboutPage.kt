package org.keel.android.ui

import androidx.compose.runtime.Composable

/**
 * What Keel keeps and where, in plain words: the vault and what a copy of
 * it reveals, the biometric key, the settings outside the vault, backups,
 * what leaves only when chosen, reminders, and what cannot be hidden. Kept
 * in step with docs/security.md and android/README.md.
 */
@Composable
fun AboutPage(onBack: () -> Unit, onSos: () -> Unit) {
    val s = LocalStrings.current
    Page(title = s[Str.screen_about_title], onBack = onBack, onSos = onSos) {
        Body(s[Str.screen_about_intro])
        for ((title, texts) in listOf(
            Str.screen_about_vault_title to listOf(Str.screen_about_vault, Str.screen_about_vault_leaks),
            Str.screen_about_biometric_title to listOf(Str.screen_about_biometric),
            Str.screen_about_settings_title to listOf(Str.screen_about_settings),
            Str.screen_about_backup_title to listOf(Str.screen_about_backup),
            Str.screen_about_sharing_title to listOf(Str.screen_about_sharing),
            Str.screen_about_reminders_title to listOf(Str.screen_about_reminders),
            Str.screen_about_limits_title to listOf(Str.screen_about_limits, Str.screen_about_erase),
        )) {
            SectionTitle(s[title])
            texts.forEach { Body(s[it]) }
        }
    }
}
