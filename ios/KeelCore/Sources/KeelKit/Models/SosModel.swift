import Foundation
import Observation
import KeelCore

/// Help now. Works locked and unlocked: the crisis plan is the saved plan's
/// steps, contacts and lines while unlocked, the core's defaults (988, the
/// SAMHSA helpline) while locked; the one-minute breathing exercise is a
/// built-in one that needs no vault. Its clock is the screen's display
/// clock: the first frame after start begins the core's playback, every
/// later frame asks the core's player what to show.
@Observable
@MainActor
public final class SosModel {
    public struct State {
        public var crisis: CrisisPlan?
        public var failed = false
        /// The breathing exercise: nil until started.
        public var breathing: Breathing?
    }

    /// One moment of the breathing exercise, as the core's timeline computed it.
    public struct Breathing {
        /// Nil until the first display frame.
        public var frame: ExerciseFrame?
        public var finished: Bool { frame?.finished == true }
    }

    public enum Action {
        case startBreathing
        case stopBreathing
        /// A display frame at `nowMillis` on the screen's clock.
        case frame(nowMillis: Int64)
    }

    /// Box breathing (in, hold, out, hold): simple to follow in distress.
    nonisolated public static let breathingExercise = "breath.box"
    nonisolated public static let breathingMinutes: UInt32 = 1

    public private(set) var state = State()

    private let calls: any SosCalls
    private let language: () -> Language
    private var player: (any ExercisePlayerProtocol)?
    private var playerLanguage: Language?
    private var playback: ExercisePlayback?

    public init(calls: any SosCalls, language: @escaping () -> Language) {
        self.calls = calls
        self.language = language
    }

    public func load() async {
        let language = language()
        state.failed = false
        state.breathing = nil
        playback = nil
        switch await calls.crisisPlan(language: language) {
        case let .success(plan):
            state.crisis = plan
        case .failure:
            state.failed = true
        }
        if player == nil || playerLanguage != language {
            if case let .success(made) = await calls.breathingPlayer(language: language) {
                player = made
                playerLanguage = language
            }
        }
    }

    public func send(_ action: Action) {
        switch action {
        case .startBreathing:
            guard player != nil else { return }
            playback = nil
            state.breathing = Breathing()
        case .stopBreathing:
            playback = nil
            state.breathing = nil
        case let .frame(nowMillis):
            frame(nowMillis)
        }
    }

    /// Whether display frames are wanted now.
    public var ticking: Bool {
        guard let breathing = state.breathing else { return false }
        return !breathing.finished
    }

    private func frame(_ nowMillis: Int64) {
        guard let player, let breathing = state.breathing, !breathing.finished else { return }
        let current = playback ?? exercisePlaybackStart(nowMs: nowMillis)
        playback = current
        guard let frame = try? player.frameAt(playback: current, nowMs: nowMillis) else { return }
        state.breathing = Breathing(frame: frame)
    }
}
