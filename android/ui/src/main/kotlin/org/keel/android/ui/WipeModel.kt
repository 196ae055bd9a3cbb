package org.keel.android.ui

import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.launch
import org.keel.android.core.VaultGateway

data class WipeUiState(
    /** The participant pressed "Erase everything…": ask the final question. */
    val confirming: Boolean = false,
    val busy: Boolean = false,
    val error: Boolean = false,
)

sealed interface WipeEvent {
    /** The first press: show the final question. */
    data object Start : WipeEvent

    /** "No, keep my data". */
    data object Cancel : WipeEvent

    /** "Yes, erase everything now". */
    data object Confirm : WipeEvent
}

/**
 * Erasing everything, in two presses: the page says what goes and what
 * stays, the first press asks once more, the second has the core wipe the
 * vault (an unlocked one only: key slots destroyed first, then the files)
 * and the platform forget its wrapped device secret. Then [onWiped] clears
 * the reminders' alarms and takes the participant to First launch. A failed wipe says so and keeps the
 * vault as it was.
 */
class WipeModel(
    private val gateway: VaultGateway,
    private val scope: CoroutineScope,
    private val biometrics: Biometrics = NoBiometrics,
    private val onWiped: () -> Unit,
) {
    private val _state = MutableStateFlow(WipeUiState())
    val state: StateFlow<WipeUiState> = _state.asStateFlow()

    /** Back to the first step each time the page opens. */
    fun open() {
        _state.value = WipeUiState()
    }

    fun onEvent(event: WipeEvent) {
        when (event) {
            WipeEvent.Start -> _state.update { if (it.busy) it else it.copy(confirming = true, error = false) }
            WipeEvent.Cancel -> _state.update { if (it.busy) it else it.copy(confirming = false) }
            WipeEvent.Confirm -> confirm()
        }
    }

    private fun confirm() {
        val s = _state.value
        if (!s.confirming || s.busy) return
        _state.update { it.copy(busy = true, error = false) }
        scope.launch {
            gateway.withVault { vault, _ -> vault.wipe() }
                .onSuccess {
                    biometrics.forget()
                    _state.value = WipeUiState()
                    onWiped()
                }
                .onFailure { _state.update { it.copy(busy = false, error = true) } }
        }
    }
}
