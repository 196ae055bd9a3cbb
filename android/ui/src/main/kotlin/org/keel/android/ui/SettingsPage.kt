package org.keel.android.ui

import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.selection.selectable
import androidx.compose.foundation.selection.selectableGroup
import androidx.compose.foundation.selection.toggleable
import androidx.compose.material3.ButtonDefaults
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.RadioButton
import androidx.compose.material3.Switch
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.Role
import androidx.compose.ui.unit.dp
import org.keel.core.Language

/**
 * Settings, one section each: language, unlocking (passphrase, biometric),
 * renewing the key ([RekeySection]), the lock timeout, reminders, screen protection with its trade-off,
 * discreet mode, the privacy page, erasing.
 */
@Composable
fun SettingsPage(
    state: SettingsUiState,
    rekey: RekeyUiState,
    language: Language,
    onEvent: (SettingsEvent) -> Unit,
    onRekey: (RekeyEvent) -> Unit,
    onLanguage: (Language) -> Unit,
    /** Opens another screen: the passphrase change, the privacy page, erasing, reminders. */
    onOpen: (Route) -> Unit,
    onBack: () -> Unit,
    onSos: () -> Unit,
) {
    val s = LocalStrings.current
    Page(title = s[Str.screen_settings_title], onBack = onBack, onSos = onSos) {
        SectionTitle(s[Str.screen_settings_language])
        LanguageChoice(language, onLanguage)

        SectionTitle(s[Str.screen_settings_unlocking])
        OutlinedButton(onClick = { onOpen(Route.ChangePassphrase) }, modifier = Modifier.fillMaxWidth().touchTarget()) {
            ButtonLabel(s[Str.screen_settings_change_passphrase])
        }
        if (state.biometricsAvailable || state.biometricOn) {
            SettingsSwitch(s[Str.screen_settings_biometric], state.biometricOn, enabled = !state.busy && !rekey.busy) { onEvent(SettingsEvent.Biometric(it)) }
        } else {
            Body(s[Str.screen_settings_biometric_unavailable])
        }
        if (state.biometricCancelled) Body(s[Str.screen_settings_biometric_cancelled])
        if (state.error) SettingsWarning(s[Str.common_error])

        RekeySection(rekey, onRekey)

        SectionTitle(s[Str.screen_settings_lock_after])
        LockChoice(state.lockAfterSeconds) { onEvent(SettingsEvent.LockAfter(it)) }
        Body(s[Str.screen_settings_lock_hint])

        SectionTitle(s[Str.screen_settings_reminders])
        OutlinedButton(onClick = { onOpen(Route.Reminders) }, modifier = Modifier.fillMaxWidth().touchTarget()) {
            ButtonLabel(s[Str.action_reminders])
        }

        SectionTitle(s[Str.screen_settings_screen_title])
        SettingsSwitch(s[Str.screen_settings_secure], state.secureScreen) { onEvent(SettingsEvent.SecureScreen(it)) }
        Body(s[if (state.secureScreen) Str.screen_settings_secure_on else Str.screen_settings_secure_off])

        SectionTitle(s[Str.screen_settings_discreet_title])
        SettingsSwitch(s[Str.screen_settings_discreet], state.discreet) { onEvent(SettingsEvent.Discreet(it)) }
        Body(s[Str.screen_settings_discreet_about, s[Str.screen_settings_discreet_name]])

        SectionTitle(s[Str.screen_settings_privacy])
        OutlinedButton(onClick = { onOpen(Route.About) }, modifier = Modifier.fillMaxWidth().touchTarget()) {
            ButtonLabel(s[Str.action_about])
        }

        SectionTitle(s[Str.screen_settings_erase_title])
        OutlinedButton(
            onClick = { onOpen(Route.Wipe) },
            colors = ButtonDefaults.outlinedButtonColors(contentColor = MaterialTheme.colorScheme.error),
            modifier = Modifier.fillMaxWidth().touchTarget(),
        ) { ButtonLabel(s[Str.screen_settings_erase]) }
    }
}

/** A failure or refusal, in the theme's error colour. */
@Composable
fun SettingsWarning(text: String) {
    Text(text, color = MaterialTheme.colorScheme.error, style = MaterialTheme.typography.bodyLarge)
}

/** A setting that is on or off: the whole row toggles, at least 48 dp tall, read as a switch. */
@Composable
fun SettingsSwitch(text: String, checked: Boolean, enabled: Boolean = true, onChange: (Boolean) -> Unit) {
    Row(
        modifier = Modifier
            .fillMaxWidth()
            .heightIn(min = 48.dp)
            .toggleable(value = checked, enabled = enabled, role = Role.Switch, onValueChange = onChange),
        verticalAlignment = Alignment.CenterVertically,
    ) {
        Text(text, style = MaterialTheme.typography.bodyLarge, modifier = Modifier.weight(1f).padding(end = 12.dp))
        Switch(checked = checked, onCheckedChange = null, enabled = enabled)
    }
}

/** The lock timeouts as large radio rows. */
@Composable
private fun LockChoice(selected: Int, onChoose: (Int) -> Unit) {
    val s = LocalStrings.current
    val labels = mapOf(
        0 to Str.screen_settings_lock_now,
        60 to Str.screen_settings_lock_1,
        300 to Str.screen_settings_lock_5,
        900 to Str.screen_settings_lock_15,
    )
    Column(Modifier.selectableGroup()) {
        for (seconds in SettingsModel.LOCK_CHOICES) {
            Row(
                modifier = Modifier
                    .fillMaxWidth()
                    .heightIn(min = 48.dp)
                    .selectable(selected = seconds == selected, role = Role.RadioButton, onClick = { onChoose(seconds) }),
                verticalAlignment = Alignment.CenterVertically,
            ) {
                RadioButton(selected = seconds == selected, onClick = null)
                Text(s[labels.getValue(seconds)], style = MaterialTheme.typography.bodyLarge, modifier = Modifier.padding(start = 12.dp))
            }
        }
    }
}
