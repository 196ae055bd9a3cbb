package org.keel.android.jvm

import androidx.compose.runtime.mutableStateOf
import androidx.compose.ui.test.assertIsNotSelected
import androidx.compose.ui.test.assertIsSelected
import androidx.compose.ui.test.hasClickAction
import androidx.compose.ui.test.hasContentDescription
import androidx.compose.ui.test.hasSetTextAction
import androidx.compose.ui.test.hasText
import androidx.compose.ui.test.junit4.ComposeContentTestRule
import androidx.compose.ui.test.junit4.createComposeRule
import androidx.compose.ui.test.performClick
import androidx.compose.ui.test.performScrollTo
import androidx.compose.ui.test.performTextClearance
import androidx.compose.ui.test.performTextInput
import java.time.Clock
import java.time.Instant
import java.time.ZoneId
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.SupervisorJob
import kotlinx.coroutines.runBlocking
import org.junit.Assert.assertEquals
import org.junit.Assert.assertFalse
import org.junit.Assert.assertTrue
import org.junit.Rule
import org.junit.Test
import org.junit.rules.TemporaryFolder
import org.keel.android.core.ExerciseCalls
import org.keel.android.core.RustVaultGateway
import org.keel.android.ui.AppEvent
import org.keel.android.ui.AppModel
import org.keel.android.ui.ExerciseDevice
import org.keel.android.ui.KeelApp
import org.keel.android.ui.Route
import org.keel.android.ui.RunStage
import org.keel.android.ui.Str
import org.keel.core.ExerciseHaptic
import org.keel.core.ExerciseLength
import org.keel.core.ExerciseOptions
import org.keel.core.ExercisePlayer
import org.keel.core.ExerciseSessionStatus
import org.keel.core.ExerciseSituation
import org.keel.core.ExerciseSound
import org.keel.core.ExerciseTimeline
import org.keel.core.Language
import org.keel.core.exerciseLibrary

/** The phone's side of the player without the phone: what it was asked to play, and a call coming in. */
class RecordingExerciseDevice : ExerciseDevice {
    val haptics = mutableListOf<ExerciseHaptic>()
    val sounds = mutableListOf<ExerciseSound>()
    val screenOn = mutableListOf<Boolean>()
    private var interrupted: (() -> Unit)? = null

    override fun haptic(haptic: ExerciseHaptic) { haptics += haptic }
    override fun sound(sound: ExerciseSound) { sounds += sound }
    override fun keepScreenOn(on: Boolean) { screenOn += on }
    override fun onInterrupted(listener: (() -> Unit)?) { interrupted = listener }

    /** What the platform does when a call takes the screen. */
    fun interrupt() = interrupted?.invoke()
}

/**
 * Exercises on a real vault: a whole box-breathing session stepped on the
 * test's virtual clock, phase by phase against the core's timeline, with
 * its cues; pause through a call and a rotation; the craving before and
 * after and the history; the participant's own pattern.
 */
class ExerciseFlowTest {
    @get:Rule val rule = createComposeRule()
    @get:Rule val tmp = TemporaryFolder()

    private val en = Fixtures.strings.strings(Language.ENGLISH)
    private val device = RecordingExerciseDevice()
    private val box = exerciseLibrary(Language.ENGLISH).first { it.id == "breath.box" }

    /** Whether the app is on the screen: false then true stands for an activity recreated by a rotation. */
    private val shown = mutableStateOf(true)

    private lateinit var gateway: RustVaultGateway
    private lateinit var app: AppModel

    private var settings = MemorySettings()

    /**
     * The gateway's clock: the fixed moment plus the virtual clock's time, so
     * a session ends as long after it started as it was played (the core
     * refuses more practice than the time between start and end).
     */
    private val clock = object : Clock() {
        override fun getZone(): ZoneId = Fixtures.clock.zone
        override fun withZone(zone: ZoneId): Clock = this
        override fun instant(): Instant = Fixtures.clock.instant().plusMillis(rule.mainClock.currentTime)
    }

    private fun launch(settings: MemorySettings = MemorySettings()) {
        this.settings = settings
        gateway = RustVaultGateway(tmp.root.absolutePath, clock)
        runBlocking { gateway.create(Fixtures.PASSPHRASE).getOrThrow() }
        gateway.lock()
        app = AppModel(gateway, settings, CoroutineScope(SupervisorJob() + Dispatchers.Default), exerciseDevice = device)
        rule.setContent { if (shown.value) KeelApp(app, Fixtures.strings, RecordingPhone(), dark = false) }
        app.start()
        unlock()
    }

