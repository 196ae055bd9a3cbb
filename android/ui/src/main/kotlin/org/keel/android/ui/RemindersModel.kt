package org.keel.android.ui

import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.launch
import org.keel.android.core.CoreError
import org.keel.android.core.ReminderCalls
import org.keel.android.core.UpcomingReminders
import org.keel.core.Language
import org.keel.core.MeetingSettings

/**
 * The Reminders screen: the participant's choices as the core keeps them
 * ([settings]: the daily check-in's time, gentle prompts), the next
 * reminders they schedule ([upcoming], the core's own neutral words), and
 * whether the phone lets Keel show notifications.
 */
data class RemindersUiState(
    val loaded: Boolean = false,
    val settings: MeetingSettings? = null,
    val upcoming: UpcomingReminders? = null,
    val notificationsAllowed: Boolean = true,
    /** The system said no when asked: only its settings can allow them now. */
    val notificationsRefused: Boolean = false,
    val busy: Boolean = false,
    val error: CoreError? = null,
) {
    /** Something is on that needs notifications to reach the participant. */
    val anyOn: Boolean get() = settings?.let { it.checkInMinute != null || it.gentlePrompts } == true
}

sealed interface RemindersEvent {
    /** The daily check-in reminder on (at its time, 20:00 the first time) or off. */
    data class CheckIn(val on: Boolean) : RemindersEvent

    /** The check-in reminder [minutes] earlier (negative) or later, round the clock. */
    data class MoveCheckIn(val minutes: Int) : RemindersEvent

    /** Gentle prompts in the participant's own high-risk hours on or off. */
    data class GentlePrompts(val on: Boolean) : RemindersEvent

    /** Ask the system for the notification permission. */
    data object AllowNotifications : RemindersEvent

    /** The system's notification settings for Keel (after a refusal). */
    data object OpenNotificationSettings : RemindersEvent
}

/**
 * Reads and saves the reminder choices through [calls], and asks for the
 * notification permission in context: when a reminder is turned on, or
 * from the screen's own button, never at launch. [onChanged] runs after
 * every save, so the alarms follow at once.
 */
class RemindersModel(
    private val calls: ReminderCalls,
    private val alarms: ReminderAlarms,
    private val scope: CoroutineScope,
    private val language: () -> Language,
    private val onChanged: () -> Unit,
) {
    private val _state = MutableStateFlow(RemindersUiState())
    val state: StateFlow<RemindersUiState> = _state.asStateFlow()

    fun load() {
        _state.update { it.copy(busy = true, error = null, notificationsAllowed = alarms.notificationsAllowed()) }
        scope.launch { reload() }
    }

    fun onEvent(event: RemindersEvent) {
        val settings = _state.value.settings
        when (event) {
            is RemindersEvent.CheckIn -> if (settings != null) {
                save(settings.copy(checkInMinute = if (event.on) settings.checkInMinute ?: DEFAULT_CHECK_IN else null), ask = event.on)
            }
            is RemindersEvent.MoveCheckIn -> settings?.checkInMinute?.let { minute ->
                val moved = Math.floorMod(minute.toInt() + event.minutes, MINUTES_A_DAY)
                save(settings.copy(checkInMinute = moved.toUShort()), ask = false)
            }
            is RemindersEvent.GentlePrompts -> if (settings != null) save(settings.copy(gentlePrompts = event.on), ask = event.on)
            RemindersEvent.AllowNotifications -> scope.launch { ask() }
            RemindersEvent.OpenNotificationSettings -> alarms.openNotificationSettings()
        }
    }

    private suspend fun ask() {
        val allowed = alarms.askNotifications()
        _state.update { it.copy(notificationsAllowed = allowed, notificationsRefused = !allowed) }
    }

    private fun save(settings: MeetingSettings, ask: Boolean) {
        if (_state.value.busy) return
        _state.update { it.copy(busy = true, error = null) }
        scope.launch {
            if (ask && !alarms.notificationsAllowed()) ask()
            calls.saveSettings(settings)
                .onSuccess {
                    onChanged()
                    reload()
                }
                .onFailure { e -> _state.update { it.copy(busy = false, error = CoreError.from(e)) } }
        }
    }

    private suspend fun reload() {
        calls.view(ReminderSchedule.HORIZON_HOURS, SHOWN, language())
            .onSuccess { view ->
                _state.update {
                    it.copy(
                        loaded = true,
                        settings = view.settings,
                        upcoming = view.upcoming,
                        notificationsAllowed = alarms.notificationsAllowed(),
                        busy = false,
                        error = null,
                    )
                }
            }
            .onFailure { e -> _state.update { it.copy(loaded = true, busy = false, error = CoreError.from(e)) } }
    }

    companion object {
        /** 20:00: the check-in reminder's time when first turned on. */
        const val DEFAULT_CHECK_IN: UShort = 1200u

        /** How far one tap moves the check-in reminder. */
        const val STEP_MINUTES = 15

        /** The next reminders the screen lists. */
        const val SHOWN: UInt = 5u

        private const val MINUTES_A_DAY = 1440
    }
}
