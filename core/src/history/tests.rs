//! The merged history: order, paging that survives new entries, filters,
//! summaries and refused requests.

use super::*;
use crate::exercises::session::{self, SessionEnd, SessionStart};
use crate::exercises::{BuiltIn, Length};
use crate::logs::tests::{NOW, checkin, craving, hours_ago, new_trigger, vault};
use crate::logs::{self, CravingOutcome};
use crate::meetings::attendance::{self, AttendanceDraft};
use crate::meetings::tests::iop_group;
use crate::notes;

fn request(limit: usize, token: Option<String>) -> HistoryRequest {
    HistoryRequest {
        from_millis: None,
        until_millis: None,
        kinds: Vec::new(),
        page_token: token,
        limit,
    }
}

/// Every page from the first, with `between` run before each next page.
fn all_pages(store: &Store<'_>, limit: usize, mut between: impl FnMut(usize)) -> Vec<HistoryItem> {
    let mut out = Vec::new();
    let mut token = None;
    for n in 0.. {
        let page = page(store, &request(limit, token), Language::En).unwrap();
        assert!(page.items.len() <= limit);
        out.extend(page.items);
        match page.next_page_token {
            Some(t) => token = Some(t),
            None => break,
        }
        between(n);
    }
    out
}

fn fill(store: &Store<'_>) {
    let mut c = craving(
        hours_ago(1),
        7,
        vec![new_trigger("Rain"), new_trigger("Payday")],
    );
    c.outcome = CravingOutcome::Used;
    logs::add(store, c, NOW).unwrap();
    // Two entries at the very same instant: kind order breaks the tie.
    logs::add(store, craving(hours_ago(5), 3, vec![]), NOW).unwrap();
    let mut ci = checkin(hours_ago(5));
    ci.intention = "Call Sam".into();
    logs::add(store, ci, NOW).unwrap();
    notes::add(store, hours_ago(2), "A good day.\nSecond line", NOW).unwrap();
    let started = session::start(
        store,
        SessionStart {
            exercise: ExerciseRef::BuiltIn(BuiltIn::Box),
            length: Length::Standard,
            started_at: hours_ago(3),
            craving_before: Some(5),
            craving_id: None,
        },
        NOW,
    )
    .unwrap();
    session::finish(
        store,
        started.id,
        SessionEnd {
            ended_at: LocalInstant {
                utc_millis: hours_ago(3).utc_millis + 120_000,
                ..NOW
            },
            practiced_ms: Some(64_000),
            craving_after: Some(2),
            craving_id: None,
        },
        NOW,
    )
    .unwrap();
    let meeting = crate::meetings::add(store, iop_group()).unwrap();
    attendance::record(
        store,
        AttendanceDraft {
            meeting_id: meeting.id,
            occurrence: hours_ago(26),
            status: AttendanceStatus::Late,
            minutes: Some(90),
            notes: String::new(),
        },
        NOW,
    )
    .unwrap();
    for h in 30..40 {
        logs::add(store, checkin(hours_ago(h)), NOW).unwrap();
    }
}

#[test]
fn every_kind_merged_newest_first_with_one_line_summaries() {
    let (_d, v) = vault();
    let s = v.store().unwrap();
    fill(&s);
    let first = page(&s, &request(7, None), Language::En).unwrap();
    let kinds: Vec<HistoryKind> = first.items.iter().map(|i| i.kind).collect();
    use HistoryKind::*;
    assert_eq!(
        kinds,
        [
            Craving, Note, Practice, Craving, CheckIn, Attendance, CheckIn
        ]
    );
    let lines: Vec<&str> = first.items.iter().map(|i| i.summary.as_str()).collect();
    assert_eq!(lines[0], "Craving 7/10 · Rain, Payday");
    assert!(first.items[0].any_use && first.items[0].level == Some(7));
    assert_eq!(lines[1], "A good day.");
    assert_eq!(lines[2], "Box breathing · 1 min");
    assert_eq!(lines[4], "Check-in · craving 3/10 · Call Sam");
    assert_eq!(lines[5], "Evening IOP group · Arrived late");
    assert!(first.next_page_token.is_some());

    let es = page(&s, &request(7, None), Language::Es).unwrap();
    assert_eq!(es.items[0].summary, "Ganas de consumir 7/10 · Rain, Payday");
    assert_eq!(es.items[5].summary, "Evening IOP group · Llegué tarde");
}

#[test]
fn pages_neither_repeat_nor_skip_when_entries_arrive_between_them() {
    let (_d, v) = vault();
    let s = v.store().unwrap();
    fill(&s);
    let before = all_pages(&s, 100, |_| {});
    assert_eq!(before.len(), 16);
    // Pages of 3; before each next page, a new entry arrives (newer than
    // everything read).
    let mut added = 0;
    let paged = all_pages(&s, 3, |_| {
        logs::add(&s, craving(hours_ago(0), 1, vec![]), NOW).unwrap();
        added += 1;
    });
    assert_eq!(
        paged.iter().map(|i| i.id).collect::<Vec<_>>(),
        before.iter().map(|i| i.id).collect::<Vec<_>>()
    );
    assert!(added >= 5);
    assert_eq!(all_pages(&s, 100, |_| {}).len(), 16 + added);
}

#[test]
fn kinds_and_ranges_filter_and_bad_requests_are_refused() {
    let (_d, v) = vault();
    let s = v.store().unwrap();
    fill(&s);
    let only = |kinds: Vec<HistoryKind>| HistoryRequest {
        kinds,
        ..request(50, None)
    };
    let checkins = page(&s, &only(vec![HistoryKind::CheckIn]), Language::En).unwrap();
    assert_eq!(checkins.items.len(), 11);
    assert!(checkins.next_page_token.is_none());
    let ranged = HistoryRequest {
        from_millis: Some(hours_ago(6).utc_millis),
        until_millis: Some(hours_ago(2).utc_millis),
        ..request(50, None)
    };
    let kinds: Vec<HistoryKind> = page(&s, &ranged, Language::En)
        .unwrap()
        .items
        .iter()
        .map(|i| i.kind)
        .collect();
    assert_eq!(
        kinds,
        [
            HistoryKind::Practice,
            HistoryKind::Craving,
            HistoryKind::CheckIn
        ]
    );

    let field = |req: HistoryRequest| match page(&s, &req, Language::En) {
        Err(Error::InvalidInput { field, .. }) => field,
        other => panic!("expected invalid input, got {other:?}"),
    };
    assert_eq!(field(request(0, None)), "limit");
    assert_eq!(field(request(MAX_LIMIT + 1, None)), "limit");
    for token in [
        "",
        "h1",
        "h2.1.0.00",
        "h1.x.0.00",
        "h1.5.9.00000000000000000000000000000000",
        "h1.5.0.zz",
    ] {
        assert_eq!(
            field(request(5, Some(token.into()))),
            "page_token",
            "{token}"
        );
    }
    let backwards = HistoryRequest {
        from_millis: Some(2),
        until_millis: Some(1),
        ..request(5, None)
    };
    assert_eq!(field(backwards), "range");
}

#[test]
fn long_texts_are_cut_to_one_line() {
    assert_eq!(one_line("  \n first \nsecond"), "first");
    let long = "x".repeat(500);
    let cut = one_line(&long);
    assert_eq!(cut.chars().count(), SUMMARY_MAX);
    assert!(cut.ends_with('…'));
}
