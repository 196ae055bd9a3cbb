//! Import from a Meeting Guide feed (the `code4recovery/spec` JSON used by
//! AA intergroups and the Meeting Guide app): a JSON array of meeting
//! objects with `name`, `slug`, `day` (0 = Sunday .. 6, or a list), `time` and
//! `end_time` (`HH:MM`), `timezone`, `types` codes, address fields,
//! `conference_url`, `conference_phone`, `notes`...
//!
//! Real feeds are messy. Nothing in one meeting stops the import of the
//! others: a meeting that cannot be scheduled is *skipped* with a reason; a
//! meeting imported with something left out (an unknown type code, a link
//! that is not a web link, a name cut to length) carries a *warning*.
//! Import only reads: the participant then picks meetings from the result
//! into their own list ([`add_picked`], one transaction). Each imported
//! meeting keeps the feed it came from and its `slug`, so importing the
//! same feed again updates those meetings instead of adding them twice, and
//! [`preview`] marks the ones already on the list. An imported schedule
//! starts on the day of the meeting's next real occurrence.

use std::collections::HashSet;

use chrono::{NaiveDate, Weekday};
use serde_json::Value;

use super::schedule::{DaySet, Repeat, Schedule, parse_zone};
use super::{FeedSource, MAX_SOURCE, Meeting, MeetingKind, Place, SavedMeeting, is_web_link};
use crate::error::{Error, Result};
use crate::language::{Language, Text, t};
use crate::ranges::ZonedNow;
use crate::store::{RecordId, Store};
use crate::validate::{LONG_TEXT_MAX, SHORT_TEXT_MAX, required_text};

/// Largest feed accepted (large intergroups publish a few megabytes).
pub const MAX_FEED_BYTES: usize = 32 * 1024 * 1024;
/// Meeting length when a feed gives no end time (the spec's default).
pub const DEFAULT_MINUTES: u16 = 60;

/// Why a meeting of the feed was not imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SkipReason {
    NotAnObject,
    NoName,
    NoSlug,
    /// An earlier meeting of the feed has the same slug.
    DuplicateSlug,
    /// No day: "by appointment" meetings have no schedule.
    NoDay,
    BadDay,
    NoTime,
    BadTime,
    UnknownTimeZone,
    /// A value the meeting list refuses; `field` names it.
    Invalid {
        field: String,
    },
}

/// What was left out of an imported meeting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportWarning {
    /// A `types` code this build does not know; dropped.
    UnknownType { code: String },
    /// `end_time` unreadable; the meeting is given an hour.
    BadEndTime,
    /// `conference_url` is not an http(s) link; dropped.
    BadLink,
    /// `conference_phone` has characters a dialler cannot use; dropped.
    BadPhone,
    /// Some `day` values were not 0-6; the others were kept.
    SomeDaysIgnored,
    /// A text was longer than the list keeps; it was cut.
    Shortened { field: String },
}

/// A meeting of the feed, ready to add to the participant's list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedMeeting {
    /// Its position in the feed (from 0).
    pub position: usize,
    pub slug: String,
    pub meeting: Meeting,
    pub warnings: Vec<ImportWarning>,
    /// The participant's meeting already imported from the same feed with
    /// this slug ([`preview`] only).
    pub already_added: Option<RecordId>,
}

/// A meeting that was not imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub position: usize,
    /// Its slug, if it had a usable one.
    pub slug: Option<String>,
    pub reason: SkipReason,
}

/// The result of reading a feed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FeedImport {
    pub meetings: Vec<FeedMeeting>,
    pub skipped: Vec<Skipped>,
}

