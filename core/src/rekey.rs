//! Re-keying: a new random data key, every record sealed again under it.
//!
//! Anyone who once knew an old passphrase and copied the vault's folder
//! holds the old data key (unwrapped from their copy's slot): without a
//! re-key they could read every record written later from a newer copy.
//! After a re-key, records are sealed under a new key with a new key id
//! (part of every record's AAD), the collection tags change with it, the
//! passphrase slot wraps the new key, and device slots (whose secrets the
//! core never keeps) are removed: the shell enrols the keystore again.
//!
//! All of it is one SQLite transaction: a kill or a power cut at any point
//! leaves the vault as it was before or as it is after, never a mix. The
//! two key derivations (checking the passphrase, wrapping the new key) run
//! in [`prepare`], which needs no vault; [`apply`] does the writing.

use std::collections::HashMap;

use rusqlite::params;

use crate::backup::registry::{COLLECTIONS, Collection};
use crate::crypto::{SecretKey, random_array};
use crate::error::{Error, Result};
use crate::slots::{self, PassphraseParams, SlotKind, StoredSlot, normalize_passphrase};
use crate::store::{Keys, RecordId, Store};
use crate::vault::{OpenedKey, UnlockTicket, Vault};
use crate::work::{Quiet, Steps, Work};

/// How many records are sealed again between two checks of the [`Work`].
const BATCH: usize = 64;

/// A re-key ready to apply: the current key (checked with the passphrase)
/// and the new key already wrapped for the passphrase slot.
pub struct RekeyPlan {
    old: OpenedKey,
    new_key: SecretKey,
    new_key_id: [u8; 16],
    slot: StoredSlot,
}

/// What a re-key did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RekeySummary {
    /// Records sealed again under the new key.
    pub records: u64,
    /// Device slots removed (enrol biometrics again).
    pub device_slots_removed: u64,
}

/// Checks `passphrase` against the ticket's passphrase slot and wraps a new
/// random data key for it. Two key derivations; touches no file.
pub fn prepare(ticket: &UnlockTicket, passphrase: &str) -> Result<RekeyPlan> {
    let old = ticket.open(passphrase)?;
    let passphrase =
        normalize_passphrase("passphrase", passphrase).map_err(|_| Error::WrongCredential)?;
    let new_key = SecretKey::random()?;
    let slot = StoredSlot::new_passphrase(
        &ticket.vault_id,
        old.slot.id,
        PassphraseParams::fresh()?,
        &passphrase,
        &new_key,
    )?;
    Ok(RekeyPlan {
        old,
        new_key,
        new_key_id: random_array()?,
        slot,
    })
}

/// Seals every record of the unlocked `vault` again under the plan's key,
/// in one transaction. A record that does not open (damaged, or of a kind
/// this build does not know) stops the re-key with nothing changed: it is
/// never dropped. A stop asked for by `work` rolls everything back.
pub fn apply(vault: &mut Vault, plan: RekeyPlan, work: &dyn Work) -> Result<RekeySummary> {
    let summary = {
        let (conn, keys, vault_id, key_id) = vault.rekey_parts()?;
        let current = slots::load(conn)?;
        let unchanged = plan.old.key_id == key_id
            && plan.old.key == keys.data
            && current.iter().any(|s| {
                s.id == plan.old.slot.id
                    && s.params == plan.old.slot.params
                    && s.wrapped == plan.old.slot.wrapped
            });
        if !unchanged {
            return Err(Error::invalid("vault", "slots_changing"));
        }
        let new_keys = Keys::derive(plan.new_key.clone(), &vault_id, plan.new_key_id)?;
        let old_store = Store::new(conn, keys);
        let new_store = Store::new(conn, &new_keys);
        let by_tag: HashMap<[u8; 16], &Collection> =
            COLLECTIONS.iter().map(|c| (c.tag(&old_store), c)).collect();

        let tx = conn.unchecked_transaction()?;
        let rows: Vec<(Vec<u8>, Vec<u8>, Vec<u8>)> = conn
            .prepare("SELECT id, tag, body FROM items")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let mut steps = Steps::new(work, rows.len().div_ceil(BATCH) as u64 + 1);
        for (i, (id, tag, body)) in rows.iter().enumerate() {
            let id = RecordId(id.as_slice().try_into().map_err(|_| Error::Corrupt)?);
            let damaged = || Error::Integrity {
                record: id.to_string(),
            };
            let tag: [u8; 16] = tag.as_slice().try_into().map_err(|_| damaged())?;
            let c = by_tag.get(&tag).ok_or_else(damaged)?;
            let value = c.open(&old_store, &id, body)?;
            conn.execute("DELETE FROM items WHERE id = ?1", params![id.0])?;
            c.insert_as(&new_store, &id, value)?;
            if (i + 1) % BATCH == 0 {
                steps.step()?;
            }
        }
        let mut removed = 0u64;
        for slot in current.iter().filter(|s| s.kind == SlotKind::Device) {
            slots::delete(conn, &slot.id)?;
            removed += 1;
        }
        slots::save(conn, &plan.slot)?;
        conn.execute(
            "UPDATE meta SET v = ?1 WHERE k = 'key_id'",
            params![plan.new_key_id],
        )?;
        steps.check()?;
        tx.commit()?;
        steps.finish();
        RekeySummary {
            records: rows.len() as u64,
            device_slots_removed: removed,
        }
    };
    // Installs the new key and empties the write-ahead log: old sealed
    // bodies and the old wrapped key leave the folder now.
    vault.rekeyed(plan.new_key, plan.new_key_id)?;
    Ok(summary)
}

