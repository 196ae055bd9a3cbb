import Foundation
import KeelCore
import KeelKit

/// How the Meetings screens put the core's records into words: times in the
/// phone's zone, a schedule's repeat rule, statuses, the importer's reasons,
/// failures. Only wording and the platform's own date formats; every
/// decision (which occurrences, what counts, what was skipped) is the core's.
enum MeetingText {
    static var language: Language { ScreenParts.language }

    static var locale: Locale { ScreenParts.locale(language) }

    /// A zone the phone gave; the phone's own if it is not one the system knows.
    static func zone(_ identifier: String?) -> TimeZone {
        identifier.flatMap { TimeZone(identifier: $0) } ?? .current
    }

    private static func formatter(zone: TimeZone, date: DateFormatter.Style, time: DateFormatter.Style) -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = locale
        formatter.timeZone = zone
        formatter.dateStyle = date
        formatter.timeStyle = time
        return formatter
    }

    private static func instant(_ utcMillis: Int64) -> Date {
        Date(timeIntervalSince1970: TimeInterval(utcMillis) / 1000)
    }

    /// "Tue, Nov 24, 2026, 9:15 AM": an instant in the phone's `zone`.
    static func when(_ utcMillis: Int64, zone: String?) -> String {
        let at = instant(utcMillis)
        let day = DateFormatter()
        day.locale = locale
        day.timeZone = self.zone(zone)
        day.setLocalizedDateFormatFromTemplate("EEE")
        let full = formatter(zone: self.zone(zone), date: .medium, time: .short).string(from: at)
        return Loc.text("meetings_day_and_time", day.string(from: at), full)
    }

    /// "9:15 AM": the time of day of an instant in the phone's `zone`.
    static func time(_ utcMillis: Int64, zone: String?) -> String {
        formatter(zone: self.zone(zone), date: .none, time: .short).string(from: instant(utcMillis))
    }

    /// "Nov 24, 2026": a calendar date the core gave.
    static func date(_ date: CalendarDate) -> String {
        ScreenParts.dayText(date, language: language)
    }

    /// "Tuesday, December 8, 2026": a date in words, so its weekday is seen without a calendar.
    static func dateInWords(_ date: CalendarDate) -> String {
        guard let noon = MeetingWhen.date(of: date) else { return "" }
        return formatter(zone: MeetingWhen.utc, date: .full, time: .none).string(from: noon)
    }

    /// "6:30 PM" (or "18:30"): minutes after midnight as the language writes a time.
    static func timeInWords(minute: Int) -> String {
        formatter(zone: MeetingWhen.utc, date: .none, time: .short).string(from: MeetingWhen.pickerDate(ofMinute: minute))
    }

    /// The day's name in the participant's language, full or short.
    static func dayName(_ day: Weekday, short: Bool = false) -> String {
        let formatter = DateFormatter()
        formatter.locale = locale
        let names = short ? formatter.shortWeekdaySymbols ?? [] : formatter.weekdaySymbols ?? []
        // The formatter's week starts on Sunday.
        let index: Int
        switch day {
        case .sunday: index = 0
        case .monday: index = 1
        case .tuesday: index = 2
        case .wednesday: index = 3
        case .thursday: index = 4
        case .friday: index = 5
        case .saturday: index = 6
        }
        return names.indices.contains(index) ? names[index] : ""
    }

    /// "6 h 30 min", "45 min": minutes as a person reads them.
    static func hours(_ minutes: Int) -> String {
        if minutes >= 60 && minutes % 60 == 0 { return Loc.text("meetings_hours", minutes / 60) }
        if minutes >= 60 { return Loc.text("meetings_hours_minutes", minutes / 60, minutes % 60) }
        return Loc.text("meetings_minutes", minutes)
    }

    static func status(_ status: AttendanceStatus) -> String {
        switch status {
        case .attended: return Loc.text("meetings_status_attended")
        case .late: return Loc.text("meetings_status_late")
        case .leftEarly: return Loc.text("meetings_status_left_early")
        case .missed: return Loc.text("meetings_status_missed")
        case .excused: return Loc.text("meetings_status_excused")
        }
    }

    /// Minutes said only for a meeting attended (a missed or excused one has none to count).
    static func attended(_ status: AttendanceStatus, minutes: Int) -> [String] {
        switch status {
        case .missed, .excused: return [self.status(status)]
        default: return [self.status(status), hours(minutes)]
        }
    }

    static func monthWeek(_ week: MonthWeek) -> String {
        switch week {
        case .first: return Loc.text("meetings_month_week_first")
        case .second: return Loc.text("meetings_month_week_second")
        case .third: return Loc.text("meetings_month_week_third")
        case .fourth: return Loc.text("meetings_month_week_fourth")
        case .fifth: return Loc.text("meetings_month_week_fifth")
        case .last: return Loc.text("meetings_month_week_last")
        }
    }

    /// "Every week on Tuesday · Thursday, 6:00 PM, 1 h 30 min": a schedule as
    /// it stands in the meeting's own zone, with the zone named when it is not the phone's.
    static func schedule(_ schedule: MeetingSchedule, phoneZone: String?) -> String {
        let time = timeInWords(minute: Int(schedule.startMinute))
        let repeatText: String
        switch schedule.`repeat` {
        case let .weekly(days, everyWeeks):
            let names = ScreenParts.joined(MeetingWhen.weekdays.filter { days.contains($0) }.map { dayName($0) })
            if everyWeeks <= 1 {
                repeatText = Loc.text("meetings_repeat_weekly_text", names)
            } else {
                repeatText = Loc.text("meetings_repeat_every_weeks_text", Int(everyWeeks), names)
            }
        case let .monthly(week, day):
            repeatText = Loc.text("meetings_repeat_monthly_text", monthWeek(week), dayName(day))
        case .once:
            repeatText = Loc.text("meetings_repeat_once_text", date(schedule.startDate))
        }
        let base = Loc.text("meetings_schedule_text", repeatText, time, hours(Int(schedule.durationMinutes)))
        return schedule.zone == phoneZone ? base : Loc.text("meetings_schedule_zone_text", base, schedule.zone)
    }

    /// Where: the venue and address, "Online", "By phone", joined; nil for nowhere given.
    static func place(_ place: MeetingPlace) -> String? {
        var parts: [String] = []
        if !place.venue.trimmingCharacters(in: .whitespaces).isEmpty { parts.append(place.venue) }
        if !place.address.trimmingCharacters(in: .whitespaces).isEmpty { parts.append(place.address) }
        if !place.onlineUrl.trimmingCharacters(in: .whitespaces).isEmpty { parts.append(Loc.text("meetings_online")) }
        if !place.phone.trimmingCharacters(in: .whitespaces).isEmpty { parts.append(Loc.text("meetings_by_phone")) }
        return parts.isEmpty ? nil : ScreenParts.joined(parts)
    }

    /// The zone's name in the participant's language ("Central Time (America/Chicago)"), or its IANA name.
    static func zoneName(_ identifier: String) -> String {
        guard let zone = TimeZone(identifier: identifier),
              let name = zone.localizedName(for: .generic, locale: locale),
              name != identifier
        else { return identifier }
        return Loc.text("meetings_zone_name", name, identifier)
    }

    static func skipReason(_ reason: FeedSkipReason) -> String {
        switch reason {
        case .notAnObject: return Loc.text("meetings_skip_not_an_object")
        case .noName: return Loc.text("meetings_skip_no_name")
        case .noSlug: return Loc.text("meetings_skip_no_slug")
        case .duplicateSlug: return Loc.text("meetings_skip_duplicate")
        case .noDay: return Loc.text("meetings_skip_no_day")
        case .badDay: return Loc.text("meetings_skip_bad_day")
        case .noTime: return Loc.text("meetings_skip_no_time")
        case .badTime: return Loc.text("meetings_skip_bad_time")
        case .unknownTimeZone: return Loc.text("meetings_skip_zone")
        case .invalid: return Loc.text("meetings_skip_invalid")
        }
    }

    static func warning(_ warning: FeedWarning) -> String {
        switch warning {
        case let .unknownType(code): return Loc.text("meetings_warning_type", code)
        case .badEndTime: return Loc.text("meetings_warning_end_time")
        case .badLink: return Loc.text("meetings_warning_link")
        case .badPhone: return Loc.text("meetings_warning_phone")
        case .someDaysIgnored: return Loc.text("meetings_warning_days")
        case .shortened: return Loc.text("meetings_warning_shortened")
        }
    }

    /// The editor's own check of a field, in plain words.
    static func problem(_ problem: MeetingProblem) -> String {
        switch problem {
        case .name: return Loc.text("screen_meeting_edit_need_name")
        case .date: return Loc.text("screen_meeting_edit_bad_date")
        case .endDate: return Loc.text("screen_meeting_edit_bad_end_date")
        case .time: return Loc.text("screen_meeting_edit_bad_time")
        case .duration: return Loc.text("screen_meeting_edit_bad_duration")
        case .days: return Loc.text("screen_meeting_edit_need_days")
        case .everyWeeks: return Loc.text("screen_meeting_edit_bad_every_weeks")
        case .reminder: return Loc.text("screen_meeting_edit_bad_reminder")
        }
    }

    /// The core's refusal of a meeting's field, in plain words where the field is one the participant typed.
    static func editFailure(_ failure: CoreFailure) -> String {
        if case let .invalidInput(field, _) = failure {
            switch field {
            case "zone": return Loc.text("screen_meeting_edit_bad_zone")
            case "online_url": return Loc.text("screen_meeting_edit_bad_link")
            case "phone": return Loc.text("screen_meeting_edit_bad_phone")
            case "end_date": return Loc.text("screen_meeting_edit_bad_end_date")
            case "reminder_minutes": return Loc.text("screen_meeting_edit_bad_reminder")
            case "meeting", "meetings": return Loc.text("screen_meeting_edit_too_many")
            default: break
            }
        }
        return ScreenParts.failureText(failure)
    }

    /// A file the core could not read as a meeting list says so; other failures as everywhere.
    static func importFailure(_ failure: CoreFailure) -> String {
        if case let .invalidInput(field, _) = failure {
            switch field {
            case "feed": return Loc.text("screen_meeting_import_not_a_list")
            case "meeting", "meetings": return Loc.text("screen_meeting_edit_too_many")
            default: break
            }
        }
        return ScreenParts.failureText(failure)
    }

    /// The core refuses minutes for a missed meeting or more than it lasted: said in plain words.
    static func attendanceFailure(_ failure: CoreFailure) -> String {
        if case let .invalidInput(field, _) = failure, field == "minutes" {
            return Loc.text("screen_attendance_bad_minutes")
        }
        return ScreenParts.failureText(failure)
    }
}
