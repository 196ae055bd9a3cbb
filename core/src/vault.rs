//! The vault: one folder holding one SQLite file, its key slots and its
//! sealed records, and the lock state of the data key.
//!
//! States: *locked* (the file is open, no key in memory; every record call
//! answers [`Error::Locked`]), *unlocked* (the data key and its sub-keys are in
//! memory, zeroized when dropped) and *wiped* (slots shredded, files gone).

use std::fs;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OptionalExtension};
use zeroize::Zeroizing;

use crate::crypto::kdf::MIN_PBKDF2_ITERATIONS;
use crate::crypto::{SecretKey, random_array};
use crate::error::{Error, Result};
use crate::owner_only;
use crate::schema;
use crate::slots::{
    self, DEVICE_SECRET_LEN, PassphraseParams, SlotInfo, SlotKind, StoredSlot, check_device_secret,
    new_passphrase, normalize_passphrase,
};
use crate::store::{Keys, Store};
use crate::work::{Quiet, Steps, Work};

/// The database file inside the vault folder. The name says nothing about
/// the app or its content.
pub const DB_FILE: &str = "vault.db";
/// Where a vault is built before it is moved into place, so a crash during
/// creation never leaves a half-made vault that cannot be unlocked.
const NEW_DB_FILE: &str = "vault.db.new";
/// SQLite's companion files for [`DB_FILE`] in WAL mode.
pub const COMPANION_SUFFIXES: [&str; 3] = ["-wal", "-shm", "-journal"];

/// A new device slot: its id, and the secret the shell must keep in the
/// platform keystore. The core keeps no copy of the secret.
pub struct DeviceSlot {
    /// The slot's id, to remove it later.
    pub slot_id: String,
    /// 32 random bytes; zeroized when dropped.
    pub secret: Zeroizing<[u8; DEVICE_SECRET_LEN]>,
}

enum State {
    Locked,
    Unlocked(Keys),
    Wiped,
}

/// The passphrase slots of a vault, read under its guard, to open without
/// it (see [`Vault::unlock_ticket`]).
pub struct UnlockTicket {
    pub(crate) vault_id: [u8; 16],
    key_id: [u8; 16],
    slots: Vec<StoredSlot>,
}

/// A data key opened from an [`UnlockTicket`], with the slot it came from
/// and, for a slot below today's PBKDF2 minimum, its raised replacement.
pub struct OpenedKey {
    pub(crate) key: SecretKey,
    pub(crate) key_id: [u8; 16],
    pub(crate) slot: StoredSlot,
    raised: Option<StoredSlot>,
}

/// A passphrase change worked out from an [`UnlockTicket`] without the
/// vault: the current passphrase checked and its slot wrapped again under
/// the new one (two key derivations, the slow part).
/// [`Vault::finish_passphrase_change`] saves it.
pub struct PassphraseChange {
    key_id: [u8; 16],
    old: StoredSlot,
    rewritten: StoredSlot,
}

impl UnlockTicket {
    /// Checks `current` and wraps its slot's data key under `new`, with
    /// fresh parameters. Touches no file; needs no lock on the vault.
    pub fn change_passphrase(&self, current: &str, new: &str) -> Result<PassphraseChange> {
        let new = new_passphrase("new_passphrase", new)?;
        let opened = self.open(current)?;
        let rewritten = StoredSlot::new_passphrase(
            &self.vault_id,
            opened.slot.id,
            PassphraseParams::fresh()?,
            &new,
            &opened.key,
        )?;
        Ok(PassphraseChange {
            key_id: opened.key_id,
            old: opened.slot,
            rewritten,
        })
    }

