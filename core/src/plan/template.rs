//! The guided template a new participant starts from: one example in every
//! section, in English or Spanish, for them to edit with their counselor.
//!
//! The examples are deliberately ordinary and editable; they are not advice.
//! The crisis lines are the US defaults (988 and SAMHSA's National Helpline)
//! and are meant to be changed by participants in other countries.

use super::model::{
    ContactRole, CopingPlan, CrisisLine, LapsePlan, Plan, RelapseStage, RiskLevel, SupportContact,
    Trigger, TriggerCategory, WarningSign, new_item_id,
};
use crate::error::Result;
pub use crate::language::Language;

/// The default crisis lines (US), named as their operators name them: the
/// 988 Suicide & Crisis Lifeline (call or text 988) and SAMHSA's National
/// Helpline, 1-800-662-HELP (4357), a free, confidential treatment referral
/// and information service in English and Spanish.
pub fn default_crisis_lines(lang: Language) -> Vec<CrisisLine> {
    let (lifeline, lifeline_note, samhsa, samhsa_note) = match lang {
        Language::En => (
            "988 Suicide & Crisis Lifeline",
            "Call or text, 24/7",
            "SAMHSA's National Helpline",
            "Free, confidential treatment referral and information, 24/7, English and Spanish",
        ),
        Language::Es => (
            "988 Línea de Prevención del Suicidio y Crisis",
            "Llama o envía un mensaje de texto, 24/7",
            "Línea Nacional de Ayuda de SAMHSA",
            "Referidos a tratamiento e información, gratuita y confidencial, 24/7, en inglés y español",
        ),
    };
    vec![
        CrisisLine {
            name: lifeline.into(),
            phone: "988".into(),
            can_text: true,
            note: lifeline_note.into(),
        },
        CrisisLine {
            name: samhsa.into(),
            phone: "1-800-662-4357".into(),
            can_text: false,
            note: samhsa_note.into(),
        },
    ]
}

