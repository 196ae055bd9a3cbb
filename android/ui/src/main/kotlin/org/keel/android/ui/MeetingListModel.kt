package org.keel.android.ui

import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.launch
import org.keel.android.core.CoreError
import org.keel.android.core.MeetingsCalls
import org.keel.core.Language
import org.keel.core.MeetingKind
import org.keel.core.MeetingList

/** The participant's meetings as the core lists them (by name), with the phone's zone and the kinds' names. */
data class MeetingListUiState(
    val list: MeetingList? = null,
    val zone: String? = null,
    val kindLabels: Map<MeetingKind, String> = emptyMap(),
    val error: CoreError? = null,
)

/** Reads the meeting list; computes nothing of its own. */
class MeetingListModel(private val calls: MeetingsCalls, private val scope: CoroutineScope, private val language: () -> Language) {
    private val _state = MutableStateFlow(MeetingListUiState())
    val state: StateFlow<MeetingListUiState> = _state.asStateFlow()

    fun load() {
        _state.update { it.copy(error = null) }
        scope.launch {
            val labels = calls.kindLabels(language()).getOrElse { return@launch fail(it) }
            val zone = calls.phoneZone().getOrElse { return@launch fail(it) }
            calls.list()
                .onSuccess { list -> _state.value = MeetingListUiState(list, zone, labels) }
                .onFailure { fail(it) }
        }
    }

    private fun fail(e: Throwable) {
        _state.update { it.copy(error = CoreError.from(e)) }
    }
}
