import Foundation
import Observation
import KeelCore

/// CSV and FHIR exports: plaintext files that leave the vault only through
/// the save picker or the share sheet. The core decides: it refuses a CSV
/// export the participant did not confirm after its warning, shown word for
/// word. The file made lies only in this screen's outbox (the app's caches,
/// under the core's name) and is removed on a new export, when the
/// participant leaves the screen or when the app locks (`clear`).
@Observable
@MainActor
public final class ExportModel {
    public enum Kind: Equatable, Sendable {
        case csv
        case fhir
    }

    /// An export made, as the core counted it.
    public struct Made: Equatable, Sendable {
        public let kind: Kind
        /// The core's file name, in the outbox.
        public let file: OutboxFile
        /// CSV: each file in the archive with its rows.
        public var files: [CsvArchiveEntry] = []
        /// FHIR: observations, encounters (meetings attended), questionnaire responses.
        public var observations: UInt32 = 0
        public var encounters: UInt32 = 0
        public var questionnaires: UInt32 = 0
        /// Records that failed their integrity check: left out by the core, kept aside.
        public var damagedLeftOut: UInt32 = 0
        public var handOff: HandOff?
    }

    public struct State {
        public var ranges: [DateRange] = []
        public var selected: DateRangePreset?
        /// The core's warning, shown before a CSV export.
        public var csvWarning: String?
        /// The participant ticked "I understand" under the warning.
        public var confirmed = false
        public var loaded = false
        public var busy = false
        public var made: Made?
        public var failure: CoreFailure?

        public init() {}

        /// The core refused a CSV export the participant had not confirmed.
        public var csvRefused: Bool {
            guard case let .invalidInput(field, _)? = failure else { return false }
            return field == "confirmed"
        }
    }

    public enum Action: Sendable {
        case selectRange(DateRangePreset)
        case confirm(Bool)
        case makeCsv
        case makeFhir
        /// The save picker closed: saved or not.
        case saved(Bool)
    }

    public private(set) var state = State()

    private let calls: any ExportCalls
    private let language: @MainActor () -> Language
    private let outbox: Outbox
    /// Counts `clear`s: an answer that comes after one is dropped.
    @ObservationIgnored private var generation = 0

    public init(calls: any ExportCalls, language: @escaping @MainActor () -> Language, outbox: Outbox) {
        self.calls = calls
        self.language = language
        self.outbox = outbox
    }

    deinit {
        // The screen is gone (left, or replaced by Unlock): no file stays behind.
        outbox.empty()
    }

    /// The presets and the core's warning; nothing confirmed, nothing left from before.
    public func load() async {
        clear()
        await texts()
    }

    /// Shown again (back from SOS): the presets and the warning again; a
    /// file made and the participant's "I understand" stay.
    public func show() async {
        if !state.busy { await texts() }
    }

    /// Forgets the file made (the participant left or the app locked).
    public func clear() {
        generation += 1
        outbox.empty()
        state = State()
    }

    public func send(_ action: Action) {
        switch action {
        case let .selectRange(preset):
            guard !state.busy else { return }
            outbox.empty()
            state.selected = preset
            state.made = nil
            state.failure = nil
        case let .confirm(confirmed):
            state.confirmed = confirmed
            state.failure = nil
        case .makeCsv:
            Task { await makeCsv() }
        case .makeFhir:
            Task { await makeFhir() }
        case let .saved(saved):
            state.made?.handOff = saved ? .saved : .notSaved
        }
    }

    func texts() async {
        state.busy = true
        state.failure = nil
        let language = language()
        let ranges: [DateRange]
        switch await calls.dateRangePresets(language: language) {
        case let .success(answer): ranges = answer
        case let .failure(failure): return fail(failure)
        }
        switch await calls.csvWarning(language: language) {
        case let .success(warning):
            let kept = state.selected.flatMap { preset in ranges.first { $0.preset == preset }?.preset }
            state.ranges = ranges
            state.selected = kept ?? ranges.first { $0.preset == .everything }?.preset ?? ranges.first?.preset
            state.csvWarning = warning
            state.loaded = true
            state.busy = false
        case let .failure(failure):
            fail(failure)
        }
    }

    func makeCsv() async {
        guard begin() else { return }
        let asked = generation
        // The participant's answer goes to the core as it stands; the core refuses an unconfirmed export.
        let answer = await calls.exportCsv(confirmed: state.confirmed, range: range())
        guard asked == generation else { return }
        switch answer {
        case let .success(archive):
            keep(archive.bytes, named: archive.fileName) { file in
                Made(kind: .csv, file: file, files: archive.files, damagedLeftOut: archive.damagedLeftOut)
            }
        case let .failure(failure):
            fail(failure)
        }
    }

    func makeFhir() async {
        guard begin() else { return }
        let asked = generation
        let answer = await calls.exportFhir(range: range())
        guard asked == generation else { return }
        switch answer {
        case let .success(bundle):
            keep(Data(bundle.json.utf8), named: bundle.fileName) { file in
                Made(
                    kind: .fhir,
                    file: file,
                    observations: bundle.observations,
                    encounters: bundle.encounters,
                    questionnaires: bundle.questionnaireResponses,
                    damagedLeftOut: bundle.damagedLeftOut
                )
            }
        case let .failure(failure):
            fail(failure)
        }
    }

    private func range() -> DateRange? {
        state.ranges.first { $0.preset == state.selected }
    }

    private func begin() -> Bool {
        guard !state.busy, state.loaded else { return false }
        outbox.empty()
        state.busy = true
        state.made = nil
        state.failure = nil
        return true
    }

    private func keep(_ bytes: Data, named name: String, made: (OutboxFile) -> Made) {
        do {
            let file = try outbox.put(bytes, named: name)
            state.made = made(file)
            state.busy = false
        } catch {
            outbox.empty()
            fail(Outbox.failure(error))
        }
    }

    private func fail(_ failure: CoreFailure) {
        state.busy = false
        state.loaded = true
        state.failure = failure
    }
}
