//! Encrypted backup and restore: every record of the vault in one file, to
//! move to a new phone. docs/backup-format.md is the reference.
//!
//! - The file is sealed under a *backup passphrase* (PBKDF2-HMAC-SHA256 at
//!   600,000 iterations, AES-256-GCM in 64 KiB chunks, each bound to the
//!   header, its index and whether it is the last; see [`format`]). A
//!   generated six-word passphrase or the participant's own (checked like a
//!   report's, [`crate::report::passphrase`]).
//! - Inside is a record stream: a manifest line, then one JSON line per
//!   record with its collection, id and body exactly as the vault held it.
//!   Derived collections (indexes, summaries) are left out; they are rebuilt.
//! - [`inspect`] and [`restore`] open and check the *whole* file (the key,
//!   every chunk, every line, the counts) before anything is written; any
//!   fault is a typed [`BackupError`] and the vault is untouched.
//! - [`restore`] never mixes data silently: [`RestoreMode::IntoEmptyVault`]
//!   refuses a vault that holds records; [`RestoreMode::AddToExisting`] is
//!   the explicit choice to add the backup's records beside them. Everything
//!   is written in one transaction.
//!
//! Restored records keep their ids (random, made by the store of the vault
//! they came from), so references between records stay valid and a restore
//! merges by record identity: a record the vault already holds is not
//! written twice, and restoring the same backup again adds nothing.

pub mod format;
pub mod registry;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fs;
use std::io::Write;
use std::path::Path;

use serde::{Deserialize, Serialize};
use serde_json::Value;
use zeroize::Zeroizing;

use crate::crypto::kdf::MIN_PBKDF2_ITERATIONS;
use crate::crypto::{SecretKey, random_array};
use crate::error::Error;
use crate::report::passphrase;
use crate::store::{RecordId, Store};
use crate::time::LocalInstant;
use crate::vault::Vault;
use crate::work::{Quiet, Shifted, Steps, Work};
use format::Header;
use registry::{COLLECTIONS, Collection, Kind};

/// The record stream's format; the manifest's `keel_backup`.
pub const STREAM_VERSION: u32 = 1;

/// Why a backup could not be made or restored. Messages never carry
/// content, paths or the passphrase.
#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    /// The file is not a Keel backup.
    #[error("not a Keel backup file")]
    NotABackup,
    /// Made by a newer version of the app.
    #[error("backup format {found} is newer than this build supports ({supported})")]
    NewerFormat {
        /// The version found.
        found: u32,
        /// The newest this build reads.
        supported: u32,
    },
    /// The backup passphrase does not open the file.
    #[error("wrong backup passphrase")]
    WrongPassphrase,
    /// The file was changed or is damaged; nothing was written.
    #[error("the backup file was changed or is damaged ({reason}); nothing was restored")]
    Damaged {
        /// What failed, as a stable code (docs/errors.md).
        reason: &'static str,
    },
    /// A header or chunk parameter lies outside the range
    /// docs/backup-format.md states; refused before any key derivation.
    #[error("the backup file has a parameter out of range ({parameter}); nothing was restored")]
    OutOfRange {
        /// Which one, as a stable code.
        parameter: &'static str,
    },
    /// The file ends early (an interrupted copy); nothing was written.
    #[error("the backup file is incomplete; nothing was restored")]
    Truncated,
    /// The backup holds a kind of record this build does not know.
    #[error("the backup holds records this version of the app does not know; update the app")]
    UnknownCollection,
    /// The vault already holds records and the mode was `IntoEmptyVault`.
    #[error(
        "the vault already holds {records} records; restore only into an empty vault, or choose to add to them"
    )]
    NotEmpty {
        /// How many records the vault holds.
        records: u64,
    },
    /// Over [`format::MAX_FILE`].
    #[error("the backup file is too large")]
    TooLarge,
    /// The vault or the file system failed.
    #[error(transparent)]
    Core(#[from] Error),
}

/// Result type of this module.
pub type Result<T, E = BackupError> = std::result::Result<T, E>;

