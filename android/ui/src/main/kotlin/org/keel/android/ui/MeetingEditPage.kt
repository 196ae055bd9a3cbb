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
import java.time.ZoneId
import java.time.format.TextStyle
import org.keel.android.core.CoreError
import org.keel.android.core.MeetingsCalls
import org.keel.core.MonthWeek
import org.keel.core.Weekday

/** Add or edit a meeting: what, when (repeat rule, in the meeting's own zone), where, reminder, notes; delete with a confirmation. */
@Composable
fun MeetingEditPage(state: MeetingEditUiState, onEvent: (MeetingEditEvent) -> Unit, onBack: () -> Unit, onSos: () -> Unit) {
    val s = LocalStrings.current
    Page(title = s[if (state.editing) Str.screen_meeting_edit_title else Str.screen_meeting_add_title], onBack = onBack, onSos = onSos) {
        if (state.loading) {
            if (state.error != null) ErrorText(state.error) else Body(s[Str.common_working])
            return@Page
        }
        val f = state.form
        val change = { form: MeetingForm -> onEvent(MeetingEditEvent.Change(form)) }
        Field(s[Str.screen_meeting_edit_name], f.name, { change(f.copy(name = it)) })
        SectionTitle(s[Str.screen_meeting_edit_kind])
        ChoiceRow {
            MeetingsCalls.ALL_KINDS.forEach { kind ->
                Choice(state.kindLabels[kind] ?: "", f.kind == kind, { change(f.copy(kind = kind)) })
            }
        }
        WhenSection(f, change)
        SectionTitle(s[Str.screen_meeting_edit_where])
        Field(s[Str.screen_meeting_edit_venue], f.venue, { change(f.copy(venue = it)) })
        Field(s[Str.screen_meeting_edit_address], f.address, { change(f.copy(address = it)) }, singleLine = false)
        Field(s[Str.screen_meeting_edit_online_url], f.onlineUrl, { change(f.copy(onlineUrl = it)) })
        Field(s[Str.screen_meeting_edit_online_notes], f.onlineNotes, { change(f.copy(onlineNotes = it)) })
        Field(s[Str.screen_meeting_edit_phone], f.phone, { change(f.copy(phone = it)) })
        Field(s[Str.screen_meeting_edit_phone_notes], f.phoneNotes, { change(f.copy(phoneNotes = it)) })
        SectionTitle(s[Str.screen_meeting_edit_reminder])
        Body(s[Str.screen_meeting_edit_reminder_hint])
        Field(s[Str.screen_meeting_edit_reminder_minutes], f.reminder, { change(f.copy(reminder = it)) })
        SectionTitle(s[Str.screen_meeting_edit_notes])
        Field(s[Str.screen_meeting_edit_notes_hint], f.notes, { change(f.copy(notes = it)) }, singleLine = false, minLines = 2)
        if (f.types.isNotEmpty()) Body(s[Str.screen_meeting_edit_types, s.joined(f.types.map { state.typeLabels[it] ?: it })])
        state.problem?.let { Text(s[problemText(it)], color = MaterialTheme.colorScheme.error, style = MaterialTheme.typography.bodyLarge) }
        state.error?.let { MeetingErrorText(it) }
        Button(onClick = { onEvent(MeetingEditEvent.Save) }, enabled = !state.busy, modifier = Modifier.fillMaxWidth().touchTarget()) {
            ButtonLabel(if (state.busy) s[Str.common_working] else s[if (state.editing) Str.action_save_changes else Str.action_save])
        }
        if (state.editing) DeleteMeeting(state, onEvent)
    }
}

@Composable
private fun WhenSection(f: MeetingForm, change: (MeetingForm) -> Unit) {
    val s = LocalStrings.current
    SectionTitle(s[Str.screen_meeting_edit_when])
    ChoiceRow {
        Choice(s[Str.screen_meeting_edit_weekly], f.repeat == RepeatChoice.WEEKLY, { change(f.copy(repeat = RepeatChoice.WEEKLY)) })
        Choice(s[Str.screen_meeting_edit_monthly], f.repeat == RepeatChoice.MONTHLY, { change(f.copy(repeat = RepeatChoice.MONTHLY)) })
        Choice(s[Str.screen_meeting_edit_once], f.repeat == RepeatChoice.ONCE, { change(f.copy(repeat = RepeatChoice.ONCE)) })
    }
    when (f.repeat) {
        RepeatChoice.WEEKLY -> {
            Body(s[Str.screen_meeting_edit_days])
            ChoiceRow {
                Weekday.entries.forEach { d ->
                    Choice(dayName(d, s.language, short = true), d in f.days, { change(f.copy(days = if (d in f.days) f.days - d else f.days + d)) }, description = dayName(d, s.language))
                }
            }
            Body(s[Str.screen_meeting_edit_every_weeks_hint])
            Field(s[Str.screen_meeting_edit_every_weeks], f.everyWeeks, { change(f.copy(everyWeeks = it)) })
        }
        RepeatChoice.MONTHLY -> {
            Body(s[Str.screen_meeting_edit_month_week])
            ChoiceRow {
                MonthWeek.entries.forEach { w -> Choice(s[monthWeekText(w)], f.monthWeek == w, { change(f.copy(monthWeek = w)) }) }
            }
            Body(s[Str.screen_meeting_edit_month_day])
            ChoiceRow {
                Weekday.entries.forEach { d ->
                    Choice(dayName(d, s.language, short = true), f.monthDay == d, { change(f.copy(monthDay = d)) }, description = dayName(d, s.language))
                }
            }
        }
        RepeatChoice.ONCE -> Unit
    }
    Body(s[Str.screen_meeting_edit_format_hint])
    MeetingDateField(s[if (f.repeat == RepeatChoice.ONCE) Str.screen_meeting_edit_date else Str.screen_meeting_edit_start_date], f.startDate, { change(f.copy(startDate = it)) })
    MeetingTimeField(s[Str.screen_meeting_edit_time], f.startTime, { change(f.copy(startTime = it)) })
    Field(s[Str.screen_meeting_edit_duration], f.duration, { change(f.copy(duration = it)) })
    if (f.repeat != RepeatChoice.ONCE) {
        Body(s[Str.screen_meeting_edit_end_hint])
        MeetingDateField(s[Str.screen_meeting_edit_end_date], f.endDate, { change(f.copy(endDate = it)) }, from = f.startDate)
    }
    SectionTitle(s[Str.screen_meeting_edit_zone])
    Body(s[Str.screen_meeting_edit_zone_hint])
    ChoiceRow {
        (listOf(f.zone) + COMMON_ZONES).distinct().filter { it.isNotBlank() }.forEach { z ->
            Choice(zoneName(z, s), f.zone == z, { change(f.copy(zone = z)) })
        }
    }
    Field(s[Str.screen_meeting_edit_zone_field], f.zone, { change(f.copy(zone = it)) })
}

