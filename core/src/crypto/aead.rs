//! AES-256-GCM with a fresh random 96-bit nonce per seal.
//!
//! A sealed blob is `nonce (12) || ciphertext || tag (16)`. Random nonces are
//! safe here: one phone writes far fewer than the 2^32 messages per key at
//! which nonce collisions start to matter.

use ring::aead::{AES_256_GCM, Aad, LessSafeKey, NONCE_LEN, Nonce, UnboundKey};
use zeroize::Zeroizing;

use super::{SecretKey, random_array};
use crate::error::{Error, Result};

/// Bytes a seal adds to its plaintext.
pub const OVERHEAD: usize = NONCE_LEN + 16;

/// A ring key schedule for one batch of operations; built from a
/// [`SecretKey`] and dropped with the batch. ring does not wipe it on drop
/// (its first two AES-256 round keys are the raw key): keep it no longer
/// than the batch, and never in anything that outlives a call.
pub struct Cipher(LessSafeKey);

impl Cipher {
    /// Expands `key` for AES-256-GCM.
    pub fn new(key: &SecretKey) -> Self {
        // AES-256 takes any 32-byte key, so this cannot fail.
        let unbound = UnboundKey::new(&AES_256_GCM, key.expose())
            .unwrap_or_else(|_| unreachable!("AES-256-GCM accepts every 32-byte key"));
        Cipher(LessSafeKey::new(unbound))
    }

    /// Seals `plain` bound to `aad`.
    pub fn seal(&self, aad: &[u8], plain: &[u8]) -> Result<Vec<u8>> {
        let nonce_bytes = random_array::<NONCE_LEN>()?;
        let mut out = Vec::with_capacity(NONCE_LEN + plain.len() + 16);
        out.extend_from_slice(&nonce_bytes);
        out.extend_from_slice(plain);
        let tag = self
            .0
            .seal_in_place_separate_tag(
                Nonce::assume_unique_for_key(nonce_bytes),
                Aad::from(aad),
                &mut out[NONCE_LEN..],
            )
            .map_err(|_| Error::invalid("record", "too_large"))?;
        out.extend_from_slice(tag.as_ref());
        Ok(out)
    }

    /// Opens a blob made by [`Cipher::seal`] with the same `aad`; `None` if
    /// it does not authenticate (wrong key, wrong place, any changed bit).
    pub fn open(&self, aad: &[u8], sealed: &[u8]) -> Option<Zeroizing<Vec<u8>>> {
        let (nonce, body) = sealed.split_first_chunk::<NONCE_LEN>()?;
        if body.len() < 16 {
            return None;
        }
        let mut buf = Zeroizing::new(body.to_vec());
        let plain_len = self
            .0
            .open_in_place(
                Nonce::assume_unique_for_key(*nonce),
                Aad::from(aad),
                &mut buf,
            )
            .ok()?
            .len();
        buf.truncate(plain_len);
        Some(buf)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seal_then_open() {
        let cipher = Cipher::new(&SecretKey::random().unwrap());
        let sealed = cipher.seal(b"here", b"hello").unwrap();
        assert_eq!(sealed.len(), 5 + OVERHEAD);
        assert_eq!(cipher.open(b"here", &sealed).unwrap().as_slice(), b"hello");
    }

    #[test]
    fn nonces_differ_between_seals() {
        let cipher = Cipher::new(&SecretKey::random().unwrap());
        let a = cipher.seal(b"", b"same").unwrap();
        let b = cipher.seal(b"", b"same").unwrap();
        assert_ne!(a, b);
    }

    #[test]
    fn wrong_aad_key_or_any_bit_fails() {
        let cipher = Cipher::new(&SecretKey::random().unwrap());
        let sealed = cipher.seal(b"here", b"hello").unwrap();
        assert!(cipher.open(b"there", &sealed).is_none());
        let other = Cipher::new(&SecretKey::random().unwrap());
        assert!(other.open(b"here", &sealed).is_none());
        for bit in 0..sealed.len() * 8 {
            let mut bad = sealed.clone();
            bad[bit / 8] ^= 1 << (bit % 8);
            assert!(cipher.open(b"here", &bad).is_none(), "bit {bit}");
        }
        assert!(cipher.open(b"here", &sealed[..20]).is_none());
        assert!(cipher.open(b"here", &[]).is_none());
    }
}
