//! Tests of the Today screen.

use chrono::{NaiveDate, TimeZone, Utc};

use super::*;
use crate::logs::tests::{checkin, craving, lapse, new_trigger, plan_trigger, vault};
use crate::logs::{self, Craving};
use crate::plan::{self, template};
use crate::summary::lapses::LapseIndex;
use crate::summary::recent::Recent;
use crate::summary::rhythm::Rhythm;

/// A local wall-clock time with the given offset (hours east of UTC).
fn local(y: i32, m: u32, d: u32, h: u32, min: u32, offset_hours: i32) -> LocalInstant {
    let utc = Utc.with_ymd_and_hms(y, m, d, h, min, 0).unwrap();
    LocalInstant {
        utc_millis: utc.timestamp_millis() - i64::from(offset_hours) * 3_600_000,
        offset_minutes: offset_hours * 60,
    }
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn an_empty_vault_still_has_crisis_lines() {
    let (_d, v) = vault();
    let s = v.store().unwrap();
    let now = local(2025, 11, 24, 9, 0, -5);
    let t = today(&s, now, Language::En).unwrap();
    assert_eq!(t.date, date(2025, 11, 24));
    assert!(t.clocks.is_empty() && t.recent.is_empty() && t.suggestions.is_empty());
    assert!(!t.checked_in_today && t.todays_checkin.is_none());
    assert_eq!(t.plan_revision, None);
    assert!(t.lapse_plan.is_none());
    let phones: Vec<&str> = t.crisis_contacts.iter().map(|c| c.phone.as_str()).collect();
    assert_eq!(phones, vec!["988", "1-800-662-4357"]);
    assert!(matches!(
        today(
            &s,
            LocalInstant {
                offset_minutes: 20 * 60,
                ..now
            },
            Language::En,
        ),
        Err(Error::InvalidInput { field: "now", .. })
    ));
}

#[test]
fn plans_that_fit_come_from_the_hour_and_weekday_of_logged_triggers() {
    let (_d, v) = vault();
    let s = v.store().unwrap();
    let now = local(2025, 11, 24, 9, 0, -5);
    let rev = plan::save(
        &s,
        template(crate::plan::Language::En).unwrap(),
        None,
        true,
        now,
    )
    .unwrap();
    let p = &rev.plan;
    let lonely = p.triggers[0].id.clone(); // answered by coping plan 0
    let anger = p.triggers[2].id.clone(); // answered by coping plan 3
    // Four Fridays of loneliness around 18:00, one angry Tuesday morning.
    for day in [31, 7, 14, 21] {
        let (m, d) = if day == 31 { (10, 31) } else { (11, day) };
        logs::add(
            &s,
            craving(
                local(2025, m, d, 18, 10, -5),
                6,
                vec![plan_trigger(&lonely)],
            ),
            now,
        )
        .unwrap();
    }
    logs::add(
        &s,
        craving(
            local(2025, 11, 18, 8, 30, -5),
            4,
            vec![plan_trigger(&anger)],
        ),
        now,
    )
    .unwrap();

    // Friday 18:30: the loneliness plan comes first, on its rhythm.
    let friday = local(2025, 11, 28, 18, 30, -5);
    let later = LocalInstant {
        utc_millis: friday.utc_millis + 1,
        ..friday
    };
    let t = today(&s, later, Language::En).unwrap();
    assert_eq!(t.suggestions[0].coping_plan.id, p.coping_plans[0].id);
    assert_eq!(t.suggestions[0].reason, SuggestionReason::LoggedAtThisTime);
    assert_eq!(t.suggestions[0].score, 4 * 4);
    assert_eq!(t.suggestions[0].triggers[0].id, lonely);
    // The rest are high-risk fill-ins.
    assert!(
        t.suggestions[1..]
            .iter()
            .all(|s| s.reason == SuggestionReason::HighRisk)
    );
    assert_eq!(t.suggestions.len(), MAX_SUGGESTIONS);

    // Friday 19:xx: an hour after still matches (weight 2 per entry).
    let t = today(&s, local(2025, 11, 28, 19, 5, -5), Language::En).unwrap();
    assert_eq!(
        (
            t.suggestions[0].coping_plan.id.as_str(),
            t.suggestions[0].score
        ),
        (p.coping_plans[0].id.as_str(), 8)
    );

    // Tuesday 08:00: anger first (same slot), loneliness not at all.
    let t = today(&s, local(2025, 11, 25, 8, 0, -5), Language::En).unwrap();
    assert_eq!(t.suggestions[0].coping_plan.id, p.coping_plans[3].id);
    assert!(
        t.suggestions
            .iter()
            .skip(1)
            .all(|s| s.reason == SuggestionReason::HighRisk)
    );

    // The same wall-clock hour in another time zone matches too: slots are
    // in local time.
    let tokyo_friday = local(2025, 11, 28, 18, 15, 9);
    assert_eq!(
        today(&s, tokyo_friday, Language::En).unwrap().suggestions[0]
            .coping_plan
            .id,
        p.coping_plans[0].id
    );

    // Named triggers that match a plan trigger's name count for it.
    logs::add(
        &s,
        craving(
            local(2025, 11, 20, 8, 0, -5),
            4,
            vec![new_trigger("ANGRY after an argument")],
        ),
        now,
    )
    .unwrap();
    let t = today(&s, local(2025, 11, 27, 8, 0, -5), Language::En).unwrap();
    assert_eq!(t.suggestions[0].coping_plan.id, p.coping_plans[3].id);
    assert_eq!(t.suggestions[0].score, 4 + 1);

    assert_eq!(t.plan_revision, Some(1));
    // Crisis lines, then the sponsor/counselor with phones (none yet).
    assert_eq!(t.crisis_contacts.len(), 2);
}

#[test]
fn crisis_contacts_include_reachable_supporters() {
    let mut p = template(crate::plan::Language::Es).unwrap();
    p.contacts[0].phone = "555-0100".into();
    p.contacts.push(crate::plan::SupportContact {
        name: "Mom".into(),
        role: ContactRole::Family,
        phone: "555-0101".into(),
        how_to_reach: String::new(),
    });
    let c = crisis_contacts(Some(&p), Language::En);
    assert_eq!(
        c.iter()
            .map(|c| (c.role, c.phone.as_str()))
            .collect::<Vec<_>>(),
        vec![
            (ContactRole::CrisisLine, "988"),
            (ContactRole::CrisisLine, "1-800-662-4357"),
            (ContactRole::Sponsor, "555-0100"),
        ]
    );
}

#[test]
fn check_ins_clocks_and_days_follow_the_local_calendar() {
    let (_d, v) = vault();
    let s = v.store().unwrap();
    // Spring forward in New York: 2025-03-09 is 23 hours long.
    let before_dst = local(2025, 3, 8, 22, 0, -5);
    let (_, _) = sobriety::add(&s, "Alcohol", date(2025, 3, 1), before_dst).unwrap();
    let at_dst = local(2025, 3, 10, 0, 30, -4);
    let t = today(&s, at_dst, Language::En).unwrap();
    assert_eq!(t.clocks[0].current_days, 9);
    assert_eq!(t.clocks[0].next_milestone.count, 30);
    assert_eq!(t.clocks[0].next_milestone.date, date(2025, 3, 31));
    assert_eq!(t.clocks[0].next_milestone.days_away, 21);
    // 23:30 the evening before, in EDT already: still the 9th.
    assert_eq!(
        today(&s, local(2025, 3, 9, 23, 30, -4), Language::En)
            .unwrap()
            .clocks[0]
            .current_days,
        8
    );

    // Travel: the same instant is the 10th in New York and the 10th in
    // Tokyo at 13:30 but only the 9th in Honolulu at 18:30.
    let honolulu = LocalInstant {
        offset_minutes: -600,
        ..at_dst
    };
    assert_eq!(
        today(&s, honolulu, Language::En).unwrap().clocks[0].current_days,
        8
    );
    let tokyo = LocalInstant {
        offset_minutes: 540,
        ..at_dst
    };
    assert_eq!(
        today(&s, tokyo, Language::En).unwrap().clocks[0].current_days,
        9
    );

    // A check-in late in the evening counts for that day, not the next.
    let evening = local(2025, 3, 9, 23, 45, -4);
    let ci = logs::add(&s, checkin(evening), at_dst).unwrap();
    let t = today(
        &s,
        LocalInstant {
            utc_millis: evening.utc_millis + 60_000,
            ..evening
        },
        Language::En,
    )
    .unwrap();
    assert!(t.checked_in_today);
    assert_eq!(t.todays_checkin.as_ref().map(|b| b.id), Some(ci.id));
    assert!(!today(&s, at_dst, Language::En).unwrap().checked_in_today);

    // Milestone day.
    let t = today(&s, local(2025, 3, 31, 8, 0, -4), Language::En).unwrap();
    assert_eq!(t.clocks[0].milestone_today.map(|m| m.count), Some(30));
    assert_eq!(t.clocks[0].next_milestone.count, 60);
}

#[test]
fn a_lapse_shows_the_lapse_plan_for_two_days_and_resets_if_chosen() {
    let (_d, v) = vault();
    let s = v.store().unwrap();
    let now = local(2025, 11, 24, 21, 0, -5);
    let (clock, _) = sobriety::add(&s, "Opioids", date(2025, 9, 1), now).unwrap();
    plan::save(
        &s,
        template(crate::plan::Language::En).unwrap(),
        None,
        false,
        now,
    )
    .unwrap();
    assert_eq!(
        today(&s, now, Language::En).unwrap().clocks[0].current_days,
        84
    );
    logs::lapse::record(
        &s,
        lapse(local(2025, 11, 24, 20, 0, -5), vec![clock], true),
        now,
        Language::En,
    )
    .unwrap();
    let t = today(&s, now, Language::En).unwrap();
    assert_eq!(t.clocks[0].current_days, 0);
    assert_eq!(t.clocks[0].longest_days, 84);
    assert!(
        t.lapse_plan
            .as_ref()
            .is_some_and(|p| !p.overdose_safety.is_empty())
    );
    assert_eq!(t.recent[0].kind, crate::logs::EntryKind::Lapse);
    assert!(t.recent[0].any_use);
    assert!(
        today(&s, local(2025, 11, 25, 21, 0, -5), Language::En)
            .unwrap()
            .lapse_plan
            .is_some()
    );
    let two_days = today(&s, local(2025, 11, 26, 9, 0, -5), Language::En).unwrap();
    assert!(two_days.lapse_plan.is_none());
    assert_eq!(two_days.clocks[0].current_days, 1);
    assert_eq!(two_days.clocks[0].streak_start, date(2025, 11, 25));
}

#[test]
fn today_repairs_lost_summaries_and_shows_the_same() {
    let (_d, v) = vault();
    let s = v.store().unwrap();
    let now = local(2025, 11, 24, 18, 0, -5);
    let (clock, _) = sobriety::add(&s, "All", date(2025, 1, 1), now).unwrap();
    for h in 1..40 {
        let at = LocalInstant {
            utc_millis: now.utc_millis - h * 3_600_000,
            ..now
        };
        logs::add(
            &s,
            craving(at, (h % 11) as u8, vec![new_trigger("rain")]),
            now,
        )
        .unwrap();
    }
    logs::add(
        &s,
        lapse(local(2025, 6, 1, 12, 0, -5), vec![clock], true),
        now,
    )
    .unwrap();
    logs::add(&s, checkin(now), now).unwrap();
    let before = today(&s, now, Language::En).unwrap();
    assert_eq!(before.recent.len(), 5);
    assert!(before.checked_in_today);
    for (id, _) in s.list::<Recent>().unwrap().items {
        s.delete::<Recent>(&id).unwrap();
    }
    for (id, _) in s.list::<Rhythm>().unwrap().items {
        s.delete::<Rhythm>(&id).unwrap();
    }
    for (id, _) in s.list::<LapseIndex>().unwrap().items {
        s.delete::<LapseIndex>(&id).unwrap();
    }
    assert_eq!(today(&s, now, Language::En).unwrap(), before);
    assert_eq!(s.count::<Recent>().unwrap(), 1);
    assert_eq!(s.count::<Rhythm>().unwrap(), 1);
    assert_eq!(s.count::<LapseIndex>().unwrap(), 1);
    assert_eq!(s.count::<Craving>().unwrap(), 39);
}

/// The phone in Los Angeles at `utc_millis`.
fn in_la(utc_millis: i64) -> ZonedNow {
    ZonedNow::new(utc_millis, "America/Los_Angeles").unwrap()
}

#[test]
fn meetings_on_now_and_next_with_the_phones_wall_clock() {
    use crate::meetings::tests::{iop_group, utc};
    let (_d, v) = vault();
    let s = v.store().unwrap();
    let group = crate::meetings::add(&s, iop_group()).unwrap();

    // Friday before the first session and before New York falls back: the
    // next meeting is Monday 18:00 EST, 15:00 PST on the phone in LA (whose
    // offset now is still PDT).
    let friday = in_la(utc(2026, 10, 30, 16, 0));
    let t = screen(&s, &friday, Language::En).unwrap();
    assert!(t.meeting_now.is_none());
    let next = t.next_meeting.unwrap();
    assert_eq!(next.occurrence.meeting_id, group.id);
    assert_eq!(next.occurrence.slot.start_millis, utc(2026, 11, 2, 23, 0));
    assert_eq!(next.local_start.offset_minutes, -480);
    assert_eq!(
        next.local_start
            .to_local()
            .unwrap()
            .naive_local()
            .to_string(),
        "2026-11-02 15:00:00"
    );
    assert_eq!(friday.instant().offset_minutes, -420);

    // Monday 17:45 New York: the group starts within half an hour; the next
    // meeting is Wednesday's.
    let early = in_la(utc(2026, 11, 9, 22, 45));
    let t = screen(&s, &early, Language::En).unwrap();
    let on = t.meeting_now.clone().unwrap();
    assert!(!on.in_progress && on.recorded.is_none() && on.can_check_in());
    assert_eq!(on.occurrence.slot.start_millis, utc(2026, 11, 9, 23, 0));
    assert_eq!(
        t.next_meeting.unwrap().occurrence.slot.start_millis,
        utc(2026, 11, 11, 23, 0)
    );

    // Checked in at 18:05; at 18:10 the meeting is in progress and done.
    let at = |ms| LocalInstant {
        utc_millis: ms,
        offset_minutes: -480,
    };
    crate::meetings::attendance::check_in_now(&s, at(utc(2026, 11, 9, 23, 5))).unwrap();
    let t = screen(&s, &in_la(utc(2026, 11, 9, 23, 10)), Language::En).unwrap();
    let on = t.meeting_now.unwrap();
    assert!(on.in_progress && !on.can_check_in());
    assert_eq!(on.recorded, Some(AttendanceStatus::Attended));
}

#[test]
fn the_exercise_follows_an_ongoing_craving_and_what_helped() {
    use crate::exercises::session::{SessionEnd, SessionStart};
    use crate::exercises::{BuiltIn, ExerciseRef, Length, SuggestionReason};
    let (_d, v) = vault();
    let s = v.store().unwrap();
    let now_ms = Utc
        .with_ymd_and_hms(2025, 11, 24, 15, 0, 0)
        .unwrap()
        .timestamp_millis();
    let now = ZonedNow::new(now_ms, "America/New_York").unwrap();
    let ago = |min: i64| LocalInstant {
        utc_millis: now_ms - min * 60_000,
        offset_minutes: -300,
    };
    // 10:00 in New York, nothing ongoing: the morning exercise.
    let t = screen(&s, &now, Language::En).unwrap();
    assert_eq!(t.exercise.reason, SuggestionReason::Morning);
    assert!(t.ongoing_craving.is_none());

    let mut c = craving(ago(10), 6, vec![]);
    c.outcome = CravingOutcome::Ongoing;
    let ongoing = logs::add(&s, c, now.instant()).unwrap();
    let t = screen(&s, &now, Language::En).unwrap();
    assert_eq!(t.ongoing_craving.as_ref().map(|b| b.id), Some(ongoing.id));
    assert_eq!(
        t.exercise.exercise,
        ExerciseRef::BuiltIn(BuiltIn::UrgeSurfing)
    );

    for i in 0..3 {
        let started = crate::exercises::session::start(
            &s,
            SessionStart {
                exercise: ExerciseRef::BuiltIn(BuiltIn::Sigh),
                length: Length::Standard,
                started_at: ago(600 + i * 60),
                craving_before: Some(7),
                craving_id: None,
            },
            now.instant(),
        )
        .unwrap();
        crate::exercises::session::finish(
            &s,
            started.id,
            SessionEnd {
                ended_at: ago(590 + i * 60),
                practiced_ms: None,
                craving_after: Some(3),
                craving_id: None,
            },
            now.instant(),
        )
        .unwrap();
    }
    let t = screen(&s, &now, Language::En).unwrap();
    assert_eq!(t.exercise.reason, SuggestionReason::HelpedBefore);
    assert_eq!(t.exercise.exercise, ExerciseRef::BuiltIn(BuiltIn::Sigh));

    // Two hours later the craving is no longer "in progress".
    let later = ZonedNow::new(now_ms + 2 * 3_600_000, "America/New_York").unwrap();
    let t = screen(&s, &later, Language::En).unwrap();
    assert!(t.ongoing_craving.is_none());
    assert_eq!(t.exercise.reason, SuggestionReason::Afternoon);
}

#[test]
fn high_risk_hours_are_the_busiest_hours_of_the_day() {
    let rhythm = Rhythm::from_counts([
        ("n:a".to_string(), 19, 2),      // Monday 19:00
        ("n:b".to_string(), 24 + 19, 2), // Tuesday 19:00
        ("n:a".to_string(), 24 * 3 + 8, 3),
        ("n:c".to_string(), 22, 5),
        ("n:c".to_string(), 23, 2),
        ("n:c".to_string(), 12, 9),
    ]);
    assert_eq!(high_risk_hours(&rhythm), vec![12, 22, 19]);
    assert!(high_risk_hours(&Rhythm::default()).is_empty());
}
