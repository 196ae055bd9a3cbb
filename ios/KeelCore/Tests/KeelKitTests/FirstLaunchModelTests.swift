import XCTest
import KeelCore
@testable import KeelKit

@MainActor
final class FirstLaunchModelTests: XCTestCase {
    private func makeModel(_ calls: FakeSession, _ biometrics: FakeBiometrics = FakeBiometrics(), created: @escaping () -> Void = {}) -> FirstLaunchModel {
        FirstLaunchModel(calls: calls, biometrics: biometrics, language: { .spanish }, sleeper: noWait, onCreated: created)
    }

    func testTheCoreEstimatesWhatIsTypedOnceTypingPauses() async {
        let calls = FakeSession()
        let model = makeModel(calls)
        model.send(.passphrase("a"))
        model.send(.passphrase("ab"))
        model.send(.passphrase("abc"))
        await model.settle()
        XCTAssertEqual(model.state.estimate?.acceptable, true)
        XCTAssertEqual(calls.estimated.last, "abc")
        model.send(.passphrase(""))
        XCTAssertNil(model.state.estimate)
    }

    func testTwoDifferentPassphrasesAreNotCreated() async {
        let calls = FakeSession()
        let model = makeModel(calls)
        model.send(.passphrase("one two three four"))
        model.send(.confirmation("one two three five"))
        await model.create()
        XCTAssertTrue(model.state.mismatch)
        XCTAssertEqual(calls.created, [])
    }

    func testAWeakPassphraseCannotBeCreated() async {
        let calls = FakeSession()
        calls.estimateAcceptable = false
        let model = makeModel(calls)
        model.send(.passphrase("1234"))
        model.send(.confirmation("1234"))
        await model.settle()
        XCTAssertFalse(model.state.canCreate)
        await model.create()
        XCTAssertEqual(calls.created, [])
    }

    func testTheCoreRefusingAsWeakIsSaid() async {
        let calls = FakeSession()
        calls.createAnswer = .failure(.weakPassphrase(reason: "common_password"))
        let model = makeModel(calls)
        model.send(.passphrase("password123"))
        model.send(.confirmation("password123"))
        await model.create()
        XCTAssertTrue(model.state.weak)
        XCTAssertFalse(model.state.busy)
    }

    func testASuggestedPassphraseFillsBothFields() async {
        let calls = FakeSession()
        let model = makeModel(calls)
        await model.suggest()
        XCTAssertEqual(model.state.suggested, calls.suggestion)
        XCTAssertEqual(model.state.passphrase, calls.suggestion)
        XCTAssertEqual(model.state.confirmation, calls.suggestion)
        XCTAssertTrue(model.state.canCreate)
    }

    func testCreatingWithBiometricsStoresADeviceSlot() async {
        let calls = FakeSession()
        let biometrics = FakeBiometrics()
        var created = 0
        let model = makeModel(calls, biometrics) { created += 1 }
        await model.suggest()
        model.send(.biometric(true))
        await model.create()
        XCTAssertEqual(created, 1)
        XCTAssertEqual(calls.created, [calls.suggestion])
        XCTAssertEqual(biometrics.enrolments, ["slot-1"])
        XCTAssertEqual(calls.slots, ["slot-1"])
    }

    func testACancelledBiometricEnrolmentRemovesItsSlot() async {
        let calls = FakeSession()
        let biometrics = FakeBiometrics()
        biometrics.enrolAnswer = false
        var created = 0
        let model = makeModel(calls, biometrics) { created += 1 }
        await model.suggest()
        model.send(.biometric(true))
        await model.create()
        XCTAssertEqual(created, 1)
        XCTAssertEqual(calls.removed, ["slot-1"])
        XCTAssertEqual(calls.slots, [])
    }

    func testNoBiometricOptInWithoutBiometrics() {
        let biometrics = FakeBiometrics()
        biometrics.isAvailable = false
        let model = makeModel(FakeSession(), biometrics)
        model.send(.biometric(true))
        XCTAssertFalse(model.state.biometric)
    }
}
