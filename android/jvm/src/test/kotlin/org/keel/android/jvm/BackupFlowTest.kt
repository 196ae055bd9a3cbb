package org.keel.android.jvm

import androidx.compose.ui.test.hasClickAction
import androidx.compose.ui.test.hasSetTextAction
import androidx.compose.ui.test.hasText
import androidx.compose.ui.test.junit4.createComposeRule
import androidx.compose.ui.test.performClick
import androidx.compose.ui.test.performScrollTo
import androidx.compose.ui.test.performTextClearance
import androidx.compose.ui.test.performTextInput
import java.io.File
import kotlinx.coroutines.CompletableDeferred
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.SupervisorJob
import kotlinx.coroutines.runBlocking
import org.junit.Assert.assertArrayEquals
import org.junit.Assert.assertEquals
import org.junit.Assert.assertFalse
import org.junit.Assert.assertTrue
import org.junit.Rule
import org.junit.Test
import org.junit.rules.TemporaryFolder
import org.keel.android.core.RustVaultGateway
import org.keel.android.core.VaultGateway
import org.keel.android.ui.AppModel
import org.keel.android.ui.KeelApp
import org.keel.android.ui.Route
import org.keel.android.ui.Str
import org.keel.core.CancelToken
import org.keel.core.CravingDraft
import org.keel.core.CravingOutcome
import org.keel.core.EntryContext
import org.keel.core.Halt
import org.keel.core.Language
import org.keel.core.Moment
import org.keel.core.Now
import org.keel.core.Progress
import org.keel.core.RestoreSummary
import org.keel.core.Vault
import org.keel.core.inspectBackupWithoutVault

/**
 * Backup and restore through the screens, on real vaults in a temp folder:
 * restoring on first launch, backing up to a file the participant picks,
 * and restoring into this vault after the inspection and a confirmation.
 * The system picker is [RecordingDocuments].
 */
class BackupFlowTest {
    @get:Rule val rule = createComposeRule()
    @get:Rule val tmp = TemporaryFolder()

    private val en = Fixtures.strings.strings(Language.ENGLISH)
    private val backupPassphrase = "maple river candle orbit"
    private val newPassphrase = "quiet harbor lantern seven"
    private val offset = Fixtures.clock.zone.rules.getOffset(Fixtures.clock.instant()).totalSeconds / 60
    private val now = Now(Fixtures.clock.millis(), Fixtures.clock.zone.id)

    private fun craving(hoursAgo: Long, intensity: Int) = CravingDraft(
        at = Moment(Fixtures.clock.millis() - hoursAgo * 3_600_000, offset),
        intensity = intensity.toUByte(),
        durationMinutes = null,
        triggers = emptyList(),
        context = EntryContext("", "", Halt(false, false, false, false), null),
        coping = emptyList(),
        outcome = CravingOutcome.RODE_IT_OUT,
        notes = "",
    )

    /** A backup made on "the old phone": [levels] cravings, under [backupPassphrase]. */
    private fun oldPhoneBackup(vararg levels: Int): ByteArray =
        Vault.create(File(tmp.root, "old").path, Fixtures.PASSPHRASE).use { v ->
            levels.forEachIndexed { i, level -> v.addCraving(craving(i + 1L, level)) }
            v.backupBytes(backupPassphrase, now).bytes
        }

    private fun launch(gateway: VaultGateway, documents: RecordingDocuments): AppModel {
        val app = AppModel(gateway, MemorySettings(), CoroutineScope(SupervisorJob() + Dispatchers.Default), documents = documents)
        rule.setContent { KeelApp(app, Fixtures.strings, RecordingPhone(), dark = false) }
        app.start()
        return app
    }

    private fun shown(text: String, substring: Boolean = false) =
        rule.onAllNodes(hasText(text, substring = substring)).fetchSemanticsNodes().isNotEmpty()

    private fun waitFor(text: String, substring: Boolean = false) = rule.waitUntil(30_000) { shown(text, substring) }

    private fun tap(text: String) {
        rule.waitUntil(30_000) { rule.onAllNodes(hasClickAction() and hasText(text)).fetchSemanticsNodes().isNotEmpty() }
        rule.onNode(hasClickAction() and hasText(text)).performScrollTo().performClick()
    }

