import KeelCore
import KeelKit
import SwiftUI

/// Insights: the core's chart-ready records over the chosen range, drawn as
/// they came — cravings by day and week, the weekday × hour heat map, top
/// triggers, what works, mood and sleep, meeting hours, streaks (with each
/// clock's streak history) and the questionnaires' scores over time. Every
/// chart has its data in words and an audio graph for VoiceOver.
struct InsightsScreen: View {
    let router: Router
    @State private var model: InsightsModel

    init(proxy: VaultProxy, router: Router) {
        self.router = router
        _model = State(initialValue: InsightsModel(calls: proxy, language: { ScreenParts.language }))
    }

    var body: some View {
        JournalPage(title: Loc.text("screen_insights_title")) {
            content
        }
        .task { await model.load() }
        .refreshable { await model.load() }
    }

    @ViewBuilder
    private var content: some View {
        let state = model.state
        let words = InsightsWords(language: ScreenParts.language)
        if let data = state.data {
            JournalHeading(Loc.text("screen_insights_range"))
            JournalFlow {
                ForEach(data.ranges, id: \.preset) { range in
                    JournalChip(label: range.label, selected: state.selected == range.preset, enabled: !state.busy) {
                        Task { await model.send(.selectRange(range.preset)) }
                    }
                }
            }
            JournalHeading(Loc.text("screen_insights_topic"))
            JournalFlow {
                ForEach(InsightsSection.allCases, id: \.self) { section in
                    JournalChip(label: Self.sectionName(section), selected: state.section == section) {
                        Task { await model.send(.selectSection(section)) }
                    }
                }
            }
        }
        if let failure = state.failure {
            JournalFailure(failure: failure)
        }
        if (state.data == nil && state.failure == nil) || state.busy {
            JournalText(Loc.text("common_working"))
        }
        if let data = state.data {
            JournalText(Loc.text("screen_insights_period", words.longDate(data.range.firstDay), words.longDate(data.range.lastDay)))
            if !data.insights.damagedIds.isEmpty {
                JournalText(Loc.text("screen_insights_damaged", data.insights.damagedIds.count))
            }
            switch state.section {
            case .cravings: InsightsCravings(insights: data.insights, range: data.range, words: words)
            case .triggers: InsightsTriggers(insights: data.insights)
            case .whatWorks: InsightsWhatWorks(insights: data.insights, words: words)
            case .mood: InsightsMood(mood: data.insights.mood, range: data.range, words: words)
            case .meetings: InsightsMeetings(insights: data.insights, words: words)
            case .streaks: InsightsStreaks(insights: data.insights, words: words)
            case .measures: InsightsMeasures(data: data, words: words)
            }
        }
    }

    static func sectionName(_ section: InsightsSection) -> String {
        switch section {
        case .cravings: return Loc.text("screen_insights_section_cravings")
        case .triggers: return Loc.text("screen_insights_section_triggers")
        case .whatWorks: return Loc.text("screen_insights_section_works")
        case .mood: return Loc.text("screen_insights_section_mood")
        case .meetings: return Loc.text("screen_insights_section_meetings")
        case .streaks: return Loc.text("screen_insights_section_streaks")
        case .measures: return Loc.text("screen_insights_section_measures")
        }
    }
}

/// Cravings by day (bars), by week (rows) and the weekday × hour heat map.
private struct InsightsCravings: View {
    let insights: Insights
    let range: DateRange
    let words: InsightsWords

    var body: some View {
        VStack(alignment: .leading, spacing: 12) {
            JournalHeading(Loc.text("screen_insights_days_title"))
            if total == 0 {
                JournalText(Loc.text("screen_insights_no_cravings"))
            } else {
                JournalText(Loc.text("screen_insights_days_total", total, most))
                days
                JournalHeading(Loc.text("screen_insights_weeks_title"))
                ForEach(insights.weeks, id: \.weekStart) { week in
                    BarRow(
                        label: Loc.text("screen_insights_week_of", words.shortDate(week.weekStart)),
                        value: weekValue(week),
                        fraction: Double(week.cravings) / Double(max(topWeek, 1))
                    )
                }
                JournalHeading(Loc.text("screen_insights_heat_title"))
                JournalText(Loc.text("screen_insights_heat_intro", mostInAnHour))
                heatMap
            }
        }
    }

    private var total: Int { insights.days.reduce(0) { $0 + Int($1.cravings) } }
    private var most: Int { Int(insights.days.map { $0.cravings }.max() ?? 0) }
    private var topWeek: Int { Int(insights.weeks.map { $0.cravings }.max() ?? 0) }
    private var mostInAnHour: Int { Int(insights.heatMap.map { $0.cravings }.max() ?? 0) }

