//! The four built-in measures as data. Sources and terms of every language
//! version are in docs/measures.md; item wording follows the cited versions
//! and must never be edited to read better.

use super::model::{
    Alert, Ask, Band, Choice, Flag, Higher, Item, Measure, MeasureId, Scale, Source, Words, both,
    english,
};
use crate::language::{Language, t};

/// The measure `id`.
pub fn measure(id: MeasureId) -> &'static Measure {
    match id {
        MeasureId::Bam => &BAM,
        MeasureId::Phq9 => &PHQ9,
        MeasureId::Gad7 => &GAD7,
        MeasureId::AuditC => &AUDIT_C,
    }
}

const fn choice(value: u8, label: Words) -> Choice {
    Choice { value, label }
}

const fn required(
    key: &'static str,
    number: &'static str,
    text: Words,
    choices: &'static [Choice],
    higher: Higher,
    loinc: Option<&'static str>,
) -> Item {
    Item {
        key,
        number,
        group: None,
        text,
        choices,
        ask: Ask::Required,
        higher,
        loinc,
    }
}

// ---------------------------------------------------------------- PHQ-9

const PFIZER_TERMS: &str = "Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke \
and colleagues, with an educational grant from Pfizer Inc. No permission required to reproduce, \
translate, display or distribute (Pfizer made the PHQ and GAD-7 free to use without copyright \
restriction, 2010).";

/// Not at all / several days / more than half the days / nearly every day.
const PHQ_FREQUENCY: [Choice; 4] = [
    choice(0, both("Not at all", "Ningún día")),
    choice(1, both("Several days", "Varios días")),
    choice(
        2,
        both("More than half the days", "Más de la mitad de los días"),
    ),
    choice(3, both("Nearly every day", "Casi todos los días")),
];

/// The same scale as the GAD-7's Spanish (US) version words it.
const GAD_FREQUENCY: [Choice; 4] = [
    choice(0, both("Not at all", "Nunca")),
    choice(1, both("Several days", "Varios días")),
    choice(
        2,
        both("More than half the days", "Más de la mitad de los días"),
    ),
    choice(3, both("Nearly every day", "Casi todos los días")),
];

/// The difficulty question that closes the PHQ-9 and GAD-7 (not scored).
const DIFFICULTY_TEXT: Words = both(
    "If you checked off any problems, how difficult have these problems made it for you to do \
your work, take care of things at home, or get along with other people?",
    "Si marcó cualquiera de los problemas, ¿qué tanta dificultad le han dado estos problemas para \
hacer su trabajo, encargarse de las tareas del hogar, o llevarse bien con otras personas?",
);

const DIFFICULTY: [Choice; 4] = [
    choice(0, both("Not difficult at all", "No ha sido difícil")),
    choice(1, both("Somewhat difficult", "Un poco difícil")),
    choice(2, both("Very difficult", "Muy difícil")),
    choice(3, both("Extremely difficult", "Extremadamente difícil")),
];

