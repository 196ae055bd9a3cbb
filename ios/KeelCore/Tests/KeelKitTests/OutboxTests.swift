import Foundation
import XCTest
import KeelCore
@testable import KeelKit

/// A fresh outbox in the test's temporary folder.
func scratchOutbox() -> Outbox {
    Outbox(folder: FileManager.default.temporaryDirectory.appendingPathComponent("outbox-\(UUID().uuidString)", isDirectory: true))
}

final class OutboxTests: XCTestCase {
    func testItHoldsOneFileUnderTheCoresName() throws {
        let outbox = scratchOutbox()
        let first = try outbox.put(Data([1, 2]), named: "report-0123456789abcdef.html")
        XCTAssertEqual(first.name, "report-0123456789abcdef.html")
        XCTAssertEqual(try Data(contentsOf: first.url), Data([1, 2]))
        _ = try outbox.put(Data([3]), named: "backup-0123456789abcdef.bin")
        XCTAssertEqual(outbox.files(), ["backup-0123456789abcdef.bin"])
        outbox.empty()
        XCTAssertEqual(outbox.files(), [])
    }

    func testANameThatIsAPathIsRefused() {
        let outbox = scratchOutbox()
        XCTAssertThrowsError(try outbox.put(Data([1]), named: "../escape.html"))
        XCTAssertThrowsError(try outbox.put(Data([1]), named: ""))
        XCTAssertEqual(outbox.files(), [])
    }

    func testEmptyingAnOutboxNeverMadeIsHarmless() {
        scratchOutbox().empty()
    }
}
