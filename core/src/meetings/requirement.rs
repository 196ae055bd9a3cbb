//! The program's weekly requirement (IOP for adults is at least nine hours a
//! week at ASAM level 2.1; programs also set a number of sessions), this
//! week's progress against it, the attendance rate and the streak of weeks
//! that met it. Settings for reminders live in the same record.
//!
//! Weeks run Monday to Sunday in the calendar of each occurrence (the
//! meeting's own zone). Only the program's clinical sessions count toward
//! hours and sessions (see [`super::MeetingKind::counts_toward_program`]);
//! the attendance rate covers every meeting on the list.

use std::collections::{BTreeMap, HashMap};

use chrono::{Datelike, Days, NaiveDate};
use serde::{Deserialize, Serialize};

use super::attendance::{Attendance, AttendanceStatus};
use super::{SavedMeeting, occurrences};
use crate::calendar::local_today;
use crate::error::{Error, Result};
use crate::store::{Record, RecordId, Store};
use crate::time::LocalInstant;

/// The window of the attendance rate.
pub const RATE_DAYS: i64 = 28;
/// Most weeks of history one call returns.
pub const MAX_HISTORY_WEEKS: u32 = 520;

/// The participant's settings for meetings: the weekly requirement and the
/// reminders they asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct MeetingSettings {
    /// Required minutes of program sessions a week, if the program sets hours.
    pub weekly_minutes: Option<u32>,
    /// Required program sessions a week, if the program sets a count.
    pub weekly_sessions: Option<u16>,
    /// Local minute of the day for the daily check-in reminder, if wanted.
    pub check_in_minute: Option<u16>,
    /// Gentle prompts in the participant's own high-risk hours.
    pub gentle_prompts: bool,
}

impl Record for MeetingSettings {
    const COLLECTION: &'static str = "meetings.settings";
    const NOUN: &'static str = "meeting_settings";
}

impl MeetingSettings {
    fn validate(self) -> Result<Self> {
        if self
            .weekly_minutes
            .is_some_and(|m| m == 0 || m > 7 * 24 * 60)
        {
            return Err(Error::invalid("weekly_minutes", "out_of_range"));
        }
        if self.weekly_sessions.is_some_and(|s| s == 0 || s > 50) {
            return Err(Error::invalid("weekly_sessions", "out_of_range"));
        }
        if self.check_in_minute.is_some_and(|m| m >= 24 * 60) {
            return Err(Error::invalid("check_in_minute", "out_of_range"));
        }
        Ok(self)
    }

    /// True if a requirement is set.
    pub fn has_requirement(&self) -> bool {
        self.weekly_minutes.is_some() || self.weekly_sessions.is_some()
    }

    /// True if `total` meets the requirement (false when none is set).
    pub fn met_by(&self, total: WeekTotal) -> bool {
        self.has_requirement()
            && self.weekly_minutes.is_none_or(|m| total.minutes >= m)
            && self
                .weekly_sessions
                .is_none_or(|s| total.sessions >= u32::from(s))
    }
}

fn settings_row(store: &Store<'_>) -> Result<Option<(RecordId, MeetingSettings)>> {
    let listing = store.list::<MeetingSettings>()?;
    if let Some(id) = listing.damaged.first() {
        // Settings are the participant's: report, never reset silently.
        return Err(Error::Integrity {
            record: id.to_string(),
        });
    }
    Ok(listing.items.into_iter().min_by_key(|(id, _)| *id))
}

/// The settings (defaults until first saved).
pub fn settings(store: &Store<'_>) -> Result<MeetingSettings> {
    Ok(settings_row(store)?.map(|(_, s)| s).unwrap_or_default())
}

/// Saves the settings.
pub fn save_settings(store: &Store<'_>, settings: MeetingSettings) -> Result<MeetingSettings> {
    let settings = settings.validate()?;
    store.atomically(|store| match settings_row(store)? {
        Some((id, _)) => store.update(&id, &settings),
        None => store.insert(&settings).map(drop),
    })?;
    Ok(settings)
}

/// Program minutes and sessions attended in one week.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct WeekTotal {
    pub minutes: u32,
    pub sessions: u32,
}

/// One week of the history.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WeekSummary {
    /// Its Monday.
    pub week_start: NaiveDate,
    pub total: WeekTotal,
    /// True if it met the requirement (false when none is set).
    pub met: bool,
}

/// This week against the requirement.
#[derive(Debug, Clone, PartialEq)]
pub struct WeekProgress {
    pub settings: MeetingSettings,
    /// This week's Monday.
    pub week_start: NaiveDate,
    pub total: WeekTotal,
    pub met: bool,
    /// Weeks in a row meeting the requirement: this one if already met,
    /// and the full weeks before it.
    pub streak_weeks: u32,
    /// Share of the scheduled occurrences of the last 28 days (excused
    /// ones left out) the participant was at; `None` with none scheduled.
    pub attendance_rate: Option<f64>,
    pub scheduled_recently: u32,
    pub attended_recently: u32,
}

