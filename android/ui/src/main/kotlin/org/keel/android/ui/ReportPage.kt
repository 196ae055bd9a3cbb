package org.keel.android.ui

import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.material3.Button
import androidx.compose.material3.Card
import androidx.compose.material3.LinearProgressIndicator
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.text.font.FontWeight
import androidx.compose.ui.unit.dp
import org.keel.android.core.CoreError
import org.keel.core.ReportTopic

/**
 * The counselor report, step by step: choose the days and the parts, read
 * the core's preview (exactly what the file will hold) and the passphrase,
 * make the locked file (with Stop), then save or share it and say the
 * passphrase aloud.
 */
@Composable
fun ReportPage(state: ReportUiState, onEvent: (ReportEvent) -> Unit, onBack: () -> Unit, onSos: () -> Unit) {
    val s = LocalStrings.current
    Page(title = s[Str.screen_report_title], onBack = onBack, onSos = onSos) {
        when (state.step) {
            ReportStep.CHOOSE -> ReportChoice(state, onEvent)
            ReportStep.PREVIEW -> ReportPreviewStep(state, onEvent)
            ReportStep.MAKING -> ReportMaking(state, onEvent)
            ReportStep.READY -> ReportReady(state, onEvent)
        }
    }
}

@Composable
private fun ReportChoice(state: ReportUiState, onEvent: (ReportEvent) -> Unit) {
    val s = LocalStrings.current
    Body(s[Str.screen_report_intro])
    if (!state.loaded) {
        Body(s[Str.common_working])
        state.error?.let { ReportError(it) }
        return
    }
    SectionTitle(s[Str.screen_report_period])
    ChoiceRow {
        state.ranges.forEach { r -> Choice(r.label, state.selected == r.preset, { onEvent(ReportEvent.SelectRange(r.preset)) }) }
    }
    SectionTitle(s[Str.screen_report_sections])
    ChoiceRow {
        ALL_TOPICS.forEach { t -> Choice(s[topicText(t)], t in state.topics, { onEvent(ReportEvent.ToggleTopic(t)) }) }
    }
    Body(s[Str.screen_report_private_parts])
    state.error?.let { ReportError(it) }
    Button(
        onClick = { onEvent(ReportEvent.Preview) },
        enabled = !state.busy && state.selected != null,
        modifier = Modifier.fillMaxWidth().touchTarget(),
    ) { ButtonLabel(if (state.busy) s[Str.common_working] else s[Str.action_report_preview]) }
}

@Composable
private fun ReportPreviewStep(state: ReportUiState, onEvent: (ReportEvent) -> Unit) {
    val s = LocalStrings.current
    val previewed = state.previewed ?: return
    SectionTitle(s[Str.screen_report_preview_title])
    Body(s[Str.screen_report_preview_intro])
    Card(Modifier.fillMaxWidth()) {
        Column(Modifier.padding(16.dp)) {
            Text(previewed.preview.title, style = MaterialTheme.typography.titleMedium)
            // The core's own lines: the period, then one per part with its counts. A size
            // below the page's body text, so a long part name ("desencadenantes") stays
            // whole inside the card at font scale 2.0 on a small phone.
            previewed.preview.lines.forEach {
                Text(s[Str.common_bullet, it], style = MaterialTheme.typography.bodyMedium, modifier = Modifier.padding(top = 4.dp))
            }
        }
    }
    SectionTitle(s[Str.screen_report_passphrase_title])
    Body(s[Str.screen_report_passphrase_intro])
    state.passphrase?.let { Passphrase(it) }
    TextButton(onClick = { onEvent(ReportEvent.OtherWords) }, enabled = !state.busy, modifier = Modifier.fillMaxWidth().touchTarget()) {
        ButtonLabel(s[Str.action_report_other_words])
    }
    if (state.cancelled) Body(s[Str.screen_report_cancelled])
    state.error?.let { ReportError(it) }
    Button(onClick = { onEvent(ReportEvent.Make) }, enabled = !state.busy, modifier = Modifier.fillMaxWidth().touchTarget()) {
        ButtonLabel(s[Str.action_report_make])
    }
    OutlinedButton(onClick = { onEvent(ReportEvent.Change) }, modifier = Modifier.fillMaxWidth().touchTarget()) {
        ButtonLabel(s[Str.action_report_change])
    }
}

