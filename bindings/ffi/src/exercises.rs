//! Breathing and meditation exercises across the FFI: the built-in library,
//! custom breathing patterns, the timeline engine (through an
//! [`ExercisePlayer`] object built once per run), the playback clock,
//! sessions, the insight and the Today suggestion.
//!
//! Durations are `u64` milliseconds; playback instants are `i64` readings of
//! the shell's monotonic clock. The built-in library and players for
//! built-in exercises need no vault, so a shell may offer "breathe now"
//! before unlock.

use std::sync::Arc;

use keel_core::RecordId;
use keel_core::exercises::{
    self as core_ex, ExerciseRef, Length, Options, Playback, SessionEnd, SessionStart, Timeline,
    pattern, session,
};

use crate::error::{KeelError, Result};
use crate::logs::PageQuery;
use crate::mirror::{all, mirror_enum};
use crate::types::{Language, Moment, Now};
use crate::vault::Vault;

/// What kind of practice an exercise is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum ExerciseCategory {
    Breathing,
    Mindfulness,
    Grounding,
}
mirror_enum!(core_ex::Category => ExerciseCategory { Breathing, Mindfulness, Grounding });

/// Moments an exercise suits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum ExerciseSituation {
    Craving,
    HighRisk,
    Stress,
    Morning,
    Sleep,
    Anytime,
}
mirror_enum!(core_ex::Situation => ExerciseSituation { Craving, HighRisk, Stress, Morning, Sleep, Anytime });

/// What the participant does during a segment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum ExercisePhase {
    Inhale,
    Hold,
    Exhale,
    /// A pause with empty lungs.
    Rest,
    /// A guided step: show its text.
    Guided,
}
mirror_enum!(core_ex::Phase => ExercisePhase { Inhale, Hold, Exhale, Rest, Guided });

/// What a cue event marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum ExerciseCueKind {
    Inhale,
    Hold,
    Exhale,
    Rest,
    Step,
    Finish,
}
mirror_enum!(core_ex::CueKind => ExerciseCueKind { Inhale, Hold, Exhale, Rest, Step, Finish });

/// The haptic to play for a cue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum ExerciseHaptic {
    Light,
    Medium,
    Strong,
}
mirror_enum!(core_ex::Haptic => ExerciseHaptic { Light, Medium, Strong });

/// The sound to play for a cue, if sound is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum ExerciseSound {
    Silent,
    Soft,
    Chime,
    Bell,
}
mirror_enum!(core_ex::Sound => ExerciseSound { Silent, Soft, Chime, Bell });

/// How long to practise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum ExerciseLength {
    /// The exercise's standard (default) length.
    Standard,
    /// This many breathing cycles (breathing exercises only).
    Cycles { cycles: u32 },
    /// About this many minutes (whole cycles for breathing; guided scripts
    /// within their `min_minutes..=max_minutes`).
    Minutes { minutes: u32 },
}

impl From<ExerciseLength> for Length {
    fn from(l: ExerciseLength) -> Self {
        match l {
            ExerciseLength::Standard => Length::Standard,
            ExerciseLength::Cycles { cycles } => Length::Cycles(cycles),
            ExerciseLength::Minutes { minutes } => Length::Minutes(minutes),
        }
    }
}

impl From<Length> for ExerciseLength {
    fn from(l: Length) -> Self {
        match l {
            Length::Standard => ExerciseLength::Standard,
            Length::Cycles(cycles) => ExerciseLength::Cycles { cycles },
            Length::Minutes(minutes) => ExerciseLength::Minutes { minutes },
        }
    }
}

/// Where a session stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum ExerciseSessionStatus {
    InProgress,
    Finished,
    Abandoned,
}
mirror_enum!(session::SessionStatus => ExerciseSessionStatus { InProgress, Finished, Abandoned });

/// Why an exercise is suggested.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum ExerciseSuggestionReason {
    /// It eased this participant's cravings before.
    HelpedBefore,
    /// A craving is in progress.
    Craving,
    /// It is one of the participant's high-risk hours.
    HighRiskTime,
    Morning,
    Afternoon,
    Evening,
    Night,
}
mirror_enum!(core_ex::SuggestionReason => ExerciseSuggestionReason {
    HelpedBefore, Craving, HighRiskTime, Morning, Afternoon, Evening, Night
});

