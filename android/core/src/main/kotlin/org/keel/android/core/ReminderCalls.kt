package org.keel.android.core

import org.keel.core.Language
import org.keel.core.MeetingSettings
import org.keel.core.Reminder

/**
 * The core's reminders at one instant: [nowUtcMillis] and [zone] (IANA) are
 * the now they were computed at, the zone also the clock to show them on.
 */
data class UpcomingReminders(val nowUtcMillis: Long, val zone: String, val reminders: List<Reminder>)

/** What the Reminders screen shows: the participant's choices and what they schedule next. */
data class RemindersView(val settings: MeetingSettings, val upcoming: UpcomingReminders)

/** The reminders' core calls, on the gateway's door (see [VaultGateway.withVault]). */
class ReminderCalls(private val gateway: VaultGateway) {
    /** The notifications due in the next [horizonHours] (1 to 336), at most [limit], their words in [language]. */
    suspend fun upcoming(horizonHours: UInt, limit: UInt?, language: Language): Result<UpcomingReminders> =
        gateway.withVault { vault, now -> UpcomingReminders(now.utcMillis, now.zone, vault.upcomingReminders(now, horizonHours, limit, language)) }

    /** The reminder choices (check-in time, gentle prompts) and the next [limit] reminders in [horizonHours], in one call. */
    suspend fun view(horizonHours: UInt, limit: UInt, language: Language): Result<RemindersView> = gateway.withVault { vault, now ->
        RemindersView(vault.meetingSettings(), UpcomingReminders(now.utcMillis, now.zone, vault.upcomingReminders(now, horizonHours, limit, language)))
    }

    /** Saves the reminder choices with the rest of the meeting settings (the weekly requirement kept as given). */
    suspend fun saveSettings(settings: MeetingSettings): Result<MeetingSettings> =
        gateway.withVault { vault, _ -> vault.saveMeetingSettings(settings) }
}
