//! The timeline engine: an exercise and its options become a list of
//! segments (phases or guided steps) with exact start and end times, and a
//! list of cue events; [`Timeline::frame`] answers what a shell shows at any
//! elapsed time, in one record.
//!
//! Pure and deterministic: no clock is read, all times are integer
//! milliseconds from the start of the exercise, so a 30-minute run has no
//! drift. Segments cover `[0, total_ms)` without gaps or overlaps; a segment
//! owns its start instant and not its end (at exactly 4,000 ms of box
//! breathing the hold has begun).

use super::library::{
    CUSTOM_EXHALE, CUSTOM_HOLD, CUSTOM_INHALE, CUSTOM_REST, PhaseDef, Script, StepDef,
};
use super::pattern::BreathingPattern;
use super::{BuiltIn, ExerciseRef, Language, Length, MAX_CYCLES, MAX_EXERCISE_MS, Options};
use crate::error::{Error, Result};
use crate::store::RecordId;

/// How far ahead [`Frame::upcoming`] lists cues: a shell that asks for a
/// frame at least this often can schedule every cue from frames alone.
pub const CUE_HORIZON_MS: u64 = 30_000;

/// What the participant is doing during a segment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Phase {
    /// Breathing in.
    Inhale,
    /// Holding the breath with full lungs.
    Hold,
    /// Breathing out.
    Exhale,
    /// Pausing with empty lungs.
    Rest,
    /// Following a guided step's instruction.
    Guided,
}

/// What a cue event marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CueKind {
    /// An inhale begins.
    Inhale,
    /// A hold begins.
    Hold,
    /// An exhale begins.
    Exhale,
    /// A rest (empty lungs) begins.
    Rest,
    /// A guided step begins.
    Step,
    /// The exercise is over.
    Finish,
}

/// The haptic a shell plays for a cue (mapped to the platform's feedback
/// generators).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Haptic {
    /// A light tap.
    Light,
    /// A firmer tap.
    Medium,
    /// A strong, distinct buzz.
    Strong,
}

/// The sound a shell plays for a cue, if sound is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Sound {
    /// No sound.
    Silent,
    /// A soft tone marking a breath's direction.
    Soft,
    /// A chime for a new guided step.
    Chime,
    /// A bell at the end.
    Bell,
}

impl CueKind {
    fn for_phase(phase: Phase) -> CueKind {
        match phase {
            Phase::Inhale => CueKind::Inhale,
            Phase::Hold => CueKind::Hold,
            Phase::Exhale => CueKind::Exhale,
            Phase::Rest => CueKind::Rest,
            Phase::Guided => CueKind::Step,
        }
    }

    /// The haptic for this cue.
    pub fn haptic(self) -> Haptic {
        match self {
            CueKind::Inhale | CueKind::Exhale => Haptic::Medium,
            CueKind::Hold | CueKind::Rest | CueKind::Step => Haptic::Light,
            CueKind::Finish => Haptic::Strong,
        }
    }

    /// The sound for this cue.
    pub fn sound(self) -> Sound {
        match self {
            CueKind::Inhale | CueKind::Exhale => Sound::Soft,
            CueKind::Hold | CueKind::Rest => Sound::Silent,
            CueKind::Step => Sound::Chime,
            CueKind::Finish => Sound::Bell,
        }
    }
}

/// One phase or guided step, `[start_ms, end_ms)`.
#[derive(Debug, Clone, PartialEq)]
pub struct Segment {
    /// The phase.
    pub phase: Phase,
    /// When it starts, ms from the start of the exercise.
    pub start_ms: u64,
    /// When it ends (the next one's start).
    pub end_ms: u64,
    /// The breathing cycle it belongs to, from 1; `None` for guided steps.
    pub cycle: Option<u32>,
    /// Its cue text.
    pub text: &'static str,
    /// How full the lungs are at its start, 0 (empty) to 1 (full): the size
    /// of a breathing shape. Guided steps stay at 0.
    pub level_start: f64,
    /// How full the lungs are at its end.
    pub level_end: f64,
}

/// A moment for a haptic or a sound.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cue {
    /// Its position in [`Timeline::cues`]: a stable key for scheduling.
    pub index: usize,
    /// When, ms from the start (the end cue is at `total_ms`).
    pub at_ms: u64,
    /// What it marks.
    pub kind: CueKind,
    /// The segment it starts (the last segment for the end cue).
    pub segment: usize,
}

