//! The backup file's bytes: header, key check, then authenticated chunks.
//! docs/backup-format.md is the reference; this module only moves bytes
//! (no store), so the parser can be fuzzed on its own.
//!
//! ```text
//! header  "KEELBAK1" ‖ version (1) = 1 ‖ kdf (1) = 1 ‖ iterations (u32 LE) ‖ salt (16)
//! check   nonce (12) ‖ tag (16)       AES-256-GCM of nothing, AAD = header ‖ "check"
//! chunk*  len (u32 LE) ‖ nonce (12) ‖ ciphertext ‖ tag (16)
//!         AAD = header ‖ "chunk" ‖ index (u32 LE) ‖ final (1 byte: 1 for the last chunk)
//! ```
//!
//! Each chunk's plaintext is a slice of the record stream framed and padded
//! like the vault's records; every chunk but the last carries exactly
//! [`CHUNK_DATA`] bytes (64 KiB padded). The file ends right after the chunk
//! marked final: a file cut at any point, chunks swapped, dropped or
//! repeated, or any bit changed, fails to open.

use std::num::NonZeroU32;

use zeroize::Zeroizing;

use super::BackupError;
use crate::crypto::SecretKey;
use crate::crypto::aead::{Cipher, OVERHEAD};
use crate::crypto::kdf::{MIN_PBKDF2_ITERATIONS, passphrase_key};
use crate::crypto::padding::{pad, unpad};
use crate::error::Result;

/// The file's first eight bytes.
pub const MAGIC: &[u8; 8] = b"KEELBAK1";
/// The container version this build writes and reads.
pub const VERSION: u8 = 1;
/// The only key derivation: PBKDF2-HMAC-SHA256.
pub const KDF_PBKDF2_SHA256: u8 = 1;
/// Salt length.
pub const SALT_LEN: usize = 16;
/// Header length.
pub const HEADER_LEN: usize = 8 + 1 + 1 + 4 + SALT_LEN;
/// Key check length.
pub const CHECK_LEN: usize = OVERHEAD;
/// A full chunk's padded plaintext.
pub const CHUNK_PADDED: usize = 64 * 1024;
/// Stream bytes in every chunk but the last (the padding frame takes 4).
pub const CHUNK_DATA: usize = CHUNK_PADDED - 4;
/// The most PBKDF2 iterations a reader accepts (a crafted file cannot make
/// a restore run for hours).
pub const MAX_ITERATIONS: u32 = 10_000_000;
/// The largest backup file this build writes or reads.
pub const MAX_FILE: usize = 256 * 1024 * 1024;

/// A parsed header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    /// The header's bytes, as bound into every AAD.
    pub bytes: [u8; HEADER_LEN],
    /// PBKDF2 iterations.
    pub iterations: NonZeroU32,
    /// PBKDF2 salt.
    pub salt: [u8; SALT_LEN],
}

impl Header {
    /// A header for new files.
    pub fn new(iterations: u32, salt: [u8; SALT_LEN]) -> Self {
        let iterations = NonZeroU32::new(iterations.max(1)).unwrap_or(NonZeroU32::MIN);
        let mut bytes = [0u8; HEADER_LEN];
        bytes[..8].copy_from_slice(MAGIC);
        bytes[8] = VERSION;
        bytes[9] = KDF_PBKDF2_SHA256;
        bytes[10..14].copy_from_slice(&iterations.get().to_le_bytes());
        bytes[14..].copy_from_slice(&salt);
        Header {
            bytes,
            iterations,
            salt,
        }
    }

    /// The key for an already normalised passphrase.
    pub fn key(&self, normalised: &str) -> SecretKey {
        passphrase_key(normalised.as_bytes(), &self.salt, self.iterations)
    }

    fn aad(&self, purpose: &[u8], index: Option<(u32, bool)>) -> Vec<u8> {
        let mut aad = Vec::with_capacity(HEADER_LEN + 10);
        aad.extend_from_slice(&self.bytes);
        aad.extend_from_slice(purpose);
        if let Some((index, last)) = index {
            aad.extend_from_slice(&index.to_le_bytes());
            aad.push(u8::from(last));
        }
        aad
    }
}