const PHQ9_ITEMS: [Item; 10] = [
    required(
        "phq9.1",
        "1",
        both(
            "Little interest or pleasure in doing things",
            "Poco interés o placer en hacer cosas",
        ),
        &PHQ_FREQUENCY,
        Higher::Worse,
        Some("44250-9"),
    ),
    required(
        "phq9.2",
        "2",
        both(
            "Feeling down, depressed, or hopeless",
            "Se ha sentido decaído(a), deprimido(a) o sin esperanzas",
        ),
        &PHQ_FREQUENCY,
        Higher::Worse,
        Some("44255-8"),
    ),
    required(
        "phq9.3",
        "3",
        both(
            "Trouble falling or staying asleep, or sleeping too much",
            "Ha tenido dificultad para quedarse o permanecer dormido(a), o ha dormido demasiado",
        ),
        &PHQ_FREQUENCY,
        Higher::Worse,
        Some("44259-0"),
    ),
    required(
        "phq9.4",
        "4",
        both(
            "Feeling tired or having little energy",
            "Se ha sentido cansado(a) o con poca energía",
        ),
        &PHQ_FREQUENCY,
        Higher::Worse,
        Some("44254-1"),
    ),
    required(
        "phq9.5",
        "5",
        both(
            "Poor appetite or overeating",
            "Sin apetito o ha comido en exceso",
        ),
        &PHQ_FREQUENCY,
        Higher::Worse,
        Some("44251-7"),
    ),
    required(
        "phq9.6",
        "6",
        both(
            "Feeling bad about yourself — or that you are a failure or have let yourself or your \
family down",
            "Se ha sentido mal con usted mismo(a) – o que es un fracaso o que ha quedado mal con \
usted mismo(a) o con su familia",
        ),
        &PHQ_FREQUENCY,
        Higher::Worse,
        Some("44258-2"),
    ),
    required(
        "phq9.7",
        "7",
        both(
            "Trouble concentrating on things, such as reading the newspaper or watching television",
            "Ha tenido dificultad para concentrarse en ciertas actividades, tales como leer el \
periódico o ver la televisión",
        ),
        &PHQ_FREQUENCY,
        Higher::Worse,
        Some("44252-5"),
    ),
    required(
        "phq9.8",
        "8",
        both(
            "Moving or speaking so slowly that other people could have noticed? Or the opposite — \
being so fidgety or restless that you have been moving around a lot more than usual",
            "¿Se ha movido o hablado tan lento que otras personas podrían haberlo notado? o lo \
contrario – muy inquieto(a) o agitado(a) que ha estado moviéndose mucho más de lo normal",
        ),
        &PHQ_FREQUENCY,
        Higher::Worse,
        Some("44253-3"),
    ),
    required(
        "phq9.9",
        "9",
        both(
            "Thoughts that you would be better off dead or of hurting yourself in some way",
            "Pensamientos de que estaría mejor muerto(a) o de lastimarse de alguna manera",
        ),
        &PHQ_FREQUENCY,
        Higher::Worse,
        Some("44260-8"),
    ),
    Item {
        key: "phq9.10",
        number: "10",
        group: None,
        text: DIFFICULTY_TEXT,
        choices: &DIFFICULTY,
        ask: Ask::Optional,
        higher: Higher::Worse,
        loinc: None,
    },
];

const PHQ9_BANDS: [Band; 5] = [
    Band {
        min: 0,
        max: 4,
        label: t("Minimal", "Mínima"),
        meaning: t(
            "Few signs of depression in the last two weeks.",
            "Pocas señales de depresión en las últimas dos semanas.",
        ),
        attention: false,
    },
    Band {
        min: 5,
        max: 9,
        label: t("Mild", "Leve"),
        meaning: t(
            "Some signs of depression; worth keeping an eye on.",
            "Algunas señales de depresión; vale la pena estar atento.",
        ),
        attention: false,
    },
    Band {
        min: 10,
        max: 14,
        label: t("Moderate", "Moderada"),
        meaning: t(
            "Worth talking over with your counselor.",
            "Vale la pena hablarlo con tu consejero.",
        ),
        attention: true,
    },
    Band {
        min: 15,
        max: 19,
        label: t("Moderately severe", "Moderadamente grave"),
        meaning: t(
            "Worth talking over with your counselor soon.",
            "Vale la pena hablarlo pronto con tu consejero.",
        ),
        attention: true,
    },
    Band {
        min: 20,
        max: 27,
        label: t("Severe", "Grave"),
        meaning: t(
            "Please talk with your counselor or doctor soon; you deserve support.",
            "Habla pronto con tu consejero o médico; mereces apoyo.",
        ),
        attention: true,
    },
];

