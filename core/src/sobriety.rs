//! Sobriety clocks: one or more (per substance, say), each from a sobriety
//! date in the participant's local calendar.
//!
//! Conventions (those of 12-step fellowships):
//! - the **sobriety date** is the first day without use; on that day the
//!   clock shows 0 days, the next day 1 day ("24 hours");
//! - days are **calendar days** in the participant's calendar (the local date
//!   of "now" and of each lapse, in the offset recorded with it), never
//!   durations divided by 24 hours: DST changes and travel cannot add or lose
//!   a day; months and years are calendar months (Aug 31 + 6 months is the
//!   last day of February);
//! - a **lapse** that the participant chose to let reset a clock moves its
//!   current start to the day after the lapse; a lapse that does not reset
//!   leaves the streak alone. Either way the lapse stays in the history and
//!   the day of a lapse is never counted as a sober day in the total;
//! - **longest streak** is the longest run between resets (including the
//!   current one); deleting or editing a lapse recomputes everything, since
//!   the clock is derived from the clock's date and the lapses, never stored;
//! - the **streak history** ([`history`]) lists every streak between resets,
//!   the longest of them being the longest streak.
//!
//! Milestones: 24 hours, 7, 30, 60 and 90 days, 6 and 9 months, 1 year, 18
//! months, then every year.

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::calendar::{date_serde, days_between, local_today, validate_past_date};
use crate::error::{Error, Result};
use crate::store::{Record, RecordId, Store};
use crate::summary::Held;
use crate::summary::lapses::{LapseFact, LapseIndex};
use crate::time::LocalInstant;
use crate::validate::{SHORT_TEXT_MAX, required_text};

pub mod history;

pub use history::{Streak, StreakHistory};

/// Most clocks a participant may keep.
pub const MAX_CLOCKS: usize = 20;

/// A clock as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Clock {
    /// What it counts: "Alcohol", "Opioids", "Everything".
    pub label: String,
    /// The first day without use.
    #[serde(with = "date_serde")]
    pub sobriety_date: NaiveDate,
}

impl Record for Clock {
    const COLLECTION: &'static str = "sobriety.clock";
    const NOUN: &'static str = "clock";
}

impl Clock {
    /// Validates a draft against `now`.
    pub fn new(label: &str, sobriety_date: NaiveDate, now: LocalInstant) -> Result<Clock> {
        now.validate("now")?;
        Ok(Clock {
            label: required_text("label", label, SHORT_TEXT_MAX)?,
            sobriety_date: validate_past_date("sobriety_date", sobriety_date, now)?,
        })
    }
}

/// The unit a milestone is counted in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum MilestoneUnit {
    Hours,
    Days,
    Months,
    Years,
}

/// A milestone: "90 days", reached on `date`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Milestone {
    pub unit: MilestoneUnit,
    pub count: u32,
    /// The calendar day it is reached.
    pub date: NaiveDate,
    /// Days from today to `date` (0 if reached today).
    pub days_away: u32,
}

/// A clock as the screens show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClockStatus {
    pub id: RecordId,
    pub label: String,
    /// The clock's own sobriety date.
    pub sobriety_date: NaiveDate,
    /// The first day of the current streak (after the last reset).
    pub streak_start: NaiveDate,
    /// Days in the current streak.
    pub current_days: u32,
    /// The longest streak, in days (at least the current one).
    pub longest_days: u32,
    /// Days since the sobriety date without a logged lapse.
    pub total_sober_days: u32,
    /// Lapses logged against this clock since its sobriety date.
    pub lapses: u32,
    /// The next milestone of the current streak.
    pub next_milestone: Milestone,
    /// A milestone reached today, to celebrate.
    pub milestone_today: Option<Milestone>,
}

/// The streak figures of one clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Streaks {
    pub streak_start: NaiveDate,
    pub current_days: u32,
    pub longest_days: u32,
    pub total_sober_days: u32,
    pub lapses: u32,
}

fn days(n: i64) -> u32 {
    u32::try_from(n.max(0)).unwrap_or(u32::MAX)
}