/// Reads the header; the rest of the file follows it.
pub fn parse_header(file: &[u8]) -> Result<(Header, &[u8]), BackupError> {
    if file.len() > MAX_FILE {
        return Err(BackupError::TooLarge);
    }
    let magic_len = file.len().min(MAGIC.len());
    if file.is_empty() || file[..magic_len] != MAGIC[..magic_len] {
        return Err(BackupError::NotABackup);
    }
    if file.len() < 10 {
        return Err(BackupError::Truncated);
    }
    if file[8] != VERSION {
        return Err(BackupError::NewerFormat {
            found: u32::from(file[8]),
            supported: u32::from(VERSION),
        });
    }
    if file[9] != KDF_PBKDF2_SHA256 {
        return Err(BackupError::Damaged {
            reason: "unknown_kdf",
        });
    }
    let (head, rest) = file
        .split_first_chunk::<HEADER_LEN>()
        .ok_or(BackupError::Truncated)?;
    let mut count = [0u8; 4];
    count.copy_from_slice(&head[10..14]);
    let iterations = NonZeroU32::new(u32::from_le_bytes(count))
        .filter(|n| (MIN_PBKDF2_ITERATIONS..=MAX_ITERATIONS).contains(&n.get()))
        .ok_or(BackupError::OutOfRange {
            parameter: "backup.iterations",
        })?;
    let mut salt = [0u8; SALT_LEN];
    salt.copy_from_slice(&head[14..]);
    Ok((
        Header {
            bytes: *head,
            iterations,
            salt,
        },
        rest,
    ))
}

/// Seals `stream` into a whole file under `key` (made from `header`).
pub fn seal(header: &Header, key: &SecretKey, stream: &[u8]) -> Result<Vec<u8>> {
    let cipher = Cipher::new(key);
    let chunks = stream.len().div_ceil(CHUNK_DATA).max(1);
    let mut out = Vec::with_capacity(HEADER_LEN + CHECK_LEN + chunks * (CHUNK_PADDED + 32));
    out.extend_from_slice(&header.bytes);
    out.extend_from_slice(&cipher.seal(&header.aad(b"check", None), &[])?);
    let mut pieces: Vec<&[u8]> = stream.chunks(CHUNK_DATA).collect();
    if pieces.is_empty() {
        pieces.push(&[]);
    }
    let last = pieces.len() - 1;
    for (i, piece) in pieces.into_iter().enumerate() {
        let index =
            u32::try_from(i).map_err(|_| crate::error::Error::invalid("backup", "too_large"))?;
        let padded = Zeroizing::new(pad(piece)?);
        let sealed = cipher.seal(&header.aad(b"chunk", Some((index, i == last))), &padded)?;
        let len = u32::try_from(sealed.len())
            .map_err(|_| crate::error::Error::invalid("backup", "too_large"))?;
        out.extend_from_slice(&len.to_le_bytes());
        out.extend_from_slice(&sealed);
    }
    Ok(out)
}

/// Checks the key against the file's key check. `Ok(false)`: wrong key.
pub fn key_opens(header: &Header, rest: &[u8], key: &SecretKey) -> Result<bool, BackupError> {
    let check = rest.get(..CHECK_LEN).ok_or(BackupError::Truncated)?;
    Ok(Cipher::new(key)
        .open(&header.aad(b"check", None), check)
        .is_some())
}

/// Opens every chunk of a file whose key check `key` passed, and returns the
/// record stream. Any failure, anywhere, refuses the whole file.
pub fn open_chunks(
    header: &Header,
    rest: &[u8],
    key: &SecretKey,
) -> Result<Zeroizing<Vec<u8>>, BackupError> {
    let cipher = Cipher::new(key);
    let mut chunks = rest.get(CHECK_LEN..).ok_or(BackupError::Truncated)?;
    let mut stream = Zeroizing::new(Vec::new());
    let mut index: u32 = 0;
    loop {
        let Some((len, after)) = chunks.split_first_chunk::<4>() else {
            // No chunk marked final before the end: cut short.
            return Err(BackupError::Truncated);
        };
        let len = u32::from_le_bytes(*len) as usize;
        if !(OVERHEAD + 64..=OVERHEAD + CHUNK_PADDED).contains(&len) {
            return Err(BackupError::OutOfRange {
                parameter: "backup.chunk_length",
            });
        }
        let Some((sealed, next)) = after.split_at_checked(len) else {
            return Err(BackupError::Truncated);
        };
        let last = next.is_empty();
        let padded = match cipher.open(&header.aad(b"chunk", Some((index, last))), sealed) {
            Some(p) => p,
            None if last
                && cipher
                    .open(&header.aad(b"chunk", Some((index, false))), sealed)
                    .is_some() =>
            {
                return Err(BackupError::Truncated);
            }
            None => {
                return Err(BackupError::Damaged {
                    reason: "chunk_integrity",
                });
            }
        };
        let data = unpad(&padded).ok_or(BackupError::Damaged {
            reason: "chunk_framing",
        })?;
        if !last && data.len() != CHUNK_DATA {
            return Err(BackupError::Damaged {
                reason: "chunk_short",
            });
        }
        stream.extend_from_slice(data);
        if last {
            return Ok(stream);
        }
        chunks = next;
        index = index.checked_add(1).ok_or(BackupError::TooLarge)?;
    }
}
