package org.keel.android.ui

import androidx.compose.foundation.clickable
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.material3.Button
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.unit.dp
import org.keel.core.Meeting

/** Every meeting by name, with its repeat rule in its own zone; a tap opens it to edit. */
@Composable
fun MeetingListPage(state: MeetingListUiState, onOpen: (Route) -> Unit, onBack: () -> Unit, onSos: () -> Unit) {
    val s = LocalStrings.current
    Page(title = s[Str.screen_meeting_list_title], onBack = onBack, onSos = onSos) {
        val list = state.list
        if (list == null) {
            if (state.error != null) ErrorText(state.error) else Body(s[Str.common_working])
            return@Page
        }
        if (list.meetings.isEmpty()) Body(s[Str.screen_meetings_no_meetings])
        list.meetings.forEach { MeetingRow(it, state) { onOpen(Route.MeetingEdit(it.id)) } }
        if (list.damagedIds.isNotEmpty()) Body(s[Str.screen_meetings_damaged, list.damagedIds.size])
        Button(onClick = { onOpen(Route.MeetingEdit()) }, modifier = Modifier.fillMaxWidth().touchTarget()) { ButtonLabel(s[Str.action_meetings_add]) }
        OutlinedButton(onClick = { onOpen(Route.MeetingImport) }, modifier = Modifier.fillMaxWidth().touchTarget()) { ButtonLabel(s[Str.action_meetings_import]) }
    }
}

@Composable
private fun MeetingRow(meeting: Meeting, state: MeetingListUiState, onOpen: () -> Unit) {
    val s = LocalStrings.current
    Column(
        Modifier.fillMaxWidth().touchTarget().clickable(onClickLabel = s[Str.a11y_meetings_edit], onClick = onOpen).padding(vertical = 4.dp),
    ) {
        Text(meeting.name, style = MaterialTheme.typography.titleMedium)
        Text(scheduleText(s, meeting.schedule, state.zone), style = MaterialTheme.typography.bodyMedium)
        val parts = listOfNotNull(state.kindLabels[meeting.kind], placeText(s, meeting.place))
        if (parts.isNotEmpty()) Text(s.joined(parts), style = MaterialTheme.typography.bodyMedium)
        if (meeting.source != null) Text(s[Str.screen_meeting_list_imported, meeting.source!!.feed], style = MaterialTheme.typography.bodySmall)
    }
}
