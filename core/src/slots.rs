//! Key slots: copies of the data key, each wrapped under a key derived from
//! one unlock method (LUKS-style).
//!
//! A passphrase slot derives its wrapping key with PBKDF2-HMAC-SHA256 and
//! keeps its iteration count and salt beside the wrapped key, so the count
//! can be raised later without touching any record. A device slot derives it
//! with HKDF from a 32-byte secret that the shell keeps in Android Keystore or
//! the iOS Keychain. The wrap's AAD binds it to the vault, the slot id, the
//! slot kind and the parameters, so no slot can be moved or relabelled.

use std::num::NonZeroU32;

use rusqlite::{Connection, params};
use unicode_normalization::UnicodeNormalization;
use zeroize::Zeroizing;

use crate::crypto::aead::{Cipher, OVERHEAD};
use crate::crypto::kdf::{MIN_PBKDF2_ITERATIONS, hkdf_key, passphrase_key};
use crate::crypto::{KEY_LEN, SecretKey, random_array};
use crate::error::{Error, Result};

/// Length of a device secret.
pub const DEVICE_SECRET_LEN: usize = 32;
/// Shortest passphrase accepted, in characters.
pub const PASSPHRASE_MIN_CHARS: usize = 8;
/// Longest passphrase accepted, in characters.
pub const PASSPHRASE_MAX_CHARS: usize = 1024;

const SALT_LEN: usize = 16;
const PARAMS_VERSION: u8 = 1;
/// The fewest PBKDF2 iterations a stored passphrase slot may name. Counts
/// from here to [`MIN_PBKDF2_ITERATIONS`] open and are raised at unlock.
pub const SLOT_MIN_ITERATIONS: u32 = 1_000;
/// The most PBKDF2 iterations a stored passphrase slot may name: a file
/// edited to a huge count is refused at once instead of making unlock run
/// for minutes before saying "wrong passphrase".
pub const SLOT_MAX_ITERATIONS: u32 = 10_000_000;
/// The length of every wrapped key: nonce, the 32-byte data key, tag. Any
/// other length read from a slot is refused before any key derivation.
pub const WRAPPED_LEN: usize = KEY_LEN + OVERHEAD;

/// What unlocks a slot.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SlotKind {
    /// A passphrase the participant types.
    Passphrase,
    /// A secret held by the phone's keystore behind biometrics.
    Device,
}

impl SlotKind {
    fn code(self) -> i64 {
        match self {
            SlotKind::Passphrase => 1,
            SlotKind::Device => 2,
        }
    }

    fn from_code(code: i64) -> Result<Self> {
        match code {
            1 => Ok(SlotKind::Passphrase),
            2 => Ok(SlotKind::Device),
            _ => Err(Error::Corrupt),
        }
    }
}

/// A slot as the app may show it: its id and kind, nothing secret.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SlotInfo {
    /// The slot's random id, as lowercase hex.
    pub id: String,
    /// What unlocks it.
    pub kind: SlotKind,
}

/// A slot row as stored.
#[derive(Debug, Clone)]
pub(crate) struct StoredSlot {
    pub id: [u8; 16],
    pub kind: SlotKind,
    pub params: Vec<u8>,
    pub wrapped: Vec<u8>,
}

/// PBKDF2 parameters of a passphrase slot.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct PassphraseParams {
    pub iterations: u32,
    pub salt: [u8; SALT_LEN],
}

impl PassphraseParams {
    pub fn fresh() -> Result<Self> {
        Self::fresh_with(MIN_PBKDF2_ITERATIONS)
    }

    pub fn fresh_with(iterations: u32) -> Result<Self> {
        Ok(PassphraseParams {
            iterations,
            salt: random_array()?,
        })
    }

    fn encode(&self) -> Vec<u8> {
        let mut out = vec![PARAMS_VERSION];
        out.extend_from_slice(&self.iterations.to_le_bytes());
        out.extend_from_slice(&self.salt);
        out
    }

