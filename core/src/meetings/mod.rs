//! Meetings and attendance: the participant's own list of meetings (the
//! program's sessions, counseling, mutual-help meetings), when they happen,
//! which were attended, the program's weekly requirement, reminders, and
//! the Meetings screen.
//!
//! - [`schedule`]: weekly / every N weeks / monthly / once, in the meeting's
//!   IANA zone, with the RFC 5545 rules for DST gaps and overlaps;
//! - [`attendance`]: one record per attended (or missed, excused...)
//!   occurrence, and the quick "I'm here" check-in;
//! - [`requirement`]: the program's weekly hours/sessions, this week's
//!   progress, the attendance rate and the streak of weeks that met it;
//! - [`reminders`]: the next notifications, in neutral words;
//! - [`screen`]: the Meetings screen in one call;
//! - [`guide`]: import from a Meeting Guide feed; [`ical`]: iCalendar export.
//!
//! Collections: `meetings.meeting`, `meetings.attendance` and
//! `meetings.settings`, all kept (backed up).

pub mod attendance;
pub mod guide;
pub mod ical;
pub mod kind;
pub mod reminders;
pub mod requirement;
pub mod schedule;
pub mod screen;
pub mod zone;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::store::{Record, RecordId, Store};
use crate::validate::{LONG_TEXT_MAX, SHORT_TEXT_MAX, optional_text, required_text};

pub use kind::{Fellowship, MeetingKind};
pub use schedule::{DaySet, MonthWeek, Repeat, Schedule, Slot};

/// Most meetings a participant may keep.
pub const MAX_MEETINGS: usize = 200;
/// Most minutes before a meeting a reminder may come.
pub const MAX_REMINDER_MINUTES: u16 = 24 * 60;
/// Most type labels a meeting keeps.
pub const MAX_TYPES: usize = 30;

/// Where a meeting happens. Any combination: a hybrid meeting has an address
/// and a link. Empty strings mean "not given".
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Place {
    /// The building or landmark: "Alano Club".
    pub venue: String,
    /// Street address, one line.
    pub address: String,
    /// Link for an online meeting (http or https only).
    pub online_url: String,
    /// Notes for the link: a passcode, "camera optional".
    pub online_notes: String,
    /// Dial-in number.
    pub phone: String,
    /// Notes for the phone line: a PIN.
    pub phone_notes: String,
}

impl Place {
    fn validate(self) -> Result<Place> {
        let online_url = optional_text("online_url", &self.online_url, 2_000)?;
        if !online_url.is_empty() && !is_web_link(&online_url) {
            return Err(Error::invalid("online_url", "not_a_web_url"));
        }
        let phone = optional_text("phone", &self.phone, 40)?;
        if !phone
            .chars()
            .all(|c| c.is_ascii_digit() || " +-().,*#".contains(c))
        {
            return Err(Error::invalid("phone", "bad_characters"));
        }
        Ok(Place {
            venue: optional_text("venue", &self.venue, SHORT_TEXT_MAX)?,
            address: optional_text("address", &self.address, 500)?,
            online_url,
            online_notes: optional_text("online_notes", &self.online_notes, 1_000)?,
            phone,
            phone_notes: optional_text("phone_notes", &self.phone_notes, 1_000)?,
        })
    }

    /// True if it can be attended in person.
    pub fn in_person(&self) -> bool {
        !self.venue.is_empty() || !self.address.is_empty()
    }

    /// True if it can be joined online.
    pub fn online(&self) -> bool {
        !self.online_url.is_empty()
    }
}

/// True for an absolute http(s) link with a host: nothing a shell could be
/// tricked into running (`javascript:`, `intent:`, `file:`).
pub fn is_web_link(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    rest.is_some_and(|r| {
        let host = r.split(['/', '?', '#']).next().unwrap_or("");
        !host.is_empty() && !r.chars().any(|c| c.is_whitespace() || c.is_control())
    })
}

/// A meeting as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meeting {
    pub name: String,
    pub kind: MeetingKind,
    pub place: Place,
    pub schedule: Schedule,
    /// Minutes before each occurrence to remind, if at all.
    pub reminder_minutes: Option<u16>,
    /// The participant's own notes about the meeting.
    pub notes: String,
    /// Format labels ("Open", "Speaker"), as a feed gave them.
    #[serde(default)]
    pub types: Vec<String>,
    /// The feed it was imported from, if any: re-importing the same feed
    /// updates it instead of adding it twice.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<FeedSource>,
}

/// Where an imported meeting came from: the feed (its URL or name, as the
/// shell gave it) and the meeting's `slug` in that feed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedSource {
    pub feed: String,
    pub slug: String,
}

/// Longest feed name or URL kept with an imported meeting.
pub const MAX_SOURCE: usize = 2_000;
/// Longest slug kept (the feed reader skips longer ones).
pub const MAX_SLUG: usize = 200;

