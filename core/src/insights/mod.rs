//! Insights: what the participant's own records say over a period, as
//! chart-ready records the shells draw without computing (and the counselor
//! report prints).
//!
//! - cravings per day and per week (count and mean intensity);
//! - a heat map of cravings by weekday and hour (the entry's local time);
//! - top triggers (cravings, encounters and lapses together);
//! - coping ranked by how often it worked (the craving passed without use:
//!   rode it out, left, reached out) and by how much intensity fell where an
//!   exercise session linked to the craving rated it before and after;
//! - what each exercise did for cravings (before and after);
//! - check-in mood, sleep and craving level per day;
//! - program hours per week against the requirement, and the attendance rate;
//! - each sobriety clock's streaks, with its streak history (the most
//!   recent streaks, how each ended; `sobriety::history` says how they are
//!   counted), over the clock's whole life rather than the period.
//!
//! Days are the participant's calendar days: an entry belongs to the local
//! date of its own offset.

use std::collections::{BTreeMap, HashMap};

use chrono::{Datelike, Days, NaiveDate, Timelike};

use crate::error::{Error, Result};
use crate::exercises::session::{self, Session};
use crate::logs::{CheckIn, Craving, CravingOutcome, Encounter, Lapse, Mood};
use crate::meetings::requirement::{self, WeekSummary};
use crate::plan::TriggerCategory;
use crate::sobriety::{self, ClockStatus, StreakHistory};
use crate::store::{MAX_PAGE, PageRequest, RecordId, Store, Timed};
use crate::time::LocalInstant;

/// Longest period insights cover.
pub const MAX_DAYS: i64 = 366;
/// Triggers and coping strategies listed.
pub const TOP: usize = 10;

/// One day of cravings.
#[derive(Debug, Clone, PartialEq)]
pub struct DayPoint {
    pub date: NaiveDate,
    pub cravings: u32,
    /// Mean intensity 0–10; `None` on a day without cravings.
    pub mean_intensity: Option<f64>,
}

/// One week (Monday first) of cravings.
#[derive(Debug, Clone, PartialEq)]
pub struct WeekPoint {
    pub week_start: NaiveDate,
    pub cravings: u32,
    pub mean_intensity: Option<f64>,
}

/// A trigger and how often it was logged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TriggerCount {
    pub name: String,
    pub category: TriggerCategory,
    pub count: u32,
}

/// A coping strategy and how it did.
#[derive(Debug, Clone, PartialEq)]
pub struct CopingRank {
    pub text: String,
    /// Cravings it was used for (still-ongoing ones left out).
    pub used: u32,
    /// Of those, how many passed without use.
    pub worked: u32,
    /// Mean fall in intensity (before − after), where a linked exercise
    /// session rated both; `None` without such ratings.
    pub mean_drop: Option<f64>,
}

/// One day of check-ins.
#[derive(Debug, Clone, PartialEq)]
pub struct MoodPoint {
    pub date: NaiveDate,
    /// Mean mood, 1 (very low) to 5 (very good).
    pub mood: f64,
    /// Mean craving level, 0–10.
    pub craving_level: f64,
    /// Mean hours slept, where given.
    pub sleep_hours: Option<f64>,
}

/// Everything over one period.
#[derive(Debug, Clone, PartialEq)]
pub struct Insights {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub days: Vec<DayPoint>,
    pub weeks: Vec<WeekPoint>,
    /// `heat_map[weekday][hour]`, Monday first.
    pub heat_map: [[u32; 24]; 7],
    pub top_triggers: Vec<TriggerCount>,
    pub coping: Vec<CopingRank>,
    pub exercises: Vec<session::Insight>,
    pub mood: Vec<MoodPoint>,
    pub attendance_weeks: Vec<WeekSummary>,
    /// Share of scheduled meetings attended over the last 28 days.
    pub attendance_rate: Option<f64>,
    pub clocks: Vec<ClockStatus>,
    /// Each clock's streak history ([`sobriety::history::SHOWN`] most
    /// recent streaks), in the order of `clocks`.
    pub streak_history: Vec<StreakHistory>,
    /// Records that failed their integrity check (kept, left out).
    pub damaged: Vec<RecordId>,
}

/// The records of a timed collection whose local date (by `at`) lies in
/// `[from, to]`, read a page at a time within a UTC window wide enough for
/// every real offset.
pub fn in_days<T: Timed>(
    store: &Store<'_>,
    from: NaiveDate,
    to: NaiveDate,
    at: impl Fn(&T) -> LocalInstant,
    damaged: &mut Vec<RecordId>,
) -> Result<Vec<(RecordId, T)>> {
    let bound = |d: NaiveDate, hours: i64| {
        d.and_hms_opt(0, 0, 0)
            .map(|t| t.and_utc().timestamp_millis() + hours * 3_600_000)
    };
    let (Some(lo), Some(hi)) = (bound(from, -14), to.succ_opt().and_then(|d| bound(d, 12))) else {
        return Err(Error::invalid("period", "out_of_range"));
    };
    let mut out = Vec::new();
    let mut offset = 0;
    loop {
        let page = store.page::<T>(PageRequest {
            from_millis: Some(lo),
            until_millis: Some(hi),
            offset,
            limit: MAX_PAGE,
        })?;
        let n = page.items.len();
        out.extend(
            page.items
                .into_iter()
                .filter(|(_, v)| at(v).local_date().is_some_and(|d| d >= from && d <= to)),
        );
        if offset == 0 {
            damaged.extend(page.damaged);
        }
        offset += n;
        if n < MAX_PAGE || offset >= page.total {
            break;
        }
    }
    Ok(out)
}