    private func weekValue(_ week: CravingWeek) -> String {
        guard let mean = week.meanIntensity else { return Loc.text("screen_insights_week_none") }
        return Loc.text("screen_insights_week_value", Int(week.cravings), words.decimal(mean))
    }

    private var days: some View {
        let title = Loc.text("screen_insights_days_title")
        let alt = words.cravingDaysAlt(insights.days, first: range.firstDay, last: range.lastDay)
        let xTitle = Loc.text("screen_log_day")
        let yTitle = Loc.text("screen_insights_section_cravings")
        return ValueBarsChart(
            values: insights.days.map { Double($0.cravings) },
            xTitle: xTitle,
            yTitle: yTitle,
            start: words.shortDate(range.firstDay),
            end: words.shortDate(range.lastDay)
        )
        .chartAccessibility(
            title: title,
            alt: alt,
            xTitle: xTitle,
            yTitle: yTitle,
            series: [ChartSeries(name: yTitle, points: insights.days.map { ChartPoint(label: words.shortDate($0.date), value: Double($0.cravings)) })],
            low: 0,
            high: Double(max(most, 1)),
            continuous: false,
            words: words
        )
    }

    private var heatMap: some View {
        let title = Loc.text("screen_insights_heat_title")
        let alt = words.heatMapAlt(insights.heatMap)
        let xTitle = Loc.text("screen_log_time")
        let yTitle = Loc.text("screen_log_day")
        let dayNames = (0..<7).map { words.weekday($0, short: true) }
        let hourNames = (0..<24).map { words.shortHour($0) }
        // One series per weekday, its 24 hours in order: the audio graph plays a day at a time.
        let series = (0..<7).map { day in
            ChartSeries(
                name: words.weekday(day),
                points: (0..<24).map { hour in
                    let cell = insights.heatMap.first { Int($0.weekday) == day && Int($0.hour) == hour }
                    return ChartPoint(label: words.hour(hour), value: Double(cell?.cravings ?? 0))
                }
            )
        }
        return HeatMapChart(
            cells: insights.heatMap,
            most: mostInAnHour,
            dayNames: dayNames,
            hourNames: hourNames,
            xTitle: xTitle,
            yTitle: yTitle
        )
        .chartAccessibility(
            title: title,
            alt: alt,
            xTitle: xTitle,
            yTitle: Loc.text("screen_insights_section_cravings"),
            series: series,
            low: 0,
            high: Double(max(mostInAnHour, 1)),
            continuous: false,
            words: words
        )
    }
}

/// The triggers logged most, most first.
private struct InsightsTriggers: View {
    let insights: Insights

    var body: some View {
        VStack(alignment: .leading, spacing: 12) {
            JournalHeading(Loc.text("screen_insights_triggers_title"))
            if insights.topTriggers.isEmpty {
                JournalText(Loc.text("screen_insights_no_triggers"))
            } else {
                let top = Int(insights.topTriggers.map { $0.count }.max() ?? 1)
                ForEach(Array(insights.topTriggers.enumerated()), id: \.offset) { _, trigger in
                    BarRow(
                        label: trigger.name,
                        value: Loc.text("screen_insights_count", Int(trigger.count)),
                        fraction: Double(trigger.count) / Double(max(top, 1))
                    )
                }
            }
        }
    }
}

/// The coping steps by how often the craving passed, and the exercises by how much they eased it.
private struct InsightsWhatWorks: View {
    let insights: Insights
    let words: InsightsWords

    var body: some View {
        VStack(alignment: .leading, spacing: 12) {
            JournalHeading(Loc.text("screen_insights_works_title"))
            InsightsSubheading(Loc.text("screen_insights_coping_title"))
            if insights.coping.isEmpty {
                JournalText(Loc.text("screen_insights_no_coping"))
            } else {
                JournalText(Loc.text("screen_insights_coping_intro"))
                ForEach(Array(insights.coping.enumerated()), id: \.offset) { _, coping in
                    BarRow(label: coping.text, value: copingValue(coping), fraction: Double(coping.worked) / Double(max(coping.used, 1)))
                }
            }
            InsightsSubheading(Loc.text("screen_insights_exercises_title"))
            if insights.exercises.isEmpty {
                JournalText(Loc.text("screen_insights_no_exercises"))
            } else {
                JournalText(Loc.text("screen_insights_exercises_intro"))
                ForEach(insights.exercises, id: \.exerciseId) { exercise in
                    BarRow(label: exercise.title, value: exerciseValue(exercise), fraction: (exercise.averageDrop ?? 0) / 10)
                }
            }
        }
    }

