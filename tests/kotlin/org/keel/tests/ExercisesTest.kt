package org.keel.tests

import org.junit.After
import org.junit.Assert.assertEquals
import org.junit.Assert.assertFalse
import org.junit.Assert.assertNull
import org.junit.Assert.assertTrue
import org.junit.Assert.fail
import org.junit.Before
import org.junit.Rule
import org.junit.Test
import org.junit.rules.TemporaryFolder
import org.keel.core.BreathingPatternDraft
import org.keel.core.ExerciseCategory
import org.keel.core.ExerciseCueKind
import org.keel.core.ExerciseHaptic
import org.keel.core.Language
import org.keel.core.ExerciseLength
import org.keel.core.ExerciseOptions
import org.keel.core.ExercisePhase
import org.keel.core.ExercisePlayer
import org.keel.core.ExerciseSessionEnd
import org.keel.core.ExerciseSessionStart
import org.keel.core.ExerciseSessionStatus
import org.keel.core.ExerciseSituation
import org.keel.core.ExerciseSound
import org.keel.core.ExerciseSuggestionReason
import org.keel.core.KeelException
import org.keel.core.Moment
import org.keel.core.Now
import org.keel.core.PageQuery
import org.keel.core.Vault
import org.keel.core.languageForLocale
import org.keel.core.exerciseLibrary
import org.keel.core.exercisePlaybackElapsed
import org.keel.core.exercisePlaybackPause
import org.keel.core.exercisePlaybackResume
import org.keel.core.exercisePlaybackStart

/**
 * Breathing and meditation exercises through the generated Kotlin bindings on
 * the JVM: every exported exercise call once, with its error paths. Timing is
 * tested in the core; this tests that it crosses the FFI intact.
 */
class ExercisesTest {
    @get:Rule
    val tmp = TemporaryFolder()

    private lateinit var vault: Vault

    private val passphrase = "a long enough passphrase"
    private val minute = 60_000L
    private val hour = 60 * minute
    private val newYork = -300
    private val en = Language.ENGLISH
    private val es = Language.SPANISH
    private val cravingId = "ab".repeat(16)
    private val builtIn = listOf(
        "breath.box", "breath.4-7-8", "breath.coherent", "breath.sigh", "breath.extended-exhale",
        "mbrp.sober", "mbrp.urge-surfing", "mbrp.body-scan", "ground.5-4-3-2-1",
    )

    @Before
    fun createVault() {
        vault = Vault.create(tmp.root.resolve("vault").path, passphrase)
    }

    @After
    fun closeVault() {
        if (vault.isLocked()) vault.unlockWithPassphrase(passphrase)
        vault.lock()
        vault.close()
    }

    private fun at(minutesAgo: Double = 0.0) =
        Moment(System.currentTimeMillis() - (minutesAgo * minute).toLong(), newYork)

    private fun options(length: ExerciseLength = ExerciseLength.Standard, language: Language = en) =
        ExerciseOptions(language, length)

    private fun pattern(
        name: String = "Slow square",
        inhale: Int = 5_000,
        holdIn: Int = 2_500,
        exhale: Int = 5_450,
        holdOut: Int = 0,
        cycles: Int = 6,
    ) = BreathingPatternDraft(name, inhale.toUInt(), holdIn.toUInt(), exhale.toUInt(), holdOut.toUInt(), cycles.toUInt())

    private fun start(
        exerciseId: String = "breath.box",
        minutesAgo: Double = 10.0,
        before: Int? = null,
        craving: String? = null,
        length: ExerciseLength = ExerciseLength.Standard,
    ) = ExerciseSessionStart(exerciseId, length, at(minutesAgo), before?.toUInt(), craving)

    private fun end(minutesAgo: Double = 5.0, after: Int? = null, practicedMs: Long? = null, craving: String? = null) =
        ExerciseSessionEnd(at(minutesAgo), practicedMs?.toULong(), after?.toUInt(), craving)

