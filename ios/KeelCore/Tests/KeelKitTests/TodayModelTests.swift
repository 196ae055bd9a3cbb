import KeelCore
@testable import KeelKit
import XCTest

/// Today's core calls answered from queues, with what was asked recorded.
actor FakeTodayCalls: TodayCalls {
    private var todayAnswers: [Result<TodayScreen, CoreFailure>] = []
    private var checkInAnswer: Result<AttendanceRecord, CoreFailure> = .failure(.notFound)
    private(set) var todayLanguages: [Language] = []
    private(set) var checkIns = 0

    func queueToday(_ answer: Result<TodayScreen, CoreFailure>) {
        todayAnswers.append(answer)
    }

    func answerCheckIn(_ answer: Result<AttendanceRecord, CoreFailure>) {
        checkInAnswer = answer
    }

    func today(language: Language) async -> Result<TodayScreen, CoreFailure> {
        todayLanguages.append(language)
        return todayAnswers.isEmpty ? .failure(.internal) : todayAnswers.removeFirst()
    }

    func checkInToMeeting() async -> Result<AttendanceRecord, CoreFailure> {
        checkIns += 1
        return checkInAnswer
    }
}

/// Core records for the models' tests, as small as the bindings allow.
enum TodayFixtures {
    static let at = Moment(utcMillis: 1_780_000_000_000, offsetMinutes: -300)
    static let day = CalendarDate(year: 2026, month: 6, day: 1)

    static func clock(days: UInt32 = 12) -> SobrietyClockStatus {
        SobrietyClockStatus(
            id: "clock-1",
            label: "Alcohol",
            sobrietyDate: day,
            streakStart: day,
            currentDays: days,
            longestDays: days,
            totalSoberDays: days,
            lapses: 0,
            nextMilestone: Milestone(unit: .days, count: 30, date: day, daysAway: 18),
            milestoneToday: nil
        )
    }

    static func meetingNow(checkedIn: Bool) -> MeetingNow {
        MeetingNow(
            occurrence: MeetingOccurrence(
                meetingId: "meeting-1",
                meetingName: "Tuesday group",
                kind: .iopGroup,
                place: MeetingPlace(venue: "", address: "", onlineUrl: "", onlineNotes: "", phone: "", phoneNotes: ""),
                start: at,
                endUtcMillis: at.utcMillis + 3_600_000,
                localDate: day,
                status: checkedIn ? .attended : nil
            ),
            inProgress: true,
            checkedIn: checkedIn,
            canCheckIn: !checkedIn
        )
    }

    static func screen(checkedInToday: Bool = false, meeting: MeetingNow? = nil) -> TodayScreen {
        TodayScreen(
            date: day,
            clocks: [clock()],
            checkedInToday: checkedInToday,
            todaysCheckIn: nil,
            recent: [
                EntryBrief(
                    id: "craving-1", kind: .craving, at: at, level: 6, mood: nil,
                    outcome: .rodeItOut, anyUse: false, triggers: ["Payday"], text: ""
                ),
            ],
            suggestions: [],
            crisisContacts: [CrisisContact(name: "Sam", phone: "+1 555 0100", role: .sponsor, canText: true)],
            planRevision: 1,
            lapsePlan: nil,
            ongoingCraving: nil,
            exercise: ExerciseSuggestion(
                exercise: Exercise(
                    id: "box-breathing", category: .breathing, title: "Box breathing", purpose: "", whenToUse: "",
                    situations: [], source: "", durations: [], defaultTotalMs: 60_000, outline: [],
                    minMinutes: nil, maxMinutes: nil
                ),
                reason: .morning,
                reasonText: ""
            ),
            meetingNow: meeting,
            nextMeeting: nil,
            measuresDue: []
        )
    }

    static func attendance() -> AttendanceRecord {
        AttendanceRecord(
            id: "attendance-1", meetingId: "meeting-1", meetingName: "Tuesday group", kind: .iopGroup,
            occurrence: at, status: .attended, minutes: 60, notes: ""
        )
    }
}

final class TodayModelTests: XCTestCase {
    @MainActor
    func testLoadKeepsTheCoreRecordAsItCameInTheChosenLanguage() async {
        let calls = FakeTodayCalls()
        let screen = TodayFixtures.screen(checkedInToday: true)
        await calls.queueToday(.success(screen))
        let model = TodayModel(calls: calls, language: { .spanish })

        await model.load()

        XCTAssertEqual(model.state.screen, screen)
        XCTAssertFalse(model.state.busy)
        XCTAssertNil(model.state.failure)
        let languages = await calls.todayLanguages
        XCTAssertEqual(languages, [.spanish])
    }

    @MainActor
    func testAFailedLoadSaysWhyAndKeepsWhatWasShown() async {
        let calls = FakeTodayCalls()
        let screen = TodayFixtures.screen()
        await calls.queueToday(.success(screen))
        await calls.queueToday(.failure(.locked))
        let model = TodayModel(calls: calls, language: { .english })

        await model.load()
        await model.load()

        XCTAssertEqual(model.state.screen, screen)
        XCTAssertEqual(model.state.failure, .locked)
        XCTAssertFalse(model.state.busy)
    }

    @MainActor
    func testImHereRecordsTheMeetingThenReadsTodayAgain() async {
        let calls = FakeTodayCalls()
        let before = TodayFixtures.screen(meeting: TodayFixtures.meetingNow(checkedIn: false))
        let after = TodayFixtures.screen(meeting: TodayFixtures.meetingNow(checkedIn: true))
        await calls.queueToday(.success(before))
        await calls.queueToday(.success(after))
        await calls.answerCheckIn(.success(TodayFixtures.attendance()))
        let model = TodayModel(calls: calls, language: { .english })
        await model.load()

        await model.send(.imHere)

        let checkIns = await calls.checkIns
        XCTAssertEqual(checkIns, 1)
        XCTAssertEqual(model.state.screen?.meetingNow?.checkedIn, true)
        XCTAssertFalse(model.state.busy)
    }

    @MainActor
    func testImHereRefusedKeepsTodayAndSaysWhy() async {
        let calls = FakeTodayCalls()
        let screen = TodayFixtures.screen(meeting: TodayFixtures.meetingNow(checkedIn: false))
        await calls.queueToday(.success(screen))
        await calls.answerCheckIn(.failure(.notFound))
        let model = TodayModel(calls: calls, language: { .english })
        await model.load()

        await model.send(.imHere)

        XCTAssertEqual(model.state.screen, screen)
        XCTAssertEqual(model.state.failure, .notFound)
        XCTAssertFalse(model.state.busy)
        let asked = await calls.todayLanguages
        XCTAssertEqual(asked.count, 1)
    }
}
