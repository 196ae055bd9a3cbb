package org.keel.android.ui

import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.launch
import org.keel.android.core.CoreError
import org.keel.android.core.PreviewedReport
import org.keel.android.core.ReportCalls
import org.keel.core.CancelToken
import org.keel.core.DateRange
import org.keel.core.DateRangePreset
import org.keel.core.Language
import org.keel.core.ReportFile
import org.keel.core.ReportTopic

/** Where the participant is in making a report. */
enum class ReportStep {
    /** Choosing the period and the parts to share. */
    CHOOSE,

    /** Reading the core's preview and the passphrase, before anything is made. */
    PREVIEW,

    /** The core is building and sealing the file; it can be stopped. */
    MAKING,

    /** The sealed file is in memory: save it, share it, say the passphrase. */
    READY,
}

/** What happened to the finished file when the participant last saved or shared it. */
enum class ReportHandOff { SAVED, NOT_SAVED, SHARED, NOT_SHARED }

data class ReportUiState(
    /** The core's presets, but "everything" (a report covers at most a year). */
    val ranges: List<DateRange> = emptyList(),
    val selected: DateRangePreset? = null,
    /** The parts to share, in the report's order. The journal and measures are only ever chosen. */
    val topics: List<ReportTopic> = DEFAULT_TOPICS,
    val loaded: Boolean = false,
    val busy: Boolean = false,
    val step: ReportStep = ReportStep.CHOOSE,
    /** The core's preview: exactly what the file will hold. */
    val previewed: PreviewedReport? = null,
    /** The core's passphrase for this file, to say aloud. */
    val passphrase: String? = null,
    val done: Long = 0,
    val total: Long = 0,
    /** Stop was pressed; the core stops at its next step. */
    val stopping: Boolean = false,
    /** The last making was stopped: nothing was made or kept. */
    val cancelled: Boolean = false,
    /** The finished file's neutral name (no name, no date). */
    val fileName: String? = null,
    val handOff: ReportHandOff? = null,
    val error: CoreError? = null,
)

sealed interface ReportEvent {
    data class SelectRange(val preset: DateRangePreset) : ReportEvent
    data class ToggleTopic(val topic: ReportTopic) : ReportEvent
    data object Preview : ReportEvent

    /** Back from the preview to the choices (the preview is dropped). */
    data object Change : ReportEvent
    data object OtherWords : ReportEvent
    data object Make : ReportEvent
    data object Stop : ReportEvent
    data object Save : ReportEvent
    data object Share : ReportEvent

    /** Finished: the file and the passphrase are forgotten. */
    data object Finish : ReportEvent
}

/** Every part in the order the report shows them. */
val ALL_TOPICS: List<ReportTopic> = listOf(
    ReportTopic.PLAN,
    ReportTopic.CRAVINGS,
    ReportTopic.CHECKINS,
    ReportTopic.EXERCISES,
    ReportTopic.ATTENDANCE,
    ReportTopic.INSIGHTS,
    ReportTopic.MEASURES,
    ReportTopic.JOURNAL,
)

/** The core's default set: everything but the journal and the measures, which are only ever chosen. */
val DEFAULT_TOPICS: List<ReportTopic> = ALL_TOPICS - ReportTopic.JOURNAL - ReportTopic.MEASURES

/**
 * The counselor report: choose, preview (the core's exact account of the
 * file), make with progress and Stop, then save or share through
 * [documents]. The sealed file and its passphrase live only in this model's
 * memory, and are wiped when the participant finishes or leaves ([clear]).
 */
