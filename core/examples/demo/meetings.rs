//! The meetings part of the demo: Maria's program sessions and mutual-help
//! meetings, 90 days of attendance, the weekly requirement, the Meetings
//! screen, the next reminders and the calendar export.
//!
//! She and her program are in New York; the meetings keep that zone
//! whatever the machine's own zone is, as they would for a participant who
//! travels, and every time printed is local to New York.

use chrono::{NaiveDate, Weekday};
use keel_core::meetings::attendance::{self, AttendanceDraft, AttendanceStatus};
use keel_core::meetings::requirement::{self, MeetingSettings};
use keel_core::meetings::{
    self, DaySet, Fellowship, Meeting, MeetingKind, MonthWeek, Place, Repeat, Schedule, guide,
    ical, reminders, screen,
};
use keel_core::{Store, ZonedNow};

use super::{DemoResult, Dice, ZONE, local_time, timed};

/// The spec's example meeting, as an intergroup feed would publish it.
const FEED: &str = include_str!("../../tests/fixtures/meeting-guide/example-meeting.json");

fn schedule(start: NaiveDate, minute: u16, minutes: u16, repeat: Repeat) -> Schedule {
    Schedule {
        zone: ZONE.into(),
        start_date: start,
        end_date: None,
        start_minute: minute,
        duration_minutes: minutes,
        repeat,
    }
}

fn meeting(name: &str, kind: MeetingKind, venue: &str, schedule: Schedule) -> Meeting {
    Meeting {
        name: name.into(),
        kind,
        place: Place {
            venue: venue.into(),
            ..Place::default()
        },
        schedule,
        reminder_minutes: Some(30),
        notes: String::new(),
        types: Vec::new(),
        source: None,
    }
}

fn weekly(days: &[Weekday], every_weeks: u8) -> Repeat {
    Repeat::Weekly {
        days: DaySet::of(days.iter().copied()),
        every_weeks,
    }
}

pub fn meetings_tour(store: &Store<'_>, start: NaiveDate, here: &ZonedNow) -> DemoResult {
    let now = here.instant();
    println!("\n== Meetings and attendance");
    let list = [
        meeting(
            "Evening IOP group",
            MeetingKind::IopGroup,
            "Harbor Clinic",
            schedule(
                start,
                18 * 60,
                180,
                weekly(&[Weekday::Mon, Weekday::Wed, Weekday::Thu], 1),
            ),
        ),
        meeting(
            "Counseling with Dana",
            MeetingKind::Counseling,
            "Harbor Clinic",
            schedule(start, 16 * 60, 50, weekly(&[Weekday::Tue], 2)),
        ),
        meeting(
            "Family session",
            MeetingKind::FamilySession,
            "Harbor Clinic",
            schedule(
                start,
                17 * 60,
                60,
                Repeat::Monthly {
                    week: MonthWeek::Last,
                    day: Weekday::Fri,
                },
            ),
        ),
    ];
    let mut saved = Vec::new();
    for m in list {
        saved.push(meetings::add(store, m)?);
    }
    let feed = format!("[{FEED}]");
    let imported = timed("read a Meeting Guide feed (the spec's example)", || {
        guide::import(&feed, MeetingKind::TwelveStep(Fellowship::Aa), ZONE, start)
    })?;
    for m in imported.meetings {
        println!("  picked from the feed: {} ({})", m.meeting.name, m.slug);
        saved.push(meetings::add(store, m.meeting)?);
    }
    requirement::save_settings(
        store,
        MeetingSettings {
            weekly_minutes: Some(9 * 60),
            weekly_sessions: Some(3),
            check_in_minute: Some(8 * 60 + 30),
            gentle_prompts: true,
        },
    )?;

    // Attendance for every occurrence that has ended: mostly there, a few
    // late arrivals, one excused absence, a couple missed in the hard weeks.
    let mut dice = Dice(7);
    let from = now.utc_millis - 90 * 86_400_000;
    let past: Vec<_> = {
        let mut all = Vec::new();
        let mut t = from;
        while t < now.utc_millis {
            let until = (t + 45 * 86_400_000).min(now.utc_millis);
            all.extend(
                meetings::occurrences(&saved, t, until)?
                    .into_iter()
                    .filter(|o| o.slot.start_millis >= t && o.slot.end_millis <= now.utc_millis),
            );
            t = until;
        }
        all
    };
    timed(
        &format!("record attendance at {} occurrences", past.len()),
        || {
            for o in &past {
                let status = match dice.roll(20) {
                    0 => AttendanceStatus::Missed,
                    1 => AttendanceStatus::Excused,
                    2 | 3 => AttendanceStatus::Late,
                    _ => AttendanceStatus::Attended,
                };
                attendance::record(
                    store,
                    AttendanceDraft {
                        meeting_id: o.meeting_id,
                        occurrence: o.slot.start(),
                        status,
                        minutes: None,
                        notes: String::new(),
                    },
                    now,
                )?;
            }
            Ok::<_, keel_core::Error>(())
        },
    )?;

    let s = timed("compute the Meetings screen (one call)", || {
        screen::meetings_screen(store, here)
    })?;
    let p = &s.progress;
    println!(
        "  this week: {:.1} of 9 program hours, {} of 3 sessions{}",
        f64::from(p.total.minutes) / 60.0,
        p.total.sessions,
        if p.met { " - requirement met" } else { "" }
    );
    println!(
        "  weeks in a row meeting the requirement: {}; attendance over 28 days: {}",
        p.streak_weeks,
        p.attendance_rate
            .map_or("-".into(), |r| format!("{:.0}%", r * 100.0))
    );
    println!("  coming up in the next seven days:");
    for u in s.today.iter().chain(&s.this_week).take(6) {
        let local = local_time(here, u.occurrence.slot.start_millis, "%a %b %e %H:%M");
        println!("    {local}  {}", u.occurrence.meeting.name);
    }
    let history = requirement::history(&p.settings, &requirement::all_records(store)?, now, 6)?;
    let weeks: Vec<String> = history
        .iter()
        .map(|w| {
            format!(
                "{:.1}h{}",
                f64::from(w.total.minutes) / 60.0,
                if w.met { "*" } else { "" }
            )
        })
        .collect();
    println!(
        "  program hours, last six weeks (* = met): {}",
        weeks.join("  ")
    );

    let next = reminders::upcoming_in(store, here, 48, None)?;
    println!("  notifications for the next 48 hours (what a locked screen shows):");
    for r in next.iter().take(4) {
        let local = local_time(here, r.at_millis, "%a %H:%M");
        println!(
            "    {local}  {}: {}",
            r.title_in(keel_core::Language::En),
            r.body_in(keel_core::Language::En)
        );
    }
    let all = meetings::list(store)?.meetings;
    let calendar = timed("export the schedule as iCalendar (not written)", || {
        ical::export(&all, now, keel_core::Language::En)
    })?;
    println!(
        "  calendar: {} bytes, {} events, {} time zone",
        calendar.len(),
        calendar.matches("BEGIN:VEVENT").count(),
        calendar.matches("BEGIN:VTIMEZONE").count()
    );
    Ok(())
}
