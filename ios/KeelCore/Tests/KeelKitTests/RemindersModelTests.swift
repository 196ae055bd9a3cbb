import XCTest
import KeelCore
@testable import KeelKit

/// The reminder choices kept in memory, with the reminders they would schedule.
final class FakeReminderChoices: ReminderChoiceCalls, @unchecked Sendable {
    var settings = MeetingSettings(weeklyMinutes: 540, weeklySessions: nil, checkInMinute: nil, gentlePrompts: false)
    var upcoming: [Reminder] = []
    var readAnswer: CoreFailure?
    var saveAnswer: CoreFailure?
    private(set) var saved: [MeetingSettings] = []
    private(set) var asked: [(UInt32, UInt32, Language)] = []

    func reminderChoices(horizonHours: UInt32, limit: UInt32, language: Language) async -> Result<ReminderChoices, CoreFailure> {
        asked.append((horizonHours, limit, language))
        if let readAnswer { return .failure(readAnswer) }
        return .success(ReminderChoices(settings: settings, nowUtcMillis: 1_780_000_000_000, zone: "America/Chicago", upcoming: upcoming))
    }

    func saveReminderChoices(_ settings: MeetingSettings) async -> Result<MeetingSettings, CoreFailure> {
        saved.append(settings)
        if let saveAnswer { return .failure(saveAnswer) }
        self.settings = settings
        return .success(settings)
    }
}

/// The notification permission: what the phone answers, and how often it was asked.
@MainActor
final class ReminderPermissionFake: ReminderNotifications {
    var isAllowed = false
    var grants = true
    private(set) var asks = 0

    func pending() async -> [ScheduledReminder] { [] }
    func schedule(_ reminders: [ScheduledReminder]) async {}
    func cancel(ids: [String]) async {}
    func allowed() async -> Bool { isAllowed }

    func ask() async -> Bool {
        asks += 1
        isAllowed = grants
        return grants
    }
}

@MainActor
final class ReminderChangeCounter {
    var count = 0
}

@MainActor
final class RemindersModelTests: XCTestCase {
    private func make(_ calls: FakeReminderChoices, _ notifications: ReminderPermissionFake, _ changes: ReminderChangeCounter) -> RemindersModel {
        RemindersModel(calls: calls, notifications: notifications, language: { .spanish }, onChanged: { changes.count += 1 })
    }

    func testTheChoicesAndTheNextRemindersInTheCoresWords() async {
        let calls = FakeReminderChoices()
        calls.upcoming = [reminder("a", at: 1_780_003_600_000, body: "Hora de tu registro")]
        let model = make(calls, ReminderPermissionFake(), ReminderChangeCounter())
        await model.load()
        XCTAssertTrue(model.state.loaded)
        XCTAssertFalse(model.state.busy)
        XCTAssertEqual(model.state.choices?.upcoming.map(\.body), ["Hora de tu registro"])
        XCTAssertEqual(calls.asked.first?.0, ReminderSchedule.horizonHours)
        XCTAssertEqual(calls.asked.first?.1, RemindersModel.shown)
        XCTAssertEqual(calls.asked.first?.2, .spanish)
        XCTAssertFalse(model.state.anyOn)
    }

    func testTurningTheCheckInOnAsksForNotificationsThenSavesAndRefreshes() async {
        let calls = FakeReminderChoices()
        let notifications = ReminderPermissionFake()
        let changes = ReminderChangeCounter()
        let model = make(calls, notifications, changes)
        await model.load()
        await model.send(.checkIn(true))
        XCTAssertEqual(notifications.asks, 1)
        XCTAssertEqual(calls.saved.last?.checkInMinute, RemindersModel.defaultCheckIn)
        XCTAssertEqual(calls.saved.last?.weeklyMinutes, 540)
        XCTAssertEqual(changes.count, 1)
        XCTAssertEqual(model.state.settings?.checkInMinute, 1200)
        XCTAssertTrue(model.state.notificationsAllowed)
        XCTAssertTrue(model.state.anyOn)

        // Already allowed: not asked again; off keeps nothing of the time.
        await model.send(.checkIn(false))
        XCTAssertEqual(notifications.asks, 1)
        XCTAssertNil(calls.saved.last?.checkInMinute)
        XCTAssertEqual(changes.count, 2)
    }

