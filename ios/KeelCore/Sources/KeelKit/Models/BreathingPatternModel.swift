import Foundation
import KeelCore
import Observation

/// The participant's own breathing pattern, as typed: a name, seconds for
/// each part of one breath and the number of breaths. The core checks every
/// value; what it refuses is named in plain words and nothing is saved.
@Observable @MainActor
public final class BreathingPatternModel {
    /// What the form could not take: not a number, or the core's field.
    public enum Problem: Sendable, Equatable {
        case notANumber
        case name
        /// Breathing in or out.
        case phase
        /// A hold with full or empty lungs.
        case hold
        case cycles

        /// The problem the core's refused `field` names.
        public init(field: String) {
            switch field {
            case "name": self = .name
            case "inhale_ms", "exhale_ms": self = .phase
            case "hold_in_ms", "hold_out_ms": self = .hold
            default: self = .cycles
            }
        }
    }

    public enum Field: Sendable {
        case name, inhale, holdIn, exhale, holdOut, cycles
    }

    public struct State {
        /// The pattern's id; nil for a new one.
        public var id: String?
        public var loading = false
        public var name = ""
        public var inhale = "4"
        public var holdIn = "0"
        public var exhale = "6"
        public var holdOut = "0"
        public var cycles = "10"
        public var busy = false
        public var problem: Problem?
        public var failure: CoreFailure?
        public var confirmDelete = false

        public init(id: String? = nil, loading: Bool = false) {
            self.id = id
            self.loading = loading
        }

        public func text(_ field: Field) -> String {
            switch field {
            case .name: return name
            case .inhale: return inhale
            case .holdIn: return holdIn
            case .exhale: return exhale
            case .holdOut: return holdOut
            case .cycles: return cycles
            }
        }
    }

    public enum Action: Sendable {
        case edit(Field, String)
        case delete
        case cancelDelete
    }

    public private(set) var state: State

    private let calls: any ExerciseCalls
    private let onDone: @MainActor () -> Void

    /// `onDone` runs after a save or a delete (the screen goes back to the library).
    public init(id: String?, calls: any ExerciseCalls, onDone: @escaping @MainActor () -> Void) {
        self.calls = calls
        self.onDone = onDone
        state = State(id: id, loading: id != nil)
    }

    /// The saved pattern, to edit (nothing to read for a new one).
    public func load() async {
        guard let id = state.id, state.loading else { return }
        switch await calls.breathingPattern(id) {
        case .success(let pattern):
            var loaded = State(id: id)
            loaded.name = pattern.name
            loaded.inhale = Self.seconds(pattern.inhaleMs)
            loaded.holdIn = Self.seconds(pattern.holdInMs)
            loaded.exhale = Self.seconds(pattern.exhaleMs)
            loaded.holdOut = Self.seconds(pattern.holdOutMs)
            loaded.cycles = String(pattern.cycles)
            state = loaded
        case .failure(let failure):
            state.failure = failure
        }
    }

    public func send(_ action: Action) {
        switch action {
        case let .edit(field, text):
            guard !state.busy else { return }
            switch field {
            case .name: state.name = text
            case .inhale: state.inhale = text
            case .holdIn: state.holdIn = text
            case .exhale: state.exhale = text
            case .holdOut: state.holdOut = text
            case .cycles: state.cycles = text
            }
            state.problem = nil
            state.failure = nil
        case .delete:
            guard state.id != nil, !state.busy else { return }
            state.confirmDelete = true
        case .cancelDelete:
            state.confirmDelete = false
        }
    }

    /// Saves the pattern (new, or over the one being edited).
    public func save() async {
        guard !state.busy, !state.loading else { return }
        let phases = [state.inhale, state.holdIn, state.exhale, state.holdOut].map(Self.millis)
        let cycles = UInt32(state.cycles.trimmingCharacters(in: .whitespaces))
        guard let inhale = phases[0], let holdIn = phases[1], let exhale = phases[2], let holdOut = phases[3], let cycles else {
            state.problem = .notANumber
            return
        }
        // Seconds as typed; the core checks each phase's range and the total.
        let draft = BreathingPatternDraft(name: state.name, inhaleMs: inhale, holdInMs: holdIn, exhaleMs: exhale, holdOutMs: holdOut, cycles: cycles)
        state.busy = true
        state.problem = nil
        state.failure = nil
        let saved: Result<BreathingPattern, CoreFailure>
        if let id = state.id {
            saved = await calls.updateBreathingPattern(id, draft: draft)
        } else {
            saved = await calls.addBreathingPattern(draft)
        }
        state.busy = false
        switch saved {
        case .success:
            onDone()
        case .failure(.invalidInput(let field, _)):
            state.problem = Problem(field: field)
        case .failure(let failure):
            state.failure = failure
        }
    }

    /// Deletes the pattern being edited, once confirmed; its sessions stay in the history.
    public func confirmDelete() async {
        guard let id = state.id, state.confirmDelete, !state.busy else { return }
        state.busy = true
        state.confirmDelete = false
        state.failure = nil
        let deleted = await calls.deleteBreathingPattern(id)
        state.busy = false
        switch deleted {
        case .success:
            onDone()
        case .failure(let failure):
            state.failure = failure
        }
    }

    /// A phase's seconds as the form shows them: "4", or "5.5" for a pattern saved elsewhere.
    public nonisolated static func seconds(_ ms: UInt32) -> String {
        let whole = String(ms / 1000)
        var fraction = String(ms % 1000)
        while fraction.count < 3 { fraction = "0" + fraction }
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return fraction.isEmpty ? whole : whole + "." + fraction
    }

    /// Typed seconds ("4", "5.5" or "5,5") in ms, or nil if not a number;
    /// digits past the millisecond are dropped, and an absurd number
    /// saturates, so it reaches the core's range check rather than wrapping.
    public nonisolated static func millis(_ text: String) -> UInt32? {
        let typed = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".")
        let parts = typed.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let whole = parts.first.map(String.init) ?? ""
        let fraction = parts.count > 1 ? String(parts[1]) : ""
        let isDigits: (String) -> Bool = { $0.allSatisfy { $0.isASCII && $0.isNumber } }
        guard !(whole.isEmpty && fraction.isEmpty), isDigits(whole), isDigits(fraction) else { return nil }
        let cap = UInt64(UInt32.max)
        var ms: UInt64 = 0
        for digit in whole {
            ms = min(cap + 1, ms * 10 + UInt64(digit.wholeNumberValue ?? 0))
        }
        ms = min(cap + 1, ms * 1000)
        var scale: UInt64 = 100
        for digit in fraction.prefix(3) {
            ms += UInt64(digit.wholeNumberValue ?? 0) * scale
            scale /= 10
        }
        return UInt32(min(cap, ms))
    }
}
