package org.keel.android.ui

import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.material3.Button
import androidx.compose.material3.Card
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.LiveRegionMode
import androidx.compose.ui.semantics.liveRegion
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp
import org.keel.core.Language

/**
 * Backup and restore: back up to a file the participant picks, and restore
 * a backup into this vault after seeing what it holds against what the
 * vault holds, with an explicit confirmation. Nothing here overwrites.
 */
@Composable
fun BackupPage(state: BackupUiState, language: Language, onEvent: (BackupEvent) -> Unit, onBack: () -> Unit, onSos: () -> Unit) {
    val s = LocalStrings.current
    Page(title = s[Str.screen_backup_title], onBack = onBack, onSos = onSos) {
        BackUpSection(state, onEvent)
        RestoreSection(state, language, onEvent)
    }
}

@Composable
private fun BackUpSection(state: BackupUiState, onEvent: (BackupEvent) -> Unit) {
    val s = LocalStrings.current
    SectionTitle(s[Str.screen_backup_make_title])
    Body(s[Str.screen_backup_make_intro])
    OutlinedButton(
        onClick = { onEvent(BackupEvent.Suggest) },
        enabled = !state.busy,
        modifier = Modifier.fillMaxWidth().touchTarget(),
    ) { ButtonLabel(s[Str.screen_first_launch_suggest]) }
    state.suggested?.let { SuggestedBackupPassphrase(it) }
    PassphraseField(s[Str.screen_backup_passphrase], state.backupPassphrase, enabled = !state.busy) {
        onEvent(BackupEvent.BackupPassphraseChanged(it))
    }
    state.problemOf(BackupTask.Backup)?.let { BackupProblemText(it) }
    val progress = state.progressOf(BackupTask.Backup)
    if (progress != null) {
        BackupProgress(progress) { onEvent(BackupEvent.Cancel) }
    } else {
        Button(
            onClick = { onEvent(BackupEvent.BackUp) },
            enabled = !state.busy && state.backupPassphrase.isNotEmpty(),
            modifier = Modifier.fillMaxWidth().touchTarget(),
        ) { ButtonLabel(s[Str.screen_backup_make_action]) }
    }
    state.saved?.let { saved ->
        Announced(s[Str.screen_backup_saved, saved.records.toLong()])
        if (saved.damagedLeftOut > 0uL) Body(s[Str.screen_backup_saved_damaged, saved.damagedLeftOut.toLong()])
    }
    if (state.notSaved) Announced(s[Str.screen_backup_not_saved])
}

@Composable
private fun RestoreSection(state: BackupUiState, language: Language, onEvent: (BackupEvent) -> Unit) {
    val s = LocalStrings.current
    SectionTitle(s[Str.screen_backup_restore_title])
    Body(s[Str.screen_backup_restore_intro])
    state.restored?.let { r -> Announced(s[Str.screen_backup_restored, r.restored.toLong(), r.alreadyPresent.toLong()]) }
    if (state.hasFile) Body(s[Str.screen_backup_file_chosen])
    OutlinedButton(
        onClick = { onEvent(BackupEvent.PickFile) },
        enabled = !state.busy,
        modifier = Modifier.fillMaxWidth().touchTarget(),
    ) { ButtonLabel(s[if (state.hasFile) Str.screen_backup_choose_other else Str.screen_backup_choose_file]) }
    if (state.hasFile) {
        PassphraseField(s[Str.screen_backup_restore_passphrase], state.restorePassphrase, enabled = !state.busy) {
            onEvent(BackupEvent.RestorePassphraseChanged(it))
        }
        if (state.contents == null && state.progressOf(BackupTask.Restore) == null) {
            Button(
                onClick = { onEvent(BackupEvent.Inspect) },
                enabled = !state.busy && state.restorePassphrase.isNotEmpty(),
                modifier = Modifier.fillMaxWidth().touchTarget(),
            ) { ButtonLabel(s[Str.screen_backup_open]) }
        }
    }
    val contents = state.contents
    if (contents != null) {
        BackupContentsCard(contents, language, againstVault = true)
        if (state.confirming) {
            Card(modifier = Modifier.fillMaxWidth()) {
                Column(Modifier.padding(16.dp)) {
                    Text(
                        s[Str.screen_backup_confirm, contents.records.toLong()],
                        style = MaterialTheme.typography.bodyLarge,
                        modifier = Modifier.semantics { liveRegion = LiveRegionMode.Polite },
                    )
                    Button(
                        onClick = { onEvent(BackupEvent.ConfirmRestore) },
                        modifier = Modifier.fillMaxWidth().padding(top = 12.dp).touchTarget(),
                    ) { ButtonLabel(s[Str.screen_backup_confirm_yes]) }
                    OutlinedButton(
                        onClick = { onEvent(BackupEvent.KeepAsIs) },
                        modifier = Modifier.fillMaxWidth().padding(top = 8.dp).touchTarget(),
                    ) { ButtonLabel(s[Str.screen_backup_confirm_no]) }
                }
            }
        } else if (state.progressOf(BackupTask.Restore) == null) {
            Button(
                onClick = { onEvent(BackupEvent.Restore) },
                enabled = !state.busy,
                modifier = Modifier.fillMaxWidth().touchTarget(),
            ) { ButtonLabel(s[Str.screen_backup_restore_action]) }
        }
    }
    state.problemOf(BackupTask.Restore)?.let { BackupProblemText(it) }
    state.progressOf(BackupTask.Restore)?.let { BackupProgress(it) { onEvent(BackupEvent.Cancel) } }
}

/** A passphrase the core suggested for the backup, in clear, to be written down. */
@Composable
private fun SuggestedBackupPassphrase(passphrase: String) {
    val s = LocalStrings.current
    Card(modifier = Modifier.fillMaxWidth()) {
        Column(Modifier.padding(16.dp)) {
            Text(s[Str.screen_first_launch_suggested], style = MaterialTheme.typography.titleSmall)
            Text(passphrase, style = MaterialTheme.typography.titleLarge, modifier = Modifier.padding(vertical = 8.dp))
            Body(s[Str.screen_backup_suggested_hint])
        }
    }
}

/** An outcome read out when it appears. */
@Composable
private fun Announced(text: String) {
    Text(
        text,
        style = MaterialTheme.typography.bodyLarge,
        color = MaterialTheme.colorScheme.primary,
        modifier = Modifier.semantics { liveRegion = LiveRegionMode.Polite },
    )
}
