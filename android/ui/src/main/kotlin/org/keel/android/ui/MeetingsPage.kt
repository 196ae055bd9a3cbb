package org.keel.android.ui

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.material3.Button
import androidx.compose.material3.Card
import androidx.compose.material3.CardDefaults
import androidx.compose.material3.LinearProgressIndicator
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.unit.dp
import org.keel.core.AttendanceRecord
import org.keel.core.MeetingKind
import org.keel.core.MeetingOccurrence
import org.keel.core.WeekProgress

/**
 * Meetings: the week against the program requirement, "I'm here" for the
 * meeting on now, today and the coming week, recent attendance, and the way
 * to the list, the editor, the import, attendance and the calendar export.
 */
@Composable
fun MeetingsPage(state: MeetingsUiState, onEvent: (MeetingsEvent) -> Unit, onOpen: (Route) -> Unit, onBack: () -> Unit, onSos: () -> Unit) {
    val s = LocalStrings.current
    Page(title = s[Str.screen_meetings_title], onBack = onBack, onSos = onSos) {
        val screen = state.screen
        if (screen == null) {
            if (state.error != null) ErrorText(state.error) else Body(s[Str.common_working])
            return@Page
        }
        // Changing the requirement or sharing the calendar: that alone, until done or cancelled.
        state.requirement?.let {
            RequirementForm(it, state.busy, onEvent)
            state.error?.let { e -> ErrorText(e) }
            return@Page
        }
        if (state.export == MeetingsExport.CONFIRM) {
            ExportSection(state, true, onEvent)
            state.error?.let { e -> ErrorText(e) }
            return@Page
        }
        WeekCard(screen.progress)
        OutlinedButton(onClick = { onEvent(MeetingsEvent.EditRequirement) }, modifier = Modifier.fillMaxWidth().touchTarget()) {
            ButtonLabel(s[Str.screen_meetings_change_requirement])
        }
        state.checkedIn?.let { Body(s[Str.screen_meetings_here_recorded, it.meetingName]) }
        screen.happeningNow?.let { now ->
            SectionTitle(s[Str.screen_meetings_now])
            OccurrenceRow(now, state)
            if (now.status == null) {
                Button(onClick = { onEvent(MeetingsEvent.ImHere) }, enabled = !state.busy, modifier = Modifier.fillMaxWidth().touchTarget()) {
                    ButtonLabel(s[Str.action_im_here])
                }
            }
        }
        state.error?.let { ErrorText(it) }
        if (screen.damagedIds.isNotEmpty()) Body(s[Str.screen_meetings_damaged, screen.damagedIds.size])
        SectionTitle(s[Str.screen_meetings_today])
        if (screen.today.isEmpty()) Body(s[Str.screen_meetings_none_today])
        screen.today.forEach { OccurrenceRow(it, state) }
        SectionTitle(s[Str.screen_meetings_week])
        if (screen.thisWeek.isEmpty()) Body(s[if (screen.meetingCount == 0u) Str.screen_meetings_no_meetings else Str.screen_meetings_none_week])
        screen.thisWeek.forEach { OccurrenceRow(it, state) }
        Button(onClick = { onOpen(Route.MeetingEdit()) }, modifier = Modifier.fillMaxWidth().touchTarget()) { ButtonLabel(s[Str.action_meetings_add]) }
        OutlinedButton(onClick = { onOpen(Route.MeetingList) }, modifier = Modifier.fillMaxWidth().touchTarget()) {
            ButtonLabel(s[Str.action_meetings_list, screen.meetingCount.toLong()])
        }
        OutlinedButton(onClick = { onOpen(Route.MeetingImport) }, modifier = Modifier.fillMaxWidth().touchTarget()) { ButtonLabel(s[Str.action_meetings_import]) }
        SectionTitle(s[Str.screen_meetings_recent])
        if (screen.recent.isEmpty()) Body(s[Str.screen_meetings_no_recent])
        screen.recent.forEach { AttendanceRow(it, state.kindLabels, state.zone) }
        OutlinedButton(onClick = { onOpen(Route.AttendanceHistory) }, modifier = Modifier.fillMaxWidth().touchTarget()) { ButtonLabel(s[Str.action_attendance_history]) }
        OutlinedButton(onClick = { onOpen(Route.AttendanceRecordSheet) }, modifier = Modifier.fillMaxWidth().touchTarget()) { ButtonLabel(s[Str.action_attendance_record]) }
        ExportSection(state, screen.meetingCount > 0u, onEvent)
    }
}

/** This week's program time against the requirement, the streak of weeks that met it, and the recent attendance rate. */
@Composable
private fun WeekCard(progress: WeekProgress) {
    val s = LocalStrings.current
    Card(Modifier.fillMaxWidth()) {
        Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(6.dp)) {
            Text(s[Str.screen_meetings_this_week, formatDate(progress.weekStart, s.language)], style = MaterialTheme.typography.titleMedium)
            val required = progress.settings.weeklyMinutes
            val done = hoursText(s, progress.minutes.toLong())
            if (required == null) {
                Text(s[Str.screen_meetings_hours_done, done], style = MaterialTheme.typography.headlineSmall)
            } else {
                Text(s[Str.screen_meetings_hours_of, done, hoursText(s, required.toLong())], style = MaterialTheme.typography.headlineSmall)
                if (required > 0u) {
                    LinearProgressIndicator(
                        progress = { (progress.minutes.toFloat() / required.toFloat()).coerceIn(0f, 1f) },
                        modifier = Modifier.fillMaxWidth().padding(vertical = 4.dp),
                    )
                }
            }
            val sessions = progress.settings.weeklySessions
            Body(
                if (sessions == null) s[Str.screen_meetings_sessions_done, progress.sessions.toLong()]
                else s[Str.screen_meetings_sessions_of, progress.sessions.toLong(), sessions.toLong()],
            )
            if (required == null && sessions == null) {
                Body(s[Str.screen_meetings_no_requirement])
            } else {
                Body(s[if (progress.met) Str.screen_meetings_met else Str.screen_meetings_not_met])
            }
            Body(s[Str.screen_meetings_streak, progress.streakWeeks.toLong()])
            val rate = progress.attendanceRate
            Body(
                if (rate == null) s[Str.screen_meetings_rate_none]
                else s[Str.screen_meetings_rate, progress.attendedRecently.toLong(), progress.scheduledRecently.toLong(), Math.round(rate * 100)],
            )
        }
    }
}