    private fun type(label: String, text: String) {
        val field = rule.onNode(hasSetTextAction() and hasText(label))
        field.performScrollTo().performTextClearance()
        field.performTextInput(text)
    }

    private fun vaultGateway(dir: String = "vault") = Fixtures.gateway(File(tmp.root, dir))

    @Test
    fun firstLaunchRestoresABackupAfterShowingWhatItHolds() {
        val backup = oldPhoneBackup(6, 4)
        val documents = RecordingDocuments(toOpen = backup)
        val gateway = vaultGateway()
        val app = launch(gateway, documents)
        waitFor(en[Str.screen_first_launch_title])
        tap(en[Str.screen_first_launch_restore])
        waitFor(en[Str.screen_restore_new_title])
        tap(en[Str.screen_backup_choose_file])
        waitFor(en[Str.screen_backup_file_chosen])
        assertEquals(listOf(listOf("*/*")), documents.opened)

        // The wrong backup passphrase: said plainly, nothing made.
        type(en[Str.screen_backup_passphrase], "not the right one")
        tap(en[Str.screen_backup_open])
        waitFor(en[Str.screen_backup_problem_wrong_passphrase])
        assertFalse(runBlocking { gateway.exists() })

        // The right one: what the file holds and from when, before any passphrase for this phone.
        type(en[Str.screen_backup_passphrase], backupPassphrase)
        tap(en[Str.screen_backup_open])
        waitFor(en[Str.screen_backup_contents_records, 2])
        waitFor(en[Str.common_bullet, en[Str.screen_backup_contents_line, en[Str.backup_kind_cravings], 2]])
        val made = inspectBackupWithoutVault(backup, backupPassphrase).createdAt
        waitFor(en[Str.screen_backup_contents_made, org.keel.android.ui.formatMoment(made, Language.ENGLISH)])
        assertFalse(runBlocking { gateway.exists() })

        // A new passphrase with the core's estimate; two different copies are refused first.
        type(en[Str.common_passphrase], newPassphrase)
        rule.waitUntil(30_000) { app.firstLaunchRestore.state.value.estimate != null }
        waitFor(en[Str.screen_first_launch_crack_time, app.firstLaunchRestore.state.value.estimate!!.crackTimeText])
        type(en[Str.screen_first_launch_confirm], "something else")
        tap(en[Str.screen_restore_new_action, 2])
        waitFor(en[Str.screen_first_launch_mismatch])
        assertFalse(runBlocking { gateway.exists() })
        type(en[Str.screen_first_launch_confirm], newPassphrase)
        tap(en[Str.screen_restore_new_action, 2])

        // Today, with the old phone's entries, under the new passphrase.
        waitFor(en[Str.screen_today_level, 6])
        assertEquals(listOf<Route>(Route.Today), app.backStack.value)
        assertEquals(2, runBlocking { gateway.today(Language.ENGLISH).getOrThrow() }.recent.size)
        gateway.lock()
        assertTrue(runBlocking { gateway.unlock(newPassphrase) }.isSuccess)
    }

    @Test
    fun aStoppedOrRefusedRestoreOnFirstLaunchLeavesNoVault() {
        val backup = oldPhoneBackup(5)
        val documents = RecordingDocuments(toOpen = backup)
        val gateway = PausingGateway(vaultGateway())
        launch(gateway, documents)
        waitFor(en[Str.screen_first_launch_title])
        tap(en[Str.screen_first_launch_restore])
        tap(en[Str.screen_backup_choose_file])
        type(en[Str.screen_backup_passphrase], backupPassphrase)
        tap(en[Str.screen_backup_open])
        waitFor(en[Str.screen_backup_contents_records, 1])

        // Too easy to guess: the core refuses it, no vault.
        type(en[Str.common_passphrase], "password")
        type(en[Str.screen_first_launch_confirm], "password")
        tap(en[Str.screen_restore_new_action, 1])
        waitFor(en[Str.screen_backup_problem_weak])
        assertFalse(runBlocking { gateway.exists() })

        // Stopped while the core works: the progress and Cancel, then nothing left.
        type(en[Str.common_passphrase], newPassphrase)
        type(en[Str.screen_first_launch_confirm], newPassphrase)
        gateway.pause()
        tap(en[Str.screen_restore_new_action, 1])
        waitFor(en[Str.action_cancel])
        tap(en[Str.action_cancel])
        gateway.resume()
        waitFor(en[Str.screen_backup_problem_cancelled])
        assertFalse(runBlocking { gateway.exists() })
        // The participant can still go on: Back (in the top bar) to First launch.
        rule.onNode(hasClickAction() and hasText(en[Str.action_back])).performClick()
        waitFor(en[Str.screen_first_launch_create])
    }

