import XCTest
import KeelCore
@testable import KeelKit

@MainActor
final class LocAndSettingsTests: XCTestCase {
    func testLanguageCodes() {
        XCTAssertEqual(Loc.code(of: .english), "en")
        XCTAssertEqual(Loc.code(of: .spanish), "es")
        XCTAssertEqual(Loc.language(code: "es-US"), .spanish)
        XCTAssertEqual(Loc.language(code: "en"), .english)
        XCTAssertEqual(Loc.language(code: "fr"), .english)
        XCTAssertEqual(Loc.systemLanguage(preferred: ["fr-FR", "es-MX"]), .spanish)
        XCTAssertEqual(Loc.systemLanguage(preferred: ["de"]), .english)
    }

    func testAKeyMissingFromTheBundleAnswersItself() {
        Loc.use(bundle: Bundle(for: LocAndSettingsTests.self))
        defer { Loc.use(bundle: .main) }
        XCTAssertEqual(Loc.text("screen_unlock_title"), "screen_unlock_title")
    }

    func testSettingsLiveInUserDefaultsAndHoldNothingElse() throws {
        let suite = "keel.tests.\(UUID().uuidString)"
        let defaults = try XCTUnwrap(UserDefaults(suiteName: suite))
        defer { defaults.removePersistentDomain(forName: suite) }
        let settings = DefaultsSettings(defaults: defaults)
        XCTAssertNil(settings.language)
        XCTAssertEqual(settings.lockAfterSeconds, 0)
        XCTAssertFalse(settings.biometricsOn)
        XCTAssertFalse(settings.discreet)

        settings.language = .spanish
        settings.lockAfterSeconds = 900
        settings.biometricsOn = true
        settings.discreet = true
        let again = DefaultsSettings(defaults: defaults)
        XCTAssertEqual(again.language, .spanish)
        XCTAssertEqual(again.lockAfterSeconds, 900)
        XCTAssertTrue(again.biometricsOn)
        XCTAssertTrue(again.discreet)
        settings.lockAfterSeconds = -5
        XCTAssertEqual(again.lockAfterSeconds, 0)

        let kept = Set((defaults.persistentDomain(forName: suite) ?? [:]).keys)
        XCTAssertEqual(kept, ["keel.language", "keel.lockAfterSeconds", "keel.biometricsOn", "keel.discreet"])
        XCTAssertEqual(defaults.string(forKey: "keel.language"), "es")
    }
}