impl From<BackupError> for Error {
    /// The core's one error type, for callers that need no more detail:
    /// every kind of unreadable file is [`Error::DamagedBackup`].
    fn from(e: BackupError) -> Self {
        match e {
            BackupError::NotABackup => Error::DamagedBackup {
                reason: "not_a_backup",
            },
            BackupError::Truncated => Error::DamagedBackup {
                reason: "truncated",
            },
            BackupError::Damaged { reason } => Error::DamagedBackup { reason },
            BackupError::OutOfRange { parameter } => Error::OutOfRange { parameter },
            BackupError::NewerFormat { found, supported } => {
                Error::NewerFormat { found, supported }
            }
            BackupError::WrongPassphrase => Error::WrongCredential,
            BackupError::UnknownCollection => Error::invalid("backup", "unknown_collection"),
            BackupError::NotEmpty { .. } => Error::invalid("mode", "vault_not_empty"),
            BackupError::TooLarge => Error::invalid("backup", "too_large"),
            BackupError::Core(e) => e,
        }
    }
}

/// How a restore treats records already in the vault.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RestoreMode {
    /// Only into a vault with no records (a new phone). The default.
    IntoEmptyVault,
    /// Add the backup's records beside the vault's own, merging by record
    /// identity: a record the vault already holds (same id) is kept as the
    /// vault has it, so restoring the same backup twice adds nothing the
    /// second time. Nothing is replaced or deleted.
    AddToExisting,
}

/// Records of one collection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CollectionCount {
    /// The collection's name (e.g. `log.craving`).
    pub collection: &'static str,
    /// Records of it in the backup.
    pub in_backup: u64,
    /// Records of it in the vault now.
    pub in_vault: u64,
}

/// What a backup holds, set against the vault.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupContents {
    /// When the backup was made (the phone's clock then).
    pub created_at: LocalInstant,
    /// Records in the backup.
    pub records: u64,
    /// Records in the vault now (kept collections only).
    pub vault_records: u64,
    /// Per kept collection, in registry order.
    pub collections: Vec<CollectionCount>,
}

/// What a backup run wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupSummary {
    /// Records written into the file.
    pub records: u64,
    /// Records that failed their integrity check in the vault and could not
    /// be included (they stay in the vault, untouched).
    pub damaged_left_out: u64,
    /// Size of the file in bytes.
    pub bytes: u64,
}

/// What a restore wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RestoreSummary {
    /// Records written into the vault.
    pub restored: u64,
    /// Records of the backup the vault already held (the same record, by
    /// its id): kept as the vault has them, not written again.
    pub already_present: u64,
}

#[derive(Serialize, Deserialize)]
struct Manifest {
    keel_backup: u32,
    created_at: LocalInstant,
    records: u64,
    collections: BTreeMap<String, u64>,
}

#[derive(Serialize)]
struct LineOut<'a> {
    c: &'static str,
    id: String,
    v: &'a Value,
}

#[derive(Deserialize)]
struct LineIn {
    c: String,
    id: String,
    v: Value,
}

/// One record read from a backup.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// Its collection.
    pub collection: &'static str,
    /// Its id in the vault it came from.
    pub id: RecordId,
    /// Its body, as the vault held it.
    pub value: Value,
}

/// A backup opened and checked from end to end.
#[derive(Debug, Clone, PartialEq)]
pub struct Opened {
    /// When it was made.
    pub created_at: LocalInstant,
    /// Its records, in file order.
    pub entries: Vec<Entry>,
}

fn collection(name: &str) -> Option<&'static Collection> {
    registry::find(name)
}

/// A backup being made: the kept collections read so far. Read one
/// collection at a time ([`Snapshot::read`]), so a caller can let go of the
/// vault between collections, then [`Snapshot::seal`] without the vault.
#[derive(Default)]
pub struct Snapshot {
    lines: Vec<(&'static str, RecordId, Value)>,
    damaged: u64,
    per: BTreeMap<String, u64>,
}

impl Snapshot {
    /// An empty snapshot.
    pub fn new() -> Self {
        Snapshot::default()
    }

    /// The collections a backup holds, in file order.
    pub fn collections() -> impl Iterator<Item = &'static Collection> {
        COLLECTIONS.iter().filter(|c| c.kind == Kind::Kept)
    }

    /// Reads every record of `c`.
    pub fn read(&mut self, store: &Store<'_>, c: &'static Collection) -> Result<()> {
        let mut listing = c.list(store)?;
        self.damaged += listing.damaged.len() as u64;
        listing.items.sort_by_key(|(id, _)| *id);
        self.per
            .insert(c.name.to_string(), listing.items.len() as u64);
        self.lines
            .extend(listing.items.into_iter().map(|(id, v)| (c.name, id, v)));
        Ok(())
    }