/// An exercise laid out in time.
#[derive(Debug, Clone, PartialEq)]
pub struct Timeline {
    /// Which exercise.
    pub exercise: ExerciseRef,
    /// The language of the texts.
    pub lang: Language,
    /// Its length in ms (> 0).
    pub total_ms: u64,
    /// How many breathing cycles, for breathing exercises.
    pub cycles: Option<u32>,
    /// Segments in order, covering `[0, total_ms)`.
    pub segments: Vec<Segment>,
    /// Cue events sorted by time: one at each segment's start and one at
    /// the end.
    pub cues: Vec<Cue>,
}

/// What a shell shows at one elapsed time.
#[derive(Debug, Clone, PartialEq)]
pub struct Frame {
    /// The elapsed time asked about, capped at the total.
    pub elapsed_ms: u64,
    /// The exercise's length.
    pub total_ms: u64,
    /// The current segment's position in [`Timeline::segments`].
    pub segment: usize,
    /// The current phase.
    pub phase: Phase,
    /// The current cue text.
    pub text: &'static str,
    /// The current breathing cycle (from 1), if any.
    pub cycle: Option<u32>,
    /// How many cycles in all, if a breathing exercise.
    pub cycles: Option<u32>,
    /// When the current segment started.
    pub segment_start_ms: u64,
    /// When it ends.
    pub segment_end_ms: u64,
    /// How far into the segment, 0 to 1 (1 once finished).
    pub phase_progress: f64,
    /// How full the lungs should be now, 0 to 1 (0 in guided steps).
    pub breath_level: f64,
    /// How far into the exercise, 0 to 1; never decreases with elapsed time.
    pub progress: f64,
    /// Time left, ms.
    pub remaining_ms: u64,
    /// When the next cue is due (strictly after `elapsed_ms`), if any.
    pub next_cue_ms: Option<u64>,
    /// True once the elapsed time reaches the total.
    pub finished: bool,
    /// Cues due from `elapsed_ms` (included) up to [`CUE_HORIZON_MS`] later
    /// (excluded), sorted.
    pub upcoming: Vec<Cue>,
}

/// Checks a cycle count against the limits; `field` names it in errors.
pub(crate) fn check_cycles(field: &'static str, cycles: u32, cycle_ms: u64) -> Result<u32> {
    if cycles == 0 {
        return Err(Error::invalid(field, "too_small"));
    }
    if cycles > MAX_CYCLES {
        return Err(Error::invalid(field, "too_large"));
    }
    if u64::from(cycles).saturating_mul(cycle_ms) > MAX_EXERCISE_MS {
        return Err(Error::invalid(field, "too_long"));
    }
    Ok(cycles)
}

fn check_minutes(minutes: u32, min: u32, max: u32) -> Result<u64> {
    if !(min..=max).contains(&minutes) {
        return Err(Error::invalid("minutes", "out_of_range"));
    }
    Ok(u64::from(minutes) * 60_000)
}

/// How many cycles `length` asks for, given the cycle's length.
fn resolve_cycles(length: Length, default: u32, cycle_ms: u64) -> Result<u32> {
    match length {
        Length::Standard => check_cycles("cycles", default, cycle_ms),
        Length::Cycles(n) => check_cycles("cycles", n, cycle_ms),
        Length::Minutes(m) => {
            let target = check_minutes(m, 1, (MAX_EXERCISE_MS / 60_000) as u32)?;
            // The nearest whole number of cycles, at least one, never over
            // the limit.
            let mut n = ((target + cycle_ms / 2) / cycle_ms).max(1);
            if n * cycle_ms > MAX_EXERCISE_MS {
                n -= 1;
            }
            check_cycles("minutes", u32::try_from(n).unwrap_or(u32::MAX), cycle_ms)
        }
    }
}

