#![allow(clippy::unwrap_used)]

use chrono::NaiveDate;
use proptest::prelude::*;

use super::*;
use crate::meetings::Fellowship;

const AA: MeetingKind = MeetingKind::TwelveStep(Fellowship::Aa);
/// The spec's example meeting, as published (`schema/example.json`).
const EXAMPLE: &str = include_str!("../../../tests/fixtures/meeting-guide/example-meeting.json");

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
}

fn read(feed: &str) -> FeedImport {
    import(feed, AA, "America/Los_Angeles", today()).unwrap()
}

#[test]
fn the_spec_example_imports_whole() {
    let got = read(&format!("[{EXAMPLE}]"));
    assert!(got.skipped.is_empty(), "{:?}", got.skipped);
    let [m] = got.meetings.as_slice() else {
        panic!("{got:?}")
    };
    assert_eq!(m.slug, "sunday-serenity-14");
    assert!(m.warnings.is_empty(), "{:?}", m.warnings);
    let meeting = &m.meeting;
    assert_eq!(meeting.name, "Sunday Serenity");
    assert_eq!(meeting.kind, AA);
    assert_eq!(meeting.place.venue, "Alano Club");
    assert_eq!(
        meeting.place.address,
        "123 Main Street, Anytown, CA 98765, US"
    );
    assert_eq!(meeting.notes, "Ring buzzer. Meeting is on the 2nd floor.");
    assert_eq!(meeting.types, ["Open", "Transgender", "LGBTQ"]);
    let s = &meeting.schedule;
    assert_eq!(s.zone, "America/Los_Angeles", "no timezone: the default");
    assert_eq!((s.start_minute, s.duration_minutes), (18 * 60, 90));
    assert_eq!(
        s.repeat,
        Repeat::Weekly {
            days: DaySet::of([Weekday::Sun]),
            every_weeks: 1
        }
    );
}

#[test]
fn a_messy_feed_imports_what_it_can_and_says_why_not_the_rest() {
    let feed = r#"[
        {"name": "Early Birds", "slug": "early", "day": [1, 3, 5], "time": "6:30", "end_time": "7:30",
         "timezone": "America/New_York", "types": ["O", "D", "ZZZ", 7], "unknown_field": {"x": 1},
         "conference_url": "https://zoom.us/j/123", "conference_url_notes": "Passcode 1",
         "conference_phone": "+16465588656,,123#"},
        {"name": "Duplicate", "slug": "early", "day": 2, "time": "19:00"},
        {"name": "No time", "slug": "no-time", "day": 2},
        {"name": "Bad time", "slug": "bad-time", "day": 2, "time": "7pm"},
        {"name": "Appointment", "slug": "appt", "time": "19:00"},
        {"name": "Bad day", "slug": "bad-day", "day": 9, "time": "19:00"},
        {"name": "Some days", "slug": "some", "day": [2, 12, "4"], "time": "19:00:00"},
        {"name": "Mars", "slug": "mars", "day": 2, "time": "19:00", "timezone": "Mars/Olympus"},
        {"slug": "nameless", "day": 2, "time": "19:00"},
        {"name": "Slugless", "day": 2, "time": "19:00"},
        "not an object",
        null,
        {"name": "Bad link", "slug": "bad-link", "day": 0, "time": "23:00", "end_time": "01:00",
         "conference_url": "javascript:alert(1)", "conference_phone": "call Bob"},
        {"name": "Bad end", "slug": "bad-end", "day": 4, "time": "12:00", "end_time": "noon"}
    ]"#;
    let got = read(feed);
    let slugs: Vec<&str> = got.meetings.iter().map(|m| m.slug.as_str()).collect();
    assert_eq!(slugs, ["early", "some", "bad-link", "bad-end"]);
    let reasons: Vec<(usize, SkipReason)> = got
        .skipped
        .iter()
        .map(|s| (s.position, s.reason.clone()))
        .collect();
    assert_eq!(
        reasons,
        [
            (1, SkipReason::DuplicateSlug),
            (2, SkipReason::NoTime),
            (3, SkipReason::BadTime),
            (4, SkipReason::NoDay),
            (5, SkipReason::BadDay),
            (7, SkipReason::UnknownTimeZone),
            (8, SkipReason::NoName),
            (9, SkipReason::NoSlug),
            (10, SkipReason::NotAnObject),
            (11, SkipReason::NotAnObject),
        ]
    );
    let early = &got.meetings[0];
    assert_eq!(early.meeting.types, ["Open", "Discussion"]);
    assert_eq!(
        early.warnings,
        [
            ImportWarning::UnknownType { code: "ZZZ".into() },
            ImportWarning::UnknownType { code: "7".into() }
        ]
    );
    assert_eq!(early.meeting.schedule.zone, "America/New_York");
    assert_eq!(early.meeting.place.online_url, "https://zoom.us/j/123");
    assert_eq!(early.meeting.place.phone, "+16465588656,,123#");
    assert_eq!(got.meetings[1].warnings, [ImportWarning::SomeDaysIgnored]);
    let bad_link = &got.meetings[2];
    assert_eq!(
        bad_link.warnings,
        [ImportWarning::BadLink, ImportWarning::BadPhone]
    );
    assert!(bad_link.meeting.place.online_url.is_empty());
    assert_eq!(
        bad_link.meeting.schedule.duration_minutes, 120,
        "runs past midnight"
    );
    assert_eq!(got.meetings[3].warnings, [ImportWarning::BadEndTime]);
    assert_eq!(got.meetings[3].meeting.schedule.duration_minutes, 60);
}

