package org.keel.android.ui

import java.math.BigDecimal
import java.math.BigInteger
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.launch
import org.keel.android.core.CoreError
import org.keel.android.core.ExerciseCalls
import org.keel.core.BreathingPatternDraft
import org.keel.core.Exercise
import org.keel.core.ExerciseCue
import org.keel.core.ExerciseFrame
import org.keel.core.ExerciseLength
import org.keel.core.ExerciseList
import org.keel.core.ExercisePlayback
import org.keel.core.ExercisePlayer
import org.keel.core.ExerciseSession
import org.keel.core.ExerciseSessionEnd
import org.keel.core.ExerciseSessionStart
import org.keel.core.ExerciseSituation
import org.keel.core.ExerciseSound
import org.keel.core.Language
import org.keel.core.exercisePlaybackElapsed
import org.keel.core.exercisePlaybackPause
import org.keel.core.exercisePlaybackResume
import org.keel.core.exercisePlaybackStart

/**
 * The library: the core's list (built-in exercises, then the participant's
 * patterns) narrowed by a situation and a longest length the participant
 * picks. Narrowing only filters what the core returned.
 */
data class ExerciseLibraryState(
    val list: ExerciseList? = null,
    val situation: ExerciseSituation? = null,
    /** Only exercises offering a length of at most this many minutes; null: any. */
    val maxMinutes: Int? = null,
    val error: CoreError? = null,
) {
    /** The exercises the filters keep, in the core's order. */
    val shown: List<Exercise>
        get() = list?.exercises.orEmpty().filter { e ->
            (situation == null || situation in e.situations) &&
                (maxMinutes == null || e.durations.any { it.totalMs <= maxMinutes.toULong() * 60_000uL })
        }
}

/** Where one run of an exercise stands. */
enum class RunStage {
    /** The exercise described: length, craving before, vibration and sound. */
    CHOOSE,

    /** The session and the player are being made. */
    STARTING,

    /** The breathing shape follows the core's frames (or stands paused). */
    PLAYING,

    /** Played to its end or stopped: the craving rated after. */
    RATE,
    SAVING,

    /** Saved: the session as the core stored it. */
    DONE,
}

/**
 * One run: what the participant chose, the core's current [frame] while it
 * plays, and the saved [session] at the end. [ticking] false shows [frame]
 * still without asking for display frames (a screenshot).
 */
data class ExerciseRunState(
    val exercise: Exercise? = null,
    val loading: Boolean = false,
    val length: ExerciseLength = ExerciseLength.Standard,
    val cravingBefore: Int? = null,
    val vibrate: Boolean = true,
    val sound: Boolean = false,
    val stage: RunStage = RunStage.CHOOSE,
    val frame: ExerciseFrame? = null,
    val paused: Boolean = false,
    val ticking: Boolean = true,
    /** Played to the end (finished) rather than stopped early (abandoned). */
    val playedToEnd: Boolean = false,
    val practicedMs: ULong = 0uL,
    val cravingAfter: Int? = null,
    val session: ExerciseSession? = null,
    val error: CoreError? = null,
) {
    /** A run the participant left paused (shown on the library to come back to). */
    val pausedRun: Boolean get() = stage == RunStage.PLAYING && paused
}

/** Sessions, newest first, with the exercises' titles for their ids. */
data class ExerciseHistoryState(
    val sessions: List<ExerciseSession> = emptyList(),
    val total: Int = 0,
    val titles: Map<String, String> = emptyMap(),
    val loading: Boolean = true,
    val error: CoreError? = null,
) {
    /** A session's title: the library's, a pattern's name when it was used, or its id. */
    fun title(session: ExerciseSession): String = titles[session.exerciseId] ?: session.exerciseName ?: session.exerciseId
}

/** What the pattern form could not take: the core's field, or a number that is not whole seconds. */
sealed interface PatternProblem {
    data class Field(val field: String) : PatternProblem
    data object NotANumber : PatternProblem
}

/** The participant's own breathing pattern, as typed: seconds per phase and the number of breaths. */
data class PatternEditorState(
    val id: String? = null,
    val loading: Boolean = false,
    val name: String = "",
    val inhale: String = "4",
    val holdIn: String = "0",
    val exhale: String = "6",
    val holdOut: String = "0",
    val cycles: String = "10",
    val busy: Boolean = false,
    val problem: PatternProblem? = null,
    val error: CoreError? = null,
    val confirmDelete: Boolean = false,
)

/** Which pattern field an edit changes. */
enum class PatternField { NAME, INHALE, HOLD_IN, EXHALE, HOLD_OUT, CYCLES }

