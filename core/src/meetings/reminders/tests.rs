#![allow(clippy::unwrap_used)]

use super::*;
use crate::logs::{self, CheckIn, Mood};
use crate::meetings::requirement::{MeetingSettings, save_settings};
use crate::meetings::tests::{in_zone, iop_group, ny, utc, vault};

#[test]
fn meeting_check_in_and_prompt_reminders_in_neutral_words() {
    let (_d, v) = vault();
    let s = v.store().unwrap();
    let m = crate::meetings::add(&s, iop_group()).unwrap();
    save_settings(
        &s,
        MeetingSettings {
            check_in_minute: Some(20 * 60),
            gentle_prompts: true,
            ..MeetingSettings::default()
        },
    )
    .unwrap();
    // Monday 2026-11-23 12:00 New York.
    let now = ny(utc(2026, 11, 23, 17, 0));
    let zoned = in_zone("America/New_York", now.utc_millis);
    let got = upcoming_in(&s, &zoned, 24, None).unwrap();
    let kinds: Vec<ReminderKind> = got.iter().map(|r| r.kind).collect();
    assert_eq!(
        kinds,
        [
            ReminderKind::Meeting {
                meeting_id: m.id,
                occurrence_millis: utc(2026, 11, 23, 23, 0)
            },
            ReminderKind::CheckIn
        ]
    );
    assert_eq!(
        got[0].at_millis,
        utc(2026, 11, 23, 22, 30),
        "30 minutes before"
    );
    assert_eq!(
        got[0].body_in(Language::En),
        "Something on your calendar in 30 minutes."
    );
    assert_eq!(
        got[0].body_in(Language::Es),
        "Tienes algo en tu calendario en 30 minutos."
    );
    assert_eq!(
        got[1].at_millis,
        utc(2026, 11, 24, 1, 0),
        "20:00 at the phone's offset"
    );
    for r in &got {
        assert_eq!(r.title_in(Language::En), "Reminder");
        assert_eq!(r.title_in(Language::Es), "Recordatorio");
        for lang in Language::ALL {
            for word in [
                "IOP",
                "group",
                "grupo",
                "Clinic",
                "Harbor",
                "treatment",
                "tratamiento",
                "alcohol",
            ] {
                assert!(!r.body_in(lang).contains(word), "{word} in {r:?}");
            }
        }
    }

    // A check-in today removes today's reminder.
    logs::add(
        &s,
        CheckIn {
            at: now,
            mood: Mood::Okay,
            craving_level: 2,
            sleep_minutes: None,
            intention: String::new(),
            any_use: false,
            halt: Default::default(),
            notes: String::new(),
        },
        now,
    )
    .unwrap();
    let again = upcoming_in(&s, &zoned, 24, None).unwrap();
    assert!(!again.iter().any(|r| r.kind == ReminderKind::CheckIn));
    assert_eq!(again[0].id, got[0].id, "the same reminder keeps its id");
    assert!(upcoming_in(&s, &zoned, 0, None).is_err());
    assert!(upcoming_in(&s, &zoned, 10_000, None).is_err());
    assert!(upcoming_in(&s, &zoned, 24, Some(0)).is_err());
    assert_eq!(upcoming_in(&s, &zoned, 24, Some(1)).unwrap().len(), 1);
}

