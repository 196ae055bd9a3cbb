import Foundation
import KeelCore
@testable import KeelKit
import XCTest

final class MeetingsModelTests: XCTestCase {
    private var folder: URL!

    override func setUp() {
        super.setUp()
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("meetings-\(UUID().uuidString)", isDirectory: true)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: folder)
        super.tearDown()
    }

    @MainActor
    private func makeModel(_ calls: FakeMeetingsCalls, language: Language = .english) -> MeetingsModel {
        MeetingsModel(calls: calls, language: { language }, scratch: ExportScratch(directory: folder))
    }

    @MainActor
    func testLoadKeepsTheCoreRecordWithThePhonesZoneAndTheKindsNames() async {
        let calls = FakeMeetingsCalls()
        let screen = MeetingFixtures.screen()
        await calls.queueScreen(.success(screen))
        let model = makeModel(calls, language: .spanish)

        await model.load()

        XCTAssertEqual(model.state.screen, screen)
        XCTAssertEqual(model.state.zone, "America/Chicago")
        XCTAssertEqual(model.state.kindLabels[.iopGroup], "IOP group session")
        XCTAssertFalse(model.state.busy)
        XCTAssertNil(model.state.failure)
        let languages = await calls.languages
        XCTAssertEqual(languages, [.spanish])
    }

    @MainActor
    func testAFailedLoadSaysWhyAndKeepsWhatWasShown() async {
        let calls = FakeMeetingsCalls()
        let screen = MeetingFixtures.screen()
        await calls.queueScreen(.success(screen))
        await calls.queueScreen(.failure(.locked))
        let model = makeModel(calls)

        await model.load()
        await model.load()

        XCTAssertEqual(model.state.screen, screen)
        XCTAssertEqual(model.state.failure, .locked)
        XCTAssertFalse(model.state.busy)
    }

    @MainActor
    func testImHereRecordsTheMeetingSaysSoAndReadsTheWeekAgain() async {
        let calls = FakeMeetingsCalls()
        await calls.queueScreen(.success(MeetingFixtures.screen(now: MeetingFixtures.occurrence())))
        await calls.queueScreen(.success(MeetingFixtures.screen(now: MeetingFixtures.occurrence(status: .attended))))
        await calls.answerCheckIn(.success(MeetingFixtures.attendance()))
        let model = makeModel(calls)
        await model.load()

        await model.send(.imHere)

        let checkIns = await calls.checkIns
        XCTAssertEqual(checkIns, 1)
        XCTAssertEqual(model.state.checkedIn?.meetingName, "Tuesday group")
        XCTAssertEqual(model.state.screen?.happeningNow?.status, .attended)
    }

    @MainActor
    func testImHereRefusedSaysWhyAndReadsNothing() async {
        let calls = FakeMeetingsCalls()
        await calls.queueScreen(.success(MeetingFixtures.screen(now: MeetingFixtures.occurrence())))
        let model = makeModel(calls)
        await model.load()

        await model.send(.imHere)

        XCTAssertEqual(model.state.failure, .notFound)
        XCTAssertNil(model.state.checkedIn)
        XCTAssertFalse(model.state.busy)
    }

    @MainActor
    func testTheRequirementFormStartsFromTheSavedOne() async {
        let calls = FakeMeetingsCalls()
        await calls.queueScreen(.success(MeetingFixtures.screen(settings: MeetingFixtures.settings(minutes: 450, sessions: 3))))
        let model = makeModel(calls)
        await model.load()

        await model.send(.editRequirement)

        XCTAssertEqual(model.state.requirement, MeetingRequirementDraft(hours: "7.5", sessions: "3"))
    }

    @MainActor
    func testSavingTheRequirementSendsMinutesAndReadsTheWeekAgain() async {
        let calls = FakeMeetingsCalls()
        await calls.queueScreen(.success(MeetingFixtures.screen()))
        await calls.queueScreen(.success(MeetingFixtures.screen(settings: MeetingFixtures.settings(minutes: 570, sessions: nil))))
        let model = makeModel(calls)
        await model.load()
        await model.send(.editRequirement)

        await model.send(.requirement(MeetingRequirementDraft(hours: "9,5", sessions: " ")))
        await model.send(.saveRequirement)

        let saved = await calls.savedSettings
        XCTAssertEqual(saved.count, 1)
        XCTAssertEqual(saved.first?.weeklyMinutes, 570)
        XCTAssertNil(saved.first?.weeklySessions)
        XCTAssertNil(model.state.requirement)
        XCTAssertEqual(model.state.screen?.progress.settings.weeklyMinutes, 570)
    }

    @MainActor
    func testARequirementThatIsNotANumberIsRefusedBeforeTheCore() async {
        let calls = FakeMeetingsCalls()
        await calls.queueScreen(.success(MeetingFixtures.screen()))
        let model = makeModel(calls)
        await model.load()
        await model.send(.editRequirement)

        await model.send(.requirement(MeetingRequirementDraft(hours: "nine", sessions: "3")))
        await model.send(.saveRequirement)

        XCTAssertEqual(model.state.requirement?.problem, true)
        let saved = await calls.savedSettings
        XCTAssertTrue(saved.isEmpty)
    }

    func testHoursAreReadAndWrittenAsTheFieldShowsThem() {
        XCTAssertEqual(MeetingsModel.parseHours(""), .blank)
        XCTAssertEqual(MeetingsModel.parseHours(" 9 "), .minutes(540))
        XCTAssertEqual(MeetingsModel.parseHours("7.5"), .minutes(450))
        XCTAssertEqual(MeetingsModel.parseHours("7,5"), .minutes(450))
        XCTAssertEqual(MeetingsModel.parseHours(".5"), .minutes(30))
        XCTAssertEqual(MeetingsModel.parseHours("-1"), .invalid)
        XCTAssertEqual(MeetingsModel.parseHours("1e3"), .invalid)
        XCTAssertEqual(MeetingsModel.parseHours("1.2.3"), .invalid)
        XCTAssertEqual(MeetingsModel.hoursField(minutes: 540), "9")
        XCTAssertEqual(MeetingsModel.hoursField(minutes: 450), "7.5")
        XCTAssertEqual(MeetingsModel.hoursField(minutes: 500), "8.33")
    }

    @MainActor
    func testTheCalendarFileIsMadeOnlyAfterTheWarningAndRemovedOnceHandedOver() async throws {
        let calls = FakeMeetingsCalls()
        await calls.queueScreen(.success(MeetingFixtures.screen()))
        let model = makeModel(calls)
        await model.load()

        await model.send(.askExport)
        XCTAssertEqual(model.state.export, .confirm)
        XCTAssertNil(model.state.exportFile)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.path))

        await model.send(.confirmExport)
        let file = try XCTUnwrap(model.state.exportFile)
        XCTAssertEqual(file.fileName, "keel-meetings.ics")
        XCTAssertEqual(try String(contentsOf: file.url, encoding: .utf8), "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")

        await model.send(.exported(true))
        XCTAssertEqual(model.state.export, .shared)
        XCTAssertNil(model.state.exportFile)
        XCTAssertFalse(FileManager.default.fileExists(atPath: file.url.path))
    }

    @MainActor
    func testACancelledExportLeavesNoFileAndAFailedOneSaysSo() async throws {
        let calls = FakeMeetingsCalls()
        await calls.queueScreen(.success(MeetingFixtures.screen()))
        let model = makeModel(calls)
        await model.load()

        await model.send(.askExport)
        await model.send(.confirmExport)
        let first = try XCTUnwrap(model.state.exportFile)
        await model.send(.exported(nil))
        XCTAssertNil(model.state.export)
        XCTAssertFalse(FileManager.default.fileExists(atPath: first.url.path))

        await model.send(.askExport)
        await model.send(.confirmExport)
        await model.send(.exported(false))
        XCTAssertEqual(model.state.export, .failed)
        XCTAssertNil(model.state.exportFile)
    }

    @MainActor
    func testANameFromTheCoreCannotLeaveTheFolder() async throws {
        let calls = FakeMeetingsCalls()
        await calls.queueScreen(.success(MeetingFixtures.screen()))
        await calls.answerCalendar(.success(MeetingsCalendar(fileName: "../../outside.ics", content: "x")))
        let model = makeModel(calls)
        await model.load()

        await model.send(.askExport)
        await model.send(.confirmExport)

        let file = try XCTUnwrap(model.state.exportFile)
        XCTAssertEqual(file.fileName, "outside.ics")
        XCTAssertEqual(file.url.deletingLastPathComponent().standardizedFileURL, folder.standardizedFileURL)
    }

    @MainActor
    func testACalendarTheCoreRefusesIsSaidAndNoFileIsMade() async {
        let calls = FakeMeetingsCalls()
        await calls.queueScreen(.success(MeetingFixtures.screen()))
        await calls.answerCalendar(.failure(.locked))
        let model = makeModel(calls)
        await model.load()

        await model.send(.askExport)
        await model.send(.confirmExport)

        XCTAssertEqual(model.state.failure, .locked)
        XCTAssertNil(model.state.exportFile)
        XCTAssertFalse(model.state.busy)
    }
}

final class MeetingListModelTests: XCTestCase {
    @MainActor
    func testTheListComesAsTheCoreGaveIt() async {
        let calls = FakeMeetingsCalls()
        let list = MeetingList(meetings: [MeetingFixtures.meeting(id: "meeting-1")], damagedIds: ["broken"])
        await calls.answerList(.success(list))
        let model = MeetingListModel(calls: calls, language: { .english })

        await model.load()

        XCTAssertEqual(model.state.list, list)
        XCTAssertEqual(model.state.zone, "America/Chicago")
        XCTAssertNil(model.state.failure)
    }

    @MainActor
    func testAFailedListSaysWhy() async {
        let calls = FakeMeetingsCalls()
        await calls.answerList(.failure(.locked))
        let model = MeetingListModel(calls: calls, language: { .english })

        await model.load()

        XCTAssertNil(model.state.list)
        XCTAssertEqual(model.state.failure, .locked)
    }
}
