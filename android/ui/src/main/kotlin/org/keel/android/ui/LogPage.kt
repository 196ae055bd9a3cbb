package org.keel.android.ui

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.material3.Button
import androidx.compose.material3.ButtonDefaults
import androidx.compose.material3.Card
import androidx.compose.material3.CardDefaults
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.unit.dp
import org.keel.android.core.CoreError
import org.keel.core.CravingOutcome
import org.keel.core.EntryKind
import org.keel.core.Language
import org.keel.core.LapseLogged
import org.keel.core.Mood

/** Log or edit a craving, a trigger, a check-in or a lapse; after a new lapse, the core's message. */
@Composable
fun LogPage(state: LogUiState, language: Language, phone: PhoneActions, onEvent: (LogEvent) -> Unit, onBack: () -> Unit, onSos: () -> Unit) {
    val s = LocalStrings.current
    val title = when (state.kind) {
        EntryKind.CRAVING -> if (state.editing) Str.screen_log_edit_craving else Str.screen_log_craving
        EntryKind.ENCOUNTER -> if (state.editing) Str.screen_log_edit_encounter else Str.screen_log_encounter
        EntryKind.CHECK_IN -> if (state.editing) Str.screen_log_edit_check_in else Str.screen_log_check_in
        EntryKind.LAPSE -> if (state.editing) Str.screen_log_edit_lapse else Str.screen_log_lapse
    }
    state.lapseLogged?.let { logged ->
        Page(title = logged.message.title, onBack = null, onSos = onSos) { AfterLapse(logged, phone) { onEvent(LogEvent.Done) } }
        return
    }
    Page(title = s[title], onBack = onBack, onSos = onSos) {
        if (state.loading) {
            if (state.error != null) ErrorText(state.error) else Body(s[Str.common_working])
            return@Page
        }
        state.at?.let { Body(s[Str.screen_log_when, formatMoment(it, language)]) }
        when (state.kind) {
            EntryKind.CRAVING -> {
                LevelChoice(s[Str.screen_log_intensity], state.level, onEvent)
                TriggerChoice(state, onEvent)
                CopingChoice(state, onEvent)
                ContextChoice(state, onEvent)
                SectionTitle(s[Str.screen_log_outcome])
                ChoiceRow {
                    CravingOutcome.entries.forEach { o ->
                        Choice(s[outcomeText(o)], state.outcome == o, { onEvent(LogEvent.SetOutcome(o)) })
                    }
                }
            }
            EntryKind.ENCOUNTER -> {
                TriggerChoice(state, onEvent)
                SectionTitle(s[Str.screen_log_how_handled])
                Field(s[Str.screen_log_how_handled_hint], state.howHandled, { onEvent(LogEvent.HowHandled(it)) }, singleLine = false, minLines = 2)
                CopingChoice(state, onEvent)
                ContextChoice(state, onEvent)
            }
            EntryKind.CHECK_IN -> {
                MoodChoice(state.mood, onEvent)
                LevelChoice(s[Str.screen_log_craving_level], state.level, onEvent)
                HaltChoice(state, onEvent)
                SectionTitle(s[Str.screen_log_intention])
                Field(s[Str.screen_log_intention_hint], state.intention, { onEvent(LogEvent.Intention(it)) })
                SectionTitle(s[Str.screen_log_any_use])
                ChoiceRow {
                    Choice(s[Str.screen_log_no_use], !state.anyUse, { onEvent(LogEvent.AnyUse(false)) })
                    Choice(s[Str.screen_log_used], state.anyUse, { onEvent(LogEvent.AnyUse(true)) })
                }
            }
            EntryKind.LAPSE -> {
                Body(s[Str.screen_log_lapse_intro])
                SectionTitle(s[Str.screen_log_substance])
                Field(s[Str.screen_log_substance_hint], state.substance, { onEvent(LogEvent.Substance(it)) })
                if (state.clocks.isNotEmpty()) {
                    SectionTitle(s[Str.screen_log_clocks])
                    ChoiceRow {
                        state.clocks.forEach { c -> Choice(c.label, c.id in state.clockIds, { onEvent(LogEvent.ToggleClock(c.id)) }) }
                    }
                    if (state.clockIds.isNotEmpty()) {
                        SectionTitle(s[Str.screen_log_clock_choice])
                        Column(verticalArrangement = Arrangement.spacedBy(4.dp)) {
                            Choice(s[Str.screen_log_clock_restart], state.resetsClocks == true, { onEvent(LogEvent.ResetsClocks(true)) })
                            Choice(s[Str.screen_log_clock_keep], state.resetsClocks == false, { onEvent(LogEvent.ResetsClocks(false)) })
                        }
                    }
                }
                TriggerChoice(state, onEvent)
                ContextChoice(state, onEvent)
            }
        }
        SectionTitle(s[Str.screen_log_notes])
        Field(s[Str.screen_log_notes_hint], state.notes, { onEvent(LogEvent.Notes(it)) }, singleLine = false, minLines = 2)
        state.problem?.let { Text(s[problemText(it)], color = MaterialTheme.colorScheme.error, style = MaterialTheme.typography.bodyLarge) }
        state.error?.let { ErrorText(it) }
        Button(
            onClick = { onEvent(LogEvent.Save) },
            enabled = !state.busy,
            modifier = Modifier.fillMaxWidth().touchTarget(),
        ) { Text(if (state.busy) s[Str.common_working] else s[if (state.editing) Str.action_save_changes else Str.action_save]) }
        if (state.editing) DeleteEntry(state, onEvent)
    }
}

