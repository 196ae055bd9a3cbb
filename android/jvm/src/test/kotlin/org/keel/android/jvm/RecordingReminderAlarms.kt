package org.keel.android.jvm

import org.keel.android.ui.AlarmWindow
import org.keel.android.ui.ReminderAlarms
import org.keel.android.ui.ScheduledReminder

/**
 * The phone's alarms without the phone: [armed] is what AlarmManager would
 * hold (by id, with its window), [kept] the sealed schedule beside it ([writes] times written);
 * [reboot] clears the alarms as a restart does and keeps the file.
 * [allow] is the participant's answer to the permission dialog.
 */
class RecordingReminderAlarms(var allowed: Boolean = false, var allow: Boolean = true) : ReminderAlarms {
    val armed = LinkedHashMap<String, Pair<ScheduledReminder, AlarmWindow>>()
    var kept: List<ScheduledReminder> = emptyList()
    var writes = 0
    var asked = 0
    var settingsOpened = 0
    val cancelled = mutableListOf<String>()

    override fun scheduled(): List<ScheduledReminder> = kept
    override fun schedule(reminder: ScheduledReminder, window: AlarmWindow) {
        armed[reminder.id] = reminder to window
    }
    override fun cancel(id: String) {
        cancelled += id
        armed.remove(id)
    }
    override fun keep(scheduled: List<ScheduledReminder>) {
        kept = scheduled
        writes++
    }
    override fun notificationsAllowed() = allowed
    override suspend fun askNotifications(): Boolean {
        asked++
        allowed = allowed || allow
        return allowed
    }
    override fun openNotificationSettings() {
        settingsOpened++
    }

    fun reboot() = armed.clear()
}
