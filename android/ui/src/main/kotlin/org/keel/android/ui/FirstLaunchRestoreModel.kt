package org.keel.android.ui

import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Job
import kotlinx.coroutines.delay
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.launch
import org.keel.android.core.BackupCalls
import org.keel.android.core.VaultGateway
import org.keel.core.BackupContents
import org.keel.core.CancelToken
import org.keel.core.Language
import org.keel.core.PassphraseEstimate

/**
 * Restoring from a backup on first launch, in the order the participant
 * meets it: a file ([hasFile]), its passphrase, what it holds and from
 * when ([contents], the core's inspection), then a new passphrase for this
 * phone (with the core's estimate, as on First launch) and the restore.
 * [progress] is 0..1 while the core works (null otherwise); Cancel stops it
 * and nothing is left behind.
 */
data class FirstLaunchRestoreUiState(
    val hasFile: Boolean = false,
    val backupPassphrase: String = "",
    val contents: BackupContents? = null,
    val passphrase: String = "",
    val confirm: String = "",
    val estimate: PassphraseEstimate? = null,
    val progress: Float? = null,
    val problem: BackupProblem? = null,
) {
    val busy: Boolean get() = progress != null
}

sealed interface FirstLaunchRestoreEvent {
    /** Opens the system picker for the backup file. */
    data object PickFile : FirstLaunchRestoreEvent
    data class BackupPassphraseChanged(val text: String) : FirstLaunchRestoreEvent

    /** Opens the file with its passphrase and shows what it holds. */
    data object Inspect : FirstLaunchRestoreEvent
    data class PassphraseChanged(val text: String) : FirstLaunchRestoreEvent
    data class ConfirmChanged(val text: String) : FirstLaunchRestoreEvent
    data object Restore : FirstLaunchRestoreEvent

    /** Stops the core's work in progress; nothing is written. */
    data object Cancel : FirstLaunchRestoreEvent
}

/**
 * A new phone's vault made from a backup file. The file's bytes stay in
 * this model (encrypted: the backup is sealed) and are dropped when the
 * restore is done or the participant leaves. The core inspects the file
 * without a vault, then `restore_new_vault` makes the vault and writes
 * every record; a wrong passphrase, a damaged or newer file, a weak new
 * passphrase or a cancel leaves no vault.
 */
class FirstLaunchRestoreModel(
    private val gateway: VaultGateway,
    private val scope: CoroutineScope,
    private val documents: Documents,
    private val language: () -> Language,
    private val onRestored: () -> Unit,
    private val debounceMillis: Long = FirstLaunchModel.DEBOUNCE_MILLIS,
) {
    private val calls = BackupCalls(gateway)
    private val _state = MutableStateFlow(FirstLaunchRestoreUiState())
    val state: StateFlow<FirstLaunchRestoreUiState> = _state.asStateFlow()

    @Volatile private var file: ByteArray? = null
    @Volatile private var token: CancelToken? = null
    private var estimating: Job? = null

    /** Starts over (shown again from First launch): no file, nothing typed. */
    fun reset() {
        token?.cancel()
        file = null
        estimating?.cancel()
        _state.value = FirstLaunchRestoreUiState()
    }

    fun onEvent(event: FirstLaunchRestoreEvent) {
        when (event) {
            FirstLaunchRestoreEvent.PickFile -> pick()
            is FirstLaunchRestoreEvent.BackupPassphraseChanged ->
                _state.update { it.copy(backupPassphrase = event.text, contents = null, problem = null) }
            FirstLaunchRestoreEvent.Inspect -> inspect()
            is FirstLaunchRestoreEvent.PassphraseChanged -> {
                _state.update { it.copy(passphrase = event.text, estimate = null, problem = null) }
                estimate(debounceMillis)
            }
            is FirstLaunchRestoreEvent.ConfirmChanged -> _state.update { it.copy(confirm = event.text, problem = null) }
            FirstLaunchRestoreEvent.Restore -> restore()
            FirstLaunchRestoreEvent.Cancel -> token?.cancel()
        }
    }

    /** Asks for the estimate again in the current language (after a language change). */
    fun refreshEstimate() = estimate(0)

    private fun pick() {
        if (_state.value.busy) return
        scope.launch {
            val bytes = documents.open(BACKUP_OPEN_MIMES) ?: return@launch // cancelled: nothing changes
            if (bytes.isEmpty()) {
                _state.update { it.copy(problem = BackupProblem.NoFile) }
                return@launch
            }
            file = bytes
            _state.update { it.copy(hasFile = true, contents = null, problem = null) }
        }
    }

    private fun inspect() {
        val s = _state.value
        val bytes = file ?: return
        if (s.busy) return
        val cancel = CancelToken().also { token = it }
        _state.update { it.copy(progress = 0f, problem = null, contents = null) }
        scope.launch {
            calls.inspectWithoutVault(bytes, s.backupPassphrase, progressInto(), cancel)
                .onSuccess { c -> _state.update { it.copy(progress = null, contents = c) } }
                .onFailure { e -> _state.update { it.copy(progress = null, problem = BackupProblem.from(e)) } }
        }
    }

    private fun restore() {
        val s = _state.value
        val bytes = file ?: return
        if (s.busy || s.contents == null) return
        if (s.passphrase != s.confirm) {
            _state.update { it.copy(problem = BackupProblem.Mismatch) }
            return
        }
        val cancel = CancelToken().also { token = it }
        _state.update { it.copy(progress = 0f, problem = null) }
        scope.launch {
            calls.restoreNew(bytes, s.backupPassphrase, s.passphrase, progressInto(), cancel)
                .onSuccess {
                    file = null
                    _state.value = FirstLaunchRestoreUiState()
                    onRestored()
                }
                .onFailure { e ->
                    val problem = BackupProblem.from(e)
                    _state.update { it.copy(progress = null, problem = problem) }
                    if (problem == BackupProblem.Weak) estimate(0)
                }
        }
    }

    private fun progressInto() = FractionProgress { f -> _state.update { if (it.progress != null) it.copy(progress = f) else it } }

    private fun estimate(wait: Long) {
        estimating?.cancel()
        val text = _state.value.passphrase
        if (text.isEmpty()) return
        estimating = scope.launch {
            delay(wait)
            val estimate = gateway.estimatePassphrase(text, language()).getOrNull() ?: return@launch
            _state.update { if (it.passphrase == text) it.copy(estimate = estimate) else it }
        }
    }
}
