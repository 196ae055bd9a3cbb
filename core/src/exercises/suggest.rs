//! The exercise the Today screen suggests: a pure function of a few simple
//! inputs, so the Today module (and tests) can call it with any "now".
//!
//! Rules, first match wins:
//! 1. A craving is in progress (intensity 1–10): the exercise that eased
//!    cravings most for this participant, if one has at least
//!    [`HELPED_MIN_SESSIONS`] rated sessions and an average drop of at least
//!    [`HELPED_MIN_DROP`] points; otherwise urge surfing (MBRP's practice
//!    for riding out a craving).
//! 2. The local hour is one of the participant's high-risk hours: the SOBER
//!    breathing space (MBRP's practice for high-risk situations).
//! 3. By local time of day: morning (05–11) box breathing, afternoon
//!    (12–17) coherent breathing, evening (18–21) extended exhale, night
//!    (22–04) 4-7-8 breathing.

use chrono::Timelike;

use super::session::Insight;
use super::{BuiltIn, ExerciseRef, Language, Text, t};
use crate::error::{Error, Result};
use crate::time::LocalInstant;

/// Rated sessions an exercise needs before it is suggested as "helped".
pub const HELPED_MIN_SESSIONS: u32 = 3;
/// The average craving drop (points out of 10) that counts as "helped".
pub const HELPED_MIN_DROP: f64 = 2.0;

/// What the suggestion is based on.
#[derive(Debug, Clone, Copy)]
pub struct SuggestionContext<'a> {
    /// Now, with the participant's local offset.
    pub now: LocalInstant,
    /// The intensity (0–10) of a craving in progress, if any; the caller
    /// decides what "in progress" means. 0 counts as no craving.
    pub craving_intensity: Option<u8>,
    /// Local hours (0–23) the participant's plan marks as high-risk.
    pub high_risk_hours: &'a [u8],
    /// The participant's insight ([`super::session::insights`]), limited by
    /// the caller to exercises that still exist.
    pub insights: &'a [Insight],
}

/// Why an exercise was suggested.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SuggestionReason {
    /// It eased the participant's cravings before.
    HelpedBefore,
    /// A craving is in progress.
    Craving,
    /// It is one of the participant's high-risk hours.
    HighRiskTime,
    /// Morning.
    Morning,
    /// Afternoon.
    Afternoon,
    /// Evening.
    Evening,
    /// Night.
    Night,
}

impl SuggestionReason {
    /// Every reason.
    pub const ALL: [SuggestionReason; 7] = [
        SuggestionReason::HelpedBefore,
        SuggestionReason::Craving,
        SuggestionReason::HighRiskTime,
        SuggestionReason::Morning,
        SuggestionReason::Afternoon,
        SuggestionReason::Evening,
        SuggestionReason::Night,
    ];

    /// One line the Today screen shows under the suggestion.
    pub fn text(self, lang: Language) -> &'static str {
        let text: Text = match self {
            SuggestionReason::HelpedBefore => t(
                "This has helped you with cravings before.",
                "Esto ya te ha ayudado otras veces con las ganas de consumir.",
            ),
            SuggestionReason::Craving => t(
                "A craving is like a wave: it rises, peaks and passes. You can ride it out.",
                "Las ganas de consumir son como una ola: suben, llegan a su punto más alto y pasan. Puedes dejarlas pasar.",
            ),
            SuggestionReason::HighRiskTime => t(
                "This is one of your high-risk times. A short pause can help you choose your next step.",
                "Es uno de tus momentos de riesgo. Una pausa breve puede ayudarte a elegir tu siguiente paso.",
            ),
            SuggestionReason::Morning => t(
                "A steady start to your day.",
                "Un comienzo sereno para tu día.",
            ),
            SuggestionReason::Afternoon => t(
                "A few minutes to reset in the middle of the day.",
                "Unos minutos para recargarte a mitad del día.",
            ),
            SuggestionReason::Evening => {
                t("Let the day's tension ease.", "Deja ir la tensión del día.")
            }
            SuggestionReason::Night => t(
                "Help your body wind down for sleep.",
                "Ayuda a tu cuerpo a prepararse para dormir.",
            ),
        };
        lang.text(&text)
    }
}

