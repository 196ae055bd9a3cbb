//! Encrypted backup and restore across the FFI. The core's typed
//! [`BackupError`] maps onto the one public [`KeelError`].

use std::path::Path;
use std::sync::Arc;

use keel_core::LocalInstant;
use keel_core::backup::{self, BackupError};
use keel_core::work::{Shifted, Steps};
use zeroize::Zeroizing;

use crate::error::{KeelError, Result};
use crate::types::{Moment, Now};
use crate::vault::Vault;
use crate::work::{CancelToken, Progress, Watch};

/// How a restore treats records already in the vault.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum RestoreMode {
    /// Only into a vault with no records (a new phone).
    IntoEmptyVault,
    /// Add the backup's records beside the vault's own, merging by record
    /// identity: what the vault already holds is kept and not added again,
    /// so restoring the same backup twice adds nothing. Nothing is replaced.
    AddToExisting,
}

/// What a backup wrote.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct BackupSummary {
    pub records: u64,
    /// Records that failed their integrity check and could not be included.
    pub damaged_left_out: u64,
    pub bytes: u64,
}

/// Records of one collection in a backup and in the vault.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct BackupCollectionCount {
    /// The collection's name (`journal.note`, `log.craving`, ...).
    pub collection: String,
    pub in_backup: u64,
    pub in_vault: u64,
}

/// What a backup file holds, set against the vault.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct BackupContents {
    pub created_at: Moment,
    pub records: u64,
    pub vault_records: u64,
    pub collections: Vec<BackupCollectionCount>,
}

/// What a restore wrote.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct RestoreSummary {
    /// Records written into the vault.
    pub restored: u64,
    /// Records of the backup the vault already held (same record, by its
    /// id): kept as the vault has them, not written again.
    pub already_present: u64,
}

impl From<backup::RestoreSummary> for RestoreSummary {
    fn from(s: backup::RestoreSummary) -> Self {
        RestoreSummary {
            restored: s.restored,
            already_present: s.already_present,
        }
    }
}

/// A backup in memory, with a neutral file name to offer the save dialog.
#[derive(Clone, PartialEq, Eq, uniffi::Record)]
pub struct BackupFile {
    /// `backup-<16 hex digits>.bin`.
    pub file_name: String,
    /// The encrypted backup.
    pub bytes: Vec<u8>,
    pub summary: BackupSummary,
}

impl std::fmt::Debug for BackupFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BackupFile")
            .field("file_name", &self.file_name)
            .field("summary", &self.summary)
            .finish_non_exhaustive()
    }
}

impl From<backup::BackupContents> for BackupContents {
    fn from(c: backup::BackupContents) -> Self {
        BackupContents {
            created_at: c.created_at.into(),
            records: c.records,
            vault_records: c.vault_records,
            collections: c
                .collections
                .into_iter()
                .map(|c| BackupCollectionCount {
                    collection: c.collection.to_string(),
                    in_backup: c.in_backup,
                    in_vault: c.in_vault,
                })
                .collect(),
        }
    }
}

/// A vault made from a backup during onboarding, and what went into it.
#[derive(uniffi::Record)]
pub struct RestoredVault {
    /// The new vault, unlocked.
    pub vault: Arc<Vault>,
    pub summary: RestoreSummary,
}

/// Restores a backup onto a phone that has no vault yet (onboarding): the
/// backup (its bytes, as read from the file the participant picked) is
/// opened and checked with `backup_passphrase` first, then a vault is
/// created in `dir` under the participant's new `passphrase` and every
/// record written into it. Returns the vault unlocked. Long: two key
/// derivations. If it fails or is cancelled, no vault is left in `dir`.
#[uniffi::export(default(progress = None, cancel = None))]
pub fn restore_new_vault(
    dir: String,
    backup: Vec<u8>,
    backup_passphrase: String,
    passphrase: String,
    progress: Option<Arc<dyn Progress>>,
    cancel: Option<Arc<CancelToken>>,
) -> Result<RestoredVault> {
    let passphrase = Zeroizing::new(passphrase);
    let backup_passphrase = Zeroizing::new(backup_passphrase);
    let watch = Watch::new(progress, cancel);
    let (vault, summary) =
        backup::restore_new(&dir, &backup, &backup_passphrase, &passphrase, &watch)?;
    Ok(RestoredVault {
        vault: Vault::wrap(vault),
        summary: summary.into(),
    })
}

