import Foundation
import XCTest
import KeelCore
@testable import KeelKit

/// The report's core calls: answers a test sets, what was asked recorded.
final class FakeReportCalls: ReportCalls, @unchecked Sendable {
    var ranges: [DateRange] = [
        HistoryFixtures.range(.last7Days, 100, 200),
        HistoryFixtures.range(.last30Days, 50, 200),
        HistoryFixtures.range(.everything, 0, 200),
    ]
    var previewFailure: CoreFailure?
    var words = ["tide lantern orbit maple", "amber river copper field"]
    var makeAnswer: Result<ReportFile, CoreFailure> = .success(ReportFile(fileName: "report-0123456789abcdef.html", html: Data([7, 7, 7])))
    /// Runs inside the making, before it answers (a Stop, the participant leaving).
    var during: (@Sendable (CancelToken?) async -> Void)?
    private(set) var previewed: [[ReportTopic]] = []
    private(set) var madeWith: [String] = []
    private var suggestions = 0

    static let preview = ReportPreview(
        title: "Report",
        fromDate: TodayFixtures.day,
        toDate: TodayFixtures.day,
        sections: [],
        totalRows: 3,
        lines: ["1 June 2026", "Cravings: 3"],
        fingerprint: "f1"
    )

    func dateRangePresets(language: Language) async -> Result<[DateRange], CoreFailure> { .success(ranges) }

    func previewReport(from: CalendarDate, to: CalendarDate, topics: [ReportTopic], language: Language) async -> Result<PreviewedReport, CoreFailure> {
        previewed.append(topics)
        if let previewFailure { return .failure(previewFailure) }
        let request = ReportRequest(fromDate: from, toDate: to, topics: topics, language: language, now: Now(utcMillis: 1, zone: "UTC"))
        return .success(PreviewedReport(request: request, preview: Self.preview))
    }

    func suggestPassphrase(language: Language) async -> Result<String, CoreFailure> {
        defer { suggestions += 1 }
        return .success(words[suggestions % words.count])
    }

    func makeReport(_ report: PreviewedReport, passphrase: String, progress: (any KeelCore.Progress)?, cancel: CancelToken?) async -> Result<ReportFile, CoreFailure> {
        madeWith.append(passphrase)
        progress?.onProgress(done: 1, total: 3)
        await during?(cancel)
        return makeAnswer
    }
}

@MainActor
final class ReportModelTests: XCTestCase {
    private func previewed(_ calls: FakeReportCalls, outbox: Outbox) async -> ReportModel {
        let model = ReportModel(calls: calls, language: { .english }, outbox: outbox)
        await model.load()
        await model.preview()
        return model
    }

    func testEverythingIsNotOfferedAndTheDefaultPartsLeaveOutJournalAndMeasures() async {
        let calls = FakeReportCalls()
        let model = ReportModel(calls: calls, language: { .english }, outbox: scratchOutbox())
        await model.load()
        XCTAssertEqual(model.state.ranges.map(\.preset), [.last7Days, .last30Days])
        XCTAssertEqual(model.state.selected, .last30Days)
        XCTAssertFalse(model.state.topics.contains(.journal))
        XCTAssertFalse(model.state.topics.contains(.measures))
        model.send(.toggleTopic(.journal))
        model.send(.toggleTopic(.plan))
        XCTAssertEqual(model.state.topics, [.cravings, .checkins, .exercises, .attendance, .insights, .journal])
    }

    func testThePreviewIsTheCoresAndComesWithWordsToSay() async {
        let calls = FakeReportCalls()
        let model = await previewed(calls, outbox: scratchOutbox())
        XCTAssertEqual(model.state.step, .preview)
        XCTAssertEqual(model.state.previewed?.preview, FakeReportCalls.preview)
        XCTAssertEqual(model.state.passphrase, "tide lantern orbit maple")
        await model.otherWords()
        XCTAssertEqual(model.state.passphrase, "amber river copper field")
        model.send(.change)
        XCTAssertEqual(model.state.step, .choose)
        XCTAssertNil(model.state.previewed)
        XCTAssertNil(model.state.passphrase)
    }

    func testARefusedPreviewSaysWhyAndStaysOnTheChoice() async {
        let calls = FakeReportCalls()
        calls.previewFailure = .invalidInput(field: "topics", reason: "empty")
        let model = await previewed(calls, outbox: scratchOutbox())
        XCTAssertEqual(model.state.step, .choose)
        XCTAssertEqual(model.state.failure, .invalidInput(field: "topics", reason: "empty"))
        XCTAssertFalse(model.state.busy)
    }

    func testTheMadeFileLiesInTheOutboxUnderTheCoresNameUntilFinished() async {
        let calls = FakeReportCalls()
        let outbox = scratchOutbox()
        let model = await previewed(calls, outbox: outbox)
        await model.make()
        XCTAssertEqual(model.state.step, .ready)
        XCTAssertEqual(calls.madeWith, ["tide lantern orbit maple"])
        XCTAssertEqual(model.state.file?.name, "report-0123456789abcdef.html")
        XCTAssertEqual(outbox.files(), ["report-0123456789abcdef.html"])
        model.send(.saved(false))
        XCTAssertEqual(model.state.handOff, .notSaved)
        model.send(.saved(true))
        XCTAssertEqual(model.state.handOff, .saved)
        await model.load()
        XCTAssertEqual(outbox.files(), [])
        XCTAssertNil(model.state.passphrase)
        XCTAssertEqual(model.state.step, .choose)
    }

    func testAStoppedMakingLeavesNothing() async {
        let calls = FakeReportCalls()
        calls.makeAnswer = .failure(.cancelled)
        let outbox = scratchOutbox()
        let model = await previewed(calls, outbox: outbox)
        await model.make()
        XCTAssertEqual(model.state.step, .preview)
        XCTAssertTrue(model.state.cancelled)
        XCTAssertNil(model.state.file)
        XCTAssertEqual(outbox.files(), [])
    }

    func testAStopAfterTheCoresLastCheckDropsTheFileAllTheSame() async {
        let calls = FakeReportCalls()
        calls.during = { cancel in cancel?.cancel() }
        let outbox = scratchOutbox()
        let model = await previewed(calls, outbox: outbox)
        await model.make()
        XCTAssertEqual(model.state.step, .preview)
        XCTAssertTrue(model.state.cancelled)
        XCTAssertEqual(outbox.files(), [])
    }

    func testLeavingWhileMakingKeepsNothing() async {
        let calls = FakeReportCalls()
        let outbox = scratchOutbox()
        let model = await previewed(calls, outbox: outbox)
        calls.during = { _ in await MainActor.run { model.clear() } }
        await model.make()
        XCTAssertEqual(model.state.step, .choose)
        XCTAssertNil(model.state.file)
        XCTAssertNil(model.state.passphrase)
        XCTAssertEqual(outbox.files(), [])
    }

    func testAChangeSinceThePreviewIsSaid() async {
        let calls = FakeReportCalls()
        calls.makeAnswer = .failure(.invalidInput(field: "fingerprint", reason: "changed"))
        let model = await previewed(calls, outbox: scratchOutbox())
        await model.make()
        XCTAssertEqual(model.state.step, .preview)
        XCTAssertEqual(model.state.failure, .invalidInput(field: "fingerprint", reason: "changed"))
    }
}
