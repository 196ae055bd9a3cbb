//! The vault object the shells keep for the app's lifetime.

use std::ops::{Deref, DerefMut};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, TryLockError};

use keel_core::Vault as CoreVault;
use keel_core::rekey;
use keel_core::work::{Shifted, Steps};
use zeroize::Zeroizing;

use crate::error::{KeelError, Result};
use crate::types::{KeySlot, NewDeviceSlot, Now};
use crate::work::{CancelToken, Progress, Watch};

/// True if `dir` holds a vault: show the unlock screen rather than
/// onboarding.
#[uniffi::export]
pub fn vault_exists(dir: String) -> bool {
    CoreVault::exists(&dir)
}

/// What a salvage recovered and what it could not.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct SalvageReport {
    /// Records read back whole and written into the rebuilt vault.
    pub recovered: u64,
    /// Records found but unreadable (damaged, or unknown to this build).
    pub unreadable: u64,
    /// Of the 65,536 ranges record ids are spread over, how many could not
    /// be read at all; their records are lost, in a number nobody can know.
    pub unreadable_ranges: u64,
    /// The damaged file, kept aside byte for byte in the vault's folder.
    pub kept_as: String,
}

/// Rebuilds the vault in `dir` from what can still be read of it, for when
/// opening it reported `Damaged` or reading it keeps failing with a storage
/// error. Needs the passphrase (device slots are not carried over: enrol
/// the keystore again after). The damaged file stays in the folder, kept
/// aside; the rebuilt vault takes its place. Release any `Vault` object
/// open on `dir` first. `now` stamps the rebuilt vault in local time.
#[uniffi::export]
pub fn salvage_vault(dir: String, passphrase: String, now: Now) -> Result<SalvageReport> {
    let passphrase = Zeroizing::new(passphrase);
    let now = now.instant()?;
    let r = keel_core::salvage::salvage(&dir, &passphrase, now)?;
    Ok(SalvageReport {
        recovered: r.recovered,
        unreadable: r.unreadable,
        unreadable_ranges: r.unreadable_ranges,
        kept_as: r.kept_as,
    })
}

/// What a re-key did.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct RekeySummary {
    /// Records sealed again under the new key.
    pub records: u64,
    /// Device slots removed: offer to enrol biometrics again.
    pub device_slots_removed: u64,
}

/// An open vault. One per app; calls are serialised inside, except
/// `lock()` and `is_locked()`, which never wait.
#[derive(uniffi::Object)]
pub struct Vault {
    inner: Mutex<CoreVault>,
    /// Whether the vault is unlocked, readable without the mutex. Set under
    /// the mutex by an unlock; cleared by `lock()` at once.
    unlocked: AtomicBool,
    /// Counts `lock()` calls; long work compares it with its start value
    /// and stops when it moved.
    epoch: AtomicU64,
}

/// The core vault, held. A `lock()` that came while it was held is applied
/// before it is handed out and again when it is let go, so the keys leave
/// memory as soon as whatever held the vault is done.
pub(crate) struct Core<'a> {
    guard: MutexGuard<'a, CoreVault>,
    vault: &'a Vault,
}

impl Deref for Core<'_> {
    type Target = CoreVault;
    fn deref(&self) -> &CoreVault {
        &self.guard
    }
}

impl DerefMut for Core<'_> {
    fn deref_mut(&mut self) -> &mut CoreVault {
        &mut self.guard
    }
}

impl Drop for Core<'_> {
    fn drop(&mut self) {
        if !self.vault.unlocked.load(Ordering::SeqCst) {
            self.guard.lock();
        }
    }
}

impl Vault {
    /// The core vault. A panic elsewhere cannot leave it half-changed (each
    /// core call commits or not), so a poisoned lock is taken over.
    pub(crate) fn core(&self) -> Core<'_> {
        let mut guard = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        if !self.unlocked.load(Ordering::SeqCst) {
            guard.lock();
        }
        Core { guard, vault: self }
    }

    /// How many times `lock()` was called.
    pub(crate) fn lock_epoch(&self) -> u64 {
        self.epoch.load(Ordering::SeqCst)
    }

    pub(crate) fn wrap(v: CoreVault) -> Arc<Self> {
        Arc::new(Vault {
            unlocked: AtomicBool::new(!v.is_locked()),
            inner: Mutex::new(v),
            epoch: AtomicU64::new(0),
        })
    }

    /// Records that `core` was just unlocked by work that started at lock
    /// count `epoch`; if `lock()` was called since, locks again and says so.
    fn unlocked_since(&self, core: &mut Core<'_>, epoch: Option<u64>) -> Result<()> {
        self.unlocked.store(!core.is_locked(), Ordering::SeqCst);
        if epoch.is_some_and(|e| e != self.lock_epoch()) {
            self.unlocked.store(false, Ordering::SeqCst);
            core.lock();
            return Err(KeelError::Locked);
        }
        Ok(())
    }
}

/// How many times an unlock reads the slots again when they changed while
/// its key was being derived (a passphrase change or re-key in between).
const UNLOCK_ATTEMPTS: usize = 3;

#[uniffi::export]
impl Vault {
    /// Creates a vault in `dir` protected by `passphrase` (at least 8
    /// characters) and returns it unlocked. Long (a key derivation): call
    /// it off the main thread. A cancelled creation leaves no vault.
    #[uniffi::constructor(default(progress = None, cancel = None))]
    pub fn create(
        dir: String,
        passphrase: String,
        progress: Option<Arc<dyn Progress>>,
        cancel: Option<Arc<CancelToken>>,
    ) -> Result<Arc<Self>> {
        let passphrase = Zeroizing::new(passphrase);
        let watch = Watch::new(progress, cancel);
        Ok(Self::wrap(CoreVault::create_with(
            &dir,
            &passphrase,
            &watch,
        )?))
    }

