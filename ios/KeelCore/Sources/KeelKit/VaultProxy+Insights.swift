import Foundation
import KeelCore

/// What the Insights screen draws, as the core computed it: the ranges it
/// offers, the one shown (`range`), the core's chart-ready `insights` over
/// that range's days, and every measure's history with its trends.
public struct InsightsData: Equatable, Sendable {
    public let ranges: [DateRange]
    public let range: DateRange
    public let insights: Insights
    public let measures: [MeasureHistory]

    public init(ranges: [DateRange], range: DateRange, insights: Insights, measures: [MeasureHistory]) {
        self.ranges = ranges
        self.range = range
        self.insights = insights
        self.measures = measures
    }
}

/// The core calls the Insights screen makes.
public protocol InsightsCalls: Sendable {
    /// Everything over `preset` (resolved by the core at the phone's now),
    /// texts in `language`, in one trip to the core; `.notFound` if the core
    /// offers no such range now.
    func insights(preset: DateRangePreset, language: Language) async -> Result<InsightsData, CoreFailure>
}

/// The presets Insights offers and the measures it charts.
public enum InsightsRanges {
    /// Periods the core's insights cover (at most 366 days), long enough to show a pattern.
    public static let offered: [DateRangePreset] = [.last7Days, .last30Days, .last90Days, .thisMonth]

    /// The range shown first.
    public static let standard: DateRangePreset = .last30Days

    /// Every standard measure, in the order the app lists them.
    public static let measures: [MeasureKind] = [.bam, .phq9, .gad7, .auditC]
}

extension VaultProxy: InsightsCalls {
    public func insights(preset: DateRangePreset, language: Language) async -> Result<InsightsData, CoreFailure> {
        let now = self.now()
        let answer = await perform { vault -> InsightsData? in
            let ranges = try vault.dateRangePresets(now: now, language: language)
                .filter { InsightsRanges.offered.contains($0.preset) }
            guard let range = ranges.first(where: { $0.preset == preset }) else { return nil }
            let insights = try vault.insights(fromDate: range.firstDay, toDate: range.lastDay, now: now, language: language)
            var measures: [MeasureHistory] = []
            for kind in InsightsRanges.measures {
                measures.append(try vault.measureHistory(measure: kind, now: now, language: language))
            }
            return InsightsData(ranges: ranges, range: range, insights: insights, measures: measures)
        }
        return answer.flatMap { data -> Result<InsightsData, CoreFailure> in
            guard let data else { return .failure(.notFound) }
            return .success(data)
        }
    }
}
