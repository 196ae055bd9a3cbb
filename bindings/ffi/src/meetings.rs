//! Meetings, attendance, the weekly requirement, reminders, Meeting Guide
//! import and the iCalendar export across the FFI.

use chrono::Weekday as ChronoWeekday;
use keel_core::meetings::{
    self as core, attendance as core_attendance, guide, ical, reminders as core_reminders,
    requirement as core_requirement, screen as core_screen,
};
use keel_core::{LocalInstant, RecordId};

use crate::error::Result;
use crate::logs::PageQuery;
use crate::mirror::{all, mirror_enum};
use crate::sobriety::CalendarDate;
use crate::types::{Language, Moment, Now};
use crate::vault::Vault;

/// A twelve-step fellowship.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum Fellowship {
    Aa,
    Na,
    Ca,
    Cma,
    Ma,
    Other,
}
mirror_enum!(core::Fellowship => Fellowship { Aa, Na, Ca, Cma, Ma, Other });

/// A kind of meeting. Group, counseling and family sessions count toward
/// the weekly program requirement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum MeetingKind {
    IopGroup,
    Counseling,
    FamilySession,
    MedicationVisit,
    TwelveStep { fellowship: Fellowship },
    SmartRecovery,
    RecoveryDharma,
    LifeRing,
    CelebrateRecovery,
    Other,
}

impl From<core::MeetingKind> for MeetingKind {
    fn from(k: core::MeetingKind) -> Self {
        use core::MeetingKind as K;
        match k {
            K::IopGroup => MeetingKind::IopGroup,
            K::Counseling => MeetingKind::Counseling,
            K::FamilySession => MeetingKind::FamilySession,
            K::MedicationVisit => MeetingKind::MedicationVisit,
            K::TwelveStep(f) => MeetingKind::TwelveStep {
                fellowship: f.into(),
            },
            K::SmartRecovery => MeetingKind::SmartRecovery,
            K::RecoveryDharma => MeetingKind::RecoveryDharma,
            K::LifeRing => MeetingKind::LifeRing,
            K::CelebrateRecovery => MeetingKind::CelebrateRecovery,
            K::Other => MeetingKind::Other,
        }
    }
}

impl From<MeetingKind> for core::MeetingKind {
    fn from(k: MeetingKind) -> Self {
        use core::MeetingKind as K;
        match k {
            MeetingKind::IopGroup => K::IopGroup,
            MeetingKind::Counseling => K::Counseling,
            MeetingKind::FamilySession => K::FamilySession,
            MeetingKind::MedicationVisit => K::MedicationVisit,
            MeetingKind::TwelveStep { fellowship } => K::TwelveStep(fellowship.into()),
            MeetingKind::SmartRecovery => K::SmartRecovery,
            MeetingKind::RecoveryDharma => K::RecoveryDharma,
            MeetingKind::LifeRing => K::LifeRing,
            MeetingKind::CelebrateRecovery => K::CelebrateRecovery,
            MeetingKind::Other => K::Other,
        }
    }
}

/// The label of a meeting kind in `language` ("IOP group session",
/// "Reunión de AA"...), for lists and pickers.
#[uniffi::export]
pub fn meeting_kind_label(kind: MeetingKind, language: Language) -> String {
    core::MeetingKind::from(kind)
        .label(language.into())
        .to_string()
}

/// A meeting's type (one of `Meeting.types`) to show in `language`: a
/// Meeting Guide type ("Open", "Speaker"...) is translated; a type the
/// participant typed is returned unchanged. Meetings keep the type as
/// imported, so an edited meeting saves what it had.
#[uniffi::export]
pub fn meeting_type_label(type_label: String, language: Language) -> String {
    guide::type_label_in(&type_label, language.into())
}

/// A day of the week.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum Weekday {
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
    Sunday,
}
mirror_enum!(ChronoWeekday => Weekday {
    Monday = Mon, Tuesday = Tue, Wednesday = Wed, Thursday = Thu, Friday = Fri,
    Saturday = Sat, Sunday = Sun
});