@Composable
private fun DeleteEntry(state: LogUiState, onEvent: (LogEvent) -> Unit) {
    val s = LocalStrings.current
    val danger = ButtonDefaults.buttonColors(containerColor = MaterialTheme.colorScheme.error, contentColor = MaterialTheme.colorScheme.onError)
    if (!state.confirmDelete) {
        OutlinedButton(onClick = { onEvent(LogEvent.AskDelete) }, enabled = !state.busy, modifier = Modifier.fillMaxWidth().touchTarget()) {
            Text(s[Str.screen_log_delete], color = MaterialTheme.colorScheme.error)
        }
        return
    }
    Card(
        colors = CardDefaults.cardColors(
            containerColor = MaterialTheme.colorScheme.errorContainer,
            contentColor = MaterialTheme.colorScheme.onErrorContainer,
        ),
        modifier = Modifier.fillMaxWidth(),
    ) {
        Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(8.dp)) {
            Text(s[Str.screen_log_delete_confirm], style = MaterialTheme.typography.bodyLarge)
            Button(onClick = { onEvent(LogEvent.ConfirmDelete) }, enabled = !state.busy, colors = danger, modifier = Modifier.fillMaxWidth().touchTarget()) {
                Text(s[Str.screen_log_delete_yes])
            }
            OutlinedButton(onClick = { onEvent(LogEvent.CancelDelete) }, modifier = Modifier.fillMaxWidth().touchTarget()) {
                Text(s[Str.screen_log_delete_no])
            }
        }
    }
}

/** 0 to 10 as eleven chips: easier to hit than a slider, and each one says what it means. */
@Composable
private fun LevelChoice(title: String, level: Int?, onEvent: (LogEvent) -> Unit) {
    val s = LocalStrings.current
    SectionTitle(title)
    Body(s[Str.screen_log_scale_hint])
    ChoiceRow {
        (0..10).forEach { n -> Choice("$n", level == n, { onEvent(LogEvent.Level(n)) }, description = s[Str.a11y_level, n]) }
    }
}

@Composable
private fun TriggerChoice(state: LogUiState, onEvent: (LogEvent) -> Unit) {
    val s = LocalStrings.current
    SectionTitle(s[Str.screen_log_triggers])
    if (state.triggerOptions.isEmpty()) Body(s[Str.screen_log_no_plan_triggers])
    ChoiceRow {
        state.triggerOptions.forEach { t ->
            Choice(t.name, state.triggers.any { it.key() == t.key() }, { onEvent(LogEvent.ToggleTrigger(t)) })
        }
    }
    Field(s[Str.screen_log_other_trigger], state.newTrigger, { onEvent(LogEvent.NewTrigger(it)) })
    if (state.newTrigger.isNotBlank()) {
        OutlinedButton(onClick = { onEvent(LogEvent.AddTrigger) }, modifier = Modifier.touchTarget()) { Text(s[Str.action_add_trigger]) }
    }
}

@Composable
private fun CopingChoice(state: LogUiState, onEvent: (LogEvent) -> Unit) {
    val s = LocalStrings.current
    SectionTitle(s[Str.screen_log_coping])
    ChoiceRow {
        state.copingOptions.forEach { c ->
            Choice(c.text, state.coping.any { it.key() == c.key() }, { onEvent(LogEvent.ToggleCoping(c)) })
        }
    }
    Field(s[Str.screen_log_other_coping], state.newCoping, { onEvent(LogEvent.NewCoping(it)) })
    if (state.newCoping.isNotBlank()) {
        OutlinedButton(onClick = { onEvent(LogEvent.AddCoping) }, modifier = Modifier.touchTarget()) { Text(s[Str.action_add_coping]) }
    }
}

