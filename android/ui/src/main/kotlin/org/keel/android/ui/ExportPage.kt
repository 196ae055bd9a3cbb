package org.keel.android.ui

import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.selection.toggleable
import androidx.compose.material3.Button
import androidx.compose.material3.Card
import androidx.compose.material3.CardDefaults
import androidx.compose.material3.Checkbox
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.Role
import androidx.compose.ui.unit.dp
import org.keel.android.core.CoreError

/**
 * Exports for the participant's own records or a program's health record
 * system: CSV after the core's warning and an explicit "I understand", and
 * FHIR; each made in memory, then saved or shared through the system.
 */
@Composable
fun ExportPage(state: ExportUiState, onEvent: (ExportEvent) -> Unit, onBack: () -> Unit, onSos: () -> Unit) {
    val s = LocalStrings.current
    Page(title = s[Str.screen_export_title], onBack = onBack, onSos = onSos) {
        Body(s[Str.screen_export_intro])
        if (!state.loaded) {
            Body(s[Str.common_working])
            state.error?.let { ExportError(it) }
            return@Page
        }
        SectionTitle(s[Str.screen_export_period])
        ChoiceRow {
            state.ranges.forEach { r -> Choice(r.label, state.selected == r.preset, { onEvent(ExportEvent.SelectRange(r.preset)) }, enabled = !state.busy) }
        }

        SectionTitle(s[Str.screen_export_csv_title])
        state.csvWarning?.let { warning ->
            // The core's own words: the participant accepts exactly these.
            Card(Modifier.fillMaxWidth(), colors = CardDefaults.cardColors(containerColor = MaterialTheme.colorScheme.errorContainer)) {
                Text(warning, style = MaterialTheme.typography.bodyLarge, color = MaterialTheme.colorScheme.onErrorContainer, modifier = Modifier.padding(16.dp))
            }
        }
        ConfirmRow(s[Str.screen_export_csv_confirm], state.confirmed) { onEvent(ExportEvent.Confirm(it)) }
        Button(onClick = { onEvent(ExportEvent.MakeCsv) }, enabled = !state.busy, modifier = Modifier.fillMaxWidth().touchTarget()) {
            ButtonLabel(s[Str.action_export_csv])
        }
        state.made?.takeIf { it.kind == ExportKind.CSV }?.let { Made(it, state.busy, onEvent) }
        state.error?.takeIf { it.isCsvRefusal() }?.let { ExportError(it) }

        SectionTitle(s[Str.screen_export_fhir_title])
        Body(s[Str.screen_export_fhir_intro])
        Button(onClick = { onEvent(ExportEvent.MakeFhir) }, enabled = !state.busy, modifier = Modifier.fillMaxWidth().touchTarget()) {
            ButtonLabel(s[Str.action_export_fhir])
        }
        state.made?.takeIf { it.kind == ExportKind.FHIR }?.let { Made(it, state.busy, onEvent) }
        state.error?.takeUnless { it.isCsvRefusal() }?.let { ExportError(it) }
        if (state.busy) Body(s[Str.common_working])
    }
}

/** What the core put in the file, then Save and Share. */
@Composable
private fun Made(made: ExportMade, busy: Boolean, onEvent: (ExportEvent) -> Unit) {
    val s = LocalStrings.current
    Card(Modifier.fillMaxWidth()) {
        Column(Modifier.padding(16.dp)) {
            when (made.kind) {
                ExportKind.CSV -> {
                    Body(s[Str.screen_export_csv_ready, made.fileName])
                    made.files.forEach { Body(s[Str.common_bullet, s[Str.screen_export_file_rows, it.name, it.rows.toLong()]], Modifier.padding(top = 4.dp)) }
                }
                ExportKind.FHIR -> Body(s[Str.screen_export_fhir_ready, made.fileName, made.observations, made.encounters, made.questionnaires])
            }
            if (made.damagedLeftOut > 0) Body(s[Str.screen_export_damaged, made.damagedLeftOut], Modifier.padding(top = 4.dp))
        }
    }
    Button(onClick = { onEvent(ExportEvent.Save) }, enabled = !busy, modifier = Modifier.fillMaxWidth().touchTarget()) {
        ButtonLabel(s[Str.action_report_save])
    }
    OutlinedButton(onClick = { onEvent(ExportEvent.Share) }, enabled = !busy, modifier = Modifier.fillMaxWidth().touchTarget()) {
        ButtonLabel(s[Str.action_report_share])
    }
    made.handOff?.let { Body(s[handOffText(it)]) }
}

@Composable
private fun ExportError(error: CoreError) {
    val s = LocalStrings.current
    val key = if (error.isCsvRefusal()) Str.screen_export_need_confirm else errorText(error)
    Text(s[key], color = MaterialTheme.colorScheme.error, style = MaterialTheme.typography.bodyLarge)
}

/** The core's refusal of a CSV export the participant did not confirm. */
private fun CoreError.isCsvRefusal() = this is CoreError.InvalidInput && field == "confirmed"

/** A checkbox row the size of a finger, its text the label. */
@Composable
fun ConfirmRow(text: String, checked: Boolean, onChange: (Boolean) -> Unit) {
    Row(
        modifier = Modifier
            .fillMaxWidth()
            .heightIn(min = 48.dp)
            .toggleable(value = checked, role = Role.Checkbox, onValueChange = onChange),
        verticalAlignment = Alignment.CenterVertically,
    ) {
        Checkbox(checked = checked, onCheckedChange = null)
        Text(text, style = MaterialTheme.typography.bodyLarge, modifier = Modifier.padding(start = 12.dp).weight(1f))
    }
}
