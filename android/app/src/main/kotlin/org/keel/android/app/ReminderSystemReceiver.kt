package org.keel.android.app

import android.content.BroadcastReceiver
import android.content.Context
import android.content.Intent
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.launch
import org.keel.android.core.ReminderCalls
import org.keel.android.ui.ReminderScheduler
import org.keel.core.Language

/**
 * The phone restarted, its zone or clock changed, or Keel was updated:
 * alarms are cleared by a reboot and a new zone moves the wall-clock
 * reminders (the daily check-in at 20:00 stays 20:00). Unlocked (the app is
 * running and open), the core computes the reminders again with the new
 * now; locked, the kept schedule's future reminders are armed again and the
 * next unlock brings them in line with the new zone.
 */
class ReminderSystemReceiver : BroadcastReceiver() {
    override fun onReceive(context: Context, intent: Intent) {
        if (intent.action !in ACTIONS) return
        val graph = (context.applicationContext as KeelApplication).graph
        val scheduler = ReminderScheduler(ReminderCalls(graph.gateway), graph.reminderAlarms) { graph.settings.language ?: Language.ENGLISH }
        val done = goAsync()
        CoroutineScope(Dispatchers.Default).launch {
            try {
                graph.reminderNotifier.ensureChannel()
                if (graph.gateway.isLocked() || scheduler.refresh().isFailure) scheduler.rearm(System.currentTimeMillis())
            } finally {
                done.finish()
            }
        }
    }

    private companion object {
        val ACTIONS = setOf(
            Intent.ACTION_BOOT_COMPLETED,
            Intent.ACTION_TIMEZONE_CHANGED,
            Intent.ACTION_TIME_CHANGED,
            Intent.ACTION_MY_PACKAGE_REPLACED,
        )
    }
}
