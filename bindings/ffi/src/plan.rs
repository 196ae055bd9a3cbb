//! The relapse-prevention plan across the FFI: its content, the guided
//! template, and versioned saves with optimistic concurrency.
//!
//! Limits: each list holds at most 50 items; each text item, name, "if" and
//! "then" at most 200 characters; phone numbers at most 32 characters of
//! digits, spaces and `+ - ( ) . * #`.

use keel_core::plan::{self as core_plan};

use crate::error::Result;
use crate::mirror::{all, mirror_enum};
use crate::types::{Language, Moment, Now};
use crate::vault::Vault;

/// The stage of relapse a warning sign belongs to (Gorski; Melemis).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum RelapseStage {
    Emotional,
    Mental,
    Physical,
}
mirror_enum!(core_plan::RelapseStage => RelapseStage { Emotional, Mental, Physical });

/// Kinds of trigger: internal (emotion, thought and HALT: hungry, angry,
/// lonely, tired) and external (people, place, thing, time, event).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum TriggerCategory {
    Emotion,
    Thought,
    Hungry,
    Angry,
    Lonely,
    Tired,
    People,
    Place,
    Thing,
    Time,
    Event,
    Other,
}
mirror_enum!(core_plan::TriggerCategory => TriggerCategory {
    Emotion, Thought, Hungry, Angry, Lonely, Tired, People, Place, Thing, Time, Event, Other
});

/// How risky a trigger is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum RiskLevel {
    Low,
    Medium,
    High,
}
mirror_enum!(core_plan::RiskLevel => RiskLevel { Low, Medium, High });

/// Who a support contact is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum ContactRole {
    Sponsor,
    Counselor,
    Family,
    Peer,
    CrisisLine,
    Other,
}
mirror_enum!(core_plan::ContactRole => ContactRole { Sponsor, Counselor, Family, Peer, CrisisLine, Other });

/// A warning sign at one stage of relapse.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct WarningSign {
    pub stage: RelapseStage,
    pub text: String,
}

/// A trigger. `id` is empty for a new one (the core assigns it) or an id
/// from the plan or from `new_plan_item_id()`.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Trigger {
    pub id: String,
    pub name: String,
    pub category: TriggerCategory,
    pub risk: RiskLevel,
}

/// An if-then coping plan, linked to the triggers it answers by id.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct CopingPlan {
    pub id: String,
    pub if_situation: String,
    pub then_action: String,
    pub trigger_ids: Vec<String>,
}

/// A support contact and how to reach them. `phone` may be empty.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct SupportContact {
    pub name: String,
    pub role: ContactRole,
    pub phone: String,
    pub how_to_reach: String,
}

/// A crisis line.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct CrisisLine {
    pub name: String,
    pub phone: String,
    pub can_text: bool,
    pub note: String,
}

/// Steps after a lapse, overdose safety, crisis lines.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct LapsePlan {
    pub steps: Vec<String>,
    pub overdose_safety: Vec<String>,
    pub crisis_lines: Vec<CrisisLine>,
}

/// The whole plan.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Plan {
    pub reasons: Vec<String>,
    pub goals: Vec<String>,
    pub warning_signs: Vec<WarningSign>,
    pub triggers: Vec<Trigger>,
    pub coping_plans: Vec<CopingPlan>,
    pub contacts: Vec<SupportContact>,
    pub lapse_plan: LapsePlan,
    pub routine: Vec<String>,
}

/// A saved revision of the plan.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct PlanRevision {
    pub number: u32,
    pub saved_at: Moment,
    pub with_counselor: bool,
    pub plan: Plan,
}

/// A revision in the history list (open it with `plan_revision`).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct PlanRevisionInfo {
    pub number: u32,
    pub saved_at: Moment,
    pub with_counselor: bool,
}

impl From<core_plan::WarningSign> for WarningSign {
    fn from(w: core_plan::WarningSign) -> Self {
        WarningSign {
            stage: w.stage.into(),
            text: w.text,
        }
    }
}

impl From<WarningSign> for core_plan::WarningSign {
    fn from(w: WarningSign) -> Self {
        core_plan::WarningSign {
            stage: w.stage.into(),
            text: w.text,
        }
    }
}

impl From<core_plan::Trigger> for Trigger {
    fn from(t: core_plan::Trigger) -> Self {
        Trigger {
            id: t.id,
            name: t.name,
            category: t.category.into(),
            risk: t.risk.into(),
        }
    }
}

impl From<Trigger> for core_plan::Trigger {
    fn from(t: Trigger) -> Self {
        core_plan::Trigger {
            id: t.id,
            name: t.name,
            category: t.category.into(),
            risk: t.risk.into(),
        }
    }
}

impl From<core_plan::CopingPlan> for CopingPlan {
    fn from(c: core_plan::CopingPlan) -> Self {
        CopingPlan {
            id: c.id,
            if_situation: c.if_situation,
            then_action: c.then_action,
            trigger_ids: c.trigger_ids,
        }
    }
}

impl From<CopingPlan> for core_plan::CopingPlan {
    fn from(c: CopingPlan) -> Self {
        core_plan::CopingPlan {
            id: c.id,
            if_situation: c.if_situation,
            then_action: c.then_action,
            trigger_ids: c.trigger_ids,
        }
    }
}

