//! I/O errors and a full disk at every write, sync and truncate of four
//! pieces of work: adding an entry, a passphrase change, a schema migration
//! and a restore. For each, a clean run counts the operations; then, for
//! every index, the same work runs with that operation failing once with an
//! I/O error, and again with the disk full from that operation on. Every
//! run must end in a typed storage error (or a success that is then really
//! there), with nothing half-saved visible, nothing already saved lost, and
//! the same work succeeding once the fault is gone.
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};

use keel_core::backup::{self, BackupError, RestoreMode};
use keel_core::logs::{self, Context, Craving, CravingOutcome};
use keel_core::{Error, LocalInstant, Vault, notes, today};
use keel_harness::fault_vfs::{Fault, Mode, Watch};

mod support;

use support::{NEW, NOW, OLD, copy_dir, integrity};

/// The two faults tried at every index: one failed operation, and a disk
/// that stays full from there until space is freed.
const FAULTS: [(Fault, bool); 2] = [(Fault::Io, false), (Fault::Full, true)];

fn craving(n: usize) -> Craving {
    Craving {
        at: LocalInstant {
            utc_millis: NOW.utc_millis - (n as i64) * 3_600_000,
            ..NOW
        },
        intensity: (n % 11) as u8,
        duration_minutes: Some(10),
        triggers: vec![],
        context: Context::default(),
        coping: vec![],
        outcome: CravingOutcome::RodeItOut,
        notes: "x".repeat(700),
    }
}

/// A vault with a device slot, `cravings` cravings and two notes.
struct Source {
    _tmp: tempfile::TempDir,
    dir: PathBuf,
    secret: Vec<u8>,
}

fn source(cravings: usize) -> Source {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("vault");
    let mut v = Vault::create(dir.to_str().unwrap(), OLD).unwrap();
    let secret = v.add_device_slot().unwrap().secret.to_vec();
    let s = v.store().unwrap();
    for n in 0..cravings {
        logs::add(&s, craving(n), NOW).unwrap();
    }
    notes::add(&s, NOW, "first note", NOW).unwrap();
    notes::add(&s, NOW, "second note", NOW).unwrap();
    drop(v);
    Source {
        _tmp: tmp,
        dir,
        secret,
    }
}

fn open(dir: &Path, secret: &[u8]) -> Vault {
    let mut v = Vault::open(dir.to_str().unwrap()).unwrap();
    v.unlock_with_device_secret(secret).unwrap();
    v
}

/// A storage error the shells can act on; never corruption, never a
/// credential error.
fn assert_typed(e: &Error, what: &str) {
    assert!(
        matches!(e, Error::Storage(_) | Error::StorageFull),
        "{what}: expected a storage error, got {e:?}"
    );
}

fn count(v: &Vault) -> (usize, usize) {
    let s = v.store().unwrap();
    (
        s.list::<Craving>().unwrap().items.len(),
        notes::list(&s).unwrap().notes.len(),
    )
}

/// Every `(index, fault, sticky)` a piece of work taking `ops` operations
/// is tried with.
fn plan(ops: u64) -> impl Iterator<Item = (u64, Fault, bool)> {
    (0..ops).flat_map(|at| FAULTS.map(|(fault, sticky)| (at, fault, sticky)))
}