#[test]
fn gentle_prompts_wait_for_enough_data_and_pick_the_busiest_hours() {
    // Monday 20:00 is slot 20; Friday 22:00 is slot 4 * 24 + 22 = 118.
    let thin = Rhythm::from_counts([("n:x".to_string(), 20u8, 5u32)]);
    assert!(
        high_risk_slots(&thin).is_empty(),
        "five triggers are not enough"
    );
    let rhythm = Rhythm::from_counts([
        ("n:x".to_string(), 20u8, 12u32),
        ("n:y".to_string(), 118, 6),
        ("n:y".to_string(), 50, 2),
        ("n:z".to_string(), 60, 1),
    ]);
    assert_eq!(high_risk_slots(&rhythm), [20, 118]);
    let settings = MeetingSettings {
        gentle_prompts: true,
        ..MeetingSettings::default()
    };
    let recent_vault = vault();
    let s = recent_vault.1.store().unwrap();
    let recent = crate::summary::Held::<Recent>::load(&s).unwrap().value;
    // From Monday 2026-11-23 09:00 New York, a week ahead.
    let now = in_zone("America/New_York", utc(2026, 11, 23, 14, 0));
    let got = upcoming(&now, 7 * 24, &settings, &[], &recent, &rhythm).unwrap();
    let at: Vec<i64> = got.iter().map(|r| r.at_millis).collect();
    assert_eq!(at, [utc(2026, 11, 24, 1, 0), utc(2026, 11, 28, 3, 0)]);
    assert!(got.iter().all(|r| r.body == Body::Fixed(PROMPT_TEXT)));
}

#[test]
fn reminder_texts_stay_neutral_for_every_lead_time() {
    assert_eq!(
        meeting_text(0).text(Language::En),
        "Something on your calendar is starting."
    );
    assert_eq!(
        meeting_text(1).text(Language::En),
        "Something on your calendar in 1 minute."
    );
    assert_eq!(
        meeting_text(60).text(Language::En),
        "Something on your calendar in 1 hour."
    );
    assert_eq!(
        meeting_text(120).text(Language::En),
        "Something on your calendar in 2 hours."
    );
    assert_eq!(
        meeting_text(90).text(Language::En),
        "Something on your calendar in 90 minutes."
    );
}

#[test]
fn every_body_reads_in_both_languages() {
    for minutes in [0, 1, 5, 30, 45, 60, 90, 120, 180, 1440] {
        let body = meeting_text(minutes);
        let (en, es) = (body.text(Language::En), body.text(Language::Es));
        assert!(!en.is_empty() && !es.is_empty());
        assert_ne!(en, es);
        if minutes > 1 && minutes != 60 {
            let n = if minutes % 60 == 0 && minutes >= 120 {
                minutes / 60
            } else {
                minutes
            };
            assert!(en.contains(&n.to_string()) && es.contains(&n.to_string()));
        }
    }
    for text in [TITLE, CHECK_IN_TEXT, PROMPT_TEXT] {
        assert_ne!(text.en, text.es);
    }
}

// ---- Wall-clock reminders across DST, in zones north and south, with
// half-hour offsets and Lord Howe's half-hour DST, and on a trip.

/// An empty journal's recent entries.
fn no_recent() -> Recent {
    let (_d, v) = vault();
    let s = v.store().unwrap();
    crate::summary::Held::<Recent>::load(&s).unwrap().value
}

/// `h:m` local on `y-mo-d` in `zone`, as a `ZonedNow`.
fn local(zone: &str, y: i32, mo: u32, d: u32, h: u32, m: u32) -> ZonedNow {
    let date = chrono::NaiveDate::from_ymd_opt(y, mo, d).unwrap();
    let time = NaiveTime::from_hms_opt(h, m, 0).unwrap();
    let any = in_zone(zone, utc(2026, 1, 1, 0, 0));
    in_zone(zone, any.wall_clock(date, time).unwrap().utc_millis)
}

/// The daily check-in reminders at `minute` from `now` over `hours`: their
/// local date and time in the zone, and the gaps between them in minutes.
fn daily(now: &ZonedNow, hours: u32, minute: u16) -> (Vec<String>, Vec<i64>) {
    let settings = MeetingSettings {
        check_in_minute: Some(minute),
        ..MeetingSettings::default()
    };
    let got = upcoming(now, hours, &settings, &[], &no_recent(), &Rhythm::default()).unwrap();
    assert!(got.iter().all(|r| r.kind == ReminderKind::CheckIn));
    let shown = got
        .iter()
        .map(|r| {
            now.at(r.at_millis)
                .to_local()
                .unwrap()
                .format("%m-%d %H:%M")
                .to_string()
        })
        .collect();
    let gaps = got
        .windows(2)
        .map(|w| (w[1].at_millis - w[0].at_millis) / 60_000)
        .collect();
    (shown, gaps)
}

