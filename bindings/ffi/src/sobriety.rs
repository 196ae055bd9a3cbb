//! Sobriety clocks across the FFI.
//!
//! The sobriety date is the first day without use, a calendar date in the
//! participant's calendar. Days are counted on calendar dates; lapses that
//! the participant let reset a clock restart it the day after.

use chrono::{Datelike, NaiveDate};
use keel_core::RecordId;
use keel_core::calendar::date_from_parts;
use keel_core::sobriety::{self, MilestoneUnit as CoreUnit};

use crate::error::Result;
use crate::mirror::{all, mirror_enum};
use crate::types::Now;
use crate::vault::Vault;

/// A calendar date (no time, no zone).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, uniffi::Record)]
pub struct CalendarDate {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl From<NaiveDate> for CalendarDate {
    fn from(d: NaiveDate) -> Self {
        CalendarDate {
            year: d.year(),
            month: u8::try_from(d.month()).unwrap_or(0),
            day: u8::try_from(d.day()).unwrap_or(0),
        }
    }
}

impl CalendarDate {
    /// The date, or an error naming `field` if it is not a real date.
    pub(crate) fn to_core(self, field: &'static str) -> keel_core::Result<NaiveDate> {
        date_from_parts(field, self.year, u32::from(self.month), u32::from(self.day))
    }
}

/// The unit a milestone counts in: "24 hours", "90 days", "6 months",
/// "1 year".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum MilestoneUnit {
    Hours,
    Days,
    Months,
    Years,
}
mirror_enum!(CoreUnit => MilestoneUnit { Hours, Days, Months, Years });

/// A milestone and the day it is reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Record)]
pub struct Milestone {
    pub unit: MilestoneUnit,
    pub count: u32,
    pub date: CalendarDate,
    pub days_away: u32,
}

impl From<sobriety::Milestone> for Milestone {
    fn from(m: sobriety::Milestone) -> Self {
        Milestone {
            unit: m.unit.into(),
            count: m.count,
            date: m.date.into(),
            days_away: m.days_away,
        }
    }
}

/// A clock to add or change.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct SobrietyClockDraft {
    /// What it counts ("Alcohol"); 1 to 200 characters.
    pub label: String,
    /// The first day without use; not in the future.
    pub sobriety_date: CalendarDate,
}

/// A saved clock.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct SobrietyClock {
    pub id: String,
    pub label: String,
    pub sobriety_date: CalendarDate,
}

/// A clock as the screens show it.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct SobrietyClockStatus {
    pub id: String,
    pub label: String,
    pub sobriety_date: CalendarDate,
    /// The first day of the current streak.
    pub streak_start: CalendarDate,
    pub current_days: u32,
    pub longest_days: u32,
    /// Days since the sobriety date without a logged lapse.
    pub total_sober_days: u32,
    pub lapses: u32,
    pub next_milestone: Milestone,
    /// A milestone reached today, to celebrate.
    pub milestone_today: Option<Milestone>,
}

impl From<sobriety::ClockStatus> for SobrietyClockStatus {
    fn from(c: sobriety::ClockStatus) -> Self {
        SobrietyClockStatus {
            id: c.id.to_string(),
            label: c.label,
            sobriety_date: c.sobriety_date.into(),
            streak_start: c.streak_start.into(),
            current_days: c.current_days,
            longest_days: c.longest_days,
            total_sober_days: c.total_sober_days,
            lapses: c.lapses,
            next_milestone: c.next_milestone.into(),
            milestone_today: c.milestone_today.map(Milestone::from),
        }
    }
}

/// One streak of a clock: a run of sober days between resets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Record)]
pub struct SobrietyStreak {
    pub first_day: CalendarDate,
    /// The last sober day; null for the current streak, still going.
    pub last_day: Option<CalendarDate>,
    /// Calendar days in the streak: first and last included for a finished
    /// one, the days since its first for the current one.
    pub days: u32,
    /// The day of the lapse that reset the clock and ended this streak;
    /// null for the current one.
    pub reset_on: Option<CalendarDate>,
    /// Lapses logged on its days that the participant chose not to let
    /// reset the clock (their days count in `days`).
    pub lapses_within: u32,
}

impl From<sobriety::Streak> for SobrietyStreak {
    fn from(s: sobriety::Streak) -> Self {
        SobrietyStreak {
            first_day: s.first_day.into(),
            last_day: s.last_day.map(CalendarDate::from),
            days: s.days,
            reset_on: s.reset_on.map(CalendarDate::from),
            lapses_within: s.lapses_within,
        }
    }
}

/// A clock's streak history: its most recent streaks, oldest first, the
/// current one last; `older_streaks` earlier ones were left out.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct SobrietyStreakHistory {
    /// The clock's id, as in `SobrietyClockStatus`.
    pub clock_id: String,
    pub streaks: Vec<SobrietyStreak>,
    pub older_streaks: u32,
}

impl SobrietyStreakHistory {
    pub(crate) fn new(clock_id: RecordId, h: sobriety::StreakHistory) -> Self {
        SobrietyStreakHistory {
            clock_id: clock_id.to_string(),
            streaks: all(h.streaks),
            older_streaks: h.older,
        }
    }
}

fn saved(id: RecordId, clock: sobriety::Clock) -> SobrietyClock {
    SobrietyClock {
        id: id.to_string(),
        label: clock.label,
        sobriety_date: clock.sobriety_date.into(),
    }
}

#[uniffi::export]
impl Vault {
    /// Adds a clock (at most 20). `now` decides which sobriety dates are
    /// in the future (the participant's calendar, not the host's).
    pub fn add_clock(&self, draft: SobrietyClockDraft, now: Now) -> Result<SobrietyClock> {
        let date = draft.sobriety_date.to_core("sobriety_date")?;
        let now = now.instant()?;
        let vault = self.core();
        let (id, clock) = sobriety::add(&vault.store()?, &draft.label, date, now)?;
        Ok(saved(id, clock))
    }

    /// Changes clock `id`'s label or sobriety date (checked against `now`
    /// as in `add_clock`).
    pub fn update_clock(
        &self,
        id: String,
        draft: SobrietyClockDraft,
        now: Now,
    ) -> Result<SobrietyClock> {
        let id = RecordId::parse("id", &id)?;
        let date = draft.sobriety_date.to_core("sobriety_date")?;
        let now = now.instant()?;
        let vault = self.core();
        let clock = sobriety::update(&vault.store()?, id, &draft.label, date, now)?;
        Ok(saved(id, clock))
    }

    /// Deletes clock `id`; lapses that named it stay in the history.
    pub fn delete_clock(&self, id: String) -> Result<()> {
        let id = RecordId::parse("id", &id)?;
        let vault = self.core();
        Ok(sobriety::delete(&vault.store()?, id)?)
    }

    /// Every clock's status at `now`, oldest sobriety date first.
    pub fn list_clocks(&self, now: Now) -> Result<Vec<SobrietyClockStatus>> {
        let vault = self.core();
        Ok(sobriety::statuses(&vault.store()?, now.instant()?)?
            .into_iter()
            .map(SobrietyClockStatus::from)
            .collect())
    }
}
