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
    /// `field` and `reason` are stable codes listed in docs/errors.md.
    #[error("invalid {field}: {reason}")]
    InvalidInput {
        field: &'static str,
        reason: &'static str,
    },
    /// A save was based on a revision that is no longer the current one
    /// (another screen saved first); nothing was written. Reload
    /// `current_revision` (none: nothing is saved yet) and try again.
    #[error("conflict: the current revision is {current_revision:?}")]
    Conflict { current_revision: Option<u32> },
    /// A new passphrase (vault, report or backup) would not hold against
    /// an offline attack on a copied file (docs/security.md, "Passphrase
    /// strength"); nothing was written. `reason` is a stable code.
    #[error("weak passphrase: {reason}")]
    WeakPassphrase { reason: &'static str },
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
    /// A parameter read from a file (a key slot, a report or backup
    /// header) lies outside the range docs/security.md states; refused
    /// before any work is done, never clamped. `parameter` is a stable code.
    #[error("stored parameter out of range: {parameter}")]
    OutOfRange { parameter: &'static str },
    /// A backup or report file is damaged, cut short or was changed;
    /// nothing was written. `reason` is a stable code.
    #[error("the file is damaged: {reason}")]
    DamagedBackup { reason: &'static str },
    /// The disk is full (SQLITE_FULL or ENOSPC); nothing was half-saved and
    /// the same work succeeds once space is freed.
    #[error("the disk is full")]
    StorageFull,
    /// SQLite or the file system failed; `0` is a stable code.
    #[error("storage failure: {0}")]
    Storage(&'static str),
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
    /// Shorthand for [`Error::InvalidInput`]. Both arguments are codes
    /// (`[a-z0-9_.]`, listed in docs/errors.md); debug builds check it.
    pub fn invalid(field: &'static str, reason: &'static str) -> Self {
        debug_assert!(is_code(field), "field {field:?} is not a code");
        debug_assert!(is_code(reason), "reason {reason:?} is not a code");
        Error::InvalidInput { field, reason }
    }
}

/// True for a stable code: lowercase ASCII letters, digits, `_` and `.`
/// (a dot separates a list from its item's field, as in `triggers.id`).
pub fn is_code(s: &str) -> bool {
    !s.is_empty()
        && s.starts_with(|c: char| c.is_ascii_lowercase())
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'.')
}

impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode;
        match e.sqlite_error_code() {
            Some(ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase) => Error::Corrupt,
            Some(ErrorCode::DiskFull) => Error::StorageFull,
            Some(code) => Error::Storage(sqlite_code(code)),
            None => Error::Storage(storage_kind(&e)),
        }
    }
}

/// The stable code of an SQLite result code (docs/errors.md).
fn sqlite_code(code: rusqlite::ErrorCode) -> &'static str {
    use rusqlite::ErrorCode as C;
    match code {
        C::SystemIoFailure => "io_error",
        C::DatabaseBusy | C::DatabaseLocked => "busy",
        C::ReadOnly => "read_only",
        C::PermissionDenied | C::AuthorizationForStatementDenied => "permission_denied",
        C::CannotOpen => "cannot_open",
        C::OutOfMemory => "out_of_memory",
        C::ConstraintViolation => "constraint",
        _ => "database_error",
    }
}

/// A neutral code for a rusqlite error that is not an SQLite code (type
/// conversions and the like), without echoing any value.
fn storage_kind(e: &rusqlite::Error) -> &'static str {
    match e {
        rusqlite::Error::QueryReturnedNoRows => "no_row",
        rusqlite::Error::InvalidColumnType(..) | rusqlite::Error::FromSqlConversionFailure(..) => {
            "unexpected_column_type"
        }
        _ => "database_error",
    }
}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Self {
        use std::io::ErrorKind as K;
        // The kind only: OS messages can contain the path.
        match e.kind() {
            K::StorageFull | K::QuotaExceeded => Error::StorageFull,
            K::NotFound => Error::Storage("file_not_found"),
            K::PermissionDenied | K::ReadOnlyFilesystem => Error::Storage("permission_denied"),
            K::AlreadyExists => Error::Storage("file_exists"),
            _ => Error::Storage("io_error"),
        }
    }
}