    private fun everything() = PageQuery(null, null, 0u, 100u)

    private fun invalidField(call: () -> Unit): String {
        try {
            call()
        } catch (e: KeelException.InvalidInput) {
            return e.field
        }
        fail("expected InvalidInput")
        return ""
    }

    private fun assertNotFound(call: () -> Unit) {
        try {
            call()
            fail("expected NotFound")
        } catch (e: KeelException.NotFound) {
            // expected
        }
    }

    @Test
    fun libraryInBothLanguages() {
        val english = exerciseLibrary(en)
        val spanish = exerciseLibrary(es)
        assertEquals(builtIn, english.map { it.id })
        assertEquals(builtIn, spanish.map { it.id })
        english.zip(spanish).forEach { (a, b) ->
            assertTrue(a.title != b.title && a.purpose != b.purpose && a.whenToUse != b.whenToUse)
            assertEquals(a.source, b.source)
            assertTrue(a.durations.any { it.totalMs == a.defaultTotalMs })
        }
        val box = english[0]
        assertEquals("Respiración cuadrada", spanish[0].title)
        assertEquals(ExerciseCategory.BREATHING, box.category)
        assertEquals(
            listOf(ExercisePhase.INHALE, ExercisePhase.HOLD, ExercisePhase.EXHALE, ExercisePhase.REST),
            box.outline.map { it.phase },
        )
        assertEquals(ExerciseLength.Cycles(4u), box.durations[0].length)
        assertEquals(64_000uL, box.durations[0].totalMs)
        assertNull(box.minMinutes)
        val surfing = english[6]
        assertEquals(listOf(ExerciseSituation.CRAVING), surfing.situations)
        assertEquals(3u, surfing.minMinutes)
        assertEquals(20u, surfing.maxMinutes)
        assertEquals(ExerciseLength.Minutes(5u), surfing.durations[0].length)
        assertTrue(surfing.source.contains("Marlatt"))

        assertEquals(es, languageForLocale("es-AR"))
        assertEquals(en, languageForLocale("de-DE"))
    }

    @Test
    fun boxBreathingTimelineAndFrames() {
        ExercisePlayer.builtin("breath.box", options()).use { player ->
            assertEquals(64_000uL, player.totalMs())
            val t = player.timeline()
            assertEquals(4u, t.cycles)
            assertEquals(16, t.segments.size)
            t.segments.forEachIndexed { i, s ->
                assertEquals(i.toULong() * 4_000uL, s.startMs)
                assertEquals(4_000uL, s.endMs - s.startMs)
                assertEquals((i / 4 + 1).toUInt(), s.cycle)
            }
            assertEquals((0..16).map { it.toULong() * 4_000uL }, t.cues.map { it.atMs })
            assertEquals(ExerciseHaptic.MEDIUM, t.cues[0].haptic)
            assertEquals(ExerciseCueKind.FINISH, t.cues.last().kind)
            assertEquals(ExerciseSound.BELL, t.cues.last().sound)

            val f = player.frame(2_000uL)
            assertEquals(ExercisePhase.INHALE, f.phase)
            assertEquals(0.5, f.phaseProgress, 0.0)
            assertEquals(0.5, f.breathLevel, 0.0)
            assertEquals(4_000uL, f.nextCueMs)
            assertEquals("Breathe in slowly through your nose", f.text)
            assertEquals(7, f.upcomingCues.size)
            assertEquals(ExercisePhase.HOLD, player.frame(4_000uL).phase)
            assertEquals(ExercisePhase.EXHALE, player.frame(8_000uL).phase)
            assertEquals(ExercisePhase.REST, player.frame(12_000uL).phase)
            assertEquals(2u, player.frame(16_000uL).cycle)
            val done = player.frame(64_000uL)
            assertTrue(done.finished)
            assertEquals(1.0, done.progress, 0.0)
            assertNull(done.nextCueMs)
        }
        ExercisePlayer.builtin("mbrp.sober", options(ExerciseLength.Minutes(5u), es)).use { sober ->
            assertEquals(300_000uL, sober.totalMs())
            assertEquals(ExercisePhase.GUIDED, sober.frame(0uL).phase)
            assertTrue(sober.timeline().segments[1].text.startsWith("S — Para"))
        }
    }

