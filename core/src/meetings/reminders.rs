//! The next notifications for the shells to schedule: meeting reminders,
//! the daily check-in, gentle prompts in the participant's own high-risk
//! hours, and scheduled questionnaires that are due ([`upcoming_in`] only).
//!
//! A notification can show on a locked screen, so its words are neutral:
//! never a meeting's name, a place, a substance or the word "treatment".
//! What it is about travels as ids the app resolves once unlocked.

use chrono::{Datelike, Days, NaiveTime, Timelike};

use super::requirement::MeetingSettings;
use super::{SavedMeeting, occurrences};
use crate::calendar::WEEK_SLOTS;
use crate::error::{Error, Result};
use crate::language::{Language, Text, t};
use crate::measures::MeasureId;
use crate::store::{RecordId, Store};
use crate::summary::Held;
use crate::summary::recent::Recent;
use crate::summary::rhythm::Rhythm;
use crate::time::ZonedNow;

/// Longest horizon one call may ask for.
pub const MAX_HORIZON_HOURS: u32 = 14 * 24;
/// Triggers logged in all before prompts start.
pub const PROMPTS_AFTER: u32 = 20;
/// Triggers in one hour of the week for it to count as high-risk.
pub const HIGH_RISK_MIN: u32 = 3;
/// Most high-risk hours prompted in a week.
pub const MAX_PROMPT_HOURS: usize = 3;

/// The neutral title of every notification.
pub const TITLE: Text = t("Reminder", "Recordatorio");
/// The body of the daily check-in reminder.
pub const CHECK_IN_TEXT: Text = t("Time for your check-in.", "Es hora de tu registro diario.");
/// The body of a gentle prompt.
pub const PROMPT_TEXT: Text = t(
    "A moment for yourself? Take a breath and check in.",
    "¿Un momento para ti? Respira y registra cómo estás.",
);

/// The body of a reminder that a scheduled questionnaire is due: it never
/// names the measure.
pub const MEASURE_TEXT: Text = t(
    "A short questionnaire is ready for you.",
    "Tienes un cuestionario breve listo.",
);

/// A notification's body, to show in the participant's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Body {
    /// A fixed text.
    Fixed(Text),
    /// A meeting starting in this many minutes (0: now).
    Meeting { minutes: u16 },
}

impl From<Text> for Body {
    fn from(text: Text) -> Self {
        Body::Fixed(text)
    }
}

impl Body {
    /// The body in `lang`.
    pub fn text(self, lang: Language) -> String {
        match self {
            Body::Fixed(text) => lang.text(&text).to_string(),
            Body::Meeting { minutes } => meeting_words(minutes, lang),
        }
    }
}

/// What a notification is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReminderKind {
    /// An occurrence of a meeting starting soon.
    Meeting {
        meeting_id: RecordId,
        occurrence_millis: i64,
    },
    /// The daily check-in.
    CheckIn,
    /// A gentle prompt in a high-risk hour.
    GentlePrompt,
    /// A scheduled measure that is due (see [`crate::measures::schedule`]).
    Measure { measure: MeasureId },
}

/// A notification to schedule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reminder {
    /// Stable across calls for the same reminder (see [`upcoming`]): the
    /// identifier to schedule it under.
    pub id: String,
    /// When to show it, UTC milliseconds.
    pub at_millis: i64,
    pub kind: ReminderKind,
    /// The neutral title; [`Reminder::title_in`] gives it in a language.
    pub title: Text,
    /// The body; [`Reminder::body_in`] gives it in a language.
    pub body: Body,
}

impl Reminder {
    /// The title in `lang`.
    pub fn title_in(&self, lang: Language) -> &'static str {
        lang.text(&self.title)
    }

    /// The body in `lang`.
    pub fn body_in(&self, lang: Language) -> String {
        self.body.text(lang)
    }
}

fn meeting_text(minutes: u16) -> Body {
    Body::Meeting { minutes }
}

