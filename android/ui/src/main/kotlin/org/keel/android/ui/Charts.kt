package org.keel.android.ui

import androidx.compose.foundation.Canvas
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Box
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.IntrinsicSize
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.height
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.layout.width
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.geometry.CornerRadius
import androidx.compose.ui.geometry.Offset
import androidx.compose.ui.geometry.Size
import androidx.compose.ui.graphics.Color
import androidx.compose.ui.graphics.drawscope.DrawScope
import androidx.compose.ui.graphics.lerp
import androidx.compose.ui.platform.LocalDensity
import androidx.compose.ui.semantics.clearAndSetSemantics
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.Dp
import androidx.compose.ui.unit.dp
import androidx.compose.ui.unit.sp

/*
 * Charts drawn with Compose's Canvas (docs/decisions.md says why no chart
 * library). They draw values the core computed and scale them to the space
 * they have; nothing else. Every chart is one node for a screen reader,
 * saying its [description] (the data as words) instead of the picture, and
 * its labels are texts laid out by Compose, so they grow with the font.
 */

/**
 * A chart: its picture and labels, read by a screen reader as [description]
 * alone (the labels would only repeat parts of it).
 */
@Composable
fun ChartFrame(description: String, content: @Composable () -> Unit) {
    Column(
        Modifier.fillMaxWidth().clearAndSetSemantics { contentDescription = description },
        verticalArrangement = Arrangement.spacedBy(4.dp),
    ) { content() }
}

/** One bar per value, left to right, scaled to the largest; no bar for zero. */
@Composable
fun BarChart(values: List<Float>, height: Dp = 120.dp) {
    val bar = MaterialTheme.colorScheme.primary
    val axis = MaterialTheme.colorScheme.outline
    Canvas(Modifier.fillMaxWidth().height(height)) {
        val top = values.maxOrNull()?.takeIf { it > 0f } ?: 1f
        val slot = size.width / values.size.coerceAtLeast(1)
        val gap = (slot * 0.2f).coerceAtMost(4.dp.toPx())
        values.forEachIndexed { i, v ->
            if (v <= 0f) return@forEachIndexed
            val h = size.height * (v / top)
            drawRoundRect(bar, Offset(i * slot + gap / 2, size.height - h), Size(slot - gap, h), CornerRadius(2.dp.toPx()))
        }
        baseline(axis)
    }
}

/**
 * Points at x in 0..1 (share of the period) and y between [min] and [max],
 * joined in order; a point in [marked] is drawn larger and hollow, so a
 * marked point is told by its shape as well as its colour.
 */
@Composable
fun LineChart(points: List<Pair<Float, Float>>, min: Float, max: Float, marked: Set<Int> = emptySet(), height: Dp = 96.dp) {
    val line = MaterialTheme.colorScheme.primary
    val mark = MaterialTheme.colorScheme.error
    val axis = MaterialTheme.colorScheme.outline
    Canvas(Modifier.fillMaxWidth().height(height)) {
        val r = 4.dp.toPx()
        val span = (max - min).takeIf { it > 0f } ?: 1f
        fun at(p: Pair<Float, Float>) = Offset(
            r + (size.width - 2 * r) * p.first.coerceIn(0f, 1f),
            size.height - r - (size.height - 2 * r) * ((p.second - min) / span).coerceIn(0f, 1f),
        )
        baseline(axis)
        points.zipWithNext().forEach { (a, b) -> drawLine(line, at(a), at(b), strokeWidth = 2.dp.toPx()) }
        points.forEachIndexed { i, p ->
            if (i in marked) {
                drawCircle(mark, r * 1.6f, at(p), style = androidx.compose.ui.graphics.drawscope.Stroke(2.dp.toPx()))
            } else {
                drawCircle(line, r, at(p))
            }
        }
    }
}

/**
 * Rows of cells shaded by value (0 pale, [max] the full colour), each row
 * named on its left; [columnLabels] spread evenly under the cells.
 */
@Composable
fun HeatMap(rows: List<Pair<String, List<Int>>>, max: Int, columnLabels: List<String>) {
    val low = MaterialTheme.colorScheme.surfaceVariant
    val high = MaterialTheme.colorScheme.primary
    val names = MaterialTheme.typography.labelMedium
    // A row is as tall as a line of its name at the participant's font size.
    val rowHeight = with(LocalDensity.current) { maxOf(18.dp, names.lineHeight.toDp()) }
    Row(Modifier.fillMaxWidth()) {
        // The names' column is as wide as the widest name, leaving the cells the rest.
        Column(Modifier.width(IntrinsicSize.Max).padding(end = 8.dp), verticalArrangement = Arrangement.spacedBy(2.dp)) {
            rows.forEach { (label, _) ->
                Box(Modifier.height(rowHeight), contentAlignment = Alignment.CenterStart) { Text(label, style = names, maxLines = 1) }
            }
        }
        Column(Modifier.weight(1f), verticalArrangement = Arrangement.spacedBy(2.dp)) {
            rows.forEach { (_, cells) ->
                Canvas(Modifier.fillMaxWidth().height(rowHeight)) {
                    val w = size.width / cells.size.coerceAtLeast(1)
                    cells.forEachIndexed { i, n ->
                        val share = if (max > 0) n.toFloat() / max else 0f
                        // A filled cell is never as pale as an empty one.
                        val colour = if (n == 0) low else lerp(low, high, 0.25f + 0.75f * share)
                        drawRect(colour, Offset(i * w + 0.5f, 0f), Size(w - 1f, size.height))
                    }
                }
            }
            Row(Modifier.fillMaxWidth()) {
                val hours = MaterialTheme.typography.labelSmall.copy(letterSpacing = 0.sp)
                columnLabels.forEach { Box(Modifier.weight(1f)) { Text(it, style = hours) } }
            }
        }
    }
}

/** The two ends of a chart's time axis, under it. */
@Composable
fun AxisEnds(start: String, end: String) {
    Row(Modifier.fillMaxWidth(), horizontalArrangement = Arrangement.SpaceBetween) {
        Text(start, style = MaterialTheme.typography.labelLarge)
        Text(end, style = MaterialTheme.typography.labelLarge)
    }
}

/**
 * One row of a horizontal bar chart: what it is, a bar [fraction] (0..1)
 * long, and its value in words. Read as one piece by a screen reader; the
 * words are the row's text alternative, the bar only repeats them.
 */
@Composable
fun BarRow(label: String, value: String, fraction: Float) {
    val bar = MaterialTheme.colorScheme.primary
    val track = MaterialTheme.colorScheme.surfaceVariant
    Column(Modifier.fillMaxWidth().semantics(mergeDescendants = true) {}.padding(vertical = 2.dp)) {
        Text(label, style = MaterialTheme.typography.bodyLarge)
        Canvas(Modifier.fillMaxWidth().padding(vertical = 4.dp).height(12.dp)) {
            val radius = CornerRadius(size.height / 2)
            drawRoundRect(track, cornerRadius = radius)
            val f = fraction.coerceIn(0f, 1f)
            if (f > 0f) drawRoundRect(bar, size = Size((size.width * f).coerceAtLeast(size.height), size.height), cornerRadius = radius)
        }
        Text(value, style = MaterialTheme.typography.bodyMedium, color = MaterialTheme.colorScheme.onSurfaceVariant)
    }
}

private fun DrawScope.baseline(colour: Color) {
    drawLine(colour, Offset(0f, size.height), Offset(size.width, size.height), strokeWidth = 1.dp.toPx())
}