/// PHQ-9 (Kroenke, Spitzer & Williams 2001); Spanish (US) version by Pfizer.
pub const PHQ9: Measure = Measure {
    id: MeasureId::Phq9,
    version: 1,
    short_name: "PHQ-9",
    name: t(
        "Patient Health Questionnaire (PHQ-9)",
        "Cuestionario sobre la salud del paciente (PHQ-9)",
    ),
    instructions: Some(both(
        "Over the last 2 weeks, how often have you been bothered by any of the following problems?",
        "Durante las últimas 2 semanas, ¿qué tan seguido le han afectado cualquiera de los \
siguientes problemas?",
    )),
    recall_days: Some(14),
    items: &PHQ9_ITEMS,
    scales: &[Scale {
        key: "total",
        name: t("Total", "Total"),
        items: &[
            "phq9.1", "phq9.2", "phq9.3", "phq9.4", "phq9.5", "phq9.6", "phq9.7", "phq9.8",
            "phq9.9",
        ],
        higher: Higher::Worse,
        bands: &PHQ9_BANDS,
        loinc: Some("44261-6"),
    }],
    alerts: &[Alert {
        item: "phq9.9",
        above: 0,
        flag: Flag::Crisis,
    }],
    sources: &[
        Source {
            language: Language::En,
            citation: "PHQ-9, English (USA), Pfizer Inc. (phqscreeners.com); Kroenke K, Spitzer \
RL, Williams JB. The PHQ-9. J Gen Intern Med 2001;16:606-613.",
            terms: PFIZER_TERMS,
        },
        Source {
            language: Language::Es,
            citation: "PHQ-9, Spanish (USA), Pfizer Inc. (phqscreeners.com).",
            terms: PFIZER_TERMS,
        },
    ],
    loinc_panel: Some("44249-1"),
    default_every_days: 14,
    on_by_default: false,
};

// ---------------------------------------------------------------- GAD-7

const GAD7_ITEMS: [Item; 8] = [
    required(
        "gad7.1",
        "1",
        both(
            "Feeling nervous, anxious, or on edge",
            "Se ha sentido nervioso(a), ansioso(a) o con los nervios de punta",
        ),
        &GAD_FREQUENCY,
        Higher::Worse,
        Some("69725-0"),
    ),
    required(
        "gad7.2",
        "2",
        both(
            "Not being able to stop or control worrying",
            "No ha sido capaz de parar o controlar su preocupación",
        ),
        &GAD_FREQUENCY,
        Higher::Worse,
        Some("68509-9"),
    ),
    required(
        "gad7.3",
        "3",
        both(
            "Worrying too much about different things",
            "Se ha preocupado demasiado por motivos diferentes",
        ),
        &GAD_FREQUENCY,
        Higher::Worse,
        Some("69733-4"),
    ),
    required(
        "gad7.4",
        "4",
        both("Trouble relaxing", "Ha tenido dificultad para relajarse"),
        &GAD_FREQUENCY,
        Higher::Worse,
        Some("69734-2"),
    ),
    required(
        "gad7.5",
        "5",
        both(
            "Being so restless that it is hard to sit still",
            "Se ha sentido tan inquieto(a) que no ha podido quedarse quieto(a)",
        ),
        &GAD_FREQUENCY,
        Higher::Worse,
        Some("69735-9"),
    ),
    required(
        "gad7.6",
        "6",
        both(
            "Becoming easily annoyed or irritable",
            "Se ha molestado o irritado fácilmente",
        ),
        &GAD_FREQUENCY,
        Higher::Worse,
        Some("69689-8"),
    ),
    required(
        "gad7.7",
        "7",
        both(
            "Feeling afraid, as if something awful might happen",
            "Ha tenido miedo de que algo terrible fuera a pasar",
        ),
        &GAD_FREQUENCY,
        Higher::Worse,
        Some("69736-7"),
    ),
    Item {
        key: "gad7.8",
        number: "8",
        group: None,
        text: DIFFICULTY_TEXT,
        choices: &DIFFICULTY,
        ask: Ask::Optional,
        higher: Higher::Worse,
        loinc: None,
    },
];

