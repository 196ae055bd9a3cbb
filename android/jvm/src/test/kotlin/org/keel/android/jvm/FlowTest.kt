package org.keel.android.jvm

import androidx.compose.ui.test.assertIsNotEnabled
import androidx.compose.ui.test.assertIsOn
import androidx.compose.ui.test.hasClickAction
import androidx.compose.ui.test.hasSetTextAction
import androidx.compose.ui.test.hasText
import androidx.compose.ui.test.junit4.ComposeContentTestRule
import androidx.compose.ui.test.junit4.createComposeRule
import androidx.compose.ui.test.performClick
import androidx.compose.ui.test.performScrollTo
import androidx.compose.ui.test.performTextInput
import kotlinx.coroutines.runBlocking
import org.junit.Assert.assertEquals
import org.junit.Assert.assertFalse
import org.junit.Assert.assertTrue
import org.junit.Rule
import org.junit.Test
import org.junit.rules.TemporaryFolder
import org.keel.android.core.RustVaultGateway
import org.keel.android.ui.AppEvent
import org.keel.android.ui.AppModel
import org.keel.android.ui.KeelApp
import org.keel.android.ui.Route
import org.keel.android.ui.Str
import org.keel.android.ui.UnlockModel
import org.keel.core.ExerciseLength
import org.keel.core.ExerciseOptions
import org.keel.core.ExercisePlayer
import org.keel.core.Language
import org.keel.core.Now
import org.keel.core.Vault
import org.keel.android.ui.SosModel
import org.keel.android.ui.Biometrics
import org.keel.android.ui.NoBiometrics
import org.keel.core.estimatePassphrase

/** A participant's real flows through the screens, on a real vault in a temp folder. */
class FlowTest {
    @get:Rule val rule = createComposeRule()
    @get:Rule val tmp = TemporaryFolder()

    private val en = Fixtures.strings.strings(Language.ENGLISH)
    private val es = Fixtures.strings.strings(Language.SPANISH)
    private val phone = RecordingPhone()

    private fun launch(gateway: RustVaultGateway, settings: MemorySettings = MemorySettings(), biometrics: Biometrics = NoBiometrics): AppModel {
        val app = Fixtures.app(gateway, settings, biometrics)
        rule.setContent { KeelApp(app, Fixtures.strings, phone, dark = false) }
        app.start()
        return app
    }

    private fun existingVault(): RustVaultGateway {
        val gateway = Fixtures.gateway(tmp.root)
        runBlocking { gateway.create(Fixtures.PASSPHRASE).getOrThrow() }
        gateway.lock()
        return gateway
    }

    private fun ComposeContentTestRule.waitFor(text: String, substring: Boolean = false) =
        waitUntil(timeoutMillis = 30_000) { onAllNodes(hasText(text, substring = substring)).fetchSemanticsNodes().isNotEmpty() }

    private fun field(label: String) = rule.onNode(hasSetTextAction() and hasText(label))
    private fun button(text: String) = rule.onNode(hasClickAction() and hasText(text))

    @Test
    fun firstLaunchCreatesTheVaultAndOpensToday() {
        val gateway = Fixtures.gateway(tmp.root)
        launch(gateway)
        rule.waitFor(en[Str.screen_first_launch_title])
        rule.onNode(hasText(en[Str.screen_first_launch_privacy])).assertExistsCompat()
        typePassphrases(Fixtures.PASSPHRASE, Fixtures.PASSPHRASE)
        button(en[Str.screen_first_launch_create]).performScrollTo().performClick()
        rule.waitFor(en[Str.screen_today_recent])
        rule.onNode(hasText(en[Str.screen_today_no_recent])).assertExistsCompat()
        // The core's default crisis lines, one tap away.
        button(en[Str.action_call, "988"]).performScrollTo().performClick()
        rule.waitForIdle()
        assertEquals(listOf("988"), phone.calls)
        assertTrue(runBlocking { gateway.exists() })
        assertTrue(!gateway.isLocked())
    }

