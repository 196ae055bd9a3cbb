//! The Meetings screen in one call: what is on today and this week, this
//! week's program hours against the requirement, and recent attendance.

use std::collections::HashMap;

use chrono::Days;

use super::attendance::{Attendance, AttendanceStatus, happening_now};
use super::requirement::{WeekProgress, all_records, progress, settings};
use super::{Occurrence, occurrences};
use crate::error::{Error, Result};
use crate::store::{RecordId, Store};
use crate::time::ZonedNow;

/// Recent attendance records shown.
pub const RECENT: usize = 10;

/// An occurrence with what was recorded for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Upcoming {
    pub occurrence: Occurrence,
    /// The status recorded for it, if any.
    pub status: Option<AttendanceStatus>,
}

/// Everything the Meetings screen shows.
#[derive(Debug, Clone, PartialEq)]
pub struct MeetingsScreen {
    /// Occurrences on the phone's calendar day (ended ones included).
    pub today: Vec<Upcoming>,
    /// Occurrences of the next seven days after today.
    pub this_week: Vec<Upcoming>,
    /// The occurrence "I'm here" would record now, if any.
    pub happening_now: Option<Occurrence>,
    pub progress: WeekProgress,
    /// The newest attendance records, newest first.
    pub recent: Vec<(RecordId, Attendance)>,
    /// How many meetings are on the list.
    pub meeting_count: usize,
    /// Meetings or records that failed their integrity check (kept).
    pub damaged: Vec<RecordId>,
}

/// Computes the Meetings screen at `zoned` (the phone's clock and zone).
pub fn meetings_screen(store: &Store<'_>, zoned: &ZonedNow) -> Result<MeetingsScreen> {
    let now = zoned.instant();
    let list = super::list(store)?;
    let meetings = list.meetings;
    let listing = store.list::<Attendance>()?;
    let mut damaged = list.damaged;
    damaged.extend(listing.damaged.iter().copied());
    let mut records: Vec<(RecordId, Attendance)> = listing.items;
    records.sort_by(|a, b| {
        b.1.occurrence
            .utc_millis
            .cmp(&a.1.occurrence.utc_millis)
            .then(a.0.cmp(&b.0))
    });
    let plain: Vec<Attendance> = records.iter().map(|(_, a)| a.clone()).collect();
    let status: HashMap<(RecordId, i64), AttendanceStatus> = plain
        .iter()
        .map(|a| ((a.meeting_id, a.occurrence.utc_millis), a.status))
        .collect();

    // The phone's days, midnight to midnight in its zone: a DST change in
    // the coming week moves that day's midnights with it.
    let today_date = zoned.today()?;
    let midnight = |days: u64| -> Result<i64> {
        today_date
            .checked_add_days(Days::new(days))
            .and_then(|date| zoned.start_of_day(date))
            .ok_or_else(|| Error::invalid("now", "out_of_range"))
    };
    let (start, tomorrow, week_end) = (midnight(0)?, midnight(1)?, midnight(8)?);
    let with_status = |o: Occurrence| Upcoming {
        status: status.get(&(o.meeting_id, o.slot.start_millis)).copied(),
        occurrence: o,
    };
    let mut today = Vec::new();
    let mut this_week = Vec::new();
    for o in occurrences(&meetings, start, week_end)? {
        if o.slot.start_millis < tomorrow {
            today.push(with_status(o));
        } else {
            this_week.push(with_status(o));
        }
    }
    Ok(MeetingsScreen {
        today,
        this_week,
        happening_now: happening_now(&meetings, now)?,
        progress: progress(settings(store)?, &meetings, &plain, now)?,
        recent: records.into_iter().take(RECENT).collect(),
        meeting_count: meetings.len(),
        damaged,
    })
}

/// The attendance record a participant can show (to a counselor, a court,
/// an employer): every record in `[from, until)`, oldest first.
pub fn attendance_record(
    store: &Store<'_>,
    from_millis: i64,
    until_millis: i64,
) -> Result<Vec<Attendance>> {
    if until_millis < from_millis {
        return Err(Error::invalid("until", "before_start"));
    }
    let mut out: Vec<Attendance> = all_records(store)?
        .into_iter()
        .filter(|a| (from_millis..until_millis).contains(&a.occurrence.utc_millis))
        .collect();
    out.sort_by_key(|a| a.occurrence.utc_millis);
    Ok(out)
}