    fn decode(bytes: &[u8]) -> Result<Self> {
        match bytes {
            [PARAMS_VERSION, rest @ ..] if rest.len() == 4 + SALT_LEN => {
                let (iter, salt) = rest.split_at(4);
                let iterations = u32::from_le_bytes(iter.try_into().map_err(|_| Error::Corrupt)?);
                if !(SLOT_MIN_ITERATIONS..=SLOT_MAX_ITERATIONS).contains(&iterations) {
                    return Err(Error::OutOfRange {
                        parameter: "slot.iterations",
                    });
                }
                Ok(PassphraseParams {
                    iterations,
                    salt: salt.try_into().map_err(|_| Error::Corrupt)?,
                })
            }
            [PARAMS_VERSION, ..] => Err(Error::OutOfRange {
                parameter: "slot.params_length",
            }),
            _ => Err(Error::OutOfRange {
                parameter: "slot.version",
            }),
        }
    }

    fn kek(&self, passphrase: &str) -> Result<SecretKey> {
        let iterations = NonZeroU32::new(self.iterations).ok_or(Error::Corrupt)?;
        Ok(passphrase_key(
            passphrase.as_bytes(),
            &self.salt,
            iterations,
        ))
    }
}

/// Checks a passphrase and returns it in Unicode NFC, so that the same
/// passphrase typed on two keyboards unlocks the same slot.
pub fn normalize_passphrase(field: &'static str, passphrase: &str) -> Result<Zeroizing<String>> {
    if passphrase.len() > PASSPHRASE_MAX_CHARS * 4 {
        return Err(Error::invalid(field, "too_long"));
    }
    // NFC grows UTF-8 at most threefold: with room for that reserved up
    // front the string never reallocates, so no unwiped copy of the
    // passphrase is left behind in freed memory.
    let mut normalized = Zeroizing::new(String::with_capacity(passphrase.len() * 3));
    normalized.extend(passphrase.nfc());
    let chars = normalized.chars().count();
    if chars > PASSPHRASE_MAX_CHARS {
        return Err(Error::invalid(field, "too_long"));
    }
    if normalized.trim().chars().count() < PASSPHRASE_MIN_CHARS {
        return Err(Error::invalid(field, "too_short"));
    }
    if normalized.contains('\0') {
        return Err(Error::invalid(field, "contains_nul"));
    }
    Ok(normalized)
}

/// [`normalize_passphrase`] for a passphrase being set (a new vault, a
/// change): also refused when it would not hold against an offline attack
/// (`WeakPassphrase`, see [`crate::strength`]). Unlocking checks only the
/// length, so a vault made before the rule still opens.
pub fn new_passphrase(field: &'static str, passphrase: &str) -> Result<Zeroizing<String>> {
    let normalized = normalize_passphrase(field, passphrase)?;
    crate::strength::require_strong(&normalized)?;
    Ok(normalized)
}

/// Checks the length of a device secret.
pub fn check_device_secret(secret: &[u8]) -> Result<&[u8; DEVICE_SECRET_LEN]> {
    secret
        .try_into()
        .map_err(|_| Error::invalid("device_secret", "wrong_length"))
}

fn slot_aad(vault_id: &[u8; 16], slot_id: &[u8; 16], kind: SlotKind, params: &[u8]) -> Vec<u8> {
    let mut aad = b"keel.slot.v1".to_vec();
    aad.extend_from_slice(vault_id);
    aad.extend_from_slice(slot_id);
    aad.push(kind.code() as u8);
    aad.extend_from_slice(params);
    aad
}

fn device_kek(
    secret: &[u8; DEVICE_SECRET_LEN],
    salt: &[u8],
    vault_id: &[u8; 16],
) -> Result<SecretKey> {
    hkdf_key(secret, salt, &[b"keel.device-slot.v1", vault_id])
}

