#![allow(clippy::unwrap_used)]

use chrono::{NaiveDate, Weekday};

use super::*;
use crate::meetings::{DaySet, Meeting, MeetingKind, MonthWeek, Place};
use crate::store::RecordId;

const NOW: LocalInstant = LocalInstant {
    utc_millis: 1_795_000_000_000, // 2026-11-18
    offset_minutes: -300,
};

fn meeting(name: &str, zone: &str, repeat: Repeat) -> SavedMeeting {
    SavedMeeting {
        id: RecordId::random().unwrap(),
        meeting: Meeting {
            name: name.into(),
            kind: MeetingKind::IopGroup,
            place: Place {
                venue: "Clinic, Room 2".into(),
                address: "1 Main St; Suite 3".into(),
                online_url: "https://example.org/join?id=1".into(),
                ..Place::default()
            },
            schedule: Schedule {
                zone: zone.into(),
                start_date: NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(),
                end_date: None,
                start_minute: 18 * 60,
                duration_minutes: 180,
                repeat,
            },
            reminder_minutes: Some(30),
            notes: "Bring the workbook.\nAsk about Friday.".into(),
            types: vec![],
            source: None,
        }
        .validate()
        .unwrap(),
    }
}

fn unfolded(ics: &str) -> Vec<String> {
    ics.replace("\r\n ", "")
        .split("\r\n")
        .map(str::to_string)
        .collect()
}

#[test]
fn a_weekly_group_becomes_a_recurring_event_in_its_zone() {
    let m = meeting(
        "IOP group, evening",
        "America/New_York",
        Repeat::Weekly {
            days: DaySet::of([Weekday::Mon, Weekday::Wed, Weekday::Thu]),
            every_weeks: 1,
        },
    );
    let ics = export(std::slice::from_ref(&m), NOW, Language::En).unwrap();
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
    assert!(ics.ends_with("END:VCALENDAR\r\n"));
    for line in ics.split("\r\n") {
        assert!(line.len() <= 75, "unfolded line: {line}");
    }
    let lines = unfolded(&ics);
    let has = |l: &str| lines.iter().any(|x| x == l);
    // Nov 1 2026 is a Sunday: the first occurrence is Monday Nov 2.
    assert!(
        has("DTSTART;TZID=America/New_York:20261102T180000"),
        "{ics}"
    );
    assert!(has("RRULE:FREQ=WEEKLY;BYDAY=MO,WE,TH;WKST=MO"));
    assert!(has("DURATION:PT180M"));
    assert!(has("SUMMARY:IOP group\\, evening"));
    assert!(has("LOCATION:Clinic\\, Room 2\\, 1 Main St\\; Suite 3"));
    assert!(has(&format!("UID:{}@keel.local", m.id)));
    assert!(has("URL:https://example.org/join?id=1"));
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("DESCRIPTION:IOP group session\\n"))
    );
    // The zone, with its changes: EDT -> EST on 2026-11-01 02:00 local.
    assert!(has("TZID:America/New_York"));
    let std_at = lines
        .iter()
        .position(|l| l == "DTSTART:20261101T020000")
        .unwrap();
    assert_eq!(
        lines[std_at + 1..std_at + 3],
        ["TZOFFSETFROM:-0400", "TZOFFSETTO:-0500"]
    );
    assert!(has("DTSTART:20270314T020000"), "the next spring change");
    assert!(has("DTSTART:20360309T020000"), "ten years of changes");
}

#[test]
fn monthly_once_and_ending_schedules() {
    let monthly = meeting(
        "Family night",
        "Europe/London",
        Repeat::Monthly {
            week: MonthWeek::Last,
            day: Weekday::Fri,
        },
    );
    let once = meeting("Intake", "Asia/Tokyo", Repeat::Once);
    let mut ending = meeting(
        "Every other week",
        "UTC",
        Repeat::Weekly {
            days: DaySet::of([Weekday::Tue]),
            every_weeks: 2,
        },
    );
    ending.meeting.schedule.end_date = NaiveDate::from_ymd_opt(2027, 1, 31);
    let lines = unfolded(&export(&[monthly, once, ending], NOW, Language::En).unwrap());
    let has = |l: &str| lines.iter().any(|x| x == l);
    assert!(has("RRULE:FREQ=MONTHLY;BYDAY=-1FR"));
    assert!(has("DTSTART;TZID=Europe/London:20261127T180000"));
    assert!(has("DTSTART;TZID=Asia/Tokyo:20261101T180000"));
    assert_eq!(lines.iter().filter(|l| l.starts_with("RRULE")).count(), 2);
    assert!(has(
        "RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;WKST=MO;UNTIL=20270131T235959Z"
    ));
    // Tokyo has no DST: one standard observance, no daylight.
    let tokyo = lines.iter().position(|l| l == "TZID:Asia/Tokyo").unwrap();
    let end = tokyo
        + lines[tokyo..]
            .iter()
            .position(|l| l == "END:VTIMEZONE")
            .unwrap();
    assert!(!lines[tokyo..end].iter().any(|l| l == "BEGIN:DAYLIGHT"));
    assert_eq!(lines.iter().filter(|l| *l == "BEGIN:VTIMEZONE").count(), 3);
}

#[test]
fn offsets_print_as_rfc_5545_wants() {
    assert_eq!(offset_text(-18_000), "-0500");
    assert_eq!(offset_text(19_800), "+0530");
    assert_eq!(offset_text(0), "+0000");
    assert_eq!(offset_text(-2_670), "-004430");
}