    private fun unlock() {
        rule.waitFor(en[Str.screen_unlock_title])
        rule.onNode(hasSetTextAction() and hasText(en[Str.screen_unlock_passphrase])).performTextInput(Fixtures.PASSPHRASE)
        button(en[Str.screen_unlock_action]).performClick()
        rule.waitFor(en[Str.screen_today_recent])
    }

    private fun ComposeContentTestRule.waitFor(text: String, substring: Boolean = false) =
        waitUntil(timeoutMillis = 30_000) { onAllNodes(hasText(text, substring = substring)).fetchSemanticsNodes().isNotEmpty() }

    private fun button(text: String) = rule.onNode(hasClickAction() and hasText(text))

    private fun tap(text: String) {
        rule.waitUntil(30_000) { rule.onAllNodes(hasClickAction() and hasText(text)).fetchSemanticsNodes().isNotEmpty() }
        button(text).performScrollTo().performClick()
    }

    private fun level(n: Int) = rule.onNode(hasClickAction() and hasContentDescription(en[Str.a11y_level, n])).performScrollTo().performClick()

    private fun shows(text: String) = rule.onAllNodes(hasText(text)).fetchSemanticsNodes().isNotEmpty()

    private val run get() = app.exercises.state.value.run
    private val elapsed: Long get() = run.frame!!.elapsedMs.toLong()

    /** Steps the virtual clock until the run is [target] ms in (to the next frame). */
    private fun advanceTo(target: Long) {
        rule.mainClock.advanceTimeBy(target - elapsed)
    }

    private fun openBox() {
        tap(en[Str.action_exercises])
        tap(box.title)
        rule.waitFor(en[Str.action_exercise_start])
    }

    @Test
    fun soundAndVibrationChoicesAreKeptForTheNextRunAndTheNextStart() {
        launch(MemorySettings(exerciseVibrate = true, exerciseSound = false))
        openBox()
        assertTrue(run.vibrate)
        assertFalse(run.sound)
        tap(en[Str.screen_exercise_sound])
        tap(en[Str.screen_exercise_vibrate])
        rule.waitUntil(30_000) { settings.exerciseSound && !settings.exerciseVibrate }

        // Another exercise starts with the same choices, shown as chosen.
        app.back()
        val other = exerciseLibrary(Language.ENGLISH).first { it.id != box.id }
        tap(other.title)
        rule.waitUntil(30_000) { run.exercise?.id == other.id && !run.loading }
        rule.onNode(hasClickAction() and hasText(en[Str.screen_exercise_sound])).performScrollTo().assertIsSelected()
        rule.onNode(hasClickAction() and hasText(en[Str.screen_exercise_vibrate])).assertIsNotSelected()

        // Keel started again (a new process) reads them back from the kept settings.
        val again = AppModel(gateway, settings, CoroutineScope(SupervisorJob() + Dispatchers.Default), exerciseDevice = device)
        again.exercises.open(box.id)
        assertTrue(again.exercises.state.value.run.sound)
        assertFalse(again.exercises.state.value.run.vibrate)
    }

    /**
     * Clicks [text] with the virtual clock stopped. The scroll to it runs
     * first, on a running clock: scrolling is an animation, and on a stopped
     * clock it never ends, so the test would wait for it forever. Only for
     * moments when no run is playing (before the start, while paused), where
     * the running clock moves nothing the test measures.
     */
    private fun clickOnStoppedClock(text: String) {
        rule.mainClock.autoAdvance = true
        button(text).performScrollTo()
        rule.mainClock.autoAdvance = false
        button(text).performClick()
    }

    /** Starts the run on a stopped clock; the first frame drawn starts the core's playback. */
    private fun startOnVirtualClock() {
        clickOnStoppedClock(en[Str.action_exercise_start])
        rule.waitUntil(30_000) { run.stage == RunStage.PLAYING }
        rule.mainClock.advanceTimeByFrame()
        rule.mainClock.advanceTimeByFrame()
        assertEquals(RunStage.PLAYING, run.stage)
    }

    /** Checks the phase shown just before and just after each segment starts, as the core's timeline names them. */
    private fun playEveryPhase(timeline: ExerciseTimeline) {
        for (segment in timeline.segments) {
            if (segment.index > 0u) {
                advanceTo(segment.startMs.toLong() - 100)
                assertEquals(segment.index - 1u, run.frame!!.segmentIndex)
                assertTrue(shows(timeline.segments[segment.index.toInt() - 1].text))
            }
            advanceTo(segment.startMs.toLong() + 100)
            val frame = run.frame!!
            assertEquals(segment.index, frame.segmentIndex)
            assertEquals(segment.phase, frame.phase)
            assertTrue("phase ${segment.index} shows ${segment.text}", shows(segment.text))
            assertTrue(shows(en[Str.screen_exercise_breath, segment.cycle!!.toInt(), timeline.cycles!!.toInt()]))
        }
    }

