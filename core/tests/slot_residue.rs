//! After any slot change no byte of a replaced or removed wrapped data key
//! (nor of its salt) is left in any file of the vault's folder: someone who
//! copies the folder after a passphrase change must not find the old slot,
//! which the old passphrase would open.
#![allow(clippy::unwrap_used)]

mod common;

use std::fs;
use std::path::Path;

use common::{PASSPHRASE, files, vault_with_canaries};
use keel_core::{Vault, rekey};

const SECOND: &str = "a second good passphrase";
const THIRD: &str = "a third good passphrase";

/// One slot as stored: its wrapped data key and its salt.
#[derive(Debug, Clone)]
struct Slot {
    kind: i64,
    wrapped: Vec<u8>,
    salt: Vec<u8>,
}

/// The slots as stored, read through a connection of their own that is
/// closed again at once (an open reader would hold the write-ahead log).
fn slots(dir: &Path) -> Vec<Slot> {
    let conn = rusqlite::Connection::open(dir.join("vault.db")).unwrap();
    let mut stmt = conn
        .prepare("SELECT kind, params, wrapped FROM slots ORDER BY kind, id")
        .unwrap();
    stmt.query_map([], |r| {
        let kind: i64 = r.get(0)?;
        let params: Vec<u8> = r.get(1)?;
        // Passphrase: version, iterations (u32), salt; device: version, salt.
        let salt = if kind == 1 {
            params[5..].to_vec()
        } else {
            params[1..].to_vec()
        };
        Ok(Slot {
            kind,
            wrapped: r.get(2)?,
            salt,
        })
    })
    .unwrap()
    .map(|r| r.unwrap())
    .collect()
}

fn only(dir: &Path, kind: i64) -> Slot {
    let mut found: Vec<Slot> = slots(dir).into_iter().filter(|s| s.kind == kind).collect();
    assert_eq!(found.len(), 1);
    found.remove(0)
}

/// Every 8-byte piece of the slot's wrapped key and salt (random bytes: a
/// piece of 8 appears in a file by chance with odds near 2^-64 per offset).
fn pieces(slot: &Slot) -> Vec<Vec<u8>> {
    slot.wrapped
        .chunks(8)
        .chain(slot.salt.chunks(8))
        .filter(|c| c.len() == 8)
        .map(<[u8]>::to_vec)
        .collect()
}

/// The files of `dir` holding any piece of `slot`, with what they hold.
fn residue(dir: &Path, slot: &Slot) -> Vec<String> {
    let wanted = pieces(slot);
    let mut out = Vec::new();
    for path in files(dir) {
        let bytes = fs::read(&path).unwrap();
        let hits = wanted
            .iter()
            .filter(|p| bytes.windows(8).any(|w| w == p.as_slice()))
            .count();
        if hits > 0 {
            out.push(format!(
                "{}: {hits} of {} pieces",
                path.file_name().unwrap().to_string_lossy(),
                wanted.len()
            ));
        }
    }
    out
}

fn assert_gone(dir: &Path, what: &str, old: &[&Slot]) {
    for slot in old {
        assert_eq!(residue(dir, slot), Vec::<String>::new(), "{what}");
    }
}

#[test]
fn no_old_wrapped_key_or_salt_remains_after_any_slot_change() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("vault");
    let (mut vault, _) = vault_with_canaries(&dir, 300);
    let first = only(&dir, 1);
    // The scan finds a slot that is still there: it can fail.
    assert!(!residue(&dir, &first).is_empty());

    vault.change_passphrase(PASSPHRASE, SECOND).unwrap();
    assert_gone(&dir, "after a passphrase change", &[&first]);
    let second = only(&dir, 1);
    assert!(!residue(&dir, &second).is_empty());

    let device = vault.add_device_slot().unwrap();
    let dev = only(&dir, 2);
    assert_gone(&dir, "after adding a device slot", &[&first]);

    vault.remove_slot(&device.slot_id).unwrap();
    assert_gone(&dir, "after removing the device slot", &[&first, &dev]);

    // Locked, from a ticket prepared without the vault (as the FFI does).
    vault.add_device_slot().unwrap();
    let dev2 = only(&dir, 2);
    vault.lock();
    let change = vault
        .unlock_ticket()
        .unwrap()
        .change_passphrase(SECOND, THIRD)
        .unwrap();
    assert!(vault.finish_passphrase_change(change).unwrap());
    assert_gone(
        &dir,
        "after a change while locked",
        &[&first, &dev, &second],
    );
    let third = only(&dir, 1);

    vault.unlock_with_passphrase(THIRD).unwrap();
    let summary = rekey::rekey(&mut vault, THIRD).unwrap();
    assert_eq!(summary.device_slots_removed, 1);
    assert_gone(
        &dir,
        "after a re-key",
        &[&first, &dev, &second, &dev2, &third],
    );

    // And once the vault is closed.
    drop(vault);
    assert_gone(&dir, "closed", &[&first, &dev, &second, &dev2, &third]);
    let mut vault = Vault::open(dir.to_str().unwrap()).unwrap();
    vault.unlock_with_passphrase(THIRD).unwrap();
}
