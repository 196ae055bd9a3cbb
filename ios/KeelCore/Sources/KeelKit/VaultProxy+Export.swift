import Foundation
import KeelCore

/// The CSV and FHIR exports' core calls.
public protocol ExportCalls: AnyObject, Sendable {
    /// The date-range presets at the phone's now, labelled in `language`.
    func dateRangePresets(language: Language) async -> Result<[DateRange], CoreFailure>
    /// The core's warning in `language`, shown and accepted before a CSV export.
    func csvWarning(language: Language) async -> Result<String, CoreFailure>
    /// Every log in `range` (all when nil) as CSV files in one zip; the core
    /// refuses (`invalidInput` of `confirmed`) unless `confirmed`.
    func exportCsv(confirmed: Bool, range: DateRange?) async -> Result<CsvArchive, CoreFailure>
    /// Cravings, check-ins, attendance and measures in `range` (all when nil) as a FHIR R4 bundle.
    func exportFhir(range: DateRange?) async -> Result<FhirExport, CoreFailure>
}

extension VaultProxy: ExportCalls {
    public func csvWarning(language: Language) async -> Result<String, CoreFailure> {
        await performCore { csvExportWarning(language: language) }
    }

    public func exportCsv(confirmed: Bool, range: DateRange?) async -> Result<CsvArchive, CoreFailure> {
        await perform { vault in
            try vault.exportCsvZip(confirmed: confirmed, fromUtcMillis: range?.startUtcMillis, untilUtcMillis: range?.endUtcMillis)
        }
    }

    public func exportFhir(range: DateRange?) async -> Result<FhirExport, CoreFailure> {
        let now = self.now()
        return await perform { vault in
            try vault.exportFhir(now: now, fromUtcMillis: range?.startUtcMillis, untilUtcMillis: range?.endUtcMillis)
        }
    }
}
