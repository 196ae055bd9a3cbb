//! Owner-only files: the vault's folder is `0700` and every file the core
//! creates is `0600`, whatever the process umask says.
//!
//! The files hold only ciphertext, but their sizes, counts and times still
//! say something, and a copy is what an offline attack on the passphrase
//! starts from: no other user or app on the device (a shared or rooted
//! phone, a desktop test run, a backup tool under another account) gets to
//! read them. A umask can only take permission bits away, so a file is
//! opened with `0600` and then set to exactly `0600` (a umask such as `0277`
//! would otherwise leave it unwritable to its owner).
//!
//! SQLite makes the write-ahead log and its index (`-wal`, `-shm`) with the
//! database file's own mode, so a database created here keeps them `0600`
//! too. On other platforms these are plain creates: app storage there is
//! private to the app by the OS.

use std::fs::{self, File, OpenOptions};
use std::io;
use std::path::Path;

#[cfg(unix)]
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};

/// The vault folder's mode: its owner may list, enter and change it.
pub const DIR_MODE: u32 = 0o700;
/// Every created file's mode: its owner may read and write it.
pub const FILE_MODE: u32 = 0o600;

/// Creates `dir` and any missing parent with [`DIR_MODE`], and sets `dir`
/// itself to exactly [`DIR_MODE`] (also when it already existed).
pub fn create_dir(dir: &Path) -> io::Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    builder.mode(DIR_MODE);
    builder.create(dir)?;
    set_mode(dir, DIR_MODE)
}

/// Creates a new file at `path` (failing if anything is there) with
/// exactly [`FILE_MODE`], opened for writing.
pub fn create_new(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    options.mode(FILE_MODE);
    let file = options.open(path)?;
    #[cfg(unix)]
    file.set_permissions(fs::Permissions::from_mode(FILE_MODE))?;
    Ok(file)
}

/// Copies `from` to a new file `to` with [`FILE_MODE`] (unlike
/// [`fs::copy`], which copies the source's mode), synced.
pub fn copy(from: &Path, to: &Path) -> io::Result<()> {
    let mut source = File::open(from)?;
    let mut target = create_new(to)?;
    io::copy(&mut source, &mut target)?;
    target.sync_all()
}

/// Sets `path` to exactly `mode` (no-op off Unix).
pub fn set_mode(path: &Path, mode: u32) -> io::Result<()> {
    #[cfg(unix)]
    {
        fs::set_permissions(path, fs::Permissions::from_mode(mode))
    }
    #[cfg(not(unix))]
    {
        let _ = (path, mode);
        Ok(())
    }
}

/// Narrows `path` to `mode` if it exists and allows anyone but its owner
/// anything (a vault made before files were owner-only). Never widens.
pub fn narrow(path: &Path, mode: u32) -> io::Result<()> {
    #[cfg(unix)]
    {
        match fs::symlink_metadata(path) {
            Ok(meta)
                if !meta.file_type().is_symlink() && meta.permissions().mode() & 0o077 != 0 =>
            {
                set_mode(path, mode)
            }
            Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
            _ => Ok(()),
        }
    }
    #[cfg(not(unix))]
    {
        let _ = (path, mode);
        Ok(())
    }
}

#[cfg(all(test, unix))]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn mode(path: &Path) -> u32 {
        fs::metadata(path).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn created_files_and_folders_are_owner_only() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("a/b");
        create_dir(&dir).unwrap();
        assert_eq!(mode(&dir), DIR_MODE);
        assert_eq!(mode(&tmp.path().join("a")), DIR_MODE);
        // An existing folder is set too.
        set_mode(&dir, 0o755).unwrap();
        create_dir(&dir).unwrap();
        assert_eq!(mode(&dir), DIR_MODE);

        let file = dir.join("f");
        drop(create_new(&file).unwrap());
        assert_eq!(mode(&file), FILE_MODE);
        assert!(create_new(&file).is_err(), "never over an existing file");

        let wide = dir.join("wide");
        fs::write(&wide, b"bytes").unwrap();
        set_mode(&wide, 0o644).unwrap();
        let copied = dir.join("copied");
        copy(&wide, &copied).unwrap();
        assert_eq!(mode(&copied), FILE_MODE);
        assert_eq!(fs::read(&copied).unwrap(), b"bytes");

        narrow(&wide, FILE_MODE).unwrap();
        assert_eq!(mode(&wide), FILE_MODE);
        set_mode(&wide, 0o400).unwrap();
        narrow(&wide, FILE_MODE).unwrap();
        assert_eq!(mode(&wide), 0o400, "never widened");
        narrow(&dir.join("missing"), FILE_MODE).unwrap();
    }
}
