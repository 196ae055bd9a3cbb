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

enum class PassphraseChangeProblem { Mismatch, TooShort, Weak, WrongCurrent, Failed }

data class PassphraseChangeUiState(
    val current: String = "",
    val new: String = "",
    val confirm: String = "",
    val busy: Boolean = false,
    val problem: PassphraseChangeProblem? = null,
    /** The core's estimate of [new]; null while nothing is typed or it is being worked out. */
    val estimate: PassphraseEstimate? = null,
    /** The passphrase the core suggested, shown in clear to be written down; null once edited. */
    val suggested: String? = null,
    /** Wrong current passphrases in a row. */
    val failures: Int = 0,
    /** Seconds before the next attempt after a wrong current passphrase; 0 = may try now. */
    val waitSeconds: Int = 0,
    /** The passphrase was changed. */
    val done: Boolean = false,
) {
    val canSubmit: Boolean get() = !busy && waitSeconds == 0 && current.isNotEmpty() && new.isNotEmpty()
}

sealed interface PassphraseChangeEvent {
    data class CurrentChanged(val text: String) : PassphraseChangeEvent
    data class NewChanged(val text: String) : PassphraseChangeEvent
    data class ConfirmChanged(val text: String) : PassphraseChangeEvent
    data object Suggest : PassphraseChangeEvent
    data object Submit : PassphraseChangeEvent
}

/**
 * Changing the passphrase: the current one, the new one twice. As on First
 * launch, the core estimates the new one while it is typed (debounced) and
 * refuses a weak one when changing; the core's `change_passphrase` checks
 * the current one (two key derivations, on the gateway's dispatcher). A
 * wrong current passphrase waits as Unlock does ([UnlockModel.waitAfter]),
 * so an unlocked phone in someone else's hands is no faster a guessing
 * machine than a locked one. Device slots are kept: biometric unlock goes on
 * working.
 */
class SettingsPassphraseModel(
    private val gateway: VaultGateway,
    private val scope: CoroutineScope,
    private val language: () -> Language,
    private val tick: suspend (Long) -> Unit,
    private val debounceMillis: Long = FirstLaunchModel.DEBOUNCE_MILLIS,
) {
    private val _state = MutableStateFlow(PassphraseChangeUiState())
    val state: StateFlow<PassphraseChangeUiState> = _state.asStateFlow()

    private var estimating: Job? = null
    private val wait = PassphraseWait(scope, tick, { _state.value.waitSeconds }) {
        _state.update { it.copy(waitSeconds = (it.waitSeconds - 1).coerceAtLeast(0)) }
    }

    /** A fresh form each time the screen opens; a running wait is kept. */
    fun open() {
        estimating?.cancel()
        _state.update { PassphraseChangeUiState(failures = it.failures, waitSeconds = it.waitSeconds) }
    }

    /** Asks for the estimate again in the current language (after a language change). */
    fun refreshEstimate() = estimate(0)

    fun onEvent(event: PassphraseChangeEvent) {
        when (event) {
            is PassphraseChangeEvent.CurrentChanged -> _state.update { it.copy(current = event.text, problem = null) }
            is PassphraseChangeEvent.NewChanged -> {
                _state.update {
                    it.copy(new = event.text, problem = null, estimate = null, suggested = it.suggested?.takeIf { s -> s == event.text })
                }
                estimate(debounceMillis)
            }
            is PassphraseChangeEvent.ConfirmChanged -> _state.update { it.copy(confirm = event.text, problem = null) }
            PassphraseChangeEvent.Suggest -> suggest()
            PassphraseChangeEvent.Submit -> submit()
        }
    }

    private fun estimate(wait: Long) {
        estimating?.cancel()
        val text = _state.value.new
        if (text.isEmpty()) return
        estimating = scope.launch {
            delay(wait)
            val estimate = gateway.estimatePassphrase(text, language()).getOrNull() ?: return@launch
            _state.update { if (it.new == text) it.copy(estimate = estimate) else it }
        }
    }

    private fun suggest() {
        if (_state.value.busy) return
        scope.launch {
            gateway.suggestPassphrase(language()).onSuccess { suggestion ->
                _state.update { it.copy(new = suggestion, confirm = suggestion, suggested = suggestion, problem = null, estimate = null) }
                estimate(0)
            }.onFailure { _state.update { it.copy(problem = PassphraseChangeProblem.Failed) } }
        }
    }

    private fun submit() {
        val s = _state.value
        if (!s.canSubmit) return
        if (s.new != s.confirm) {
            _state.update { it.copy(problem = PassphraseChangeProblem.Mismatch) }
            return
        }
        _state.update { it.copy(busy = true, problem = null) }
        scope.launch {
            gateway.withVault { vault, _ -> vault.changePassphrase(s.current, s.new) }
                .onSuccess { _state.value = PassphraseChangeUiState(done = true) }
                .onFailure { e ->
                    when (e) {
                        CoreError.WrongPassphrase -> {
                            val failures = _state.value.failures + 1
                            _state.update {
                                it.copy(
                                    busy = false,
                                    current = "",
                                    problem = PassphraseChangeProblem.WrongCurrent,
                                    failures = failures,
                                    waitSeconds = UnlockModel.waitAfter(failures),
                                )
                            }
                            wait.start()
                        }
                        is CoreError.WeakPassphrase -> {
                            _state.update { it.copy(busy = false, problem = PassphraseChangeProblem.Weak) }
                            estimate(0)
                        }
                        is CoreError.InvalidInput -> _state.update { it.copy(busy = false, problem = PassphraseChangeProblem.TooShort) }
                        else -> _state.update { it.copy(busy = false, problem = PassphraseChangeProblem.Failed) }
                    }
                }
        }
    }
}