const GAD7_BANDS: [Band; 4] = [
    Band {
        min: 0,
        max: 4,
        label: t("Minimal", "Mínima"),
        meaning: t(
            "Few signs of anxiety in the last two weeks.",
            "Pocas señales de ansiedad en las últimas dos semanas.",
        ),
        attention: false,
    },
    Band {
        min: 5,
        max: 9,
        label: t("Mild", "Leve"),
        meaning: t(
            "Some signs of anxiety; worth keeping an eye on.",
            "Algunas señales de ansiedad; vale la pena estar atento.",
        ),
        attention: false,
    },
    Band {
        min: 10,
        max: 14,
        label: t("Moderate", "Moderada"),
        meaning: t(
            "Worth talking over with your counselor.",
            "Vale la pena hablarlo con tu consejero.",
        ),
        attention: true,
    },
    Band {
        min: 15,
        max: 21,
        label: t("Severe", "Grave"),
        meaning: t(
            "Please talk with your counselor or doctor soon; you deserve support.",
            "Habla pronto con tu consejero o médico; mereces apoyo.",
        ),
        attention: true,
    },
];

/// GAD-7 (Spitzer, Kroenke, Williams & Löwe 2006); Spanish (US) by Pfizer.
pub const GAD7: Measure = Measure {
    id: MeasureId::Gad7,
    version: 1,
    short_name: "GAD-7",
    name: t(
        "Generalized Anxiety Disorder scale (GAD-7)",
        "Escala del trastorno de ansiedad generalizada (GAD-7)",
    ),
    instructions: Some(both(
        "Over the last 2 weeks, how often have you been bothered by the following problems?",
        "Durante las últimas 2 semanas, ¿con qué frecuencia le han molestado los siguientes \
problemas?",
    )),
    recall_days: Some(14),
    items: &GAD7_ITEMS,
    scales: &[Scale {
        key: "total",
        name: t("Total", "Total"),
        items: &[
            "gad7.1", "gad7.2", "gad7.3", "gad7.4", "gad7.5", "gad7.6", "gad7.7",
        ],
        higher: Higher::Worse,
        bands: &GAD7_BANDS,
        loinc: Some("70274-6"),
    }],
    alerts: &[],
    sources: &[
        Source {
            language: Language::En,
            citation: "GAD-7, English (USA), Pfizer Inc. (phqscreeners.com); Spitzer RL, Kroenke \
K, Williams JBW, Löwe B. Arch Intern Med 2006;166:1092-1097.",
            terms: PFIZER_TERMS,
        },
        Source {
            language: Language::Es,
            citation: "GAD-7, Spanish (USA), Pfizer Inc. (phqscreeners.com).",
            terms: PFIZER_TERMS,
        },
    ],
    loinc_panel: Some("69737-5"),
    default_every_days: 14,
    on_by_default: false,
};

// ---------------------------------------------------------------- AUDIT-C

const WHO_TERMS: &str = "World Health Organization, AUDIT manual (Babor, Higgins-Biddle, \
Saunders, Monteiro, 2nd ed., 2001, WHO/MSD/MSB/01.6a): the AUDIT is a WHO instrument in the \
public domain and may be used without permission.";

