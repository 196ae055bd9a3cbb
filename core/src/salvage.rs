//! Salvage: rebuilding a vault from what can still be read of a damaged one.
//!
//! The damaged file is only ever read: a scratch copy of it is opened and
//! read range by range of record ids. A range whose pages SQLite cannot read
//! is split into 256 smaller ranges, twice, so one bad page costs the records
//! on it rather than the whole table. Every record found is opened with the
//! data key, which authenticates it: a damaged page can lose records but
//! never yields wrong ones. The readable records go into a new vault under
//! the same passphrase (built beside the old file, then moved into its
//! place), through the same path a restore takes, so links between records
//! are rewritten and summaries rebuilt. Before anything replaces the damaged
//! file it is kept aside byte for byte (as opening it does), so nothing the
//! salvage does can lose more; a wrong passphrase changes nothing at all.
//! Device slots are not carried over: the shells enrol the platform
//! keystore again.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

use crate::backup::registry::{COLLECTIONS, Kind};
use crate::backup::{self, BackupError, Entry, Opened, RestoreMode};
use crate::crypto::random_array;
use crate::error::{Error, Result};
use crate::owner_only;
use crate::schema;
use crate::slots::{self, SlotKind, normalize_passphrase};
use crate::store::{Keys, RecordId, Store};
use crate::time::LocalInstant;
use crate::vault::{self, DB_FILE, Vault};

/// What a salvage recovered and what it could not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SalvageReport {
    /// Records read back whole and written into the rebuilt vault.
    pub recovered: u64,
    /// Records found but unreadable: damaged, or of a kind this build does
    /// not know. Summaries the app rebuilds by itself are not counted.
    pub unreadable: u64,
    /// Of the 65,536 ranges record ids are spread over, how many could not
    /// be read at all. The records in them are lost; how many there were
    /// cannot be known.
    pub unreadable_ranges: u64,
    /// The damaged file, kept aside byte for byte in the vault's folder.
    pub kept_as: String,
}

/// How many times a failing id range is split before it is given up.
const SPLITS: usize = 2;

/// One row as read from the file.
struct Row {
    tag: [u8; 16],
    body: Vec<u8>,
}

/// Rebuilds the vault in `dir` from what can be read of it, with the
/// passphrase that opens it. The damaged file stays in the folder, kept
/// aside; the rebuilt vault takes its place and opens with the same
/// passphrase.
pub fn salvage(dir: &str, passphrase: &str, now: LocalInstant) -> Result<SalvageReport> {
    let now = now.validate("now")?;
    let passphrase = normalize_passphrase("passphrase", passphrase)?;
    let dir = vault::check_dir(dir)?;
    if !dir.join(DB_FILE).is_file() {
        return Err(Error::NotFound { what: "vault" });
    }
    let scratch = dir.join(format!(".salvage-{}", hex::encode(random_array::<8>()?)));
    owner_only::create_dir(&scratch)?;
    let read = read_copy(&dir, &scratch, &passphrase);
    let _ = fs::remove_dir_all(&scratch);
    // A wrong passphrase leaves the folder as it was; from here on the
    // damaged file is kept aside before anything replaces it.
    let (entries, unreadable, unreadable_ranges) = match read {
        Err(Error::Corrupt) => {
            return Err(Error::Damaged {
                kept_as: vault::keep_aside(&dir)?,
            });
        }
        other => other?,
    };
    let kept_as = vault::keep_aside(&dir)?;
    let recovered = entries.len() as u64;

    rebuild(&dir, &passphrase, entries, now)?;
    Ok(SalvageReport {
        recovered,
        unreadable,
        unreadable_ranges,
        kept_as,
    })
}

/// Reads every authentic record of the vault file through a scratch copy
/// (SQLite may need to replay its write-ahead log, which writes); the file
/// itself is only read. `Error::Corrupt` if not even its keys can be read.
fn read_copy(dir: &Path, scratch: &Path, passphrase: &str) -> Result<(Vec<Entry>, u64, u64)> {
    let damaged = || Error::Corrupt;
    for suffix in ["", "-wal"] {
        let from = dir.join(format!("{DB_FILE}{suffix}"));
        if from.is_file() {
            owner_only::copy(&from, &scratch.join(format!("{DB_FILE}{suffix}")))?;
        }
    }
    let conn = Connection::open_with_flags(
        scratch.join(DB_FILE),
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|_| damaged())?;
    // Lets SQLite read a file shorter than its header says (a truncated
    // copy) instead of refusing it whole; nothing here writes the schema.
    conn.pragma_update(None, "writable_schema", "ON")
        .map_err(|_| damaged())?;
    let version: u32 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(|_| damaged())?;
    if version > schema::CURRENT_VERSION {
        return Err(Error::NewerFormat {
            found: version,
            supported: schema::CURRENT_VERSION,
        });
    }
    let vault_id = vault::meta_get(&conn, "vault_id").map_err(|_| damaged())?;
    let key_id = vault::meta_get(&conn, "key_id").map_err(|_| damaged())?;
    let mut data_key = None;
    for slot in slots::load(&conn)
        .map_err(|_| damaged())?
        .into_iter()
        .filter(|s| s.kind == SlotKind::Passphrase)
    {
        if let Some(key) = slot.open_with_passphrase(&vault_id, passphrase)? {
            data_key = Some(key);
            break;
        }
    }
    let keys = Keys::derive(data_key.ok_or(Error::WrongCredential)?, &vault_id, key_id)?;
    let store = Store::new(&conn, &keys);

    let mut rows = BTreeMap::new();
    let mut ranges_lost = 0;
    read_range(&conn, &[], 0, &mut rows, &mut ranges_lost);

    let by_tag: BTreeMap<[u8; 16], _> = COLLECTIONS.iter().map(|c| (c.tag(&store), c)).collect();
    let mut entries = Vec::new();
    let mut unreadable = 0;
    for (id, row) in rows {
        let opened = by_tag
            .get(&row.tag)
            .map(|c| (c, c.open(&store, &id, &row.body)));
        match opened {
            Some((c, Ok(value))) if c.kind == Kind::Kept => entries.push(Entry {
                collection: c.name,
                id,
                value,
            }),
            Some((c, Ok(_))) if c.kind == Kind::Derived => {}
            _ => unreadable += 1,
        }
    }
    Ok((entries, unreadable, ranges_lost))
}

