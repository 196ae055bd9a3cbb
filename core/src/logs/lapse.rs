//! Lapses: use, recorded without shame. History is never erased: the
//! participant chooses whether the lapse resets the sobriety date of the
//! clocks it concerns, and the app then shows the lapse plan.

use serde::{Deserialize, Serialize};

use super::after_lapse::{self, AfterLapse};
use super::{Check, Context, Entry, EntryKind, Saved, TriggerTag, add, notes};
use crate::calendar::ids_serde;
use crate::error::{Error, Result};
use crate::language::Language;
use crate::plan::LapsePlan;
use crate::sobriety::{self, ClockStatus};
use crate::store::{Record, RecordId, Store, Timed};
use crate::summary::recent::{BRIEF_TRIGGERS, Brief};
use crate::time::LocalInstant;
use crate::validate::{SHORT_TEXT_MAX, optional_text};

/// A lapse as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lapse {
    pub at: LocalInstant,
    /// The clocks it concerns (may be empty).
    #[serde(with = "ids_serde")]
    pub clock_ids: Vec<RecordId>,
    /// Whether it resets those clocks' sobriety date to the day after.
    pub resets_clocks: bool,
    /// What was used, in the participant's words (optional).
    pub substance: String,
    pub triggers: Vec<TriggerTag>,
    pub context: Context,
    /// What happened and what they learned.
    pub notes: String,
}

impl Record for Lapse {
    const COLLECTION: &'static str = "log.lapse";
    const NOUN: &'static str = "lapse";
}

impl Timed for Lapse {
    fn at_millis(&self) -> i64 {
        self.at.utc_millis
    }
}

impl Entry for Lapse {
    const KIND: EntryKind = EntryKind::Lapse;

    fn validated(self, check: &Check<'_>) -> Result<Self> {
        let at = self.at.validate_past("at", check.now)?;
        let known = |id: &RecordId| {
            check.clock_ids.contains(id) || check.previous.is_some_and(|p| p.clock_ids.contains(id))
        };
        let mut clock_ids = Vec::with_capacity(self.clock_ids.len());
        for id in self.clock_ids {
            if !known(&id) {
                return Err(Error::invalid("clock_ids", "unknown_clock"));
            }
            if !clock_ids.contains(&id) {
                clock_ids.push(id);
            }
        }
        Ok(Lapse {
            at,
            clock_ids,
            resets_clocks: self.resets_clocks,
            substance: optional_text("substance", &self.substance, SHORT_TEXT_MAX)?,
            triggers: check.triggers("triggers", self.triggers)?,
            context: self.context.validated()?,
            notes: notes("notes", &self.notes)?,
        })
    }

    fn at(&self) -> LocalInstant {
        self.at
    }

    fn trigger_tags(&self) -> &[TriggerTag] {
        &self.triggers
    }

    fn brief(&self, id: RecordId) -> Brief {
        Brief {
            id,
            kind: Self::KIND,
            at: self.at,
            level: None,
            mood: self.context.mood,
            outcome: None,
            any_use: true,
            triggers: self
                .triggers
                .iter()
                .take(BRIEF_TRIGGERS)
                .map(|t| t.name.clone())
                .collect(),
            text: self.substance.clone(),
        }
    }

    fn as_lapse(&self) -> Option<&Lapse> {
        Some(self)
    }
}

/// What the app shows right after a lapse is logged: the saved lapse, the
/// compassionate message with the next steps, the lapse plan, and the
/// clocks as they now stand.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LapseLogged {
    pub saved: Saved<Lapse>,
    pub message: AfterLapse,
    pub lapse_plan: LapsePlan,
    pub clocks: Vec<ClockStatus>,
}

/// Logs a lapse and returns what to show next, texts in `lang`.
pub fn record(
    store: &Store<'_>,
    draft: Lapse,
    now: LocalInstant,
    lang: Language,
) -> Result<LapseLogged> {
    let saved = add(store, draft, now)?;
    let (lapse_plan, clocks) = store.atomically(|s| {
        Ok((
            crate::plan::lapse_plan_in(s, lang)?,
            sobriety::statuses_in(s, now)?,
        ))
    })?;
    let restarts = saved.entry.resets_clocks && !saved.entry.clock_ids.is_empty();
    Ok(LapseLogged {
        message: after_lapse::message(&lapse_plan, restarts, lang),
        saved,
        lapse_plan,
        clocks,
    })
}
