//! A fault-injecting SQLite VFS for the power-loss and I/O-error tests.
//!
//! It wraps the platform's default VFS and becomes the process default, so
//! the vault opens through it without any hook in the core. Files outside a
//! *watched* folder pass straight through. For files inside one, every
//! write, sync and truncate is an *operation* with an index, and the folder's
//! [`Mode`] decides what happens at which index:
//!
//! - [`Mode::Count`] lets everything through and counts, so a test learns
//!   how many operations a piece of work takes;
//! - [`Mode::Fail`] fails one operation (or every one from there on, a disk
//!   that stays full) with an I/O error or `SQLITE_FULL`;
//! - [`Mode::Crash`] cuts the power: the operation in flight and all later
//!   ones fail, and [`Watch::power_loss`] then rewrites the files as a disk
//!   might hold them after the cut.
//!
//! To make that possible the VFS models each watched file as its last
//! *durable* image (what was on disk at the last sync) plus the writes and
//! truncations issued since. After a power cut every one of those unsynced
//! changes independently reached the disk whole, not at all, or torn: some
//! of its 512-byte sectors written, the others not. This is what a disk
//! without write ordering guarantees may do, and it is all SQLite's WAL with
//! `synchronous = FULL` may assume. The shared-memory index (`-shm`) is not
//! durable data and is removed, as a reboot would leave it stale. Directory
//! entries are not modelled: files are never lost or resurrected whole.
// The SQLite VFS interface is a C vtable of raw pointers; this test-only
// module is the one place in the project that implements one.
#![allow(unsafe_code)]

use std::collections::HashMap;
use std::ffi::{CStr, c_char, c_int, c_void};
use std::path::{Path, PathBuf};
use std::ptr;
use std::sync::{Arc, Mutex, MutexGuard, OnceLock, Weak};

use rand::rngs::StdRng;
use rand::{RngExt, SeedableRng};
use rusqlite::ffi;

/// The unit a torn write is cut into: a disk sector.
const SECTOR: usize = 512;

/// What the storage of a watched folder does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Every operation succeeds and is counted.
    Count,
    /// Operation `at` (0-based, counted from when the mode was set) fails
    /// with `fault`, and with `sticky` every later one fails too.
    Fail { at: u64, fault: Fault, sticky: bool },
    /// The power goes at operation `at`: a write then in flight reaches the
    /// drive's cache; it and every later operation fail.
    Crash { at: u64 },
}

/// The error an injected failure returns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// A failed write, sync or truncate (`SQLITE_IOERR_*`).
    Io,
    /// No space left (`SQLITE_FULL`).
    Full,
}

#[derive(Debug, Clone, Copy)]
enum Op {
    Write,
    Sync,
    Truncate,
}

/// What to do with one operation.
enum Verdict {
    Go,
    Refuse(c_int),
    /// The power goes now; a write is cached but not performed.
    CutNow,
}

/// A change issued since the last sync of its file.
enum Unsynced {
    Write { offset: usize, data: Vec<u8> },
    Truncate(usize),
}

/// One watched file: its durable image and its unsynced changes.
#[derive(Default)]
struct FileModel {
    durable: Vec<u8>,
    unsynced: Vec<Unsynced>,
}

fn write_into(image: &mut Vec<u8>, offset: usize, data: &[u8]) {
    let end = offset + data.len();
    if image.len() < end {
        image.resize(end, 0);
    }
    image[offset..end].copy_from_slice(data);
}

impl FileModel {
    fn sync(&mut self) {
        for change in std::mem::take(&mut self.unsynced) {
            match change {
                Unsynced::Write { offset, data } => write_into(&mut self.durable, offset, &data),
                Unsynced::Truncate(size) => self.durable.truncate(size),
            }
        }
    }