/// The first id after every id starting with `prefix`, if there is one.
fn after(prefix: &[u8]) -> Option<Vec<u8>> {
    let mut next = prefix.to_vec();
    while let Some(last) = next.pop() {
        if last < u8::MAX {
            next.push(last + 1);
            return Some(next);
        }
    }
    None
}

/// Reads the rows whose ids start with `prefix` into `rows`. A range SQLite
/// fails on is read again from its far end (so rows after a bad page come
/// back too), then split by the next id byte, up to [`SPLITS`] times; a
/// range still failing then is counted in `ranges_lost`.
fn read_range(
    conn: &Connection,
    prefix: &[u8],
    depth: usize,
    rows: &mut BTreeMap<RecordId, Row>,
    ranges_lost: &mut u64,
) {
    if scan(conn, prefix, Order::Ascending, rows).is_ok() {
        return;
    }
    // Whatever this finds, the split below looks at every part again.
    let _ = scan(conn, prefix, Order::Descending, rows);
    if depth == SPLITS {
        *ranges_lost += 1;
        return;
    }
    for byte in 0..=u8::MAX {
        let mut narrower = prefix.to_vec();
        narrower.push(byte);
        read_range(conn, &narrower, depth + 1, rows, ranges_lost);
    }
}

#[derive(Clone, Copy)]
enum Order {
    Ascending,
    Descending,
}

/// One range scan; rows read before a failure are kept.
fn scan(
    conn: &Connection,
    prefix: &[u8],
    order: Order,
    rows: &mut BTreeMap<RecordId, Row>,
) -> rusqlite::Result<()> {
    let upper = after(prefix);
    let sql = match (upper.is_some(), order) {
        (true, Order::Ascending) => {
            "SELECT id, tag, body FROM items WHERE id >= ?1 AND id < ?2 ORDER BY id"
        }
        (true, Order::Descending) => {
            "SELECT id, tag, body FROM items WHERE id >= ?1 AND id < ?2 ORDER BY id DESC"
        }
        (false, Order::Ascending) => "SELECT id, tag, body FROM items WHERE id >= ?1 ORDER BY id",
        (false, Order::Descending) => {
            "SELECT id, tag, body FROM items WHERE id >= ?1 ORDER BY id DESC"
        }
    };
    let mut stmt = conn.prepare_cached(sql)?;
    let mut found = match &upper {
        Some(upper) => stmt.query((prefix, upper.as_slice()))?,
        None => stmt.query([prefix])?,
    };
    while let Some(row) = found.next()? {
        let id = row.get_ref(0)?.as_blob().ok();
        let tag = row.get_ref(1)?.as_blob().ok();
        let body = row.get_ref(2)?.as_blob().ok();
        if let (Some(id), Some(tag), Some(body)) = (id, tag, body)
            && let (Ok(id), Ok(tag)) = (<[u8; 16]>::try_from(id), <[u8; 16]>::try_from(tag))
        {
            let body = body.to_vec();
            rows.insert(RecordId(id), Row { tag, body });
        }
    }
    Ok(())
}

/// Writes `entries` into a new vault beside the damaged file, then moves it
/// into its place. The damaged bytes are already kept aside.
fn rebuild(dir: &Path, passphrase: &str, entries: Vec<Entry>, now: LocalInstant) -> Result<()> {
    let staging: PathBuf = dir.join(format!(".rebuilt-{}", hex::encode(random_array::<8>()?)));
    let built = (|| {
        let fresh = Vault::create(
            staging.to_str().ok_or(Error::invalid("path", "not_utf8"))?,
            passphrase,
        )?;
        let opened = Opened {
            created_at: now,
            entries,
        };
        backup::restore_opened(
            &fresh.store()?,
            opened,
            RestoreMode::IntoEmptyVault,
            &crate::work::Quiet,
        )
        .map_err(|e| match e {
            BackupError::Core(e) => e,
            _ => Error::Storage("salvage_write_failed"),
        })?;
        Ok::<_, Error>(())
    })();
    if let Err(e) = built {
        let _ = fs::remove_dir_all(&staging);
        return Err(e);
    }
    // The damaged log was kept aside with the file; the index is rebuilt.
    for suffix in ["-wal", "-shm"] {
        let companion = dir.join(format!("{DB_FILE}{suffix}"));
        if companion.exists() {
            fs::remove_file(companion)?;
        }
    }
    fs::rename(staging.join(DB_FILE), dir.join(DB_FILE))?;
    vault::sync_dir(dir)?;
    let _ = fs::remove_dir_all(&staging);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_ranges_end_where_the_prefix_does() {
        assert_eq!(after(&[]), None);
        assert_eq!(after(&[3]), Some(vec![4]));
        assert_eq!(after(&[3, 255]), Some(vec![4]));
        assert_eq!(after(&[255, 255]), None);
    }
}
