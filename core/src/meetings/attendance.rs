//! Attendance: what happened at an occurrence of a meeting. One record per
//! occurrence (recording again replaces it), carrying the meeting's name and
//! kind so the history survives the meeting leaving the list.

use serde::{Deserialize, Serialize};

use super::{Meeting, MeetingKind, Occurrence, SavedMeeting};
use crate::calendar::id_serde;
use crate::error::{Error, Result};
use crate::store::{Page, PageRequest, Record, RecordId, Store, Timed};
use crate::time::{FUTURE_TOLERANCE_MS, LocalInstant};
use crate::validate::{LONG_TEXT_MAX, optional_text};

/// How early before the start "I'm here" finds a meeting.
pub const CHECK_IN_EARLY_MINUTES: i64 = 30;
/// After how many minutes past the start "I'm here" records "late".
pub const LATE_AFTER_MINUTES: i64 = 10;

/// What happened at an occurrence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AttendanceStatus {
    Attended,
    Late,
    LeftEarly,
    Missed,
    Excused,
}

impl AttendanceStatus {
    /// True if the participant was there (on time or not, whole or not).
    pub fn present(self) -> bool {
        matches!(
            self,
            AttendanceStatus::Attended | AttendanceStatus::Late | AttendanceStatus::LeftEarly
        )
    }
}

/// An attendance record as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attendance {
    #[serde(with = "id_serde")]
    pub meeting_id: RecordId,
    /// The meeting's name when this was recorded.
    pub meeting_name: String,
    pub kind: MeetingKind,
    /// The occurrence's start, with the meeting zone's offset.
    pub occurrence: LocalInstant,
    pub status: AttendanceStatus,
    /// Minutes attended (0 when missed or excused).
    pub minutes: u16,
    /// What was shared or learned.
    pub notes: String,
}

impl Record for Attendance {
    const COLLECTION: &'static str = "meetings.attendance";
    const NOUN: &'static str = "attendance_record";
}

impl Timed for Attendance {
    fn at_millis(&self) -> i64 {
        self.occurrence.utc_millis
    }
}

/// What the participant records.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttendanceDraft {
    pub meeting_id: RecordId,
    /// The occurrence's start (from the schedule, or when it really began).
    pub occurrence: LocalInstant,
    pub status: AttendanceStatus,
    /// Minutes attended; `None` takes the scheduled length when present
    /// and 0 otherwise.
    pub minutes: Option<u16>,
    pub notes: String,
}

/// A saved record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SavedAttendance {
    pub id: RecordId,
    pub attendance: Attendance,
}

/// The meeting an attendance record is about, as far as the record goes.
struct About<'a> {
    name: &'a str,
    kind: MeetingKind,
    /// Minutes taken when present and no length is given.
    usual_minutes: u16,
}

fn build(about: About<'_>, draft: AttendanceDraft, now: LocalInstant) -> Result<Attendance> {
    now.validate("now")?;
    let occurrence = draft.occurrence.validate("occurrence")?;
    // Present at an occurrence: it has started, or starts within the
    // window in which "I'm here" finds it.
    if draft.status.present()
        && occurrence.utc_millis
            > now
                .utc_millis
                .saturating_add(CHECK_IN_EARLY_MINUTES * 60_000 + FUTURE_TOLERANCE_MS)
    {
        return Err(Error::invalid("occurrence", "not_started"));
    }
    let minutes = match (draft.minutes, draft.status.present()) {
        (Some(m), _) => m,
        (None, true) => about.usual_minutes,
        (None, false) => 0,
    };
    if minutes > super::schedule::MAX_DURATION_MINUTES {
        return Err(Error::invalid("minutes", "too_large"));
    }
    if !draft.status.present() && minutes != 0 {
        return Err(Error::invalid("minutes", "must_be_zero"));
    }
    Ok(Attendance {
        meeting_id: draft.meeting_id,
        meeting_name: about.name.to_string(),
        kind: about.kind,
        occurrence,
        status: draft.status,
        minutes,
        notes: optional_text("notes", &draft.notes, LONG_TEXT_MAX)?,
    })
}

