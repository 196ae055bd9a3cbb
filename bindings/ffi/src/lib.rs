//! Keel's one exported surface. Everything here is a thin wrapper over
//! `keel-core`: it converts types, supplies the clock, and maps the core's
//! errors to [`KeelError`]. No logic lives here.
//!
//! Shells hold one [`Vault`] for the app's lifetime and call it off the UI
//! thread; every call is synchronous and short.

mod error;
mod notes;
mod types;
mod vault;

pub use error::KeelError;
pub use notes::{JournalNote, NoteDraft, NoteList};
pub use types::{KeySlot, KeySlotKind, LocalTime, NewDeviceSlot};
pub use vault::{Vault, vault_exists};

uniffi::setup_scaffolding!("keel");
