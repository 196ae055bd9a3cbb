import Foundation
import KeelCore
import Observation

/// The questionnaires screen: what the core says is due and each measure's
/// schedule, as the core keeps them; a schedule changed here is saved by the
/// core, which answers every schedule as stored.
@Observable @MainActor
public final class MeasuresModel {
    public struct State {
        public var due: [MeasureDue] = []
        public var schedules: [MeasureSchedule] = []
        public var loaded: Bool = false
        public var busy: Bool = false
        public var failure: CoreFailure?

        public init() {}
    }

    public enum Action: Sendable {
        case enabled(MeasureKind, Bool)
        case every(MeasureKind, days: Int)
        /// The reminder's local minute of the day, or none.
        case remindAt(MeasureKind, minute: Int?)
    }

    /// Schedules a participant picks from: weekly (the BAM's default), fortnightly, four-weekly.
    public nonisolated static let everyDays: [Int] = [7, 14, 28]

    /// Reminder times offered (local minutes of the day): morning, noon, evening, night.
    public nonisolated static let reminderMinutes: [Int] = [9 * 60, 12 * 60, 18 * 60, 20 * 60]

    public private(set) var state = State()

    private let calls: any MeasuresCalls
    private let language: @MainActor () -> Language

    public init(calls: any MeasuresCalls, language: @escaping @MainActor () -> Language) {
        self.calls = calls
        self.language = language
    }

    /// Reads what is due and the schedules (again after an answer or a change).
    public func load() async {
        state.busy = true
        state.failure = nil
        let due = await calls.measuresDue(language: language())
        let schedules = await calls.measureSchedules()
        if case .success(let list) = due { state.due = list }
        if case .success(let list) = schedules { state.schedules = list }
        state.failure = Self.failure(of: due) ?? Self.failure(of: schedules)
        state.loaded = true
        state.busy = false
    }

    public func send(_ action: Action) async {
        switch action {
        case let .enabled(measure, on):
            await save(measure) { $0.enabled = on }
        case let .every(measure, days):
            guard let value = UInt16(exactly: days) else { return }
            await save(measure) { $0.everyDays = value }
        case let .remindAt(measure, minute):
            let value = minute.flatMap { UInt16(exactly: $0) }
            if minute != nil && value == nil { return }
            await save(measure) { $0.reminderMinute = value }
        }
    }

    private func save(_ measure: MeasureKind, _ change: (inout MeasureSchedule) -> Void) async {
        guard var schedule = state.schedules.first(where: { $0.measure == measure }), !state.busy else { return }
        change(&schedule)
        state.busy = true
        state.failure = nil
        switch await calls.setMeasureSchedule(schedule) {
        case .success(let saved):
            state.schedules = saved
            // What is due follows the schedule.
            await load()
        case .failure(let failure):
            state.busy = false
            state.failure = failure
        }
    }

    private static func failure<T>(of result: Result<T, CoreFailure>) -> CoreFailure? {
        if case .failure(let failure) = result { return failure }
        return nil
    }
}

/// One questionnaire being answered: the core's form, the participant's
/// choices by item key, and after saving the core's scored response (with
/// its crisis support when an answer raised it, shown before anything else).
@Observable @MainActor
public final class MeasureFormModel {
    public struct State {
        public var form: MeasureForm?
        /// The app's language has no published version of this measure: shown in the form's language (English).
        public var otherLanguage: Bool = false
        public var answers: [String: UInt8] = [:]
        /// Set when changing an answered response while its period is open.
        public var responseId: String?
        public var busy: Bool = false
        /// The item the core found unanswered or wrong, by its printed number.
        public var missing: String?
        public var submitted: MeasureSubmitted?
        public var failure: CoreFailure?

        public init() {}

        /// Only the items the instrument asks given the answers so far (the BAM's 7A–7G follow item 7).
        public var askedItems: [MeasureItem] {
            (form?.items ?? []).filter { item in
                guard let condition = item.askedIf else { return true }
                guard let answer = answers[condition.item] else { return false }
                return answer > condition.above
            }
        }
    }