/** The zone's name in the participant's language ("Central Time"), or its IANA name if Java does not know it. */
private fun zoneName(zone: String, s: Strings): String =
    runCatching { ZoneId.of(zone).getDisplayName(TextStyle.FULL, localeOf(s.language)) }.getOrNull()?.takeIf { it != zone }?.let { s[Str.meetings_zone_name, it, zone] } ?: zone

/** The US zones and Puerto Rico, one tap each; any other IANA name can be typed. */
private val COMMON_ZONES = listOf(
    "America/New_York", "America/Chicago", "America/Denver", "America/Phoenix",
    "America/Los_Angeles", "America/Anchorage", "Pacific/Honolulu", "America/Puerto_Rico",
)

@Composable
private fun DeleteMeeting(state: MeetingEditUiState, onEvent: (MeetingEditEvent) -> Unit) {
    val s = LocalStrings.current
    val danger = ButtonDefaults.buttonColors(containerColor = MaterialTheme.colorScheme.error, contentColor = MaterialTheme.colorScheme.onError)
    if (!state.confirmDelete) {
        OutlinedButton(onClick = { onEvent(MeetingEditEvent.AskDelete) }, enabled = !state.busy, modifier = Modifier.fillMaxWidth().touchTarget()) {
            Text(s[Str.screen_meeting_edit_delete], color = MaterialTheme.colorScheme.error)
        }
        return
    }
    Card(
        colors = CardDefaults.cardColors(containerColor = MaterialTheme.colorScheme.errorContainer, contentColor = MaterialTheme.colorScheme.onErrorContainer),
        modifier = Modifier.fillMaxWidth(),
    ) {
        Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(8.dp)) {
            Text(s[Str.screen_meeting_edit_delete_confirm], style = MaterialTheme.typography.bodyLarge)
            Button(onClick = { onEvent(MeetingEditEvent.ConfirmDelete) }, enabled = !state.busy, colors = danger, modifier = Modifier.fillMaxWidth().touchTarget()) {
                ButtonLabel(s[Str.screen_meeting_edit_delete_yes])
            }
            OutlinedButton(onClick = { onEvent(MeetingEditEvent.CancelDelete) }, modifier = Modifier.fillMaxWidth().touchTarget()) {
                ButtonLabel(s[Str.action_cancel])
            }
        }
    }
}

private fun problemText(problem: MeetingProblem): Str = when (problem) {
    MeetingProblem.NAME -> Str.screen_meeting_edit_need_name
    MeetingProblem.DATE -> Str.screen_meeting_edit_bad_date
    MeetingProblem.END_DATE -> Str.screen_meeting_edit_bad_end_date
    MeetingProblem.TIME -> Str.screen_meeting_edit_bad_time
    MeetingProblem.DURATION -> Str.screen_meeting_edit_bad_duration
    MeetingProblem.DAYS -> Str.screen_meeting_edit_need_days
    MeetingProblem.EVERY_WEEKS -> Str.screen_meeting_edit_bad_every_weeks
    MeetingProblem.REMINDER -> Str.screen_meeting_edit_bad_reminder
}

/** The core's refusal of a field, in plain words where the field is one the participant typed. */
@Composable
fun MeetingErrorText(error: CoreError) {
    val s = LocalStrings.current
    val key = when ((error as? CoreError.InvalidInput)?.field) {
        "zone" -> Str.screen_meeting_edit_bad_zone
        "online_url" -> Str.screen_meeting_edit_bad_link
        "phone" -> Str.screen_meeting_edit_bad_phone
        "end_date" -> Str.screen_meeting_edit_bad_end_date
        "reminder_minutes" -> Str.screen_meeting_edit_bad_reminder
        "meeting", "meetings" -> Str.screen_meeting_edit_too_many
        else -> errorText(error)
    }
    Text(s[key], color = MaterialTheme.colorScheme.error, style = MaterialTheme.typography.bodyLarge)
}
