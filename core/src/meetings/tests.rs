#![allow(clippy::unwrap_used)]

use chrono::{NaiveDate, TimeZone, Utc, Weekday};

use super::attendance::{self, AttendanceDraft, AttendanceStatus};
use super::requirement::{self, MeetingSettings};
use super::screen::{attendance_record, meetings_screen};
use super::*;
use crate::store::PageRequest;
use crate::time::LocalInstant;
use crate::{Error, Vault};

pub(crate) fn vault() -> (tempfile::TempDir, Vault) {
    let dir = tempfile::tempdir().unwrap();
    let v = Vault::create(
        dir.path().join("v").to_str().unwrap(),
        "a long enough passphrase",
    )
    .unwrap();
    (dir, v)
}

pub(crate) fn utc(y: i32, m: u32, d: u32, h: u32, min: u32) -> i64 {
    Utc.with_ymd_and_hms(y, m, d, h, min, 0)
        .unwrap()
        .timestamp_millis()
}

/// `millis` in the IANA zone `zone`.
pub(crate) fn in_zone(zone: &str, millis: i64) -> crate::time::ZonedNow {
    crate::time::ZonedNow::new(millis, zone).unwrap()
}

/// New York, in standard time.
pub(crate) fn ny(millis: i64) -> LocalInstant {
    LocalInstant {
        utc_millis: millis,
        offset_minutes: -300,
    }
}

/// An IOP group Mon/Wed/Thu 18:00-21:00 New York time from 2026-11-02.
pub(crate) fn iop_group() -> Meeting {
    Meeting {
        name: "Evening IOP group".into(),
        kind: MeetingKind::IopGroup,
        place: Place {
            venue: "Harbor Clinic".into(),
            ..Place::default()
        },
        schedule: Schedule {
            zone: "America/New_York".into(),
            start_date: NaiveDate::from_ymd_opt(2026, 11, 2).unwrap(),
            end_date: None,
            start_minute: 18 * 60,
            duration_minutes: 180,
            repeat: Repeat::Weekly {
                days: DaySet::of([Weekday::Mon, Weekday::Wed, Weekday::Thu]),
                every_weeks: 1,
            },
        },
        reminder_minutes: Some(30),
        notes: String::new(),
        types: vec![],
        source: None,
    }
}

fn aa_saturday() -> Meeting {
    Meeting {
        name: "Saturday Serenity".into(),
        kind: MeetingKind::TwelveStep(Fellowship::Aa),
        schedule: Schedule {
            start_minute: 10 * 60,
            duration_minutes: 60,
            repeat: Repeat::Weekly {
                days: DaySet::of([Weekday::Sat]),
                every_weeks: 1,
            },
            ..iop_group().schedule
        },
        reminder_minutes: None,
        ..iop_group()
    }
}

fn attend(s: &crate::Store<'_>, id: RecordId, start: i64, status: AttendanceStatus) {
    attendance::record(
        s,
        AttendanceDraft {
            meeting_id: id,
            occurrence: ny(start),
            status,
            minutes: None,
            notes: String::new(),
        },
        ny(utc(2026, 12, 31, 0, 0)),
    )
    .unwrap();
}