/// Which week of the month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum MonthWeek {
    First,
    Second,
    Third,
    Fourth,
    /// Skipped in months without a fifth.
    Fifth,
    Last,
}
mirror_enum!(core::MonthWeek => MonthWeek { First, Second, Third, Fourth, Fifth, Last });

/// How a meeting repeats.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Enum)]
pub enum MeetingRepeat {
    /// On `days`, every `every_weeks` weeks (1 = weekly, 1 to 12).
    Weekly { days: Vec<Weekday>, every_weeks: u8 },
    /// "The 2nd Tuesday", "the last Friday".
    Monthly { week: MonthWeek, day: Weekday },
    /// Once, on the start date.
    Once,
}

/// When a meeting happens, in its own time zone.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct MeetingSchedule {
    /// IANA zone: "America/New_York".
    pub zone: String,
    pub start_date: CalendarDate,
    pub end_date: Option<CalendarDate>,
    /// Local start, minutes after midnight (0 to 1439).
    pub start_minute: u16,
    /// 1 to 1440.
    pub duration_minutes: u16,
    pub repeat: MeetingRepeat,
}

/// Where: any of in person, online, by phone. Empty strings for "not given".
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct MeetingPlace {
    pub venue: String,
    pub address: String,
    /// https:// or http:// only.
    pub online_url: String,
    pub online_notes: String,
    pub phone: String,
    pub phone_notes: String,
}

/// A meeting to save.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct MeetingDraft {
    pub name: String,
    pub kind: MeetingKind,
    pub place: MeetingPlace,
    pub schedule: MeetingSchedule,
    /// Minutes before each occurrence to remind (0 to 1440), if at all.
    pub reminder_minutes: Option<u16>,
    pub notes: String,
    /// Format labels ("Open", "Speaker").
    pub types: Vec<String>,
}

/// A saved meeting.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Meeting {
    pub id: String,
    pub name: String,
    pub kind: MeetingKind,
    pub place: MeetingPlace,
    pub schedule: MeetingSchedule,
    pub reminder_minutes: Option<u16>,
    pub notes: String,
    pub types: Vec<String>,
    /// The feed it was imported from, null for a meeting added by hand.
    pub source: Option<MeetingSource>,
}

/// Where an imported meeting came from.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct MeetingSource {
    /// The feed's URL or name, as the app gave it when importing.
    pub feed: String,
    /// The meeting's `slug` in that feed.
    pub slug: String,
}

/// Every meeting by name; `damaged_ids` failed their integrity check (kept).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct MeetingList {
    pub meetings: Vec<Meeting>,
    pub damaged_ids: Vec<String>,
}

impl From<core::Place> for MeetingPlace {
    fn from(p: core::Place) -> Self {
        MeetingPlace {
            venue: p.venue,
            address: p.address,
            online_url: p.online_url,
            online_notes: p.online_notes,
            phone: p.phone,
            phone_notes: p.phone_notes,
        }
    }
}

impl From<MeetingPlace> for core::Place {
    fn from(p: MeetingPlace) -> Self {
        core::Place {
            venue: p.venue,
            address: p.address,
            online_url: p.online_url,
            online_notes: p.online_notes,
            phone: p.phone,
            phone_notes: p.phone_notes,
        }
    }
}

impl From<core::Schedule> for MeetingSchedule {
    fn from(s: core::Schedule) -> Self {
        MeetingSchedule {
            zone: s.zone,
            start_date: s.start_date.into(),
            end_date: s.end_date.map(CalendarDate::from),
            start_minute: s.start_minute,
            duration_minutes: s.duration_minutes,
            repeat: match s.repeat {
                core::Repeat::Weekly { days, every_weeks } => MeetingRepeat::Weekly {
                    days: all(days.days()),
                    every_weeks,
                },
                core::Repeat::Monthly { week, day } => MeetingRepeat::Monthly {
                    week: week.into(),
                    day: day.into(),
                },
                core::Repeat::Once => MeetingRepeat::Once,
            },
        }
    }
}