    @Test
    fun mismatchedPassphrasesCreateNothing() {
        val gateway = Fixtures.gateway(tmp.root)
        launch(gateway)
        rule.waitFor(en[Str.screen_first_launch_title])
        typePassphrases(Fixtures.PASSPHRASE, "something else entirely")
        button(en[Str.screen_first_launch_create]).performScrollTo().performClick()
        rule.waitFor(en[Str.screen_first_launch_mismatch])
        assertTrue(!runBlocking { gateway.exists() })
    }

    @Test
    fun theCoreRefusesAShortPassphrase() {
        val gateway = Fixtures.gateway(tmp.root)
        launch(gateway)
        rule.waitFor(en[Str.screen_first_launch_title])
        typePassphrases("short", "short")
        button(en[Str.screen_first_launch_create]).performScrollTo().performClick()
        rule.waitFor(en[Str.screen_first_launch_too_short])
        assertTrue(!runBlocking { gateway.exists() })
    }

    @Test
    fun aWeakPassphraseShowsWhyAndIsRefusedASuggestedOneIsAccepted() {
        val gateway = Fixtures.gateway(tmp.root)
        launch(gateway)
        rule.waitFor(en[Str.screen_first_launch_title])
        field(en[Str.common_passphrase]).performScrollTo().performTextInput("password")
        // While typing: the level and the core's reason in plain words.
        rule.waitFor(en[Str.screen_first_launch_strength, en[Str.screen_first_launch_level_very_weak]])
        rule.waitFor(estimatePassphrase("password", Language.ENGLISH).message)
        field(en[Str.screen_first_launch_confirm]).performScrollTo().performTextInput("password")
        button(en[Str.screen_first_launch_create]).performScrollTo().performClick()
        rule.waitFor(en[Str.screen_first_launch_weak])
        assertTrue(!runBlocking { gateway.exists() })
        // A suggested passphrase fills both fields, is shown to be written down, and is accepted.
        button(en[Str.screen_first_launch_suggest]).performScrollTo().performClick()
        rule.waitFor(en[Str.screen_first_launch_suggested])
        rule.waitFor(en[Str.screen_first_launch_strength, en[Str.screen_first_launch_level_strong]])
        button(en[Str.screen_first_launch_create]).performScrollTo().performClick()
        rule.waitFor(en[Str.screen_today_recent])
        assertTrue(runBlocking { gateway.exists() })
    }

    @Test
    fun theReasonIsInSpanishForASpanishSpeaker() {
        launch(Fixtures.gateway(tmp.root), MemorySettings(Language.SPANISH))
        rule.waitFor(es[Str.screen_first_launch_title])
        field(es[Str.common_passphrase]).performScrollTo().performTextInput("123456789012")
        val estimate = estimatePassphrase("123456789012", Language.SPANISH)
        rule.waitFor(estimate.message)
        rule.waitFor(es[Str.screen_first_launch_crack_time, estimate.crackTimeText])
    }

    @Test
    fun spanishIsChosenOnFirstLaunchAndKept() {
        val settings = MemorySettings()
        launch(Fixtures.gateway(tmp.root), settings)
        rule.waitFor(en[Str.screen_first_launch_title])
        rule.onNode(hasClickAction() and hasText(en[Str.language_spanish])).performScrollTo().performClick()
        rule.waitFor(es[Str.screen_first_launch_title])
        assertEquals(Language.SPANISH, settings.language)
    }

    @Test
    fun aWrongPassphraseMakesTheNextAttemptWait() {
        launch(existingVault())
        rule.waitFor(en[Str.screen_unlock_title])
        field(en[Str.screen_unlock_passphrase]).performTextInput("not my passphrase at all")
        button(en[Str.screen_unlock_action]).performClick()
        rule.waitFor(en[Str.screen_unlock_wrong, en[Str.app_name]])
        rule.waitFor(en[Str.screen_unlock_wait, 5].substringBefore("5"), substring = true)
        field(en[Str.screen_unlock_passphrase]).performTextInput(Fixtures.PASSPHRASE)
        button(en[Str.screen_unlock_action]).assertIsNotEnabled()
    }