    /// The file as the disk may hold it after a power cut: each unsynced
    /// change, in issue order, landed whole, not at all, or torn.
    fn after_power_cut(&self, rng: &mut StdRng) -> Vec<u8> {
        let mut image = self.durable.clone();
        for change in &self.unsynced {
            match change {
                Unsynced::Write { offset, data } => match rng.random_range(0..3u8) {
                    0 => write_into(&mut image, *offset, data),
                    1 => {}
                    _ => {
                        // Torn: each sector the write touches lands or not.
                        let mut at = *offset;
                        let end = offset + data.len();
                        while at < end {
                            let next = ((at / SECTOR) + 1) * SECTOR;
                            let stop = next.min(end);
                            if rng.random::<bool>() {
                                write_into(&mut image, at, &data[at - offset..stop - offset]);
                            }
                            at = stop;
                        }
                    }
                },
                Unsynced::Truncate(size) => {
                    if rng.random::<bool>() {
                        image.truncate(*size);
                    }
                }
            }
        }
        image
    }
}

/// The shared state of one watched folder.
struct Plan {
    mode: Mode,
    ops: u64,
    tripped: bool,
    files: HashMap<PathBuf, FileModel>,
}

impl Plan {
    fn next(&mut self, op: Op) -> Verdict {
        let n = self.ops;
        self.ops += 1;
        match self.mode {
            Mode::Count => Verdict::Go,
            Mode::Fail { at, fault, sticky } if n == at || (sticky && n > at) => {
                self.tripped = true;
                Verdict::Refuse(match (fault, op) {
                    (Fault::Full, _) => ffi::SQLITE_FULL,
                    (Fault::Io, Op::Write) => ffi::SQLITE_IOERR_WRITE,
                    (Fault::Io, Op::Sync) => ffi::SQLITE_IOERR_FSYNC,
                    (Fault::Io, Op::Truncate) => ffi::SQLITE_IOERR_TRUNCATE,
                })
            }
            Mode::Fail { .. } => Verdict::Go,
            Mode::Crash { at } if n == at => {
                self.tripped = true;
                Verdict::CutNow
            }
            Mode::Crash { at } if n > at => Verdict::Refuse(ffi::SQLITE_IOERR),
            Mode::Crash { .. } => Verdict::Go,
        }
    }

    fn is_dead(&self) -> bool {
        matches!(self.mode, Mode::Crash { .. }) && self.tripped
    }

    fn model(&mut self, path: &Path) -> &mut FileModel {
        self.files
            .entry(path.to_path_buf())
            .or_insert_with(|| FileModel {
                durable: std::fs::read(path).unwrap_or_default(),
                unsynced: Vec::new(),
            })
    }
}

type Shared = Arc<Mutex<Plan>>;

fn lock(plan: &Mutex<Plan>) -> MutexGuard<'_, Plan> {
    plan.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// The folders being watched, each with its plan.
type Watched = Mutex<Vec<(PathBuf, Weak<Mutex<Plan>>)>>;

fn watched() -> &'static Watched {
    static WATCHED: OnceLock<Watched> = OnceLock::new();
    WATCHED.get_or_init(|| Mutex::new(Vec::new()))
}

fn plan_for(path: &Path) -> Option<Shared> {
    let parent = path.parent()?;
    let mut list = watched().lock().unwrap_or_else(|p| p.into_inner());
    list.retain(|(_, plan)| plan.strong_count() > 0);
    list.iter()
        .find(|(dir, _)| dir == parent)
        .and_then(|(_, plan)| plan.upgrade())
}

/// A folder whose files go through the fault plan; dropping it stops the
/// watch (files already open keep their plan until closed).
pub struct Watch {
    dir: PathBuf,
    plan: Shared,
}

impl Watch {
    /// Watches `dir` (which must exist) with `mode`, installing the VFS as
    /// the process default on first use.
    pub fn new(dir: &Path, mode: Mode) -> std::io::Result<Watch> {
        install()?;
        let dir = dir.canonicalize()?;
        let plan = Arc::new(Mutex::new(Plan {
            mode,
            ops: 0,
            tripped: false,
            files: HashMap::new(),
        }));
        watched()
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .push((dir.clone(), Arc::downgrade(&plan)));
        Ok(Watch { dir, plan })
    }