/// Labels for the spec's type codes, in English and Spanish, from the
/// Meeting Guide spec's `data/types.json` (code4recovery/spec), whose
/// Spanish is used as published except where it reads unnaturally
/// (`CF`, `W`, `TR`, `ASL`). Imported meetings store the English label,
/// as they always have; [`type_label_in`] shows it in either language.
const TYPES: &[(&str, Text)] = &[
    ("11", t("11th Step Meditation", "Meditación del Paso 11")),
    (
        "12x12",
        t("12 Steps & 12 Traditions", "12 Pasos y 12 Tradiciones"),
    ),
    ("A", t("Secular", "Secular")),
    ("ABSI", t("As Bill Sees It", "Como lo ve Bill")),
    (
        "AL",
        t("Concurrent with Alateen", "Concurrente con Alateen"),
    ),
    (
        "AL-AN",
        t("Concurrent with Al-Anon", "Concurrente con Al-Anon"),
    ),
    ("AM", t("Amharic", "Amárico")),
    (
        "ASL",
        t("American Sign Language", "Lengua de señas americana"),
    ),
    ("B", t("Big Book", "Libro Grande")),
    ("BA", t("Babysitting Available", "Guardería disponible")),
    ("BE", t("Newcomer", "Principiantes")),
    ("BI", t("Bisexual", "Bisexual")),
    ("BRK", t("Breakfast", "Desayuno")),
    ("C", t("Closed", "Cerrada")),
    ("CAN", t("Candlelight", "Luz de una vela")),
    ("CF", t("Child-Friendly", "Apta para niños")),
    ("D", t("Discussion", "Discusión")),
    ("DA", t("Danish", "Danés")),
    ("DB", t("Digital Basket", "Canasta digital")),
    ("DD", t("Dual Diagnosis", "Diagnóstico dual")),
    ("DE", t("German", "Alemán")),
    ("DR", t("Daily Reflections", "Reflexiones Diarias")),
    ("EL", t("Greek", "Griego")),
    ("EN", t("English", "Inglés")),
    ("FA", t("Persian", "Persa")),
    ("FF", t("Fragrance Free", "Sin fragancia")),
    ("FR", t("French", "Francés")),
    ("G", t("Gay", "Gay")),
    ("GR", t("Grapevine", "La Viña")),
    ("H", t("Birthday", "Cumpleaños")),
    ("HE", t("Hebrew", "Hebreo")),
    ("HI", t("Hindi", "Hindi")),
    ("HR", t("Croatian", "Croata")),
    ("HU", t("Hungarian", "Húngaro")),
    ("ITA", t("Italian", "Italiano")),
    ("JA", t("Japanese", "Japonés")),
    ("KOR", t("Korean", "Coreano")),
    ("L", t("Lesbian", "Lesbianas")),
    ("LGBTQ", t("LGBTQ", "LGBTQ")),
    ("LIT", t("Literature", "Literatura")),
    ("LS", t("Living Sober", "Viviendo Sobrio")),
    ("LT", t("Lithuanian", "Lituano")),
    ("M", t("Men", "Hombres")),
    ("MED", t("Meditation", "Meditación")),
    ("ML", t("Malayalam", "Malayalam")),
    ("N", t("Native American", "Nativo Americano")),
    ("NDG", t("Indigenous", "Indígena")),
    ("NO", t("Norwegian", "Noruego")),
    ("O", t("Open", "Abierta")),
    ("OUT", t("Outdoor", "Al aire libre")),
    ("P", t("Professionals", "Profesionales")),
    ("POC", t("People of Color", "Gente de color")),
    ("POL", t("Polish", "Polaco")),
    ("POR", t("Portuguese", "Portugués")),
    ("PUN", t("Punjabi", "Punjabi")),
    ("RUS", t("Russian", "Ruso")),
    ("S", t("Spanish", "Español")),
    ("SEN", t("Seniors", "Personas mayores")),
    ("SK", t("Slovak", "Eslovaco")),
    ("SM", t("Smoking Permitted", "Se permite fumar")),
    ("SP", t("Speaker", "Orador")),
    ("ST", t("Step Study", "Estudio de pasos")),
    ("SV", t("Swedish", "Sueco")),
    ("T", t("Transgender", "Transgénero")),
    (
        "TC",
        t(
            "Location Temporarily Closed",
            "Ubicación temporalmente cerrada",
        ),
    ),
    ("TH", t("Thai", "Tailandés")),
    ("TL", t("Tagalog", "Tagalo")),
    ("TR", t("Tradition Study", "Estudio de tradiciones")),
    ("UK", t("Ukrainian", "Ucraniano")),
    ("W", t("Women", "Mujeres")),
    ("X", t("Wheelchair Access", "Acceso en silla de ruedas")),
    (
        "XB",
        t(
            "Wheelchair-Accessible Bathroom",
            "Baño accesible para sillas de ruedas",
        ),
    ),
    ("XT", t("Cross Talk Permitted", "Se permite opinar")),
    ("Y", t("Young People", "Gente joven")),
];

/// Every type code with its label in each language, for pickers and the
/// catalogue check.
pub fn type_texts() -> impl Iterator<Item = (&'static str, Text)> {
    TYPES.iter().copied()
}

/// The English label of a type code: what an imported meeting stores.
pub fn type_label(code: &str) -> Option<&'static str> {
    TYPES.iter().find(|(c, _)| *c == code).map(|(_, l)| l.en)
}

