//! Instants as Keel stores them: UTC plus the local offset in force when the
//! entry was made, so calendar questions ("which day was this?") are answered
//! in the participant's own calendar even after they travel.

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// Real-world UTC offsets run from -12:00 to +14:00.
pub const MIN_OFFSET_MINUTES: i32 = -12 * 60;
/// See [`MIN_OFFSET_MINUTES`].
pub const MAX_OFFSET_MINUTES: i32 = 14 * 60;
/// How far past "now" an entry's time may lie: phone clocks drift a little.
pub const FUTURE_TOLERANCE_MS: i64 = 5 * 60 * 1000;
/// 2000-01-01T00:00:00Z: nothing a participant logs predates it.
pub const EARLIEST_MS: i64 = 946_684_800_000;

/// A moment as UTC milliseconds with the local offset of the time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct LocalInstant {
    /// Milliseconds since the Unix epoch, UTC.
    pub utc_millis: i64,
    /// Minutes east of UTC at that moment where the participant was.
    pub offset_minutes: i32,
}

impl LocalInstant {
    /// Checks the offset and range; `field` names the value in errors.
    pub fn validate(self, field: &'static str) -> Result<Self> {
        if !(MIN_OFFSET_MINUTES..=MAX_OFFSET_MINUTES).contains(&self.offset_minutes) {
            return Err(Error::invalid(
                field,
                "offset must be between -12:00 and +14:00",
            ));
        }
        if self.utc_millis < EARLIEST_MS {
            return Err(Error::invalid(field, "before the year 2000"));
        }
        if self.to_local().is_none() {
            return Err(Error::invalid(field, "out of range"));
        }
        Ok(self)
    }

    /// [`LocalInstant::validate`], and not later than `now` (with a small
    /// tolerance for clock drift).
    pub fn validate_past(self, field: &'static str, now: LocalInstant) -> Result<Self> {
        let this = self.validate(field)?;
        if this.utc_millis > now.utc_millis.saturating_add(FUTURE_TOLERANCE_MS) {
            return Err(Error::invalid(field, "in the future"));
        }
        Ok(this)
    }

    /// The instant in its own local time.
    pub fn to_local(self) -> Option<DateTime<FixedOffset>> {
        let offset = FixedOffset::east_opt(self.offset_minutes.checked_mul(60)?)?;
        Some(DateTime::<Utc>::from_timestamp_millis(self.utc_millis)?.with_timezone(&offset))
    }

    /// The participant's calendar day of the instant.
    pub fn local_date(self) -> Option<NaiveDate> {
        Some(self.to_local()?.date_naive())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: LocalInstant = LocalInstant {
        utc_millis: 1_764_000_000_000,
        offset_minutes: -300,
    };

    #[test]
    fn local_date_uses_the_recorded_offset() {
        // 2025-11-24T03:00Z is still the 23rd in New York (UTC-5).
        let t = LocalInstant {
            utc_millis: 1_763_953_200_000,
            offset_minutes: -300,
        };
        assert_eq!(t.local_date(), NaiveDate::from_ymd_opt(2025, 11, 23));
        let tokyo = LocalInstant {
            offset_minutes: 540,
            ..t
        };
        assert_eq!(tokyo.local_date(), NaiveDate::from_ymd_opt(2025, 11, 24));
    }

    #[test]
    fn bad_offsets_and_ranges_are_refused() {
        let bad = |t: LocalInstant| {
            matches!(
                t.validate("at"),
                Err(Error::InvalidInput { field: "at", .. })
            )
        };
        assert!(bad(LocalInstant {
            offset_minutes: 15 * 60,
            ..NOW
        }));
        assert!(bad(LocalInstant {
            offset_minutes: -13 * 60,
            ..NOW
        }));
        assert!(bad(LocalInstant {
            utc_millis: 0,
            ..NOW
        }));
        assert!(bad(LocalInstant {
            utc_millis: i64::MAX,
            ..NOW
        }));
        assert!(NOW.validate("at").is_ok());
    }

    #[test]
    fn future_beyond_tolerance_is_refused() {
        let soon = LocalInstant {
            utc_millis: NOW.utc_millis + FUTURE_TOLERANCE_MS,
            ..NOW
        };
        assert!(soon.validate_past("at", NOW).is_ok());
        let later = LocalInstant {
            utc_millis: soon.utc_millis + 1,
            ..NOW
        };
        assert!(later.validate_past("at", NOW).is_err());
    }
}
