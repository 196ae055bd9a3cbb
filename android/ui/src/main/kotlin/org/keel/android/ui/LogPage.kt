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
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.unit.dp
import org.keel.android.core.CoreError
import org.keel.core.CravingOutcome
import org.keel.core.EntryKind
import org.keel.core.Language
import org.keel.core.LapseLogged
import org.keel.core.Moment
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
        state.at?.let { WhenChoice(it, state.changingWhen, language, onEvent) }
        when (state.kind) {
            EntryKind.CRAVING -> {
                LevelChoice(s[Str.screen_log_intensity], state.level, onEvent)
                MinutesChoice(s[Str.screen_log_duration], DURATION_CHOICES, state.durationMinutes) { onEvent(LogEvent.Duration(it)) }
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
                MinutesChoice(s[Str.screen_log_sleep], SLEEP_CHOICES, state.sleepMinutes) { onEvent(LogEvent.Sleep(it)) }
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

/** A craving's length: minutes to two hours. */
private val DURATION_CHOICES: List<UInt> = listOf(5u, 10u, 15u, 30u, 60u, 120u)

/** Hours of sleep, 2 to 12. */
private val SLEEP_CHOICES: List<UInt> = (2u..12u).map { it * 60u }

/**
 * A length of time as chips, plus "not sure" (null, what the core stores
 * when nothing is known). A value saved earlier that is not among [choices]
 * shows as one more chip, so editing never hides or changes it silently.
 */
@Composable
private fun MinutesChoice(title: String, choices: List<UInt>, value: UInt?, onChange: (UInt?) -> Unit) {
    val s = LocalStrings.current
    SectionTitle(title)
    val shown = if (value != null && value !in choices) (choices + value).sorted() else choices
    ChoiceRow {
        shown.forEach { m -> Choice(minutesText(m), value == m, { onChange(if (value == m) null else m) }) }
        Choice(s[Str.screen_log_not_sure], value == null, { onChange(null) })
    }
}

/** "15 min", "2 h", "7 h 30 min". */
@Composable
private fun minutesText(minutes: UInt): String {
    val s = LocalStrings.current
    val h = (minutes / 60u).toInt()
    val m = (minutes % 60u).toInt()
    return when {
        h == 0 -> s[Str.common_minutes_short, m]
        m == 0 -> s[Str.common_hours_short, h]
        else -> s[Str.common_hours_minutes_short, h, m]
    }
}

/** Where it happened and with whom (optional, the participant's own words), then HALT and mood. */
@Composable
private fun ContextChoice(state: LogUiState, onEvent: (LogEvent) -> Unit) {
    val s = LocalStrings.current
    SectionTitle(s[Str.screen_log_where])
    // Room above each field for its label, which floats up over the border once there is text.
    Column(Modifier.padding(top = 4.dp), verticalArrangement = Arrangement.spacedBy(12.dp)) {
        Field(s[Str.screen_log_place_hint], state.place, { onEvent(LogEvent.Place(it)) })
        Field(s[Str.screen_log_with_whom_hint], state.withWhom, { onEvent(LogEvent.WithWhom(it)) })
    }
    HaltChoice(state, onEvent)
    MoodChoice(state.mood, onEvent)
}

/**
 * When it happened, and a picker made of steps rather than a calendar and a
 * clock dial: big labelled buttons that wrap at any font size and read well
 * to a screen reader. The core refuses a time still to come (said in
 * [errorText]); the picker itself does not second-guess it.
 */
@Composable
private fun WhenChoice(at: Moment, open: Boolean, language: Language, onEvent: (LogEvent) -> Unit) {
    val s = LocalStrings.current
    SectionTitle(s[Str.screen_log_when_title])
    Body(formatMoment(at, language))
    if (!open) {
        OutlinedButton(onClick = { onEvent(LogEvent.ChangingWhen(true)) }, modifier = Modifier.touchTarget()) { ButtonLabel(s[Str.action_change_when]) }
        return
    }
    @Composable
    fun Step(label: Str, change: WhenChange) =
        OutlinedButton(onClick = { onEvent(LogEvent.When(change)) }, modifier = Modifier.touchTarget()) { ButtonLabel(s[label]) }
    Body(s[Str.screen_log_day])
    ChoiceRow {
        Step(Str.action_when_today, WhenChange.TODAY)
        Step(Str.action_when_yesterday, WhenChange.YESTERDAY)
        Step(Str.action_when_day_earlier, WhenChange.DAY_EARLIER)
        Step(Str.action_when_day_later, WhenChange.DAY_LATER)
    }
    Body(s[Str.screen_log_time])
    ChoiceRow {
        Step(Str.action_when_hour_earlier, WhenChange.HOUR_EARLIER)
        Step(Str.action_when_hour_later, WhenChange.HOUR_LATER)
        Step(Str.action_when_minutes_earlier, WhenChange.MINUTES_EARLIER)
        Step(Str.action_when_minutes_later, WhenChange.MINUTES_LATER)
    }
    ChoiceRow {
        TextButton(onClick = { onEvent(LogEvent.WhenNow) }, modifier = Modifier.touchTarget()) { ButtonLabel(s[Str.action_when_now]) }
        TextButton(onClick = { onEvent(LogEvent.ChangingWhen(false)) }, modifier = Modifier.touchTarget()) { ButtonLabel(s[Str.action_when_done]) }
    }
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
    // An entry's time: the core's refusal of one still to come, or before 2000, in plain words.
    is CoreError.InvalidInput -> when {
        error.field == "at" && error.reason == "in_future" -> Str.screen_log_in_future
        error.field == "at" -> Str.screen_log_bad_time
        else -> Str.common_invalid
    }
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