/// "Something on your calendar in 30 minutes." in `lang`: never what it
/// is, only when.
fn meeting_words(minutes: u16, lang: Language) -> String {
    let hours = minutes / 60;
    match (lang, minutes) {
        (Language::En, 0) => "Something on your calendar is starting.".into(),
        (Language::En, 1) => "Something on your calendar in 1 minute.".into(),
        (Language::En, 60) => "Something on your calendar in 1 hour.".into(),
        (Language::En, m) if m.is_multiple_of(60) && m >= 120 => {
            format!("Something on your calendar in {hours} hours.")
        }
        (Language::En, m) => format!("Something on your calendar in {m} minutes."),
        (Language::Es, 0) => "Algo de tu calendario empieza ahora.".into(),
        (Language::Es, 1) => "Tienes algo en tu calendario en 1 minuto.".into(),
        (Language::Es, 60) => "Tienes algo en tu calendario en 1 hora.".into(),
        (Language::Es, m) if m.is_multiple_of(60) && m >= 120 => {
            format!("Tienes algo en tu calendario en {hours} horas.")
        }
        (Language::Es, m) => format!("Tienes algo en tu calendario en {m} minutos."),
    }
}

/// The hours of the week with the most logged triggers, once there is
/// enough data: at most [`MAX_PROMPT_HOURS`], each with at least
/// [`HIGH_RISK_MIN`] triggers.
pub fn high_risk_slots(rhythm: &Rhythm) -> Vec<u8> {
    let totals = rhythm.slot_totals();
    if totals.iter().sum::<u32>() < PROMPTS_AFTER {
        return Vec::new();
    }
    let mut slots: Vec<(u32, u8)> = (0..WEEK_SLOTS)
        .map(|s| (totals[usize::from(s)], s))
        .filter(|(n, _)| *n >= HIGH_RISK_MIN)
        .collect();
    slots.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    slots.truncate(MAX_PROMPT_HOURS);
    slots.into_iter().map(|(_, s)| s).collect()
}

/// [`upcoming`] with its inputs read from the vault.
pub fn upcoming_in(
    store: &Store<'_>,
    now: &ZonedNow,
    horizon_hours: u32,
    limit: Option<u32>,
) -> Result<Vec<Reminder>> {
    store.atomically(|s| {
        let settings = super::requirement::settings(s)?;
        let meetings = super::list(s)?.meetings;
        let mut recent = Held::<Recent>::load(s)?;
        recent.save(s)?;
        let mut rhythm = Held::<Rhythm>::load(s)?;
        rhythm.save(s)?;
        let mut out = upcoming(
            now,
            horizon_hours,
            &settings,
            &meetings,
            &recent.value,
            &rhythm.value,
        )?;
        let until = now
            .utc_millis()
            .saturating_add(i64::from(horizon_hours) * 3_600_000);
        for (measure, date, at_millis) in crate::measures::schedule::reminder_times(s, now, until)?
        {
            out.push(Reminder {
                id: reminder_id(&format!("measure/{}/{date}", measure.code())),
                at_millis,
                kind: ReminderKind::Measure { measure },
                title: TITLE,
                body: MEASURE_TEXT.into(),
            });
        }
        out.sort_by(|a, b| a.at_millis.cmp(&b.at_millis).then(a.id.cmp(&b.id)));
        if let Some(limit) = limit {
            if limit == 0 {
                return Err(Error::invalid("limit", "too_small"));
            }
            out.truncate(usize::try_from(limit).unwrap_or(usize::MAX));
        }
        Ok(out)
    })
}

/// The stable id of a reminder: 32 hex digits of a SHA-256 over what it is
/// (a meeting's id and occurrence, the check-in and its local date, a
/// prompt's local date and hour). The same reminder gets the same id on
/// every call, so a shell can diff what it scheduled; the id says nothing
/// about its content if an OS shows or stores it.
fn reminder_id(what: &str) -> String {
    let digest = ring::digest::digest(
        &ring::digest::SHA256,
        format!("keel.reminder.v1\0{what}").as_bytes(),
    );
    hex::encode(&digest.as_ref()[..16])
}