    func testARefusalIsSaidAndTheChoiceIsStillSaved() async {
        let calls = FakeReminderChoices()
        let notifications = ReminderPermissionFake()
        notifications.grants = false
        let model = make(calls, notifications, ReminderChangeCounter())
        await model.load()
        await model.send(.gentlePrompts(true))
        XCTAssertEqual(calls.saved.last?.gentlePrompts, true)
        XCTAssertFalse(model.state.notificationsAllowed)
        XCTAssertTrue(model.state.notificationsRefused)
        XCTAssertTrue(model.state.anyOn)
        // The screen's own button asks again.
        notifications.grants = true
        await model.send(.allowNotifications)
        XCTAssertEqual(notifications.asks, 2)
        XCTAssertTrue(model.state.notificationsAllowed)
        XCTAssertFalse(model.state.notificationsRefused)
    }

    func testTurningSomethingOffNeverAsks() async {
        let calls = FakeReminderChoices()
        calls.settings.gentlePrompts = true
        let notifications = ReminderPermissionFake()
        let model = make(calls, notifications, ReminderChangeCounter())
        await model.load()
        await model.send(.gentlePrompts(false))
        XCTAssertEqual(notifications.asks, 0)
        XCTAssertEqual(calls.saved.last?.gentlePrompts, false)
    }

    func testTheCheckInMovesRoundTheClock() async {
        let calls = FakeReminderChoices()
        calls.settings.checkInMinute = 5
        let model = make(calls, ReminderPermissionFake(), ReminderChangeCounter())
        await model.load()
        await model.send(.moveCheckIn(minutes: -RemindersModel.stepMinutes))
        XCTAssertEqual(calls.saved.last?.checkInMinute, 1430)
        await model.send(.moveCheckIn(minutes: RemindersModel.stepMinutes))
        XCTAssertEqual(calls.saved.last?.checkInMinute, 5)
        XCTAssertEqual(RemindersModel.moved(1435, by: 15), 10)
        XCTAssertEqual(RemindersModel.moved(0, by: -15), 1425)
    }

    func testAFailedSaveIsSaidAndNothingIsRefreshed() async {
        let calls = FakeReminderChoices()
        let changes = ReminderChangeCounter()
        let model = make(calls, ReminderPermissionFake(), changes)
        await model.load()
        calls.saveAnswer = .storageFull
        await model.send(.gentlePrompts(true))
        XCTAssertEqual(model.state.failure, .storageFull)
        XCTAssertFalse(model.state.busy)
        XCTAssertEqual(changes.count, 0)
        XCTAssertEqual(model.state.settings?.gentlePrompts, false)
    }

    func testAFailedReadIsSaid() async {
        let calls = FakeReminderChoices()
        calls.readAnswer = .locked
        let model = make(calls, ReminderPermissionFake(), ReminderChangeCounter())
        await model.load()
        XCTAssertTrue(model.state.loaded)
        XCTAssertNil(model.state.choices)
        XCTAssertEqual(model.state.failure, .locked)
        // Nothing to change before the choices are read.
        await model.send(.checkIn(true))
        XCTAssertTrue(calls.saved.isEmpty)
    }

    func testAReminderIsShownOnThePhonesClockThen() {
        // 2026-07-01 15:00 UTC: Chicago is on daylight time (UTC-5).
        let summer = reminder("s", at: 1_782_918_000_000)
        XCTAssertEqual(RemindersModel.moment(of: summer, zone: "America/Chicago").offsetMinutes, -300)
        // 2026-01-15 15:00 UTC: standard time (UTC-6).
        let winter = reminder("w", at: 1_768_489_200_000)
        XCTAssertEqual(RemindersModel.moment(of: winter, zone: "America/Chicago").offsetMinutes, -360)
        XCTAssertEqual(RemindersModel.moment(of: winter, zone: "America/Chicago").utcMillis, 1_768_489_200_000)
    }
}
