import Foundation
import KeelCore
@testable import KeelKit
import XCTest

final class MeetingWhenTests: XCTestCase {
    func testDatesAreReadOnlyAsRealDaysOfTheCalendar() {
        XCTAssertEqual(MeetingWhen.readDate("2026-11-24"), CalendarDate(year: 2026, month: 11, day: 24))
        XCTAssertEqual(MeetingWhen.readDate(" 2028-02-29 "), CalendarDate(year: 2028, month: 2, day: 29))
        XCTAssertNil(MeetingWhen.readDate("2026-02-29"))
        XCTAssertNil(MeetingWhen.readDate("2026-13-01"))
        XCTAssertNil(MeetingWhen.readDate("2026-1-05"))
        XCTAssertNil(MeetingWhen.readDate("+026-11-24"))
        XCTAssertNil(MeetingWhen.readDate(""))
    }

    func testTimesAreReadOnTheTwentyFourHourClock() {
        XCTAssertEqual(MeetingWhen.readTime("18:30"), 18 * 60 + 30)
        XCTAssertEqual(MeetingWhen.readTime("9:05"), 9 * 60 + 5)
        XCTAssertNil(MeetingWhen.readTime("24:00"))
        XCTAssertNil(MeetingWhen.readTime("18:5"))
        XCTAssertNil(MeetingWhen.readTime("6 pm"))
    }

    func testDateStepsCrossMonthsAndAnEmptyEndDateStartsFromTheStart() {
        XCTAssertEqual(MeetingWhen.stepped(date: "2026-11-30", by: .dayLater), "2026-12-01")
        XCTAssertEqual(MeetingWhen.stepped(date: "2026-03-05", by: .weekEarlier), "2026-02-26")
        XCTAssertEqual(MeetingWhen.stepped(date: "", by: .weekLater, from: "2026-11-24"), "2026-12-01")
        XCTAssertNil(MeetingWhen.stepped(date: "", by: .dayLater, from: ""))
    }

    func testTimeStepsGoAroundTheClockAndQuartersSnapFirst() {
        XCTAssertEqual(MeetingWhen.stepped(time: "23:30", by: .hourLater), "00:30")
        XCTAssertEqual(MeetingWhen.stepped(time: "00:10", by: .hourEarlier), "23:10")
        XCTAssertEqual(MeetingWhen.stepped(time: "18:07", by: .quarterLater), "18:15")
        XCTAssertEqual(MeetingWhen.stepped(time: "18:07", by: .quarterEarlier), "18:00")
        XCTAssertEqual(MeetingWhen.stepped(time: "18:00", by: .quarterEarlier), "17:45")
        XCTAssertEqual(MeetingWhen.stepped(time: "23:45", by: .quarterLater), "00:00")
        XCTAssertNil(MeetingWhen.stepped(time: "later", by: .hourLater))
    }

    func testWeekdaysAndThePickersTimeOfDay() {
        XCTAssertEqual(MeetingWhen.weekday(of: CalendarDate(year: 2026, month: 11, day: 24)), .tuesday)
        XCTAssertEqual(MeetingWhen.weekday(of: CalendarDate(year: 2026, month: 11, day: 29)), .sunday)
        XCTAssertEqual(MeetingWhen.minute(ofPicked: MeetingWhen.pickerDate(ofMinute: 18 * 60 + 45)), 18 * 60 + 45)
        let noon = MeetingWhen.date(of: CalendarDate(year: 2026, month: 3, day: 8))
        XCTAssertEqual(noon.map { MeetingWhen.calendarDate(of: $0) }, CalendarDate(year: 2026, month: 3, day: 8))
    }

