import Foundation
import KeelCore
@testable import KeelKit
import XCTest

final class MeetingImportModelTests: XCTestCase {
    @MainActor
    func testTheListNeedsANameBeforeTheFileIsChosen() async {
        let calls = FakeMeetingsCalls()
        let model = MeetingImportModel(calls: calls, language: { .english })
        await model.load()

        model.send(.chooseFile)
        XCTAssertTrue(model.state.needSource)
        XCTAssertFalse(model.state.choosing)

        model.send(.source("Chicago intergroup"))
        XCTAssertFalse(model.state.needSource)
        model.send(.chooseFile)
        XCTAssertTrue(model.state.choosing)
    }

    @MainActor
    func testAClosedPickerSaysNoFileWasChosen() async {
        let calls = FakeMeetingsCalls()
        let model = MeetingImportModel(calls: calls, language: { .english })
        await model.load()
        model.send(.source("List"))
        model.send(.chooseFile)

        model.send(.pickerClosed)

        XCTAssertFalse(model.state.choosing)
        XCTAssertTrue(model.state.cancelled)
        let previews = await calls.previews
        XCTAssertTrue(previews.isEmpty)
    }

    @MainActor
    func testTheCoreReadsTheFileAndNewMeetingsStartPicked() async {
        let calls = FakeMeetingsCalls()
        let preview = MeetingGuideImport(
            meetings: [MeetingFixtures.feed(0), MeetingFixtures.feed(2, alreadyAdded: "meeting-7")],
            skipped: [FeedSkipped(position: 1, slug: nil, reason: .noDay)]
        )
        await calls.answerPreview(.success(preview))
        let model = MeetingImportModel(calls: calls, language: { .english })
        await model.load()
        model.send(.source(" Chicago intergroup "))
        model.send(.kind(.twelveStep(fellowship: .na)))
        model.send(.chooseFile)

        await model.read(Data("[]".utf8))

        XCTAssertEqual(model.state.preview, preview)
        XCTAssertEqual(model.state.picked, [0])
        let previews = await calls.previews
        XCTAssertEqual(previews.first?.feed, "[]")
        XCTAssertEqual(previews.first?.source, "Chicago intergroup")
        XCTAssertEqual(previews.first?.kind, .twelveStep(fellowship: .na))
    }

    @MainActor
    func testOnlyThePickedMeetingsAreAddedAndTheCountIsSaid() async {
        let calls = FakeMeetingsCalls()
        let preview = MeetingGuideImport(meetings: [MeetingFixtures.feed(0), MeetingFixtures.feed(1), MeetingFixtures.feed(2)], skipped: [])
        await calls.answerPreview(.success(preview))
        let model = MeetingImportModel(calls: calls, language: { .english })
        await model.load()
        model.send(.source("List"))
        model.send(.chooseFile)
        await model.read(Data("{}".utf8))

        model.send(.pickNone)
        model.send(.toggle(2))
        model.send(.toggle(0))
        model.send(.toggle(2))
        await model.add()

        let adds = await calls.guideAdds
        XCTAssertEqual(adds.first?.source, "List")
        XCTAssertEqual(adds.first?.positions, [0])
        XCTAssertEqual(model.state.added, 1)
        XCTAssertNil(model.state.preview)
    }

    @MainActor
    func testAFileTheCoreCannotReadIsSaidAndANewImportKeepsTheName() async {
        let calls = FakeMeetingsCalls()
        await calls.answerPreview(.failure(.invalidInput(field: "feed", reason: "not_json")))
        let model = MeetingImportModel(calls: calls, language: { .english })
        await model.load()
        model.send(.source("List"))
        model.send(.chooseFile)

        await model.read(Data([0xFF, 0xFE]))
        XCTAssertEqual(model.state.failure, .invalidInput(field: "feed", reason: "not_json"))
        XCTAssertNil(model.state.preview)
        XCTAssertFalse(model.state.busy)

        await model.load()
        XCTAssertEqual(model.state.source, "List")
        XCTAssertNil(model.state.failure)
    }

    @MainActor
    func testPickAllTakesEveryMeetingOfTheFile() async {
        let calls = FakeMeetingsCalls()
        let preview = MeetingGuideImport(meetings: [MeetingFixtures.feed(0), MeetingFixtures.feed(3, alreadyAdded: "m")], skipped: [])
        await calls.answerPreview(.success(preview))
        let model = MeetingImportModel(calls: calls, language: { .english })
        await model.load()
        model.send(.source("List"))
        model.send(.chooseFile)
        await model.read(Data("[]".utf8))

        model.send(.pickAll)

        XCTAssertEqual(model.state.picked, [0, 3])
    }
}

final class AttendanceModelTests: XCTestCase {
    @MainActor
    func testLoadReadsTheWeeksAndTheFirstPage() async {
        let calls = FakeMeetingsCalls()
        let weeks = [WeekSummary(weekStart: MeetingFixtures.day, minutes: 540, sessions: 3, met: true)]
        await calls.answerWeeks(.success(weeks))
        await calls.queuePage(.success(MeetingFixtures.page(["a", "b"], total: 3)))
        let model = AttendanceModel(calls: calls, language: { .english })

        await model.load()

        XCTAssertEqual(model.state.weeks, weeks)
        XCTAssertEqual(model.state.records.map(\.id), ["a", "b"])
        XCTAssertTrue(model.state.hasMore)
        let asked = await calls.pagesAsked
        XCTAssertEqual(asked.first?.offset, 0)
        XCTAssertEqual(asked.first?.limit, AttendanceModel.pageSize)
    }

