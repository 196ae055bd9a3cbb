package org.keel.android.core

import org.keel.core.KeelException

/**
 * Why a gateway call failed, as the screens act on it. Mapped once from the
 * bindings' [KeelException] so no screen depends on the generated error
 * classes, and no message text (written by the core, in English) reaches a
 * person: screens show their own localised text for each case.
 */
sealed class CoreError : Exception() {
    /** The passphrase (or device secret) did not open the vault. */
    data object WrongPassphrase : CoreError()

    /** The vault is locked: show Unlock. */
    data object Locked : CoreError()

    /**
     * A value was refused; [field] names it and [reason] says why (both the
     * core's codes, listed in docs/errors.md, e.g. `at` / `in_future`), so a
     * screen can say in its own words what to change. Nothing was written.
     */
    data class InvalidInput(val field: String, val reason: String = "") : CoreError()

    /** A new passphrase is too easy to guess; [reason] is the core's code. Nothing was written. */
    data class WeakPassphrase(val reason: String) : CoreError()

    data object NotFound : CoreError()

    /** Someone else saved first (the plan); [currentRevision] is theirs. Reload, then save again. */
    data class Conflict(val currentRevision: UInt?) : CoreError()

    /** The phone's storage is full; nothing was written. */
    data object StorageFull : CoreError()

    /** A backup file is not one, or is damaged; the vault is unchanged. */
    data object DamagedBackup : CoreError()

    data object AlreadyExists : CoreError()

    /** The vault file is damaged; a copy was kept aside (never deleted). */
    data class Damaged(val keptAs: String) : CoreError()

    /** A newer app wrote the vault: update the app. */
    data object NewerFormat : CoreError()

    data object Cancelled : CoreError()

    /** Storage failed, a record failed its integrity check, or anything else. */
    data object Internal : CoreError()

    companion object {
        /** The one mapping from the bindings' errors. */
        fun from(e: Throwable): CoreError = when (e) {
            is CoreError -> e
            is KeelException.WrongCredential -> WrongPassphrase
            is KeelException.Locked -> Locked
            is KeelException.InvalidInput -> InvalidInput(e.field, e.reason)
            is KeelException.WeakPassphrase -> WeakPassphrase(e.reason)
            is KeelException.NotFound -> NotFound
            is KeelException.Conflict -> Conflict(e.currentRevision)
            is KeelException.StorageFull -> StorageFull
            is KeelException.DamagedBackup -> DamagedBackup
            is KeelException.AlreadyExists -> AlreadyExists
            is KeelException.Damaged -> Damaged(e.keptAs)
            is KeelException.NewerFormat -> NewerFormat
            is KeelException.Cancelled -> Cancelled
            // Integrity, Storage, and variants newer than this shell: the
            // screen offers the generic "something went wrong" path.
            else -> Internal
        }
    }
}
