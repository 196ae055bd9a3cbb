package org.keel.android.ui

import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.launch
import org.keel.android.core.CoreError
import org.keel.android.core.VaultGateway

data class UnlockUiState(
    val passphrase: String = "",
    val busy: Boolean = false,
    /** Wrong passphrases in a row since the app started. */
    val failures: Int = 0,
    /** Seconds left before the next attempt; 0 = may try now. */
    val waitSeconds: Int = 0,
    val wrong: Boolean = false,
    val failed: Boolean = false,
    /** A biometric can unlock this vault on this phone: show its button. */
    val biometric: Boolean = false,
    /** A new biometric was enrolled on the phone, which ended biometric unlock: say so. */
    val biometricEnded: Boolean = false,
) {
    val canSubmit: Boolean get() = !busy && waitSeconds == 0 && passphrase.isNotEmpty()
}

sealed interface UnlockEvent {
    data class PassphraseChanged(val text: String) : UnlockEvent
    data object Submit : UnlockEvent

    /** Unlock with a biometric (the system prompt, then the device secret). */
    data object Biometric : UnlockEvent
}

/**
 * Unlock with the passphrase. The core counts nothing on disk (a failed
 * attempt writes nothing, docs/decisions.md), so the shell adds a growing
 * wait between attempts: [waitAfter] seconds after the n-th failure in a row.
 */
class UnlockModel(
    private val gateway: VaultGateway,
    private val scope: CoroutineScope,
    private val tick: suspend (Long) -> Unit,
    private val onUnlocked: () -> Unit,
    private val biometrics: Biometrics = NoBiometrics,
) {
    private val _state = MutableStateFlow(UnlockUiState())
    val state: StateFlow<UnlockUiState> = _state.asStateFlow()
    private val wait = PassphraseWait(scope, tick, { _state.value.waitSeconds }) {
        _state.update { it.copy(waitSeconds = (it.waitSeconds - 1).coerceAtLeast(0)) }
    }

    /** A device slot whose key a new enrolment destroyed: removed after the next passphrase unlock. */
    @Volatile private var orphanSlot: String? = null

    fun onEvent(event: UnlockEvent) {
        when (event) {
            is UnlockEvent.PassphraseChanged -> _state.update { it.copy(passphrase = event.text) }
            UnlockEvent.Submit -> submit()
            UnlockEvent.Biometric -> biometric()
        }
    }

    private fun biometric() {
        if (_state.value.busy || !_state.value.biometric) return
        _state.update { it.copy(busy = true, failed = false) }
        scope.launch {
            when (val result = biometrics.unlock()) {
                is BiometricUnlock.Secret -> gateway.unlockWithDeviceSecret(result.bytes)
                    .onSuccess {
                        _state.value = UnlockUiState(biometric = true)
                        onUnlocked()
                    }
                    .onFailure { _state.update { it.copy(busy = false, failed = true) } }
                BiometricUnlock.Cancelled -> _state.update { it.copy(busy = false) }
                is BiometricUnlock.Invalidated -> {
                    orphanSlot = result.slotId
                    _state.update { it.copy(busy = false, biometric = false, biometricEnded = true) }
                }
            }
        }
    }

    /** Clears the typed passphrase when Unlock is shown again; keeps the wait. */
    fun reset() {
        _state.update { it.copy(passphrase = "", busy = false, failed = false, biometric = biometrics.enrolled()) }
    }

    private fun submit() {
        val s = _state.value
        if (!s.canSubmit) return
        _state.update { it.copy(busy = true, wrong = false, failed = false) }
        scope.launch {
            gateway.unlock(s.passphrase).onSuccess {
                orphanSlot?.let { id -> gateway.removeSlot(id).onSuccess { orphanSlot = null } }
                _state.value = UnlockUiState(biometric = biometrics.enrolled())
                onUnlocked()
            }.onFailure { e ->
                if (e == CoreError.WrongPassphrase) {
                    val failures = _state.value.failures + 1
                    _state.update {
                        it.copy(busy = false, wrong = true, failures = failures, passphrase = "", waitSeconds = waitAfter(failures))
                    }
                    wait.start()
                } else {
                    _state.update { it.copy(busy = false, failed = true) }
                }
            }
        }
    }

    companion object {
        /** 5 s after the first failure, doubling, at most 5 minutes. */
        fun waitAfter(failures: Int): Int =
            if (failures <= 0) 0 else (5L shl (failures - 1).coerceAtMost(16)).coerceAtMost(300L).toInt()
    }
}
