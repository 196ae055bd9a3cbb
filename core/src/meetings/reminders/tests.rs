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
