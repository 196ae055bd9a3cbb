//! The vault's SQLite schema, its migrations and its connection settings.
//!
//! Table and column names are neutral: `meta` (vault id, key id), `slots`
//! (wrapped copies of the data key) and `items` (sealed records). Nothing in
//! them is readable without a key but the number of rows per keyed tag.
//!
//! Every released schema version has a frozen fixture in `core/tests/fixtures`
//! that must keep opening and upgrading; never edit a migration once released,
//! add a new one.

use std::path::Path;

use rusqlite::{Connection, OpenFlags};
use rusqlite_migration::{M, Migrations};

use crate::error::{Error, Result};

/// Version 1: the first released schema.
const V1: &str = "
CREATE TABLE meta (k TEXT PRIMARY KEY, v BLOB NOT NULL) WITHOUT ROWID;
CREATE TABLE slots (
    id BLOB PRIMARY KEY,
    kind INTEGER NOT NULL,
    params BLOB NOT NULL,
    wrapped BLOB NOT NULL
) WITHOUT ROWID;
CREATE TABLE items (
    id BLOB PRIMARY KEY,
    tag BLOB NOT NULL,
    body BLOB NOT NULL
) WITHOUT ROWID;
";

/// Version 2: listing one collection reads only its rows.
const V2: &str = "CREATE INDEX items_by_tag ON items (tag);";

fn migrations() -> Migrations<'static> {
    Migrations::new(vec![M::up(V1), M::up(V2)])
}

/// The schema version this build writes.
pub const CURRENT_VERSION: u32 = 2;

/// Connection settings from DESIGN.md: WAL with full syncs so a commit is
/// durable when acknowledged, foreign keys on, temp data kept in memory, and
/// freed pages zeroed.
fn configure(conn: &Connection) -> Result<()> {
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.pragma_update(None, "temp_store", "MEMORY")?;
    conn.pragma_update(None, "secure_delete", "ON")?;
    // Records are keyed by random ids, so a date range reads pages spread
    // over the whole file; a 16 MiB page cache keeps them between screens.
    conn.pragma_update(None, "cache_size", -16_000)?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    Ok(())
}

/// Copies every frame of the write-ahead log into the file and truncates
/// the log to zero bytes. `Ok(false)` if another connection's read kept it
/// from finishing (after the busy timeout): the log then still holds frames.
pub fn checkpoint_truncate(conn: &Connection) -> Result<bool> {
    let busy: i64 = conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| r.get(0))?;
    Ok(busy == 0)
}

/// Creates a new, empty database at `path` with the current schema.
pub fn create(path: &Path) -> Result<Connection> {
    // Made here, owner-only, before SQLite opens it: SQLite would create it
    // with the umask's mode, and gives the log and its index the same mode.
    drop(crate::owner_only::create_new(path)?);
    let mut conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    // Sealed bodies are padded to 1-4 KiB; with 16 KiB pages they stay on
    // their B-tree leaf instead of spilling to overflow pages (a WITHOUT
    // ROWID row keeps at most about a quarter of a page local), so reading
    // a record by its random id touches one page, not two or three. Only
    // settable before the first table exists.
    conn.pragma_update(None, "page_size", 16_384)?;
    configure(&conn)?;
    migrations().to_latest(&mut conn)?;
    Ok(conn)
}

/// Opens an existing database, upgrading its schema if it is older.
pub fn open(path: &Path) -> Result<Connection> {
    let mut conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    configure(&conn)?;
    let found: u32 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if found > CURRENT_VERSION {
        return Err(Error::NewerFormat {
            found,
            supported: CURRENT_VERSION,
        });
    }
    if found == 0 {
        // An SQLite file, but not one this app wrote.
        return Err(Error::Corrupt);
    }
    migrations().to_latest(&mut conn)?;
    Ok(conn)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid() {
        migrations().validate().unwrap();
        assert_eq!(CURRENT_VERSION as usize, 2);
    }

    #[test]
    fn connection_settings_hold() {
        let dir = tempfile::tempdir().unwrap();
        let conn = create(&dir.path().join("db")).unwrap();
        let mode: String = conn
            .pragma_query_value(None, "journal_mode", |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "wal");
        let sync: i64 = conn
            .pragma_query_value(None, "synchronous", |r| r.get(0))
            .unwrap();
        assert_eq!(sync, 2, "FULL");
        let sd: i64 = conn
            .pragma_query_value(None, "secure_delete", |r| r.get(0))
            .unwrap();
        assert_eq!(sd, 1);
        let fk: i64 = conn
            .pragma_query_value(None, "foreign_keys", |r| r.get(0))
            .unwrap();
        assert_eq!(fk, 1);
    }

    #[test]
    fn newer_and_foreign_files_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("db");
        drop(create(&path).unwrap());
        Connection::open(&path)
            .unwrap()
            .pragma_update(None, "user_version", 99)
            .unwrap();
        assert!(matches!(
            open(&path),
            Err(Error::NewerFormat {
                found: 99,
                supported: 2
            })
        ));

        let other = dir.path().join("other");
        Connection::open(&other)
            .unwrap()
            .execute_batch("CREATE TABLE t (x);")
            .unwrap();
        assert!(matches!(open(&other), Err(Error::Corrupt)));

        let junk = dir.path().join("junk");
        std::fs::write(&junk, vec![0x5a; 8192]).unwrap();
        assert!(matches!(open(&junk), Err(Error::Corrupt)));
    }
}
