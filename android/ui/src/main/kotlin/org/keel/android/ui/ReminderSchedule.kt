package org.keel.android.ui

import java.util.Base64
import org.keel.core.EntryKind
import org.keel.core.Reminder
import org.keel.core.ReminderKind

/**
 * Which screen a reminder's tap opens, once the vault is unlocked. Only this
 * code travels with the alarm and the notification (never a meeting's id or
 * name): the screen itself asks the core what is due.
 */
enum class ReminderTarget(val code: String) {
    /** The daily check-in: the check-in form. */
    CHECK_IN("check-in"),

    /** A gentle prompt in a high-risk hour ("take a breath and check in"): the check-in form. */
    PROMPT("prompt"),

    /** A meeting starting soon: Today, which offers "I'm here" for the meeting on now. */
    MEETING("meeting"),

    /** A questionnaire that is due: the questionnaires, due ones first. */
    MEASURE("measure"),
    ;

    /** The screen to open. */
    fun route(): Route = when (this) {
        CHECK_IN, PROMPT -> Route.Log(EntryKind.CHECK_IN)
        MEETING -> Route.Today
        MEASURE -> Route.Measures
    }

    companion object {
        fun of(kind: ReminderKind): ReminderTarget = when (kind) {
            is ReminderKind.Meeting -> MEETING
            ReminderKind.CheckIn -> CHECK_IN
            ReminderKind.GentlePrompt -> PROMPT
            is ReminderKind.Measure -> MEASURE
        }

        /** The target of [code]; null for an unknown or missing one (an old or forged intent). */
        fun fromCode(code: String?): ReminderTarget? = entries.firstOrNull { it.code == code }
    }
}

/**
 * One notification as handed to the platform's alarms: the core's id, its
 * instant, its neutral words exactly as the core wrote them, and where a tap
 * leads.
 */
data class ScheduledReminder(
    val id: String,
    val atUtcMillis: Long,
    val title: String,
    val body: String,
    val target: ReminderTarget,
) {
    override fun toString() = "ScheduledReminder($id)"
}

/** What to change in the platform's alarms: cancel [cancel]'s ids, (re)schedule [schedule]. */
data class ReminderDiff(val cancel: List<String>, val schedule: List<ScheduledReminder>) {
    val isEmpty: Boolean get() = cancel.isEmpty() && schedule.isEmpty()
}

/**
 * When an inexact alarm may go off: from [startUtcMillis], within
 * [lengthMillis] (Android's `setWindow`).
 */
data class AlarmWindow(val startUtcMillis: Long, val lengthMillis: Long)

/**
 * The scheduling decisions, free of any platform so they are unit-tested on
 * the JVM: which of the core's reminders to hand to the alarms, the diff
 * against what the alarms already hold, each alarm's window, and the
 * encoding of the schedule the platform keeps (alarms cannot be listed
 * back, and a reboot clears them).
 */
object ReminderSchedule {
    /**
     * How far ahead to ask the core: its longest horizon (14 days). The vault
     * can only be read unlocked, so the schedule made at one unlock has to
     * last until the next one; the core refreshes it at every unlock anyway.
     */
    const val HORIZON_HOURS: UInt = 336u

    /**
     * At most this many alarms at once: Android caps an app's alarms at 500;
     * 14 days of a daily check-in, three prompts a week and several meetings
     * a day stay well under it.
     */
    const val MAX_ALARMS: UInt = 200u

    /**
     * An inexact alarm's window. Exact alarms are denied by default from
     * Android 14; `setWindow` with 10 minutes (the shortest Android 14
     * honours) centred on the core's instant keeps a reminder within five
     * minutes of its time either way, and never before now.
     */
    const val WINDOW_MILLIS: Long = 10 * 60_000L

    /** The core's reminders as the alarms will carry them. */
    fun wanted(reminders: List<Reminder>): List<ScheduledReminder> =
        reminders.map { ScheduledReminder(it.id, it.atUtcMillis, it.title, it.body, ReminderTarget.of(it.kind)) }