/// What a backup holds and from when, for a phone with no vault yet
/// (onboarding): the backup's bytes are opened and checked whole with
/// `backup_passphrase`, as [`Vault::inspect_backup_bytes`] does, and every
/// count on the vault's side is zero. Writes nothing. Long: a key
/// derivation; [`restore_new_vault`] derives it again.
#[uniffi::export(default(progress = None, cancel = None))]
pub fn inspect_backup_without_vault(
    backup: Vec<u8>,
    backup_passphrase: String,
    progress: Option<Arc<dyn Progress>>,
    cancel: Option<Arc<CancelToken>>,
) -> Result<BackupContents> {
    let backup_passphrase = Zeroizing::new(backup_passphrase);
    let watch = Watch::new(progress, cancel);
    let mut steps = Steps::new(&watch, 1);
    steps.check()?;
    let opened = backup::open(&backup, &backup_passphrase)?;
    // Cancelled during the derivation: the participant asked to stop.
    steps.check()?;
    let c = backup::contents_alone(&opened);
    steps.finish();
    Ok(c.into())
}

impl From<BackupError> for KeelError {
    fn from(e: BackupError) -> Self {
        keel_core::Error::from(e).into()
    }
}

#[uniffi::export]
impl Vault {
    /// Writes an encrypted backup of every record to `path` (which must not
    /// exist), sealed under `passphrase`; `now` stamps it in local time.
    /// Long: the key is derived and the file sealed without holding the
    /// vault, which is read one collection at a time. A cancelled backup
    /// leaves no file.
    #[uniffi::method(default(progress = None, cancel = None))]
    pub fn backup_to_path(
        &self,
        path: String,
        passphrase: String,
        now: Now,
        progress: Option<Arc<dyn Progress>>,
        cancel: Option<Arc<CancelToken>>,
    ) -> Result<BackupSummary> {
        let passphrase = Zeroizing::new(passphrase);
        let now = now.instant()?;
        let path = Path::new(&path);
        backup::check_target(path)?;
        let watch = Watch::on(self, progress, cancel);
        let mut steps = Steps::new(&watch, backup_steps() + 1);
        let (bytes, s) = self.backup_bytes_with(&passphrase, now, &mut steps)?;
        backup::save(path, &bytes, &watch)?;
        steps.finish();
        Ok(s)
    }

    /// An encrypted backup of every record, in memory, for a `content://`
    /// stream or a security-scoped URL the shell writes it to. Like
    /// `backup_to_path`, without the file: a cancelled call returns no
    /// bytes. At most 256 MiB (`TooLarge` beyond).
    #[uniffi::method(default(progress = None, cancel = None))]
    pub fn backup_bytes(
        &self,
        passphrase: String,
        now: Now,
        progress: Option<Arc<dyn Progress>>,
        cancel: Option<Arc<CancelToken>>,
    ) -> Result<BackupFile> {
        let passphrase = Zeroizing::new(passphrase);
        let now = now.instant()?;
        let watch = Watch::on(self, progress, cancel);
        let mut steps = Steps::new(&watch, backup_steps());
        let (bytes, summary) = self.backup_bytes_with(&passphrase, now, &mut steps)?;
        steps.finish();
        Ok(BackupFile {
            file_name: backup::suggested_file_name()?,
            bytes,
            summary,
        })
    }

    /// [`Vault::inspect_backup`] for a backup's bytes (as read from the
    /// stream the participant picked).
    #[uniffi::method(default(progress = None, cancel = None))]
    pub fn inspect_backup_bytes(
        &self,
        backup: Vec<u8>,
        passphrase: String,
        progress: Option<Arc<dyn Progress>>,
        cancel: Option<Arc<CancelToken>>,
    ) -> Result<BackupContents> {
        let passphrase = Zeroizing::new(passphrase);
        let watch = Watch::on(self, progress, cancel);
        let mut steps = Steps::new(&watch, 2);
        self.inspect_with(&backup, &passphrase, &mut steps)
    }

    /// [`Vault::restore_from_path`] for a backup's bytes.
    #[uniffi::method(default(progress = None, cancel = None))]
    pub fn restore_backup_bytes(
        &self,
        backup: Vec<u8>,
        passphrase: String,
        mode: RestoreMode,
        progress: Option<Arc<dyn Progress>>,
        cancel: Option<Arc<CancelToken>>,
    ) -> Result<RestoreSummary> {
        let passphrase = Zeroizing::new(passphrase);
        let watch = Watch::on(self, progress, cancel);
        self.restore_with(&backup, &passphrase, mode, &watch, 0)
    }

