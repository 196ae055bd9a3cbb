package org.keel.android.ui

import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.launch
import org.keel.android.core.CoreError
import org.keel.android.core.ExportCalls
import org.keel.core.CsvArchiveEntry
import org.keel.core.DateRange
import org.keel.core.DateRangePreset
import org.keel.core.Language

/** Which export was made. */
enum class ExportKind { CSV, FHIR }

/** An export made and held in memory, as the core counted it. */
data class ExportMade(
    val kind: ExportKind,
    val fileName: String,
    /** CSV: each file in the archive with its rows. */
    val files: List<CsvArchiveEntry> = emptyList(),
    /** FHIR: observations, encounters (meetings attended), questionnaire responses. */
    val observations: Long = 0,
    val encounters: Long = 0,
    val questionnaires: Long = 0,
    /** Records that failed their integrity check: left out by the core, kept aside. */
    val damagedLeftOut: Long = 0,
    val handOff: ReportHandOff? = null,
)

data class ExportUiState(
    val ranges: List<DateRange> = emptyList(),
    val selected: DateRangePreset? = null,
    /** The core's warning, shown before a CSV export. */
    val csvWarning: String? = null,
    /** The participant ticked "I understand" under the warning. */
    val confirmed: Boolean = false,
    val loaded: Boolean = false,
    val busy: Boolean = false,
    val made: ExportMade? = null,
    val error: CoreError? = null,
)

sealed interface ExportEvent {
    data class SelectRange(val preset: DateRangePreset) : ExportEvent
    data class Confirm(val confirmed: Boolean) : ExportEvent
    data object MakeCsv : ExportEvent
    data object MakeFhir : ExportEvent
    data object Save : ExportEvent
    data object Share : ExportEvent
}

/**
 * CSV and FHIR exports: plaintext files that leave the vault only through
 * [documents] (the save picker or the share sheet). The core decides: it
 * refuses a CSV export the participant did not confirm after its warning.
 * The bytes live in this model's memory until saved or shared, and are
 * wiped on a new export or when the participant leaves ([clear]).
 */
class ExportModel(
    private val calls: ExportCalls,
    private val scope: CoroutineScope,
    private val language: () -> Language,
    private val documents: Documents,
) {
    private val _state = MutableStateFlow(ExportUiState())
    val state: StateFlow<ExportUiState> = _state.asStateFlow()

    private var bytes: ByteArray? = null

    /** The presets and the core's warning; nothing confirmed yet. */
    fun load() {
        clear()
        texts()
    }

    /**
     * The screen is shown again (back from SOS, or the language changed):
     * the presets and the warning are asked for again in the app's language;
     * a file made is kept, and so is the participant's "I understand".
     */
    fun show() {
        if (!_state.value.busy) texts()
    }

    private fun texts() {
        _state.update { it.copy(busy = true, error = null) }
        scope.launch {
            val lang = language()
            val ranges = calls.ranges(lang).getOrElse { return@launch fail(it) }
            val warning = calls.csvWarning(lang).getOrElse { return@launch fail(it) }
            _state.update {
                it.copy(
                    ranges = ranges,
                    selected = it.selected?.takeIf { p -> ranges.any { r -> r.preset == p } }
                        ?: ranges.firstOrNull { r -> r.preset == DateRangePreset.EVERYTHING }?.preset
                        ?: ranges.firstOrNull()?.preset,
                    csvWarning = warning,
                    loaded = true,
                    busy = false,
                )
            }
        }
    }

    /** Forgets the file made (the participant left or the app locked). */
    fun clear() {
        forget()
        _state.value = ExportUiState()
    }

    fun onEvent(event: ExportEvent) {
        val s = _state.value
        when (event) {
            is ExportEvent.SelectRange -> if (!s.busy) {
                forget()
                _state.update { it.copy(selected = event.preset, made = null, error = null) }
            }
            is ExportEvent.Confirm -> _state.update { it.copy(confirmed = event.confirmed, error = null) }
            ExportEvent.MakeCsv -> make(s) {
                // The participant's answer goes to the core as it stands; the core refuses an unconfirmed export.
                calls.csv(s.confirmed, range(s)).map { a ->
                    a.bytes to ExportMade(ExportKind.CSV, a.fileName, files = a.files, damagedLeftOut = a.damagedLeftOut.toLong())
                }
            }
            ExportEvent.MakeFhir -> make(s) {
                calls.fhir(range(s)).map { f ->
                    f.json.toByteArray(Charsets.UTF_8) to ExportMade(
                        ExportKind.FHIR,
                        f.fileName,
                        observations = f.observations.toLong(),
                        encounters = f.encounters.toLong(),
                        questionnaires = f.questionnaireResponses.toLong(),
                        damagedLeftOut = f.damagedLeftOut.toLong(),
                    )
                }
            }
            ExportEvent.Save, ExportEvent.Share -> handOff(event == ExportEvent.Save)
        }
    }

    private fun range(s: ExportUiState): DateRange? = s.ranges.firstOrNull { it.preset == s.selected }

    private fun make(s: ExportUiState, call: suspend () -> Result<Pair<ByteArray, ExportMade>>) {
        if (s.busy || !s.loaded) return
        forget()
        _state.update { it.copy(busy = true, made = null, error = null) }
        scope.launch {
            call()
                .onSuccess { (b, made) ->
                    bytes = b
                    _state.update { it.copy(busy = false, made = made) }
                }
                .onFailure { fail(it) }
        }
    }

    private fun handOff(save: Boolean) {
        val s = _state.value
        val made = s.made ?: return
        val b = bytes ?: return
        if (s.busy) return
        _state.update { it.copy(busy = true, made = made.copy(handOff = null)) }
        scope.launch {
            val mime = if (made.kind == ExportKind.CSV) MIME_ZIP else MIME_FHIR
            val handed = if (save) documents.save(made.fileName, mime, b) else documents.share(made.fileName, mime, b)
            val result = when {
                save && handed -> ReportHandOff.SAVED
                save -> ReportHandOff.NOT_SAVED
                handed -> ReportHandOff.SHARED
                else -> ReportHandOff.NOT_SHARED
            }
            _state.update {
                val current = it.made
                if (current != null && current.fileName == made.fileName) it.copy(busy = false, made = current.copy(handOff = result)) else it.copy(busy = false)
            }
        }
    }

    private fun forget() {
        bytes?.fill(0)
        bytes = null
    }

    private fun fail(e: Throwable) {
        _state.update { it.copy(busy = false, loaded = true, error = CoreError.from(e)) }
    }

    companion object {
        const val MIME_ZIP = "application/zip"
        const val MIME_FHIR = "application/fhir+json"
    }
}