    func testTodayIsThePhonesDateInItsZone() throws {
        // 2026-11-25 03:00 UTC is still the 24th in Chicago.
        let instant = Date(timeIntervalSince1970: 1_795_575_600)
        let chicago = try XCTUnwrap(TimeZone(identifier: "America/Chicago"))
        XCTAssertEqual(MeetingWhen.today(at: instant, zone: chicago), CalendarDate(year: 2026, month: 11, day: 24))
        XCTAssertEqual(MeetingWhen.today(at: instant, zone: MeetingWhen.utc), CalendarDate(year: 2026, month: 11, day: 25))
    }
}

final class MeetingFormTests: XCTestCase {
    func testANewMeetingIsWeeklyOnTodaysWeekdayInThePhonesZone() {
        let form = MeetingForm.new(zone: "America/Denver", today: CalendarDate(year: 2026, month: 11, day: 24))
        XCTAssertEqual(form.zone, "America/Denver")
        XCTAssertEqual(form.startDate, "2026-11-24")
        XCTAssertEqual(form.startTime, "18:00")
        XCTAssertEqual(form.repeatChoice, .weekly)
        XCTAssertEqual(form.days, [.tuesday])
    }

    func testASavedMeetingComesBackAsTheSameDraft() throws {
        let meeting = MeetingFixtures.meeting(id: "meeting-1")
        let form = MeetingForm.of(meeting)
        XCTAssertEqual(form.startTime, "18:00")
        XCTAssertEqual(form.duration, "90")
        XCTAssertEqual(form.reminder, "30")

        let draft = try form.draft().get()

        XCTAssertEqual(draft, MeetingFixtures.draft())
    }

    func testEachRepeatRuleBecomesTheCoresRule() throws {
        var form = MeetingForm.new(zone: "America/Chicago", today: CalendarDate(year: 2026, month: 11, day: 24))
        form.name = " Group "
        form.days = [.friday, .monday]
        form.everyWeeks = "2"
        form.endDate = "2027-01-31"
        var draft = try form.draft().get()
        XCTAssertEqual(draft.name, "Group")
        XCTAssertEqual(draft.schedule.`repeat`, .weekly(days: [.monday, .friday], everyWeeks: 2))
        XCTAssertEqual(draft.schedule.endDate, CalendarDate(year: 2027, month: 1, day: 31))

        form.repeatChoice = .monthly
        form.monthWeek = .last
        form.monthDay = .saturday
        draft = try form.draft().get()
        XCTAssertEqual(draft.schedule.`repeat`, .monthly(week: .last, day: .saturday))

        form.repeatChoice = .once
        draft = try form.draft().get()
        XCTAssertEqual(draft.schedule.`repeat`, .once)
        XCTAssertNil(draft.schedule.endDate)
    }

    func testTheFirstFieldToFixIsNamed() {
        var form = MeetingForm.new(zone: "America/Chicago", today: CalendarDate(year: 2026, month: 11, day: 24))
        XCTAssertEqual(problem(form), .name)
        form.name = "Group"
        form.startDate = "24/11/2026"
        XCTAssertEqual(problem(form), .date)
        form.startDate = "2026-11-24"
        form.endDate = "soon"
        XCTAssertEqual(problem(form), .endDate)
        form.endDate = ""
        form.startTime = "6pm"
        XCTAssertEqual(problem(form), .time)
        form.startTime = "18:00"
        form.duration = "0"
        XCTAssertEqual(problem(form), .duration)
        form.duration = "60"
        form.reminder = "soon"
        XCTAssertEqual(problem(form), .reminder)
        form.reminder = ""
        form.days = []
        XCTAssertEqual(problem(form), .days)
        form.days = [.tuesday]
        form.everyWeeks = "13"
        XCTAssertEqual(problem(form), .everyWeeks)
        form.everyWeeks = "1"
        XCTAssertNil(problem(form))
    }

    private func problem(_ form: MeetingForm) -> MeetingProblem? {
        switch form.draft() {
        case .success: return nil
        case .failure(let found): return found.problem
        }
    }
}

