//! Test support for the vault's reliability tests: the line protocol
//! between the crash tests and the writer process they kill, and a
//! fault-injecting SQLite VFS for power-loss and I/O-error trials.

pub mod fault_vfs;
mod protocol;

pub use protocol::{Event, Outcome};