    @Test
    fun playersRefuseBadChoices() {
        assertEquals("cycles", invalidField { ExercisePlayer.builtin("breath.box", options(ExerciseLength.Cycles(0u))) })
        assertEquals("minutes", invalidField { ExercisePlayer.builtin("mbrp.sober", options(ExerciseLength.Minutes(9u))) })
        assertEquals("cycles", invalidField { ExercisePlayer.builtin("mbrp.body-scan", options(ExerciseLength.Cycles(2u))) })
        assertEquals("exercise_id", invalidField { ExercisePlayer.builtin("custom." + "0".repeat(32), options()) })
        assertNotFound { ExercisePlayer.builtin("breath.nope", options()) }
    }

    @Test
    fun playbackExcludesPauses() {
        var p = exercisePlaybackStart(1_000L)
        assertEquals(4_000uL, exercisePlaybackElapsed(p, 5_000L))
        p = exercisePlaybackPause(p, 5_000L)
        assertTrue(p.paused)
        assertEquals(4_000uL, exercisePlaybackElapsed(p, 50_000L))
        p = exercisePlaybackResume(p, 50_000L)
        assertFalse(p.paused)
        assertEquals(6_000uL, exercisePlaybackElapsed(p, 52_000L))
        ExercisePlayer.builtin("breath.box", options()).use { player ->
            assertEquals(ExercisePhase.HOLD, player.frameAt(p, 52_000L).phase)
            assertEquals("now_ms", invalidField { player.frameAt(p, 0L) })
        }
        assertEquals("playback", invalidField { exercisePlaybackResume(p, 53_000L) })
        assertEquals("playback", invalidField { exercisePlaybackPause(exercisePlaybackPause(p, 53_000L), 54_000L) })
        assertEquals("now_ms", invalidField { exercisePlaybackElapsed(p, 49_999L) })
    }

    @Test
    fun customPatterns() {
        val saved = vault.addBreathingPattern(pattern(name = "  Slow square "))
        assertEquals("Slow square", saved.name)
        assertEquals("custom." + saved.id, saved.exerciseId)
        assertEquals(6uL * 12_950uL, saved.totalMs)
        val other = vault.addBreathingPattern(pattern(name = "another"))
        assertEquals(listOf("another", "Slow square"), vault.listBreathingPatterns().patterns.map { it.name })
        assertEquals(saved, vault.getBreathingPattern(saved.id))
        assertEquals(builtIn + listOf(other.exerciseId, saved.exerciseId), vault.listExercises(en).exercises.map { it.id })
        val detail = vault.getExercise(saved.exerciseId, es)
        assertEquals("Tu propio ritmo: inhalar 5 s, retener 2,5 s, exhalar 5,45 s.", detail.purpose)
        assertEquals("Coherent breathing", vault.getExercise("breath.coherent", en).title)
        vault.exercisePlayer(saved.exerciseId, options()).use { player ->
            val t = player.timeline()
            assertEquals(18, t.segments.size)
            assertEquals(listOf(5_000uL, 7_500uL, 12_950uL), t.segments.take(3).map { it.endMs })
        }
        vault.exercisePlayer("breath.sigh", options(ExerciseLength.Cycles(3u))).use { assertEquals(27_000uL, it.totalMs()) }

        val edited = vault.updateBreathingPattern(saved.id, pattern(name = "Renamed", cycles = 3))
        assertEquals(saved.id, edited.id)
        assertEquals(3u, edited.cycles)
        assertEquals("inhale_ms", invalidField { vault.addBreathingPattern(pattern(inhale = 0)) })
        assertEquals("exhale_ms", invalidField { vault.addBreathingPattern(pattern(exhale = 0)) })
        assertEquals("hold_in_ms", invalidField { vault.addBreathingPattern(pattern(holdIn = 3_600_000)) })
        assertEquals("hold_out_ms", invalidField { vault.addBreathingPattern(pattern(holdOut = 10)) })
        assertEquals("cycles", invalidField { vault.addBreathingPattern(pattern(cycles = 0)) })
        assertEquals("cycles", invalidField { vault.addBreathingPattern(pattern(cycles = 140)) })
        assertEquals("name", invalidField { vault.addBreathingPattern(pattern(name = " ")) })
        assertEquals("exhale_ms", invalidField { vault.updateBreathingPattern(saved.id, pattern(exhale = 0)) })
        assertEquals("id", invalidField { vault.getBreathingPattern("nope") })
        assertEquals(2, vault.listBreathingPatterns().patterns.size)

        vault.deleteBreathingPattern(other.id)
        assertNotFound { vault.getBreathingPattern(other.id) }
        assertNotFound { vault.updateBreathingPattern(other.id, pattern()) }
        assertNotFound { vault.deleteBreathingPattern(other.id) }
        assertNotFound { vault.getExercise(other.exerciseId, en) }
        assertNotFound { vault.exercisePlayer(other.exerciseId, options()) }
    }

