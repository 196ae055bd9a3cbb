package org.keel.android.ui

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.ExperimentalLayoutApi
import androidx.compose.foundation.layout.FlowRow
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.widthIn
import androidx.compose.foundation.BorderStroke
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.shape.RoundedCornerShape
import androidx.compose.material3.Surface
import androidx.compose.ui.Alignment
import androidx.compose.ui.text.font.FontWeight
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp
import java.time.Instant
import java.time.ZoneOffset
import java.time.format.DateTimeFormatter
import java.time.format.FormatStyle
import java.util.Locale
import org.keel.core.Language
import org.keel.core.Moment

/**
 * One choice among several (or one of many toggles): a chip at least 48 dp
 * in both directions. [description] is what a screen reader says when the
 * visible text alone is not enough (a bare "7").
 */
@Composable
fun Choice(text: String, selected: Boolean, onClick: () -> Unit, description: String? = null, enabled: Boolean = true) {
    val colors = MaterialTheme.colorScheme
    // A Surface rather than a FilterChip: a chip keeps one fixed height, so a
    // long trigger or a large font would be cut off instead of wrapping.
    Surface(
        selected = selected,
        onClick = onClick,
        enabled = enabled,
        shape = RoundedCornerShape(12.dp),
        color = if (selected) colors.primaryContainer else colors.surface,
        contentColor = if (selected) colors.onPrimaryContainer else colors.onSurface,
        border = BorderStroke(1.dp, if (selected) colors.primary else colors.outline),
        modifier = Modifier.touchTarget().widthIn(min = 48.dp)
            .then(if (description != null) Modifier.semantics { contentDescription = description } else Modifier),
    ) {
        Row(
            modifier = Modifier.heightIn(min = 48.dp).padding(horizontal = 14.dp, vertical = 8.dp),
            verticalAlignment = Alignment.CenterVertically,
            horizontalArrangement = Arrangement.spacedBy(6.dp),
        ) {
            // Selected is said by a mark too, not by colour alone.
            if (selected) Text(LocalStrings.current[Str.common_selected_mark], style = MaterialTheme.typography.bodyLarge, fontWeight = FontWeight.Bold)
            Text(text, style = MaterialTheme.typography.bodyLarge)
        }
    }
}

/** Chips that wrap onto as many lines as they need. */
@OptIn(ExperimentalLayoutApi::class)
@Composable
fun ChoiceRow(content: @Composable () -> Unit) {
    FlowRow(
        modifier = Modifier.fillMaxWidth(),
        horizontalArrangement = Arrangement.spacedBy(8.dp),
        verticalArrangement = Arrangement.spacedBy(4.dp),
    ) { content() }
}

/**
 * A text field the width of the page. Unless [singleLine], it grows with
 * its text, so a long plan item is read whole rather than cut off.
 */
@Composable
fun Field(label: String, value: String, onChange: (String) -> Unit, singleLine: Boolean = true, minLines: Int = 1, enabled: Boolean = true) {
    OutlinedTextField(
        value = value,
        onValueChange = onChange,
        label = { Text(label) },
        singleLine = singleLine,
        minLines = minLines,
        enabled = enabled,
        modifier = Modifier.fillMaxWidth(),
    )
}

/**
 * When something happened, as the participant's clock showed it then: the
 * core keeps each moment with the offset in force where it was logged, so
 * this only renders that local date and time in the language's style.
 */
fun formatMoment(moment: Moment, language: Language): String {
    val locale = when (language) {
        Language.ENGLISH -> Locale.US
        Language.SPANISH -> Locale.forLanguageTag("es")
    }
    val local = Instant.ofEpochMilli(moment.utcMillis).atOffset(ZoneOffset.ofTotalSeconds(moment.offsetMinutes * 60))
    return local.format(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale))
}
