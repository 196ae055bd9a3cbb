#![allow(clippy::unwrap_used)]

use chrono::{NaiveDate, TimeZone, Timelike, Utc, Weekday};
use proptest::prelude::*;

use super::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn utc(y: i32, m: u32, day: u32, h: u32, min: u32) -> i64 {
    Utc.with_ymd_and_hms(y, m, day, h, min, 0)
        .unwrap()
        .timestamp_millis()
}

fn weekly(zone: &str, start: NaiveDate, days: &[Weekday], minute: u16) -> Schedule {
    Schedule {
        zone: zone.into(),
        start_date: start,
        end_date: None,
        start_minute: minute,
        duration_minutes: 90,
        repeat: Repeat::Weekly {
            days: DaySet::of(days.iter().copied()),
            every_weeks: 1,
        },
    }
    .validate()
    .unwrap()
}

fn starts(s: &Schedule, from: i64, until: i64) -> Vec<i64> {
    s.occurrences(from, until)
        .unwrap()
        .iter()
        .map(|o| o.start_millis)
        .collect()
}

#[test]
fn a_weekly_evening_meeting_keeps_its_local_time_across_both_dst_changes() {
    // New York: DST starts 2026-03-08, ends 2026-11-01.
    let s = weekly("America/New_York", d(2026, 1, 1), &[Weekday::Sun], 19 * 60);
    let got = starts(&s, utc(2026, 3, 1, 0, 0), utc(2026, 3, 16, 0, 0));
    assert_eq!(
        got,
        [
            utc(2026, 3, 2, 0, 0),
            utc(2026, 3, 8, 23, 0),
            utc(2026, 3, 15, 23, 0)
        ]
    );
    let got = starts(&s, utc(2026, 10, 25, 0, 0), utc(2026, 11, 9, 0, 0));
    assert_eq!(got, [utc(2026, 10, 25, 23, 0), utc(2026, 11, 2, 0, 0)]);
    let o = &s
        .occurrences(utc(2026, 11, 1, 0, 0), utc(2026, 11, 3, 0, 0))
        .unwrap()[0];
    assert_eq!(o.offset_minutes, -300);
    assert_eq!(o.local_date, d(2026, 11, 1));
}

#[test]
fn a_time_in_the_spring_gap_moves_forward_and_a_repeated_time_is_the_first() {
    // 02:30 does not exist in New York on 2026-03-08; it is read with the
    // offset before the gap (-05:00), which is 03:30 daylight time.
    let s = weekly(
        "America/New_York",
        d(2026, 1, 1),
        &[Weekday::Sun],
        2 * 60 + 30,
    );
    let spring = s.on(&s.tz().unwrap(), d(2026, 3, 8)).unwrap();
    assert_eq!(spring.start_millis, utc(2026, 3, 8, 7, 30));
    assert_eq!(spring.offset_minutes, -240);
    // 01:30 happens twice on 2026-11-01: the first (daylight, -04:00).
    let s = weekly("America/New_York", d(2026, 1, 1), &[Weekday::Sun], 90);
    let fall = s.on(&s.tz().unwrap(), d(2026, 11, 1)).unwrap();
    assert_eq!(fall.start_millis, utc(2026, 11, 1, 5, 30));
    assert_eq!(fall.offset_minutes, -240);
}

#[test]
fn europe_changes_on_other_dates_than_america() {
    // Berlin: DST starts 2026-03-29.
    let s = weekly("Europe/Berlin", d(2026, 3, 1), &[Weekday::Mon], 18 * 60);
    let got = starts(&s, utc(2026, 3, 23, 0, 0), utc(2026, 4, 1, 0, 0));
    assert_eq!(got, [utc(2026, 3, 23, 17, 0), utc(2026, 3, 30, 16, 0)]);
}

#[test]
fn a_traveller_sees_the_same_instants_whatever_the_phone_zone() {
    // The schedule is in the meeting's zone; nothing about the phone enters.
    let s = weekly(
        "America/Los_Angeles",
        d(2026, 6, 1),
        &[Weekday::Tue, Weekday::Thu],
        12 * 60,
    );
    let got = starts(&s, utc(2026, 6, 1, 0, 0), utc(2026, 6, 8, 0, 0));
    assert_eq!(got, [utc(2026, 6, 2, 19, 0), utc(2026, 6, 4, 19, 0)]);
}

