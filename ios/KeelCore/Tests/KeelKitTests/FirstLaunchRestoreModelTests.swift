import XCTest
import KeelCore
@testable import KeelKit

/// A backup file that opens with one passphrase.
final class FakeRestore: RestoreCalls, @unchecked Sendable {
    var backupPassphrase = "tide lantern orbit maple"
    var failure: CoreFailure?
    private(set) var inspected = 0
    private(set) var restoredWith: [String] = []

    static let contents = BackupContents(
        createdAt: Moment(utcMillis: 1_780_000_000_000, offsetMinutes: -300),
        records: 42,
        vaultRecords: 0,
        collections: [
            BackupCollectionCount(collection: "log.craving", inBackup: 40, inVault: 0),
            BackupCollectionCount(collection: "plan.revision", inBackup: 2, inVault: 0),
        ]
    )

    func inspectBackup(_ backup: Data, passphrase: String, progress: (any KeelCore.Progress)?, cancel: CancelToken?) async -> Result<BackupContents, CoreFailure> {
        inspected += 1
        progress?.onProgress(done: 1, total: 2)
        if let failure { return .failure(failure) }
        return passphrase == backupPassphrase ? .success(Self.contents) : .failure(.wrongPassphrase)
    }

    func restoreNew(_ backup: Data, backupPassphrase: String, passphrase: String, progress: (any KeelCore.Progress)?, cancel: CancelToken?) async -> Result<RestoreSummary, CoreFailure> {
        restoredWith.append(passphrase)
        if let failure { return .failure(failure) }
        return .success(RestoreSummary(restored: 42, alreadyPresent: 0))
    }
}

@MainActor
final class FirstLaunchRestoreModelTests: XCTestCase {
    private func makeModel(_ restore: FakeRestore, onRestored: @escaping () -> Void = {}) -> FirstLaunchRestoreModel {
        FirstLaunchRestoreModel(calls: restore, session: FakeSession(), language: { .english }, sleeper: noWait, onRestored: onRestored)
    }

    func testAnEmptyOrUnreadableFileIsSaid() {
        let model = makeModel(FakeRestore())
        model.send(.file(nil))
        XCTAssertEqual(model.state.problem, .noFile)
        model.send(.file(Data()))
        XCTAssertFalse(model.state.hasFile)
    }

    func testTheBackupShowsWhatItHoldsBeforeAnythingIsRestored() async {
        let restore = FakeRestore()
        let model = makeModel(restore)
        model.send(.file(Data([1, 2, 3])))
        model.send(.backupPassphrase("wrong words"))
        await model.inspect()
        XCTAssertEqual(model.state.problem, .wrongBackupPassphrase)
        XCTAssertNil(model.state.contents)
        XCTAssertNil(model.state.progress)
        model.send(.backupPassphrase(restore.backupPassphrase))
        await model.inspect()
        XCTAssertEqual(model.state.contents, FakeRestore.contents)
        XCTAssertNil(model.state.problem)
        XCTAssertEqual(restore.restoredWith, [])
    }

    func testRestoringOpensKeel() async {
        let restore = FakeRestore()
        var restored = 0
        let model = makeModel(restore) { restored += 1 }
        model.send(.file(Data([1, 2, 3])))
        model.send(.backupPassphrase(restore.backupPassphrase))
        await model.inspect()
        model.send(.passphrase("amber tidal forest lantern"))
        model.send(.confirmation("amber tidal forest lantern"))
        await model.restore()
        XCTAssertEqual(restored, 1)
        XCTAssertEqual(restore.restoredWith, ["amber tidal forest lantern"])
        XCTAssertFalse(model.state.hasFile)
    }

    func testDifferentNewPassphrasesRestoreNothing() async {
        let restore = FakeRestore()
        let model = makeModel(restore)
        model.send(.file(Data([1])))
        model.send(.backupPassphrase(restore.backupPassphrase))
        await model.inspect()
        model.send(.passphrase("amber tidal forest lantern"))
        model.send(.confirmation("amber tidal forest"))
        await model.restore()
        XCTAssertEqual(model.state.problem, .mismatch)
        XCTAssertEqual(restore.restoredWith, [])
    }

    func testACancelledOrFailedRestoreSaysSoAndKeepsTheFile() async {
        let restore = FakeRestore()
        let model = makeModel(restore)
        model.send(.file(Data([1])))
        model.send(.backupPassphrase(restore.backupPassphrase))
        await model.inspect()
        restore.failure = .cancelled
        model.send(.passphrase("amber tidal forest lantern"))
        model.send(.confirmation("amber tidal forest lantern"))
        await model.restore()
        XCTAssertEqual(model.state.problem, .cancelled)
        XCTAssertTrue(model.state.hasFile)
        XCTAssertNil(model.state.progress)
    }

    func testBackupProblemsFromTheCore() {
        XCTAssertEqual(BackupProblem(.wrongPassphrase), .wrongBackupPassphrase)
        XCTAssertEqual(BackupProblem(.damagedBackup), .damaged)
        XCTAssertEqual(BackupProblem(.newerFormat), .newer)
        XCTAssertEqual(BackupProblem(.invalidInput(field: "passphrase", reason: "too_short")), .tooShort)
        XCTAssertEqual(BackupProblem(.invalidInput(field: "backup", reason: "too_large")), .tooLarge)
        XCTAssertEqual(BackupProblem(.invalidInput(field: "other", reason: "")), .failed)
        XCTAssertEqual(BackupProblem(.weakPassphrase(reason: "common_word")), .weak)
        XCTAssertEqual(BackupProblem(.storageFull), .storageFull)
        XCTAssertEqual(BackupProblem(.internal), .failed)
    }

    func testFractionProgressStaysWithinZeroAndOne() {
        final class Seen: @unchecked Sendable {
            private let lock = NSLock()
            private var fractions: [Double] = []
            func add(_ fraction: Double) {
                lock.lock()
                fractions.append(fraction)
                lock.unlock()
            }
            var all: [Double] {
                lock.lock()
                defer { lock.unlock() }
                return fractions
            }
        }
        let seen = Seen()
        let progress = FractionProgress { seen.add($0) }
        progress.onProgress(done: 1, total: 4)
        progress.onProgress(done: 9, total: 4)
        progress.onProgress(done: 1, total: 0)
        XCTAssertEqual(seen.all, [0.25, 1])
    }
}
