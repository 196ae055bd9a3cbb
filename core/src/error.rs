//! The core's internal error type.
//!
//! Messages never carry personal content: they name fields, record ids
//! (random, meaningless outside the vault) and reasons written by the core.

/// Everything that can go wrong inside the core.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// No key slot accepted the credential.
    #[error("wrong passphrase or device key")]
    WrongCredential,
    /// The vault is locked (or was never unlocked); no key is in memory.
    #[error("the vault is locked")]
    Locked,
    /// A value given to the core is not acceptable; nothing was written.
    #[error("invalid {field}: {reason}")]
    InvalidInput { field: &'static str, reason: String },
    /// The thing asked for does not exist.
    #[error("not found: {what}")]
    NotFound { what: &'static str },
    /// A vault already exists where one was to be created.
    #[error("a vault already exists at this location")]
    AlreadyExists,
    /// A sealed record did not authenticate: tampered, moved or damaged.
    #[error("record {record} failed its integrity check")]
    Integrity { record: String },
    /// The vault's files are damaged in a way SQLite reports; kept untouched.
    #[error("the vault file is damaged and was left untouched")]
    Corrupt,
    /// The vault file is damaged; a byte-for-byte copy was kept aside under
    /// `kept_as` (a file name in the vault folder) and the file itself was
    /// left where it was. Nothing was deleted.
    #[error("the vault file is damaged; a copy was kept as {kept_as}")]
    Damaged { kept_as: String },
    /// The vault was written by a newer build with a schema this one lacks.
    #[error("vault format {found} is newer than this build supports ({supported})")]
    NewerFormat { found: u32, supported: u32 },
    /// SQLite or the file system failed.
    #[error("storage failure: {0}")]
    Storage(String),
    /// The system random generator failed (should never happen on a phone).
    #[error("the system random generator failed")]
    Random,
    /// Long work stopped because the caller cancelled it; nothing it had
    /// not finished was written.
    #[error("cancelled")]
    Cancelled,
}

/// The core's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// Shorthand for [`Error::InvalidInput`].
    pub fn invalid(field: &'static str, reason: impl Into<String>) -> Self {
        Error::InvalidInput {
            field,
            reason: reason.into(),
        }
    }
}

impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode;
        match e.sqlite_error_code() {
            Some(ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase) => Error::Corrupt,
            // SQLite's own messages name constraints and codes, never values.
            Some(code) => Error::Storage(format!("{code:?}")),
            None => Error::Storage(storage_kind(&e).to_string()),
        }
    }
}

/// A neutral description of a rusqlite error that is not an SQLite code
/// (type conversions and the like), without echoing any value.
fn storage_kind(e: &rusqlite::Error) -> &'static str {
    match e {
        rusqlite::Error::QueryReturnedNoRows => "no row",
        rusqlite::Error::InvalidColumnType(..) | rusqlite::Error::FromSqlConversionFailure(..) => {
            "unexpected column type"
        }
        _ => "database error",
    }
}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Self {
        // The kind only: OS messages can contain the path.
        Error::Storage(format!("file system: {:?}", e.kind()))
    }
}

impl From<rusqlite_migration::Error> for Error {
    fn from(e: rusqlite_migration::Error) -> Self {
        match e {
            rusqlite_migration::Error::RusqliteError { err, .. } => err.into(),
            _ => Error::Storage("schema migration failed".into()),
        }
    }
}
