import Foundation
import Observation
import KeelCore

/// The counselor report, step by step: choose the days and the parts, read
/// the core's preview (exactly what the file will hold) and the words that
/// will lock it, make the sealed file with progress and Stop, then save or
/// share it and say the words aloud. The finished file lies only in this
/// screen's outbox (the app's caches, under the core's neutral name) and is
/// removed with the words when the participant finishes, leaves the screen
/// or the app locks (`clear`). A stopped or failed making leaves nothing.
@Observable
@MainActor
public final class ReportModel {
    public enum Step: Equatable, Sendable {
        /// Choosing the period and the parts to share.
        case choose
        /// Reading the core's preview and the passphrase, before anything is made.
        case preview
        /// The core is building and sealing the file; it can be stopped.
        case making
        /// The sealed file is in the outbox: save it, share it, say the passphrase.
        case ready
    }

    public struct State {
        /// The core's presets but "everything" (a report covers at most a year).
        public var ranges: [DateRange] = []
        public var selected: DateRangePreset?
        /// The parts to share, in the report's order. The journal and the measures are only ever chosen.
        public var topics: [ReportTopic] = ReportModel.defaultTopics
        public var loaded = false
        public var busy = false
        public var step: Step = .choose
        /// The core's preview: exactly what the file will hold.
        public var previewed: PreviewedReport?
        /// The core's passphrase for this file, to say aloud.
        public var passphrase: String?
        public var done: UInt64 = 0
        public var total: UInt64 = 0
        /// Stop was pressed; the core stops at its next step.
        public var stopping = false
        /// The last making was stopped: nothing was made or kept.
        public var cancelled = false
        /// The finished file (the core's name, in the outbox).
        public var file: OutboxFile?
        public var handOff: HandOff?
        public var failure: CoreFailure?

        public init() {}

        public var canPreview: Bool { step == .choose && !busy && selected != nil }
    }

    public enum Action: Sendable {
        case selectRange(DateRangePreset)
        case toggleTopic(ReportTopic)
        case preview
        /// Back from the preview to the choices (the preview is dropped).
        case change
        case otherWords
        case make
        case stop
        /// The save picker closed: saved or not.
        case saved(Bool)
        /// Finished: the file and the words are forgotten.
        case finish
    }

    /// Every part in the order the report shows them.
    public nonisolated static let allTopics: [ReportTopic] = [
        .plan, .cravings, .checkins, .exercises, .attendance, .insights, .measures, .journal,
    ]

    /// The core's default set: everything but the journal and the measures, which are only ever chosen.
    public nonisolated static let defaultTopics: [ReportTopic] = allTopics.filter { $0 != .journal && $0 != .measures }

    public private(set) var state = State()

    private let calls: any ReportCalls
    private let language: @MainActor () -> Language
    private let outbox: Outbox
    @ObservationIgnored private var token: CancelToken?

    public init(calls: any ReportCalls, language: @escaping @MainActor () -> Language, outbox: Outbox) {
        self.calls = calls
        self.language = language
        self.outbox = outbox
    }

    deinit {
        // The screen is gone (left, or replaced by Unlock): no file stays behind.
        outbox.empty()
    }

    /// Starts afresh: nothing left from before, the presets, the default choice.
    public func load() async {
        clear()
        await ranges()
    }

    /// Shown again (back from SOS): the presets again while choosing; a
    /// preview, a making or a finished file stay as they are.
    public func show() async {
        if state.step == .choose && !state.busy { await ranges() }
    }

    /// Stops any making and forgets the file and the words (the participant
    /// left the screen or the app locked).
    public func clear() {
        token?.cancel()
        token = nil
        outbox.empty()
        state = State()
    }