#[test]
fn meetings_round_trip_and_refuse_bad_fields_by_name() {
    let (_d, v) = vault();
    let s = v.store().unwrap();
    let a = add(&s, iop_group()).unwrap();
    let b = add(&s, aa_saturday()).unwrap();
    let names: Vec<String> = list(&s)
        .unwrap()
        .meetings
        .into_iter()
        .map(|m| m.meeting.name)
        .collect();
    assert_eq!(names, ["Evening IOP group", "Saturday Serenity"]);
    let mut changed = aa_saturday();
    changed.name = "Saturday Serenity (hybrid)".into();
    assert_eq!(update(&s, b.id, changed).unwrap().id, b.id);
    assert_eq!(
        get(&s, b.id).unwrap().meeting.name,
        "Saturday Serenity (hybrid)"
    );
    delete(&s, a.id).unwrap();
    assert!(matches!(get(&s, a.id), Err(Error::NotFound { .. })));

    let field = |m: Meeting| match add(&s, m) {
        Err(Error::InvalidInput { field, .. }) => field,
        other => panic!("{other:?}"),
    };
    assert_eq!(
        field(Meeting {
            name: " ".into(),
            ..iop_group()
        }),
        "name"
    );
    assert_eq!(
        field(Meeting {
            reminder_minutes: Some(2000),
            ..iop_group()
        }),
        "reminder_minutes"
    );
    let bad_place = |place: Place| Meeting {
        place,
        ..iop_group()
    };
    assert_eq!(
        field(bad_place(Place {
            online_url: "javascript:alert(1)".into(),
            ..Place::default()
        })),
        "online_url"
    );
    assert_eq!(
        field(bad_place(Place {
            online_url: "https://".into(),
            ..Place::default()
        })),
        "online_url"
    );
    assert_eq!(
        field(bad_place(Place {
            phone: "call me".into(),
            ..Place::default()
        })),
        "phone"
    );
    assert_eq!(
        field(bad_place(Place {
            venue: "x".repeat(201),
            ..Place::default()
        })),
        "venue"
    );
    assert_eq!(
        list(&s).unwrap().meetings.len(),
        1,
        "nothing refused was saved"
    );
}

#[test]
fn attendance_is_one_record_per_occurrence_and_outlives_the_meeting() {
    let (_d, v) = vault();
    let s = v.store().unwrap();
    let m = add(&s, iop_group()).unwrap();
    let monday = utc(2026, 11, 2, 23, 0);
    let now = ny(utc(2026, 11, 3, 12, 0));
    let draft = |status, minutes| AttendanceDraft {
        meeting_id: m.id,
        occurrence: ny(monday),
        status,
        minutes,
        notes: "Talked about weekends.".into(),
    };
    let first = attendance::record(&s, draft(AttendanceStatus::Attended, None), now).unwrap();
    assert_eq!(
        first.attendance.minutes, 180,
        "the scheduled length by default"
    );
    let again = attendance::record(&s, draft(AttendanceStatus::LeftEarly, Some(120)), now).unwrap();
    assert_eq!(
        again.id, first.id,
        "the same occurrence is replaced, not doubled"
    );
    let page = attendance::page(
        &s,
        PageRequest {
            from_millis: None,
            until_millis: None,
            offset: 0,
            limit: 10,
        },
    )
    .unwrap();
    assert_eq!(page.total, 1);
    assert_eq!(page.items[0].1.status, AttendanceStatus::LeftEarly);

    // Refusals: future presence, minutes when missed, too long.
    let future = AttendanceDraft {
        occurrence: ny(utc(2026, 11, 5, 23, 0)),
        ..draft(AttendanceStatus::Attended, None)
    };
    assert!(matches!(
        attendance::record(&s, future, now),
        Err(Error::InvalidInput {
            field: "occurrence",
            ..
        })
    ));
    let excused_later = AttendanceDraft {
        occurrence: ny(utc(2026, 11, 5, 23, 0)),
        ..draft(AttendanceStatus::Excused, None)
    };
    assert_eq!(
        attendance::record(&s, excused_later, now)
            .unwrap()
            .attendance
            .minutes,
        0
    );
    assert!(matches!(
        attendance::record(&s, draft(AttendanceStatus::Missed, Some(30)), now),
        Err(Error::InvalidInput {
            field: "minutes",
            ..
        })
    ));
    assert!(matches!(
        attendance::record(&s, draft(AttendanceStatus::Attended, Some(2000)), now),
        Err(Error::InvalidInput {
            field: "minutes",
            ..
        })
    ));

    delete(&s, m.id).unwrap();
    let kept = attendance::update(&s, first.id, AttendanceStatus::Late, None, "", now).unwrap();
    assert_eq!(kept.attendance.meeting_name, "Evening IOP group");
    assert_eq!(
        kept.attendance.minutes, 120,
        "an edit keeps a length it is not given"
    );
    let unknown = AttendanceDraft {
        meeting_id: RecordId::random().unwrap(),
        ..draft(AttendanceStatus::Attended, None)
    };
    assert!(matches!(
        attendance::record(&s, unknown, now),
        Err(Error::NotFound { .. })
    ));
}