    /// Sets a new mode and restarts the operation count from zero.
    pub fn set_mode(&self, mode: Mode) {
        let mut plan = lock(&self.plan);
        plan.mode = mode;
        plan.ops = 0;
        plan.tripped = false;
    }

    /// Operations seen since the mode was set.
    pub fn ops(&self) -> u64 {
        lock(&self.plan).ops
    }

    /// True once the injected failure or power cut has happened.
    pub fn tripped(&self) -> bool {
        lock(&self.plan).tripped
    }

    /// Rewrites every watched file as the disk may hold it after a power
    /// cut now, seeded by `seed`, and removes the stale shared-memory
    /// index. Every connection to the folder must be closed first. Returns
    /// how many unsynced changes were at stake.
    pub fn power_loss(&self, seed: u64) -> std::io::Result<usize> {
        let mut rng = StdRng::seed_from_u64(seed);
        let mut plan = lock(&self.plan);
        let mut at_stake = 0;
        let mut files: Vec<_> = plan.files.drain().collect();
        files.sort_by(|a, b| a.0.cmp(&b.0));
        for (path, model) in files {
            at_stake += model.unsynced.len();
            std::fs::write(&path, model.after_power_cut(&mut rng))?;
        }
        for entry in std::fs::read_dir(&self.dir)? {
            let path = entry?.path();
            if path.to_string_lossy().ends_with("-shm") {
                std::fs::remove_file(path)?;
            }
        }
        Ok(at_stake)
    }
}

/// The platform VFS this one wraps.
fn real() -> *mut ffi::sqlite3_vfs {
    REAL.get().map_or(ptr::null_mut(), |p| p.0)
}

struct VfsPtr(*mut ffi::sqlite3_vfs);
// SAFETY: SQLite's VFS objects are immutable once registered and are used
// from any thread by design.
unsafe impl Send for VfsPtr {}
unsafe impl Sync for VfsPtr {}

static REAL: OnceLock<VfsPtr> = OnceLock::new();
static INSTALLED: OnceLock<Result<(), c_int>> = OnceLock::new();

/// Registers the VFS as the process default (once).
pub fn install() -> std::io::Result<()> {
    let done = INSTALLED.get_or_init(|| {
        // SAFETY: sqlite3_vfs_find and sqlite3_vfs_register are thread-safe;
        // the registered object is leaked so it outlives every connection.
        unsafe {
            let rc = ffi::sqlite3_initialize();
            if rc != ffi::SQLITE_OK {
                return Err(rc);
            }
            let base = ffi::sqlite3_vfs_find(ptr::null());
            if base.is_null() {
                return Err(ffi::SQLITE_ERROR);
            }
            let _ = REAL.set(VfsPtr(base));
            let mut vfs = *base;
            vfs.pNext = ptr::null_mut();
            vfs.zName = c"keel-faults".as_ptr();
            vfs.szOsFile = (std::mem::size_of::<FaultFile>() as c_int) + (*base).szOsFile;
            vfs.xOpen = Some(x_open);
            vfs.xDelete = Some(x_delete);
            let leaked = Box::leak(Box::new(vfs));
            match ffi::sqlite3_vfs_register(leaked, 1) {
                ffi::SQLITE_OK => Ok(()),
                rc => Err(rc),
            }
        }
    });
    done.map_err(|rc| std::io::Error::other(format!("registering the VFS failed ({rc})")))
}

/// The file object SQLite allocates (`szOsFile` bytes): ours, followed by
/// the wrapped VFS's own.
#[repr(C)]
struct FaultFile {
    base: ffi::sqlite3_file,
    tracked: *mut Tracked,
}

/// A watched file: its path and its folder's plan.
struct Tracked {
    path: PathBuf,
    plan: Shared,
}

/// # Safety
/// `file` must point at a `FaultFile` allocation of `szOsFile` bytes.
unsafe fn inner(file: *mut ffi::sqlite3_file) -> *mut ffi::sqlite3_file {
    unsafe {
        file.cast::<u8>()
            .add(std::mem::size_of::<FaultFile>())
            .cast()
    }
}