final class MeetingEditModelTests: XCTestCase {
    @MainActor
    func testANewMeetingOpensTodayInThePhonesZoneAndIsAdded() async {
        let calls = FakeMeetingsCalls()
        // 2026-11-24 18:00 UTC: a Tuesday in Chicago.
        let model = MeetingEditModel(calls: calls, id: nil, language: { .english }, clock: { Date(timeIntervalSince1970: 1_795_543_200) })

        await model.load()
        XCTAssertFalse(model.state.loading)
        XCTAssertEqual(model.state.form.zone, "America/Chicago")
        XCTAssertEqual(model.state.form.startDate, "2026-11-24")
        XCTAssertEqual(model.state.form.days, [.tuesday])

        var form = model.state.form
        form.name = "Evening group"
        model.send(.change(form))
        await model.save()

        let added = await calls.added
        XCTAssertEqual(added.map(\.name), ["Evening group"])
        XCTAssertTrue(model.state.done)
    }

    @MainActor
    func testAFormToFixIsSaidAndNothingIsSent() async {
        let calls = FakeMeetingsCalls()
        let model = MeetingEditModel(calls: calls, id: nil, language: { .english })
        await model.load()

        await model.save()

        XCTAssertEqual(model.state.problem, .name)
        XCTAssertFalse(model.state.done)
        let added = await calls.added
        XCTAssertTrue(added.isEmpty)
    }

    @MainActor
    func testAnExistingMeetingIsReplacedInPlaceWithItsFormatsNamed() async {
        let calls = FakeMeetingsCalls()
        await calls.answerMeeting(.success(MeetingFixtures.meeting(id: "meeting-1")))
        let model = MeetingEditModel(calls: calls, id: "meeting-1", language: { .spanish })

        await model.load()
        XCTAssertTrue(model.state.editing)
        XCTAssertEqual(model.state.typeLabels["O"], "«O»")
        await model.save()

        let updated = await calls.updated
        XCTAssertEqual(updated.map { $0.0 }, ["meeting-1"])
        XCTAssertEqual(updated.first?.1, MeetingFixtures.draft())
        XCTAssertTrue(model.state.done)
    }

    @MainActor
    func testTheCoresRefusalKeepsTheFormOpen() async {
        let calls = FakeMeetingsCalls()
        await calls.answerMeeting(.success(MeetingFixtures.meeting(id: "meeting-1")))
        await calls.answerSave(.failure(.invalidInput(field: "zone", reason: "unknown")))
        let model = MeetingEditModel(calls: calls, id: "meeting-1", language: { .english })
        await model.load()

        await model.save()

        XCTAssertEqual(model.state.failure, .invalidInput(field: "zone", reason: "unknown"))
        XCTAssertFalse(model.state.done)
        XCTAssertFalse(model.state.busy)
    }

    @MainActor
    func testAMeetingThatCannotBeOpenedCannotBeSaved() async {
        let calls = FakeMeetingsCalls()
        let model = MeetingEditModel(calls: calls, id: "gone", language: { .english })

        await model.load()
        await model.save()

        XCTAssertTrue(model.state.loading)
        XCTAssertEqual(model.state.failure, .notFound)
        let updated = await calls.updated
        XCTAssertTrue(updated.isEmpty)
    }

    @MainActor
    func testDeleteAsksFirstThenRemovesTheMeeting() async {
        let calls = FakeMeetingsCalls()
        await calls.answerMeeting(.success(MeetingFixtures.meeting(id: "meeting-1")))
        let model = MeetingEditModel(calls: calls, id: "meeting-1", language: { .english })
        await model.load()

        model.send(.askDelete)
        XCTAssertTrue(model.state.confirmDelete)
        model.send(.cancelDelete)
        XCTAssertFalse(model.state.confirmDelete)
        model.send(.askDelete)
        await model.delete()

        let deleted = await calls.deleted
        XCTAssertEqual(deleted, ["meeting-1"])
        XCTAssertTrue(model.state.done)
    }
}
