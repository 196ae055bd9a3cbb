package org.keel.android.jvm

import java.io.File
import java.nio.file.Files
import org.keel.android.core.UpcomingReminders
import org.keel.android.ui.RemindersModel
import org.keel.android.ui.RemindersUiState
import org.keel.android.ui.ReminderSchedule
import org.keel.core.Language
import org.keel.core.MeetingSettings
import org.keel.core.Now
import org.keel.core.Vault

/**
 * The Reminders screen's states for the gallery from the core's real
 * records: per language, a vault with the check-in at 20:00 and gentle
 * prompts on, and a new one with nothing chosen.
 */
object ReminderShots {
    private val now = Now(Fixtures.clock.millis(), Fixtures.clock.zone.id)

    private class Data(val off: MeetingSettings, val on: MeetingSettings, val upcoming: UpcomingReminders, val none: UpcomingReminders)

    private val data: Map<Language, Data> by lazy { Language.entries.associateWith(::build) }

    private fun build(lang: Language): Data {
        val dir = Files.createTempDirectory("keel-reminders").toFile()
        try {
            return Vault.create(File(dir, "v").path, Fixtures.PASSPHRASE).use { v ->
                val off = v.meetingSettings()
                val none = UpcomingReminders(now.utcMillis, now.zone, v.upcomingReminders(now, ReminderSchedule.HORIZON_HOURS, RemindersModel.SHOWN, lang))
                val on = v.saveMeetingSettings(off.copy(checkInMinute = 1200u, gentlePrompts = true))
                Data(off, on, UpcomingReminders(now.utcMillis, now.zone, v.upcomingReminders(now, ReminderSchedule.HORIZON_HOURS, RemindersModel.SHOWN, lang)), none)
            }
        } finally {
            dir.deleteRecursively()
        }
    }

    /** Nothing chosen yet. */
    fun off(lang: Language): RemindersUiState = data.getValue(lang).let { RemindersUiState(loaded = true, settings = it.off, upcoming = it.none) }

    /** The check-in at 20:00 and gentle prompts on, notifications allowed: the next five reminders. */
    fun on(lang: Language): RemindersUiState = data.getValue(lang).let { RemindersUiState(loaded = true, settings = it.on, upcoming = it.upcoming) }

    /** Reminders on, notifications not allowed yet: the offer to allow them. */
    fun notificationsOff(lang: Language): RemindersUiState = on(lang).copy(notificationsAllowed = false)

    /** The system said no: the way to its settings. */
    fun refused(lang: Language): RemindersUiState = on(lang).copy(notificationsAllowed = false, notificationsRefused = true)
}
