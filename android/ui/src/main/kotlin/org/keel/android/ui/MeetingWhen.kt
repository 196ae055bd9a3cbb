package org.keel.android.ui

import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.saveable.rememberSaveable
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.semantics
import java.time.LocalDate
import java.time.LocalTime
import java.time.format.DateTimeFormatter
import java.time.format.DateTimeParseException
import java.time.format.FormatStyle
import org.keel.core.Language

/**
 * A meeting's dates and times are typed (exact, and what a screen reader
 * reads back) and can also be moved with steps: the same large labelled
 * buttons as the log's time picker rather than a calendar grid and a clock
 * dial, which do not fit a 360 dp screen at font scale 2.0. Under each field
 * the value is said in words ("Tuesday, December 8, 2026"), so the weekday
 * of a start date is seen without a calendar.
 */
enum class DateStep(val days: Long, val label: Str) {
    DAY_EARLIER(-1, Str.action_when_day_earlier),
    DAY_LATER(1, Str.action_when_day_later),
    WEEK_EARLIER(-7, Str.action_meeting_week_earlier),
    WEEK_LATER(7, Str.action_meeting_week_later),
}

/** Steps of a meeting's start time; quarter steps snap to the quarter hour first. */
enum class TimeStep(val minutes: Int, val label: Str) {
    HOUR_EARLIER(-60, Str.action_when_hour_earlier),
    HOUR_LATER(60, Str.action_when_hour_later),
    QUARTER_EARLIER(-15, Str.action_meeting_quarter_earlier),
    QUARTER_LATER(15, Str.action_meeting_quarter_later),
}

/** A typed date (year-month-day), or null if it does not read as one. */
fun readDate(text: String): LocalDate? = try {
    LocalDate.parse(text.trim())
} catch (_: DateTimeParseException) {
    null
}

/** A typed time on the 24-hour clock ("18:30", "9:05"), or null. */
fun readTime(text: String): LocalTime? = try {
    LocalTime.parse(text.trim().padStart(5, '0'))
} catch (_: DateTimeParseException) {
    null
}

/**
 * [text] moved by [step]; an empty or unreadable date (an end date not yet
 * set) starts from [from] (the start date). Null when neither reads, so
 * nothing is guessed.
 */
fun steppedDate(text: String, step: DateStep, from: String = ""): String? =
    (readDate(text) ?: readDate(from))?.plusDays(step.days)?.toString()

/**
 * [text] moved by [step] around the clock (23:30 an hour later is 00:30: the
 * start time of a meeting, not a moment). Null when [text] does not read.
 */
fun steppedTime(text: String, step: TimeStep): String? {
    val time = readTime(text)?.withSecond(0)?.withNano(0) ?: return null
    val quarter = kotlin.math.abs(step.minutes) < 60
    val off = time.minute % 15
    val moved = when {
        quarter && off != 0 && step.minutes < 0 -> time.minusMinutes(off.toLong())
        quarter && off != 0 -> time.plusMinutes((15 - off).toLong())
        else -> time.plusMinutes(step.minutes.toLong())
    }
    return "%02d:%02d".format(moved.hour, moved.minute)
}

/** The date in words in the participant's language ("Tuesday, December 8, 2026"). */
fun dateInWords(date: LocalDate, language: Language): String =
    date.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(localeOf(language)))

/** The time as the participant's language writes it ("6:30 PM", "18:30"). */
fun timeInWords(time: LocalTime, language: Language): String =
    time.format(DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(localeOf(language)))

/**
 * A date field, the date in words and, on request, its steps (closed again
 * by Done, so the long form stays short). Each step names its field for a
 * screen reader ("End date: A week later").
 */
@Composable
fun MeetingDateField(label: String, text: String, onChange: (String) -> Unit, from: String = "") {
    val s = LocalStrings.current
    Field(label, text, onChange)
    readDate(text)?.let { Body(dateInWords(it, s.language)) }
    if (readDate(text) == null && readDate(from) == null) return
    Steps(label) {
        DateStep.entries.forEach { step ->
            StepButton(s[step.label], s[Str.a11y_meeting_step, label, s[step.label]]) { steppedDate(text, step, from)?.let(onChange) }
        }
    }
}

/** A time field, the time in words and, on request, its steps. */
@Composable
fun MeetingTimeField(label: String, text: String, onChange: (String) -> Unit) {
    val s = LocalStrings.current
    Field(label, text, onChange)
    val time = readTime(text) ?: return
    // In words only where the language's clock differs from the typed one ("6:30 PM", not Spanish's "18:30" twice).
    timeInWords(time, s.language).takeIf { it != text.trim() }?.let { Body(it) }
    Steps(label) {
        TimeStep.entries.forEach { step ->
            StepButton(s[step.label], s[Str.a11y_meeting_step, label, s[step.label]]) { steppedTime(text, step)?.let(onChange) }
        }
    }
}

/** "Change with buttons", then the [steps] and Done; whether they are open is the field's own UI state, kept across a rotation. */
@Composable
private fun Steps(label: String, steps: @Composable () -> Unit) {
    val s = LocalStrings.current
    var showing by rememberSaveable(label) { mutableStateOf(false) }
    val change = s[Str.action_meeting_steps]
    val done = s[Str.action_meeting_steps_done]
    if (!showing) {
        StepButton(change, s[Str.a11y_meeting_step, label, change]) { showing = true }
        return
    }
    val doneDescription = s[Str.a11y_meeting_step, label, done]
    ChoiceRow {
        steps()
        TextButton(onClick = { showing = false }, modifier = Modifier.touchTarget().semantics { contentDescription = doneDescription }) {
            ButtonLabel(done)
        }
    }
}

@Composable
private fun StepButton(text: String, description: String, onClick: () -> Unit) =
    OutlinedButton(onClick = onClick, modifier = Modifier.touchTarget().semantics { contentDescription = description }) { ButtonLabel(text) }