    @Test
    fun aDamagedFileIsRefusedOnFirstLaunch() {
        val backup = oldPhoneBackup(5).also { it[it.size - 30] = (it[it.size - 30].toInt() xor 1).toByte() }
        val gateway = vaultGateway()
        launch(gateway, RecordingDocuments(toOpen = backup))
        waitFor(en[Str.screen_first_launch_title])
        tap(en[Str.screen_first_launch_restore])
        tap(en[Str.screen_backup_choose_file])
        type(en[Str.screen_backup_passphrase], backupPassphrase)
        tap(en[Str.screen_backup_open])
        waitFor(en[Str.screen_backup_problem_damaged])
        assertFalse(runBlocking { gateway.exists() })
    }

    /** A vault with [levels] cravings, opened in the app through Unlock, then the Backup and restore screen. */
    private fun backupScreen(documents: RecordingDocuments, vararg levels: Int): Pair<AppModel, RustVaultGateway> {
        val dir = File(tmp.root, "vault")
        Vault.create(dir.path, Fixtures.PASSPHRASE).use { v -> levels.forEachIndexed { i, l -> v.addCraving(craving(10L + i, l)) } }
        val gateway = Fixtures.gateway(dir)
        val app = launch(gateway, documents)
        waitFor(en[Str.screen_unlock_title])
        rule.onNode(hasSetTextAction() and hasText(en[Str.screen_unlock_passphrase])).performTextInput(Fixtures.PASSPHRASE)
        tap(en[Str.screen_unlock_action])
        waitFor(en[Str.screen_today_recent])
        tap(en[Str.action_backup])
        waitFor(en[Str.screen_backup_title])
        return app to gateway
    }

    @Test
    fun aBackupGoesWhereTheParticipantPicksUnderTheCoresNeutralName() {
        val documents = RecordingDocuments()
        val (app, _) = backupScreen(documents, 3, 7)
        // The core's suggested passphrase, in clear to be written down, already typed.
        tap(en[Str.screen_first_launch_suggest])
        waitFor(en[Str.screen_first_launch_suggested])
        tap(en[Str.screen_backup_make_action])
        waitFor(en[Str.screen_backup_saved, 2])
        val (name, bytes) = documents.saved.entries.single()
        assertTrue(name, Regex("backup-[0-9a-f]{16}\\.bin").matches(name))
        assertArrayEquals("KEELBAK1".toByteArray(), bytes.copyOf(8))
        val suggested = app.backup.state.value.suggested!!
        assertEquals(2uL, inspectBackupWithoutVault(bytes, suggested).records)

        // The picker closed without a place: said so, nothing kept.
        documents.cancelSave = true
        tap(en[Str.screen_backup_make_action])
        waitFor(en[Str.screen_backup_not_saved])
        assertEquals(1, documents.saved.size)

        // A passphrase too short, or too easy to guess, makes no backup.
        documents.cancelSave = false
        type(en[Str.screen_backup_passphrase], "password")
        tap(en[Str.screen_backup_make_action])
        waitFor(en[Str.screen_backup_problem_too_short])
        type(en[Str.screen_backup_passphrase], "123456789012")
        tap(en[Str.screen_backup_make_action])
        waitFor(en[Str.screen_backup_problem_weak])
        assertEquals(1, documents.saved.size)
    }

