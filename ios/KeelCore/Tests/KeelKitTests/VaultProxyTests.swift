import XCTest
import KeelCore
@testable import KeelKit

/// The proxy over the real core (the tests link the same library as the app).
final class VaultProxyTests: XCTestCase {
    private func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("keel-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        return folder
    }

    func testCreateLockUnlockAndAWrongPassphrase() async throws {
        let proxy = VaultProxy(directory: try temporaryFolder())
        let passphrase = "quiet harbor lantern orbit"
        let exists = await proxy.exists()
        XCTAssertFalse(exists)
        XCTAssertTrue(proxy.isLocked)

        let created = await proxy.create(passphrase: passphrase)
        XCTAssertNoThrow(try created.get())
        let existsNow = await proxy.exists()
        XCTAssertTrue(existsNow)
        XCTAssertFalse(proxy.isLocked)

        proxy.lock()
        XCTAssertTrue(proxy.isLocked)
        let wrong = await proxy.unlock(passphrase: "not the passphrase at all")
        XCTAssertEqual(wrong.failure, .wrongPassphrase)
        let right = await proxy.unlock(passphrase: passphrase)
        XCTAssertNoThrow(try right.get())
        XCTAssertFalse(proxy.isLocked)
    }

    func testSosAnswersWhileLockedWithTheDefaultLines() async throws {
        let proxy = VaultProxy(directory: try temporaryFolder())
        let plan = try await proxy.crisisPlan(language: .english).get()
        XCTAssertFalse(plan.saved)
        XCTAssertTrue(plan.contacts.isEmpty)
        XCTAssertFalse(plan.lapsePlan.crisisLines.isEmpty)
        let player = await proxy.breathingPlayer(language: .spanish)
        XCTAssertNoThrow(try player.get())
    }

    func testTheClockIsTheCoresNow() throws {
        let instant = Date(timeIntervalSince1970: 1_780_000_000.5)
        let zone = try XCTUnwrap(TimeZone(identifier: "America/Chicago"))
        let proxy = VaultProxy(directory: FileManager.default.temporaryDirectory, clock: { instant }, timeZone: { zone })
        XCTAssertEqual(proxy.now(), Now(utcMillis: 1_780_000_000_500, zone: "America/Chicago"))
        XCTAssertEqual(proxy.moment().offsetMinutes, Int32(zone.secondsFromGMT(for: instant) / 60))
    }

    func testDeviceSlotsOnlyWhileUnlocked() async throws {
        let proxy = VaultProxy(directory: try temporaryFolder())
        _ = await proxy.create(passphrase: "quiet harbor lantern orbit")
        let slot = try await proxy.addDeviceSlot().get()
        let slots = try await proxy.deviceSlots().get()
        XCTAssertEqual(slots, [slot.slotId])
        let secret = slot.secret.exposeBytes()
        XCTAssertEqual(secret.count, 32)
        proxy.lock()
        let locked = await proxy.addDeviceSlot()
        XCTAssertEqual(locked.failure, .locked)
        let unlocked = await proxy.unlock(deviceSecret: secret)
        XCTAssertNoThrow(try unlocked.get())
        let removed = await proxy.removeSlot(slot.slotId)
        XCTAssertNoThrow(try removed.get())
    }
}

private extension Result {
    var failure: Failure? {
        if case let .failure(error) = self { return error }
        return nil
    }
}
