//! The participant's personal relapse-prevention plan: its content
//! ([`model`]), the guided template a new participant starts from
//! ([`template`]), and its saved revisions ([`revisions`]).
//!
//! The plan is versioned: every save is a new revision, and a save names the
//! revision it was based on (optimistic concurrency), so an edit made on an
//! old copy never silently overwrites a newer one.

pub mod model;
pub mod revisions;
pub mod template;

pub use model::{
    ContactRole, CopingPlan, CrisisLine, LapsePlan, Plan, RelapseStage, RiskLevel, SupportContact,
    Trigger, TriggerCategory, WarningSign, new_item_id,
};
pub use revisions::{PlanRevision, RevisionInfo, current, history, revision, save};
pub use template::{Language, default_crisis_lines, template};

use crate::error::Result;
use crate::store::Store;

/// The lapse plan to show: the current plan's, or (before any plan is saved)
/// the template's steps with the default crisis lines, in `lang`.
pub(crate) fn lapse_plan_in(store: &Store<'_>, lang: Language) -> Result<LapsePlan> {
    match revisions::current_in(store)? {
        Some(rev) => Ok(rev.plan.lapse_plan),
        None => Ok(template(lang)?.lapse_plan),
    }
}