#[test]
fn every_other_week_counts_from_the_start_week() {
    let mut s = weekly("UTC", d(2026, 1, 7), &[Weekday::Mon, Weekday::Wed], 600);
    s.repeat = Repeat::Weekly {
        days: DaySet::of([Weekday::Mon, Weekday::Wed]),
        every_weeks: 2,
    };
    let dates: Vec<NaiveDate> = s
        .occurrences(utc(2026, 1, 1, 0, 0), utc(2026, 2, 1, 0, 0))
        .unwrap()
        .iter()
        .map(|o| o.local_date)
        .collect();
    // The start week's Monday (Jan 5) is before the start date.
    assert_eq!(dates, [d(2026, 1, 7), d(2026, 1, 19), d(2026, 1, 21)]);
}

fn monthly(week: MonthWeek, day: Weekday) -> Schedule {
    Schedule {
        zone: "America/Chicago".into(),
        start_date: d(2026, 1, 1),
        end_date: None,
        start_minute: 19 * 60,
        duration_minutes: 60,
        repeat: Repeat::Monthly { week, day },
    }
    .validate()
    .unwrap()
}

fn dates_in_2026(s: &Schedule) -> Vec<NaiveDate> {
    let mut out = Vec::new();
    for (from, until) in [((2026, 1), (2026, 7)), ((2026, 7), (2027, 1))] {
        out.extend(
            s.occurrences(
                utc(from.0, from.1, 1, 12, 0),
                utc(until.0, until.1, 1, 12, 0),
            )
            .unwrap()
            .iter()
            .map(|o| o.local_date),
        );
    }
    out
}

#[test]
fn the_second_tuesday_of_every_month() {
    let got = dates_in_2026(&monthly(MonthWeek::Second, Weekday::Tue));
    assert_eq!(got.len(), 12);
    assert_eq!(got[0], d(2026, 1, 13));
    assert_eq!(got[2], d(2026, 3, 10));
    assert!(
        got.iter()
            .all(|x| x.weekday() == Weekday::Tue && (8..=14).contains(&x.day()))
    );
}

#[test]
fn a_fifth_weekday_is_skipped_in_months_without_one() {
    // Fifth Thursdays in 2026: Jan 29, Apr 30, Jul 30, Oct 29, Dec 31.
    let got = dates_in_2026(&monthly(MonthWeek::Fifth, Weekday::Thu));
    assert_eq!(
        got,
        [
            d(2026, 1, 29),
            d(2026, 4, 30),
            d(2026, 7, 30),
            d(2026, 10, 29),
            d(2026, 12, 31)
        ]
    );
}

#[test]
fn the_last_weekday_is_in_every_month_including_february() {
    let got = dates_in_2026(&monthly(MonthWeek::Last, Weekday::Sat));
    assert_eq!(got.len(), 12);
    assert_eq!(got[1], d(2026, 2, 28));
    assert_eq!(got[4], d(2026, 5, 30));
    assert_eq!(got[11], d(2026, 12, 26));
}

#[test]
fn once_and_end_dates() {
    let mut s = monthly(MonthWeek::First, Weekday::Mon);
    s.repeat = Repeat::Once;
    s.start_date = d(2026, 5, 20);
    assert_eq!(dates_in_2026(&s), [d(2026, 5, 20)]);
    let mut s = weekly("UTC", d(2026, 1, 1), &[Weekday::Fri], 600);
    s.end_date = Some(d(2026, 1, 16));
    assert_eq!(
        dates_in_2026(&s),
        [d(2026, 1, 2), d(2026, 1, 9), d(2026, 1, 16)]
    );
}

#[test]
fn a_meeting_running_past_midnight_overlaps_the_next_day() {
    let mut s = weekly("UTC", d(2026, 1, 1), &[Weekday::Fri], 23 * 60);
    s.duration_minutes = 120;
    let got = s
        .occurrences(utc(2026, 1, 3, 0, 0), utc(2026, 1, 3, 6, 0))
        .unwrap();
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].local_date, d(2026, 1, 2));
}