/// The streaks of a clock starting `start`, with `lapses` (local date, and
/// whether it resets), on `today`. Pure calendar arithmetic.
pub fn streaks(start: NaiveDate, lapses: &[(NaiveDate, bool)], today: NaiveDate) -> Streaks {
    let mut sorted: Vec<(NaiveDate, bool)> = lapses
        .iter()
        .copied()
        .filter(|(d, _)| *d >= start)
        .collect();
    sorted.sort();
    let mut current_start = start;
    let mut longest = 0i64;
    for &(date, resets) in &sorted {
        if resets && date >= current_start {
            longest = longest.max(days_between(current_start, date.min(today)));
            current_start = date.succ_opt().unwrap_or(date);
        }
    }
    let current = days_between(current_start, today).max(0);
    longest = longest.max(current);
    let mut lapse_days: Vec<NaiveDate> = sorted
        .iter()
        .map(|(d, _)| *d)
        .filter(|d| *d < today)
        .collect();
    lapse_days.dedup();
    let total = days_between(start, today).max(0) - lapse_days.len() as i64;
    Streaks {
        streak_start: current_start,
        current_days: days(current),
        longest_days: days(longest),
        total_sober_days: days(total),
        lapses: u32::try_from(sorted.len()).unwrap_or(u32::MAX),
    }
}

/// The milestones of a streak starting `start`, in order, while `keep_going`
/// says so.
fn milestones(start: NaiveDate) -> impl Iterator<Item = (MilestoneUnit, u32, Option<NaiveDate>)> {
    let fixed = [
        (MilestoneUnit::Hours, 24),
        (MilestoneUnit::Days, 7),
        (MilestoneUnit::Days, 30),
        (MilestoneUnit::Days, 60),
        (MilestoneUnit::Days, 90),
        (MilestoneUnit::Months, 6),
        (MilestoneUnit::Months, 9),
        (MilestoneUnit::Years, 1),
        (MilestoneUnit::Months, 18),
    ];
    fixed
        .into_iter()
        .chain((2u32..).map(|y| (MilestoneUnit::Years, y)))
        .map(move |(unit, count)| {
            let date = match unit {
                MilestoneUnit::Hours => start.succ_opt(),
                MilestoneUnit::Days => start.checked_add_days(chrono::Days::new(u64::from(count))),
                MilestoneUnit::Months => start.checked_add_months(Months::new(count)),
                MilestoneUnit::Years => count
                    .checked_mul(12)
                    .and_then(|m| start.checked_add_months(Months::new(m))),
            };
            (unit, count, date)
        })
}

/// The next milestone after `today` of a streak starting `start`, and one
/// reached exactly today, if any.
pub fn next_milestone(start: NaiveDate, today: NaiveDate) -> (Milestone, Option<Milestone>) {
    let mut reached = None;
    for (unit, count, date) in milestones(start) {
        let Some(date) = date else { break };
        let milestone = Milestone {
            unit,
            count,
            date,
            days_away: days(days_between(today, date)),
        };
        if date == today {
            reached = Some(milestone);
        } else if date > today {
            return (milestone, reached);
        }
    }
    // Only at the very end of the calendar (year 262143): nothing further.
    let end = Milestone {
        unit: MilestoneUnit::Years,
        count: u32::MAX,
        date: NaiveDate::MAX,
        days_away: days(days_between(today, NaiveDate::MAX)),
    };
    (end, reached)
}

/// The status of one clock on `today`, given the lapse index.
pub fn status(id: RecordId, clock: &Clock, lapses: &[&LapseFact], today: NaiveDate) -> ClockStatus {
    let facts: Vec<(NaiveDate, bool)> = lapses.iter().map(|f| (f.date, f.resets)).collect();
    status_of(id, clock, &facts, today)
}

/// Every clock with its lapses (local date, resets) at `now`, oldest
/// sobriety date first, and today (inside the caller's transaction; repairs
/// the lapse index if needed).
#[allow(clippy::type_complexity)]
fn clocks_in(
    store: &Store<'_>,
    now: LocalInstant,
) -> Result<(NaiveDate, Vec<(RecordId, Clock, Vec<(NaiveDate, bool)>)>)> {
    let today = local_today("now", now)?;
    let mut index = Held::<LapseIndex>::load(store)?;
    index.save(store)?;
    let mut clocks = store.list::<Clock>()?.items;
    clocks.sort_by(|(a_id, a), (b_id, b)| {
        (a.sobriety_date, &a.label, a_id).cmp(&(b.sobriety_date, &b.label, b_id))
    });
    let clocks = clocks
        .into_iter()
        .map(|(id, clock)| {
            let facts = index
                .value
                .for_clock(id)
                .map(|f| (f.date, f.resets))
                .collect();
            (id, clock, facts)
        })
        .collect();
    Ok((today, clocks))
}

