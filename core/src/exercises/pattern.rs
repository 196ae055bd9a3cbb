//! The participant's own breathing patterns: phase lengths and a number of
//! cycles, stored encrypted in their own collection, editable and deletable.
//!
//! A pattern's exercise id is `custom.<record id>`; sessions keep that id
//! (and the pattern's name at the time) even after the pattern is deleted.

use serde::{Deserialize, Serialize};

use super::library::{CUSTOM_SOURCE, CUSTOM_WHEN};
use super::timeline::check_cycles;
use super::{
    Category, DurationOption, ExerciseInfo, ExerciseRef, Language, Length, OutlineStep, Situation,
};
use crate::error::{Error, Result};
use crate::store::{Record, RecordId, Store};
use crate::validate::required_text;

/// The shortest inhale, exhale or (non-zero) hold: 1 s.
pub const MIN_PHASE_MS: u32 = 1_000;
/// The longest phase: 20 s.
pub const MAX_PHASE_MS: u32 = 20_000;
/// The longest pattern name, in characters.
pub const NAME_MAX: usize = 60;

/// A pattern as the participant enters it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PatternDraft {
    /// Its name, 1 to 60 characters.
    pub name: String,
    /// Breathing in, ms (1 to 20 s).
    pub inhale_ms: u32,
    /// Holding with full lungs, ms (0 for none, else 1 to 20 s).
    pub hold_in_ms: u32,
    /// Breathing out, ms (1 to 20 s).
    pub exhale_ms: u32,
    /// Pausing with empty lungs, ms (0 for none, else 1 to 20 s).
    pub hold_out_ms: u32,
    /// How many cycles a run has by default (1 to 500, at most 30 minutes).
    pub cycles: u32,
}

/// A validated pattern as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BreathingPattern {
    /// Its name.
    pub name: String,
    /// Breathing in, ms.
    pub inhale_ms: u32,
    /// Holding with full lungs, ms (0: none).
    pub hold_in_ms: u32,
    /// Breathing out, ms.
    pub exhale_ms: u32,
    /// Pausing with empty lungs, ms (0: none).
    pub hold_out_ms: u32,
    /// Default number of cycles.
    pub cycles: u32,
}

impl Record for BreathingPattern {
    const COLLECTION: &'static str = "exercises.pattern";
    const NOUN: &'static str = "breathing_pattern";
}

/// A stored pattern with its id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SavedPattern {
    /// The pattern's record id (its exercise id is `custom.<id>`).
    pub id: RecordId,
    /// The pattern.
    pub pattern: BreathingPattern,
}

/// Patterns by name, and the ids of any that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PatternList {
    /// Readable patterns, by name (case-insensitive), then id.
    pub patterns: Vec<SavedPattern>,
    /// Ids that failed their integrity check (kept, not deleted).
    pub damaged: Vec<RecordId>,
}

fn phase(field: &'static str, ms: u32, optional: bool) -> Result<u32> {
    if optional && ms == 0 {
        return Ok(0);
    }
    if ms < MIN_PHASE_MS {
        return Err(Error::invalid(field, "too_small"));
    }
    if ms > MAX_PHASE_MS {
        return Err(Error::invalid(field, "too_large"));
    }
    Ok(ms)
}

/// Seconds for display: "4", "5.45" (English) or "5,45" (Spanish).
fn seconds(ms: u32, lang: Language) -> String {
    let whole = ms / 1000;
    let frac = ms % 1000;
    if frac == 0 {
        return whole.to_string();
    }
    let digits = format!("{frac:03}");
    let digits = digits.trim_end_matches('0');
    let sep = match lang {
        Language::En => '.',
        Language::Es => ',',
    };
    format!("{whole}{sep}{digits}")
}

impl BreathingPattern {
    /// Validates a draft.
    pub fn new(draft: &PatternDraft) -> Result<Self> {
        let name = required_text("name", &draft.name, NAME_MAX)?;
        let pattern = BreathingPattern {
            name,
            inhale_ms: phase("inhale_ms", draft.inhale_ms, false)?,
            hold_in_ms: phase("hold_in_ms", draft.hold_in_ms, true)?,
            exhale_ms: phase("exhale_ms", draft.exhale_ms, false)?,
            hold_out_ms: phase("hold_out_ms", draft.hold_out_ms, true)?,
            cycles: draft.cycles,
        };
        check_cycles("cycles", draft.cycles, pattern.cycle_ms())?;
        Ok(pattern)
    }

    /// One cycle's length, ms.
    pub fn cycle_ms(&self) -> u64 {
        [
            self.inhale_ms,
            self.hold_in_ms,
            self.exhale_ms,
            self.hold_out_ms,
        ]
        .iter()
        .map(|&ms| u64::from(ms))
        .sum()
    }

    /// A default run's length, ms.
    pub fn total_ms(&self) -> u64 {
        self.cycle_ms() * u64::from(self.cycles)
    }