/// What the participant chose for one run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Record)]
pub struct ExerciseOptions {
    pub language: Language,
    pub length: ExerciseLength,
}

impl From<ExerciseOptions> for Options {
    fn from(o: ExerciseOptions) -> Self {
        Options {
            lang: o.language.into(),
            length: o.length.into(),
        }
    }
}

/// One length an exercise offers, with the time it takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Record)]
pub struct ExerciseDuration {
    pub length: ExerciseLength,
    pub total_ms: u64,
}

/// One phase of a breathing cycle, or one guided step at default length.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ExerciseOutlineStep {
    pub phase: ExercisePhase,
    pub duration_ms: u64,
    pub text: String,
}

/// An exercise as the library and detail screens show it.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Exercise {
    /// Stable id: `breath.box`, `mbrp.urge-surfing`, `custom.<id>`...
    pub id: String,
    pub category: ExerciseCategory,
    pub title: String,
    pub purpose: String,
    pub when_to_use: String,
    pub situations: Vec<ExerciseSituation>,
    /// The published source of the script (not translated).
    pub source: String,
    /// Lengths offered, shortest first.
    pub durations: Vec<ExerciseDuration>,
    pub default_total_ms: u64,
    /// One breathing cycle's phases, or the guided steps.
    pub outline: Vec<ExerciseOutlineStep>,
    /// For guided scripts, the minutes `ExerciseLength.Minutes` accepts.
    pub min_minutes: Option<u32>,
    pub max_minutes: Option<u32>,
}

impl From<core_ex::ExerciseInfo> for Exercise {
    fn from(i: core_ex::ExerciseInfo) -> Self {
        Exercise {
            id: i.id.to_string(),
            category: i.category.into(),
            title: i.title,
            purpose: i.purpose,
            when_to_use: i.when_to_use,
            situations: all(i.situations),
            source: i.source,
            durations: i
                .durations
                .into_iter()
                .map(|d| ExerciseDuration {
                    length: d.length.into(),
                    total_ms: d.total_ms,
                })
                .collect(),
            default_total_ms: i.default_total_ms,
            outline: i
                .outline
                .into_iter()
                .map(|s| ExerciseOutlineStep {
                    phase: s.phase.into(),
                    duration_ms: s.duration_ms,
                    text: s.text,
                })
                .collect(),
            min_minutes: i.minutes_range.map(|r| r.0),
            max_minutes: i.minutes_range.map(|r| r.1),
        }
    }
}

/// Built-in exercises then the participant's patterns; `damaged_ids` lists
/// patterns that failed their integrity check (kept, never deleted).
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct ExerciseList {
    pub exercises: Vec<Exercise>,
    pub damaged_ids: Vec<String>,
}

/// One phase or guided step, `[start_ms, end_ms)`.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct ExerciseSegment {
    pub index: u32,
    pub phase: ExercisePhase,
    pub start_ms: u64,
    pub end_ms: u64,
    /// The breathing cycle, from 1; null for guided steps.
    pub cycle: Option<u32>,
    pub text: String,
    /// Lung fullness (0 empty, 1 full) at the start and end: the breathing
    /// shape's size. 0 for guided steps.
    pub level_start: f64,
    pub level_end: f64,
}

/// A moment for a haptic and a sound.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Record)]
pub struct ExerciseCue {
    /// Stable within the timeline: a key for scheduling without repeats.
    pub index: u32,
    pub at_ms: u64,
    pub kind: ExerciseCueKind,
    pub segment: u32,
    pub haptic: ExerciseHaptic,
    pub sound: ExerciseSound,
}

fn index(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

impl From<core_ex::Cue> for ExerciseCue {
    fn from(c: core_ex::Cue) -> Self {
        ExerciseCue {
            index: index(c.index),
            at_ms: c.at_ms,
            kind: c.kind.into(),
            segment: index(c.segment),
            haptic: c.kind.haptic().into(),
            sound: c.kind.sound().into(),
        }
    }
}

/// A whole run laid out: segments cover `[0, total_ms)` without gaps; cues
/// are sorted, the last one (`Finish`) at `total_ms`.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct ExerciseTimeline {
    pub exercise_id: String,
    pub language: Language,
    pub total_ms: u64,
    pub cycles: Option<u32>,
    pub segments: Vec<ExerciseSegment>,
    pub cues: Vec<ExerciseCue>,
}