/// The record for the same meeting and occurrence start, if any.
fn existing(store: &Store<'_>, meeting_id: RecordId, at: i64) -> Result<Option<RecordId>> {
    let page = store.page::<Attendance>(PageRequest {
        from_millis: Some(at),
        until_millis: Some(at.saturating_add(1)),
        offset: 0,
        limit: crate::store::MAX_PAGE,
    })?;
    Ok(page
        .items
        .into_iter()
        .find(|(_, a)| a.meeting_id == meeting_id)
        .map(|(id, _)| id))
}

/// Records attendance at an occurrence; a second record for the same
/// occurrence replaces the first (keeping its id).
pub fn record(
    store: &Store<'_>,
    draft: AttendanceDraft,
    now: LocalInstant,
) -> Result<SavedAttendance> {
    let meeting: Meeting = store.get(&draft.meeting_id)?;
    let about = About {
        name: &meeting.name,
        kind: meeting.kind,
        usual_minutes: meeting.schedule.duration_minutes,
    };
    let attendance = build(about, draft, now)?;
    store.atomically(|store| {
        let id = match existing(
            store,
            attendance.meeting_id,
            attendance.occurrence.utc_millis,
        )? {
            Some(id) => {
                store.update(&id, &attendance)?;
                id
            }
            None => store.insert(&attendance)?,
        };
        Ok(SavedAttendance {
            id,
            attendance: attendance.clone(),
        })
    })
}

/// Changes record `id` (status, minutes, notes; the meeting may be gone,
/// its name is kept).
pub fn update(
    store: &Store<'_>,
    id: RecordId,
    status: AttendanceStatus,
    minutes: Option<u16>,
    notes: &str,
    now: LocalInstant,
) -> Result<SavedAttendance> {
    let old: Attendance = store.get(&id)?;
    let about = About {
        name: &old.meeting_name,
        kind: old.kind,
        usual_minutes: if old.minutes > 0 { old.minutes } else { 60 },
    };
    let attendance = build(
        about,
        AttendanceDraft {
            meeting_id: old.meeting_id,
            occurrence: old.occurrence,
            status,
            minutes,
            notes: notes.to_string(),
        },
        now,
    )?;
    store.update(&id, &attendance)?;
    Ok(SavedAttendance { id, attendance })
}

/// Deletes record `id`.
pub fn delete(store: &Store<'_>, id: RecordId) -> Result<()> {
    store.delete::<Attendance>(&id)
}

/// Attendance records in a range, newest first.
pub fn page(store: &Store<'_>, req: PageRequest) -> Result<Page<Attendance>> {
    store.page::<Attendance>(req)
}

/// The occurrence the participant is most likely at now: one that started
/// (or starts within half an hour) and has not ended, nearest to now.
pub fn happening_now(meetings: &[SavedMeeting], now: LocalInstant) -> Result<Option<Occurrence>> {
    let t = now.utc_millis;
    let early = CHECK_IN_EARLY_MINUTES * 60_000;
    let candidates = super::occurrences(
        meetings,
        t.saturating_sub(86_400_000),
        t.saturating_add(early),
    )?;
    Ok(candidates
        .into_iter()
        .filter(|o| o.slot.start_millis - early <= t && t < o.slot.end_millis)
        .min_by_key(|o| (o.slot.start_millis - t).abs()))
}

/// "I'm here": records the occurrence happening now as attended (late if
/// more than ten minutes after the start, for the minutes that remain).
pub fn check_in_now(store: &Store<'_>, now: LocalInstant) -> Result<SavedAttendance> {
    now.validate("now")?;
    let meetings = super::list(store)?.meetings;
    let Some(o) = happening_now(&meetings, now)? else {
        return Err(Error::NotFound {
            what: "meeting_now",
        });
    };
    let late = now.utc_millis > o.slot.start_millis + LATE_AFTER_MINUTES * 60_000;
    let minutes = if late {
        u16::try_from((o.slot.end_millis - now.utc_millis) / 60_000).unwrap_or(0)
    } else {
        o.meeting.schedule.duration_minutes
    };
    record(
        store,
        AttendanceDraft {
            meeting_id: o.meeting_id,
            occurrence: o.slot.start(),
            status: if late {
                AttendanceStatus::Late
            } else {
                AttendanceStatus::Attended
            },
            minutes: Some(minutes),
            notes: String::new(),
        },
        now,
    )
}