    /// The pattern as a library entry in `lang`.
    pub fn info(&self, id: RecordId, lang: Language) -> Result<ExerciseInfo> {
        let s = |ms| seconds(ms, lang);
        let mut parts = vec![match lang {
            Language::En => format!("in {} s", s(self.inhale_ms)),
            Language::Es => format!("inhalar {} s", s(self.inhale_ms)),
        }];
        if self.hold_in_ms > 0 {
            parts.push(match lang {
                Language::En => format!("hold {} s", s(self.hold_in_ms)),
                Language::Es => format!("retener {} s", s(self.hold_in_ms)),
            });
        }
        parts.push(match lang {
            Language::En => format!("out {} s", s(self.exhale_ms)),
            Language::Es => format!("exhalar {} s", s(self.exhale_ms)),
        });
        if self.hold_out_ms > 0 {
            parts.push(match lang {
                Language::En => format!("pause {} s", s(self.hold_out_ms)),
                Language::Es => format!("pausa {} s", s(self.hold_out_ms)),
            });
        }
        let purpose = match lang {
            Language::En => format!("Your own rhythm: {}.", parts.join(", ")),
            Language::Es => format!("Tu propio ritmo: {}.", parts.join(", ")),
        };
        let timeline = super::Timeline::for_pattern(
            id,
            self,
            super::Options {
                lang,
                length: Length::Standard,
            },
        )?;
        let per_cycle = timeline
            .cycles
            .map_or(0, |c| timeline.segments.len() / c.max(1) as usize);
        let outline = timeline.segments[..per_cycle]
            .iter()
            .map(|seg| OutlineStep {
                phase: seg.phase,
                duration_ms: seg.end_ms - seg.start_ms,
                text: seg.text.to_string(),
            })
            .collect();
        Ok(ExerciseInfo {
            id: ExerciseRef::Custom(id),
            category: Category::Breathing,
            title: self.name.clone(),
            purpose,
            when_to_use: lang.text(&CUSTOM_WHEN).to_string(),
            situations: vec![Situation::Anytime],
            source: lang.text(&CUSTOM_SOURCE).to_string(),
            durations: vec![DurationOption {
                length: Length::Cycles(self.cycles),
                total_ms: self.total_ms(),
            }],
            default_total_ms: self.total_ms(),
            outline,
            minutes_range: None,
        })
    }
}

/// Saves a new pattern.
pub fn add(store: &Store<'_>, draft: &PatternDraft) -> Result<SavedPattern> {
    let pattern = BreathingPattern::new(draft)?;
    let id = store.insert(&pattern)?;
    Ok(SavedPattern { id, pattern })
}

/// Replaces the pattern `id`; its id stays, so past sessions still point
/// to it.
pub fn update(store: &Store<'_>, id: RecordId, draft: &PatternDraft) -> Result<SavedPattern> {
    let pattern = BreathingPattern::new(draft)?;
    store.update(&id, &pattern)?;
    Ok(SavedPattern { id, pattern })
}

/// The pattern `id`.
pub fn get(store: &Store<'_>, id: RecordId) -> Result<SavedPattern> {
    Ok(SavedPattern {
        id,
        pattern: store.get(&id)?,
    })
}

/// Deletes the pattern `id` (sessions that used it keep their history).
pub fn delete(store: &Store<'_>, id: RecordId) -> Result<()> {
    store.delete::<BreathingPattern>(&id)
}

