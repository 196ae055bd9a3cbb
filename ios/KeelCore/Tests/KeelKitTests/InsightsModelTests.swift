import KeelCore
@testable import KeelKit
import XCTest

/// Insights' one core call answered from a queue, with what was asked recorded.
actor FakeInsightsCalls: InsightsCalls {
    private var answers: [Result<InsightsData, CoreFailure>] = []
    private(set) var asked: [DateRangePreset] = []
    private(set) var languages: [Language] = []

    func queue(_ answer: Result<InsightsData, CoreFailure>) {
        answers.append(answer)
    }

    func insights(preset: DateRangePreset, language: Language) async -> Result<InsightsData, CoreFailure> {
        asked.append(preset)
        languages.append(language)
        return answers.isEmpty ? .failure(.internal) : answers.removeFirst()
    }
}

enum InsightsFixtures {
    static let ranges = InsightsRanges.offered.map { HistoryFixtures.range($0, 0, 100) }

    static func insights(cravingsOnFirstDay: UInt32 = 2) -> Insights {
        Insights(
            days: [CravingDay(date: TodayFixtures.day, cravings: cravingsOnFirstDay, meanIntensity: 6.5)],
            weeks: [CravingWeek(weekStart: TodayFixtures.day, cravings: cravingsOnFirstDay, meanIntensity: 6.5)],
            heatMap: [HeatCell(weekday: 0, hour: 18, cravings: cravingsOnFirstDay)],
            topTriggers: [TriggerCount(name: "Payday", category: .other, count: 2)],
            coping: [],
            exercises: [],
            mood: [MoodDay(date: TodayFixtures.day, mood: 3, cravingLevel: 4, sleepHours: nil)],
            attendanceWeeks: [WeekSummary(weekStart: TodayFixtures.day, minutes: 90, sessions: 1, met: false)],
            attendanceRate: 0.5,
            clocks: [TodayFixtures.clock()],
            streakHistory: [],
            damagedIds: []
        )
    }

    static func data(_ preset: DateRangePreset, cravings: UInt32 = 2) -> InsightsData {
        InsightsData(
            ranges: ranges,
            range: HistoryFixtures.range(preset, 0, 100),
            insights: insights(cravingsOnFirstDay: cravings),
            measures: []
        )
    }
}

final class InsightsModelTests: XCTestCase {
    @MainActor
    func testLoadShowsTheLastThirtyDaysAsTheCoreComputedThem() async {
        let calls = FakeInsightsCalls()
        let data = InsightsFixtures.data(.last30Days)
        await calls.queue(.success(data))
        let model = InsightsModel(calls: calls, language: { .spanish })

        await model.load()

        XCTAssertEqual(model.state.data, data)
        XCTAssertEqual(model.state.selected, .last30Days)
        XCTAssertEqual(model.state.section, .cravings)
        XCTAssertFalse(model.state.busy)
        XCTAssertNil(model.state.failure)
        let asked = await calls.asked
        let languages = await calls.languages
        XCTAssertEqual(asked, [.last30Days])
        XCTAssertEqual(languages, [.spanish])
    }

    @MainActor
    func testChoosingARangeLoadsItAndAFailureKeepsWhatWasShown() async {
        let calls = FakeInsightsCalls()
        let first = InsightsFixtures.data(.last30Days)
        await calls.queue(.success(first))
        await calls.queue(.failure(.locked))
        let model = InsightsModel(calls: calls, language: { .english })
        await model.load()

        await model.send(.selectRange(.last7Days))

        XCTAssertEqual(model.state.selected, .last7Days)
        XCTAssertEqual(model.state.data, first)
        XCTAssertEqual(model.state.failure, .locked)
        XCTAssertFalse(model.state.busy)
        let asked = await calls.asked
        XCTAssertEqual(asked, [.last30Days, .last7Days])
    }

    @MainActor
    func testChoosingAPartLoadsNothing() async {
        let calls = FakeInsightsCalls()
        await calls.queue(.success(InsightsFixtures.data(.last30Days)))
        let model = InsightsModel(calls: calls, language: { .english })
        await model.load()

        await model.send(.selectSection(.measures))

        XCTAssertEqual(model.state.section, .measures)
        let asked = await calls.asked
        XCTAssertEqual(asked.count, 1)
    }

    func testTheRangesOfferedAreThoseTheCoreCoversForInsights() {
        XCTAssertEqual(InsightsRanges.offered, [.last7Days, .last30Days, .last90Days, .thisMonth])
        XCTAssertTrue(InsightsRanges.offered.contains(InsightsRanges.standard))
        XCTAssertEqual(InsightsRanges.measures, [.bam, .phq9, .gad7, .auditC])
    }

    func testADayFallsAtItsShareOfThePeriod() {
        let first = CalendarDate(year: 2026, month: 11, day: 1)
        let last = CalendarDate(year: 2026, month: 11, day: 11)
        XCTAssertEqual(InsightsWords.dayShare(first, first: first, last: last), 0, accuracy: 1e-9)
        XCTAssertEqual(InsightsWords.dayShare(CalendarDate(year: 2026, month: 11, day: 6), first: first, last: last), 0.5, accuracy: 1e-9)
        XCTAssertEqual(InsightsWords.dayShare(last, first: first, last: last), 1, accuracy: 1e-9)
        XCTAssertEqual(InsightsWords.dayShare(first, first: first, last: first), 0.5, accuracy: 1e-9)
    }

    func testAMomentsDayIsItsOwnLocalDay() {
        // 2026-12-02 03:00 UTC is still 1 December five hours west of it.
        let moment = Moment(utcMillis: 1_796_180_400_000, offsetMinutes: -300)
        XCTAssertEqual(InsightsWords.day(of: moment), CalendarDate(year: 2026, month: 12, day: 1))
    }

    func testDecimalsUseTheLanguagesMark() {
        XCTAssertEqual(InsightsWords(language: .english).decimal(6.26), "6.3")
        XCTAssertEqual(InsightsWords(language: .spanish).decimal(6.5), "6,5")
    }
}
