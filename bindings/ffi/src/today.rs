//! The Today screen across the FFI: one call, one record, nothing for the
//! shell to compute. `now` comes from the shell so the screen is
//! deterministic (and testable) for a given moment.

use keel_core::summary::recent::Brief;
use keel_core::today::{self as core_today};

use keel_core::meetings::attendance::happening_now;

use crate::error::Result;
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
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
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
    /// A meeting on now (or within half an hour): the "I'm here" button.
    pub meeting_now: Option<MeetingOccurrence>,
}

#[uniffi::export]
impl Vault {
    /// The Today screen at `now` (the phone's clock and zone); the default
    /// crisis lines and lapse steps (before a plan is saved) in `language`.
    pub fn today(&self, now: Now, language: Language) -> Result<TodayScreen> {
        let now = now.instant()?;
        let vault = self.core();
        let store = vault.store()?;
        let t = core_today::today(&store, now, language.into())?;
        let meetings = keel_core::meetings::list(&store)?.meetings;
        let meeting_now = happening_now(&meetings, now)?;
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
            meeting_now: meeting_now.map(|o| MeetingOccurrence::new(o, None)),
        })
    }
}