/// Step lengths for a guided script at `length`: introductions keep their
/// length, practice steps share the rest in proportion to their defaults.
/// The lengths add up to the chosen minutes exactly.
fn resolve_steps(
    length: Length,
    steps: &[StepDef],
    default_minutes: u32,
    min_minutes: u32,
    max_minutes: u32,
) -> Result<Vec<u64>> {
    let target = match length {
        Length::Standard => return Ok(steps.iter().map(|s| s.ms).collect()),
        Length::Cycles(_) => {
            return Err(Error::invalid("cycles", "not_counted_in_breaths"));
        }
        Length::Minutes(m) if m == default_minutes => {
            return Ok(steps.iter().map(|s| s.ms).collect());
        }
        Length::Minutes(m) => check_minutes(m, min_minutes, max_minutes)?,
    };
    let fixed: u64 = steps.iter().filter(|s| !s.stretch).map(|s| s.ms).sum();
    let base: u64 = steps.iter().filter(|s| s.stretch).map(|s| s.ms).sum();
    let available = target.saturating_sub(fixed);
    if base == 0 || available == 0 {
        return Err(Error::invalid("minutes", "too_short"));
    }
    // Cumulative rounding: each stretched boundary is placed by the same
    // proportion, so the parts add up to `available` with no drift.
    let mut out = Vec::with_capacity(steps.len());
    let mut cum_base = 0u64;
    let mut placed = 0u64;
    for s in steps {
        if s.stretch {
            cum_base += s.ms;
            let boundary = cum_base * available / base;
            out.push(boundary - placed);
            placed = boundary;
        } else {
            out.push(s.ms);
        }
    }
    Ok(out)
}

