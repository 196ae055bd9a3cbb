package org.keel.android.ui

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.text.KeyboardOptions
import androidx.compose.material3.Button
import androidx.compose.material3.ButtonDefaults
import androidx.compose.material3.Card
import androidx.compose.material3.CardDefaults
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.text.input.KeyboardType
import androidx.compose.ui.unit.dp

/**
 * The participant's own breathing pattern: a name, seconds for each part of
 * one breath, and how many breaths. The core checks every value; what it
 * refuses is named here in plain words, and nothing is saved.
 */
@Composable
fun ExercisePatternPage(state: PatternEditorState, onEvent: (ExerciseEvent) -> Unit, onBack: () -> Unit, onSos: () -> Unit) {
    val s = LocalStrings.current
    val title = if (state.id == null) Str.screen_exercise_pattern_new else Str.screen_exercise_pattern_edit
    Page(title = s[title], onBack = onBack, onSos = onSos) {
        if (state.loading) {
            state.error?.let { ErrorText(it) } ?: Body(s[Str.common_working])
            return@Page
        }
        Body(s[Str.screen_exercise_pattern_intro])
        Field(s[Str.screen_exercise_pattern_name], state.name, { onEvent(ExerciseEvent.Edit(PatternField.NAME, it)) }, enabled = !state.busy)
        NumberField(s[Str.screen_exercise_pattern_inhale], state.inhale, state.busy) { onEvent(ExerciseEvent.Edit(PatternField.INHALE, it)) }
        NumberField(s[Str.screen_exercise_pattern_hold_in], state.holdIn, state.busy) { onEvent(ExerciseEvent.Edit(PatternField.HOLD_IN, it)) }
        NumberField(s[Str.screen_exercise_pattern_exhale], state.exhale, state.busy) { onEvent(ExerciseEvent.Edit(PatternField.EXHALE, it)) }
        NumberField(s[Str.screen_exercise_pattern_hold_out], state.holdOut, state.busy) { onEvent(ExerciseEvent.Edit(PatternField.HOLD_OUT, it)) }
        NumberField(s[Str.screen_exercise_pattern_cycles], state.cycles, state.busy) { onEvent(ExerciseEvent.Edit(PatternField.CYCLES, it)) }
        state.problem?.let { Text(s[problemText(it)], color = MaterialTheme.colorScheme.error, style = MaterialTheme.typography.bodyLarge) }
        state.error?.let { ErrorText(it) }
        Button(onClick = { onEvent(ExerciseEvent.SavePattern) }, enabled = !state.busy, modifier = Modifier.fillMaxWidth().touchTarget()) {
            ButtonLabel(s[if (state.busy) Str.common_working else Str.action_save])
        }
        if (state.id != null) DeletePattern(state, onEvent)
    }
}

/** What the form could not take, in plain words: by the core's field name. */
fun problemText(problem: PatternProblem): Str = when (problem) {
    PatternProblem.NotANumber -> Str.screen_exercise_pattern_not_number
    is PatternProblem.Field -> when (problem.field) {
        "name" -> Str.screen_exercise_pattern_bad_name
        "inhale_ms", "exhale_ms" -> Str.screen_exercise_pattern_bad_phase
        "hold_in_ms", "hold_out_ms" -> Str.screen_exercise_pattern_bad_hold
        else -> Str.screen_exercise_pattern_bad_cycles
    }
}

@Composable
private fun NumberField(label: String, value: String, busy: Boolean, onChange: (String) -> Unit) {
    OutlinedTextField(
        value = value,
        onValueChange = onChange,
        label = { Text(label) },
        singleLine = true,
        enabled = !busy,
        keyboardOptions = KeyboardOptions(keyboardType = KeyboardType.Decimal),
        modifier = Modifier.fillMaxWidth(),
    )
}

@Composable
private fun DeletePattern(state: PatternEditorState, onEvent: (ExerciseEvent) -> Unit) {
    val s = LocalStrings.current
    if (!state.confirmDelete) {
        OutlinedButton(onClick = { onEvent(ExerciseEvent.DeletePattern) }, enabled = !state.busy, modifier = Modifier.fillMaxWidth().touchTarget()) {
            Text(s[Str.action_exercise_delete_pattern], color = MaterialTheme.colorScheme.error)
        }
        return
    }
    val danger = ButtonDefaults.buttonColors(containerColor = MaterialTheme.colorScheme.error, contentColor = MaterialTheme.colorScheme.onError)
    Card(
        colors = CardDefaults.cardColors(containerColor = MaterialTheme.colorScheme.errorContainer, contentColor = MaterialTheme.colorScheme.onErrorContainer),
        modifier = Modifier.fillMaxWidth(),
    ) {
        Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(8.dp)) {
            Text(s[Str.screen_exercise_pattern_delete_confirm], style = MaterialTheme.typography.bodyLarge)
            Button(onClick = { onEvent(ExerciseEvent.ConfirmDeletePattern) }, enabled = !state.busy, colors = danger, modifier = Modifier.fillMaxWidth().touchTarget()) {
                ButtonLabel(s[Str.action_exercise_delete_pattern])
            }
            OutlinedButton(onClick = { onEvent(ExerciseEvent.CancelDeletePattern) }, modifier = Modifier.fillMaxWidth().touchTarget()) {
                ButtonLabel(s[Str.action_cancel])
            }
        }
    }
}
