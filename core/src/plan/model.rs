//! What a relapse-prevention plan holds, and how a draft is checked.
//!
//! The sections follow the relapse-prevention literature the IOP programs
//! teach from (Marlatt & Gordon; Gorski; Melemis 2015, "Relapse Prevention and
//! the Five Rules of Recovery"; SAMHSA): reasons and goals, warning signs by
//! stage of relapse, internal and external triggers with a risk level, if-then
//! coping plans linked to the triggers they answer, support contacts, a crisis
//! and lapse plan, and a healthy routine.
//!
//! Limits (characters, items) are documented on the constants below; a draft
//! over a limit is refused with the field named, never the value.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::store::RecordId;
use crate::validate::{SHORT_TEXT_MAX, optional_text, required_text};

/// Most items in any one list of the plan (reasons, triggers, steps...).
pub const MAX_PLAN_ITEMS: usize = 50;
/// Most triggers one coping plan may answer.
pub const MAX_LINKED_TRIGGERS: usize = 20;
/// Longest "if" or "then" half of a coping plan, and any plan text item.
pub const PLAN_TEXT_MAX: usize = SHORT_TEXT_MAX;
/// Longest phone number (digits, spaces and `+ - ( ) . * #`).
pub const PHONE_MAX: usize = 32;

/// The three stages of relapse (Gorski; Melemis): warning signs are grouped
/// by the stage they belong to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum RelapseStage {
    /// Not thinking of using, but feelings and behaviour set it up
    /// (isolating, bottling up, poor self-care).
    Emotional,
    /// Part of the mind wants to use (bargaining, romanticising, planning).
    Mental,
    /// Steps toward using (driving to the place, calling the dealer).
    Physical,
}

/// What kind of trigger it is. The first six are internal (inside the
/// person: emotions, thoughts and the HALT states), the rest external.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TriggerCategory {
    /// A feeling: stress, shame, boredom, even joy.
    Emotion,
    /// A thought: "I deserve it", "just one".
    Thought,
    /// HALT: hungry.
    Hungry,
    /// HALT: angry.
    Angry,
    /// HALT: lonely.
    Lonely,
    /// HALT: tired.
    Tired,
    /// People: old using friends, a difficult relative.
    People,
    /// Places: a bar, a street, a neighbourhood.
    Place,
    /// Things: paraphernalia, cash, a song.
    Thing,
    /// Times: payday, Friday night, an anniversary.
    Time,
    /// Events: parties, weddings, a court date.
    Event,
    /// Anything else.
    Other,
}

impl TriggerCategory {
    /// True for triggers inside the person (emotions, thoughts, HALT).
    pub fn is_internal(self) -> bool {
        matches!(
            self,
            Self::Emotion | Self::Thought | Self::Hungry | Self::Angry | Self::Lonely | Self::Tired
        )
    }
}

/// How risky a trigger is for this participant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum RiskLevel {
    Low,
    Medium,
    High,
}

/// Who a support contact is to the participant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ContactRole {
    Sponsor,
    Counselor,
    Family,
    Peer,
    CrisisLine,
    Other,
}

/// A warning sign at one stage of relapse.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WarningSign {
    pub stage: RelapseStage,
    pub text: String,
}

/// A trigger. `id` is stable across revisions so logs and coping plans can
/// refer to it; empty in a draft means "new: assign one".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Trigger {
    pub id: String,
    pub name: String,
    pub category: TriggerCategory,
    pub risk: RiskLevel,
}

/// An if-then coping plan ("If I feel lonely after work, then I call Sam and
/// go to the 7 pm meeting"), linked to the triggers it answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CopingPlan {
    pub id: String,
    pub if_situation: String,
    pub then_action: String,
    pub trigger_ids: Vec<String>,
}

/// A person or service to reach, and how.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SupportContact {
    pub name: String,
    pub role: ContactRole,
    /// A dialable number, or empty.
    pub phone: String,
    /// Free text: "text first", "evenings", an email, a meeting.
    pub how_to_reach: String,
}

/// A crisis line: name, number, and whether it takes text messages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CrisisLine {
    pub name: String,
    pub phone: String,
    pub can_text: bool,
    pub note: String,
}

/// What to do if a lapse happens, overdose safety, and crisis lines.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LapsePlan {
    /// Steps to take after a lapse, in order.
    pub steps: Vec<String>,
    /// Overdose safety (for people who use opioids): naloxone, never use
    /// alone. May be empty.
    pub overdose_safety: Vec<String>,
    /// Crisis lines; 988 and the SAMHSA helpline by default, editable for
    /// other countries.
    pub crisis_lines: Vec<CrisisLine>,
}

/// The whole plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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

impl Plan {
    /// The trigger `id`, if the plan has it.
    pub fn trigger(&self, id: &str) -> Option<&Trigger> {
        self.triggers.iter().find(|t| t.id == id)
    }

