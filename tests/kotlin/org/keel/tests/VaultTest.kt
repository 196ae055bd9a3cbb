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
import org.keel.core.KeelException
import org.keel.core.KeySlotKind
import org.keel.core.Moment
import org.keel.core.Now
import org.keel.core.NoteDraft
import org.keel.core.Vault
import org.keel.core.salvageVault
import org.keel.core.vaultExists
import java.io.File
import java.security.MessageDigest
import kotlin.random.Random

/**
 * The vault and journal notes through the generated Kotlin bindings on the
 * JVM: every exported call, each error path, and hostile input (empty, over
 * 1 MB, malformed) answered by a typed exception that loses nothing.
 */
class VaultTest {
    @get:Rule
    val tmp = TemporaryFolder()

    private val passphrase = "a long enough passphrase"
    private val huge = "x".repeat(1024 * 1024 + 1)
    private val malformedIds = listOf("", huge, "not-an-id", "zz".repeat(16), "00".repeat(15), "\u0000".repeat(32))

    private lateinit var folder: String
    private lateinit var vault: Vault

    @Before
    fun createVault() {
        folder = tmp.root.resolve("vault").path
        vault = Vault.create(folder, passphrase)
    }

    @After
    fun closeVault() {
        vault.lock()
        vault.close()
    }

    private inline fun <reified E : KeelException> expect(call: () -> Unit): E {
        try {
            call()
        } catch (e: KeelException) {
            if (e is E) return e
            fail("expected ${E::class.simpleName}, got ${e::class.simpleName}: ${e.message}")
        }
        fail("expected ${E::class.simpleName}, got no error")
        throw AssertionError()
    }

    private fun now() = Moment(System.currentTimeMillis(), 60)

    private fun hashes(dir: File): Map<String, String> =
        dir.walk().filter { it.isFile }.associate { f ->
            f.path to MessageDigest.getInstance("SHA-256").digest(f.readBytes()).joinToString("") { "%02x".format(it) }
        }

    @Test
    fun createOpenLockUnlock() {
        assertTrue(vaultExists(folder))
        assertFalse(vault.isLocked())
        vault.lock()
        assertTrue(vault.isLocked())
        vault.unlockWithPassphrase(passphrase)
        assertFalse(vault.isLocked())
        Vault.open(folder).use { again ->
            assertTrue(again.isLocked())
            again.unlockWithPassphrase(passphrase)
            assertFalse(again.isLocked())
        }
        expect<KeelException.AlreadyExists> { Vault.create(folder, "yet another passphrase") }
        expect<KeelException.NotFound> { Vault.open(tmp.root.resolve("missing").path) }
    }

    @Test
    fun badPathsAndPassphrasesAreRefusedByName() {
        for (path in listOf("", "   ", huge, "a\u0000b")) {
            assertFalse(vaultExists(path))
            assertEquals("path", expect<KeelException.InvalidInput> { Vault.create(path, passphrase) }.field)
            assertEquals("path", expect<KeelException.InvalidInput> { Vault.open(path) }.field)
        }
        val fresh = tmp.root.resolve("fresh").path
        for (bad in listOf("", "short", " ".repeat(20), huge, "long enough\u0000")) {
            assertEquals("passphrase", expect<KeelException.InvalidInput> { Vault.create(fresh, bad) }.field)
        }
        assertFalse(vaultExists(fresh))
    }

    @Test
    fun aFileThatIsNotAVaultIsReportedAndKept() {
        val dir = tmp.root.resolve("junk").apply { mkdirs() }
        val junk = Random(7).nextBytes(8192)
        dir.resolve("vault.db").writeBytes(junk)
        val kept = expect<KeelException.Damaged> { Vault.open(dir.path).close() }.keptAs
        assertArrayEquals(junk, dir.resolve("vault.db").readBytes())
        assertArrayEquals(junk, dir.resolve(kept).readBytes())
    }

