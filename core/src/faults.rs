//! Full-disk injection: the vault is capped at its current size plus a few
//! pages, and writes go on until one needs more. Every refusal must be a
//! typed storage error with nothing half-saved: the journal, its summaries
//! and the vault stay consistent, and once space is back the same work
//! succeeds. The fault-injecting VFS in `tests/harness` goes further: an
//! I/O error or full disk at every single write and sync, and power cuts
//! that tear unsynced writes.
#![cfg(test)]
#![allow(clippy::unwrap_used)]

use crate::backup::{self, RestoreMode};
use crate::logs::{self, CheckIn, Craving, CravingOutcome, Mood};
use crate::store::Store;
use crate::{Error, LocalInstant, Vault, notes, today};

const NOW: LocalInstant = LocalInstant {
    utc_millis: 1_790_000_000_000,
    offset_minutes: -300,
};
const PASSPHRASE: &str = "a long enough passphrase";

fn at(minutes_ago: i64) -> LocalInstant {
    LocalInstant {
        utc_millis: NOW.utc_millis - minutes_ago * 60_000,
        ..NOW
    }
}

fn craving(n: i64) -> Craving {
    Craving {
        at: at(n % 10_000),
        intensity: (n % 11) as u8,
        duration_minutes: None,
        triggers: vec![],
        context: logs::Context::default(),
        coping: vec![],
        outcome: CravingOutcome::RodeItOut,
        notes: "x".repeat(900),
    }
}

fn is_full(e: &Error) -> bool {
    matches!(e, Error::StorageFull)
}

fn craving_count(s: &Store<'_>) -> usize {
    s.list::<Craving>().unwrap().items.len()
}

#[test]
fn a_full_disk_while_logging_refuses_the_entry_whole_and_loses_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v");
    let v = Vault::create(path.to_str().unwrap(), PASSPHRASE).unwrap();
    let mut saved = 0usize;
    let mut refusals = 0;
    for extra in 0..4 {
        v.limit_growth(Some(extra)).unwrap();
        let s = v.store().unwrap();
        // Write until the cap refuses one, a few hundred at most.
        for n in 0..400 {
            match logs::add(&s, craving(saved as i64 + n), NOW) {
                Ok(_) => saved += 1,
                Err(e) => {
                    assert!(is_full(&e), "a typed full-disk error, got {e:?}");
                    refusals += 1;
                    break;
                }
            }
        }
        // Nothing half-saved: the records and the Today summaries agree.
        assert_eq!(craving_count(&s), saved);
        let t = today::today(&s, NOW, crate::Language::En);
        assert!(t.is_ok() || t.as_ref().is_err_and(is_full), "{t:?}");
        v.limit_growth(None).unwrap();
        let t = today::today(&s, NOW, crate::Language::En).unwrap();
        assert!(t.recent.iter().all(|b| b.id.to_string().len() == 32));
    }
    assert!(refusals >= 3, "the cap was reached {refusals} times");
    // Space is back: the same write succeeds, and a reopened vault holds it all.
    logs::add(&v.store().unwrap(), craving(0), NOW).unwrap();
    drop(v);
    let mut v = Vault::open(path.to_str().unwrap()).unwrap();
    v.unlock_with_passphrase(PASSPHRASE).unwrap();
    assert_eq!(craving_count(&v.store().unwrap()), saved + 1);
}

#[test]
fn a_full_disk_during_a_restore_writes_nothing_and_the_retry_restores_all() {
    let dir = tempfile::tempdir().unwrap();
    let source = Vault::create(dir.path().join("a").to_str().unwrap(), PASSPHRASE).unwrap();
    {
        let s = source.store().unwrap();
        for n in 0..300 {
            logs::add(&s, craving(n), NOW).unwrap();
        }
        notes::add(&s, at(5), "kept through the restore", NOW).unwrap();
        logs::add(
            &s,
            CheckIn {
                at: at(30),
                mood: Mood::Good,
                craving_level: 2,
                sleep_minutes: None,
                intention: String::new(),
                any_use: false,
                halt: Default::default(),
                notes: String::new(),
            },
            NOW,
        )
        .unwrap();
    }
    let (file, summary) = backup::create(&source.store().unwrap(), PASSPHRASE, NOW).unwrap();

    let target = Vault::create(dir.path().join("b").to_str().unwrap(), PASSPHRASE).unwrap();
    for extra in [0, 2, 8, 16] {
        target.limit_growth(Some(extra)).unwrap();
        let s = target.store().unwrap();
        match backup::restore(&s, &file, PASSPHRASE, RestoreMode::IntoEmptyVault) {
            Err(backup::BackupError::Core(e)) => assert!(is_full(&e), "{e:?}"),
            other => panic!("expected a full disk with {extra} extra pages, got {other:?}"),
        }
        // One transaction: nothing of the backup is in the vault.
        assert_eq!(craving_count(&s), 0);
        assert!(notes::list(&s).unwrap().notes.is_empty());
    }
    target.limit_growth(None).unwrap();
    let s = target.store().unwrap();
    let done = backup::restore(&s, &file, PASSPHRASE, RestoreMode::IntoEmptyVault).unwrap();
    assert_eq!(done.restored, summary.records);
    assert_eq!(craving_count(&s), 300);
}

#[test]
fn a_full_disk_during_a_passphrase_change_leaves_exactly_one_passphrase() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v");
    let mut v = Vault::create(path.to_str().unwrap(), PASSPHRASE).unwrap();
    v.limit_growth(Some(0)).unwrap();
    let changed = v.change_passphrase(PASSPHRASE, "another long passphrase");
    assert!(
        changed.is_ok() || changed.as_ref().is_err_and(is_full),
        "{changed:?}"
    );
    drop(v);
    let mut v = Vault::open(path.to_str().unwrap()).unwrap();
    let old = v.unlock_with_passphrase(PASSPHRASE).is_ok();
    v.lock();
    let new = v.unlock_with_passphrase("another long passphrase").is_ok();
    assert!(old != new, "exactly one works (old {old}, new {new})");
    assert_eq!(new, changed.is_ok());
}
