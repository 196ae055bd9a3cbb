import KeelCore
@testable import KeelKit
import XCTest

/// The history's core calls: pages served from a script, queries recorded.
actor FakeHistoryCalls: HistoryCalls {
    var ranges: [DateRange] = [HistoryFixtures.range(.last7Days, 100, 200), HistoryFixtures.range(.everything, 0, 300)]
    private var pages: [Result<HistoryPage, CoreFailure>] = []
    private(set) var queries: [HistoryQuery] = []
    private(set) var languages: [Language] = []

    func queue(_ page: Result<HistoryPage, CoreFailure>) {
        pages.append(page)
    }

    func history(query: HistoryQuery, language: Language) async -> Result<HistoryPage, CoreFailure> {
        queries.append(query)
        languages.append(language)
        return pages.isEmpty ? .failure(.internal) : pages.removeFirst()
    }

    func dateRangePresets(language: Language) async -> Result<[DateRange], CoreFailure> {
        .success(ranges)
    }
}

enum HistoryFixtures {
    static func range(_ preset: DateRangePreset, _ start: Int64, _ end: Int64) -> DateRange {
        DateRange(
            preset: preset, label: "range", firstDay: TodayFixtures.day, lastDay: TodayFixtures.day,
            startUtcMillis: start, endUtcMillis: end
        )
    }

    static func item(_ id: String, _ kind: HistoryKind = .craving) -> HistoryItem {
        HistoryItem(kind: kind, id: id, at: TodayFixtures.at, summary: "Craving 5/10", level: 5, anyUse: false)
    }

    static func page(_ ids: [String], next: String?, damaged: [String] = []) -> HistoryPage {
        HistoryPage(items: ids.map { item($0) }, nextPageToken: next, damagedIds: damaged)
    }
}

final class HistoryModelTests: XCTestCase {
    @MainActor
    func testTheFirstPageCoversEverythingUntilARangeIsChosen() async {
        let calls = FakeHistoryCalls()
        await calls.queue(.success(HistoryFixtures.page(["a", "b"], next: "t1")))
        let model = HistoryModel(calls: calls, language: { .spanish }, pageSize: 2)

        await model.load()

        XCTAssertEqual(model.state.selected, .everything)
        XCTAssertEqual(model.state.items.map(\.id), ["a", "b"])
        XCTAssertEqual(model.state.nextPageToken, "t1")
        XCTAssertTrue(model.state.loaded)
        XCTAssertFalse(model.state.busy)
        let queries = await calls.queries
        XCTAssertEqual(
            queries,
            [HistoryQuery(fromUtcMillis: 0, untilUtcMillis: 300, kinds: [], pageToken: nil, limit: 2)]
        )
        let languages = await calls.languages
        XCTAssertEqual(languages, [.spanish])
    }

    @MainActor
    func testLoadMoreAddsTheNextPageWithTheCoresToken() async {
        let calls = FakeHistoryCalls()
        await calls.queue(.success(HistoryFixtures.page(["a", "b"], next: "t1")))
        await calls.queue(.success(HistoryFixtures.page(["c"], next: nil, damaged: ["x"])))
        let model = HistoryModel(calls: calls, language: { .english }, pageSize: 2)
        await model.load()

        await model.send(.loadMore)

        XCTAssertEqual(model.state.items.map(\.id), ["a", "b", "c"])
        XCTAssertNil(model.state.nextPageToken)
        XCTAssertEqual(model.state.damaged, 1)
        let queries = await calls.queries
        XCTAssertEqual(queries.last?.pageToken, "t1")

        await model.send(.loadMore)
        let after = await calls.queries
        XCTAssertEqual(after.count, 2, "no token, no call: the last page is shown")
    }

    @MainActor
    func testChoosingARangeStartsAgainFromItsFirstPage() async {
        let calls = FakeHistoryCalls()
        await calls.queue(.success(HistoryFixtures.page(["a", "b"], next: "t1")))
        await calls.queue(.success(HistoryFixtures.page(["b"], next: nil)))
        let model = HistoryModel(calls: calls, language: { .english })
        await model.load()

        await model.send(.selectRange(.last7Days))

        XCTAssertEqual(model.state.selected, .last7Days)
        XCTAssertEqual(model.state.items.map(\.id), ["b"])
        let queries = await calls.queries
        XCTAssertEqual(queries.last?.fromUtcMillis, 100)
        XCTAssertEqual(queries.last?.untilUtcMillis, 200)
        XCTAssertNil(queries.last?.pageToken)
        XCTAssertEqual(queries.last?.limit, HistoryModel.defaultPageSize)
    }

    @MainActor
    func testAFailedPageKeepsWhatIsShownAndSaysWhy() async {
        let calls = FakeHistoryCalls()
        await calls.queue(.success(HistoryFixtures.page(["a"], next: "t1")))
        await calls.queue(.failure(.locked))
        let model = HistoryModel(calls: calls, language: { .english })
        await model.load()

        await model.send(.loadMore)

        XCTAssertEqual(model.state.items.map(\.id), ["a"])
        XCTAssertEqual(model.state.nextPageToken, "t1", "the same page can be asked again")
        XCTAssertEqual(model.state.failure, .locked)
        XCTAssertFalse(model.state.busy)
    }

    func testOnlyTheFourLogKindsOpenAnEdit() {
        XCTAssertEqual(HistoryModel.entryKind(.checkIn), .checkIn)
        XCTAssertEqual(HistoryModel.entryKind(.lapse), .lapse)
        XCTAssertNil(HistoryModel.entryKind(.note))
        XCTAssertNil(HistoryModel.entryKind(.attendance))
    }
}
