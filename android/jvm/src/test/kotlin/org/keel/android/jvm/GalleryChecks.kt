package org.keel.android.jvm

import androidx.compose.ui.geometry.Rect
import androidx.compose.ui.semantics.SemanticsActions
import androidx.compose.ui.semantics.SemanticsNode
import androidx.compose.ui.semantics.SemanticsProperties
import androidx.compose.ui.semantics.getOrNull
import androidx.compose.ui.test.SemanticsMatcher
import androidx.compose.ui.test.SemanticsNodeInteractionsProvider
import androidx.compose.ui.test.hasClickAction
import androidx.compose.ui.test.hasSetTextAction
import androidx.compose.ui.text.TextLayoutResult

/**
 * What every gallery rendering must pass, as readable problems (empty =
 * pass). Run on a rendering laid out at its full scroll height, so nothing
 * is below the fold:
 *
 * - text clipped: a text whose layout overflows (cut lines, ellipsis) or
 *   that its parents or the screen's edge cut off;
 * - a word broken across two lines because it is wider than its room;
 * - text overlapping other text (not its own ancestor or descendant);
 * - an interactive element (click, text input) without a label (content
 *   description or text);
 * - an interactive element laid out smaller than 48 × 48 dp.
 */
object GalleryChecks {
    const val MIN_TOUCH_DP = 48f

    /** Slack for rounding: under one pixel is no problem. */
    private const val SLACK_PX = 1f

    fun run(
        shot: String,
        nodes: SemanticsNodeInteractionsProvider,
        density: Float,
        screen: Rect,
    ): List<String> {
        val interactive = (
            nodes.onAllNodes(hasClickAction()).fetchSemanticsNodes() +
                nodes.onAllNodes(hasSetTextAction()).fetchSemanticsNodes()
            ).distinctBy { it.id }
        val texts = nodes.onAllNodes(SemanticsMatcher.keyIsDefined(SemanticsProperties.Text), useUnmergedTree = true)
            .fetchSemanticsNodes()
        return interactive.flatMap { interactiveProblems(shot, it, density) } +
            texts.flatMap { clippedProblems(shot, it, screen) } +
            overlapProblems(shot, texts)
    }

    private fun label(node: SemanticsNode): String {
        val c = node.config
        return listOfNotNull(
            c.getOrNull(SemanticsProperties.ContentDescription)?.joinToString(" "),
            c.getOrNull(SemanticsProperties.Text)?.joinToString(" ") { it.text },
        ).joinToString(" ").trim()
    }

    private fun interactiveProblems(shot: String, node: SemanticsNode, density: Float): List<String> {
        val problems = mutableListOf<String>()
        val label = label(node)
        if (label.isEmpty()) problems += "$shot: interactive element #${node.id} has no label"
        // The laid-out size, not touchBoundsInRoot: Compose widens pointer
        // bounds to 48 dp on its own, which hides a small element.
        val w = node.size.width / density
        val h = node.size.height / density
        if (w < MIN_TOUCH_DP - 0.5f || h < MIN_TOUCH_DP - 0.5f) {
            problems += "$shot: touch target of '$label' is ${w.toInt()}×${h.toInt()} dp"
        }
        return problems
    }

    private fun clippedProblems(shot: String, node: SemanticsNode, screen: Rect): List<String> {
        val text = label(node).take(40)
        val layouts = mutableListOf<TextLayoutResult>()
        node.config.getOrNull(SemanticsActions.GetTextLayoutResult)?.action?.invoke(layouts)
        val layout = layouts.firstOrNull()
        if (layout != null && overflows(layout)) return listOf("$shot: text '$text' is cut off (lines dropped or an ellipsis)")
        if (layout != null) brokenWord(layout)?.let { return listOf("$shot: the word '$it' is broken across lines") }
        // Where the text is laid out vs what is left of it after every
        // parent's clip: any difference was cut off.
        val laid = Rect(node.positionInRoot, node.size.toSize())
        val visible = node.boundsInRoot
        val cut = visible.width < laid.width - SLACK_PX || visible.height < laid.height - SLACK_PX
        val offScreen = laid.left < screen.left - SLACK_PX || laid.right > screen.right + SLACK_PX ||
            laid.top < screen.top - SLACK_PX || laid.bottom > screen.bottom + SLACK_PX
        return when {
            cut -> listOf("$shot: text '$text' is clipped by its container")
            offScreen -> listOf("$shot: text '$text' runs off the screen")
            else -> emptyList()
        }
    }

    /**
     * Lines dropped by maxLines or an ellipsis. Not the layout's size flags
     * (TextLayoutResult.hasVisualOverflow): on desktop the layout the
     * semantics action returns is redone with other font metrics (about 12 %
     * larger than drawn), so those flags are set on texts that fit. Clipping
     * by size is checked on the node's bounds instead.
     */
    private fun overflows(layout: TextLayoutResult): Boolean =
        layout.multiParagraph.didExceedMaxLines || (0 until layout.lineCount).any { layout.isLineEllipsized(it) }

    /**
     * A word split between two lines with no hyphen: it did not fit the
     * width, so the text wraps inside it ("Recordator|ios"), which reads as
     * two words. Answers the word, or null. A token with a digit in it (a
     * file name, a code, a date) is not a word of the language: at font
     * scale 2.0 a file name may be wider than any phone, and wrapping it is
     * the only way to show it whole.
     */
    private fun brokenWord(layout: TextLayoutResult): String? {
        val text = layout.layoutInput.text.text
        for (line in 0 until layout.lineCount - 1) {
            val end = layout.getLineEnd(line)
            if (end in 1 until text.length && text[end - 1].isLetterOrDigit() && text[end].isLetterOrDigit()) {
                val start = text.lastIndexOfAny(charArrayOf(' ', '\n'), end - 1) + 1
                val stop = text.indexOfAny(charArrayOf(' ', '\n'), end).let { if (it < 0) text.length else it }
                val token = text.substring(start, stop)
                if (token.none { it.isDigit() }) return token
            }
        }
        return null
    }

    private fun overlapProblems(shot: String, texts: List<SemanticsNode>): List<String> {
        val problems = mutableListOf<String>()
        for (i in texts.indices) for (j in i + 1 until texts.size) {
            val a = texts[i]
            val b = texts[j]
            if (related(a, b)) continue
            val x = a.boundsInRoot.intersect(b.boundsInRoot)
            if (x.width > SLACK_PX && x.height > SLACK_PX) {
                problems += "$shot: text '${label(a).take(30)}' overlaps '${label(b).take(30)}'"
            }
        }
        return problems
    }

    private fun related(a: SemanticsNode, b: SemanticsNode): Boolean {
        fun ancestorOf(x: SemanticsNode, y: SemanticsNode): Boolean {
            var p = y.parent
            while (p != null) {
                if (p.id == x.id) return true
                p = p.parent
            }
            return false
        }
        return ancestorOf(a, b) || ancestorOf(b, a)
    }

    private fun androidx.compose.ui.unit.IntSize.toSize() = androidx.compose.ui.geometry.Size(width.toFloat(), height.toFloat())
}
