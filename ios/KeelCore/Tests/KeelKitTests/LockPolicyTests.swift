import XCTest
@testable import KeelKit

final class LockPolicyTests: XCTestCase {
    func testNoTimeoutLocksTheMomentTheAppLeaves() {
        var policy = LockPolicy()
        XCTAssertEqual(policy.backgrounded(at: .now, lockAfterSeconds: 0), .lockNow)
        XCTAssertNil(policy.backgroundedAt)
    }

    func testATimeoutLocksOnlyOnceItRanOut() {
        var policy = LockPolicy()
        let left = ContinuousClock.now
        XCTAssertEqual(policy.backgrounded(at: left, lockAfterSeconds: 60), .lockAfter(seconds: 60))
        XCTAssertEqual(policy.foregrounded(at: left.advanced(by: .seconds(59)), lockAfterSeconds: 60), .stay)
        _ = policy.backgrounded(at: left, lockAfterSeconds: 60)
        XCTAssertEqual(policy.foregrounded(at: left.advanced(by: .seconds(60)), lockAfterSeconds: 60), .lockNow)
    }

    func testComingBackWithoutHavingLeftChangesNothing() {
        var policy = LockPolicy()
        XCTAssertEqual(policy.foregrounded(at: .now, lockAfterSeconds: 300), .stay)
    }

    func testTheFirstDepartureCountsNotALaterOne() {
        var policy = LockPolicy()
        let left = ContinuousClock.now
        _ = policy.backgrounded(at: left, lockAfterSeconds: 60)
        _ = policy.backgrounded(at: left.advanced(by: .seconds(50)), lockAfterSeconds: 60)
        XCTAssertEqual(policy.foregrounded(at: left.advanced(by: .seconds(61)), lockAfterSeconds: 60), .lockNow)
    }

    func testThePhoneLockingLocksAtOnceWhateverTheTimeout() {
        var policy = LockPolicy()
        _ = policy.backgrounded(at: .now, lockAfterSeconds: 900)
        XCTAssertEqual(policy.protectedDataWillBecomeUnavailable(), .lockNow)
        XCTAssertNil(policy.backgroundedAt)
    }

    func testTheWaitAfterWrongPassphrasesGrowsToFiveMinutes() {
        XCTAssertEqual(UnlockWait.seconds(afterFailures: 0), 0)
        XCTAssertEqual(UnlockWait.seconds(afterFailures: 1), 5)
        XCTAssertEqual(UnlockWait.seconds(afterFailures: 2), 10)
        XCTAssertEqual(UnlockWait.seconds(afterFailures: 4), 40)
        XCTAssertEqual(UnlockWait.seconds(afterFailures: 7), 300)
        XCTAssertEqual(UnlockWait.seconds(afterFailures: 100), 300)
    }
}
