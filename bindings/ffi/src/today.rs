//! The Today screen across the FFI: one call, one record, nothing for the
//! shell to compute. `now` comes from the shell so the screen is
//! deterministic (and testable) for a given moment.

use keel_core::summary::recent::Brief;
use keel_core::today::{self as core_today};

use crate::error::Result;
use crate::exercises::ExerciseSuggestion;
use crate::logs::{CravingOutcome, EntryKind, Mood};
use crate::meetings::MeetingOccurrence;
use crate::mirror::{all, mirror_enum};
use crate::plan::{ContactRole, CopingPlan, LapsePlan, Trigger};
use crate::sobriety::{CalendarDate, SobrietyClockStatus};
use crate::types::{Language, Moment, Now};
use crate::vault::Vault;

/// An entry as the Today screen lists it.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct EntryBrief {
    pub id: String,
    pub kind: EntryKind,
    pub at: Moment,
    /// A craving's intensity or a check-in's craving level (0-10).
    pub level: Option<u8>,
    pub mood: Option<Mood>,
    /// A craving's outcome.
    pub outcome: Option<CravingOutcome>,
    /// True for a lapse, a craving that ended in use, a check-in reporting use.
    pub any_use: bool,
    /// The first few trigger names.
    pub triggers: Vec<String>,
    /// A check-in's intention, or a lapse's substance.
    pub text: String,
}

impl From<Brief> for EntryBrief {
    fn from(b: Brief) -> Self {
        EntryBrief {
            id: b.id.to_string(),
            kind: b.kind.into(),
            at: b.at.into(),
            level: b.level,
            mood: b.mood.map(Mood::from),
            outcome: b.outcome.map(CravingOutcome::from),
            any_use: b.any_use,
            triggers: b.triggers,
            text: b.text,
        }
    }
}

/// Why an if-then plan is suggested now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum SuggestionReason {
    /// Its triggers are often logged around this hour and day of the week.
    LoggedAtThisTime,
    /// It answers a high-risk trigger.
    HighRisk,
}
mirror_enum!(core_today::SuggestionReason => SuggestionReason { LoggedAtThisTime, HighRisk });

/// An if-then plan to show now.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct PlanSuggestion {
    pub coping_plan: CopingPlan,
    /// The triggers it answers, most relevant now first.
    pub triggers: Vec<Trigger>,
    pub reason: SuggestionReason,
    pub score: u32,
}

impl From<core_today::Suggestion> for PlanSuggestion {
    fn from(s: core_today::Suggestion) -> Self {
        PlanSuggestion {
            coping_plan: s.coping_plan.into(),
            triggers: all(s.triggers),
            reason: s.reason.into(),
            score: s.score,
        }
    }
}

/// A one-tap contact.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct CrisisContact {
    pub name: String,
    pub phone: String,
    pub role: ContactRole,
    pub can_text: bool,
}

impl From<core_today::CrisisContact> for CrisisContact {
    fn from(c: core_today::CrisisContact) -> Self {
        CrisisContact {
            name: c.name,
            phone: c.phone,
            role: c.role.into(),
            can_text: c.can_text,
        }
    }
}

/// Everything the Today screen shows.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct TodayScreen {
    /// The participant's calendar day at `now`.
    pub date: CalendarDate,
    pub clocks: Vec<SobrietyClockStatus>,
    pub checked_in_today: bool,
    pub todays_check_in: Option<EntryBrief>,
    /// The newest entries of every kind (up to 5), newest first.
    pub recent: Vec<EntryBrief>,
    /// If-then plans that fit now (up to 3).
    pub suggestions: Vec<PlanSuggestion>,
    pub crisis_contacts: Vec<CrisisContact>,
    /// The current plan revision, null before the first save.
    pub plan_revision: Option<u32>,
    /// The lapse plan, shown after a lapse logged today or yesterday.
    pub lapse_plan: Option<LapsePlan>,
    /// The newest craving, if logged as ongoing in the last hour.
    pub ongoing_craving: Option<EntryBrief>,
    /// The exercise to suggest now (what helped before while a craving is
    /// in progress, else by high-risk hours and time of day).
    pub exercise: ExerciseSuggestion,
    /// A meeting on now (or within half an hour): the "I'm here" button.
    pub meeting_now: Option<MeetingNow>,
    /// The next meeting that starts after now (within 35 days).
    pub next_meeting: Option<NextMeeting>,
    /// Standard measures due today or overdue (docs/measures.md).
    pub measures_due: Vec<crate::measures::MeasureDue>,
}