impl MeetingSchedule {
    fn into_core(self) -> keel_core::Result<core::Schedule> {
        Ok(core::Schedule {
            zone: self.zone,
            start_date: self.start_date.to_core("start_date")?,
            end_date: self.end_date.map(|d| d.to_core("end_date")).transpose()?,
            start_minute: self.start_minute,
            duration_minutes: self.duration_minutes,
            repeat: match self.repeat {
                MeetingRepeat::Weekly { days, every_weeks } => core::Repeat::Weekly {
                    days: core::DaySet::of(days.into_iter().map(ChronoWeekday::from)),
                    every_weeks,
                },
                MeetingRepeat::Monthly { week, day } => core::Repeat::Monthly {
                    week: week.into(),
                    day: day.into(),
                },
                MeetingRepeat::Once => core::Repeat::Once,
            },
        })
    }
}

impl MeetingDraft {
    fn into_core(self) -> keel_core::Result<core::Meeting> {
        Ok(core::Meeting {
            name: self.name,
            kind: self.kind.into(),
            place: self.place.into(),
            schedule: self.schedule.into_core()?,
            reminder_minutes: self.reminder_minutes,
            notes: self.notes,
            types: self.types,
            source: None,
        })
    }
}

impl From<core::Meeting> for MeetingDraft {
    fn from(m: core::Meeting) -> Self {
        MeetingDraft {
            name: m.name,
            kind: m.kind.into(),
            place: m.place.into(),
            schedule: m.schedule.into(),
            reminder_minutes: m.reminder_minutes,
            notes: m.notes,
            types: m.types,
        }
    }
}

impl From<core::SavedMeeting> for Meeting {
    fn from(s: core::SavedMeeting) -> Self {
        let source = s.meeting.source.clone().map(|f| MeetingSource {
            feed: f.feed,
            slug: f.slug,
        });
        let d = MeetingDraft::from(s.meeting);
        Meeting {
            id: s.id.to_string(),
            name: d.name,
            kind: d.kind,
            place: d.place,
            schedule: d.schedule,
            reminder_minutes: d.reminder_minutes,
            notes: d.notes,
            types: d.types,
            source,
        }
    }
}

/// What happened at an occurrence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum AttendanceStatus {
    Attended,
    Late,
    LeftEarly,
    Missed,
    Excused,
}
mirror_enum!(core_attendance::AttendanceStatus => AttendanceStatus {
    Attended, Late, LeftEarly, Missed, Excused
});

/// One occurrence of a meeting.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct MeetingOccurrence {
    pub meeting_id: String,
    pub meeting_name: String,
    pub kind: MeetingKind,
    pub place: MeetingPlace,
    /// The start, with the meeting zone's UTC offset; the shell shows it in
    /// the phone's zone.
    pub start: Moment,
    pub end_utc_millis: i64,
    /// The date in the meeting's zone.
    pub local_date: CalendarDate,
    /// What was recorded for it, if anything.
    pub status: Option<AttendanceStatus>,
}

impl MeetingOccurrence {
    pub(crate) fn new(
        o: core::Occurrence,
        status: Option<core_attendance::AttendanceStatus>,
    ) -> Self {
        MeetingOccurrence {
            meeting_id: o.meeting_id.to_string(),
            meeting_name: o.meeting.name,
            kind: o.meeting.kind.into(),
            place: o.meeting.place.into(),
            start: o.slot.start().into(),
            end_utc_millis: o.slot.end_millis,
            local_date: o.slot.local_date.into(),
            status: status.map(AttendanceStatus::from),
        }
    }
}

/// Attendance to record.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct AttendanceDraft {
    pub meeting_id: String,
    /// The occurrence's start (an occurrence's `start`).
    pub occurrence: Moment,
    pub status: AttendanceStatus,
    /// Minutes attended; null takes the scheduled length (0 if absent).
    pub minutes: Option<u16>,
    /// What was shared or learned.
    pub notes: String,
}

/// A saved attendance record.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct AttendanceRecord {
    pub id: String,
    pub meeting_id: String,
    pub meeting_name: String,
    pub kind: MeetingKind,
    pub occurrence: Moment,
    pub status: AttendanceStatus,
    pub minutes: u16,
    pub notes: String,
}

