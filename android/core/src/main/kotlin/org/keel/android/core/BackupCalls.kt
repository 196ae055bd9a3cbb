package org.keel.android.core

import org.keel.core.BackupContents
import org.keel.core.BackupFile
import org.keel.core.CancelToken
import org.keel.core.Language
import org.keel.core.Progress
import org.keel.core.RestoreMode
import org.keel.core.RestoreSummary
import org.keel.core.generatePassphrase
import org.keel.core.inspectBackupWithoutVault

/**
 * The core's backup and restore calls, through the gateway's one door. The
 * long ones (a key derivation each) take the screen's [Progress] and
 * [CancelToken]: the core reports its steps and stops at the next one when
 * the token is cancelled, writing nothing.
 */
class BackupCalls(private val gateway: VaultGateway) {
    /** What the backup [bytes] hold and from when, on a phone with no vault yet; writes nothing. */
    suspend fun inspectWithoutVault(bytes: ByteArray, passphrase: String, progress: Progress?, cancel: CancelToken?): Result<BackupContents> =
        gateway.withCore { inspectBackupWithoutVault(bytes, passphrase, progress, cancel) }

    /** A new vault made from the backup [bytes] under the new [passphrase], unlocked (first launch). */
    suspend fun restoreNew(bytes: ByteArray, backupPassphrase: String, passphrase: String, progress: Progress?, cancel: CancelToken?): Result<RestoreSummary> =
        gateway.restoreNew(bytes, backupPassphrase, passphrase, progress, cancel)

    /** A passphrase of common words in [language] for a backup; the core always accepts it. */
    suspend fun suggestPassphrase(language: Language): Result<String> = gateway.withCore { generatePassphrase(language) }

    /** An encrypted backup of every record, in memory, with the core's neutral file name. */
    suspend fun backup(passphrase: String, progress: Progress?, cancel: CancelToken?): Result<BackupFile> =
        gateway.withVault { vault, now -> vault.backupBytes(passphrase, now, progress, cancel) }

    /** What the backup [bytes] hold set against this vault, collection by collection; writes nothing. */
    suspend fun inspect(bytes: ByteArray, passphrase: String, progress: Progress?, cancel: CancelToken?): Result<BackupContents> =
        gateway.withVault { vault, _ -> vault.inspectBackupBytes(bytes, passphrase, progress, cancel) }

    /** Adds the backup's records to this vault (those it already holds are kept, not replaced), all or nothing. */
    suspend fun restore(bytes: ByteArray, passphrase: String, progress: Progress?, cancel: CancelToken?): Result<RestoreSummary> =
        gateway.withVault { vault, _ -> vault.restoreBackupBytes(bytes, passphrase, RestoreMode.ADD_TO_EXISTING, progress, cancel) }
}
