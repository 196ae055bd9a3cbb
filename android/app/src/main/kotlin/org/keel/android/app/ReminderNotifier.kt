package org.keel.android.app

import android.app.Notification
import android.app.NotificationChannel
import android.app.NotificationManager
import android.app.PendingIntent
import android.content.Context
import android.content.Intent
import org.keel.android.ui.ReminderSchedule
import org.keel.android.ui.ReminderTarget
import org.keel.android.ui.Str
import org.keel.android.ui.Strings

/**
 * Posts a reminder's notification: the core's neutral title and body as they
 * came (never a meeting's name, a place or a substance), on one channel whose
 * name is neutral in discreet mode. A tap opens the launcher's entry (the
 * activity alias discreet mode uses, too) with only the target's code; the
 * app shows that screen once the participant has unlocked.
 */
class ReminderNotifier(private val context: Context, private val texts: () -> Strings, private val discreet: () -> Boolean) {
    private val manager: NotificationManager? = context.getSystemService(NotificationManager::class.java)

    /** Creates the channel, or renames it for the current language and discreet mode (same id). */
    fun ensureChannel() {
        val s = texts()
        val name = s[if (discreet()) Str.notification_channel_neutral else Str.notification_channel_reminders]
        manager?.createNotificationChannel(NotificationChannel(CHANNEL_ID, name, NotificationManager.IMPORTANCE_DEFAULT))
    }

    fun post(id: String, title: String, body: String, target: ReminderTarget) {
        val manager = manager ?: return
        if (!manager.areNotificationsEnabled()) return
        ensureChannel()
        val open = context.packageManager.getLaunchIntentForPackage(context.packageName)?.apply {
            addFlags(Intent.FLAG_ACTIVITY_NEW_TASK or Intent.FLAG_ACTIVITY_CLEAR_TOP or Intent.FLAG_ACTIVITY_SINGLE_TOP)
            putExtra(EXTRA_OPEN, target.code)
        }
        val code = ReminderSchedule.requestCode(id)
        val builder = Notification.Builder(context, CHANNEL_ID)
            .setSmallIcon(android.R.drawable.ic_popup_reminder)
            .setContentTitle(title)
            .setContentText(body)
            .setCategory(Notification.CATEGORY_REMINDER)
            .setAutoCancel(true)
            // A phone set to hide notification contents on the lock screen shows the neutral title alone.
            .setVisibility(Notification.VISIBILITY_PRIVATE)
            .setPublicVersion(
                Notification.Builder(context, CHANNEL_ID).setSmallIcon(android.R.drawable.ic_popup_reminder).setContentTitle(title).build(),
            )
        if (open != null) {
            builder.setContentIntent(PendingIntent.getActivity(context, code, open, PendingIntent.FLAG_UPDATE_CURRENT or PendingIntent.FLAG_IMMUTABLE))
        }
        manager.notify(id, code, builder.build())
    }

    companion object {
        const val CHANNEL_ID = "reminders"

        /** The extra of the launch intent a tap sends: a [ReminderTarget] code. */
        const val EXTRA_OPEN = "org.keel.reminder.open"

        /** The target a launch intent asks for (null: an ordinary launch); read once, then removed so a rotation does not reopen it. */
        fun takeTarget(intent: Intent?): ReminderTarget? {
            val code = intent?.getStringExtra(EXTRA_OPEN) ?: return null
            intent.removeExtra(EXTRA_OPEN)
            return ReminderTarget.fromCode(code)
        }
    }
}