impl AttendanceRecord {
    fn new(id: RecordId, a: core_attendance::Attendance) -> Self {
        AttendanceRecord {
            id: id.to_string(),
            meeting_id: a.meeting_id.to_string(),
            meeting_name: a.meeting_name,
            kind: a.kind.into(),
            occurrence: a.occurrence.into(),
            status: a.status.into(),
            minutes: a.minutes,
            notes: a.notes,
        }
    }
}

impl From<core_attendance::SavedAttendance> for AttendanceRecord {
    fn from(s: core_attendance::SavedAttendance) -> Self {
        AttendanceRecord::new(s.id, s.attendance)
    }
}

/// A page of attendance, newest first.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct AttendancePage {
    pub items: Vec<AttendanceRecord>,
    pub total: u32,
    pub damaged_ids: Vec<String>,
}

/// A line of the attendance record a participant can show.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct AttendanceLine {
    /// The date in the meeting's zone.
    pub date: CalendarDate,
    pub start: Moment,
    pub meeting_name: String,
    /// "IOP group session", "AA meeting"...
    pub kind_label: String,
    pub minutes: u16,
    pub status: AttendanceStatus,
}

/// The weekly requirement and reminder settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Record)]
pub struct MeetingSettings {
    /// Required program minutes a week (IOP: at least 540), if set.
    pub weekly_minutes: Option<u32>,
    /// Required program sessions a week, if set.
    pub weekly_sessions: Option<u16>,
    /// Local minute of the day for the check-in reminder, if wanted.
    pub check_in_minute: Option<u16>,
    /// Gentle prompts in the participant's own high-risk hours.
    pub gentle_prompts: bool,
}

impl From<core_requirement::MeetingSettings> for MeetingSettings {
    fn from(s: core_requirement::MeetingSettings) -> Self {
        MeetingSettings {
            weekly_minutes: s.weekly_minutes,
            weekly_sessions: s.weekly_sessions,
            check_in_minute: s.check_in_minute,
            gentle_prompts: s.gentle_prompts,
        }
    }
}

impl From<MeetingSettings> for core_requirement::MeetingSettings {
    fn from(s: MeetingSettings) -> Self {
        core_requirement::MeetingSettings {
            weekly_minutes: s.weekly_minutes,
            weekly_sessions: s.weekly_sessions,
            check_in_minute: s.check_in_minute,
            gentle_prompts: s.gentle_prompts,
        }
    }
}

/// This week's program hours and sessions against the requirement.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct WeekProgress {
    pub settings: MeetingSettings,
    /// This week's Monday.
    pub week_start: CalendarDate,
    pub minutes: u32,
    pub sessions: u32,
    pub met: bool,
    pub streak_weeks: u32,
    /// 0..1 over the last 28 days; null with nothing scheduled.
    pub attendance_rate: Option<f64>,
    pub scheduled_recently: u32,
    pub attended_recently: u32,
}

impl From<core_requirement::WeekProgress> for WeekProgress {
    fn from(p: core_requirement::WeekProgress) -> Self {
        WeekProgress {
            settings: p.settings.into(),
            week_start: p.week_start.into(),
            minutes: p.total.minutes,
            sessions: p.total.sessions,
            met: p.met,
            streak_weeks: p.streak_weeks,
            attendance_rate: p.attendance_rate,
            scheduled_recently: p.scheduled_recently,
            attended_recently: p.attended_recently,
        }
    }
}

/// One week of program attendance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Record)]
pub struct WeekSummary {
    pub week_start: CalendarDate,
    pub minutes: u32,
    pub sessions: u32,
    pub met: bool,
}

impl From<core_requirement::WeekSummary> for WeekSummary {
    fn from(w: core_requirement::WeekSummary) -> Self {
        WeekSummary {
            week_start: w.week_start.into(),
            minutes: w.total.minutes,
            sessions: w.total.sessions,
            met: w.met,
        }
    }
}

