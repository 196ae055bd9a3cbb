package org.keel.android.jvm

import org.keel.android.core.CoreError
import org.keel.android.core.PreviewedReport
import org.keel.android.ui.ExportKind
import org.keel.android.ui.ExportMade
import org.keel.android.ui.ExportUiState
import org.keel.android.ui.ReportHandOff
import org.keel.android.ui.ReportStep
import org.keel.android.ui.ReportUiState
import org.keel.core.DateRangePreset
import org.keel.core.Language
import org.keel.core.ReportRequest
import org.keel.core.csvExportWarning

/**
 * The counselor report's and the exports' states for the gallery, from the
 * core's real records in the gallery's participant vault (plan, clock, a
 * craving): the presets, the core's preview, the CSV archive's files and
 * the FHIR bundle's counts. The passphrase and the file name are fixed so
 * the PNGs do not change from run to run.
 */
object ReportShots {
    fun passphrase(language: Language) =
        if (language == Language.ENGLISH) "maple orbit candle river stone light" else "mesa gato nube lago tren sol pino"

    const val FILE_NAME = "report-3f9a1c0e5b7d2468.html"

    /** Choosing: the core's presets (a report covers at most a year: no "everything"), the default parts. */
    fun choose(data: GalleryData, language: Language): ReportUiState = data.cached("report-choose-$language") {
        val ranges = data.vault(language).dateRangePresets(data.now, language).filter { it.preset != DateRangePreset.EVERYTHING }
        ReportUiState(ranges = ranges, selected = DateRangePreset.LAST30_DAYS, loaded = true)
    }

    /** Every part unchosen: the core's refusal of an empty report, in plain words. */
    fun needTopic(data: GalleryData, language: Language): ReportUiState =
        choose(data, language).copy(topics = emptyList(), error = CoreError.InvalidInput("topics"))

    /** The core's preview of the last 30 days with the default parts, and the words to say. */
    fun preview(data: GalleryData, language: Language): ReportUiState = data.cached("report-preview-$language") {
        val chosen = choose(data, language)
        val range = chosen.ranges.first { it.preset == DateRangePreset.LAST30_DAYS }
        val request = ReportRequest(range.firstDay, range.lastDay, chosen.topics, language, data.now)
        chosen.copy(
            step = ReportStep.PREVIEW,
            previewed = PreviewedReport(request, data.vault(language).reportPreview(request)),
            passphrase = passphrase(language),
        )
    }

    fun cancelled(data: GalleryData, language: Language): ReportUiState = preview(data, language).copy(cancelled = true)

    fun making(data: GalleryData, language: Language): ReportUiState =
        preview(data, language).copy(step = ReportStep.MAKING, done = 1, total = 2)

    fun ready(data: GalleryData, language: Language): ReportUiState =
        preview(data, language).copy(step = ReportStep.READY, fileName = FILE_NAME, handOff = ReportHandOff.SAVED)

    /** The exports screen: the core's presets and its CSV warning, nothing ticked. */
    fun export(data: GalleryData, language: Language): ExportUiState = data.cached("export-$language") {
        ExportUiState(
            ranges = data.vault(language).dateRangePresets(data.now, language),
            selected = DateRangePreset.EVERYTHING,
            csvWarning = csvExportWarning(language),
            loaded = true,
        )
    }

    /** CSV asked for without "I understand": the core refused it. */
    fun exportNeedConfirm(data: GalleryData, language: Language): ExportUiState =
        export(data, language).copy(error = CoreError.InvalidInput("confirmed"))

    /** The CSV archive made: the core's files and their rows. */
    fun exportCsv(data: GalleryData, language: Language): ExportUiState = data.cached("export-csv-$language") {
        val archive = data.vault(language).exportCsvZip(true, null, null)
        export(data, language).copy(
            confirmed = true,
            made = ExportMade(ExportKind.CSV, archive.fileName, files = archive.files, damagedLeftOut = archive.damagedLeftOut.toLong()),
        )
    }

    /** The FHIR bundle made and shared: the core's counts. */
    fun exportFhir(data: GalleryData, language: Language): ExportUiState = data.cached("export-fhir-$language") {
        val fhir = data.vault(language).exportFhir(data.now, null, null)
        export(data, language).copy(
            made = ExportMade(
                ExportKind.FHIR,
                fhir.fileName,
                observations = fhir.observations.toLong(),
                encounters = fhir.encounters.toLong(),
                questionnaires = fhir.questionnaireResponses.toLong(),
                damagedLeftOut = fhir.damagedLeftOut.toLong(),
                handOff = ReportHandOff.SHARED,
            ),
        )
    }
}
