import XCTest
import KeelCore
@testable import KeelKit

@MainActor
final class AppSessionTests: XCTestCase {
    private var calls: FakeSession!
    private var settings: MemorySettings!
    private var clock: TestClock!
    private var notifications: FakeNotifications!

    override func setUp() async throws {
        calls = FakeSession()
        calls.vaultExists = true
        settings = MemorySettings()
        clock = TestClock()
        notifications = FakeNotifications()
    }

    private func makeSession(sleeper: @escaping Sleeper = noWait) -> AppSession {
        let clock = clock!
        return AppSession(
            router: Router(),
            session: calls,
            settings: settings,
            biometrics: FakeBiometrics(),
            reminders: ReminderScheduler(calls: calls, notifications: notifications, nowMillis: { 0 }),
            systemLanguage: .spanish,
            clock: { clock.now() },
            sleeper: sleeper
        )
    }

    private func unlockedSession(sleeper: @escaping Sleeper = noWait) async -> AppSession {
        let app = makeSession(sleeper: sleeper)
        await app.start()
        calls.lockedNow = false
        app.unlocked()
        return app
    }

    func testStartsOnUnlockInThePhonesLanguageUntilOneIsChosen() async {
        let app = makeSession()
        await app.start()
        XCTAssertEqual(app.router.root, .unlock)
        XCTAssertEqual(app.language, .spanish)
        XCTAssertEqual(Loc.language, .spanish)
        app.setLanguage(.english)
        XCTAssertEqual(settings.language, .english)
        XCTAssertEqual(Loc.language, .english)
    }

    func testLeavingWithNoTimeoutLocksAtOnce() async {
        let app = await unlockedSession()
        app.sceneInactive()
        XCTAssertTrue(app.covered)
        app.sceneBackground()
        XCTAssertTrue(app.router.locked)
        XCTAssertEqual(app.router.root, .unlock)
        XCTAssertEqual(calls.locks, 1)
        app.sceneActive()
        XCTAssertFalse(app.covered)
    }

    func testComingBackWithinTheTimeoutStaysUnlocked() async {
        settings.lockAfterSeconds = 60
        // A timer that never fires by itself: only the clock decides.
        let app = await unlockedSession(sleeper: { _ in try? await Task.sleep(for: .seconds(3600)) })
        app.sceneBackground()
        clock.advance(.seconds(30))
        app.sceneActive()
        XCTAssertFalse(app.router.locked)
        XCTAssertEqual(app.router.root, .today)
    }

    func testComingBackAfterTheTimeoutLocksEvenIfTheTimerNeverRan() async {
        settings.lockAfterSeconds = 60
        let app = await unlockedSession(sleeper: { _ in try? await Task.sleep(for: .seconds(3600)) })
        app.sceneBackground()
        clock.advance(.seconds(61))
        app.sceneActive()
        XCTAssertTrue(app.router.locked)
    }

    func testTheTimerLocksInTheBackground() async {
        settings.lockAfterSeconds = 60
        let app = await unlockedSession()
        app.sceneBackground()
        for _ in 0..<10 { await Task.yield() }
        XCTAssertTrue(app.router.locked)
        XCTAssertEqual(calls.locks, 1)
    }

    func testThePhoneLockingLocksAtOnce() async {
        settings.lockAfterSeconds = 900
        let app = await unlockedSession()
        app.protectedDataWillBecomeUnavailable()
        XCTAssertTrue(app.router.locked)
        XCTAssertTrue(app.covered)
    }

    func testDiscreetModeIsKept() {
        let app = makeSession()
        app.setDiscreet(true)
        XCTAssertTrue(app.discreet)
        XCTAssertTrue(settings.discreet)
    }

    func testUnlockRefreshesTheReminders() async {
        calls.reminders = [reminder("a1b2c3d4e5f60718293a4b5c6d7e8f90", at: 5_000)]
        let app = await unlockedSession()
        for _ in 0..<10 { await Task.yield() }
        XCTAssertEqual(notifications.held.map(\.id), ["a1b2c3d4e5f60718293a4b5c6d7e8f90"])
        XCTAssertEqual(calls.remindersAsked.last, app.language)
    }
}
