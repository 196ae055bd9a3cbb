package org.keel.android.ui

import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.material3.Button
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.LiveRegionMode
import androidx.compose.ui.semantics.liveRegion
import androidx.compose.ui.semantics.semantics

@Composable
fun UnlockPage(state: UnlockUiState, onEvent: (UnlockEvent) -> Unit, onForgot: () -> Unit, onSos: () -> Unit) {
    val s = LocalStrings.current
    Page(title = s[Str.screen_unlock_title], onBack = null, onSos = onSos) {
        PassphraseField(s[Str.screen_unlock_passphrase], state.passphrase, enabled = !state.busy) { onEvent(UnlockEvent.PassphraseChanged(it)) }
        if (state.wrong) {
            Text(
                s[Str.screen_unlock_wrong, appName()],
                color = MaterialTheme.colorScheme.error,
                style = MaterialTheme.typography.bodyLarge,
                modifier = Modifier.semantics { liveRegion = LiveRegionMode.Polite },
            )
        }
        if (state.failed) {
            Text(s[Str.common_error], color = MaterialTheme.colorScheme.error, style = MaterialTheme.typography.bodyLarge)
        }
        if (state.waitSeconds > 0) {
            Body(s[Str.screen_unlock_wait, state.waitSeconds])
        }
        Button(
            onClick = { onEvent(UnlockEvent.Submit) },
            enabled = state.canSubmit,
            modifier = Modifier.fillMaxWidth().touchTarget(),
        ) { ButtonLabel(if (state.busy) s[Str.common_working] else s[Str.screen_unlock_action]) }
        if (state.biometric) {
            OutlinedButton(
                onClick = { onEvent(UnlockEvent.Biometric) },
                enabled = !state.busy,
                modifier = Modifier.fillMaxWidth().touchTarget(),
            ) { ButtonLabel(s[Str.screen_unlock_biometric]) }
        }
        if (state.biometricEnded) Body(s[Str.screen_unlock_biometric_ended])
        TextButton(onClick = onForgot, modifier = Modifier.fillMaxWidth().touchTarget()) { ButtonLabel(s[Str.screen_unlock_forgot]) }
    }
}

@Composable
fun ForgotPage(onBack: () -> Unit, onSos: () -> Unit) {
    val s = LocalStrings.current
    Page(title = s[Str.screen_forgot_title], onBack = onBack, onSos = onSos) {
        Body(s[Str.screen_forgot_body, appName()])
        Body(s[Str.screen_forgot_try])
        Body(s[Str.screen_forgot_start_over])
    }
}
