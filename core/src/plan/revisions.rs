//! Plan revisions: every save is a new, immutable revision with its date and
//! whether it was made with the counselor. An index record (`plan.head`)
//! lists them so the current plan and the history open without decrypting
//! every revision; it is derived, and rebuilt from the revisions if lost.

use serde::{Deserialize, Serialize};

use super::model::Plan;
use crate::calendar::id_serde;
use crate::error::{Error, Result};
use crate::store::{Record, RecordId, Store};
use crate::summary::{Derived, Held};
use crate::time::LocalInstant;

/// One saved revision of the plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanRevision {
    /// 1 for the first save, then one more for each.
    pub number: u32,
    /// When it was saved.
    pub saved_at: LocalInstant,
    /// Whether the participant made it together with their counselor.
    pub with_counselor: bool,
    /// The plan as saved.
    pub plan: Plan,
}

impl Record for PlanRevision {
    const COLLECTION: &'static str = "plan.revision";
    const NOUN: &'static str = "plan_revision";
}

/// A revision in the history list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RevisionInfo {
    pub number: u32,
    pub saved_at: LocalInstant,
    pub with_counselor: bool,
    #[serde(with = "id_serde")]
    pub(crate) id: RecordId,
}

/// The index of revisions (derived).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct PlanHead {
    version: u32,
    /// Ascending by number; the last is current.
    revisions: Vec<RevisionInfo>,
}

impl Record for PlanHead {
    const COLLECTION: &'static str = "plan.head";
    const NOUN: &'static str = "plan_index";
}

impl Derived for PlanHead {
    const VERSION: u32 = 1;
    fn version(&self) -> u32 {
        self.version
    }
    fn rebuild(store: &Store<'_>) -> Result<Self> {
        let listing = store.list::<PlanRevision>()?;
        let mut revisions: Vec<RevisionInfo> = listing
            .items
            .into_iter()
            .map(|(id, r)| RevisionInfo {
                number: r.number,
                saved_at: r.saved_at,
                with_counselor: r.with_counselor,
                id,
            })
            .collect();
        revisions.sort_by_key(|r| (r.number, r.id));
        Ok(PlanHead {
            version: Self::VERSION,
            revisions,
        })
    }
}

impl PlanHead {
    fn current(&self) -> Option<&RevisionInfo> {
        self.revisions.last()
    }
}

/// The index, repaired if needed (inside the caller's transaction).
fn head(store: &Store<'_>) -> Result<Held<PlanHead>> {
    let mut head = Held::<PlanHead>::load(store)?;
    head.save(store)?;
    Ok(head)
}

/// The current plan, if one was ever saved (inside the caller's
/// transaction).
pub(crate) fn current_in(store: &Store<'_>) -> Result<Option<PlanRevision>> {
    let head = head(store)?;
    match head.value.current() {
        Some(info) => Ok(Some(store.get(&info.id)?)),
        None => Ok(None),
    }
}

/// The current plan, if one was ever saved.
pub fn current(store: &Store<'_>) -> Result<Option<PlanRevision>> {
    store.atomically(current_in)
}

/// Saves `plan` as a new revision on top of revision `based_on` (`None` for
/// the very first save). If `based_on` is not the current revision (another
/// screen or device saved in between), nothing is written and the error is
/// [`Error::Conflict`] with the current revision.
pub fn save(
    store: &Store<'_>,
    plan: Plan,
    based_on: Option<u32>,
    with_counselor: bool,
    now: LocalInstant,
) -> Result<PlanRevision> {
    let saved_at = now.validate("now")?;
    let plan = plan.validated()?;
    store.atomically(|s| {
        let mut head = head(s)?;
        let current = head.value.current().map(|r| r.number);
        if based_on != current {
            return Err(Error::Conflict {
                current_revision: current,
            });
        }
        let revision = PlanRevision {
            number: current.unwrap_or(0).saturating_add(1),
            saved_at,
            with_counselor,
            plan,
        };
        let id = s.insert(&revision)?;
        head.edit().revisions.push(RevisionInfo {
            number: revision.number,
            saved_at,
            with_counselor,
            id,
        });
        head.save(s)?;
        Ok(revision)
    })
}