    public enum Action: Sendable {
        case answer(item: String, value: UInt8)
        case submit
    }

    public let measure: MeasureKind
    public private(set) var state = State()

    private let calls: any MeasuresCalls
    private let language: @MainActor () -> Language
    private let editing: String?

    /// A blank form of `measure`, or `responseId`'s answers to change.
    public init(calls: any MeasuresCalls, measure: MeasureKind, responseId: String?, language: @escaping @MainActor () -> Language) {
        self.calls = calls
        self.measure = measure
        self.editing = responseId
        self.language = language
    }

    /// Loads the form once (coming back to it from SOS keeps the choices):
    /// in the response's own language when changing one, else the app's;
    /// the English version, said so, where the language has none published.
    public func load() async {
        if state.form != nil || state.busy { return }
        state.busy = true
        state.failure = nil
        var response: MeasureResponse?
        if let id = editing {
            switch await calls.measureHistory(measure, language: language()) {
            case .success(let history):
                response = history.responses.first { $0.id == id && $0.editable }
            case .failure(let failure):
                state.busy = false
                state.failure = failure
                return
            }
        }
        let wanted = response?.language ?? language()
        var answer = await calls.form(for: measure, language: wanted)
        var other = false
        if case .failure(.invalidInput(field: "language", reason: _)) = answer, wanted != .english {
            answer = await calls.form(for: measure, language: .english)
            other = true
        }
        switch answer {
        case .success(let form):
            var fresh = State()
            fresh.form = form
            fresh.otherLanguage = other
            fresh.responseId = response?.id
            for given in response?.answers ?? [] {
                fresh.answers[given.item] = given.value
            }
            state = fresh
        case .failure(let failure):
            state.busy = false
            state.failure = failure
        }
    }

    public func send(_ action: Action) async {
        switch action {
        case let .answer(item, value):
            guard !state.busy, state.submitted == nil else { return }
            state.answers[item] = value
            state.missing = nil
            state.failure = nil
        case .submit:
            await submit()
        }
    }

    private func submit() async {
        guard let form = state.form, !state.busy, state.submitted == nil else { return }
        // Answers to items no longer asked (7A–7G after item 7 went to zero) are not sent.
        let answers = state.askedItems.compactMap { item in
            state.answers[item.key].map { MeasureAnswer(item: item.key, value: $0) }
        }
        state.busy = true
        state.missing = nil
        state.failure = nil
        switch await calls.submitMeasure(form.measure, language: form.language, answers: answers, responseId: state.responseId) {
        case .success(let submitted):
            state.busy = false
            state.submitted = submitted
        case .failure(let failure):
            state.busy = false
            if case let .invalidInput(field, _) = failure, let item = form.items.first(where: { $0.key == field }) {
                state.missing = item.number
            } else {
                state.failure = failure
            }
        }
    }
}

/// One measure's past answers: the core's score trends, the items that
/// moved, every response newest first (one still in its period can be changed).
@Observable @MainActor
public final class MeasureHistoryModel {
    public struct State {
        public var history: MeasureHistory?
        public var busy: Bool = false
        public var failure: CoreFailure?

        public init() {}
    }

    public let measure: MeasureKind
    public private(set) var state = State()

    private let calls: any MeasuresCalls
    private let language: @MainActor () -> Language

    public init(calls: any MeasuresCalls, measure: MeasureKind, language: @escaping @MainActor () -> Language) {
        self.calls = calls
        self.measure = measure
        self.language = language
    }

    /// Reads the history (again on coming back from a change).
    public func load() async {
        state.busy = true
        state.failure = nil
        switch await calls.measureHistory(measure, language: language()) {
        case .success(let history):
            state.history = history
            state.busy = false
        case .failure(let failure):
            state.busy = false
            state.failure = failure
        }
    }
}
