//! A damaged vault file is never deleted: opening it keeps a byte-for-byte
//! copy aside, names it in the error, and leaves the file where it was.
#![allow(clippy::unwrap_used)]

mod common;

use std::fs;

use common::{PASSPHRASE, vault_with_canaries};
use keel_core::{Error, Vault};

fn damaged_open(dir: &std::path::Path) -> String {
    match Vault::open(dir.to_str().unwrap()) {
        Err(Error::Damaged { kept_as }) => kept_as,
        other => panic!("expected Damaged, got {other:?}"),
    }
}

#[test]
fn a_garbled_or_truncated_vault_is_kept_aside_and_reported() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("v");
    drop(vault_with_canaries(&dir, 50));
    let db = dir.join(keel_core::vault::DB_FILE);
    let good = fs::read(&db).unwrap();

    for damage in ["header", "truncated"] {
        let mut bytes = good.clone();
        match damage {
            "header" => bytes[..16].copy_from_slice(b"not a vault file"),
            _ => bytes.truncate(bytes.len() / 3),
        }
        fs::write(&db, &bytes).unwrap();
        let kept = damaged_open(&dir);
        assert!(
            kept.starts_with("damaged-") && kept.ends_with(".db"),
            "{kept}"
        );
        assert_eq!(
            fs::read(dir.join(&kept)).unwrap(),
            bytes,
            "{damage}: byte for byte"
        );
        assert_eq!(fs::read(&db).unwrap(), bytes, "{damage}: the file stays");
        // Opening again reports the same copy and makes no other.
        let files = fs::read_dir(&dir).unwrap().count();
        assert_eq!(damaged_open(&dir), kept);
        assert_eq!(fs::read_dir(&dir).unwrap().count(), files);
    }

    // Put the good file back: it opens, and the kept copies are still there.
    fs::write(&db, &good).unwrap();
    let mut vault = Vault::open(dir.to_str().unwrap()).unwrap();
    vault.unlock_with_passphrase(PASSPHRASE).unwrap();
    let kept = fs::read_dir(&dir)
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .starts_with("damaged-")
        })
        .count();
    assert_eq!(kept, 2);
}
