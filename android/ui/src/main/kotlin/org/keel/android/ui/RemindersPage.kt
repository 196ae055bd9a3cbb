package org.keel.android.ui

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.selection.toggleable
import androidx.compose.material3.Button
import androidx.compose.material3.Checkbox
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.Role
import androidx.compose.ui.unit.dp
import java.time.Instant
import java.time.LocalTime
import java.time.ZoneId
import java.time.format.DateTimeFormatter
import java.time.format.FormatStyle
import java.util.Locale
import org.keel.core.Language
import org.keel.core.Moment

/**
 * The participant's reminder choices: the daily check-in and its time,
 * gentle prompts, where meeting reminders are set, the next reminders in
 * the core's own words, and notifications allowed or not.
 */
@Composable
fun RemindersPage(state: RemindersUiState, language: Language, onEvent: (RemindersEvent) -> Unit, onBack: () -> Unit, onSos: () -> Unit) {
    val s = LocalStrings.current
    Page(title = s[Str.screen_reminders_title], onBack = onBack, onSos = onSos) {
        val settings = state.settings
        if (settings == null) {
            state.error?.let { ErrorText(it) } ?: Body(s[Str.common_working])
            return@Page
        }
        Body(s[Str.screen_reminders_intro])
        if (state.anyOn && !state.notificationsAllowed) NotificationsOff(state.notificationsRefused, onEvent)
        state.error?.let { ErrorText(it) }

        SectionTitle(s[Str.screen_reminders_check_in_title])
        val minute = settings.checkInMinute
        ReminderToggle(s[Str.screen_reminders_check_in], minute != null, enabled = !state.busy) { onEvent(RemindersEvent.CheckIn(it)) }
        if (minute != null) {
            Body(s[Str.screen_reminders_check_in_at, reminderTimeOfDay(minute.toInt(), language)])
            // One under the other: side by side they break mid-word at large text sizes.
            Column(verticalArrangement = Arrangement.spacedBy(8.dp), modifier = Modifier.fillMaxWidth()) {
                OutlinedButton(
                    onClick = { onEvent(RemindersEvent.MoveCheckIn(-RemindersModel.STEP_MINUTES)) },
                    enabled = !state.busy,
                    modifier = Modifier.fillMaxWidth().touchTarget(),
                ) { ButtonLabel(s[Str.screen_reminders_earlier]) }
                OutlinedButton(
                    onClick = { onEvent(RemindersEvent.MoveCheckIn(RemindersModel.STEP_MINUTES)) },
                    enabled = !state.busy,
                    modifier = Modifier.fillMaxWidth().touchTarget(),
                ) { ButtonLabel(s[Str.screen_reminders_later]) }
            }
        }

        SectionTitle(s[Str.screen_reminders_prompts_title])
        ReminderToggle(s[Str.screen_reminders_prompts], settings.gentlePrompts, enabled = !state.busy) { onEvent(RemindersEvent.GentlePrompts(it)) }
        Body(s[Str.screen_reminders_prompts_about])

        SectionTitle(s[Str.screen_reminders_meetings_title])
        Body(s[Str.screen_reminders_meetings])

        SectionTitle(s[Str.screen_reminders_coming_title])
        val upcoming = state.upcoming
        if (upcoming == null || upcoming.reminders.isEmpty()) {
            Body(s[Str.screen_reminders_coming_none])
        } else {
            val zone = ZoneId.of(upcoming.zone)
            upcoming.reminders.forEach { r ->
                Column(Modifier.fillMaxWidth()) {
                    Text(formatMoment(momentIn(r.atUtcMillis, zone), language), style = MaterialTheme.typography.titleSmall)
                    Body(r.body)
                }
            }
        }
    }
}

@Composable
private fun NotificationsOff(refused: Boolean, onEvent: (RemindersEvent) -> Unit) {
    val s = LocalStrings.current
    Text(s[Str.screen_reminders_notifications_off], color = MaterialTheme.colorScheme.error, style = MaterialTheme.typography.bodyLarge)
    if (refused) {
        Body(s[Str.screen_reminders_refused])
        OutlinedButton(onClick = { onEvent(RemindersEvent.OpenNotificationSettings) }, modifier = Modifier.fillMaxWidth().touchTarget()) {
            ButtonLabel(s[Str.screen_reminders_open_settings])
        }
    } else {
        Button(onClick = { onEvent(RemindersEvent.AllowNotifications) }, modifier = Modifier.fillMaxWidth().touchTarget()) {
            ButtonLabel(s[Str.screen_reminders_allow])
        }
    }
}

/** One choice as a large row: the whole row toggles, read out as a checkbox with its label. */
@Composable
private fun ReminderToggle(label: String, checked: Boolean, enabled: Boolean, onChange: (Boolean) -> Unit) {
    Row(
        modifier = Modifier
            .fillMaxWidth()
            .heightIn(min = 48.dp)
            .toggleable(value = checked, enabled = enabled, role = Role.Checkbox, onValueChange = onChange),
        verticalAlignment = Alignment.CenterVertically,
    ) {
        Checkbox(checked = checked, onCheckedChange = null, enabled = enabled)
        Text(label, style = MaterialTheme.typography.bodyLarge, modifier = Modifier.padding(start = 12.dp).weight(1f))
    }
}

/** A minute of the day (the core's check-in time) as the language writes a time: "8:00 PM", "20:00". */
fun reminderTimeOfDay(minuteOfDay: Int, language: Language): String {
    val locale = when (language) {
        Language.ENGLISH -> Locale.US
        Language.SPANISH -> Locale.forLanguageTag("es")
    }
    return LocalTime.of(minuteOfDay / 60 % 24, minuteOfDay % 60).format(DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale))
}

/** A reminder's instant on the phone's clock (the zone its now was computed in). */
private fun momentIn(utcMillis: Long, zone: ZoneId): Moment =
    Moment(utcMillis, zone.rules.getOffset(Instant.ofEpochMilli(utcMillis)).totalSeconds / 60)
