package org.keel.android.ui

import java.time.DayOfWeek
import java.time.Instant
import java.time.LocalDate
import java.time.ZoneId
import java.time.format.DateTimeFormatter
import java.time.format.FormatStyle
import java.time.format.TextStyle
import java.util.Locale
import org.keel.core.AttendanceStatus
import org.keel.core.CalendarDate
import org.keel.core.FeedSkipReason
import org.keel.core.FeedWarning
import org.keel.core.Language
import org.keel.core.MeetingPlace
import org.keel.core.MeetingRepeat
import org.keel.core.MeetingSchedule
import org.keel.core.MonthWeek
import org.keel.core.Weekday

/*
 * How the Meetings screens put the core's records into words: times in the
 * phone's zone, a schedule's repeat rule, statuses, the importer's reasons.
 * Only wording and the platform's own date formats; every decision (which
 * occurrences, what counts, what was skipped) is the core's.
 */

fun localeOf(language: Language): Locale = when (language) {
    Language.ENGLISH -> Locale.US
    Language.SPANISH -> Locale.forLanguageTag("es")
}

/** A zone the phone gave; the system's if it is not one Java knows (it always is on a phone). */
fun zoneOf(zone: String?): ZoneId = zone?.let { runCatching { ZoneId.of(it) }.getOrNull() } ?: ZoneId.systemDefault()

/** "Tue, Nov 24, 2026, 9:15 AM": an instant in the phone's [zone]. */
fun formatWhen(s: Strings, utcMillis: Long, zone: String?): String {
    val at = Instant.ofEpochMilli(utcMillis).atZone(zoneOf(zone))
    val locale = localeOf(s.language)
    val day = at.format(DateTimeFormatter.ofPattern("EEE", locale))
    return s[Str.meetings_day_and_time, day, at.format(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale))]
}

/** Parts joined the way every screen joins them, with the shared separator. */
fun Strings.joined(parts: List<String>): String = parts.reduce { a, b -> this[Str.common_joined, a, b] }

/** "9:15 AM": the time of day of an instant in the phone's [zone]. */
fun formatTime(utcMillis: Long, zone: String?, language: Language): String =
    Instant.ofEpochMilli(utcMillis).atZone(zoneOf(zone)).format(DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(localeOf(language)))

/** "Nov 24, 2026": a calendar date the core gave. */
fun formatDate(date: CalendarDate, language: Language): String =
    LocalDate.of(date.year, date.month.toInt(), date.day.toInt()).format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(localeOf(language)))

fun dayName(day: Weekday, language: Language, short: Boolean = false): String =
    DayOfWeek.of(day.ordinal + 1).getDisplayName(if (short) TextStyle.SHORT else TextStyle.FULL, localeOf(language))

/** "6 h 30 min", "45 min": minutes as a person reads them. */
fun hoursText(s: Strings, minutes: Long): String = when {
    minutes >= 60 && minutes % 60 == 0L -> s[Str.meetings_hours, minutes / 60]
    minutes >= 60 -> s[Str.meetings_hours_minutes, minutes / 60, minutes % 60]
    else -> s[Str.meetings_minutes, minutes]
}

/** Minutes said only for a meeting attended (a missed or excused one has none to count). */
fun attendedText(s: Strings, status: AttendanceStatus, minutes: Long): List<String> = when (status) {
    AttendanceStatus.MISSED, AttendanceStatus.EXCUSED -> listOf(s[statusText(status)])
    else -> listOf(s[statusText(status)], hoursText(s, minutes))
}

fun statusText(status: AttendanceStatus): Str = when (status) {
    AttendanceStatus.ATTENDED -> Str.meetings_status_attended
    AttendanceStatus.LATE -> Str.meetings_status_late
    AttendanceStatus.LEFT_EARLY -> Str.meetings_status_left_early
    AttendanceStatus.MISSED -> Str.meetings_status_missed
    AttendanceStatus.EXCUSED -> Str.meetings_status_excused
}

