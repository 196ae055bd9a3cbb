//! The participant's meetings as an iCalendar file (RFC 5545) that calendar
//! apps import: one recurring event per meeting (`RRULE`), local times with
//! `TZID`, and a `VTIMEZONE` for every zone used, listing its transitions
//! from the first meeting to ten years past the export so that importers
//! without the IANA database place every occurrence right.
//!
//! The file is not encrypted and holds meeting names and places: the shells
//! export it only when the participant asks, and say so.

use chrono::{DateTime, Datelike, Duration, NaiveDateTime, TimeZone, Utc};
use ics::components::{Parameter, Property};
use ics::properties::{Description, DtStart, Location, Method, RRule, Summary, TzName};
use ics::{Daylight, Event, ICalendar, Standard, TimeZone as VTimeZone, escape_text};

use super::guide::type_label_in;
use super::schedule::{Repeat, Schedule};
use super::zone::Zone;
use super::{SavedMeeting, schedule::resolve};
use crate::error::{Error, Result};
use crate::language::{Language, Text, t};
use crate::time::LocalInstant;

/// Years of zone transitions written past the export date.
pub const ZONE_YEARS_AHEAD: i32 = 10;

const BYDAY: [&str; 7] = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

fn local_stamp(t: NaiveDateTime) -> String {
    t.format("%Y%m%dT%H%M%S").to_string()
}

fn utc_stamp(t: DateTime<Utc>) -> String {
    t.format("%Y%m%dT%H%M%SZ").to_string()
}

fn offset_text(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let s = seconds.unsigned_abs();
    if s.is_multiple_of(60) {
        format!("{sign}{:02}{:02}", s / 3600, s / 60 % 60)
    } else {
        format!("{sign}{:02}{:02}{:02}", s / 3600, s / 60 % 60, s % 60)
    }
}

/// The `RRULE` value of a schedule, `None` for a one-off.
pub fn rrule(schedule: &Schedule) -> Result<Option<String>> {
    let until = match schedule.end_date {
        None => String::new(),
        Some(end) => {
            // UNTIL is in UTC when DTSTART has a zone (RFC 5545 3.3.10):
            // the last moment of the end date there.
            let tz = schedule.tz()?;
            let last = end
                .and_hms_opt(23, 59, 59)
                .and_then(|t| resolve(&tz, t))
                .ok_or_else(|| Error::invalid("end_date", "out_of_range"))?;
            format!(";UNTIL={}", utc_stamp(last.with_timezone(&Utc)))
        }
    };
    Ok(match &schedule.repeat {
        Repeat::Once => None,
        Repeat::Weekly { days, every_weeks } => {
            let days: Vec<&str> = days
                .days()
                .iter()
                .map(|d| BYDAY[d.num_days_from_monday() as usize])
                .collect();
            let interval = if *every_weeks > 1 {
                format!(";INTERVAL={every_weeks}")
            } else {
                String::new()
            };
            Some(format!(
                "FREQ=WEEKLY{interval};BYDAY={};WKST=MO{until}",
                days.join(",")
            ))
        }
        Repeat::Monthly { week, day } => Some(format!(
            "FREQ=MONTHLY;BYDAY={}{}{until}",
            week.ordinal(),
            BYDAY[day.num_days_from_monday() as usize]
        )),
    })
}

/// One UTC offset change of a zone.
struct Transition {
    at: DateTime<Utc>,
    from: i32,
    to: i32,
    dst: bool,
    name: Option<String>,
}

fn offset_at(tz: &Zone, t: DateTime<Utc>) -> (i32, bool, Option<String>) {
    let o = tz.offset_at(t.timestamp());
    (
        o.utc_offset(),
        o.is_dst(),
        o.abbreviation().map(str::to_string),
    )
}