@Composable
private fun ReportMaking(state: ReportUiState, onEvent: (ReportEvent) -> Unit) {
    val s = LocalStrings.current
    SectionTitle(s[Str.screen_report_making_title])
    Body(if (state.stopping) s[Str.screen_report_stopping] else s[Str.screen_report_making, state.done, state.total.coerceAtLeast(1)])
    LinearProgressIndicator(
        progress = { if (state.total > 0) state.done.toFloat() / state.total else 0f },
        modifier = Modifier.fillMaxWidth(),
    )
    Button(onClick = { onEvent(ReportEvent.Stop) }, enabled = !state.stopping, modifier = Modifier.fillMaxWidth().touchTarget()) {
        ButtonLabel(s[Str.action_report_stop])
    }
}

@Composable
private fun ReportReady(state: ReportUiState, onEvent: (ReportEvent) -> Unit) {
    val s = LocalStrings.current
    SectionTitle(s[Str.screen_report_ready_title])
    Body(s[Str.screen_report_ready, state.fileName.orEmpty()])
    Body(s[Str.screen_report_say])
    state.passphrase?.let { Passphrase(it) }
    Button(onClick = { onEvent(ReportEvent.Save) }, enabled = !state.busy, modifier = Modifier.fillMaxWidth().touchTarget()) {
        ButtonLabel(s[Str.action_report_save])
    }
    OutlinedButton(onClick = { onEvent(ReportEvent.Share) }, enabled = !state.busy, modifier = Modifier.fillMaxWidth().touchTarget()) {
        ButtonLabel(s[Str.action_report_share])
    }
    state.handOff?.let { Body(s[handOffText(it)]) }
    Body(s[Str.screen_report_finish_hint])
    TextButton(onClick = { onEvent(ReportEvent.Finish) }, modifier = Modifier.fillMaxWidth().touchTarget()) {
        ButtonLabel(s[Str.action_done])
    }
}

/** The words to say aloud: large, on a card, wrapping between words. */
@Composable
private fun Passphrase(words: String) {
    Card(Modifier.fillMaxWidth()) {
        Text(words, style = MaterialTheme.typography.headlineSmall, fontWeight = FontWeight.SemiBold, modifier = Modifier.padding(16.dp))
    }
}

@Composable
private fun ReportError(error: CoreError) {
    val s = LocalStrings.current
    Text(s[reportErrorText(error)], color = MaterialTheme.colorScheme.error, style = MaterialTheme.typography.bodyLarge)
}

/** The core's refusals this screen can meet, in plain words. */
fun reportErrorText(error: CoreError): Str = when {
    error is CoreError.InvalidInput && error.field == "topics" -> Str.screen_report_need_topic
    error is CoreError.InvalidInput && error.field == "period" -> Str.screen_report_period_too_long
    error is CoreError.InvalidInput && error.field == "fingerprint" -> Str.screen_report_outdated
    else -> errorText(error)
}

fun topicText(topic: ReportTopic): Str = when (topic) {
    ReportTopic.PLAN -> Str.report_topic_plan
    ReportTopic.CRAVINGS -> Str.report_topic_cravings
    ReportTopic.CHECKINS -> Str.report_topic_checkins
    ReportTopic.EXERCISES -> Str.report_topic_exercises
    ReportTopic.ATTENDANCE -> Str.report_topic_attendance
    ReportTopic.INSIGHTS -> Str.report_topic_insights
    ReportTopic.JOURNAL -> Str.report_topic_journal
    ReportTopic.MEASURES -> Str.report_topic_measures
}

fun handOffText(handOff: ReportHandOff): Str = when (handOff) {
    ReportHandOff.SAVED -> Str.screen_report_saved
    ReportHandOff.NOT_SAVED -> Str.screen_report_not_saved
    ReportHandOff.SHARED -> Str.screen_report_shared
    ReportHandOff.NOT_SHARED -> Str.screen_report_not_shared
}