const DAY: i64 = 24 * 60;

#[test]
fn the_check_in_stays_at_its_local_time_across_spring_forward_and_fall_back() {
    // (zone, local noon before the change, the change's effect on that day)
    let cases: [(&str, (i32, u32, u32), i64); 9] = [
        ("America/New_York", (2026, 3, 7), -60),
        ("America/New_York", (2026, 10, 31), 60),
        // Southern hemisphere: summer time ends in April, starts in October.
        ("Australia/Sydney", (2026, 4, 4), 60),
        ("Australia/Sydney", (2026, 10, 3), -60),
        // Half-hour offset (+9:30 / +10:30).
        ("Australia/Adelaide", (2026, 4, 4), 60),
        ("Australia/Adelaide", (2026, 10, 3), -60),
        // Lord Howe moves by half an hour (+10:30 / +11).
        ("Australia/Lord_Howe", (2026, 4, 4), 30),
        ("Australia/Lord_Howe", (2026, 10, 3), -30),
        // Santiago changes at midnight (Sunday 00:00 is skipped or repeated).
        ("America/Santiago", (2026, 4, 4), 60),
    ];
    for (zone, (y, m, d), change) in cases {
        let now = local(zone, y, m, d, 12, 0);
        let (shown, gaps) = daily(&now, 72, 20 * 60);
        let day = |n: u32| {
            now.today()
                .unwrap()
                .checked_add_days(Days::new(u64::from(n)))
                .unwrap()
                .format("%m-%d 20:00")
                .to_string()
        };
        assert_eq!(shown, [day(0), day(1), day(2)], "{zone} {m}-{d}");
        assert_eq!(gaps, [DAY + change, DAY], "{zone} {m}-{d}");
    }
    // Kolkata (+5:30, no DST): 20:00 is 14:30 UTC every day.
    let kolkata = local("Asia/Kolkata", 2026, 3, 7, 12, 0);
    let settings = MeetingSettings {
        check_in_minute: Some(20 * 60),
        ..MeetingSettings::default()
    };
    let got = upcoming(
        &kolkata,
        48,
        &settings,
        &[],
        &no_recent(),
        &Rhythm::default(),
    )
    .unwrap();
    let at: Vec<i64> = got.iter().map(|r| r.at_millis).collect();
    assert_eq!(at, [utc(2026, 3, 7, 14, 30), utc(2026, 3, 8, 14, 30)]);
}

#[test]
fn a_time_the_clocks_skip_or_repeat_is_read_as_meetings_read_it() {
    // 02:30 does not exist in New York on 2026-03-08: 03:30 daylight time.
    let ny = local("America/New_York", 2026, 3, 7, 12, 0);
    let (shown, _) = daily(&ny, 48, 2 * 60 + 30);
    assert_eq!(shown, ["03-08 03:30", "03-09 02:30"]);
    // 01:30 happens twice on 2026-11-01: the first (daylight time).
    let fall = local("America/New_York", 2026, 10, 31, 12, 0);
    let settings = MeetingSettings {
        check_in_minute: Some(90),
        ..MeetingSettings::default()
    };
    let got = upcoming(&fall, 24, &settings, &[], &no_recent(), &Rhythm::default()).unwrap();
    assert_eq!(got[0].at_millis, utc(2026, 11, 1, 5, 30), "01:30 EDT");
    // Lord Howe skips 02:00-02:30 on 2026-10-04: 02:15 is read as 02:45.
    let lh = local("Australia/Lord_Howe", 2026, 10, 3, 12, 0);
    let (shown, _) = daily(&lh, 24, 2 * 60 + 15);
    assert_eq!(shown, ["10-04 02:45"]);
}