    /// The coping plan `id`, if the plan has it.
    pub fn coping_plan(&self, id: &str) -> Option<&CopingPlan> {
        self.coping_plans.iter().find(|c| c.id == id)
    }

    /// Checks and normalises a draft: trims text, assigns ids to new
    /// triggers and coping plans, and checks every link.
    pub fn validated(self) -> Result<Plan> {
        let mut trigger_ids = HashSet::new();
        let triggers = limit("triggers", self.triggers)?
            .into_iter()
            .map(|t| {
                let id = item_id("triggers.id", &t.id)?;
                if !trigger_ids.insert(id.clone()) {
                    return Err(Error::invalid("triggers.id", "duplicate_id"));
                }
                Ok(Trigger {
                    id,
                    name: required_text("triggers.name", &t.name, PLAN_TEXT_MAX)?,
                    category: t.category,
                    risk: t.risk,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        let mut coping_ids = HashSet::new();
        let coping_plans = limit("coping_plans", self.coping_plans)?
            .into_iter()
            .map(|c| {
                let id = item_id("coping_plans.id", &c.id)?;
                if !coping_ids.insert(id.clone()) {
                    return Err(Error::invalid("coping_plans.id", "duplicate_id"));
                }
                if c.trigger_ids.len() > MAX_LINKED_TRIGGERS {
                    return Err(Error::invalid("coping_plans.trigger_ids", "too_many"));
                }
                let mut linked = Vec::with_capacity(c.trigger_ids.len());
                for t in &c.trigger_ids {
                    let t = t.trim().to_ascii_lowercase();
                    if !trigger_ids.contains(&t) {
                        return Err(Error::invalid(
                            "coping_plans.trigger_ids",
                            "unknown_trigger",
                        ));
                    }
                    if !linked.contains(&t) {
                        linked.push(t);
                    }
                }
                Ok(CopingPlan {
                    id,
                    if_situation: required_text(
                        "coping_plans.if_situation",
                        &c.if_situation,
                        PLAN_TEXT_MAX,
                    )?,
                    then_action: required_text(
                        "coping_plans.then_action",
                        &c.then_action,
                        PLAN_TEXT_MAX,
                    )?,
                    trigger_ids: linked,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        let contacts = limit("contacts", self.contacts)?
            .into_iter()
            .map(|c| {
                Ok(SupportContact {
                    name: required_text("contacts.name", &c.name, PLAN_TEXT_MAX)?,
                    role: c.role,
                    phone: phone("contacts.phone", &c.phone)?,
                    how_to_reach: optional_text(
                        "contacts.how_to_reach",
                        &c.how_to_reach,
                        PLAN_TEXT_MAX,
                    )?,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        let crisis_lines = limit("crisis_lines", self.lapse_plan.crisis_lines)?
            .into_iter()
            .map(|l| {
                let number = phone("crisis_lines.phone", &l.phone)?;
                if number.is_empty() {
                    return Err(Error::invalid("crisis_lines.phone", "empty"));
                }
                Ok(CrisisLine {
                    name: required_text("crisis_lines.name", &l.name, PLAN_TEXT_MAX)?,
                    phone: number,
                    can_text: l.can_text,
                    note: optional_text("crisis_lines.note", &l.note, PLAN_TEXT_MAX)?,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        let warning_signs = limit("warning_signs", self.warning_signs)?
            .into_iter()
            .map(|w| {
                Ok(WarningSign {
                    stage: w.stage,
                    text: required_text("warning_signs.text", &w.text, PLAN_TEXT_MAX)?,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(Plan {
            reasons: texts("reasons", self.reasons)?,
            goals: texts("goals", self.goals)?,
            warning_signs,
            triggers,
            coping_plans,
            contacts,
            lapse_plan: LapsePlan {
                steps: texts("lapse_plan.steps", self.lapse_plan.steps)?,
                overdose_safety: texts(
                    "lapse_plan.overdose_safety",
                    self.lapse_plan.overdose_safety,
                )?,
                crisis_lines,
            },
            routine: texts("routine", self.routine)?,
        })
    }
}

/// A new random id for a plan item (32 hex digits), for shells that link a
/// new trigger to a new coping plan in the same draft.
pub fn new_item_id() -> Result<String> {
    Ok(RecordId::random()?.to_string())
}

fn limit<T>(field: &'static str, items: Vec<T>) -> Result<Vec<T>> {
    if items.len() > MAX_PLAN_ITEMS {
        return Err(Error::invalid(field, "too_many"));
    }
    Ok(items)
}

fn texts(field: &'static str, items: Vec<String>) -> Result<Vec<String>> {
    limit(field, items)?
        .iter()
        .map(|t| required_text(field, t, PLAN_TEXT_MAX))
        .collect()
}

/// An item id from a draft: empty means new.
fn item_id(field: &'static str, id: &str) -> Result<String> {
    let id = id.trim();
    if id.is_empty() {
        return new_item_id();
    }
    Ok(RecordId::parse(field, &id.to_ascii_lowercase())?.to_string())
}

/// A phone number as typed, trimmed; empty is allowed (the caller decides).
pub(crate) fn phone(field: &'static str, text: &str) -> Result<String> {
    let text = text.trim();
    if text.chars().count() > PHONE_MAX {
        return Err(Error::invalid(field, "too_long"));
    }
    if !text
        .chars()
        .all(|c| c.is_ascii_digit() || " +-().*#".contains(c))
    {
        return Err(Error::invalid(field, "bad_characters"));
    }
    if !text.is_empty() && text.chars().filter(char::is_ascii_digit).count() < 2 {
        return Err(Error::invalid(field, "too_few_digits"));
    }
    Ok(text.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(r: Result<Plan>) -> &'static str {
        match r {
            Err(Error::InvalidInput { field, .. }) => field,
            other => panic!("expected invalid input, got {other:?}"),
        }
    }

    fn small() -> Plan {
        Plan {
            reasons: vec!["  my kids ".into()],
            goals: vec![],
            warning_signs: vec![WarningSign {
                stage: RelapseStage::Emotional,
                text: "isolating".into(),
            }],
            triggers: vec![Trigger {
                id: String::new(),
                name: "Lonely after work".into(),
                category: TriggerCategory::Lonely,
                risk: RiskLevel::High,
            }],
            coping_plans: vec![],
            contacts: vec![SupportContact {
                name: "Sam".into(),
                role: ContactRole::Sponsor,
                phone: "+1 (555) 010-0100".into(),
                how_to_reach: String::new(),
            }],
            lapse_plan: LapsePlan {
                steps: vec!["Call Sam".into()],
                overdose_safety: vec![],
                crisis_lines: vec![CrisisLine {
                    name: "988".into(),
                    phone: "988".into(),
                    can_text: true,
                    note: String::new(),
                }],
            },
            routine: vec![],
        }
    }

    #[test]
    fn new_items_get_ids_and_text_is_trimmed() {
        let plan = small().validated().unwrap();
        assert_eq!(plan.reasons, vec!["my kids"]);
        assert_eq!(plan.triggers[0].id.len(), 32);
        // Validating again keeps the ids.
        assert_eq!(plan.clone().validated().unwrap(), plan);
    }

    #[test]
    fn links_must_name_triggers_in_the_plan() {
        let mut p = small().validated().unwrap();
        p.coping_plans.push(CopingPlan {
            id: String::new(),
            if_situation: "If I feel lonely after work".into(),
            then_action: "then I call Sam".into(),
            trigger_ids: vec![p.triggers[0].id.to_uppercase(), p.triggers[0].id.clone()],
        });
        let ok = p.clone().validated().unwrap();
        assert_eq!(
            ok.coping_plans[0].trigger_ids,
            vec![p.triggers[0].id.clone()]
        );
        p.coping_plans[0].trigger_ids = vec![new_item_id().unwrap()];
        assert_eq!(field(p.validated()), "coping_plans.trigger_ids");
    }

    #[test]
    fn bad_drafts_name_their_field() {
        let mut p = small();
        p.triggers[0].name = " ".into();
        assert_eq!(field(p.validated()), "triggers.name");
        let mut p = small();
        p.triggers[0].id = "nope".into();
        assert_eq!(field(p.validated()), "triggers.id");
        let mut p = small();
        p.triggers.push(p.triggers[0].clone());
        p.triggers[0].id = new_item_id().unwrap();
        p.triggers[1].id = p.triggers[0].id.clone();
        assert_eq!(field(p.validated()), "triggers.id");
        let mut p = small();
        p.contacts[0].phone = "call me".into();
        assert_eq!(field(p.validated()), "contacts.phone");
        let mut p = small();
        p.lapse_plan.crisis_lines[0].phone = String::new();
        assert_eq!(field(p.validated()), "crisis_lines.phone");
        let mut p = small();
        p.reasons = vec!["x".into(); MAX_PLAN_ITEMS + 1];
        assert_eq!(field(p.validated()), "reasons");
        let mut p = small();
        p.goals = vec!["x".repeat(PLAN_TEXT_MAX + 1)];
        assert_eq!(field(p.validated()), "goals");
        let mut p = small();
        p.warning_signs[0].text = String::new();
        assert_eq!(field(p.validated()), "warning_signs.text");
    }

    #[test]
    fn internal_triggers() {
        assert!(TriggerCategory::Lonely.is_internal());
        assert!(!TriggerCategory::Place.is_internal());
    }
}