    @MainActor
    func testMoreAddsTheNextPageAfterTheShownRecords() async {
        let calls = FakeMeetingsCalls()
        await calls.queuePage(.success(MeetingFixtures.page(["a", "b"], total: 3)))
        await calls.queuePage(.success(MeetingFixtures.page(["c"], total: 3)))
        let model = AttendanceModel(calls: calls, language: { .english })
        await model.load()

        await model.more()
        await model.more()

        XCTAssertEqual(model.state.records.map(\.id), ["a", "b", "c"])
        XCTAssertFalse(model.state.hasMore)
        let asked = await calls.pagesAsked
        XCTAssertEqual(asked.map { $0.offset }, [0, 2])
    }

    @MainActor
    func testMinutesThatAreNotANumberAreRefusedBeforeTheCore() async {
        let calls = FakeMeetingsCalls()
        await calls.queuePage(.success(MeetingFixtures.page(["a"], total: 1)))
        let model = AttendanceModel(calls: calls, language: { .english })
        await model.load()
        model.send(.open(model.state.records[0]))
        guard var form = model.state.editing else { return XCTFail("no form") }
        form.minutes = "an hour"
        model.send(.change(form))

        await model.save()

        XCTAssertEqual(model.state.editing?.badMinutes, true)
        let updates = await calls.attendanceUpdates
        XCTAssertTrue(updates.isEmpty)
    }

    @MainActor
    func testAChangedRecordIsSavedThenEverythingIsReadAgain() async {
        let calls = FakeMeetingsCalls()
        await calls.queuePage(.success(MeetingFixtures.page(["a"], total: 1)))
        await calls.queuePage(.success(MeetingFixtures.page(["a"], total: 1)))
        let model = AttendanceModel(calls: calls, language: { .english })
        await model.load()
        model.send(.open(model.state.records[0]))
        guard var form = model.state.editing else { return XCTFail("no form") }
        form.status = .late
        form.minutes = "75"
        form.notes = "  good share "
        model.send(.change(form))

        await model.save()

        let updates = await calls.attendanceUpdates
        XCTAssertEqual(updates.first?.id, "a")
        XCTAssertEqual(updates.first?.status, .late)
        XCTAssertEqual(updates.first?.minutes, 75)
        XCTAssertEqual(updates.first?.notes, "good share")
        XCTAssertNil(model.state.editing)
    }

    @MainActor
    func testTheCoresRefusalOfMinutesKeepsTheRecordOpen() async {
        let calls = FakeMeetingsCalls()
        await calls.queuePage(.success(MeetingFixtures.page(["a"], total: 1)))
        await calls.answerUpdate(.failure(.invalidInput(field: "minutes", reason: "missed_with_minutes")))
        let model = AttendanceModel(calls: calls, language: { .english })
        await model.load()
        model.send(.open(model.state.records[0]))

        await model.save()

        XCTAssertNotNil(model.state.editing)
        XCTAssertEqual(model.state.failure, .invalidInput(field: "minutes", reason: "missed_with_minutes"))
    }

    @MainActor
    func testDeleteAsksFirst() async {
        let calls = FakeMeetingsCalls()
        await calls.queuePage(.success(MeetingFixtures.page(["a"], total: 1)))
        await calls.queuePage(.success(MeetingFixtures.page([], total: 0)))
        let model = AttendanceModel(calls: calls, language: { .english })
        await model.load()
        model.send(.open(model.state.records[0]))

        model.send(.askDelete)
        XCTAssertEqual(model.state.editing?.confirmDelete, true)
        await model.delete()

        let deletes = await calls.attendanceDeletes
        XCTAssertEqual(deletes, ["a"])
        XCTAssertTrue(model.state.records.isEmpty)
    }
}

final class AttendanceRecordModelTests: XCTestCase {
    @MainActor
    func testTheLastThirtyDaysAreReadFirstInTheChosenLanguage() async {
        let calls = FakeMeetingsCalls()
        await calls.answerRanges(.success([
            MeetingFixtures.range(.thisWeek, label: "This week"),
            MeetingFixtures.range(.last30Days, label: "Last 30 days"),
        ]))
        await calls.answerLines(.last30Days, [MeetingFixtures.line("Tuesday group")])
        let model = AttendanceRecordModel(calls: calls, language: { .spanish })

        await model.load()

        XCTAssertEqual(model.state.chosen, .last30Days)
        XCTAssertEqual(model.state.chosenRange?.label, "Last 30 days")
        XCTAssertEqual(model.state.lines?.map(\.meetingName), ["Tuesday group"])
        let languages = await calls.languages
        XCTAssertEqual(languages, [.spanish])
    }

    @MainActor
    func testAnotherPeriodReplacesTheRecord() async {
        let calls = FakeMeetingsCalls()
        await calls.answerRanges(.success([
            MeetingFixtures.range(.thisWeek, label: "This week"),
            MeetingFixtures.range(.last30Days, label: "Last 30 days"),
        ]))
        await calls.answerLines(.last30Days, [MeetingFixtures.line("A"), MeetingFixtures.line("B")])
        await calls.answerLines(.thisWeek, [])
        let model = AttendanceRecordModel(calls: calls, language: { .english })
        await model.load()

        await model.choose(.thisWeek)

        XCTAssertEqual(model.state.lines, [])
        let asked = await calls.recordsAsked
        XCTAssertEqual(asked, [.last30Days, .thisWeek])
    }

    @MainActor
    func testPeriodsThatCannotBeReadSayWhy() async {
        let calls = FakeMeetingsCalls()
        await calls.answerRanges(.failure(.locked))
        let model = AttendanceRecordModel(calls: calls, language: { .english })

        await model.load()

        XCTAssertEqual(model.state.failure, .locked)
        XCTAssertNil(model.state.lines)
    }
}
