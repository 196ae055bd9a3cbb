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
 * (res/values/strings.xml, res/values-es/strings.xml), parsed here so both
 * builds show the same words.
 */
class XmlStringSource(private val resDir: File) : StringSource {
    private val cache = HashMap<Language, Strings>()

    override fun strings(language: Language): Strings = synchronized(cache) {
        cache.getOrPut(language) {
            val raw = read(file(language))
            Strings(language, Str.entries.associateWith { raw[it.name] ?: error("${it.name} missing for $language") })
        }
    }

    fun file(language: Language): File = when (language) {
        Language.ENGLISH -> File(resDir, "values/strings.xml")
        Language.SPANISH -> File(resDir, "values-es/strings.xml")
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
