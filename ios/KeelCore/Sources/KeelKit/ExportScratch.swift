import Foundation

/// Where a file made for the system's exporter waits, briefly: a folder of
/// its own in the app's caches (never backed up, never synced), written with
/// complete file protection, under the neutral name the core chose, and
/// removed as soon as the exporter is done with it. Anything left behind
/// (the app closed while the exporter was open) is removed the next time.
public struct ExportScratch: Sendable {
    public let directory: URL

    public init(directory: URL) {
        self.directory = directory
    }

    /// `Caches/<folder>` of the app.
    public static func caches(folder: String) -> ExportScratch {
        let caches = FileManager.default.urls(for: .cachesDirectory, in: .userDomainMask).first
            ?? FileManager.default.temporaryDirectory
        return ExportScratch(directory: caches.appendingPathComponent(folder, isDirectory: true))
    }

    /// Writes `content` under `name` (only its last path part, so a name can
    /// never point outside the folder); the file's URL for the exporter.
    public func write(_ content: Data, name: String) throws -> URL {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let safe = URL(fileURLWithPath: name).lastPathComponent
        let file = directory.appendingPathComponent(safe.isEmpty ? "export" : safe, isDirectory: false)
        try content.write(to: file, options: [.atomic, .completeFileProtection])
        return file
    }

    /// Removes everything waiting here.
    public func clear() {
        try? FileManager.default.removeItem(at: directory)
    }
}
