//! The next notifications for the shells to schedule: meeting reminders,
//! the daily check-in, and gentle prompts in the participant's own
//! high-risk hours.
//!
//! A notification can show on a locked screen, so its words are neutral:
//! never a meeting's name, a place, a substance or the word "treatment".
//! What it is about travels as ids the app resolves once unlocked.

use chrono::{Days, NaiveTime, TimeZone};

use super::requirement::MeetingSettings;
use super::{SavedMeeting, occurrences};
use crate::calendar::{WEEK_SLOTS, week_slot};
use crate::error::{Error, Result};
use crate::language::{Language, Text, t};
use crate::store::{RecordId, Store};
use crate::summary::Held;
use crate::summary::recent::Recent;
use crate::summary::rhythm::Rhythm;
use crate::time::LocalInstant;

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
}

/// A notification to schedule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reminder {
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
    now: LocalInstant,
    horizon_hours: u32,
) -> Result<Vec<Reminder>> {
    store.atomically(|s| {
        let settings = super::requirement::settings(s)?;
        let meetings = super::list(s)?.meetings;
        let mut recent = Held::<Recent>::load(s)?;
        recent.save(s)?;
        let mut rhythm = Held::<Rhythm>::load(s)?;
        rhythm.save(s)?;
        upcoming(
            now,
            horizon_hours,
            &settings,
            &meetings,
            &recent.value,
            &rhythm.value,
        )
    })
}

/// The notifications due in `(now, now + horizon_hours]`, in order.
/// Local times (check-in, prompts) are read in the phone's offset at `now`;
/// meetings keep their own zones.
pub fn upcoming(
    now: LocalInstant,
    horizon_hours: u32,
    settings: &MeetingSettings,
    meetings: &[SavedMeeting],
    recent: &Recent,
    rhythm: &Rhythm,
) -> Result<Vec<Reminder>> {
    now.validate("now")?;
    if horizon_hours == 0 || horizon_hours > MAX_HORIZON_HOURS {
        return Err(Error::invalid("horizon_hours", "must be 1 to 336"));
    }
    let until = now.utc_millis + i64::from(horizon_hours) * 3_600_000;
    let mut out = Vec::new();

    // Meetings: reminders for occurrences up to a day past the horizon, as
    // a reminder may come that long before.
    for o in occurrences(meetings, now.utc_millis, until + 86_400_000)? {
        let Some(minutes) = o.meeting.reminder_minutes else {
            continue;
        };
        let at = o.slot.start_millis - i64::from(minutes) * 60_000;
        if at > now.utc_millis && at <= until {
            out.push(Reminder {
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

    let local = now
        .to_local()
        .ok_or_else(|| Error::invalid("now", "out of range"))?;
    let today = local.date_naive();
    let offset = *local.offset();
    let days = u64::from(horizon_hours / 24 + 2);
    let at_local = |date: chrono::NaiveDate, minute: u32| -> Option<i64> {
        let time = NaiveTime::from_num_seconds_from_midnight_opt(minute * 60, 0)?;
        Some(
            offset
                .from_local_datetime(&date.and_time(time))
                .single()?
                .timestamp_millis(),
        )
    };

    if let Some(minute) = settings.check_in_minute {
        let checked_in_today = recent
            .ring(crate::logs::EntryKind::CheckIn)
            .items
            .iter()
            .any(|b| b.at.local_date() == Some(today));
        for day in 0..days {
            let Some(date) = today.checked_add_days(Days::new(day)) else {
                break;
            };
            if day == 0 && checked_in_today {
                continue;
            }
            if let Some(at) = at_local(date, u32::from(minute))
                && at > now.utc_millis
                && at <= until
            {
                out.push(Reminder {
                    at_millis: at,
                    kind: ReminderKind::CheckIn,
                    title: TITLE,
                    body: CHECK_IN_TEXT.into(),
                });
            }
        }
    }

    if settings.gentle_prompts {
        let slots = high_risk_slots(rhythm);
        for day in 0..days {
            let Some(date) = today.checked_add_days(Days::new(day)) else {
                break;
            };
            for hour in 0..24u32 {
                let Some(at) = at_local(date, hour * 60) else {
                    continue;
                };
                let slot = week_slot(LocalInstant {
                    utc_millis: at,
                    offset_minutes: now.offset_minutes,
                });
                if slot.is_some_and(|s| slots.contains(&s)) && at > now.utc_millis && at <= until {
                    out.push(Reminder {
                        at_millis: at,
                        kind: ReminderKind::GentlePrompt,
                        title: TITLE,
                        body: PROMPT_TEXT.into(),
                    });
                }
            }
        }
    }

    out.sort_by_key(|r| r.at_millis);
    Ok(out)
}

#[cfg(test)]
mod tests;
