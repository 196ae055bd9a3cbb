import Foundation
import XCTest
import KeelCore
@testable import KeelKit

/// This vault's backup calls: a backup that opens with one passphrase.
final class FakeBackupCalls: BackupCalls, @unchecked Sendable {
    var filePassphrase = "tide lantern orbit maple"
    var backupFailure: CoreFailure?
    var restoreFailure: CoreFailure?
    private(set) var backedUpWith: [String] = []
    private(set) var restores = 0

    static let contents = BackupContents(
        createdAt: TodayFixtures.at,
        records: 42,
        vaultRecords: 10,
        collections: [
            BackupCollectionCount(collection: "log.craving", inBackup: 40, inVault: 8),
            BackupCollectionCount(collection: "plan.revision", inBackup: 2, inVault: 2),
        ]
    )

    func backup(passphrase: String, progress: (any KeelCore.Progress)?, cancel: CancelToken?) async -> Result<BackupFile, CoreFailure> {
        backedUpWith.append(passphrase)
        progress?.onProgress(done: 1, total: 2)
        if let backupFailure { return .failure(backupFailure) }
        return .success(BackupFile(
            fileName: "backup-0123456789abcdef.bin",
            bytes: Data([9, 9]),
            summary: BackupSummary(records: 10, damagedLeftOut: 0, bytes: 2)
        ))
    }

    func inspectAgainstVault(_ backup: Data, passphrase: String, progress: (any KeelCore.Progress)?, cancel: CancelToken?) async -> Result<BackupContents, CoreFailure> {
        passphrase == filePassphrase ? .success(Self.contents) : .failure(.wrongPassphrase)
    }

    func restoreIntoVault(_ backup: Data, passphrase: String, progress: (any KeelCore.Progress)?, cancel: CancelToken?) async -> Result<RestoreSummary, CoreFailure> {
        restores += 1
        if let restoreFailure { return .failure(restoreFailure) }
        return .success(RestoreSummary(restored: 32, alreadyPresent: 10))
    }
}

@MainActor
final class BackupModelTests: XCTestCase {
    private func makeModel(_ calls: FakeBackupCalls, _ session: FakeSession = FakeSession(), outbox: Outbox = scratchOutbox()) -> BackupModel {
        BackupModel(calls: calls, session: session, language: { .english }, outbox: outbox, sleeper: noWait)
    }

    func testAnOwnPassphraseGetsTheCoresEstimate() async {
        let session = FakeSession()
        let model = makeModel(FakeBackupCalls(), session)
        model.send(.backupPassphrase("amber tidal forest lantern"))
        await model.settle()
        XCTAssertEqual(session.estimated, ["amber tidal forest lantern"])
        XCTAssertEqual(model.state.estimate?.acceptable, true)
    }

    func testASuggestedPassphraseIsShownAndTyped() async {
        let session = FakeSession()
        let model = makeModel(FakeBackupCalls(), session)
        await model.suggest()
        XCTAssertEqual(model.state.suggested, session.suggestion)
        XCTAssertEqual(model.state.backupPassphrase, session.suggestion)
        model.send(.backupPassphrase("something else"))
        XCTAssertNil(model.state.suggested)
    }

    func testTheBackupWaitsInTheOutboxOnlyUntilThePickerCloses() async {
        let calls = FakeBackupCalls()
        let outbox = scratchOutbox()
        let model = makeModel(calls, outbox: outbox)
        model.send(.backupPassphrase("amber tidal forest lantern"))
        await model.backUp()
        XCTAssertEqual(calls.backedUpWith, ["amber tidal forest lantern"])
        XCTAssertEqual(model.state.saving?.name, "backup-0123456789abcdef.bin")
        XCTAssertEqual(outbox.files(), ["backup-0123456789abcdef.bin"])
        XCTAssertTrue(model.state.busy)
        model.send(.saved(true))
        XCTAssertEqual(model.state.saved?.records, 10)
        XCTAssertFalse(model.state.notSaved)
        XCTAssertEqual(outbox.files(), [])
        XCTAssertFalse(model.state.busy)
    }

    func testAPickerClosedWithoutAPlaceSaysNotSaved() async {
        let outbox = scratchOutbox()
        let model = makeModel(FakeBackupCalls(), outbox: outbox)
        model.send(.backupPassphrase("amber tidal forest lantern"))
        await model.backUp()
        model.send(.saved(false))
        model.send(.saved(true))
        XCTAssertTrue(model.state.notSaved)
        XCTAssertNil(model.state.saved)
        XCTAssertEqual(outbox.files(), [])
    }

    func testATooShortBackupPassphraseSaysTheBackupsRule() async {
        let calls = FakeBackupCalls()
        calls.backupFailure = .invalidInput(field: "passphrase", reason: "too_short")
        let model = makeModel(calls)
        model.send(.backupPassphrase("short"))
        await model.backUp()
        XCTAssertEqual(model.state.problem(of: .backup), .backupTooShort)
        XCTAssertNil(model.state.problem(of: .restore))
        XCTAssertNil(model.state.saving)
    }

    func testRestoreShowsTheInspectionAndWritesOnlyAfterConfirmation() async {
        let calls = FakeBackupCalls()
        let model = makeModel(calls)
        model.send(.file(Data([1, 2, 3])))
        model.send(.restorePassphrase("wrong words"))
        await model.inspect()
        XCTAssertEqual(model.state.problem(of: .restore), .wrongBackupPassphrase)
        model.send(.restorePassphrase(calls.filePassphrase))
        await model.inspect()
        XCTAssertEqual(model.state.contents, FakeBackupCalls.contents)
        await model.restore()
        XCTAssertEqual(calls.restores, 0, "nothing is written before the confirmation")
        model.send(.restore)
        XCTAssertTrue(model.state.confirming)
        model.send(.keepAsIs)
        await model.restore()
        XCTAssertEqual(calls.restores, 0)
        model.send(.restore)
        await model.restore()
        XCTAssertEqual(calls.restores, 1)
        XCTAssertEqual(model.state.restored, RestoreSummary(restored: 32, alreadyPresent: 10))
        XCTAssertFalse(model.state.hasFile)
        XCTAssertEqual(model.state.restorePassphrase, "")
    }

    func testAStoppedRestoreSaysSoAndKeepsTheFile() async {
        let calls = FakeBackupCalls()
        calls.restoreFailure = .cancelled
        let model = makeModel(calls)
        model.send(.file(Data([1])))
        model.send(.restorePassphrase(calls.filePassphrase))
        await model.inspect()
        model.send(.restore)
        await model.restore()
        XCTAssertEqual(model.state.problem(of: .restore), .cancelled)
        XCTAssertTrue(model.state.hasFile)
        XCTAssertNil(model.state.progress)
    }

    func testAnEmptyFileIsSaid() {
        let model = makeModel(FakeBackupCalls())
        model.send(.file(Data()))
        XCTAssertEqual(model.state.problem(of: .restore), .noFile)
        XCTAssertFalse(model.state.hasFile)
    }

    func testOpeningAgainForgetsEverything() async {
        let outbox = scratchOutbox()
        let model = makeModel(FakeBackupCalls(), outbox: outbox)
        model.send(.backupPassphrase("amber tidal forest lantern"))
        await model.backUp()
        model.send(.file(Data([1])))
        model.open()
        XCTAssertEqual(model.state.backupPassphrase, "")
        XCTAssertNil(model.state.saving)
        XCTAssertFalse(model.state.hasFile)
        XCTAssertEqual(outbox.files(), [])
    }
}
