package org.keel.android.ui

import kotlinx.coroutines.sync.Mutex
import kotlinx.coroutines.sync.withLock
import org.keel.android.core.ReminderCalls
import org.keel.core.Language

/**
 * Keeps the platform's alarms equal to the core's reminders: [refresh] asks
 * the core (unlocked only) and applies [ReminderSchedule.diff]; [rearm] arms
 * the kept schedule again without the vault (after a reboot, which clears
 * alarms). One refresh at a time.
 */
class ReminderScheduler(
    private val calls: ReminderCalls,
    private val alarms: ReminderAlarms,
    private val language: () -> Language,
) {
    private val mutex = Mutex()

    /**
     * Reads the core's reminders for [ReminderSchedule.HORIZON_HOURS] and
     * brings the alarms in line; answers the diff applied. A locked vault is
     * the core's `Locked` failure and changes nothing.
     */
    suspend fun refresh(): Result<ReminderDiff> = mutex.withLock {
        calls.upcoming(ReminderSchedule.HORIZON_HOURS, ReminderSchedule.MAX_ALARMS, language()).map { upcoming ->
            val now = upcoming.nowUtcMillis
            val wanted = ReminderSchedule.wanted(upcoming.reminders)
            val scheduled = alarms.scheduled()
            val diff = ReminderSchedule.diff(wanted, scheduled, now)
            diff.cancel.forEach(alarms::cancel)
            diff.schedule.forEach { alarms.schedule(it, ReminderSchedule.window(it, now)) }
            // Written only when it changed: a file touched at every screen change would date each use.
            val keep = ReminderSchedule.stillDue(wanted, now)
            if (keep != scheduled) alarms.keep(keep)
            diff
        }
    }

    /**
     * Arms every kept reminder still to come at [nowUtcMillis] again, without
     * the vault: after a reboot, or a clock change while locked (the wall-clock
     * times of a new zone wait for the next unlock's [refresh]). Answers how many.
     */
    suspend fun rearm(nowUtcMillis: Long): Int = mutex.withLock {
        val due = ReminderSchedule.stillDue(alarms.scheduled(), nowUtcMillis)
        due.forEach { alarms.schedule(it, ReminderSchedule.window(it, nowUtcMillis)) }
        alarms.keep(due)
        due.size
    }

    /** Cancels every kept alarm and keeps nothing (the vault was wiped or replaced). */
    suspend fun clear() = mutex.withLock {
        alarms.scheduled().forEach { alarms.cancel(it.id) }
        alarms.keep(emptyList())
    }
}
