package org.keel.android.ui

import androidx.compose.foundation.background
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Box
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.layout.size
import androidx.compose.foundation.shape.CircleShape
import androidx.compose.material3.Button
import androidx.compose.material3.Card
import androidx.compose.material3.LinearProgressIndicator
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.withFrameMillis
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.LiveRegionMode
import androidx.compose.ui.semantics.heading
import androidx.compose.ui.semantics.liveRegion
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.text.style.TextAlign
import androidx.compose.ui.unit.dp
import kotlinx.coroutines.isActive
import org.keel.core.Exercise
import org.keel.core.ExerciseDuration
import org.keel.core.ExerciseLength
import org.keel.core.ExerciseSituation

/**
 * The library: the core's exercises (built-in, then the participant's own
 * patterns) narrowed by situation and length, a paused run to go back to,
 * the patterns to change, and the history of sessions.
 */
@Composable
fun ExercisesPage(state: ExerciseUiState, onEvent: (ExerciseEvent) -> Unit, onOpen: (Route) -> Unit, onBack: () -> Unit, onSos: () -> Unit) {
    val s = LocalStrings.current
    val library = state.library
    Page(title = s[Str.screen_exercises_title], onBack = onBack, onSos = onSos) {
        val run = state.run
        val paused = run.exercise
        if (run.pausedRun && paused != null) {
            Card(Modifier.fillMaxWidth()) {
                Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(8.dp)) {
                    Text(s[Str.screen_exercises_paused, paused.title], style = MaterialTheme.typography.titleMedium)
                    Button(onClick = { onOpen(Route.ExerciseRun(paused.id)) }, modifier = Modifier.touchTarget()) { ButtonLabel(s[Str.action_exercise_continue]) }
                }
            }
        }
        Body(s[Str.screen_exercises_intro])
        library.error?.let { ErrorText(it) }
        val list = library.list
        if (list == null) {
            if (library.error == null) Body(s[Str.common_working])
            return@Page
        }
        SectionTitle(s[Str.screen_exercises_situation])
        ChoiceRow {
            Choice(s[Str.screen_exercises_all], library.situation == null, { onEvent(ExerciseEvent.Situation(null)) })
            ExerciseSituation.entries.forEach { situation ->
                Choice(s[situationText(situation)], library.situation == situation, { onEvent(ExerciseEvent.Situation(situation)) })
            }
        }
        SectionTitle(s[Str.screen_exercises_length])
        ChoiceRow {
            Choice(s[Str.screen_exercises_any_length], library.maxMinutes == null, { onEvent(ExerciseEvent.MaxMinutes(null)) })
            LENGTH_FILTERS.forEach { minutes ->
                Choice(s[Str.screen_exercises_up_to, minutes], library.maxMinutes == minutes, { onEvent(ExerciseEvent.MaxMinutes(minutes)) })
            }
        }
        val shown = library.shown
        if (shown.isEmpty()) Body(s[Str.screen_exercises_none])
        shown.forEach { exercise -> ExerciseCard(exercise) { onOpen(Route.ExerciseRun(exercise.id)) } }
        if (list.damagedIds.isNotEmpty()) Body(s[Str.screen_exercises_damaged, list.damagedIds.size])
        SectionTitle(s[Str.screen_exercises_yours])
        val patterns = list.exercises.filter { it.id.startsWith(CUSTOM_PREFIX) }
        if (patterns.isEmpty()) Body(s[Str.screen_exercises_yours_none])
        patterns.forEach { pattern ->
            OutlinedButton(onClick = { onOpen(Route.ExercisePattern(pattern.id.removePrefix(CUSTOM_PREFIX))) }, modifier = Modifier.fillMaxWidth().touchTarget()) {
                ButtonLabel(s[Str.action_exercise_change_pattern, pattern.title])
            }
        }
        OutlinedButton(onClick = { onOpen(Route.ExercisePattern(null)) }, modifier = Modifier.fillMaxWidth().touchTarget()) { ButtonLabel(s[Str.action_exercise_new_pattern]) }
        OutlinedButton(onClick = { onOpen(Route.ExerciseHistory) }, modifier = Modifier.fillMaxWidth().touchTarget()) { ButtonLabel(s[Str.action_exercise_history]) }
    }
}

/** A participant's own pattern's exercise id is `custom.` and the pattern's id. */
private const val CUSTOM_PREFIX = "custom."

/** The longest-length filters offered, in minutes. */
private val LENGTH_FILTERS = listOf(2, 5, 10)

@Composable
private fun ExerciseCard(exercise: Exercise, onOpen: () -> Unit) {
    val s = LocalStrings.current
    Card(onClick = onOpen, modifier = Modifier.fillMaxWidth().touchTarget()) {
        Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(4.dp)) {
            Text(exercise.title, style = MaterialTheme.typography.titleMedium)
            if (exercise.purpose.isNotBlank()) Text(exercise.purpose, style = MaterialTheme.typography.bodyMedium)
            Text(lengths(exercise.durations), style = MaterialTheme.typography.bodyMedium)
        }
    }
}

