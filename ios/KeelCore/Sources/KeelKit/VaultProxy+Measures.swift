import Foundation
import KeelCore

/// The standard self-report measures (BAM, PHQ-9, GAD-7, AUDIT-C). The core
/// holds the instruments as data, validates and scores the answers and keeps
/// each response sealed; these calls only carry the participant's choices to
/// it and its records back.
public protocol MeasuresCalls: Sendable {
    /// Which measures are due at the phone's now, in `language`.
    func measuresDue(language: Language) async -> Result<[MeasureDue], CoreFailure>
    /// The form of `measure` in `language` (needs no vault). A language the
    /// measure was never published in is `.invalidInput(field: "language", ...)`.
    func form(for measure: MeasureKind, language: Language) async -> Result<MeasureForm, CoreFailure>
    /// Stores `answers` as a new response, or as the edit of `responseId`
    /// while its period is open; the result carries the scores and, when an
    /// answer raised it, the crisis support to show at once.
    func submitMeasure(_ measure: MeasureKind, language: Language, answers: [MeasureAnswer], responseId: String?) async -> Result<MeasureSubmitted, CoreFailure>
    /// Every response of `measure`, newest first, with the score trends and the items that moved.
    func measureHistory(_ measure: MeasureKind, language: Language) async -> Result<MeasureHistory, CoreFailure>
    /// Each measure's schedule (on or off, every how many days, its reminder time).
    func measureSchedules() async -> Result<[MeasureSchedule], CoreFailure>
    /// Saves one measure's schedule; answers every schedule as stored.
    func setMeasureSchedule(_ schedule: MeasureSchedule) async -> Result<[MeasureSchedule], CoreFailure>
}

extension VaultProxy: MeasuresCalls {
    public func measuresDue(language: Language) async -> Result<[MeasureDue], CoreFailure> {
        let now = self.now()
        return await perform { vault in try vault.measuresDue(now: now, language: language) }
    }

    public func form(for measure: MeasureKind, language: Language) async -> Result<MeasureForm, CoreFailure> {
        await performCore { try measureForm(measure: measure, language: language) }
    }

    public func submitMeasure(_ measure: MeasureKind, language: Language, answers: [MeasureAnswer], responseId: String?) async -> Result<MeasureSubmitted, CoreFailure> {
        let now = self.now()
        return await perform { vault in
            try vault.submitMeasure(measure: measure, language: language, answers: answers, responseId: responseId, now: now)
        }
    }

    public func measureHistory(_ measure: MeasureKind, language: Language) async -> Result<MeasureHistory, CoreFailure> {
        let now = self.now()
        return await perform { vault in try vault.measureHistory(measure: measure, now: now, language: language) }
    }

    public func measureSchedules() async -> Result<[MeasureSchedule], CoreFailure> {
        await perform { vault in try vault.measureSchedules() }
    }

    public func setMeasureSchedule(_ schedule: MeasureSchedule) async -> Result<[MeasureSchedule], CoreFailure> {
        await perform { vault in try vault.setMeasureSchedule(schedule: schedule) }
    }
}
