//! Every released schema version keeps opening and upgrading without loss.
//!
//! `fixtures/vault-v1/vault.db` is a vault written at schema version 1 and
//! frozen: it must never be regenerated once released. The generator below
//! only documents how it was made (run with `--ignored` and
//! `KEEL_WRITE_FIXTURES=1` to make a new one for a *new* version).
#![allow(clippy::unwrap_used)]

use std::path::Path;

use keel_core::notes::{self, Note};
use keel_core::{LocalInstant, Vault};
use rusqlite::Connection;

const PASSPHRASE: &str = "fixture passphrase v1";

/// The notes the v1 fixture holds, oldest first.
fn expected() -> Vec<Note> {
    let day = 86_400_000;
    (0..3)
        .map(|i| Note {
            written_at: LocalInstant {
                utc_millis: 1_735_732_800_000 + i * day, // 2025-01-01T12:00Z + i days
                offset_minutes: -300,
            },
            text: format!("fixture note {i}: Ñandú 🌊"),
        })
        .collect()
}

fn user_version(path: &Path) -> i64 {
    Connection::open(path)
        .unwrap()
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap()
}

#[test]
fn v1_fixture_opens_upgrades_and_keeps_every_record() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/vault-v1/vault.db");
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("vault");
    std::fs::create_dir(&dir).unwrap();
    std::fs::copy(&src, dir.join("vault.db")).unwrap();
    assert_eq!(user_version(&dir.join("vault.db")), 1);

    let mut vault = Vault::open(dir.to_str().unwrap()).unwrap();
    assert_eq!(user_version(&dir.join("vault.db")), 2, "upgraded on open");
    vault.unlock_with_passphrase(PASSPHRASE).unwrap();
    let listed = notes::list(&vault.store().unwrap()).unwrap();
    assert!(listed.damaged.is_empty());
    let mut got: Vec<Note> = listed.notes.into_iter().map(|s| s.note).collect();
    got.reverse();
    assert_eq!(got, expected());

    // The upgraded vault takes new writes and reopens.
    let now = LocalInstant {
        utc_millis: 1_800_000_000_000,
        offset_minutes: 0,
    };
    notes::add(&vault.store().unwrap(), now, "after upgrade", now).unwrap();
    drop(vault);
    let mut again = Vault::open(dir.to_str().unwrap()).unwrap();
    again.unlock_with_passphrase(PASSPHRASE).unwrap();
    assert_eq!(notes::list(&again.store().unwrap()).unwrap().notes.len(), 4);
}

#[test]
#[ignore = "writes a new frozen fixture; only for a new schema version"]
fn write_v1_fixture() {
    if std::env::var_os("KEEL_WRITE_FIXTURES").is_none() {
        return;
    }
    let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/vault-v1");
    assert!(!out.join("vault.db").exists(), "fixtures are frozen");
    let vault = Vault::create(out.to_str().unwrap(), PASSPHRASE).unwrap();
    let now = LocalInstant {
        utc_millis: 1_800_000_000_000,
        offset_minutes: 0,
    };
    for note in expected() {
        notes::add(&vault.store().unwrap(), note.written_at, &note.text, now).unwrap();
    }
    drop(vault);
    // Version 2 only added an index: dropping it gives the v1 file exactly.
    let conn = Connection::open(out.join("vault.db")).unwrap();
    conn.execute_batch("DROP INDEX items_by_tag; PRAGMA user_version = 1; PRAGMA wal_checkpoint(TRUNCATE); VACUUM;")
        .unwrap();
}
