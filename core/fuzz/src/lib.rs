//! Shared by the fuzz targets and the seed writer.

use chrono::NaiveDate;
use keel_core::crypto::SecretKey;

/// The device secret every seed vault's device slot opens with; a vault
/// input is this secret followed by the bytes of `vault.db`.
pub const DEVICE_SECRET: [u8; 32] = [7; 32];

/// The key the backup and report seeds are sealed with (so the fuzzer gets
/// past decryption without running PBKDF2 on every input).
pub fn fixed_key() -> SecretKey {
    SecretKey::from_bytes(&mut [42u8; 32])
}

/// The import date of the Meeting Guide target.
pub fn import_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 24).unwrap_or_default()
}