/// A suggested exercise, to run at its default length.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Suggestion {
    /// Which exercise.
    pub exercise: ExerciseRef,
    /// Why.
    pub reason: SuggestionReason,
}

/// The exercise that eased cravings most, if it clears the bar.
fn helped_most(insights: &[Insight]) -> Option<ExerciseRef> {
    insights
        .iter()
        .filter_map(|i| {
            let drop = i.average_drop?;
            let exercise = ExerciseRef::parse("exercise_id", &i.exercise_id).ok()?;
            (i.rated_sessions >= HELPED_MIN_SESSIONS && drop >= HELPED_MIN_DROP).then_some((
                drop,
                i.rated_sessions,
                exercise,
            ))
        })
        .max_by(|a, b| {
            a.0.total_cmp(&b.0)
                .then(a.1.cmp(&b.1))
                // Ties go to the smaller id, so the answer is stable.
                .then(b.2.cmp(&a.2))
        })
        .map(|(_, _, e)| e)
}

/// Picks an exercise for the Today screen.
pub fn suggestion(ctx: &SuggestionContext<'_>) -> Result<Suggestion> {
    let now = ctx.now.validate("now")?;
    if ctx.craving_intensity.is_some_and(|c| c > 10) {
        return Err(Error::invalid("craving_intensity", "out_of_range"));
    }
    if ctx.high_risk_hours.iter().any(|&h| h > 23) {
        return Err(Error::invalid("high_risk_hours", "out_of_range"));
    }
    let pick = |b: BuiltIn, reason| Suggestion {
        exercise: ExerciseRef::BuiltIn(b),
        reason,
    };
    if ctx.craving_intensity.is_some_and(|c| c > 0) {
        return Ok(match helped_most(ctx.insights) {
            Some(exercise) => Suggestion {
                exercise,
                reason: SuggestionReason::HelpedBefore,
            },
            None => pick(BuiltIn::UrgeSurfing, SuggestionReason::Craving),
        });
    }
    let hour = now
        .to_local()
        .map(|t| t.hour())
        .ok_or_else(|| Error::invalid("now", "out_of_range"))?;
    if ctx.high_risk_hours.iter().any(|&h| u32::from(h) == hour) {
        return Ok(pick(BuiltIn::Sober, SuggestionReason::HighRiskTime));
    }
    Ok(match hour {
        5..=11 => pick(BuiltIn::Box, SuggestionReason::Morning),
        12..=17 => pick(BuiltIn::Coherent, SuggestionReason::Afternoon),
        18..=21 => pick(BuiltIn::ExtendedExhale, SuggestionReason::Evening),
        _ => pick(BuiltIn::FourSevenEight, SuggestionReason::Night),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::RecordId;

    /// 2025-11-24T00:00:00Z.
    const MIDNIGHT_UTC: i64 = 1_763_942_400_000;

    /// `hour`:00 local time in New York (UTC-5) on 2025-11-24.
    fn local(hour: i64) -> LocalInstant {
        LocalInstant {
            utc_millis: MIDNIGHT_UTC + (hour + 5) * 3_600_000,
            offset_minutes: -300,
        }
    }

    fn ctx<'a>(
        hour: i64,
        craving: Option<u8>,
        risky: &'a [u8],
        insights: &'a [Insight],
    ) -> SuggestionContext<'a> {
        SuggestionContext {
            now: local(hour),
            craving_intensity: craving,
            high_risk_hours: risky,
            insights,
        }
    }

    fn picked(c: SuggestionContext<'_>) -> (ExerciseRef, SuggestionReason) {
        let s = suggestion(&c).unwrap();
        (s.exercise, s.reason)
    }

    fn insight(id: &str, rated: u32, drop: f64) -> Insight {
        Insight {
            exercise_id: id.into(),
            exercise_name: None,
            sessions: rated,
            finished: rated,
            rated_sessions: rated,
            average_drop: Some(drop),
        }
    }

    use BuiltIn::*;
    use SuggestionReason::*;

    #[test]
    fn time_of_day_uses_the_local_hour() {
        let b = ExerciseRef::BuiltIn;
        assert_eq!(picked(ctx(7, None, &[], &[])), (b(Box), Morning));
        assert_eq!(picked(ctx(11, None, &[], &[])), (b(Box), Morning));
        assert_eq!(picked(ctx(12, None, &[], &[])), (b(Coherent), Afternoon));
        assert_eq!(
            picked(ctx(19, None, &[], &[])),
            (b(ExtendedExhale), Evening)
        );
        assert_eq!(picked(ctx(23, None, &[], &[])), (b(FourSevenEight), Night));
        assert_eq!(picked(ctx(3, None, &[], &[])), (b(FourSevenEight), Night));
        // 07:00 in New York is 12:00 UTC: the offset decides.
        let tokyo = SuggestionContext {
            now: LocalInstant {
                offset_minutes: 540,
                ..local(7)
            },
            ..ctx(7, None, &[], &[])
        };
        assert_eq!(picked(tokyo).1, Evening);
    }

    #[test]
    fn cravings_and_risky_hours_come_first() {
        let b = ExerciseRef::BuiltIn;
        assert_eq!(picked(ctx(7, Some(6), &[], &[])), (b(UrgeSurfing), Craving));
        assert_eq!(picked(ctx(7, Some(0), &[], &[])), (b(Box), Morning));
        assert_eq!(
            picked(ctx(19, None, &[19, 20], &[])),
            (b(Sober), HighRiskTime)
        );
        assert_eq!(
            picked(ctx(19, Some(2), &[19], &[])),
            (b(UrgeSurfing), Craving)
        );
        let custom = format!("custom.{}", RecordId([5; 16]));
        let history = [
            insight("breath.box", 5, 1.5),
            insight("breath.sigh", 2, 6.0),
            insight("mbrp.sober", 4, 2.5),
            insight(&custom, 3, 2.5),
            insight("breath.retired", 9, 9.0),
        ];
        // Sigh has too few sessions, box too small a drop, the unknown id is
        // skipped; SOBER ties the custom pattern on drop and wins on count.
        assert_eq!(
            picked(ctx(7, Some(5), &[], &history)),
            (b(Sober), HelpedBefore)
        );
        assert_eq!(
            picked(ctx(7, Some(5), &[], &history[3..])),
            (ExerciseRef::Custom(RecordId([5; 16])), HelpedBefore)
        );
        assert_eq!(picked(ctx(7, None, &[], &history)).1, Morning);
    }

    #[test]
    fn bad_inputs_are_refused() {
        let field = |c: SuggestionContext<'_>| match suggestion(&c) {
            Err(Error::InvalidInput { field, .. }) => field,
            other => panic!("expected invalid input, got {other:?}"),
        };
        assert_eq!(field(ctx(7, Some(11), &[], &[])), "craving_intensity");
        assert_eq!(field(ctx(7, None, &[24], &[])), "high_risk_hours");
        let bad_now = SuggestionContext {
            now: LocalInstant {
                utc_millis: 0,
                offset_minutes: 0,
            },
            ..ctx(7, None, &[], &[])
        };
        assert_eq!(field(bad_now), "now");
    }

    #[test]
    fn every_reason_reads_in_both_languages() {
        for r in [
            HelpedBefore,
            Craving,
            HighRiskTime,
            Morning,
            Afternoon,
            Evening,
            Night,
        ] {
            assert!(!r.text(Language::En).is_empty());
            assert_ne!(r.text(Language::En), r.text(Language::Es));
        }
    }
}