    /// Runs the key derivation for `passphrase` against each passphrase
    /// slot. Touches no file.
    pub fn open(&self, passphrase: &str) -> Result<OpenedKey> {
        // A string that could never have been set is simply wrong, but is
        // still checked for size so a huge paste costs nothing.
        let passphrase =
            normalize_passphrase("passphrase", passphrase).map_err(|_| Error::WrongCredential)?;
        for slot in &self.slots {
            if let Some(key) = slot.open_with_passphrase(&self.vault_id, &passphrase)? {
                let raised = if slot.passphrase_params()?.iterations < MIN_PBKDF2_ITERATIONS {
                    Some(StoredSlot::new_passphrase(
                        &self.vault_id,
                        slot.id,
                        PassphraseParams::fresh()?,
                        &passphrase,
                        &key,
                    )?)
                } else {
                    None
                };
                return Ok(OpenedKey {
                    key,
                    key_id: self.key_id,
                    slot: slot.clone(),
                    raised,
                });
            }
        }
        Err(Error::WrongCredential)
    }
}

/// An open vault.
pub struct Vault {
    dir: PathBuf,
    conn: Option<Connection>,
    vault_id: [u8; 16],
    key_id: [u8; 16],
    state: State,
    /// A slot change whose old wrapped key may still sit in the write-ahead
    /// log (its checkpoint failed or was held up): retried at `lock()`.
    scrub_pending: bool,
}

impl std::fmt::Debug for Vault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Vault")
            .field("locked", &self.is_locked())
            .finish_non_exhaustive()
    }
}

pub(crate) fn meta_get(conn: &Connection, key: &str) -> Result<[u8; 16]> {
    let v: Option<Vec<u8>> = conn
        .query_row("SELECT v FROM meta WHERE k = ?1", [key], |r| r.get(0))
        .optional()?;
    v.and_then(|v| v.try_into().ok()).ok_or(Error::Corrupt)
}

pub(crate) fn check_dir(dir: &str) -> Result<PathBuf> {
    if dir.trim().is_empty() {
        return Err(Error::invalid("path", "empty"));
    }
    if dir.len() > 4096 || dir.contains('\0') {
        return Err(Error::invalid("path", "not_a_path"));
    }
    Ok(PathBuf::from(dir))
}

/// Copies a damaged vault file (and its write-ahead log) aside, byte for
/// byte, synced, and returns the copy's name. The name comes from the
/// file's SHA-256, so opening the same damaged file again keeps no second
/// copy, and says nothing about the participant or the time.
pub(crate) fn keep_aside(dir: &Path) -> Result<String> {
    let db = dir.join(DB_FILE);
    let digest = ring::digest::digest(&ring::digest::SHA256, &fs::read(&db)?);
    let name = format!("damaged-{}.db", hex::encode(&digest.as_ref()[..8]));
    for suffix in ["", "-wal"] {
        let from = dir.join(format!("{DB_FILE}{suffix}"));
        let to = dir.join(format!("{name}{suffix}"));
        if from.is_file() && !to.exists() {
            owner_only::copy(&from, &to)?;
        }
    }
    sync_dir(dir)?;
    Ok(name)
}

/// Narrows a vault folder made before files were owner-only: the folder to
/// `0700`, the database and SQLite's companions to `0600`. Best effort: a
/// folder that cannot be changed still opens.
fn narrow_folder(dir: &Path) {
    let _ = owner_only::narrow(dir, owner_only::DIR_MODE);
    for suffix in std::iter::once("").chain(COMPANION_SUFFIXES) {
        let _ = owner_only::narrow(
            &dir.join(format!("{DB_FILE}{suffix}")),
            owner_only::FILE_MODE,
        );
    }
}

/// Makes a rename durable by syncing the folder that holds it.
pub(crate) fn sync_dir(dir: &Path) -> Result<()> {
    fs::File::open(dir)?.sync_all()?;
    Ok(())
}

impl Vault {
    /// True if `dir` holds a vault (the shells choose between onboarding and
    /// the unlock screen with this).
    pub fn exists(dir: &str) -> bool {
        check_dir(dir).is_ok_and(|d| d.join(DB_FILE).is_file())
    }

    /// Creates a vault in `dir` (made if missing) protected by `passphrase`,
    /// and returns it unlocked.
    pub fn create(dir: &str, passphrase: &str) -> Result<Vault> {
        Vault::create_with(dir, passphrase, &Quiet)
    }