const AUDIT_C_ITEMS: [Item; 3] = [
    required(
        "auditc.1",
        "1",
        both(
            "How often do you have a drink containing alcohol?",
            "¿Con qué frecuencia consume alguna bebida alcohólica?",
        ),
        &[
            choice(0, both("Never", "Nunca")),
            choice(1, both("Monthly or less", "Una o menos veces al mes")),
            choice(2, both("2 to 4 times a month", "De 2 a 4 veces al mes")),
            choice(3, both("2 to 3 times a week", "De 2 a 3 veces a la semana")),
            choice(
                4,
                both("4 or more times a week", "4 o más veces a la semana"),
            ),
        ],
        Higher::Worse,
        Some("68518-0"),
    ),
    required(
        "auditc.2",
        "2",
        both(
            "How many drinks containing alcohol do you have on a typical day when you are \
drinking?",
            "¿Cuántas consumiciones de bebidas alcohólicas suele realizar en un día de consumo \
normal?",
        ),
        &[
            choice(0, both("1 or 2", "1 o 2")),
            choice(1, both("3 or 4", "3 o 4")),
            choice(2, both("5 or 6", "5 o 6")),
            choice(3, both("7, 8, or 9", "7, 8, o 9")),
            choice(4, both("10 or more", "10 o más")),
        ],
        Higher::Worse,
        Some("68519-8"),
    ),
    required(
        "auditc.3",
        "3",
        both(
            "How often do you have six or more drinks on one occasion?",
            "¿Con qué frecuencia toma 6 o más bebidas alcohólicas en un solo día?",
        ),
        &[
            choice(0, both("Never", "Nunca")),
            choice(1, both("Less than monthly", "Menos de una vez al mes")),
            choice(2, both("Monthly", "Mensualmente")),
            choice(3, both("Weekly", "Semanalmente")),
            choice(4, both("Daily or almost daily", "A diario o casi a diario")),
        ],
        Higher::Worse,
        Some("68520-6"),
    ),
];

const AUDIT_C_BANDS: [Band; 3] = [
    Band {
        min: 0,
        max: 2,
        label: t(
            "Below the screening cut-off",
            "Por debajo del punto de corte",
        ),
        meaning: t(
            "Below the usual cut-offs (3 for women, 4 for men).",
            "Por debajo de los puntos de corte habituales (3 para mujeres, 4 para hombres).",
        ),
        attention: false,
    },
    Band {
        min: 3,
        max: 3,
        label: t(
            "At the cut-off for women",
            "En el punto de corte para mujeres",
        ),
        meaning: t(
            "At the usual cut-off for women (3); below the one for men (4).",
            "En el punto de corte habitual para mujeres (3); por debajo del de hombres (4).",
        ),
        attention: true,
    },
    Band {
        min: 4,
        max: 12,
        label: t(
            "At or above the screening cut-off",
            "En o por encima del punto de corte",
        ),
        meaning: t(
            "At or above the usual cut-offs; worth talking over with your counselor.",
            "En o por encima de los puntos de corte habituales; vale la pena hablarlo con tu \
consejero.",
        ),
        attention: true,
    },
];

/// AUDIT-C: AUDIT questions 1-3 (WHO); Spanish from WHO's Spanish manual.
pub const AUDIT_C: Measure = Measure {
    id: MeasureId::AuditC,
    version: 1,
    short_name: "AUDIT-C",
    name: t(
        "Alcohol Use Disorders Identification Test – Consumption (AUDIT-C)",
        "Cuestionario de identificación de los trastornos debidos al consumo de alcohol – \
consumo (AUDIT-C)",
    ),
    instructions: None,
    recall_days: None,
    items: &AUDIT_C_ITEMS,
    scales: &[Scale {
        key: "total",
        name: t("Total", "Total"),
        items: &["auditc.1", "auditc.2", "auditc.3"],
        higher: Higher::Worse,
        bands: &AUDIT_C_BANDS,
        loinc: Some("75626-2"),
    }],
    alerts: &[],
    sources: &[
        Source {
            language: Language::En,
            citation: "AUDIT questions 1-3, in Babor TF et al. AUDIT: The Alcohol Use Disorders \
Identification Test. Guidelines for Use in Primary Care, 2nd ed. WHO 2001 \
(WHO/MSD/MSB/01.6a); AUDIT-C scoring: Bush K et al. Arch Intern Med 1998;158:1789-1795.",
            terms: WHO_TERMS,
        },
        Source {
            language: Language::Es,
            citation: "AUDIT, preguntas 1-3, in Babor TF et al. AUDIT: Cuestionario de \
Identificación de los Trastornos debidos al Consumo de Alcohol. Pautas para su utilización en \
Atención Primaria. OMS 2001 (WHO/MSD/MSB/01.6a, Spanish edition, Generalitat Valenciana).",
            terms: WHO_TERMS,
        },
    ],
    loinc_panel: Some("72109-2"),
    default_every_days: 28,
    on_by_default: false,
};

