import Foundation
import KeelCore

/// The words of the Insights screen and the questionnaires' trends in the
/// chosen language: values the core computed, formatted, and each chart's
/// text alternative (its data read out, what VoiceOver says instead of the
/// picture). The same words the Android app builds; formatting only.
public struct InsightsWords: Sendable {
    public let language: Language

    public init(language: Language) {
        self.language = language
    }

    private var locale: Locale {
        switch language {
        case .english: return Locale(identifier: "en_US")
        case .spanish: return Locale(identifier: "es")
        }
    }

    private static let utc = TimeZone(secondsFromGMT: 0) ?? .current

    private static var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = utc
        return calendar
    }

    /// A calendar day of the core's at noon UTC: a `Date` that formats as that day in UTC.
    public static func date(of day: CalendarDate) -> Date? {
        calendar.date(from: DateComponents(year: Int(day.year), month: Int(day.month), day: Int(day.day), hour: 12))
    }

    /// The local day of a moment (its own offset).
    public static func day(of moment: Moment) -> CalendarDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: Int(moment.offsetMinutes) * 60) ?? utc
        let instant = Date(timeIntervalSince1970: TimeInterval(moment.utcMillis) / 1000)
        let parts = calendar.dateComponents([.year, .month, .day], from: instant)
        return CalendarDate(year: Int32(parts.year ?? 1970), month: UInt8(parts.month ?? 1), day: UInt8(parts.day ?? 1))
    }

    private func formatter(pattern: String? = nil, dateStyle: DateFormatter.Style = .none, timeStyle: DateFormatter.Style = .none) -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = locale
        formatter.timeZone = Self.utc
        if let pattern {
            formatter.dateFormat = pattern
        } else {
            formatter.dateStyle = dateStyle
            formatter.timeStyle = timeStyle
        }
        return formatter
    }

    /// A day as "Nov 24" / "24 nov" (the language's pattern).
    public func shortDate(_ day: CalendarDate) -> String {
        guard let date = Self.date(of: day) else { return "" }
        return formatter(pattern: Loc.text("screen_insights_date_pattern")).string(from: date)
    }

    /// A moment's local day as `shortDate` says it.
    public func shortDate(_ moment: Moment) -> String {
        shortDate(Self.day(of: moment))
    }

    /// A day with its year, in the language's medium style.
    public func longDate(_ day: CalendarDate) -> String {
        guard let date = Self.date(of: day) else { return "" }
        return formatter(dateStyle: .medium).string(from: date)
    }

    /// One decimal, with the language's decimal mark.
    public func decimal(_ value: Double) -> String {
        String(format: "%.1f", locale: locale, value)
    }

    /// The core's weekday (0 = Monday) named in full or short.
    public func weekday(_ weekday: Int, short: Bool = false) -> String {
        let formatter = formatter()
        let names = (short ? formatter.shortWeekdaySymbols : formatter.weekdaySymbols) ?? []
        // The formatter's lists start on Sunday.
        let index = (weekday + 1) % 7
        return index < names.count ? names[index] : ""
    }

    private func time(hour: Int) -> Date? {
        Self.calendar.date(from: DateComponents(year: 2000, month: 1, day: 3, hour: hour))
    }

    /// An hour of the day (0–23) short, for an axis: "6AM" / "6 h".
    public func shortHour(_ hour: Int) -> String {
        guard let date = time(hour: hour) else { return "" }
        return formatter(pattern: Loc.text("screen_insights_hour_pattern")).string(from: date)
    }

    /// An hour of the day (0–23) as the language writes a time.
    public func hour(_ hour: Int) -> String {
        guard let date = time(hour: hour) else { return "" }
        return formatter(timeStyle: .short).string(from: date)
    }

    /// A local minute of the day as the language writes a time (a reminder's).
    public func minuteOfDay(_ minute: Int) -> String {
        guard let date = Self.calendar.date(from: DateComponents(year: 2000, month: 1, day: 3, hour: minute / 60, minute: minute % 60)) else { return "" }
        return formatter(timeStyle: .short).string(from: date)
    }

    /// Days from `first` to `day` (negative before it).
    public static func days(from first: CalendarDate, to day: CalendarDate) -> Int {
        guard let start = date(of: first), let end = date(of: day) else { return 0 }
        return calendar.dateComponents([.day], from: start, to: end).day ?? 0
    }

    /// Where `day` falls in `first`...`last`, 0...1 (the middle for a one-day span).
    public static func dayShare(_ day: CalendarDate, first: CalendarDate, last: CalendarDate) -> Double {
        let span = days(from: first, to: last)
        if span <= 0 { return 0.5 }
        return Double(days(from: first, to: day)) / Double(span)
    }

    private func listed(_ items: [String]) -> String {
        items.joined(separator: "; ")
    }

    /// The daily bar chart read out: each day with cravings, its count and mean intensity.
    public func cravingDaysAlt(_ days: [CravingDay], first: CalendarDate, last: CalendarDate) -> String {
        let items = days.filter { $0.cravings > 0 }.map { day in
            Loc.text("screen_insights_day_item", shortDate(day.date), Int(day.cravings), day.meanIntensity.map { decimal($0) } ?? "–")
        }
        return Loc.text("screen_insights_days_alt", longDate(first), longDate(last), listed(items))
    }

    /// The heat map read out: per weekday, the hours with cravings and how many.
    public func heatMapAlt(_ cells: [HeatCell]) -> String {
        var lines: [String] = []
        for day in 0..<7 {
            let hours = cells.filter { Int($0.weekday) == day && $0.cravings > 0 }.sorted { $0.hour < $1.hour }
            if hours.isEmpty { continue }
            let list = hours.map { Loc.text("screen_insights_heat_hour", hour(Int($0.hour)), Int($0.cravings)) }.joined(separator: ", ")
            lines.append(Loc.text("screen_insights_heat_day", weekday(day), list))
        }
        return Loc.text("screen_insights_heat_alt", listed(lines))
    }

    /// One check-in series (the value of each day, nil where not given) read out.
    public func moodAlt(title: String, _ mood: [MoodDay], value: (MoodDay) -> Double?) -> String {
        let items = mood.compactMap { day in
            value(day).map { Loc.text("screen_insights_series_item", shortDate(day.date), decimal($0)) }
        }
        return Loc.text("screen_insights_series_alt", title, listed(items))
    }

    /// One streak in words: its first and last day (or "going on"), its days, and lapses that did not reset it.
    public func streak(_ streak: SobrietyStreak) -> String {
        let span: String
        if let last = streak.lastDay {
            span = Loc.text("screen_insights_history_ended", longDate(streak.firstDay), longDate(last), Int(streak.days))
        } else {
            span = Loc.text("screen_insights_history_going", longDate(streak.firstDay), Int(streak.days))
        }
        if streak.lapsesWithin > 0 {
            return Loc.text("screen_insights_history_kept", span, Int(streak.lapsesWithin))
        }
        return span
    }

    /// A clock's streak history chart read out: each streak as `streak` says it, and how many earlier ones are left out.
    public func streakHistoryAlt(label: String, _ history: SobrietyStreakHistory) -> String {
        let items = Loc.text("screen_insights_history_alt", label, listed(history.streaks.map { streak($0) }))
        if history.olderStreaks > 0 {
            return items + " " + Loc.text("screen_insights_history_older", Int(history.olderStreaks))
        }
        return items
    }

    /// A score's chart title: its name and scale.
    public func scoreTitle(_ trend: MeasureScoreTrend) -> String {
        Loc.text("screen_insights_score_title", trend.name, Int(trend.max))
    }

    /// One response's point of a score read out: its day, value and band.
    public func point(_ point: MeasurePoint) -> String {
        if point.needsAttention {
            return Loc.text("screen_insights_point_attention", shortDate(point.at), Int(point.value), point.bandLabel)
        }
        return Loc.text("screen_insights_point", shortDate(point.at), Int(point.value), point.bandLabel)
    }

    /// A measure's score over time read out: each response's value and band.
    public func scoreAlt(_ trend: MeasureScoreTrend) -> String {
        Loc.text("screen_insights_series_alt", scoreTitle(trend), listed(trend.points.map { point($0) }))
    }

    /// The core's latest change of a score, with its sign and which way it points.
    public func scoreChange(_ trend: MeasureScoreTrend) -> String? {
        guard let change = trend.change, let direction = trend.direction else { return nil }
        let signed = change > 0 ? "+\(change)" : "\(change)"
        switch direction {
        case .better: return Loc.text("screen_insights_change_better", signed)
        case .worse: return Loc.text("screen_insights_change_worse", signed)
        case .same: return Loc.text("screen_insights_change_same", signed)
        }
    }

    /// A measure's name with what it asks about.
    public static func measureName(_ kind: MeasureKind) -> String {
        switch kind {
        case .bam: return Loc.text("screen_insights_measure_bam")
        case .phq9: return Loc.text("screen_insights_measure_phq9")
        case .gad7: return Loc.text("screen_insights_measure_gad7")
        case .auditC: return Loc.text("screen_insights_measure_audit_c")
        }
    }

    /// Which way an item moved, in words.
    public static func directionText(_ direction: MeasureDirection) -> String {
        switch direction {
        case .better: return Loc.text("measure_direction_better")
        case .worse: return Loc.text("measure_direction_worse")
        case .same: return Loc.text("measure_direction_same")
        }
    }
}