impl From<core_plan::SupportContact> for SupportContact {
    fn from(c: core_plan::SupportContact) -> Self {
        SupportContact {
            name: c.name,
            role: c.role.into(),
            phone: c.phone,
            how_to_reach: c.how_to_reach,
        }
    }
}

impl From<SupportContact> for core_plan::SupportContact {
    fn from(c: SupportContact) -> Self {
        core_plan::SupportContact {
            name: c.name,
            role: c.role.into(),
            phone: c.phone,
            how_to_reach: c.how_to_reach,
        }
    }
}

impl From<core_plan::CrisisLine> for CrisisLine {
    fn from(l: core_plan::CrisisLine) -> Self {
        CrisisLine {
            name: l.name,
            phone: l.phone,
            can_text: l.can_text,
            note: l.note,
        }
    }
}

impl From<CrisisLine> for core_plan::CrisisLine {
    fn from(l: CrisisLine) -> Self {
        core_plan::CrisisLine {
            name: l.name,
            phone: l.phone,
            can_text: l.can_text,
            note: l.note,
        }
    }
}

impl From<core_plan::LapsePlan> for LapsePlan {
    fn from(l: core_plan::LapsePlan) -> Self {
        LapsePlan {
            steps: l.steps,
            overdose_safety: l.overdose_safety,
            crisis_lines: all(l.crisis_lines),
        }
    }
}

impl From<LapsePlan> for core_plan::LapsePlan {
    fn from(l: LapsePlan) -> Self {
        core_plan::LapsePlan {
            steps: l.steps,
            overdose_safety: l.overdose_safety,
            crisis_lines: all(l.crisis_lines),
        }
    }
}

impl From<core_plan::Plan> for Plan {
    fn from(p: core_plan::Plan) -> Self {
        Plan {
            reasons: p.reasons,
            goals: p.goals,
            warning_signs: all(p.warning_signs),
            triggers: all(p.triggers),
            coping_plans: all(p.coping_plans),
            contacts: all(p.contacts),
            lapse_plan: p.lapse_plan.into(),
            routine: p.routine,
        }
    }
}

impl From<Plan> for core_plan::Plan {
    fn from(p: Plan) -> Self {
        core_plan::Plan {
            reasons: p.reasons,
            goals: p.goals,
            warning_signs: all(p.warning_signs),
            triggers: all(p.triggers),
            coping_plans: all(p.coping_plans),
            contacts: all(p.contacts),
            lapse_plan: p.lapse_plan.into(),
            routine: p.routine,
        }
    }
}

impl From<core_plan::PlanRevision> for PlanRevision {
    fn from(r: core_plan::PlanRevision) -> Self {
        PlanRevision {
            number: r.number,
            saved_at: r.saved_at.into(),
            with_counselor: r.with_counselor,
            plan: r.plan.into(),
        }
    }
}

impl From<core_plan::RevisionInfo> for PlanRevisionInfo {
    fn from(r: core_plan::RevisionInfo) -> Self {
        PlanRevisionInfo {
            number: r.number,
            saved_at: r.saved_at.into(),
            with_counselor: r.with_counselor,
        }
    }
}

/// The guided template a new participant starts from: example entries in
/// every section, with fresh ids, and the default crisis lines (988 and the
/// SAMHSA helpline 1-800-662-4357). Edit it, then `save_plan(plan, null, ...)`.
#[uniffi::export]
pub fn plan_template(language: Language) -> Result<Plan> {
    Ok(core_plan::template(language.into())?.into())
}

/// A fresh id for a new trigger or coping plan, to link them in one draft.
#[uniffi::export]
pub fn new_plan_item_id() -> Result<String> {
    Ok(core_plan::new_item_id()?)
}

#[uniffi::export]
impl Vault {
    /// The current plan, or null before the first save.
    pub fn current_plan(&self) -> Result<Option<PlanRevision>> {
        let vault = self.core();
        Ok(core_plan::current(&vault.store()?)?.map(PlanRevision::from))
    }

    /// Saves `plan` as a new revision on top of `based_on_revision` (null
    /// for the very first save). If another save happened since that
    /// revision, nothing is written and the error is `Conflict` carrying the
    /// current revision: reload it and let the participant redo the edit.
    /// `with_counselor` records whether it was made in session; `now` stamps
    /// the revision in local time.
    pub fn save_plan(
        &self,
        plan: Plan,
        based_on_revision: Option<u32>,
        with_counselor: bool,
        now: Now,
    ) -> Result<PlanRevision> {
        let now = now.instant()?;
        let vault = self.core();
        Ok(core_plan::save(
            &vault.store()?,
            plan.into(),
            based_on_revision,
            with_counselor,
            now,
        )?
        .into())
    }

    /// Every saved revision, newest first.
    pub fn plan_history(&self) -> Result<Vec<PlanRevisionInfo>> {
        let vault = self.core();
        Ok(all(core_plan::history(&vault.store()?)?))
    }

    /// Revision `number` (older ones stay viewable).
    pub fn plan_revision(&self, number: u32) -> Result<PlanRevision> {
        let vault = self.core();
        Ok(core_plan::revision(&vault.store()?, number)?.into())
    }
}