#[test]
fn adding_an_entry_fails_whole_at_every_write_and_sync() {
    let src = source(20);
    let tmp = tempfile::tempdir().unwrap();

    let dir = tmp.path().join("count");
    copy_dir(&src.dir, &dir);
    let watch = Watch::new(&dir, Mode::Count).unwrap();
    let v = open(&dir, &src.secret);
    let before = count(&v);
    watch.set_mode(Mode::Count);
    logs::add(&v.store().unwrap(), craving(99), NOW).unwrap();
    let ops = watch.ops();
    assert!(
        ops >= 2,
        "an entry takes at least a write and a sync ({ops})"
    );
    println!("adding an entry: {ops} operations");
    drop((v, watch));

    let mut refused = 0;
    for (i, (at, fault, sticky)) in plan(ops).enumerate() {
        let dir = tmp.path().join(format!("run{i}"));
        copy_dir(&src.dir, &dir);
        let watch = Watch::new(&dir, Mode::Count).unwrap();
        let v = open(&dir, &src.secret);
        watch.set_mode(Mode::Fail { at, fault, sticky });
        let what = format!("op {at} {fault:?}");
        let added = logs::add(&v.store().unwrap(), craving(99), NOW);
        let mut want = before;
        match &added {
            Ok(_) => want.0 += 1,
            Err(e) => {
                assert_typed(e, &what);
                refused += 1;
            }
        }
        // Nothing half-saved, in this session: the entry is whole or absent
        // and the Today screen's summaries still read.
        assert_eq!(count(&v), want, "{what}");
        if added.is_err() {
            assert!(
                today::today(&v.store().unwrap(), NOW, keel_core::Language::En).is_ok() || sticky
            );
        }
        // Space is back: the same entry saves.
        watch.set_mode(Mode::Count);
        today::today(&v.store().unwrap(), NOW, keel_core::Language::En).unwrap();
        logs::add(&v.store().unwrap(), craving(99), NOW).unwrap();
        want.0 += 1;
        drop((v, watch));
        // And after a restart, everything acknowledged is there.
        let v = open(&dir, &src.secret);
        assert_eq!(count(&v), want, "{what} after reopening");
        drop(v);
        assert_eq!(integrity(&dir), "ok");
    }
    assert!(
        refused as u64 >= ops,
        "{refused} refusals over {ops} operations"
    );
}

#[test]
fn a_passphrase_change_keeps_exactly_one_passphrase_at_every_write_and_sync() {
    let src = source(3);
    let tmp = tempfile::tempdir().unwrap();

    let dir = tmp.path().join("count");
    copy_dir(&src.dir, &dir);
    let watch = Watch::new(&dir, Mode::Count).unwrap();
    let mut v = open(&dir, &src.secret);
    watch.set_mode(Mode::Count);
    v.change_passphrase(OLD, NEW).unwrap();
    let ops = watch.ops();
    println!("a passphrase change: {ops} operations");
    drop((v, watch));

    for (i, (at, fault, sticky)) in plan(ops).enumerate() {
        let dir = tmp.path().join(format!("run{i}"));
        copy_dir(&src.dir, &dir);
        let watch = Watch::new(&dir, Mode::Count).unwrap();
        let mut v = open(&dir, &src.secret);
        watch.set_mode(Mode::Fail { at, fault, sticky });
        let what = format!("op {at} {fault:?}");
        let changed = v.change_passphrase(OLD, NEW);
        if let Err(e) = &changed {
            assert_typed(e, &what);
        }
        watch.set_mode(Mode::Count);
        drop((v, watch));

        let mut v = Vault::open(dir.to_str().unwrap()).unwrap();
        let new = v.unlock_with_passphrase(NEW).is_ok();
        v.lock();
        let old = v.unlock_with_passphrase(OLD).is_ok();
        assert_eq!((new, old), (changed.is_ok(), changed.is_err()), "{what}");
        v.unlock_with_device_secret(&src.secret).unwrap();
        assert_eq!(count(&v), (3, 2), "{what}");
        drop(v);
        assert_eq!(integrity(&dir), "ok");
    }
}

