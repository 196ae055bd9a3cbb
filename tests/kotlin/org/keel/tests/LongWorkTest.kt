package org.keel.tests

import org.junit.After
import org.junit.Assert.assertEquals
import org.junit.Assert.assertFalse
import org.junit.Assert.assertTrue
import org.junit.Assert.fail
import org.junit.Before
import org.junit.Rule
import org.junit.Test
import org.junit.rules.TemporaryFolder
import org.keel.core.CancelToken
import org.keel.core.DateRangePreset
import org.keel.core.Language
import org.keel.core.KeelException
import org.keel.core.Moment
import org.keel.core.Now
import org.keel.core.NoteDraft
import org.keel.core.Progress
import org.keel.core.ReportRequest
import org.keel.core.ReportTopic
import org.keel.core.RestoreMode
import org.keel.core.Vault
import org.keel.core.generatePassphrase
import org.keel.core.vaultExists
import java.util.Collections
import java.util.concurrent.CountDownLatch
import java.util.concurrent.TimeUnit
import kotlin.concurrent.thread

/**
 * Long calls through the generated Kotlin bindings: a Progress implemented
 * in Kotlin, CancelToken, and lock() answering while a restore holds the
 * vault on another thread (order of events, never durations).
 */
class LongWorkTest {
    @get:Rule
    val tmp = TemporaryFolder()

    private lateinit var vault: Vault
    private val passphrase = "a long enough passphrase"
    private val backupPassphrase = "maple river candle orbit"

    private fun phoneNow() = Now(System.currentTimeMillis(), "Europe/Berlin")

    private class Recorder(
        val cancelAt: Long? = null,
        val token: CancelToken? = null,
        val pauseAt: Long? = null,
    ) : Progress {
        val seen: MutableList<Pair<Long, Long>> = Collections.synchronizedList(mutableListOf())
        val paused = CountDownLatch(1)
        val go = CountDownLatch(1)

        override fun onProgress(done: ULong, total: ULong) {
            seen.add(done.toLong() to total.toLong())
            if (cancelAt != null && done.toLong() >= cancelAt) token?.cancel()
            if (pauseAt != null && done.toLong() >= pauseAt && paused.count > 0) {
                paused.countDown()
                go.await(30, TimeUnit.SECONDS)
            }
        }
    }

    @Before
    fun create() {
        vault = Vault.create(tmp.root.resolve("v").path, passphrase)
        repeat(3) { vault.addNote(NoteDraft(Moment(System.currentTimeMillis() - 60_000, 0), "note $it")) }
    }

    @After
    fun close() {
        vault.lock()
        vault.close()
    }

    @Test
    fun progressRunsToTheEnd() {
        val rec = Recorder()
        vault.backupToPath(tmp.root.resolve("b.bin").path, backupPassphrase, phoneNow(), rec)
        assertEquals(0L, rec.seen.first().first)
        assertEquals(rec.seen.last().second, rec.seen.last().first)
    }

    @Test
    fun cancelledBackupLeavesNoFileAndCancelledCreationNoVault() {
        val token = CancelToken()
        try {
            vault.backupToPath(tmp.root.resolve("b.bin").path, backupPassphrase, phoneNow(), Recorder(1, token), token)
            fail("not cancelled")
        } catch (e: KeelException.Cancelled) {
        }
        assertEquals(listOf("v"), tmp.root.list()!!.sorted())

        val now = CancelToken()
        now.cancel()
        try {
            Vault.create(tmp.root.resolve("new").path, passphrase, null, now)
            fail("not cancelled")
        } catch (e: KeelException.Cancelled) {
        }
        assertFalse(vaultExists(tmp.root.resolve("new").path))
    }

    @Test
    fun lockReturnsWhileARestoreHoldsTheVault() {
        val path = tmp.root.resolve("b.bin").path
        vault.backupToPath(path, backupPassphrase, phoneNow())
        val rec = Recorder(pauseAt = 2)
        val events = Collections.synchronizedList(mutableListOf<String>())
        var error: Exception? = null
        val worker = thread {
            try {
                vault.restoreFromPath(path, backupPassphrase, RestoreMode.ADD_TO_EXISTING, rec)
            } catch (e: KeelException) {
                error = e
            }
            events.add("restore finished")
        }
        assertTrue(rec.paused.await(30, TimeUnit.SECONDS))
        vault.lock()
        assertTrue(vault.isLocked())
        events.add("lock returned")
        rec.go.countDown()
        worker.join()
        assertEquals(listOf("lock returned", "restore finished"), events.toList())
        assertTrue(error is KeelException.Locked)
        vault.unlockWithPassphrase(passphrase)
        assertEquals(3, vault.listNotes().notes.size)
    }

    @Test
    fun rekeyKeepsEveryRecord() {
        try {
            vault.rekey("not the passphrase")
            fail("a wrong passphrase re-keyed")
        } catch (e: KeelException.WrongCredential) {
        }
        val done = vault.rekey(passphrase, Recorder())
        assertEquals(0uL, done.deviceSlotsRemoved)
        assertEquals(3, vault.listNotes().notes.size)
        vault.lock()
        vault.unlockWithPassphrase(passphrase)
        assertEquals(3, vault.listNotes().notes.size)
    }

    @Test
    fun cancelledReportIsNotRememberedAsTheLastOne() {
        val now = phoneNow()
        val week = vault.dateRange(DateRangePreset.LAST7_DAYS, now, Language.ENGLISH)!!
        val request = ReportRequest(week.firstDay, week.lastDay, listOf(ReportTopic.JOURNAL), Language.ENGLISH, now)
        val fingerprint = vault.reportPreview(request).fingerprint
        val words = generatePassphrase(Language.ENGLISH)
        // 0: before building; 1: built; 2: sealed, the last check.
        for (at in 0L..2L) {
            val token = CancelToken()
            try {
                vault.reportHtml(request, words, fingerprint, Recorder(at, token), token)
                fail("not cancelled at $at")
            } catch (e: KeelException.Cancelled) {
            }
            assertEquals(null, vault.dateRange(DateRangePreset.SINCE_LAST_REPORT, now, Language.ENGLISH))
        }
        vault.reportHtml(request, words, fingerprint)
        assertTrue(vault.dateRange(DateRangePreset.SINCE_LAST_REPORT, now, Language.ENGLISH) != null)
    }
}
