package org.keel.android.ui

import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Job
import kotlinx.coroutines.delay
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.launch
import org.keel.android.core.CoreError
import org.keel.android.core.VaultGateway
import org.keel.core.Language
import org.keel.core.PassphraseEstimate

enum class FirstLaunchProblem { Mismatch, TooShort, Weak, Failed }

data class FirstLaunchUiState(
    val passphrase: String = "",
    val confirm: String = "",
    val busy: Boolean = false,
    val problem: FirstLaunchProblem? = null,
    /** The phone offers biometric unlock: show the opt-in. */
    val biometricsAvailable: Boolean = false,
    /** The participant opted in to biometric unlock (off until they choose it). */
    val useBiometrics: Boolean = false,
    /** The core's estimate of [passphrase]; null while nothing is typed or it is being worked out. */
    val estimate: PassphraseEstimate? = null,
    /** The passphrase the core suggested, shown in clear so it can be written down; null once edited. */
    val suggested: String? = null,
)

sealed interface FirstLaunchEvent {
    data class PassphraseChanged(val text: String) : FirstLaunchEvent
    data class ConfirmChanged(val text: String) : FirstLaunchEvent
    data object Suggest : FirstLaunchEvent
    data object Create : FirstLaunchEvent
    data class UseBiometrics(val on: Boolean) : FirstLaunchEvent
}

/**
 * First launch: the participant types a passphrase twice and the core
 * creates the vault. The core decides what a strong enough passphrase is:
 * while the participant types, this model asks it for its estimate
 * (debounced, on the gateway's background dispatcher) and shows the level,
 * the reason in plain words and what to do instead; it can also ask the
 * core for a generated passphrase. The core refuses a weak one at creation
 * whatever the screen showed; this model only checks the two copies match.
 */
class FirstLaunchModel(
    private val gateway: VaultGateway,
    private val scope: CoroutineScope,
    private val language: () -> Language = { Language.ENGLISH },
    /** Quiet time after the last keystroke before the estimate is asked for. */
    private val debounceMillis: Long = DEBOUNCE_MILLIS,
    private val onCreated: () -> Unit,
    private val biometrics: Biometrics = NoBiometrics,
) {
    private val _state = MutableStateFlow(FirstLaunchUiState(biometricsAvailable = biometrics.available()))
    val state: StateFlow<FirstLaunchUiState> = _state.asStateFlow()

    private var estimating: Job? = null

    fun onEvent(event: FirstLaunchEvent) {
        when (event) {
            is FirstLaunchEvent.PassphraseChanged -> {
                _state.update {
                    it.copy(
                        passphrase = event.text,
                        problem = null,
                        estimate = null,
                        suggested = it.suggested?.takeIf { s -> s == event.text },
                    )
                }
                estimate(debounceMillis)
            }
            is FirstLaunchEvent.ConfirmChanged -> _state.update { it.copy(confirm = event.text, problem = null) }
            FirstLaunchEvent.Suggest -> suggest()
            FirstLaunchEvent.Create -> create()
            is FirstLaunchEvent.UseBiometrics -> _state.update { it.copy(useBiometrics = event.on && it.biometricsAvailable) }
        }
    }

    /** Asks for the estimate again at once, in the current language (after a language change). */
    fun refreshEstimate() = estimate(0)

    private fun estimate(wait: Long) {
        estimating?.cancel()
        val text = _state.value.passphrase
        if (text.isEmpty()) return
        estimating = scope.launch {
            delay(wait)
            val estimate = gateway.estimatePassphrase(text, language()).getOrNull() ?: return@launch
            // A newer keystroke wins: its own estimate is on the way.
            _state.update { if (it.passphrase == text) it.copy(estimate = estimate) else it }
        }
    }

    private fun suggest() {
        if (_state.value.busy) return
        scope.launch {
            val suggestion = gateway.suggestPassphrase(language()).getOrNull()
            if (suggestion == null) {
                _state.update { it.copy(problem = FirstLaunchProblem.Failed) }
                return@launch
            }
            _state.update {
                it.copy(passphrase = suggestion, confirm = suggestion, suggested = suggestion, problem = null, estimate = null)
            }
            estimate(0)
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
                val problem = when (e) {
                    is CoreError.WeakPassphrase -> FirstLaunchProblem.Weak
                    is CoreError.InvalidInput -> FirstLaunchProblem.TooShort
                    else -> FirstLaunchProblem.Failed
                }
                _state.update { it.copy(busy = false, problem = problem) }
                // The reason in plain words, without waiting for a keystroke.
                if (problem == FirstLaunchProblem.Weak) estimate(0)
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

    companion object {
        /** Long enough to skip most keystrokes of a fast typist, short enough to feel live. */
        const val DEBOUNCE_MILLIS = 300L
    }
}
