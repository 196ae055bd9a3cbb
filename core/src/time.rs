//! Instants as Keel stores them: UTC plus the local offset in force when the
//! entry was made, so calendar questions ("which day was this?") are answered
//! in the participant's own calendar even after they travel.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, Utc};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::meetings::schedule::resolve;
use crate::meetings::zone::Zone;

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
            return Err(Error::invalid(field, "offset_out_of_range"));
        }
        if self.utc_millis < EARLIEST_MS {
            return Err(Error::invalid(field, "before_2000"));
        }
        if self.to_local().is_none() {
            return Err(Error::invalid(field, "out_of_range"));
        }
        Ok(self)
    }

    /// [`LocalInstant::validate`], and not later than `now` (with a small
    /// tolerance for clock drift).
    pub fn validate_past(self, field: &'static str, now: LocalInstant) -> Result<Self> {
        let this = self.validate(field)?;
        if this.utc_millis > now.utc_millis.saturating_add(FUTURE_TOLERANCE_MS) {
            return Err(Error::invalid(field, "in_future"));
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

/// The `InvalidInput` reason for a zone name the bundled tz database does
/// not know (field `zone`): a stable code for the shell to match.
pub const UNKNOWN_ZONE: &str = "unknown_zone";

/// "Now" as the phone sees it: the instant and the IANA zone the phone is
/// set to. Wall-clock schedules (a check-in reminder at 20:00 every day, the
/// midnights of the coming week) are computed in the zone, so they follow
/// its daylight-saving rules rather than the one offset in force now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ZonedNow {
    utc_millis: i64,
    zone: Zone,
}

impl ZonedNow {
    /// `utc_millis` in the zone called `zone` (exact IANA spelling).
    /// Errors: `InvalidInput { field: "zone", reason: "unknown_zone" }` for
    /// a name the bundled database lacks, and the checks of
    /// [`LocalInstant::validate`] on `now`.
    pub fn new(utc_millis: i64, zone: &str) -> Result<Self> {
        let zone = Zone::parse(zone).ok_or_else(|| Error::invalid("zone", UNKNOWN_ZONE))?;
        let now = ZonedNow { utc_millis, zone };
        now.instant().validate("now")?;
        Ok(now)
    }

    /// Milliseconds since the Unix epoch, UTC.
    pub fn utc_millis(&self) -> i64 {
        self.utc_millis
    }

    /// The zone.
    pub fn zone(&self) -> &Zone {
        &self.zone
    }

    /// Now with the zone's offset at this instant: for calls that only need
    /// the instant and its local date and hour.
    pub fn instant(&self) -> LocalInstant {
        self.at(self.utc_millis)
    }

    /// Any instant with the offset the zone has then (not the offset now).
    pub fn at(&self, utc_millis: i64) -> LocalInstant {
        let offset = self.zone.offset_at(utc_millis.div_euclid(1_000));
        LocalInstant {
            utc_millis,
            offset_minutes: offset.utc_offset() / 60,
        }
    }

    /// The participant's calendar day now.
    pub fn today(&self) -> Result<NaiveDate> {
        self.instant()
            .local_date()
            .ok_or_else(|| Error::invalid("now", "out_of_range"))
    }

    /// The instant a wall-clock time on `date` happens in the zone, by the
    /// RFC 5545 rules meetings use: in a fall-back overlap the earlier of
    /// the two, in a spring-forward gap the time read with the offset
    /// before the gap (02:30 on a day that skips 02:00-03:00 is 03:30).
    pub fn wall_clock(&self, date: NaiveDate, time: NaiveTime) -> Option<LocalInstant> {
        let at = resolve(&self.zone, NaiveDateTime::new(date, time))?;
        Some(self.at(at.timestamp_millis()))
    }

    /// The first instant of `date` in the zone (midnight, or the end of a
    /// gap where a zone skips midnight).
    pub fn start_of_day(&self, date: NaiveDate) -> Option<i64> {
        Some(self.wall_clock(date, NaiveTime::MIN)?.utc_millis)
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
    fn zoned_now_checks_the_zone_and_takes_its_offset_at_each_instant() {
        let bad = ZonedNow::new(NOW.utc_millis, "Mars/Olympus");
        assert!(matches!(
            bad,
            Err(Error::InvalidInput { field: "zone", reason }) if reason == UNKNOWN_ZONE
        ));
        for garbage in ["", "UTC ", "utc", "../UTC", "\0", "America/New_York\0"] {
            assert!(
                ZonedNow::new(NOW.utc_millis, garbage).is_err(),
                "{garbage:?}"
            );
        }
        assert!(matches!(
            ZonedNow::new(0, "UTC"),
            Err(Error::InvalidInput { field: "now", .. })
        ));
        // 2025-11-24T03:00Z: Sunday evening in New York, Monday in Kolkata.
        let ny = ZonedNow::new(1_763_953_200_000, "America/New_York").unwrap();
        assert_eq!(ny.instant().offset_minutes, -300);
        assert_eq!(
            ny.today().unwrap(),
            NaiveDate::from_ymd_opt(2025, 11, 23).unwrap()
        );
        // Four months later New York is on daylight time: `at` gives the
        // offset then, not the one now.
        assert_eq!(ny.at(1_774_000_000_000).offset_minutes, -240);
        let kolkata = ZonedNow::new(1_763_953_200_000, "Asia/Kolkata").unwrap();
        assert_eq!(kolkata.instant().offset_minutes, 330);
        assert_eq!(
            kolkata.today().unwrap(),
            NaiveDate::from_ymd_opt(2025, 11, 24).unwrap()
        );
    }

    #[test]
    fn a_day_starts_at_the_first_instant_it_has() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let at = |y, m, d, h| {
            chrono::NaiveDate::from_ymd_opt(y, m, d)
                .unwrap()
                .and_hms_opt(h, 0, 0)
                .unwrap()
                .and_utc()
                .timestamp_millis()
        };
        // Santiago skips 2026-09-06 00:00-01:00: the day starts at 01:00 -03.
        let santiago = ZonedNow::new(at(2026, 9, 1, 12), "America/Santiago").unwrap();
        assert_eq!(
            santiago.start_of_day(day(2026, 9, 6)),
            Some(at(2026, 9, 6, 4))
        );
        // ...and repeats 2026-04-04 23:00-24:00: the 5th starts at 00:00 -04.
        assert_eq!(
            santiago.start_of_day(day(2026, 4, 5)),
            Some(at(2026, 4, 5, 4))
        );
        assert_eq!(
            santiago.start_of_day(day(2026, 4, 4)),
            Some(at(2026, 4, 4, 3))
        );
        // Sydney's midnight is 13:00 or 14:00 UTC the day before.
        let sydney = ZonedNow::new(at(2026, 1, 1, 0), "Australia/Sydney").unwrap();
        assert_eq!(
            sydney.start_of_day(day(2026, 1, 10)),
            Some(at(2026, 1, 9, 13))
        );
        assert_eq!(
            sydney.start_of_day(day(2026, 7, 10)),
            Some(at(2026, 7, 9, 14))
        );
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