/// What to show at one elapsed time.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct ExerciseFrame {
    /// Capped at `total_ms`.
    pub elapsed_ms: u64,
    pub total_ms: u64,
    pub segment_index: u32,
    pub phase: ExercisePhase,
    pub text: String,
    pub cycle: Option<u32>,
    pub cycles: Option<u32>,
    pub segment_start_ms: u64,
    pub segment_end_ms: u64,
    /// 0 to 1 within the segment: animate to 1 over
    /// `segment_end_ms - elapsed_ms`.
    pub phase_progress: f64,
    /// Lung fullness now, 0 to 1.
    pub breath_level: f64,
    /// 0 to 1 over the whole run; never decreases.
    pub progress: f64,
    pub remaining_ms: u64,
    /// The next cue strictly after `elapsed_ms`; null once finished.
    pub next_cue_ms: Option<u64>,
    pub finished: bool,
    /// Cues from `elapsed_ms` (included) to 30 s later (excluded).
    pub upcoming_cues: Vec<ExerciseCue>,
}

impl From<core_ex::Frame> for ExerciseFrame {
    fn from(f: core_ex::Frame) -> Self {
        ExerciseFrame {
            elapsed_ms: f.elapsed_ms,
            total_ms: f.total_ms,
            segment_index: index(f.segment),
            phase: f.phase.into(),
            text: f.text.to_string(),
            cycle: f.cycle,
            cycles: f.cycles,
            segment_start_ms: f.segment_start_ms,
            segment_end_ms: f.segment_end_ms,
            phase_progress: f.phase_progress,
            breath_level: f.breath_level,
            progress: f.progress,
            remaining_ms: f.remaining_ms,
            next_cue_ms: f.next_cue_ms,
            finished: f.finished,
            upcoming_cues: all(f.upcoming),
        }
    }
}

/// The session clock: keep it in the screen's state and replace it with
/// what pause/resume return. Instants are monotonic-clock milliseconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Record)]
pub struct ExercisePlayback {
    /// Running time before the current stretch.
    pub banked_ms: u64,
    /// When the current stretch (running or paused) began.
    pub since_ms: i64,
    pub paused: bool,
}

impl From<ExercisePlayback> for Playback {
    fn from(p: ExercisePlayback) -> Self {
        Playback {
            banked_ms: p.banked_ms,
            since_ms: p.since_ms,
            paused: p.paused,
        }
    }
}

impl From<Playback> for ExercisePlayback {
    fn from(p: Playback) -> Self {
        ExercisePlayback {
            banked_ms: p.banked_ms,
            since_ms: p.since_ms,
            paused: p.paused,
        }
    }
}

/// One run of an exercise, laid out once: ask it for frames as often as
/// the screen redraws (no vault access, no allocation beyond the frame).
#[derive(Debug, uniffi::Object)]
pub struct ExercisePlayer {
    timeline: Timeline,
}

#[uniffi::export]
impl ExercisePlayer {
    /// A player for a built-in exercise; needs no vault. Custom patterns
    /// come from `Vault.exercise_player`.
    #[uniffi::constructor]
    pub fn builtin(exercise_id: String, options: ExerciseOptions) -> Result<Arc<Self>> {
        match ExerciseRef::parse("exercise_id", &exercise_id)? {
            ExerciseRef::BuiltIn(b) => Ok(Arc::new(ExercisePlayer {
                timeline: Timeline::builtin(b, options.into())?,
            })),
            ExerciseRef::Custom(_) => Err(KeelError::InvalidInput {
                field: "exercise_id".into(),
                reason: "custom_pattern".into(),
            }),
        }
    }

    /// The whole run: every segment and cue.
    pub fn timeline(&self) -> ExerciseTimeline {
        let t = &self.timeline;
        ExerciseTimeline {
            exercise_id: t.exercise.to_string(),
            language: t.lang.into(),
            total_ms: t.total_ms,
            cycles: t.cycles,
            segments: t
                .segments
                .iter()
                .enumerate()
                .map(|(i, s)| ExerciseSegment {
                    index: index(i),
                    phase: s.phase.into(),
                    start_ms: s.start_ms,
                    end_ms: s.end_ms,
                    cycle: s.cycle,
                    text: s.text.to_string(),
                    level_start: s.level_start,
                    level_end: s.level_end,
                })
                .collect(),
            cues: t.cues.iter().copied().map(ExerciseCue::from).collect(),
        }
    }

