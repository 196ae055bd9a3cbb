//! Small records shared by several parts of the API.

use keel_core::slots::{SlotInfo, SlotKind};
use keel_core::{DeviceSlot, LocalInstant};

/// A moment: UTC milliseconds plus the local UTC offset in minutes at that
/// moment (what the phone's clock and time zone say).
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Record)]
pub struct LocalTime {
    pub utc_millis: i64,
    pub offset_minutes: i32,
}

impl From<LocalTime> for LocalInstant {
    fn from(t: LocalTime) -> Self {
        LocalInstant {
            utc_millis: t.utc_millis,
            offset_minutes: t.offset_minutes,
        }
    }
}

impl From<LocalInstant> for LocalTime {
    fn from(t: LocalInstant) -> Self {
        LocalTime {
            utc_millis: t.utc_millis,
            offset_minutes: t.offset_minutes,
        }
    }
}

impl LocalTime {
    /// The system clock, with the offset of the host's local time zone.
    pub fn now() -> LocalInstant {
        let now = chrono::Local::now();
        LocalInstant {
            utc_millis: now.timestamp_millis(),
            offset_minutes: now.offset().local_minus_utc() / 60,
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

/// A new device slot. Store `secret` in Android Keystore / the iOS
/// Keychain behind biometrics; the core keeps no copy.
#[derive(Clone, PartialEq, Eq, uniffi::Record)]
pub struct NewDeviceSlot {
    pub slot_id: String,
    pub secret: Vec<u8>,
}

impl std::fmt::Debug for NewDeviceSlot {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NewDeviceSlot")
            .field("slot_id", &self.slot_id)
            .finish_non_exhaustive()
    }
}

impl From<DeviceSlot> for NewDeviceSlot {
    fn from(d: DeviceSlot) -> Self {
        NewDeviceSlot {
            slot_id: d.slot_id,
            secret: d.secret.to_vec(),
        }
    }
}
