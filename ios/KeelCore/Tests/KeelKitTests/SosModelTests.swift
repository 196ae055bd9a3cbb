import XCTest
import KeelCore
@testable import KeelKit

@MainActor
final class SosModelTests: XCTestCase {
    func testTheCrisisPlanShowsLockedOrNot() async {
        let calls = FakeSession()
        let model = SosModel(calls: calls, language: { .english })
        await model.load()
        XCTAssertEqual(model.state.crisis, FakeSession.defaultCrisis)
        XCTAssertFalse(model.state.failed)
    }

    func testAFailureIsSaidAndTheLinesStay() async {
        let calls = FakeSession()
        let model = SosModel(calls: calls, language: { .english })
        await model.load()
        calls.crisis = .failure(.internal)
        await model.load()
        XCTAssertTrue(model.state.failed)
        XCTAssertEqual(model.state.crisis, FakeSession.defaultCrisis)
    }

    func testBreathingNeedsItsPlayer() async {
        let model = SosModel(calls: FakeSession(), language: { .english })
        await model.load()
        model.send(.startBreathing)
        XCTAssertNil(model.state.breathing)
        XCTAssertFalse(model.ticking)
    }

    func testTheBuiltInBreathingIsOneMinuteOfBoxBreathing() {
        XCTAssertEqual(SosModel.breathingExercise, "breath.box")
        XCTAssertEqual(SosModel.breathingMinutes, 1)
    }
}
