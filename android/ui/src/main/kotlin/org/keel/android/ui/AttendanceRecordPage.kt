package org.keel.android.ui

import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import org.keel.core.AttendanceLine

/** The attendance record of a period: each meeting attended or missed, its date and time, kind, minutes and status. */
@Composable
fun AttendanceRecordPage(state: AttendanceRecordUiState, onEvent: (AttendanceRecordEvent) -> Unit, onBack: () -> Unit, onSos: () -> Unit) {
    val s = LocalStrings.current
    Page(title = s[Str.screen_attendance_record_title], onBack = onBack, onSos = onSos) {
        Body(s[Str.screen_attendance_record_intro])
        if (state.ranges.isNotEmpty()) {
            ChoiceRow {
                state.ranges.forEach { r -> Choice(r.label, state.chosen == r.preset, { onEvent(AttendanceRecordEvent.Choose(r.preset)) }) }
            }
        }
        state.ranges.firstOrNull { it.preset == state.chosen }?.let { r ->
            SectionTitle(s[Str.screen_attendance_record_period, formatDate(r.firstDay, s.language), formatDate(r.lastDay, s.language)])
        }
        state.error?.let { ErrorText(it) }
        val lines = state.lines
        when {
            lines == null -> if (state.error == null) Body(s[Str.common_working])
            lines.isEmpty() -> Body(s[Str.screen_attendance_record_empty])
            else -> lines.forEach { RecordLine(it, state.zone) }
        }
    }
}

@Composable
private fun RecordLine(line: AttendanceLine, zone: String?) {
    val s = LocalStrings.current
    Column(Modifier.fillMaxWidth()) {
        Text(formatWhen(s, line.start.utcMillis, zone), style = MaterialTheme.typography.bodyMedium)
        Text(line.meetingName, style = MaterialTheme.typography.titleSmall)
        Text(s.joined(listOf(line.kindLabel) + attendedText(s, line.status, line.minutes.toLong())), style = MaterialTheme.typography.bodyMedium)
    }
}