/// The notifications due in `(now, now + horizon_hours]`, soonest first.
/// The check-in and prompts are wall-clock times in the phone's zone on
/// each day (20:00 stays 20:00 across a DST change); meetings keep their
/// own zones.
pub fn upcoming(
    now: &ZonedNow,
    horizon_hours: u32,
    settings: &MeetingSettings,
    meetings: &[SavedMeeting],
    recent: &Recent,
    rhythm: &Rhythm,
) -> Result<Vec<Reminder>> {
    if horizon_hours == 0 || horizon_hours > MAX_HORIZON_HOURS {
        return Err(Error::invalid("horizon_hours", "out_of_range"));
    }
    let now_millis = now.utc_millis();
    let until = now_millis + i64::from(horizon_hours) * 3_600_000;
    let due = |at: i64| at > now_millis && at <= until;
    let mut out = Vec::new();

    // Meetings: reminders for occurrences up to a day past the horizon, as
    // a reminder may come that long before.
    for o in occurrences(meetings, now_millis, until + 86_400_000)? {
        let Some(minutes) = o.meeting.reminder_minutes else {
            continue;
        };
        let at = o.slot.start_millis - i64::from(minutes) * 60_000;
        if due(at) {
            out.push(Reminder {
                id: reminder_id(&format!("meeting/{}/{}", o.meeting_id, o.slot.start_millis)),
                at_millis: at,
                kind: ReminderKind::Meeting {
                    meeting_id: o.meeting_id,
                    occurrence_millis: o.slot.start_millis,
                },
                title: TITLE,
                body: meeting_text(minutes),
            });
        }
    }

    let today = now.today()?;
    let days = u64::from(horizon_hours / 24 + 2);
    let dates = (0..days).map_while(|d| today.checked_add_days(Days::new(d)));

    if let Some(minute) = settings.check_in_minute {
        let checked_in_today = recent
            .ring(crate::logs::EntryKind::CheckIn)
            .items
            .iter()
            .any(|b| b.at.local_date() == Some(today));
        let time = NaiveTime::from_num_seconds_from_midnight_opt(u32::from(minute) * 60, 0)
            .ok_or_else(|| Error::invalid("check_in_minute", "out_of_range"))?;
        for date in dates.clone() {
            if date == today && checked_in_today {
                continue;
            }
            if let Some(at) = now.wall_clock(date, time)
                && due(at.utc_millis)
            {
                out.push(Reminder {
                    id: reminder_id(&format!("check-in/{date}")),
                    at_millis: at.utc_millis,
                    kind: ReminderKind::CheckIn,
                    title: TITLE,
                    body: CHECK_IN_TEXT.into(),
                });
            }
        }
    }

    if settings.gentle_prompts {
        let slots = high_risk_slots(rhythm);
        for date in dates {
            let day = date.weekday().num_days_from_monday();
            for hour in 0..24u32 {
                let slot = u8::try_from(day * 24 + hour).unwrap_or(WEEK_SLOTS);
                if !slots.contains(&slot) {
                    continue;
                }
                let Some(time) = NaiveTime::from_hms_opt(hour, 0, 0) else {
                    continue;
                };
                // An hour a spring-forward skips has no prompt that day.
                let Some(at) = now.wall_clock(date, time) else {
                    continue;
                };
                if at.to_local().map(|t| t.hour()) == Some(hour) && due(at.utc_millis) {
                    out.push(Reminder {
                        id: reminder_id(&format!("prompt/{date}/{hour}")),
                        at_millis: at.utc_millis,
                        kind: ReminderKind::GentlePrompt,
                        title: TITLE,
                        body: PROMPT_TEXT.into(),
                    });
                }
            }
        }
    }

    out.sort_by(|a, b| a.at_millis.cmp(&b.at_millis).then(a.id.cmp(&b.id)));
    Ok(out)
}

#[cfg(test)]
mod tests;