impl StoredSlot {
    fn wrap(
        vault_id: &[u8; 16],
        id: [u8; 16],
        kind: SlotKind,
        params: Vec<u8>,
        kek: &SecretKey,
        data_key: &SecretKey,
    ) -> Result<Self> {
        let wrapped =
            Cipher::new(kek).seal(&slot_aad(vault_id, &id, kind, &params), data_key.expose())?;
        Ok(StoredSlot {
            id,
            kind,
            params,
            wrapped,
        })
    }

    /// A new passphrase slot holding `data_key`.
    pub fn new_passphrase(
        vault_id: &[u8; 16],
        id: [u8; 16],
        params: PassphraseParams,
        passphrase: &str,
        data_key: &SecretKey,
    ) -> Result<Self> {
        let kek = params.kek(passphrase)?;
        Self::wrap(
            vault_id,
            id,
            SlotKind::Passphrase,
            params.encode(),
            &kek,
            data_key,
        )
    }

    /// A new device slot holding `data_key`.
    pub fn new_device(
        vault_id: &[u8; 16],
        secret: &[u8; DEVICE_SECRET_LEN],
        data_key: &SecretKey,
    ) -> Result<Self> {
        let salt: [u8; SALT_LEN] = random_array()?;
        let mut params = vec![PARAMS_VERSION];
        params.extend_from_slice(&salt);
        let kek = device_kek(secret, &salt, vault_id)?;
        Self::wrap(
            vault_id,
            random_array()?,
            SlotKind::Device,
            params,
            &kek,
            data_key,
        )
    }

    /// The passphrase parameters, for a passphrase slot.
    pub fn passphrase_params(&self) -> Result<PassphraseParams> {
        PassphraseParams::decode(&self.params)
    }

    /// Refuses a wrapped key of any length but [`WRAPPED_LEN`] (a slot
    /// edited or damaged on disk) before the slow derivation runs.
    fn check_wrapped_len(&self) -> Result<()> {
        if self.wrapped.len() != WRAPPED_LEN {
            return Err(Error::OutOfRange {
                parameter: "slot.wrapped_length",
            });
        }
        Ok(())
    }

    fn unwrap_with(&self, vault_id: &[u8; 16], kek: &SecretKey) -> Option<SecretKey> {
        let aad = slot_aad(vault_id, &self.id, self.kind, &self.params);
        let plain = Cipher::new(kek).open(&aad, &self.wrapped)?;
        let mut bytes: [u8; KEY_LEN] = plain.as_slice().try_into().ok()?;
        Some(SecretKey::from_bytes(&mut bytes))
    }

    /// The data key, if `passphrase` opens this passphrase slot.
    pub fn open_with_passphrase(
        &self,
        vault_id: &[u8; 16],
        passphrase: &str,
    ) -> Result<Option<SecretKey>> {
        if self.kind != SlotKind::Passphrase {
            return Ok(None);
        }
        self.check_wrapped_len()?;
        let kek = self.passphrase_params()?.kek(passphrase)?;
        Ok(self.unwrap_with(vault_id, &kek))
    }

    /// The data key, if `secret` opens this device slot.
    pub fn open_with_device(
        &self,
        vault_id: &[u8; 16],
        secret: &[u8; DEVICE_SECRET_LEN],
    ) -> Result<Option<SecretKey>> {
        if self.kind != SlotKind::Device {
            return Ok(None);
        }
        self.check_wrapped_len()?;
        let salt = match self.params.as_slice() {
            [PARAMS_VERSION, salt @ ..] if salt.len() == SALT_LEN => salt,
            [PARAMS_VERSION, ..] => {
                return Err(Error::OutOfRange {
                    parameter: "slot.params_length",
                });
            }
            _ => {
                return Err(Error::OutOfRange {
                    parameter: "slot.version",
                });
            }
        };
        Ok(self.unwrap_with(vault_id, &device_kek(secret, salt, vault_id)?))
    }

    pub fn info(&self) -> SlotInfo {
        SlotInfo {
            id: hex::encode(self.id),
            kind: self.kind,
        }
    }
}