/// # Safety
/// As for [`inner`], on a file opened by [`x_open`].
unsafe fn tracked<'a>(file: *mut ffi::sqlite3_file) -> Option<&'a Tracked> {
    unsafe { (*file.cast::<FaultFile>()).tracked.as_ref() }
}

/// # Safety
/// As for [`inner`], on a file opened by [`x_open`].
unsafe fn inner_methods<'a>(file: *mut ffi::sqlite3_file) -> &'a ffi::sqlite3_io_methods {
    unsafe { &*(*inner(file)).pMethods }
}

fn path_of(name: *const c_char) -> Option<PathBuf> {
    if name.is_null() {
        return None;
    }
    // SAFETY: SQLite passes NUL-terminated file names.
    let name = unsafe { CStr::from_ptr(name) };
    name.to_str().ok().map(PathBuf::from)
}

unsafe extern "C" fn x_open(
    _vfs: *mut ffi::sqlite3_vfs,
    name: ffi::sqlite3_filename,
    file: *mut ffi::sqlite3_file,
    flags: c_int,
    out_flags: *mut c_int,
) -> c_int {
    let base = real();
    // SAFETY: `file` is a FaultFile allocation of szOsFile bytes (we set
    // szOsFile); the wrapped VFS opens its own file object behind ours.
    unsafe {
        let outer = file.cast::<FaultFile>();
        (*outer).base.pMethods = ptr::null();
        (*outer).tracked = ptr::null_mut();
        let Some(open) = (*base).xOpen else {
            return ffi::SQLITE_ERROR;
        };
        let rc = open(base, name, inner(file), flags, out_flags);
        if (*inner(file)).pMethods.is_null() {
            return rc;
        }
        if let Some(path) = path_of(name)
            && let Some(plan) = plan_for(&path)
        {
            lock(&plan).model(&path);
            (*outer).tracked = Box::into_raw(Box::new(Tracked { path, plan }));
        }
        (*outer).base.pMethods = &IO_METHODS;
        rc
    }
}

unsafe extern "C" fn x_delete(
    _vfs: *mut ffi::sqlite3_vfs,
    name: *const c_char,
    sync_dir: c_int,
) -> c_int {
    if let Some(path) = path_of(name)
        && let Some(plan) = plan_for(&path)
    {
        let mut plan = lock(&plan);
        if plan.is_dead() {
            return ffi::SQLITE_IOERR_DELETE;
        }
        plan.files.remove(&path);
    }
    let base = real();
    // SAFETY: forwarding to the wrapped VFS with its own object.
    unsafe {
        match (*base).xDelete {
            Some(delete) => delete(base, name, sync_dir),
            None => ffi::SQLITE_IOERR_DELETE,
        }
    }
}

unsafe extern "C" fn x_close(file: *mut ffi::sqlite3_file) -> c_int {
    // SAFETY: a file opened by x_open; `tracked` was boxed there and is
    // freed exactly once, here.
    unsafe {
        let rc = match inner_methods(file).xClose {
            Some(close) => close(inner(file)),
            None => ffi::SQLITE_OK,
        };
        let outer = file.cast::<FaultFile>();
        if !(*outer).tracked.is_null() {
            drop(Box::from_raw((*outer).tracked));
            (*outer).tracked = ptr::null_mut();
        }
        rc
    }
}

unsafe extern "C" fn x_write(
    file: *mut ffi::sqlite3_file,
    buf: *const c_void,
    amount: c_int,
    offset: ffi::sqlite3_int64,
) -> c_int {
    // SAFETY: a file opened by x_open; `buf` holds `amount` bytes.
    unsafe {
        let Some(write) = inner_methods(file).xWrite else {
            return ffi::SQLITE_IOERR_WRITE;
        };
        let Some(t) = tracked(file) else {
            return write(inner(file), buf, amount, offset);
        };
        let data = || std::slice::from_raw_parts(buf.cast::<u8>(), amount.max(0) as usize).to_vec();
        let record = |plan: &mut Plan| {
            plan.model(&t.path).unsynced.push(Unsynced::Write {
                offset: offset as usize,
                data: data(),
            })
        };
        let mut plan = lock(&t.plan);
        match plan.next(Op::Write) {
            Verdict::Refuse(rc) => rc,
            Verdict::CutNow => {
                record(&mut plan);
                ffi::SQLITE_IOERR_WRITE
            }
            Verdict::Go => {
                let rc = write(inner(file), buf, amount, offset);
                if rc == ffi::SQLITE_OK {
                    record(&mut plan);
                }
                rc
            }
        }
    }
}