impl From<rusqlite_migration::Error> for Error {
    fn from(e: rusqlite_migration::Error) -> Self {
        match e {
            rusqlite_migration::Error::RusqliteError { err, .. } => err.into(),
            _ => Error::Storage("migration_failed"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_disk_is_its_own_error() {
        let io = std::io::Error::from(std::io::ErrorKind::StorageFull);
        assert!(matches!(Error::from(io), Error::StorageFull));
        let full = rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_FULL),
            None,
        );
        assert!(matches!(Error::from(full), Error::StorageFull));
        let busy = rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY),
            Some("database is locked".into()),
        );
        assert!(matches!(Error::from(busy), Error::Storage("busy")));
    }

    #[test]
    fn codes_are_identifiers() {
        for ok in ["path", "triggers.id", "must_not_be_empty", "x2"] {
            assert!(is_code(ok), "{ok}");
        }
        for bad in ["", "Path", "must not be empty", "2x", "a-b"] {
            assert!(!is_code(bad), "{bad}");
        }
    }
}

/// docs/errors.md lists every code the core can put in an error: a code
/// written anywhere in the sources and missing from the page fails here.
#[cfg(test)]
mod documented {
    use std::collections::BTreeSet;
    use std::path::Path;

    fn sources(dir: &Path, out: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                sources(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(std::fs::read_to_string(&path).unwrap());
            }
        }
    }

    /// Every string literal in `text` that directly follows `marker`.
    fn literals_after(text: &str, marker: &str, out: &mut BTreeSet<String>) {
        for (at, _) in text.match_indices(marker) {
            let rest = text[at + marker.len()..].trim_start();
            if let Some(lit) = rest.strip_prefix('"').and_then(|r| r.split('"').next()) {
                out.insert(lit.to_string());
            }
        }
    }

    /// The codes of every `Error::invalid(field, reason)` call: both
    /// arguments when they are literals.
    fn invalid_calls(text: &str, out: &mut BTreeSet<String>) {
        for (at, _) in text.match_indices("Error::invalid(") {
            let args = &text[at + "Error::invalid(".len()..];
            let args = &args[..args.find(')').unwrap_or(0)];
            for arg in args.split(',') {
                if let Some(lit) = arg
                    .trim()
                    .strip_prefix('"')
                    .and_then(|a| a.strip_suffix('"'))
                {
                    out.insert(lit.to_string());
                }
            }
        }
    }

    #[test]
    fn every_code_is_in_docs_errors_md() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut texts = Vec::new();
        sources(&root.join("src"), &mut texts);
        sources(&root.join("../bindings/ffi/src"), &mut texts);
        let mut codes = BTreeSet::new();
        for text in texts.iter().filter(|t| !t.contains("mod documented")) {
            invalid_calls(text, &mut codes);
            for marker in [
                "Error::Storage(",
                "damaged(",
                "reason: ",
                "parameter: ",
                "what: ",
                "const NOUN: &'static str = ",
            ] {
                literals_after(text, marker, &mut codes);
            }
        }
        // Test-only nouns and reasons.
        for test_only in ["test", "roll_back", "thing", "garbage", "event", "other"] {
            codes.remove(test_only);
        }
        let doc = std::fs::read_to_string(root.join("../docs/errors.md")).unwrap();
        let missing: Vec<&String> = codes
            .iter()
            .filter(|c| !doc.contains(&format!("`{c}`")))
            .collect();
        assert!(missing.is_empty(), "not in docs/errors.md: {missing:?}");
        let prose: Vec<&String> = codes.iter().filter(|c| !super::is_code(c)).collect();
        assert!(prose.is_empty(), "not codes: {prose:?}");
    }
}
