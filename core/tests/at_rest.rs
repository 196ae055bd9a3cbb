//! Nothing readable at rest: 1,000 canaries written through the public API
//! appear in no file of the vault folder under any common encoding, during
//! use, after locking, and after a wipe (which also leaves no credential
//! that opens anything).
#![allow(clippy::unwrap_used)]

mod common;

use common::{PASSPHRASE, canaries_on_disk, files, vault_with_canaries};
use keel_core::{Error, Vault};

#[test]
fn encodings_find_a_canary_written_in_the_clear() {
    // The scan itself must be able to fail: plant each encoding in a file.
    let dir = tempfile::tempdir().unwrap();
    let canary = common::canary();
    for (i, pattern) in common::encodings(&canary).iter().enumerate() {
        let path = dir.path().join(format!("f{i}"));
        let mut bytes = b"xx".to_vec();
        bytes.extend_from_slice(pattern);
        std::fs::write(&path, bytes).unwrap();
        assert_eq!(
            canaries_on_disk(dir.path(), std::slice::from_ref(&canary)),
            vec![canary.clone()]
        );
        std::fs::remove_file(&path).unwrap();
    }
    // And the middle of a real base64 text is found.
    use base64::Engine;
    let text = format!(
        "..{}..",
        base64::engine::general_purpose::STANDARD.encode(format!("ab{canary}"))
    );
    std::fs::write(dir.path().join("b64"), text).unwrap();
    assert_eq!(
        canaries_on_disk(dir.path(), std::slice::from_ref(&canary)).len(),
        1
    );
}

#[test]
fn a_thousand_canaries_never_reach_the_disk() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("vault");
    let (mut vault, written) = vault_with_canaries(&path, 1000);
    let canaries: Vec<String> = written.iter().map(|(_, c)| c.clone()).collect();

    // While open (WAL and shm present) and after locking.
    let names: Vec<String> = files(&path)
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert!(names.iter().any(|n| n.ends_with("-wal")), "{names:?}");
    assert_eq!(canaries_on_disk(&path, &canaries), Vec::<String>::new());
    vault.lock();
    assert_eq!(canaries_on_disk(&path, &canaries), Vec::<String>::new());

    // The records are really there: they decrypt after unlocking.
    vault.unlock_with_passphrase(PASSPHRASE).unwrap();
    let store = vault.store().unwrap();
    let list = keel_core::notes::list(&store).unwrap();
    assert_eq!(list.notes.len(), 1000);
    let mut texts: Vec<String> = list.notes.into_iter().map(|n| n.note.text).collect();
    texts.sort();
    let mut expected = canaries.clone();
    expected.sort();
    assert_eq!(texts, expected);
}

#[test]
fn wipe_leaves_no_canary_and_no_credential_that_opens_anything() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("vault");
    let (mut vault, written) = vault_with_canaries(&path, 200);
    let device = vault.add_device_slot().unwrap();
    let canaries: Vec<String> = written.iter().map(|(_, c)| c.clone()).collect();
    vault.wipe().unwrap();
    drop(vault);

    assert_eq!(
        canaries_on_disk(dir.path(), &canaries),
        Vec::<String>::new()
    );
    assert!(!Vault::exists(path.to_str().unwrap()));
    match Vault::open(path.to_str().unwrap()) {
        Err(Error::NotFound { .. }) => {}
        other => panic!("a wiped vault opened: {:?}", other.map(|_| ())),
    }
    // A new vault at the same place knows neither credential.
    let mut fresh = Vault::create(path.to_str().unwrap(), "yet another passphrase").unwrap();
    fresh.lock();
    assert!(matches!(
        fresh.unlock_with_passphrase(PASSPHRASE),
        Err(Error::WrongCredential)
    ));
    assert!(matches!(
        fresh.unlock_with_device_secret(device.secret.as_ref()),
        Err(Error::WrongCredential)
    ));
}
