//! Breathing and meditation exercises: a built-in library (English and
//! Spanish), the participant's own breathing patterns, a pure timeline engine
//! the shells animate, practice sessions with craving ratings, a suggestion
//! for the Today screen and an insight on what helped.
//!
//! - [`library`] holds the built-in exercises, their timings, cue texts and
//!   the published source of each script.
//! - [`pattern`] stores custom breathing patterns (encrypted records).
//! - [`timeline`] turns an exercise and its options into segments and cue
//!   events, and answers "what is on screen at `elapsed` ms" in one record.
//! - [`playback`] computes elapsed practice time from start, pause and
//!   resume instants, so pauses are excluded without any clock read here.
//! - [`session`] records practice sessions and computes the insight.
//! - [`suggest`] picks a fitting exercise from simple inputs.
//!
//! All durations are integer milliseconds; nothing here reads a clock.

pub mod library;
pub mod pattern;
pub mod playback;
pub mod session;
pub mod suggest;
pub mod timeline;

use std::fmt;

use crate::error::{Error, Result};
use crate::store::{RecordId, Store};

pub use library::BuiltIn;
pub use pattern::{BreathingPattern, PatternDraft, PatternList, SavedPattern};
pub use playback::Playback;
pub use session::{
    Insight, SavedSession, Session, SessionEnd, SessionPage, SessionStart, SessionStatus,
};
pub use suggest::{Suggestion, SuggestionContext, SuggestionReason, suggestion};
pub use timeline::{Cue, CueKind, Frame, Haptic, Phase, Segment, Sound, Timeline};

/// The longest any exercise may last: 30 minutes.
pub const MAX_EXERCISE_MS: u64 = 30 * 60 * 1000;
/// The most breathing cycles an exercise may run.
pub const MAX_CYCLES: u32 = 500;
/// Prefix of a custom pattern's exercise id (`custom.` + its record id).
pub const CUSTOM_PREFIX: &str = "custom.";

pub use crate::language::Language;
pub(crate) use crate::language::{Text, t};

/// What kind of practice an exercise is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Category {
    /// Paced breathing with timed phases.
    Breathing,
    /// A guided mindfulness practice (MBRP).
    Mindfulness,
    /// A guided grounding practice.
    Grounding,
}

/// Moments an exercise suits; the suggestion and the shells' filters use
/// them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Situation {
    /// While a craving is happening.
    Craving,
    /// In a high-risk situation or at a high-risk time.
    HighRisk,
    /// When stressed, anxious or overwhelmed.
    Stress,
    /// To start the day.
    Morning,
    /// To wind down or fall asleep.
    Sleep,
    /// Anytime, as regular practice.
    Anytime,
}

/// Which exercise: a built-in one or one of the participant's patterns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ExerciseRef {
    /// A built-in exercise.
    BuiltIn(BuiltIn),
    /// A custom breathing pattern, by its record id.
    Custom(RecordId),
}

impl ExerciseRef {
    /// Parses a stable exercise id (`breath.box`, `custom.<record id>`...);
    /// `field` names it in errors. An unknown built-in id is `NotFound`.
    pub fn parse(field: &'static str, text: &str) -> Result<Self> {
        if let Some(hex) = text.strip_prefix(CUSTOM_PREFIX) {
            return Ok(ExerciseRef::Custom(RecordId::parse(field, hex)?));
        }
        BuiltIn::from_id(text)
            .map(ExerciseRef::BuiltIn)
            .ok_or(Error::NotFound { what: "exercise" })
    }
}

impl fmt::Display for ExerciseRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExerciseRef::BuiltIn(b) => f.write_str(b.id()),
            ExerciseRef::Custom(id) => write!(f, "{CUSTOM_PREFIX}{id}"),
        }
    }
}

/// How long to practise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Length {
    /// The exercise's standard (default) length.
    #[default]
    Standard,
    /// This many breathing cycles (breathing exercises only).
    Cycles(u32),
    /// About this many minutes: whole breathing cycles (rounded to the
    /// nearest, at least one), or a guided script stretched or shortened to
    /// exactly this length within the exercise's range.
    Minutes(u32),
}

/// What the participant chose for one run of an exercise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Options {
    /// The language of cue texts.
    pub lang: Language,
    /// How long.
    pub length: Length,
}

