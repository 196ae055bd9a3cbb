import Foundation

/// Where the vault lives: `Application Support/Vault`, under the strongest
/// data protection (`FileProtectionType.complete`: unreadable while the phone
/// is locked, which is also when Keel locks) and excluded from iCloud and
/// computer backups (the vault leaves the phone only as a backup file the
/// participant makes). Holds the vault's files only; their names say nothing.
enum VaultFolder {
    /// The folder's place, whether or not it could be prepared yet.
    static var location: URL {
        URL.applicationSupportDirectory.appendingPathComponent("Vault", isDirectory: true)
    }

    static func prepare(fileManager: FileManager = .default) throws -> URL {
        _ = try fileManager.url(for: .applicationSupportDirectory, in: .userDomainMask, appropriateFor: nil, create: true)
        var folder = location
        if !fileManager.fileExists(atPath: folder.path) {
            try fileManager.createDirectory(
                at: folder,
                withIntermediateDirectories: true,
                attributes: [.protectionKey: FileProtectionType.complete]
            )
        }
        try protect(folder, fileManager: fileManager)
        var values = URLResourceValues()
        values.isExcludedFromBackup = true
        try folder.setResourceValues(values)
        return folder
    }

    /// Complete protection on the folder (new files inherit it) and on every
    /// file already in it (a vault made by an earlier version, a restore).
    private static func protect(_ folder: URL, fileManager: FileManager) throws {
        try fileManager.setAttributes([.protectionKey: FileProtectionType.complete], ofItemAtPath: folder.path)
        let contents = (try? fileManager.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? []
        for file in contents {
            try? fileManager.setAttributes([.protectionKey: FileProtectionType.complete], ofItemAtPath: file.path)
        }
    }
}