#[test]
fn im_here_finds_the_meeting_on_now_and_knows_late_from_on_time() {
    let (_d, v) = vault();
    let s = v.store().unwrap();
    let m = add(&s, iop_group()).unwrap();
    let start = utc(2026, 11, 4, 23, 0); // Wednesday 18:00 New York
    // 20 minutes early: on time, the whole session.
    let early = attendance::check_in_now(&s, ny(start - 20 * 60_000)).unwrap();
    assert_eq!(early.attendance.status, AttendanceStatus::Attended);
    assert_eq!(early.attendance.meeting_id, m.id);
    assert_eq!(early.attendance.occurrence.utc_millis, start);
    assert_eq!(early.attendance.minutes, 180);
    // 40 minutes in: late, for what remains; the same record.
    let late = attendance::check_in_now(&s, ny(start + 40 * 60_000)).unwrap();
    assert_eq!(late.id, early.id);
    assert_eq!(late.attendance.status, AttendanceStatus::Late);
    assert_eq!(late.attendance.minutes, 140);
    // Nothing on: a typed error.
    assert!(matches!(
        attendance::check_in_now(&s, ny(start + 4 * 3_600_000)),
        Err(Error::NotFound {
            what: "meeting_now"
        })
    ));
}

#[test]
fn weekly_hours_rate_and_streak() {
    let (_d, v) = vault();
    let s = v.store().unwrap();
    let group = add(&s, iop_group()).unwrap();
    let aa = add(&s, aa_saturday()).unwrap();
    requirement::save_settings(
        &s,
        MeetingSettings {
            weekly_minutes: Some(9 * 60),
            weekly_sessions: Some(3),
            ..MeetingSettings::default()
        },
    )
    .unwrap();
    // Weeks of Nov 2, 9, 16: all three sessions (9 h) each; Nov 23 so far:
    // Monday attended, AA on Saturday (does not count toward the program).
    for (day, status) in [
        (2, AttendanceStatus::Attended),
        (4, AttendanceStatus::Attended),
        (5, AttendanceStatus::Late),
        (9, AttendanceStatus::Attended),
        (11, AttendanceStatus::Attended),
        (12, AttendanceStatus::Attended),
        (16, AttendanceStatus::Attended),
        (18, AttendanceStatus::Attended),
        (19, AttendanceStatus::Attended),
        (23, AttendanceStatus::Attended),
    ] {
        attend(&s, group.id, utc(2026, 11, day, 23, 0), status);
    }
    attend(
        &s,
        aa.id,
        utc(2026, 11, 21, 15, 0),
        AttendanceStatus::Attended,
    );
    let now = ny(utc(2026, 11, 24, 17, 0)); // Tuesday noon
    let p = meetings_screen(&s, &in_zone("America/New_York", now.utc_millis))
        .unwrap()
        .progress;
    assert_eq!(p.week_start, NaiveDate::from_ymd_opt(2026, 11, 23).unwrap());
    assert_eq!((p.total.minutes, p.total.sessions), (180, 1));
    assert!(!p.met);
    assert_eq!(p.streak_weeks, 3, "the three full weeks before this one");
    // Last 28 days: 10 group sessions + 3 Saturdays scheduled since Nov 2
    // (Nov 7, 14, 21); 11 attended.
    assert_eq!((p.scheduled_recently, p.attended_recently), (13, 11));
    assert!((p.attendance_rate.unwrap() - 11.0 / 13.0).abs() < 1e-9);

    // An excused absence leaves the rate's denominator.
    attend(
        &s,
        aa.id,
        utc(2026, 11, 14, 15, 0),
        AttendanceStatus::Excused,
    );
    let p = meetings_screen(&s, &in_zone("America/New_York", now.utc_millis))
        .unwrap()
        .progress;
    assert_eq!((p.scheduled_recently, p.attended_recently), (12, 11));

    let history =
        requirement::history(&p.settings, &requirement::all_records(&s).unwrap(), now, 5).unwrap();
    let met: Vec<bool> = history.iter().map(|w| w.met).collect();
    assert_eq!(met, [false, true, true, true, false]);
    assert!(requirement::history(&p.settings, &[], now, 0).is_err());
    assert!(matches!(
        requirement::save_settings(
            &s,
            MeetingSettings {
                weekly_minutes: Some(0),
                ..MeetingSettings::default()
            }
        ),
        Err(Error::InvalidInput {
            field: "weekly_minutes",
            ..
        })
    ));
}

