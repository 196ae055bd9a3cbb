package org.keel.android.ui

import androidx.compose.material3.ColorScheme
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.darkColorScheme
import androidx.compose.material3.lightColorScheme
import androidx.compose.runtime.Composable
import androidx.compose.ui.graphics.Color

/** Calm, high-contrast colours; the SOS colour stands out in both themes. */
private val Light: ColorScheme = lightColorScheme(
    primary = Color(0xFF1F5F5B),
    onPrimary = Color.White,
    primaryContainer = Color(0xFFCDE8E4),
    onPrimaryContainer = Color(0xFF00201E),
    secondary = Color(0xFF4A6361),
    surface = Color(0xFFF9FAF9),
    onSurface = Color(0xFF191C1C),
    background = Color(0xFFF9FAF9),
    onBackground = Color(0xFF191C1C),
    error = Color(0xFFB3261E),
    onError = Color.White,
    errorContainer = Color(0xFFF9DEDC),
    onErrorContainer = Color(0xFF410E0B),
)

private val Dark: ColorScheme = darkColorScheme(
    primary = Color(0xFF9ED1CB),
    onPrimary = Color(0xFF003734),
    primaryContainer = Color(0xFF00504B),
    onPrimaryContainer = Color(0xFFCDE8E4),
    secondary = Color(0xFFB1CCC9),
    surface = Color(0xFF111414),
    onSurface = Color(0xFFE0E3E2),
    background = Color(0xFF111414),
    onBackground = Color(0xFFE0E3E2),
    error = Color(0xFFF2B8B5),
    onError = Color(0xFF601410),
    errorContainer = Color(0xFF8C1D18),
    onErrorContainer = Color(0xFFF9DEDC),
)

@Composable
fun KeelTheme(dark: Boolean, content: @Composable () -> Unit) {
    MaterialTheme(colorScheme = if (dark) Dark else Light, content = content)
}
