import XCTest
import KeelCore
@testable import KeelKit

@MainActor
final class UnlockModelTests: XCTestCase {
    func testTheRightPassphraseUnlocks() async {
        let calls = FakeSession()
        var unlocked = 0
        let model = UnlockModel(calls: calls, biometrics: FakeBiometrics(), sleeper: noWait) { unlocked += 1 }
        model.send(.passphrase(calls.passphrase))
        await model.submit()
        XCTAssertEqual(unlocked, 1)
        XCTAssertEqual(model.state.passphrase, "")
        XCTAssertFalse(model.state.busy)
    }

    func testAWrongPassphraseWaitsLongerEachTime() async {
        let calls = FakeSession()
        let model = UnlockModel(calls: calls, biometrics: FakeBiometrics(), sleeper: { _ in try? await Task.sleep(for: .seconds(3600)) }) {}
        model.send(.passphrase("wrong"))
        await model.submit()
        XCTAssertTrue(model.state.wrong)
        XCTAssertEqual(model.state.failures, 1)
        XCTAssertEqual(model.state.waitSeconds, 5)
        XCTAssertEqual(model.state.passphrase, "")
        model.send(.passphrase("again"))
        XCTAssertFalse(model.state.canSubmit)
        await model.submit()
        XCTAssertEqual(calls.unlockedWith, ["wrong"])
    }

    func testTheWaitCountsDownToZero() async {
        let calls = FakeSession()
        let model = UnlockModel(calls: calls, biometrics: FakeBiometrics(), sleeper: noWait) {}
        model.send(.passphrase("wrong"))
        await model.submit()
        await model.settle()
        XCTAssertEqual(model.state.waitSeconds, 0)
        model.send(.passphrase("wrong again"))
        await model.submit()
        XCTAssertEqual(model.state.failures, 2)
        XCTAssertEqual(model.state.waitSeconds, 10)
    }

    func testBiometricUnlockHandsTheSecretToTheVault() async {
        let calls = FakeSession()
        let biometrics = FakeBiometrics()
        biometrics.storedSlot = "slot-1"
        biometrics.unlockAnswer = .secret(Data(repeating: 7, count: 32))
        var unlocked = 0
        let model = UnlockModel(calls: calls, biometrics: biometrics, sleeper: noWait) { unlocked += 1 }
        XCTAssertTrue(model.state.biometric)
        await model.biometric()
        XCTAssertEqual(calls.secretsTried, [Data(repeating: 7, count: 32)])
        XCTAssertEqual(unlocked, 1)
    }

    func testCancellingTheBiometricPromptChangesNothing() async {
        let biometrics = FakeBiometrics()
        biometrics.storedSlot = "slot-1"
        let model = UnlockModel(calls: FakeSession(), biometrics: biometrics, sleeper: noWait) { XCTFail("unlocked") }
        await model.biometric()
        XCTAssertFalse(model.state.busy)
        XCTAssertTrue(model.state.biometric)
    }

    func testANewEnrolmentEndsBiometricUnlockAndItsSlotGoesAfterThePassphrase() async {
        let calls = FakeSession()
        calls.slots = ["slot-1"]
        let biometrics = FakeBiometrics()
        biometrics.storedSlot = "slot-1"
        biometrics.unlockAnswer = .invalidated(slotId: "slot-1")
        let model = UnlockModel(calls: calls, biometrics: biometrics, sleeper: noWait) {}
        await model.biometric()
        XCTAssertTrue(model.state.biometricEnded)
        XCTAssertFalse(model.state.biometric)
        XCTAssertEqual(calls.removed, [])
        model.send(.passphrase(calls.passphrase))
        await model.submit()
        XCTAssertEqual(calls.removed, ["slot-1"])
    }
}
