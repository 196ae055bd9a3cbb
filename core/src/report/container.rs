//! The report's encrypted container (`KEELRPT1`), which the viewer opens
//! with WebCrypto. docs/report-format.md is the reference for other readers.
//!
//! ```text
//! header  magic "KEELRPT1" (8) ‖ version (1) = 1 ‖ iterations (u32 LE) ‖ salt (16)
//! check   nonce (12) ‖ tag (16)        AES-256-GCM of nothing, AAD = header ‖ "check"
//! body    nonce (12) ‖ ciphertext ‖ tag (16)      AAD = header ‖ "body"
//! ```
//!
//! The key is PBKDF2-HMAC-SHA256(normalised passphrase, salt, iterations),
//! 32 bytes. The check block tells a wrong passphrase apart from a damaged
//! file: if it opens, the passphrase is right, and a body that then fails to
//! open was changed. The body's plaintext is the document's JSON framed and
//! padded like the vault's records (`len u32 LE ‖ JSON ‖ zeros` to a size
//! bucket), so the file's size tells little about what it holds.

use std::num::NonZeroU32;

use zeroize::Zeroizing;

use super::passphrase;
use crate::crypto::aead::{Cipher, OVERHEAD};
use crate::crypto::kdf::{MIN_PBKDF2_ITERATIONS, passphrase_key};
use crate::crypto::padding::{pad, unpad};
use crate::crypto::{SecretKey, random_array};
use crate::error::Result;

/// The container's first eight bytes.
pub const MAGIC: &[u8; 8] = b"KEELRPT1";
/// The container version this build writes and reads.
pub const VERSION: u8 = 1;
/// Length of the PBKDF2 salt.
pub const SALT_LEN: usize = 16;
/// Length of the header (magic, version, iterations, salt).
pub const HEADER_LEN: usize = 8 + 1 + 4 + SALT_LEN;
/// Length of the check block (nonce and tag).
pub const CHECK_LEN: usize = OVERHEAD;
/// The most PBKDF2 iterations a reader accepts, so a crafted file cannot
/// keep a browser busy for hours.
pub const MAX_ITERATIONS: u32 = 10_000_000;

/// Why a container did not open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum OpenError {
    /// It does not start like a Keel report.
    #[error("not a Keel report")]
    NotAReport,
    /// A newer container version.
    #[error("report container version {0} is not supported")]
    UnsupportedVersion(u8),
    /// The passphrase does not open it (or its header was changed).
    #[error("wrong passphrase")]
    WrongPassphrase,
    /// The passphrase is right but the content was changed or is damaged.
    #[error("the report was changed or is damaged")]
    Damaged,
}

fn header(iterations: u32, salt: &[u8; SALT_LEN]) -> [u8; HEADER_LEN] {
    let mut h = [0u8; HEADER_LEN];
    h[..8].copy_from_slice(MAGIC);
    h[8] = VERSION;
    h[9..13].copy_from_slice(&iterations.to_le_bytes());
    h[13..].copy_from_slice(salt);
    h
}

fn aad(header: &[u8], purpose: &[u8]) -> Vec<u8> {
    [header, purpose].concat()
}

/// Seals `json` under `passphrase` (validated first) at today's PBKDF2
/// minimum.
pub fn seal(json: &[u8], passphrase: &str) -> Result<Vec<u8>> {
    let normal = passphrase::validate("passphrase", passphrase)?;
    seal_with(json, &normal, MIN_PBKDF2_ITERATIONS, random_array()?)
}

/// [`seal`] with explicit parameters and an already normalised passphrase.
pub(crate) fn seal_with(
    json: &[u8],
    normalised: &str,
    iterations: u32,
    salt: [u8; SALT_LEN],
) -> Result<Vec<u8>> {
    let rounds = NonZeroU32::new(iterations).unwrap_or(NonZeroU32::MIN);
    let key = passphrase_key(normalised.as_bytes(), &salt, rounds);
    seal_with_key(json, &key, rounds, salt)
}

/// Seals `json` under an already derived key, writing `iterations` and
/// `salt` into the header (fuzz seeds; the key must come from them for a
/// passphrase to open it).
pub fn seal_with_key(
    json: &[u8],
    key: &SecretKey,
    iterations: NonZeroU32,
    salt: [u8; SALT_LEN],
) -> Result<Vec<u8>> {
    let cipher = Cipher::new(key);
    let header = header(iterations.get(), &salt);
    let padded = Zeroizing::new(pad(json)?);
    let check = cipher.seal(&aad(&header, b"check"), &[])?;
    let body = cipher.seal(&aad(&header, b"body"), &padded)?;
    let mut out = Vec::with_capacity(HEADER_LEN + check.len() + body.len());
    out.extend_from_slice(&header);
    out.extend_from_slice(&check);
    out.extend_from_slice(&body);
    Ok(out)
}