    @Test
    fun sessionsInsightAndSuggestion() {
        val surf = vault.startExerciseSession(start("mbrp.urge-surfing", 60.0, 8, cravingId))
        assertEquals(ExerciseSessionStatus.IN_PROGRESS, surf.status)
        assertEquals(5uL * minute.toULong(), surf.plannedMs)
        assertEquals(cravingId, surf.cravingId)
        val done = vault.finishExerciseSession(surf.id, end(54.0, 3, 290_000L))
        assertEquals(ExerciseSessionStatus.FINISHED, done.status)
        assertEquals(3u, done.cravingAfter)
        assertEquals(done, vault.getExerciseSession(surf.id))
        val box = vault.startExerciseSession(start(minutesAgo = 30.0, length = ExerciseLength.Cycles(8u)))
        assertEquals(128_000uL, box.plannedMs)
        val stopped = vault.abandonExerciseSession(box.id, end(29.0, craving = "cd".repeat(16)))
        assertEquals(ExerciseSessionStatus.ABANDONED, stopped.status)
        assertEquals("cd".repeat(16), stopped.cravingId)
        val open = vault.startExerciseSession(start("breath.sigh", 5.0, 4))

        val page = vault.listExerciseSessions(everything())
        assertEquals(listOf(open.id, box.id, surf.id), page.sessions.map { it.id })
        assertEquals(3u, page.total)
        val now = System.currentTimeMillis()
        val window = vault.listExerciseSessions(PageQuery(now - 45 * minute, now - 10 * minute, 0u, 10u))
        assertEquals(listOf(box.id), window.sessions.map { it.id })

        assertEquals("session", invalidField { vault.finishExerciseSession(surf.id, end(1.0)) })
        assertEquals("ended_at", invalidField { vault.finishExerciseSession(open.id, end(6.0)) })
        assertEquals("craving_after", invalidField { vault.finishExerciseSession(open.id, end(1.0, 11)) })
        assertEquals("practiced_ms", invalidField { vault.abandonExerciseSession(open.id, end(1.0, practicedMs = hour)) })
        assertEquals("craving_id", invalidField { vault.abandonExerciseSession(open.id, end(1.0, craving = "x")) })
        assertEquals("craving_before", invalidField { vault.startExerciseSession(start(before = 11)) })
        assertEquals("started_at", invalidField { vault.startExerciseSession(start(minutesAgo = -60.0)) })
        assertEquals("craving_id", invalidField { vault.startExerciseSession(start(craving = "123")) })
        assertEquals("limit", invalidField { vault.listExerciseSessions(PageQuery(null, null, 0u, 0u)) })
        assertNotFound { vault.startExerciseSession(start("breath.unknown")) }
        assertNotFound { vault.getExerciseSession("0".repeat(32)) }
        assertNotFound { vault.finishExerciseSession("0".repeat(32), end()) }
        assertNotFound { vault.abandonExerciseSession("0".repeat(32), end()) }
        assertEquals(open, vault.getExerciseSession(open.id))

        val insights = vault.exerciseInsights(es)
        assertEquals(listOf("mbrp.urge-surfing", "breath.box"), insights.map { it.exerciseId })
        assertEquals("Surfear las ganas", insights[0].title)
        assertEquals(5.0, insights[0].averageDrop!!, 0.0)
        assertEquals(1u, insights[1].sessions)
        assertNull(insights[1].averageDrop)

        // 08:00 local on 2025-11-24 in New York.
        val morning = Now(1_763_942_400_000L + 13 * hour, "America/New_York")
        val plain = vault.suggestExercise(morning, null, emptyList(), en)
        assertEquals("breath.box", plain.exercise.id)
        assertEquals(ExerciseSuggestionReason.MORNING, plain.reason)
        assertEquals("A steady start to your day.", plain.reasonText)
        val risky = vault.suggestExercise(morning, null, listOf(8u), es)
        assertEquals("mbrp.sober", risky.exercise.id)
        assertEquals(ExerciseSuggestionReason.HIGH_RISK_TIME, risky.reason)
        val craving = vault.suggestExercise(morning, 6u, emptyList(), en)
        assertEquals("mbrp.urge-surfing", craving.exercise.id)
        assertEquals(ExerciseSuggestionReason.CRAVING, craving.reason)
        assertEquals("craving_intensity", invalidField { vault.suggestExercise(morning, 11u, emptyList(), en) })
        assertEquals("high_risk_hours", invalidField { vault.suggestExercise(morning, null, listOf(24u), en) })
        assertEquals("zone", invalidField { vault.suggestExercise(morning.copy(zone = "america/new_york"), null, emptyList(), en) })
        // The same instant is 18:30 in Kolkata: an evening exercise there.
        val evening = vault.suggestExercise(morning.copy(zone = "Asia/Kolkata"), null, emptyList(), en)
        assertEquals(ExerciseSuggestionReason.EVENING, evening.reason)

        vault.deleteExerciseSession(box.id)
        assertNotFound { vault.deleteExerciseSession(box.id) }
        assertEquals(2u, vault.listExerciseSessions(everything()).total)
    }

