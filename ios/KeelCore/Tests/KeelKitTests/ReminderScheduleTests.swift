import XCTest
import KeelCore
@testable import KeelKit

final class ReminderScheduleTests: XCTestCase {
    private func id(_ n: Int) -> String { String(format: "%032x", n) }

    func testOnlyTheSoonest64StillAheadAreWanted() {
        let now: Int64 = 1_000_000
        var reminders = (0..<100).map { n in reminder(id(n), at: now + Int64(100 - n) * 60_000) }
        reminders.append(reminder(id(500), at: now - 1))
        reminders.append(reminder(id(501), at: now))
        let wanted = ReminderSchedule.wanted(reminders, nowUtcMillis: now)
        XCTAssertEqual(wanted.count, 64)
        XCTAssertEqual(wanted.first?.atUtcMillis, now + 60_000)
        XCTAssertEqual(wanted.map(\.atUtcMillis), wanted.map(\.atUtcMillis).sorted())
        XCTAssertFalse(wanted.contains { $0.id == id(500) || $0.id == id(501) })
    }

    func testTiesAreOrderedByIdAndDuplicatesDropped() {
        let reminders = [reminder(id(2), at: 10), reminder(id(1), at: 10), reminder(id(1), at: 10)]
        XCTAssertEqual(ReminderSchedule.wanted(reminders, nowUtcMillis: 0).map(\.id), [id(1), id(2)])
    }

    func testTheCoresWordsAndTheTargetTravelUnchanged() {
        let core = reminder(id(7), at: 99, kind: .meeting(meetingId: "m", occurrenceUtcMillis: 99), title: "Reminder", body: "Starting soon")
        let wanted = ReminderSchedule.wanted([core], nowUtcMillis: 0)
        XCTAssertEqual(wanted, [ScheduledReminder(id: id(7), atUtcMillis: 99, title: "Reminder", body: "Starting soon", target: .meeting)])
        XCTAssertEqual(String(describing: wanted[0]), "ScheduledReminder(\(id(7)))")
    }

    func testTargetsOpenTheRightScreen() {
        XCTAssertEqual(ReminderTarget(kind: .checkIn), .checkIn)
        XCTAssertEqual(ReminderTarget(kind: .gentlePrompt), .prompt)
        XCTAssertEqual(ReminderTarget(kind: .measure(measure: .phq9)), .measure)
        XCTAssertEqual(ReminderTarget.checkIn.route, .log(kind: .checkIn, id: nil))
        XCTAssertEqual(ReminderTarget.prompt.route, .log(kind: .checkIn, id: nil))
        XCTAssertEqual(ReminderTarget.meeting.route, .today)
        XCTAssertEqual(ReminderTarget.measure.route, .measures)
    }

    func testTheDiffCancelsWhatGoesAddsWhatIsNewAndReplacesWhatChanged() {
        let keep = ScheduledReminder(id: id(1), atUtcMillis: 100, title: "t", body: "b", target: .checkIn)
        let moved = ScheduledReminder(id: id(2), atUtcMillis: 200, title: "t", body: "b", target: .checkIn)
        let gone = ScheduledReminder(id: id(3), atUtcMillis: 300, title: "t", body: "b", target: .checkIn)
        let fired = ScheduledReminder(id: id(4), atUtcMillis: 5, title: "t", body: "b", target: .checkIn)
        let new = ScheduledReminder(id: id(5), atUtcMillis: 150, title: "t", body: "b", target: .meeting)
        let movedNow = ScheduledReminder(id: id(2), atUtcMillis: 250, title: "t", body: "b", target: .checkIn)

        let diff = ReminderSchedule.diff(wanted: [keep, movedNow, new], pending: [keep, moved, gone, fired], nowUtcMillis: 10)
        XCTAssertEqual(diff.cancel, [id(3)])
        XCTAssertEqual(diff.schedule, [new, movedNow])
        XCTAssertTrue(ReminderSchedule.diff(wanted: [keep], pending: [keep], nowUtcMillis: 10).isEmpty)
    }

    @MainActor
    func testTheSchedulerAppliesTheDiffAndAsksInTheLanguage() async {
        let calls = FakeSession()
        let notifications = FakeNotifications()
        notifications.held = [ScheduledReminder(id: id(9), atUtcMillis: 500, title: "t", body: "b", target: .checkIn)]
        calls.reminders = [reminder(id(1), at: 200), reminder(id(2), at: 100)]
        let scheduler = ReminderScheduler(calls: calls, notifications: notifications, nowMillis: { 50 })

        let diff = await scheduler.refresh(language: .spanish)
        XCTAssertEqual(diff?.cancel, [id(9)])
        XCTAssertEqual(notifications.held.map(\.id).sorted(), [id(1), id(2)])
        XCTAssertEqual(calls.remindersAsked, [.spanish])

        let again = await scheduler.refresh(language: .spanish)
        XCTAssertEqual(again?.isEmpty, true)

        await scheduler.clear()
        XCTAssertEqual(notifications.held, [])
    }
}
