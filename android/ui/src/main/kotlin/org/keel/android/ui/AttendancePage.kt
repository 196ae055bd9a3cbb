package org.keel.android.ui

import androidx.compose.foundation.clickable
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.material3.Button
import androidx.compose.material3.ButtonDefaults
import androidx.compose.material3.Card
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.unit.dp
import org.keel.core.AttendanceRecord
import org.keel.core.AttendanceStatus
import org.keel.core.WeekSummary

/** Attendance history: hours and sessions per week, then every record; a tap opens one to change or delete. */
@Composable
fun AttendancePage(state: AttendanceUiState, onEvent: (AttendanceEvent) -> Unit, onBack: () -> Unit, onSos: () -> Unit) {
    val s = LocalStrings.current
    Page(title = s[Str.screen_attendance_title], onBack = onBack, onSos = onSos) {
        val weeks = state.weeks
        if (weeks == null) {
            if (state.error != null) ErrorText(state.error) else Body(s[Str.common_working])
            return@Page
        }
        SectionTitle(s[Str.screen_attendance_weeks])
        weeks.asReversed().forEach { WeekRow(it) }
        SectionTitle(s[Str.screen_attendance_records])
        if (state.records.isEmpty()) Body(s[Str.screen_meetings_no_recent])
        if (state.damaged > 0) Body(s[Str.screen_meetings_damaged, state.damaged])
        state.records.forEach { record ->
            val form = state.editing
            if (form != null && form.id == record.id) {
                AttendanceEditor(record, form, state, onEvent)
            } else {
                AttendanceRow(
                    record, state.kindLabels, state.zone,
                    Modifier.touchTarget().clickable(onClickLabel = s[Str.a11y_attendance_edit]) { onEvent(AttendanceEvent.Open(record)) }.padding(vertical = 4.dp),
                )
            }
        }
        if (state.editing == null) state.error?.let { ErrorText(it) }
        if (state.records.size.toUInt() < state.total) {
            OutlinedButton(onClick = { onEvent(AttendanceEvent.More) }, enabled = !state.busy, modifier = Modifier.fillMaxWidth().touchTarget()) {
                ButtonLabel(s[Str.screen_attendance_more])
            }
        }
    }
}

@Composable
private fun WeekRow(week: WeekSummary) {
    val s = LocalStrings.current
    Column(Modifier.fillMaxWidth()) {
        Text(s[Str.screen_attendance_week_of, formatDate(week.weekStart, s.language)], style = MaterialTheme.typography.titleSmall)
        val line = s[Str.screen_attendance_week_line, hoursText(s, week.minutes.toLong()), week.sessions.toLong()]
        Text(if (week.met) s[Str.common_joined, line, s[Str.screen_attendance_week_met]] else line, style = MaterialTheme.typography.bodyMedium)
    }
}

@Composable
private fun AttendanceEditor(record: AttendanceRecord, form: AttendanceDraftForm, state: AttendanceUiState, onEvent: (AttendanceEvent) -> Unit) {
    val s = LocalStrings.current
    Card(Modifier.fillMaxWidth()) {
        Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(8.dp)) {
            Text(record.meetingName, style = MaterialTheme.typography.titleMedium)
            Text(formatWhen(s, record.occurrence.utcMillis, state.zone), style = MaterialTheme.typography.bodyMedium)
            ChoiceRow {
                AttendanceStatus.entries.forEach { st -> Choice(s[statusText(st)], form.status == st, { onEvent(AttendanceEvent.Change(form.copy(status = st))) }) }
            }
            Field(s[Str.screen_attendance_minutes], form.minutes, { onEvent(AttendanceEvent.Change(form.copy(minutes = it))) })
            if (form.badMinutes) Text(s[Str.screen_attendance_bad_minutes], color = MaterialTheme.colorScheme.error, style = MaterialTheme.typography.bodyLarge)
            Text(s[Str.screen_attendance_notes_hint], style = MaterialTheme.typography.bodyLarge)
            Field(s[Str.screen_attendance_notes], form.notes, { onEvent(AttendanceEvent.Change(form.copy(notes = it))) }, singleLine = false, minLines = 2)
            state.error?.let { AttendanceErrorText(it) }
            Button(onClick = { onEvent(AttendanceEvent.Save) }, enabled = !state.busy, modifier = Modifier.fillMaxWidth().touchTarget()) { ButtonLabel(s[Str.action_save_changes]) }
            OutlinedButton(onClick = { onEvent(AttendanceEvent.Close) }, modifier = Modifier.fillMaxWidth().touchTarget()) { ButtonLabel(s[Str.action_cancel]) }
            if (!form.confirmDelete) {
                OutlinedButton(onClick = { onEvent(AttendanceEvent.AskDelete) }, enabled = !state.busy, modifier = Modifier.fillMaxWidth().touchTarget()) {
                    Text(s[Str.screen_attendance_delete], color = MaterialTheme.colorScheme.error)
                }
            } else {
                Text(s[Str.screen_attendance_delete_confirm], style = MaterialTheme.typography.bodyLarge)
                Button(
                    onClick = { onEvent(AttendanceEvent.ConfirmDelete) },
                    enabled = !state.busy,
                    colors = ButtonDefaults.buttonColors(containerColor = MaterialTheme.colorScheme.error, contentColor = MaterialTheme.colorScheme.onError),
                    modifier = Modifier.fillMaxWidth().touchTarget(),
                ) { ButtonLabel(s[Str.screen_attendance_delete_yes]) }
            }
        }
    }
}

/** The core refuses minutes for a missed meeting or more than it lasted: said in plain words. */
@Composable
private fun AttendanceErrorText(error: org.keel.android.core.CoreError) {
    val s = LocalStrings.current
    val key = when ((error as? org.keel.android.core.CoreError.InvalidInput)?.field) {
        "minutes" -> Str.screen_attendance_bad_minutes
        else -> errorText(error)
    }
    Text(s[key], color = MaterialTheme.colorScheme.error, style = MaterialTheme.typography.bodyLarge)
}
