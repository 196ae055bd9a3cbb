//! The public error: few variants, each one something a shell can act on.
//! Messages are written by the core and never contain personal content.

use keel_core::Error;

/// Why a call failed.
#[derive(Debug, thiserror::Error, uniffi::Error)]
pub enum KeelError {
    /// The passphrase or device secret did not open the vault. Ask again.
    #[error("wrong passphrase or device key")]
    WrongCredential,
    /// The vault is locked; show the unlock screen.
    #[error("the vault is locked")]
    Locked,
    /// A value was refused; `field` names it, `reason` says why. Nothing
    /// was written.
    #[error("invalid {field}: {reason}")]
    InvalidInput { field: String, reason: String },
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
    /// The file system or database failed; the data was left as it was.
    #[error("storage failure: {reason}")]
    Storage { reason: String },
    /// The vault file is damaged. A byte-for-byte copy was kept in the vault
    /// folder as `kept_as` and nothing was deleted: offer to restore a
    /// backup, and keep the copy for support.
    #[error("the vault file is damaged; a copy was kept as {kept_as}")]
    Damaged { kept_as: String },
    /// The vault was written by a newer version of the app; update it.
    #[error("vault format {found} is newer than this build supports ({supported})")]
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
                reason,
            },
            Error::NotFound { what } => KeelError::NotFound {
                what: what.to_string(),
            },
            Error::AlreadyExists => KeelError::AlreadyExists,
            Error::Integrity { record } => KeelError::Integrity { record },
            Error::NewerFormat { found, supported } => KeelError::NewerFormat { found, supported },
            Error::Damaged { kept_as } => KeelError::Damaged { kept_as },
            Error::Cancelled => KeelError::Cancelled,
            e @ (Error::Corrupt | Error::Storage(_) | Error::Random) => KeelError::Storage {
                reason: e.to_string(),
            },
        }
    }
}

/// The FFI's result type.
pub type Result<T, E = KeelError> = std::result::Result<T, E>;