    /// The run's length, ms.
    pub fn total_ms(&self) -> u64 {
        self.timeline.total_ms
    }

    /// What to show `elapsed_ms` into the run (pauses excluded).
    pub fn frame(&self, elapsed_ms: u64) -> ExerciseFrame {
        self.timeline.frame(elapsed_ms).into()
    }

    /// What to show at monotonic instant `now_ms` for `playback`.
    pub fn frame_at(&self, playback: ExercisePlayback, now_ms: i64) -> Result<ExerciseFrame> {
        let elapsed = Playback::from(playback).elapsed(now_ms)?;
        Ok(self.timeline.frame(elapsed).into())
    }
}

/// The built-in library in `language`, in display order. Needs no vault.
#[uniffi::export]
pub fn exercise_library(language: Language) -> Vec<Exercise> {
    all(core_ex::library(language.into()))
}

/// A playback started at monotonic instant `now_ms`.
#[uniffi::export]
pub fn exercise_playback_start(now_ms: i64) -> ExercisePlayback {
    Playback::start(now_ms).into()
}

/// Pauses `playback` at `now_ms`.
#[uniffi::export]
pub fn exercise_playback_pause(
    playback: ExercisePlayback,
    now_ms: i64,
) -> Result<ExercisePlayback> {
    Ok(Playback::from(playback).pause(now_ms)?.into())
}

/// Resumes `playback` at `now_ms`.
#[uniffi::export]
pub fn exercise_playback_resume(
    playback: ExercisePlayback,
    now_ms: i64,
) -> Result<ExercisePlayback> {
    Ok(Playback::from(playback).resume(now_ms)?.into())
}

/// Practice time of `playback` at `now_ms`, pauses excluded.
#[uniffi::export]
pub fn exercise_playback_elapsed(playback: ExercisePlayback, now_ms: i64) -> Result<u64> {
    Ok(Playback::from(playback).elapsed(now_ms)?)
}

/// A custom breathing pattern to save.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct BreathingPatternDraft {
    /// 1 to 60 characters.
    pub name: String,
    /// 1,000 to 20,000 ms.
    pub inhale_ms: u32,
    /// 0 (none) or 1,000 to 20,000 ms.
    pub hold_in_ms: u32,
    /// 1,000 to 20,000 ms.
    pub exhale_ms: u32,
    /// 0 (none) or 1,000 to 20,000 ms.
    pub hold_out_ms: u32,
    /// 1 to 500, and at most 30 minutes in all.
    pub cycles: u32,
}

impl From<BreathingPatternDraft> for pattern::PatternDraft {
    fn from(d: BreathingPatternDraft) -> Self {
        pattern::PatternDraft {
            name: d.name,
            inhale_ms: d.inhale_ms,
            hold_in_ms: d.hold_in_ms,
            exhale_ms: d.exhale_ms,
            hold_out_ms: d.hold_out_ms,
            cycles: d.cycles,
        }
    }
}

/// A saved custom pattern.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct BreathingPattern {
    /// The pattern's record id (for update/delete).
    pub id: String,
    /// Its exercise id (`custom.<id>`) for players and sessions.
    pub exercise_id: String,
    pub name: String,
    pub inhale_ms: u32,
    pub hold_in_ms: u32,
    pub exhale_ms: u32,
    pub hold_out_ms: u32,
    pub cycles: u32,
    pub total_ms: u64,
}

impl From<pattern::SavedPattern> for BreathingPattern {
    fn from(s: pattern::SavedPattern) -> Self {
        let total_ms = s.pattern.total_ms();
        let p = s.pattern;
        BreathingPattern {
            id: s.id.to_string(),
            exercise_id: ExerciseRef::Custom(s.id).to_string(),
            name: p.name,
            inhale_ms: p.inhale_ms,
            hold_in_ms: p.hold_in_ms,
            exhale_ms: p.exhale_ms,
            hold_out_ms: p.hold_out_ms,
            cycles: p.cycles,
            total_ms,
        }
    }
}

