package org.keel.android.ui

import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.launch
import org.keel.android.core.CoreError
import org.keel.android.core.MeasuresCalls
import org.keel.core.Language
import org.keel.core.MeasureAnswer
import org.keel.core.MeasureDue
import org.keel.core.MeasureForm
import org.keel.core.MeasureHistory
import org.keel.core.MeasureItem
import org.keel.core.MeasureKind
import org.keel.core.MeasureResponse
import org.keel.core.MeasureSchedule
import org.keel.core.MeasureSubmitted

/** The questionnaires screen: what is due and each measure's schedule, as the core keeps them. */
data class MeasuresUiState(
    val loading: Boolean = false,
    val due: List<MeasureDue> = emptyList(),
    val schedules: List<MeasureSchedule> = emptyList(),
    val error: CoreError? = null,
    val form: MeasureFormState = MeasureFormState(),
    val history: MeasureHistoryState = MeasureHistoryState(),
)

/**
 * One questionnaire being answered: the core's form, the participant's
 * choices by item key, and after sending the core's scored response (with
 * its crisis support when an answer raised it).
 */
data class MeasureFormState(
    val measure: MeasureKind? = null,
    val form: MeasureForm? = null,
    /** The app's language has no published version of this measure: shown in [MeasureForm.language]. */
    val otherLanguage: Boolean = false,
    val answers: Map<String, UByte> = emptyMap(),
    /** Set when changing an answered response while its period is open. */
    val responseId: String? = null,
    val busy: Boolean = false,
    /** The item the core found unanswered or wrong, by its printed number. */
    val missing: String? = null,
    val submitted: MeasureSubmitted? = null,
    val error: CoreError? = null,
) {
    /** Only the items the instrument asks given the answers so far (the BAM's 7A–7G follow item 7). */
    fun askedItems(): List<MeasureItem> = form?.items.orEmpty().filter { item ->
        val cond = item.askedIf ?: return@filter true
        (answers[cond.item] ?: return@filter false) > cond.above
    }
}

/** Every response of one measure with the core's trends and moved items. */
data class MeasureHistoryState(
    val measure: MeasureKind? = null,
    val history: MeasureHistory? = null,
    val loading: Boolean = false,
    val error: CoreError? = null,
)

sealed interface MeasuresEvent {
    data class Answer(val item: String, val value: UByte) : MeasuresEvent
    data object Submit : MeasuresEvent
    data class Edit(val response: MeasureResponse) : MeasuresEvent
    data class Enabled(val measure: MeasureKind, val on: Boolean) : MeasuresEvent
    data class Every(val measure: MeasureKind, val days: Int) : MeasuresEvent
    data class RemindAt(val measure: MeasureKind, val minute: Int?) : MeasuresEvent
}

/**
 * The measures: the due list and schedules, a form and its result, and a
 * measure's history. The core validates, scores and bands every answer;
 * this model keeps the choices until they are sent and shows what the core
 * answers. A crisis flag in the result is shown before anything else.
 */