/// A container's parts, checked for shape but not yet decrypted.
pub struct Parsed<'a> {
    header: &'a [u8],
    check: &'a [u8],
    body: &'a [u8],
    /// The PBKDF2 count, within the accepted range.
    pub iterations: NonZeroU32,
    /// The PBKDF2 salt.
    pub salt: &'a [u8],
}

/// Checks a container's magic, version, length and PBKDF2 count.
pub fn parse(container: &[u8]) -> Result<Parsed<'_>, OpenError> {
    if container.len() < 8 || &container[..8] != MAGIC {
        return Err(OpenError::NotAReport);
    }
    if container.len() < 9 {
        return Err(OpenError::Damaged);
    }
    if container[8] != VERSION {
        return Err(OpenError::UnsupportedVersion(container[8]));
    }
    if container.len() < HEADER_LEN + CHECK_LEN + OVERHEAD {
        return Err(OpenError::Damaged);
    }
    let (header, rest) = container.split_at(HEADER_LEN);
    let (check, body) = rest.split_at(CHECK_LEN);
    let mut count = [0u8; 4];
    count.copy_from_slice(&header[9..13]);
    let iterations = NonZeroU32::new(u32::from_le_bytes(count))
        .filter(|n| (MIN_PBKDF2_ITERATIONS..=MAX_ITERATIONS).contains(&n.get()))
        .ok_or(OpenError::Damaged)?;
    Ok(Parsed {
        header,
        check,
        body,
        iterations,
        salt: &header[13..],
    })
}

/// Decrypts a parsed container with its key: the document's JSON.
pub fn open_with_key(
    parsed: &Parsed<'_>,
    key: &SecretKey,
) -> Result<Zeroizing<Vec<u8>>, OpenError> {
    let cipher = Cipher::new(key);
    cipher
        .open(&aad(parsed.header, b"check"), parsed.check)
        .ok_or(OpenError::WrongPassphrase)?;
    let padded = cipher
        .open(&aad(parsed.header, b"body"), parsed.body)
        .ok_or(OpenError::Damaged)?;
    let json = unpad(&padded).ok_or(OpenError::Damaged)?;
    Ok(Zeroizing::new(json.to_vec()))
}

/// Opens a container: the document's JSON, or why not. The viewer does the
/// same in JavaScript; this one serves tests and other tools.
pub fn open(container: &[u8], passphrase: &str) -> Result<Zeroizing<Vec<u8>>, OpenError> {
    let parsed = parse(container)?;
    let normal = passphrase::normalize(passphrase);
    let key = passphrase_key(normal.as_bytes(), parsed.salt, parsed.iterations);
    open_with_key(&parsed, &key)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PASS: &str = "river stone morning light";

    #[test]
    fn seal_then_open_and_layout() {
        let sealed = seal(br#"{"a":1}"#, PASS).unwrap();
        assert_eq!(&sealed[..8], MAGIC);
        assert_eq!(sealed[8], 1);
        assert_eq!(
            u32::from_le_bytes(sealed[9..13].try_into().unwrap()),
            MIN_PBKDF2_ITERATIONS
        );
        // header + check + nonce + padded(64) + tag
        assert_eq!(sealed.len(), HEADER_LEN + CHECK_LEN + 12 + 64 + 16);
        // The passphrase is normalised on both sides.
        let opened = open(&sealed, "  river  stone\u{a0}morning light ").unwrap();
        assert_eq!(opened.as_slice(), br#"{"a":1}"#);
    }

    #[test]
    fn wrong_passphrase_damage_and_foreign_files_are_told_apart() {
        let sealed = seal_with(b"[1,2,3]", PASS, MIN_PBKDF2_ITERATIONS, [7; 16]).unwrap();
        assert_eq!(
            open(&sealed, "river stone morning"),
            Err(OpenError::WrongPassphrase)
        );
        let mut body = sealed.clone();
        let last = body.len() - 1;
        body[last] ^= 1;
        assert_eq!(open(&body, PASS), Err(OpenError::Damaged));
        let mut early = sealed.clone();
        early[HEADER_LEN + CHECK_LEN + 20] ^= 0x80;
        assert_eq!(open(&early, PASS), Err(OpenError::Damaged));
        // A changed salt or count changes the key: it reads as a wrong
        // passphrase, which is all a reader can know.
        let mut salt = sealed.clone();
        salt[20] ^= 1;
        assert_eq!(open(&salt, PASS), Err(OpenError::WrongPassphrase));
        let mut low = sealed.clone();
        low[9..13].copy_from_slice(&1000u32.to_le_bytes());
        assert_eq!(open(&low, PASS), Err(OpenError::Damaged));
        let mut newer = sealed.clone();
        newer[8] = 2;
        assert_eq!(open(&newer, PASS), Err(OpenError::UnsupportedVersion(2)));
        assert_eq!(open(b"<html>", PASS), Err(OpenError::NotAReport));
        assert_eq!(open(&sealed[..40], PASS), Err(OpenError::Damaged));
        assert_eq!(
            open(&sealed[..sealed.len() - 1], PASS),
            Err(OpenError::Damaged)
        );
    }
}