/// Patterns by name; `damaged_ids` lists those that failed their integrity
/// check.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct BreathingPatternList {
    pub patterns: Vec<BreathingPattern>,
    pub damaged_ids: Vec<String>,
}

/// What starts a session.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ExerciseSessionStart {
    pub exercise_id: String,
    pub length: ExerciseLength,
    pub started_at: Moment,
    /// 0 to 10.
    pub craving_before: Option<u32>,
    /// The craving record this session is used for (its id's format is
    /// checked, not its existence).
    pub craving_id: Option<String>,
}

/// What ends a session.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ExerciseSessionEnd {
    pub ended_at: Moment,
    /// Practice time from `exercise_playback_elapsed`.
    pub practiced_ms: Option<u64>,
    /// 0 to 10.
    pub craving_after: Option<u32>,
    /// Links the craving it was used for; null keeps the start's link.
    pub craving_id: Option<String>,
}

/// A stored session.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ExerciseSession {
    pub id: String,
    pub exercise_id: String,
    /// A custom pattern's name when the session started.
    pub exercise_name: Option<String>,
    pub planned_ms: u64,
    pub started_at: Moment,
    pub status: ExerciseSessionStatus,
    pub ended_at: Option<Moment>,
    pub practiced_ms: Option<u64>,
    pub craving_before: Option<u32>,
    pub craving_after: Option<u32>,
    pub craving_id: Option<String>,
}

impl From<session::SavedSession> for ExerciseSession {
    fn from(s: session::SavedSession) -> Self {
        let x = s.session;
        ExerciseSession {
            id: s.id.to_string(),
            exercise_id: x.exercise_id,
            exercise_name: x.exercise_name,
            planned_ms: x.planned_ms,
            started_at: x.started_at.into(),
            status: x.status.into(),
            ended_at: x.ended_at.map(Moment::from),
            practiced_ms: x.practiced_ms,
            craving_before: x.craving_before.map(u32::from),
            craving_after: x.craving_after.map(u32::from),
            craving_id: x.craving_id.map(|id| id.to_string()),
        }
    }
}

/// Sessions newest first, how many the range holds, and damaged ids.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ExerciseSessionPage {
    pub sessions: Vec<ExerciseSession>,
    pub total: u32,
    pub damaged_ids: Vec<String>,
}

/// What practising one exercise did for cravings.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct ExerciseInsight {
    pub exercise_id: String,
    /// The title in the asked language (a pattern's current name, or its
    /// last recorded one if deleted).
    pub title: String,
    /// Ended sessions (finished or abandoned).
    pub sessions: u32,
    pub finished: u32,
    /// Sessions rated both before and after.
    pub rated_sessions: u32,
    /// Mean of (before - after) over rated sessions; positive = eased.
    pub average_drop: Option<f64>,
}

impl ExerciseInsight {
    /// The insight with its title in `lang`.
    pub(crate) fn new(
        store: &keel_core::Store<'_>,
        i: session::Insight,
        lang: keel_core::Language,
    ) -> Self {
        ExerciseInsight {
            title: title_of(store, &i.exercise_id, lang)
                .or_else(|| i.exercise_name.clone())
                .unwrap_or_else(|| i.exercise_id.clone()),
            exercise_id: i.exercise_id,
            sessions: i.sessions,
            finished: i.finished,
            rated_sessions: i.rated_sessions,
            average_drop: i.average_drop,
        }
    }
}

/// The exercise to suggest on the Today screen.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct ExerciseSuggestion {
    pub exercise: Exercise,
    pub reason: ExerciseSuggestionReason,
    /// One line to show under it.
    pub reason_text: String,
}

fn rating(v: Option<u32>) -> Option<u8> {
    // Out-of-range values stay out of range, for the core to refuse.
    v.map(|v| u8::try_from(v).unwrap_or(u8::MAX))
}

fn craving_id(v: Option<String>) -> Result<Option<RecordId>> {
    Ok(v.map(|id| RecordId::parse("craving_id", &id)).transpose()?)
}