    /**
     * The change from [scheduled] (what the alarms hold) to [wanted] (what
     * the core now returns), by id: ids no longer wanted are cancelled, new
     * ones scheduled, and an id whose time, words or target changed is
     * scheduled again (the platform replaces the alarm under the same id).
     * Reminders already past when the diff is made are neither cancelled
     * nor scheduled: they have fired or never will.
     */
    fun diff(wanted: List<ScheduledReminder>, scheduled: List<ScheduledReminder>, nowUtcMillis: Long): ReminderDiff {
        val want = wanted.filter { it.atUtcMillis > nowUtcMillis }.associateBy { it.id }
        val have = scheduled.filter { it.atUtcMillis > nowUtcMillis }.associateBy { it.id }
        val cancel = have.keys.filter { it !in want }.sorted()
        val schedule = want.values.filter { have[it.id] != it }.sortedWith(compareBy({ it.atUtcMillis }, { it.id }))
        return ReminderDiff(cancel, schedule)
    }

    /** What to arm again after a reboot or a clock change, without the vault: the kept schedule's future reminders. */
    fun stillDue(scheduled: List<ScheduledReminder>, nowUtcMillis: Long): List<ScheduledReminder> =
        scheduled.filter { it.atUtcMillis > nowUtcMillis }.sortedWith(compareBy({ it.atUtcMillis }, { it.id }))

    /** The window of [reminder]'s alarm at [nowUtcMillis]: centred on its instant, never starting before now. */
    fun window(reminder: ScheduledReminder, nowUtcMillis: Long): AlarmWindow =
        AlarmWindow(maxOf(nowUtcMillis, reminder.atUtcMillis - WINDOW_MILLIS / 2), WINDOW_MILLIS)

    /**
     * An Int for APIs that take one (a `PendingIntent` request code, a
     * notification id): the first 32 bits of the core's id, itself a hash
     * that says nothing. Two ids may share one, so the platform also keys
     * its alarms by the full id (the intent's data).
     */
    fun requestCode(id: String): Int {
        require(id.length >= 8 && id.all { it in HEX }) { "not a reminder id" }
        return id.substring(0, 8).toLong(16).toInt()
    }

    /**
     * The schedule as one string for the platform to keep (sealed on Android,
     * see `AndroidAlarms`): one line per reminder, fields separated by tabs,
     * the words in Base64 so no text can break a line.
     */
    fun encode(scheduled: List<ScheduledReminder>): String = scheduled.joinToString("\n") { r ->
        listOf(VERSION, r.id, r.atUtcMillis.toString(), r.target.code, b64(r.title), b64(r.body)).joinToString("\t")
    }

    /**
     * The schedule [encode] wrote. A line that does not read (another
     * version, a damaged file) is dropped: the next unlock schedules afresh.
     */
    fun decode(text: String): List<ScheduledReminder> = text.lineSequence().mapNotNull { line ->
        val f = line.split('\t')
        if (f.size != 6 || f[0] != VERSION) return@mapNotNull null
        val at = f[2].toLongOrNull() ?: return@mapNotNull null
        val target = ReminderTarget.fromCode(f[3]) ?: return@mapNotNull null
        if (f[1].length != 32 || !f[1].all { it in HEX }) return@mapNotNull null
        val title = unb64(f[4]) ?: return@mapNotNull null
        val body = unb64(f[5]) ?: return@mapNotNull null
        ScheduledReminder(f[1], at, title, body, target)
    }.toList()

    private const val VERSION = "r1"
    private const val HEX = "0123456789abcdef"

    private fun b64(s: String) = Base64.getEncoder().encodeToString(s.toByteArray(Charsets.UTF_8))

    private fun unb64(s: String): String? = try {
        String(Base64.getDecoder().decode(s), Charsets.UTF_8)
    } catch (_: IllegalArgumentException) {
        null
    }
}
