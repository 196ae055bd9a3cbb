//! When a meeting happens: a local time on a pattern of days, in the
//! meeting's own IANA time zone, and the occurrences that pattern yields.
//!
//! Rules (those of RFC 5545, so the iCalendar export and the app agree):
//! - a meeting keeps its own zone: a participant who travels sees the same
//!   instants, shown in the phone's zone by the shell;
//! - a local time that does not exist on a spring-forward day is read with
//!   the offset before the gap (02:30 becomes 03:30 daylight time); a local
//!   time that happens twice on a fall-back day is the first of the two;
//! - "every N weeks" counts weeks starting Monday from the week of the start
//!   date (`WKST=MO`);
//! - "the 5th Tuesday" is skipped in months without one; "the last Tuesday"
//!   is in every month.

use chrono::{
    DateTime, Datelike, Days, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeZone,
    Utc, Weekday,
};
use serde::{Deserialize, Serialize};

use super::zone::Zone;
use crate::calendar::date_serde;
use crate::error::{Error, Result};

/// Longest meeting: a day-long retreat.
pub const MAX_DURATION_MINUTES: u16 = 24 * 60;
/// Largest gap for "every N weeks".
pub const MAX_WEEK_INTERVAL: u8 = 12;
/// Most occurrences one call returns.
pub const MAX_OCCURRENCES: usize = 2_000;
/// Widest window one call may ask about.
pub const MAX_WINDOW_DAYS: i64 = 400;

/// A set of weekdays, stored as a bit mask (bit 0 is Monday).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct DaySet(u8);

impl DaySet {
    /// The set holding `days`.
    pub fn of(days: impl IntoIterator<Item = Weekday>) -> DaySet {
        DaySet(
            days.into_iter()
                .fold(0, |m, d| m | 1 << d.num_days_from_monday()),
        )
    }

    /// True if `day` is in the set.
    pub fn contains(self, day: Weekday) -> bool {
        self.0 & (1 << day.num_days_from_monday()) != 0
    }

    /// The days, Monday first.
    pub fn days(self) -> Vec<Weekday> {
        (0..7u8)
            .filter(|i| self.0 & (1 << i) != 0)
            .filter_map(|i| Weekday::try_from(i).ok())
            .collect()
    }

    /// True if no day is set (or only bits no weekday has).
    pub fn is_empty(self) -> bool {
        self.0 & 0x7f == 0
    }
}

/// Which week of the month a monthly meeting falls in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum MonthWeek {
    First,
    Second,
    Third,
    Fourth,
    /// Skipped in months with only four of that weekday.
    Fifth,
    /// The last such weekday of every month.
    Last,
}

impl MonthWeek {
    /// The `BYDAY` ordinal: 1..5, or -1 for the last.
    pub fn ordinal(self) -> i8 {
        match self {
            MonthWeek::First => 1,
            MonthWeek::Second => 2,
            MonthWeek::Third => 3,
            MonthWeek::Fourth => 4,
            MonthWeek::Fifth => 5,
            MonthWeek::Last => -1,
        }
    }

    fn matches(self, date: NaiveDate) -> bool {
        match self {
            MonthWeek::Last => date
                .checked_add_days(Days::new(7))
                .is_none_or(|next| next.month() != date.month()),
            other => i8::try_from((date.day() - 1) / 7 + 1).ok() == Some(other.ordinal()),
        }
    }
}

/// How a meeting repeats.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Repeat {
    /// On `days` every `every_weeks` weeks (1 = weekly).
    Weekly { days: DaySet, every_weeks: u8 },
    /// On one weekday of one week of every month ("2nd Tuesday").
    Monthly {
        week: MonthWeek,
        #[serde(with = "weekday_serde")]
        day: Weekday,
    },
    /// Once, on the start date.
    Once,
}

/// A meeting's schedule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Schedule {
    /// IANA zone name: "America/New_York".
    pub zone: String,
    /// The first day it may happen, in the meeting's zone.
    #[serde(with = "date_serde")]
    pub start_date: NaiveDate,
    /// The last day it may happen, if it ends.
    #[serde(with = "opt_date_serde", default)]
    pub end_date: Option<NaiveDate>,
    /// Local start, minutes after midnight.
    pub start_minute: u16,
    /// How long it lasts.
    pub duration_minutes: u16,
    pub repeat: Repeat,
}