class ReportModel(
    private val calls: ReportCalls,
    private val scope: CoroutineScope,
    private val language: () -> Language,
    private val documents: Documents,
) {
    private val _state = MutableStateFlow(ReportUiState())
    val state: StateFlow<ReportUiState> = _state.asStateFlow()

    private var token: CancelToken? = null
    private var file: ReportFile? = null

    /** Starts afresh: the presets, the default choice. */
    fun load() {
        clear()
        ranges()
    }

    /**
     * The screen is shown again (back from SOS, or the language changed):
     * the presets are asked for again while choosing; a preview, a file
     * being made or a finished file are kept as they are.
     */
    fun show() {
        val s = _state.value
        if (s.step == ReportStep.CHOOSE && !s.busy) ranges()
    }

    private fun ranges() {
        _state.update { it.copy(busy = true, error = null) }
        scope.launch {
            calls.ranges(language())
                .onSuccess { all ->
                    // The core refuses a period over a year; "everything" always is.
                    val ranges = all.filter { it.preset != DateRangePreset.EVERYTHING }
                    val selected = _state.value.selected?.takeIf { p -> ranges.any { it.preset == p } }
                        ?: ranges.firstOrNull { it.preset == DateRangePreset.SINCE_LAST_REPORT }?.preset
                        ?: ranges.firstOrNull { it.preset == DateRangePreset.LAST30_DAYS }?.preset
                        ?: ranges.firstOrNull()?.preset
                    _state.update { it.copy(ranges = ranges, selected = selected, loaded = true, busy = false) }
                }
                .onFailure { e -> _state.update { it.copy(loaded = true, busy = false, error = CoreError.from(e)) } }
        }
    }

    /** Stops any making and forgets the file and the passphrase (the participant left the screen or the app locked). */
    fun clear() {
        token?.cancel()
        token = null
        forgetFile()
        _state.value = ReportUiState()
    }

    fun onEvent(event: ReportEvent) {
        val s = _state.value
        when (event) {
            is ReportEvent.SelectRange -> if (s.step == ReportStep.CHOOSE) _state.update { it.copy(selected = event.preset, error = null) }
            is ReportEvent.ToggleTopic -> if (s.step == ReportStep.CHOOSE) {
                val chosen = if (event.topic in s.topics) s.topics - event.topic else s.topics + event.topic
                _state.update { it.copy(topics = ALL_TOPICS.filter { t -> t in chosen }, error = null) }
            }
            ReportEvent.Preview -> preview(s)
            ReportEvent.Change -> if (s.step == ReportStep.PREVIEW) {
                _state.update { it.copy(step = ReportStep.CHOOSE, previewed = null, passphrase = null, cancelled = false, error = null) }
            }
            ReportEvent.OtherWords -> if (s.step == ReportStep.PREVIEW && !s.busy) {
                _state.update { it.copy(busy = true) }
                scope.launch {
                    calls.passphrase(language())
                        .onSuccess { p -> _state.update { it.copy(passphrase = p, busy = false) } }
                        .onFailure { fail(it) }
                }
            }
            ReportEvent.Make -> make(s)
            ReportEvent.Stop -> if (s.step == ReportStep.MAKING) {
                token?.cancel()
                _state.update { it.copy(stopping = true) }
            }
            ReportEvent.Save, ReportEvent.Share -> handOff(event == ReportEvent.Save)
            ReportEvent.Finish -> load()
        }
    }

    private fun preview(s: ReportUiState) {
        if (s.step != ReportStep.CHOOSE || s.busy) return
        val range = s.ranges.firstOrNull { it.preset == s.selected } ?: return
        _state.update { it.copy(busy = true, error = null, cancelled = false) }
        scope.launch {
            val lang = language()
            val previewed = calls.preview(range.firstDay, range.lastDay, s.topics, lang).getOrElse { return@launch fail(it) }
            val passphrase = calls.passphrase(lang).getOrElse { return@launch fail(it) }
            _state.update { it.copy(step = ReportStep.PREVIEW, previewed = previewed, passphrase = passphrase, busy = false) }
        }
    }

    private fun make(s: ReportUiState) {
        val previewed = s.previewed ?: return
        val passphrase = s.passphrase ?: return
        if (s.step != ReportStep.PREVIEW || s.busy) return
        val cancel = CancelToken()
        token = cancel
        _state.update { it.copy(step = ReportStep.MAKING, done = 0, total = 0, stopping = false, cancelled = false, error = null) }
        scope.launch {
            val result = calls.make(previewed, passphrase, cancel) { done, total ->
                _state.update { if (it.step == ReportStep.MAKING) it.copy(done = done, total = total) else it }
            }
            if (token !== cancel) {
                // Cleared meanwhile (the participant left): keep nothing.
                result.getOrNull()?.html?.fill(0)
                return@launch
            }
            token = null
            result
                .onSuccess { made ->
                    if (cancel.isCancelled()) {
                        // Stop came after the core's last check: drop the file all the same.
                        made.html.fill(0)
                        _state.update { it.copy(step = ReportStep.PREVIEW, stopping = false, cancelled = true) }
                    } else {
                        file = made
                        _state.update { it.copy(step = ReportStep.READY, stopping = false, fileName = made.fileName, handOff = null) }
                    }
                }
                .onFailure { e ->
                    val error = CoreError.from(e)
                    _state.update {
                        if (error == CoreError.Cancelled) {
                            it.copy(step = ReportStep.PREVIEW, stopping = false, cancelled = true)
                        } else {
                            it.copy(step = ReportStep.PREVIEW, stopping = false, error = error)
                        }
                    }
                }
        }
    }

    private fun handOff(save: Boolean) {
        val s = _state.value
        val made = file ?: return
        if (s.step != ReportStep.READY || s.busy) return
        _state.update { it.copy(busy = true, handOff = null) }
        scope.launch {
            val handed = if (save) documents.save(made.fileName, MIME_HTML, made.html) else documents.share(made.fileName, MIME_HTML, made.html)
            val result = when {
                save && handed -> ReportHandOff.SAVED
                save -> ReportHandOff.NOT_SAVED
                handed -> ReportHandOff.SHARED
                else -> ReportHandOff.NOT_SHARED
            }
            _state.update { if (it.step == ReportStep.READY) it.copy(busy = false, handOff = result) else it }
        }
    }

    private fun forgetFile() {
        file?.html?.fill(0)
        file = null
    }

    private fun fail(e: Throwable) {
        _state.update { it.copy(busy = false, error = CoreError.from(e)) }
    }

    companion object {
        const val MIME_HTML = "text/html"
    }
}
