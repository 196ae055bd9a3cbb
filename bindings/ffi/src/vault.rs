//! The vault object the shells keep for the app's lifetime.

use std::sync::{Arc, Mutex, MutexGuard};

use keel_core::Vault as CoreVault;

use crate::error::Result;
use crate::types::{KeySlot, Moment, NewDeviceSlot};

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
/// open on `dir` first.
#[uniffi::export]
pub fn salvage_vault(dir: String, passphrase: String) -> Result<SalvageReport> {
    let r = keel_core::salvage::salvage(&dir, &passphrase, Moment::now())?;
    Ok(SalvageReport {
        recovered: r.recovered,
        unreadable: r.unreadable,
        unreadable_ranges: r.unreadable_ranges,
        kept_as: r.kept_as,
    })
}

/// An open vault. One per app; calls are serialised inside.
#[derive(uniffi::Object)]
pub struct Vault {
    inner: Mutex<CoreVault>,
}

impl Vault {
    /// The core vault. A panic elsewhere cannot leave it half-changed (each
    /// core call commits or not), so a poisoned lock is taken over.
    pub(crate) fn core(&self) -> MutexGuard<'_, CoreVault> {
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn wrap(v: CoreVault) -> Arc<Self> {
        Arc::new(Vault {
            inner: Mutex::new(v),
        })
    }
}

#[uniffi::export]
impl Vault {
    /// Creates a vault in `dir` protected by `passphrase` (at least 8
    /// characters) and returns it unlocked.
    #[uniffi::constructor]
    pub fn create(dir: String, passphrase: String) -> Result<Arc<Self>> {
        Ok(Self::wrap(CoreVault::create(&dir, &passphrase)?))
    }

    /// Opens the vault in `dir`, locked.
    #[uniffi::constructor]
    pub fn open(dir: String) -> Result<Arc<Self>> {
        Ok(Self::wrap(CoreVault::open(&dir)?))
    }

    /// True unless unlocked.
    pub fn is_locked(&self) -> bool {
        self.core().is_locked()
    }

    /// Unlocks with the passphrase.
    pub fn unlock_with_passphrase(&self, passphrase: String) -> Result<()> {
        Ok(self.core().unlock_with_passphrase(&passphrase)?)
    }

    /// Unlocks with the secret the platform keystore released.
    pub fn unlock_with_device_secret(&self, secret: Vec<u8>) -> Result<()> {
        Ok(self.core().unlock_with_device_secret(&secret)?)
    }

    /// Drops every key from memory.
    pub fn lock(&self) {
        self.core().lock()
    }

    /// Replaces the passphrase; needs the current one.
    pub fn change_passphrase(&self, current: String, new_passphrase: String) -> Result<()> {
        Ok(self.core().change_passphrase(&current, &new_passphrase)?)
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
        Ok(self.core().wipe()?)
    }
}