/// One length the exercise offers, with the time it takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DurationOption {
    /// The choice to pass back in [`Options::length`].
    pub length: Length,
    /// How long it lasts, in ms.
    pub total_ms: u64,
}

/// One step of an exercise's outline: a phase of one breathing cycle, or a
/// step of a guided script at its default length.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutlineStep {
    /// The phase.
    pub phase: Phase,
    /// Its length in ms.
    pub duration_ms: u64,
    /// Its cue text.
    pub text: String,
}

/// Everything a detail screen shows about an exercise.
#[derive(Debug, Clone, PartialEq)]
pub struct ExerciseInfo {
    /// Its stable id.
    pub id: ExerciseRef,
    /// What kind of practice it is.
    pub category: Category,
    /// Its title.
    pub title: String,
    /// What it does, in a sentence.
    pub purpose: String,
    /// When to use it.
    pub when_to_use: String,
    /// The moments it suits.
    pub situations: Vec<Situation>,
    /// The published source of its script (not translated).
    pub source: String,
    /// The lengths offered, shortest first; one of them is the default.
    pub durations: Vec<DurationOption>,
    /// The default length's total, in ms.
    pub default_total_ms: u64,
    /// The breathing cycle's phases, or the guided steps at default length.
    pub outline: Vec<OutlineStep>,
    /// For guided scripts, the range of minutes [`Length::Minutes`] accepts.
    pub minutes_range: Option<(u32, u32)>,
}

/// The library as one screen shows it: built-in exercises first (in a
/// fixed order), then the participant's patterns by name.
#[derive(Debug, Clone, PartialEq)]
pub struct ExerciseList {
    /// Exercises, built-in first.
    pub exercises: Vec<ExerciseInfo>,
    /// Ids of custom patterns that failed their integrity check.
    pub damaged: Vec<RecordId>,
}

/// The built-in library in `lang`, in display order. Needs no vault, so a
/// shell may offer it before unlock.
pub fn library(lang: Language) -> Vec<ExerciseInfo> {
    BuiltIn::ALL.iter().map(|b| b.info(lang)).collect()
}

/// Built-in exercises and the participant's patterns, in `lang`.
pub fn list(store: &Store<'_>, lang: Language) -> Result<ExerciseList> {
    let patterns = pattern::list(store)?;
    let mut exercises = library(lang);
    for saved in &patterns.patterns {
        exercises.push(saved.pattern.info(saved.id, lang)?);
    }
    Ok(ExerciseList {
        exercises,
        damaged: patterns.damaged,
    })
}

/// The exercise `id` in `lang` (a custom pattern is read from the store).
pub fn describe(store: &Store<'_>, id: ExerciseRef, lang: Language) -> Result<ExerciseInfo> {
    match id {
        ExerciseRef::BuiltIn(b) => Ok(b.info(lang)),
        ExerciseRef::Custom(rid) => pattern::get(store, rid)?.pattern.info(rid, lang),
    }
}

/// The timeline of exercise `id` with `options` (a custom pattern is read
/// from the store).
pub fn timeline(store: &Store<'_>, id: ExerciseRef, options: Options) -> Result<Timeline> {
    match id {
        ExerciseRef::BuiltIn(b) => Timeline::builtin(b, options),
        ExerciseRef::Custom(rid) => {
            Timeline::for_pattern(rid, &pattern::get(store, rid)?.pattern, options)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exercise_ids_round_trip() {
        for b in BuiltIn::ALL {
            let r = ExerciseRef::BuiltIn(b);
            assert_eq!(
                ExerciseRef::parse("exercise_id", &r.to_string()).unwrap(),
                r
            );
        }
        let custom = ExerciseRef::Custom(RecordId([7; 16]));
        let text = custom.to_string();
        assert_eq!(text, format!("custom.{}", "07".repeat(16)));
        assert_eq!(ExerciseRef::parse("exercise_id", &text).unwrap(), custom);
        assert!(matches!(
            ExerciseRef::parse("exercise_id", "breath.nope"),
            Err(Error::NotFound { what: "exercise" })
        ));
        assert!(matches!(
            ExerciseRef::parse("exercise_id", "custom.xyz"),
            Err(Error::InvalidInput {
                field: "exercise_id",
                ..
            })
        ));
    }
}