    public func send(_ action: Action) {
        switch action {
        case let .selectRange(preset):
            guard state.step == .choose else { return }
            state.selected = preset
            state.failure = nil
        case let .toggleTopic(topic):
            guard state.step == .choose else { return }
            let chosen = state.topics.contains(topic) ? state.topics.filter { $0 != topic } : state.topics + [topic]
            state.topics = Self.allTopics.filter { chosen.contains($0) }
            state.failure = nil
        case .preview:
            Task { await preview() }
        case .change:
            guard state.step == .preview, !state.busy else { return }
            state.step = .choose
            state.previewed = nil
            state.passphrase = nil
            state.cancelled = false
            state.failure = nil
        case .otherWords:
            Task { await otherWords() }
        case .make:
            Task { await make() }
        case .stop:
            guard state.step == .making else { return }
            token?.cancel()
            state.stopping = true
        case let .saved(saved):
            guard state.step == .ready else { return }
            state.handOff = saved ? .saved : .notSaved
        case .finish:
            Task { await load() }
        }
    }

    func ranges() async {
        state.busy = true
        state.failure = nil
        switch await calls.dateRangePresets(language: language()) {
        case let .success(all):
            // The core refuses a period over a year; "everything" always is.
            let ranges = all.filter { $0.preset != .everything }
            let kept = state.selected.flatMap { preset in ranges.first { $0.preset == preset }?.preset }
            state.ranges = ranges
            state.selected = kept
                ?? ranges.first { $0.preset == .sinceLastReport }?.preset
                ?? ranges.first { $0.preset == .last30Days }?.preset
                ?? ranges.first?.preset
            state.loaded = true
            state.busy = false
        case let .failure(failure):
            state.loaded = true
            state.busy = false
            state.failure = failure
        }
    }

    func preview() async {
        guard state.canPreview, let range = state.ranges.first(where: { $0.preset == state.selected }) else { return }
        state.busy = true
        state.failure = nil
        state.cancelled = false
        let language = language()
        let previewed: PreviewedReport
        switch await calls.previewReport(from: range.firstDay, to: range.lastDay, topics: state.topics, language: language) {
        case let .success(answer): previewed = answer
        case let .failure(failure): return fail(failure)
        }
        switch await calls.suggestPassphrase(language: language) {
        case let .success(words):
            guard state.step == .choose, state.busy else { return }
            state.previewed = previewed
            state.passphrase = words
            state.step = .preview
            state.busy = false
        case let .failure(failure):
            fail(failure)
        }
    }

    func otherWords() async {
        guard state.step == .preview, !state.busy else { return }
        state.busy = true
        switch await calls.suggestPassphrase(language: language()) {
        case let .success(words):
            guard state.step == .preview else { return }
            state.passphrase = words
            state.busy = false
        case let .failure(failure):
            fail(failure)
        }
    }

    func make() async {
        guard state.step == .preview, !state.busy, let previewed = state.previewed, let passphrase = state.passphrase else { return }
        let cancel = CancelToken()
        token = cancel
        state.step = .making
        state.done = 0
        state.total = 0
        state.stopping = false
        state.cancelled = false
        state.failure = nil
        let answer = await calls.makeReport(previewed, passphrase: passphrase, progress: stepSink(), cancel: cancel)
        // Cleared meanwhile (the participant left, the app locked): keep nothing.
        guard token === cancel else { return }
        token = nil
        state.stopping = false
        switch answer {
        case let .success(made):
            if cancel.isCancelled() {
                // Stop came after the core's last check: drop the file all the same.
                state.step = .preview
                state.cancelled = true
                return
            }
            do {
                state.file = try outbox.put(made.html, named: made.fileName)
                state.handOff = nil
                state.step = .ready
            } catch {
                outbox.empty()
                state.step = .preview
                state.failure = Outbox.failure(error)
            }
        case .failure(.cancelled):
            state.step = .preview
            state.cancelled = true
        case let .failure(failure):
            state.step = .preview
            state.failure = failure
        }
    }

    private func stepSink() -> StepProgress {
        StepProgress { [weak self] done, total in
            Task { @MainActor in
                guard let self, self.state.step == .making else { return }
                self.state.done = done
                self.state.total = total
            }
        }
    }

    private func fail(_ failure: CoreFailure) {
        state.busy = false
        state.failure = failure
    }
}
