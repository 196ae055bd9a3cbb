package org.keel.android.ui

import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.launch
import org.keel.android.core.CoreError
import org.keel.android.core.MeetingsCalls
import org.keel.core.Fellowship
import org.keel.core.Language
import org.keel.core.MeetingGuideImport
import org.keel.core.MeetingKind

/**
 * Importing a Meeting Guide file: the list's name ([source], kept with each
 * meeting so a second import of the same list updates rather than doubles),
 * the kind every meeting gets, the file read by the core (what it holds,
 * what was skipped and why, what is already added), the meetings picked.
 */
data class MeetingImportUiState(
    val source: String = "",
    val kind: MeetingKind = MeetingKind.TwelveStep(Fellowship.AA),
    val kindLabels: Map<MeetingKind, String> = emptyMap(),
    /** The phone's zone: a meeting in another zone says which. */
    val zone: String? = null,
    val preview: MeetingGuideImport? = null,
    /** Positions (in the file) of the meetings picked to add. */
    val picked: Set<UInt> = emptySet(),
    val busy: Boolean = false,
    val error: CoreError? = null,
    /** The list needs a name before a file is chosen. */
    val needSource: Boolean = false,
    /** The picker was closed without a file. */
    val cancelled: Boolean = false,
    /** How many meetings were added or updated, once done. */
    val added: Int? = null,
)

sealed interface MeetingImportEvent {
    data class Source(val text: String) : MeetingImportEvent
    data class Kind(val kind: MeetingKind) : MeetingImportEvent
    /** Opens the system picker for a JSON file and has the core read it. */
    data object ChooseFile : MeetingImportEvent
    data class Toggle(val position: UInt) : MeetingImportEvent
    data object PickAll : MeetingImportEvent
    data object PickNone : MeetingImportEvent
    data object Add : MeetingImportEvent
    /** Drops the file read, to choose another. */
    data object Again : MeetingImportEvent
}

class MeetingImportModel(
    private val calls: MeetingsCalls,
    private val scope: CoroutineScope,
    private val language: () -> Language,
    private val documents: Documents,
) {
    private val _state = MutableStateFlow(MeetingImportUiState())
    val state: StateFlow<MeetingImportUiState> = _state.asStateFlow()

    /** A fresh import; the list's name and kind of the last one are kept, as the same list is often imported again. */
    fun open() {
        _state.update { MeetingImportUiState(source = it.source, kind = it.kind, kindLabels = it.kindLabels, zone = it.zone) }
        scope.launch {
            val labels = calls.kindLabels(language()).getOrElse { return@launch fail(it) }
            calls.phoneZone()
                .onSuccess { zone -> _state.update { it.copy(kindLabels = labels, zone = zone) } }
                .onFailure { fail(it) }
        }
    }

    fun onEvent(event: MeetingImportEvent) {
        when (event) {
            is MeetingImportEvent.Source -> _state.update { it.copy(source = event.text, needSource = false) }
            is MeetingImportEvent.Kind -> _state.update { it.copy(kind = event.kind) }
            MeetingImportEvent.ChooseFile -> choose()
            is MeetingImportEvent.Toggle -> _state.update {
                it.copy(picked = if (event.position in it.picked) it.picked - event.position else it.picked + event.position)
            }
            MeetingImportEvent.PickAll -> _state.update { s -> s.copy(picked = s.preview?.meetings?.map { it.position }?.toSet() ?: emptySet()) }
            MeetingImportEvent.PickNone -> _state.update { it.copy(picked = emptySet()) }
            MeetingImportEvent.Add -> add()
            MeetingImportEvent.Again -> _state.update { it.copy(preview = null, picked = emptySet(), error = null, added = null, cancelled = false) }
        }
    }

    private fun choose() {
        val s = _state.value
        if (s.busy) return
        if (s.source.isBlank()) {
            _state.update { it.copy(needSource = true) }
            return
        }
        _state.update { it.copy(busy = true, error = null, cancelled = false, added = null) }
        scope.launch {
            val bytes = documents.open(MIME_TYPES)
            if (bytes == null) {
                _state.update { it.copy(busy = false, cancelled = true) }
                return@launch
            }
            // Not UTF-8 becomes replacement characters; the core then says it is not a meeting list.
            val feed = bytes.toString(Charsets.UTF_8)
            calls.previewGuide(feed, s.source.trim(), s.kind)
                .onSuccess { preview ->
                    // New meetings start picked; those already added wait to be asked for again.
                    val picked = preview.meetings.filter { it.alreadyAddedId == null }.map { it.position }.toSet()
                    _state.update { it.copy(busy = false, preview = preview, picked = picked) }
                }
                .onFailure { fail(it) }
        }
    }

    private fun add() {
        val s = _state.value
        val preview = s.preview ?: return
        if (s.busy || s.picked.isEmpty()) return
        _state.update { it.copy(busy = true, error = null) }
        scope.launch {
            calls.addFromGuide(s.source.trim(), preview.meetings.filter { it.position in s.picked })
                .onSuccess { saved -> _state.update { it.copy(busy = false, added = saved.size, preview = null, picked = emptySet()) } }
                .onFailure { fail(it) }
        }
    }

    private fun fail(e: Throwable) {
        _state.update { it.copy(busy = false, error = CoreError.from(e)) }
    }

    companion object {
        /** Meeting Guide files are JSON; some phones label a downloaded one as plain text. */
        val MIME_TYPES = listOf("application/json", "text/plain", "application/octet-stream")
    }
}
