//! When each measure is due: one sealed settings record
//! (`measures.schedule`) with an entry per measure the participant (or their
//! program) changed; every other measure keeps its default (the BAM weekly,
//! the others off until chosen).
//!
//! A reminder is off until the participant picks a time for it, like the
//! daily check-in's.
//!
//! A measure is due on the local date of its last response plus its
//! interval, or today if it was never answered. Its reminder (if it has a
//! reminder time) is the first wall-clock time on or after the due date
//! that lies after now: one at a time, recomputed whenever the shell asks
//! for reminders again.

use std::collections::BTreeMap;

use chrono::{Days, NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use super::Response;
use super::catalog::measure;
use super::model::MeasureId;
use crate::calendar::days_between;
use crate::error::{Error, Result};
use crate::store::{Record, RecordId, Store};
use crate::time::{LocalInstant, ZonedNow};

/// Longest interval between two responses.
pub const MAX_EVERY_DAYS: u16 = 90;

/// One measure's schedule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Schedule {
    pub measure: MeasureId,
    /// Whether it is due at all.
    pub enabled: bool,
    /// Days between responses (1 to [`MAX_EVERY_DAYS`]); also how long a
    /// response stays editable.
    pub every_days: u16,
    /// Local minute of the day for its reminder, if one is wanted.
    pub reminder_minute: Option<u16>,
}

impl Schedule {
    /// The schedule before the participant chooses.
    pub fn default_for(id: MeasureId) -> Schedule {
        let m = measure(id);
        Schedule {
            measure: id,
            enabled: m.on_by_default,
            every_days: m.default_every_days,
            // Like the daily check-in's, a reminder is only scheduled once
            // the participant picks a time.
            reminder_minute: None,
        }
    }

    fn validated(self) -> Result<Schedule> {
        if self.every_days == 0 || self.every_days > MAX_EVERY_DAYS {
            return Err(Error::invalid("every_days", "out_of_range"));
        }
        if self.reminder_minute.is_some_and(|m| m >= 24 * 60) {
            return Err(Error::invalid("reminder_minute", "out_of_range"));
        }
        Ok(self)
    }
}

/// The stored schedules: only those changed from their default.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Schedules {
    pub entries: Vec<Schedule>,
}

impl Record for Schedules {
    const COLLECTION: &'static str = "measures.schedule";
    const NOUN: &'static str = "measure_schedule";
}

fn row(store: &Store<'_>) -> Result<Option<(RecordId, Schedules)>> {
    let listing = store.list::<Schedules>()?;
    if let Some(id) = listing.damaged.first() {
        // The participant's choices: reported, never silently reset.
        return Err(Error::Integrity {
            record: id.to_string(),
        });
    }
    Ok(listing.items.into_iter().min_by_key(|(id, _)| *id))
}

/// Every measure's schedule, in [`MeasureId::ALL`] order.
pub fn all(store: &Store<'_>) -> Result<Vec<Schedule>> {
    let stored = row(store)?.map(|(_, s)| s).unwrap_or_default();
    Ok(MeasureId::ALL
        .iter()
        .map(|id| {
            stored
                .entries
                .iter()
                .find(|s| s.measure == *id)
                .copied()
                .unwrap_or_else(|| Schedule::default_for(*id))
        })
        .collect())
}

/// The schedule of `id`.
pub fn get(store: &Store<'_>, id: MeasureId) -> Result<Schedule> {
    Ok(all(store)?
        .into_iter()
        .find(|s| s.measure == id)
        .unwrap_or_else(|| Schedule::default_for(id)))
}

/// Saves one measure's schedule; returns every schedule.
pub fn set(store: &Store<'_>, schedule: Schedule) -> Result<Vec<Schedule>> {
    let schedule = schedule.validated()?;
    store.atomically(|s| {
        let existing = row(s)?;
        let mut entries = existing
            .as_ref()
            .map(|(_, v)| v.entries.clone())
            .unwrap_or_default();
        entries.retain(|e| e.measure != schedule.measure);
        entries.push(schedule);
        entries.sort_by_key(|e| e.measure);
        let value = Schedules { entries };
        match existing {
            Some((id, _)) => s.update(&id, &value)?,
            None => drop(s.insert(&value)?),
        }
        all(s)
    })
}

/// A measure that is due.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Due {
    pub measure: MeasureId,
    /// The local date it became due.
    pub due_date: NaiveDate,
    /// Days since then (0: due today).
    pub days_overdue: u32,
    /// When it was last answered, if ever.
    pub last_taken: Option<LocalInstant>,
}

/// The date `schedule` is next due after a response at `last` (today if
/// never answered).
pub fn next_due(schedule: &Schedule, last: Option<LocalInstant>, today: NaiveDate) -> NaiveDate {
    last.and_then(LocalInstant::local_date)
        .and_then(|d| d.checked_add_days(Days::new(u64::from(schedule.every_days))))
        .unwrap_or(today)
}

/// The newest response time of every measure.
pub fn last_taken(store: &Store<'_>) -> Result<BTreeMap<MeasureId, LocalInstant>> {
    let mut out: BTreeMap<MeasureId, LocalInstant> = BTreeMap::new();
    for (_, r) in store.list::<Response>()?.items {
        let newer = out
            .get(&r.measure)
            .is_none_or(|t| t.utc_millis < r.taken_at.utc_millis);
        if newer {
            out.insert(r.measure, r.taken_at);
        }
    }
    Ok(out)
}

/// The measures due on `today` from their schedules and last responses.
pub fn due_from(
    schedules: &[Schedule],
    last: &BTreeMap<MeasureId, LocalInstant>,
    today: NaiveDate,
) -> Vec<Due> {
    schedules
        .iter()
        .filter(|s| s.enabled)
        .filter_map(|s| {
            let last_taken = last.get(&s.measure).copied();
            let due_date = next_due(s, last_taken, today);
            (due_date <= today).then(|| Due {
                measure: s.measure,
                due_date,
                days_overdue: u32::try_from(days_between(due_date, today)).unwrap_or(0),
                last_taken,
            })
        })
        .collect()
}

/// The measures due at `now`, in [`MeasureId::ALL`] order.
pub fn due(store: &Store<'_>, now: &ZonedNow) -> Result<Vec<Due>> {
    let today = now.today()?;
    Ok(due_from(&all(store)?, &last_taken(store)?, today))
}

/// When to remind about each scheduled measure in `(now, until_millis]`:
/// the first reminder time on or after its due date that lies after now.
pub fn reminder_times(
    store: &Store<'_>,
    now: &ZonedNow,
    until_millis: i64,
) -> Result<Vec<(MeasureId, NaiveDate, i64)>> {
    let today = now.today()?;
    let last = last_taken(store)?;
    let now_millis = now.utc_millis();
    let mut out = Vec::new();
    for s in all(store)?.into_iter().filter(|s| s.enabled) {
        let Some(minute) = s.reminder_minute else {
            continue;
        };
        let Some(time) = NaiveTime::from_num_seconds_from_midnight_opt(u32::from(minute) * 60, 0)
        else {
            continue;
        };
        let mut date = next_due(&s, last.get(&s.measure).copied(), today).max(today);
        while let Some(at) = now.start_of_day(date)
            && at <= until_millis
        {
            if let Some(at) = now.wall_clock(date, time)
                && at.utc_millis > now_millis
            {
                if at.utc_millis <= until_millis {
                    out.push((s.measure, date, at.utc_millis));
                }
                break;
            }
            let Some(next) = date.succ_opt() else { break };
            date = next;
        }
    }
    Ok(out)
}
