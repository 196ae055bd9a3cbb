package org.keel.android.ui

import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.launch
import org.keel.android.core.BackupCalls
import org.keel.android.core.VaultGateway
import org.keel.core.BackupContents
import org.keel.core.BackupSummary
import org.keel.core.CancelToken
import org.keel.core.Language
import org.keel.core.RestoreSummary

/** Which half of the Backup and restore screen a progress bar or a problem belongs to. */
enum class BackupTask { Backup, Restore }

/**
 * Backup and restore. Backing up: a backup passphrase ([backupPassphrase],
 * or the core's [suggested] one to write down), then the core makes the
 * encrypted file and the system picker saves it where the participant
 * chooses ([saved] says what went in; [notSaved] when the picker was
 * closed). Restoring into this vault: a file, its passphrase, the core's
 * inspection against this vault ([contents]), an explicit confirmation
 * ([confirming]), then [restored]. [progress] is 0..1 while the core works
 * on [task]; [problem] says why [task] did not happen.
 */
data class BackupUiState(
    val backupPassphrase: String = "",
    val suggested: String? = null,
    val saved: BackupSummary? = null,
    val notSaved: Boolean = false,
    val hasFile: Boolean = false,
    val restorePassphrase: String = "",
    val contents: BackupContents? = null,
    val confirming: Boolean = false,
    val restored: RestoreSummary? = null,
    val task: BackupTask? = null,
    val progress: Float? = null,
    val problem: BackupProblem? = null,
) {
    val busy: Boolean get() = progress != null
    fun problemOf(t: BackupTask): BackupProblem? = problem.takeIf { task == t }
    fun progressOf(t: BackupTask): Float? = progress.takeIf { task == t }
}

sealed interface BackupEvent {
    data class BackupPassphraseChanged(val text: String) : BackupEvent
    data object Suggest : BackupEvent

    /** Makes the backup and opens the system's "save to" picker. */
    data object BackUp : BackupEvent
    data object PickFile : BackupEvent
    data class RestorePassphraseChanged(val text: String) : BackupEvent
    data object Inspect : BackupEvent

    /** Asks for the confirmation; nothing is written yet. */
    data object Restore : BackupEvent

    /** The participant confirmed: the backup's records are added. */
    data object ConfirmRestore : BackupEvent

    /** The participant decided against it at the confirmation. */
    data object KeepAsIs : BackupEvent

    /** Stops the core's work in progress; nothing is written. */
    data object Cancel : BackupEvent
}

/**
 * The Backup and restore screen's model. A restore only ever adds the
 * backup's records beside this vault's own (the core's `AddToExisting`:
 * what the vault holds is kept, never replaced), and only after the
 * participant has seen the inspection and confirmed. The backup's bytes
 * (encrypted) live here only while needed.
 */
class BackupModel(
    gateway: VaultGateway,
    private val scope: CoroutineScope,
    private val documents: Documents,
    private val language: () -> Language,
) {
    private val calls = BackupCalls(gateway)
    private val _state = MutableStateFlow(BackupUiState())
    val state: StateFlow<BackupUiState> = _state.asStateFlow()

    @Volatile private var file: ByteArray? = null
    @Volatile private var token: CancelToken? = null

    /** Shown again: a fresh screen (nothing typed, no file kept from before). */
    fun open() {
        token?.cancel()
        file = null
        _state.value = BackupUiState()
    }

    fun onEvent(event: BackupEvent) {
        when (event) {
            is BackupEvent.BackupPassphraseChanged -> _state.update {
                it.copy(
                    backupPassphrase = event.text,
                    suggested = it.suggested?.takeIf { s -> s == event.text },
                    problem = it.problem.takeIf { _ -> it.task != BackupTask.Backup },
                )
            }
            BackupEvent.Suggest -> suggest()
            BackupEvent.BackUp -> backUp()
            BackupEvent.PickFile -> pick()
            is BackupEvent.RestorePassphraseChanged -> _state.update {
                it.copy(restorePassphrase = event.text, contents = null, confirming = false, problem = it.problem.takeIf { _ -> it.task != BackupTask.Restore })
            }
            BackupEvent.Inspect -> inspect()
            BackupEvent.Restore -> _state.update { if (it.contents != null && !it.busy) it.copy(confirming = true) else it }
            BackupEvent.ConfirmRestore -> restore()
            BackupEvent.KeepAsIs -> _state.update { it.copy(confirming = false) }
            BackupEvent.Cancel -> token?.cancel()
        }
    }

    private fun suggest() {
        if (_state.value.busy) return
        scope.launch {
            calls.suggestPassphrase(language())
                .onSuccess { p -> _state.update { it.copy(backupPassphrase = p, suggested = p, problem = null) } }
                .onFailure { _state.update { it.copy(task = BackupTask.Backup, problem = BackupProblem.Failed) } }
        }
    }

    private fun backUp() {
        val s = _state.value
        if (s.busy) return
        val cancel = CancelToken().also { token = it }
        _state.update { it.copy(task = BackupTask.Backup, progress = 0f, problem = null, saved = null, notSaved = false) }
        scope.launch {
            calls.backup(s.backupPassphrase, progressInto(), cancel)
                .onSuccess { made ->
                    val kept = documents.save(made.fileName, BACKUP_MIME, made.bytes)
                    _state.update {
                        it.copy(progress = null, saved = made.summary.takeIf { kept }, notSaved = !kept)
                    }
                }
                .onFailure { e -> _state.update { it.copy(progress = null, problem = BackupProblem.from(e, BackupProblem.BackupTooShort)) } }
        }
    }

    private fun pick() {
        if (_state.value.busy) return
        scope.launch {
            val bytes = documents.open(BACKUP_OPEN_MIMES) ?: return@launch
            if (bytes.isEmpty()) {
                _state.update { it.copy(task = BackupTask.Restore, problem = BackupProblem.NoFile) }
                return@launch
            }
            file = bytes
            _state.update { it.copy(hasFile = true, contents = null, confirming = false, restored = null, problem = null) }
        }
    }

    private fun inspect() {
        val s = _state.value
        val bytes = file ?: return
        if (s.busy) return
        val cancel = CancelToken().also { token = it }
        _state.update { it.copy(task = BackupTask.Restore, progress = 0f, problem = null, contents = null, restored = null) }
        scope.launch {
            calls.inspect(bytes, s.restorePassphrase, progressInto(), cancel)
                .onSuccess { c -> _state.update { it.copy(progress = null, contents = c) } }
                .onFailure { e -> _state.update { it.copy(progress = null, problem = BackupProblem.from(e)) } }
        }
    }

    private fun restore() {
        val s = _state.value
        val bytes = file ?: return
        if (s.busy || !s.confirming || s.contents == null) return
        val cancel = CancelToken().also { token = it }
        _state.update { it.copy(task = BackupTask.Restore, progress = 0f, problem = null, confirming = false) }
        scope.launch {
            calls.restore(bytes, s.restorePassphrase, progressInto(), cancel)
                .onSuccess { r ->
                    file = null
                    _state.update { it.copy(progress = null, restored = r, hasFile = false, contents = null, restorePassphrase = "") }
                }
                .onFailure { e -> _state.update { it.copy(progress = null, problem = BackupProblem.from(e)) } }
        }
    }

    private fun progressInto() = FractionProgress { f -> _state.update { if (it.progress != null) it.copy(progress = f) else it } }
}
