package org.keel.android.desktop

import java.io.File
import javax.xml.parsers.DocumentBuilderFactory
import org.keel.android.ui.StringSource
import org.keel.android.ui.Str
import org.keel.android.ui.Strings
import org.keel.core.Language
import org.w3c.dom.Element

/**
 * The desktop build's texts: the Android resource files themselves
 * (res/values/strings*.xml, res/values-es/strings*.xml: one file per part of
 * the app, merged as Android's resource compiler merges them), parsed here
 * so both builds show the same words.
 */
class XmlStringSource(private val resDir: File) : StringSource {
    private val cache = HashMap<Language, Strings>()

    override fun strings(language: Language): Strings = synchronized(cache) {
        cache.getOrPut(language) {
            val raw = readAll(language)
            Strings(language, Str.entries.associateWith { raw[it.name] ?: error("${it.name} missing for $language") })
        }
    }

    /** The resource files of [language], in name order: strings.xml, strings_meetings.xml, … */
    fun files(language: Language): List<File> {
        val dir = when (language) {
            Language.ENGLISH -> File(resDir, "values")
            Language.SPANISH -> File(resDir, "values-es")
        }
        return dir.listFiles { f -> f.name.startsWith("strings") && f.name.endsWith(".xml") }.orEmpty().sortedBy { it.name }
    }

    /** Every text of [language] across its files; a key defined twice is an error, as it is for Android. */
    fun readAll(language: Language): Map<String, String> {
        val out = LinkedHashMap<String, String>()
        for (f in files(language)) {
            for ((k, v) in read(f)) check(out.put(k, v) == null) { "$k defined twice for $language" }
        }
        return out
    }

    companion object {
        /** Every `<string name=…>` of an Android resource file, unescaped. */
        fun read(file: File): Map<String, String> {
            val doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file)
            val nodes = doc.getElementsByTagName("string")
            val out = LinkedHashMap<String, String>()
            for (i in 0 until nodes.length) {
                val e = nodes.item(i) as Element
                out[e.getAttribute("name")] = unescape(e.textContent)
            }
            return out
        }

        /** Android's resource escapes: \' \" \\ \n \t \@ \?, and quotes that keep spaces. */
        fun unescape(text: String): String {
            val sb = StringBuilder()
            var i = 0
            while (i < text.length) {
                val c = text[i]
                if (c == '\\' && i + 1 < text.length) {
                    when (val n = text[i + 1]) {
                        'n' -> sb.append('\n')
                        't' -> sb.append('\t')
                        else -> sb.append(n)
                    }
                    i += 2
                    continue
                }
                if (c != '"') sb.append(c)
                i++
            }
            return sb.toString().trim()
        }
    }
}
