//! Credentials: a refused credential changes no byte on disk, and a
//! passphrase change rewrites one slot and no record.
#![allow(clippy::unwrap_used)]

mod common;

use common::{PASSPHRASE, hashes, sealed_rows, vault_with_canaries};
use keel_core::{Error, Vault};

#[test]
fn wrong_credentials_are_typed_errors_and_leave_every_file_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("vault");
    let (mut vault, _) = vault_with_canaries(&path, 20);
    vault.add_device_slot().unwrap();
    drop(vault);

    let mut vault = Vault::open(path.to_str().unwrap()).unwrap();
    let before = hashes(&path);
    assert!(!before.is_empty());
    for wrong in [
        "correct horse battery stapl",
        "CORRECT HORSE BATTERY STAPLE",
        "short",
    ] {
        assert!(matches!(
            vault.unlock_with_passphrase(wrong),
            Err(Error::WrongCredential)
        ));
    }
    assert!(matches!(
        vault.unlock_with_device_secret(&[7u8; 32]),
        Err(Error::WrongCredential)
    ));
    assert!(vault.is_locked());
    assert!(matches!(vault.store(), Err(Error::Locked)));
    assert_eq!(hashes(&path), before);
}

#[test]
fn a_passphrase_change_leaves_every_record_ciphertext_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("vault");
    let (mut vault, written) = vault_with_canaries(&path, 50);
    let device = vault.add_device_slot().unwrap();
    let db = path.join("vault.db");
    let before = sealed_rows(&db);
    assert_eq!(before.len(), 50);

    vault
        .change_passphrase(PASSPHRASE, "a completely new passphrase")
        .unwrap();
    assert_eq!(sealed_rows(&db), before);

    vault.lock();
    assert!(matches!(
        vault.unlock_with_passphrase(PASSPHRASE),
        Err(Error::WrongCredential)
    ));
    vault
        .unlock_with_passphrase("a completely new passphrase")
        .unwrap();
    vault.lock();
    vault
        .unlock_with_device_secret(device.secret.as_ref())
        .unwrap();
    let store = vault.store().unwrap();
    for (id, text) in &written {
        assert_eq!(&keel_core::notes::get(&store, *id).unwrap().note.text, text);
    }
}

#[test]
fn a_removed_device_slot_no_longer_opens_the_vault() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("vault");
    let (mut vault, _) = vault_with_canaries(&path, 1);
    let device = vault.add_device_slot().unwrap();
    assert_eq!(vault.slots().unwrap().len(), 2);
    vault.remove_slot(&device.slot_id).unwrap();
    assert_eq!(vault.slots().unwrap().len(), 1);
    vault.lock();
    assert!(matches!(
        vault.unlock_with_device_secret(device.secret.as_ref()),
        Err(Error::WrongCredential)
    ));
    vault.unlock_with_passphrase(PASSPHRASE).unwrap();
}