/// A meeting's type as the participant should read it in `lang`: a
/// Meeting Guide label (stored in English, or already in Spanish) in
/// `lang`; a type the participant typed themselves, unchanged.
pub fn type_label_in(label: &str, lang: Language) -> String {
    TYPES
        .iter()
        .find(|(_, l)| l.en == label || l.es == label)
        .map_or_else(|| label.to_string(), |(_, l)| lang.text(l).to_string())
}

/// Reads a feed. `kind` is given to every meeting (a feed does not say
/// its fellowship); `default_zone` applies to meetings without `timezone`
/// (feeds of one area often leave it out); `today` is the first day the
/// imported schedules run from.
pub fn import(
    feed: &str,
    kind: MeetingKind,
    default_zone: &str,
    today: NaiveDate,
) -> Result<FeedImport> {
    parse_zone("default_zone", default_zone)?;
    if feed.len() > MAX_FEED_BYTES {
        return Err(Error::invalid("feed", "too_large"));
    }
    let value: Value =
        serde_json::from_str(feed).map_err(|_| Error::invalid("feed", "not_json"))?;
    let items = match value {
        Value::Array(items) => items,
        // Some sites wrap the array: {"meetings": [...]}.
        Value::Object(mut o) => match o.remove("meetings") {
            Some(Value::Array(items)) => items,
            _ => return Err(Error::invalid("feed", "not_a_meeting_list")),
        },
        _ => return Err(Error::invalid("feed", "not_a_meeting_list")),
    };
    let mut out = FeedImport::default();
    let mut seen = HashSet::new();
    for (position, item) in items.iter().enumerate() {
        let slug = item.get("slug").and_then(text).filter(|s| s.len() <= 200);
        let skip = |reason| Skipped {
            position,
            slug: slug.clone(),
            reason,
        };
        match one(item, kind, default_zone, today) {
            Err(reason) => out.skipped.push(skip(reason)),
            Ok((meeting, warnings)) => {
                let Some(s) = slug.clone() else {
                    out.skipped.push(skip(SkipReason::NoSlug));
                    continue;
                };
                if !seen.insert(s.clone()) {
                    out.skipped.push(skip(SkipReason::DuplicateSlug));
                    continue;
                }
                out.meetings.push(FeedMeeting {
                    position,
                    slug: s,
                    meeting,
                    warnings,
                    already_added: None,
                });
            }
        }
    }
    Ok(out)
}

/// A trimmed, non-empty string without control characters.
fn text(v: &Value) -> Option<String> {
    let s: String = match v {
        Value::String(s) => s.chars().filter(|c| !c.is_control()).collect(),
        Value::Number(n) => n.to_string(),
        _ => return None,
    };
    let s = s.trim().to_string();
    (!s.is_empty()).then_some(s)
}

/// `s` cut to `max` characters, with a warning if it was cut.
fn fit(field: &str, s: String, max: usize, warnings: &mut Vec<ImportWarning>) -> String {
    if s.chars().nth(max).is_none() {
        return s;
    }
    warnings.push(ImportWarning::Shortened {
        field: field.into(),
    });
    s.chars().take(max).collect::<String>().trim().to_string()
}

/// "19:30", "7:30", "19:30:00" as minutes after midnight.
pub fn parse_time(s: &str) -> Option<u16> {
    let mut parts = s.trim().split(':');
    let h: u16 = parts.next()?.parse().ok()?;
    let m: u16 = parts.next()?.parse().ok()?;
    let sec_ok = parts
        .next()
        .is_none_or(|s| s.parse::<u8>().is_ok_and(|s| s < 60));
    (h < 24 && m < 60 && sec_ok && parts.next().is_none()).then(|| h * 60 + m)
}

fn weekday(n: i64) -> Option<Weekday> {
    // The spec counts from Sunday = 0.
    match n {
        0 => Some(Weekday::Sun),
        1..=6 => Weekday::try_from(u8::try_from(n - 1).ok()?).ok(),
        _ => None,
    }
}

