//! Date-range presets for the report, export and history filters ("this
//! week", "last 30 days", "since your last report"...), resolved by the core
//! in the participant's calendar so both shells agree on every boundary.
//!
//! A range is whole calendar days in the phone's zone: from the first
//! instant of its first day (local midnight, or the end of a DST gap where a
//! zone skips midnight) to the first instant of the day after its last day,
//! exclusive. Every preset ends today. Weeks start on Monday, as the
//! program's weekly requirement does.
//!
//! "Since your last report" starts on the day the last counselor report was
//! prepared (that day included, so nothing logged after the report that day
//! is left out); the vault remembers the report in `report.shared` when one
//! is written. Before any report the preset is not offered.

use chrono::{Datelike, Days, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::calendar::earliest_date;
use crate::error::{Error, Result};
use crate::language::{Language, Text, t};
use crate::store::{Record, Store};
use crate::time::LocalInstant;

/// The presets, in the order a picker lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RangePreset {
    /// Monday of this week to today.
    ThisWeek,
    /// Today and the six days before.
    Last7Days,
    /// Today and the 29 days before.
    Last30Days,
    /// Today and the 89 days before.
    Last90Days,
    /// The first of this month to today.
    ThisMonth,
    /// The day the last counselor report was prepared to today.
    SinceLastReport,
    /// Everything the vault may hold (from 2000-01-01) to today.
    Everything,
}

impl RangePreset {
    /// Every preset, in picker order.
    pub const ALL: [RangePreset; 7] = [
        Self::ThisWeek,
        Self::Last7Days,
        Self::Last30Days,
        Self::Last90Days,
        Self::ThisMonth,
        Self::SinceLastReport,
        Self::Everything,
    ];

    fn text(self) -> Text {
        match self {
            Self::ThisWeek => t("This week", "Esta semana"),
            Self::Last7Days => t("Last 7 days", "Últimos 7 días"),
            Self::Last30Days => t("Last 30 days", "Últimos 30 días"),
            Self::Last90Days => t("Last 90 days", "Últimos 90 días"),
            Self::ThisMonth => t("This month", "Este mes"),
            Self::SinceLastReport => t("Since your last report", "Desde tu último informe"),
            Self::Everything => t("Everything", "Todo"),
        }
    }

    /// The picker's label.
    pub fn label(self, lang: Language) -> &'static str {
        lang.text(&self.text())
    }
}

/// A resolved range: calendar days and the instants that bound them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateRange {
    pub preset: RangePreset,
    /// The picker's label, in the requested language.
    pub label: &'static str,
    /// First day included, in the phone's calendar.
    pub first_day: NaiveDate,
    /// Last day included (today).
    pub last_day: NaiveDate,
    /// The first instant of `first_day` in the phone's zone (UTC ms).
    pub start_millis: i64,
    /// The first instant after `last_day` (exclusive, UTC ms).
    pub end_millis: i64,
}

/// The last counselor report written, as the vault remembers it (one
/// record, replaced by each new report; kept and backed up).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LastReport {
    /// When it was prepared (the report's "now").
    pub prepared: LocalInstant,
    /// The first and last days it covered.
    #[serde(with = "crate::calendar::date_serde")]
    pub from: NaiveDate,
    #[serde(with = "crate::calendar::date_serde")]
    pub to: NaiveDate,
}

impl Record for LastReport {
    const COLLECTION: &'static str = "report.shared";
    const NOUN: &'static str = "report_record";
}

/// Remembers a report just written, replacing the previous record (extra
/// or damaged rows of the collection are replaced too).
pub fn remember_report(store: &Store<'_>, report: LastReport) -> Result<()> {
    store.atomically(|s| {
        let listing = s.list::<LastReport>()?;
        let mut rows: Vec<_> = listing
            .items
            .iter()
            .map(|(id, _)| *id)
            .chain(listing.damaged)
            .collect();
        rows.sort();
        match rows.split_first() {
            Some((first, rest)) => {
                s.update(first, &report)?;
                for id in rest {
                    s.delete::<LastReport>(id)?;
                }
            }
            None => {
                s.insert(&report)?;
            }
        }
        Ok(())
    })
}

/// The last report written, if the vault knows one (a damaged record reads
/// as unknown: the preset is then simply not offered).
pub fn last_report(store: &Store<'_>) -> Result<Option<LastReport>> {
    Ok(store
        .list::<LastReport>()?
        .items
        .into_iter()
        .map(|(_, r)| r)
        .max_by_key(|r| r.prepared.utc_millis))
}

/// "Now" in the phone's zone, as every call computing local times takes it.
pub use crate::time::ZonedNow;

fn out_of_range() -> Error {
    Error::invalid("now", "out_of_range")
}

/// The days `[first, last]` as a range in `now`'s zone.
fn days(
    preset: RangePreset,
    first: NaiveDate,
    last: NaiveDate,
    now: &ZonedNow,
    lang: Language,
) -> Result<DateRange> {
    let first = first.min(last);
    let after = last
        .checked_add_days(Days::new(1))
        .ok_or_else(out_of_range)?;
    Ok(DateRange {
        preset,
        label: preset.label(lang),
        first_day: first,
        last_day: last,
        start_millis: now.start_of_day(first).ok_or_else(out_of_range)?,
        end_millis: now.start_of_day(after).ok_or_else(out_of_range)?,
    })
}

/// `preset` resolved at `now`, given the last report (if known). `None` for
/// [`RangePreset::SinceLastReport`] when no report is known.
pub fn resolve_with(
    preset: RangePreset,
    now: &ZonedNow,
    last: Option<&LastReport>,
    lang: Language,
) -> Result<Option<DateRange>> {
    let today = now.today()?;
    let back = |n: u64| {
        today
            .checked_sub_days(Days::new(n))
            .ok_or_else(out_of_range)
    };
    let first = match preset {
        RangePreset::ThisWeek => back(u64::from(today.weekday().num_days_from_monday()))?,
        RangePreset::Last7Days => back(6)?,
        RangePreset::Last30Days => back(29)?,
        RangePreset::Last90Days => back(89)?,
        RangePreset::ThisMonth => today.with_day(1).ok_or_else(out_of_range)?,
        RangePreset::SinceLastReport => match last {
            Some(r) => now
                .at(r.prepared.utc_millis)
                .local_date()
                .ok_or_else(out_of_range)?,
            None => return Ok(None),
        },
        RangePreset::Everything => earliest_date(),
    };
    Ok(Some(days(preset, first, today, now, lang)?))
}

/// `preset` resolved at `now` in the vault's calendar.
pub fn resolve(
    store: &Store<'_>,
    preset: RangePreset,
    now: &ZonedNow,
    lang: Language,
) -> Result<Option<DateRange>> {
    let last = match preset {
        RangePreset::SinceLastReport => last_report(store)?,
        _ => None,
    };
    resolve_with(preset, now, last.as_ref(), lang)
}

/// Every preset the vault can offer at `now`, in picker order.
pub fn presets(store: &Store<'_>, now: &ZonedNow, lang: Language) -> Result<Vec<DateRange>> {
    let last = last_report(store)?;
    let mut out = Vec::with_capacity(RangePreset::ALL.len());
    for preset in RangePreset::ALL {
        if let Some(r) = resolve_with(preset, now, last.as_ref(), lang)? {
            out.push(r);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests;
