package org.keel.android.ui

import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.material3.Card
import androidx.compose.material3.LinearProgressIndicator
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.LiveRegionMode
import androidx.compose.ui.semantics.liveRegion
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp
import org.keel.core.BackupContents
import org.keel.core.Language

/**
 * What a backup holds and from when, as the core's inspection says it:
 * the date it was made, its records, and each kind of record it holds;
 * with [againstVault], how many of each this vault holds already.
 */
@Composable
fun BackupContentsCard(contents: BackupContents, language: Language, againstVault: Boolean) {
    val s = LocalStrings.current
    Card(modifier = Modifier.fillMaxWidth()) {
        Column(Modifier.padding(16.dp)) {
            Text(s[Str.screen_backup_contents_title], style = MaterialTheme.typography.titleSmall)
            Body(s[Str.screen_backup_contents_made, formatMoment(contents.createdAt, language)], Modifier.padding(top = 8.dp))
            Body(s[Str.screen_backup_contents_records, contents.records.toLong()])
            if (againstVault) Body(s[Str.screen_backup_contents_vault_records, contents.vaultRecords.toLong()])
            for (c in contents.collections) {
                if (c.inBackup == 0uL && !(againstVault && c.inVault > 0uL)) continue
                val name = s[collectionLabel(c.collection)]
                val line = if (againstVault) {
                    s[Str.screen_backup_contents_line_vault, name, c.inBackup.toLong(), c.inVault.toLong()]
                } else {
                    s[Str.screen_backup_contents_line, name, c.inBackup.toLong()]
                }
                Body(s[Str.common_bullet, line], Modifier.padding(top = 4.dp))
            }
        }
    }
}

/** The core's collection names, in words; a kind this build has no words for is "other records". */
fun collectionLabel(collection: String): Str = when (collection) {
    "journal.note" -> Str.backup_kind_notes
    "plan.revision" -> Str.backup_kind_plan
    "log.craving" -> Str.backup_kind_cravings
    "log.checkin" -> Str.backup_kind_check_ins
    "log.encounter" -> Str.backup_kind_encounters
    "log.lapse" -> Str.backup_kind_lapses
    "sobriety.clock" -> Str.backup_kind_clocks
    "exercises.pattern" -> Str.backup_kind_patterns
    "exercises.session" -> Str.backup_kind_sessions
    "meetings.meeting" -> Str.backup_kind_meetings
    "meetings.attendance" -> Str.backup_kind_attendance
    "meetings.settings" -> Str.backup_kind_meeting_settings
    "report.shared" -> Str.backup_kind_reports
    "measures.response" -> Str.backup_kind_measures
    "measures.schedule" -> Str.backup_kind_measure_schedules
    else -> Str.backup_kind_other
}

/** The core's work in progress: a bar that screen readers announce, and Cancel. */
@Composable
fun BackupProgress(fraction: Float, onCancel: () -> Unit) {
    val s = LocalStrings.current
    Column(Modifier.fillMaxWidth().semantics { liveRegion = LiveRegionMode.Polite }) {
        Body(s[Str.common_working])
        LinearProgressIndicator(progress = { fraction }, modifier = Modifier.fillMaxWidth().padding(vertical = 8.dp))
    }
    OutlinedButton(onClick = onCancel, modifier = Modifier.fillMaxWidth().touchTarget()) { ButtonLabel(s[Str.action_cancel]) }
}

/** A problem in the error colour, announced when it appears. */
@Composable
fun BackupProblemText(problem: BackupProblem) {
    val s = LocalStrings.current
    Text(
        s[backupProblemText(problem)],
        color = MaterialTheme.colorScheme.error,
        style = MaterialTheme.typography.bodyLarge,
        modifier = Modifier.semantics { liveRegion = LiveRegionMode.Polite },
    )
}
