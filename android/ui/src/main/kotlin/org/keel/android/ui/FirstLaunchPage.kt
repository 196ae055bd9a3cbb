package org.keel.android.ui

import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.selection.selectable
import androidx.compose.foundation.selection.selectableGroup
import androidx.compose.foundation.layout.Column
import androidx.compose.material3.Button
import androidx.compose.material3.Card
import androidx.compose.material3.LinearProgressIndicator
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.RadioButton
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.Role
import androidx.compose.ui.semantics.liveRegion
import androidx.compose.ui.semantics.LiveRegionMode
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp
import org.keel.core.Language
import org.keel.core.PassphraseEstimate
import org.keel.core.PassphraseLevel

@Composable
fun FirstLaunchPage(
    state: FirstLaunchUiState,
    language: Language,
    onEvent: (FirstLaunchEvent) -> Unit,
    onLanguage: (Language) -> Unit,
    onSos: () -> Unit,
    /** Restore from a backup file instead of starting empty. */
    onRestore: () -> Unit = {},
) {
    val s = LocalStrings.current
    Page(title = s[Str.screen_first_launch_title], onBack = null, onSos = onSos) {
        Body(s[Str.screen_first_launch_what])
        SectionTitle(s[Str.screen_first_launch_privacy_title])
        Body(s[Str.screen_first_launch_privacy])
        SectionTitle(s[Str.screen_first_launch_language])
        LanguageChoice(language, onLanguage)
        SectionTitle(s[Str.screen_first_launch_restore_title])
        Body(s[Str.screen_first_launch_restore_hint])
        OutlinedButton(
            onClick = onRestore,
            enabled = !state.busy,
            modifier = Modifier.fillMaxWidth().touchTarget(),
        ) { ButtonLabel(s[Str.screen_first_launch_restore]) }
        SectionTitle(s[Str.screen_first_launch_passphrase])
        Body(s[Str.screen_first_launch_passphrase_hint])
        OutlinedButton(
            onClick = { onEvent(FirstLaunchEvent.Suggest) },
            enabled = !state.busy,
            modifier = Modifier.fillMaxWidth().touchTarget(),
        ) { Text(s[Str.screen_first_launch_suggest]) }
        state.suggested?.let { Suggested(it) }
        PassphraseField(s[Str.common_passphrase], state.passphrase, enabled = !state.busy) { onEvent(FirstLaunchEvent.PassphraseChanged(it)) }
        state.estimate?.let { Strength(it) }
        PassphraseField(s[Str.screen_first_launch_confirm], state.confirm, enabled = !state.busy) { onEvent(FirstLaunchEvent.ConfirmChanged(it)) }
        state.problem?.let { problem ->
            val key = when (problem) {
                FirstLaunchProblem.Mismatch -> Str.screen_first_launch_mismatch
                FirstLaunchProblem.TooShort -> Str.screen_first_launch_too_short
                FirstLaunchProblem.Weak -> Str.screen_first_launch_weak
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

/**
 * The core's estimate while the participant types: a meter, the level, how
 * long a guessing rig would need, and (when too weak) the reason and what
 * to do instead, all in the core's words for the chosen language.
 */
@Composable
fun Strength(estimate: PassphraseEstimate) {
    val s = LocalStrings.current
    val (label, step) = when (estimate.level) {
        PassphraseLevel.VERY_WEAK -> Str.screen_first_launch_level_very_weak to 1
        PassphraseLevel.WEAK -> Str.screen_first_launch_level_weak to 2
        PassphraseLevel.GOOD -> Str.screen_first_launch_level_good to 3
        PassphraseLevel.STRONG -> Str.screen_first_launch_level_strong to 4
    }
    val color = if (estimate.acceptable) MaterialTheme.colorScheme.primary else MaterialTheme.colorScheme.error
    Column(
        // Read out again when the estimate changes, without stealing focus.
        modifier = Modifier.fillMaxWidth().semantics { liveRegion = LiveRegionMode.Polite },
    ) {
        LinearProgressIndicator(
            progress = { step / 4f },
            color = color,
            modifier = Modifier.fillMaxWidth().padding(vertical = 4.dp),
        )
        Text(s[Str.screen_first_launch_strength, s[label]], color = color, style = MaterialTheme.typography.titleSmall)
        Body(s[Str.screen_first_launch_crack_time, estimate.crackTimeText])
        if (!estimate.acceptable) {
            Text(estimate.message, color = MaterialTheme.colorScheme.error, style = MaterialTheme.typography.bodyLarge)
        }
        for (tip in estimate.suggestions) Body(s[Str.common_bullet, tip], Modifier.padding(top = 4.dp))
    }
}

/** A passphrase the core suggested, in clear, to be written down. */
@Composable
fun Suggested(passphrase: String) {
    val s = LocalStrings.current
    Card(modifier = Modifier.fillMaxWidth()) {
        Column(Modifier.padding(16.dp)) {
            Text(s[Str.screen_first_launch_suggested], style = MaterialTheme.typography.titleSmall)
            Text(passphrase, style = MaterialTheme.typography.titleLarge, modifier = Modifier.padding(vertical = 8.dp))
            Body(s[Str.screen_first_launch_suggested_hint])
        }
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