/// Every slot in the vault.
pub(crate) fn load(conn: &Connection) -> Result<Vec<StoredSlot>> {
    let mut stmt =
        conn.prepare_cached("SELECT id, kind, params, wrapped FROM slots ORDER BY kind, id")?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, Vec<u8>>(0)?,
            r.get::<_, i64>(1)?,
            r.get(2)?,
            r.get(3)?,
        ))
    })?;
    rows.map(|row| {
        let (id, kind, params, wrapped) = row?;
        Ok(StoredSlot {
            id: id.as_slice().try_into().map_err(|_| Error::Corrupt)?,
            kind: SlotKind::from_code(kind)?,
            params,
            wrapped,
        })
    })
    .collect()
}

/// Inserts a new slot, or replaces the slot with the same id.
pub(crate) fn save(conn: &Connection, slot: &StoredSlot) -> Result<()> {
    conn.execute(
        "INSERT INTO slots (id, kind, params, wrapped) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (id) DO UPDATE SET kind = ?2, params = ?3, wrapped = ?4",
        params![slot.id, slot.kind.code(), slot.params, slot.wrapped],
    )?;
    Ok(())
}

/// Deletes a slot; false if there was none with that id.
pub(crate) fn delete(conn: &Connection, id: &[u8; 16]) -> Result<bool> {
    Ok(conn.execute("DELETE FROM slots WHERE id = ?1", [id])? > 0)
}