fn values<T>(items: Vec<(RecordId, T)>) -> Vec<T> {
    items.into_iter().map(|(_, v)| v).collect()
}

fn mean(sum: u64, n: u32) -> Option<f64> {
    (n > 0).then(|| sum as f64 / f64::from(n))
}

/// A mood as 1 (very low) to 5 (very good).
pub fn mood_value(m: Mood) -> u32 {
    match m {
        Mood::VeryLow => 1,
        Mood::Low => 2,
        Mood::Okay => 3,
        Mood::Good => 4,
        Mood::VeryGood => 5,
    }
}

/// Cravings per day of `[from, to]` and per week.
pub fn craving_series(
    cravings: &[Craving],
    from: NaiveDate,
    to: NaiveDate,
) -> (Vec<DayPoint>, Vec<WeekPoint>) {
    let mut by_day: BTreeMap<NaiveDate, (u32, u64)> = BTreeMap::new();
    for c in cravings {
        if let Some(d) = c.at.local_date() {
            let e = by_day.entry(d).or_default();
            e.0 += 1;
            e.1 += u64::from(c.intensity);
        }
    }
    let mut days = Vec::new();
    let mut weeks: BTreeMap<NaiveDate, (u32, u64)> = BTreeMap::new();
    let mut d = from;
    while d <= to {
        let (n, sum) = by_day.get(&d).copied().unwrap_or_default();
        days.push(DayPoint {
            date: d,
            cravings: n,
            mean_intensity: mean(sum, n),
        });
        let w = weeks.entry(requirement::week_of(d)).or_default();
        w.0 += n;
        w.1 += sum;
        let Some(next) = d.succ_opt() else { break };
        d = next;
    }
    let weeks = weeks
        .into_iter()
        .map(|(week_start, (n, sum))| WeekPoint {
            week_start,
            cravings: n,
            mean_intensity: mean(sum, n),
        })
        .collect();
    (days, weeks)
}

/// Cravings by weekday (Monday first) and hour, in each entry's local time.
pub fn heat_map(cravings: &[Craving]) -> [[u32; 24]; 7] {
    let mut map = [[0u32; 24]; 7];
    for c in cravings {
        if let Some(t) = c.at.to_local() {
            let day = t.weekday().num_days_from_monday() as usize;
            map[day][t.hour() as usize] += 1;
        }
    }
    map
}

/// The most logged triggers over cravings, encounters and lapses.
pub fn top_triggers(
    cravings: &[Craving],
    encounters: &[Encounter],
    lapses: &[Lapse],
) -> Vec<TriggerCount> {
    let mut counts: HashMap<String, TriggerCount> = HashMap::new();
    let tags = cravings
        .iter()
        .flat_map(|c| &c.triggers)
        .chain(encounters.iter().flat_map(|e| &e.triggers))
        .chain(lapses.iter().flat_map(|l| &l.triggers));
    for t in tags {
        counts
            .entry(t.key())
            .or_insert_with(|| TriggerCount {
                name: t.name.clone(),
                category: t.category,
                count: 0,
            })
            .count += 1;
    }
    let mut out: Vec<TriggerCount> = counts.into_values().collect();
    out.sort_by(|a, b| b.count.cmp(&a.count).then(a.name.cmp(&b.name)));
    out.truncate(TOP);
    out
}

/// Coping strategies by how often they worked, then by how much intensity
/// fell, then by use.
pub fn coping_ranks(cravings: &[(RecordId, Craving)], sessions: &[Session]) -> Vec<CopingRank> {
    let drops: HashMap<RecordId, i32> = sessions
        .iter()
        .filter_map(|s| Some((s.craving_id?, s.craving_drop()?)))
        .collect();
    struct Acc {
        text: String,
        used: u32,
        worked: u32,
        drops: i64,
        rated: u32,
    }
    let mut by_key: HashMap<String, Acc> = HashMap::new();
    for (id, c) in cravings {
        if c.outcome == CravingOutcome::Ongoing {
            continue;
        }
        let worked = matches!(
            c.outcome,
            CravingOutcome::RodeItOut
                | CravingOutcome::LeftTheSituation
                | CravingOutcome::ReachedOut
        );
        for tag in &c.coping {
            let key = tag
                .plan_coping_id
                .clone()
                .unwrap_or_else(|| tag.text.trim().to_lowercase());
            let acc = by_key.entry(key).or_insert(Acc {
                text: tag.text.clone(),
                used: 0,
                worked: 0,
                drops: 0,
                rated: 0,
            });
            acc.used += 1;
            acc.worked += u32::from(worked);
            if let Some(d) = drops.get(id) {
                acc.drops += i64::from(*d);
                acc.rated += 1;
            }
        }
    }
    let mut out: Vec<CopingRank> = by_key
        .into_values()
        .map(|a| CopingRank {
            text: a.text,
            used: a.used,
            worked: a.worked,
            mean_drop: (a.rated > 0).then(|| a.drops as f64 / f64::from(a.rated)),
        })
        .collect();
    let rate = |c: &CopingRank| f64::from(c.worked) / f64::from(c.used.max(1));
    out.sort_by(|a, b| {
        rate(b)
            .total_cmp(&rate(a))
            .then(
                b.mean_drop
                    .unwrap_or(f64::MIN)
                    .total_cmp(&a.mean_drop.unwrap_or(f64::MIN)),
            )
            .then(b.used.cmp(&a.used))
            .then(a.text.cmp(&b.text))
    });
    out.truncate(TOP);
    out
}

