import Foundation
import KeelCore

/// The core calls the History screen makes.
public protocol HistoryCalls: Sendable {
    /// One page of the merged history, newest first; pass its token back for the next.
    func history(query: HistoryQuery, language: Language) async -> Result<HistoryPage, CoreFailure>
    /// The date-range presets at the phone's now, labelled in `language`.
    func dateRangePresets(language: Language) async -> Result<[DateRange], CoreFailure>
}

extension VaultProxy: HistoryCalls {
    public func history(query: HistoryQuery, language: Language) async -> Result<HistoryPage, CoreFailure> {
        await perform { vault in try vault.history(query: query, language: language) }
    }

    public func dateRangePresets(language: Language) async -> Result<[DateRange], CoreFailure> {
        let now = self.now()
        return await perform { vault in try vault.dateRangePresets(now: now, language: language) }
    }
}