/// Every pattern, by name.
pub fn list(store: &Store<'_>) -> Result<PatternList> {
    let listing = store.list::<BreathingPattern>()?;
    let mut patterns: Vec<SavedPattern> = listing
        .items
        .into_iter()
        .map(|(id, pattern)| SavedPattern { id, pattern })
        .collect();
    patterns.sort_by(|a, b| {
        a.pattern
            .name
            .to_lowercase()
            .cmp(&b.pattern.name.to_lowercase())
            .then(a.id.cmp(&b.id))
    });
    let mut damaged = listing.damaged;
    damaged.sort();
    Ok(PatternList { patterns, damaged })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Vault;
    use crate::exercises::{self, Options, Phase, Timeline};

    fn draft() -> PatternDraft {
        PatternDraft {
            name: "  Slow square ".into(),
            inhale_ms: 5_000,
            hold_in_ms: 2_500,
            exhale_ms: 5_450,
            hold_out_ms: 0,
            cycles: 6,
        }
    }

    fn field(r: Result<BreathingPattern>) -> &'static str {
        match r {
            Err(Error::InvalidInput { field, .. }) => field,
            other => panic!("expected invalid input, got {other:?}"),
        }
    }

    #[test]
    fn bad_patterns_are_refused_with_the_field() {
        let with = |f: &dyn Fn(&mut PatternDraft)| {
            let mut d = draft();
            f(&mut d);
            BreathingPattern::new(&d)
        };
        assert_eq!(field(with(&|d| d.inhale_ms = 0)), "inhale_ms");
        assert_eq!(field(with(&|d| d.exhale_ms = 0)), "exhale_ms");
        assert_eq!(field(with(&|d| d.inhale_ms = 999)), "inhale_ms");
        assert_eq!(field(with(&|d| d.exhale_ms = 60_000)), "exhale_ms");
        assert_eq!(field(with(&|d| d.hold_in_ms = 20_001)), "hold_in_ms");
        assert_eq!(field(with(&|d| d.hold_out_ms = 500)), "hold_out_ms");
        assert_eq!(field(with(&|d| d.hold_out_ms = u32::MAX)), "hold_out_ms");
        assert_eq!(field(with(&|d| d.cycles = 0)), "cycles");
        assert_eq!(field(with(&|d| d.cycles = 501)), "cycles");
        // 140 cycles of 12.95 s is over 30 minutes.
        let e = with(&|d| d.cycles = 140).unwrap_err();
        assert_eq!(e.to_string(), "invalid cycles: too_long");
        assert_eq!(field(with(&|d| d.name = "   ".into())), "name");
        assert_eq!(field(with(&|d| d.name = "x".repeat(61))), "name");
        let ok = with(&|d| d.hold_in_ms = 0).unwrap();
        assert_eq!(ok.name, "Slow square");
        assert_eq!(ok.cycle_ms(), 10_450);
    }

    #[test]
    fn patterns_round_trip_and_drive_a_timeline() {
        let dir = tempfile::tempdir().unwrap();
        let v = Vault::create(
            dir.path().join("v").to_str().unwrap(),
            "a long enough passphrase",
        )
        .unwrap();
        let s = v.store().unwrap();
        let a = add(&s, &draft()).unwrap();
        let b = add(
            &s,
            &PatternDraft {
                name: "another".into(),
                ..draft()
            },
        )
        .unwrap();
        let names: Vec<_> = list(&s)
            .unwrap()
            .patterns
            .into_iter()
            .map(|p| p.pattern.name)
            .collect();
        assert_eq!(names, vec!["another", "Slow square"]);

        let t = exercises::timeline(&s, ExerciseRef::Custom(a.id), Options::default()).unwrap();
        assert_eq!(t.total_ms, 6 * 12_950);
        let phases: Vec<_> = t.segments[..3]
            .iter()
            .map(|s| (s.phase, s.end_ms))
            .collect();
        assert_eq!(
            phases,
            vec![
                (Phase::Inhale, 5_000),
                (Phase::Hold, 7_500),
                (Phase::Exhale, 12_950)
            ]
        );
        assert_eq!(t.segments.len(), 18, "the zero hold is left out");

        let info = exercises::describe(&s, ExerciseRef::Custom(a.id), Language::Es).unwrap();
        assert_eq!(info.title, "Slow square");
        assert_eq!(
            info.purpose,
            "Tu propio ritmo: inhalar 5 s, retener 2,5 s, exhalar 5,45 s."
        );
        assert_eq!(info.outline.len(), 3);
        assert_eq!(info.outline[2].text, "Exhala");
        let en = a.pattern.info(a.id, Language::En).unwrap();
        assert_eq!(
            en.purpose,
            "Your own rhythm: in 5 s, hold 2.5 s, out 5.45 s."
        );
        let all = exercises::list(&s, Language::En).unwrap();
        assert_eq!(all.exercises.len(), exercises::BuiltIn::ALL.len() + 2);
        assert_eq!(all.exercises.last().unwrap().id, ExerciseRef::Custom(a.id));

        let edited = update(
            &s,
            a.id,
            &PatternDraft {
                cycles: 2,
                ..draft()
            },
        )
        .unwrap();
        assert_eq!(edited.id, a.id);
        assert_eq!(get(&s, a.id).unwrap().pattern.cycles, 2);
        delete(&s, b.id).unwrap();
        assert!(matches!(
            get(&s, b.id),
            Err(Error::NotFound {
                what: "breathing_pattern"
            })
        ));
        assert!(matches!(
            exercises::timeline(&s, ExerciseRef::Custom(b.id), Options::default()),
            Err(Error::NotFound { .. })
        ));
        assert!(matches!(
            update(&s, b.id, &draft()),
            Err(Error::NotFound { .. })
        ));
        assert!(matches!(delete(&s, b.id), Err(Error::NotFound { .. })));
        // An invalid edit writes nothing.
        assert!(
            update(
                &s,
                a.id,
                &PatternDraft {
                    inhale_ms: 0,
                    ..draft()
                }
            )
            .is_err()
        );
        assert_eq!(get(&s, a.id).unwrap(), edited);
        assert!(Timeline::for_pattern(a.id, &edited.pattern, Options::default()).is_ok());
    }
}
