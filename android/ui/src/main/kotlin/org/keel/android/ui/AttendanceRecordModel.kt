package org.keel.android.ui

import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.launch
import org.keel.android.core.CoreError
import org.keel.android.core.MeetingsCalls
import org.keel.core.AttendanceLine
import org.keel.core.DateRange
import org.keel.core.DateRangePreset
import org.keel.core.Language

/**
 * The attendance record a participant shows a counselor, a court or an
 * employer: the core's periods (labelled by it), the one chosen, and the
 * core's lines for it, oldest first.
 */
data class AttendanceRecordUiState(
    val ranges: List<DateRange> = emptyList(),
    val chosen: DateRangePreset = DateRangePreset.LAST30_DAYS,
    val lines: List<AttendanceLine>? = null,
    val zone: String? = null,
    val error: CoreError? = null,
)

sealed interface AttendanceRecordEvent {
    data class Choose(val preset: DateRangePreset) : AttendanceRecordEvent
}

class AttendanceRecordModel(private val calls: MeetingsCalls, private val scope: CoroutineScope, private val language: () -> Language) {
    private val _state = MutableStateFlow(AttendanceRecordUiState())
    val state: StateFlow<AttendanceRecordUiState> = _state.asStateFlow()

    /** Reads the periods and the record of the chosen one (the last 30 days at first). */
    fun load() {
        _state.update { it.copy(error = null) }
        scope.launch {
            val ranges = calls.ranges(language()).getOrElse { return@launch fail(it) }
            val zone = calls.phoneZone().getOrElse { return@launch fail(it) }
            _state.update { it.copy(ranges = ranges, zone = zone, lines = null) }
            read(_state.value.chosen)
        }
    }

    fun onEvent(event: AttendanceRecordEvent) {
        when (event) {
            is AttendanceRecordEvent.Choose -> {
                _state.update { it.copy(chosen = event.preset, lines = null, error = null) }
                scope.launch { read(event.preset) }
            }
        }
    }

    private suspend fun read(preset: DateRangePreset) {
        val range = _state.value.ranges.firstOrNull { it.preset == preset } ?: return
        calls.record(range, language())
            .onSuccess { lines -> _state.update { if (it.chosen == preset) it.copy(lines = lines) else it } }
            .onFailure { fail(it) }
    }

    private fun fail(e: Throwable) {
        _state.update { it.copy(error = CoreError.from(e)) }
    }
}