#[test]
fn a_migration_fails_cleanly_at_every_write_and_sync_and_upgrades_on_retry() {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../core/tests/fixtures/vault-v1/vault.db")
        .canonicalize()
        .unwrap();
    let passphrase = "fixture passphrase v1";
    let tmp = tempfile::tempdir().unwrap();
    let fresh = |name: &str| {
        let dir = tmp.path().join(name);
        std::fs::create_dir(&dir).unwrap();
        std::fs::copy(&fixture, dir.join(keel_core::vault::DB_FILE)).unwrap();
        dir
    };

    let dir = fresh("count");
    let watch = Watch::new(&dir, Mode::Count).unwrap();
    drop(Vault::open(dir.to_str().unwrap()).unwrap());
    let ops = watch.ops();
    assert!(ops >= 2, "the upgrade writes ({ops})");
    println!("a migration: {ops} operations");
    drop(watch);

    for (i, (at, fault, sticky)) in plan(ops).enumerate() {
        let dir = fresh(&format!("run{i}"));
        let watch = Watch::new(&dir, Mode::Fail { at, fault, sticky }).unwrap();
        let what = format!("op {at} {fault:?}");
        match Vault::open(dir.to_str().unwrap()) {
            // A failure after the upgrade committed (closing, say) is fine.
            Ok(v) => drop(v),
            Err(e) => assert_typed(&e, &what),
        }
        drop(watch);
        // Never kept aside as damaged: the file is where it was.
        let files: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        assert!(
            !files.iter().any(|f| f.starts_with("damaged")),
            "{what}: {files:?}"
        );

        let mut v = Vault::open(dir.to_str().unwrap()).unwrap();
        v.unlock_with_passphrase(passphrase).unwrap();
        assert_eq!(
            notes::list(&v.store().unwrap()).unwrap().notes.len(),
            3,
            "{what}"
        );
        drop(v);
        assert_eq!(integrity(&dir), "ok");
        let version: i64 = rusqlite::Connection::open(dir.join(keel_core::vault::DB_FILE))
            .unwrap()
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(version, 2, "{what}");
    }
}

#[test]
fn a_restore_writes_all_or_nothing_at_every_write_and_sync() {
    let src = source(40);
    let file = {
        let v = open(&src.dir, &src.secret);
        backup::create(&v.store().unwrap(), OLD, NOW).unwrap().0
    };
    let tmp = tempfile::tempdir().unwrap();
    let empty = tmp.path().join("empty");
    let secret = {
        let mut v = Vault::create(empty.to_str().unwrap(), NEW).unwrap();
        v.add_device_slot().unwrap().secret.to_vec()
    };

    let dir = tmp.path().join("count");
    copy_dir(&empty, &dir);
    let watch = Watch::new(&dir, Mode::Count).unwrap();
    let v = open(&dir, &secret);
    watch.set_mode(Mode::Count);
    backup::restore(&v.store().unwrap(), &file, OLD, RestoreMode::IntoEmptyVault).unwrap();
    let ops = watch.ops();
    let restored = count(&v);
    assert_eq!(restored, (40, 2));
    println!("a restore: {ops} operations");
    drop((v, watch));

    for (i, (at, fault, sticky)) in plan(ops).enumerate() {
        let dir = tmp.path().join(format!("run{i}"));
        copy_dir(&empty, &dir);
        let watch = Watch::new(&dir, Mode::Count).unwrap();
        let v = open(&dir, &secret);
        watch.set_mode(Mode::Fail { at, fault, sticky });
        let what = format!("op {at} {fault:?}");
        let done = backup::restore(&v.store().unwrap(), &file, OLD, RestoreMode::IntoEmptyVault);
        match &done {
            Ok(_) => assert_eq!(count(&v), restored, "{what}"),
            Err(BackupError::Core(e)) => {
                assert_typed(e, &what);
                assert_eq!(count(&v), (0, 0), "{what}: a partial restore is visible");
            }
            Err(other) => panic!("{what}: {other:?}"),
        }
        watch.set_mode(Mode::Count);
        if done.is_err() {
            backup::restore(&v.store().unwrap(), &file, OLD, RestoreMode::IntoEmptyVault).unwrap();
        }
        drop((v, watch));
        let v = open(&dir, &secret);
        assert_eq!(count(&v), restored, "{what} after reopening");
        drop(v);
        assert_eq!(integrity(&dir), "ok");
    }
}