    private func copingValue(_ coping: CopingRank) -> String {
        let worked = Loc.text("screen_insights_coping_value", Int(coping.worked), Int(coping.used))
        guard let drop = coping.meanDrop else { return worked }
        return Loc.text("screen_insights_coping_drop", worked, words.decimal(drop))
    }

    private func exerciseValue(_ exercise: ExerciseInsight) -> String {
        let sessions = Loc.text("screen_insights_exercise_value", Int(exercise.sessions), Int(exercise.finished))
        guard let drop = exercise.averageDrop else { return Loc.text("screen_insights_exercise_unrated", sessions) }
        return Loc.text("screen_insights_exercise_drop", sessions, words.decimal(drop), Int(exercise.ratedSessions))
    }
}

/// One check-in chart: its scale's usual ends and the day's value it draws (nil: not given).
private struct MoodSeries {
    let kind: Kind
    let low: Double
    let high: Double

    enum Kind { case mood, sleep, level }

    func value(_ day: MoodDay) -> Double? {
        switch kind {
        case .mood: return day.mood
        case .sleep: return day.sleepHours
        case .level: return day.cravingLevel
        }
    }

    /// The title with the scale's ends (a long night grows the top, and the title says so).
    func title(top: Int) -> String {
        switch kind {
        case .mood: return Loc.text("screen_insights_mood_chart", Int(low), top)
        case .sleep: return Loc.text("screen_insights_sleep_chart", Int(low), top)
        case .level: return Loc.text("screen_insights_level_chart", Int(low), top)
        }
    }

    static let all: [MoodSeries] = [
        MoodSeries(kind: .mood, low: 1, high: 5),
        MoodSeries(kind: .sleep, low: 0, high: 12),
        MoodSeries(kind: .level, low: 0, high: 10),
    ]
}

/// Mood, sleep and craving level at check-in, day by day.
private struct InsightsMood: View {
    let mood: [MoodDay]
    let range: DateRange
    let words: InsightsWords

    var body: some View {
        VStack(alignment: .leading, spacing: 12) {
            JournalHeading(Loc.text("screen_insights_mood_title"))
            if mood.isEmpty {
                JournalText(Loc.text("screen_insights_no_checkins"))
            } else {
                ForEach(Array(MoodSeries.all.enumerated()), id: \.offset) { _, series in
                    chart(series)
                }
            }
        }
    }

    @ViewBuilder
    private func chart(_ series: MoodSeries) -> some View {
        let given = mood.filter { series.value($0) != nil }
        let highest = given.compactMap { series.value($0) }.max() ?? 0
        let top = Int(max(series.high, highest).rounded(.up))
        let title = series.title(top: top)
        InsightsSubheading(title)
        if given.isEmpty {
            JournalText(Loc.text("screen_insights_not_given"))
        } else {
            let alt = words.moodAlt(title: title, given, value: { series.value($0) })
            let xTitle = Loc.text("screen_log_day")
            LineSeriesChart(
                points: given.map { day in
                    LinePoint(x: InsightsWords.dayShare(day.date, first: range.firstDay, last: range.lastDay), y: series.value(day) ?? 0)
                },
                low: series.low,
                high: Double(top),
                xTitle: xTitle,
                yTitle: title,
                start: words.shortDate(range.firstDay),
                end: words.shortDate(range.lastDay)
            )
            .chartAccessibility(
                title: title,
                alt: alt,
                xTitle: xTitle,
                yTitle: title,
                series: [ChartSeries(name: title, points: given.map { ChartPoint(label: words.shortDate($0.date), value: series.value($0) ?? 0) })],
                low: series.low,
                high: Double(top),
                continuous: true,
                words: words
            )
        }
    }
}

/// Meeting hours per week against the program's requirement, and the attendance rate.
private struct InsightsMeetings: View {
    let insights: Insights
    let words: InsightsWords

    var body: some View {
        VStack(alignment: .leading, spacing: 12) {
            JournalHeading(Loc.text("screen_insights_meetings_title"))
            if let rate = insights.attendanceRate {
                JournalText(Loc.text("screen_insights_rate", Int((rate * 100).rounded())))
            }
            if !insights.attendanceWeeks.contains(where: { $0.minutes > 0 }) {
                JournalText(Loc.text("screen_insights_no_meetings"))
            } else {
                let top = Int(insights.attendanceWeeks.map { $0.minutes }.max() ?? 1)
                ForEach(insights.attendanceWeeks, id: \.weekStart) { week in
                    BarRow(
                        label: Loc.text("screen_insights_week_of", words.shortDate(week.weekStart)),
                        value: value(week),
                        fraction: Double(week.minutes) / Double(max(top, 1))
                    )
                }
            }
        }
    }

