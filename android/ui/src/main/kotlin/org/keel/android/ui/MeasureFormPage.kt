package org.keel.android.ui

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.material3.Button
import androidx.compose.material3.Card
import androidx.compose.material3.CardDefaults
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.unit.dp
import org.keel.core.CrisisSupport
import org.keel.core.Language
import org.keel.core.MeasureItem
import org.keel.core.MeasureResponse
import org.keel.core.MeasureScore

/**
 * A questionnaire: the core's items and choices in the published wording,
 * then the scores the core gave. When an answer raised the crisis flag
 * (PHQ-9 item 9 above "not at all"), the support comes first, before any
 * score: the core's message, people and lines to call or text, the
 * participant's own steps and reasons.
 */
@Composable
fun MeasureFormPage(state: MeasureFormState, language: Language, phone: PhoneActions, onEvent: (MeasuresEvent) -> Unit, onOpen: (Route) -> Unit, onBack: () -> Unit, onSos: () -> Unit) {
    val s = LocalStrings.current
    val form = state.form
    Page(title = form?.shortName ?: s[Str.screen_measures_title], onBack = onBack, onSos = onSos) {
        if (form == null) {
            Body(if (state.error != null) s[errorText(state.error)] else s[Str.common_working])
            return@Page
        }
        state.submitted?.let { done ->
            done.crisis?.let { CrisisFirst(it, phone) }
            Result(done.response, language)
            OutlinedButton(onClick = { state.measure?.let { onOpen(Route.MeasureHistory(it)) } }, modifier = Modifier.fillMaxWidth().touchTarget()) {
                ButtonLabel(s[Str.action_measure_history])
            }
            Button(onClick = onBack, modifier = Modifier.fillMaxWidth().touchTarget()) { ButtonLabel(s[Str.action_measure_done]) }
            return@Page
        }
        Text(form.name, style = MaterialTheme.typography.titleMedium)
        if (state.otherLanguage) Body(s[Str.screen_measure_other_language])
        if (state.responseId != null) Body(s[Str.screen_measure_changing])
        // The recall period in plain words where the instrument has no instructions saying it.
        if (form.instructions == null) form.recallDays?.let { Body(s[Str.screen_measure_recall, it.toInt()]) }
        form.instructions?.let { Body(it) }
        var group: String? = null
        state.askedItems().forEach { item ->
            if (item.groupText != null && item.groupText != group) SectionTitle(item.groupText!!)
            group = item.groupText
            Item(item, state.answers[item.key], missing = state.missing == item.number) { onEvent(MeasuresEvent.Answer(item.key, it)) }
        }
        state.missing?.let { Text(s[Str.screen_measure_missing, it], color = MaterialTheme.colorScheme.error, style = MaterialTheme.typography.bodyLarge) }
        state.error?.let { ErrorText(it) }
        Button(onClick = { onEvent(MeasuresEvent.Submit) }, enabled = !state.busy, modifier = Modifier.fillMaxWidth().touchTarget()) {
            ButtonLabel(s[if (state.busy) Str.common_working else Str.action_measure_send])
        }
        Text(s[Str.screen_measure_source, form.source, form.terms], style = MaterialTheme.typography.bodySmall)
    }
}

/** One item: its number and wording, and its choices one under the other (long labels read whole). */
@Composable
private fun Item(item: MeasureItem, chosen: UByte?, missing: Boolean, onChoose: (UByte) -> Unit) {
    val s = LocalStrings.current
    Column(Modifier.fillMaxWidth(), verticalArrangement = Arrangement.spacedBy(6.dp)) {
        Text(
            s[Str.screen_measure_item, item.number, item.text],
            style = MaterialTheme.typography.titleMedium,
            color = if (missing) MaterialTheme.colorScheme.error else MaterialTheme.colorScheme.onSurface,
        )
        item.choices.forEach { choice ->
            Choice(
                choice.label,
                chosen == choice.value,
                { onChoose(choice.value) },
                description = s[Str.a11y_measure_choice, item.number, choice.label],
            )
        }
    }
}

/** Shown at once, above everything, when an answer raised the crisis flag. */
@Composable
private fun CrisisFirst(crisis: CrisisSupport, phone: PhoneActions) {
    val s = LocalStrings.current
    Card(Modifier.fillMaxWidth(), colors = CardDefaults.cardColors(containerColor = MaterialTheme.colorScheme.errorContainer)) {
        Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(8.dp)) {
            Text(s[Str.screen_measure_crisis_title], style = MaterialTheme.typography.titleLarge, color = MaterialTheme.colorScheme.onErrorContainer)
            Text(crisis.message, style = MaterialTheme.typography.bodyLarge, color = MaterialTheme.colorScheme.onErrorContainer)
        }
    }
    SectionTitle(s[Str.screen_measure_crisis_contacts])
    crisis.contacts.forEach { ContactRow(it.name, it.phone, it.canText, phone) }
    if (crisis.steps.isNotEmpty()) {
        SectionTitle(s[Str.screen_measure_crisis_steps])
        crisis.steps.forEachIndexed { i, step -> Body(s[Str.common_numbered, i + 1, step]) }
    }
    if (crisis.reasons.isNotEmpty()) {
        SectionTitle(s[Str.screen_measure_crisis_reasons])
        crisis.reasons.forEach { Body(s[Str.common_bullet, it]) }
    }
}

@Composable
private fun Result(response: MeasureResponse, language: Language) {
    val s = LocalStrings.current
    SectionTitle(s[Str.screen_measure_saved])
    Body(formatMoment(response.takenAt, language))
    response.scores.forEach { ScoreLine(it) }
}

/** A score with its band and what the band means, as the instrument's source words it (a band worth raising with the counselor says so itself). */
@Composable
fun ScoreLine(score: MeasureScore) {
    val s = LocalStrings.current
    Column(Modifier.fillMaxWidth(), verticalArrangement = Arrangement.spacedBy(2.dp)) {
        Text(s[Str.screen_measure_score, score.name, score.value.toInt(), score.max.toInt(), score.bandLabel], style = MaterialTheme.typography.titleMedium)
        Body(score.bandMeaning)
    }
}