/// The Monday of `date`'s week.
pub fn week_of(date: NaiveDate) -> NaiveDate {
    date - Days::new(u64::from(date.weekday().num_days_from_monday()))
}

/// Program minutes and sessions per week, from attendance records.
pub fn weekly_totals(records: &[Attendance]) -> BTreeMap<NaiveDate, WeekTotal> {
    let mut out: BTreeMap<NaiveDate, WeekTotal> = BTreeMap::new();
    for a in records
        .iter()
        .filter(|a| a.status.present() && a.kind.counts_toward_program())
    {
        let Some(date) = a.occurrence.local_date() else {
            continue;
        };
        let week = out.entry(week_of(date)).or_default();
        week.minutes += u32::from(a.minutes);
        week.sessions += 1;
    }
    out
}

/// Weeks in a row meeting the requirement, ending with `this_week` if it
/// is met so far, or else with the week before it.
pub fn streak(
    settings: &MeetingSettings,
    totals: &BTreeMap<NaiveDate, WeekTotal>,
    this_week: NaiveDate,
) -> u32 {
    let met = |w: NaiveDate| settings.met_by(totals.get(&w).copied().unwrap_or_default());
    let mut week = if met(this_week) {
        this_week
    } else {
        this_week - Days::new(7)
    };
    let mut n = 0;
    while met(week) && n < MAX_HISTORY_WEEKS {
        n += 1;
        week = week - Days::new(7);
    }
    n
}

/// Scheduled occurrences of the last [`RATE_DAYS`] that have ended, and how
/// many of them (excused ones left out) the participant was at.
pub fn recent_rate(
    meetings: &[SavedMeeting],
    records: &[Attendance],
    now: LocalInstant,
) -> Result<(u32, u32)> {
    let from = now.utc_millis - RATE_DAYS * 86_400_000;
    let recorded: HashMap<(RecordId, i64), AttendanceStatus> = records
        .iter()
        .filter(|a| a.occurrence.utc_millis >= from - 86_400_000)
        .map(|a| ((a.meeting_id, a.occurrence.utc_millis), a.status))
        .collect();
    let (mut scheduled, mut attended) = (0, 0);
    for o in occurrences(meetings, from, now.utc_millis)? {
        if o.slot.end_millis > now.utc_millis || o.slot.start_millis < from {
            continue;
        }
        match recorded.get(&(o.meeting_id, o.slot.start_millis)) {
            Some(AttendanceStatus::Excused) => {}
            Some(s) if s.present() => {
                scheduled += 1;
                attended += 1;
            }
            _ => scheduled += 1,
        }
    }
    Ok((scheduled, attended))
}

/// This week's progress, from the meetings and every attendance record.
pub fn progress(
    settings: MeetingSettings,
    meetings: &[SavedMeeting],
    records: &[Attendance],
    now: LocalInstant,
) -> Result<WeekProgress> {
    let today = local_today("now", now)?;
    let week_start = week_of(today);
    let totals = weekly_totals(records);
    let total = totals.get(&week_start).copied().unwrap_or_default();
    let (scheduled, attended) = recent_rate(meetings, records, now)?;
    Ok(WeekProgress {
        settings,
        week_start,
        total,
        met: settings.met_by(total),
        streak_weeks: streak(&settings, &totals, week_start),
        attendance_rate: (scheduled > 0).then(|| f64::from(attended) / f64::from(scheduled)),
        scheduled_recently: scheduled,
        attended_recently: attended,
    })
}

/// The last `weeks` weeks (this one included), oldest first.
pub fn history(
    settings: &MeetingSettings,
    records: &[Attendance],
    now: LocalInstant,
    weeks: u32,
) -> Result<Vec<WeekSummary>> {
    if weeks == 0 || weeks > MAX_HISTORY_WEEKS {
        return Err(Error::invalid("weeks", "out_of_range"));
    }
    let this_week = week_of(local_today("now", now)?);
    let totals = weekly_totals(records);
    Ok((0..u64::from(weeks))
        .rev()
        .map(|back| {
            let week_start = this_week - Days::new(back * 7);
            let total = totals.get(&week_start).copied().unwrap_or_default();
            WeekSummary {
                week_start,
                total,
                met: settings.met_by(total),
            }
        })
        .collect())
}

/// Every attendance record (for the weekly totals and the streak).
pub fn all_records(store: &Store<'_>) -> Result<Vec<Attendance>> {
    Ok(store
        .list::<Attendance>()?
        .items
        .into_iter()
        .map(|(_, a)| a)
        .collect())
}
