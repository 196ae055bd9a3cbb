package org.keel.tests

import org.junit.Assert.assertEquals
import org.junit.Assert.assertFalse
import org.junit.Assert.assertNull
import org.junit.Assert.assertTrue
import org.junit.Assert.fail
import org.junit.Rule
import org.junit.Test
import org.junit.rules.TemporaryFolder
import org.keel.core.CrackTimeUnit
import org.keel.core.KeelException
import org.keel.core.Language
import org.keel.core.Now
import org.keel.core.PassphraseLevel
import org.keel.core.PassphraseWeakness
import org.keel.core.Vault
import org.keel.core.checkExportPassphrase
import org.keel.core.estimatePassphrase
import org.keel.core.generatePassphrase
import org.keel.core.vaultExists

/**
 * Passphrase strength through the generated Kotlin bindings: the estimate
 * a first-launch screen shows while the participant types, in English and
 * Spanish, and the WeakPassphrase refusal wherever a passphrase is set.
 */
class PassphraseTest {
    @get:Rule
    val tmp = TemporaryFolder()

    private val strong = "lantern quietly orbits the marmalade"

    private fun weak(call: () -> Unit): KeelException.WeakPassphrase {
        try {
            call()
        } catch (e: KeelException.WeakPassphrase) {
            return e
        }
        fail("expected WeakPassphrase")
        throw AssertionError()
    }

    @Test
    fun theEstimateNamesThePatternInBothLanguages() {
        val en = estimatePassphrase("123456789012", Language.ENGLISH)
        assertFalse(en.acceptable)
        assertEquals(PassphraseLevel.VERY_WEAK, en.level)
        assertEquals(PassphraseWeakness.SEQUENCE, en.reason)
        assertEquals(CrackTimeUnit.LESS_THAN_A_SECOND, en.crackTime.unit)
        assertTrue(en.message, en.message.contains("1234"))
        val es = estimatePassphrase("123456789012", Language.SPANISH)
        assertEquals(en.reason, es.reason)
        assertEquals("menos de un segundo", es.crackTimeText)
        assertTrue(es.message, es.message.startsWith("Las secuencias"))
        assertEquals(en.suggestions.size, es.suggestions.size)
        assertEquals(PassphraseWeakness.REPEATED, estimatePassphrase("aaaaaaaaaaaa", Language.ENGLISH).reason)
        assertEquals(PassphraseWeakness.COMMON_PASSWORD, estimatePassphrase("password", Language.ENGLISH).reason)
    }

    @Test
    fun aStrongPassphraseHasNoReason() {
        val e = estimatePassphrase(strong, Language.ENGLISH)
        assertTrue(e.acceptable)
        assertNull(e.reason)
        assertTrue(e.suggestions.isEmpty())
        assertTrue(e.guessesLog10 >= 13.0)
        assertTrue(e.crackTimeText, e.crackTimeText.startsWith("about") || e.crackTimeText == "more than a century")
    }

    @Test
    fun generatedPassphrasesAlwaysPass() {
        for (language in Language.entries) repeat(200) {
            val p = generatePassphrase(language)
            assertTrue(p, estimatePassphrase(p, language).acceptable)
            checkExportPassphrase(p)
        }
    }

    @Test
    fun weakPassphrasesAreRefusedWhereverOneIsSet() {
        for (p in listOf("aaaaaaaaaaaa", "123456789012", "12345678", "password")) {
            val folder = tmp.root.resolve("refused").path
            val e = weak { Vault.create(folder, p) }
            assertEquals(estimatePassphrase(p, Language.ENGLISH).reason!!.name.lowercase(), e.reason)
            assertFalse(vaultExists(folder))
            // A report or backup needs 12 characters first (InvalidInput), then strength.
            if (p.length >= 12) {
                weak { checkExportPassphrase(p) }
            } else {
                try {
                    checkExportPassphrase(p)
                    fail("expected InvalidInput")
                } catch (e: KeelException.InvalidInput) {
                    assertEquals("too_short", e.reason)
                }
            }
        }
        Vault.create(tmp.root.resolve("vault").path, strong).use { vault ->
            assertEquals("keyboard_pattern", weak { vault.changePassphrase(strong, "qwsazxcderfv") }.reason)
            weak { vault.backupBytes("aaaaaaaaaaaa", Now(System.currentTimeMillis(), "Europe/Madrid")) }
            vault.lock()
            vault.unlockWithPassphrase(strong)
        }
    }
}
