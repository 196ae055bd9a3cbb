//! Salvage: what can still be read of a damaged vault is rebuilt into a
//! working one; the damaged file stays kept aside byte for byte; wrong
//! credentials and unreadable files change nothing.
#![allow(clippy::unwrap_used)]

mod common;

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use common::{NOW, PASSPHRASE, hashes, sealed_rows, vault_with_canaries};
use keel_core::logs::{self, Context, Craving, CravingOutcome};
use keel_core::salvage::{SalvageReport, salvage};
use keel_core::vault::DB_FILE;
use keel_core::{Error, Vault, notes};

const PAGE: usize = 16_384;

fn texts(dir: &Path) -> BTreeSet<String> {
    let mut v = Vault::open(dir.to_str().unwrap()).unwrap();
    v.unlock_with_passphrase(PASSPHRASE).unwrap();
    let listed = notes::list(&v.store().unwrap()).unwrap();
    assert!(listed.damaged.is_empty());
    listed.notes.into_iter().map(|n| n.note.text).collect()
}

fn integrity(dir: &Path) -> String {
    rusqlite::Connection::open(dir.join(DB_FILE))
        .unwrap()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap()
}

fn run(dir: &Path) -> SalvageReport {
    salvage(dir.to_str().unwrap(), PASSPHRASE, NOW).unwrap()
}

#[test]
fn a_healthy_vault_is_rebuilt_whole_with_every_kind_of_record() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("v");
    let (v, written) = vault_with_canaries(&dir, 40);
    for n in 0..5 {
        let craving = Craving {
            at: common::before_now(n * 60),
            intensity: 6,
            duration_minutes: Some(12),
            triggers: vec![],
            context: Context::default(),
            coping: vec![],
            outcome: CravingOutcome::RodeItOut,
            notes: String::new(),
        };
        logs::add(&v.store().unwrap(), craving, NOW).unwrap();
    }
    drop(v);

    let report = run(&dir);
    // 40 notes and 5 cravings; the derived summaries are rebuilt, not counted.
    assert_eq!((report.recovered, report.unreadable), (45, 0));
    assert_eq!(report.unreadable_ranges, 0);
    let want: BTreeSet<String> = written.into_iter().map(|(_, t)| t).collect();
    assert_eq!(texts(&dir), want);
    assert!(dir.join(&report.kept_as).is_file());
    assert_eq!(integrity(&dir), "ok");
    let mut v = Vault::open(dir.to_str().unwrap()).unwrap();
    v.unlock_with_passphrase(PASSPHRASE).unwrap();
    let s = v.store().unwrap();
    assert_eq!(s.list::<Craving>().unwrap().items.len(), 5);
    let today = keel_core::today::today(&s, NOW, keel_core::Language::En).unwrap();
    assert!(
        !today.recent.is_empty(),
        "summaries rebuilt from the cravings"
    );
}

