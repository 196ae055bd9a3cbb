package org.keel.android.jvm

import org.junit.Assert.assertEquals
import org.junit.Assert.assertTrue
import org.junit.Test
import org.keel.android.desktop.XmlStringSource
import org.keel.android.ui.Str
import org.keel.core.Language

class StringsTest {
    private val en = Fixtures.strings.readAll(Language.ENGLISH)
    private val es = Fixtures.strings.readAll(Language.SPANISH)
    private val placeholder = Regex("""%(\d+\$)?[sdf]""")

    @Test
    fun englishAndSpanishHaveTheSameKeys() {
        assertEquals(en.keys.sorted(), es.keys.sorted())
    }

    @Test
    fun placeholdersMatchKeyByKey() {
        for (key in en.keys) {
            assertEquals(key, placeholder.findAll(en.getValue(key)).map { it.value }.toSet(),
                placeholder.findAll(es.getValue(key)).map { it.value }.toSet())
        }
    }

    @Test
    fun theStrEnumIsExactlyTheKeys() {
        assertEquals(en.keys.sorted(), Str.entries.map { it.name }.sorted())
    }

    @Test
    fun noTextIsEmptyAndEveryTextFormats() {
        for (lang in Language.entries) {
            val s = Fixtures.strings.strings(lang)
            for (key in Str.entries) {
                val raw = if (lang == Language.ENGLISH) en.getValue(key.name) else es.getValue(key.name)
                val args: Array<Any> = placeholder.findAll(raw).map { if (it.value.endsWith("d")) 7 else "x" }.toList().toTypedArray()
                assertTrue("$lang $key", s.get(key, *args).isNotBlank())
            }
        }
    }

    @Test
    fun eachPartsFileHasItsSpanishTwin() {
        assertEquals(Fixtures.strings.files(Language.ENGLISH).map { it.name }, Fixtures.strings.files(Language.SPANISH).map { it.name })
    }

    @Test
    fun androidEscapesAreRead() {
        assertEquals("Keel's data", XmlStringSource.unescape("Keel\\'s data"))
        assertEquals("a\nb", XmlStringSource.unescape("a\\nb"))
        assertTrue(en.getValue("screen_forgot_start_over").contains("this app's data"))
    }
}
