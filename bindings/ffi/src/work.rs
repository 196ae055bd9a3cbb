//! Long calls: progress, cancellation, and the vault left free while the
//! slow parts run.
//!
//! Creating a vault, unlocking with the passphrase, the counselor report,
//! backup, inspect and restore are blocking calls that the shells make on a
//! background dispatcher (Kotlin `Dispatchers.IO`, a Swift `Task.detached`).
//! Each takes an optional [`Progress`] (called on the calling thread with
//! `done / total` steps) and an optional [`CancelToken`]. They never hold
//! the vault while deriving a key, so `lock()`, `is_locked()` and short
//! calls from other threads answer at once; a `lock()` stops the work at
//! its next step with `Locked`. See docs/decisions.md for why this shape
//! rather than uniffi async functions.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use keel_core::work::Work;

use crate::vault::Vault;

/// Told how far a long call has got. Implemented by the shell; called on
/// the thread that made the call, several times, never after it returns.
#[uniffi::export(foreign)]
pub trait Progress: Send + Sync {
    /// `done` of `total` steps are finished. `total` may grow while the
    /// call learns its size; `done` never goes back. Show `done / total`.
    fn on_progress(&self, done: u64, total: u64);
}

/// Cancels a long call from any thread. The call stops at its next step
/// with `Cancelled`: a cancelled export leaves no file, a cancelled restore
/// or re-key changes nothing, a cancelled creation leaves no vault. One
/// token per call; a cancelled token stays cancelled.
#[derive(Debug, Default, uniffi::Object)]
pub struct CancelToken {
    cancelled: AtomicBool,
}

#[uniffi::export]
impl CancelToken {
    /// A token not yet cancelled.
    #[uniffi::constructor]
    pub fn new() -> Arc<Self> {
        Arc::new(CancelToken::default())
    }

    /// Asks the call holding this token to stop. Returns at once.
    pub fn cancel(&self) {
        self.cancelled.store(true, Ordering::SeqCst);
    }

    /// True once `cancel` was called.
    pub fn is_cancelled(&self) -> bool {
        self.cancelled.load(Ordering::SeqCst)
    }
}

/// The core's [`Work`] for one exported call: the shell's progress and
/// cancel token, and the vault whose `lock()` also stops the call.
pub(crate) struct Watch<'a> {
    progress: Option<Arc<dyn Progress>>,
    cancel: Option<Arc<CancelToken>>,
    vault: Option<(&'a Vault, u64)>,
    /// Set when the shell's progress callback failed: the call stops.
    broken: AtomicBool,
}

impl<'a> Watch<'a> {
    /// Work not tied to a vault (creating one).
    pub(crate) fn new(
        progress: Option<Arc<dyn Progress>>,
        cancel: Option<Arc<CancelToken>>,
    ) -> Self {
        Watch {
            progress,
            cancel,
            vault: None,
            broken: AtomicBool::new(false),
        }
    }

    /// Work on `vault`: a `lock()` after this point stops it with `Locked`.
    pub(crate) fn on(
        vault: &'a Vault,
        progress: Option<Arc<dyn Progress>>,
        cancel: Option<Arc<CancelToken>>,
    ) -> Self {
        Watch {
            vault: Some((vault, vault.lock_epoch())),
            ..Watch::new(progress, cancel)
        }
    }

    /// The vault's lock count when this work started.
    pub(crate) fn epoch(&self) -> Option<u64> {
        self.vault.map(|(_, e)| e)
    }
}

impl Work for Watch<'_> {
    fn progress(&self, done: u64, total: u64) {
        if let Some(p) = &self.progress {
            // A shell callback that throws must not unwind through the
            // core: the call stops instead.
            if catch_unwind(AssertUnwindSafe(|| p.on_progress(done, total))).is_err() {
                self.broken.store(true, Ordering::SeqCst);
            }
        }
    }

    fn check(&self) -> keel_core::Result<()> {
        if self.cancel.as_ref().is_some_and(|c| c.is_cancelled())
            || self.broken.load(Ordering::SeqCst)
        {
            return Err(keel_core::Error::Cancelled);
        }
        if let Some((vault, epoch)) = self.vault
            && vault.lock_epoch() != epoch
        {
            return Err(keel_core::Error::Locked);
        }
        Ok(())
    }
}
