package org.keel.android.ui

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.FlowRow
import androidx.compose.foundation.layout.ExperimentalLayoutApi
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.clickable
import androidx.compose.material3.Button
import androidx.compose.material3.Card
import androidx.compose.material3.FilledTonalButton
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.unit.dp
import org.keel.core.EntryBrief
import org.keel.core.EntryKind
import org.keel.core.Milestone
import org.keel.core.MilestoneUnit
import org.keel.core.SobrietyClockStatus

/** Today: the core's [org.keel.core.TodayScreen] record, shown as it came. */
@Composable
fun TodayPage(
    state: TodayUiState,
    phone: PhoneActions,
    onLock: () -> Unit,
    onSos: () -> Unit,
    /** Opens another screen: a log form, an entry to edit, the history, the plan. */
    onOpen: (Route) -> Unit = {},
    /** "I'm here" for the meeting on now. */
    onImHere: () -> Unit = {},
) {
    val s = LocalStrings.current
    Page(title = s[Str.screen_today_title], onBack = null, onSos = onSos, onMenu = { onOpen(Route.Menu) }) {
        val screen = state.screen
        if (screen == null) {
            Body(if (state.error != null) s[Str.common_error] else s[Str.common_working])
            return@Page
        }
        if (screen.clocks.isEmpty()) Body(s[Str.screen_today_no_clock])
        screen.clocks.forEach { ClockCard(it) }
        Body(s[if (screen.checkedInToday) Str.screen_today_checked_in else Str.screen_today_not_checked_in])
        screen.meetingNow?.let { meeting ->
            Body(s[Str.screen_today_meeting_now, meeting.occurrence.meetingName])
            when {
                meeting.checkedIn -> Body(s[Str.screen_today_here_recorded])
                meeting.canCheckIn -> Button(onClick = onImHere, enabled = !state.busy, modifier = Modifier.fillMaxWidth().touchTarget()) {
                    Text(s[Str.action_im_here])
                }
            }
        }
        screen.nextMeeting?.let { next ->
            Body(s[Str.screen_today_next_meeting, next.occurrence.meetingName, formatMoment(next.localStart, s.language)])
        }
        // Questionnaires the core says are due, one tap to answer.
        screen.measuresDue.forEach { DueCard(it, onOpen) }
        state.error?.let { ErrorText(it) }
        LogActions(onOpen)
        if (screen.suggestions.isNotEmpty()) {
            SectionTitle(s[Str.screen_today_suggestions])
            // The core's own words: "If …" and "then …" come whole from the plan.
            screen.suggestions.forEach {
                Column(Modifier.fillMaxWidth()) {
                    Text(it.copingPlan.ifSituation, style = MaterialTheme.typography.titleMedium)
                    Body(it.copingPlan.thenAction)
                }
            }
        }
        screen.lapsePlan?.let { plan ->
            SectionTitle(s[Str.screen_today_lapse_plan])
            plan.steps.forEach { Body(s[Str.common_bullet, it]) }
            if (plan.overdoseSafety.isNotEmpty()) {
                SectionTitle(s[Str.screen_sos_overdose])
                plan.overdoseSafety.forEach { Body(s[Str.common_bullet, it]) }
            }
        }
        SectionTitle(s[Str.screen_today_recent])
        if (screen.recent.isEmpty()) Body(s[Str.screen_today_no_recent])
        screen.recent.forEach { entry -> EntryRow(entry) { onOpen(Route.Log(entry.kind, entry.id)) } }
        OutlinedButton(onClick = { onOpen(Route.History) }, modifier = Modifier.fillMaxWidth().touchTarget()) { Text(s[Str.action_history]) }
        OutlinedButton(onClick = { onOpen(Route.Plan) }, modifier = Modifier.fillMaxWidth().touchTarget()) { Text(s[Str.action_plan]) }
        // Exercises
        OutlinedButton(onClick = { onOpen(Route.Exercises) }, modifier = Modifier.fillMaxWidth().touchTarget()) { Text(s[Str.action_exercises]) }

        // Meetings
        OutlinedButton(onClick = { onOpen(Route.Meetings) }, modifier = Modifier.fillMaxWidth().touchTarget()) { Text(s[Str.action_meetings]) }

        // Reminders
        OutlinedButton(onClick = { onOpen(Route.Reminders) }, modifier = Modifier.fillMaxWidth().touchTarget()) { Text(s[Str.action_reminders]) }

        // Insights
        OutlinedButton(onClick = { onOpen(Route.Insights) }, modifier = Modifier.fillMaxWidth().touchTarget()) { Text(s[Str.action_insights]) }

        // Report and exports
        OutlinedButton(onClick = { onOpen(Route.Report) }, modifier = Modifier.fillMaxWidth().touchTarget()) { Text(s[Str.action_report]) }
        OutlinedButton(onClick = { onOpen(Route.Exports) }, modifier = Modifier.fillMaxWidth().touchTarget()) { Text(s[Str.action_exports]) }

        // Backup and restore
        OutlinedButton(onClick = { onOpen(Route.Backup) }, modifier = Modifier.fillMaxWidth().touchTarget()) { Text(s[Str.action_backup]) }

        // Settings

        SectionTitle(s[Str.screen_today_contacts])
        screen.crisisContacts.forEach { ContactRow(it.name, it.phone, it.canText, phone) }
        TextButton(onClick = onLock, modifier = Modifier.fillMaxWidth().touchTarget()) { ButtonLabel(s[Str.action_lock]) }
    }
}