/// The status of one clock from its lapses (local date, resets).
fn status_of(
    id: RecordId,
    clock: &Clock,
    facts: &[(NaiveDate, bool)],
    today: NaiveDate,
) -> ClockStatus {
    let s = streaks(clock.sobriety_date, facts, today);
    let (next_milestone, milestone_today) = next_milestone(s.streak_start, today);
    ClockStatus {
        id,
        label: clock.label.clone(),
        sobriety_date: clock.sobriety_date,
        streak_start: s.streak_start,
        current_days: s.current_days,
        longest_days: s.longest_days,
        total_sober_days: s.total_sober_days,
        lapses: s.lapses,
        next_milestone,
        milestone_today,
    }
}

/// Every clock's status at `now`, oldest sobriety date first (inside the
/// caller's transaction; repairs the lapse index if needed).
pub(crate) fn statuses_in(store: &Store<'_>, now: LocalInstant) -> Result<Vec<ClockStatus>> {
    let (today, clocks) = clocks_in(store, now)?;
    Ok(clocks
        .iter()
        .map(|(id, clock, facts)| status_of(*id, clock, facts, today))
        .collect())
}

/// Every clock's status at `now` with its streak history (the `limit` most
/// recent streaks, 1 to [`history::MAX_STREAKS`]), in the order of
/// [`statuses`]. One pass over the lapse index for both.
pub fn statuses_with_history(
    store: &Store<'_>,
    now: LocalInstant,
    limit: usize,
) -> Result<Vec<(ClockStatus, StreakHistory)>> {
    store.atomically(|s| {
        let (today, clocks) = clocks_in(s, now)?;
        clocks
            .iter()
            .map(|(id, clock, facts)| {
                let h = history::history(clock.sobriety_date, facts, today, limit)?;
                Ok((status_of(*id, clock, facts, today), h))
            })
            .collect()
    })
}

/// Every clock's status at `now`.
pub fn statuses(store: &Store<'_>, now: LocalInstant) -> Result<Vec<ClockStatus>> {
    store.atomically(|s| statuses_in(s, now))
}

/// Adds a clock.
pub fn add(
    store: &Store<'_>,
    label: &str,
    sobriety_date: NaiveDate,
    now: LocalInstant,
) -> Result<(RecordId, Clock)> {
    let clock = Clock::new(label, sobriety_date, now)?;
    store.atomically(|s| {
        if s.count::<Clock>()? >= MAX_CLOCKS as u64 {
            return Err(Error::invalid("clocks", "too_many"));
        }
        Ok((s.insert(&clock)?, clock))
    })
}

/// Changes clock `id` (its label or its sobriety date).
pub fn update(
    store: &Store<'_>,
    id: RecordId,
    label: &str,
    sobriety_date: NaiveDate,
    now: LocalInstant,
) -> Result<Clock> {
    let clock = Clock::new(label, sobriety_date, now)?;
    store.update(&id, &clock)?;
    Ok(clock)
}

