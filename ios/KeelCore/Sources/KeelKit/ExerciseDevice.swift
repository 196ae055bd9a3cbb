import Foundation
import KeelCore

/// What the exercise player asks of the phone: a cue's haptic, a cue's
/// sound, the screen kept awake while a run plays (`PhoneExerciseDevice` in
/// the app's glue: UIKit's feedback generators, a short synthesised tone,
/// the idle timer); tests use a recording fake. The model decides when,
/// from the core's cues; the device only plays what it is told.
@MainActor
public protocol ExerciseDevice: AnyObject {
    /// Plays one cue's haptic.
    func haptic(_ haptic: ExerciseHaptic)
    /// Plays one cue's sound (only called while the participant has sound on).
    func sound(_ sound: ExerciseSound)
    /// Keeps the screen from sleeping while an exercise runs (false lets it sleep again).
    func keepScreenOn(_ on: Bool)
}

/// A phone without haptics or sound (previews, tests that need none).
@MainActor
public final class NoExerciseDevice: ExerciseDevice {
    public init() {}
    public func haptic(_ haptic: ExerciseHaptic) {}
    public func sound(_ sound: ExerciseSound) {}
    public func keepScreenOn(_ on: Bool) {}
}

/// The player's last sound and vibration choices, each run starting with
/// them. Kept outside the vault (how someone likes a breathing exercise to
/// sound says nothing personal), as the About page says.
@MainActor
public protocol ExerciseChoices: AnyObject {
    var vibrate: Bool { get set }
    var sound: Bool { get set }
}

/// `ExerciseChoices` in `UserDefaults`: vibration on and sound off until changed.
@MainActor
public final class DefaultsExerciseChoices: ExerciseChoices {
    private let defaults: UserDefaults

    private enum Key {
        static let vibrate = "keel.exerciseVibrate"
        static let sound = "keel.exerciseSound"
    }

    public init(defaults: UserDefaults = .standard) {
        self.defaults = defaults
    }

    public var vibrate: Bool {
        get { defaults.object(forKey: Key.vibrate) as? Bool ?? true }
        set { defaults.set(newValue, forKey: Key.vibrate) }
    }

    public var sound: Bool {
        get { defaults.bool(forKey: Key.sound) }
        set { defaults.set(newValue, forKey: Key.sound) }
    }
}

/// Choices in memory, for tests and previews.
@MainActor
public final class MemoryExerciseChoices: ExerciseChoices {
    public var vibrate: Bool
    public var sound: Bool

    public init(vibrate: Bool = true, sound: Bool = false) {
        self.vibrate = vibrate
        self.sound = sound
    }
}

/// The cues' sounds as short tones made on the phone (no sound files,
/// nothing fetched): a 16-bit mono WAV in memory, a 10 ms rise then an
/// exponential fade over the tone's length.
public enum ExerciseTone {
    public struct Shape: Equatable, Sendable {
        public let frequency: Double
        public let seconds: Double
        public let volume: Double
    }

    public static let sampleRate = 22_050

    /// How each of the core's sounds is played; silent has none.
    public static func shape(of sound: ExerciseSound) -> Shape? {
        switch sound {
        case .silent: return nil
        case .soft: return Shape(frequency: 392, seconds: 0.35, volume: 0.15)
        case .chime: return Shape(frequency: 784, seconds: 0.5, volume: 0.2)
        case .bell: return Shape(frequency: 523.25, seconds: 1.2, volume: 0.25)
        }
    }

    /// The WAV file of `sound`'s tone; nil for silent.
    public static func wave(for sound: ExerciseSound) -> Data? {
        shape(of: sound).map { wave($0) }
    }

    public static func wave(_ shape: Shape) -> Data {
        let count = Int(Double(sampleRate) * shape.seconds)
        var data = Data()
        func append(_ value: UInt32) {
            withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) }
        }
        func append(_ value: UInt16) {
            withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) }
        }
        data.append(contentsOf: Array("RIFF".utf8))
        append(UInt32(36 + count * 2))
        data.append(contentsOf: Array("WAVE".utf8))
        data.append(contentsOf: Array("fmt ".utf8))
        append(UInt32(16))
        append(UInt16(1)) // PCM
        append(UInt16(1)) // mono
        append(UInt32(sampleRate))
        append(UInt32(sampleRate * 2))
        append(UInt16(2))
        append(UInt16(16))
        data.append(contentsOf: Array("data".utf8))
        append(UInt32(count * 2))
        for index in 0..<count {
            let time = Double(index) / Double(sampleRate)
            let envelope = min(1, time / 0.01) * exp(-4 * time / shape.seconds)
            let value = shape.volume * envelope * sin(2 * Double.pi * shape.frequency * time)
            append(UInt16(bitPattern: Int16(max(-1, min(1, value)) * Double(Int16.max))))
        }
        return data
    }
}
