package org.keel.tests

import org.junit.After
import org.junit.Assert.assertArrayEquals
import org.junit.Assert.assertEquals
import org.junit.Assert.assertFalse
import org.junit.Assert.assertTrue
import org.junit.Assert.fail
import org.junit.Before
import org.junit.Rule
import org.junit.Test
import org.junit.rules.TemporaryFolder
import org.keel.core.CalendarDate
import org.keel.core.CancelToken
import org.keel.core.KeelException
import org.keel.core.Moment
import org.keel.core.Now
import org.keel.core.NoteDraft
import org.keel.core.Language
import org.keel.core.ReportRequest
import org.keel.core.ReportTopic
import org.keel.core.RestoreMode
import org.keel.core.Vault
import org.keel.core.checkExportPassphrase
import org.keel.core.generatePassphrase
import org.keel.core.inspectBackupWithoutVault
import org.keel.core.restoreNewVault
import org.keel.core.suggestedBackupFileName
import org.keel.core.suggestedReportFileName
import java.time.Instant
import java.time.ZoneOffset

/**
 * Encrypted backup, restore and the counselor report through the generated
 * Kotlin bindings on the JVM: every exported call, with its error paths.
 * Formats and behaviour are tested in the core; this tests the FFI.
 */
class BackupTest {
    @get:Rule
    val tmp = TemporaryFolder()

    private lateinit var oldPhone: Vault
    private lateinit var newPhone: Vault

    private val backupPassphrase = "maple river candle orbit"
    private val offset = -300

    @Before
    fun createVaults() {
        oldPhone = Vault.create(tmp.root.resolve("old").path, "a long enough passphrase")
        newPhone = Vault.create(tmp.root.resolve("new").path, "another long passphrase")
        oldPhone.addNote(NoteDraft(at(minutesAgo = 90), "first note"))
        oldPhone.addNote(NoteDraft(at(minutesAgo = 30), "second note"))
    }

    @After
    fun closeVaults() {
        for (v in listOf(oldPhone, newPhone)) {
            v.lock()
            v.close()
        }
    }

    /** Now as the phone gives it; Etc/GMT+5 keeps `offset` all year. */
    private fun phoneNow() = Now(System.currentTimeMillis(), "Etc/GMT+5")

    private fun at(minutesAgo: Long = 0) =
        Moment(System.currentTimeMillis() - minutesAgo * 60_000, offset)

    private fun date(t: Moment): CalendarDate {
        val d = Instant.ofEpochMilli(t.utcMillis).atOffset(ZoneOffset.ofTotalSeconds(t.offsetMinutes * 60))
        return CalendarDate(d.year, d.monthValue.toUByte(), d.dayOfMonth.toUByte())
    }

    private fun invalidField(call: () -> Unit): String {
        try {
            call()
        } catch (e: KeelException.InvalidInput) {
            return e.field
        }
        fail("expected InvalidInput")
        return ""
    }

    private fun backupPath(): String {
        val path = tmp.root.resolve(suggestedBackupFileName()).path
        val summary = oldPhone.backupToPath(path, backupPassphrase, phoneNow())
        assertEquals(2uL, summary.records)
        assertEquals(0uL, summary.damagedLeftOut)
        return path
    }

    @Test
    fun backupInspectAndRestoreIntoAnEmptyVault() {
        val path = backupPath()
        assertTrue(Regex("backup-[0-9a-f]{16}\\.bin").matches(java.io.File(path).name))
        val contents = newPhone.inspectBackup(path, backupPassphrase)
        assertEquals(2uL, contents.records)
        assertEquals(0uL, contents.vaultRecords)
        val notes = contents.collections.first { it.collection == "journal.note" }
        assertEquals(2uL, notes.inBackup)
        val done = newPhone.restoreFromPath(path, backupPassphrase, RestoreMode.INTO_EMPTY_VAULT)
        assertEquals(2uL, done.restored)
        assertEquals(listOf("second note", "first note"), newPhone.listNotes().notes.map { it.text })
    }

    @Test
    fun restoreNeedsAnExplicitModeToAddToExistingRecords() {
        val path = backupPath()
        newPhone.addNote(NoteDraft(at(minutesAgo = 1), "already here"))
        assertEquals("mode", invalidField { newPhone.restoreFromPath(path, backupPassphrase, RestoreMode.INTO_EMPTY_VAULT) })
        assertEquals(1, newPhone.listNotes().notes.size)
        newPhone.restoreFromPath(path, backupPassphrase, RestoreMode.ADD_TO_EXISTING)
        assertEquals(3, newPhone.listNotes().notes.size)
    }

    @Test
    fun restoringTheSameBackupTwiceAddsNothingAndANewPhoneRestoresWithoutAVault() {
        val path = backupPath()
        val first = newPhone.restoreFromPath(path, backupPassphrase, RestoreMode.ADD_TO_EXISTING)
        assertEquals(2uL, first.restored)
        val second = newPhone.restoreFromPath(path, backupPassphrase, RestoreMode.ADD_TO_EXISTING)
        assertEquals(0uL, second.restored)
        assertEquals(2uL, second.alreadyPresent)
        assertEquals(2, newPhone.listNotes().notes.size)

        val fresh = tmp.root.resolve("fresh").path
        val done = restoreNewVault(fresh, java.io.File(path).readBytes(), backupPassphrase, "my new passphrase here")
        assertEquals(2uL, done.summary.restored)
        assertEquals(2, done.vault.listNotes().notes.size)
        done.vault.lock()
        done.vault.close()
        try {
            restoreNewVault(fresh, java.io.File(path).readBytes(), backupPassphrase, "my new passphrase here")
            fail("restored over an existing vault")
        } catch (e: KeelException.AlreadyExists) {
        }
    }

