//! Keel's core: everything the app decides, with no knowledge of FFI.
//!
//! The [`Vault`] owns one SQLite file whose records are sealed with
//! AES-256-GCM under a random data key. The data key is wrapped by key slots
//! (a passphrase slot and device slots), so unlocking never needs the data key
//! to leave the core. Domain modules (such as [`notes`]) store their records
//! through the typed [`store::Store`] that an unlocked vault hands out.

pub mod backup;
pub mod calendar;
pub mod crypto;
pub mod error;
pub mod exercises;
pub mod export;
mod faults;
#[cfg(test)]
mod format_docs;
pub mod history;
pub mod insights;
pub mod language;
pub mod logs;
pub mod measures;
pub mod meetings;
pub mod notes;
mod owner_only;
pub mod plan;
pub mod ranges;
pub mod rekey;
pub mod report;
pub mod salvage;
mod schema;
pub mod slots;
pub mod sobriety;
pub mod store;
pub mod strength;
pub mod summary;
pub mod time;
pub mod today;
pub mod validate;
pub mod vault;
pub mod work;

pub use error::{Error, Result};
pub use language::Language;
pub use store::{Listing, Page, PageRequest, Record, RecordId, Store, Timed};
pub use time::{LocalInstant, ZonedNow};
pub use vault::{DeviceSlot, OpenedKey, PassphraseChange, UnlockTicket, Vault};
