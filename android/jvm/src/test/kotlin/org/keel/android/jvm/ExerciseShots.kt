package org.keel.android.jvm

import java.io.File
import java.nio.file.Files
import org.keel.android.core.CoreError
import org.keel.android.ui.ExerciseHistoryState
import org.keel.android.ui.ExerciseLibraryState
import org.keel.android.ui.ExerciseRunState
import org.keel.android.ui.ExerciseUiState
import org.keel.android.ui.PatternEditorState
import org.keel.android.ui.PatternProblem
import org.keel.android.ui.RunStage
import org.keel.core.BreathingPatternDraft
import org.keel.core.Exercise
import org.keel.core.ExerciseLength
import org.keel.core.ExerciseList
import org.keel.core.ExerciseOptions
import org.keel.core.ExerciseSession
import org.keel.core.ExerciseSessionEnd
import org.keel.core.ExerciseSessionStart
import org.keel.core.ExerciseSituation
import org.keel.core.Language
import org.keel.core.Moment
import org.keel.core.Vault

/**
 * The Exercises screens' states for the gallery, from the core's real
 * records: per language, a vault with one breathing pattern of the
 * participant's own, a finished box-breathing session rated before and
 * after and a stopped one, and box breathing's frames at chosen moments.
 */
object ExerciseShots {
    class Data(
        val list: ExerciseList,
        val box: Exercise,
        val sessions: List<ExerciseSession>,
        /** Box breathing's frames 5 s in, and at its end. */
        val frames: Map<Long, org.keel.core.ExerciseFrame>,
    )

    const val BOX = "breath.box"
    private val offset = Fixtures.clock.zone.rules.getOffset(Fixtures.clock.instant()).totalSeconds / 60
    private fun minutesAgo(m: Long) = Moment(Fixtures.clock.millis() - m * 60_000, offset)

    private val data: Map<Language, Data> by lazy { Language.entries.associateWith(::build) }

    private fun build(lang: Language): Data {
        val dir = Files.createTempDirectory("keel-exercises").toFile()
        try {
            return Vault.create(File(dir, "v").path, Fixtures.PASSPHRASE).use { v ->
                val name = if (lang == Language.ENGLISH) "Slow evening breath" else "Respiración lenta de la tarde"
                v.addBreathingPattern(BreathingPatternDraft(name, 4_000u, 0u, 6_000u, 2_000u, 12u))
                val first = v.startExerciseSession(ExerciseSessionStart(BOX, ExerciseLength.Standard, minutesAgo(180), 7u, null))
                v.finishExerciseSession(first.id, ExerciseSessionEnd(minutesAgo(179), 64_000u, 3u, null))
                val second = v.startExerciseSession(ExerciseSessionStart("breath.4-7-8", ExerciseLength.Standard, minutesAgo(30), null, null))
                v.abandonExerciseSession(second.id, ExerciseSessionEnd(minutesAgo(29), 41_000u, 5u, null))
                val frames = v.exercisePlayer(BOX, ExerciseOptions(lang, ExerciseLength.Standard)).use { p ->
                    mapOf(5_000L to p.frame(5_000u), 64_000L to p.frame(64_000u))
                }
                val list = v.listExercises(lang)
                Data(list, list.exercises.first { it.id == BOX }, v.listExerciseSessions(org.keel.core.PageQuery(null, null, 0u, 30u)).sessions, frames)
            }
        } finally {
            dir.deleteRecursively()
        }
    }

    private fun library(lang: Language) = ExerciseLibraryState(list = data.getValue(lang).list)

    fun exercises(lang: Language) = ExerciseUiState(library = library(lang))

    /** A run left paused (a call came in): the library offers to go back to it. */
    fun exercisesPaused(lang: Language) = ExerciseUiState(library = library(lang), run = playing(lang).copy(paused = true))

    fun exercisesNone(lang: Language) = ExerciseUiState(library = library(lang).copy(situation = ExerciseSituation.MORNING, maxMinutes = 2))

    fun exercisesSleep(lang: Language) = ExerciseUiState(library = library(lang).copy(situation = ExerciseSituation.SLEEP, maxMinutes = 10))

    fun choose(lang: Language) = ExerciseRunState(exercise = data.getValue(lang).box, cravingBefore = 7, sound = true)

    fun playing(lang: Language) = choose(lang).copy(stage = RunStage.PLAYING, frame = data.getValue(lang).frames.getValue(5_000L), ticking = false)

    fun paused(lang: Language) = playing(lang).copy(paused = true)

    fun rateDone(lang: Language) =
        playing(lang).copy(stage = RunStage.RATE, frame = data.getValue(lang).frames.getValue(64_000L), playedToEnd = true, practicedMs = 64_000u, cravingAfter = 3)

    fun rateStopped(lang: Language) = playing(lang).copy(stage = RunStage.RATE, playedToEnd = false, practicedMs = 21_000u, error = CoreError.StorageFull)

    fun done(lang: Language) = rateDone(lang).copy(stage = RunStage.DONE, session = data.getValue(lang).sessions.last())

    fun history(lang: Language): ExerciseHistoryState {
        val d = data.getValue(lang)
        return ExerciseHistoryState(d.sessions, d.sessions.size + 30, d.list.exercises.associate { it.id to it.title }, loading = false)
    }

    fun historyEmpty() = ExerciseHistoryState(loading = false)

    fun patternNew() = PatternEditorState()

    fun patternProblem(lang: Language) =
        PatternEditorState(name = if (lang == Language.ENGLISH) "Long breath" else "Respiración larga", exhale = "25", problem = PatternProblem.Field("exhale_ms"))

    fun patternDelete(lang: Language) = PatternEditorState(
        id = "0".repeat(32),
        name = data.getValue(lang).list.exercises.first { it.id.startsWith("custom.") }.title,
        inhale = "4",
        exhale = "6",
        holdOut = "2",
        cycles = "12",
        confirmDelete = true,
    )
}
