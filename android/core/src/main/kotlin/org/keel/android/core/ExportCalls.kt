package org.keel.android.core

import org.keel.core.CsvArchive
import org.keel.core.DateRange
import org.keel.core.FhirExport
import org.keel.core.Language
import org.keel.core.csvExportWarning

/** The CSV and FHIR exports' core calls, on the gateway's one door. */
class ExportCalls(private val gateway: VaultGateway) {
    /** The date-range presets the period picker offers, labelled in [language]. */
    suspend fun ranges(language: Language): Result<List<DateRange>> = gateway.dateRangePresets(language)

    /** The core's warning in [language], shown and accepted before a CSV export. */
    suspend fun csvWarning(language: Language): Result<String> = gateway.withCore { csvExportWarning(language) }

    /** Every log in [range] (all when null) as CSV files in one zip; the core refuses unless [confirmed]. */
    suspend fun csv(confirmed: Boolean, range: DateRange?): Result<CsvArchive> =
        gateway.withVault { vault, _ -> vault.exportCsvZip(confirmed, range?.startUtcMillis, range?.endUtcMillis) }

    /** Cravings, check-ins, attendance and measures in [range] (all when null) as a FHIR R4 bundle. */
    suspend fun fhir(range: DateRange?): Result<FhirExport> =
        gateway.withVault { vault, now -> vault.exportFhir(now, range?.startUtcMillis, range?.endUtcMillis) }
}
