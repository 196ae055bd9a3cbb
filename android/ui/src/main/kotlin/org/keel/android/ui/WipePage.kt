package org.keel.android.ui

import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.material3.Button
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.LiveRegionMode
import androidx.compose.ui.semantics.liveRegion
import androidx.compose.ui.semantics.semantics

/**
 * Erasing everything: what goes, that nothing can bring it back, what
 * stays; then one press to be asked again and a second to erase. "Keep"
 * is always the first choice offered.
 */
@Composable
fun WipePage(state: WipeUiState, onEvent: (WipeEvent) -> Unit, onBack: () -> Unit, onSos: () -> Unit) {
    val s = LocalStrings.current
    Page(title = s[Str.screen_wipe_title], onBack = if (state.busy) null else onBack, onSos = onSos) {
        Body(s[Str.screen_wipe_what])
        Body(s[Str.screen_wipe_how])
        Body(s[Str.screen_wipe_backups])
        if (state.error) SettingsWarning(s[Str.common_error])
        if (!state.confirming) {
            OutlinedButton(onClick = onBack, modifier = Modifier.fillMaxWidth().touchTarget()) { ButtonLabel(s[Str.screen_wipe_no]) }
            Button(
                onClick = { onEvent(WipeEvent.Start) },
                colors = urgentButtonColors(),
                modifier = Modifier.fillMaxWidth().touchTarget(),
            ) { ButtonLabel(s[Str.screen_wipe_start]) }
        } else {
            Text(
                s[Str.screen_wipe_confirm],
                style = MaterialTheme.typography.titleMedium,
                modifier = Modifier.semantics { liveRegion = LiveRegionMode.Polite },
            )
            OutlinedButton(
                onClick = { onEvent(WipeEvent.Cancel) },
                enabled = !state.busy,
                modifier = Modifier.fillMaxWidth().touchTarget(),
            ) { ButtonLabel(s[Str.screen_wipe_no]) }
            Button(
                onClick = { onEvent(WipeEvent.Confirm) },
                enabled = !state.busy,
                colors = urgentButtonColors(),
                modifier = Modifier.fillMaxWidth().touchTarget(),
            ) { ButtonLabel(if (state.busy) s[Str.common_working] else s[Str.screen_wipe_yes]) }
        }
    }
}