/// Everything the Meetings screen shows.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct MeetingsScreen {
    pub today: Vec<MeetingOccurrence>,
    /// The seven days after today.
    pub this_week: Vec<MeetingOccurrence>,
    /// What "I'm here" would record now.
    pub happening_now: Option<MeetingOccurrence>,
    pub progress: WeekProgress,
    pub recent: Vec<AttendanceRecord>,
    pub meeting_count: u32,
    pub damaged_ids: Vec<String>,
}

/// What a notification is about.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Enum)]
pub enum ReminderKind {
    Meeting {
        meeting_id: String,
        occurrence_utc_millis: i64,
    },
    CheckIn,
    GentlePrompt,
    /// A scheduled questionnaire is due: open its form.
    Measure {
        measure: crate::measures::MeasureKind,
    },
}

/// A notification for the shell to schedule. Its words are neutral.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Reminder {
    /// Stable: the same reminder has the same id on every call (32 hex
    /// digits, nothing about its content). Schedule it under this id and
    /// diff by it; see docs/meetings.md "Scheduling reminders".
    pub id: String,
    pub at_utc_millis: i64,
    pub kind: ReminderKind,
    pub title: String,
    pub body: String,
}

impl Reminder {
    fn new(r: core_reminders::Reminder, lang: keel_core::Language) -> Self {
        let title = r.title_in(lang).to_string();
        let body = r.body_in(lang);
        Reminder {
            id: r.id,
            at_utc_millis: r.at_millis,
            kind: match r.kind {
                core_reminders::ReminderKind::Meeting {
                    meeting_id,
                    occurrence_millis,
                } => ReminderKind::Meeting {
                    meeting_id: meeting_id.to_string(),
                    occurrence_utc_millis: occurrence_millis,
                },
                core_reminders::ReminderKind::CheckIn => ReminderKind::CheckIn,
                core_reminders::ReminderKind::GentlePrompt => ReminderKind::GentlePrompt,
                core_reminders::ReminderKind::Measure { measure } => ReminderKind::Measure {
                    measure: measure.into(),
                },
            },
            title,
            body,
        }
    }
}

/// Why a meeting of a feed was not imported.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Enum)]
pub enum FeedSkipReason {
    NotAnObject,
    NoName,
    NoSlug,
    DuplicateSlug,
    /// No day: "by appointment".
    NoDay,
    BadDay,
    NoTime,
    BadTime,
    UnknownTimeZone,
    Invalid {
        field: String,
    },
}

impl From<guide::SkipReason> for FeedSkipReason {
    fn from(r: guide::SkipReason) -> Self {
        use guide::SkipReason as R;
        match r {
            R::NotAnObject => FeedSkipReason::NotAnObject,
            R::NoName => FeedSkipReason::NoName,
            R::NoSlug => FeedSkipReason::NoSlug,
            R::DuplicateSlug => FeedSkipReason::DuplicateSlug,
            R::NoDay => FeedSkipReason::NoDay,
            R::BadDay => FeedSkipReason::BadDay,
            R::NoTime => FeedSkipReason::NoTime,
            R::BadTime => FeedSkipReason::BadTime,
            R::UnknownTimeZone => FeedSkipReason::UnknownTimeZone,
            R::Invalid { field } => FeedSkipReason::Invalid { field },
        }
    }
}

/// What was left out of an imported meeting.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Enum)]
pub enum FeedWarning {
    UnknownType { code: String },
    BadEndTime,
    BadLink,
    BadPhone,
    SomeDaysIgnored,
    Shortened { field: String },
}

impl From<guide::ImportWarning> for FeedWarning {
    fn from(w: guide::ImportWarning) -> Self {
        use guide::ImportWarning as W;
        match w {
            W::UnknownType { code } => FeedWarning::UnknownType { code },
            W::BadEndTime => FeedWarning::BadEndTime,
            W::BadLink => FeedWarning::BadLink,
            W::BadPhone => FeedWarning::BadPhone,
            W::SomeDaysIgnored => FeedWarning::SomeDaysIgnored,
            W::Shortened { field } => FeedWarning::Shortened { field },
        }
    }
}