impl FeedSource {
    fn validate(self) -> Result<FeedSource> {
        Ok(FeedSource {
            feed: required_text("source", &self.feed, MAX_SOURCE)?,
            slug: required_text("slug", &self.slug, MAX_SLUG)?,
        })
    }
}

impl Record for Meeting {
    const COLLECTION: &'static str = "meetings.meeting";
    const NOUN: &'static str = "meeting";
}

impl Meeting {
    /// Checks every field of a draft; the error names the one refused.
    pub fn validate(self) -> Result<Meeting> {
        if self
            .reminder_minutes
            .is_some_and(|m| m > MAX_REMINDER_MINUTES)
        {
            return Err(Error::invalid("reminder_minutes", "too_large"));
        }
        if self.types.len() > MAX_TYPES {
            return Err(Error::invalid("types", "too_many"));
        }
        let types = self
            .types
            .iter()
            .map(|t| required_text("types", t, 80))
            .collect::<Result<Vec<_>>>()?;
        Ok(Meeting {
            name: required_text("name", &self.name, SHORT_TEXT_MAX)?,
            kind: self.kind,
            place: self.place.validate()?,
            schedule: self.schedule.validate()?,
            reminder_minutes: self.reminder_minutes,
            notes: optional_text("notes", &self.notes, LONG_TEXT_MAX)?,
            types,
            source: self.source.map(FeedSource::validate).transpose()?,
        })
    }
}

/// A meeting with its id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SavedMeeting {
    pub id: RecordId,
    pub meeting: Meeting,
}

/// Every meeting, by name; damaged ones listed apart (kept, never deleted).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MeetingList {
    pub meetings: Vec<SavedMeeting>,
    pub damaged: Vec<RecordId>,
}

/// Adds a meeting to the participant's list.
pub fn add(store: &Store<'_>, draft: Meeting) -> Result<SavedMeeting> {
    let meeting = draft.validate()?;
    if store.count::<Meeting>()? >= MAX_MEETINGS as u64 {
        return Err(Error::invalid("meeting", "too_many"));
    }
    let id = store.insert(&meeting)?;
    Ok(SavedMeeting { id, meeting })
}

/// Replaces meeting `id`, keeping its id (and so its attendance) and, when
/// the draft names none, the feed it was imported from.
pub fn update(store: &Store<'_>, id: RecordId, draft: Meeting) -> Result<SavedMeeting> {
    let mut meeting = draft.validate()?;
    if meeting.source.is_none() {
        meeting.source = match store.get::<Meeting>(&id) {
            Ok(old) => old.source,
            Err(Error::Integrity { .. }) => None,
            Err(e) => return Err(e),
        };
    }
    store.update(&id, &meeting)?;
    Ok(SavedMeeting { id, meeting })
}

/// Meeting `id`.
pub fn get(store: &Store<'_>, id: RecordId) -> Result<SavedMeeting> {
    Ok(SavedMeeting {
        id,
        meeting: store.get(&id)?,
    })
}

/// Removes meeting `id` from the list. Its attendance records stay: they
/// carry the meeting's name and kind, and are the participant's history.
pub fn delete(store: &Store<'_>, id: RecordId) -> Result<()> {
    store.delete::<Meeting>(&id)
}

/// Every meeting, sorted by name.
pub fn list(store: &Store<'_>) -> Result<MeetingList> {
    let listing = store.list::<Meeting>()?;
    let mut meetings: Vec<SavedMeeting> = listing
        .items
        .into_iter()
        .map(|(id, meeting)| SavedMeeting { id, meeting })
        .collect();
    meetings.sort_by(|a, b| {
        a.meeting
            .name
            .to_lowercase()
            .cmp(&b.meeting.name.to_lowercase())
            .then(a.id.cmp(&b.id))
    });
    let mut damaged = listing.damaged;
    damaged.sort();
    Ok(MeetingList { meetings, damaged })
}

/// An occurrence of one of the participant's meetings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Occurrence {
    pub meeting_id: RecordId,
    pub meeting: Meeting,
    pub slot: Slot,
}

/// Every occurrence of every meeting overlapping `[from, until)`, in order
/// of start.
pub fn occurrences(meetings: &[SavedMeeting], from: i64, until: i64) -> Result<Vec<Occurrence>> {
    let mut out = Vec::new();
    for m in meetings {
        for slot in m.meeting.schedule.occurrences(from, until)? {
            out.push(Occurrence {
                meeting_id: m.id,
                meeting: m.meeting.clone(),
                slot,
            });
        }
    }
    out.sort_by(|a, b| a.slot.cmp(&b.slot).then(a.meeting_id.cmp(&b.meeting_id)));
    Ok(out)
}

#[cfg(test)]
pub(crate) mod tests;
