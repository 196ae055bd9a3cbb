package org.keel.android.jvm

import androidx.compose.ui.semantics.SemanticsActions
import androidx.compose.ui.test.hasClickAction
import androidx.compose.ui.test.hasText
import androidx.compose.ui.test.junit4.createComposeRule
import androidx.compose.ui.test.performClick
import androidx.compose.ui.test.performScrollTo
import androidx.compose.ui.test.performSemanticsAction
import kotlinx.coroutines.runBlocking
import org.junit.Assert.assertEquals
import org.junit.Assert.assertNull
import org.junit.Assert.assertTrue
import org.junit.Rule
import org.junit.Test
import org.junit.rules.TemporaryFolder
import org.keel.android.ui.KeelApp
import org.keel.android.ui.Route
import org.keel.android.ui.SosModel
import org.keel.android.ui.Str
import org.keel.core.ExerciseLength
import org.keel.core.ExerciseOptions
import org.keel.core.ExercisePlayer
import org.keel.core.Language

/** SOS's breathing exercise stopped part-way with its Stop button, on the test's virtual clock. */
class SosBreathingFlowTest {
    @get:Rule val rule = createComposeRule()
    @get:Rule val tmp = TemporaryFolder()

    private val en = Fixtures.strings.strings(Language.ENGLISH)

    private fun button(text: String) = rule.onNode(hasClickAction() and hasText(text))
    /**
     * Taps Stop through its click action, as TalkBack would: a running
     * exercise asks for every frame, so a scroll (which waits for the UI to
     * settle) never ends on the test's stopped clock.
     */
    private fun stop() {
        button(en[Str.screen_sos_breathe_stop]).performSemanticsAction(SemanticsActions.OnClick)
    }

    private fun shown(text: String) = rule.onAllNodes(hasText(text)).fetchSemanticsNodes().isNotEmpty()

    @Test
    fun stopEndsTheRunAtOnceAndStartBeginsAgainFromTheFirstPhase() {
        val gateway = Fixtures.gateway(tmp.root)
        runBlocking { gateway.create(Fixtures.PASSPHRASE).getOrThrow() }
        gateway.lock()
        val app = Fixtures.app(gateway)
        rule.setContent { KeelApp(app, Fixtures.strings, RecordingPhone(), dark = false) }
        app.start()
        rule.waitUntil(30_000) { shown(en[Str.screen_unlock_title]) }
        button(en[Str.action_sos]).performClick()
        rule.waitUntil(30_000) { shown(en[Str.screen_sos_breathe_start]) }

        val options = ExerciseOptions(Language.ENGLISH, ExerciseLength.Minutes(SosModel.BREATHING_MINUTES))
        val timeline = ExercisePlayer.builtin(SosModel.BREATHING_EXERCISE, options).use { it.timeline() }
        val (first, second) = timeline.segments
        // Scrolled to on the running clock: a scroll is an animation, and on a stopped clock it never ends.
        button(en[Str.screen_sos_breathe_start]).performScrollTo()
        rule.mainClock.autoAdvance = false
        button(en[Str.screen_sos_breathe_start]).performClick()
        rule.mainClock.advanceTimeByFrame() // the first frame starts the playback
        // Into the second phase of the first cycle.
        rule.mainClock.advanceTimeBy(((second.startMs + second.endMs) / 2u).toLong())
        rule.onNode(hasText(second.text)).assertExists()
        rule.onNode(hasText(en[Str.screen_sos_breathe_cycle, 1, timeline.cycles!!.toInt()])).assertExists()

        stop()
        rule.mainClock.advanceTimeByFrame()
        // Back to the start: the intro and its button, no phase, no countdown, no Stop.
        assertNull(app.sos.state.value.breathing)
        rule.onNode(hasText(en[Str.screen_sos_breathe_intro])).assertExists()
        button(en[Str.screen_sos_breathe_start]).assertExists()
        assertEquals(0, rule.onAllNodes(hasText(en[Str.screen_sos_breathe_stop])).fetchSemanticsNodes().size)
        assertEquals(0, rule.onAllNodes(hasText(second.text)).fetchSemanticsNodes().size)
        // Stopped means stopped: time passing asks the core for no frame and finishes nothing.
        rule.mainClock.advanceTimeBy(timeline.totalMs.toLong() + 1_000)
        assertNull(app.sos.state.value.breathing)
        assertEquals(0, rule.onAllNodes(hasText(en[Str.screen_sos_breathe_done])).fetchSemanticsNodes().size)

        // Start again: a new run from the first phase of the first cycle, not where it stopped.
        button(en[Str.screen_sos_breathe_start]).performScrollTo().performClick()
        rule.mainClock.advanceTimeByFrame()
        rule.mainClock.advanceTimeBy(((first.startMs + first.endMs) / 2u).toLong())
        rule.onNode(hasText(first.text)).assertExists()
        rule.onNode(hasText(en[Str.screen_sos_breathe_cycle, 1, timeline.cycles!!.toInt()])).assertExists()
        val frame = app.sos.state.value.breathing?.frame
        assertTrue(frame != null && frame.remainingMs > timeline.totalMs - second.startMs)

        // Stop, then Back: where the participant came from, still locked.
        stop()
        rule.mainClock.advanceTimeByFrame()
        button(en[Str.action_back]).performClick()
        rule.mainClock.advanceTimeByFrame()
        assertEquals(listOf<Route>(Route.Unlock), app.backStack.value)
        assertTrue(gateway.isLocked())
    }
}
