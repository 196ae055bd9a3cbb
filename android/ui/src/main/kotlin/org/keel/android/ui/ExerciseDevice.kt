package org.keel.android.ui

import org.keel.core.ExerciseHaptic
import org.keel.core.ExerciseSound

/**
 * What the exercise player asks of the phone (`AndroidExerciseDevice` in
 * `app`: the vibrator, a tone, the window's keep-screen-on flag); tests use a
 * recording fake. The player decides when, from the core's cues; the device
 * only plays what it is told.
 */
interface ExerciseDevice {
    /** Plays one cue's haptic. */
    fun haptic(haptic: ExerciseHaptic)

    /** Plays one cue's sound (only called while the participant has sound on). */
    fun sound(sound: ExerciseSound)

    /** Keeps the screen from sleeping while an exercise runs (false lets it sleep again). */
    fun keepScreenOn(on: Boolean)

    /**
     * Calls [listener] when the exercise should pause on its own: the app
     * left the screen for another (a phone call, the home button), not a
     * rotation. Null stops listening.
     */
    fun onInterrupted(listener: (() -> Unit)?)
}

/** A platform without haptics or sound (and the default in tests that need none). */
object NoExerciseDevice : ExerciseDevice {
    override fun haptic(haptic: ExerciseHaptic) = Unit
    override fun sound(sound: ExerciseSound) = Unit
    override fun keepScreenOn(on: Boolean) = Unit
    override fun onInterrupted(listener: (() -> Unit)?) = Unit
}