    @Test
    fun theWaitGrowsWithEachFailure() {
        val waits = (1..10).map { UnlockModel.waitAfter(it) }
        assertEquals(listOf(5, 10, 20, 40, 80, 160, 300, 300, 300, 300), waits)
        assertEquals(0, UnlockModel.waitAfter(0))
    }

    @Test
    fun theRightPassphraseOpensTodayAndBackgroundingLocks() {
        val gateway = existingVault()
        val app = launch(gateway)
        unlockToToday()
        app.onEvent(AppEvent.Backgrounded)
        rule.waitFor(en[Str.screen_unlock_title])
        assertTrue(gateway.isLocked())
        assertEquals(listOf<Route>(Route.Unlock), app.backStack.value)
    }

    private fun unlockToToday() {
        rule.waitFor(en[Str.screen_unlock_title])
        field(en[Str.screen_unlock_passphrase]).performTextInput(Fixtures.PASSPHRASE)
        button(en[Str.screen_unlock_action]).performClick()
        rule.waitFor(en[Str.screen_today_recent])
    }

    /** Types the first-launch passphrase and its confirmation. */
    private fun typePassphrases(passphrase: String, confirm: String) {
        field(en[Str.common_passphrase]).performScrollTo().performTextInput(passphrase)
        field(en[Str.screen_first_launch_confirm]).performScrollTo().performTextInput(confirm)
    }

    @Test
    fun theLockTimeoutSparesAShortTripAndLocksAPhoneThatSleptPastIt() {
        val gateway = existingVault()
        var elapsed = 0L
        val app = Fixtures.app(gateway, MemorySettings(lockAfterSeconds = 60), elapsedMillis = { elapsed })
        rule.setContent { KeelApp(app, Fixtures.strings, phone, dark = false) }
        app.start()
        unlockToToday()
        // Back within the minute: still unlocked, still on Today.
        app.onEvent(AppEvent.Backgrounded)
        elapsed += 10_000
        app.onEvent(AppEvent.Foregrounded)
        rule.waitForIdle()
        assertFalse(gateway.isLocked())
        assertEquals(listOf<Route>(Route.Today), app.backStack.value)
        // Away past the minute while the timer could not run (a sleeping
        // phone): the clock decides on return.
        app.onEvent(AppEvent.Backgrounded)
        elapsed += 61_000
        app.onEvent(AppEvent.Foregrounded)
        rule.waitFor(en[Str.screen_unlock_title])
        assertTrue(gateway.isLocked())
    }

    @Test
    fun theLockTimerLocksInTheBackgroundAndScreenOffLocksAtOnce() {
        val gateway = existingVault()
        val app = launch(gateway, MemorySettings(lockAfterSeconds = 1))
        unlockToToday()
        app.onEvent(AppEvent.Backgrounded)
        rule.waitFor(en[Str.screen_unlock_title])
        assertTrue(gateway.isLocked())
        unlockToToday()
        app.onEvent(AppEvent.ScreenOff)
        assertTrue(gateway.isLocked())
        rule.waitFor(en[Str.screen_unlock_title])
        assertEquals(listOf<Route>(Route.Unlock), app.backStack.value)
    }

    @Test
    fun sosWorksWhileLocked() {
        val gateway = existingVault()
        launch(gateway, MemorySettings(Language.SPANISH))
        rule.waitFor(es[Str.screen_unlock_title])
        button(es[Str.action_sos]).performClick()
        rule.waitFor(es[Str.screen_sos_lines])
        // The core's Spanish defaults: the 988 line and the SAMHSA helpline,
        // and no steps of a plan the locked vault cannot show.
        rule.waitFor("988", substring = true)
        rule.waitFor("SAMHSA", substring = true)
        rule.onNode(hasText(es[Str.screen_sos_steps_locked, es[Str.app_name]])).performScrollTo()
        button(es[Str.action_call, "988"]).performScrollTo().performClick()
        button(es[Str.action_text, "988"]).performScrollTo().performClick()
        button(es[Str.action_call, "1-800-662-4357"]).performScrollTo().performClick()
        button(es[Str.action_call, "911"]).performScrollTo().performClick()
        rule.waitForIdle()
        assertEquals(listOf("988", "1-800-662-4357", "911"), phone.calls)
        assertEquals(listOf("988"), phone.texts)
        assertTrue(gateway.isLocked())
        button(es[Str.action_back]).performClick()
        rule.waitFor(es[Str.screen_unlock_title])
    }

