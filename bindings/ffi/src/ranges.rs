//! Date-range presets across the FFI: the report, export and history
//! filters ask the core for "this week", "last 30 days", "since your last
//! report"... resolved in the phone's calendar and zone.

use keel_core::ranges as core_ranges;

use crate::error::Result;
use crate::mirror::{all, mirror_enum};
use crate::sobriety::CalendarDate;
use crate::types::{Language, Now};
use crate::vault::Vault;

/// A preset of a date-range picker.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum DateRangePreset {
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
    /// The day the last counselor report was prepared to today (offered
    /// once a report has been written).
    SinceLastReport,
    /// Everything (from 2000-01-01) to today.
    Everything,
}

mirror_enum!(core_ranges::RangePreset => DateRangePreset {
    ThisWeek, Last7Days, Last30Days, Last90Days, ThisMonth, SinceLastReport, Everything
});

/// A resolved range: whole days of the phone's calendar, and the instants
/// that bound them (start included, end excluded) for queries.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct DateRange {
    pub preset: DateRangePreset,
    /// The picker's label, in the requested language.
    pub label: String,
    /// First day included.
    pub first_day: CalendarDate,
    /// Last day included (today).
    pub last_day: CalendarDate,
    /// The first instant of `first_day` in the phone's zone (UTC ms).
    pub start_utc_millis: i64,
    /// The first instant after `last_day` (UTC ms, excluded).
    pub end_utc_millis: i64,
}

impl From<core_ranges::DateRange> for DateRange {
    fn from(r: core_ranges::DateRange) -> Self {
        DateRange {
            preset: r.preset.into(),
            label: r.label.to_string(),
            first_day: r.first_day.into(),
            last_day: r.last_day.into(),
            start_utc_millis: r.start_millis,
            end_utc_millis: r.end_millis,
        }
    }
}

#[uniffi::export]
impl Vault {
    /// Every date-range preset the vault can offer at `now`, in picker
    /// order ("since your last report" only once a report was written).
    pub fn date_range_presets(&self, now: Now, language: Language) -> Result<Vec<DateRange>> {
        let now = now.resolve()?;
        let vault = self.core();
        let store = vault.store()?;
        Ok(all(core_ranges::presets(&store, &now, language.into())?))
    }

    /// One preset resolved at `now`; null for "since your last report"
    /// before any report was written.
    pub fn date_range(
        &self,
        preset: DateRangePreset,
        now: Now,
        language: Language,
    ) -> Result<Option<DateRange>> {
        let now = now.resolve()?;
        let vault = self.core();
        let store = vault.store()?;
        Ok(
            core_ranges::resolve(&store, preset.into(), &now, language.into())?
                .map(DateRange::from),
        )
    }
}