/// A meeting of a feed, ready for `add_meeting`.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct FeedMeeting {
    pub position: u32,
    pub slug: String,
    pub draft: MeetingDraft,
    pub warnings: Vec<FeedWarning>,
    /// The id of the participant's meeting already imported from the same
    /// feed with this slug (`preview_meeting_guide` only); adding it again
    /// updates that meeting.
    pub already_added_id: Option<String>,
}

/// A meeting of a feed that was not imported.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct FeedSkipped {
    pub position: u32,
    pub slug: Option<String>,
    pub reason: FeedSkipReason,
}

/// What a Meeting Guide feed held.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct MeetingGuideImport {
    pub meetings: Vec<FeedMeeting>,
    pub skipped: Vec<FeedSkipped>,
}

fn position(p: usize) -> u32 {
    u32::try_from(p).unwrap_or(u32::MAX)
}

/// Reads a Meeting Guide feed (a JSON array of meetings) without saving
/// anything: the participant picks meetings from the result and the app
/// adds each with `add_meeting`. `kind` is given to every meeting; the
/// zone of `now` (the phone's) to those without a `timezone`, and its date
/// starts their schedules.
#[uniffi::export]
pub fn import_meeting_guide(
    feed: String,
    kind: MeetingKind,
    now: Now,
) -> Result<MeetingGuideImport> {
    let zoned = now.resolve()?;
    Ok(guide::import(&feed, kind.into(), zoned.zone().name(), zoned.today()?)?.into())
}

impl From<guide::FeedImport> for MeetingGuideImport {
    fn from(got: guide::FeedImport) -> Self {
        MeetingGuideImport {
            meetings: got
                .meetings
                .into_iter()
                .map(|m| FeedMeeting {
                    position: position(m.position),
                    slug: m.slug,
                    draft: m.meeting.into(),
                    warnings: all(m.warnings),
                    already_added_id: m.already_added.map(|id| id.to_string()),
                })
                .collect(),
            skipped: got
                .skipped
                .into_iter()
                .map(|s| FeedSkipped {
                    position: position(s.position),
                    slug: s.slug,
                    reason: s.reason.into(),
                })
                .collect(),
        }
    }
}

#[uniffi::export]
impl Vault {
    /// Reads a Meeting Guide feed for the participant to pick from, saving
    /// nothing: `source` names the feed (its URL, or the intergroup's name;
    /// kept with each meeting added from it), `kind` is given to every
    /// meeting, meetings without `timezone` take the phone's zone, each
    /// schedule starts on the day of the meeting's next real occurrence, and
    /// meetings already imported from `source` carry `already_added_id`.
    pub fn preview_meeting_guide(
        &self,
        feed: String,
        source: String,
        kind: MeetingKind,
        now: Now,
    ) -> Result<MeetingGuideImport> {
        let now = now.resolve()?;
        let vault = self.core();
        let store = vault.store()?;
        Ok(guide::preview(&store, &feed, kind.into(), &source, &now)?.into())
    }

    /// Adds the meetings the participant picked from feed `source`, all in
    /// one transaction (all are saved, or none): a meeting already imported
    /// from `source` with the same slug is updated in place (keeping its id,
    /// its attendance, its kind and its reminder), the others are added.
    pub fn add_meetings_from_guide(
        &self,
        source: String,
        meetings: Vec<FeedMeeting>,
    ) -> Result<Vec<Meeting>> {
        let picked = meetings
            .into_iter()
            .map(|m| Ok((m.slug, m.draft.into_core()?)))
            .collect::<keel_core::Result<Vec<_>>>()?;
        let vault = self.core();
        let saved = guide::add_picked(&vault.store()?, &source, picked)?;
        Ok(all(saved))
    }
}

/// An iCalendar file of the participant's meetings. Not encrypted: export
/// only when the participant asks, and say so.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct MeetingsCalendar {
    /// A neutral file name.
    pub file_name: String,
    pub content: String,
}

fn id(field: &'static str, text: &str) -> keel_core::Result<RecordId> {
    RecordId::parse(field, text)
}

fn now() -> LocalInstant {
    Moment::now()
}