    @Test
    fun sosWhileUnlockedShowsThePlansStepsAndPeople() {
        val plan = Fixtures.planWithPhone(Language.ENGLISH)
        Vault.create(tmp.root.absolutePath, Fixtures.PASSPHRASE).use { v ->
            v.savePlan(plan, null, false, Now(Fixtures.clock.millis(), Fixtures.clock.zone.id))
        }
        val app = launch(Fixtures.gateway(tmp.root))
        unlockToToday()
        app.navigate(Route.Sos)
        rule.waitFor(en[Str.screen_sos_people])
        rule.onNode(hasText(en[Str.common_numbered, 1, plan.lapsePlan.steps.first()])).performScrollTo()
        rule.onNode(hasText(plan.contacts.first().name)).performScrollTo()
        // The counselor has no number: no call button with an empty number.
        assertEquals(0, rule.onAllNodes(hasText(en[Str.action_call, ""])).fetchSemanticsNodes().size)
        button(en[Str.action_text, Fixtures.SPONSOR_PHONE]).performScrollTo().performClick()
        rule.waitForIdle()
        assertEquals(listOf(Fixtures.SPONSOR_PHONE), phone.texts)
    }

    @Test
    fun theBreathingExerciseFollowsTheCoresTimeline() {
        launch(existingVault())
        rule.waitFor(en[Str.screen_unlock_title])
        button(en[Str.action_sos]).performClick()
        rule.waitFor(en[Str.screen_sos_breathe_start])
        // The core's own timeline for the same exercise: what each moment shows.
        val options = ExerciseOptions(Language.ENGLISH, ExerciseLength.Minutes(SosModel.BREATHING_MINUTES))
        val timeline = ExercisePlayer.builtin(SosModel.BREATHING_EXERCISE, options).use { it.timeline() }
        assertTrue(timeline.totalMs in 50_000uL..70_000uL)
        // Scrolled to on the running clock: a scroll is an animation, and on a stopped clock it never ends.
        button(en[Str.screen_sos_breathe_start]).performScrollTo()
        rule.mainClock.autoAdvance = false
        button(en[Str.screen_sos_breathe_start]).performClick()
        rule.mainClock.advanceTimeByFrame() // the first frame starts the playback
        var at = 0L
        for (segment in timeline.segments.take(4)) {
            val middle = ((segment.startMs + segment.endMs) / 2u).toLong()
            rule.mainClock.advanceTimeBy(middle - at)
            at = middle
            rule.onNode(hasText(segment.text)).assertExists()
            rule.onNode(hasText(en[Str.screen_sos_breathe_cycle, segment.cycle!!.toInt(), timeline.cycles!!.toInt()])).assertExists()
        }
        rule.mainClock.advanceTimeBy(timeline.totalMs.toLong() - at + 1_000)
        rule.onNode(hasText(en[Str.screen_sos_breathe_done])).assertExists()
        // Again: a new run from its first phase. (The clock stays stepped by
        // hand: a running exercise asks for every frame.)
        rule.mainClock.autoAdvance = true
        button(en[Str.screen_sos_breathe_again]).performScrollTo()
        rule.mainClock.autoAdvance = false
        button(en[Str.screen_sos_breathe_again]).performClick()
        rule.mainClock.advanceTimeBy(2_000)
        rule.onNode(hasText(timeline.segments.first().text)).assertExists()
    }

