package org.keel.android.app

import android.content.BroadcastReceiver
import android.content.Context
import android.content.Intent
import org.keel.android.ui.ReminderTarget

/** An alarm went off: post its notification with the words it carries (the core's, neutral). */
class ReminderAlarmReceiver : BroadcastReceiver() {
    override fun onReceive(context: Context, intent: Intent) {
        val id = intent.data?.schemeSpecificPart ?: return
        val title = intent.getStringExtra(EXTRA_TITLE) ?: return
        val body = intent.getStringExtra(EXTRA_BODY) ?: return
        val target = ReminderTarget.fromCode(intent.getStringExtra(EXTRA_TARGET)) ?: return
        val graph = (context.applicationContext as KeelApplication).graph
        graph.reminderNotifier.post(id, title, body, target)
    }

    companion object {
        const val EXTRA_TITLE = "org.keel.reminder.title"
        const val EXTRA_BODY = "org.keel.reminder.body"
        const val EXTRA_TARGET = "org.keel.reminder.target"
    }
}