#[test]
fn the_meetings_screen_lists_today_and_the_week_with_what_was_recorded() {
    let (_d, v) = vault();
    let s = v.store().unwrap();
    let group = add(&s, iop_group()).unwrap();
    add(&s, aa_saturday()).unwrap();
    let monday = utc(2026, 11, 23, 23, 0);
    attend(&s, group.id, monday, AttendanceStatus::Attended);
    // Monday 23:30 New York: today's session is on (and recorded).
    let screen = meetings_screen(&s, &in_zone("America/New_York", monday + 30 * 60_000)).unwrap();
    assert_eq!(screen.today.len(), 1);
    assert_eq!(screen.today[0].status, Some(AttendanceStatus::Attended));
    // The next seven days: Wed, Thu, Sat, Mon.
    let names: Vec<&str> = screen
        .this_week
        .iter()
        .map(|u| u.occurrence.meeting.name.as_str())
        .collect();
    assert_eq!(
        names,
        [
            "Evening IOP group",
            "Evening IOP group",
            "Saturday Serenity",
            "Evening IOP group"
        ]
    );
    assert_eq!(screen.happening_now.unwrap().meeting_id, group.id);
    assert_eq!(screen.recent.len(), 1);
    assert_eq!(screen.meeting_count, 2);

    let record = attendance_record(&s, utc(2026, 11, 1, 0, 0), utc(2026, 12, 1, 0, 0)).unwrap();
    assert_eq!(record.len(), 1);
    assert!(attendance_record(&s, 10, 5).is_err());
}

#[test]
fn a_participant_who_flies_west_sees_the_meeting_at_the_same_instant() {
    let (_d, v) = vault();
    let s = v.store().unwrap();
    add(&s, iop_group()).unwrap();
    // In Los Angeles (-08:00) on Wednesday at 14:30 local = 17:30 New York.
    let la = LocalInstant {
        utc_millis: utc(2026, 11, 25, 22, 30),
        offset_minutes: -480,
    };
    let screen = meetings_screen(&s, &in_zone("America/Los_Angeles", la.utc_millis)).unwrap();
    assert_eq!(screen.today.len(), 1);
    assert_eq!(
        screen.today[0].occurrence.slot.start_millis,
        utc(2026, 11, 25, 23, 0)
    );
    assert_eq!(screen.today[0].occurrence.slot.offset_minutes, -300);
}

#[test]
fn the_screens_days_follow_the_phones_zone_across_a_dst_change() {
    let (_d, v) = vault();
    let s = v.store().unwrap();
    // Sundays at 00:30 in Santiago, where 2026-09-06 00:00-01:00 is skipped.
    let mut sunday = iop_group();
    sunday.schedule = Schedule {
        zone: "America/Santiago".into(),
        start_date: NaiveDate::from_ymd_opt(2026, 8, 1).unwrap(),
        end_date: None,
        start_minute: 30,
        duration_minutes: 60,
        repeat: Repeat::Weekly {
            days: DaySet::of([Weekday::Sun]),
            every_weeks: 1,
        },
    };
    add(&s, sunday).unwrap();
    // Saturday 2026-09-05 12:00 in Santiago (-04).
    let screen = meetings_screen(&s, &in_zone("America/Santiago", utc(2026, 9, 5, 16, 0))).unwrap();
    assert!(screen.today.is_empty());
    let starts: Vec<i64> = screen
        .this_week
        .iter()
        .map(|u| u.occurrence.slot.start_millis)
        .collect();
    // The 6th's 00:30 is read as 01:30 (-03); the 13th at 00:30 (-03) is
    // the eighth day, outside the week, though it is before midnight of
    // the 13th at the offset of "now".
    assert_eq!(starts, [utc(2026, 9, 6, 4, 30)]);
}
