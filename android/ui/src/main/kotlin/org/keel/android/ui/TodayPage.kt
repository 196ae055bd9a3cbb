package org.keel.android.ui

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.FlowRow
import androidx.compose.foundation.layout.ExperimentalLayoutApi
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.material3.Card
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.unit.dp
import org.keel.core.EntryBrief
import org.keel.core.EntryKind
import org.keel.core.SobrietyClockStatus

/** Today: the core's [org.keel.core.TodayScreen] record, shown as it came. */
@Composable
fun TodayPage(state: TodayUiState, phone: PhoneActions, onLock: () -> Unit, onSos: () -> Unit) {
    val s = LocalStrings.current
    Page(title = s[Str.screen_today_title], onBack = null, onSos = onSos) {
        val screen = state.screen
        if (screen == null) {
            Body(if (state.error != null) s[Str.common_error] else s[Str.common_working])
            return@Page
        }
        if (screen.clocks.isEmpty()) Body(s[Str.screen_today_no_clock])
        screen.clocks.forEach { ClockCard(it) }
        Body(s[if (screen.checkedInToday) Str.screen_today_checked_in else Str.screen_today_not_checked_in])
        screen.meetingNow?.let { Body(s[Str.screen_today_meeting_now, it.occurrence.meetingName]) }
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
        }
        SectionTitle(s[Str.screen_today_recent])
        if (screen.recent.isEmpty()) Body(s[Str.screen_today_no_recent])
        screen.recent.forEach { EntryRow(it) }
        SectionTitle(s[Str.screen_today_contacts])
        screen.crisisContacts.forEach { ContactRow(it.name, it.phone, it.canText, phone) }
        TextButton(onClick = onLock, modifier = Modifier.fillMaxWidth().touchTarget()) { ButtonLabel(s[Str.action_lock]) }
    }
}

@Composable
private fun ClockCard(clock: SobrietyClockStatus) {
    val s = LocalStrings.current
    Card(Modifier.fillMaxWidth()) {
        Column(Modifier.padding(16.dp)) {
            Text(clock.label, style = MaterialTheme.typography.titleMedium)
            Text(s[Str.screen_today_streak, clock.currentDays.toLong()], style = MaterialTheme.typography.headlineSmall)
            Text(s[Str.screen_today_longest, clock.longestDays.toLong()], style = MaterialTheme.typography.bodyMedium)
        }
    }
}

@Composable
private fun EntryRow(entry: EntryBrief) {
    val s = LocalStrings.current
    val kind = when (entry.kind) {
        EntryKind.CRAVING -> Str.entry_craving
        EntryKind.ENCOUNTER -> Str.entry_encounter
        EntryKind.CHECK_IN -> Str.entry_check_in
        EntryKind.LAPSE -> Str.entry_lapse
    }
    Column(Modifier.fillMaxWidth()) {
        Text(s[kind], style = MaterialTheme.typography.titleSmall)
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

