//! Key derivation: PBKDF2-HMAC-SHA256 for passphrases, HKDF-SHA256 for
//! device secrets and for sub-keys of the data key.

use std::num::NonZeroU32;

use ring::{hkdf, pbkdf2};

use zeroize::Zeroize;

use super::{KEY_LEN, SecretKey};
use crate::error::{Error, Result};

/// The fewest PBKDF2 iterations a passphrase slot may keep (OWASP's 2023
/// figure for PBKDF2-HMAC-SHA256). Slots below it are raised at unlock.
pub const MIN_PBKDF2_ITERATIONS: u32 = 600_000;

/// PBKDF2-HMAC-SHA256 into `out`.
pub fn pbkdf2_sha256(password: &[u8], salt: &[u8], iterations: NonZeroU32, out: &mut [u8]) {
    pbkdf2::derive(pbkdf2::PBKDF2_HMAC_SHA256, iterations, salt, password, out);
}

/// A 256-bit key from a passphrase.
pub fn passphrase_key(passphrase: &[u8], salt: &[u8], iterations: NonZeroU32) -> SecretKey {
    let mut out = [0u8; KEY_LEN];
    pbkdf2_sha256(passphrase, salt, iterations, &mut out);
    SecretKey::from_bytes(&mut out)
}

/// HKDF-SHA256 into `out`. Fails (never yields a zero or partial key) if
/// ring refuses the length: over 255 × 32 bytes.
pub fn hkdf_fill(ikm: &[u8], salt: &[u8], info: &[&[u8]], out: &mut [u8]) -> Result<()> {
    struct Len(usize);
    impl hkdf::KeyType for Len {
        fn len(&self) -> usize {
            self.0
        }
    }
    let prk = hkdf::Salt::new(hkdf::HKDF_SHA256, salt).extract(ikm);
    prk.expand(info, Len(out.len()))
        .and_then(|okm| okm.fill(out))
        .map_err(|_| {
            out.zeroize();
            Error::Storage("key_derivation_failed")
        })
}

/// A 256-bit key from high-entropy input keying material (HKDF-SHA256).
/// Expanding to 32 bytes cannot fail; if ring ever said otherwise the
/// error is returned, never an all-zero key.
pub fn hkdf_key(ikm: &[u8], salt: &[u8], info: &[&[u8]]) -> Result<SecretKey> {
    let mut out = [0u8; KEY_LEN];
    hkdf_fill(ikm, salt, info, &mut out)?;
    Ok(SecretKey::from_bytes(&mut out))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(bytes: &[u8]) -> String {
        hex::encode(bytes)
    }

    /// RFC 7914, section 11: the two PBKDF2-HMAC-SHA256 test vectors.
    #[test]
    fn rfc7914_vectors() {
        let mut out = [0u8; 64];
        pbkdf2_sha256(b"passwd", b"salt", NonZeroU32::new(1).unwrap(), &mut out);
        assert_eq!(
            hex(&out),
            "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc\
             49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783"
        );
        pbkdf2_sha256(
            b"Password",
            b"NaCl",
            NonZeroU32::new(80_000).unwrap(),
            &mut out,
        );
        assert_eq!(
            hex(&out),
            "4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56\
             a1d425a1225833549adb841b51c9b3176a272bdebba1d078478f62b397f33c8d"
        );
    }

    /// Past HKDF's limit ring refuses to expand: that is an error, not a
    /// buffer left at zero.
    #[test]
    fn an_impossible_length_fails_loudly() {
        let mut big = vec![7u8; 255 * 32 + 1];
        assert!(matches!(
            hkdf_fill(b"ikm", b"salt", &[b"info"], &mut big),
            Err(Error::Storage("key_derivation_failed"))
        ));
        assert!(big.iter().all(|&b| b == 0), "nothing usable left behind");
        let mut ok = [0u8; 64];
        hkdf_fill(b"ikm", b"salt", &[b"info"], &mut ok).unwrap();
        assert!(ok.iter().any(|&b| b != 0));
    }

    /// RFC 5869, appendix A.1: HKDF-SHA256 basic test case (first 32 bytes).
    #[test]
    fn rfc5869_vector() {
        let ikm = [0x0b; 22];
        let salt: Vec<u8> = (0x00..=0x0c).collect();
        let info: Vec<u8> = (0xf0..=0xf9).collect();
        let key = hkdf_key(&ikm, &salt, &[&info]).unwrap();
        assert_eq!(
            hex(key.expose()),
            "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf"
        );
    }
}
