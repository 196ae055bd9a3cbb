package org.keel.android.ui

import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.launch
import org.keel.android.core.CoreError
import org.keel.android.core.MeetingsCalls
import org.keel.core.AttendanceRecord
import org.keel.core.AttendanceStatus
import org.keel.core.Language
import org.keel.core.MeetingKind
import org.keel.core.WeekSummary

/** An attendance record being changed: its status, minutes and notes as typed. */
data class AttendanceDraftForm(
    val id: String,
    val status: AttendanceStatus,
    val minutes: String,
    val notes: String,
    val confirmDelete: Boolean = false,
    val badMinutes: Boolean = false,
)

/**
 * Attendance history: program hours and sessions per week (the core's
 * weeks, newest first on screen) and every attendance record, newest first,
 * paged; one record open to change or delete.
 */
data class AttendanceUiState(
    val weeks: List<WeekSummary>? = null,
    val records: List<AttendanceRecord> = emptyList(),
    val total: UInt = 0u,
    val damaged: Int = 0,
    val zone: String? = null,
    val kindLabels: Map<MeetingKind, String> = emptyMap(),
    val editing: AttendanceDraftForm? = null,
    val busy: Boolean = false,
    val error: CoreError? = null,
)

sealed interface AttendanceEvent {
    data object More : AttendanceEvent
    data class Open(val record: AttendanceRecord) : AttendanceEvent
    data class Change(val form: AttendanceDraftForm) : AttendanceEvent
    data object Save : AttendanceEvent
    data object Close : AttendanceEvent
    data object AskDelete : AttendanceEvent
    data object ConfirmDelete : AttendanceEvent
}

class AttendanceModel(private val calls: MeetingsCalls, private val scope: CoroutineScope, private val language: () -> Language) {
    private val _state = MutableStateFlow(AttendanceUiState())
    val state: StateFlow<AttendanceUiState> = _state.asStateFlow()

    fun load() {
        _state.update { it.copy(busy = true, error = null, editing = null) }
        scope.launch {
            val labels = calls.kindLabels(language()).getOrElse { return@launch fail(it) }
            val zone = calls.phoneZone().getOrElse { return@launch fail(it) }
            val weeks = calls.weeks(WEEKS).getOrElse { return@launch fail(it) }
            val page = calls.attendance(0u, PAGE).getOrElse { return@launch fail(it) }
            _state.value = AttendanceUiState(weeks, page.items, page.total, page.damagedIds.size, zone, labels)
        }
    }

    fun onEvent(event: AttendanceEvent) {
        when (event) {
            AttendanceEvent.More -> more()
            is AttendanceEvent.Open -> _state.update {
                it.copy(editing = AttendanceDraftForm(event.record.id, event.record.status, event.record.minutes.toString(), event.record.notes), error = null)
            }
            is AttendanceEvent.Change -> _state.update { it.copy(editing = event.form.copy(badMinutes = false)) }
            AttendanceEvent.Close -> _state.update { it.copy(editing = null, error = null) }
            AttendanceEvent.AskDelete -> _state.update { s -> s.copy(editing = s.editing?.copy(confirmDelete = true)) }
            AttendanceEvent.Save -> save()
            AttendanceEvent.ConfirmDelete -> delete()
        }
    }

    private fun more() {
        val s = _state.value
        if (s.busy || s.records.size.toUInt() >= s.total) return
        _state.update { it.copy(busy = true) }
        scope.launch {
            calls.attendance(s.records.size.toUInt(), PAGE)
                .onSuccess { page -> _state.update { it.copy(busy = false, records = it.records + page.items, total = page.total) } }
                .onFailure { fail(it) }
        }
    }

    private fun save() {
        val form = _state.value.editing ?: return
        if (_state.value.busy) return
        val minutes = if (form.minutes.isBlank()) null else form.minutes.trim().toUShortOrNull()
        if (form.minutes.isNotBlank() && minutes == null) {
            _state.update { it.copy(editing = form.copy(badMinutes = true)) }
            return
        }
        _state.update { it.copy(busy = true, error = null) }
        scope.launch {
            calls.updateAttendance(form.id, form.status, minutes, form.notes.trim())
                .onSuccess { load() }
                .onFailure { fail(it) }
        }
    }

    private fun delete() {
        val form = _state.value.editing ?: return
        if (_state.value.busy) return
        _state.update { it.copy(busy = true, error = null) }
        scope.launch {
            calls.deleteAttendance(form.id)
                .onSuccess { load() }
                .onFailure { fail(it) }
        }
    }

    private fun fail(e: Throwable) {
        _state.update { it.copy(busy = false, error = CoreError.from(e)) }
    }

    companion object {
        /** Weeks of hours shown: a quarter, as a program's progress reviews look back. */
        val WEEKS = 12u
        val PAGE = 20u
    }
}
