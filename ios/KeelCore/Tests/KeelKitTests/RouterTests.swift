import XCTest
import KeelCore
@testable import KeelKit

@MainActor
final class RouterTests: XCTestCase {
    func testStartShowsFirstLaunchOrUnlock() {
        let router = Router()
        XCTAssertNil(router.root)
        router.start(vaultExists: false)
        XCTAssertEqual(router.root, .firstLaunch)
        router.start(vaultExists: true)
        XCTAssertEqual(router.root, .unlock)
        XCTAssertTrue(router.locked)
        XCTAssertEqual(router.path, [])
    }

    func testLockedRefusesTheJournalButNotSosOrForgot() {
        let router = Router()
        router.start(vaultExists: true)
        router.navigate(.today)
        router.navigate(.history)
        router.navigate(.settings)
        XCTAssertEqual(router.path, [])
        router.navigate(.forgot)
        router.sos()
        XCTAssertEqual(router.path, [.forgot, .sos])
    }

    func testSosFromEveryScreenNeverTwice() {
        let router = Router()
        router.start(vaultExists: true)
        router.unlocked()
        router.navigate(.plan)
        router.sos()
        router.sos()
        XCTAssertEqual(router.path, [.plan, .sos])
        XCTAssertEqual(router.top, .sos)
    }

    func testUnlockShowsTodayAndLockReplacesEverything() {
        let router = Router()
        router.start(vaultExists: true)
        router.unlocked()
        XCTAssertFalse(router.locked)
        XCTAssertEqual(router.root, .today)
        router.navigate(.history)
        router.navigate(.log(kind: .craving, id: "abc"))
        XCTAssertEqual(router.path.count, 2)
        router.lock()
        XCTAssertTrue(router.locked)
        XCTAssertEqual(router.root, .unlock)
        XCTAssertEqual(router.path, [])
    }

    func testLockDuringFirstLaunchStaysOnFirstLaunch() {
        let router = Router()
        router.start(vaultExists: false)
        router.sos()
        router.lock()
        XCTAssertEqual(router.root, .firstLaunch)
        XCTAssertEqual(router.path, [.sos])
    }

    func testBackPopsUntilTheRoot() {
        let router = Router()
        router.start(vaultExists: true)
        router.unlocked()
        router.navigate(.settings)
        router.navigate(.wipe)
        XCTAssertTrue(router.back())
        XCTAssertEqual(router.path, [.settings])
        XCTAssertTrue(router.back())
        XCTAssertFalse(router.back())
        XCTAssertEqual(router.top, .today)
    }

    func testAReminderTappedWhileLockedOpensAfterUnlock() {
        let router = Router()
        router.start(vaultExists: true)
        router.open(fromReminder: ReminderTarget.checkIn.route)
        XCTAssertEqual(router.root, .unlock)
        XCTAssertEqual(router.path, [])
        router.unlocked()
        XCTAssertEqual(router.root, .today)
        XCTAssertEqual(router.path, [.log(kind: .checkIn, id: nil)])
        XCTAssertNil(router.pendingAfterUnlock)
    }

    func testAReminderTappedWhileUnlockedOpensAtOnce() {
        let router = Router()
        router.start(vaultExists: true)
        router.unlocked()
        router.navigate(.history)
        router.open(fromReminder: .today)
        XCTAssertEqual(router.path, [])
        router.open(fromReminder: .log(kind: .checkIn, id: nil))
        router.open(fromReminder: .log(kind: .checkIn, id: nil))
        XCTAssertEqual(router.path, [.log(kind: .checkIn, id: nil)])
    }

    func testWipeReturnsToFirstLaunchLocked() {
        let router = Router()
        router.start(vaultExists: true)
        router.unlocked()
        router.navigate(.settings)
        router.wiped()
        XCTAssertEqual(router.root, .firstLaunch)
        XCTAssertTrue(router.locked)
        XCTAssertEqual(router.path, [])
    }

    func testOnlyTheSessionScreensWorkLocked() {
        XCTAssertEqual(Route.lockedRoutes, [.firstLaunch, .firstLaunchRestore, .unlock, .forgot, .sos])
        XCTAssertFalse(Route.today.worksLocked)
        XCTAssertFalse(Route.exercises.worksLocked)
    }
}