@Composable
private fun ContextChoice(state: LogUiState, onEvent: (LogEvent) -> Unit) {
    HaltChoice(state, onEvent)
    MoodChoice(state.mood, onEvent)
}

@Composable
private fun HaltChoice(state: LogUiState, onEvent: (LogEvent) -> Unit) {
    val s = LocalStrings.current
    SectionTitle(s[Str.screen_log_halt])
    ChoiceRow {
        Choice(s[Str.halt_hungry], state.halt.hungry, { onEvent(LogEvent.ToggleHalt(HaltPart.HUNGRY)) })
        Choice(s[Str.halt_angry], state.halt.angry, { onEvent(LogEvent.ToggleHalt(HaltPart.ANGRY)) })
        Choice(s[Str.halt_lonely], state.halt.lonely, { onEvent(LogEvent.ToggleHalt(HaltPart.LONELY)) })
        Choice(s[Str.halt_tired], state.halt.tired, { onEvent(LogEvent.ToggleHalt(HaltPart.TIRED)) })
    }
}

@Composable
private fun MoodChoice(mood: Mood?, onEvent: (LogEvent) -> Unit) {
    val s = LocalStrings.current
    SectionTitle(s[Str.screen_log_mood])
    ChoiceRow { Mood.entries.forEach { m -> Choice(s[moodText(m)], mood == m, { onEvent(LogEvent.SetMood(m)) }) } }
}

/** The core's message after a lapse, in its order, then the crisis lines and the clocks as they now stand. */
@Composable
private fun AfterLapse(logged: LapseLogged, phone: PhoneActions, onDone: () -> Unit) {
    val s = LocalStrings.current
    val m = logged.message
    m.paragraphs.forEach { Body(it) }
    if (m.nextSteps.isNotEmpty()) {
        SectionTitle(m.nextStepsHeading)
        m.nextSteps.forEachIndexed { i, step -> Body(s[Str.common_numbered, i + 1, step]) }
    }
    if (m.safety.isNotEmpty()) {
        SectionTitle(m.safetyHeading)
        m.safety.forEach { Body(s[Str.common_bullet, it]) }
    }
    if (logged.lapsePlan.crisisLines.isNotEmpty()) {
        SectionTitle(s[Str.screen_sos_lines])
        logged.lapsePlan.crisisLines.forEach { ContactRow(it.name, it.phone, it.canText, phone, it.note) }
    }
    if (logged.clocks.isNotEmpty()) {
        SectionTitle(s[Str.screen_log_clocks_now])
        logged.clocks.forEach { ClockCard(it) }
    }
    Button(onClick = onDone, modifier = Modifier.fillMaxWidth().touchTarget()) { Text(s[Str.action_done]) }
}

/** A core error as the participant reads it: what happened and that nothing was lost. */
@Composable
fun ErrorText(error: CoreError) {
    val s = LocalStrings.current
    Text(s[errorText(error)], color = MaterialTheme.colorScheme.error, style = MaterialTheme.typography.bodyLarge)
}

fun errorText(error: CoreError): Str = when (error) {
    CoreError.NotFound -> Str.common_not_found
    is CoreError.InvalidInput -> Str.common_invalid
    CoreError.StorageFull -> Str.common_storage_full
    is CoreError.Conflict -> Str.common_conflict
    CoreError.Locked -> Str.common_locked
    else -> Str.common_error
}

fun problemText(problem: LogProblem): Str = when (problem) {
    LogProblem.LEVEL -> Str.screen_log_need_level
    LogProblem.OUTCOME -> Str.screen_log_need_outcome
    LogProblem.MOOD -> Str.screen_log_need_mood
    LogProblem.TRIGGER -> Str.screen_log_need_trigger
    LogProblem.CLOCK_CHOICE -> Str.screen_log_need_clock_choice
}

fun moodText(mood: Mood): Str = when (mood) {
    Mood.VERY_LOW -> Str.mood_very_low
    Mood.LOW -> Str.mood_low
    Mood.OKAY -> Str.mood_okay
    Mood.GOOD -> Str.mood_good
    Mood.VERY_GOOD -> Str.mood_very_good
}

fun outcomeText(outcome: CravingOutcome): Str = when (outcome) {
    CravingOutcome.ONGOING -> Str.outcome_ongoing
    CravingOutcome.RODE_IT_OUT -> Str.outcome_rode_it_out
    CravingOutcome.LEFT_THE_SITUATION -> Str.outcome_left
    CravingOutcome.REACHED_OUT -> Str.outcome_reached_out
    CravingOutcome.USED -> Str.outcome_used
    CravingOutcome.OTHER -> Str.outcome_other
}