class MeasuresModel(
    private val calls: MeasuresCalls,
    private val scope: CoroutineScope,
    private val language: () -> Language,
    /** Opens the form of a response to change (the app navigates to it). */
    private val onEdit: (MeasureKind, String) -> Unit = { _, _ -> },
) {
    private val _state = MutableStateFlow(MeasuresUiState())
    val state: StateFlow<MeasuresUiState> = _state.asStateFlow()

    fun load() {
        _state.update { it.copy(loading = true, error = null) }
        scope.launch {
            val due = calls.due(language())
            val schedules = calls.schedules()
            _state.update {
                it.copy(
                    loading = false,
                    due = due.getOrDefault(it.due),
                    schedules = schedules.getOrDefault(it.schedules),
                    error = (due.exceptionOrNull() ?: schedules.exceptionOrNull())?.let(CoreError::from),
                )
            }
        }
    }

    /** The form of [measure] as the route asks, kept as it is when coming back to it (from its history or SOS). */
    fun showForm(measure: MeasureKind, responseId: String?) {
        val f = _state.value.form
        if (f.measure == measure && f.responseId == responseId && (f.form != null || f.busy)) return
        openForm(measure, responseId)
    }

    /** A blank form of [measure], or [responseId]'s answers to change, in the app's language where published. */
    fun openForm(measure: MeasureKind, responseId: String? = null) {
        val editing = responseId?.let { id -> _state.value.history.history?.responses?.firstOrNull { it.id == id } }
        _state.update { it.copy(form = MeasureFormState(measure = measure, busy = true)) }
        scope.launch {
            val wanted = editing?.language ?: language()
            var result = calls.form(measure, wanted)
            var other = false
            val refused = result.exceptionOrNull().let { it is CoreError.InvalidInput && it.field == "language" }
            if (refused && wanted != Language.ENGLISH) {
                // No published version in this language: the English one, said so.
                result = calls.form(measure, Language.ENGLISH)
                other = true
            }
            _state.update { s ->
                if (s.form.measure != measure) return@update s
                result.fold(
                    onSuccess = { form ->
                        s.copy(
                            form = MeasureFormState(
                                measure = measure,
                                form = form,
                                otherLanguage = other,
                                answers = editing?.answers?.associate { a -> a.item to a.value }.orEmpty(),
                                responseId = editing?.id,
                            ),
                        )
                    },
                    onFailure = { e -> s.copy(form = MeasureFormState(measure = measure, error = CoreError.from(e))) },
                )
            }
        }
    }

    fun openHistory(measure: MeasureKind) {
        _state.update { it.copy(history = MeasureHistoryState(measure = measure, loading = true)) }
        scope.launch {
            val result = calls.history(measure, language())
            _state.update { s ->
                if (s.history.measure != measure) return@update s
                s.copy(
                    history = result.fold(
                        onSuccess = { MeasureHistoryState(measure = measure, history = it) },
                        onFailure = { MeasureHistoryState(measure = measure, error = CoreError.from(it)) },
                    ),
                )
            }
        }
    }

    fun onEvent(event: MeasuresEvent) {
        when (event) {
            is MeasuresEvent.Answer -> _state.update {
                if (it.form.busy || it.form.submitted != null) it else it.copy(form = it.form.copy(answers = it.form.answers + (event.item to event.value), missing = null, error = null))
            }
            MeasuresEvent.Submit -> submit()
            is MeasuresEvent.Edit -> onEdit(event.response.measure, event.response.id)
            is MeasuresEvent.Enabled -> saveSchedule(event.measure) { it.copy(enabled = event.on) }
            is MeasuresEvent.Every -> saveSchedule(event.measure) { it.copy(everyDays = event.days.toUShort()) }
            is MeasuresEvent.RemindAt -> saveSchedule(event.measure) { it.copy(reminderMinute = event.minute?.toUShort()) }
        }
    }

    private fun submit() {
        val f = _state.value.form
        val form = f.form ?: return
        if (f.busy || f.submitted != null) return
        // Answers to items no longer asked (7A–7G after item 7 went to zero) are not sent.
        val asked = f.askedItems().map { it.key }.toSet()
        val answers = f.answers.filterKeys { it in asked }.map { (item, value) -> MeasureAnswer(item, value) }
        _state.update { it.copy(form = it.form.copy(busy = true, missing = null, error = null)) }
        scope.launch {
            val result = calls.submit(form.measure, form.language, answers, f.responseId)
            _state.update { s ->
                result.fold(
                    onSuccess = { s.copy(form = s.form.copy(busy = false, submitted = it)) },
                    onFailure = { e ->
                        val error = CoreError.from(e)
                        val item = (error as? CoreError.InvalidInput)?.let { bad -> form.items.firstOrNull { it.key == bad.field } }
                        s.copy(form = s.form.copy(busy = false, missing = item?.number, error = if (item == null) error else null))
                    },
                )
            }
            // Answered: no longer due (the schedules are unchanged).
            if (result.isSuccess) refreshDue()
        }
    }

    private fun saveSchedule(measure: MeasureKind, change: (MeasureSchedule) -> MeasureSchedule) {
        val current = _state.value.schedules.firstOrNull { it.measure == measure } ?: return
        scope.launch {
            calls.setSchedule(change(current))
                .onSuccess { saved ->
                    // The core answers every schedule as stored; only what is due needs asking again.
                    _state.update { it.copy(schedules = saved, error = null) }
                    refreshDue()
                }
                .onFailure { e -> _state.update { it.copy(error = CoreError.from(e)) } }
        }
    }

    private suspend fun refreshDue() {
        calls.due(language())
            .onSuccess { due -> _state.update { it.copy(due = due) } }
            .onFailure { e -> _state.update { it.copy(error = CoreError.from(e)) } }
    }

    /** Forgets the answers on leaving the screens (they are in the vault once sent, nowhere else). */
    fun clear() {
        _state.update { it.copy(form = MeasureFormState(), history = MeasureHistoryState()) }
    }

    companion object {
        /** Schedules a participant picks from: weekly (the BAM's default), fortnightly, four-weekly. */
        val EVERY_DAYS = listOf(7, 14, 28)

        /** Reminder times offered (local minutes of the day): morning, noon, evening. */
        val REMINDER_MINUTES = listOf(9 * 60, 12 * 60, 18 * 60, 20 * 60)
    }
}