@Composable
private fun RequirementForm(draft: RequirementDraft, busy: Boolean, onEvent: (MeetingsEvent) -> Unit) {
    val s = LocalStrings.current
    SectionTitle(s[Str.screen_meetings_requirement])
    Body(s[Str.screen_meetings_requirement_hint])
    Field(s[Str.screen_meetings_requirement_hours], draft.hours, { onEvent(MeetingsEvent.Requirement(draft.copy(hours = it))) })
    Field(s[Str.screen_meetings_requirement_sessions], draft.sessions, { onEvent(MeetingsEvent.Requirement(draft.copy(sessions = it))) })
    if (draft.problem) Text(s[Str.screen_meetings_requirement_problem], color = MaterialTheme.colorScheme.error, style = MaterialTheme.typography.bodyLarge)
    Button(onClick = { onEvent(MeetingsEvent.SaveRequirement) }, enabled = !busy, modifier = Modifier.fillMaxWidth().touchTarget()) { ButtonLabel(s[Str.action_save]) }
    OutlinedButton(onClick = { onEvent(MeetingsEvent.CancelRequirement) }, modifier = Modifier.fillMaxWidth().touchTarget()) { ButtonLabel(s[Str.action_cancel]) }
}

/** The calendar file leaves the vault unencrypted: say so and ask first; then the share sheet. */
@Composable
private fun ExportSection(state: MeetingsUiState, hasMeetings: Boolean, onEvent: (MeetingsEvent) -> Unit) {
    val s = LocalStrings.current
    if (!hasMeetings) return
    when (state.export) {
        null, MeetingsExport.SHARED, MeetingsExport.FAILED -> {
            OutlinedButton(onClick = { onEvent(MeetingsEvent.AskExport) }, modifier = Modifier.fillMaxWidth().touchTarget()) { ButtonLabel(s[Str.action_meetings_export]) }
            if (state.export == MeetingsExport.SHARED) Body(s[Str.screen_meetings_export_shared])
            if (state.export == MeetingsExport.FAILED) Text(s[Str.screen_meetings_export_failed], color = MaterialTheme.colorScheme.error, style = MaterialTheme.typography.bodyLarge)
        }
        MeetingsExport.CONFIRM -> Card(
            colors = CardDefaults.cardColors(containerColor = MaterialTheme.colorScheme.secondaryContainer, contentColor = MaterialTheme.colorScheme.onSecondaryContainer),
            modifier = Modifier.fillMaxWidth(),
        ) {
            Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(8.dp)) {
                Text(s[Str.screen_meetings_export_title], style = MaterialTheme.typography.titleMedium)
                Text(s[Str.screen_meetings_export_warning], style = MaterialTheme.typography.bodyLarge)
                Button(onClick = { onEvent(MeetingsEvent.ConfirmExport) }, enabled = !state.busy, modifier = Modifier.fillMaxWidth().touchTarget()) {
                    ButtonLabel(s[Str.screen_meetings_export_yes])
                }
                OutlinedButton(onClick = { onEvent(MeetingsEvent.CancelExport) }, modifier = Modifier.fillMaxWidth().touchTarget()) { ButtonLabel(s[Str.action_cancel]) }
            }
        }
    }
}

/** One occurrence: when (in the phone's zone), what, where, and what was recorded for it. */
@Composable
fun OccurrenceRow(o: MeetingOccurrence, state: MeetingsUiState) {
    val s = LocalStrings.current
    Column(Modifier.fillMaxWidth()) {
        Text(
            s[Str.screen_meetings_occurrence_when, formatWhen(s, o.start.utcMillis, state.zone), formatTime(o.endUtcMillis, state.zone, s.language)],
            style = MaterialTheme.typography.bodyMedium,
        )
        Text(o.meetingName, style = MaterialTheme.typography.titleMedium)
        val kind = state.kindLabels[o.kind]
        val place = placeText(s, o.place)
        listOfNotNull(kind, place).takeIf { it.isNotEmpty() }?.let { Text(s.joined(it), style = MaterialTheme.typography.bodyMedium) }
        o.status?.let { Text(s[Str.screen_meetings_recorded, s[statusText(it)]], style = MaterialTheme.typography.bodyMedium, color = MaterialTheme.colorScheme.primary) }
    }
}

/** One attendance record: the meeting, when it was, what was recorded and for how long. */
@Composable
fun AttendanceRow(record: AttendanceRecord, kindLabels: Map<MeetingKind, String>, zone: String?, modifier: Modifier = Modifier) {
    val s = LocalStrings.current
    Column(modifier.fillMaxWidth()) {
        Text(record.meetingName, style = MaterialTheme.typography.titleSmall)
        Text(formatWhen(s, record.occurrence.utcMillis, zone), style = MaterialTheme.typography.bodyMedium)
        val parts = listOfNotNull(kindLabels[record.kind]) + attendedText(s, record.status, record.minutes.toLong())
        Text(s.joined(parts), style = MaterialTheme.typography.bodyMedium)
        if (record.notes.isNotBlank()) Text(record.notes, style = MaterialTheme.typography.bodyMedium)
    }
}
