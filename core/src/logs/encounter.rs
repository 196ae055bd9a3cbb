//! Trigger encounters: a trigger met without a craving, and how it was
//! handled. Logging these shows the participant the triggers they manage.

use serde::{Deserialize, Serialize};

use super::{Check, Context, CopingTag, Entry, EntryKind, TriggerTag, notes};
use crate::error::{Error, Result};
use crate::store::{Record, RecordId, Timed};
use crate::summary::recent::{BRIEF_TRIGGERS, Brief};
use crate::time::LocalInstant;

/// A trigger encounter as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Encounter {
    pub at: LocalInstant,
    /// At least one trigger.
    pub triggers: Vec<TriggerTag>,
    pub context: Context,
    /// How it was handled, in the participant's words.
    pub how_handled: String,
    pub coping: Vec<CopingTag>,
    pub notes: String,
}

impl Record for Encounter {
    const COLLECTION: &'static str = "log.encounter";
    const NOUN: &'static str = "trigger_encounter";
}

impl Timed for Encounter {
    fn at_millis(&self) -> i64 {
        self.at.utc_millis
    }
}

impl Entry for Encounter {
    const KIND: EntryKind = EntryKind::Encounter;

    fn validated(self, check: &Check<'_>) -> Result<Self> {
        let at = self.at.validate_past("at", check.now)?;
        if self.triggers.is_empty() {
            return Err(Error::invalid("triggers", "empty"));
        }
        Ok(Encounter {
            at,
            triggers: check.triggers("triggers", self.triggers)?,
            context: self.context.validated()?,
            how_handled: notes("how_handled", &self.how_handled)?,
            coping: check.coping(self.coping)?,
            notes: notes("notes", &self.notes)?,
        })
    }

    fn at(&self) -> LocalInstant {
        self.at
    }

    fn trigger_tags(&self) -> &[TriggerTag] {
        &self.triggers
    }

    fn coping_tags(&self) -> &[CopingTag] {
        &self.coping
    }

    fn brief(&self, id: RecordId) -> Brief {
        Brief {
            id,
            kind: Self::KIND,
            at: self.at,
            level: None,
            mood: self.context.mood,
            outcome: None,
            any_use: false,
            triggers: self
                .triggers
                .iter()
                .take(BRIEF_TRIGGERS)
                .map(|t| t.name.clone())
                .collect(),
            text: String::new(),
        }
    }
}
