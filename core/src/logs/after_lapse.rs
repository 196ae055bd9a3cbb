//! What the app says right after a lapse is logged.
//!
//! Written with the abstinence violation effect in mind (Marlatt & Gordon's
//! relapse-prevention model): after a lapse, guilt and the thought "I've
//! blown it, so why stop now" are what turn one use into a relapse. So the
//! message names that reaction as common and passing, says the lapse does
//! not erase what the participant achieved, treats it as information for
//! them and their counselor, and points to the next concrete steps of their
//! own lapse plan. No shame, no verdicts, no counting what was lost.

use crate::language::{Language, Text, t};
use crate::plan::LapsePlan;

/// The message shown after a lapse, in one language, ready to render:
/// the title, then the paragraphs, then the steps under their heading,
/// then the safety lines under theirs (if any).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AfterLapse {
    pub title: String,
    pub paragraphs: Vec<String>,
    /// The heading over `next_steps`.
    pub next_steps_heading: String,
    /// The participant's own lapse-plan steps; a short default set if their
    /// plan has none.
    pub next_steps: Vec<String>,
    /// The heading over `safety` (empty when `safety` is).
    pub safety_heading: String,
    /// The plan's overdose-safety lines (tolerance falls after a break).
    pub safety: Vec<String>,
}

/// The title.
pub const TITLE: Text = t(
    "Thank you for logging this. A lapse is not a failure.",
    "Gracias por registrarlo. Un desliz no es un fracaso.",
);

/// The paragraphs every message has, in order.
pub const PARAGRAPHS: [Text; 3] = [
    t(
        "A lapse is one moment, not the end of your recovery. The days you stayed sober \
         and everything you have learned still count.",
        "Un desliz es un momento, no el final de tu recuperación. Los días que te \
         mantuviste sin consumir y todo lo que has aprendido siguen contando.",
    ),
    t(
        "Guilt, shame or the thought \u{201c}I've blown it, so why stop now\u{201d} are common \
         right after a lapse. They are feelings, not facts, and they pass. The next choice \
         is still yours.",
        "La culpa, la vergüenza o el pensamiento \u{ab}ya lo arruiné, ¿para qué parar?\u{bb} son \
         comunes justo después de un desliz. Son sentimientos, no hechos, y pasan. La \
         siguiente decisión sigue siendo tuya.",
    ),
    t(
        "Look at it as information: what was going on before, where you were, who you were \
         with, how you felt. Bring it to your counselor or your group; it shows where your \
         plan needs more support.",
        "Míralo como información: qué estaba pasando antes, dónde estabas, con quién y cómo \
         te sentías. Llévalo a tu consejero o a tu grupo; muestra dónde tu plan necesita \
         más apoyo.",
    ),
];

/// The last paragraph when the lapse restarts clocks.
pub const CLOCKS_RESTART: Text = t(
    "Your clock starts again tomorrow. Your history stays, and nothing you achieved is \
     erased.",
    "Tu contador vuelve a empezar mañana. Tu historial se conserva y nada de lo que \
     lograste se borra.",
);

/// The last paragraph when it does not.
pub const CLOCKS_KEEP: Text = t(
    "Your clocks keep counting. The lapse stays in your history, for you and your \
     counselor.",
    "Tus contadores siguen contando. El desliz queda en tu historial, para ti y tu \
     consejero.",
);

/// The heading over the next steps.
pub const NEXT_STEPS: Text = t(
    "What to do now, from your plan",
    "Qué hacer ahora, según tu plan",
);

/// The steps offered when the participant's lapse plan has none.
pub const DEFAULT_STEPS: [Text; 3] = [
    t(
        "Get to a safe place and stop for now.",
        "Ponte a salvo y detente por ahora.",
    ),
    t(
        "Reach out today to someone you trust or to your counselor.",
        "Busca hoy a alguien de confianza o a tu consejero.",
    ),
    t(
        "Go to your next group session or meeting.",
        "Ve a tu próxima sesión de grupo o reunión.",
    ),
];

/// The heading over the overdose-safety lines.
pub const SAFETY: Text = t("Stay safe", "Cuídate");

/// The message for a lapse the participant just logged: `plan` is their
/// lapse plan (its steps and safety lines are theirs, as written);
/// `restarts_clocks` says whether the lapse restarted any clock.
pub fn message(plan: &LapsePlan, restarts_clocks: bool, lang: Language) -> AfterLapse {
    let mut paragraphs: Vec<String> = PARAGRAPHS
        .iter()
        .map(|p| lang.text(p).to_string())
        .collect();
    paragraphs.push(
        lang.text(if restarts_clocks {
            &CLOCKS_RESTART
        } else {
            &CLOCKS_KEEP
        })
        .to_string(),
    );
    let own: Vec<String> = plan
        .steps
        .iter()
        .filter(|s| !s.trim().is_empty())
        .cloned()
        .collect();
    let next_steps = if own.is_empty() {
        DEFAULT_STEPS
            .iter()
            .map(|s| lang.text(s).to_string())
            .collect()
    } else {
        own
    };
    let safety: Vec<String> = plan
        .overdose_safety
        .iter()
        .filter(|s| !s.trim().is_empty())
        .cloned()
        .collect();
    AfterLapse {
        title: lang.text(&TITLE).to_string(),
        paragraphs,
        next_steps_heading: lang.text(&NEXT_STEPS).to_string(),
        next_steps,
        safety_heading: if safety.is_empty() {
            String::new()
        } else {
            lang.text(&SAFETY).to_string()
        },
        safety,
    }
}

/// Every text of this module, for the catalogue check.
pub fn catalogue() -> Vec<Text> {
    let mut all = vec![TITLE, CLOCKS_RESTART, CLOCKS_KEEP, NEXT_STEPS, SAFETY];
    all.extend(PARAGRAPHS);
    all.extend(DEFAULT_STEPS);
    all
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::template;

    #[test]
    fn the_message_uses_the_participants_own_plan() {
        for lang in Language::ALL {
            let plan = template(lang).unwrap().lapse_plan;
            let m = message(&plan, true, lang);
            assert_eq!(m.next_steps, plan.steps);
            assert_eq!(m.safety, plan.overdose_safety);
            assert!(!m.safety_heading.is_empty());
            assert_eq!(m.paragraphs.len(), 4);
            assert_eq!(m.paragraphs[3], lang.text(&CLOCKS_RESTART));
            let kept = message(&plan, false, lang);
            assert_eq!(kept.paragraphs[3], lang.text(&CLOCKS_KEEP));
        }
    }

    #[test]
    fn an_empty_plan_gets_default_steps_and_no_safety_heading() {
        let plan = LapsePlan {
            steps: vec![" ".into()],
            overdose_safety: vec![],
            crisis_lines: vec![],
        };
        let en = message(&plan, false, Language::En);
        let es = message(&plan, false, Language::Es);
        assert_eq!(en.next_steps.len(), 3);
        assert_ne!(en.next_steps, es.next_steps);
        assert!(en.safety.is_empty() && en.safety_heading.is_empty());
        assert_ne!(en.title, es.title);
    }

    #[test]
    fn no_shaming_words() {
        // The abstinence violation effect feeds on verdicts; the message
        // never passes one.
        for text in catalogue() {
            for word in ["failed", "relapsed", "weak", "ruined", "disappoint"] {
                assert!(!text.en.to_lowercase().contains(word), "{}", text.en);
            }
            for word in ["fallaste", "débil", "decepcion"] {
                assert!(!text.es.to_lowercase().contains(word), "{}", text.es);
            }
        }
    }
}