#[test]
fn long_texts_are_cut_with_a_warning() {
    let long = "x".repeat(5_000);
    let feed = format!(
        r#"[{{"name": "{long}", "slug": "s", "day": 1, "time": "10:00", "notes": "{long}{long}"}}]"#
    );
    let got = read(&feed);
    let m = &got.meetings[0];
    assert_eq!(m.meeting.name.chars().count(), 200);
    assert!(m.warnings.contains(&ImportWarning::Shortened {
        field: "name".into()
    }));
    assert!(m.warnings.contains(&ImportWarning::Shortened {
        field: "notes".into()
    }));
}

#[test]
fn a_whole_feed_that_is_not_a_list_is_an_error() {
    for bad in ["", "{", "42", "\"x\"", "{\"meetings\": 3}", "[1,2"] {
        let e = import(bad, AA, "UTC", today()).unwrap_err();
        assert!(
            matches!(e, Error::InvalidInput { field: "feed", .. }),
            "{bad}: {e:?}"
        );
    }
    let wrapped = read(&format!("{{\"meetings\": [{EXAMPLE}]}}"));
    assert_eq!(wrapped.meetings.len(), 1);
    assert!(matches!(
        import("[]", AA, "Not/AZone", today()),
        Err(Error::InvalidInput {
            field: "default_zone",
            ..
        })
    ));
    let deep = "[".repeat(10_000) + &"]".repeat(10_000);
    assert!(
        import(&deep, AA, "UTC", today()).is_err(),
        "nesting is bounded"
    );
}

