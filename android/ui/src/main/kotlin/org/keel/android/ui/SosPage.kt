package org.keel.android.ui

import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable

/** SOS: works locked or unlocked; the texts come from the core (plan or defaults). */
@Composable
fun SosPage(state: SosUiState, phone: PhoneActions, onBack: () -> Unit) {
    val s = LocalStrings.current
    Page(title = s[Str.screen_sos_title], onBack = onBack, onSos = null) {
        Text(s[Str.screen_sos_emergency], style = MaterialTheme.typography.titleMedium, color = MaterialTheme.colorScheme.error)
        val plan = state.plan
        if (plan == null) {
            Body(if (state.failed) s[Str.common_error] else s[Str.common_working])
            return@Page
        }
        SectionTitle(s[Str.screen_sos_lines])
        plan.crisisLines.forEach { line ->
            ContactRow(line.name, line.phone, line.canText, phone, line.note)
        }
        if (plan.steps.isNotEmpty()) {
            SectionTitle(s[Str.screen_sos_steps])
            plan.steps.forEachIndexed { i, step -> Body("${i + 1}. $step") }
        }
        if (plan.overdoseSafety.isNotEmpty()) {
            SectionTitle(s[Str.screen_sos_overdose])
            plan.overdoseSafety.forEach { Body("• $it") }
        }
    }
}
