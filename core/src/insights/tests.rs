#![allow(clippy::unwrap_used)]

use chrono::{NaiveDate, TimeZone, Utc};

use super::*;
use crate::exercises::session::{SessionEnd, SessionStart};
use crate::exercises::{BuiltIn, ExerciseRef, Length};
use crate::logs::{self, Context, CopingTag, TriggerTag};
use crate::{Error, Vault};

fn at(y: i32, m: u32, d: u32, h: u32) -> LocalInstant {
    // New York in winter: local hour h is UTC h + 5.
    LocalInstant {
        utc_millis: Utc
            .with_ymd_and_hms(y, m, d, h, 0, 0)
            .unwrap()
            .timestamp_millis()
            + 5 * 3_600_000,
        offset_minutes: -300,
    }
}

fn date(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
}

fn trigger(name: &str) -> TriggerTag {
    TriggerTag {
        plan_trigger_id: None,
        name: name.into(),
        category: TriggerCategory::Emotion,
    }
}

fn coping(text: &str) -> CopingTag {
    CopingTag {
        plan_coping_id: None,
        text: text.into(),
    }
}

fn craving(
    when: LocalInstant,
    intensity: u8,
    triggers: &[&str],
    cope: &[&str],
    outcome: CravingOutcome,
) -> Craving {
    Craving {
        at: when,
        intensity,
        duration_minutes: None,
        triggers: triggers.iter().map(|t| trigger(t)).collect(),
        context: Context::default(),
        coping: cope.iter().map(|c| coping(c)).collect(),
        outcome,
        notes: String::new(),
    }
}

#[test]
fn insights_over_two_weeks() {
    let dir = tempfile::tempdir().unwrap();
    let v = Vault::create(
        dir.path().join("v").to_str().unwrap(),
        "a long enough passphrase",
    )
    .unwrap();
    let s = v.store().unwrap();
    let now = at(2026, 11, 20, 21);
    use CravingOutcome::*;
    // Monday 9 and Tuesday 10 (one week), Monday 16 (the next); one the
    // evening of Sunday 15 at 23:00 local, which is Monday in UTC.
    let a = logs::add(
        &s,
        craving(
            at(2026, 11, 9, 19),
            8,
            &["Stress", "Payday"],
            &["Called Sam"],
            ReachedOut,
        ),
        now,
    )
    .unwrap();
    logs::add(
        &s,
        craving(
            at(2026, 11, 10, 19),
            6,
            &["stress"],
            &["Called Sam", "Walked"],
            RodeItOut,
        ),
        now,
    )
    .unwrap();
    logs::add(
        &s,
        craving(at(2026, 11, 15, 23), 4, &["Boredom"], &["Walked"], Used),
        now,
    )
    .unwrap();
    logs::add(
        &s,
        craving(at(2026, 11, 16, 19), 2, &["Stress"], &["Walked"], Ongoing),
        now,
    )
    .unwrap();
    // Outside the period.
    logs::add(
        &s,
        craving(at(2026, 11, 1, 19), 9, &["Stress"], &[], Used),
        now,
    )
    .unwrap();
    for (d, mood, sleep) in [
        (9, Mood::Low, Some(300)),
        (9, Mood::Okay, None),
        (10, Mood::Good, Some(480)),
    ] {
        logs::add(
            &s,
            CheckIn {
                at: at(2026, 11, d, 8),
                mood,
                craving_level: 4,
                sleep_minutes: sleep,
                intention: String::new(),
                any_use: false,
                halt: Default::default(),
                notes: String::new(),
            },
            now,
        )
        .unwrap();
    }
    let session = session::start(
        &s,
        SessionStart {
            exercise: ExerciseRef::BuiltIn(BuiltIn::Box),
            length: Length::Standard,
            started_at: at(2026, 11, 9, 19),
            craving_before: Some(8),
            craving_id: Some(a.id),
        },
        now,
    )
    .unwrap();
    session::finish(
        &s,
        session.id,
        SessionEnd {
            ended_at: at(2026, 11, 9, 20),
            practiced_ms: Some(240_000),
            craving_after: Some(3),
            craving_id: None,
        },
        now,
    )
    .unwrap();

    let got = insights(&s, date(9), date(22), now).unwrap();
    assert_eq!(got.days.len(), 14);
    assert_eq!(
        (got.days[0].cravings, got.days[0].mean_intensity),
        (1, Some(8.0))
    );
    assert_eq!(got.days[6].date, date(15));
    assert_eq!(
        got.days[6].cravings, 1,
        "23:00 local on the 15th is the 15th"
    );
    assert_eq!(got.days[2].mean_intensity, None);
    let weeks: Vec<(NaiveDate, u32)> = got
        .weeks
        .iter()
        .map(|w| (w.week_start, w.cravings))
        .collect();
    assert_eq!(weeks, [(date(9), 3), (date(16), 1)]);
    assert_eq!(got.heat_map[0][19], 2, "Mondays at 19:00");
    assert_eq!(got.heat_map[6][23], 1, "Sunday 23:00 local");
    let top: Vec<(&str, u32)> = got
        .top_triggers
        .iter()
        .map(|t| (t.name.as_str(), t.count))
        .collect();
    assert_eq!(top, [("Stress", 3), ("Boredom", 1), ("Payday", 1)]);
    // Called Sam: 2 of 2 worked, and a linked session fell 8 -> 3.
    // Walked: 1 of 2 (the ongoing one is left out).
    let cope: Vec<(&str, u32, u32, Option<f64>)> = got
        .coping
        .iter()
        .map(|c| (c.text.as_str(), c.used, c.worked, c.mean_drop))
        .collect();
    assert_eq!(
        cope,
        [("Called Sam", 2, 2, Some(5.0)), ("Walked", 2, 1, None)]
    );
    assert_eq!(got.exercises[0].average_drop, Some(5.0));
    assert_eq!(got.mood.len(), 2);
    assert_eq!(got.mood[0].mood, 2.5);
    assert_eq!(got.mood[0].sleep_hours, Some(5.0));
    assert!(got.damaged.is_empty());

    assert!(matches!(
        insights(&s, date(10), date(9), now),
        Err(Error::InvalidInput {
            field: "period",
            ..
        })
    ));
    let far = NaiveDate::from_ymd_opt(2028, 1, 1).unwrap();
    assert!(insights(&s, date(1), far, now).is_err());
}