impl Timeline {
    /// The built-in exercise `exercise` with `options`.
    pub fn builtin(exercise: BuiltIn, options: Options) -> Result<Timeline> {
        let lang = options.lang;
        let id = ExerciseRef::BuiltIn(exercise);
        match &exercise.def().script {
            Script::Breathing {
                phases,
                default_cycles,
                ..
            } => {
                let phases: Vec<(Phase, u64, &'static str)> = phases
                    .iter()
                    .map(|p: &PhaseDef| (p.phase, p.ms, lang.text(&p.cue)))
                    .collect();
                let cycle_ms = phases.iter().map(|p| p.1).sum();
                let cycles = resolve_cycles(options.length, *default_cycles, cycle_ms)?;
                Ok(Timeline::breathing(id, lang, &phases, cycles))
            }
            Script::Guided {
                steps,
                default_minutes,
                min_minutes,
                max_minutes,
                ..
            } => {
                let lengths = resolve_steps(
                    options.length,
                    steps,
                    *default_minutes,
                    *min_minutes,
                    *max_minutes,
                )?;
                let steps: Vec<(u64, &'static str)> = lengths
                    .into_iter()
                    .zip(steps.iter())
                    .map(|(ms, s)| (ms, lang.text(&s.cue)))
                    .collect();
                Ok(Timeline::guided(id, lang, &steps))
            }
        }
    }

    /// The custom pattern `pattern` (record `id`) with `options`. Zero-length
    /// holds are left out.
    pub fn for_pattern(
        id: RecordId,
        pattern: &BreathingPattern,
        options: Options,
    ) -> Result<Timeline> {
        let lang = options.lang;
        let phases: Vec<(Phase, u64, &'static str)> = [
            (Phase::Inhale, pattern.inhale_ms, &CUSTOM_INHALE),
            (Phase::Hold, pattern.hold_in_ms, &CUSTOM_HOLD),
            (Phase::Exhale, pattern.exhale_ms, &CUSTOM_EXHALE),
            (Phase::Rest, pattern.hold_out_ms, &CUSTOM_REST),
        ]
        .into_iter()
        .filter(|(_, ms, _)| *ms > 0)
        .map(|(phase, ms, text)| (phase, u64::from(ms), lang.text(text)))
        .collect();
        let cycle_ms: u64 = phases.iter().map(|p| p.1).sum();
        if phases.is_empty() || cycle_ms == 0 {
            return Err(Error::invalid("pattern", "empty"));
        }
        let cycles = resolve_cycles(options.length, pattern.cycles, cycle_ms)?;
        Ok(Timeline::breathing(
            ExerciseRef::Custom(id),
            lang,
            &phases,
            cycles,
        ))
    }

    /// A breathing cycle of `phases` repeated `cycles` times (both
    /// non-empty, checked by the callers).
    fn breathing(
        exercise: ExerciseRef,
        lang: Language,
        phases: &[(Phase, u64, &'static str)],
        cycles: u32,
    ) -> Timeline {
        let inhale_ms: u64 = phases
            .iter()
            .filter(|p| p.0 == Phase::Inhale)
            .map(|p| p.1)
            .sum();
        let exhale_ms: u64 = phases
            .iter()
            .filter(|p| p.0 == Phase::Exhale)
            .map(|p| p.1)
            .sum();
        // Lung level at each phase boundary of one cycle.
        let mut levels = Vec::with_capacity(phases.len() + 1);
        let (mut inhaled, mut exhaled) = (0u64, 0u64);
        let mut level = 0.0;
        levels.push(level);
        for &(phase, ms, _) in phases {
            match phase {
                Phase::Inhale if inhale_ms > 0 => {
                    inhaled += ms;
                    level = inhaled as f64 / inhale_ms as f64;
                    exhaled = 0;
                }
                Phase::Exhale if exhale_ms > 0 => {
                    exhaled += ms;
                    level = 1.0 - exhaled as f64 / exhale_ms as f64;
                    inhaled = 0;
                }
                _ => {}
            }
            levels.push(level.clamp(0.0, 1.0));
        }

        let mut segments = Vec::with_capacity(phases.len() * cycles as usize);
        let mut at = 0u64;
        for cycle in 1..=cycles {
            for (i, &(phase, ms, text)) in phases.iter().enumerate() {
                segments.push(Segment {
                    phase,
                    start_ms: at,
                    end_ms: at + ms,
                    cycle: Some(cycle),
                    text,
                    level_start: levels[i],
                    level_end: levels[i + 1],
                });
                at += ms;
            }
        }
        Timeline::from_segments(exercise, lang, Some(cycles), segments)
    }

    /// Guided steps of the given lengths (non-empty).
    fn guided(exercise: ExerciseRef, lang: Language, steps: &[(u64, &'static str)]) -> Timeline {
        let mut at = 0u64;
        let segments = steps
            .iter()
            .map(|&(ms, text)| {
                let s = Segment {
                    phase: Phase::Guided,
                    start_ms: at,
                    end_ms: at + ms,
                    cycle: None,
                    text,
                    level_start: 0.0,
                    level_end: 0.0,
                };
                at += ms;
                s
            })
            .collect();
        Timeline::from_segments(exercise, lang, None, segments)
    }

    fn from_segments(
        exercise: ExerciseRef,
        lang: Language,
        cycles: Option<u32>,
        segments: Vec<Segment>,
    ) -> Timeline {
        let total_ms = segments.last().map_or(0, |s| s.end_ms);
        let mut cues: Vec<Cue> = segments
            .iter()
            .enumerate()
            .map(|(i, s)| Cue {
                index: i,
                at_ms: s.start_ms,
                kind: CueKind::for_phase(s.phase),
                segment: i,
            })
            .collect();
        cues.push(Cue {
            index: cues.len(),
            at_ms: total_ms,
            kind: CueKind::Finish,
            segment: segments.len().saturating_sub(1),
        });
        Timeline {
            exercise,
            lang,
            total_ms,
            cycles,
            segments,
            cues,
        }
    }

    /// What to show `elapsed_ms` after the start (paused time excluded; see
    /// [`super::Playback`]). Any elapsed time is accepted: past the end, the
    /// frame is the finished one.
    pub fn frame(&self, elapsed_ms: u64) -> Frame {
        let total = self.total_ms;
        let at = elapsed_ms.min(total);
        let finished = elapsed_ms >= total;
        let index = if finished {
            self.segments.len().saturating_sub(1)
        } else {
            self.segments
                .partition_point(|s| s.start_ms <= at)
                .saturating_sub(1)
        };
        let seg = self.segments.get(index);
        let (start, end) = seg.map_or((0, total), |s| (s.start_ms, s.end_ms));
        let phase_progress = if finished || end <= start {
            1.0
        } else {
            (at - start) as f64 / (end - start) as f64
        };
        let breath_level = seg.map_or(0.0, |s| {
            s.level_start + (s.level_end - s.level_start) * phase_progress
        });
        let first_after = self.cues.partition_point(|c| c.at_ms <= at);
        let next_cue_ms = if finished {
            None
        } else {
            self.cues.get(first_after).map(|c| c.at_ms)
        };
        let horizon = elapsed_ms.saturating_add(CUE_HORIZON_MS);
        let from = self.cues.partition_point(|c| c.at_ms < elapsed_ms);
        let upcoming = self.cues[from..]
            .iter()
            .take_while(|c| c.at_ms < horizon)
            .copied()
            .collect();
        Frame {
            elapsed_ms: at,
            total_ms: total,
            segment: index,
            phase: seg.map_or(Phase::Guided, |s| s.phase),
            text: seg.map_or("", |s| s.text),
            cycle: seg.and_then(|s| s.cycle),
            cycles: self.cycles,
            segment_start_ms: start,
            segment_end_ms: end,
            phase_progress,
            breath_level,
            progress: if total == 0 {
                1.0
            } else {
                at as f64 / total as f64
            },
            remaining_ms: total - at,
            next_cue_ms,
            finished,
            upcoming,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exercises::pattern::PatternDraft;
    use proptest::prelude::*;

    fn opts(length: Length) -> Options {
        Options {
            lang: Language::En,
            length,
        }
    }

    fn phase_at(t: &Timeline, ms: u64) -> (Phase, Option<u32>) {
        let f = t.frame(ms);
        (f.phase, f.cycle)
    }

    #[test]
    fn a_box_breathing_minute_is_four_cycles_of_four_four_second_phases() {
        let t = Timeline::builtin(BuiltIn::Box, opts(Length::Standard)).unwrap();
        assert_eq!(t.total_ms, 64_000);
        assert_eq!(t.cycles, Some(4));
        assert_eq!(t.segments.len(), 16);
        let order = [Phase::Inhale, Phase::Hold, Phase::Exhale, Phase::Rest];
        for (i, s) in t.segments.iter().enumerate() {
            assert_eq!(s.phase, order[i % 4]);
            assert_eq!(s.start_ms, i as u64 * 4000);
            assert_eq!(s.end_ms - s.start_ms, 4000);
            assert_eq!(s.cycle, Some(i as u32 / 4 + 1));
        }
        assert_eq!(phase_at(&t, 0), (Phase::Inhale, Some(1)));
        assert_eq!(phase_at(&t, 3_999), (Phase::Inhale, Some(1)));
        assert_eq!(phase_at(&t, 4_000), (Phase::Hold, Some(1)));
        assert_eq!(phase_at(&t, 8_000), (Phase::Exhale, Some(1)));
        assert_eq!(phase_at(&t, 12_000), (Phase::Rest, Some(1)));
        assert_eq!(phase_at(&t, 16_000), (Phase::Inhale, Some(2)));
        assert_eq!(phase_at(&t, 37_500), (Phase::Hold, Some(3)));
        assert_eq!(phase_at(&t, 45_000), (Phase::Rest, Some(3)));
        assert_eq!(phase_at(&t, 63_999), (Phase::Rest, Some(4)));
        let f = t.frame(2_000);
        assert_eq!(f.phase_progress, 0.5);
        assert_eq!(f.breath_level, 0.5);
        assert_eq!(f.next_cue_ms, Some(4_000));
        assert_eq!(f.text, "Breathe in slowly through your nose");
        assert_eq!(t.frame(10_000).breath_level, 0.5);
        assert_eq!(t.frame(6_000).breath_level, 1.0);
        assert_eq!(t.frame(14_000).breath_level, 0.0);
        let end = t.frame(64_000);
        assert!(end.finished);
        assert_eq!((end.progress, end.phase_progress), (1.0, 1.0));
        assert_eq!(end.segment, 15);
        assert_eq!(end.next_cue_ms, None);
        assert_eq!(end.upcoming.len(), 1);
        assert_eq!(end.upcoming[0].kind, CueKind::Finish);
        assert!(t.frame(70_000).upcoming.is_empty());
        assert!(!t.frame(63_999).finished);
    }

    #[test]
    fn four_seven_eight_follows_its_counts() {
        let t = Timeline::builtin(BuiltIn::FourSevenEight, opts(Length::Standard)).unwrap();
        assert_eq!(t.total_ms, 4 * 19_000);
        assert_eq!(phase_at(&t, 3_999).0, Phase::Inhale);
        assert_eq!(phase_at(&t, 4_000).0, Phase::Hold);
        assert_eq!(phase_at(&t, 10_999).0, Phase::Hold);
        assert_eq!(phase_at(&t, 11_000).0, Phase::Exhale);
        assert_eq!(phase_at(&t, 18_999).0, Phase::Exhale);
        assert_eq!(phase_at(&t, 19_000), (Phase::Inhale, Some(2)));
        let eight = Timeline::builtin(BuiltIn::FourSevenEight, opts(Length::Cycles(8))).unwrap();
        assert_eq!(eight.total_ms, 152_000);
    }

    #[test]
    fn coherent_breathing_is_five_and_a_half_breaths_a_minute() {
        let t = Timeline::builtin(BuiltIn::Coherent, opts(Length::Standard)).unwrap();
        let cycle = t.segments[0].end_ms + (t.segments[1].end_ms - t.segments[1].start_ms);
        assert_eq!((t.segments[0].end_ms, cycle), (5_450, 10_900));
        assert!((60_000.0 / cycle as f64 - 5.5).abs() < 0.01);
        assert_eq!(t.total_ms, 28 * 10_900);
        assert_eq!(phase_at(&t, 5_449).0, Phase::Inhale);
        assert_eq!(phase_at(&t, 5_450).0, Phase::Exhale);
        assert_eq!(phase_at(&t, 10_900), (Phase::Inhale, Some(2)));
        // Thirty minutes' worth lands on exact integers: no drift.
        let long = Timeline::builtin(BuiltIn::Coherent, opts(Length::Minutes(30))).unwrap();
        assert_eq!(long.cycles, Some(165));
        assert_eq!(long.segments.last().unwrap().start_ms, 164 * 10_900 + 5_450);
    }

    #[test]
    fn the_physiological_sigh_is_two_inhales_and_a_long_exhale() {
        let t = Timeline::builtin(BuiltIn::Sigh, opts(Length::Cycles(3))).unwrap();
        assert_eq!(t.total_ms, 27_000);
        let kinds: Vec<_> = t.segments[..3]
            .iter()
            .map(|s| (s.phase, s.end_ms))
            .collect();
        assert_eq!(
            kinds,
            vec![
                (Phase::Inhale, 2_000),
                (Phase::Inhale, 3_000),
                (Phase::Exhale, 9_000)
            ]
        );
        // The lungs fill over both inhales and empty over the exhale.
        assert!((t.segments[0].level_end - 2.0 / 3.0).abs() < 1e-9);
        assert_eq!(t.segments[1].level_end, 1.0);
        assert_eq!(t.segments[2].level_end, 0.0);
        let ext = Timeline::builtin(BuiltIn::ExtendedExhale, opts(Length::Standard)).unwrap();
        assert_eq!(ext.total_ms, 12 * 10_000);
        assert_eq!(phase_at(&ext, 3_999).0, Phase::Inhale);
        assert_eq!(phase_at(&ext, 4_000).0, Phase::Exhale);
        assert_eq!(phase_at(&ext, 9_999).0, Phase::Exhale);
    }

    #[test]
    fn minutes_become_whole_cycles() {
        let t = |m| {
            Timeline::builtin(BuiltIn::Box, opts(Length::Minutes(m)))
                .unwrap()
                .cycles
        };
        // 120 s / 16 s = 7.5 -> 8 cycles; 60 s -> 3.75 -> 4.
        assert_eq!(t(2), Some(8));
        assert_eq!(t(1), Some(4));
        assert!(matches!(
            Timeline::builtin(BuiltIn::Box, opts(Length::Minutes(0))),
            Err(Error::InvalidInput {
                field: "minutes",
                ..
            })
        ));
        assert!(matches!(
            Timeline::builtin(BuiltIn::Box, opts(Length::Minutes(31))),
            Err(Error::InvalidInput {
                field: "minutes",
                ..
            })
        ));
    }

    #[test]
    fn guided_scripts_stretch_to_the_chosen_minutes_exactly() {
        let three = Timeline::builtin(BuiltIn::Sober, opts(Length::Standard)).unwrap();
        assert_eq!(three.total_ms, 180_000);
        assert_eq!(three.segments.len(), 6);
        assert!(three.segments.iter().all(|s| s.phase == Phase::Guided));
        assert!(three.segments[1].text.starts_with("S — Stop"));
        assert!(three.segments[5].text.starts_with("R — Respond"));
        assert_eq!(phase_at(&three, 10_000).0, Phase::Guided);
        assert_eq!(three.frame(10_000).segment, 1);
        assert_eq!(three.frame(9_999).segment, 0);
        let five = Timeline::builtin(BuiltIn::Sober, opts(Length::Minutes(5))).unwrap();
        assert_eq!(five.total_ms, 300_000);
        // The introduction keeps its 10 s; the rest grows in proportion.
        assert_eq!(five.segments[0].end_ms, 10_000);
        assert_eq!(
            five.segments[1].end_ms - five.segments[1].start_ms,
            15_000 * 290 / 170
        );
        assert!(five.cues.iter().filter(|c| c.kind == CueKind::Step).count() == 6);
        assert_eq!(five.cues.last().unwrap().kind, CueKind::Finish);
        for (b, m) in [(BuiltIn::BodyScan, 30), (BuiltIn::Grounding, 2)] {
            let t = Timeline::builtin(b, opts(Length::Minutes(m))).unwrap();
            assert_eq!(t.total_ms, u64::from(m) * 60_000);
        }
        let err = |b, length| match Timeline::builtin(b, opts(length)) {
            Err(Error::InvalidInput { field, .. }) => field,
            other => panic!("expected invalid input, got {other:?}"),
        };
        assert_eq!(err(BuiltIn::Sober, Length::Minutes(6)), "minutes");
        assert_eq!(err(BuiltIn::Sober, Length::Minutes(1)), "minutes");
        assert_eq!(err(BuiltIn::UrgeSurfing, Length::Cycles(4)), "cycles");
        assert_eq!(err(BuiltIn::Box, Length::Cycles(0)), "cycles");
        assert_eq!(err(BuiltIn::Box, Length::Cycles(113)), "cycles");
    }

    #[test]
    fn every_allowed_length_gives_steps_of_at_least_five_seconds() {
        for b in BuiltIn::ALL {
            let info = b.info(Language::Es);
            let lengths: Vec<Length> = match info.minutes_range {
                Some((lo, hi)) => (lo..=hi).map(Length::Minutes).collect(),
                None => info.durations.iter().map(|d| d.length).collect(),
            };
            for length in lengths {
                let t = Timeline::builtin(
                    b,
                    Options {
                        lang: Language::Es,
                        length,
                    },
                )
                .unwrap();
                assert!(t.segments.iter().all(|s| s.end_ms - s.start_ms >= 1_000));
                if info.minutes_range.is_some() {
                    assert!(
                        t.segments.iter().all(|s| s.end_ms - s.start_ms >= 5_000),
                        "{} at {length:?}",
                        b.id()
                    );
                }
                assert!(t.total_ms <= MAX_EXERCISE_MS);
            }
        }
    }

    #[test]
    fn spanish_cues_come_through() {
        let t = Timeline::builtin(
            BuiltIn::Box,
            Options {
                lang: Language::Es,
                length: Length::Standard,
            },
        )
        .unwrap();
        assert_eq!(t.frame(0).text, "Inhala despacio por la nariz");
        assert_eq!(t.frame(4_000).text, "Mantén el aire, sin tensión");
    }

    #[test]
    fn upcoming_cues_cover_the_horizon() {
        let t = Timeline::builtin(BuiltIn::Box, opts(Length::Standard)).unwrap();
        let f = t.frame(0);
        let at: Vec<u64> = f.upcoming.iter().map(|c| c.at_ms).collect();
        assert_eq!(
            at,
            vec![0, 4_000, 8_000, 12_000, 16_000, 20_000, 24_000, 28_000]
        );
        assert_eq!(f.upcoming[0].kind, CueKind::Inhale);
        assert_eq!(f.upcoming[0].kind.haptic(), Haptic::Medium);
        assert_eq!(f.upcoming[1].kind.sound(), Sound::Silent);
        let f = t.frame(4_001);
        assert_eq!(f.upcoming[0].at_ms, 8_000);
        assert_eq!(f.next_cue_ms, Some(8_000));
        assert_eq!(CueKind::Finish.sound(), Sound::Bell);
        assert_eq!(CueKind::Step.sound(), Sound::Chime);
    }

    fn any_timeline() -> impl Strategy<Value = Timeline> {
        let builtin = (0..BuiltIn::ALL.len(), 0u32..4, any::<bool>()).prop_filter_map(
            "valid length",
            |(i, choice, es)| {
                let b = BuiltIn::ALL[i];
                let info = b.info(Language::En);
                let length = match (choice, info.minutes_range) {
                    (0, _) => Length::Standard,
                    (_, Some((lo, hi))) => Length::Minutes(lo + choice % (hi - lo + 1)),
                    (_, None) => Length::Cycles(choice * 3),
                };
                let lang = if es { Language::Es } else { Language::En };
                Timeline::builtin(b, Options { lang, length }).ok()
            },
        );
        let custom = (
            1_000u32..=20_000,
            prop_oneof![Just(0u32), 1_000u32..=20_000],
            1_000u32..=20_000,
            prop_oneof![Just(0u32), 1_000u32..=20_000],
            1u32..=60,
        )
            .prop_filter_map(
                "valid pattern",
                |(inhale_ms, hold_in_ms, exhale_ms, hold_out_ms, cycles)| {
                    let p = BreathingPattern::new(&PatternDraft {
                        name: "mine".into(),
                        inhale_ms,
                        hold_in_ms,
                        exhale_ms,
                        hold_out_ms,
                        cycles,
                    })
                    .ok()?;
                    Timeline::for_pattern(RecordId([1; 16]), &p, Options::default()).ok()
                },
            );
        prop_oneof![builtin, custom]
    }

    proptest! {
        #[test]
        fn segments_tile_the_duration(t in any_timeline()) {
            prop_assert!(t.total_ms > 0 && t.total_ms <= MAX_EXERCISE_MS);
            prop_assert_eq!(t.segments[0].start_ms, 0);
            prop_assert_eq!(t.segments.last().unwrap().end_ms, t.total_ms);
            for w in t.segments.windows(2) {
                prop_assert_eq!(w[0].end_ms, w[1].start_ms);
            }
            for s in &t.segments {
                prop_assert!(s.start_ms < s.end_ms);
                prop_assert!((0.0..=1.0).contains(&s.level_start));
                prop_assert!((0.0..=1.0).contains(&s.level_end));
            }
        }

        #[test]
        fn cues_are_sorted_and_inside(t in any_timeline()) {
            prop_assert_eq!(t.cues.len(), t.segments.len() + 1);
            for (i, c) in t.cues.iter().enumerate() {
                prop_assert_eq!(c.index, i);
                prop_assert!(c.at_ms <= t.total_ms);
                prop_assert!(c.segment < t.segments.len());
            }
            for w in t.cues.windows(2) {
                prop_assert!(w[0].at_ms < w[1].at_ms);
            }
            prop_assert_eq!(t.cues.last().unwrap().at_ms, t.total_ms);
        }

        #[test]
        fn frames_are_consistent_and_progress_is_monotonic(
            t in any_timeline(),
            a in 0u64..2_000_000,
            d in 0u64..100_000,
        ) {
            let b = a + d;
            let (fa, fb) = (t.frame(a), t.frame(b));
            prop_assert!(fa.progress <= fb.progress);
            prop_assert!(fa.elapsed_ms <= fb.elapsed_ms);
            prop_assert!(fa.segment <= fb.segment);
            prop_assert!(fa.remaining_ms >= fb.remaining_ms);
            prop_assert!(!fa.finished || fb.finished);
            for f in [&fa, &fb] {
                prop_assert!((0.0..=1.0).contains(&f.progress));
                prop_assert!((0.0..=1.0).contains(&f.phase_progress));
                prop_assert!((0.0..=1.0).contains(&f.breath_level));
                prop_assert_eq!(f.elapsed_ms + f.remaining_ms, t.total_ms);
                let s = &t.segments[f.segment];
                prop_assert_eq!((f.phase, f.text), (s.phase, s.text));
                if f.finished {
                    prop_assert_eq!(f.segment, t.segments.len() - 1);
                } else {
                    prop_assert!(s.start_ms <= f.elapsed_ms && f.elapsed_ms < s.end_ms);
                    let next = f.next_cue_ms.unwrap();
                    prop_assert!(next > f.elapsed_ms && next <= s.end_ms);
                }
                for w in f.upcoming.windows(2) {
                    prop_assert!(w[0].at_ms < w[1].at_ms);
                }
            }
            // Within one segment, the phase progress grows too.
            if fa.segment == fb.segment && !fb.finished {
                prop_assert!(fa.phase_progress <= fb.phase_progress);
            }
            prop_assert!(fa.upcoming.iter().all(|c| c.at_ms >= a && c.at_ms < a + CUE_HORIZON_MS));
        }
    }
}