/// Overwrites every slot's secrets with random bytes, then deletes them.
/// SQLite's `secure_delete` zeroes the freed pages; together this is the
/// crypto-shred that makes every record unreadable.
pub(crate) fn shred_all(conn: &Connection) -> Result<()> {
    conn.execute(
        "UPDATE slots SET params = randomblob(length(params)), wrapped = randomblob(length(wrapped))",
        [],
    )?;
    conn.execute("DELETE FROM slots", [])?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passphrase_rules() {
        assert!(normalize_passphrase("p", "short").is_err());
        assert!(normalize_passphrase("p", "        x").is_err());
        assert!(normalize_passphrase("p", &"x".repeat(1025)).is_err());
        assert!(normalize_passphrase("p", "eight ch").is_ok());
        // "é" precomposed and decomposed normalise to the same bytes.
        let a = normalize_passphrase("p", "caf\u{e9} caf\u{e9}").unwrap();
        let b = normalize_passphrase("p", "cafe\u{301} cafe\u{301}").unwrap();
        assert_eq!(*a, *b);
    }

    #[test]
    fn device_secret_length() {
        assert!(check_device_secret(&[0; 31]).is_err());
        assert!(check_device_secret(&[0; 33]).is_err());
        assert!(check_device_secret(&[0; 32]).is_ok());
    }

    #[test]
    fn slots_open_only_with_their_credential_and_place() {
        let vault = [7u8; 16];
        let key = SecretKey::random().unwrap();
        let params = PassphraseParams::fresh_with(1000).unwrap();
        let slot =
            StoredSlot::new_passphrase(&vault, [1; 16], params, "right horse", &key).unwrap();
        assert_eq!(
            slot.open_with_passphrase(&vault, "right horse").unwrap(),
            Some(key.clone())
        );
        assert_eq!(
            slot.open_with_passphrase(&vault, "wrong horse").unwrap(),
            None
        );
        assert_eq!(
            slot.open_with_passphrase(&[8; 16], "right horse").unwrap(),
            None
        );
        let moved = StoredSlot {
            id: [2; 16],
            ..slot.clone()
        };
        assert_eq!(
            moved.open_with_passphrase(&vault, "right horse").unwrap(),
            None
        );
        let relabelled = StoredSlot {
            kind: SlotKind::Device,
            ..slot.clone()
        };
        assert!(!matches!(
            relabelled.open_with_device(&vault, &[0; 32]),
            Ok(Some(_))
        ));

        let secret = [9u8; 32];
        let dev = StoredSlot::new_device(&vault, &secret, &key).unwrap();
        assert_eq!(
            dev.open_with_device(&vault, &secret).unwrap(),
            Some(key.clone())
        );
        assert_eq!(dev.open_with_device(&vault, &[8u8; 32]).unwrap(), None);
        assert_eq!(
            dev.open_with_passphrase(&vault, "right horse").unwrap(),
            None
        );
    }

    #[test]
    fn params_round_trip_and_reject_garbage() {
        let p = PassphraseParams::fresh().unwrap();
        assert_eq!(PassphraseParams::decode(&p.encode()).unwrap(), p);
        assert!(PassphraseParams::decode(&[1, 2, 3]).is_err());
        assert!(PassphraseParams::decode(&[]).is_err());
    }

    #[test]
    fn stored_parameters_out_of_range_are_refused_at_once() {
        let out = |bytes: &[u8]| match PassphraseParams::decode(bytes) {
            Err(Error::OutOfRange { parameter }) => parameter,
            other => panic!("expected out of range, got {other:?}"),
        };
        for count in [
            0,
            SLOT_MIN_ITERATIONS - 1,
            SLOT_MAX_ITERATIONS + 1,
            u32::MAX,
        ] {
            let p = PassphraseParams {
                iterations: count,
                salt: [1; SALT_LEN],
            };
            assert_eq!(out(&p.encode()), "slot.iterations", "{count}");
        }
        for count in [SLOT_MIN_ITERATIONS, SLOT_MAX_ITERATIONS] {
            let p = PassphraseParams {
                iterations: count,
                salt: [1; SALT_LEN],
            };
            assert_eq!(PassphraseParams::decode(&p.encode()).unwrap(), p);
        }
        assert_eq!(out(&[1, 2, 3]), "slot.params_length");
        assert_eq!(out(&[2; 21]), "slot.version");
        // A passphrase slot edited to 2^32 - 1 iterations answers at once,
        // before any key derivation.
        let vault = [7u8; 16];
        let key = SecretKey::random().unwrap();
        let params = PassphraseParams::fresh_with(1000).unwrap();
        let mut slot =
            StoredSlot::new_passphrase(&vault, [1; 16], params, "right horse", &key).unwrap();
        slot.params[1..5].copy_from_slice(&u32::MAX.to_le_bytes());
        assert!(matches!(
            slot.open_with_passphrase(&vault, "right horse"),
            Err(Error::OutOfRange {
                parameter: "slot.iterations"
            })
        ));
        // A wrapped key of any other length than nonce + key + tag, short
        // or huge, is refused before the derivation.
        let good = StoredSlot::new_passphrase(
            &vault,
            [1; 16],
            PassphraseParams::fresh_with(1000).unwrap(),
            "right horse",
            &key,
        )
        .unwrap();
        assert_eq!(good.wrapped.len(), WRAPPED_LEN);
        for len in [0, WRAPPED_LEN - 1, WRAPPED_LEN + 1, 1 << 24] {
            let mut bad = good.clone();
            bad.wrapped.resize(len, 0);
            assert!(matches!(
                bad.open_with_passphrase(&vault, "right horse"),
                Err(Error::OutOfRange {
                    parameter: "slot.wrapped_length"
                })
            ));
            let mut dev = StoredSlot::new_device(&vault, &[9; 32], &key).unwrap();
            dev.wrapped.resize(len, 0);
            assert!(matches!(
                dev.open_with_device(&vault, &[9; 32]),
                Err(Error::OutOfRange {
                    parameter: "slot.wrapped_length"
                })
            ));
        }
        let mut dev = StoredSlot::new_device(&vault, &[9; 32], &key).unwrap();
        dev.params.push(0);
        assert!(matches!(
            dev.open_with_device(&vault, &[9; 32]),
            Err(Error::OutOfRange {
                parameter: "slot.params_length"
            })
        ));
    }
}