/// Every offset change of `tz` in `[from, until)`, found day by day and
/// then to the second.
fn transitions(tz: &Zone, from: DateTime<Utc>, until: DateTime<Utc>) -> Vec<Transition> {
    let mut out = Vec::new();
    let mut t = from;
    let mut current = offset_at(tz, t);
    while t < until {
        let next = t + Duration::days(1);
        let there = offset_at(tz, next);
        if there.0 != current.0 || there.1 != current.1 {
            let (mut lo, mut hi) = (t, next);
            while hi - lo > Duration::seconds(1) {
                let mid = lo + (hi - lo) / 2;
                if offset_at(tz, mid).0 == current.0 && offset_at(tz, mid).1 == current.1 {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            out.push(Transition {
                at: hi,
                from: current.0,
                to: there.0,
                dst: there.1,
                name: there.2.clone(),
            });
        }
        current = there;
        t = next;
    }
    out
}

fn observance(
    dst: bool,
    local_start: NaiveDateTime,
    from: i32,
    to: i32,
    name: Option<String>,
) -> Observance {
    let start = local_stamp(local_start);
    if dst {
        let mut d = Daylight::new(start, offset_text(from), offset_text(to));
        if let Some(n) = name {
            d.push(TzName::new(escape_text(n)));
        }
        Observance::Daylight(d)
    } else {
        let mut s = Standard::new(start, offset_text(from), offset_text(to));
        if let Some(n) = name {
            s.push(TzName::new(escape_text(n)));
        }
        Observance::Standard(s)
    }
}

enum Observance {
    Standard(Standard<'static>),
    Daylight(Daylight<'static>),
}

/// The `VTIMEZONE` of `tz` over `[from, until)`.
fn vtimezone(tz: &Zone, from: DateTime<Utc>, until: DateTime<Utc>) -> VTimeZone<'static> {
    let (offset, dst, name) = offset_at(tz, from);
    let first = observance(
        dst,
        from.naive_utc() + Duration::seconds(i64::from(offset)),
        offset,
        offset,
        name,
    );
    let mut zone = match first {
        Observance::Standard(s) => VTimeZone::standard(tz.name().to_string(), s),
        Observance::Daylight(d) => VTimeZone::daylight(tz.name().to_string(), d),
    };
    for tr in transitions(tz, from, until) {
        // DTSTART of an observance is local time in the offset before it.
        let local = tr.at.naive_utc() + Duration::seconds(i64::from(tr.from));
        match observance(tr.dst, local, tr.from, tr.to, tr.name) {
            Observance::Standard(s) => zone.add_standard(s),
            Observance::Daylight(d) => zone.add_daylight(d),
        }
    }
    zone
}

fn description(m: &super::Meeting, lang: Language) -> String {
    let mut lines = vec![m.kind.label(lang).to_string()];
    if !m.types.is_empty() {
        let types: Vec<String> = m.types.iter().map(|t| type_label_in(t, lang)).collect();
        lines.push(types.join(", "));
    }
    if m.place.online() {
        lines.push(format!("{}: {}", lang.text(&ONLINE), m.place.online_url));
    }
    if !m.place.online_notes.is_empty() {
        lines.push(m.place.online_notes.clone());
    }
    if !m.place.phone.is_empty() {
        lines.push(format!("{}: {}", lang.text(&PHONE), m.place.phone));
    }
    if !m.place.phone_notes.is_empty() {
        lines.push(m.place.phone_notes.clone());
    }
    if !m.notes.is_empty() {
        lines.push(m.notes.clone());
    }
    lines.join("\n")
}

/// The words of an event's description.
pub const ONLINE: Text = t("Online", "En línea");
/// See [`ONLINE`].
pub const PHONE: Text = t("Phone", "Teléfono");

/// The iCalendar file of `meetings` (those with at least one occurrence),
/// descriptions in `lang`.
pub fn export(meetings: &[SavedMeeting], now: LocalInstant, lang: Language) -> Result<String> {
    let now = DateTime::<Utc>::from_timestamp_millis(now.validate("now")?.utc_millis)
        .ok_or_else(|| Error::invalid("now", "out_of_range"))?;
    let mut calendar = ICalendar::new("2.0", "-//Keel//Meetings 1.0//EN");
    calendar.push(Method::new("PUBLISH"));
    let mut zones: Vec<(Zone, DateTime<Utc>)> = Vec::new();
    let mut events = Vec::new();
    for saved in meetings {
        let m = &saved.meeting;
        let Some(first) = m.schedule.first() else {
            continue;
        };
        let tz = m.schedule.tz()?;
        let first_utc = DateTime::<Utc>::from_timestamp_millis(first.start_millis)
            .ok_or_else(|| Error::invalid("start_date", "out_of_range"))?;
        match zones.iter_mut().find(|(z, _)| *z == tz) {
            Some((_, earliest)) => *earliest = (*earliest).min(first_utc),
            None => zones.push((tz.clone(), first_utc)),
        }

        let mut event = Event::new(format!("{}@keel.local", saved.id), utc_stamp(now));
        let mut start = DtStart::new(local_stamp(
            first.local_date.and_time(m.schedule.start_time()),
        ));
        start.add(Parameter::new("TZID", tz.name().to_string()));
        event.push(start);
        event.push(Property::new(
            "DURATION",
            format!("PT{}M", m.schedule.duration_minutes),
        ));
        if let Some(rule) = rrule(&m.schedule)? {
            event.push(RRule::new(rule));
        }
        event.push(Summary::new(escape_text(m.name.clone())));
        let place: Vec<&str> = [m.place.venue.as_str(), m.place.address.as_str()]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect();
        if !place.is_empty() {
            event.push(Location::new(escape_text(place.join(", "))));
        } else if m.place.online() {
            event.push(Location::new(escape_text(m.place.online_url.clone())));
        }
        event.push(Description::new(escape_text(description(m, lang))));
        if m.place.online() {
            event.push(Property::new("URL", m.place.online_url.clone()));
        }
        events.push(event);
    }
    let until = now
        .with_year(now.year() + ZONE_YEARS_AHEAD)
        .unwrap_or(now + Duration::days(3_653));
    for (tz, earliest) in zones {
        // From New Year of the year before the first meeting.
        let from = Utc
            .with_ymd_and_hms(earliest.year() - 1, 1, 1, 0, 0, 0)
            .single()
            .unwrap_or(earliest);
        calendar.add_timezone(vtimezone(&tz, from, until.max(earliest)));
    }
    for e in events {
        calendar.add_event(e);
    }
    Ok(calendar.to_string())
}

#[cfg(test)]
mod tests;
