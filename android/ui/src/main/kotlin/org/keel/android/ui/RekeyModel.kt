package org.keel.android.ui

import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.launch
import org.keel.android.core.CoreError
import org.keel.android.core.RekeyCalls
import org.keel.core.CancelToken
import org.keel.core.RekeySummary

/** Why the key was not renewed; in every case nothing was changed. */
enum class RekeyProblem { WrongPassphrase, Cancelled, Locked, StorageFull, Failed }

/**
 * Renewing the key, a section of Settings: the passphrase, then the core's
 * work ([progress] 0..1 while it runs, with Cancel), then [done] (the
 * core's summary) or a [problem]. [biometricEnded]: fingerprint or face
 * unlock was on and is now off (the core removed the device slots).
 */
data class RekeyUiState(
    val passphrase: String = "",
    val progress: Float? = null,
    val problem: RekeyProblem? = null,
    /** Wrong passphrases in a row. */
    val failures: Int = 0,
    /** Seconds before the next attempt after a wrong passphrase; 0 = may try now. */
    val waitSeconds: Int = 0,
    val done: RekeySummary? = null,
    val biometricEnded: Boolean = false,
) {
    val busy: Boolean get() = progress != null
    val canSubmit: Boolean get() = !busy && waitSeconds == 0 && passphrase.isNotEmpty()
}

sealed interface RekeyEvent {
    data class PassphraseChanged(val text: String) : RekeyEvent
    data object Start : RekeyEvent

    /** Stops the core's work; nothing is changed. */
    data object Cancel : RekeyEvent
}

/**
 * Renewing the vault's key (the core's `Vault.rekey`, docs/security.md "Re-key"):
 * for when someone who knew an old passphrase may have copied the phone's
 * data. The core seals every record again under a new key and removes every
 * device slot, so the phone's wrapped secret for biometric unlock opens
 * nothing any more: it is forgotten here and [onBiometricEnded] lets
 * Settings show the switch off. A wrong passphrase waits as Unlock does
 * ([PassphraseWait]); a cancel, a lock or any failure changes nothing.
 */
class RekeyModel(
    private val calls: RekeyCalls,
    private val scope: CoroutineScope,
    tick: suspend (Long) -> Unit,
    private val biometrics: Biometrics = NoBiometrics,
    private val onBiometricEnded: () -> Unit = {},
) {
    private val _state = MutableStateFlow(RekeyUiState())
    val state: StateFlow<RekeyUiState> = _state.asStateFlow()

    @Volatile private var token: CancelToken? = null

    private val wait = PassphraseWait(scope, tick, { _state.value.waitSeconds }) {
        _state.update { it.copy(waitSeconds = (it.waitSeconds - 1).coerceAtLeast(0)) }
    }

    /** Settings shown: a fresh section unless the work is still running; a running wait is kept. */
    fun open() {
        _state.update { if (it.busy) it else RekeyUiState(failures = it.failures, waitSeconds = it.waitSeconds) }
    }

    fun onEvent(event: RekeyEvent) {
        when (event) {
            is RekeyEvent.PassphraseChanged -> _state.update { if (it.busy) it else it.copy(passphrase = event.text, problem = null, done = null) }
            RekeyEvent.Start -> start()
            RekeyEvent.Cancel -> token?.cancel()
        }
    }

    private fun start() {
        val s = _state.value
        if (!s.canSubmit) return
        val cancel = CancelToken().also { token = it }
        _state.update { it.copy(progress = 0f, problem = null, done = null, biometricEnded = false) }
        val progress = FractionProgress { f -> _state.update { if (it.busy) it.copy(progress = f) else it } }
        scope.launch {
            calls.rekey(s.passphrase, progress, cancel)
                .onSuccess { summary ->
                    // The vault's device slots are gone: the phone's wrapped secret opens nothing now.
                    val wasOn = biometrics.enrolled()
                    if (wasOn) biometrics.forget()
                    val ended = wasOn || summary.deviceSlotsRemoved > 0uL
                    _state.value = RekeyUiState(done = summary, biometricEnded = ended)
                    if (ended) onBiometricEnded()
                }
                .onFailure { e ->
                    when (CoreError.from(e)) {
                        CoreError.WrongPassphrase -> {
                            val failures = _state.value.failures + 1
                            _state.update {
                                it.copy(
                                    progress = null,
                                    passphrase = "",
                                    problem = RekeyProblem.WrongPassphrase,
                                    failures = failures,
                                    waitSeconds = UnlockModel.waitAfter(failures),
                                )
                            }
                            wait.start()
                        }
                        CoreError.Cancelled -> _state.update { it.copy(progress = null, problem = RekeyProblem.Cancelled) }
                        CoreError.Locked -> _state.update { it.copy(progress = null, passphrase = "", problem = RekeyProblem.Locked) }
                        CoreError.StorageFull -> _state.update { it.copy(progress = null, problem = RekeyProblem.StorageFull) }
                        else -> _state.update { it.copy(progress = null, problem = RekeyProblem.Failed) }
                    }
                }
            token = null
        }
    }

    companion object {
        /** The text key that says [problem]. */
        fun problemText(problem: RekeyProblem): Str = when (problem) {
            RekeyProblem.WrongPassphrase -> Str.screen_settings_rekey_wrong
            RekeyProblem.Cancelled -> Str.screen_settings_rekey_cancelled
            RekeyProblem.Locked -> Str.common_locked
            RekeyProblem.StorageFull -> Str.common_storage_full
            RekeyProblem.Failed -> Str.screen_settings_rekey_failed
        }
    }
}
