package org.keel.android.ui

import androidx.compose.foundation.background
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Box
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.size
import androidx.compose.foundation.shape.CircleShape
import androidx.compose.material3.Button
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
import androidx.compose.ui.semantics.liveRegion
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp
import kotlinx.coroutines.isActive
import org.keel.android.core.CrisisPlan

/**
 * SOS, one tap from every screen and working while locked: emergency
 * number, the crisis lines (the plan's, or the core's 988 and SAMHSA
 * helpline), the participant's people (unlocked), a one-minute breathing
 * exercise from the core's timeline, the plan's steps (unlocked) and
 * overdose safety. Every text comes from the core or the string resources.
 */
@Composable
fun SosPage(state: SosUiState, phone: PhoneActions, onEvent: (SosEvent) -> Unit, onBack: () -> Unit) {
    val s = LocalStrings.current
    Page(title = s[Str.screen_sos_title], onBack = onBack, onSos = null) {
        Text(s[Str.screen_sos_emergency], style = MaterialTheme.typography.titleMedium, color = MaterialTheme.colorScheme.error)
        Button(
            onClick = { phone.call(EMERGENCY_NUMBER) },
            colors = urgentButtonColors(),
            modifier = Modifier.touchTarget(),
        ) { ButtonLabel(s[Str.action_call, EMERGENCY_NUMBER]) }
        val crisis = state.crisis
        if (crisis == null) {
            Body(if (state.failed) s[Str.common_error] else s[Str.common_working])
            return@Page
        }
        CrisisLines(crisis, phone)
        Breathing(state.breathing, onEvent)
        Steps(crisis)
        if (crisis.lapsePlan.overdoseSafety.isNotEmpty()) {
            SectionTitle(s[Str.screen_sos_overdose])
            crisis.lapsePlan.overdoseSafety.forEach { Body(s[Str.common_bullet, it]) }
        }
    }
}

/** The emergency number shown and dialled from SOS (US, like the core's default lines). */
const val EMERGENCY_NUMBER = "911"

@Composable
private fun CrisisLines(crisis: CrisisPlan, phone: PhoneActions) {
    val s = LocalStrings.current
    SectionTitle(s[Str.screen_sos_lines])
    crisis.lapsePlan.crisisLines.forEach { line -> ContactRow(line.name, line.phone, line.canText, phone, line.note) }
    val people = crisis.contacts.filter { it.phone.isNotBlank() || it.howToReach.isNotBlank() }
    if (people.isNotEmpty()) {
        SectionTitle(s[Str.screen_sos_people])
        people.forEach { ContactRow(it.name, it.phone, canText = it.phone.isNotBlank(), phone, it.howToReach) }
    }
}

@Composable
private fun Steps(crisis: CrisisPlan) {
    val s = LocalStrings.current
    SectionTitle(s[Str.screen_sos_steps])
    when {
        !crisis.saved -> Body(s[Str.screen_sos_steps_locked, appName()])
        crisis.lapsePlan.steps.isEmpty() -> Body(s[Str.screen_sos_steps_none])
        else -> crisis.lapsePlan.steps.forEachIndexed { i, step -> Body(s[Str.common_numbered, i + 1, step]) }
    }
}

/**
 * The breathing exercise. While it runs, every display frame goes to the
 * model ([SosEvent.Frame] with the frame clock's time), which asks the
 * core's player for the phase, its text and the breath level.
 */
@Composable
private fun Breathing(state: BreathingUiState?, onEvent: (SosEvent) -> Unit) {
    val s = LocalStrings.current
    SectionTitle(s[Str.screen_sos_breathe_title])
    if (state == null) {
        Body(s[Str.screen_sos_breathe_intro])
        Button(onClick = { onEvent(SosEvent.StartBreathing) }, modifier = Modifier.touchTarget()) { ButtonLabel(s[Str.screen_sos_breathe_start]) }
        return
    }
    if (state.ticking && !state.finished) {
        LaunchedEffect(Unit) {
            while (isActive) withFrameMillis { onEvent(SosEvent.Frame(it)) }
        }
    }
    val frame = state.frame
    Column(Modifier.fillMaxWidth(), horizontalAlignment = Alignment.CenterHorizontally, verticalArrangement = Arrangement.spacedBy(8.dp)) {
        if (state.finished) {
            Body(s[Str.screen_sos_breathe_done], Modifier.semantics { liveRegion = LiveRegionMode.Polite })
            OutlinedButton(onClick = { onEvent(SosEvent.StartBreathing) }, modifier = Modifier.touchTarget()) { ButtonLabel(s[Str.screen_sos_breathe_again]) }
            return@Column
        }
        val level = frame?.breathLevel?.toFloat() ?: 0f
        Box(Modifier.size(BREATH_MAX.dp), contentAlignment = Alignment.Center) {
            Box(
                Modifier
                    .size((BREATH_MIN + (BREATH_MAX - BREATH_MIN) * level).dp)
                    .background(MaterialTheme.colorScheme.primaryContainer, CircleShape),
            )
        }
        if (frame != null) {
            Text(
                frame.text,
                style = MaterialTheme.typography.headlineSmall,
                modifier = Modifier.semantics { liveRegion = LiveRegionMode.Polite },
            )
            val cycles = frame.cycles
            val cycle = frame.cycle
            if (cycle != null && cycles != null) Body(s[Str.screen_sos_breathe_cycle, cycle.toInt(), cycles.toInt()])
            Body(s[Str.screen_sos_breathe_left, ((frame.remainingMs + 999u) / 1000u).toInt()])
            LinearProgressIndicator(progress = { frame.progress.toFloat() }, modifier = Modifier.fillMaxWidth())
        }
        OutlinedButton(onClick = { onEvent(SosEvent.StopBreathing) }, modifier = Modifier.touchTarget()) { ButtonLabel(s[Str.screen_sos_breathe_stop]) }
    }
}

private const val BREATH_MIN = 48
private const val BREATH_MAX = 160