fn session_end(end: ExerciseSessionEnd) -> Result<SessionEnd> {
    Ok(SessionEnd {
        ended_at: end.ended_at.into(),
        practiced_ms: end.practiced_ms,
        craving_after: rating(end.craving_after),
        craving_id: craving_id(end.craving_id)?,
    })
}

/// The title of `exercise_id` in `lang`, if it still exists.
fn title_of(
    store: &keel_core::Store<'_>,
    exercise_id: &str,
    lang: keel_core::Language,
) -> Option<String> {
    match ExerciseRef::parse("exercise_id", exercise_id).ok()? {
        ExerciseRef::BuiltIn(b) => Some(b.title(lang).to_string()),
        ExerciseRef::Custom(id) => pattern::get(store, id).ok().map(|p| p.pattern.name),
    }
}

#[uniffi::export]
impl Vault {
    /// Built-in exercises and the participant's patterns, in `language`.
    pub fn list_exercises(&self, language: Language) -> Result<ExerciseList> {
        let vault = self.core();
        let list = core_ex::list(&vault.store()?, language.into())?;
        Ok(ExerciseList {
            exercises: all(list.exercises),
            damaged_ids: list.damaged.iter().map(ToString::to_string).collect(),
        })
    }

    /// The exercise `exercise_id` (built-in or custom) in `language`.
    pub fn get_exercise(&self, exercise_id: String, language: Language) -> Result<Exercise> {
        let id = ExerciseRef::parse("exercise_id", &exercise_id)?;
        let vault = self.core();
        Ok(core_ex::describe(&vault.store()?, id, language.into())?.into())
    }

    /// A player for `exercise_id` (built-in or custom) with `options`.
    pub fn exercise_player(
        &self,
        exercise_id: String,
        options: ExerciseOptions,
    ) -> Result<Arc<ExercisePlayer>> {
        let id = ExerciseRef::parse("exercise_id", &exercise_id)?;
        let vault = self.core();
        let timeline = core_ex::timeline(&vault.store()?, id, options.into())?;
        Ok(Arc::new(ExercisePlayer { timeline }))
    }

    /// Saves a new breathing pattern.
    pub fn add_breathing_pattern(&self, draft: BreathingPatternDraft) -> Result<BreathingPattern> {
        let vault = self.core();
        Ok(pattern::add(&vault.store()?, &draft.into())?.into())
    }

    /// Replaces the pattern `id`, keeping its id.
    pub fn update_breathing_pattern(
        &self,
        id: String,
        draft: BreathingPatternDraft,
    ) -> Result<BreathingPattern> {
        let id = RecordId::parse("id", &id)?;
        let vault = self.core();
        Ok(pattern::update(&vault.store()?, id, &draft.into())?.into())
    }

    /// The pattern `id`.
    pub fn get_breathing_pattern(&self, id: String) -> Result<BreathingPattern> {
        let id = RecordId::parse("id", &id)?;
        let vault = self.core();
        Ok(pattern::get(&vault.store()?, id)?.into())
    }

    /// Every pattern, by name.
    pub fn list_breathing_patterns(&self) -> Result<BreathingPatternList> {
        let vault = self.core();
        let list = pattern::list(&vault.store()?)?;
        Ok(BreathingPatternList {
            patterns: all(list.patterns),
            damaged_ids: list.damaged.iter().map(ToString::to_string).collect(),
        })
    }

    /// Deletes the pattern `id`; sessions that used it keep their history.
    pub fn delete_breathing_pattern(&self, id: String) -> Result<()> {
        let id = RecordId::parse("id", &id)?;
        let vault = self.core();
        Ok(pattern::delete(&vault.store()?, id)?)
    }

    /// Starts a session.
    pub fn start_exercise_session(&self, start: ExerciseSessionStart) -> Result<ExerciseSession> {
        let start = SessionStart {
            exercise: ExerciseRef::parse("exercise_id", &start.exercise_id)?,
            length: start.length.into(),
            started_at: start.started_at.into(),
            craving_before: rating(start.craving_before),
            craving_id: craving_id(start.craving_id)?,
        };
        let vault = self.core();
        Ok(session::start(&vault.store()?, start, Moment::now())?.into())
    }

