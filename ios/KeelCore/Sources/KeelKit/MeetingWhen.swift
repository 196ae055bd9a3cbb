import Foundation
import KeelCore

/// A meeting's dates and times as the editor keeps them: typed text
/// (`YYYY-MM-DD`, `HH:MM` on the 24-hour clock, exact and what VoiceOver
/// reads back), moved by large labelled steps, or set with the system's
/// date picker. Calendar dates carry no zone: the arithmetic is done on a
/// Gregorian calendar in UTC, so no daylight-saving change moves a day.
public enum MeetingWhen {
    /// Steps of a meeting's date.
    public enum DateStep: Sendable, CaseIterable {
        case dayEarlier, dayLater, weekEarlier, weekLater

        public var days: Int {
            switch self {
            case .dayEarlier: return -1
            case .dayLater: return 1
            case .weekEarlier: return -7
            case .weekLater: return 7
            }
        }
    }

    /// Steps of a meeting's start time; quarter steps snap to the quarter hour first.
    public enum TimeStep: Sendable, CaseIterable {
        case hourEarlier, hourLater, quarterEarlier, quarterLater

        public var minutes: Int {
            switch self {
            case .hourEarlier: return -60
            case .hourLater: return 60
            case .quarterEarlier: return -15
            case .quarterLater: return 15
            }
        }
    }

    /// The calendar the dates are counted on: Gregorian, in UTC.
    public static var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = utc
        return calendar
    }

    public static let utc = TimeZone(secondsFromGMT: 0) ?? TimeZone.current

    /// A typed date (year-month-day, a real day of the calendar), or nil.
    public static func readDate(_ text: String) -> CalendarDate? {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int32(parts[0]), let month = UInt8(parts[1]), let day = UInt8(parts[2]),
              parts.allSatisfy(isDigits)
        else { return nil }
        let date = CalendarDate(year: year, month: month, day: day)
        // A day that does not exist (2026-02-30) does not come back the same.
        guard let instant = self.date(of: date), Self.calendarDate(of: instant) == date else { return nil }
        return date
    }

    /// A typed time on the 24-hour clock ("18:30", "9:05") as minutes after midnight, or nil.
    public static func readTime(_ text: String) -> Int? {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
              parts.allSatisfy(isDigits),
              let hour = Int(parts[0]), let minute = Int(parts[1]),
              (0...23).contains(hour), (0...59).contains(minute)
        else { return nil }
        return hour * 60 + minute
    }

    /// Only the digits 0 to 9 (no sign, no other script's digits).
    static func isDigits(_ part: Substring) -> Bool {
        !part.isEmpty && part.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// `2026-11-24`: a date as the field writes it.
    public static func text(of date: CalendarDate) -> String {
        String(format: "%04d-%02d-%02d", Int(date.year), Int(date.month), Int(date.day))
    }

    /// `18:30`: minutes after midnight as the field writes them.
    public static func text(ofMinute minute: Int) -> String {
        String(format: "%02d:%02d", minute / 60, minute % 60)
    }

    /// Noon UTC of `date`: the instant the date picker and the words show it by.
    public static func date(of date: CalendarDate) -> Date? {
        calendar.date(from: DateComponents(year: Int(date.year), month: Int(date.month), day: Int(date.day), hour: 12))
    }

    /// The calendar date of `instant` in UTC.
    public static func calendarDate(of instant: Date) -> CalendarDate {
        let parts = calendar.dateComponents([.year, .month, .day], from: instant)
        return CalendarDate(year: Int32(parts.year ?? 2000), month: UInt8(parts.month ?? 1), day: UInt8(parts.day ?? 1))
    }

    /// The date the phone shows at `instant` in `zone`: a new meeting's first day.
    public static func today(at instant: Date, zone: TimeZone) -> CalendarDate {
        var local = Calendar(identifier: .gregorian)
        local.timeZone = zone
        let parts = local.dateComponents([.year, .month, .day], from: instant)
        return CalendarDate(year: Int32(parts.year ?? 2000), month: UInt8(parts.month ?? 1), day: UInt8(parts.day ?? 1))
    }

    /// The weekday of `date`.
    public static func weekday(of date: CalendarDate) -> Weekday {
        guard let instant = self.date(of: date) else { return .monday }
        // Calendar counts Sunday as 1.
        switch calendar.component(.weekday, from: instant) {
        case 1: return .sunday
        case 2: return .monday
        case 3: return .tuesday
        case 4: return .wednesday
        case 5: return .thursday
        case 6: return .friday
        default: return .saturday
        }
    }

    /// Monday to Sunday, the core's order.
    public static let weekdays: [Weekday] = [.monday, .tuesday, .wednesday, .thursday, .friday, .saturday, .sunday]

    public static let monthWeeks: [MonthWeek] = [.first, .second, .third, .fourth, .fifth, .last]

    /// `text` moved by `step`; an empty or unreadable date (an end date not
    /// yet set) starts from `from` (the start date). Nil when neither reads,
    /// so nothing is guessed.
    public static func stepped(date text: String, by step: DateStep, from: String = "") -> String? {
        guard let start = readDate(text) ?? readDate(from), let instant = date(of: start),
              let moved = calendar.date(byAdding: .day, value: step.days, to: instant)
        else { return nil }
        return Self.text(of: calendarDate(of: moved))
    }

    /// `text` moved by `step` around the clock (23:30 an hour later is 00:30:
    /// the start time of a meeting, not a moment). Nil when `text` does not read.
    public static func stepped(time text: String, by step: TimeStep) -> String? {
        guard let minute = readTime(text) else { return nil }
        let quarter = abs(step.minutes) < 60
        let off = minute % 15
        let moved: Int
        if quarter && off != 0 && step.minutes < 0 {
            moved = minute - off
        } else if quarter && off != 0 {
            moved = minute + (15 - off)
        } else {
            moved = minute + step.minutes
        }
        let day = 24 * 60
        return Self.text(ofMinute: ((moved % day) + day) % day)
    }

    /// A time of day as an instant on 2000-01-01 UTC, for the system's time picker.
    public static func pickerDate(ofMinute minute: Int) -> Date {
        let base = calendar.date(from: DateComponents(year: 2000, month: 1, day: 1)) ?? Date(timeIntervalSince1970: 946_684_800)
        return base.addingTimeInterval(TimeInterval(minute * 60))
    }

    /// The time of day the system's time picker chose (read in UTC, as it was set).
    public static func minute(ofPicked instant: Date) -> Int {
        let parts = calendar.dateComponents([.hour, .minute], from: instant)
        return (parts.hour ?? 0) * 60 + (parts.minute ?? 0)
    }
}