/** The shortest and longest lengths the core offers. */
@Composable
private fun lengths(durations: List<ExerciseDuration>): String {
    val s = LocalStrings.current
    val first = durations.firstOrNull() ?: return ""
    val last = durations.last()
    return if (first.totalMs == last.totalMs) exerciseDuration(first.totalMs) else s[Str.screen_exercises_lengths, exerciseDuration(first.totalMs), exerciseDuration(last.totalMs)]
}

/** A length for reading: seconds under a minute, else whole minutes (rounded). */
@Composable
fun exerciseDuration(ms: ULong): String {
    val s = LocalStrings.current
    val seconds = ((ms + 500uL) / 1000uL).toInt()
    return if (seconds < 60) s[Str.exercise_seconds_short, seconds] else s[Str.exercise_minutes_short, (seconds + 30) / 60]
}

fun situationText(situation: ExerciseSituation): Str = when (situation) {
    ExerciseSituation.CRAVING -> Str.exercise_situation_craving
    ExerciseSituation.HIGH_RISK -> Str.exercise_situation_high_risk
    ExerciseSituation.STRESS -> Str.exercise_situation_stress
    ExerciseSituation.MORNING -> Str.exercise_situation_morning
    ExerciseSituation.SLEEP -> Str.exercise_situation_sleep
    ExerciseSituation.ANYTIME -> Str.exercise_situation_anytime
}

/**
 * One exercise: its description and choices, then the player, the craving
 * rated after, and the saved session.
 */
@Composable
fun ExerciseRunPage(state: ExerciseRunState, onEvent: (ExerciseEvent) -> Unit, onBack: () -> Unit, onSos: () -> Unit) {
    val s = LocalStrings.current
    val exercise = state.exercise
    // The screen's title stays short; the exercise's name (a long word at a
    // large font would break mid-word as a headline) is a smaller heading.
    Page(title = s[Str.screen_exercises_title], onBack = onBack, onSos = onSos) {
        if (exercise == null) {
            state.error?.let { ErrorText(it) } ?: Body(s[Str.common_working])
            return@Page
        }
        Text(exercise.title, style = MaterialTheme.typography.titleLarge, modifier = Modifier.semantics { heading() })
        when (state.stage) {
            RunStage.CHOOSE, RunStage.STARTING -> Choose(exercise, state, onEvent)
            RunStage.PLAYING -> Player(state, onEvent)
            RunStage.RATE, RunStage.SAVING -> RateAfter(state, onEvent)
            RunStage.DONE -> Done(state, onEvent, onBack)
        }
    }
}

@Composable
private fun Choose(exercise: Exercise, state: ExerciseRunState, onEvent: (ExerciseEvent) -> Unit) {
    val s = LocalStrings.current
    Body(exercise.purpose)
    if (exercise.whenToUse.isNotBlank()) {
        SectionTitle(s[Str.screen_exercise_when])
        Body(exercise.whenToUse)
    }
    SectionTitle(s[Str.screen_exercise_steps])
    exercise.outline.forEachIndexed { i, step -> Body(s[Str.common_numbered, i + 1, s[Str.common_joined, step.text, exerciseDuration(step.durationMs)]]) }
    SectionTitle(s[Str.screen_exercise_length])
    ChoiceRow {
        exercise.durations.forEach { option ->
            val selected = state.length == option.length || (state.length == ExerciseLength.Standard && option.totalMs == exercise.defaultTotalMs)
            Choice(lengthText(option), selected, { onEvent(ExerciseEvent.Length(option.length)) })
        }
    }
    RatingChoice(s[Str.screen_exercise_before], state.cravingBefore) { onEvent(ExerciseEvent.CravingBefore(it)) }
    ChoiceRow {
        Choice(s[Str.screen_exercise_vibrate], state.vibrate, { onEvent(ExerciseEvent.Vibrate(!state.vibrate)) })
        Choice(s[Str.screen_exercise_sound], state.sound, { onEvent(ExerciseEvent.Sound(!state.sound)) })
    }
    state.error?.let { ErrorText(it) }
    Button(
        onClick = { onEvent(ExerciseEvent.Start) },
        enabled = state.stage == RunStage.CHOOSE,
        modifier = Modifier.fillMaxWidth().touchTarget(),
    ) { ButtonLabel(s[if (state.stage == RunStage.STARTING) Str.common_working else Str.action_exercise_start]) }
    Text(s[Str.screen_exercise_source, exercise.source], style = MaterialTheme.typography.bodySmall)
}

/** A breathing length as its breaths and time, a guided one as its time. */
@Composable
private fun lengthText(option: ExerciseDuration): String {
    val s = LocalStrings.current
    val length = option.length
    return if (length is ExerciseLength.Cycles) s[Str.common_joined, s[Str.screen_exercise_breaths, length.cycles.toInt()], exerciseDuration(option.totalMs)] else exerciseDuration(option.totalMs)
}

