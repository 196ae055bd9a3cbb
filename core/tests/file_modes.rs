//! Owner-only files whatever the umask: the vault's folder is 0700 and every
//! file the core creates (database, write-ahead log and index, reports,
//! backups, kept-aside damaged copies, a salvage's and a restore's files) is
//! 0600. Every test here first sets a umask of 000, under which a file made
//! with default permissions would be world-readable and writable.
#![cfg(unix)]
#![allow(clippy::unwrap_used)]

mod common;

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use chrono::NaiveDate;
use common::{NOW, files, vault_with_canaries};
use keel_core::backup;
use keel_core::report::{self, ReportRequest, Topic};
use keel_core::work::Quiet;
use keel_core::{Error, Language, Vault, notes, rekey, salvage};

const STRONG: &str = "violet tundra marches quietly 4812";

/// A umask that takes no permission away: the modes checked below are the
/// core's own doing.
fn permissive_umask() {
    rustix::process::umask(rustix::fs::Mode::empty());
}

fn mode(path: &Path) -> u32 {
    fs::metadata(path).unwrap().permissions().mode() & 0o777
}

/// The folder is 0700 and every file in it (recursively) 0600; returns the
/// file names seen, so a test can say which files it covered.
fn assert_owner_only(dir: &Path) -> Vec<String> {
    assert_eq!(mode(dir), 0o700, "{}", dir.display());
    let mut names = Vec::new();
    for path in files(dir) {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        assert_eq!(mode(&path), 0o600, "{name}");
        names.push(name);
    }
    names.sort();
    names
}

fn write_note(vault: &Vault, text: &str) {
    notes::add(&vault.store().unwrap(), NOW, text, NOW).unwrap();
}

#[test]
fn the_vault_folder_and_its_files_after_create_unlock_write_and_rekey() {
    permissive_umask();
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("parent/vault");
    let (mut vault, _) = vault_with_canaries(&dir, 20);
    assert_eq!(mode(&tmp.path().join("parent")), 0o700);
    let names = assert_owner_only(&dir);
    assert!(names.contains(&"vault.db".to_string()), "{names:?}");
    assert!(names.contains(&"vault.db-wal".to_string()), "{names:?}");
    assert!(names.contains(&"vault.db-shm".to_string()), "{names:?}");

    vault.lock();
    drop(vault);
    let mut vault = Vault::open(dir.to_str().unwrap()).unwrap();
    vault.unlock_with_passphrase(common::PASSPHRASE).unwrap();
    write_note(&vault, "after unlock");
    let names = assert_owner_only(&dir);
    assert!(names.contains(&"vault.db-wal".to_string()), "{names:?}");

    vault.add_device_slot().unwrap();
    vault.change_passphrase(common::PASSPHRASE, STRONG).unwrap();
    rekey::rekey(&mut vault, STRONG).unwrap();
    write_note(&vault, "after re-key");
    assert_owner_only(&dir);
}

#[test]
fn reports_and_backups_written_to_a_path_are_owner_only() {
    permissive_umask();
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("vault");
    let (vault, _) = vault_with_canaries(&dir, 5);
    let out = tmp.path().join("out");
    fs::create_dir(&out).unwrap();

    let store = vault.store().unwrap();
    let req = ReportRequest {
        from: NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
        to: NaiveDate::from_ymd_opt(2026, 9, 1).unwrap(),
        topics: vec![Topic::Journal],
        lang: Language::En,
        now: NOW,
    };
    let file = report::render(&report::build(&store, &req).unwrap(), STRONG).unwrap();
    let report_path = out.join("report.html");
    report::save(&file, &report_path).unwrap();
    assert_eq!(mode(&report_path), 0o600);

    let backup_path = out.join("backup.bin");
    backup::write_file(&store, &backup_path, STRONG, NOW).unwrap();
    assert_eq!(mode(&backup_path), 0o600);
    // Nothing else was left beside them (no staging file).
    let mut names: Vec<String> = files(&out)
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["backup.bin", "report.html"]);

    // Restored onto a new phone: its folder and files are owner-only too.
    let bytes = fs::read(&backup_path).unwrap();
    let restored = tmp.path().join("restored");
    let (vault, _) = backup::restore_new(
        restored.to_str().unwrap(),
        &bytes,
        STRONG,
        common::PASSPHRASE,
        &Quiet,
    )
    .unwrap();
    write_note(&vault, "after restore");
    assert_owner_only(&restored);
    // And restored into an existing vault.
    backup::restore(
        &vault.store().unwrap(),
        &bytes,
        STRONG,
        backup::RestoreMode::AddToExisting,
    )
    .unwrap();
    assert_owner_only(&restored);
}

#[test]
fn damaged_copies_kept_aside_and_a_salvaged_vault_are_owner_only() {
    permissive_umask();
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("vault");
    let (vault, _) = vault_with_canaries(&dir, 30);
    drop(vault);

    // Garbage where the file was: opening it keeps it aside.
    let db = dir.join("vault.db");
    let good = fs::read(&db).unwrap();
    fs::write(&db, vec![0x5a; 8192]).unwrap();
    fs::set_permissions(&db, fs::Permissions::from_mode(0o666)).unwrap();
    match Vault::open(dir.to_str().unwrap()) {
        Err(Error::Damaged { kept_as }) => assert_eq!(mode(&dir.join(kept_as)), 0o600),
        other => panic!("expected Damaged, got {:?}", other.map(|_| ())),
    }
    assert_owner_only(&dir);

    // A salvage (asked for by the participant, as after a storage error):
    // the kept copy and the rebuilt vault are owner-only, even where the
    // files it started from were not.
    fs::write(&db, &good).unwrap();
    for wide in files(&dir) {
        if wide
            .file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with("vault.db")
        {
            fs::set_permissions(&wide, fs::Permissions::from_mode(0o644)).unwrap();
        }
    }
    salvage::salvage(dir.to_str().unwrap(), common::PASSPHRASE, NOW).unwrap();
    let names = assert_owner_only(&dir);
    assert!(names.iter().any(|n| n.starts_with("damaged-")), "{names:?}");
    let mut vault = Vault::open(dir.to_str().unwrap()).unwrap();
    vault.unlock_with_passphrase(common::PASSPHRASE).unwrap();
    write_note(&vault, "after salvage");
    assert_owner_only(&dir);
}

#[test]
fn a_vault_made_before_files_were_owner_only_is_narrowed_when_opened() {
    permissive_umask();
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("vault");
    let (vault, _) = vault_with_canaries(&dir, 3);
    drop(vault);
    fs::set_permissions(&dir, fs::Permissions::from_mode(0o755)).unwrap();
    for path in files(&dir) {
        fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();
    }
    let mut vault = Vault::open(dir.to_str().unwrap()).unwrap();
    vault.unlock_with_passphrase(common::PASSPHRASE).unwrap();
    write_note(&vault, "after open");
    assert_owner_only(&dir);
}