    /// Opens and checks the whole backup at `path` and says what it holds.
    /// Writes nothing. Long (a key derivation), mostly without the vault.
    #[uniffi::method(default(progress = None, cancel = None))]
    pub fn inspect_backup(
        &self,
        path: String,
        passphrase: String,
        progress: Option<Arc<dyn Progress>>,
        cancel: Option<Arc<CancelToken>>,
    ) -> Result<BackupContents> {
        let passphrase = Zeroizing::new(passphrase);
        let watch = Watch::on(self, progress, cancel);
        let mut steps = Steps::new(&watch, 3);
        let file = backup::read_file(Path::new(&path))?;
        steps.step()?;
        self.inspect_with(&file, &passphrase, &mut steps)
    }

    /// Restores the backup at `path`: the whole file is checked first
    /// (without holding the vault), then every record is written in one
    /// transaction. A cancel, or a `lock()`, before the end changes nothing.
    #[uniffi::method(default(progress = None, cancel = None))]
    pub fn restore_from_path(
        &self,
        path: String,
        passphrase: String,
        mode: RestoreMode,
        progress: Option<Arc<dyn Progress>>,
        cancel: Option<Arc<CancelToken>>,
    ) -> Result<RestoreSummary> {
        let passphrase = Zeroizing::new(passphrase);
        let watch = Watch::on(self, progress, cancel);
        let file = backup::read_file(Path::new(&path))?;
        self.restore_with(&file, &passphrase, mode, &watch, 0)
    }
}

impl Vault {
    /// Opens and checks `file` without the vault, then counts what it holds
    /// against the vault: the last two of `steps`.
    fn inspect_with(
        &self,
        file: &[u8],
        passphrase: &str,
        steps: &mut Steps<'_>,
    ) -> Result<BackupContents> {
        let opened = backup::open(file, passphrase)?;
        steps.step()?;
        let c = backup::contents(&self.core().store()?, &opened)?;
        steps.finish();
        Ok(c.into())
    }

    /// Opens `file` without the vault, then writes it in under the vault's
    /// guard; `before` steps were done by the caller.
    fn restore_with(
        &self,
        file: &[u8],
        passphrase: &str,
        mode: RestoreMode,
        watch: &Watch<'_>,
        before: u64,
    ) -> Result<RestoreSummary> {
        let first = Shifted {
            inner: watch,
            before,
        };
        let mut steps = Steps::new(&first, 1);
        let opened = backup::open(file, passphrase)?;
        steps.step()?;
        let mode = match mode {
            RestoreMode::IntoEmptyVault => backup::RestoreMode::IntoEmptyVault,
            RestoreMode::AddToExisting => backup::RestoreMode::AddToExisting,
        };
        let shifted = Shifted {
            inner: watch,
            before: before + 1,
        };
        let s = backup::restore_opened(&self.core().store()?, opened, mode, &shifted)?;
        Ok(s.into())
    }

    /// A backup file in memory: the key derived outside the vault, each
    /// kept collection read under the vault's guard in turn, sealed
    /// outside it: [`backup_steps`] of `steps`.
    fn backup_bytes_with(
        &self,
        passphrase: &str,
        now: LocalInstant,
        steps: &mut Steps<'_>,
    ) -> Result<(Vec<u8>, BackupSummary)> {
        let (header, key) = backup::new_key(passphrase)?;
        steps.step()?;
        let mut snapshot = backup::Snapshot::new();
        for c in backup::Snapshot::collections() {
            snapshot.read(&self.core().store()?, c)?;
            steps.step()?;
        }
        let (bytes, s) = snapshot.seal(&header, &key, now)?;
        steps.step()?;
        Ok((
            bytes,
            BackupSummary {
                records: s.records,
                damaged_left_out: s.damaged_left_out,
                bytes: s.bytes,
            },
        ))
    }
}

/// The steps of making a backup: the key, each kept collection, sealing.
fn backup_steps() -> u64 {
    backup::Snapshot::collections().count() as u64 + 2
}

/// A neutral name for a backup file: `backup-<16 hex digits>.bin`.
#[uniffi::export]
pub fn suggested_backup_file_name() -> Result<String> {
    Ok(backup::suggested_file_name()?)
}
