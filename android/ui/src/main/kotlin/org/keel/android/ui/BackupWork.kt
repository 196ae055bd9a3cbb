package org.keel.android.ui

import org.keel.android.core.CoreError
import org.keel.core.Progress

/**
 * The core's progress on a long backup call, handed to [onFraction] as
 * 0..1. The core calls it on its own thread; the model only writes it into
 * its state flow.
 */
class FractionProgress(private val onFraction: (Float) -> Unit) : Progress {
    override fun onProgress(done: ULong, total: ULong) {
        if (total > 0uL) onFraction((done.toDouble() / total.toDouble()).toFloat().coerceIn(0f, 1f))
    }
}

/** Why a backup or a restore did not happen, as the screens say it; nothing was written in any case. */
enum class BackupProblem {
    /** No file was read (an empty file, or the picker failed). */
    NoFile,

    /** The backup passphrase does not open the file. */
    WrongBackupPassphrase,

    /** Not a Keel backup, or changed or damaged since it was made. */
    Damaged,

    /** Made by a newer Keel, or holds records this one does not know: update the app. */
    Newer,

    /** The file is larger than a backup can be. */
    TooLarge,

    /** The new vault passphrase is too short. */
    TooShort,

    /** The new backup passphrase is too short (a backup's rule: 12 characters or 4 words). */
    BackupTooShort,

    /** A new passphrase is too easy to guess. */
    Weak,

    /** The two copies of the new passphrase differ. */
    Mismatch,

    /** The participant stopped it. */
    Cancelled,

    /** The phone's storage is full. */
    StorageFull,

    /** The vault locked meanwhile. */
    Locked,

    /** Anything else. */
    Failed,
    ;

    companion object {
        /**
         * From the core's error on a backup call. An `InvalidInput` of
         * `passphrase` is [tooShort] (the call's new passphrase); of
         * `backup`, a file too large or holding unknown records; any other
         * field is a plain failure.
         */
        fun from(e: Throwable, tooShort: BackupProblem = TooShort): BackupProblem = when (val c = CoreError.from(e)) {
            CoreError.WrongPassphrase -> WrongBackupPassphrase
            CoreError.DamagedBackup -> Damaged
            CoreError.NewerFormat -> Newer
            CoreError.Cancelled -> Cancelled
            CoreError.StorageFull -> StorageFull
            CoreError.Locked -> Locked
            is CoreError.WeakPassphrase -> Weak
            is CoreError.InvalidInput -> when (c.field) {
                "passphrase" -> tooShort
                "backup" -> TooLarge
                else -> Failed
            }
            else -> Failed
        }
    }
}

/** The text key that says [problem] to the participant. */
fun backupProblemText(problem: BackupProblem): Str = when (problem) {
    BackupProblem.NoFile -> Str.screen_backup_problem_no_file
    BackupProblem.WrongBackupPassphrase -> Str.screen_backup_problem_wrong_passphrase
    BackupProblem.Damaged -> Str.screen_backup_problem_damaged
    BackupProblem.Newer -> Str.screen_backup_problem_newer
    BackupProblem.TooLarge -> Str.screen_backup_problem_too_large
    BackupProblem.TooShort -> Str.screen_first_launch_too_short
    BackupProblem.BackupTooShort -> Str.screen_backup_problem_too_short
    BackupProblem.Weak -> Str.screen_backup_problem_weak
    BackupProblem.Mismatch -> Str.screen_first_launch_mismatch
    BackupProblem.Cancelled -> Str.screen_backup_problem_cancelled
    BackupProblem.StorageFull -> Str.common_storage_full
    BackupProblem.Locked -> Str.common_locked
    BackupProblem.Failed -> Str.screen_backup_problem_failed
}

/** MIME types for the backup file: saved as opaque bytes; opened from any type, as file providers label `.bin` files differently. */
const val BACKUP_MIME = "application/octet-stream"
val BACKUP_OPEN_MIMES = listOf("*/*")