/// One occurrence of a schedule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Slot {
    /// Start, UTC milliseconds.
    pub start_millis: i64,
    /// End, UTC milliseconds.
    pub end_millis: i64,
    /// The meeting zone's UTC offset at the start, minutes.
    pub offset_minutes: i32,
    /// The local date in the meeting's zone.
    pub local_date: NaiveDate,
}

impl Slot {
    /// The start with the meeting zone's offset: the instant an attendance
    /// record is keyed by.
    pub fn start(&self) -> crate::time::LocalInstant {
        crate::time::LocalInstant {
            utc_millis: self.start_millis,
            offset_minutes: self.offset_minutes,
        }
    }
}

/// Parses an IANA zone name; `field` names it in errors.
pub fn parse_zone(field: &'static str, name: &str) -> Result<Zone> {
    if name.is_empty() || name.len() > 64 {
        return Err(Error::invalid(field, "not_a_zone"));
    }
    Zone::parse(name).ok_or_else(|| Error::invalid(field, "unknown_zone"))
}

impl Schedule {
    /// Checks every field; the error names the one refused.
    pub fn validate(self) -> Result<Schedule> {
        parse_zone("zone", &self.zone)?;
        if self.start_minute >= 24 * 60 {
            return Err(Error::invalid("start_minute", "out_of_range"));
        }
        if self.duration_minutes == 0 || self.duration_minutes > MAX_DURATION_MINUTES {
            return Err(Error::invalid("duration_minutes", "out_of_range"));
        }
        let earliest = crate::calendar::earliest_date();
        if self.start_date < earliest || self.start_date.year() > 2200 {
            return Err(Error::invalid("start_date", "out_of_range"));
        }
        if self.end_date.is_some_and(|end| end < self.start_date) {
            return Err(Error::invalid("end_date", "before_start"));
        }
        match &self.repeat {
            Repeat::Weekly { days, every_weeks } => {
                if days.is_empty() || days.0 > 0x7f {
                    return Err(Error::invalid("days", "empty"));
                }
                if *every_weeks == 0 || *every_weeks > MAX_WEEK_INTERVAL {
                    return Err(Error::invalid("every_weeks", "out_of_range"));
                }
            }
            Repeat::Monthly { .. } | Repeat::Once => {}
        }
        Ok(self)
    }

    /// The zone (validated when the schedule was).
    pub fn tz(&self) -> Result<Zone> {
        parse_zone("zone", &self.zone)
    }

    /// Local start time of day.
    pub fn start_time(&self) -> NaiveTime {
        NaiveTime::from_num_seconds_from_midnight_opt(u32::from(self.start_minute) * 60, 0)
            .unwrap_or(NaiveTime::MIN)
    }

    /// True if the schedule puts an occurrence on local `date`.
    pub fn falls_on(&self, date: NaiveDate) -> bool {
        if date < self.start_date || self.end_date.is_some_and(|end| date > end) {
            return false;
        }
        match &self.repeat {
            Repeat::Once => date == self.start_date,
            Repeat::Monthly { week, day } => date.weekday() == *day && week.matches(date),
            Repeat::Weekly { days, every_weeks } => {
                if !days.contains(date.weekday()) {
                    return false;
                }
                let weeks = (monday_of(date) - monday_of(self.start_date)).num_days() / 7;
                weeks % i64::from(*every_weeks) == 0
            }
        }
    }

    /// The occurrence on local `date`, if there is one.
    pub fn on(&self, tz: &Zone, date: NaiveDate) -> Option<Slot> {
        if !self.falls_on(date) {
            return None;
        }
        let start = resolve(tz, date.and_time(self.start_time()))?;
        let start_millis = start.timestamp_millis();
        Some(Slot {
            start_millis,
            end_millis: start_millis + i64::from(self.duration_minutes) * 60_000,
            offset_minutes: start.offset().fix().local_minus_utc() / 60,
            local_date: date,
        })
    }

