import Foundation
import KeelCore

/// A file the participant can save or share: the core's neutral name and
/// where it lies in the outbox.
public struct OutboxFile: Equatable, Sendable {
    /// The core's name (`report-<hex>.html`, `backup-<hex>.bin`, ...): no name, no date.
    public let name: String
    public let url: URL

    public init(name: String, url: URL) {
        self.name = name
        self.url = url
    }
}

/// Where a screen puts the one file it hands to the share sheet or the save
/// picker: a folder of its own in the app's caches (never backed up),
/// written with complete file protection, holding at most one file, and
/// emptied when the screen is left or the app locks (and at the screen's
/// next start, should the app have been stopped meanwhile).
public struct Outbox: Sendable {
    public let folder: URL

    public init(folder: URL) {
        self.folder = folder
    }

    /// The outbox named `name` in the app's caches (`Caches/Outbox/<name>`).
    public static func inCaches(_ name: String) -> Outbox {
        let caches = FileManager.default.urls(for: .cachesDirectory, in: .userDomainMask).first
            ?? FileManager.default.temporaryDirectory
        return Outbox(folder: caches.appendingPathComponent("Outbox", isDirectory: true).appendingPathComponent(name, isDirectory: true))
    }

    /// Writes `data` under the core's file name, replacing whatever the
    /// outbox held; the name is taken as a plain file name, never a path.
    public func put(_ data: Data, named name: String) throws -> OutboxFile {
        guard !name.isEmpty, !name.contains("/"), name != ".", name != ".." else {
            throw OutboxError.notAFileName
        }
        let plain = name
        empty()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var excluded = folder
        var values = URLResourceValues()
        values.isExcludedFromBackup = true
        try? excluded.setResourceValues(values)
        let url = folder.appendingPathComponent(plain, isDirectory: false)
        try data.write(to: url, options: [.atomic, .completeFileProtection])
        return OutboxFile(name: plain, url: url)
    }

    /// Removes every file of this outbox.
    public func empty() {
        let manager = FileManager.default
        guard let files = try? manager.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil) else { return }
        for file in files {
            try? manager.removeItem(at: file)
        }
    }

    /// A file that could not be written, as the screens say it.
    public static func failure(_ error: any Error) -> CoreFailure {
        let cocoa = error as NSError
        return cocoa.domain == NSCocoaErrorDomain && cocoa.code == NSFileWriteOutOfSpaceError ? .storageFull : .internal
    }

    /// The outbox's files (tests).
    public func files() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }
}

/// A name that is not a plain file name (never from the core).
public enum OutboxError: Error, Equatable {
    case notAFileName
}

/// The core's steps on a long call (`done` of `total`), for screens that
/// say "step 3 of 7". Called on the core's queue; `onStep` hops to the model.
public final class StepProgress: KeelCore.Progress, @unchecked Sendable {
    private let onStep: @Sendable (UInt64, UInt64) -> Void

    public init(_ onStep: @escaping @Sendable (UInt64, UInt64) -> Void) {
        self.onStep = onStep
    }

    public func onProgress(done: UInt64, total: UInt64) {
        onStep(done, total)
    }
}

/// What became of a file the participant asked to save.
public enum HandOff: Equatable, Sendable {
    case saved
    case notSaved
}
