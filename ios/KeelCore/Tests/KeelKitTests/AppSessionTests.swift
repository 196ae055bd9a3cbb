import XCTest
import KeelCore
@testable import KeelKit

@MainActor
final class AppSessionTests: XCTestCase {
    /// What one test drives: a fake vault, settings in memory, a clock moved by hand.
    @MainActor
    private struct Fixture {
        let calls = FakeSession()
        let settings = MemorySettings()
        let clock = TestClock()
        let notifications = FakeNotifications()

        init() {
            calls.vaultExists = true
        }

        func session(sleeper: @escaping Sleeper = noWait) -> AppSession {
            let clock = clock
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

        func unlocked(sleeper: @escaping Sleeper = noWait) async -> AppSession {
            let app = session(sleeper: sleeper)
            await app.start()
            calls.lockedNow = false
            app.unlocked()
            return app
        }
    }

    private let never: Sleeper = { _ in try? await Task.sleep(for: .seconds(3600)) }

    func testStartsOnUnlockInThePhonesLanguageUntilOneIsChosen() async {
        let f = Fixture()
        let app = f.session()
        await app.start()
        XCTAssertEqual(app.router.root, .unlock)
        XCTAssertEqual(app.language, .spanish)
        XCTAssertEqual(Loc.language, .spanish)
        app.setLanguage(.english)
        XCTAssertEqual(f.settings.language, .english)
        XCTAssertEqual(Loc.language, .english)
    }

    func testLeavingWithNoTimeoutLocksAtOnce() async {
        let f = Fixture()
        let app = await f.unlocked()
        app.sceneInactive()
        XCTAssertTrue(app.covered)
        app.sceneBackground()
        XCTAssertTrue(app.router.locked)
        XCTAssertEqual(app.router.root, .unlock)
        XCTAssertEqual(f.calls.locks, 1)
        app.sceneActive()
        XCTAssertFalse(app.covered)
    }

    func testComingBackWithinTheTimeoutStaysUnlocked() async {
        let f = Fixture()
        f.settings.lockAfterSeconds = 60
        // A timer that never fires by itself: only the clock decides.
        let app = await f.unlocked(sleeper: never)
        app.sceneBackground()
        f.clock.advance(.seconds(30))
        app.sceneActive()
        XCTAssertFalse(app.router.locked)
        XCTAssertEqual(app.router.root, .today)
    }

    func testComingBackAfterTheTimeoutLocksEvenIfTheTimerNeverRan() async {
        let f = Fixture()
        f.settings.lockAfterSeconds = 60
        let app = await f.unlocked(sleeper: never)
        app.sceneBackground()
        f.clock.advance(.seconds(61))
        app.sceneActive()
        XCTAssertTrue(app.router.locked)
    }

    func testTheTimerLocksInTheBackground() async {
        let f = Fixture()
        f.settings.lockAfterSeconds = 60
        let app = await f.unlocked()
        app.sceneBackground()
        for _ in 0..<10 { await Task.yield() }
        XCTAssertTrue(app.router.locked)
        XCTAssertEqual(f.calls.locks, 1)
    }

    func testThePhoneLockingLocksAtOnce() async {
        let f = Fixture()
        f.settings.lockAfterSeconds = 900
        let app = await f.unlocked()
        app.protectedDataWillBecomeUnavailable()
        XCTAssertTrue(app.router.locked)
        XCTAssertTrue(app.covered)
    }

    func testDiscreetModeIsKept() {
        let f = Fixture()
        let app = f.session()
        app.setDiscreet(true)
        XCTAssertTrue(app.discreet)
        XCTAssertTrue(f.settings.discreet)
    }

    func testUnlockRefreshesTheReminders() async {
        let f = Fixture()
        f.calls.reminders = [reminder("a1b2c3d4e5f60718293a4b5c6d7e8f90", at: 5_000)]
        let app = await f.unlocked()
        for _ in 0..<10 { await Task.yield() }
        XCTAssertEqual(f.notifications.held.map(\.id), ["a1b2c3d4e5f60718293a4b5c6d7e8f90"])
        XCTAssertEqual(f.calls.remindersAsked.last, app.language)
    }
}