data class ExerciseUiState(
    val library: ExerciseLibraryState = ExerciseLibraryState(),
    val run: ExerciseRunState = ExerciseRunState(),
    val history: ExerciseHistoryState = ExerciseHistoryState(),
    val editor: PatternEditorState = PatternEditorState(),
)

sealed interface ExerciseEvent {
    data class Situation(val situation: ExerciseSituation?) : ExerciseEvent
    data class MaxMinutes(val minutes: Int?) : ExerciseEvent
    data class Length(val length: ExerciseLength) : ExerciseEvent
    data class CravingBefore(val level: Int?) : ExerciseEvent
    data class Vibrate(val on: Boolean) : ExerciseEvent
    data class Sound(val on: Boolean) : ExerciseEvent
    data object Start : ExerciseEvent

    /** A display frame at [nowMillis] on the screen's frame clock (a test drives it through its main clock). */
    data class Frame(val nowMillis: Long) : ExerciseEvent
    data object Pause : ExerciseEvent
    data object Resume : ExerciseEvent

    /** Ends the run early: the craving is rated, then the session is kept as stopped. */
    data object Stop : ExerciseEvent
    data class CravingAfter(val level: Int?) : ExerciseEvent
    data object Save : ExerciseEvent

    /** Another run of the same exercise, from the choices. */
    data object Again : ExerciseEvent
    data object MoreHistory : ExerciseEvent
    data class Edit(val field: PatternField, val text: String) : ExerciseEvent
    data object SavePattern : ExerciseEvent
    data object DeletePattern : ExerciseEvent
    data object ConfirmDeletePattern : ExerciseEvent
    data object CancelDeletePattern : ExerciseEvent
}

/**
 * The Exercises screens: library, player, history and the pattern editor.
 *
 * The player's clock is the screen's frame clock, as on SOS: the first frame
 * of a run starts the core's playback, every frame asks the core's player
 * what to show, and pause and resume are the core's. A pause lands on the
 * last frame drawn; a resume on the first frame after it. When no frame was
 * drawn for a while ([FRAME_GAP_MS]: the page was left, the activity was
 * being recreated after a rotation), that stretch is folded out of the
 * practice time by a pause and resume at its two ends, so the run goes on
 * from what was last shown. A phone call or leaving the app pauses the run
 * outright ([ExerciseDevice.onInterrupted]) until the participant resumes.
 * Each cue of the core's timeline plays once, when its time is reached.
 */