    /// The record stream: the manifest line, then one line per record.
    fn stream(&self, now: LocalInstant) -> Result<Zeroizing<Vec<u8>>> {
        let manifest = Manifest {
            keel_backup: STREAM_VERSION,
            created_at: now,
            records: self.lines.len() as u64,
            collections: self.per.clone(),
        };
        let encode =
            |_: serde_json::Error| BackupError::from(Error::invalid("backup", "encoding_failed"));
        let mut out = Zeroizing::new(serde_json::to_vec(&manifest).map_err(encode)?);
        out.push(b'\n');
        for (c, id, v) in &self.lines {
            let line = LineOut {
                c,
                id: id.to_string(),
                v,
            };
            serde_json::to_writer(&mut *out, &line).map_err(encode)?;
            out.push(b'\n');
        }
        Ok(out)
    }

    /// Seals what was read under `key` (from `header`): the backup file and
    /// what it holds. Needs no vault.
    pub fn seal(
        self,
        header: &Header,
        key: &SecretKey,
        now: LocalInstant,
    ) -> Result<(Vec<u8>, BackupSummary)> {
        let now = now.validate("now")?;
        let stream = self.stream(now)?;
        let file = format::seal(header, key, &stream)?;
        if file.len() > format::MAX_FILE {
            return Err(BackupError::TooLarge);
        }
        let summary = BackupSummary {
            records: self.lines.len() as u64,
            damaged_left_out: self.damaged,
            bytes: file.len() as u64,
        };
        Ok((file, summary))
    }
}

/// A fresh header for `passphrase` (checked like a report's) and the key
/// derived from it: the slow PBKDF2 step, which needs no vault.
pub fn new_key(passphrase: &str) -> Result<(Header, SecretKey)> {
    let normal = passphrase::validate("passphrase", passphrase)?;
    let header = Header::new(MIN_PBKDF2_ITERATIONS, random_array()?);
    let key = header.key(&normal);
    Ok((header, key))
}

/// Makes a backup of every kept record, sealed under `passphrase`.
pub fn create(
    store: &Store<'_>,
    passphrase: &str,
    now: LocalInstant,
) -> Result<(Vec<u8>, BackupSummary)> {
    let (header, key) = new_key(passphrase)?;
    create_with_key(store, &header, &key, now)
}

/// [`create`] with a header and its already derived key (fuzz seeds).
pub fn create_with_key(
    store: &Store<'_>,
    header: &Header,
    key: &SecretKey,
    now: LocalInstant,
) -> Result<(Vec<u8>, BackupSummary)> {
    now.validate("now")?;
    let mut snapshot = Snapshot::new();
    for c in Snapshot::collections() {
        snapshot.read(store, c)?;
    }
    snapshot.seal(header, key, now)
}

/// Parses a decrypted record stream, checking every line and the counts.
pub fn parse_stream(stream: &[u8]) -> Result<Opened> {
    let damaged = |reason| BackupError::Damaged { reason };
    let body = stream
        .strip_suffix(b"\n")
        .ok_or(damaged("stream_unterminated"))?;
    let mut lines = body.split(|&b| b == b'\n');
    let first = lines.next().ok_or(damaged("no_manifest"))?;
    let version: Value =
        serde_json::from_slice(first).map_err(|_| damaged("manifest_unreadable"))?;
    let found = version.get("keel_backup").and_then(Value::as_u64);
    match found {
        Some(v) if v == u64::from(STREAM_VERSION) => {}
        Some(v) if v > u64::from(STREAM_VERSION) => {
            return Err(BackupError::NewerFormat {
                found: u32::try_from(v).unwrap_or(u32::MAX),
                supported: STREAM_VERSION,
            });
        }
        _ => return Err(damaged("manifest_version")),
    }
    let manifest: Manifest =
        serde_json::from_value(version).map_err(|_| damaged("manifest_unreadable"))?;
    let created_at = manifest
        .created_at
        .validate("created_at")
        .map_err(|_| damaged("manifest_date"))?;
    let mut entries = Vec::new();
    let mut seen = HashSet::new();
    let mut per: BTreeMap<String, u64> = BTreeMap::new();
    for line in lines {
        let line: LineIn = serde_json::from_slice(line).map_err(|_| damaged("line_unreadable"))?;
        let c = collection(&line.c).ok_or(BackupError::UnknownCollection)?;
        if c.kind == Kind::Derived {
            return Err(damaged("derived_record"));
        }
        let id = RecordId::parse("id", &line.id).map_err(|_| damaged("bad_record_id"))?;
        if !seen.insert(id) {
            return Err(damaged("duplicate_record"));
        }
        *per.entry(line.c).or_default() += 1;
        entries.push(Entry {
            collection: c.name,
            id,
            value: line.v,
        });
    }
    if entries.len() as u64 != manifest.records {
        return Err(damaged("count_mismatch"));
    }
    let expected: BTreeMap<String, u64> = manifest
        .collections
        .into_iter()
        .filter(|(_, n)| *n > 0)
        .collect();
    if per != expected {
        return Err(damaged("collection_count_mismatch"));
    }
    Ok(Opened {
        created_at,
        entries,
    })
}