#[test]
fn bad_schedules_name_their_field() {
    let base = weekly("UTC", d(2026, 1, 1), &[Weekday::Fri], 600);
    let field = |s: Schedule| match s.validate() {
        Err(Error::InvalidInput { field, .. }) => field,
        other => panic!("{other:?}"),
    };
    assert_eq!(
        field(Schedule {
            zone: "Mars/Olympus".into(),
            ..base.clone()
        }),
        "zone"
    );
    assert_eq!(
        field(Schedule {
            zone: String::new(),
            ..base.clone()
        }),
        "zone"
    );
    assert_eq!(
        field(Schedule {
            start_minute: 1440,
            ..base.clone()
        }),
        "start_minute"
    );
    assert_eq!(
        field(Schedule {
            duration_minutes: 0,
            ..base.clone()
        }),
        "duration_minutes"
    );
    assert_eq!(
        field(Schedule {
            end_date: Some(d(2025, 1, 1)),
            ..base.clone()
        }),
        "end_date"
    );
    assert_eq!(
        field(Schedule {
            repeat: Repeat::Weekly {
                days: DaySet::default(),
                every_weeks: 1
            },
            ..base.clone()
        }),
        "days"
    );
    assert_eq!(
        field(Schedule {
            repeat: Repeat::Weekly {
                days: DaySet::of([Weekday::Mon]),
                every_weeks: 0
            },
            ..base.clone()
        }),
        "every_weeks"
    );
    assert!(base.occurrences(10, 5).is_err());
    assert!(base.occurrences(0, 401 * 86_400_000).is_err());
    assert!(base.occurrences(i64::MIN, i64::MIN + 1).is_err());
}

proptest! {
    #[test]
    fn every_occurrence_is_at_its_local_time_on_a_scheduled_day(
        zone in prop::sample::select(vec!["America/New_York", "Europe/London", "Australia/Sydney", "Asia/Kolkata", "America/St_Johns", "Pacific/Chatham"]),
        mask in 1u8..128,
        every in 1u8..4,
        minute in 0u16..1440,
        start_day in 0u64..3000,
        window_start in 0i64..3000,
    ) {
        let start = d(2020, 1, 1) + Days::new(start_day);
        let s = Schedule {
            zone: zone.into(),
            start_date: start,
            end_date: None,
            start_minute: minute,
            duration_minutes: 45,
            repeat: Repeat::Weekly { days: DaySet(mask), every_weeks: every },
        }.validate().unwrap();
        let tz = s.tz().unwrap();
        let from = utc(2020, 1, 1, 0, 0) + window_start * 86_400_000;
        let got = s.occurrences(from, from + 60 * 86_400_000).unwrap();
        let mut last = i64::MIN;
        for o in &got {
            prop_assert!(o.start_millis > last);
            last = o.start_millis;
            prop_assert!(s.falls_on(o.local_date));
            let local = DateTime::<Utc>::from_timestamp_millis(o.start_millis).unwrap().with_timezone(&tz);
            // Either the wall clock shows the time, or it fell in a gap and
            // moved forward by the gap (never more than an hour here... or
            // Lord Howe's half hour).
            let shown = (local.hour() * 60 + local.minute()) as i64;
            let shift = (shown - i64::from(minute)).rem_euclid(1440);
            prop_assert!(shift == 0 || shift == 30 || shift == 60, "{zone} {o:?} shift {shift}");
        }
        // Nothing scheduled in the window is missing.
        let mut date = (DateTime::<Utc>::from_timestamp_millis(from).unwrap().with_timezone(&tz).date_naive()).succ_opt().unwrap();
        let end = DateTime::<Utc>::from_timestamp_millis(from + 59 * 86_400_000).unwrap().with_timezone(&tz).date_naive();
        while date < end {
            if s.falls_on(date) {
                prop_assert!(got.iter().any(|o| o.local_date == date), "missing {date}");
            }
            date = date.succ_opt().unwrap();
        }
    }
}