class ExerciseModel(
    private val calls: ExerciseCalls,
    private val scope: CoroutineScope,
    private val language: () -> Language,
    private val device: ExerciseDevice,
    /** Where the last sound and vibration choices are kept ([AppSettings.exerciseVibrate]). */
    private val settings: AppSettings,
    private val onDone: () -> Unit,
) {
    private val _state = MutableStateFlow(ExerciseUiState(run = ExerciseRunState(vibrate = settings.exerciseVibrate, sound = settings.exerciseSound)))
    val state: StateFlow<ExerciseUiState> = _state.asStateFlow()

    @Volatile private var player: ExercisePlayer? = null
    @Volatile private var cues: List<ExerciseCue> = emptyList()
    @Volatile private var playback: ExercisePlayback? = null
    @Volatile private var lastFrameAt: Long? = null
    @Volatile private var firedCue = -1
    @Volatile private var sessionId: String? = null
    @Volatile private var libraryLanguage: Language? = null

    init {
        device.onInterrupted { onEvent(ExerciseEvent.Pause) }
    }

    /** The library, fresh from the core. */
    fun loadLibrary() {
        val lang = language()
        scope.launch {
            calls.list(lang)
                .onSuccess { list ->
                    libraryLanguage = lang
                    _state.update { it.copy(library = it.library.copy(list = list, error = null)) }
                }
                .onFailure { e -> _state.update { it.copy(library = it.library.copy(error = CoreError.from(e))) } }
        }
    }

    /**
     * Shows [exerciseId]: the run in progress if it is this exercise's,
     * otherwise its choices. A paused run of another exercise is kept as
     * stopped (its practice time, no rating) before the new one starts.
     */
    fun open(exerciseId: String) {
        val run = _state.value.run
        val active = run.stage in ACTIVE_STAGES
        if (active && run.exercise?.id == exerciseId) return
        if (active) abandonQuietly()
        val lang = language()
        // The library's copy, if it is in the language shown now.
        val exercise = _state.value.library.list?.takeIf { libraryLanguage == lang }?.exercises?.firstOrNull { it.id == exerciseId }
        _state.update { it.copy(run = ExerciseRunState(exercise = exercise, loading = exercise == null, vibrate = settings.exerciseVibrate, sound = settings.exerciseSound)) }
        if (exercise != null) return
        scope.launch {
            calls.exercise(exerciseId, lang)
                .onSuccess { e -> _state.update { it.copy(run = it.run.copy(exercise = e, loading = false)) } }
                .onFailure { e -> _state.update { it.copy(run = it.run.copy(loading = false, error = CoreError.from(e))) } }
        }
    }

    /** The first page of sessions, and the titles to name them. */
    fun loadHistory() {
        val lang = language()
        _state.update { it.copy(history = it.history.copy(loading = true, error = null)) }
        scope.launch {
            val titles = calls.list(lang).getOrNull()?.exercises?.associate { it.id to it.title }.orEmpty()
            calls.sessions(0u, PAGE)
                .onSuccess { page ->
                    _state.update { it.copy(history = ExerciseHistoryState(page.sessions, page.total.toInt(), titles, loading = false)) }
                }
                .onFailure { e -> _state.update { it.copy(history = it.history.copy(loading = false, error = CoreError.from(e))) } }
        }
    }

    /** The pattern form: empty for a new one ([id] null), or the saved pattern [id]. */
    fun openPattern(id: String?) {
        _state.update { it.copy(editor = PatternEditorState(id = id, loading = id != null)) }
        if (id == null) return
        scope.launch {
            calls.pattern(id)
                .onSuccess { p ->
                    _state.update {
                        it.copy(
                            editor = PatternEditorState(
                                id = id,
                                name = p.name,
                                inhale = seconds(p.inhaleMs),
                                holdIn = seconds(p.holdInMs),
                                exhale = seconds(p.exhaleMs),
                                holdOut = seconds(p.holdOutMs),
                                cycles = p.cycles.toString(),
                            ),
                        )
                    }
                }
                .onFailure { e -> _state.update { it.copy(editor = it.editor.copy(loading = false, error = CoreError.from(e))) } }
        }
    }

    fun onEvent(event: ExerciseEvent) {
        when (event) {
            is ExerciseEvent.Situation -> setLibrary { it.copy(situation = event.situation) }
            is ExerciseEvent.MaxMinutes -> setLibrary { it.copy(maxMinutes = event.minutes) }
            is ExerciseEvent.Length -> setRun { it.copy(length = event.length) }
            is ExerciseEvent.CravingBefore -> setRun { it.copy(cravingBefore = event.level) }
            is ExerciseEvent.Vibrate -> {
                settings.exerciseVibrate = event.on
                setRun { it.copy(vibrate = event.on) }
            }
            is ExerciseEvent.Sound -> {
                settings.exerciseSound = event.on
                setRun { it.copy(sound = event.on) }
            }
            ExerciseEvent.Start -> start()
            is ExerciseEvent.Frame -> frame(event.nowMillis)
            ExerciseEvent.Pause -> pause()
            ExerciseEvent.Resume -> resume()
            ExerciseEvent.Stop -> stop()
            is ExerciseEvent.CravingAfter -> setRun { it.copy(cravingAfter = event.level) }
            ExerciseEvent.Save -> save()
            ExerciseEvent.Again -> setRun { ExerciseRunState(exercise = it.exercise, length = it.length, vibrate = it.vibrate, sound = it.sound) }
            ExerciseEvent.MoreHistory -> moreHistory()
            is ExerciseEvent.Edit -> setEditor { edit(it, event.field, event.text).copy(problem = null, error = null) }
            ExerciseEvent.SavePattern -> savePattern()
            ExerciseEvent.DeletePattern -> setEditor { it.copy(confirmDelete = true) }
            ExerciseEvent.CancelDeletePattern -> setEditor { it.copy(confirmDelete = false) }
            ExerciseEvent.ConfirmDeletePattern -> deletePattern()
        }
    }

    private fun start() {
        val run = _state.value.run
        val exercise = run.exercise ?: return
        if (run.stage != RunStage.CHOOSE) return
        setRun { it.copy(stage = RunStage.STARTING, error = null) }
        val lang = language()
        scope.launch {
            val made = calls.player(exercise.id, lang, run.length)
            val p = made.getOrElse { e ->
                setRun { it.copy(stage = RunStage.CHOOSE, error = CoreError.from(e)) }
                return@launch
            }
            val begun = calls.start(ExerciseSessionStart(exercise.id, run.length, calls.moment(), run.cravingBefore?.toUInt(), null))
            val session = begun.getOrElse { e ->
                p.destroy()
                setRun { it.copy(stage = RunStage.CHOOSE, error = CoreError.from(e)) }
                return@launch
            }
            player?.destroy()
            player = p
            cues = p.timeline().cues
            playback = null
            lastFrameAt = null
            firedCue = -1
            sessionId = session.id
            device.keepScreenOn(true)
            setRun { it.copy(stage = RunStage.PLAYING, paused = false, frame = p.frame(0uL)) }
        }
    }

    private fun frame(nowMillis: Long) {
        val p = player ?: return
        val run = _state.value.run
        if (run.stage != RunStage.PLAYING || run.paused) return
        val current = playback
        val last = lastFrameAt
        val pb = runCatching {
            when {
                current == null -> exercisePlaybackStart(nowMillis)
                current.paused -> exercisePlaybackResume(current, nowMillis)
                last != null && nowMillis - last > FRAME_GAP_MS -> exercisePlaybackResume(exercisePlaybackPause(current, last), nowMillis)
                else -> current
            }
        }.getOrNull() ?: return
        val frame = runCatching { p.frameAt(pb, nowMillis) }.getOrNull() ?: return
        playback = pb
        lastFrameAt = nowMillis
        playCue(frame.elapsedMs, run)
        if (frame.finished) {
            device.keepScreenOn(false)
            setRun { it.copy(frame = frame, stage = RunStage.RATE, playedToEnd = true, practicedMs = frame.elapsedMs) }
        } else {
            setRun { it.copy(frame = frame) }
        }
    }

    /** The latest cue whose time has come, once (a long gap plays only the latest, not a burst). */
    private fun playCue(elapsedMs: ULong, run: ExerciseRunState) {
        val due = cues.lastOrNull { it.atMs <= elapsedMs } ?: return
        if (due.index.toInt() <= firedCue) return
        firedCue = due.index.toInt()
        if (run.vibrate) device.haptic(due.haptic)
        if (run.sound && due.sound != ExerciseSound.SILENT) device.sound(due.sound)
    }

    private fun pause() {
        val run = _state.value.run
        if (run.stage != RunStage.PLAYING || run.paused) return
        val current = playback
        if (current != null && !current.paused) {
            runCatching { exercisePlaybackPause(current, lastFrameAt ?: current.sinceMs) }.onSuccess { playback = it }
        }
        device.keepScreenOn(false)
        setRun { it.copy(paused = true) }
    }

    private fun resume() {
        val run = _state.value.run
        if (run.stage != RunStage.PLAYING || !run.paused) return
        device.keepScreenOn(true)
        // The next display frame resumes the core's playback at its own time.
        setRun { it.copy(paused = false) }
    }

    private fun stop() {
        val run = _state.value.run
        if (run.stage != RunStage.PLAYING) return
        pause()
        setRun { it.copy(stage = RunStage.RATE, playedToEnd = false, practicedMs = practiced()) }
    }

    /** Practice time up to the last frame drawn, pauses excluded. */
    private fun practiced(): ULong {
        val pb = playback ?: return 0uL
        return runCatching { exercisePlaybackElapsed(pb, maxOf(lastFrameAt ?: pb.sinceMs, pb.sinceMs)) }.getOrDefault(0uL)
    }

    private fun save() {
        val run = _state.value.run
        val id = sessionId ?: return
        if (run.stage != RunStage.RATE) return
        setRun { it.copy(stage = RunStage.SAVING, error = null) }
        scope.launch {
            val end = ExerciseSessionEnd(calls.moment(), run.practicedMs, run.cravingAfter?.toUInt(), null)
            val saved = if (run.playedToEnd) calls.finish(id, end) else calls.abandon(id, end)
            saved
                .onSuccess { session ->
                    endRun()
                    setRun { it.copy(stage = RunStage.DONE, session = session) }
                }
                .onFailure { e -> setRun { it.copy(stage = RunStage.RATE, error = CoreError.from(e)) } }
        }
    }

    /**
     * A run left unsaved for another exercise: kept with its practice time
     * and no rating after, as finished if it was played to its end.
     */
    private fun abandonQuietly() {
        val id = sessionId ?: return
        val run = _state.value.run
        val practiced = if (run.stage == RunStage.RATE) run.practicedMs else practiced()
        endRun()
        scope.launch {
            val end = ExerciseSessionEnd(calls.moment(), practiced, null, null)
            if (run.playedToEnd) calls.finish(id, end) else calls.abandon(id, end)
        }
    }

    private fun endRun() {
        device.keepScreenOn(false)
        player?.destroy()
        player = null
        playback = null
        lastFrameAt = null
        sessionId = null
    }

    private fun moreHistory() {
        val history = _state.value.history
        if (history.loading || history.sessions.size >= history.total) return
        _state.update { it.copy(history = it.history.copy(loading = true)) }
        scope.launch {
            calls.sessions(history.sessions.size.toUInt(), PAGE)
                .onSuccess { page ->
                    _state.update { s ->
                        val known = s.history.sessions.map { it.id }.toSet()
                        s.copy(history = s.history.copy(sessions = s.history.sessions + page.sessions.filter { it.id !in known }, total = page.total.toInt(), loading = false))
                    }
                }
                .onFailure { e -> _state.update { it.copy(history = it.history.copy(loading = false, error = CoreError.from(e))) } }
        }
    }

    private fun edit(editor: PatternEditorState, field: PatternField, text: String): PatternEditorState = when (field) {
        PatternField.NAME -> editor.copy(name = text)
        PatternField.INHALE -> editor.copy(inhale = text)
        PatternField.HOLD_IN -> editor.copy(holdIn = text)
        PatternField.EXHALE -> editor.copy(exhale = text)
        PatternField.HOLD_OUT -> editor.copy(holdOut = text)
        PatternField.CYCLES -> editor.copy(cycles = text)
    }

    private fun savePattern() {
        val editor = _state.value.editor
        if (editor.busy) return
        val phases = listOf(editor.inhale, editor.holdIn, editor.exhale, editor.holdOut).map(::ms)
        val cycles = editor.cycles.trim().toUIntOrNull()
        if (phases.any { it == null } || cycles == null) {
            setEditor { it.copy(problem = PatternProblem.NotANumber) }
            return
        }
        val (inhale, holdIn, exhale, holdOut) = phases.map { it!! }
        // Seconds as typed; the core checks each phase's range and the total.
        val draft = BreathingPatternDraft(editor.name, inhale, holdIn, exhale, holdOut, cycles)
        setEditor { it.copy(busy = true, problem = null, error = null) }
        scope.launch {
            val saved = editor.id?.let { calls.updatePattern(it, draft) } ?: calls.addPattern(draft)
            saved
                .onSuccess {
                    setEditor { e -> e.copy(busy = false) }
                    loadLibrary()
                    onDone()
                }
                .onFailure { e ->
                    val error = CoreError.from(e)
                    setEditor { it.copy(busy = false, problem = (error as? CoreError.InvalidInput)?.let { p -> PatternProblem.Field(p.field) }, error = error.takeIf { it !is CoreError.InvalidInput }) }
                }
        }
    }

    private fun deletePattern() {
        val id = _state.value.editor.id ?: return
        setEditor { it.copy(busy = true, confirmDelete = false) }
        scope.launch {
            calls.deletePattern(id)
                .onSuccess {
                    setEditor { e -> e.copy(busy = false) }
                    loadLibrary()
                    onDone()
                }
                .onFailure { e -> setEditor { it.copy(busy = false, error = CoreError.from(e)) } }
        }
    }

    private fun setLibrary(change: (ExerciseLibraryState) -> ExerciseLibraryState) = _state.update { it.copy(library = change(it.library)) }
    private fun setRun(change: (ExerciseRunState) -> ExerciseRunState) = _state.update { it.copy(run = change(it.run)) }
    private fun setEditor(change: (PatternEditorState) -> PatternEditorState) = _state.update { it.copy(editor = change(it.editor)) }

    companion object {
        /** No display frame for this long: the screen was not showing the run. */
        const val FRAME_GAP_MS = 1_000L
        private val PAGE = 30u
        private val ACTIVE_STAGES = setOf(RunStage.STARTING, RunStage.PLAYING, RunStage.RATE, RunStage.SAVING)

        /** A phase's seconds as the form shows them: "4", or "5.5" for a pattern saved elsewhere. */
        private fun seconds(ms: UInt): String = BigDecimal(ms.toLong()).movePointLeft(3).stripTrailingZeros().toPlainString()

        /**
         * Typed seconds ("4", "5.5" or "5,5") in ms, or null if not a number;
         * saturating, so an absurd number reaches the core's range check
         * rather than wrapping.
         */
        private fun ms(text: String): UInt? {
            val seconds = text.trim().replace(',', '.').toBigDecimalOrNull() ?: return null
            if (seconds.signum() < 0) return null
            val ms = seconds.movePointRight(3).toBigInteger()
            return if (ms > BigInteger.valueOf(UInt.MAX_VALUE.toLong())) UInt.MAX_VALUE else ms.toLong().toUInt()
        }
    }
}