    /// [`Vault::create`], reporting to `work` and stopping when it asks: a
    /// creation stopped before the end leaves no vault (the half-made file
    /// never had the real name).
    pub fn create_with(dir: &str, passphrase: &str, work: &dyn Work) -> Result<Vault> {
        let mut steps = Steps::new(work, 3);
        let dir = check_dir(dir)?;
        let passphrase = new_passphrase("passphrase", passphrase)?;
        if dir.join(DB_FILE).exists() {
            return Err(Error::AlreadyExists);
        }
        owner_only::create_dir(&dir)?;
        let staging = dir.join(NEW_DB_FILE);
        // A leftover from a creation that crashed holds no participant data:
        // only an empty schema and one slot.
        for suffix in ["", "-wal", "-shm", "-journal"] {
            let leftover = dir.join(format!("{NEW_DB_FILE}{suffix}"));
            if leftover.exists() {
                fs::remove_file(leftover)?;
            }
        }

        let vault_id: [u8; 16] = random_array()?;
        let key_id: [u8; 16] = random_array()?;
        let data_key = SecretKey::random()?;
        steps.check()?;
        let slot = StoredSlot::new_passphrase(
            &vault_id,
            random_array()?,
            PassphraseParams::fresh()?,
            &passphrase,
            &data_key,
        )?;
        steps.step()?;
        let built = (|| -> Result<()> {
            let mut conn = schema::create(&staging)?;
            let tx = conn.transaction()?;
            tx.execute(
                "INSERT INTO meta (k, v) VALUES ('vault_id', ?1), ('key_id', ?2)",
                (vault_id, key_id),
            )?;
            slots::save(&tx, &slot)?;
            tx.commit()?;
            conn.pragma_update(None, "wal_checkpoint", "TRUNCATE")?;
            conn.close().map_err(|(_, e)| Error::from(e))?;
            fs::File::open(&staging)?.sync_all()?;
            steps.step()
        })();
        if let Err(e) = built {
            // Only an empty schema and one slot: nothing to keep aside.
            for suffix in ["", "-wal", "-shm", "-journal"] {
                let _ = fs::remove_file(dir.join(format!("{NEW_DB_FILE}{suffix}")));
            }
            return Err(e);
        }
        fs::rename(&staging, dir.join(DB_FILE))?;
        sync_dir(&dir)?;
        steps.finish();

        let mut vault = Vault::open_path(dir)?;
        vault.state = State::Unlocked(Keys::derive(data_key, &vault_id, key_id)?);
        Ok(vault)
    }

    /// Opens the vault in `dir`, locked.
    pub fn open(dir: &str) -> Result<Vault> {
        Vault::open_path(check_dir(dir)?)
    }

    fn open_path(dir: PathBuf) -> Result<Vault> {
        let path = dir.join(DB_FILE);
        if !path.is_file() {
            return Err(Error::NotFound { what: "vault" });
        }
        narrow_folder(&dir);
        let opened = schema::open(&path).and_then(|conn| {
            let vault_id = meta_get(&conn, "vault_id")?;
            let key_id = meta_get(&conn, "key_id")?;
            Ok((conn, vault_id, key_id))
        });
        let (conn, vault_id, key_id) = match opened {
            Ok(parts) => parts,
            Err(Error::Corrupt) => {
                return Err(Error::Damaged {
                    kept_as: keep_aside(&dir)?,
                });
            }
            Err(e) => return Err(e),
        };
        Ok(Vault {
            dir,
            conn: Some(conn),
            vault_id,
            key_id,
            state: State::Locked,
            scrub_pending: false,
        })
    }

    /// Caps the database at its current size plus `extra` pages (`None`
    /// lifts the cap): writes that need more fail as a full disk would,
    /// with SQLITE_FULL. For the fault-injection tests.
    #[cfg(test)]
    pub(crate) fn limit_growth(&self, extra: Option<u32>) -> Result<()> {
        let conn = self.conn()?;
        let pages: u32 = conn.query_row("PRAGMA page_count", [], |r| r.get(0))?;
        let max = extra.map_or(1_073_741_823, |e| pages.saturating_add(e));
        let _: i64 = conn.query_row(&format!("PRAGMA max_page_count = {max}"), [], |r| r.get(0))?;
        Ok(())
    }