    /// Opens the vault in `dir`, locked.
    #[uniffi::constructor]
    pub fn open(dir: String) -> Result<Arc<Self>> {
        Ok(Self::wrap(CoreVault::open(&dir)?))
    }

    /// True unless unlocked. Never waits.
    pub fn is_locked(&self) -> bool {
        !self.unlocked.load(Ordering::SeqCst)
    }

    /// Unlocks with the passphrase. Long (a key derivation), which runs
    /// without holding the vault. A `lock()` while it runs wins: the call
    /// answers `Locked` and the vault stays locked.
    #[uniffi::method(default(progress = None, cancel = None))]
    pub fn unlock_with_passphrase(
        &self,
        passphrase: String,
        progress: Option<Arc<dyn Progress>>,
        cancel: Option<Arc<CancelToken>>,
    ) -> Result<()> {
        let passphrase = Zeroizing::new(passphrase);
        let watch = Watch::on(self, progress, cancel);
        let mut steps = Steps::new(&watch, 2);
        for _ in 0..UNLOCK_ATTEMPTS {
            let ticket = self.core().unlock_ticket()?;
            steps.check()?;
            let opened = ticket.open(&passphrase)?;
            let mut core = self.core();
            steps.check()?;
            if core.finish_unlock(opened)? {
                self.unlocked_since(&mut core, watch.epoch())?;
                steps.finish();
                return Ok(());
            }
        }
        Err(KeelError::Storage {
            reason: "slots_changing".into(),
        })
    }

    /// Unlocks with the secret the platform keystore released.
    pub fn unlock_with_device_secret(&self, secret: Vec<u8>) -> Result<()> {
        let secret = Zeroizing::new(secret);
        let epoch = self.lock_epoch();
        let mut core = self.core();
        core.unlock_with_device_secret(&secret)?;
        self.unlocked_since(&mut core, Some(epoch))
    }

    /// Drops every key from memory. Returns at once, even while long work
    /// runs: that work stops at its next step with `Locked`, and the keys
    /// are dropped as soon as it lets go of the vault.
    pub fn lock(&self) {
        self.epoch.fetch_add(1, Ordering::SeqCst);
        self.unlocked.store(false, Ordering::SeqCst);
        match self.inner.try_lock() {
            Ok(mut core) => core.lock(),
            Err(TryLockError::Poisoned(p)) => p.into_inner().lock(),
            Err(TryLockError::WouldBlock) => {}
        }
    }

    /// Re-keys the vault (unlocked only; needs the passphrase): a new
    /// random data key, every record sealed again under it in one
    /// transaction (a crash leaves the old vault or the new one), device
    /// slots removed (enrol biometrics again). For when someone who knew an
    /// old passphrase may have copied the vault's folder. Long: the key
    /// derivations run without holding the vault; a cancel or `lock()`
    /// before the end changes nothing.
    #[uniffi::method(default(progress = None, cancel = None))]
    pub fn rekey(
        &self,
        passphrase: String,
        progress: Option<Arc<dyn Progress>>,
        cancel: Option<Arc<CancelToken>>,
    ) -> Result<RekeySummary> {
        let passphrase = Zeroizing::new(passphrase);
        let watch = Watch::on(self, progress, cancel);
        let mut steps = Steps::new(&watch, 1);
        let ticket = {
            let core = self.core();
            core.store()?;
            core.unlock_ticket()?
        };
        let plan = rekey::prepare(&ticket, &passphrase)?;
        steps.step()?;
        let s = rekey::apply(
            &mut self.core(),
            plan,
            &Shifted {
                inner: &watch,
                before: 1,
            },
        )?;
        Ok(RekeySummary {
            records: s.records,
            device_slots_removed: s.device_slots_removed,
        })
    }

    /// Replaces the passphrase; needs the current one. Long (two key
    /// derivations), which run without holding the vault: Today, `lock()`
    /// and other short calls are answered meanwhile.
    pub fn change_passphrase(&self, current: String, new_passphrase: String) -> Result<()> {
        let current = Zeroizing::new(current);
        let new_passphrase = Zeroizing::new(new_passphrase);
        for _ in 0..UNLOCK_ATTEMPTS {
            let ticket = self.core().unlock_ticket()?;
            let change = ticket.change_passphrase(&current, &new_passphrase)?;
            if self.core().finish_passphrase_change(change)? {
                return Ok(());
            }
        }
        Err(KeelError::Storage {
            reason: "slots_changing".into(),
        })
    }

    /// Adds a device slot (unlocked only) and returns its secret for the
    /// keystore.
    pub fn add_device_slot(&self) -> Result<NewDeviceSlot> {
        Ok(self.core().add_device_slot()?.into())
    }

    /// Removes a device slot (unlocked only).
    pub fn remove_slot(&self, slot_id: String) -> Result<()> {
        Ok(self.core().remove_slot(&slot_id)?)
    }

    /// The key slots (unlocked only).
    pub fn list_slots(&self) -> Result<Vec<KeySlot>> {
        Ok(self
            .core()
            .slots()?
            .into_iter()
            .map(KeySlot::from)
            .collect())
    }

    /// Destroys the vault (unlocked only): key slots first, then files.
    /// Every later call answers `NotFound`.
    pub fn wipe(&self) -> Result<()> {
        let mut core = self.core();
        core.wipe()?;
        self.unlocked.store(false, Ordering::SeqCst);
        Ok(())
    }
}