// ---------------------------------------------------------------- BAM

const VA_TERMS: &str = "Brief Addiction Monitor, U.S. Department of Veterans Affairs (VISN 4 \
MIRECC / Philadelphia CESATE), a work of the U.S. federal government distributed for public \
use without charge.";

const BAM_HEALTH: [Choice; 5] = [
    choice(0, english("Excellent")),
    choice(1, english("Very Good")),
    choice(2, english("Good")),
    choice(3, english("Fair")),
    choice(4, english("Poor")),
];

const BAM_DAYS: [Choice; 5] = [
    choice(0, english("0")),
    choice(1, english("1-3")),
    choice(2, english("4-8")),
    choice(3, english("9-15")),
    choice(4, english("16-30")),
];

const BAM_AMOUNT: [Choice; 5] = [
    choice(0, english("Not at all")),
    choice(1, english("Slightly")),
    choice(2, english("Moderately")),
    choice(3, english("Considerably")),
    choice(4, english("Extremely")),
];

const BAM_INCOME: [Choice; 2] = [choice(0, english("No")), choice(4, english("Yes"))];

const BAM_DRUGS: Words =
    english("In the past 30 days, how many days did you use any of the following drugs:");

const fn bam_drug(key: &'static str, number: &'static str, text: &'static str) -> Item {
    Item {
        key,
        number,
        group: Some(BAM_DRUGS),
        text: english(text),
        choices: &BAM_DAYS,
        ask: Ask::IfAbove {
            item: "bam.6",
            value: 0,
        },
        higher: Higher::Worse,
        loinc: None,
    }
}