fn day_number(v: &Value) -> Option<i64> {
    match v {
        Value::Number(n) => n.as_i64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

fn days(v: Option<&Value>, warnings: &mut Vec<ImportWarning>) -> Result<DaySet, SkipReason> {
    let values: Vec<&Value> = match v {
        None | Some(Value::Null) => return Err(SkipReason::NoDay),
        Some(Value::Array(a)) if a.is_empty() => return Err(SkipReason::NoDay),
        Some(Value::Array(a)) => a.iter().collect(),
        Some(other) => vec![other],
    };
    let parsed: Vec<Option<Weekday>> = values
        .iter()
        .map(|v| day_number(v).and_then(weekday))
        .collect();
    let good: Vec<Weekday> = parsed.iter().flatten().copied().collect();
    if good.is_empty() {
        return Err(SkipReason::BadDay);
    }
    if good.len() < parsed.len() {
        warnings.push(ImportWarning::SomeDaysIgnored);
    }
    Ok(DaySet::of(good))
}

fn address(item: &Value) -> String {
    if let Some(full) = item.get("formatted_address").and_then(text) {
        return full;
    }
    let part = |k: &str| item.get(k).and_then(text);
    let state_zip = [part("state"), part("postal_code")]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    [
        part("address"),
        part("city"),
        (!state_zip.is_empty()).then_some(state_zip),
        part("country"),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(", ")
}

fn one(
    item: &Value,
    kind: MeetingKind,
    default_zone: &str,
    today: NaiveDate,
) -> Result<(Meeting, Vec<ImportWarning>), SkipReason> {
    if !item.is_object() {
        return Err(SkipReason::NotAnObject);
    }
    let mut warnings = Vec::new();
    let name = item.get("name").and_then(text).ok_or(SkipReason::NoName)?;
    let name = fit("name", name, SHORT_TEXT_MAX, &mut warnings);
    let days = days(item.get("day"), &mut warnings)?;
    let start = match item.get("time") {
        None | Some(Value::Null) => return Err(SkipReason::NoTime),
        Some(v) => text(v)
            .as_deref()
            .and_then(parse_time)
            .ok_or(SkipReason::BadTime)?,
    };
    let duration = match item.get("end_time").and_then(text) {
        None => DEFAULT_MINUTES,
        Some(end) => match parse_time(&end) {
            // An end before the start runs past midnight.
            Some(end) => match (end + 24 * 60 - start) % (24 * 60) {
                0 => DEFAULT_MINUTES,
                d => d,
            },
            None => {
                warnings.push(ImportWarning::BadEndTime);
                DEFAULT_MINUTES
            }
        },
    };
    let zone = match item.get("timezone").and_then(text) {
        None => default_zone.to_string(),
        Some(z) => {
            parse_zone("timezone", &z).map_err(|_| SkipReason::UnknownTimeZone)?;
            z
        }
    };

    let mut types = Vec::new();
    if let Some(Value::Array(codes)) = item.get("types") {
        for code in codes.iter().filter_map(text) {
            match type_label(&code) {
                Some(label) if !types.iter().any(|t| t == label) => types.push(label.to_string()),
                Some(_) => {}
                None => warnings.push(ImportWarning::UnknownType {
                    code: code.chars().take(20).collect(),
                }),
            }
        }
    }
    types.truncate(super::MAX_TYPES);

    let mut online_url = item
        .get("conference_url")
        .and_then(text)
        .unwrap_or_default();
    if !online_url.is_empty() && (!is_web_link(&online_url) || online_url.len() > 2_000) {
        warnings.push(ImportWarning::BadLink);
        online_url.clear();
    }
    let mut phone = item
        .get("conference_phone")
        .and_then(text)
        .unwrap_or_default();
    if !phone.is_empty()
        && (phone.len() > 40
            || !phone
                .chars()
                .all(|c| c.is_ascii_digit() || " +-().,*#".contains(c)))
    {
        warnings.push(ImportWarning::BadPhone);
        phone.clear();
    }
    let mut field = |key: &str, max: usize| {
        let value = item.get(key).and_then(text).unwrap_or_default();
        fit(key, value, max, &mut warnings)
    };
    let venue = field("location", SHORT_TEXT_MAX);
    let online_notes = field("conference_url_notes", 1_000);
    let phone_notes = field("conference_phone_notes", 1_000);
    let notes = [
        field("notes", LONG_TEXT_MAX / 2),
        field("location_notes", 2_000),
    ]
    .into_iter()
    .filter(|s| !s.is_empty())
    .collect::<Vec<_>>()
    .join("\n\n");
    let address = fit("address", address(item), 500, &mut warnings);

    let meeting = Meeting {
        name,
        kind,
        place: Place {
            venue,
            address,
            online_url,
            online_notes,
            phone,
            phone_notes,
        },
        schedule: Schedule {
            zone,
            start_date: today,
            end_date: None,
            start_minute: start,
            duration_minutes: duration,
            repeat: Repeat::Weekly {
                days,
                every_weeks: 1,
            },
        },
        reminder_minutes: None,
        notes,
        types,
        source: None,
    }
    .validate()
    .map_err(|e| match e {
        Error::InvalidInput { field, .. } => SkipReason::Invalid {
            field: field.into(),
        },
        _ => SkipReason::Invalid {
            field: "meeting".into(),
        },
    })?;
    Ok((meeting, warnings))
}

/// The first day of `meeting`'s schedule when imported at `now`: the day
/// (in the meeting's zone) of its next occurrence that has not ended, so
/// the schedule starts at a real meeting rather than on "today".
fn next_real_start(meeting: &mut Meeting, now_millis: i64) -> Result<()> {
    let tz = meeting.schedule.tz()?;
    let local_today = chrono::TimeZone::from_utc_datetime(
        &tz,
        &chrono::DateTime::from_timestamp_millis(now_millis)
            .ok_or_else(|| Error::invalid("now", "out_of_range"))?
            .naive_utc(),
    )
    .date_naive();
    // From the day before, so an occurrence in progress since yesterday
    // evening (or in a zone behind the phone's) is seen.
    meeting.schedule.start_date = local_today.pred_opt().unwrap_or(local_today);
    let first = meeting
        .schedule
        .occurrences(
            now_millis,
            now_millis.saturating_add(NEXT_WINDOW_DAYS * 86_400_000),
        )?
        .into_iter()
        .find(|slot| slot.end_millis > now_millis);
    meeting.schedule.start_date = first.map_or(local_today, |slot| slot.local_date);
    Ok(())
}

/// How far ahead the next occurrence of an imported meeting is looked for.
const NEXT_WINDOW_DAYS: i64 = 15;

/// The meeting of the list imported from `source` with `slug`, if any.
fn added<'a>(list: &'a [SavedMeeting], source: &str, slug: &str) -> Option<&'a SavedMeeting> {
    list.iter().find(|m| {
        m.meeting
            .source
            .as_ref()
            .is_some_and(|s| s.feed == source && s.slug == slug)
    })
}

/// Checks the name a shell gives a feed (its URL, or the intergroup's name).
fn feed_source(source: &str) -> Result<String> {
    required_text("source", source, MAX_SOURCE)
}

/// Reads a feed for the participant to pick from: [`import`] in the phone's
/// zone (the default for meetings without `timezone`), each schedule
/// starting on the day of its next real occurrence, and each meeting marked
/// with the id of the list's meeting already imported from `source` with
/// the same slug. Saves nothing.
pub fn preview(
    store: &Store<'_>,
    feed: &str,
    kind: MeetingKind,
    source: &str,
    now: &ZonedNow,
) -> Result<FeedImport> {
    let source = feed_source(source)?;
    let today = now.today()?;
    let mut got = import(feed, kind, now.zone().name(), today)?;
    let list = super::list(store)?.meetings;
    let now_millis = now.instant().utc_millis;
    for m in &mut got.meetings {
        next_real_start(&mut m.meeting, now_millis)?;
        m.already_added = added(&list, &source, &m.slug).map(|s| s.id);
    }
    Ok(got)
}

/// Adds the meetings the participant picked from feed `source` (each with
/// its slug), in one transaction: all are saved or none. A meeting already
/// imported from the same feed with the same slug is updated in place (its
/// id, and so its attendance, kept), keeping what the participant chose for
/// it: its kind, reminder and, when the schedule is unchanged, its first
/// day.
pub fn add_picked(
    store: &Store<'_>,
    source: &str,
    picked: Vec<(String, Meeting)>,
) -> Result<Vec<SavedMeeting>> {
    let source = feed_source(source)?;
    if picked.len() > super::MAX_MEETINGS {
        return Err(Error::invalid("meetings", "too_many"));
    }
    let mut slugs = HashSet::new();
    for (slug, _) in &picked {
        if !slugs.insert(slug.as_str()) {
            return Err(Error::invalid("slug", "duplicate"));
        }
    }
    store.atomically(|s| {
        let list = super::list(s)?.meetings;
        let mut out = Vec::with_capacity(picked.len());
        for (slug, mut meeting) in picked {
            meeting.source = Some(FeedSource {
                feed: source.clone(),
                slug: slug.clone(),
            });
            out.push(match added(&list, &source, &slug) {
                Some(old) => {
                    meeting.kind = old.meeting.kind;
                    meeting.reminder_minutes = old.meeting.reminder_minutes;
                    let mut same = meeting.schedule.clone();
                    same.start_date = old.meeting.schedule.start_date;
                    if same == old.meeting.schedule {
                        meeting.schedule = same;
                    }
                    super::update(s, old.id, meeting)?
                }
                None => super::add(s, meeting)?,
            });
        }
        Ok(out)
    })
}

#[cfg(test)]
mod tests;