/// Check-ins per day: mean mood, craving level and sleep.
pub fn mood_series(checkins: &[CheckIn]) -> Vec<MoodPoint> {
    let mut by_day: BTreeMap<NaiveDate, (u32, u32, u32, u64, u32)> = BTreeMap::new();
    for c in checkins {
        let Some(d) = c.at.local_date() else { continue };
        let e = by_day.entry(d).or_default();
        e.0 += 1;
        e.1 += mood_value(c.mood);
        e.2 += u32::from(c.craving_level);
        if let Some(s) = c.sleep_minutes {
            e.3 += u64::from(s);
            e.4 += 1;
        }
    }
    by_day
        .into_iter()
        .map(|(date, (n, mood, level, sleep, slept))| MoodPoint {
            date,
            mood: f64::from(mood) / f64::from(n),
            craving_level: f64::from(level) / f64::from(n),
            sleep_hours: mean(sleep, slept).map(|m| m / 60.0),
        })
        .collect()
}

/// Checks a period: `from` not after `to`, at most [`MAX_DAYS`].
pub fn check_period(from: NaiveDate, to: NaiveDate) -> Result<()> {
    if from > to {
        return Err(Error::invalid("period", "starts_after_end"));
    }
    if (to - from).num_days() >= MAX_DAYS {
        return Err(Error::invalid("period", "too_long"));
    }
    Ok(())
}

/// Every insight over `[from, to]` (the participant's days).
pub fn insights(
    store: &Store<'_>,
    from: NaiveDate,
    to: NaiveDate,
    now: LocalInstant,
) -> Result<Insights> {
    check_period(from, to)?;
    now.validate("now")?;
    let mut damaged = Vec::new();
    // Coping needs craving ids (to find linked sessions).
    let with_ids = in_days::<Craving>(store, from, to, |c| c.at, &mut damaged)?;
    let cravings: Vec<Craving> = with_ids.iter().map(|(_, c)| c.clone()).collect();
    let encounters: Vec<Encounter> = values(in_days(
        store,
        from,
        to,
        |e: &Encounter| e.at,
        &mut damaged,
    )?);
    let lapses: Vec<Lapse> = values(in_days(store, from, to, |l: &Lapse| l.at, &mut damaged)?);
    let checkins: Vec<CheckIn> =
        values(in_days(store, from, to, |c: &CheckIn| c.at, &mut damaged)?);
    let sessions: Vec<Session> = values(in_days(
        store,
        from,
        to,
        |s: &Session| s.started_at,
        &mut damaged,
    )?);
    let (days, weeks) = craving_series(&cravings, from, to);

    let settings = requirement::settings(store)?;
    let records = requirement::all_records(store)?;
    let meetings = crate::meetings::list(store)?.meetings;
    let (scheduled, attended) = requirement::recent_rate(&meetings, &records, now)?;
    let weeks_covered = u32::try_from((to - from).num_days() / 7 + 1).unwrap_or(1);
    let end_of_period = now.local_date().map_or(to, |today| to.min(today));
    let attendance_weeks =
        requirement::history(&settings, &records, now, weeks_covered.clamp(1, 53))?
            .into_iter()
            .filter(|w| w.week_start <= end_of_period && w.week_start + Days::new(6) >= from)
            .collect();
    damaged.sort();
    damaged.dedup();
    let (clocks, streak_history) =
        sobriety::statuses_with_history(store, now, sobriety::history::SHOWN)?
            .into_iter()
            .unzip();
    Ok(Insights {
        from,
        to,
        days,
        weeks,
        heat_map: heat_map(&cravings),
        top_triggers: top_triggers(&cravings, &encounters, &lapses),
        coping: coping_ranks(&with_ids, &sessions),
        exercises: session::insights_of(sessions.iter()),
        mood: mood_series(&checkins),
        attendance_weeks,
        attendance_rate: (scheduled > 0).then(|| f64::from(attended) / f64::from(scheduled)),
        clocks,
        streak_history,
        damaged,
    })
}

#[cfg(test)]
mod tests;