/** The four logs, one tap each. */
@OptIn(ExperimentalLayoutApi::class)
@Composable
private fun LogActions(onOpen: (Route) -> Unit) {
    val s = LocalStrings.current
    SectionTitle(s[Str.screen_today_log])
    FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp), verticalArrangement = Arrangement.spacedBy(8.dp)) {
        for ((kind, key) in listOf(
            EntryKind.CRAVING to Str.action_log_craving,
            EntryKind.ENCOUNTER to Str.action_log_encounter,
            EntryKind.CHECK_IN to Str.action_log_check_in,
            EntryKind.LAPSE to Str.action_log_lapse,
        )) {
            FilledTonalButton(onClick = { onOpen(Route.Log(kind)) }, modifier = Modifier.touchTarget()) { Text(s[key]) }
        }
    }
}

@Composable
fun ClockCard(clock: SobrietyClockStatus) {
    val s = LocalStrings.current
    Card(Modifier.fillMaxWidth()) {
        Column(Modifier.padding(16.dp)) {
            Text(clock.label, style = MaterialTheme.typography.titleMedium)
            Text(s[Str.screen_today_streak, clock.currentDays.toLong()], style = MaterialTheme.typography.headlineSmall)
            Text(s[Str.screen_today_longest, clock.longestDays.toLong()], style = MaterialTheme.typography.bodyMedium)
            // The core's milestones: one reached today, else the next and its date.
            val today = clock.milestoneToday
            if (today != null) {
                Text(s[Str.screen_today_milestone_today, milestoneText(s, today)], style = MaterialTheme.typography.titleSmall, color = MaterialTheme.colorScheme.primary)
            } else {
                Text(s[Str.screen_today_milestone_next, milestoneText(s, clock.nextMilestone), formatDate(clock.nextMilestone.date, s.language)], style = MaterialTheme.typography.bodyMedium)
            }
        }
    }
}

@Composable
private fun EntryRow(entry: EntryBrief, onOpen: () -> Unit) {
    val s = LocalStrings.current
    val kind = when (entry.kind) {
        EntryKind.CRAVING -> Str.entry_craving
        EntryKind.ENCOUNTER -> Str.entry_encounter
        EntryKind.CHECK_IN -> Str.entry_check_in
        EntryKind.LAPSE -> Str.entry_lapse
    }
    Column(
        Modifier.fillMaxWidth().touchTarget().clickable(onClickLabel = s[Str.a11y_edit_entry], onClick = onOpen).padding(vertical = 4.dp),
    ) {
        Text(s[Str.common_joined, s[kind], formatMoment(entry.at, s.language)], style = MaterialTheme.typography.titleSmall)
        entry.level?.let { Text(s[Str.screen_today_level, it.toLong()], style = MaterialTheme.typography.bodyMedium) }
        val parts = entry.triggers + listOfNotNull(entry.text.ifBlank { null })
        if (parts.isNotEmpty()) Text(parts.reduce { a, b -> s[Str.common_joined, a, b] }, style = MaterialTheme.typography.bodyMedium)
    }
}

/**
 * A crisis line or contact: one tap to call, one to text when it takes
 * texts; no buttons for a contact without a number (its note says how to
 * reach them).
 */
@OptIn(ExperimentalLayoutApi::class)
@Composable
fun ContactRow(name: String, number: String, canText: Boolean, phone: PhoneActions, note: String = "") {
    val s = LocalStrings.current
    Column(Modifier.fillMaxWidth()) {
        Text(name, style = MaterialTheme.typography.titleMedium)
        if (note.isNotBlank()) Text(note, style = MaterialTheme.typography.bodyMedium)
        if (number.isNotBlank()) FlowRow(
            modifier = Modifier.padding(top = 4.dp),
            horizontalArrangement = Arrangement.spacedBy(8.dp),
            verticalArrangement = Arrangement.spacedBy(8.dp),
        ) {
            OutlinedButton(onClick = { phone.call(number) }, modifier = Modifier.touchTarget()) { ButtonLabel(s[Str.action_call, number]) }
            if (canText) OutlinedButton(onClick = { phone.text(number) }, modifier = Modifier.touchTarget()) { ButtonLabel(s[Str.action_text, number]) }
        }
    }
}

/** A milestone as the participant counts it: "day 30", "year 1". */
fun milestoneText(s: Strings, milestone: Milestone): String = when (milestone.unit) {
    MilestoneUnit.HOURS -> s[Str.milestone_hours, milestone.count.toLong()]
    MilestoneUnit.DAYS -> s[Str.milestone_days, milestone.count.toLong()]
    MilestoneUnit.MONTHS -> s[Str.milestone_months, milestone.count.toLong()]
    MilestoneUnit.YEARS -> s[Str.milestone_years, milestone.count.toLong()]
}