    @Test
    fun biometricUnlockFromOptInToANewEnrolment() {
        val bio = FakeBiometrics()
        val gateway = Fixtures.gateway(tmp.root)
        val app = launch(gateway, biometrics = bio)
        rule.waitFor(en[Str.screen_first_launch_title])
        typePassphrases(Fixtures.PASSPHRASE, Fixtures.PASSPHRASE)
        rule.onNode(hasClickAction() and hasText(en[Str.screen_first_launch_biometric])).performScrollTo().performClick()
        button(en[Str.screen_first_launch_create]).performScrollTo().performClick()
        rule.waitFor(en[Str.screen_today_recent])
        // The core's device slot, wrapped behind the prompt.
        val (slotId, secret) = bio.stored!!
        assertEquals(32, secret.size)
        assertEquals(listOf(slotId), runBlocking { gateway.deviceSlots().getOrThrow() })
        // Locked: the biometric button unlocks with the device secret.
        app.lock()
        rule.waitFor(en[Str.screen_unlock_biometric])
        button(en[Str.screen_unlock_biometric]).performClick()
        rule.waitFor(en[Str.screen_today_recent])
        assertTrue(!gateway.isLocked())
        // A cancelled prompt leaves it locked, the passphrase still there.
        app.lock()
        bio.accept = false
        rule.waitFor(en[Str.screen_unlock_biometric])
        button(en[Str.screen_unlock_biometric]).performClick()
        rule.waitForIdle()
        assertTrue(gateway.isLocked())
        // A new fingerprint on the phone ends biometric unlock: said, button gone.
        bio.accept = true
        bio.newEnrolment = true
        button(en[Str.screen_unlock_biometric]).performClick()
        rule.waitFor(en[Str.screen_unlock_biometric_ended])
        assertEquals(0, rule.onAllNodes(hasText(en[Str.screen_unlock_biometric])).fetchSemanticsNodes().size)
        assertTrue(gateway.isLocked())
        // The passphrase opens it, and the dead slot leaves the vault.
        field(en[Str.screen_unlock_passphrase]).performTextInput(Fixtures.PASSPHRASE)
        button(en[Str.screen_unlock_action]).performClick()
        rule.waitFor(en[Str.screen_today_recent])
        rule.waitUntil(10_000) { runBlocking { gateway.deviceSlots().getOrThrow() }.isEmpty() }
    }

    @Test
    fun noOptInWithoutBiometrics() {
        launch(Fixtures.gateway(tmp.root), biometrics = FakeBiometrics(isAvailable = false))
        rule.waitFor(en[Str.screen_first_launch_title])
        assertEquals(0, rule.onAllNodes(hasText(en[Str.screen_first_launch_biometric])).fetchSemanticsNodes().size)
    }

    @Test
    fun aCancelledEnrolmentKeepsNoSlot() {
        val bio = FakeBiometrics().apply { accept = false }
        val gateway = Fixtures.gateway(tmp.root)
        launch(gateway, biometrics = bio)
        rule.waitFor(en[Str.screen_first_launch_title])
        typePassphrases(Fixtures.PASSPHRASE, Fixtures.PASSPHRASE)
        val optIn = rule.onNode(hasClickAction() and hasText(en[Str.screen_first_launch_biometric]))
        optIn.performScrollTo().performClick()
        rule.waitForIdle()
        optIn.assertIsOn()
        button(en[Str.screen_first_launch_create]).performScrollTo().performClick()
        rule.waitFor(en[Str.screen_today_recent])
        rule.waitUntil(10_000) { bio.prompts == 1 }
        rule.waitUntil(10_000) { runBlocking { gateway.deviceSlots().getOrThrow() }.isEmpty() }
        assertEquals(null, bio.stored)
    }

    @Test
    fun forgotPassphraseIsHonest() {
        launch(existingVault())
        rule.waitFor(en[Str.screen_unlock_title])
        button(en[Str.screen_unlock_forgot]).performClick()
        rule.waitFor(en[Str.screen_forgot_body, en[Str.app_name]])
        button(en[Str.action_back]).performClick()
        rule.waitFor(en[Str.screen_unlock_title])
    }

    private fun androidx.compose.ui.test.SemanticsNodeInteraction.assertExistsCompat() = apply { assertExists() }

}