const BAM_ITEMS: [Item; 23] = [
    required(
        "bam.1",
        "1",
        english("In the past 30 days, would you say your physical health has been:"),
        &BAM_HEALTH,
        Higher::Worse,
        None,
    ),
    required(
        "bam.2",
        "2",
        english(
            "In the past 30 days, how many nights did you have trouble falling asleep or staying \
asleep?",
        ),
        &BAM_DAYS,
        Higher::Worse,
        None,
    ),
    required(
        "bam.3",
        "3",
        english(
            "In the past 30 days, how many days have you felt depressed, anxious, angry or very \
upset throughout most of the day?",
        ),
        &BAM_DAYS,
        Higher::Worse,
        None,
    ),
    required(
        "bam.4",
        "4",
        english("In the past 30 days, how many days did you drink ANY alcohol?"),
        &BAM_DAYS,
        Higher::Worse,
        None,
    ),
    required(
        "bam.5",
        "5",
        english(
            "In the past 30 days, how many days did you have at least 5 drinks (if you are a man) \
or at least 4 drinks (if you are a woman)? [One drink is considered one shot of hard liquor \
(1.5 oz.) or 12-ounce can/bottle of beer or 5 ounce glass of wine.]",
        ),
        &BAM_DAYS,
        Higher::Worse,
        None,
    ),
    required(
        "bam.6",
        "6",
        english(
            "In the past 30 days, how many days did you use any illegal/street drugs or abuse any \
prescription medications?",
        ),
        &BAM_DAYS,
        Higher::Worse,
        None,
    ),
    bam_drug("bam.7a", "7A", "Marijuana (cannabis, pot, weed)"),
    bam_drug(
        "bam.7b",
        "7B",
        "Sedatives/Tranquilizers (e.g., \"benzos\", Valium, Xanax, Ativan, Ambien, \"barbs\", \
Phenobarbital, downers, etc.)",
    ),
    bam_drug("bam.7c", "7C", "Cocaine/Crack"),
    bam_drug(
        "bam.7d",
        "7D",
        "Other Stimulants (e.g., amphetamine, methamphetamine, Dexedrine, Ritalin, Adderall, \
\"speed\", \"crystal meth\", \"ice\", etc.)",
    ),
    bam_drug(
        "bam.7e",
        "7E",
        "Opiates (e.g., Heroin, Morphine, Dilaudid, Demerol, Oxycontin, oxy, codeine (Tylenol \
2,3,4), Percocet, Vicodin, Fentanyl, etc.)",
    ),
    bam_drug(
        "bam.7f",
        "7F",
        "Inhalants (glues, adhesives, nail polish remover, paint thinner, etc.)",
    ),
    bam_drug(
        "bam.7g",
        "7G",
        "Other drugs (steroids, non-prescription sleep/diet pills, Benadryl, Ephedra, other \
over-the-counter/unknown medications)",
    ),
    required(
        "bam.8",
        "8",
        english(
            "In the past 30 days, how much were you bothered by cravings or urges to drink \
alcohol or use drugs?",
        ),
        &BAM_AMOUNT,
        Higher::Worse,
        None,
    ),
    required(
        "bam.9",
        "9",
        english(
            "How confident are you in your ability to be completely abstinent (clean) from \
alcohol and drugs in the next 30 days?",
        ),
        &BAM_AMOUNT,
        Higher::Better,
        None,
    ),
    required(
        "bam.10",
        "10",
        english(
            "In the past 30 days, how many days did you attend self-help meetings like AA or NA \
to support your recovery?",
        ),
        &BAM_DAYS,
        Higher::Better,
        None,
    ),
    required(
        "bam.11",
        "11",
        english(
            "In the past 30 days, how many days were you in any situations or with any people \
that might put you at an increased risk for using alcohol or drugs (i.e., around risky \
\"people, places or things\")?",
        ),
        &BAM_DAYS,
        Higher::Worse,
        None,
    ),
    required(
        "bam.12",
        "12",
        english("Does your religion or spirituality help support your recovery?"),
        &BAM_AMOUNT,
        Higher::Better,
        None,
    ),
    required(
        "bam.13",
        "13",
        english(
            "In the past 30 days, how many days did you spend much of the time at work, school, \
or doing volunteer work?",
        ),
        &BAM_DAYS,
        Higher::Better,
        None,
    ),
    required(
        "bam.14",
        "14",
        english(
            "Do you have enough income (from legal sources) to pay for necessities such as \
housing, transportation, food and clothing for yourself and your dependents?",
        ),
        &BAM_INCOME,
        Higher::Better,
        None,
    ),
    required(
        "bam.15",
        "15",
        english(
            "In the past 30 days, how much have you been bothered by arguments or problems \
getting along with any family members or friends?",
        ),
        &BAM_AMOUNT,
        Higher::Worse,
        None,
    ),
    required(
        "bam.16",
        "16",
        english(
            "In the past 30 days, how many days were you in contact or spent time with any family \
members or friends who are supportive of your recovery?",
        ),
        &BAM_DAYS,
        Higher::Better,
        None,
    ),
    required(
        "bam.17",
        "17",
        english("How satisfied are you with your progress toward achieving your recovery goals?"),
        &BAM_AMOUNT,
        Higher::Better,
        None,
    ),
];