    @Test
    fun aDamagedVaultIsSalvagedIntoAWorkingOne() {
        val texts = (0 until 300).map { vault.addNote(NoteDraft(now(), "note $it")).text }.toSet()
        vault.close()
        val db = File(folder, "vault.db")
        val damaged = db.readBytes().let { it.copyOf(it.size * 2 / 3) }
        db.writeBytes(damaged)

        expect<KeelException.WrongCredential> { salvageVault(folder, "not the passphrase", Now(System.currentTimeMillis(), "Europe/Madrid")) }
        val report = salvageVault(folder, passphrase, Now(System.currentTimeMillis(), "Europe/Madrid"))
        assertTrue(report.recovered > 0uL && report.recovered < 300uL)
        assertArrayEquals(damaged, File(folder, report.keptAs).readBytes())

        vault = Vault.open(folder)
        vault.unlockWithPassphrase(passphrase)
        val got = vault.listNotes().notes.map { it.text }
        assertEquals(report.recovered, got.size.toULong())
        assertTrue(texts.containsAll(got))

        assertEquals("path", expect<KeelException.InvalidInput> { salvageVault("", passphrase, Now(System.currentTimeMillis(), "Europe/Madrid")) }.field)
        expect<KeelException.NotFound> { salvageVault(tmp.root.resolve("none").path, passphrase, Now(System.currentTimeMillis(), "Europe/Madrid")) }
        assertEquals("zone", expect<KeelException.InvalidInput> { salvageVault(tmp.root.resolve("none").path, passphrase, Now(0, "")) }.field)
    }

    @Test
    fun wrongCredentialsChangeNoByte() {
        vault.addDeviceSlot()
        // Closing folds the write-ahead log into the file, as an app that
        // was swiped away would; the refusals below then must not touch it.
        vault.close()
        vault = Vault.open(folder)
        val before = hashes(File(folder))
        for (attempt in listOf("", "wrong passphrase", huge)) {
            expect<KeelException.WrongCredential> { vault.unlockWithPassphrase(attempt) }
        }
        expect<KeelException.WrongCredential> { vault.unlockWithDeviceSecret(Random(1).nextBytes(32)) }
        for (secret in listOf(ByteArray(0), ByteArray(31), ByteArray(33), ByteArray(1024 * 1024 + 1))) {
            assertEquals("device_secret", expect<KeelException.InvalidInput> { vault.unlockWithDeviceSecret(secret) }.field)
        }
        assertTrue(vault.isLocked())
        assertEquals(before, hashes(File(folder)))
    }

    @Test
    fun deviceSlots() {
        val slot = vault.addDeviceSlot()
        val secret = slot.secret.exposeBytes()
        assertEquals(32, secret.size)
        assertEquals(setOf(KeySlotKind.PASSPHRASE, KeySlotKind.DEVICE), vault.listSlots().map { it.kind }.toSet())
        vault.lock()
        vault.unlockWithDeviceSecret(secret)
        assertFalse(vault.isLocked())

        for (id in malformedIds) {
            assertEquals("slot_id", expect<KeelException.InvalidInput> { vault.removeSlot(id) }.field)
        }
        expect<KeelException.NotFound> { vault.removeSlot("00".repeat(16)) }
        val passphraseSlot = vault.listSlots().single { it.kind == KeySlotKind.PASSPHRASE }
        expect<KeelException.InvalidInput> { vault.removeSlot(passphraseSlot.id) }
        vault.removeSlot(slot.slotId)
        vault.lock()
        expect<KeelException.WrongCredential> { vault.unlockWithDeviceSecret(secret) }
        expect<KeelException.Locked> { vault.addDeviceSlot() }
        expect<KeelException.Locked> { vault.listSlots() }
        expect<KeelException.Locked> { vault.removeSlot(slot.slotId) }
    }

    @Test
    fun printingADeviceSecretShowsNoneOfIt() {
        val slot = vault.addDeviceSlot()
        val secret = slot.secret.exposeBytes()
        assertArrayEquals(secret, slot.secret.exposeBytes())
        assertEquals("DeviceSecret(..)", slot.secret.toString())
        val printed = listOf(slot.toString(), slot.secret.toString(), "$slot", "${slot.secret}")
        assertTrue(printed[0].contains(slot.slotId))
        val hex = secret.joinToString("") { "%02x".format(it) }
        val forms = listOf(
            hex,
            hex.uppercase(),
            secret.contentToString(),
            secret.map { it.toUByte().toString() }.joinToString(", "),
            java.util.Base64.getEncoder().encodeToString(secret).take(40),
        )
        for (text in printed) {
            for (form in forms) assertFalse(text, text.contains(form))
            // No run of 4 of its bytes, in hex or as numbers, either.
            for (i in 0 until secret.size - 3) {
                assertFalse(text, text.contains(hex.substring(2 * i, 2 * i + 8), ignoreCase = true))
                assertFalse(text, text.contains(secret.copyOfRange(i, i + 4).joinToString(", ")))
            }
        }
    }

