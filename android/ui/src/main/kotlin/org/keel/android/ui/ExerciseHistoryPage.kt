package org.keel.android.ui

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.material3.Card
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.unit.dp
import org.keel.core.ExerciseSession
import org.keel.core.ExerciseSessionStatus
import org.keel.core.Language

/** The sessions so far, newest first, as the core stored them. */
@Composable
fun ExerciseHistoryPage(state: ExerciseHistoryState, language: Language, onEvent: (ExerciseEvent) -> Unit, onBack: () -> Unit, onSos: () -> Unit) {
    val s = LocalStrings.current
    Page(title = s[Str.screen_exercise_history_title], onBack = onBack, onSos = onSos) {
        state.error?.let { ErrorText(it) }
        if (state.sessions.isEmpty()) {
            Body(if (state.loading) s[Str.common_working] else s[Str.screen_exercise_history_none])
            return@Page
        }
        Body(s[Str.screen_exercise_history_count, state.sessions.size, state.total])
        state.sessions.forEach { SessionCard(it, state.title(it), language) }
        if (state.sessions.size < state.total) {
            OutlinedButton(onClick = { onEvent(ExerciseEvent.MoreHistory) }, enabled = !state.loading, modifier = Modifier.fillMaxWidth().touchTarget()) {
                ButtonLabel(s[if (state.loading) Str.common_working else Str.action_exercise_more])
            }
        }
    }
}

@Composable
private fun SessionCard(session: ExerciseSession, title: String, language: Language) {
    val s = LocalStrings.current
    Card(Modifier.fillMaxWidth()) {
        Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(4.dp)) {
            Text(title, style = MaterialTheme.typography.titleMedium)
            val status = when (session.status) {
                ExerciseSessionStatus.FINISHED -> Str.exercise_status_finished
                ExerciseSessionStatus.ABANDONED -> Str.exercise_status_abandoned
                ExerciseSessionStatus.IN_PROGRESS -> Str.exercise_status_in_progress
            }
            Body(s[Str.common_joined, formatMoment(session.startedAt, language), s[status]])
            session.practicedMs?.let { Body(s[Str.screen_exercise_practiced, exerciseDuration(it)]) }
            CravingChange(session.cravingBefore, session.cravingAfter)
        }
    }
}
