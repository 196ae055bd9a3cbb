//! What the storage-fault tests share: a fixed clock, two passphrases,
//! copying a vault folder, and SQLite's own integrity check.
#![allow(clippy::unwrap_used, dead_code)]

use std::path::Path;

use keel_core::LocalInstant;

pub const NOW: LocalInstant = LocalInstant {
    utc_millis: 1_790_000_000_000,
    offset_minutes: -300,
};
pub const OLD: &str = "the first long passphrase";
pub const NEW: &str = "the second long passphrase";

/// Copies every file of the vault folder `from` into `to` (made if missing).
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
    }
}

/// SQLite's `integrity_check` of the vault in `dir`: "ok" or the problems.
pub fn integrity(dir: &Path) -> String {
    rusqlite::Connection::open(dir.join(keel_core::vault::DB_FILE))
        .unwrap()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap()
}