/// Opens a file with an already derived key (fuzzing, tests): structure,
/// key check, every chunk, every line.
pub fn open_with_key(file: &[u8], key: &SecretKey) -> Result<Opened> {
    let (header, rest) = format::parse_header(file)?;
    if !format::key_opens(&header, rest, key)? {
        return Err(BackupError::WrongPassphrase);
    }
    let stream = format::open_chunks(&header, rest, key)?;
    parse_stream(&stream)
}

/// Opens and checks a whole backup file with its passphrase.
pub fn open(file: &[u8], passphrase: &str) -> Result<Opened> {
    let (header, _) = format::parse_header(file)?;
    let key = header.key(&passphrase::normalize(passphrase));
    open_with_key(file, &key)
}

fn vault_counts(store: &Store<'_>) -> Result<BTreeMap<&'static str, u64>> {
    let mut out = BTreeMap::new();
    for c in COLLECTIONS.iter().filter(|c| c.kind == Kind::Kept) {
        out.insert(c.name, c.count(store)?);
    }
    Ok(out)
}

/// What `opened` holds against the vault (counts only; quick).
pub fn contents(store: &Store<'_>, opened: &Opened) -> Result<BackupContents> {
    Ok(contents_against(opened, &vault_counts(store)?))
}

/// What `opened` holds, for a phone with no vault yet (onboarding shows it
/// before the participant chooses a new passphrase): every count on the
/// vault's side is zero.
pub fn contents_alone(opened: &Opened) -> BackupContents {
    contents_against(opened, &BTreeMap::new())
}

/// What `opened` holds set against `in_vault` (per kept collection).
fn contents_against(opened: &Opened, in_vault: &BTreeMap<&'static str, u64>) -> BackupContents {
    let mut in_backup: HashMap<&str, u64> = HashMap::new();
    for e in &opened.entries {
        *in_backup.entry(e.collection).or_default() += 1;
    }
    let collections: Vec<CollectionCount> = COLLECTIONS
        .iter()
        .filter(|c| c.kind == Kind::Kept)
        .map(|c| CollectionCount {
            collection: c.name,
            in_backup: in_backup.get(c.name).copied().unwrap_or(0),
            in_vault: in_vault.get(c.name).copied().unwrap_or(0),
        })
        .collect();
    BackupContents {
        created_at: opened.created_at,
        records: opened.entries.len() as u64,
        vault_records: in_vault.values().sum(),
        collections,
    }
}

/// Opens and checks `file` and says what it holds against the vault, so
/// the app can show it and ask how to restore. Writes nothing.
pub fn inspect(store: &Store<'_>, file: &[u8], passphrase: &str) -> Result<BackupContents> {
    let opened = open(file, passphrase)?;
    contents(store, &opened)
}

/// Restores `file` into the vault: opens and checks all of it first, then
/// writes every record in one transaction (all or nothing). Derived records
/// in the vault are cleared in the same transaction and rebuilt on use.
pub fn restore(
    store: &Store<'_>,
    file: &[u8],
    passphrase: &str,
    mode: RestoreMode,
) -> Result<RestoreSummary> {
    let opened = open(file, passphrase)?;
    restore_opened(store, opened, mode, &Quiet)
}

/// How many records a restore writes between two checks of its [`Work`].
const RESTORE_BATCH: usize = 64;

/// Writes an opened backup into the vault in one transaction, reporting
/// each batch of records to `work`; a stop asked for by `work` rolls the
/// whole restore back.
pub fn restore_opened(
    store: &Store<'_>,
    opened: Opened,
    mode: RestoreMode,
    work: &dyn Work,
) -> Result<RestoreSummary> {
    let batches = opened.entries.len().div_ceil(RESTORE_BATCH) as u64;
    let mut steps = Steps::new(work, batches + 1);
    if mode == RestoreMode::IntoEmptyVault {
        let records: u64 = vault_counts(store)?.values().sum();
        if records > 0 {
            return Err(BackupError::NotEmpty { records });
        }
    }
    let summary = store
        .atomically(|s| {
            for c in COLLECTIONS.iter().filter(|c| c.kind == Kind::Derived) {
                let listing = c.list(s)?;
                for id in listing
                    .items
                    .iter()
                    .map(|(id, _)| id)
                    .chain(&listing.damaged)
                {
                    c.delete(s, id)?;
                }
            }
            steps.step()?;
            let (mut restored, mut already_present) = (0u64, 0u64);
            for (i, e) in opened.entries.into_iter().enumerate() {
                let c = collection(e.collection)
                    .ok_or(Error::invalid("backup", "unknown_collection"))?;
                if c.insert_as(s, &e.id, e.value)? {
                    restored += 1;
                } else {
                    already_present += 1;
                }
                if (i + 1) % RESTORE_BATCH == 0 {
                    steps.step()?;
                }
            }
            steps.check()?;
            Ok(RestoreSummary {
                restored,
                already_present,
            })
        })
        .map_err(|e| match e {
            Error::InvalidInput { field: "id", .. } => BackupError::Damaged {
                reason: "id_in_use",
            },
            e => e.into(),
        })?;
    steps.finish();
    Ok(summary)
}

/// Restores a backup onto a phone with no vault yet (onboarding): opens
/// and checks the whole backup with `backup_passphrase` first, then creates
/// a vault in `dir` under `passphrase` and writes every record into it.
/// If the restore fails or is stopped after the vault was made, that vault
/// (holding nothing of the participant's yet) is wiped again.
pub fn restore_new(
    dir: &str,
    file: &[u8],
    backup_passphrase: &str,
    passphrase: &str,
    work: &dyn Work,
) -> Result<(Vault, RestoreSummary)> {
    if Vault::exists(dir) {
        return Err(Error::AlreadyExists.into());
    }
    crate::slots::new_passphrase("passphrase", passphrase)?;
    let mut steps = Steps::new(work, 1);
    let opened = open(file, backup_passphrase)?;
    steps.step()?;
    let mut vault = Vault::create_with(
        dir,
        passphrase,
        &Shifted {
            inner: work,
            before: 1,
        },
    )?;
    let restored = vault.store().map_err(BackupError::from).and_then(|store| {
        restore_opened(
            &store,
            opened,
            RestoreMode::IntoEmptyVault,
            &Shifted {
                inner: work,
                before: 4,
            },
        )
    });
    match restored {
        Ok(summary) => Ok((vault, summary)),
        Err(e) => {
            vault.wipe()?;
            Err(e)
        }
    }
}

/// Reads a backup file (refusing one over [`format::MAX_FILE`]).
pub fn read_file(path: &Path) -> Result<Vec<u8>> {
    let meta = fs::metadata(path).map_err(Error::from)?;
    if meta.len() > format::MAX_FILE as u64 {
        return Err(BackupError::TooLarge);
    }
    Ok(fs::read(path).map_err(Error::from)?)
}

/// Writes a backup to `path`, which must not exist: written beside it,
/// synced, then renamed into place.
pub fn write_file(
    store: &Store<'_>,
    path: &Path,
    passphrase: &str,
    now: LocalInstant,
) -> Result<BackupSummary> {
    check_target(path)?;
    let (bytes, summary) = create(store, passphrase, now)?;
    save(path, &bytes, &Quiet)?;
    Ok(summary)
}

/// Refuses an empty path or one where a file already exists.
pub fn check_target(path: &Path) -> Result<()> {
    if path.as_os_str().is_empty() {
        return Err(Error::invalid("path", "empty").into());
    }
    if path.exists() {
        return Err(Error::invalid("path", "file_exists").into());
    }
    Ok(())
}

/// Saves a finished backup at `path` (which must not exist): written beside
/// it, synced, and renamed into place only if `work` still says go on, so a
/// cancelled or failed save leaves no file under either name.
pub fn save(path: &Path, bytes: &[u8], work: &dyn Work) -> Result<()> {
    check_target(path)?;
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let staging = dir.join(format!(".{}.part", hex::encode(random_array::<8>()?)));
    let written = (|| -> std::result::Result<(), Error> {
        let mut f = crate::owner_only::create_new(&staging)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        work.check()?;
        fs::rename(&staging, path)?;
        Ok(())
    })();
    if let Err(e) = written {
        let _ = fs::remove_file(&staging);
        return Err(e.into());
    }
    Ok(())
}

/// A neutral file name: `backup-` and 16 random hex digits.
pub fn suggested_file_name() -> Result<String> {
    Ok(format!("backup-{}.bin", hex::encode(random_array::<8>()?)))
}

#[cfg(test)]
mod tests;