/** A 0-10 craving rating; tapping the chosen number again clears it (rating is optional). */
@Composable
private fun RatingChoice(title: String, level: Int?, onChange: (Int?) -> Unit) {
    val s = LocalStrings.current
    SectionTitle(title)
    Body(s[Str.screen_exercise_rating_hint])
    ChoiceRow {
        (0..10).forEach { n -> Choice("$n", level == n, { onChange(if (level == n) null else n) }, description = s[Str.a11y_level, n]) }
    }
}

/**
 * The running exercise. While it plays, every display frame goes to the
 * model ([ExerciseEvent.Frame] with the frame clock's time), which asks the
 * core's player for the phase, its text and the breath level: the circle's
 * size is the core's lung fullness.
 */
@Composable
private fun Player(state: ExerciseRunState, onEvent: (ExerciseEvent) -> Unit) {
    val s = LocalStrings.current
    if (state.ticking && !state.paused) {
        LaunchedEffect(Unit) {
            while (isActive) withFrameMillis { onEvent(ExerciseEvent.Frame(it)) }
        }
    }
    val frame = state.frame ?: return
    Column(Modifier.fillMaxWidth(), horizontalAlignment = Alignment.CenterHorizontally, verticalArrangement = Arrangement.spacedBy(8.dp)) {
        val level = frame.breathLevel.toFloat()
        Box(Modifier.size(SHAPE_MAX.dp), contentAlignment = Alignment.Center) {
            Box(
                Modifier
                    .size((SHAPE_MIN + (SHAPE_MAX - SHAPE_MIN) * level).dp)
                    .background(MaterialTheme.colorScheme.primaryContainer, CircleShape),
            )
        }
        Text(
            frame.text,
            style = MaterialTheme.typography.headlineSmall,
            textAlign = TextAlign.Center,
            modifier = Modifier.semantics { liveRegion = LiveRegionMode.Polite },
        )
        val cycle = frame.cycle
        val cycles = frame.cycles
        if (cycle != null && cycles != null) Body(s[Str.screen_exercise_breath, cycle.toInt(), cycles.toInt()])
        Body(s[Str.screen_exercise_left, exerciseDuration(frame.remainingMs)])
        LinearProgressIndicator(progress = { frame.progress.toFloat() }, modifier = Modifier.fillMaxWidth())
        if (state.paused) {
            Body(s[Str.screen_exercise_paused], Modifier.semantics { liveRegion = LiveRegionMode.Polite })
            Button(onClick = { onEvent(ExerciseEvent.Resume) }, modifier = Modifier.fillMaxWidth().touchTarget()) { ButtonLabel(s[Str.action_exercise_resume]) }
        } else {
            Button(onClick = { onEvent(ExerciseEvent.Pause) }, modifier = Modifier.fillMaxWidth().touchTarget()) { ButtonLabel(s[Str.action_exercise_pause]) }
        }
        OutlinedButton(onClick = { onEvent(ExerciseEvent.Stop) }, modifier = Modifier.fillMaxWidth().touchTarget()) { ButtonLabel(s[Str.action_exercise_stop]) }
    }
}

private const val SHAPE_MIN = 56
private const val SHAPE_MAX = 200

@Composable
private fun RateAfter(state: ExerciseRunState, onEvent: (ExerciseEvent) -> Unit) {
    val s = LocalStrings.current
    Body(if (state.playedToEnd) s[Str.screen_exercise_done] else s[Str.screen_exercise_stopped, exerciseDuration(state.practicedMs)])
    RatingChoice(s[Str.screen_exercise_after], state.cravingAfter) { onEvent(ExerciseEvent.CravingAfter(it)) }
    state.error?.let { ErrorText(it) }
    Button(
        onClick = { onEvent(ExerciseEvent.Save) },
        enabled = state.stage == RunStage.RATE,
        modifier = Modifier.fillMaxWidth().touchTarget(),
    ) { ButtonLabel(s[if (state.stage == RunStage.SAVING) Str.common_working else Str.action_save]) }
}

@Composable
private fun Done(state: ExerciseRunState, onEvent: (ExerciseEvent) -> Unit, onBack: () -> Unit) {
    val s = LocalStrings.current
    val session = state.session ?: return
    Body(s[Str.screen_exercise_saved], Modifier.semantics { liveRegion = LiveRegionMode.Polite })
    session.practicedMs?.let { Body(s[Str.screen_exercise_practiced, exerciseDuration(it)]) }
    CravingChange(session.cravingBefore, session.cravingAfter)
    Button(onClick = { onEvent(ExerciseEvent.Again) }, modifier = Modifier.fillMaxWidth().touchTarget()) { ButtonLabel(s[Str.action_exercise_again]) }
    OutlinedButton(onClick = onBack, modifier = Modifier.fillMaxWidth().touchTarget()) { ButtonLabel(s[Str.action_exercise_library]) }
}

/** The craving before and after, as rated (either may be missing). */
@Composable
fun CravingChange(before: UInt?, after: UInt?) {
    val s = LocalStrings.current
    when {
        before != null && after != null -> Body(s[Str.screen_exercise_change, before.toInt(), after.toInt()])
        before != null -> Body(s[Str.screen_exercise_before_only, before.toInt()])
        after != null -> Body(s[Str.screen_exercise_after_only, after.toInt()])
    }
}
