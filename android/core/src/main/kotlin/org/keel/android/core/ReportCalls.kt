package org.keel.android.core

import org.keel.core.CalendarDate
import org.keel.core.CancelToken
import org.keel.core.DateRange
import org.keel.core.Language
import org.keel.core.Progress
import org.keel.core.ReportFile
import org.keel.core.ReportPreview
import org.keel.core.ReportRequest
import org.keel.core.ReportTopic

/**
 * A report the participant has seen: the exact [request] the core previewed
 * (its `now` included, since the "prepared" time is part of the document and
 * so of the fingerprint) and the core's [preview].
 */
data class PreviewedReport(val request: ReportRequest, val preview: ReportPreview)

/** The counselor report's core calls, on the gateway's one door. */
class ReportCalls(private val gateway: VaultGateway) {
    /** The date-range presets the period picker offers, labelled in [language]. */
    suspend fun ranges(language: Language): Result<List<DateRange>> = gateway.dateRangePresets(language)

    /** What the report from [from] to [to] with [topics] in [language] will hold; writes nothing. */
    suspend fun preview(from: CalendarDate, to: CalendarDate, topics: List<ReportTopic>, language: Language): Result<PreviewedReport> =
        gateway.withVault { vault, now ->
            val request = ReportRequest(from, to, topics, language, now)
            PreviewedReport(request, vault.reportPreview(request))
        }

    /** A passphrase of common words in [language] to say aloud; always accepted by the core. */
    suspend fun passphrase(language: Language): Result<String> = gateway.suggestPassphrase(language)

    /**
     * The encrypted report page for [report], locked with [passphrase]: long
     * (the key derivation), reporting each step to [onStep] and stopping
     * with [CoreError.Cancelled] once [cancel] is cancelled. The bytes stay in
     * memory: nothing is written until the participant saves or shares them.
     */
    suspend fun make(report: PreviewedReport, passphrase: String, cancel: CancelToken, onStep: (done: Long, total: Long) -> Unit): Result<ReportFile> {
        val progress = object : Progress {
            override fun onProgress(done: ULong, total: ULong) = onStep(done.toLong(), total.toLong())
        }
        return gateway.withVault { vault, _ -> vault.reportHtml(report.request, passphrase, report.preview.fingerprint, progress, cancel) }
    }
}
