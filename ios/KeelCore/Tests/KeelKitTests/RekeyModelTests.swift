import Foundation
import XCTest
import KeelCore
@testable import KeelKit

/// A vault whose key renews with one passphrase; records what was asked.
final class FakeRekeyCalls: RekeyCalls, @unchecked Sendable {
    var passphrase = "correct horse battery staple"
    var failure: CoreFailure?
    var slotsRemoved: UInt64 = 1
    /// Runs while the core "works" (a test presses Cancel there).
    var during: (@MainActor @Sendable () -> Void)?
    private(set) var tried: [String] = []

    func rekey(passphrase: String, progress: (any KeelCore.Progress)?, cancel: CancelToken?) async -> Result<RekeySummary, CoreFailure> {
        tried.append(passphrase)
        progress?.onProgress(done: 1, total: 4)
        if let during { await during() }
        if cancel?.isCancelled() == true { return .failure(.cancelled) }
        if let failure { return .failure(failure) }
        guard passphrase == self.passphrase else { return .failure(.wrongPassphrase) }
        return .success(RekeySummary(records: 42, deviceSlotsRemoved: slotsRemoved))
    }
}

@MainActor
final class RekeyModelTests: XCTestCase {
    func testRenewingTheKeyEndsBiometricUnlockAndTellsSettings() async {
        let calls = FakeRekeyCalls()
        let biometrics = FakeBiometrics()
        biometrics.storedSlot = "slot-1"
        let told = RekeyTellCounter()
        let model = RekeyModel(calls: calls, biometrics: biometrics, onBiometricEnded: { told.count += 1 }, sleeper: noWait)
        model.send(.passphrase(calls.passphrase))
        await model.start()
        XCTAssertEqual(model.state.done, RekeySummary(records: 42, deviceSlotsRemoved: 1))
        XCTAssertTrue(model.state.biometricEnded)
        XCTAssertNil(model.state.progress)
        XCTAssertEqual(model.state.passphrase, "")
        XCTAssertFalse(biometrics.enrolled(), "the Keychain's secret opens nothing now: forgotten")
        XCTAssertEqual(told.count, 1)
    }

    func testWithoutBiometricUnlockNothingIsSaidAboutIt() async {
        let calls = FakeRekeyCalls()
        calls.slotsRemoved = 0
        let told = RekeyTellCounter()
        let model = RekeyModel(calls: calls, biometrics: FakeBiometrics(), onBiometricEnded: { told.count += 1 }, sleeper: noWait)
        model.send(.passphrase(calls.passphrase))
        await model.start()
        XCTAssertEqual(model.state.done?.records, 42)
        XCTAssertFalse(model.state.biometricEnded)
        XCTAssertEqual(told.count, 0)
    }

    func testAWrongPassphraseWaitsAsUnlockDoesAndChangesNothing() async {
        let calls = FakeRekeyCalls()
        let biometrics = FakeBiometrics()
        biometrics.storedSlot = "slot-1"
        let model = RekeyModel(calls: calls, biometrics: biometrics, sleeper: { _ in try? await Task.sleep(for: .seconds(3600)) })
        model.send(.passphrase("not it"))
        await model.start()
        XCTAssertEqual(model.state.problem, .wrongPassphrase)
        XCTAssertEqual(model.state.failures, 1)
        XCTAssertEqual(model.state.waitSeconds, UnlockWait.seconds(afterFailures: 1))
        XCTAssertEqual(model.state.passphrase, "")
        XCTAssertNil(model.state.done)
        XCTAssertTrue(biometrics.enrolled(), "nothing changed: biometric unlock stays on")
        model.send(.passphrase(calls.passphrase))
        XCTAssertFalse(model.state.canSubmit, "no second try before the wait is over")
        await model.start()
        XCTAssertEqual(calls.tried, ["not it"])
    }

    func testTheWaitRunsOutAndIsKeptWhenSettingsOpensAgain() async {
        let calls = FakeRekeyCalls()
        let model = RekeyModel(calls: calls, biometrics: FakeBiometrics(), sleeper: { _ in try? await Task.sleep(for: .seconds(3600)) })
        model.send(.passphrase("not it"))
        await model.start()
        model.open()
        XCTAssertEqual(model.state.failures, 1)
        XCTAssertEqual(model.state.waitSeconds, 5)
        XCTAssertNil(model.state.problem)
    }

    func testCancelStopsTheWorkAndChangesNothing() async {
        let calls = FakeRekeyCalls()
        let biometrics = FakeBiometrics()
        biometrics.storedSlot = "slot-1"
        let model = RekeyModel(calls: calls, biometrics: biometrics, sleeper: noWait)
        calls.during = { [weak model] in
            XCTAssertEqual(model?.state.busy, true)
            model?.send(.cancel)
        }
        model.send(.passphrase(calls.passphrase))
        await model.start()
        XCTAssertEqual(model.state.problem, .cancelled)
        XCTAssertNil(model.state.progress)
        XCTAssertNil(model.state.done)
        XCTAssertEqual(model.state.passphrase, calls.passphrase, "kept for another try")
        XCTAssertTrue(biometrics.enrolled())
    }

    func testALockOrAFullPhoneChangesNothing() async {
        let calls = FakeRekeyCalls()
        let model = RekeyModel(calls: calls, biometrics: FakeBiometrics(), sleeper: noWait)
        calls.failure = .locked
        model.send(.passphrase(calls.passphrase))
        await model.start()
        XCTAssertEqual(model.state.problem, .locked)
        XCTAssertEqual(model.state.passphrase, "")
        calls.failure = .storageFull
        model.send(.passphrase(calls.passphrase))
        await model.start()
        XCTAssertEqual(model.state.problem, .storageFull)
        calls.failure = .internal
        await model.start()
        XCTAssertEqual(model.state.problem, .failed)
        XCTAssertEqual(model.state.failures, 0, "only a wrong passphrase counts toward the wait")
    }

    func testTypingWhileTheCoreWorksIsIgnored() async {
        let calls = FakeRekeyCalls()
        let model = RekeyModel(calls: calls, biometrics: FakeBiometrics(), sleeper: noWait)
        calls.during = { [weak model] in model?.send(.passphrase("other")) }
        model.send(.passphrase(calls.passphrase))
        await model.start()
        XCTAssertEqual(calls.tried, [calls.passphrase])
        XCTAssertNotNil(model.state.done)
    }
}

/// How often Settings was told biometric unlock ended.
@MainActor
final class RekeyTellCounter {
    var count = 0
}