    @Test
    fun aRestoreIntoThisVaultShowsBothSidesAndAddsOnlyAfterConfirmation() {
        val backup = oldPhoneBackup(6, 4)
        val documents = RecordingDocuments(toOpen = backup)
        val (_, gateway) = backupScreen(documents, 2)
        fun recent() = runBlocking { gateway.today(Language.ENGLISH).getOrThrow() }.recent.size

        tap(en[Str.screen_backup_choose_file])
        waitFor(en[Str.screen_backup_file_chosen])
        type(en[Str.screen_backup_restore_passphrase], backupPassphrase)
        tap(en[Str.screen_backup_open])
        // Both sides, before anything is written.
        waitFor(en[Str.screen_backup_contents_vault_records, 1])
        waitFor(en[Str.common_bullet, en[Str.screen_backup_contents_line_vault, en[Str.backup_kind_cravings], 2, 1]])
        tap(en[Str.screen_backup_restore_action])
        waitFor(en[Str.screen_backup_confirm, 2])
        // "No" writes nothing.
        tap(en[Str.screen_backup_confirm_no])
        rule.waitUntil(30_000) { !shown(en[Str.screen_backup_confirm, 2]) }
        assertEquals(1, recent())
        // "Yes" adds them beside this vault's own.
        tap(en[Str.screen_backup_restore_action])
        tap(en[Str.screen_backup_confirm_yes])
        waitFor(en[Str.screen_backup_restored, 2, 0])
        assertEquals(3, recent())

        // The same file again adds nothing: the records are already here.
        tap(en[Str.screen_backup_choose_file])
        type(en[Str.screen_backup_restore_passphrase], backupPassphrase)
        tap(en[Str.screen_backup_open])
        waitFor(en[Str.screen_backup_contents_vault_records, 3])
        tap(en[Str.screen_backup_restore_action])
        tap(en[Str.screen_backup_confirm_yes])
        waitFor(en[Str.screen_backup_restored, 0, 2])
        assertEquals(3, recent())
    }

    @Test
    fun aStoppedRestoreIntoThisVaultWritesNothing() {
        val backup = oldPhoneBackup(6, 4)
        val documents = RecordingDocuments(toOpen = backup)
        val dir = File(tmp.root, "vault")
        Vault.create(dir.path, Fixtures.PASSPHRASE).use { v -> v.addCraving(craving(10, 2)) }
        val gateway = PausingGateway(Fixtures.gateway(dir))
        launch(gateway, documents)
        waitFor(en[Str.screen_unlock_title])
        rule.onNode(hasSetTextAction() and hasText(en[Str.screen_unlock_passphrase])).performTextInput(Fixtures.PASSPHRASE)
        tap(en[Str.screen_unlock_action])
        tap(en[Str.action_backup])
        tap(en[Str.screen_backup_choose_file])
        type(en[Str.screen_backup_restore_passphrase], backupPassphrase)
        tap(en[Str.screen_backup_open])
        waitFor(en[Str.screen_backup_contents_vault_records, 1])
        tap(en[Str.screen_backup_restore_action])
        gateway.pause()
        tap(en[Str.screen_backup_confirm_yes])
        tap(en[Str.action_cancel])
        gateway.resume()
        waitFor(en[Str.screen_backup_problem_cancelled])
        assertEquals(1, runBlocking { gateway.today(Language.ENGLISH).getOrThrow() }.recent.size)
        // An empty file is no backup: said so, nothing changes.
        documents.toOpen = ByteArray(0)
        tap(en[Str.screen_backup_choose_other])
        waitFor(en[Str.screen_backup_problem_no_file])
    }
}

/**
 * The real gateway, with a gate before each long backup call: while
 * [pause]d, a call waits (the screen shows its progress and Cancel) until
 * [resume], then reaches the core with whatever the participant did
 * meanwhile; so a cancel is tested without racing a clock.
 */
class PausingGateway(private val real: RustVaultGateway) : VaultGateway by real {
    @Volatile private var gate: CompletableDeferred<Unit>? = null

    fun pause() {
        gate = CompletableDeferred()
    }

    fun resume() {
        gate?.complete(Unit)
        gate = null
    }

    private suspend fun waitGate() {
        gate?.await()
    }

    override suspend fun <T> withVault(block: (vault: Vault, now: Now) -> T): Result<T> {
        waitGate()
        return real.withVault(block)
    }

    override suspend fun restoreNew(
        backup: ByteArray,
        backupPassphrase: String,
        passphrase: String,
        progress: Progress?,
        cancel: CancelToken?,
    ): Result<RestoreSummary> {
        waitGate()
        return real.restoreNew(backup, backupPassphrase, passphrase, progress, cancel)
    }
}
