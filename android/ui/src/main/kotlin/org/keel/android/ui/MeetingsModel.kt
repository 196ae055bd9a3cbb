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
import org.keel.core.Language
import org.keel.core.MeetingKind
import org.keel.core.MeetingsScreen

/** The weekly program requirement as the participant types it: hours (decimals allowed) and sessions, blank for none. */
data class RequirementDraft(val hours: String = "", val sessions: String = "", val problem: Boolean = false)

/** What the calendar export is doing: asked (the warning shown), shared, or the share sheet could not open. */
enum class MeetingsExport { CONFIRM, SHARED, FAILED }

/**
 * The Meetings screen: the core's [MeetingsScreen] as it came (the week's
 * hours and sessions against the requirement, streak and rate, today and
 * the coming week, what "I'm here" would record, recent attendance), the
 * phone's zone the times are shown in, and the shell's own flags.
 */
data class MeetingsUiState(
    val screen: MeetingsScreen? = null,
    val zone: String? = null,
    val kindLabels: Map<MeetingKind, String> = emptyMap(),
    val busy: Boolean = false,
    val error: CoreError? = null,
    /** The requirement being changed; null when not. */
    val requirement: RequirementDraft? = null,
    val export: MeetingsExport? = null,
    /** Just recorded by "I'm here", to say so. */
    val checkedIn: AttendanceRecord? = null,
)

sealed interface MeetingsEvent {
    data object ImHere : MeetingsEvent
    data object EditRequirement : MeetingsEvent
    data class Requirement(val draft: RequirementDraft) : MeetingsEvent
    data object SaveRequirement : MeetingsEvent
    data object CancelRequirement : MeetingsEvent
    /** Shows what the calendar file holds and that it is not locked, before anything leaves. */
    data object AskExport : MeetingsEvent
    data object ConfirmExport : MeetingsEvent
    data object CancelExport : MeetingsEvent
}

class MeetingsModel(
    private val calls: MeetingsCalls,
    private val scope: CoroutineScope,
    private val language: () -> Language,
    private val documents: Documents,
) {
    private val _state = MutableStateFlow(MeetingsUiState())
    val state: StateFlow<MeetingsUiState> = _state.asStateFlow()

    /** Reads the screen afresh; keeps a just-recorded "I'm here" to say so. */
    fun load() {
        _state.update { it.copy(busy = true, error = null, requirement = null, export = null) }
        scope.launch {
            val labels = calls.kindLabels(language()).getOrElse { return@launch fail(it) }
            val zone = calls.phoneZone().getOrElse { return@launch fail(it) }
            calls.screen()
                .onSuccess { screen -> _state.update { it.copy(screen = screen, zone = zone, kindLabels = labels, busy = false) } }
                .onFailure { fail(it) }
        }
    }

    fun onEvent(event: MeetingsEvent) {
        when (event) {
            MeetingsEvent.ImHere -> imHere()
            MeetingsEvent.EditRequirement -> _state.update { s ->
                val settings = s.screen?.progress?.settings
                s.copy(
                    requirement = RequirementDraft(
                        hours = settings?.weeklyMinutes?.let { hoursField(it.toLong()) } ?: "",
                        sessions = settings?.weeklySessions?.toString() ?: "",
                    ),
                    error = null,
                )
            }
            is MeetingsEvent.Requirement -> _state.update { it.copy(requirement = event.draft.copy(problem = false)) }
            MeetingsEvent.SaveRequirement -> saveRequirement()
            MeetingsEvent.CancelRequirement -> _state.update { it.copy(requirement = null, error = null) }
            MeetingsEvent.AskExport -> _state.update { it.copy(export = MeetingsExport.CONFIRM, error = null) }
            MeetingsEvent.CancelExport -> _state.update { it.copy(export = null) }
            MeetingsEvent.ConfirmExport -> export()
        }
    }

    private fun imHere() {
        if (_state.value.busy) return
        _state.update { it.copy(busy = true, error = null, checkedIn = null) }
        scope.launch {
            calls.checkIn()
                .onSuccess { record ->
                    _state.update { it.copy(checkedIn = record) }
                    load()
                }
                .onFailure { fail(it) }
        }
    }

    private fun saveRequirement() {
        val s = _state.value
        val draft = s.requirement ?: return
        val settings = s.screen?.progress?.settings ?: return
        if (s.busy) return
        val minutes = parseHours(draft.hours)
        val sessions = draft.sessions.trim().let { if (it.isEmpty()) null else it.toUShortOrNull() }
        if (minutes == INVALID || (draft.sessions.isNotBlank() && sessions == null)) {
            _state.update { it.copy(requirement = draft.copy(problem = true)) }
            return
        }
        _state.update { it.copy(busy = true, error = null) }
        scope.launch {
            calls.saveSettings(settings.copy(weeklyMinutes = minutes?.toUInt(), weeklySessions = sessions))
                .onSuccess { load() }
                .onFailure { fail(it) }
        }
    }

    private fun export() {
        if (_state.value.busy) return
        _state.update { it.copy(busy = true, error = null) }
        scope.launch {
            val calendar = calls.calendar(language()).getOrElse { return@launch fail(it) }
            val shared = documents.share(calendar.fileName, "text/calendar", calendar.content.toByteArray(Charsets.UTF_8))
            _state.update { it.copy(busy = false, export = if (shared) MeetingsExport.SHARED else MeetingsExport.FAILED) }
        }
    }

    private fun fail(e: Throwable) {
        _state.update { it.copy(busy = false, error = CoreError.from(e)) }
    }

    companion object {
        private const val INVALID = -1L

        /** "7.5" → 450 minutes; blank → null (no requirement); anything else → [INVALID]. */
        fun parseHours(text: String): Long? {
            val t = text.trim().replace(',', '.')
            if (t.isEmpty()) return null
            val hours = t.toBigDecimalOrNull() ?: return INVALID
            if (hours.signum() < 0) return INVALID
            return hours.multiply(60.toBigDecimal()).setScale(0, java.math.RoundingMode.HALF_UP).toLong()
        }

        /** 450 minutes → "7.5", as the field shows the saved requirement. */
        fun hoursField(minutes: Long): String =
            (minutes.toBigDecimal().divide(60.toBigDecimal(), 2, java.math.RoundingMode.HALF_UP)).stripTrailingZeros().toPlainString()
    }
}
