package org.keel.android.ui

import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.text.input.PasswordVisualTransformation
import androidx.compose.ui.unit.dp

/**
 * A passphrase field: hidden as typed, one line, the page's width. Padded
 * above: at large font sizes the label floating on its border reaches up
 * into the text before it. Every screen that asks for a passphrase (Unlock,
 * Settings, backup and restore) uses this one.
 */
@Composable
fun PassphraseField(label: String, value: String, enabled: Boolean, onChange: (String) -> Unit) {
    OutlinedTextField(
        value = value,
        onValueChange = onChange,
        label = { Text(label) },
        visualTransformation = PasswordVisualTransformation(),
        singleLine = true,
        enabled = enabled,
        modifier = Modifier.fillMaxWidth().padding(top = 8.dp),
    )
}
