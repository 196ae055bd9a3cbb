package org.keel.android.ui

import androidx.compose.foundation.layout.Box
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.material3.OutlinedButton
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.LiveRegionMode
import androidx.compose.ui.semantics.liveRegion
import androidx.compose.ui.semantics.semantics

/**
 * Settings' "Renew the key" section: when to use it and what it does, the
 * passphrase, then the core's progress with Cancel (Backup's own bar), then
 * what was done or why nothing was.
 */
@Composable
fun RekeySection(state: RekeyUiState, onEvent: (RekeyEvent) -> Unit) {
    val s = LocalStrings.current
    SectionTitle(s[Str.screen_settings_rekey_title])
    Body(s[Str.screen_settings_rekey_when])
    Body(s[Str.screen_settings_rekey_what])
    PassphraseField(s[Str.screen_settings_rekey_passphrase], state.passphrase, enabled = !state.busy) { onEvent(RekeyEvent.PassphraseChanged(it)) }
    val progress = state.progress
    if (progress != null) {
        BackupProgress(progress) { onEvent(RekeyEvent.Cancel) }
    } else {
        OutlinedButton(
            onClick = { onEvent(RekeyEvent.Start) },
            enabled = state.canSubmit,
            modifier = Modifier.fillMaxWidth().touchTarget(),
        ) { ButtonLabel(s[Str.screen_settings_rekey_action]) }
    }
    state.problem?.let { problem ->
        Box(Modifier.semantics { liveRegion = LiveRegionMode.Polite }) {
            SettingsWarning(s[RekeyModel.problemText(problem)])
        }
    }
    if (state.waitSeconds > 0) Body(s[Str.screen_unlock_wait, state.waitSeconds])
    state.done?.let { done ->
        Body(s[Str.screen_settings_rekey_done, done.records.toLong()], Modifier.semantics { liveRegion = LiveRegionMode.Polite })
        if (state.biometricEnded) Body(s[Str.screen_settings_rekey_biometric_off])
    }
}
