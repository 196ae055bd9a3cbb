package org.keel.android.ui

import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.launch
import org.keel.android.core.CoreError
import org.keel.android.core.VaultGateway
import org.keel.core.Language
import org.keel.core.TodayScreen

/** The core's Today record as it came, plus the shell's own flags. */
data class TodayUiState(
    val screen: TodayScreen? = null,
    val busy: Boolean = false,
    val error: CoreError? = null,
)

/** Fetches the Today record in one core call; computes nothing of its own. */
class TodayModel(
    private val gateway: VaultGateway,
    private val scope: CoroutineScope,
    private val language: () -> Language,
) {
    private val _state = MutableStateFlow(TodayUiState())
    val state: StateFlow<TodayUiState> = _state.asStateFlow()

    fun refresh() {
        _state.update { it.copy(busy = true) }
        scope.launch {
            gateway.today(language())
                .onSuccess { screen -> _state.value = TodayUiState(screen = screen) }
                .onFailure { e -> _state.update { it.copy(busy = false, error = CoreError.from(e)) } }
        }
    }

    /** "I'm here": the core records the meeting on now as attended; Today then shows it. */
    fun imHere() {
        if (_state.value.busy) return
        _state.update { it.copy(busy = true, error = null) }
        scope.launch {
            gateway.checkInToMeeting()
                .onSuccess { refresh() }
                .onFailure { e -> _state.update { it.copy(busy = false, error = CoreError.from(e)) } }
        }
    }
}
