package org.keel.android.jvm

import java.io.File
import java.nio.file.Files
import org.keel.android.ui.BackupProblem
import org.keel.android.ui.BackupTask
import org.keel.android.ui.BackupUiState
import org.keel.android.ui.FirstLaunchRestoreUiState
import org.keel.core.BackupContents
import org.keel.core.BackupFile
import org.keel.core.Language
import org.keel.core.RestoreMode
import org.keel.core.RestoreSummary
import org.keel.core.Vault
import org.keel.core.estimatePassphrase
import org.keel.core.inspectBackupWithoutVault

/**
 * The Backup and restore screens' states for the gallery, from the core's
 * real records: a backup of the gallery's participant vault in each
 * language, inspected without a vault (first launch) and against that same
 * vault (everything already there), and restored into a new vault.
 */
object BackupShots {
    const val BACKUP_PASSPHRASE = "maple river candle orbit"

    private fun made(data: GalleryData, language: Language): BackupFile = data.cached("backup-file-$language") {
        data.vault(language).backupBytes(BACKUP_PASSPHRASE, data.now)
    }

    /** What the backup holds, as first launch sees it (no vault yet). */
    fun contentsAlone(data: GalleryData, language: Language): BackupContents = data.cached("backup-alone-$language") {
        inspectBackupWithoutVault(made(data, language).bytes, BACKUP_PASSPHRASE)
    }

    /** The same backup set against the vault it came from: every record already there. */
    fun contentsAgainst(data: GalleryData, language: Language): BackupContents = data.cached("backup-against-$language") {
        data.vault(language).inspectBackupBytes(made(data, language).bytes, BACKUP_PASSPHRASE)
    }

    /** The backup restored twice into a new vault: what the second time says (nothing added). */
    fun restoredAgain(data: GalleryData, language: Language): RestoreSummary = data.cached("backup-restored-$language") {
        val dir: File = Files.createTempDirectory("keel-gallery-restore").toFile()
        try {
            Vault.create(File(dir, "v").path, Fixtures.PASSPHRASE).use { v ->
                val bytes = made(data, language).bytes
                v.restoreBackupBytes(bytes, BACKUP_PASSPHRASE, RestoreMode.ADD_TO_EXISTING)
                v.restoreBackupBytes(bytes, BACKUP_PASSPHRASE, RestoreMode.ADD_TO_EXISTING)
            }
        } finally {
            dir.deleteRecursively()
        }
    }

    fun restoreStart() = FirstLaunchRestoreUiState()

    fun restoreWrongPassphrase() = FirstLaunchRestoreUiState(hasFile = true, backupPassphrase = "maple river", problem = BackupProblem.WrongBackupPassphrase)

    fun restoreContents(data: GalleryData, language: Language): FirstLaunchRestoreUiState {
        val typed = "quiet harbor lantern seven"
        return FirstLaunchRestoreUiState(
            hasFile = true,
            backupPassphrase = BACKUP_PASSPHRASE,
            contents = contentsAlone(data, language),
            passphrase = typed,
            confirm = typed,
            estimate = estimatePassphrase(typed, language),
        )
    }

    fun restoreWorking(data: GalleryData, language: Language) = restoreContents(data, language).copy(progress = 0.4f)

    fun backupSaved(data: GalleryData, language: Language): BackupUiState {
        // A fixed draw of each language's list, so the PNGs do not change from run to run.
        val suggested = if (language == Language.ENGLISH) "maple orbit candle river stone light" else "mesa gato nube lago tren sol pino"
        return BackupUiState(backupPassphrase = suggested, suggested = suggested, saved = made(data, language).summary)
    }

    fun backupWorking() = BackupUiState(backupPassphrase = BACKUP_PASSPHRASE, task = BackupTask.Backup, progress = 0.6f)

    fun backupWeak() = BackupUiState(backupPassphrase = "password", task = BackupTask.Backup, problem = BackupProblem.Weak, notSaved = false)

    fun restoreConfirm(data: GalleryData, language: Language) = BackupUiState(
        hasFile = true,
        restorePassphrase = BACKUP_PASSPHRASE,
        contents = contentsAgainst(data, language),
        confirming = true,
    )

    fun restoreDamaged() = BackupUiState(hasFile = true, restorePassphrase = BACKUP_PASSPHRASE, task = BackupTask.Restore, problem = BackupProblem.Damaged)

    fun restoreDone(data: GalleryData, language: Language) = BackupUiState(restored = restoredAgain(data, language))
}