unsafe extern "C" fn x_truncate(file: *mut ffi::sqlite3_file, size: ffi::sqlite3_int64) -> c_int {
    // SAFETY: a file opened by x_open.
    unsafe {
        let Some(truncate) = inner_methods(file).xTruncate else {
            return ffi::SQLITE_IOERR_TRUNCATE;
        };
        let Some(t) = tracked(file) else {
            return truncate(inner(file), size);
        };
        let mut plan = lock(&t.plan);
        match plan.next(Op::Truncate) {
            Verdict::Refuse(rc) => rc,
            Verdict::CutNow => ffi::SQLITE_IOERR_TRUNCATE,
            Verdict::Go => {
                let rc = truncate(inner(file), size);
                if rc == ffi::SQLITE_OK {
                    plan.model(&t.path)
                        .unsynced
                        .push(Unsynced::Truncate(size.max(0) as usize));
                }
                rc
            }
        }
    }
}

unsafe extern "C" fn x_sync(file: *mut ffi::sqlite3_file, flags: c_int) -> c_int {
    // SAFETY: a file opened by x_open.
    unsafe {
        let Some(sync) = inner_methods(file).xSync else {
            return ffi::SQLITE_IOERR_FSYNC;
        };
        let Some(t) = tracked(file) else {
            return sync(inner(file), flags);
        };
        let mut plan = lock(&t.plan);
        match plan.next(Op::Sync) {
            Verdict::Refuse(rc) => rc,
            Verdict::CutNow => ffi::SQLITE_IOERR_FSYNC,
            Verdict::Go => {
                let rc = sync(inner(file), flags);
                if rc == ffi::SQLITE_OK {
                    plan.model(&t.path).sync();
                }
                rc
            }
        }
    }
}

/// Forwards an I/O method to the wrapped file unchanged.
macro_rules! forward {
    ($name:ident, $field:ident, $missing:expr, ($($arg:ident: $ty:ty),*) -> $ret:ty) => {
        unsafe extern "C" fn $name(file: *mut ffi::sqlite3_file $(, $arg: $ty)*) -> $ret {
            // SAFETY: a file opened by x_open; the wrapped method gets the
            // wrapped file object and the caller's arguments.
            unsafe {
                match inner_methods(file).$field {
                    Some(method) => method(inner(file) $(, $arg)*),
                    None => $missing,
                }
            }
        }
    };
}

forward!(x_read, xRead, ffi::SQLITE_IOERR_READ, (buf: *mut c_void, amount: c_int, offset: ffi::sqlite3_int64) -> c_int);
forward!(x_file_size, xFileSize, ffi::SQLITE_IOERR_FSTAT, (size: *mut ffi::sqlite3_int64) -> c_int);
forward!(x_lock, xLock, ffi::SQLITE_IOERR_LOCK, (level: c_int) -> c_int);
forward!(x_unlock, xUnlock, ffi::SQLITE_IOERR_UNLOCK, (level: c_int) -> c_int);
forward!(x_check_reserved_lock, xCheckReservedLock, ffi::SQLITE_IOERR_CHECKRESERVEDLOCK, (out: *mut c_int) -> c_int);
forward!(x_file_control, xFileControl, ffi::SQLITE_NOTFOUND, (op: c_int, arg: *mut c_void) -> c_int);
forward!(x_sector_size, xSectorSize, SECTOR as c_int, () -> c_int);
forward!(x_device_characteristics, xDeviceCharacteristics, 0, () -> c_int);
forward!(x_shm_map, xShmMap, ffi::SQLITE_IOERR_SHMMAP, (page: c_int, size: c_int, extend: c_int, out: *mut *mut c_void) -> c_int);
forward!(x_shm_lock, xShmLock, ffi::SQLITE_IOERR_SHMLOCK, (offset: c_int, n: c_int, flags: c_int) -> c_int);
forward!(x_shm_unmap, xShmUnmap, ffi::SQLITE_OK, (delete: c_int) -> c_int);
forward!(x_fetch, xFetch, ffi::SQLITE_OK, (offset: ffi::sqlite3_int64, amount: c_int, out: *mut *mut c_void) -> c_int);
forward!(x_unfetch, xUnfetch, ffi::SQLITE_OK, (offset: ffi::sqlite3_int64, p: *mut c_void) -> c_int);

