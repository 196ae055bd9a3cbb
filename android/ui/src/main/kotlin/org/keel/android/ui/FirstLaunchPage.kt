package org.keel.android.ui

import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.selection.selectable
import androidx.compose.foundation.selection.selectableGroup
import androidx.compose.foundation.layout.Column
import androidx.compose.material3.Button
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.RadioButton
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.Role
import androidx.compose.ui.text.input.PasswordVisualTransformation
import androidx.compose.ui.unit.dp
import org.keel.core.Language

@Composable
fun FirstLaunchPage(
    state: FirstLaunchUiState,
    language: Language,
    onEvent: (FirstLaunchEvent) -> Unit,
    onLanguage: (Language) -> Unit,
    onSos: () -> Unit,
) {
    val s = LocalStrings.current
    Page(title = s[Str.screen_first_launch_title], onBack = null, onSos = onSos) {
        Body(s[Str.screen_first_launch_what])
        SectionTitle(s[Str.screen_first_launch_privacy_title])
        Body(s[Str.screen_first_launch_privacy])
        SectionTitle(s[Str.screen_first_launch_language])
        LanguageChoice(language, onLanguage)
        SectionTitle(s[Str.screen_first_launch_passphrase])
        Body(s[Str.screen_first_launch_passphrase_hint])
        OutlinedTextField(
            value = state.passphrase,
            onValueChange = { onEvent(FirstLaunchEvent.PassphraseChanged(it)) },
            label = { Text(s[Str.common_passphrase]) },
            visualTransformation = PasswordVisualTransformation(),
            singleLine = true,
            enabled = !state.busy,
            modifier = Modifier.fillMaxWidth(),
        )
        OutlinedTextField(
            value = state.confirm,
            onValueChange = { onEvent(FirstLaunchEvent.ConfirmChanged(it)) },
            label = { Text(s[Str.screen_first_launch_confirm]) },
            visualTransformation = PasswordVisualTransformation(),
            singleLine = true,
            enabled = !state.busy,
            modifier = Modifier.fillMaxWidth(),
        )
        state.problem?.let { problem ->
            val key = when (problem) {
                FirstLaunchProblem.Mismatch -> Str.screen_first_launch_mismatch
                FirstLaunchProblem.TooShort -> Str.screen_first_launch_too_short
                FirstLaunchProblem.Failed -> Str.common_error
            }
            Text(s[key], color = MaterialTheme.colorScheme.error, style = MaterialTheme.typography.bodyLarge)
        }
        if (state.biometricsAvailable) BiometricOptIn(state.useBiometrics) { onEvent(FirstLaunchEvent.UseBiometrics(it)) }
        Body(s[Str.screen_first_launch_warning])
        Button(
            onClick = { onEvent(FirstLaunchEvent.Create) },
            enabled = !state.busy,
            modifier = Modifier.fillMaxWidth().touchTarget(),
        ) { Text(if (state.busy) s[Str.common_working] else s[Str.screen_first_launch_create]) }
    }
}

/** English or Spanish, as large rows that are easy to hit. */
@Composable
fun LanguageChoice(selected: Language, onLanguage: (Language) -> Unit) {
    val s = LocalStrings.current
    Column(Modifier.selectableGroup()) {
        for ((language, key) in listOf(Language.ENGLISH to Str.language_english, Language.SPANISH to Str.language_spanish)) {
            Row(
                modifier = Modifier
                    .fillMaxWidth()
                    .heightIn(min = 48.dp)
                    .selectable(selected = language == selected, role = Role.RadioButton, onClick = { onLanguage(language) }),
                verticalAlignment = Alignment.CenterVertically,
            ) {
                RadioButton(selected = language == selected, onClick = null)
                Text(s[key], style = MaterialTheme.typography.bodyLarge, modifier = Modifier.padding(start = 12.dp))
            }
        }
    }
}
