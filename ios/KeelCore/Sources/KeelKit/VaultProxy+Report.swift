import Foundation
import KeelCore

/// A report the participant has seen: the exact request the core previewed
/// (its `now` included, since the "prepared" time is part of the document
/// and so of the fingerprint) and the core's preview.
public struct PreviewedReport: Equatable, Sendable {
    public let request: ReportRequest
    public let preview: ReportPreview

    public init(request: ReportRequest, preview: ReportPreview) {
        self.request = request
        self.preview = preview
    }
}

/// The counselor report's core calls.
public protocol ReportCalls: AnyObject, Sendable {
    /// The date-range presets at the phone's now, labelled in `language`.
    func dateRangePresets(language: Language) async -> Result<[DateRange], CoreFailure>
    /// What the report from `from` to `to` with `topics` will hold; writes nothing.
    func previewReport(from: CalendarDate, to: CalendarDate, topics: [ReportTopic], language: Language) async -> Result<PreviewedReport, CoreFailure>
    /// A passphrase of common words in `language` to say aloud; always accepted.
    func suggestPassphrase(language: Language) async -> Result<String, CoreFailure>
    /// The sealed report page for `report`, locked with `passphrase`: long
    /// (a key derivation), reporting its steps to `progress` and stopping
    /// with `.cancelled` once `cancel` is cancelled. Refused if anything
    /// changed since the preview (its fingerprint). The bytes come back in memory.
    func makeReport(_ report: PreviewedReport, passphrase: String, progress: (any KeelCore.Progress)?, cancel: CancelToken?) async -> Result<ReportFile, CoreFailure>
}

extension VaultProxy: ReportCalls {
    public func previewReport(from: CalendarDate, to: CalendarDate, topics: [ReportTopic], language: Language) async -> Result<PreviewedReport, CoreFailure> {
        let request = ReportRequest(fromDate: from, toDate: to, topics: topics, language: language, now: now())
        return await perform { vault in
            PreviewedReport(request: request, preview: try vault.reportPreview(request: request))
        }
    }

    public func makeReport(_ report: PreviewedReport, passphrase: String, progress: (any KeelCore.Progress)?, cancel: CancelToken?) async -> Result<ReportFile, CoreFailure> {
        await perform { vault in
            try vault.reportHtml(
                request: report.request,
                passphrase: passphrase,
                fingerprint: report.preview.fingerprint,
                progress: progress,
                cancel: cancel
            )
        }
    }
}