/// The texts of one language.
struct Texts {
    reasons: [&'static str; 3],
    goals: [&'static str; 3],
    warning_signs: [(RelapseStage, &'static str); 6],
    /// Name, category, risk.
    triggers: [(&'static str, TriggerCategory, RiskLevel); 6],
    /// If, then, indexes of the triggers it answers.
    coping: [(&'static str, &'static str, &'static [usize]); 4],
    contacts: [(&'static str, ContactRole, &'static str); 2],
    lapse_steps: [&'static str; 5],
    overdose: [&'static str; 4],
    routine: [&'static str; 4],
}

const ENGLISH: Texts = Texts {
    reasons: [
        "Be there for my family",
        "Feel healthy and clear-headed",
        "Keep my job and rebuild trust",
    ],
    goals: [
        "Go to every IOP group this month",
        "Go to three meetings a week",
        "Sleep seven hours a night",
    ],
    warning_signs: [
        (RelapseStage::Emotional, "Isolating and skipping meetings"),
        (RelapseStage::Emotional, "Not eating or sleeping well"),
        (
            RelapseStage::Mental,
            "Thinking about the people and places from when I used",
        ),
        (
            RelapseStage::Mental,
            "Telling myself \"just once won't hurt\"",
        ),
        (RelapseStage::Physical, "Driving toward where I used to buy"),
        (
            RelapseStage::Physical,
            "Having cash and a free evening with no plan",
        ),
    ],
    triggers: [
        (
            "Lonely after work",
            TriggerCategory::Lonely,
            RiskLevel::High,
        ),
        (
            "Tired at the end of a long shift",
            TriggerCategory::Tired,
            RiskLevel::Medium,
        ),
        (
            "Angry after an argument",
            TriggerCategory::Angry,
            RiskLevel::High,
        ),
        ("Payday on Friday", TriggerCategory::Time, RiskLevel::High),
        (
            "The bar on my way home",
            TriggerCategory::Place,
            RiskLevel::High,
        ),
        (
            "Old friends I used with",
            TriggerCategory::People,
            RiskLevel::Medium,
        ),
    ],
    coping: [
        (
            "If I feel lonely after work",
            "then I call Sam and go to the 7 pm meeting",
            &[0],
        ),
        (
            "If I am tired or hungry and a craving starts",
            "then I eat something, drink water and rest before deciding anything",
            &[1],
        ),
        (
            "If I get paid or drive past the bar",
            "then I take the other route home and text my sponsor",
            &[3, 4],
        ),
        (
            "If I am angry after an argument",
            "then I walk for 15 minutes and write down what happened",
            &[2],
        ),
    ],
    contacts: [
        ("Sam", ContactRole::Sponsor, "Call or text any time"),
        (
            "My IOP counselor",
            ContactRole::Counselor,
            "Weekdays, at the clinic",
        ),
    ],
    lapse_steps: [
        "Stop and get safe: leave the place and do not use more",
        "A lapse is information, not failure: call my sponsor or counselor today",
        "Write down what happened and what triggered it",
        "Go to a meeting within 24 hours",
        "Review this plan with my counselor at the next session",
    ],
    overdose: [
        "Carry naloxone (Narcan) and tell the people close to me where it is",
        "Never use alone",
        "After a break my tolerance is lower: a usual amount can cause an overdose",
        "If someone cannot be woken: call 911, give naloxone, keep them breathing and on their side",
    ],
    routine: [
        "Walk for 20 minutes after lunch",
        "Eat three regular meals",
        "In bed by 11 pm",
        "Call one person in recovery every day",
    ],
};

const SPANISH: Texts = Texts {
    reasons: [
        "Estar presente para mi familia",
        "Sentirme sano y con la mente clara",
        "Conservar mi trabajo y recuperar la confianza",
    ],
    goals: [
        "Ir a todas las sesiones del programa este mes",
        "Ir a tres reuniones por semana",
        "Dormir siete horas cada noche",
    ],
    warning_signs: [
        (RelapseStage::Emotional, "Aislarme y faltar a las reuniones"),
        (RelapseStage::Emotional, "No comer ni dormir bien"),
        (
            RelapseStage::Mental,
            "Pensar en la gente y los lugares de cuando consumía",
        ),
        (RelapseStage::Mental, "Decirme \"una vez no hace daño\""),
        (RelapseStage::Physical, "Manejar hacia donde antes compraba"),
        (
            RelapseStage::Physical,
            "Tener dinero y una noche libre sin plan",
        ),
    ],
    triggers: [
        (
            "Soledad después del trabajo",
            TriggerCategory::Lonely,
            RiskLevel::High,
        ),
        (
            "Cansancio al final de un turno largo",
            TriggerCategory::Tired,
            RiskLevel::Medium,
        ),
        (
            "Enojo después de una discusión",
            TriggerCategory::Angry,
            RiskLevel::High,
        ),
        (
            "El día de pago, los viernes",
            TriggerCategory::Time,
            RiskLevel::High,
        ),
        (
            "El bar de camino a casa",
            TriggerCategory::Place,
            RiskLevel::High,
        ),
        (
            "Viejos amigos con los que consumía",
            TriggerCategory::People,
            RiskLevel::Medium,
        ),
    ],
    coping: [
        (
            "Si me siento solo después del trabajo",
            "entonces llamo a Sam y voy a la reunión de las 7 pm",
            &[0],
        ),
        (
            "Si estoy cansado o con hambre y empieza un antojo",
            "entonces como algo, tomo agua y descanso antes de decidir nada",
            &[1],
        ),
        (
            "Si me pagan o paso frente al bar",
            "entonces tomo otro camino a casa y le escribo a mi padrino",
            &[3, 4],
        ),
        (
            "Si estoy enojado después de una discusión",
            "entonces camino 15 minutos y escribo lo que pasó",
            &[2],
        ),
    ],
    contacts: [
        (
            "Sam",
            ContactRole::Sponsor,
            "Llamar o escribir a cualquier hora",
        ),
        (
            "Mi consejero del programa",
            ContactRole::Counselor,
            "Entre semana, en la clínica",
        ),
    ],
    lapse_steps: [
        "Parar y ponerme a salvo: salir del lugar y no consumir más",
        "Un desliz es información, no un fracaso: llamar hoy a mi padrino o consejero",
        "Escribir lo que pasó y qué lo provocó",
        "Ir a una reunión en las próximas 24 horas",
        "Revisar este plan con mi consejero en la próxima sesión",
    ],
    overdose: [
        "Llevar naloxona (Narcan) y decirle a mis personas cercanas dónde está",
        "Nunca consumir solo",
        "Después de una pausa mi tolerancia es menor: la cantidad de siempre puede causar una sobredosis",
        "Si alguien no despierta: llamar al 911, darle naloxona, ayudarle a respirar y ponerlo de lado",
    ],
    routine: [
        "Caminar 20 minutos después del almuerzo",
        "Comer tres comidas a sus horas",
        "Acostarme antes de las 11 pm",
        "Llamar cada día a una persona en recuperación",
    ],
};

/// A fresh plan with example entries, with new random item ids.
pub fn template(lang: Language) -> Result<Plan> {
    let t = match lang {
        Language::En => &ENGLISH,
        Language::Es => &SPANISH,
    };
    let strings = |items: &[&str]| items.iter().map(|s| (*s).to_string()).collect::<Vec<_>>();
    let triggers = t
        .triggers
        .iter()
        .map(|(name, category, risk)| {
            Ok(Trigger {
                id: new_item_id()?,
                name: (*name).into(),
                category: *category,
                risk: *risk,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    let coping_plans = t
        .coping
        .iter()
        .map(|(when, then, linked)| {
            Ok(CopingPlan {
                id: new_item_id()?,
                if_situation: (*when).into(),
                then_action: (*then).into(),
                trigger_ids: linked
                    .iter()
                    .filter_map(|i| triggers.get(*i).map(|t| t.id.clone()))
                    .collect(),
            })
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(Plan {
        reasons: strings(&t.reasons),
        goals: strings(&t.goals),
        warning_signs: t
            .warning_signs
            .iter()
            .map(|(stage, text)| WarningSign {
                stage: *stage,
                text: (*text).into(),
            })
            .collect(),
        triggers,
        coping_plans,
        contacts: t
            .contacts
            .iter()
            .map(|(name, role, how)| SupportContact {
                name: (*name).into(),
                role: *role,
                phone: String::new(),
                how_to_reach: (*how).into(),
            })
            .collect(),
        lapse_plan: LapsePlan {
            steps: strings(&t.lapse_steps),
            overdose_safety: strings(&t.overdose),
            crisis_lines: default_crisis_lines(lang),
        },
        routine: strings(&t.routine),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_are_valid_plans_in_both_languages() {
        for lang in [Language::En, Language::Es] {
            let plan = template(lang).unwrap();
            assert_eq!(plan.clone().validated().unwrap(), plan);
            assert_eq!(plan.lapse_plan.crisis_lines[0].phone, "988");
            assert_eq!(plan.lapse_plan.crisis_lines[1].phone, "1-800-662-4357");
            assert!(plan.coping_plans.iter().all(|c| !c.trigger_ids.is_empty()));
            for stage in [
                RelapseStage::Emotional,
                RelapseStage::Mental,
                RelapseStage::Physical,
            ] {
                assert!(plan.warning_signs.iter().any(|w| w.stage == stage));
            }
            assert!(plan.triggers.iter().any(|t| t.category.is_internal()));
            assert!(plan.triggers.iter().any(|t| !t.category.is_internal()));
        }
        let en = template(Language::En).unwrap();
        let es = template(Language::Es).unwrap();
        assert_ne!(en.reasons, es.reasons);
        // Every template has fresh ids.
        assert_ne!(
            en.triggers[0].id,
            template(Language::En).unwrap().triggers[0].id
        );
    }
}
