//! The public error: few variants, each one something a shell can act on.
//! No variant's text is meant for a person: `field`, `reason`, `what` and
//! `parameter` are stable codes listed in docs/errors.md, which a shell maps
//! to its own localised messages.

use keel_core::Error;

/// Why a call failed.
#[derive(Debug, thiserror::Error, uniffi::Error)]
pub enum KeelError {
    /// The passphrase or device secret did not open the vault (or a backup).
    /// Ask again.
    #[error("wrong passphrase or device key")]
    WrongCredential,
    /// The vault is locked; show the unlock screen.
    #[error("the vault is locked")]
    Locked,
    /// A value was refused; `field` names it, `reason` says why (both
    /// codes). Nothing was written.
    #[error("invalid {field}: {reason}")]
    InvalidInput { field: String, reason: String },
    /// A save was based on a revision that is no longer current (another
    /// screen saved first). Nothing was written: reload `current_revision`
    /// (null: nothing is saved yet) and let the participant redo the edit.
    #[error("conflict: the current revision is {current_revision:?}")]
    Conflict { current_revision: Option<u32> },
    /// A new passphrase (vault, report or backup) is too easy to guess;
    /// `reason` (a code) names the pattern. Nothing was written: show
    /// `estimate_passphrase`'s message and offer `generate_passphrase`.
    #[error("weak passphrase: {reason}")]
    WeakPassphrase { reason: String },
    /// The thing asked for does not exist (a record, a slot, the vault).
    #[error("not found: {what}")]
    NotFound { what: String },
    /// A vault already exists at that location; open it instead.
    #[error("a vault already exists at this location")]
    AlreadyExists,
    /// A stored record failed authentication: it was tampered with or
    /// damaged. `record` is its id. It is kept, never deleted.
    #[error("record {record} failed its integrity check")]
    Integrity { record: String },
    /// The disk is full. Nothing was half-saved; ask the participant to free
    /// space, then the same call succeeds.
    #[error("the disk is full")]
    StorageFull,
    /// The file system or database failed; the data was left as it was.
    /// `reason` is a code.
    #[error("storage failure: {reason}")]
    Storage { reason: String },
    /// The vault file is damaged. A byte-for-byte copy was kept in the vault
    /// folder as `kept_as` and nothing was deleted: offer to restore a
    /// backup, and keep the copy for support.
    #[error("the vault file is damaged; a copy was kept as {kept_as}")]
    Damaged { kept_as: String },
    /// A backup file is not a Keel backup, is cut short, or was changed or
    /// damaged (`reason`, a code). Nothing was restored; ask for another copy.
    #[error("the backup file is damaged: {reason}")]
    DamagedBackup { reason: String },
    /// A parameter read from a file (a key slot, a backup header) lies
    /// outside its documented range: the file was altered or damaged, and it
    /// was refused at once, before any slow work. `parameter` is a code.
    #[error("stored parameter out of range: {parameter}")]
    OutOfRange { parameter: String },
    /// The vault or backup was written by a newer version of the app; update it.
    #[error("format {found} is newer than this build supports ({supported})")]
    NewerFormat { found: u32, supported: u32 },
    /// Long work stopped because its `CancelToken` was cancelled; nothing
    /// it had not finished was written.
    #[error("cancelled")]
    Cancelled,
}

impl From<Error> for KeelError {
    fn from(e: Error) -> Self {
        match e {
            Error::WrongCredential => KeelError::WrongCredential,
            Error::Locked => KeelError::Locked,
            Error::InvalidInput { field, reason } => KeelError::InvalidInput {
                field: field.to_string(),
                reason: reason.to_string(),
            },
            Error::Conflict { current_revision } => KeelError::Conflict { current_revision },
            Error::WeakPassphrase { reason } => KeelError::WeakPassphrase {
                reason: reason.to_string(),
            },
            Error::NotFound { what } => KeelError::NotFound {
                what: what.to_string(),
            },
            Error::AlreadyExists => KeelError::AlreadyExists,
            Error::Integrity { record } => KeelError::Integrity { record },
            Error::NewerFormat { found, supported } => KeelError::NewerFormat { found, supported },
            Error::Damaged { kept_as } => KeelError::Damaged { kept_as },
            Error::Cancelled => KeelError::Cancelled,
            Error::DamagedBackup { reason } => KeelError::DamagedBackup {
                reason: reason.to_string(),
            },
            Error::OutOfRange { parameter } => KeelError::OutOfRange {
                parameter: parameter.to_string(),
            },
            Error::StorageFull => KeelError::StorageFull,
            Error::Corrupt => KeelError::Storage {
                reason: "corrupt".into(),
            },
            Error::Random => KeelError::Storage {
                reason: "random_failed".into(),
            },
            Error::Storage(reason) => KeelError::Storage {
                reason: reason.to_string(),
            },
        }
    }
}

/// The FFI's result type.
pub type Result<T, E = KeelError> = std::result::Result<T, E>;
