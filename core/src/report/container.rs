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
use crate::error::{Error, Result};

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
/// The largest container this build writes or reads (64 MiB: a year of
/// every record fits many times over), so a crafted file cannot make a
/// reader hold or decrypt gigabytes.
pub const MAX_CONTAINER: usize = 64 * 1024 * 1024;

/// Why a container did not open. Each has a stable code ([`OpenError::code`],
/// docs/errors.md), the same the viewer shows its message for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum OpenError {
    /// It does not start like a Keel report.
    #[error("not a Keel report")]
    NotAReport,
    /// A newer container version.
    #[error("report container version {0} is not supported")]
    UnsupportedVersion(u8),
    /// A parameter read from the header (or the container's length) lies
    /// outside the range docs/report-format.md states: refused before any
    /// key derivation, never clamped. `parameter` is a stable code.
    #[error("report parameter out of range: {parameter}")]
    OutOfRange {
        /// `report.iterations` or `report.length`.
        parameter: &'static str,
    },
    /// The passphrase does not open it (or its header was changed).
    #[error("wrong passphrase")]
    WrongPassphrase,
    /// The passphrase is right but the content was changed or is damaged
    /// (or the file was cut short). `reason` is a stable code.
    #[error("the report was changed or is damaged: {reason}")]
    Damaged {
        /// `report_truncated`, `report_version`, `report_integrity` or
        /// `report_framing`.
        reason: &'static str,
    },
}

impl OpenError {
    /// The stable code of this failure, as docs/errors.md lists it and as
    /// the viewer names it (`data-error` on its message).
    pub fn code(&self) -> &'static str {
        match self {
            OpenError::NotAReport => "not_a_report",
            OpenError::UnsupportedVersion(_) => "newer_format",
            OpenError::OutOfRange { .. } => "out_of_range",
            OpenError::WrongPassphrase => "wrong_passphrase",
            OpenError::Damaged { .. } => "damaged",
        }
    }
}

impl From<OpenError> for Error {
    /// The core's one error type: a wrong passphrase is
    /// [`Error::WrongCredential`], a newer container [`Error::NewerFormat`],
    /// a parameter out of range [`Error::OutOfRange`], and every damaged or
    /// foreign file [`Error::DamagedBackup`] with its reason.
    fn from(e: OpenError) -> Self {
        match e {
            OpenError::NotAReport => Error::DamagedBackup {
                reason: "not_a_report",
            },
            OpenError::UnsupportedVersion(found) => Error::NewerFormat {
                found: u32::from(found),
                supported: u32::from(VERSION),
            },
            OpenError::OutOfRange { parameter } => Error::OutOfRange { parameter },
            OpenError::WrongPassphrase => Error::WrongCredential,
            OpenError::Damaged { reason } => Error::DamagedBackup { reason },
        }
    }
}

const TRUNCATED: OpenError = OpenError::Damaged {
    reason: "report_truncated",
};

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
    if HEADER_LEN + check.len() + body.len() > MAX_CONTAINER {
        return Err(Error::invalid("report", "too_large"));
    }
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

