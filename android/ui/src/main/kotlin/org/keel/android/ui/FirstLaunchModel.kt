package org.keel.android.ui

import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.launch
import org.keel.android.core.CoreError
import org.keel.android.core.VaultGateway

enum class FirstLaunchProblem { Mismatch, TooShort, Failed }

data class FirstLaunchUiState(
    val passphrase: String = "",
    val confirm: String = "",
    val busy: Boolean = false,
    val problem: FirstLaunchProblem? = null,
    /** The phone offers biometric unlock: show the opt-in. */
    val biometricsAvailable: Boolean = false,
    /** The participant opted in to biometric unlock (off until they choose it). */
    val useBiometrics: Boolean = false,
)

sealed interface FirstLaunchEvent {
    data class PassphraseChanged(val text: String) : FirstLaunchEvent
    data class ConfirmChanged(val text: String) : FirstLaunchEvent
    data object Create : FirstLaunchEvent
    data class UseBiometrics(val on: Boolean) : FirstLaunchEvent
}

/**
 * First launch: the participant types a passphrase twice and the core
 * creates the vault. The core decides what a valid passphrase is; this
 * model only checks the two copies match.
 */
class FirstLaunchModel(
    private val gateway: VaultGateway,
    private val scope: CoroutineScope,
    private val onCreated: () -> Unit,
    private val biometrics: Biometrics = NoBiometrics,
) {
    private val _state = MutableStateFlow(FirstLaunchUiState(biometricsAvailable = biometrics.available()))
    val state: StateFlow<FirstLaunchUiState> = _state.asStateFlow()

    fun onEvent(event: FirstLaunchEvent) {
        when (event) {
            is FirstLaunchEvent.PassphraseChanged -> _state.update { it.copy(passphrase = event.text, problem = null) }
            is FirstLaunchEvent.ConfirmChanged -> _state.update { it.copy(confirm = event.text, problem = null) }
            FirstLaunchEvent.Create -> create()
            is FirstLaunchEvent.UseBiometrics -> _state.update { it.copy(useBiometrics = event.on && it.biometricsAvailable) }
        }
    }

    private fun create() {
        val s = _state.value
        if (s.busy) return
        if (s.passphrase != s.confirm) {
            _state.update { it.copy(problem = FirstLaunchProblem.Mismatch) }
            return
        }
        _state.update { it.copy(busy = true, problem = null) }
        scope.launch {
            val result = gateway.create(s.passphrase)
            result.onSuccess {
                if (s.useBiometrics) enrolBiometrics()
                _state.value = FirstLaunchUiState(biometricsAvailable = s.biometricsAvailable)
                onCreated()
            }.onFailure { e ->
                val problem = if (e is CoreError.InvalidInput) FirstLaunchProblem.TooShort else FirstLaunchProblem.Failed
                _state.update { it.copy(busy = false, problem = problem) }
            }
        }
    }

    /**
     * A device slot wrapped behind the system prompt; abandoned (slot
     * removed) when the person cancels. The passphrase works either way.
     */
    private suspend fun enrolBiometrics() {
        gateway.addDeviceSlot().onSuccess { slot ->
            val kept = try {
                biometrics.enrol(slot)
            } finally {
                slot.secret.destroy()
            }
            if (!kept) gateway.removeSlot(slot.slotId)
        }
    }
}
