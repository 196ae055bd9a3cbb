//! Calendar dates in the participant's own calendar, and the serde forms
//! that journal records use for dates and record ids.
//!
//! Day counts (sobriety days, streaks, "today") are differences between
//! calendar dates, never durations divided by 24 hours, so a 23- or 25-hour
//! day at a DST change or a flight across time zones still counts as one day.

use chrono::{Datelike, NaiveDate, Timelike};

use crate::error::{Error, Result};
use crate::time::{FUTURE_TOLERANCE_MS, LocalInstant};

/// The earliest calendar date a participant may enter (matches
/// [`crate::time::EARLIEST_MS`]).
pub fn earliest_date() -> NaiveDate {
    NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or(NaiveDate::MIN)
}

/// The participant's calendar date at `now`; `field` names `now` in errors.
pub fn local_today(field: &'static str, now: LocalInstant) -> Result<NaiveDate> {
    now.validate(field)?
        .local_date()
        .ok_or_else(|| Error::invalid(field, "out_of_range"))
}

/// Checks that `date` is a usable past (or current) calendar date: not
/// before 2000, and not after the participant's "today" at `now` (with the
/// same small clock-drift tolerance as instants).
pub fn validate_past_date(
    field: &'static str,
    date: NaiveDate,
    now: LocalInstant,
) -> Result<NaiveDate> {
    if date < earliest_date() {
        return Err(Error::invalid(field, "before_2000"));
    }
    let latest = LocalInstant {
        utc_millis: now.utc_millis.saturating_add(FUTURE_TOLERANCE_MS),
        ..now
    }
    .local_date()
    .ok_or_else(|| Error::invalid("now", "out_of_range"))?;
    if date > latest {
        return Err(Error::invalid(field, "in_future"));
    }
    Ok(date)
}

/// Builds a date from its parts; `field` names it in errors.
pub fn date_from_parts(field: &'static str, year: i32, month: u32, day: u32) -> Result<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, day).ok_or_else(|| Error::invalid(field, "not_a_date"))
}

/// Whole calendar days from `from` to `to` (negative if `to` is earlier).
pub fn days_between(from: NaiveDate, to: NaiveDate) -> i64 {
    to.signed_duration_since(from).num_days()
}

/// The hour-of-week slot of an instant in its own local time: Monday 00:00
/// to 00:59 is slot 0, Sunday 23:00 to 23:59 is slot 167.
pub fn week_slot(at: LocalInstant) -> Option<u8> {
    let local = at.to_local()?;
    let day = local.weekday().num_days_from_monday();
    u8::try_from(day * 24 + local.hour()).ok()
}

/// Number of hour-of-week slots.
pub const WEEK_SLOTS: u8 = 168;

/// Serde for [`NaiveDate`] as `"YYYY-MM-DD"` (chrono is built without its
/// serde feature).
pub(crate) mod date_serde {
    use chrono::NaiveDate;
    use serde::{Deserialize, Deserializer, Serializer, de::Error as _};

    pub fn serialize<S: Serializer>(date: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&date.format("%Y-%m-%d"))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        let text = String::deserialize(d)?;
        NaiveDate::parse_from_str(&text, "%Y-%m-%d").map_err(D::Error::custom)
    }
}

/// Serde for a [`crate::RecordId`] as its 32 hex digits.
pub(crate) mod id_serde {
    use serde::{Deserialize, Deserializer, Serializer, de::Error as _};

    use crate::store::RecordId;

    pub fn serialize<S: Serializer>(id: &RecordId, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(id)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<RecordId, D::Error> {
        let text = String::deserialize(d)?;
        RecordId::parse("id", &text).map_err(|_| D::Error::custom("not a record id"))
    }
}

/// Serde for a list of [`crate::RecordId`]s.
pub(crate) mod ids_serde {
    use serde::{Deserialize, Deserializer, Serializer, de::Error as _, ser::SerializeSeq};

    use crate::store::RecordId;

    pub fn serialize<S: Serializer>(ids: &[RecordId], s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(ids.len()))?;
        for id in ids {
            seq.serialize_element(&id.to_string())?;
        }
        seq.end()
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<RecordId>, D::Error> {
        Vec::<String>::deserialize(d)?
            .iter()
            .map(|t| RecordId::parse("id", t).map_err(|_| D::Error::custom("not a record id")))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn days_are_calendar_days_across_dst() {
        // 2025-03-09 is 23 hours long in New York; still one day.
        assert_eq!(days_between(d(2025, 3, 8), d(2025, 3, 10)), 2);
        assert_eq!(days_between(d(2025, 3, 10), d(2025, 3, 8)), -2);
    }

    #[test]
    fn future_dates_are_refused_in_the_local_calendar() {
        // 2025-11-24T03:00Z: still the 23rd in New York, the 24th in Tokyo.
        let ny = LocalInstant {
            utc_millis: 1_763_953_200_000,
            offset_minutes: -300,
        };
        assert!(validate_past_date("date", d(2025, 11, 23), ny).is_ok());
        assert!(validate_past_date("date", d(2025, 11, 24), ny).is_err());
        let tokyo = LocalInstant {
            offset_minutes: 540,
            ..ny
        };
        assert!(validate_past_date("date", d(2025, 11, 24), tokyo).is_ok());
        assert!(validate_past_date("date", d(1999, 12, 31), tokyo).is_err());
    }

    #[test]
    fn week_slots_use_the_entry_offset() {
        // 2025-11-24 is a Monday; 03:00Z is Sunday 22:00 in New York.
        let ny = LocalInstant {
            utc_millis: 1_763_953_200_000,
            offset_minutes: -300,
        };
        assert_eq!(week_slot(ny), Some(6 * 24 + 22));
        let utc = LocalInstant {
            offset_minutes: 0,
            ..ny
        };
        assert_eq!(week_slot(utc), Some(3));
    }
}