/// A lapse at `utc` (y, m, d, h UTC) in the participant's offset then.
fn lapse_at(
    y: i32,
    m: u32,
    d: u32,
    h: u32,
    offset_minutes: i32,
    clock: RecordId,
    resets: bool,
) -> Lapse {
    Lapse {
        at: LocalInstant {
            utc_millis: Utc
                .with_ymd_and_hms(y, m, d, h, 0, 0)
                .unwrap()
                .timestamp_millis(),
            offset_minutes,
        },
        clock_ids: vec![clock],
        resets_clocks: resets,
        substance: String::new(),
        triggers: Vec::new(),
        context: Context::default(),
        notes: String::new(),
    }
}

#[test]
fn streak_history_counts_local_calendar_days_across_dst_and_travel() {
    let dir = tempfile::tempdir().unwrap();
    let v = Vault::create(
        dir.path().join("v").to_str().unwrap(),
        "a long enough passphrase",
    )
    .unwrap();
    let s = v.store().unwrap();
    let now = at(2026, 11, 20, 21);
    let (clock, _) = sobriety::add(
        &s,
        "Alcohol",
        NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(),
        now,
    )
    .unwrap();
    // 2026-03-09 02:30 UTC is the evening of March 8 in New York, the day
    // its clocks went forward (UTC−4 from 02:00 local): a lapse on the 8th.
    logs::add(&s, lapse_at(2026, 3, 9, 2, -240, clock, true), now).unwrap();
    // Traveling in Tokyo (UTC+9): 20:00 UTC on June 30 is July 1 there.
    logs::add(&s, lapse_at(2026, 6, 30, 20, 540, clock, false), now).unwrap();
    // Home again, after the clocks went back (UTC−5): a lapse on Nov 2.
    logs::add(&s, lapse_at(2026, 11, 2, 15, -300, clock, true), now).unwrap();
    let got = insights(&s, date(9), date(20), now).unwrap();
    let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
    let h = &got.streak_history[0];
    assert_eq!(h.older, 0);
    let seen: Vec<_> = h
        .streaks
        .iter()
        .map(|x| (x.first_day, x.last_day, x.days, x.reset_on, x.lapses_within))
        .collect();
    assert_eq!(
        seen,
        [
            (d(3, 1), Some(d(3, 7)), 7, Some(d(3, 8)), 0),
            (d(3, 9), Some(d(11, 1)), 238, Some(d(11, 2)), 1),
            (d(11, 3), None, 17, None, 0),
        ]
    );
    assert_eq!(got.clocks[0].longest_days, 238);
    assert_eq!(got.clocks[0].current_days, 17);
    assert_eq!(got.clocks[0].id, clock);
}