unsafe extern "C" fn x_shm_barrier(file: *mut ffi::sqlite3_file) {
    // SAFETY: a file opened by x_open.
    unsafe {
        if let Some(barrier) = inner_methods(file).xShmBarrier {
            barrier(inner(file));
        }
    }
}

static IO_METHODS: ffi::sqlite3_io_methods = ffi::sqlite3_io_methods {
    iVersion: 3,
    xClose: Some(x_close),
    xRead: Some(x_read),
    xWrite: Some(x_write),
    xTruncate: Some(x_truncate),
    xSync: Some(x_sync),
    xFileSize: Some(x_file_size),
    xLock: Some(x_lock),
    xUnlock: Some(x_unlock),
    xCheckReservedLock: Some(x_check_reserved_lock),
    xFileControl: Some(x_file_control),
    xSectorSize: Some(x_sector_size),
    xDeviceCharacteristics: Some(x_device_characteristics),
    xShmMap: Some(x_shm_map),
    xShmLock: Some(x_shm_lock),
    xShmBarrier: Some(x_shm_barrier),
    xShmUnmap: Some(x_shm_unmap),
    xFetch: Some(x_fetch),
    xUnfetch: Some(x_unfetch),
};

#[cfg(test)]
mod tests {
    use super::*;

    fn model(durable: &[u8], unsynced: Vec<Unsynced>) -> FileModel {
        FileModel {
            durable: durable.to_vec(),
            unsynced,
        }
    }

    #[test]
    fn a_sync_makes_every_change_durable_in_order() {
        let mut m = model(
            &[1; 8],
            vec![
                Unsynced::Write {
                    offset: 6,
                    data: vec![2; 4],
                },
                Unsynced::Truncate(7),
            ],
        );
        m.sync();
        assert_eq!(m.durable, [1, 1, 1, 1, 1, 1, 2]);
        assert!(m.unsynced.is_empty());
    }

    #[test]
    fn a_power_cut_keeps_the_durable_image_and_only_whole_sectors_of_later_writes() {
        let durable = vec![0u8; 4 * SECTOR];
        let m = model(
            &durable,
            vec![Unsynced::Write {
                offset: SECTOR / 2,
                data: vec![7; 3 * SECTOR],
            }],
        );
        let mut outcomes = std::collections::HashSet::new();
        for seed in 0..200 {
            let image = m.after_power_cut(&mut StdRng::seed_from_u64(seed));
            assert_eq!(image.len(), durable.len());
            // Within the written range each sector is all old or all new.
            for start in (0..image.len()).step_by(SECTOR) {
                let from = start.max(SECTOR / 2);
                let to = (start + SECTOR).min(SECTOR / 2 + 3 * SECTOR);
                let part = &image[from..to];
                assert!(
                    part.iter().all(|&b| b == part[0]),
                    "sector {start} torn inside"
                );
            }
            outcomes.insert(image.iter().filter(|&&b| b == 7).count());
        }
        // Dropped, whole, and several torn shapes all occur.
        assert!(outcomes.contains(&0) && outcomes.contains(&(3 * SECTOR)));
        assert!(outcomes.len() >= 4, "{outcomes:?}");
    }
}
