package org.keel.android.ui

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.selection.toggleable
import androidx.compose.material3.Button
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
import org.keel.android.core.MeetingsCalls
import org.keel.core.FeedMeeting
import org.keel.core.FeedSkipped

/**
 * Import from a Meeting Guide file chosen with the system picker: name the
 * list, choose the kind, pick the file; then every meeting the core read
 * (already added ones marked), what it skipped and why, and the ones to add.
 */
@Composable
fun MeetingImportPage(state: MeetingImportUiState, onEvent: (MeetingImportEvent) -> Unit, onOpen: (Route) -> Unit, onBack: () -> Unit, onSos: () -> Unit) {
    val s = LocalStrings.current
    Page(title = s[Str.screen_meeting_import_title], onBack = onBack, onSos = onSos) {
        state.added?.let { n ->
            Body(s[Str.screen_meeting_import_added, n])
            Button(onClick = { onOpen(Route.MeetingList) }, modifier = Modifier.fillMaxWidth().touchTarget()) { ButtonLabel(s[Str.action_meetings_list_plain]) }
            OutlinedButton(onClick = { onEvent(MeetingImportEvent.Again) }, modifier = Modifier.fillMaxWidth().touchTarget()) { ButtonLabel(s[Str.screen_meeting_import_another]) }
            return@Page
        }
        val preview = state.preview
        if (preview == null) {
            Body(s[Str.screen_meeting_import_intro])
            Body(s[Str.screen_meeting_import_source_hint])
            Field(s[Str.screen_meeting_import_source], state.source, { onEvent(MeetingImportEvent.Source(it)) })
            if (state.needSource) Text(s[Str.screen_meeting_import_need_source], color = MaterialTheme.colorScheme.error, style = MaterialTheme.typography.bodyLarge)
            SectionTitle(s[Str.screen_meeting_import_kind])
            ChoiceRow {
                MeetingsCalls.ALL_KINDS.forEach { kind -> Choice(state.kindLabels[kind] ?: "", state.kind == kind, { onEvent(MeetingImportEvent.Kind(kind)) }) }
            }
            if (state.cancelled) Body(s[Str.screen_meeting_import_cancelled])
            state.error?.let { ImportErrorText(it) }
            Button(onClick = { onEvent(MeetingImportEvent.ChooseFile) }, enabled = !state.busy, modifier = Modifier.fillMaxWidth().touchTarget()) {
                ButtonLabel(if (state.busy) s[Str.common_working] else s[Str.screen_meeting_import_choose])
            }
            return@Page
        }
        Body(s[Str.screen_meeting_import_found, preview.meetings.size, preview.skipped.size])
        if (preview.meetings.isNotEmpty()) {
            SectionTitle(s[Str.screen_meeting_import_pick])
            ChoiceRow {
                Choice(s[Str.screen_meeting_import_all], false, { onEvent(MeetingImportEvent.PickAll) })
                Choice(s[Str.screen_meeting_import_none], false, { onEvent(MeetingImportEvent.PickNone) })
            }
            preview.meetings.forEach { m -> FeedMeetingRow(m, m.position in state.picked, state) { onEvent(MeetingImportEvent.Toggle(m.position)) } }
        }
        if (preview.skipped.isNotEmpty()) {
            SectionTitle(s[Str.screen_meeting_import_skipped])
            preview.skipped.forEach { SkippedRow(it) }
        }
        state.error?.let { ImportErrorText(it) }
        Button(
            onClick = { onEvent(MeetingImportEvent.Add) },
            enabled = !state.busy && state.picked.isNotEmpty(),
            modifier = Modifier.fillMaxWidth().touchTarget(),
        ) { ButtonLabel(if (state.busy) s[Str.common_working] else s[Str.screen_meeting_import_add, state.picked.size]) }
        OutlinedButton(onClick = { onEvent(MeetingImportEvent.Again) }, modifier = Modifier.fillMaxWidth().touchTarget()) { ButtonLabel(s[Str.screen_meeting_import_other_file]) }
    }
}

/** A meeting of the file, with a box to pick it; what was dropped from it and whether it is already added. */
@Composable
private fun FeedMeetingRow(m: FeedMeeting, picked: Boolean, state: MeetingImportUiState, onToggle: () -> Unit) {
    val s = LocalStrings.current
    Row(
        modifier = Modifier.fillMaxWidth().touchTarget().toggleable(value = picked, role = Role.Checkbox, onValueChange = { onToggle() }).padding(vertical = 4.dp),
        verticalAlignment = Alignment.Top,
        horizontalArrangement = Arrangement.spacedBy(8.dp),
    ) {
        Checkbox(checked = picked, onCheckedChange = null)
        Column(Modifier.weight(1f)) {
            Text(m.draft.name, style = MaterialTheme.typography.titleMedium)
            Text(scheduleText(s, m.draft.schedule, state.zone), style = MaterialTheme.typography.bodyMedium)
            placeText(s, m.draft.place)?.let { Text(it, style = MaterialTheme.typography.bodyMedium) }
            if (m.alreadyAddedId != null) Text(s[Str.screen_meeting_import_already], style = MaterialTheme.typography.bodyMedium, color = MaterialTheme.colorScheme.primary)
            m.warnings.forEach { Text(s[Str.common_bullet, warningText(s, it)], style = MaterialTheme.typography.bodySmall) }
        }
    }
}

@Composable
private fun SkippedRow(skipped: FeedSkipped) {
    val s = LocalStrings.current
    val which = skipped.slug?.let { s[Str.screen_meeting_import_skipped_slug, skipped.position.toLong() + 1, it] }
        ?: s[Str.screen_meeting_import_skipped_at, skipped.position.toLong() + 1]
    Column(Modifier.fillMaxWidth()) {
        Text(which, style = MaterialTheme.typography.titleSmall)
        Text(skipReasonText(s, skipped.reason), style = MaterialTheme.typography.bodyMedium)
    }
}

/** A file the core could not read as a meeting list says so; other failures as everywhere. */
@Composable
private fun ImportErrorText(error: CoreError) {
    val s = LocalStrings.current
    val key = when ((error as? CoreError.InvalidInput)?.field) {
        "feed" -> Str.screen_meeting_import_not_a_list
        "meetings", "meeting" -> Str.screen_meeting_edit_too_many
        else -> errorText(error)
    }
    Text(s[key], color = MaterialTheme.colorScheme.error, style = MaterialTheme.typography.bodyLarge)
}