    @Test
    fun lockedVaultRefusesButBuiltInsStillPlay() {
        val saved = vault.addBreathingPattern(pattern())
        val session = vault.startExerciseSession(start())
        vault.lock()
        val calls: List<() -> Unit> = listOf(
            { vault.listExercises(en) },
            { vault.getExercise("breath.box", en) },
            { vault.exercisePlayer("breath.box", options()) },
            { vault.addBreathingPattern(pattern()) },
            { vault.getBreathingPattern(saved.id) },
            { vault.listBreathingPatterns() },
            { vault.deleteBreathingPattern(saved.id) },
            { vault.startExerciseSession(start()) },
            { vault.finishExerciseSession(session.id, end()) },
            { vault.listExerciseSessions(everything()) },
            { vault.exerciseInsights(en) },
            { vault.suggestExercise(Now(System.currentTimeMillis(), "America/New_York"), null, emptyList(), en) },
        )
        for (call in calls) {
            try {
                call()
                fail("expected Locked")
            } catch (e: KeelException.Locked) {
                // expected
            }
        }
        assertEquals(9, exerciseLibrary(en).size)
        ExercisePlayer.builtin("breath.sigh", options()).use {
            assertEquals(ExercisePhase.INHALE, it.frame(0uL).phase)
        }
    }
}