/// Checks a container's magic, version, length and PBKDF2 count, before
/// any key is derived: whatever is out of range is refused at once.
pub fn parse(container: &[u8]) -> Result<Parsed<'_>, OpenError> {
    if container.len() < 8 || &container[..8] != MAGIC {
        return Err(OpenError::NotAReport);
    }
    if container.len() > MAX_CONTAINER {
        return Err(OpenError::OutOfRange {
            parameter: "report.length",
        });
    }
    let version = *container.get(8).ok_or(TRUNCATED)?;
    if version > VERSION {
        return Err(OpenError::UnsupportedVersion(version));
    }
    if version != VERSION {
        return Err(OpenError::Damaged {
            reason: "report_version",
        });
    }
    if container.len() < HEADER_LEN + CHECK_LEN + OVERHEAD {
        return Err(TRUNCATED);
    }
    let (header, rest) = container.split_at(HEADER_LEN);
    let (check, body) = rest.split_at(CHECK_LEN);
    let mut count = [0u8; 4];
    count.copy_from_slice(&header[9..13]);
    let iterations = NonZeroU32::new(u32::from_le_bytes(count))
        .filter(|n| (MIN_PBKDF2_ITERATIONS..=MAX_ITERATIONS).contains(&n.get()))
        .ok_or(OpenError::OutOfRange {
            parameter: "report.iterations",
        })?;
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
        .ok_or(OpenError::Damaged {
            reason: "report_integrity",
        })?;
    let json = unpad(&padded).ok_or(OpenError::Damaged {
        reason: "report_framing",
    })?;
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
        let integrity = Err(OpenError::Damaged {
            reason: "report_integrity",
        });
        let mut body = sealed.clone();
        let last = body.len() - 1;
        body[last] ^= 1;
        assert_eq!(open(&body, PASS), integrity);
        let mut early = sealed.clone();
        early[HEADER_LEN + CHECK_LEN + 20] ^= 0x80;
        assert_eq!(open(&early, PASS), integrity);
        // A changed salt or count changes the key: it reads as a wrong
        // passphrase, which is all a reader can know.
        let mut salt = sealed.clone();
        salt[20] ^= 1;
        assert_eq!(open(&salt, PASS), Err(OpenError::WrongPassphrase));
        let mut low = sealed.clone();
        low[9..13].copy_from_slice(&1000u32.to_le_bytes());
        assert_eq!(
            open(&low, PASS),
            Err(OpenError::OutOfRange {
                parameter: "report.iterations"
            })
        );
        let mut newer = sealed.clone();
        newer[8] = 2;
        assert_eq!(open(&newer, PASS), Err(OpenError::UnsupportedVersion(2)));
        newer[8] = 0;
        assert_eq!(
            open(&newer, PASS),
            Err(OpenError::Damaged {
                reason: "report_version"
            })
        );
        assert_eq!(open(b"<html>", PASS), Err(OpenError::NotAReport));
        assert_eq!(open(&sealed[..40], PASS), Err(TRUNCATED));
        assert_eq!(open(&sealed[..8], PASS), Err(TRUNCATED));
        assert_eq!(open(&sealed[..sealed.len() - 1], PASS), integrity);
    }

    /// Hostile headers are refused by `parse`, before any key derivation: a
    /// count of 2^32 - 1 (hours of PBKDF2) returns at once, as does a
    /// container larger than any report.
    #[test]
    fn hostile_parameters_are_refused_before_any_key_derivation() {
        let sealed = seal_with(b"{}", PASS, MIN_PBKDF2_ITERATIONS, [3; 16]).unwrap();
        for count in [
            0,
            1,
            MIN_PBKDF2_ITERATIONS - 1,
            MAX_ITERATIONS + 1,
            u32::MAX,
        ] {
            let mut hostile = sealed.clone();
            hostile[9..13].copy_from_slice(&count.to_le_bytes());
            let refused = OpenError::OutOfRange {
                parameter: "report.iterations",
            };
            assert_eq!(parse(&hostile).err(), Some(refused), "{count}");
            assert_eq!(open(&hostile, PASS), Err(refused), "{count}");
        }
        let mut huge = sealed.clone();
        huge.resize(MAX_CONTAINER + 1, 0);
        assert_eq!(
            open(&huge, PASS),
            Err(OpenError::OutOfRange {
                parameter: "report.length"
            })
        );
        huge.truncate(MAX_CONTAINER);
        assert_eq!(
            open(&huge, PASS),
            Err(OpenError::Damaged {
                reason: "report_integrity"
            })
        );
    }

    #[test]
    fn each_failure_maps_to_a_documented_core_error() {
        use crate::error::Error;
        let cases: [(OpenError, &str); 5] = [
            (OpenError::NotAReport, "not_a_report"),
            (OpenError::UnsupportedVersion(2), "newer_format"),
            (
                OpenError::OutOfRange {
                    parameter: "report.iterations",
                },
                "out_of_range",
            ),
            (OpenError::WrongPassphrase, "wrong_passphrase"),
            (TRUNCATED, "damaged"),
        ];
        for (e, code) in cases {
            assert_eq!(e.code(), code);
        }
        assert!(matches!(
            Error::from(OpenError::WrongPassphrase),
            Error::WrongCredential
        ));
        assert!(matches!(
            Error::from(OpenError::UnsupportedVersion(3)),
            Error::NewerFormat {
                found: 3,
                supported: 1
            }
        ));
        assert!(matches!(
            Error::from(OpenError::OutOfRange {
                parameter: "report.iterations"
            }),
            Error::OutOfRange {
                parameter: "report.iterations"
            }
        ));
        assert!(matches!(
            Error::from(OpenError::NotAReport),
            Error::DamagedBackup {
                reason: "not_a_report"
            }
        ));
        assert!(matches!(
            Error::from(TRUNCATED),
            Error::DamagedBackup {
                reason: "report_truncated"
            }
        ));
    }
}