#[uniffi::export]
impl Vault {
    /// Adds a meeting to the participant's list (at most 200).
    pub fn add_meeting(&self, draft: MeetingDraft) -> Result<Meeting> {
        let vault = self.core();
        Ok(core::add(&vault.store()?, draft.into_core()?)?.into())
    }

    /// Replaces meeting `id`, keeping its id and its attendance.
    pub fn update_meeting(&self, id: String, draft: MeetingDraft) -> Result<Meeting> {
        let id = self::id("id", &id)?;
        let vault = self.core();
        Ok(core::update(&vault.store()?, id, draft.into_core()?)?.into())
    }

    /// Meeting `id`.
    pub fn get_meeting(&self, id: String) -> Result<Meeting> {
        let id = self::id("id", &id)?;
        let vault = self.core();
        Ok(core::get(&vault.store()?, id)?.into())
    }

    /// Every meeting, by name.
    pub fn list_meetings(&self) -> Result<MeetingList> {
        let vault = self.core();
        let list = core::list(&vault.store()?)?;
        Ok(MeetingList {
            meetings: all(list.meetings),
            damaged_ids: list.damaged.iter().map(ToString::to_string).collect(),
        })
    }

    /// Removes meeting `id`; its attendance records stay.
    pub fn delete_meeting(&self, id: String) -> Result<()> {
        let id = self::id("id", &id)?;
        let vault = self.core();
        Ok(core::delete(&vault.store()?, id)?)
    }

    /// Occurrences of every meeting overlapping `[from, until)` (at most
    /// 400 days), in order.
    pub fn meeting_occurrences(
        &self,
        from_utc_millis: i64,
        until_utc_millis: i64,
    ) -> Result<Vec<MeetingOccurrence>> {
        let vault = self.core();
        let meetings = core::list(&vault.store()?)?.meetings;
        Ok(
            core::occurrences(&meetings, from_utc_millis, until_utc_millis)?
                .into_iter()
                .map(|o| MeetingOccurrence::new(o, None))
                .collect(),
        )
    }

    /// Records attendance at an occurrence (again for the same occurrence
    /// replaces the record).
    pub fn record_attendance(&self, draft: AttendanceDraft) -> Result<AttendanceRecord> {
        let meeting_id = id("meeting_id", &draft.meeting_id)?;
        let vault = self.core();
        Ok(core_attendance::record(
            &vault.store()?,
            core_attendance::AttendanceDraft {
                meeting_id,
                occurrence: draft.occurrence.into(),
                status: draft.status.into(),
                minutes: draft.minutes,
                notes: draft.notes,
            },
            now(),
        )?
        .into())
    }

    /// Changes attendance record `id`.
    pub fn update_attendance(
        &self,
        id: String,
        status: AttendanceStatus,
        minutes: Option<u16>,
        notes: String,
    ) -> Result<AttendanceRecord> {
        let id = self::id("id", &id)?;
        let vault = self.core();
        Ok(
            core_attendance::update(&vault.store()?, id, status.into(), minutes, &notes, now())?
                .into(),
        )
    }

    /// Deletes attendance record `id`.
    pub fn delete_attendance(&self, id: String) -> Result<()> {
        let id = self::id("id", &id)?;
        let vault = self.core();
        Ok(core_attendance::delete(&vault.store()?, id)?)
    }

    /// Attendance records, newest first.
    pub fn list_attendance(&self, query: PageQuery) -> Result<AttendancePage> {
        let vault = self.core();
        let page = core_attendance::page(&vault.store()?, query.into())?;
        Ok(AttendancePage {
            items: page
                .items
                .into_iter()
                .map(|(id, a)| AttendanceRecord::new(id, a))
                .collect(),
            total: u32::try_from(page.total).unwrap_or(u32::MAX),
            damaged_ids: page.damaged.iter().map(ToString::to_string).collect(),
        })
    }

    /// "I'm here": records the meeting happening now (or starting within
    /// half an hour) as attended. `NotFound` if none is on.
    pub fn check_in_to_meeting(&self, now: Now) -> Result<AttendanceRecord> {
        let now = now.instant()?;
        let vault = self.core();
        Ok(core_attendance::check_in_now(&vault.store()?, now)?.into())
    }

