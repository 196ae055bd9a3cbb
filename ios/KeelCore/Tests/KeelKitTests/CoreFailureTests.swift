import XCTest
import KeelCore
@testable import KeelKit

final class CoreFailureTests: XCTestCase {
    func testEveryCoreErrorMapsToWhatTheScreensActOn() {
        XCTAssertEqual(CoreFailure(KeelError.WrongCredential), .wrongPassphrase)
        XCTAssertEqual(CoreFailure(KeelError.Locked), .locked)
        XCTAssertEqual(CoreFailure(KeelError.InvalidInput(field: "at", reason: "in_future")), .invalidInput(field: "at", reason: "in_future"))
        XCTAssertEqual(CoreFailure(KeelError.Conflict(currentRevision: 4)), .conflict(currentRevision: 4))
        XCTAssertEqual(CoreFailure(KeelError.WeakPassphrase(reason: "too_short")), .weakPassphrase(reason: "too_short"))
        XCTAssertEqual(CoreFailure(KeelError.NotFound(what: "craving")), .notFound)
        XCTAssertEqual(CoreFailure(KeelError.AlreadyExists), .alreadyExists)
        XCTAssertEqual(CoreFailure(KeelError.Integrity(record: "x")), .internal)
        XCTAssertEqual(CoreFailure(KeelError.StorageFull), .storageFull)
        XCTAssertEqual(CoreFailure(KeelError.Storage(reason: "io")), .internal)
        XCTAssertEqual(CoreFailure(KeelError.Damaged(keptAs: "vault.damaged")), .damaged(keptAs: "vault.damaged"))
        XCTAssertEqual(CoreFailure(KeelError.DamagedBackup(reason: "truncated")), .damagedBackup)
        XCTAssertEqual(CoreFailure(KeelError.OutOfRange(parameter: "kdf")), .internal)
        XCTAssertEqual(CoreFailure(KeelError.NewerFormat(found: 9, supported: 3)), .newerFormat)
        XCTAssertEqual(CoreFailure(KeelError.Cancelled), .cancelled)
    }

    func testAnyOtherErrorIsInternal() {
        struct Other: Error {}
        XCTAssertEqual(CoreFailure(any: Other()), .internal)
        XCTAssertEqual(CoreFailure(any: CoreFailure.storageFull), .storageFull)
        XCTAssertEqual(CoreFailure(any: KeelError.Locked), .locked)
    }
}