    @Test
    fun aWholeBoxBreathingSessionFollowsEveryPhaseOfTheCoresTimeline() {
        launch()
        openBox()
        level(7)
        tap(en[Str.screen_exercise_sound])
        val timeline = ExercisePlayer.builtin(box.id, ExerciseOptions(Language.ENGLISH, ExerciseLength.Standard)).use { it.timeline() }
        assertEquals(16, timeline.segments.size)
        startOnVirtualClock()
        playEveryPhase(timeline)
        // The end: every cue played once, in order, with its sound (sound on).
        advanceTo(timeline.totalMs.toLong() + 100)
        rule.mainClock.advanceTimeByFrame()
        assertEquals(RunStage.RATE, run.stage)
        assertTrue(shows(en[Str.screen_exercise_done]))
        assertEquals(timeline.cues.map { it.haptic }, device.haptics)
        assertEquals(timeline.cues.map { it.sound }.filter { it != ExerciseSound.SILENT }, device.sounds)
        assertEquals(listOf(true, false), device.screenOn)
        rule.mainClock.autoAdvance = true
        // The craving after, saved with the session.
        level(3)
        tap(en[Str.action_save])
        rule.waitFor(en[Str.screen_exercise_saved])
        assertTrue(shows(en[Str.screen_exercise_change, 7, 3]))
        val saved = runBlocking { ExerciseCalls(gateway).sessions(0u, 10u).getOrThrow() }.sessions.single()
        assertEquals(ExerciseSessionStatus.FINISHED, saved.status)
        assertEquals(timeline.totalMs, saved.practicedMs)
        assertEquals(7u, saved.cravingBefore)
        assertEquals(3u, saved.cravingAfter)
        // The history shows it.
        tap(en[Str.action_exercise_library])
        tap(en[Str.action_exercise_history])
        rule.waitFor(en[Str.screen_exercise_history_count, 1, 1])
        assertTrue(shows(box.title))
        assertTrue(shows(en[Str.screen_exercise_change, 7, 3]))
    }

    @Test
    fun aRunSurvivesARotationAndPausesThroughACall() {
        launch(MemorySettings(lockAfterSeconds = 300))
        openBox()
        startOnVirtualClock()
        advanceTo(5_000)
        // A rotation: the activity (here, the composition) is gone for 3 s and
        // back; the run goes on from what was shown, not paused, nothing lost.
        shown.value = false
        rule.mainClock.advanceTimeBy(3_000)
        shown.value = true
        rule.mainClock.advanceTimeByFrame()
        rule.mainClock.advanceTimeByFrame()
        assertFalse(run.paused)
        assertTrue("continues from ${elapsed}", elapsed in 5_000L..5_200L)
        advanceTo(6_000)
        assertTrue(elapsed >= 6_000L)
        // A call: the app leaves the screen and the platform pauses the run.
        app.onEvent(AppEvent.Backgrounded)
        device.interrupt()
        rule.mainClock.advanceTimeByFrame()
        val pausedAt = elapsed
        rule.mainClock.advanceTimeBy(20_000)
        app.onEvent(AppEvent.Foregrounded)
        rule.mainClock.advanceTimeByFrame()
        assertTrue(run.paused)
        assertEquals(pausedAt, elapsed)
        assertTrue(shows(en[Str.screen_exercise_paused]))
        assertEquals(listOf(true, false), device.screenOn)
        clickOnStoppedClock(en[Str.action_exercise_resume])
        rule.mainClock.advanceTimeByFrame()
        rule.mainClock.advanceTimeBy(1_000)
        assertTrue(elapsed in pausedAt + 900..pausedAt + 1_100)
        // A call that locks the app (no timeout): the run waits, paused, behind Unlock.
        settings.lockAfterSeconds = 0
        app.onEvent(AppEvent.Backgrounded)
        device.interrupt()
        val lockedAt = elapsed
        rule.mainClock.autoAdvance = true
        unlock()
        tap(en[Str.action_exercises])
        rule.waitFor(en[Str.screen_exercises_paused, box.title])
        tap(en[Str.action_exercise_continue])
        rule.waitFor(en[Str.action_exercise_resume])
        assertEquals(lockedAt, elapsed)
        // Stopped early: rated after, kept as stopped with its practice time.
        tap(en[Str.action_exercise_stop])
        rule.waitFor(en[Str.screen_exercise_after])
        tap(en[Str.action_save])
        rule.waitFor(en[Str.screen_exercise_saved])
        val saved = runBlocking { ExerciseCalls(gateway).sessions(0u, 10u).getOrThrow() }.sessions.single()
        assertEquals(ExerciseSessionStatus.ABANDONED, saved.status)
        assertEquals(lockedAt.toULong(), saved.practicedMs)
        assertEquals(null, saved.cravingAfter)
    }

