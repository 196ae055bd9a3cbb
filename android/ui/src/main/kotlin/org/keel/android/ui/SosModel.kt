package org.keel.android.ui

import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.launch
import org.keel.android.core.CrisisPlan
import org.keel.android.core.VaultGateway
import org.keel.core.ExerciseFrame
import org.keel.core.ExercisePlayback
import org.keel.core.ExercisePlayer
import org.keel.core.Language
import org.keel.core.exercisePlaybackStart

/**
 * SOS: [crisis] is the saved plan's steps, contacts and lines while
 * unlocked, or the core's defaults (988, the SAMHSA helpline) while locked;
 * [breathing] is the one-minute breathing exercise, null until started.
 */
data class SosUiState(
    val crisis: CrisisPlan? = null,
    val failed: Boolean = false,
    val breathing: BreathingUiState? = null,
)

/**
 * One frame of the breathing exercise, computed by the core's timeline.
 * [ticking] false shows [frame] still, without asking for display frames
 * (a screenshot of a moment in the exercise).
 */
data class BreathingUiState(val frame: ExerciseFrame? = null, val ticking: Boolean = true) {
    val finished: Boolean get() = frame?.finished == true
}

sealed interface SosEvent {
    data object StartBreathing : SosEvent
    data object StopBreathing : SosEvent

    /**
     * A display frame at [nowMillis] on the screen's frame clock (Compose's
     * `withFrameMillis`, which a UI test drives through its main clock).
     */
    data class Frame(val nowMillis: Long) : SosEvent
}

/**
 * SOS works locked and unlocked: the gateway answers the crisis plan either
 * way, and the breathing exercise is a built-in one that needs no vault.
 * The breathing clock is the screen's frame clock: the first frame after
 * [SosEvent.StartBreathing] starts the core's playback, every later frame
 * asks the core's player what to show. The player is the one core object
 * called outside the gateway: its frames need no vault and are computed
 * for every display frame, so a hop to the core's thread would only add lag.
 */
class SosModel(
    private val gateway: VaultGateway,
    private val scope: CoroutineScope,
    private val language: () -> Language,
) {
    private val _state = MutableStateFlow(SosUiState())
    val state: StateFlow<SosUiState> = _state.asStateFlow()

    @Volatile private var player: ExercisePlayer? = null
    private var playerLanguage: Language? = null
    private var playback: ExercisePlayback? = null

    fun load() {
        val lang = language()
        _state.update { it.copy(failed = false, breathing = null) }
        playback = null
        scope.launch {
            gateway.crisisPlan(lang)
                .onSuccess { plan -> _state.update { it.copy(crisis = plan, failed = false) } }
                .onFailure { _state.update { it.copy(failed = true) } }
            if (player == null || playerLanguage != lang) {
                gateway.exercisePlayer(BREATHING_EXERCISE, lang, BREATHING_MINUTES).onSuccess {
                    player?.destroy()
                    player = it
                    playerLanguage = lang
                }
            }
        }
    }

    fun onEvent(event: SosEvent) {
        when (event) {
            SosEvent.StartBreathing -> {
                if (player == null) return
                playback = null
                _state.update { it.copy(breathing = BreathingUiState()) }
            }
            SosEvent.StopBreathing -> {
                playback = null
                _state.update { it.copy(breathing = null) }
            }
            is SosEvent.Frame -> frame(event.nowMillis)
        }
    }

    private fun frame(nowMillis: Long) {
        val p = player ?: return
        val current = _state.value.breathing ?: return
        if (current.finished) return
        val pb = playback ?: exercisePlaybackStart(nowMillis).also { playback = it }
        val frame = runCatching { p.frameAt(pb, nowMillis) }.getOrNull() ?: return
        _state.update { it.copy(breathing = BreathingUiState(frame)) }
    }

    companion object {
        /** Box breathing (in, hold, out, hold): simple to follow in distress. */
        const val BREATHING_EXERCISE = "breath.box"
        val BREATHING_MINUTES = 1u
    }
}
