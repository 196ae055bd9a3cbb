package org.keel.android.ui

import androidx.compose.material3.ButtonColors
import androidx.compose.material3.ButtonDefaults
import androidx.compose.material3.ColorScheme
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.darkColorScheme
import androidx.compose.material3.lightColorScheme
import androidx.compose.runtime.Composable
import androidx.compose.runtime.CompositionLocalProvider
import androidx.compose.runtime.staticCompositionLocalOf
import androidx.compose.ui.graphics.Color

/** Calm, high-contrast colours; the SOS colour stands out in both themes. */
private val Light: ColorScheme = lightColorScheme(
    primary = Color(0xFF1F5F5B),
    onPrimary = Color.White,
    primaryContainer = Color(0xFFCDE8E4),
    onPrimaryContainer = Color(0xFF00201E),
    secondary = Color(0xFF4A6361),
    secondaryContainer = Color(0xFFCCE8E4),
    onSecondaryContainer = Color(0xFF051F1D),
    surfaceVariant = Color(0xFFDAE5E2),
    onSurfaceVariant = Color(0xFF3F4947),
    surfaceContainerLow = Color(0xFFF2F4F3),
    surfaceContainer = Color(0xFFECEFEE),
    surfaceContainerHigh = Color(0xFFE6E9E8),
    surfaceContainerHighest = Color(0xFFE0E3E2),
    outlineVariant = Color(0xFFBEC9C6),
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
    secondaryContainer = Color(0xFF334B49),
    onSecondaryContainer = Color(0xFFCCE8E4),
    surfaceVariant = Color(0xFF3F4947),
    onSurfaceVariant = Color(0xFFBEC9C6),
    surfaceContainerLow = Color(0xFF191C1C),
    surfaceContainer = Color(0xFF1D2020),
    surfaceContainerHigh = Color(0xFF282B2B),
    surfaceContainerHighest = Color(0xFF323535),
    outlineVariant = Color(0xFF3F4947),
    surface = Color(0xFF111414),
    onSurface = Color(0xFFE0E3E2),
    background = Color(0xFF111414),
    onBackground = Color(0xFFE0E3E2),
    error = Color(0xFFF2B8B5),
    onError = Color(0xFF601410),
    errorContainer = Color(0xFF8C1D18),
    onErrorContainer = Color(0xFFF9DEDC),
)

/**
 * Colours Material's scheme has no slot for. [urgent] fills the SOS and
 * emergency-call buttons: a saturated red in both themes (dark theme's
 * `error` is a pale pink that reads as disabled, not urgent), white text at
 * 5:1 or better, and at least 3:1 against the background.
 */
data class KeelColors(val urgent: Color, val onUrgent: Color)

private val LightKeel = KeelColors(urgent = Color(0xFFB3261E), onUrgent = Color.White)
private val DarkKeel = KeelColors(urgent = Color(0xFFD32F2F), onUrgent = Color.White)

val LocalKeelColors = staticCompositionLocalOf { LightKeel }

@Composable
fun KeelTheme(dark: Boolean, content: @Composable () -> Unit) {
    CompositionLocalProvider(LocalKeelColors provides if (dark) DarkKeel else LightKeel) {
        MaterialTheme(colorScheme = if (dark) Dark else Light, content = content)
    }
}

/** The filled red of the buttons that get help now. */
@Composable
fun urgentButtonColors(): ButtonColors {
    val k = LocalKeelColors.current
    return ButtonDefaults.buttonColors(containerColor = k.urgent, contentColor = k.onUrgent)
}
