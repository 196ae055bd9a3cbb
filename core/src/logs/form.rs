//! What the craving form offers, in one call: the current plan's triggers
//! and coping steps (if-then plans), and the free-text triggers and coping
//! the participant typed recently, so a repeat is one tap instead of typing.
//!
//! Recent tags come from the newest [`SCANNED`] cravings, encounters and
//! lapses of each kind (newest first across kinds), are folded to one per
//! name (case and surrounding spaces ignored, the newest spelling kept),
//! leave out names the plan already lists, and stop at [`MAX_RECENT`].

use crate::error::Result;
use crate::plan::{CopingPlan, Trigger, revisions};
use crate::store::{PageRequest, Store};

use super::{CopingTag, Craving, Encounter, Entry, Lapse, TriggerTag, name_key};

/// Entries of each kind read for recent tags.
pub const SCANNED: usize = 50;
/// Most recent free-text triggers (and, separately, coping) offered.
pub const MAX_RECENT: usize = 12;

/// Everything the craving form offers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CravingForm {
    /// The current plan revision, `None` before the first save.
    pub plan_revision: Option<u32>,
    /// The plan's triggers, in plan order.
    pub triggers: Vec<Trigger>,
    /// The plan's coping steps (if-then plans), in plan order.
    pub coping_plans: Vec<CopingPlan>,
    /// Free-text triggers used recently, most recent first.
    pub recent_triggers: Vec<TriggerTag>,
    /// Free-text coping used recently, most recent first.
    pub recent_coping: Vec<CopingTag>,
}

/// The newest `SCANNED` entries of kind `E`, with their instants.
fn newest<E: Entry>(store: &Store<'_>) -> Result<Vec<(i64, E)>> {
    Ok(store
        .page::<E>(PageRequest {
            from_millis: None,
            until_millis: None,
            offset: 0,
            limit: SCANNED,
        })?
        .items
        .into_iter()
        .map(|(_, e)| (e.at().utc_millis, e))
        .collect())
}

/// The first `MAX_RECENT` items of `tagged` (newest first) whose key is new
/// and not in `known`.
fn fold<T: Clone>(mut tagged: Vec<(i64, String, T)>, known: &[String]) -> Vec<T> {
    tagged.sort_by_key(|t| std::cmp::Reverse(t.0));
    let mut seen: Vec<String> = known.to_vec();
    let mut out = Vec::new();
    for (_, key, tag) in tagged {
        if out.len() == MAX_RECENT {
            break;
        }
        if !seen.contains(&key) {
            seen.push(key);
            out.push(tag);
        }
    }
    out
}

/// The craving form's record.
pub fn craving_form(store: &Store<'_>) -> Result<CravingForm> {
    let revision = revisions::current_in(store)?;
    let (triggers, coping_plans) = revision
        .as_ref()
        .map(|r| (r.plan.triggers.clone(), r.plan.coping_plans.clone()))
        .unwrap_or_default();

    let mut trigger_tags: Vec<(i64, String, TriggerTag)> = Vec::new();
    let mut coping_tags: Vec<(i64, String, CopingTag)> = Vec::new();
    let mut take = |at: i64, triggers: &[TriggerTag], coping: &[CopingTag]| {
        for t in triggers.iter().filter(|t| t.plan_trigger_id.is_none()) {
            trigger_tags.push((at, name_key(&t.name), t.clone()));
        }
        for c in coping.iter().filter(|c| c.plan_coping_id.is_none()) {
            coping_tags.push((at, name_key(&c.text), c.clone()));
        }
    };
    for (at, e) in newest::<Craving>(store)? {
        take(at, &e.triggers, &e.coping);
    }
    for (at, e) in newest::<Encounter>(store)? {
        take(at, &e.triggers, &e.coping);
    }
    for (at, e) in newest::<Lapse>(store)? {
        take(at, &e.triggers, &[]);
    }
    let known_triggers: Vec<String> = triggers.iter().map(|t| name_key(&t.name)).collect();
    let known_coping: Vec<String> = coping_plans
        .iter()
        .map(|c| name_key(&c.then_action))
        .collect();
    Ok(CravingForm {
        plan_revision: revision.map(|r| r.number),
        triggers,
        coping_plans,
        recent_triggers: fold(trigger_tags, &known_triggers),
        recent_coping: fold(coping_tags, &known_coping),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::logs::tests::{NOW, craving, hours_ago, new_trigger, plan_trigger, vault};
    use crate::logs::{self, TriggerCategory};
    use crate::plan::{Language, template};

    fn free_coping(text: &str) -> CopingTag {
        CopingTag {
            plan_coping_id: None,
            text: text.into(),
        }
    }

    #[test]
    fn plan_items_and_recent_free_text_newest_first_once_each() {
        let (_d, v) = vault();
        let s = v.store().unwrap();
        let empty = craving_form(&s).unwrap();
        assert_eq!(empty.plan_revision, None);
        assert!(empty.triggers.is_empty() && empty.recent_triggers.is_empty());

        let plan = crate::plan::save(&s, template(Language::En).unwrap(), None, false, NOW)
            .unwrap()
            .plan;
        let plan_name = plan.triggers[0].name.clone();
        let mut old = craving(
            hours_ago(30),
            5,
            vec![new_trigger("Rain"), new_trigger("payday")],
        );
        old.coping = vec![free_coping("walked the dog")];
        logs::add(&s, old, NOW).unwrap();
        let mut newer = craving(
            hours_ago(3),
            6,
            vec![
                new_trigger(" rain "),
                plan_trigger(&plan.triggers[1].id),
                new_trigger(&plan_name.to_uppercase()),
            ],
        );
        newer.coping = vec![free_coping("Walked the dog"), free_coping("tea")];
        logs::add(&s, newer, NOW).unwrap();
        logs::add(
            &s,
            Encounter {
                at: hours_ago(10),
                triggers: vec![new_trigger("old bar")],
                context: Default::default(),
                how_handled: String::new(),
                coping: vec![],
                notes: String::new(),
            },
            NOW,
        )
        .unwrap();

        let form = craving_form(&s).unwrap();
        assert_eq!(form.plan_revision, Some(1));
        assert_eq!(form.triggers, plan.triggers);
        assert_eq!(form.coping_plans, plan.coping_plans);
        let names: Vec<&str> = form
            .recent_triggers
            .iter()
            .map(|t| t.name.as_str())
            .collect();
        // "rain" once (newest spelling), the plan's own trigger left out.
        assert_eq!(names, ["rain", "old bar", "payday"]);
        assert!(
            form.recent_triggers
                .iter()
                .all(|t| t.category == TriggerCategory::Other)
        );
        let coping: Vec<&str> = form.recent_coping.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(coping, ["Walked the dog", "tea"]);
    }

    #[test]
    fn recent_tags_are_bounded() {
        let (_d, v) = vault();
        let s = v.store().unwrap();
        logs::write(&s, |j| {
            for i in 0..30 {
                j.add(
                    craving(hours_ago(i + 1), 3, vec![new_trigger(&format!("t{i}"))]),
                    NOW,
                )?;
            }
            Ok(())
        })
        .unwrap();
        let form = craving_form(&s).unwrap();
        assert_eq!(form.recent_triggers.len(), MAX_RECENT);
        assert_eq!(form.recent_triggers[0].name, "t0");
    }
}