    /// Finishes the session `id`.
    pub fn finish_exercise_session(
        &self,
        id: String,
        end: ExerciseSessionEnd,
    ) -> Result<ExerciseSession> {
        let id = RecordId::parse("id", &id)?;
        let end = session_end(end)?;
        let vault = self.core();
        Ok(session::finish(&vault.store()?, id, end, Moment::now())?.into())
    }

    /// Abandons the session `id` (stopped before the end).
    pub fn abandon_exercise_session(
        &self,
        id: String,
        end: ExerciseSessionEnd,
    ) -> Result<ExerciseSession> {
        let id = RecordId::parse("id", &id)?;
        let end = session_end(end)?;
        let vault = self.core();
        Ok(session::abandon(&vault.store()?, id, end, Moment::now())?.into())
    }

    /// The session `id`.
    pub fn get_exercise_session(&self, id: String) -> Result<ExerciseSession> {
        let id = RecordId::parse("id", &id)?;
        let vault = self.core();
        Ok(session::get(&vault.store()?, id)?.into())
    }

    /// Deletes the session `id`.
    pub fn delete_exercise_session(&self, id: String) -> Result<()> {
        let id = RecordId::parse("id", &id)?;
        let vault = self.core();
        Ok(session::delete(&vault.store()?, id)?)
    }

    /// Sessions that started in the query's range, newest first.
    pub fn list_exercise_sessions(&self, query: PageQuery) -> Result<ExerciseSessionPage> {
        let vault = self.core();
        let page = session::page(&vault.store()?, query.into())?;
        Ok(ExerciseSessionPage {
            sessions: all(page.sessions),
            total: index(page.total),
            damaged_ids: page.damaged.iter().map(ToString::to_string).collect(),
        })
    }

    /// Per exercise used: sessions, and how much cravings dropped on
    /// average when it was used (titles in `language`).
    pub fn exercise_insights(&self, language: Language) -> Result<Vec<ExerciseInsight>> {
        let lang = language.into();
        let vault = self.core();
        let store = vault.store()?;
        Ok(session::insights(&store)?
            .into_iter()
            .map(|i| ExerciseInsight::new(&store, i, lang))
            .collect())
    }

    /// The exercise to suggest now: `craving_intensity` (0-10) if a craving
    /// is in progress, `high_risk_hours` (0-23, local) from the plan.
    pub fn suggest_exercise(
        &self,
        now: Now,
        craving_intensity: Option<u32>,
        high_risk_hours: Vec<u32>,
        language: Language,
    ) -> Result<ExerciseSuggestion> {
        let lang: keel_core::Language = language.into();
        let now = now.instant()?;
        let hours: Vec<u8> = high_risk_hours
            .iter()
            .map(|&h| u8::try_from(h).unwrap_or(u8::MAX))
            .collect();
        let vault = self.core();
        let store = vault.store()?;
        // Only exercises that still exist may be suggested.
        let insights: Vec<session::Insight> = session::insights(&store)?
            .into_iter()
            .filter(|i| title_of(&store, &i.exercise_id, lang).is_some())
            .collect();
        let s = core_ex::suggestion(&core_ex::SuggestionContext {
            now,
            craving_intensity: rating(craving_intensity),
            high_risk_hours: &hours,
            insights: &insights,
        })?;
        Ok(ExerciseSuggestion {
            exercise: core_ex::describe(&store, s.exercise, lang)?.into(),
            reason: s.reason.into(),
            reason_text: s.reason.text(lang).to_string(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_players_need_no_vault() -> Result<()> {
        let options = ExerciseOptions {
            language: Language::Spanish,
            length: ExerciseLength::Standard,
        };
        let p = ExercisePlayer::builtin("breath.box".into(), options)?;
        assert_eq!(p.total_ms(), 64_000);
        assert_eq!(p.frame(4_000).phase, ExercisePhase::Hold);
        let t = p.timeline();
        assert_eq!(t.segments.len(), 16);
        assert_eq!(t.cues.last().map(|c| c.sound), Some(ExerciseSound::Bell));
        let custom = format!("custom.{}", "0".repeat(32));
        assert!(matches!(
            ExercisePlayer::builtin(custom, options),
            Err(KeelError::InvalidInput { .. })
        ));
        assert_eq!(
            core_ex::BuiltIn::ALL.len(),
            exercise_library(options.language).len()
        );
        Ok(())
    }
}
