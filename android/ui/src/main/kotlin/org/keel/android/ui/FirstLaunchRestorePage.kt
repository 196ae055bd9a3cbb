package org.keel.android.ui

import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.material3.Button
import androidx.compose.material3.OutlinedButton
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import org.keel.core.Language

/**
 * First launch, restoring from a backup: each step appears once the one
 * before it is done, so the participant sees what the file holds and from
 * when before choosing a new passphrase for this phone.
 */
@Composable
fun FirstLaunchRestorePage(
    state: FirstLaunchRestoreUiState,
    language: Language,
    onEvent: (FirstLaunchRestoreEvent) -> Unit,
    onBack: () -> Unit,
    onSos: () -> Unit,
) {
    val s = LocalStrings.current
    Page(title = s[Str.screen_restore_new_title], onBack = onBack, onSos = onSos) {
        Body(s[Str.screen_restore_new_intro])
        SectionTitle(s[Str.screen_backup_file_step])
        if (state.hasFile) Body(s[Str.screen_backup_file_chosen])
        OutlinedButton(
            onClick = { onEvent(FirstLaunchRestoreEvent.PickFile) },
            enabled = !state.busy,
            modifier = Modifier.fillMaxWidth().touchTarget(),
        ) { ButtonLabel(s[if (state.hasFile) Str.screen_backup_choose_other else Str.screen_backup_choose_file]) }
        if (state.hasFile) {
            SectionTitle(s[Str.screen_backup_passphrase_step])
            Body(s[Str.screen_backup_passphrase_hint])
            PassphraseField(s[Str.screen_backup_passphrase], state.backupPassphrase, enabled = !state.busy) {
                onEvent(FirstLaunchRestoreEvent.BackupPassphraseChanged(it))
            }
            if (state.contents == null && !state.busy) {
                Button(
                    onClick = { onEvent(FirstLaunchRestoreEvent.Inspect) },
                    enabled = state.backupPassphrase.isNotEmpty(),
                    modifier = Modifier.fillMaxWidth().touchTarget(),
                ) { ButtonLabel(s[Str.screen_backup_open]) }
            }
        }
        val contents = state.contents
        if (contents != null) {
            BackupContentsCard(contents, language, againstVault = false)
            SectionTitle(s[Str.screen_restore_new_passphrase_step])
            Body(s[Str.screen_restore_new_passphrase_hint])
            PassphraseField(s[Str.common_passphrase], state.passphrase, enabled = !state.busy) {
                onEvent(FirstLaunchRestoreEvent.PassphraseChanged(it))
            }
            state.estimate?.let { Strength(it) }
            PassphraseField(s[Str.screen_first_launch_confirm], state.confirm, enabled = !state.busy) {
                onEvent(FirstLaunchRestoreEvent.ConfirmChanged(it))
            }
            Body(s[Str.screen_first_launch_warning])
        }
        state.problem?.let { BackupProblemText(it) }
        val progress = state.progress
        if (progress != null) {
            BackupProgress(progress) { onEvent(FirstLaunchRestoreEvent.Cancel) }
        } else if (contents != null) {
            Button(
                onClick = { onEvent(FirstLaunchRestoreEvent.Restore) },
                enabled = state.passphrase.isNotEmpty(),
                modifier = Modifier.fillMaxWidth().touchTarget(),
            ) { ButtonLabel(s[Str.screen_restore_new_action, contents.records.toLong()]) }
        }
    }
}