#[test]
fn times_parse_as_the_spec_writes_them() {
    assert_eq!(parse_time("19:30"), Some(1170));
    assert_eq!(parse_time("7:05"), Some(425));
    assert_eq!(parse_time("00:00:00"), Some(0));
    for bad in [
        "24:00",
        "12:60",
        "12",
        "12:00:61",
        "a:b",
        "",
        "12:00:00:00",
        "-1:00",
    ] {
        assert_eq!(parse_time(bad), None, "{bad}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, ..ProptestConfig::default() })]

    /// Any bytes at all: an error or a report, never a panic.
    #[test]
    fn arbitrary_text_never_panics(feed in "\\PC{0,400}") {
        let _ = import(&feed, AA, "UTC", today());
    }

    /// Arbitrary JSON shaped like a feed: every meeting is imported or
    /// skipped, exactly once, and every import is a valid meeting.
    #[test]
    fn arbitrary_meetings_are_imported_or_skipped(
        items in prop::collection::vec(meeting_like(), 0..20)
    ) {
        let feed = serde_json::to_string(&items).unwrap();
        let got = import(&feed, AA, "Europe/Madrid", today()).unwrap();
        prop_assert_eq!(got.meetings.len() + got.skipped.len(), items.len());
        for m in &got.meetings {
            prop_assert!(m.meeting.clone().validate().is_ok());
        }
    }
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        (-10i64..10).prop_map(Value::from),
        "\\PC{0,30}".prop_map(Value::from),
        "[0-9]{1,2}:[0-9]{2}".prop_map(Value::from),
    ];
    leaf.prop_recursive(2, 16, 4, |inner| {
        prop::collection::vec(inner, 0..4).prop_map(Value::Array)
    })
}

fn meeting_like() -> impl Strategy<Value = Value> {
    let keys = prop::sample::select(vec![
        "name",
        "slug",
        "day",
        "time",
        "end_time",
        "timezone",
        "types",
        "address",
        "city",
        "formatted_address",
        "conference_url",
        "conference_phone",
        "notes",
        "location",
        "other",
    ]);
    prop::collection::btree_map(keys, json_value(), 0..12)
        .prop_map(|m| Value::Object(m.into_iter().map(|(k, v)| (k.to_string(), v)).collect()))
}

mod picked {
    use super::*;
    use crate::meetings::{self, tests::vault};

    fn at(rfc3339: &str) -> ZonedNow {
        let ms = chrono::DateTime::parse_from_rfc3339(rfc3339)
            .unwrap()
            .timestamp_millis();
        ZonedNow::new(ms, "America/Los_Angeles").unwrap()
    }

    /// The spec's example (Sundays 18:00-19:30) and a Tuesday meeting.
    fn feed(name: &str) -> String {
        let mut tuesday: Value = serde_json::from_str(EXAMPLE).unwrap();
        tuesday["slug"] = "tuesday-noon".into();
        tuesday["name"] = name.into();
        tuesday["day"] = 2.into();
        tuesday["time"] = "12:00".into();
        format!("[{EXAMPLE}, {tuesday}]")
    }

    const SOURCE: &str = "https://example.org/meetings.json";

    #[test]
    fn schedules_start_at_the_next_real_occurrence() {
        let (_d, v) = vault();
        let s = v.store().unwrap();
        let start = |now: &str| {
            let got = preview(&s, &feed("Noon"), AA, SOURCE, &at(now)).unwrap();
            (
                got.meetings[0].meeting.schedule.start_date,
                got.meetings[1].meeting.schedule.start_date,
            )
        };
        let date = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
        // Wednesday: next Sunday, next Tuesday (not "today").
        assert_eq!(
            start("2026-11-25T12:00:00-08:00"),
            (date(29), NaiveDate::from_ymd_opt(2026, 12, 1).unwrap())
        );
        // Sunday during the meeting: that Sunday; after it: a week later.
        assert_eq!(start("2026-11-29T18:30:00-08:00").0, date(29));
        assert_eq!(
            start("2026-11-29T20:00:00-08:00").0,
            NaiveDate::from_ymd_opt(2026, 12, 6).unwrap()
        );
    }

    #[test]
    fn re_importing_updates_in_place_and_the_preview_marks_what_is_added() {
        let (_d, v) = vault();
        let s = v.store().unwrap();
        let now = at("2026-11-25T12:00:00-08:00");
        let first = preview(&s, &feed("Noon"), AA, SOURCE, &now).unwrap();
        assert!(first.meetings.iter().all(|m| m.already_added.is_none()));
        let pick = |got: &FeedImport| {
            got.meetings
                .iter()
                .map(|m| (m.slug.clone(), m.meeting.clone()))
                .collect::<Vec<_>>()
        };
        let saved = add_picked(&s, SOURCE, pick(&first)).unwrap();
        assert_eq!(saved.len(), 2);
        assert_eq!(
            saved[0].meeting.source,
            Some(FeedSource {
                feed: SOURCE.into(),
                slug: "sunday-serenity-14".into()
            })
        );
        // The participant sets a reminder; the feed renames the meeting.
        let mut mine = saved[1].meeting.clone();
        mine.reminder_minutes = Some(30);
        mine.source = None;
        meetings::update(&s, saved[1].id, mine).unwrap();
        assert!(
            meetings::get(&s, saved[1].id)
                .unwrap()
                .meeting
                .source
                .is_some()
        );

        let again = preview(&s, &feed("Noon Step Study"), AA, SOURCE, &now).unwrap();
        assert_eq!(again.meetings[0].already_added, Some(saved[0].id));
        assert_eq!(again.meetings[1].already_added, Some(saved[1].id));
        let other_feed = preview(&s, &feed("Noon"), AA, "Another intergroup", &now).unwrap();
        assert!(
            other_feed
                .meetings
                .iter()
                .all(|m| m.already_added.is_none())
        );

        let updated = add_picked(&s, SOURCE, pick(&again)).unwrap();
        assert_eq!(updated[1].id, saved[1].id);
        let list = meetings::list(&s).unwrap().meetings;
        assert_eq!(list.len(), 2, "updated, not duplicated");
        let noon = meetings::get(&s, saved[1].id).unwrap().meeting;
        assert_eq!(noon.name, "Noon Step Study");
        assert_eq!(
            noon.reminder_minutes,
            Some(30),
            "the participant's reminder kept"
        );
    }

    #[test]
    fn a_chosen_set_is_added_all_or_nothing() {
        let (_d, v) = vault();
        let s = v.store().unwrap();
        let now = at("2026-11-25T12:00:00-08:00");
        let got = preview(&s, &feed("Noon"), AA, SOURCE, &now).unwrap();
        let mut picked: Vec<(String, Meeting)> = got
            .meetings
            .iter()
            .map(|m| (m.slug.clone(), m.meeting.clone()))
            .collect();
        picked[1].1.name = " ".into();
        assert!(matches!(
            add_picked(&s, SOURCE, picked.clone()),
            Err(Error::InvalidInput { field: "name", .. })
        ));
        assert!(
            meetings::list(&s).unwrap().meetings.is_empty(),
            "nothing saved"
        );
        picked[1] = picked[0].clone();
        assert!(matches!(
            add_picked(&s, SOURCE, picked),
            Err(Error::InvalidInput { field: "slug", .. })
        ));
        assert!(matches!(
            add_picked(&s, " ", vec![]),
            Err(Error::InvalidInput {
                field: "source",
                ..
            })
        ));
        assert!(meetings::list(&s).unwrap().meetings.is_empty());
    }
}