    @Test
    fun theLibraryNarrowsBySituationAndLength() {
        launch()
        tap(en[Str.action_exercises])
        rule.waitFor(box.title)
        tap(en[Str.exercise_situation_sleep])
        tap(en[Str.screen_exercises_up_to, 5])
        val all = exerciseLibrary(Language.ENGLISH)
        val kept = all.filter { e -> ExerciseSituation.SLEEP in e.situations && e.durations.any { it.totalMs <= 300_000uL } }
        assertTrue(kept.isNotEmpty())
        rule.waitUntil(10_000) { kept.all { shows(it.title) } }
        (all - kept.toSet()).forEach { assertFalse("${it.title} is filtered out", shows(it.title)) }
        tap(en[Str.exercise_situation_morning])
        tap(en[Str.screen_exercises_up_to, 2])
        if (all.none { e -> ExerciseSituation.MORNING in e.situations && e.durations.any { it.totalMs <= 120_000uL } }) {
            rule.waitFor(en[Str.screen_exercises_none])
        }
    }

    @Test
    fun theParticipantsOwnPatternIsCheckedSavedPlayedChangedAndDeleted() {
        launch()
        tap(en[Str.action_exercises])
        tap(en[Str.action_exercise_new_pattern])
        rule.waitFor(en[Str.screen_exercise_pattern_intro])
        fun type(label: String, text: String) = rule.onNode(hasSetTextAction() and hasText(label)).performScrollTo().run {
            performTextClearance()
            performTextInput(text)
        }
        type(en[Str.screen_exercise_pattern_name], "Calm")
        type(en[Str.screen_exercise_pattern_exhale], "25")
        tap(en[Str.action_save])
        // The core refuses a 25 s exhale; said in plain words, nothing saved.
        rule.waitFor(en[Str.screen_exercise_pattern_bad_phase])
        type(en[Str.screen_exercise_pattern_exhale], "6")
        type(en[Str.screen_exercise_pattern_cycles], "three")
        tap(en[Str.action_save])
        rule.waitFor(en[Str.screen_exercise_pattern_not_number])
        assertTrue(runBlocking { ExerciseCalls(gateway).list(Language.ENGLISH).getOrThrow() }.exercises.none { it.title == "Calm" })
        type(en[Str.screen_exercise_pattern_cycles], "2")
        type(en[Str.screen_exercise_pattern_hold_in], "1.5")
        tap(en[Str.action_save])
        // Back on the library with the pattern: played through the core's own timeline for it.
        rule.waitFor(en[Str.action_exercise_change_pattern, "Calm"])
        val pattern = runBlocking { ExerciseCalls(gateway).list(Language.ENGLISH).getOrThrow() }.exercises.single { it.title == "Calm" }
        assertEquals(listOf(4_000uL, 1_500uL, 6_000uL), pattern.outline.map { it.durationMs })
        tap("Calm")
        rule.waitFor(en[Str.action_exercise_start])
        val timeline = runBlocking { ExerciseCalls(gateway).player(pattern.id, Language.ENGLISH, ExerciseLength.Standard).getOrThrow() }.use { it.timeline() }
        assertEquals(2u, timeline.cycles)
        startOnVirtualClock()
        playEveryPhase(timeline)
        rule.mainClock.autoAdvance = true
        app.back()
        // Changed (a new name), then deleted after the confirmation.
        tap(en[Str.action_exercise_change_pattern, "Calm"])
        rule.waitFor(en[Str.action_exercise_delete_pattern])
        type(en[Str.screen_exercise_pattern_name], "Calm evening")
        tap(en[Str.action_save])
        rule.waitFor(en[Str.action_exercise_change_pattern, "Calm evening"])
        tap(en[Str.action_exercise_change_pattern, "Calm evening"])
        tap(en[Str.action_exercise_delete_pattern])
        rule.waitFor(en[Str.screen_exercise_pattern_delete_confirm])
        tap(en[Str.action_exercise_delete_pattern])
        rule.waitFor(en[Str.screen_exercises_yours_none])
        assertTrue(runBlocking { ExerciseCalls(gateway).list(Language.ENGLISH).getOrThrow() }.exercises.none { it.id == pattern.id })
        assertEquals(Route.Exercises, app.backStack.value.last())
    }
}
