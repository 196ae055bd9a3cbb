package org.keel.android.app

import android.app.Activity
import android.app.Application
import android.content.Context
import android.media.AudioManager
import android.media.ToneGenerator
import android.os.Build
import android.os.Bundle
import android.os.Handler
import android.os.Looper
import android.os.VibrationEffect
import android.os.Vibrator
import android.os.VibratorManager
import android.view.WindowManager
import org.keel.android.ui.ExerciseDevice
import org.keel.core.ExerciseHaptic
import org.keel.core.ExerciseSound

/**
 * The exercise player's phone services in plain `android.*`: the vibrator
 * for a cue's haptic, a short tone for its sound (no audio files shipped),
 * the window's FLAG_KEEP_SCREEN_ON while a run plays (set again on the new
 * window after a rotation), and an interruption when the activity stops
 * for anything but a configuration change (a phone call, the home button).
 */
class AndroidExerciseDevice(context: Context) : ExerciseDevice, Application.ActivityLifecycleCallbacks {
    private val app = context.applicationContext as Application
    private val main = Handler(Looper.getMainLooper())
    private var activity: Activity? = null
    private var screenOn = false
    private var interrupted: (() -> Unit)? = null
    private var tones: ToneGenerator? = null

    private val vibrator: Vibrator? = if (Build.VERSION.SDK_INT >= Build.VERSION_CODES.S) {
        app.getSystemService(VibratorManager::class.java)?.defaultVibrator
    } else {
        @Suppress("DEPRECATION")
        app.getSystemService(Vibrator::class.java)
    }

    init {
        app.registerActivityLifecycleCallbacks(this)
    }

    override fun haptic(haptic: ExerciseHaptic) {
        val v = vibrator?.takeIf { it.hasVibrator() } ?: return
        val effect = if (Build.VERSION.SDK_INT >= Build.VERSION_CODES.Q) {
            VibrationEffect.createPredefined(
                when (haptic) {
                    ExerciseHaptic.LIGHT -> VibrationEffect.EFFECT_TICK
                    ExerciseHaptic.MEDIUM -> VibrationEffect.EFFECT_CLICK
                    ExerciseHaptic.STRONG -> VibrationEffect.EFFECT_HEAVY_CLICK
                },
            )
        } else {
            val ms = when (haptic) {
                ExerciseHaptic.LIGHT -> 20L
                ExerciseHaptic.MEDIUM -> 40L
                ExerciseHaptic.STRONG -> 80L
            }
            VibrationEffect.createOneShot(ms, VibrationEffect.DEFAULT_AMPLITUDE)
        }
        v.vibrate(effect)
    }

    override fun sound(sound: ExerciseSound) {
        val (tone, ms) = when (sound) {
            ExerciseSound.SILENT -> return
            ExerciseSound.SOFT -> ToneGenerator.TONE_PROP_BEEP to 120
            ExerciseSound.CHIME -> ToneGenerator.TONE_PROP_ACK to 200
            ExerciseSound.BELL -> ToneGenerator.TONE_PROP_BEEP2 to 400
        }
        // A phone without an audio output refuses a generator: no sound, no crash.
        val generator = tones ?: runCatching { ToneGenerator(AudioManager.STREAM_MUSIC, TONE_VOLUME) }.getOrNull()?.also { tones = it } ?: return
        generator.startTone(tone, ms)
    }

    override fun keepScreenOn(on: Boolean) {
        main.post {
            screenOn = on
            activity?.let(::apply)
        }
    }

    override fun onInterrupted(listener: (() -> Unit)?) {
        interrupted = listener
    }

    private fun apply(activity: Activity) {
        if (screenOn) {
            activity.window.addFlags(WindowManager.LayoutParams.FLAG_KEEP_SCREEN_ON)
        } else {
            activity.window.clearFlags(WindowManager.LayoutParams.FLAG_KEEP_SCREEN_ON)
        }
    }

    override fun onActivityResumed(activity: Activity) {
        this.activity = activity
        apply(activity)
    }

    override fun onActivityStopped(activity: Activity) {
        if (!activity.isChangingConfigurations) interrupted?.invoke()
    }

    override fun onActivityDestroyed(activity: Activity) {
        if (this.activity === activity) this.activity = null
    }

    override fun onActivityCreated(activity: Activity, savedInstanceState: Bundle?) = Unit
    override fun onActivityStarted(activity: Activity) = Unit
    override fun onActivityPaused(activity: Activity) = Unit
    override fun onActivitySaveInstanceState(activity: Activity, outState: Bundle) = Unit

    private companion object {
        /** Tone volume, 0 to 100 of the media stream's. */
        const val TONE_VOLUME = 60
    }
}