#[test]
fn gentle_prompts_keep_their_hour_of_the_week_across_dst() {
    // Sunday 21:00 (slot 6 * 24 + 21) is high-risk; the clocks fall back
    // between the two Sundays.
    let rhythm = Rhythm::from_counts([("n:x".to_string(), 6 * 24 + 21, 25u32)]);
    let settings = MeetingSettings {
        gentle_prompts: true,
        ..MeetingSettings::default()
    };
    let now = local("America/New_York", 2026, 10, 24, 12, 0);
    let got = upcoming(&now, 10 * 24, &settings, &[], &no_recent(), &rhythm).unwrap();
    let at: Vec<i64> = got.iter().map(|r| r.at_millis).collect();
    assert_eq!(
        at,
        [utc(2026, 10, 26, 1, 0), utc(2026, 11, 2, 2, 0)],
        "21:00 EDT, then 21:00 EST"
    );
    // An hour the spring-forward skips has no prompt that day.
    let skipped = Rhythm::from_counts([("n:x".to_string(), 6 * 24 + 2, 25u32)]);
    let spring = local("America/New_York", 2026, 3, 7, 12, 0);
    let got = upcoming(&spring, 48, &settings, &[], &no_recent(), &skipped).unwrap();
    assert!(got.is_empty(), "{got:?}");
}

#[test]
fn ids_are_stable_across_calls_and_zones_and_say_nothing() {
    let settings = MeetingSettings {
        check_in_minute: Some(20 * 60),
        ..MeetingSettings::default()
    };
    let at_noon = local("America/New_York", 2026, 3, 7, 12, 0);
    let an_hour_on = in_zone("America/New_York", at_noon.utc_millis() + 3_600_000);
    let a = upcoming(
        &at_noon,
        48,
        &settings,
        &[],
        &no_recent(),
        &Rhythm::default(),
    )
    .unwrap();
    let b = upcoming(
        &an_hour_on,
        48,
        &settings,
        &[],
        &no_recent(),
        &Rhythm::default(),
    )
    .unwrap();
    assert_eq!(a, b, "the same reminders, the same ids");
    assert_ne!(a[0].id, a[1].id);
    assert!(
        a.iter()
            .all(|r| r.id.len() == 32 && r.id.bytes().all(|c| c.is_ascii_hexdigit()))
    );
    // The check-in of 2026-03-08 keeps its id when asked from another zone
    // (at another instant: 20:00 there).
    let la = in_zone("America/Los_Angeles", at_noon.utc_millis());
    let c = upcoming(&la, 48, &settings, &[], &no_recent(), &Rhythm::default()).unwrap();
    assert_eq!(c[1].id, a[1].id);
    assert_ne!(c[1].at_millis, a[1].at_millis);
}

#[test]
fn on_a_trip_today_is_the_calendar_day_where_the_phone_is() {
    let (_d, v) = vault();
    let s = v.store().unwrap();
    save_settings(
        &s,
        MeetingSettings {
            check_in_minute: Some(20 * 60),
            ..MeetingSettings::default()
        },
    )
    .unwrap();
    // A check-in in New York on Monday 2026-11-23 at 19:00 (00:00Z Tue).
    let at = ny(utc(2026, 11, 24, 0, 0));
    logs::add(
        &s,
        CheckIn {
            at,
            mood: Mood::Okay,
            craving_level: 2,
            sleep_minutes: None,
            intention: String::new(),
            any_use: false,
            notes: String::new(),
            halt: Default::default(),
        },
        at,
    )
    .unwrap();
    // An hour later seen from Los Angeles (Monday 17:00): checked in today,
    // the next reminder is Tuesday 20:00 there.
    let la = in_zone("America/Los_Angeles", utc(2026, 11, 24, 1, 0));
    let got = upcoming_in(&s, &la, 30, None).unwrap();
    assert_eq!(got[0].at_millis, utc(2026, 11, 25, 4, 0));
    // Seen from Tokyo at the same instant it is Tuesday 10:00: Tuesday's
    // check-in is still to do, at 20:00 Tokyo time.
    let tokyo = in_zone("Asia/Tokyo", utc(2026, 11, 24, 1, 0));
    let got = upcoming_in(&s, &tokyo, 12, None).unwrap();
    assert_eq!(got[0].at_millis, utc(2026, 11, 24, 11, 0));
}
