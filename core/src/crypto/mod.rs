//! Cryptography, all of it from `ring`: AES-256-GCM sealing with padded
//! plaintexts, PBKDF2 and HKDF key derivation, and the system CSPRNG.
//!
//! Key material we own lives in [`SecretKey`], which zeroizes itself on
//! drop. ring's own key schedules (AES-GCM's round keys, HMAC's keyed
//! states) are built from it for one operation or one `Store` and dropped
//! straight after, but ring does not zeroize them and wiping its private
//! fields would take `unsafe`: their bytes stay in freed memory until
//! reused. `docs/security.md` ("Key material in memory") states the
//! exposure.

pub mod aead;
pub mod kdf;
pub mod padding;

use ring::rand::{SecureRandom, SystemRandom};
use zeroize::{Zeroize, ZeroizeOnDrop};

use crate::error::{Error, Result};

/// Length of every symmetric key Keel uses (AES-256).
pub const KEY_LEN: usize = 32;

/// A 256-bit key that is wiped from memory when dropped.
#[derive(Clone, Zeroize, ZeroizeOnDrop, PartialEq, Eq)]
pub struct SecretKey([u8; KEY_LEN]);

impl SecretKey {
    /// A fresh key from the system CSPRNG.
    pub fn random() -> Result<Self> {
        let mut key = SecretKey([0; KEY_LEN]);
        fill_random(&mut key.0)?;
        Ok(key)
    }

    /// Takes ownership of key bytes (wiping the caller's array).
    pub fn from_bytes(bytes: &mut [u8; KEY_LEN]) -> Self {
        let key = SecretKey(*bytes);
        bytes.zeroize();
        key
    }

    /// The raw key, for ring's constructors only.
    pub(crate) fn expose(&self) -> &[u8; KEY_LEN] {
        &self.0
    }
}

impl std::fmt::Debug for SecretKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SecretKey(..)")
    }
}

/// Fills `buf` from the system CSPRNG.
pub fn fill_random(buf: &mut [u8]) -> Result<()> {
    SystemRandom::new().fill(buf).map_err(|_| Error::Random)
}

/// A random array of `N` bytes (ids, salts, nonces).
pub fn random_array<const N: usize>() -> Result<[u8; N]> {
    let mut out = [0u8; N];
    fill_random(&mut out)?;
    Ok(out)
}
