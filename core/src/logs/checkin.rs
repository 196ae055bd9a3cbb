//! Daily check-ins: mood, craving level, sleep, HALT (hungry, angry,
//! lonely, tired), a one-line intention or pledge for the day, and whether
//! any use happened.
//!
//! Several check-ins on one day are allowed (a morning and an evening one);
//! the Today screen counts the day as checked in once any exists.

use serde::{Deserialize, Serialize};

use super::{Check, Entry, EntryKind, Halt, Mood, level, notes};
use crate::error::{Error, Result};
use crate::store::{Record, RecordId, Timed};
use crate::summary::recent::Brief;
use crate::time::LocalInstant;
use crate::validate::{SHORT_TEXT_MAX, optional_text};

/// The most sleep a check-in may report (24 hours), in minutes.
pub const MAX_SLEEP_MINUTES: u32 = 24 * 60;

/// A check-in as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckIn {
    pub at: LocalInstant,
    pub mood: Mood,
    /// 0 (none) to 10.
    pub craving_level: u8,
    /// Last night's sleep, if given.
    pub sleep_minutes: Option<u32>,
    /// One line, up to 200 characters: "Today I will call Sam".
    pub intention: String,
    /// Whether any use happened since the last check-in.
    pub any_use: bool,
    /// HALT, as for cravings. Check-ins saved before HALT was asked read
    /// as "none of the four".
    #[serde(default)]
    pub halt: Halt,
    pub notes: String,
}

impl Record for CheckIn {
    const COLLECTION: &'static str = "log.checkin";
    const NOUN: &'static str = "check_in";
}

impl Timed for CheckIn {
    fn at_millis(&self) -> i64 {
        self.at.utc_millis
    }
}

impl Entry for CheckIn {
    const KIND: EntryKind = EntryKind::CheckIn;

    fn validated(self, check: &Check<'_>) -> Result<Self> {
        if self.sleep_minutes.is_some_and(|m| m > MAX_SLEEP_MINUTES) {
            return Err(Error::invalid("sleep_minutes", "too_large"));
        }
        if self.intention.trim().contains(['\n', '\r']) {
            return Err(Error::invalid("intention", "multiline"));
        }
        Ok(CheckIn {
            at: self.at.validate_past("at", check.now)?,
            mood: self.mood,
            craving_level: level("craving_level", self.craving_level)?,
            sleep_minutes: self.sleep_minutes,
            intention: optional_text("intention", &self.intention, SHORT_TEXT_MAX)?,
            any_use: self.any_use,
            halt: self.halt,
            notes: notes("notes", &self.notes)?,
        })
    }

    fn at(&self) -> LocalInstant {
        self.at
    }

    fn brief(&self, id: RecordId) -> Brief {
        Brief {
            id,
            kind: Self::KIND,
            at: self.at,
            level: Some(self.craving_level),
            mood: Some(self.mood),
            outcome: None,
            any_use: self.any_use,
            triggers: Vec::new(),
            text: self.intention.clone(),
        }
    }
}
