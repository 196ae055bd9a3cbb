package org.keel.android.ui

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.material3.Card
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp
import org.keel.core.Language
import org.keel.core.MeasureDirection
import org.keel.core.MeasureResponse

/**
 * One measure's past answers: the core's score trends (charted, with text
 * alternatives), which items moved since the time before (the BAM's), and
 * every response newest first; one still in its period can be changed.
 */
@Composable
fun MeasureHistoryPage(state: MeasureHistoryState, language: Language, onEvent: (MeasuresEvent) -> Unit, onBack: () -> Unit, onSos: () -> Unit) {
    val s = LocalStrings.current
    val measure = state.measure
    Page(title = measure?.let { s[Str.screen_measure_history_title, s[measureName(it)]] } ?: s[Str.screen_measures_title], onBack = onBack, onSos = onSos) {
        val history = state.history
        if (history == null) {
            Body(if (state.error != null) s[errorText(state.error)] else s[Str.common_working])
            return@Page
        }
        if (history.responses.isEmpty()) Body(s[Str.screen_measure_history_none])
        MeasureTrends(history, InsightsWords(s), named = false)
        if (history.movedItems.isNotEmpty()) {
            SectionTitle(s[Str.screen_measure_moved])
            history.movedItems.forEach { m ->
                Body(s[Str.screen_measure_moved_item, m.number, m.text, m.fromLabel, m.toLabel, s[directionText(m.direction)]])
            }
        }
        history.responses.forEach { ResponseCard(it, language, onEvent) }
        history.damagedIds.size.takeIf { it > 0 }?.let { Body(s[Str.screen_insights_damaged, it]) }
    }
}

@Composable
private fun ResponseCard(response: MeasureResponse, language: Language, onEvent: (MeasuresEvent) -> Unit) {
    val s = LocalStrings.current
    val taken = formatMoment(response.takenAt, language)
    Card(Modifier.fillMaxWidth()) {
        Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(6.dp)) {
            Text(taken, style = MaterialTheme.typography.titleMedium)
            response.editedAt?.let { Body(s[Str.screen_measure_edited, formatMoment(it, language)]) }
            response.scores.forEach { ScoreLine(it) }
            if (response.editable) {
                OutlinedButton(
                    onClick = { onEvent(MeasuresEvent.Edit(response)) },
                    modifier = Modifier.fillMaxWidth().touchTarget().semantics { contentDescription = s[Str.a11y_measure_change, taken] },
                ) { ButtonLabel(s[Str.action_measure_change]) }
            }
        }
    }
}

private fun directionText(direction: MeasureDirection): Str = when (direction) {
    MeasureDirection.BETTER -> Str.measure_direction_better
    MeasureDirection.WORSE -> Str.measure_direction_worse
    MeasureDirection.SAME -> Str.measure_direction_same
}
