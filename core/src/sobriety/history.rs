//! A clock's streak history: every run of sober days between the resets the
//! participant chose, so Insights can show the streaks honestly rather than
//! only the current and the longest one.
//!
//! Counted with the conventions of [`super::streaks`] (calendar days, never
//! durations):
//! - a streak starts on the sobriety date or on the day after a lapse that
//!   reset the clock, and a finished one ends on the day before the next
//!   resetting lapse; the lapse day belongs to no streak;
//! - a finished streak's `days` are its calendar days, first and last
//!   included; the current one's are the days since its first day (today is
//!   not yet a whole day), which is the clock's `current_days`;
//! - a lapse that did not reset stays inside its streak: its day is counted
//!   in the streak's `days` (as the clock counts it), and the lapse in the
//!   streak's `lapses_within`;
//! - a resetting lapse on a streak's first day (a lapse on the sobriety
//!   date, or on the day after another reset) ends no streak, as there was
//!   no sober day to end; two lapses on one day are one reset;
//! - a lapse dated after today (logged in another time zone, where the date
//!   had already turned) is taken as today's.
//!
//! The largest `days` of the history is the clock's `longest_days`. The
//! history is bounded ([`history`]) so hundreds of lapses never become an
//! unbounded list across the FFI: the most recent streaks, and how many
//! older ones were left out.

use chrono::NaiveDate;

use super::days;
use crate::calendar::days_between;
use crate::error::{Error, Result};

/// Most streaks one history may hold.
pub const MAX_STREAKS: usize = 100;
/// Streaks the Insights screen shows per clock (the most recent ones).
pub const SHOWN: usize = 12;

/// One streak of a clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Streak {
    /// The first sober day.
    pub first_day: NaiveDate,
    /// The last sober day; `None` for the current streak, still going.
    pub last_day: Option<NaiveDate>,
    /// Calendar days in the streak (see the module doc).
    pub days: u32,
    /// The day of the lapse that reset the clock and ended the streak;
    /// `None` for the current one.
    pub reset_on: Option<NaiveDate>,
    /// Lapses that the participant chose not to let reset the clock, logged
    /// on a day of this streak.
    pub lapses_within: u32,
}

/// The most recent streaks of a clock, oldest first, the last being the
/// current one; `older` streaks before them were left out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StreakHistory {
    pub streaks: Vec<Streak>,
    pub older: u32,
}

/// Every streak of a clock whose sobriety date is `start`, with `lapses`
/// (local date, and whether the participant let it reset the clock), on
/// `today`: oldest first, the current one last (always there, 0 days on the
/// day the clock starts or resets). Pure calendar arithmetic.
pub fn all_streaks(
    start: NaiveDate,
    lapses: &[(NaiveDate, bool)],
    today: NaiveDate,
) -> Vec<Streak> {
    let mut sorted: Vec<(NaiveDate, bool)> = lapses
        .iter()
        .filter(|(d, _)| *d >= start)
        .map(|&(d, resets)| (d.min(today), resets))
        .collect();
    sorted.sort();
    let mut out = Vec::new();
    let mut first = start;
    for &(date, resets) in &sorted {
        if resets && date >= first {
            if date > first {
                out.push(Streak {
                    first_day: first,
                    last_day: date.pred_opt(),
                    days: days(days_between(first, date)),
                    reset_on: Some(date),
                    lapses_within: 0,
                });
            }
            first = date.succ_opt().unwrap_or(date);
        }
    }
    out.push(Streak {
        first_day: first,
        last_day: None,
        days: days(days_between(first, today)),
        reset_on: None,
        lapses_within: 0,
    });
    // Each lapse that did not reset, in the streak whose days hold it (none
    // when it fell on a resetting lapse's day).
    for &(date, _) in sorted.iter().filter(|(_, resets)| !resets) {
        let i = out.partition_point(|s| s.first_day <= date);
        if let Some(s) = i.checked_sub(1).and_then(|i| out.get_mut(i))
            && s.last_day.is_none_or(|last| date <= last)
        {
            s.lapses_within += 1;
        }
    }
    out
}

