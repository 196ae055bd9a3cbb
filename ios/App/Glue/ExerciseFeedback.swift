import AVFoundation
import KeelCore
import KeelKit
import UIKit

/// The exercise player's side of the phone: each cue's haptic through
/// UIKit's impact feedback, each cue's sound as a short tone made on the
/// phone (no sound files, nothing fetched), and the screen kept awake while
/// a run plays. The model decides when, from the core's cues.
@MainActor
final class PhoneExerciseDevice: ExerciseDevice {
    private let light = UIImpactFeedbackGenerator(style: .light)
    private let medium = UIImpactFeedbackGenerator(style: .medium)
    private let strong = UIImpactFeedbackGenerator(style: .heavy)
    private var tones: ExerciseTones?

    init() {}

    func haptic(_ haptic: ExerciseHaptic) {
        switch haptic {
        case .light: light.impactOccurred()
        case .medium: medium.impactOccurred()
        case .strong: strong.impactOccurred()
        }
    }

    func sound(_ sound: ExerciseSound) {
        let player = tones ?? ExerciseTones()
        tones = player
        player.play(sound)
    }

    func keepScreenOn(_ on: Bool) {
        UIApplication.shared.isIdleTimerDisabled = on
        if on {
            // Ready before the first cue, so it is felt on time.
            light.prepare()
            medium.prepare()
            strong.prepare()
        }
    }
}

/// The cues' tones (`ExerciseTone`: a soft low note, a chime, a bell with
/// a longer fade), made on the phone once each and played in the ambient
/// category: mixed with whatever else is playing, and silent when the ring
/// switch is.
@MainActor
final class ExerciseTones {
    private var players: [ExerciseSound: AVAudioPlayer] = [:]
    private var sessionReady = false

    init() {}

    func play(_ sound: ExerciseSound) {
        guard let player = player(for: sound) else { return }
        if !sessionReady {
            try? AVAudioSession.sharedInstance().setCategory(.ambient)
            sessionReady = true
        }
        player.currentTime = 0
        player.play()
    }

    private func player(for sound: ExerciseSound) -> AVAudioPlayer? {
        if let kept = players[sound] { return kept }
        guard let wave = ExerciseTone.wave(for: sound), let made = try? AVAudioPlayer(data: wave) else { return nil }
        made.prepareToPlay()
        players[sound] = made
        return made
    }
}