    private func value(_ week: WeekSummary) -> String {
        let hours = Loc.text("screen_insights_meeting_value", words.decimal(Double(week.minutes) / 60), Int(week.sessions))
        return week.met ? Loc.text("screen_insights_meeting_met", hours) : Loc.text("screen_insights_meeting_not_met", hours)
    }
}

/// Each clock's current and longest streak, and its streak history.
private struct InsightsStreaks: View {
    let insights: Insights
    let words: InsightsWords

    var body: some View {
        VStack(alignment: .leading, spacing: 12) {
            JournalHeading(Loc.text("screen_insights_streaks_title"))
            if insights.clocks.isEmpty {
                JournalText(Loc.text("screen_insights_no_clocks"))
            }
            ForEach(insights.clocks, id: \.id) { clock in
                InsightsSubheading(clock.label)
                let longest = Double(max(clock.longestDays, 1))
                BarRow(
                    label: Loc.text("screen_insights_streak_current"),
                    value: Loc.text("screen_insights_days_value", Int(clock.currentDays)),
                    fraction: Double(clock.currentDays) / longest
                )
                BarRow(
                    label: Loc.text("screen_insights_streak_longest"),
                    value: Loc.text("screen_insights_days_value", Int(clock.longestDays)),
                    fraction: Double(clock.longestDays) / longest
                )
                JournalText(Loc.text(
                    "screen_insights_streak_since",
                    words.longDate(clock.sobrietyDate),
                    Int(clock.totalSoberDays),
                    Int(clock.lapses)
                ))
                if let history = insights.streakHistory.first(where: { $0.clockId == clock.id }) {
                    StreakHistoryView(label: clock.label, history: history, words: words)
                }
            }
        }
    }
}

/// One clock's streaks as the core listed them, oldest first: a bar each
/// (read out as the same list in words), then the list itself.
private struct StreakHistoryView: View {
    let label: String
    let history: SobrietyStreakHistory
    let words: InsightsWords

    var body: some View {
        VStack(alignment: .leading, spacing: 8) {
            InsightsSubheading(Loc.text("screen_insights_history_title"))
            JournalText(Loc.text("screen_insights_history_intro"))
            if history.olderStreaks > 0 {
                JournalText(Loc.text("screen_insights_history_older", Int(history.olderStreaks)))
            }
            if let first = history.streaks.first {
                chart(first: first)
                ForEach(Array(history.streaks.enumerated()), id: \.offset) { _, streak in
                    JournalText(words.streak(streak))
                }
            }
        }
    }

    private func chart(first: SobrietyStreak) -> some View {
        let title = Loc.text("screen_insights_history_title")
        let alt = words.streakHistoryAlt(label: label, history)
        let xTitle = Loc.text("screen_log_day")
        let yTitle = Loc.text("screen_insights_section_streaks")
        let longest = Double(history.streaks.map { $0.days }.max() ?? 1)
        return ValueBarsChart(
            values: history.streaks.map { Double($0.days) },
            xTitle: xTitle,
            yTitle: yTitle,
            start: words.shortDate(first.firstDay),
            end: Loc.text("screen_insights_history_now"),
            height: 96
        )
        .chartAccessibility(
            title: title,
            alt: alt,
            xTitle: xTitle,
            yTitle: yTitle,
            series: [ChartSeries(name: label, points: history.streaks.map { ChartPoint(label: words.longDate($0.firstDay), value: Double($0.days)) })],
            low: 0,
            high: max(longest, 1),
            continuous: false,
            words: words
        )
    }
}

/// The questionnaires' scores over time, each measure answered at least once.
private struct InsightsMeasures: View {
    let data: InsightsData
    let words: InsightsWords

    var body: some View {
        VStack(alignment: .leading, spacing: 12) {
            JournalHeading(Loc.text("screen_insights_measures_title"))
            let answered = data.measures.filter { !$0.responses.isEmpty }
            if answered.isEmpty {
                JournalText(Loc.text("screen_insights_no_measures"))
            } else {
                ForEach(answered, id: \.measure) { history in
                    MeasureTrendsView(history: history, words: words)
                }
                if answered.contains(where: { history in history.trends.contains { trend in trend.points.contains { $0.needsAttention } } }) {
                    JournalText(Loc.text("screen_insights_attention_key"))
                }
                let damaged = data.measures.reduce(0) { $0 + $1.damagedIds.count }
                if damaged > 0 {
                    JournalText(Loc.text("screen_insights_damaged", damaged))
                }
            }
        }
    }
}