/// Every revision, newest first.
pub fn history(store: &Store<'_>) -> Result<Vec<RevisionInfo>> {
    store.atomically(|s| {
        let head = head(s)?;
        Ok(head.value.revisions.iter().rev().cloned().collect())
    })
}

/// Revision `number`.
pub fn revision(store: &Store<'_>, number: u32) -> Result<PlanRevision> {
    store.atomically(|s| {
        let head = head(s)?;
        let info = head
            .value
            .revisions
            .iter()
            .find(|r| r.number == number)
            .ok_or(Error::NotFound {
                what: "plan_revision",
            })?;
        s.get(&info.id)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Vault;
    use crate::plan::template::{Language, template};

    const NOW: LocalInstant = LocalInstant {
        utc_millis: 1_764_000_000_000,
        offset_minutes: -300,
    };

    fn vault() -> (tempfile::TempDir, Vault) {
        let dir = tempfile::tempdir().unwrap();
        let v = Vault::create(
            dir.path().join("v").to_str().unwrap(),
            "a long enough passphrase",
        )
        .unwrap();
        (dir, v)
    }

    #[test]
    fn saves_are_revisions_with_history() {
        let (_d, v) = vault();
        let s = v.store().unwrap();
        assert!(current(&s).unwrap().is_none());
        assert!(history(&s).unwrap().is_empty());
        let first = save(&s, template(Language::En).unwrap(), None, true, NOW).unwrap();
        assert_eq!(first.number, 1);
        let mut edited = first.plan.clone();
        edited.reasons.push("Run a 5k".into());
        let later = LocalInstant {
            utc_millis: NOW.utc_millis + 86_400_000,
            ..NOW
        };
        let second = save(&s, edited, Some(1), false, later).unwrap();
        assert_eq!(second.number, 2);
        assert_eq!(current(&s).unwrap().unwrap(), second);
        let h = history(&s).unwrap();
        assert_eq!(h.iter().map(|r| r.number).collect::<Vec<_>>(), vec![2, 1]);
        assert!(h[1].with_counselor && !h[0].with_counselor);
        assert_eq!(revision(&s, 1).unwrap(), first);
        assert!(matches!(
            revision(&s, 3),
            Err(Error::NotFound {
                what: "plan_revision"
            })
        ));
    }

    #[test]
    fn stale_saves_are_refused_and_write_nothing() {
        let (_d, v) = vault();
        let s = v.store().unwrap();
        let plan = template(Language::Es).unwrap();
        let field = |r: Result<PlanRevision>| match r {
            Err(Error::InvalidInput { field, .. }) => field,
            other => panic!("expected invalid input, got {other:?}"),
        };
        let conflict = |r: Result<PlanRevision>| match r {
            Err(Error::Conflict { current_revision }) => current_revision,
            other => panic!("expected a conflict, got {other:?}"),
        };
        assert_eq!(conflict(save(&s, plan.clone(), Some(1), false, NOW)), None);
        save(&s, plan.clone(), None, false, NOW).unwrap();
        save(&s, plan.clone(), Some(1), false, NOW).unwrap();
        assert_eq!(
            conflict(save(&s, plan.clone(), Some(1), false, NOW)),
            Some(2)
        );
        assert_eq!(conflict(save(&s, plan.clone(), None, false, NOW)), Some(2));
        let mut bad = plan;
        bad.triggers[0].name.clear();
        assert_eq!(field(save(&s, bad, Some(2), false, NOW)), "triggers.name");
        assert_eq!(s.count::<PlanRevision>().unwrap(), 2);
        assert_eq!(history(&s).unwrap().len(), 2);
    }

    #[test]
    fn a_lost_index_is_rebuilt() {
        let (_d, v) = vault();
        let s = v.store().unwrap();
        let plan = template(Language::En).unwrap();
        save(&s, plan.clone(), None, false, NOW).unwrap();
        save(&s, plan.clone(), Some(1), true, NOW).unwrap();
        let heads = s.list::<PlanHead>().unwrap();
        s.delete::<PlanHead>(&heads.items[0].0).unwrap();
        assert_eq!(current(&s).unwrap().unwrap().number, 2);
        assert_eq!(s.count::<PlanHead>().unwrap(), 1);
        save(&s, plan, Some(2), false, NOW).unwrap();
        assert_eq!(history(&s).unwrap().len(), 3);
    }
}
