package org.keel.android.ui

import androidx.compose.foundation.clickable
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.material3.HorizontalDivider
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.unit.dp
import org.keel.core.EntryKind
import org.keel.core.HistoryItem
import org.keel.core.HistoryKind
import org.keel.core.Language

/** Everything recorded, newest first, in the core's one-line summaries; a log entry opens its edit. */
@Composable
fun HistoryPage(
    state: HistoryUiState,
    language: Language,
    onEvent: (HistoryEvent) -> Unit,
    onOpen: (Route) -> Unit,
    onBack: () -> Unit,
    onSos: () -> Unit,
) {
    val s = LocalStrings.current
    Page(title = s[Str.screen_history_title], onBack = onBack, onSos = onSos) {
        if (state.ranges.isNotEmpty()) {
            SectionTitle(s[Str.screen_history_range])
            ChoiceRow {
                state.ranges.forEach { r ->
                    Choice(r.label, state.selected == r.preset, { onEvent(HistoryEvent.SelectRange(r.preset)) })
                }
            }
        }
        state.error?.let { ErrorText(it) }
        if (!state.loaded) {
            Body(s[Str.common_working])
            return@Page
        }
        if (state.items.isEmpty()) Body(s[Str.screen_history_empty])
        if (state.damaged > 0) Body(s[Str.screen_history_damaged, state.damaged])
        state.items.forEach { item ->
            HistoryRow(item, language, entryKind(item.kind)?.let { kind -> { onOpen(Route.Log(kind, item.id)) } })
            HorizontalDivider()
        }
        if (state.nextPageToken != null) {
            OutlinedButton(onClick = { onEvent(HistoryEvent.LoadMore) }, enabled = !state.busy, modifier = Modifier.fillMaxWidth().touchTarget()) {
                Text(if (state.busy) s[Str.common_working] else s[Str.action_load_more])
            }
        } else if (state.items.isNotEmpty()) {
            Body(s[Str.screen_history_end])
        }
    }
}

@Composable
private fun HistoryRow(item: HistoryItem, language: Language, onOpen: (() -> Unit)?) {
    val s = LocalStrings.current
    val base = Modifier.fillMaxWidth().touchTarget()
    val modifier = if (onOpen != null) base.clickable(onClickLabel = s[Str.a11y_edit_entry], onClick = onOpen) else base
    Column(modifier.padding(vertical = 4.dp)) {
        // The core's summary already names the kind; the date comes first, smaller.
        Text(formatMoment(item.at, language), style = MaterialTheme.typography.bodyMedium, color = MaterialTheme.colorScheme.onSurfaceVariant)
        Text(item.summary, style = MaterialTheme.typography.bodyLarge)
    }
}

/** The log kinds this app edits; notes, practice and attendance open elsewhere. */
fun entryKind(kind: HistoryKind): EntryKind? = when (kind) {
    HistoryKind.CRAVING -> EntryKind.CRAVING
    HistoryKind.ENCOUNTER -> EntryKind.ENCOUNTER
    HistoryKind.CHECK_IN -> EntryKind.CHECK_IN
    HistoryKind.LAPSE -> EntryKind.LAPSE
    HistoryKind.NOTE, HistoryKind.PRACTICE, HistoryKind.ATTENDANCE -> null
}