/// The `limit` most recent streaks of [`all_streaks`], with the count of
/// older ones. `limit` is 1 to [`MAX_STREAKS`].
pub fn history(
    start: NaiveDate,
    lapses: &[(NaiveDate, bool)],
    today: NaiveDate,
    limit: usize,
) -> Result<StreakHistory> {
    if limit == 0 || limit > MAX_STREAKS {
        return Err(Error::invalid("limit", "out_of_range"));
    }
    let mut streaks = all_streaks(start, lapses, today);
    let older = streaks.len().saturating_sub(limit);
    streaks.drain(..older);
    Ok(StreakHistory {
        streaks,
        older: u32::try_from(older).unwrap_or(u32::MAX),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sobriety::streaks;
    use proptest::prelude::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn finished(first: NaiveDate, last: NaiveDate, days: u32, within: u32) -> Streak {
        Streak {
            first_day: first,
            last_day: Some(last),
            days,
            reset_on: last.succ_opt(),
            lapses_within: within,
        }
    }

    fn going(first: NaiveDate, days: u32, within: u32) -> Streak {
        Streak {
            first_day: first,
            last_day: None,
            days,
            reset_on: None,
            lapses_within: within,
        }
    }

    #[test]
    fn streaks_are_calendar_days_across_a_dst_change() {
        // New York moves its clocks on 2026-03-08 and 2026-11-01; the
        // history only sees dates, so those weeks have 7 days like any other.
        let start = d(2026, 3, 1);
        let lapses = [(d(2026, 3, 15), true), (d(2026, 11, 8), true)];
        let all = all_streaks(start, &lapses, d(2026, 11, 15));
        assert_eq!(
            all,
            vec![
                finished(start, d(2026, 3, 14), 14, 0),
                finished(d(2026, 3, 16), d(2026, 11, 7), 237, 0),
                going(d(2026, 11, 9), 6, 0),
            ]
        );
    }

    #[test]
    fn a_lapse_on_the_sobriety_date_ends_no_streak() {
        let start = d(2026, 1, 10);
        let all = all_streaks(start, &[(start, true)], d(2026, 1, 20));
        assert_eq!(all, vec![going(d(2026, 1, 11), 9, 0)]);
        // Not resetting: the streak goes on from the sobriety date, with the
        // lapse inside it.
        let all = all_streaks(start, &[(start, false)], d(2026, 1, 20));
        assert_eq!(all, vec![going(start, 10, 1)]);
    }

    #[test]
    fn two_lapses_on_one_day_are_one_reset() {
        let start = d(2026, 1, 1);
        let day = d(2026, 1, 11);
        let all = all_streaks(
            start,
            &[
                (day, true),
                (day, true),
                (day, false),
                (d(2026, 1, 5), false),
            ],
            d(2026, 1, 21),
        );
        // The non-resetting lapse of the lapse day is in no streak; the one
        // of Jan 5 is inside the first.
        assert_eq!(
            all,
            vec![
                finished(start, d(2026, 1, 10), 10, 1),
                going(d(2026, 1, 12), 9, 0)
            ]
        );
    }

    #[test]
    fn a_lapse_today_ends_the_streak_and_the_next_starts_tomorrow() {
        let start = d(2026, 1, 1);
        let today = d(2026, 1, 31);
        let all = all_streaks(start, &[(today, true)], today);
        assert_eq!(
            all,
            vec![
                finished(start, d(2026, 1, 30), 30, 0),
                going(d(2026, 2, 1), 0, 0)
            ]
        );
        let s = streaks(start, &[(today, true)], today);
        assert_eq!((s.longest_days, s.streak_start), (30, d(2026, 2, 1)));
        // Not resetting: it stays in the current streak.
        assert_eq!(
            all_streaks(start, &[(today, false)], today),
            vec![going(start, 30, 1)]
        );
        // Dated tomorrow (another time zone): taken as today's.
        assert_eq!(all_streaks(start, &[(d(2026, 2, 1), true)], today), all);
    }

    #[test]
    fn lapses_before_the_sobriety_date_and_a_clock_not_yet_started() {
        let start = d(2026, 5, 1);
        let all = all_streaks(start, &[(d(2026, 4, 1), true)], d(2026, 5, 3));
        assert_eq!(all, vec![going(start, 2, 0)]);
        // Today before the sobriety date (travel west on its first day).
        let all = all_streaks(start, &[(start, true)], d(2026, 4, 30));
        assert_eq!(all, vec![going(start, 0, 0)]);
    }

    #[test]
    fn the_history_keeps_the_most_recent_and_counts_the_rest() {
        let start = d(2025, 1, 1);
        let lapses: Vec<(NaiveDate, bool)> = (1..=300)
            .map(|n| (start + chrono::Duration::days(n * 2), true))
            .collect();
        let today = d(2026, 12, 1);
        let all = all_streaks(start, &lapses, today);
        assert_eq!(all.len(), 301);
        let h = history(start, &lapses, today, SHOWN).unwrap();
        assert_eq!(h.streaks.len(), SHOWN);
        assert_eq!(h.older, 301 - SHOWN as u32);
        assert_eq!(h.streaks[..], all[all.len() - SHOWN..]);
        assert_eq!(h.streaks.last().unwrap().last_day, None);
        let short = history(start, &[], today, MAX_STREAKS).unwrap();
        assert_eq!((short.streaks.len(), short.older), (1, 0));
        for bad in [0, MAX_STREAKS + 1] {
            assert!(matches!(
                history(start, &lapses, today, bad),
                Err(Error::InvalidInput {
                    field: "limit",
                    reason: "out_of_range"
                })
            ));
        }
    }

    proptest! {
        /// The history agrees with the clock's figures, and its streaks are
        /// in order, never overlap and each holds at least one sober day
        /// (the current one aside).
        #[test]
        fn history_agrees_with_the_clock(
            start in 0i64..3000,
            lapses in proptest::collection::vec((0i64..3000, any::<bool>()), 0..30),
            today in 0i64..4000,
        ) {
            let base = d(2010, 1, 1);
            let day = |n: i64| base + chrono::Duration::days(n);
            let facts: Vec<(NaiveDate, bool)> = lapses.iter().map(|(n, r)| (day(*n), *r)).collect();
            let (start, today) = (day(start), day(today));
            let s = streaks(start, &facts, today);
            let all = all_streaks(start, &facts, today);
            prop_assert_eq!(all.iter().map(|x| x.days).max(), Some(s.longest_days));
            let current = all.last().unwrap();
            prop_assert_eq!(current.last_day, None);
            prop_assert_eq!(current.days, s.current_days);
            if facts.iter().all(|(d, _)| *d <= today) {
                prop_assert_eq!(current.first_day, s.streak_start);
            }
            for pair in all.windows(2) {
                let (a, b) = (pair[0], pair[1]);
                let last = a.last_day.unwrap();
                prop_assert!(a.first_day <= last && last < b.first_day);
                prop_assert_eq!(a.reset_on, last.succ_opt());
                prop_assert!(b.first_day > a.reset_on.unwrap());
            }
            for x in &all[..all.len() - 1] {
                let last = x.last_day.unwrap();
                prop_assert!(x.days >= 1);
                prop_assert_eq!(i64::from(x.days), days_between(x.first_day, last) + 1);
                prop_assert!(facts.iter().any(|(d, r)| *r && Some(d.min(&today)) == x.reset_on.as_ref()));
            }
            let within: u32 = all.iter().map(|x| x.lapses_within).sum();
            prop_assert!(within as usize <= facts.iter().filter(|(_, r)| !r).count());
            // Bounded, the history is the end of the whole.
            let h = history(start, &facts, today, 5).unwrap();
            prop_assert_eq!(h.older as usize + h.streaks.len(), all.len());
            prop_assert_eq!(&h.streaks[..], &all[h.older as usize..]);
        }
    }
}