/// Deletes clock `id`. Lapses that named it stay in the history.
pub fn delete(store: &Store<'_>, id: RecordId) -> Result<()> {
    store.delete::<Clock>(&id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn first_day_is_zero_and_the_next_is_24_hours() {
        let s = streaks(d(2025, 1, 1), &[], d(2025, 1, 1));
        assert_eq!(
            (s.current_days, s.longest_days, s.total_sober_days),
            (0, 0, 0)
        );
        let (next, today) = next_milestone(d(2025, 1, 1), d(2025, 1, 1));
        assert_eq!(
            (next.unit, next.count, next.days_away),
            (MilestoneUnit::Hours, 24, 1)
        );
        assert!(today.is_none());
        let (next, today) = next_milestone(d(2025, 1, 1), d(2025, 1, 2));
        assert_eq!(today.map(|m| m.unit), Some(MilestoneUnit::Hours));
        assert_eq!(
            (next.unit, next.count, next.date),
            (MilestoneUnit::Days, 7, d(2025, 1, 8))
        );
    }

    #[test]
    fn milestones_follow_the_calendar() {
        let start = d(2024, 8, 31);
        let all: Vec<(MilestoneUnit, u32, NaiveDate)> = milestones(start)
            .take(12)
            .map(|(u, c, date)| (u, c, date.unwrap()))
            .collect();
        use MilestoneUnit::*;
        assert_eq!(
            all,
            vec![
                (Hours, 24, d(2024, 9, 1)),
                (Days, 7, d(2024, 9, 7)),
                (Days, 30, d(2024, 9, 30)),
                (Days, 60, d(2024, 10, 30)),
                (Days, 90, d(2024, 11, 29)),
                (Months, 6, d(2025, 2, 28)),
                (Months, 9, d(2025, 5, 31)),
                (Years, 1, d(2025, 8, 31)),
                (Months, 18, d(2026, 2, 28)),
                (Years, 2, d(2026, 8, 31)),
                (Years, 3, d(2027, 8, 31)),
                (Years, 4, d(2028, 8, 31)),
            ]
        );
        // A leap day start: a year later is Feb 28.
        let (next, _) = next_milestone(d(2024, 2, 29), d(2025, 1, 1));
        assert_eq!((next.unit, next.date), (Years, d(2025, 2, 28)));
        let (next, _) = next_milestone(d(2020, 1, 1), d(2030, 6, 1));
        assert_eq!(
            (next.unit, next.count, next.date),
            (Years, 11, d(2031, 1, 1))
        );
    }

    #[test]
    fn lapses_reset_only_when_chosen_and_are_never_sober_days() {
        let start = d(2025, 1, 1);
        let today = d(2025, 3, 1); // 59 days later
        let none = streaks(start, &[], today);
        assert_eq!(
            (none.current_days, none.longest_days, none.total_sober_days),
            (59, 59, 59)
        );

        // A lapse on Jan 31 that resets: the streak restarts Feb 1.
        let reset = streaks(start, &[(d(2025, 1, 31), true)], today);
        assert_eq!(reset.streak_start, d(2025, 2, 1));
        assert_eq!(reset.current_days, 28);
        assert_eq!(reset.longest_days, 30);
        assert_eq!(reset.total_sober_days, 58);
        assert_eq!(reset.lapses, 1);

        // The same lapse without a reset: the streak goes on, the total
        // still leaves that day out.
        let kept = streaks(start, &[(d(2025, 1, 31), false)], today);
        assert_eq!((kept.streak_start, kept.current_days), (start, 59));
        assert_eq!(kept.total_sober_days, 58);

        // A lapse today that resets: 0 days, starting again tomorrow.
        let now = streaks(start, &[(today, true)], today);
        assert_eq!(now.current_days, 0);
        assert_eq!(now.streak_start, d(2025, 3, 2));
        assert_eq!(now.longest_days, 59);
        assert_eq!(now.total_sober_days, 59);

        // Two lapses on one day count once; lapses before the start don't.
        let two = streaks(
            start,
            &[
                (d(2025, 2, 10), true),
                (d(2025, 2, 10), true),
                (d(2024, 12, 1), true),
            ],
            today,
        );
        assert_eq!(two.streak_start, d(2025, 2, 11));
        assert_eq!(two.total_sober_days, 58);
        assert_eq!(two.lapses, 2);
    }

    #[test]
    fn clocks_are_added_changed_and_deleted_with_checked_input() {
        let dir = tempfile::tempdir().unwrap();
        let v = crate::Vault::create(
            dir.path().join("v").to_str().unwrap(),
            "a long enough passphrase",
        )
        .unwrap();
        let s = v.store().unwrap();
        // 2025-11-24T03:00Z: the 23rd in New York.
        let now = LocalInstant {
            utc_millis: 1_763_953_200_000,
            offset_minutes: -300,
        };
        let field = |r: Result<(RecordId, Clock)>| match r {
            Err(Error::InvalidInput { field, .. }) => field,
            other => panic!("expected invalid input, got {other:?}"),
        };
        assert_eq!(field(add(&s, " ", d(2025, 1, 1), now)), "label");
        assert_eq!(field(add(&s, "x", d(2025, 11, 24), now)), "sobriety_date");
        assert_eq!(field(add(&s, "x", d(1999, 1, 1), now)), "sobriety_date");
        let (id, clock) = add(&s, " Alcohol ", d(2025, 11, 23), now).unwrap();
        assert_eq!(clock.label, "Alcohol");
        let st = statuses(&s, now).unwrap();
        assert_eq!((st[0].id, st[0].current_days), (id, 0));
        update(&s, id, "Alcohol", d(2025, 10, 24), now).unwrap();
        assert_eq!(statuses(&s, now).unwrap()[0].current_days, 30);
        assert!(matches!(
            update(&s, id, "Alcohol", d(2025, 12, 1), now),
            Err(Error::InvalidInput {
                field: "sobriety_date",
                ..
            })
        ));
        for i in 1..MAX_CLOCKS {
            add(&s, &format!("clock {i}"), d(2025, 1, 1), now).unwrap();
        }
        assert_eq!(field(add(&s, "one too many", d(2025, 1, 1), now)), "clocks");
        delete(&s, id).unwrap();
        assert!(matches!(
            delete(&s, id),
            Err(Error::NotFound { what: "clock" })
        ));
        assert!(matches!(
            update(&s, id, "x", d(2025, 1, 1), now),
            Err(Error::NotFound { what: "clock" })
        ));
    }

    proptest! {
        /// The figures depend only on calendar days: shifting every date by
        /// the same number of days changes nothing.
        #[test]
        fn translation_invariant(
            start in 0i64..3000,
            lapses in proptest::collection::vec((0i64..3000, any::<bool>()), 0..20),
            today in 0i64..4000,
            shift in -500i64..500,
        ) {
            let base = d(2010, 1, 1);
            let day = |n: i64| base + chrono::Duration::days(n);
            let facts: Vec<(NaiveDate, bool)> = lapses.iter().map(|(n, r)| (day(*n), *r)).collect();
            let shifted: Vec<(NaiveDate, bool)> = lapses.iter().map(|(n, r)| (day(n + shift), *r)).collect();
            let a = streaks(day(start), &facts, day(today));
            let b = streaks(day(start + shift), &shifted, day(today + shift));
            prop_assert_eq!((a.current_days, a.longest_days, a.total_sober_days, a.lapses),
                            (b.current_days, b.longest_days, b.total_sober_days, b.lapses));
        }

        /// Current never exceeds longest; nothing exceeds the days since the
        /// start; with only resetting lapses the total covers the longest.
        #[test]
        fn streak_bounds(
            start in 0i64..3000,
            lapses in proptest::collection::vec((0i64..3000, any::<bool>()), 0..20),
            today in 0i64..4000,
        ) {
            let base = d(2010, 1, 1);
            let day = |n: i64| base + chrono::Duration::days(n);
            let facts: Vec<(NaiveDate, bool)> = lapses.iter().map(|(n, r)| (day(*n), *r)).collect();
            let s = streaks(day(start), &facts, day(today));
            let span = days((today - start).max(0));
            prop_assert!(s.current_days <= s.longest_days);
            prop_assert!(s.longest_days <= span);
            prop_assert!(s.total_sober_days <= span);
            if facts.iter().all(|(_, r)| *r) {
                prop_assert!(s.longest_days <= s.total_sober_days);
            }
            // A new resetting lapse today never lengthens the current streak.
            let mut more = facts.clone();
            more.push((day(today), true));
            prop_assert!(streaks(day(start), &more, day(today)).current_days <= s.current_days);
        }

        /// The next milestone is after today, and no milestone lies between
        /// today and it.
        #[test]
        fn next_milestone_is_the_first_after_today(start in 0i64..5000, ahead in 0i64..8000) {
            let base = d(2005, 1, 1);
            let start = base + chrono::Duration::days(start);
            let today = start + chrono::Duration::days(ahead);
            let (next, reached) = next_milestone(start, today);
            prop_assert!(next.date > today);
            prop_assert_eq!(i64::from(next.days_away), days_between(today, next.date));
            for (_, _, date) in milestones(start).take_while(|(_, _, d)| d.is_some_and(|d| d <= next.date)) {
                let date = date.unwrap();
                prop_assert!(date <= today || date == next.date);
            }
            if let Some(r) = reached {
                prop_assert_eq!(r.date, today);
            }
        }
    }
}