#[test]
fn damaged_pages_cost_only_the_records_on_them() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("v");
    let (v, written) = vault_with_canaries(&dir, 600);
    drop(v);
    let db = dir.join(DB_FILE);
    let rows = sealed_rows(&db);
    let original = fs::read(&db).unwrap();
    let mut bytes = original.clone();

    // Garble the leaf pages holding three records. (A WITHOUT ROWID table
    // also copies whole rows into its interior pages as dividers; a leaf is
    // the page whose header says "index leaf", 0x0a.)
    let leaf_of = |body: &[u8]| {
        (0..bytes.len() / PAGE).find(|p| {
            let page = &bytes[p * PAGE..(p + 1) * PAGE];
            page[0] == 0x0a && page.windows(64).any(|w| w == &body[..64])
        })
    };
    let pages: BTreeSet<usize> = [100, 300, 500]
        .iter()
        .map(|&from| {
            rows[from..]
                .iter()
                .find_map(|(_, body)| leaf_of(body))
                .expect("a record on a leaf")
        })
        .collect();
    for page in &pages {
        bytes[page * PAGE..(page + 1) * PAGE].fill(0xa5);
    }
    fs::write(&db, &bytes).unwrap();

    // The damage shows: the vault cannot list its notes.
    {
        let mut v = Vault::open(dir.to_str().unwrap()).unwrap();
        v.unlock_with_passphrase(PASSPHRASE).unwrap();
        assert!(notes::list(&v.store().unwrap()).is_err());
    }

    let report = run(&dir);
    assert_eq!(
        fs::read(dir.join(&report.kept_as)).unwrap(),
        bytes,
        "kept aside byte for byte"
    );
    // Exactly the records on intact pages come back. (In an index b-tree,
    // as a WITHOUT ROWID table is, every row lives on exactly one page.)
    let text_of: std::collections::BTreeMap<Vec<u8>, String> = written
        .into_iter()
        .map(|(id, text)| (hex::decode(id.to_string()).unwrap(), text))
        .collect();
    let on_intact_pages: BTreeSet<String> = rows
        .iter()
        .filter(|(_, body)| {
            !pages.iter().any(|p| {
                original[p * PAGE..(p + 1) * PAGE]
                    .windows(64)
                    .any(|w| w == &body[..64])
            })
        })
        .map(|(id, _)| text_of[id].clone())
        .collect();
    let got = texts(&dir);
    assert_eq!(got.len() as u64, report.recovered);
    assert!(report.recovered < 600, "{report:?}");
    assert!(
        got == on_intact_pages,
        "every record on an intact page, and only those: {} recovered, {} expected, {} in common",
        got.len(),
        on_intact_pages.len(),
        got.intersection(&on_intact_pages).count()
    );
    assert!(report.unreadable_ranges >= 1, "{report:?}");
    assert_eq!(integrity(&dir), "ok");

    // The rebuilt vault takes new writes.
    let mut v = Vault::open(dir.to_str().unwrap()).unwrap();
    v.unlock_with_passphrase(PASSPHRASE).unwrap();
    notes::add(&v.store().unwrap(), NOW, "after the salvage", NOW).unwrap();
}

#[test]
fn a_truncated_vault_gives_back_what_it_still_holds() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("v");
    let (v, written) = vault_with_canaries(&dir, 400);
    drop(v);
    let db = dir.join(DB_FILE);
    let mut bytes = fs::read(&db).unwrap();
    bytes.truncate(bytes.len() * 2 / 3);
    fs::write(&db, &bytes).unwrap();

    let report = run(&dir);
    println!("truncated to two thirds: {report:?}");
    let got = texts(&dir);
    let want: BTreeSet<String> = written.into_iter().map(|(_, t)| t).collect();
    assert!(got.is_subset(&want));
    assert!(report.recovered > 0 && report.recovered < 400, "{report:?}");
    assert_eq!(fs::read(dir.join(&report.kept_as)).unwrap(), bytes);
}

#[test]
fn a_wrong_passphrase_or_an_unreadable_file_changes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("v");
    drop(vault_with_canaries(&dir, 20));
    let before = hashes(&dir);

    assert!(matches!(
        salvage(dir.to_str().unwrap(), "not the passphrase", NOW),
        Err(Error::WrongCredential)
    ));
    assert_eq!(hashes(&dir), before, "the folder is untouched");

    let db = dir.join(DB_FILE);
    let mut bytes = fs::read(&db).unwrap();
    bytes[..16].copy_from_slice(b"not a vault file");
    fs::write(&db, &bytes).unwrap();
    match salvage(dir.to_str().unwrap(), PASSPHRASE, NOW) {
        Err(Error::Damaged { kept_as }) => {
            assert_eq!(fs::read(dir.join(kept_as)).unwrap(), bytes)
        }
        other => panic!("expected Damaged, got {other:?}"),
    }
    assert_eq!(fs::read(&db).unwrap(), bytes, "left where it was");
    assert!(
        !fs::read_dir(&dir).unwrap().any(|e| e
            .unwrap()
            .file_name()
            .to_string_lossy()
            .starts_with('.')),
        "no scratch left behind"
    );

    assert!(matches!(
        salvage("", PASSPHRASE, NOW),
        Err(Error::InvalidInput { .. })
    ));
    assert!(matches!(
        salvage(tmp.path().join("none").to_str().unwrap(), PASSPHRASE, NOW),
        Err(Error::NotFound { .. })
    ));
}