    @Test
    fun changePassphrase() {
        expect<KeelException.WrongCredential> { vault.changePassphrase("not the passphrase", "a brand new passphrase") }
        expect<KeelException.WrongCredential> { vault.changePassphrase(huge, "a brand new passphrase") }
        for (bad in listOf("", "short", huge)) {
            assertEquals("new_passphrase", expect<KeelException.InvalidInput> { vault.changePassphrase(passphrase, bad) }.field)
        }
        vault.changePassphrase(passphrase, "a brand new passphrase")
        vault.lock()
        expect<KeelException.WrongCredential> { vault.unlockWithPassphrase(passphrase) }
        vault.unlockWithPassphrase("a brand new passphrase")
    }

    @Test
    fun notes() {
        val a = vault.addNote(NoteDraft(now(), "  first thought  "))
        assertEquals("first thought", a.text)
        val b = vault.addNote(NoteDraft(Moment(a.writtenAt.utcMillis + 1000, 60), "second"))
        assertEquals(listOf(b.id, a.id), vault.listNotes().notes.map { it.id })
        assertEquals(a.id, vault.updateNote(a.id, NoteDraft(a.writtenAt, "first, edited")).id)
        assertEquals("first, edited", vault.getNote(a.id).text)
        vault.deleteNote(a.id)
        expect<KeelException.NotFound> { vault.getNote(a.id) }
        assertTrue(vault.listNotes().damagedIds.isEmpty())
    }

    @Test
    fun badNotesAreRefusedAndNothingIsLost() {
        val kept = vault.addNote(NoteDraft(now(), "kept"))
        for (text in listOf("", "   ", huge, "a\u0000b")) {
            assertEquals("text", expect<KeelException.InvalidInput> { vault.addNote(NoteDraft(now(), text)) }.field)
            expect<KeelException.InvalidInput> { vault.updateNote(kept.id, NoteDraft(now(), text)) }
        }
        for (moment in listOf(Moment(Long.MAX_VALUE, 0), Moment(Long.MIN_VALUE, 0), Moment(0, 100_000), Moment(0, Int.MIN_VALUE))) {
            expect<KeelException.InvalidInput> { vault.addNote(NoteDraft(moment, "a note")) }
        }
        val draft = NoteDraft(now(), "a note")
        for (id in malformedIds) {
            assertEquals("id", expect<KeelException.InvalidInput> { vault.getNote(id) }.field)
            assertEquals("id", expect<KeelException.InvalidInput> { vault.updateNote(id, draft) }.field)
            assertEquals("id", expect<KeelException.InvalidInput> { vault.deleteNote(id) }.field)
        }
        val unknown = "00".repeat(16)
        expect<KeelException.NotFound> { vault.getNote(unknown) }
        expect<KeelException.NotFound> { vault.updateNote(unknown, draft) }
        expect<KeelException.NotFound> { vault.deleteNote(unknown) }
        assertEquals(listOf("kept"), vault.listNotes().notes.map { it.text })

        vault.lock()
        expect<KeelException.Locked> { vault.addNote(draft) }
        expect<KeelException.Locked> { vault.updateNote(kept.id, draft) }
        expect<KeelException.Locked> { vault.getNote(kept.id) }
        expect<KeelException.Locked> { vault.listNotes() }
        expect<KeelException.Locked> { vault.deleteNote(kept.id) }
    }

    @Test
    fun wipe() {
        val slot = vault.addDeviceSlot()
        val note = vault.addNote(NoteDraft(now(), "to be wiped"))
        vault.lock()
        expect<KeelException.Locked> { vault.wipe() }
        vault.unlockWithPassphrase(passphrase)
        vault.wipe()
        assertFalse(vaultExists(folder))
        expect<KeelException.NotFound> { vault.unlockWithPassphrase(passphrase) }
        expect<KeelException.NotFound> { vault.unlockWithDeviceSecret(slot.secret.exposeBytes()) }
        expect<KeelException.NotFound> { vault.getNote(note.id) }
        expect<KeelException.NotFound> { vault.listSlots() }
        expect<KeelException.NotFound> { vault.wipe() }
    }
}
