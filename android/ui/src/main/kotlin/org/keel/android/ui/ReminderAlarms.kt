package org.keel.android.ui

/**
 * The platform's alarms and notifications, for reminders: on Android
 * `AlarmManager.setWindow` (inexact: exact alarms are denied by default from
 * Android 14), a receiver that posts the notification with the core's
 * neutral words, and the `POST_NOTIFICATIONS` permission (`AndroidReminderAlarms`
 * in `app`); tests use a recording fake. Every decision (which reminders,
 * the diff, the windows) is [ReminderSchedule]'s; this only does it.
 */
interface ReminderAlarms {
    /**
     * What the alarms hold, as last [keep]t: alarms cannot be listed back
     * from the platform, so the schedule is kept beside them.
     */
    fun scheduled(): List<ScheduledReminder>

    /** Arms [reminder]'s alarm in [window], replacing an alarm under the same id. */
    fun schedule(reminder: ScheduledReminder, window: AlarmWindow)

    /** Cancels the alarm under [id] (nothing if there is none). */
    fun cancel(id: String)

    /** Keeps [scheduled] as what the alarms now hold (sealed on Android). */
    fun keep(scheduled: List<ScheduledReminder>)

    /** Notifications can be shown (permission granted, not turned off for the app). */
    fun notificationsAllowed(): Boolean

    /**
     * Asks for the notification permission with the system's dialog (only
     * when the participant turns a reminder on: in context, never at
     * launch); answers whether notifications are allowed afterwards. After
     * two refusals the system no longer asks: [openNotificationSettings].
     */
    suspend fun askNotifications(): Boolean

    /** The system's notification settings for the app. */
    fun openNotificationSettings()
}

/** A platform without alarms (and the default in tests that need none): nothing is scheduled. */
object NoReminderAlarms : ReminderAlarms {
    override fun scheduled(): List<ScheduledReminder> = emptyList()
    override fun schedule(reminder: ScheduledReminder, window: AlarmWindow) = Unit
    override fun cancel(id: String) = Unit
    override fun keep(scheduled: List<ScheduledReminder>) = Unit
    override fun notificationsAllowed() = false
    override suspend fun askNotifications() = false
    override fun openNotificationSettings() = Unit
}
