package org.keel.android.ui

import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.material3.Button
import androidx.compose.material3.OutlinedButton
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier

/** Changing the passphrase: current, new (with the core's strength estimate, or a suggested one), new again. */
@Composable
fun SettingsPassphrasePage(
    state: PassphraseChangeUiState,
    onEvent: (PassphraseChangeEvent) -> Unit,
    onBack: () -> Unit,
    onSos: () -> Unit,
) {
    val s = LocalStrings.current
    Page(title = s[Str.screen_passphrase_title], onBack = onBack, onSos = onSos) {
        if (state.done) {
            Body(s[Str.screen_passphrase_done])
            Button(onClick = onBack, modifier = Modifier.fillMaxWidth().touchTarget()) { ButtonLabel(s[Str.action_done]) }
            return@Page
        }
        Body(s[Str.screen_passphrase_intro])
        PassphraseField(s[Str.screen_passphrase_current], state.current, enabled = !state.busy) { onEvent(PassphraseChangeEvent.CurrentChanged(it)) }
        OutlinedButton(
            onClick = { onEvent(PassphraseChangeEvent.Suggest) },
            enabled = !state.busy,
            modifier = Modifier.fillMaxWidth().touchTarget(),
        ) { ButtonLabel(s[Str.screen_first_launch_suggest]) }
        state.suggested?.let { Suggested(it) }
        PassphraseField(s[Str.screen_passphrase_new], state.new, enabled = !state.busy) { onEvent(PassphraseChangeEvent.NewChanged(it)) }
        state.estimate?.let { Strength(it) }
        PassphraseField(s[Str.screen_passphrase_confirm], state.confirm, enabled = !state.busy) { onEvent(PassphraseChangeEvent.ConfirmChanged(it)) }
        state.problem?.let { problem ->
            val key = when (problem) {
                PassphraseChangeProblem.Mismatch -> Str.screen_first_launch_mismatch
                PassphraseChangeProblem.TooShort -> Str.screen_first_launch_too_short
                PassphraseChangeProblem.Weak -> Str.screen_passphrase_weak
                PassphraseChangeProblem.WrongCurrent -> Str.screen_passphrase_wrong
                PassphraseChangeProblem.Failed -> Str.common_error
            }
            SettingsWarning(s[key])
        }
        if (state.waitSeconds > 0) Body(s[Str.screen_unlock_wait, state.waitSeconds])
        Body(s[Str.screen_first_launch_warning])
        Button(
            onClick = { onEvent(PassphraseChangeEvent.Submit) },
            enabled = state.canSubmit,
            modifier = Modifier.fillMaxWidth().touchTarget(),
        ) { ButtonLabel(if (state.busy) s[Str.common_working] else s[Str.screen_passphrase_action]) }
    }
}
