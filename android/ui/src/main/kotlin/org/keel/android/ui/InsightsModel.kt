package org.keel.android.ui

import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Job
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.launch
import org.keel.android.core.CoreError
import org.keel.android.core.InsightsCalls
import org.keel.android.core.InsightsData
import org.keel.core.DateRangePreset
import org.keel.core.Language

/** The parts of Insights, shown one at a time so each stays a short read. */
enum class InsightsSection { CRAVINGS, TRIGGERS, WHAT_WORKS, MOOD, MEETINGS, STREAKS, MEASURES }

/** The charts' records as the core computed them over the chosen range. */
data class InsightsUiState(
    val selected: DateRangePreset = InsightsModel.DEFAULT_RANGE,
    val section: InsightsSection = InsightsSection.CRAVINGS,
    /** The last records loaded; kept while another range loads, so the screen does not blank. */
    val data: InsightsData? = null,
    val busy: Boolean = false,
    val error: CoreError? = null,
)

sealed interface InsightsEvent {
    data class SelectRange(val preset: DateRangePreset) : InsightsEvent

    /** Another part of the same records: nothing to load. */
    data class SelectSection(val section: InsightsSection) : InsightsEvent
}

/**
 * Loads the Insights screen in one core call per range: every chart is the
 * core's record drawn as it came; this model only remembers the range.
 */
class InsightsModel(
    private val calls: InsightsCalls,
    private val scope: CoroutineScope,
    private val language: () -> Language,
) {
    private val _state = MutableStateFlow(InsightsUiState())
    val state: StateFlow<InsightsUiState> = _state.asStateFlow()
    private var loading: Job? = null

    /** Loads (again, when the screen is shown or the language changed) the chosen range. */
    fun load() {
        val preset = _state.value.selected
        _state.update { it.copy(busy = true, error = null) }
        // A newer choice wins: the older answer is dropped, never shown over it.
        loading?.cancel()
        loading = scope.launch {
            calls.load(preset, language())
                .onSuccess { data -> _state.update { it.copy(data = data, busy = false) } }
                .onFailure { e -> _state.update { it.copy(busy = false, error = CoreError.from(e)) } }
        }
    }

    fun onEvent(event: InsightsEvent) {
        when (event) {
            is InsightsEvent.SelectRange -> {
                _state.update { it.copy(selected = event.preset) }
                load()
            }
            is InsightsEvent.SelectSection -> _state.update { it.copy(section = event.section) }
        }
    }

    companion object {
        val DEFAULT_RANGE = DateRangePreset.LAST30_DAYS
    }
}