/// [`prepare`] then [`apply`], for callers that hold the vault anyway.
pub fn rekey(vault: &mut Vault, passphrase: &str) -> Result<RekeySummary> {
    vault.rekey_parts()?;
    let plan = prepare(&vault.unlock_ticket()?, passphrase)?;
    apply(vault, plan, &Quiet)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::notes;
    use crate::time::LocalInstant;
    use crate::vault::meta_get;

    const PASS: &str = "correct horse battery";
    const NOW: LocalInstant = LocalInstant {
        utc_millis: 1_763_996_400_000,
        offset_minutes: 0,
    };

    fn vault_with_notes(n: usize) -> (tempfile::TempDir, Vault) {
        let dir = tempfile::tempdir().unwrap();
        let v = Vault::create(dir.path().join("v").to_str().unwrap(), PASS).unwrap();
        for i in 0..n {
            notes::add(&v.store().unwrap(), NOW, &format!("note {i}"), NOW).unwrap();
        }
        (dir, v)
    }

    fn texts(v: &Vault) -> Vec<String> {
        let mut t: Vec<String> = notes::list(&v.store().unwrap())
            .unwrap()
            .notes
            .into_iter()
            .map(|n| n.note.text)
            .collect();
        t.sort();
        t
    }

    fn key_id(v: &Vault) -> [u8; 16] {
        meta_get(v.rekey_parts().unwrap().0, "key_id").unwrap()
    }

    #[test]
    fn every_record_moves_to_a_new_key_and_device_slots_go() {
        let (_d, mut v) = vault_with_notes(70);
        let before = texts(&v);
        let old_id = key_id(&v);
        let old_key = v.rekey_parts().unwrap().1.data.clone();
        let dev = v.add_device_slot().unwrap();
        assert!(matches!(
            rekey(&mut v, "wrong passphrase"),
            Err(Error::WrongCredential)
        ));

        let s = rekey(&mut v, PASS).unwrap();
        assert_eq!(s.device_slots_removed, 1);
        assert!(s.records >= 70);
        assert_ne!(key_id(&v), old_id);
        assert_eq!(texts(&v), before);
        // The old data key opens none of the records any more.
        let (conn, _, vault_id, new_id) = v.rekey_parts().unwrap();
        let old_keys = Keys::derive(old_key, &vault_id, new_id).unwrap();
        assert_eq!(
            notes::list(&Store::new(conn, &old_keys))
                .unwrap()
                .notes
                .len(),
            0
        );

        v.lock();
        assert!(matches!(
            v.unlock_with_device_secret(dev.secret.as_slice()),
            Err(Error::WrongCredential)
        ));
        v.unlock_with_passphrase(PASS).unwrap();
        assert_eq!(texts(&v), before);
    }

    #[test]
    fn a_stopped_rekey_changes_nothing() {
        let (_d, mut v) = vault_with_notes(130);
        let before = texts(&v);
        let old_id = key_id(&v);
        for limit in 0..3 {
            let plan = prepare(&v.unlock_ticket().unwrap(), PASS).unwrap();
            let work = crate::work::CancelAfter::new(limit);
            assert!(matches!(apply(&mut v, plan, &work), Err(Error::Cancelled)));
            assert_eq!(key_id(&v), old_id);
            assert_eq!(texts(&v), before);
        }
        v.lock();
        v.unlock_with_passphrase(PASS).unwrap();
        assert_eq!(texts(&v), before);
    }

    #[test]
    fn a_plan_made_before_a_passphrase_change_is_refused() {
        let (_d, mut v) = vault_with_notes(1);
        let plan = prepare(&v.unlock_ticket().unwrap(), PASS).unwrap();
        v.change_passphrase(PASS, "another good passphrase")
            .unwrap();
        assert!(matches!(
            apply(&mut v, plan, &Quiet),
            Err(Error::InvalidInput { field: "vault", .. })
        ));
        rekey(&mut v, "another good passphrase").unwrap();
    }
}
