package org.keel.android.ui

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.material3.Button
import androidx.compose.material3.Card
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp
import java.time.LocalTime
import org.keel.core.Language
import org.keel.core.MeasureDue
import org.keel.core.MeasureKind
import org.keel.core.MeasureSchedule

/**
 * The questionnaires: what the core says is due, then each measure with
 * its schedule (on or off, how often, when to remind), a way to answer it
 * now and its past answers.
 */
@Composable
fun MeasuresPage(state: MeasuresUiState, language: Language, onEvent: (MeasuresEvent) -> Unit, onOpen: (Route) -> Unit, onBack: () -> Unit, onSos: () -> Unit) {
    val s = LocalStrings.current
    Page(title = s[Str.screen_measures_title], onBack = onBack, onSos = onSos) {
        Body(s[Str.screen_measures_intro])
        state.error?.let { ErrorText(it) }
        SectionTitle(s[Str.screen_measures_due_title])
        if (state.due.isEmpty()) Body(s[if (state.loading) Str.common_working else Str.screen_measures_none_due])
        state.due.forEach { DueCard(it, onOpen) }
        SectionTitle(s[Str.screen_measures_all])
        state.schedules.forEach { ScheduleCard(it, language, onEvent, onOpen) }
    }
}

/** A due measure: its name, since when, and one tap to answer it. */
@Composable
fun DueCard(due: MeasureDue, onOpen: (Route) -> Unit) {
    val s = LocalStrings.current
    val language = s.language
    Card(Modifier.fillMaxWidth()) {
        Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(8.dp)) {
            Text(due.name, style = MaterialTheme.typography.titleMedium)
            Body(if (due.daysOverdue == 0u) s[Str.screen_measures_due_today, due.shortName] else s[Str.screen_measures_due_since, due.shortName, formatDate(due.dueDate, language)])
            due.lastTaken?.let { Body(s[Str.screen_measures_last, formatMoment(it, language)]) }
            Button(
                onClick = { onOpen(Route.MeasureForm(due.measure)) },
                modifier = Modifier.touchTarget().semantics { contentDescription = s[Str.a11y_measure_answer, due.shortName] },
            ) { ButtonLabel(s[Str.action_measure_answer]) }
        }
    }
}

@Composable
private fun ScheduleCard(schedule: MeasureSchedule, language: Language, onEvent: (MeasuresEvent) -> Unit, onOpen: (Route) -> Unit) {
    val s = LocalStrings.current
    val name = s[measureName(schedule.measure)]
    Card(Modifier.fillMaxWidth()) {
        Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(8.dp)) {
            Text(name, style = MaterialTheme.typography.titleMedium)
            SettingsSwitch(s[Str.screen_measures_regularly], schedule.enabled) { onEvent(MeasuresEvent.Enabled(schedule.measure, it)) }
            if (schedule.enabled) {
                Body(s[Str.screen_measures_every])
                ChoiceRow {
                    MeasuresModel.EVERY_DAYS.forEach { days ->
                        Choice(s[Str.screen_measures_every_days, days], schedule.everyDays.toInt() == days, { onEvent(MeasuresEvent.Every(schedule.measure, days)) })
                    }
                }
                Body(s[Str.screen_measures_reminder])
                ChoiceRow {
                    Choice(s[Str.screen_measures_reminder_none], schedule.reminderMinute == null, { onEvent(MeasuresEvent.RemindAt(schedule.measure, null)) })
                    MeasuresModel.REMINDER_MINUTES.forEach { minute ->
                        val time = timeInWords(LocalTime.of(minute / 60, minute % 60), language)
                        Choice(time, schedule.reminderMinute?.toInt() == minute, { onEvent(MeasuresEvent.RemindAt(schedule.measure, minute)) })
                    }
                }
            }
            OutlinedButton(
                onClick = { onOpen(Route.MeasureForm(schedule.measure)) },
                modifier = Modifier.fillMaxWidth().touchTarget().semantics { contentDescription = s[Str.a11y_measure_answer, name] },
            ) { ButtonLabel(s[Str.action_measure_answer]) }
            OutlinedButton(
                onClick = { onOpen(Route.MeasureHistory(schedule.measure)) },
                modifier = Modifier.fillMaxWidth().touchTarget().semantics { contentDescription = s[Str.a11y_measure_history, name] },
            ) { ButtonLabel(s[Str.action_measure_history]) }
        }
    }
}

/** A measure's name with what it asks about, in the app's language. */
fun measureName(kind: MeasureKind): Str = when (kind) {
    MeasureKind.BAM -> Str.screen_insights_measure_bam
    MeasureKind.PHQ9 -> Str.screen_insights_measure_phq9
    MeasureKind.GAD7 -> Str.screen_insights_measure_gad7
    MeasureKind.AUDIT_C -> Str.screen_insights_measure_audit_c
}
