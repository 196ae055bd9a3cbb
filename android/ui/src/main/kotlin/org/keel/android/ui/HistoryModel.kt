package org.keel.android.ui

import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.launch
import org.keel.android.core.CoreError
import org.keel.android.core.VaultGateway
import org.keel.core.DateRange
import org.keel.core.DateRangePreset
import org.keel.core.HistoryItem
import org.keel.core.HistoryQuery
import org.keel.core.Language

/** The merged history as the core paged it, and the range chosen from the core's presets. */
data class HistoryUiState(
    val ranges: List<DateRange> = emptyList(),
    val selected: DateRangePreset? = null,
    val items: List<HistoryItem> = emptyList(),
    /** The core's token for the next page; null once the last page is shown. */
    val nextPageToken: String? = null,
    val loaded: Boolean = false,
    val busy: Boolean = false,
    /** Entries that failed their integrity check: kept by the core, counted here. */
    val damaged: Int = 0,
    val error: CoreError? = null,
)

sealed interface HistoryEvent {
    data class SelectRange(val preset: DateRangePreset) : HistoryEvent
    data object LoadMore : HistoryEvent
}

/**
 * Reads the history page by page with the core's token (which stays right
 * when entries arrive between pages); the order, the summaries and the
 * ranges are the core's.
 */
class HistoryModel(
    private val gateway: VaultGateway,
    private val scope: CoroutineScope,
    private val language: () -> Language,
    private val pageSize: UInt = PAGE_SIZE,
) {
    private val _state = MutableStateFlow(HistoryUiState())
    val state: StateFlow<HistoryUiState> = _state.asStateFlow()

    /** Loads the presets and the first page (again, when coming back from an edit). */
    fun load() {
        _state.update { it.copy(busy = true, error = null) }
        scope.launch {
            val ranges = gateway.dateRangePresets(language()).getOrElse { return@launch fail(it) }
            val selected = _state.value.selected?.takeIf { p -> ranges.any { it.preset == p } }
                ?: ranges.firstOrNull { it.preset == DateRangePreset.EVERYTHING }?.preset
            _state.update { it.copy(ranges = ranges, selected = selected) }
            firstPage()
        }
    }

    fun onEvent(event: HistoryEvent) {
        when (event) {
            is HistoryEvent.SelectRange -> {
                if (_state.value.busy) return
                _state.update { it.copy(selected = event.preset, busy = true, error = null) }
                scope.launch { firstPage() }
            }
            HistoryEvent.LoadMore -> {
                val s = _state.value
                val token = s.nextPageToken ?: return
                if (s.busy) return
                _state.update { it.copy(busy = true, error = null) }
                scope.launch {
                    gateway.history(query(token), language())
                        .onSuccess { page ->
                            _state.update {
                                it.copy(
                                    items = it.items + page.items,
                                    nextPageToken = page.nextPageToken,
                                    damaged = page.damagedIds.size,
                                    busy = false,
                                )
                            }
                        }
                        .onFailure { fail(it) }
                }
            }
        }
    }

    private suspend fun firstPage() {
        gateway.history(query(null), language())
            .onSuccess { page ->
                _state.update {
                    it.copy(items = page.items, nextPageToken = page.nextPageToken, damaged = page.damagedIds.size, loaded = true, busy = false)
                }
            }
            .onFailure { fail(it) }
    }

    private fun query(token: String?): HistoryQuery {
        val s = _state.value
        val range = s.ranges.firstOrNull { it.preset == s.selected }
        return HistoryQuery(range?.startUtcMillis, range?.endUtcMillis, emptyList(), token, pageSize)
    }

    private fun fail(e: Throwable) {
        _state.update { it.copy(busy = false, loaded = true, error = CoreError.from(e)) }
    }

    companion object {
        const val PAGE_SIZE: UInt = 30u
    }
}
