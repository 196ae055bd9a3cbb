import XCTest
@testable import KeelKit

final class PhoneLinksTests: XCTestCase {
    func testCallAndTextLinksKeepOnlyWhatDials() {
        XCTAssertEqual(PhoneLinks.call("988")?.absoluteString, "tel:988")
        XCTAssertEqual(PhoneLinks.text("988")?.absoluteString, "sms:988")
        XCTAssertEqual(PhoneLinks.call("1-800-662-4357")?.absoluteString, "tel:18006624357")
        XCTAssertEqual(PhoneLinks.call(" +1 (555) 010 0199 ")?.absoluteString, "tel:+15550100199")
    }

    func testNothingToDialMakesNoLink() {
        XCTAssertNil(PhoneLinks.call(""))
        XCTAssertNil(PhoneLinks.call("+"))
        XCTAssertNil(PhoneLinks.text("ask at the front desk"))
        XCTAssertEqual(PhoneLinks.dialable("5+5"), "55")
    }
}
