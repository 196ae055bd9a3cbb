package org.keel.android.ui

import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.launch
import org.keel.android.core.VaultGateway
import org.keel.core.Language
import org.keel.core.LapsePlan

data class SosUiState(val plan: LapsePlan? = null, val failed: Boolean = false)

/** SOS: the plan's crisis steps and lines, or the core's defaults while locked. */
class SosModel(
    private val gateway: VaultGateway,
    private val scope: CoroutineScope,
    private val language: () -> Language,
) {
    private val _state = MutableStateFlow(SosUiState())
    val state: StateFlow<SosUiState> = _state.asStateFlow()

    fun load() {
        scope.launch {
            gateway.crisisPlan(language())
                .onSuccess { _state.value = SosUiState(plan = it) }
                .onFailure { _state.value = SosUiState(failed = true) }
        }
    }
}
