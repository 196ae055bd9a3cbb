//! Tamper evidence: a sealed blob moved to another record, collection or
//! vault, or any single flipped bit, is an integrity error naming that
//! record only. The others stay readable; no wrong plaintext, no panic.
#![allow(clippy::unwrap_used)]

mod common;

use std::path::Path;

use common::{PASSPHRASE, sealed_rows, set_body, vault_with_canaries};
use keel_core::notes;
use keel_core::{Error, RecordId, Vault};

fn reopen(path: &Path) -> Vault {
    let mut vault = Vault::open(path.to_str().unwrap()).unwrap();
    vault.unlock_with_passphrase(PASSPHRASE).unwrap();
    vault
}

/// Reads every written note: the ids in `broken` must fail with an integrity
/// error naming them, all others must give back exactly what was written.
fn check(path: &Path, written: &[(RecordId, String)], broken: &[RecordId]) {
    let vault = reopen(path);
    let store = vault.store().unwrap();
    for (id, text) in written {
        match notes::get(&store, *id) {
            Ok(saved) => {
                assert!(!broken.contains(id), "tampered record {id} opened");
                assert_eq!(&saved.note.text, text);
            }
            Err(Error::Integrity { record }) => {
                assert!(broken.contains(id), "intact record {id} refused");
                assert_eq!(record, id.to_string());
            }
            Err(other) => panic!("unexpected error {other:?}"),
        }
    }
    let list = notes::list(&store).unwrap();
    let mut damaged = list.damaged.clone();
    damaged.sort();
    let mut expected = broken.to_vec();
    expected.sort();
    assert_eq!(damaged, expected);
    assert_eq!(list.notes.len(), written.len() - broken.len());
}

fn id_of(row_id: &[u8], written: &[(RecordId, String)]) -> RecordId {
    let hex = hex::encode(row_id);
    written
        .iter()
        .find(|(id, _)| id.to_string() == hex)
        .map(|(id, _)| *id)
        .unwrap()
}

#[test]
fn swapping_two_records_blobs_breaks_exactly_those_two() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("vault");
    let (vault, written) = vault_with_canaries(&path, 12);
    drop(vault);
    let db = path.join("vault.db");
    let rows = sealed_rows(&db);
    set_body(&db, &rows[2].0, &rows[7].1);
    set_body(&db, &rows[7].0, &rows[2].1);
    check(
        &path,
        &written,
        &[id_of(&rows[2].0, &written), id_of(&rows[7].0, &written)],
    );
}

#[test]
fn a_blob_from_another_vault_with_the_same_passphrase_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (a, written_a) = vault_with_canaries(&dir.path().join("a"), 5);
    let (b, _) = vault_with_canaries(&dir.path().join("b"), 5);
    drop((a, b));
    let db_a = dir.path().join("a/vault.db");
    let rows_a = sealed_rows(&db_a);
    let rows_b = sealed_rows(&dir.path().join("b/vault.db"));
    set_body(&db_a, &rows_a[0].0, &rows_b[0].1);
    check(
        &dir.path().join("a"),
        &written_a,
        &[id_of(&rows_a[0].0, &written_a)],
    );
}

#[test]
fn a_blob_moved_into_another_collection_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("vault");
    let (vault, written) = vault_with_canaries(&path, 3);
    // A record of another collection: a sobriety clock.
    {
        let store = vault.store().unwrap();
        let since = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        keel_core::sobriety::add(&store, "Alcohol", since, common::NOW).unwrap();
    }
    drop(vault);
    let db = path.join("vault.db");
    let conn = rusqlite::Connection::open(&db).unwrap();
    let note_tag: Vec<u8> = conn
        .query_row(
            "SELECT tag FROM items WHERE id = ?1",
            [hex::decode(written[0].0.to_string()).unwrap()],
            |r| r.get(0),
        )
        .unwrap();
    let (other_id, other_body): (Vec<u8>, Vec<u8>) = conn
        .query_row(
            "SELECT id, body FROM items WHERE tag != ?1 LIMIT 1",
            [&note_tag],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    drop(conn);
    let note_row = hex::decode(written[1].0.to_string()).unwrap();
    set_body(&db, &note_row, &other_body);
    // And the note's blob under the clock's id, with the note's tag.
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute(
        "UPDATE items SET tag = ?1 WHERE id = ?2",
        rusqlite::params![note_tag, other_id],
    )
    .unwrap();
    drop(conn);
    let other = RecordId::parse("id", &hex::encode(&other_id)).unwrap();
    let vault = reopen(&path);
    let store = vault.store().unwrap();
    assert!(matches!(
        notes::get(&store, other),
        Err(Error::Integrity { .. })
    ));
    assert!(matches!(
        notes::get(&store, written[1].0),
        Err(Error::Integrity { .. })
    ));
    for (id, text) in [&written[0], &written[2]] {
        assert_eq!(&notes::get(&store, *id).unwrap().note.text, text);
    }
    let mut damaged = notes::list(&store).unwrap().damaged;
    damaged.sort();
    let mut expected = vec![written[1].0, other];
    expected.sort();
    assert_eq!(damaged, expected);
}

#[test]
fn every_sampled_bit_flip_is_an_integrity_error_for_that_record_only() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("vault");
    let (vault, written) = vault_with_canaries(&path, 4);
    let db = path.join("vault.db");
    let rows = sealed_rows(&db);
    let (row_id, body) = rows[1].clone();
    let target = id_of(&row_id, &written);
    let bits = body.len() * 8;
    // Every bit of the first and last 16 bytes (nonce, header, tag) and
    // every 7th bit in between.
    let positions: Vec<usize> = (0..bits)
        .filter(|b| *b < 128 || *b >= bits - 128 || b % 7 == 0)
        .collect();
    assert!(positions.len() > 300);
    // The open vault reads each change made by another connection.
    let store = vault.store().unwrap();
    for bit in positions {
        let mut flipped = body.clone();
        flipped[bit / 8] ^= 1 << (bit % 8);
        set_body(&db, &row_id, &flipped);
        assert!(
            matches!(notes::get(&store, target), Err(Error::Integrity { .. })),
            "bit {bit} went unnoticed"
        );
        for (id, text) in written.iter().filter(|(id, _)| *id != target) {
            assert_eq!(&notes::get(&store, *id).unwrap().note.text, text);
        }
    }
    drop(vault);
    set_body(&db, &row_id, &body);
    check(&path, &written, &[]);
}