    /// The vault's folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// True unless the vault is unlocked.
    pub fn is_locked(&self) -> bool {
        !matches!(self.state, State::Unlocked(_))
    }

    fn conn(&self) -> Result<&Connection> {
        match (&self.state, &self.conn) {
            (State::Wiped, _) | (_, None) => Err(Error::NotFound { what: "vault" }),
            (_, Some(conn)) => Ok(conn),
        }
    }

    fn keys(&self) -> Result<&Keys> {
        match &self.state {
            State::Unlocked(keys) => Ok(keys),
            State::Locked => Err(Error::Locked),
            State::Wiped => Err(Error::NotFound { what: "vault" }),
        }
    }

    /// The record store, if unlocked.
    pub fn store(&self) -> Result<Store<'_>> {
        let keys = self.keys()?;
        Ok(Store::new(self.conn()?, keys))
    }

    fn unlocked_with(&mut self, data_key: SecretKey) -> Result<()> {
        self.state = State::Unlocked(Keys::derive(data_key, &self.vault_id, self.key_id)?);
        Ok(())
    }

    /// Unlocks with the participant's passphrase. A slot whose PBKDF2 count
    /// is below today's minimum is re-wrapped at the minimum on the way.
    pub fn unlock_with_passphrase(&mut self, passphrase: &str) -> Result<()> {
        let opened = self.unlock_ticket()?.open(passphrase)?;
        self.finish_unlock(opened)?;
        Ok(())
    }

    /// What a passphrase unlock reads from the file, so the key derivation
    /// ([`UnlockTicket::open`], ~0.1 s or more) can run without holding
    /// whatever guards this vault; [`Vault::finish_unlock`] installs the key.
    pub fn unlock_ticket(&self) -> Result<UnlockTicket> {
        let slots = slots::load(self.conn()?)?
            .into_iter()
            .filter(|s| s.kind == SlotKind::Passphrase)
            .collect();
        Ok(UnlockTicket {
            vault_id: self.vault_id,
            key_id: self.key_id,
            slots,
        })
    }

    /// Installs a key opened from a ticket. `Ok(false)`, with nothing
    /// changed, if the slot or the data key changed since the ticket was
    /// read (a passphrase change or a re-key in between): read a new ticket.
    pub fn finish_unlock(&mut self, opened: OpenedKey) -> Result<bool> {
        if !self.slot_unchanged(&opened.slot, opened.key_id)? {
            return Ok(false);
        }
        if let Some(raised) = &opened.raised {
            slots::save(self.conn()?, raised)?;
            self.scrub_slot_residue();
        }
        self.unlocked_with(opened.key)?;
        Ok(true)
    }

    /// What a re-key works on: the connection, the keys in memory, the
    /// vault's id and its data key's id (see `crate::rekey`).
    pub(crate) fn rekey_parts(&self) -> Result<(&Connection, &Keys, [u8; 16], [u8; 16])> {
        Ok((self.conn()?, self.keys()?, self.vault_id, self.key_id))
    }

    /// Installs the data key a re-key committed.
    pub(crate) fn rekeyed(&mut self, data_key: SecretKey, key_id: [u8; 16]) -> Result<()> {
        self.key_id = key_id;
        self.scrub_slot_residue();
        self.unlocked_with(data_key)?;
        Ok(())
    }

    /// After a committed slot change (or a re-key): copies the
    /// write-ahead log into the file and truncates it to nothing, so the
    /// replaced or removed wrapped key (and a re-key's old sealed bodies)
    /// leave every file of the folder now, not hundreds of commits later.
    /// In the file itself `secure_delete` has already zeroed the old cells.
    ///
    /// The change is committed before this runs, so a failure here must not
    /// be reported as the change failing: a checkpoint that fails or is
    /// held up by another connection's read is retried at [`Vault::lock`]
    /// (and SQLite checkpoints and deletes the log when the last connection
    /// closes).
    fn scrub_slot_residue(&mut self) {
        let done = self.conn().and_then(schema::checkpoint_truncate);
        self.scrub_pending = !matches!(done, Ok(true));
    }

    /// Unlocks with a device secret released by the platform keystore.
    pub fn unlock_with_device_secret(&mut self, secret: &[u8]) -> Result<()> {
        let conn = self.conn()?;
        let secret = check_device_secret(secret)?;
        for slot in slots::load(conn)?
            .into_iter()
            .filter(|s| s.kind == SlotKind::Device)
        {
            if let Some(key) = slot.open_with_device(&self.vault_id, secret)? {
                self.unlocked_with(key)?;
                return Ok(());
            }
        }
        Err(Error::WrongCredential)
    }

    /// Drops every key from memory. Always succeeds.
    pub fn lock(&mut self) {
        if let State::Unlocked(_) = self.state {
            self.state = State::Locked;
        }
        if self.scrub_pending {
            self.scrub_slot_residue();
        }
    }

    /// Rewrites the passphrase slot for `new`, in one transaction; records
    /// are not re-encrypted. Works locked or unlocked, and needs `current`
    /// either way, so an unlocked phone left on a table is not enough.
    pub fn change_passphrase(&mut self, current: &str, new: &str) -> Result<()> {
        let change = self.unlock_ticket()?.change_passphrase(current, new)?;
        if self.finish_passphrase_change(change)? {
            Ok(())
        } else {
            // Nothing can change the slots while `self` is borrowed.
            Err(Error::Storage("slots_changing"))
        }
    }

    /// Saves a passphrase change prepared from a ticket, in one
    /// transaction. `Ok(false)`, with nothing written, if the slot or the
    /// data key changed since the ticket was read: prepare it again.
    pub fn finish_passphrase_change(&mut self, change: PassphraseChange) -> Result<bool> {
        if !self.slot_unchanged(&change.old, change.key_id)? {
            return Ok(false);
        }
        let conn = self.conn()?;
        let tx = conn.unchecked_transaction()?;
        slots::save(&tx, &change.rewritten)?;
        tx.commit()?;
        self.scrub_slot_residue();
        Ok(true)
    }

    /// True if `slot` is still stored as it was read and the data key is
    /// still `key_id`: work prepared from a ticket may then be applied.
    fn slot_unchanged(&self, slot: &StoredSlot, key_id: [u8; 16]) -> Result<bool> {
        let current = slots::load(self.conn()?)?;
        Ok(self.key_id == key_id
            && current
                .iter()
                .any(|s| s.id == slot.id && s.params == slot.params && s.wrapped == slot.wrapped))
    }

    /// Adds a device slot; the vault must be unlocked. The returned secret
    /// goes to the platform keystore and nowhere else.
    pub fn add_device_slot(&mut self) -> Result<DeviceSlot> {
        let keys = self.keys()?;
        let secret = Zeroizing::new(random_array::<DEVICE_SECRET_LEN>()?);
        let slot = StoredSlot::new_device(&self.vault_id, &secret, &keys.data)?;
        slots::save(self.conn()?, &slot)?;
        self.scrub_slot_residue();
        Ok(DeviceSlot {
            slot_id: hex::encode(slot.id),
            secret,
        })
    }

    /// Removes a device slot; the vault must be unlocked. The passphrase
    /// slot stays: it is the way back in when biometrics fail.
    pub fn remove_slot(&mut self, slot_id: &str) -> Result<()> {
        self.keys()?;
        let conn = self.conn()?;
        let mut id = [0u8; 16];
        if slot_id.len() != 32 || hex::decode_to_slice(slot_id, &mut id).is_err() {
            return Err(Error::invalid("slot_id", "not_a_slot_id"));
        }
        let slot = slots::load(conn)?
            .into_iter()
            .find(|s| s.id == id)
            .ok_or(Error::NotFound { what: "key_slot" })?;
        if slot.kind == SlotKind::Passphrase {
            return Err(Error::invalid("slot_id", "passphrase_slot"));
        }
        slots::delete(conn, &id)?;
        self.scrub_slot_residue();
        Ok(())
    }

    /// The vault's slots (ids and kinds only); the vault must be unlocked,
    /// so a locked phone does not tell whether biometrics are set up.
    pub fn slots(&self) -> Result<Vec<SlotInfo>> {
        self.keys()?;
        Ok(slots::load(self.conn()?)?
            .iter()
            .map(StoredSlot::info)
            .collect())
    }

    /// Destroys the vault: the key slots are shredded first, so that every
    /// record is unreadable from that commit on, then the files are removed.
    /// The vault must be unlocked: someone holding a locked phone cannot
    /// erase the participant's journal.
    pub fn wipe(&mut self) -> Result<()> {
        self.keys()?;
        let conn = self.conn.take().ok_or(Error::NotFound { what: "vault" })?;
        let shred = (|| -> Result<()> {
            let tx = conn.unchecked_transaction()?;
            slots::shred_all(&tx)?;
            tx.execute("DELETE FROM meta", [])?;
            tx.commit()?;
            conn.pragma_update(None, "wal_checkpoint", "TRUNCATE")?;
            Ok(())
        })();
        if let Err(e) = shred {
            self.conn = Some(conn);
            return Err(e);
        }
        self.state = State::Wiped;
        conn.close().map_err(|(_, e)| Error::from(e))?;

        let db = self.dir.join(DB_FILE);
        // Overwrite the file before unlinking it, for storage that keeps
        // blocks in place; flash may not, which is why the shred came first.
        if let Ok(meta) = fs::metadata(&db) {
            fs::write(&db, vec![0u8; meta.len() as usize])?;
            fs::File::open(&db)?.sync_all()?;
        }
        for suffix in std::iter::once("").chain(COMPANION_SUFFIXES) {
            let path = self.dir.join(format!("{DB_FILE}{suffix}"));
            if path.exists() {
                fs::remove_file(path)?;
            }
        }
        // Only removes the folder if nothing else is in it.
        let _ = fs::remove_dir(&self.dir);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Record;
    use serde::{Deserialize, Serialize};

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Thing(String);
    impl Record for Thing {
        const COLLECTION: &'static str = "test.thing";
        const NOUN: &'static str = "thing";
    }

    const PASS: &str = "correct horse battery";

    fn new_vault() -> (tempfile::TempDir, Vault) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v");
        let vault = Vault::create(path.to_str().unwrap(), PASS).unwrap();
        (dir, vault)
    }

    #[test]
    fn locked_means_locked() {
        let (_d, mut v) = new_vault();
        let id = v.store().unwrap().insert(&Thing("a".into())).unwrap();
        v.lock();
        assert!(v.is_locked());
        assert!(matches!(v.store().map(|_| ()), Err(Error::Locked)));
        assert!(matches!(v.slots(), Err(Error::Locked)));
        assert!(matches!(
            v.add_device_slot().map(|_| ()),
            Err(Error::Locked)
        ));
        assert!(matches!(v.wipe(), Err(Error::Locked)));
        v.unlock_with_passphrase(PASS).unwrap();
        assert_eq!(
            v.store().unwrap().get::<Thing>(&id).unwrap(),
            Thing("a".into())
        );
    }

    #[test]
    fn weak_slots_are_raised_on_unlock() {
        let (_d, mut v) = new_vault();
        let keys = v.keys().unwrap();
        let conn = v.conn().unwrap();
        let slot = slots::load(conn).unwrap().remove(0);
        let weak = StoredSlot::new_passphrase(
            &v.vault_id,
            slot.id,
            PassphraseParams::fresh_with(1_000).unwrap(),
            PASS,
            &keys.data,
        )
        .unwrap();
        slots::save(conn, &weak).unwrap();
        v.lock();
        v.unlock_with_passphrase(PASS).unwrap();
        let raised = slots::load(v.conn().unwrap()).unwrap().remove(0);
        assert_eq!(raised.id, slot.id);
        assert_eq!(
            raised.passphrase_params().unwrap().iterations,
            MIN_PBKDF2_ITERATIONS
        );
        // The weak slot, which a cheaper guess would open, left every file.
        assert_eq!(fs::metadata(v.dir().join("vault.db-wal")).unwrap().len(), 0);
        for file in ["vault.db", "vault.db-shm"] {
            let bytes = fs::read(v.dir().join(file)).unwrap();
            assert!(!bytes.windows(weak.wrapped.len()).any(|w| w == weak.wrapped));
            assert!(!bytes.windows(16).any(|w| w == &weak.params[5..]));
        }
    }

    /// A read held open elsewhere keeps the checkpoint after a slot change
    /// from finishing: the change still stands, and `lock()` finishes the
    /// scrub once the read is over.
    #[test]
    fn a_held_up_scrub_is_finished_at_lock() {
        let (_d, mut v) = new_vault();
        let wal = v.dir().join("vault.db-wal");
        let reader = Connection::open(v.dir().join(DB_FILE)).unwrap();
        reader
            .execute_batch("BEGIN; SELECT count(*) FROM slots;")
            .unwrap();
        v.add_device_slot().unwrap();
        assert!(v.scrub_pending);
        assert!(fs::metadata(&wal).unwrap().len() > 0);
        reader.execute_batch("COMMIT").unwrap();
        drop(reader);
        assert_eq!(v.slots().unwrap().len(), 2);
        v.lock();
        assert!(!v.scrub_pending);
        assert_eq!(fs::metadata(&wal).unwrap().len(), 0);
    }

    #[test]
    fn an_unlock_ticket_goes_stale_when_the_passphrase_changes() {
        let (_d, mut v) = new_vault();
        v.lock();
        let opened = v.unlock_ticket().unwrap().open(PASS).unwrap();
        v.change_passphrase(PASS, "another good passphrase")
            .unwrap();
        assert!(!v.finish_unlock(opened).unwrap());
        assert!(v.is_locked());
        assert!(matches!(
            v.unlock_ticket().unwrap().open(PASS).map(|_| ()),
            Err(Error::WrongCredential)
        ));
        v.unlock_with_passphrase("another good passphrase").unwrap();
    }

    #[test]
    fn a_cancelled_creation_leaves_no_vault() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v");
        for limit in 0..3 {
            let work = crate::work::CancelAfter::new(limit);
            assert!(matches!(
                Vault::create_with(path.to_str().unwrap(), PASS, &work),
                Err(Error::Cancelled)
            ));
            assert!(!Vault::exists(path.to_str().unwrap()));
            assert_eq!(fs::read_dir(&path).map(|d| d.count()).unwrap_or(0), 0);
        }
    }

    #[test]
    fn create_refuses_an_existing_vault_and_bad_paths() {
        let (_d, v) = new_vault();
        let dir = v.dir().to_str().unwrap().to_string();
        assert!(matches!(
            Vault::create(&dir, PASS),
            Err(Error::AlreadyExists)
        ));
        assert!(matches!(
            Vault::create("", PASS),
            Err(Error::InvalidInput { field: "path", .. })
        ));
        assert!(matches!(
            Vault::create(&dir, "short"),
            Err(Error::InvalidInput {
                field: "passphrase",
                ..
            })
        ));
        assert!(matches!(
            Vault::open("/nonexistent/keel"),
            Err(Error::NotFound { what: "vault" })
        ));
    }

    #[test]
    fn slots_can_be_added_and_removed_but_not_the_passphrase() {
        let (_d, mut v) = new_vault();
        let dev = v.add_device_slot().unwrap();
        assert_eq!(v.slots().unwrap().len(), 2);
        v.lock();
        v.unlock_with_device_secret(dev.secret.as_slice()).unwrap();
        let pass_id = v
            .slots()
            .unwrap()
            .into_iter()
            .find(|s| s.kind == SlotKind::Passphrase)
            .unwrap()
            .id;
        assert!(matches!(
            v.remove_slot(&pass_id),
            Err(Error::InvalidInput {
                field: "slot_id",
                ..
            })
        ));
        assert!(matches!(
            v.remove_slot("zz"),
            Err(Error::InvalidInput { .. })
        ));
        assert!(matches!(
            v.remove_slot(&"0".repeat(32)),
            Err(Error::NotFound { .. })
        ));
        v.remove_slot(&dev.slot_id).unwrap();
        v.lock();
        assert!(matches!(
            v.unlock_with_device_secret(dev.secret.as_slice()),
            Err(Error::WrongCredential)
        ));
    }
}