const BAM_USE_BANDS: [Band; 2] = [
    Band {
        min: 0,
        max: 0,
        label: t("No use reported", "Sin consumo"),
        meaning: t(
            "No alcohol or drug use in the period asked about.",
            "Sin consumo de alcohol ni drogas en el periodo preguntado.",
        ),
        attention: false,
    },
    Band {
        min: 1,
        max: 12,
        label: t("Some use", "Algún consumo"),
        meaning: t(
            "Some use reported; a lapse is a moment to learn from, worth talking over with your \
counselor.",
            "Se informa algún consumo; una recaída es un momento para aprender, vale la pena \
hablarlo con tu consejero.",
        ),
        attention: true,
    },
];

const BAM_RISK_BANDS: [Band; 2] = [
    Band {
        min: 0,
        max: 11,
        label: t("Below the cut-off", "Por debajo del punto de corte"),
        meaning: t(
            "Risk factors below the BAM's cut-off of 12.",
            "Factores de riesgo por debajo del punto de corte del BAM (12).",
        ),
        attention: false,
    },
    Band {
        min: 12,
        max: 24,
        label: t(
            "At or above the cut-off",
            "En o por encima del punto de corte",
        ),
        meaning: t(
            "Risk factors at or above the BAM's cut-off of 12; worth talking over with your \
counselor.",
            "Factores de riesgo en o por encima del punto de corte del BAM (12); vale la pena \
hablarlo con tu consejero.",
        ),
        attention: true,
    },
];

const BAM_PROTECTIVE_BANDS: [Band; 2] = [
    Band {
        min: 0,
        max: 12,
        label: t(
            "At or below the cut-off",
            "En o por debajo del punto de corte",
        ),
        meaning: t(
            "Protective factors at or below the BAM's cut-off of 12: supports worth building.",
            "Factores de protección en o por debajo del punto de corte del BAM (12): apoyos que \
vale la pena fortalecer.",
        ),
        attention: true,
    },
    Band {
        min: 13,
        max: 24,
        label: t("Above the cut-off", "Por encima del punto de corte"),
        meaning: t(
            "Protective factors above the BAM's cut-off of 12.",
            "Factores de protección por encima del punto de corte del BAM (12).",
        ),
        attention: false,
    },
];

/// The Brief Addiction Monitor, VA public version; English only (no
/// published Spanish version found whose text could be cited).
pub const BAM: Measure = Measure {
    id: MeasureId::Bam,
    version: 1,
    short_name: "BAM",
    name: t(
        "Brief Addiction Monitor (BAM)",
        "Brief Addiction Monitor (BAM)",
    ),
    instructions: None,
    recall_days: Some(30),
    items: &BAM_ITEMS,
    scales: &[
        Scale {
            key: "use",
            name: t("Use", "Consumo"),
            items: &["bam.4", "bam.5", "bam.6"],
            higher: Higher::Worse,
            bands: &BAM_USE_BANDS,
            loinc: None,
        },
        Scale {
            key: "risk",
            name: t("Risk factors", "Factores de riesgo"),
            items: &["bam.1", "bam.2", "bam.3", "bam.8", "bam.11", "bam.15"],
            higher: Higher::Worse,
            bands: &BAM_RISK_BANDS,
            loinc: None,
        },
        Scale {
            key: "protective",
            name: t("Protective factors", "Factores de protección"),
            items: &["bam.9", "bam.10", "bam.12", "bam.13", "bam.14", "bam.16"],
            higher: Higher::Better,
            bands: &BAM_PROTECTIVE_BANDS,
            loinc: None,
        },
    ],
    alerts: &[],
    sources: &[Source {
        language: Language::En,
        citation: "Brief Addiction Monitor (BAM), VA VISN 4 MIRECC; Cacciola JS et al. \
Development and initial evaluation of the Brief Addiction Monitor (BAM). J Subst Abuse Treat \
2013;44(3):256-263; scoring: BAM Manual for Use in SUD Group Treatment (DePhilippis et al., \
Philadelphia CESATE, 2014).",
        terms: VA_TERMS,
    }],
    loinc_panel: None,
    default_every_days: 7,
    on_by_default: true,
};
