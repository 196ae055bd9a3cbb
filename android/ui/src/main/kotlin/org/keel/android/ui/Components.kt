package org.keel.android.ui

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.BoxWithConstraints
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.ColumnScope
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.Button
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Surface
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.runtime.remember
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.heading
import androidx.compose.ui.text.TextStyle
import androidx.compose.ui.text.rememberTextMeasurer
import androidx.compose.ui.text.style.TextAlign
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp
import androidx.compose.ui.unit.isSpecified

/**
 * The frame of every screen: a bar with back (when there is somewhere to
 * go back to) and the SOS button (everywhere but SOS itself), then the
 * screen's content, scrollable so large text never cuts anything off.
 */
@Composable
fun Page(
    title: String,
    onBack: (() -> Unit)?,
    onSos: (() -> Unit)?,
    /** The app's menu, offered where there is no back (Today). */
    onMenu: (() -> Unit)? = null,
    content: @Composable ColumnScope.() -> Unit,
) {
    val s = LocalStrings.current
    Surface(modifier = Modifier.fillMaxSize(), color = MaterialTheme.colorScheme.background) {
        Column(Modifier.fillMaxSize()) {
            Row(
                modifier = Modifier.fillMaxWidth().padding(horizontal = 8.dp, vertical = 4.dp),
                verticalAlignment = Alignment.CenterVertically,
                horizontalArrangement = Arrangement.SpaceBetween,
            ) {
                if (onBack != null) {
                    TextButton(onClick = onBack, modifier = Modifier.touchTarget()) { ButtonLabel(s[Str.action_back]) }
                } else if (onMenu != null) {
                    TextButton(onClick = onMenu, modifier = Modifier.touchTarget()) { ButtonLabel(s[Str.action_menu]) }
                } else {
                    Text(appName(), style = MaterialTheme.typography.titleMedium, modifier = Modifier.padding(start = 8.dp))
                }
                if (onSos != null) {
                    Button(
                        onClick = onSos,
                        colors = urgentButtonColors(),
                        modifier = Modifier.touchTarget(),
                    ) { ButtonLabel(s[Str.action_sos]) }
                }
            }
            Column(
                modifier = Modifier.fillMaxSize().verticalScroll(rememberScrollState()).padding(horizontal = 20.dp, vertical = 8.dp),
                verticalArrangement = Arrangement.spacedBy(12.dp),
            ) {
                PageTitle(title)
                content()
            }
        }
    }
}

/**
 * A page's title at the theme's headline size, made smaller only as far as
 * its longest word needs to fit the width. At font scale 2.0 on a small
 * phone a long word ("Recordatorios", "Configuración") is wider than the
 * screen and would be broken in the middle, which reads as two words.
 */
@Composable
fun PageTitle(text: String) {
    val style = MaterialTheme.typography.headlineMedium
    val measurer = rememberTextMeasurer()
    BoxWithConstraints(Modifier.fillMaxWidth()) {
        val room = constraints.maxWidth
        val longest = remember(text, style, measurer) {
            text.split(' ').maxOf { word -> measurer.measure(word, style, softWrap = false, maxLines = 1).size.width }
        }
        val fitted = if (longest <= room) style else shrunk(style, FIT_SAFETY * room / longest)
        Text(text, style = fitted, modifier = Modifier.semantics { heading() })
    }
}

/** Under one: the measured word and the drawn one may differ by a rounding. */
private const val FIT_SAFETY = 0.97f

private fun shrunk(style: TextStyle, factor: Float): TextStyle = style.copy(
    fontSize = style.fontSize * factor,
    lineHeight = if (style.lineHeight.isSpecified) style.lineHeight * factor else style.lineHeight,
)

@Composable
fun SectionTitle(text: String) {
    Text(
        text,
        style = MaterialTheme.typography.titleMedium,
        color = MaterialTheme.colorScheme.primary,
        modifier = Modifier.padding(top = 8.dp).semantics { heading() },
    )
}

@Composable
fun Body(text: String, modifier: Modifier = Modifier) {
    Text(text, style = MaterialTheme.typography.bodyLarge, modifier = modifier)
}

/** A button's text: centred, so a label that wraps at large font sizes stays centred. */
@Composable
fun ButtonLabel(text: String) {
    Text(text, textAlign = TextAlign.Center)
}

/**
 * Material 3 buttons are 40 dp tall; people in distress and with large text
 * get 48 dp, the minimum the gallery checks enforce.
 */
fun Modifier.touchTarget(): Modifier = heightIn(min = 48.dp)
