//! Small records shared by several parts of the API.

use std::sync::Arc;

use keel_core::slots::{DEVICE_SECRET_LEN, SlotInfo, SlotKind};
use keel_core::{DeviceSlot, LocalInstant, ZonedNow};
use zeroize::Zeroizing;

use crate::mirror::mirror_enum;

/// A moment: UTC milliseconds plus the local UTC offset in minutes at that
/// moment (what the phone's clock and time zone say).
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Record)]
pub struct Moment {
    pub utc_millis: i64,
    pub offset_minutes: i32,
}

impl From<Moment> for LocalInstant {
    fn from(t: Moment) -> Self {
        LocalInstant {
            utc_millis: t.utc_millis,
            offset_minutes: t.offset_minutes,
        }
    }
}

impl From<LocalInstant> for Moment {
    fn from(t: LocalInstant) -> Self {
        Moment {
            utc_millis: t.utc_millis,
            offset_minutes: t.offset_minutes,
        }
    }
}

impl Moment {
    /// The system clock as a bare instant (offset 0), only for checking
    /// that an entry's own time is not in the future: that compares
    /// instants, so no zone is involved. Anything that depends on the
    /// participant's calendar or local time takes a [`Now`] instead.
    pub fn now() -> LocalInstant {
        LocalInstant {
            utc_millis: chrono::Utc::now().timestamp_millis(),
            offset_minutes: 0,
        }
    }
}

/// What unlocks a key slot.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum KeySlotKind {
    Passphrase,
    Device,
}

/// A key slot, as settings may list it.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct KeySlot {
    pub id: String,
    pub kind: KeySlotKind,
}

impl From<SlotInfo> for KeySlot {
    fn from(s: SlotInfo) -> Self {
        KeySlot {
            id: s.id,
            kind: match s.kind {
                SlotKind::Passphrase => KeySlotKind::Passphrase,
                SlotKind::Device => KeySlotKind::Device,
            },
        }
    }
}

/// A new device slot: its id, to remove it later, and its secret for the
/// platform keystore. Printing it shows the id only.
#[derive(Debug, Clone, uniffi::Record)]
pub struct NewDeviceSlot {
    pub slot_id: String,
    pub secret: Arc<DeviceSecret>,
}

/// A device slot's 32-byte secret, held on the Rust side (wiped when the
/// object is released) until the shell takes it with
/// [`DeviceSecret::expose_bytes`] to store it in Android Keystore / the iOS
/// Keychain behind biometrics. The core keeps no copy. Printing it (`str`,
/// `repr`, `toString()`, `description`) shows `DeviceSecret(..)`, never a
/// byte of it, so a log line or a crash report cannot leak it.
#[derive(uniffi::Object)]
#[uniffi::export(Debug, Display)]
pub struct DeviceSecret(Zeroizing<[u8; DEVICE_SECRET_LEN]>);

#[uniffi::export]
impl DeviceSecret {
    /// The secret's 32 bytes, for the keystore only: wrap them at once and
    /// overwrite the array (`fill(0)`) when done; never log or persist them
    /// anywhere else. Unlock later with `Vault.unlock_with_device_secret`.
    pub fn expose_bytes(&self) -> Vec<u8> {
        self.0.to_vec()
    }
}

impl std::fmt::Debug for DeviceSecret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DeviceSecret(..)")
    }
}

impl std::fmt::Display for DeviceSecret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DeviceSecret(..)")
    }
}

impl From<DeviceSlot> for NewDeviceSlot {
    fn from(d: DeviceSlot) -> Self {
        NewDeviceSlot {
            slot_id: d.slot_id,
            secret: Arc::new(DeviceSecret(d.secret)),
        }
    }
}

/// The language of every text the core writes for people. The shell keeps
/// the participant's choice outside the vault (so the unlock and crisis
/// screens are localised while locked) and passes it to each call that
/// returns such text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum Language {
    English,
    Spanish,
}

mirror_enum!(keel_core::Language => Language { English = En, Spanish = Es });

/// The language for a BCP 47 locale tag such as `es-MX` or `en_US`:
/// Spanish for any `es` tag, English otherwise.
#[uniffi::export]
pub fn language_for_locale(locale: String) -> Language {
    keel_core::Language::from_locale(&locale).into()
}

/// "Now" as the phone sees it: the instant and the IANA time zone the phone
/// is set to (`ZoneId.systemDefault().id`, `TimeZone.current.identifier`).
/// Every call that computes local times takes it, so wall-clock schedules
/// follow the zone's DST rules rather than one fixed offset.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Now {
    pub utc_millis: i64,
    pub zone: String,
}

impl Now {
    /// The core's "now in a zone". An unknown zone is
    /// `InvalidInput { field: "zone", reason: "unknown_zone" }`.
    pub fn resolve(&self) -> keel_core::Result<ZonedNow> {
        ZonedNow::new(self.utc_millis, &self.zone)
    }

    /// The instant with the zone's offset at that instant, for calls that
    /// only need the instant and its local date and hour.
    pub fn instant(&self) -> keel_core::Result<LocalInstant> {
        Ok(self.resolve()?.instant())
    }
}
