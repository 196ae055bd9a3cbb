package org.keel.android.core

import org.keel.core.DateRange
import org.keel.core.DateRangePreset
import org.keel.core.Insights
import org.keel.core.Language
import org.keel.core.MeasureHistory
import org.keel.core.MeasureKind

/**
 * What the Insights screen draws, as the core computed it: the ranges it
 * offers, the one shown ([range]), the core's chart-ready [insights] over
 * that range's days, and every measure's history with its trends.
 */
data class InsightsData(
    val ranges: List<DateRange>,
    val range: DateRange,
    val insights: Insights,
    val measures: List<MeasureHistory>,
)

/** The Insights screen's core calls, on the gateway's door. */
class InsightsCalls(private val gateway: VaultGateway) {
    /**
     * Everything over [preset] (resolved by the core at the gateway clock's
     * now), texts in [language], in one trip to the core; `NotFound` if the
     * core offers no such range now.
     */
    suspend fun load(preset: DateRangePreset, language: Language): Result<InsightsData> =
        gateway.withVault { vault, now ->
            val ranges = vault.dateRangePresets(now, language).filter { it.preset in RANGES }
            ranges.firstOrNull { it.preset == preset }?.let { range ->
                InsightsData(
                    ranges = ranges,
                    range = range,
                    insights = vault.insights(range.firstDay, range.lastDay, now, language),
                    measures = MeasureKind.entries.map { vault.measureHistory(it, now, language) },
                )
            }
        }.mapCatching { it ?: throw CoreError.NotFound }

    companion object {
        /**
         * The presets Insights offers: periods the core's insights cover
         * (at most 366 days), long enough to show a pattern.
         */
        val RANGES = listOf(DateRangePreset.LAST7_DAYS, DateRangePreset.LAST30_DAYS, DateRangePreset.LAST90_DAYS, DateRangePreset.THIS_MONTH)
    }
}
