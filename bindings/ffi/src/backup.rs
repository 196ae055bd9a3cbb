//! Encrypted backup and restore across the FFI. The core's typed
//! [`BackupError`] maps onto the one public [`KeelError`].

use std::path::Path;

use keel_core::backup::{self, BackupError};

use crate::error::{KeelError, Result};
use crate::types::Moment;
use crate::vault::Vault;

/// How a restore treats records already in the vault.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum RestoreMode {
    /// Only into a vault with no records (a new phone).
    IntoEmptyVault,
    /// Add the backup's records beside the vault's own; nothing is replaced.
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
    pub restored: u64,
    /// Records whose references to other restored records were rewritten.
    pub relinked: u64,
}

impl From<BackupError> for KeelError {
    fn from(e: BackupError) -> Self {
        let backup = |reason: String| KeelError::InvalidInput {
            field: "backup".into(),
            reason,
        };
        match e {
            BackupError::WrongPassphrase => KeelError::WrongCredential,
            BackupError::NewerFormat { found, supported } => {
                KeelError::NewerFormat { found, supported }
            }
            BackupError::Damaged { .. } | BackupError::Truncated => KeelError::Integrity {
                record: "backup file".into(),
            },
            BackupError::NotEmpty { .. } => KeelError::InvalidInput {
                field: "mode".into(),
                reason: e.to_string(),
            },
            e @ (BackupError::NotABackup
            | BackupError::UnknownCollection
            | BackupError::TooLarge) => backup(e.to_string()),
            BackupError::Core(e) => e.into(),
        }
    }
}

#[uniffi::export]
impl Vault {
    /// Writes an encrypted backup of every record to `path` (which must not
    /// exist), sealed under `passphrase`.
    pub fn backup_to_path(&self, path: String, passphrase: String) -> Result<BackupSummary> {
        let vault = self.core();
        let s = backup::write_file(
            &vault.store()?,
            Path::new(&path),
            &passphrase,
            Moment::now(),
        )?;
        Ok(BackupSummary {
            records: s.records,
            damaged_left_out: s.damaged_left_out,
            bytes: s.bytes,
        })
    }

    /// Opens and checks the whole backup at `path` and says what it holds.
    /// Writes nothing.
    pub fn inspect_backup(&self, path: String, passphrase: String) -> Result<BackupContents> {
        let file = backup::read_file(Path::new(&path))?;
        let vault = self.core();
        let c = backup::inspect(&vault.store()?, &file, &passphrase)?;
        Ok(BackupContents {
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
        })
    }

    /// Restores the backup at `path`: the whole file is checked first, then
    /// every record is written in one transaction.
    pub fn restore_from_path(
        &self,
        path: String,
        passphrase: String,
        mode: RestoreMode,
    ) -> Result<RestoreSummary> {
        let file = backup::read_file(Path::new(&path))?;
        let mode = match mode {
            RestoreMode::IntoEmptyVault => backup::RestoreMode::IntoEmptyVault,
            RestoreMode::AddToExisting => backup::RestoreMode::AddToExisting,
        };
        let vault = self.core();
        let s = backup::restore(&vault.store()?, &file, &passphrase, mode)?;
        Ok(RestoreSummary {
            restored: s.restored,
            relinked: s.relinked,
        })
    }
}

/// A neutral name for a backup file: `backup-<16 hex digits>.bin`.
#[uniffi::export]
pub fn suggested_backup_file_name() -> Result<String> {
    Ok(backup::suggested_file_name()?)
}
