//! Cravings: when, how strong, how long, what triggered it, the context,
//! what the participant did and how it ended.

use serde::{Deserialize, Serialize};

use super::{Check, Context, CopingTag, Entry, EntryKind, TriggerTag, level, notes};
use crate::error::{Error, Result};
use crate::store::{Record, RecordId, Timed};
use crate::summary::recent::{BRIEF_TRIGGERS, Brief};
use crate::time::LocalInstant;

/// The longest craving a participant may log (24 hours), in minutes.
pub const MAX_DURATION_MINUTES: u32 = 24 * 60;

/// How a craving ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CravingOutcome {
    /// Still going (logged in the middle of it; edit later).
    Ongoing,
    /// It passed without using.
    RodeItOut,
    /// Left the place or the people.
    LeftTheSituation,
    /// Called or texted someone.
    ReachedOut,
    /// Used. Logged without shame; the app offers the lapse plan.
    Used,
    /// Something else.
    Other,
}

/// A craving as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Craving {
    pub at: LocalInstant,
    /// 0 (none) to 10 (the strongest ever).
    pub intensity: u8,
    /// How long it lasted, if known.
    pub duration_minutes: Option<u32>,
    pub triggers: Vec<TriggerTag>,
    pub context: Context,
    pub coping: Vec<CopingTag>,
    pub outcome: CravingOutcome,
    pub notes: String,
}

impl Record for Craving {
    const COLLECTION: &'static str = "log.craving";
    const NOUN: &'static str = "craving";
}

impl Timed for Craving {
    fn at_millis(&self) -> i64 {
        self.at.utc_millis
    }
}

impl Entry for Craving {
    const KIND: EntryKind = EntryKind::Craving;

    fn validated(self, check: &Check<'_>) -> Result<Self> {
        if self
            .duration_minutes
            .is_some_and(|d| d > MAX_DURATION_MINUTES)
        {
            return Err(Error::invalid("duration_minutes", "too_large"));
        }
        Ok(Craving {
            at: self.at.validate_past("at", check.now)?,
            intensity: level("intensity", self.intensity)?,
            duration_minutes: self.duration_minutes,
            triggers: check.triggers("triggers", self.triggers)?,
            context: self.context.validated()?,
            coping: check.coping(self.coping)?,
            outcome: self.outcome,
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
            level: Some(self.intensity),
            mood: self.context.mood,
            outcome: Some(self.outcome),
            any_use: self.outcome == CravingOutcome::Used,
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