    @Test
    fun aBackupIsInspectedOnAPhoneWithNoVaultYet() {
        val made = oldPhone.backupBytes(backupPassphrase, phoneNow())
        val contents = inspectBackupWithoutVault(made.bytes, backupPassphrase)
        assertEquals(2uL, contents.records)
        assertEquals(0uL, contents.vaultRecords)
        assertEquals(offset, contents.createdAt.offsetMinutes)
        assertEquals(2uL, contents.collections.first { it.collection == "journal.note" }.inBackup)
        assertTrue(contents.collections.all { it.inVault == 0uL })
        try {
            inspectBackupWithoutVault(made.bytes, "not the right passphrase")
            fail("expected WrongCredential")
        } catch (e: KeelException.WrongCredential) {
        }
        try {
            inspectBackupWithoutVault(ByteArray(0), backupPassphrase)
            fail("expected DamagedBackup")
        } catch (e: KeelException.DamagedBackup) {
            assertEquals("not_a_backup", e.reason)
        }
        val token = CancelToken()
        token.cancel()
        try {
            inspectBackupWithoutVault(made.bytes, backupPassphrase, cancel = token)
            fail("expected Cancelled")
        } catch (e: KeelException.Cancelled) {
        }
    }

    @Test
    fun wrongPassphraseTamperingAndForeignFilesAreRefused() {
        val path = backupPath()
        try {
            newPhone.restoreFromPath(path, "not the right passphrase", RestoreMode.INTO_EMPTY_VAULT)
            fail("expected WrongCredential")
        } catch (e: KeelException.WrongCredential) {
            // expected
        }
        val bytes = java.io.File(path).readBytes()
        val tampered = tmp.root.resolve("tampered.bin")
        tampered.writeBytes(bytes.copyOf().also { it[it.size - 30] = (it[it.size - 30].toInt() xor 1).toByte() })
        try {
            newPhone.restoreFromPath(tampered.path, backupPassphrase, RestoreMode.INTO_EMPTY_VAULT)
            fail("expected DamagedBackup")
        } catch (e: KeelException.DamagedBackup) {
            assertEquals("chunk_integrity", e.reason)
        }
        val truncated = tmp.root.resolve("truncated.bin")
        truncated.writeBytes(bytes.copyOf(bytes.size - 7))
        try {
            newPhone.inspectBackup(truncated.path, backupPassphrase)
            fail("expected DamagedBackup")
        } catch (e: KeelException.DamagedBackup) {
            assertEquals("truncated", e.reason)
        }
        val foreign = tmp.root.resolve("notes.txt")
        foreign.writeText("just some text")
        try {
            newPhone.inspectBackup(foreign.path, backupPassphrase)
            fail("expected DamagedBackup")
        } catch (e: KeelException.DamagedBackup) {
            assertEquals("not_a_backup", e.reason)
        }
        assertTrue(newPhone.listNotes().notes.isEmpty())
    }

    @Test
    fun passphrasesAreGeneratedAndChecked() {
        val a = generatePassphrase(Language.ENGLISH)
        val b = generatePassphrase(Language.ENGLISH)
        assertFalse(a == b)
        assertEquals(6, a.split(" ").size)
        checkExportPassphrase(a)
        val es = generatePassphrase(Language.SPANISH).split(" ")
        assertEquals(7, es.size)
        assertTrue(es.all { w -> w.all { it in 'a'..'z' } })
        assertEquals("passphrase", invalidField { checkExportPassphrase("short") })
        assertEquals("passphrase", invalidField { oldPhone.backupToPath(tmp.root.resolve("x.bin").path, "short", phoneNow()) })
        val y = tmp.root.resolve("y.bin")
        assertEquals("zone", invalidField { oldPhone.backupToPath(y.path, backupPassphrase, Now(0, "GMT+5")) })
        assertFalse(y.exists())
    }

    @Test
    fun reportPreviewThenEncryptedPage() {
        val now = at()
        val request = ReportRequest(date(at(minutesAgo = 60 * 24 * 7)), date(now), listOf(ReportTopic.JOURNAL), Language.SPANISH, Now(now.utcMillis, "Etc/GMT+5"))
        val preview = oldPhone.reportPreview(request)
        assertEquals("Informe de progreso de Keel", preview.title)
        assertEquals(listOf("overview", "journal"), preview.sections.map { it.id })
        assertEquals(2u, preview.totalRows)
        val file = oldPhone.reportHtml(request, generatePassphrase(Language.SPANISH), preview.fingerprint)
        assertTrue(Regex("report-[0-9a-f]{16}\\.html").matches(file.fileName))
        val page = String(file.html, Charsets.UTF_8)
        assertTrue(page.startsWith("<!DOCTYPE html>"))
        assertFalse(page.contains("first note"))
        assertEquals("fingerprint", invalidField { oldPhone.reportHtml(request, generatePassphrase(Language.SPANISH), "0".repeat(64)) })
        val path = tmp.root.resolve(suggestedReportFileName())
        oldPhone.writeReport(request, backupPassphrase, preview.fingerprint, path.path)
        assertArrayEquals("<!DOCTYPE html>".toByteArray(), path.readBytes().copyOf(15))
    }
}
