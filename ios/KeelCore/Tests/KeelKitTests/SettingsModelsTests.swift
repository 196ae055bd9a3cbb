import XCTest
import KeelCore
@testable import KeelKit

@MainActor
final class SettingsModelsTests: XCTestCase {
    private func app(_ calls: FakeSession, _ biometrics: FakeBiometrics, _ settings: MemorySettings = MemorySettings()) -> AppSession {
        AppSession(router: Router(), session: calls, settings: settings, biometrics: biometrics, sleeper: noWait)
    }

    func testLanguageTimeoutAndDiscreetModeAreKept() async {
        let settings = MemorySettings()
        let icon = FakeIcon()
        let app = app(FakeSession(), FakeBiometrics(), settings)
        let model = SettingsModel(app: app, calls: FakeSession(), icon: icon)
        model.send(.language(.spanish))
        model.send(.lockAfter(seconds: 300))
        await model.setDiscreet(true)
        XCTAssertEqual(settings.language, .spanish)
        XCTAssertEqual(app.language, .spanish)
        XCTAssertEqual(settings.lockAfterSeconds, 300)
        XCTAssertEqual(model.state.lockAfterSeconds, 300)
        XCTAssertTrue(settings.discreet)
        XCTAssertEqual(icon.neutral, [true])
        XCTAssertEqual(LockTimeouts.choices, [0, 60, 300, 900])
    }

    func testBiometricUnlockOnAndOff() async {
        let calls = FakeSession()
        let biometrics = FakeBiometrics()
        let model = SettingsModel(app: app(calls, biometrics), calls: calls, icon: FakeIcon())
        XCTAssertFalse(model.state.biometric)
        await model.setBiometric(true)
        XCTAssertTrue(model.state.biometric)
        XCTAssertEqual(calls.slots, ["slot-1"])
        await model.setBiometric(false)
        XCTAssertFalse(model.state.biometric)
        XCTAssertEqual(calls.removed, ["slot-1"])
        XCTAssertEqual(calls.slots, [])
    }

    func testACancelledBiometricPromptLeavesItOffAndNoSlot() async {
        let calls = FakeSession()
        let biometrics = FakeBiometrics()
        biometrics.enrolAnswer = false
        let model = SettingsModel(app: app(calls, biometrics), calls: calls, icon: FakeIcon())
        await model.setBiometric(true)
        XCTAssertFalse(model.state.biometric)
        XCTAssertTrue(model.state.biometricCancelled)
        XCTAssertEqual(calls.slots, [])
    }

    func testChangingThePassphrase() async {
        let calls = FakeSession()
        let model = PassphraseChangeModel(session: calls, calls: calls, language: { .english }, sleeper: noWait)
        model.send(.current(calls.passphrase))
        model.send(.new("amber tidal forest lantern"))
        model.send(.confirmation("amber tidal forest lantern"))
        await model.submit()
        XCTAssertTrue(model.state.done)
        XCTAssertEqual(calls.passphrase, "amber tidal forest lantern")
        XCTAssertEqual(model.state.current, "")
    }

    func testAWrongCurrentPassphraseWaitsAsUnlockDoes() async {
        let calls = FakeSession()
        let model = PassphraseChangeModel(session: calls, calls: calls, language: { .english }, sleeper: { _ in try? await Task.sleep(for: .seconds(3600)) })
        model.send(.current("not it"))
        model.send(.new("amber tidal forest lantern"))
        model.send(.confirmation("amber tidal forest lantern"))
        await model.submit()
        XCTAssertTrue(model.state.wrong)
        XCTAssertEqual(model.state.waitSeconds, 5)
        XCTAssertFalse(model.state.canSubmit)
    }

    func testDifferentNewPassphrasesChangeNothing() async {
        let calls = FakeSession()
        let before = calls.passphrase
        let model = PassphraseChangeModel(session: calls, calls: calls, language: { .english }, sleeper: noWait)
        model.send(.current(calls.passphrase))
        model.send(.new("amber tidal forest lantern"))
        model.send(.confirmation("amber tidal forest lanterns"))
        await model.submit()
        XCTAssertTrue(model.state.mismatch)
        XCTAssertEqual(calls.passphrase, before)
    }

    func testWipeNeedsTheConfirmationThenReturnsToFirstLaunch() async {
        let calls = FakeSession()
        calls.lockedNow = false
        let biometrics = FakeBiometrics()
        biometrics.storedSlot = "slot-1"
        let settings = MemorySettings(biometricsOn: true)
        let app = app(calls, biometrics, settings)
        app.router.start(vaultExists: true)
        app.unlocked()
        let model = WipeModel(app: app, calls: calls)
        await model.wipe()
        XCTAssertEqual(calls.wipes, 0)
        model.send(.start)
        XCTAssertTrue(model.state.confirming)
        model.send(.keep)
        XCTAssertFalse(model.state.confirming)
        model.send(.start)
        await model.wipe()
        XCTAssertEqual(calls.wipes, 1)
        XCTAssertEqual(app.router.root, .firstLaunch)
        XCTAssertFalse(biometrics.enrolled())
        XCTAssertFalse(settings.biometricsOn)
    }

    func testAFailedWipeKeepsEverything() async {
        let calls = FakeSession()
        calls.wipeAnswer = .failure(.storageFull)
        let biometrics = FakeBiometrics()
        biometrics.storedSlot = "slot-1"
        let app = app(calls, biometrics)
        app.router.start(vaultExists: true)
        app.unlocked()
        let model = WipeModel(app: app, calls: calls)
        model.send(.start)
        await model.wipe()
        XCTAssertTrue(model.state.failed)
        XCTAssertTrue(biometrics.enrolled())
        XCTAssertEqual(app.router.root, .today)
    }
}