/// A meeting on now.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct MeetingNow {
    /// The occurrence; `status` is what is recorded for it, if anything.
    pub occurrence: MeetingOccurrence,
    /// True once it has started (else it starts within half an hour).
    pub in_progress: bool,
    /// True once attendance (present) is recorded for it.
    pub checked_in: bool,
    /// True while "I'm here" (`check_in_now`) can record it.
    pub can_check_in: bool,
}

impl From<core_today::MeetingNow> for MeetingNow {
    fn from(m: core_today::MeetingNow) -> Self {
        MeetingNow {
            in_progress: m.in_progress,
            checked_in: m.recorded.is_some_and(|s| s.present()),
            can_check_in: m.can_check_in(),
            occurrence: MeetingOccurrence::new(m.occurrence, m.recorded),
        }
    }
}

/// The next meeting.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct NextMeeting {
    /// Id, name, kind, place, and the start with the meeting zone's offset.
    pub occurrence: MeetingOccurrence,
    /// The start with the phone zone's offset at that instant: its local
    /// date and time are what the participant's clock will show.
    pub local_start: Moment,
    /// The day of the start in the phone's zone.
    pub local_date: CalendarDate,
    /// The time of the start in the phone's zone, minutes after midnight.
    pub local_minute: u16,
    /// It has a venue or an address.
    pub in_person: bool,
    /// It has a link to join online.
    pub online: bool,
}

impl From<core_today::NextMeeting> for NextMeeting {
    fn from(n: core_today::NextMeeting) -> Self {
        let local = n.local_start.to_local();
        let place = &n.occurrence.meeting.place;
        NextMeeting {
            local_start: n.local_start.into(),
            local_date: local
                .map(|t| t.date_naive())
                .unwrap_or(n.occurrence.slot.local_date)
                .into(),
            local_minute: local
                .map(|t| {
                    use chrono::Timelike;
                    u16::try_from(t.hour() * 60 + t.minute()).unwrap_or(0)
                })
                .unwrap_or(0),
            in_person: place.in_person(),
            online: place.online(),
            occurrence: MeetingOccurrence::new(n.occurrence, None),
        }
    }
}

#[uniffi::export]
impl Vault {
    /// The Today screen at `now` (the phone's clock and zone); its texts,
    /// and the default crisis lines and lapse steps before a plan is saved,
    /// in `language`.
    pub fn today(&self, now: Now, language: Language) -> Result<TodayScreen> {
        let now = now.resolve()?;
        let lang = language.into();
        let vault = self.core();
        let store = vault.store()?;
        let t = core_today::screen(&store, &now, lang)?;
        let exercise = ExerciseSuggestion {
            exercise: keel_core::exercises::describe(&store, t.exercise.exercise, lang)?.into(),
            reason: t.exercise.reason.into(),
            reason_text: t.exercise.reason.text(lang).to_string(),
        };
        Ok(TodayScreen {
            date: t.date.into(),
            clocks: all(t.clocks),
            checked_in_today: t.checked_in_today,
            todays_check_in: t.todays_checkin.map(EntryBrief::from),
            recent: all(t.recent),
            suggestions: all(t.suggestions),
            crisis_contacts: all(t.crisis_contacts),
            plan_revision: t.plan_revision,
            lapse_plan: t.lapse_plan.map(LapsePlan::from),
            ongoing_craving: t.ongoing_craving.map(EntryBrief::from),
            exercise,
            meeting_now: t.meeting_now.map(MeetingNow::from),
            next_meeting: t.next_meeting.map(NextMeeting::from),
            measures_due: t
                .measures_due
                .into_iter()
                .map(|d| crate::measures::due(d, lang))
                .collect(),
        })
    }
}