fun monthWeekText(week: MonthWeek): Str = when (week) {
    MonthWeek.FIRST -> Str.meetings_month_week_first
    MonthWeek.SECOND -> Str.meetings_month_week_second
    MonthWeek.THIRD -> Str.meetings_month_week_third
    MonthWeek.FOURTH -> Str.meetings_month_week_fourth
    MonthWeek.FIFTH -> Str.meetings_month_week_fifth
    MonthWeek.LAST -> Str.meetings_month_week_last
}

/**
 * "Every Tuesday and Thursday, 6:00 PM, 90 min": a schedule as it stands in
 * the meeting's own zone, with the zone named when it is not the phone's.
 */
fun scheduleText(s: Strings, schedule: MeetingSchedule, phoneZone: String?): String {
    val language = s.language
    val time = java.time.LocalTime.of(schedule.startMinute.toInt() / 60, schedule.startMinute.toInt() % 60)
        .format(DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(localeOf(language)))
    val repeat = when (val r = schedule.repeat) {
        is MeetingRepeat.Weekly -> {
            val days = s.joined(r.days.sortedBy { it.ordinal }.map { dayName(it, language) })
            if (r.everyWeeks.toInt() <= 1) s[Str.meetings_repeat_weekly_text, days] else s[Str.meetings_repeat_every_weeks_text, r.everyWeeks.toInt(), days]
        }
        is MeetingRepeat.Monthly -> s[Str.meetings_repeat_monthly_text, s[monthWeekText(r.week)], dayName(r.day, language)]
        MeetingRepeat.Once -> s[Str.meetings_repeat_once_text, formatDate(schedule.startDate, language)]
    }
    val base = s[Str.meetings_schedule_text, repeat, time, hoursText(s, schedule.durationMinutes.toLong())]
    return if (schedule.zone == phoneZone) base else s[Str.meetings_schedule_zone_text, base, schedule.zone]
}

/** Where: the venue and address, "Online", "By phone", joined. */
fun placeText(s: Strings, place: MeetingPlace): String? {
    val parts = buildList {
        if (place.venue.isNotBlank()) add(place.venue)
        if (place.address.isNotBlank()) add(place.address)
        if (place.onlineUrl.isNotBlank()) add(s[Str.meetings_online])
        if (place.phone.isNotBlank()) add(s[Str.meetings_by_phone])
    }
    return parts.takeIf { it.isNotEmpty() }?.let { s.joined(it) }
}

fun skipReasonText(s: Strings, reason: FeedSkipReason): String = when (reason) {
    FeedSkipReason.NotAnObject -> s[Str.meetings_skip_not_an_object]
    FeedSkipReason.NoName -> s[Str.meetings_skip_no_name]
    FeedSkipReason.NoSlug -> s[Str.meetings_skip_no_slug]
    FeedSkipReason.DuplicateSlug -> s[Str.meetings_skip_duplicate]
    FeedSkipReason.NoDay -> s[Str.meetings_skip_no_day]
    FeedSkipReason.BadDay -> s[Str.meetings_skip_bad_day]
    FeedSkipReason.NoTime -> s[Str.meetings_skip_no_time]
    FeedSkipReason.BadTime -> s[Str.meetings_skip_bad_time]
    FeedSkipReason.UnknownTimeZone -> s[Str.meetings_skip_zone]
    is FeedSkipReason.Invalid -> s[Str.meetings_skip_invalid]
}

fun warningText(s: Strings, warning: FeedWarning): String = when (warning) {
    is FeedWarning.UnknownType -> s[Str.meetings_warning_type, warning.code]
    FeedWarning.BadEndTime -> s[Str.meetings_warning_end_time]
    FeedWarning.BadLink -> s[Str.meetings_warning_link]
    FeedWarning.BadPhone -> s[Str.meetings_warning_phone]
    FeedWarning.SomeDaysIgnored -> s[Str.meetings_warning_days]
    is FeedWarning.Shortened -> s[Str.meetings_warning_shortened]
}

/** The calendar date a [Moment] fell on where it was taken (its own offset). */
fun org.keel.core.Moment.localDate(): LocalDate =
    Instant.ofEpochMilli(utcMillis).atOffset(java.time.ZoneOffset.ofTotalSeconds(offsetMinutes * 60)).toLocalDate()