    /// The weekly requirement and reminder settings.
    pub fn meeting_settings(&self) -> Result<MeetingSettings> {
        let vault = self.core();
        Ok(core_requirement::settings(&vault.store()?)?.into())
    }

    /// Saves the weekly requirement and reminder settings.
    pub fn save_meeting_settings(&self, settings: MeetingSettings) -> Result<MeetingSettings> {
        let vault = self.core();
        Ok(core_requirement::save_settings(&vault.store()?, settings.into())?.into())
    }

    /// The Meetings screen at `now` (the phone's clock and zone): today and
    /// the coming week are the zone's calendar days.
    pub fn meetings_screen(&self, now: Now) -> Result<MeetingsScreen> {
        let now = now.resolve()?;
        let vault = self.core();
        let s = core_screen::meetings_screen(&vault.store()?, &now)?;
        let occurrence = |u: core_screen::Upcoming| MeetingOccurrence::new(u.occurrence, u.status);
        Ok(MeetingsScreen {
            today: s.today.into_iter().map(occurrence).collect(),
            this_week: s.this_week.into_iter().map(occurrence).collect(),
            happening_now: s.happening_now.map(|o| MeetingOccurrence::new(o, None)),
            progress: s.progress.into(),
            recent: s
                .recent
                .into_iter()
                .map(|(id, a)| AttendanceRecord::new(id, a))
                .collect(),
            meeting_count: u32::try_from(s.meeting_count).unwrap_or(u32::MAX),
            damaged_ids: s.damaged.iter().map(ToString::to_string).collect(),
        })
    }

    /// Program hours and sessions per week, the last `weeks` weeks (1 to
    /// 520), oldest first.
    pub fn attendance_history(&self, now: Now, weeks: u32) -> Result<Vec<WeekSummary>> {
        let now = now.instant()?;
        let vault = self.core();
        let store = vault.store()?;
        let settings = core_requirement::settings(&store)?;
        let records = core_requirement::all_records(&store)?;
        Ok(all(core_requirement::history(
            &settings, &records, now, weeks,
        )?))
    }

    /// The attendance record to show a counselor, a court or an employer:
    /// every record in `[from, until)`, oldest first, kinds in `language`.
    pub fn attendance_record(
        &self,
        from_utc_millis: i64,
        until_utc_millis: i64,
        language: Language,
    ) -> Result<Vec<AttendanceLine>> {
        let vault = self.core();
        let lines =
            core_screen::attendance_record(&vault.store()?, from_utc_millis, until_utc_millis)?;
        Ok(lines
            .into_iter()
            .map(|a| AttendanceLine {
                date: a.occurrence.local_date().unwrap_or_default().into(),
                start: a.occurrence.into(),
                meeting_name: a.meeting_name,
                kind_label: a.kind.label(language.into()).to_string(),
                minutes: a.minutes,
                status: a.status.into(),
            })
            .collect())
    }

    /// The notifications due in the next `horizon_hours` (1 to 336), soonest
    /// first, at most `limit` of them (null for all; iOS keeps at most 64
    /// pending), their words in `language`. Daily times are wall-clock
    /// times in the zone of `now`. When to call again: docs/meetings.md
    /// "Scheduling reminders".
    pub fn upcoming_reminders(
        &self,
        now: Now,
        horizon_hours: u32,
        limit: Option<u32>,
        language: Language,
    ) -> Result<Vec<Reminder>> {
        let now = now.resolve()?;
        let vault = self.core();
        let lang = language.into();
        Ok(
            core_reminders::upcoming_in(&vault.store()?, &now, horizon_hours, limit)?
                .into_iter()
                .map(|r| Reminder::new(r, lang))
                .collect(),
        )
    }

    /// Every meeting as an iCalendar file, descriptions in `language`.
    pub fn export_meetings_calendar(&self, language: Language) -> Result<MeetingsCalendar> {
        let vault = self.core();
        let meetings = core::list(&vault.store()?)?.meetings;
        Ok(MeetingsCalendar {
            file_name: "calendar.ics".into(),
            content: ical::export(&meetings, now(), language.into())?,
        })
    }
}
