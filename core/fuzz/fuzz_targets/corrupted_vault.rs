//! Any bytes as a vault file: opening, unlocking with the device slot and
//! reading every screen give typed errors, never a panic, and the file is
//! never deleted. An input is a 32-byte device secret then the file.
#![no_main]

use keel_core::{LocalInstant, Vault, meetings, notes, today};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if data.len() < 32 {
        return;
    }
    let (secret, file) = data.split_at(32);
    let Ok(dir) = tempfile::tempdir() else { return };
    let db = dir.path().join("vault.db");
    if std::fs::write(&db, file).is_err() {
        return;
    }
    let Some(path) = dir.path().to_str() else {
        return;
    };
    if let Ok(mut vault) = Vault::open(path) {
        if vault.unlock_with_device_secret(secret).is_ok() {
            if let Ok(store) = vault.store() {
                let now = LocalInstant {
                    utc_millis: 1_795_000_000_000,
                    offset_minutes: -300,
                };
                let _ = notes::list(&store);
                let _ = today::today(&store, now);
                let _ = meetings::screen::meetings_screen(&store, now);
            }
        }
    }
    assert!(db.exists(), "a damaged vault file was deleted");
});
