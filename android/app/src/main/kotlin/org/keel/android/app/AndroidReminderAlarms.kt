package org.keel.android.app

import android.Manifest
import android.app.Activity
import android.app.AlarmManager
import android.app.NotificationManager
import android.app.PendingIntent
import android.content.Context
import android.content.Intent
import android.content.pm.PackageManager
import android.net.Uri
import android.os.Build
import android.provider.Settings
import java.io.File
import kotlin.coroutines.Continuation
import kotlin.coroutines.resume
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.suspendCancellableCoroutine
import kotlinx.coroutines.withContext
import org.keel.android.ui.AlarmWindow
import org.keel.android.ui.ReminderAlarms
import org.keel.android.ui.ReminderSchedule
import org.keel.android.ui.ScheduledReminder

/**
 * Reminders with the framework's `AlarmManager` (no androidx): each one an
 * inexact `setWindow` RTC_WAKEUP alarm (exact alarms are denied by default
 * from Android 14, and a reminder five minutes off is fine) whose broadcast
 * [ReminderAlarmReceiver] turns into the notification. An alarm's intent is
 * keyed by the core's id (its data URI), so two ids sharing a request code
 * never replace each other. The schedule is kept sealed ([ReminderSeal]) in
 * no-backup storage, because alarms cannot be listed back and a reboot
 * clears them. `POST_NOTIFICATIONS` is asked for over [activity], which
 * MainActivity sets while resumed and whose result it hands to [onPermissionResult].
 */
class AndroidReminderAlarms(
    private val context: Context,
    private val seal: ReminderSeal = ReminderSeal(File(context.noBackupFilesDir, "reminders")),
) : ReminderAlarms {
    private val alarmManager: AlarmManager = context.getSystemService(AlarmManager::class.java)
    private val lock = Any()

    /** The activity the permission dialog is shown over; MainActivity sets it while resumed. */
    @Volatile var activity: Activity? = null

    private var asking: Continuation<Boolean>? = null

    override fun scheduled(): List<ScheduledReminder> = synchronized(lock) {
        seal.read()?.let(ReminderSchedule::decode).orEmpty()
    }

    override fun schedule(reminder: ScheduledReminder, window: AlarmWindow) {
        val intent = alarmIntent(reminder.id)
            .putExtra(ReminderAlarmReceiver.EXTRA_TITLE, reminder.title)
            .putExtra(ReminderAlarmReceiver.EXTRA_BODY, reminder.body)
            .putExtra(ReminderAlarmReceiver.EXTRA_TARGET, reminder.target.code)
        val pending = PendingIntent.getBroadcast(
            context,
            ReminderSchedule.requestCode(reminder.id),
            intent,
            PendingIntent.FLAG_UPDATE_CURRENT or PendingIntent.FLAG_IMMUTABLE,
        )
        alarmManager.setWindow(AlarmManager.RTC_WAKEUP, window.startUtcMillis, window.lengthMillis, pending)
    }

    override fun cancel(id: String) {
        val pending = PendingIntent.getBroadcast(
            context,
            ReminderSchedule.requestCode(id),
            alarmIntent(id),
            PendingIntent.FLAG_NO_CREATE or PendingIntent.FLAG_IMMUTABLE,
        ) ?: return
        alarmManager.cancel(pending)
        pending.cancel()
    }

    override fun keep(scheduled: List<ScheduledReminder>) = synchronized(lock) {
        seal.write(ReminderSchedule.encode(scheduled))
    }

    override fun notificationsAllowed(): Boolean {
        val manager = context.getSystemService(NotificationManager::class.java) ?: return false
        if (!manager.areNotificationsEnabled()) return false
        return Build.VERSION.SDK_INT < Build.VERSION_CODES.TIRAMISU ||
            context.checkSelfPermission(Manifest.permission.POST_NOTIFICATIONS) == PackageManager.PERMISSION_GRANTED
    }

    override suspend fun askNotifications(): Boolean {
        if (notificationsAllowed()) return true
        // Before Android 13 there is no runtime permission: only the settings can turn them back on.
        if (Build.VERSION.SDK_INT < Build.VERSION_CODES.TIRAMISU) return false
        val shown = activity ?: return false
        return withContext(Dispatchers.Main) {
            suspendCancellableCoroutine { continuation ->
                asking?.resume(notificationsAllowed())
                asking = continuation
                continuation.invokeOnCancellation { if (asking === continuation) asking = null }
                shown.requestPermissions(arrayOf(Manifest.permission.POST_NOTIFICATIONS), PERMISSION_REQUEST)
            }
        }
    }

    /** MainActivity's `onRequestPermissionsResult`: resumes [askNotifications]. */
    fun onPermissionResult(requestCode: Int) {
        if (requestCode != PERMISSION_REQUEST) return
        val waiting = asking ?: return
        asking = null
        waiting.resume(notificationsAllowed())
    }

    override fun openNotificationSettings() {
        val intent = Intent(Settings.ACTION_APP_NOTIFICATION_SETTINGS)
            .putExtra(Settings.EXTRA_APP_PACKAGE, context.packageName)
            .addFlags(Intent.FLAG_ACTIVITY_NEW_TASK)
        context.startActivity(intent)
    }

    /** The alarm's intent for [id]: the data URI carries the core's id (a hash that says nothing). */
    private fun alarmIntent(id: String): Intent =
        Intent(context, ReminderAlarmReceiver::class.java).setData(Uri.fromParts(URI_SCHEME, id, null))

    companion object {
        const val PERMISSION_REQUEST = 0x6b72
        private const val URI_SCHEME = "keel-reminder"
    }
}