    /// Occurrences overlapping `[from_millis, until_millis)`, in order. The
    /// window may span at most [`MAX_WINDOW_DAYS`].
    pub fn occurrences(&self, from_millis: i64, until_millis: i64) -> Result<Vec<Slot>> {
        if until_millis < from_millis {
            return Err(Error::invalid("until", "before_start"));
        }
        if until_millis - from_millis > MAX_WINDOW_DAYS * 86_400_000 {
            return Err(Error::invalid("until", "window_too_long"));
        }
        let tz = self.tz()?;
        let (Some(from), Some(until)) = (
            DateTime::<Utc>::from_timestamp_millis(from_millis),
            DateTime::<Utc>::from_timestamp_millis(until_millis),
        ) else {
            return Err(Error::invalid("from", "out_of_range"));
        };
        // Local dates that can hold an overlapping occurrence: a day either
        // side covers every offset and a meeting running past midnight.
        let first = from.with_timezone(&tz).date_naive().pred_opt();
        let last = until.with_timezone(&tz).date_naive().succ_opt();
        let (Some(first), Some(last)) = (first, last) else {
            return Err(Error::invalid("from", "out_of_range"));
        };
        let mut out = Vec::new();
        let mut date = first.max(self.start_date);
        while date <= last && out.len() < MAX_OCCURRENCES {
            if let Some(slot) = self.on(&tz, date)
                && slot.end_millis > from_millis
                && slot.start_millis < until_millis
            {
                out.push(slot);
            }
            let Some(next) = date.succ_opt() else { break };
            date = next;
        }
        Ok(out)
    }

    /// The first occurrence on or after the start date, if any (at most
    /// ten years out).
    pub fn first(&self) -> Option<Slot> {
        let tz = self.tz().ok()?;
        let mut date = self.start_date;
        for _ in 0..3_660 {
            if self.end_date.is_some_and(|end| date > end) {
                return None;
            }
            if let Some(slot) = self.on(&tz, date) {
                return Some(slot);
            }
            date = date.succ_opt()?;
        }
        None
    }
}

/// The Monday of `date`'s week.
fn monday_of(date: NaiveDate) -> NaiveDate {
    date - Days::new(u64::from(date.weekday().num_days_from_monday()))
}

/// A local wall-clock time in `tz` as an instant, by the RFC 5545 rules:
/// the earlier of two, and a time in a gap read with the offset before it.
pub fn resolve(tz: &Zone, local: NaiveDateTime) -> Option<DateTime<Zone>> {
    match tz.from_local_datetime(&local) {
        LocalResult::Single(t) => Some(t),
        LocalResult::Ambiguous(first, _) => Some(first),
        LocalResult::None => {
            // Offsets never jump by more than a day; the offset a day before
            // is the one in force before the gap.
            let before = tz
                .from_local_datetime(&(local - chrono::Duration::hours(24)))
                .earliest()?;
            let offset = before.offset().fix();
            let utc = local - chrono::Duration::seconds(i64::from(offset.local_minus_utc()));
            Some(tz.from_utc_datetime(&utc))
        }
    }
}

/// Serde for a [`Weekday`] as 0 (Monday) to 6 (Sunday).
mod weekday_serde {
    use chrono::Weekday;
    use serde::{Deserialize, Deserializer, Serializer, de::Error as _};

    pub fn serialize<S: Serializer>(day: &Weekday, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u8(day.num_days_from_monday() as u8)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Weekday, D::Error> {
        Weekday::try_from(u8::deserialize(d)?).map_err(|_| D::Error::custom("not a weekday"))
    }
}

/// Serde for an optional [`NaiveDate`].
pub(crate) mod opt_date_serde {
    use chrono::NaiveDate;
    use serde::{Deserialize, Deserializer, Serializer, de::Error as _};

    pub fn serialize<S: Serializer>(date: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
        match date {
            Some(d) => s.collect_str(&d.format("%Y-%m-%d")),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
        Option::<String>::deserialize(d)?
            .map(|t| NaiveDate::parse_from_str(&t, "%Y-%m-%d").map_err(D::Error::custom))
            .transpose()
    }
}

#[cfg(test)]
mod tests;
