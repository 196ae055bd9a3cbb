//! The built-in exercises: timings, scripts and cue texts in English and
//! Spanish, and the published source each one follows.
//!
//! Every guided text here was written for Keel (paraphrased from the
//! practices' published descriptions, never copied from a script). Sources
//! are named on each exercise's doc comment, in [`Def::source`] (shown on the
//! detail screen) and in `docs/exercises.md`.
//!
//! Ids are stable: sessions store them. Never rename or reuse one.

use super::Language;
use super::timeline::Phase;
use super::{
    Category, DurationOption, ExerciseInfo, ExerciseRef, Length, OutlineStep, Situation, Text, t,
};

/// A built-in exercise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum BuiltIn {
    /// Box breathing, 4-4-4-4.
    ///
    /// Source: Balban M.Y., Neri E., Kogon M.M. et al. (2023). Brief
    /// structured respiration practices enhance mood and reduce physiological
    /// arousal. *Cell Reports Medicine* 4(1):100895 (the box-breathing arm:
    /// inhale, hold, exhale, hold for equal counts). Keel uses the common
    /// count of 4 s per side: one cycle is 16 s.
    Box,
    /// 4-7-8 breathing: in 4 s, hold 7 s, out 8 s (19 s a cycle).
    ///
    /// Source: Andrew Weil's "relaxing breath" (drweil.com; *Breathing: The
    /// Master Key to Self Healing*, Sounds True, 1999), which advises four
    /// breaths at a time when starting out.
    FourSevenEight,
    /// Coherent (resonance) breathing: 5.45 s in, 5.45 s out, about 5.5
    /// breaths a minute.
    ///
    /// Sources: Lehrer P.M. & Gevirtz R. (2014). Heart rate variability
    /// biofeedback: how and why does it work? *Frontiers in Psychology*
    /// 5:756; Brown R.P. & Gerbarg P.L. (2012). *The Healing Power of the
    /// Breath*. Shambhala.
    Coherent,
    /// The physiological sigh, repeated (cyclic sighing): a nasal inhale, a
    /// short second inhale to fill the lungs, a long exhale through the mouth.
    ///
    /// Source: Balban et al. (2023), *Cell Reports Medicine* 4(1):100895 (the
    /// cyclic-sighing arm, practised for 5 minutes). The study let people
    /// pace themselves with the exhale longer than the inhales; Keel's pace
    /// is 2 s + 1 s in, 6 s out (9 s a cycle).
    Sigh,
    /// Extended exhale: 4 s in, 6 s out (6 breaths a minute).
    ///
    /// Source: Komori T. (2018). The relaxation effect of prolonged
    /// expiratory breathing. *Mental Illness* 10(1):7669.
    ExtendedExhale,
    /// The SOBER breathing space: Stop, Observe, Breathe, Expand, Respond.
    ///
    /// Source: Bowen S., Chawla N., Grow J. & Marlatt G.A. (2021).
    /// *Mindfulness-Based Relapse Prevention for Addictive Behaviors: A
    /// Clinician's Guide*, 2nd ed. Guilford Press (1st ed. 2011, Bowen,
    /// Chawla & Marlatt), adapted there from the three-minute breathing space
    /// of MBCT (Segal, Williams & Teasdale).
    Sober,
    /// Urge surfing: riding a craving like a wave.
    ///
    /// Sources: Bowen et al. (2021), MBRP 2nd ed.; Bowen S. & Marlatt G.A.
    /// (2009). Surfing the urge: brief mindfulness-based intervention for
    /// college student smokers. *Psychology of Addictive Behaviors*
    /// 23(4):666–671; the image comes from Marlatt & Gordon (1985), *Relapse
    /// Prevention*.
    UrgeSurfing,
    /// Body scan.
    ///
    /// Sources: Bowen et al. (2021), MBRP 2nd ed. (the body scan of the first
    /// session); Kabat-Zinn J. (1990). *Full Catastrophe Living*. Delacorte.
    BodyScan,
    /// 5-4-3-2-1 grounding through the five senses.
    ///
    /// Source: a widely used sensory grounding technique with no single
    /// published origin; grounding in substance use treatment is described
    /// in Najavits L.M. (2002). *Seeking Safety*. Guilford Press.
    Grounding,
}

impl BuiltIn {
    /// Every built-in exercise, in display order.
    pub const ALL: [BuiltIn; 9] = [
        BuiltIn::Box,
        BuiltIn::FourSevenEight,
        BuiltIn::Coherent,
        BuiltIn::Sigh,
        BuiltIn::ExtendedExhale,
        BuiltIn::Sober,
        BuiltIn::UrgeSurfing,
        BuiltIn::BodyScan,
        BuiltIn::Grounding,
    ];

    /// The stable id stored in sessions.
    pub fn id(self) -> &'static str {
        match self {
            BuiltIn::Box => "breath.box",
            BuiltIn::FourSevenEight => "breath.4-7-8",
            BuiltIn::Coherent => "breath.coherent",
            BuiltIn::Sigh => "breath.sigh",
            BuiltIn::ExtendedExhale => "breath.extended-exhale",
            BuiltIn::Sober => "mbrp.sober",
            BuiltIn::UrgeSurfing => "mbrp.urge-surfing",
            BuiltIn::BodyScan => "mbrp.body-scan",
            BuiltIn::Grounding => "ground.5-4-3-2-1",
        }
    }

    /// The exercise whose stable id is `id`.
    pub fn from_id(id: &str) -> Option<BuiltIn> {
        BuiltIn::ALL.into_iter().find(|b| b.id() == id)
    }

    /// The exercise's definition.
    pub(crate) fn def(self) -> &'static Def {
        match self {
            BuiltIn::Box => &BOX,
            BuiltIn::FourSevenEight => &FOUR_SEVEN_EIGHT,
            BuiltIn::Coherent => &COHERENT,
            BuiltIn::Sigh => &SIGH,
            BuiltIn::ExtendedExhale => &EXTENDED_EXHALE,
            BuiltIn::Sober => &SOBER,
            BuiltIn::UrgeSurfing => &URGE_SURFING,
            BuiltIn::BodyScan => &BODY_SCAN,
            BuiltIn::Grounding => &GROUNDING,
        }
    }

    /// The title in `lang`.
    pub fn title(self, lang: Language) -> &'static str {
        lang.text(&self.def().title)
    }

    /// Everything the detail screen shows, in `lang`.
    pub fn info(self, lang: Language) -> ExerciseInfo {
        let def = self.def();
        let (durations, default_total_ms, outline, minutes_range) = match &def.script {
            Script::Breathing {
                phases,
                default_cycles,
                cycle_options,
            } => {
                let cycle_ms: u64 = phases.iter().map(|p| p.ms).sum();
                let durations = cycle_options
                    .iter()
                    .map(|&n| DurationOption {
                        length: Length::Cycles(n),
                        total_ms: u64::from(n) * cycle_ms,
                    })
                    .collect();
                let outline = phases
                    .iter()
                    .map(|p| OutlineStep {
                        phase: p.phase,
                        duration_ms: p.ms,
                        text: lang.text(&p.cue).to_string(),
                    })
                    .collect();
                (
                    durations,
                    u64::from(*default_cycles) * cycle_ms,
                    outline,
                    None,
                )
            }
            Script::Guided {
                steps,
                default_minutes,
                minute_options,
                min_minutes,
                max_minutes,
            } => {
                let durations = minute_options
                    .iter()
                    .map(|&m| DurationOption {
                        length: Length::Minutes(m),
                        total_ms: u64::from(m) * 60_000,
                    })
                    .collect();
                let outline = steps
                    .iter()
                    .map(|s| OutlineStep {
                        phase: Phase::Guided,
                        duration_ms: s.ms,
                        text: lang.text(&s.cue).to_string(),
                    })
                    .collect();
                (
                    durations,
                    u64::from(*default_minutes) * 60_000,
                    outline,
                    Some((*min_minutes, *max_minutes)),
                )
            }
        };
        ExerciseInfo {
            id: ExerciseRef::BuiltIn(self),
            category: def.category,
            title: lang.text(&def.title).to_string(),
            purpose: lang.text(&def.purpose).to_string(),
            when_to_use: lang.text(&def.when).to_string(),
            situations: def.situations.to_vec(),
            source: def.source.to_string(),
            durations,
            default_total_ms,
            outline,
            minutes_range,
        }
    }
}

/// One phase of a breathing cycle.
#[derive(Debug)]
pub(crate) struct PhaseDef {
    pub phase: Phase,
    pub ms: u64,
    pub cue: Text,
}

/// One step of a guided script, at the script's default length.
#[derive(Debug)]
pub(crate) struct StepDef {
    pub ms: u64,
    /// Whether the step grows or shrinks when another length is chosen
    /// (introductions keep their length; practice steps stretch).
    pub stretch: bool,
    pub cue: Text,
}

/// How an exercise unfolds.
#[derive(Debug)]
pub(crate) enum Script {
    /// A breathing cycle repeated.
    Breathing {
        phases: &'static [PhaseDef],
        default_cycles: u32,
        cycle_options: &'static [u32],
    },
    /// Guided steps whose default lengths add up to `default_minutes`.
    Guided {
        steps: &'static [StepDef],
        default_minutes: u32,
        minute_options: &'static [u32],
        min_minutes: u32,
        max_minutes: u32,
    },
}

/// A built-in exercise's definition.
#[derive(Debug)]
pub(crate) struct Def {
    pub category: Category,
    pub title: Text,
    pub purpose: Text,
    pub when: Text,
    pub situations: &'static [Situation],
    /// The published source, as shown to participants (not translated).
    pub source: &'static str,
    pub script: Script,
}

const fn phase(phase: Phase, ms: u64, cue: Text) -> PhaseDef {
    PhaseDef { phase, ms, cue }
}

const fn intro(ms: u64, cue: Text) -> StepDef {
    StepDef {
        ms,
        stretch: false,
        cue,
    }
}

const fn step(ms: u64, cue: Text) -> StepDef {
    StepDef {
        ms,
        stretch: true,
        cue,
    }
}

// Breathing ------------------------------------------------------------------

const BOX: Def = Def {
    category: Category::Breathing,
    title: t("Box breathing", "Respiración cuadrada"),
    purpose: t(
        "Four equal counts — in, hold, out, hold — to steady your body and focus your mind.",
        "Cuatro tiempos iguales —inhalar, retener, exhalar, retener— para estabilizar el cuerpo y enfocar la mente.",
    ),
    when: t(
        "When you feel tense or before a stressful moment; a good start to the morning.",
        "Cuando sientas tensión o antes de un momento difícil; un buen comienzo para la mañana.",
    ),
    situations: &[Situation::Stress, Situation::Morning, Situation::Anytime],
    source: "Balban M.Y. et al. (2023). Brief structured respiration practices enhance mood and \
             reduce physiological arousal. Cell Reports Medicine 4(1):100895 (box breathing). \
             Timing: 4 s in, 4 s hold, 4 s out, 4 s hold.",
    script: Script::Breathing {
        phases: &[
            phase(
                Phase::Inhale,
                4000,
                t(
                    "Breathe in slowly through your nose",
                    "Inhala despacio por la nariz",
                ),
            ),
            phase(
                Phase::Hold,
                4000,
                t("Hold your breath gently", "Mantén el aire, sin tensión"),
            ),
            phase(
                Phase::Exhale,
                4000,
                t("Breathe out slowly", "Exhala despacio"),
            ),
            phase(
                Phase::Rest,
                4000,
                t(
                    "Pause with your lungs empty",
                    "Haz una pausa con los pulmones vacíos",
                ),
            ),
        ],
        default_cycles: 4,
        cycle_options: &[4, 8, 15],
    },
};

const FOUR_SEVEN_EIGHT: Def = Def {
    category: Category::Breathing,
    title: t("4-7-8 breathing", "Respiración 4-7-8"),
    purpose: t(
        "A long hold and an even longer breath out that help your body wind down.",
        "Una retención larga y una exhalación aún más larga que ayudan al cuerpo a relajarse.",
    ),
    when: t(
        "To calm anxiety or to fall asleep. Start with four breaths; if you feel light-headed, stop and breathe normally.",
        "Para calmar la ansiedad o conciliar el sueño. Empieza con cuatro respiraciones; si te mareas, detente y respira con normalidad.",
    ),
    situations: &[Situation::Sleep, Situation::Stress],
    source: "Weil A. The 4-7-8 relaxing breath (drweil.com; Breathing: The Master Key to Self \
             Healing, Sounds True, 1999). 4 s in, 7 s hold, 8 s out; four breaths to start.",
    script: Script::Breathing {
        phases: &[
            phase(
                Phase::Inhale,
                4000,
                t(
                    "Breathe in quietly through your nose",
                    "Inhala en silencio por la nariz",
                ),
            ),
            phase(
                Phase::Hold,
                7000,
                t("Hold your breath", "Retén la respiración"),
            ),
            phase(
                Phase::Exhale,
                8000,
                t(
                    "Breathe out fully through your mouth, with a whoosh",
                    "Exhala por completo por la boca, con un soplido",
                ),
            ),
        ],
        default_cycles: 4,
        cycle_options: &[4, 8],
    },
};

const COHERENT: Def = Def {
    category: Category::Breathing,
    title: t("Coherent breathing", "Respiración coherente"),
    purpose: t(
        "Slow, even breathing at about five and a half breaths a minute, the pace at which heartbeat and breath tend to fall into step.",
        "Respiración lenta y pareja, unas cinco respiraciones y media por minuto, el ritmo en que el corazón y la respiración tienden a sincronizarse.",
    ),
    when: t(
        "Anytime you want to settle, especially after a hard conversation or a busy afternoon.",
        "En cualquier momento en que quieras serenarte, sobre todo tras una conversación difícil o una tarde agitada.",
    ),
    situations: &[Situation::Stress, Situation::Anytime],
    source: "Lehrer P.M. & Gevirtz R. (2014). Heart rate variability biofeedback: how and why \
             does it work? Frontiers in Psychology 5:756; Brown R.P. & Gerbarg P.L. (2012). The \
             Healing Power of the Breath. Shambhala. 5.45 s in, 5.45 s out (5.5 breaths a minute).",
    script: Script::Breathing {
        phases: &[
            phase(
                Phase::Inhale,
                5450,
                t("Breathe in, smooth and easy", "Inhala, suave y sin prisa"),
            ),
            phase(
                Phase::Exhale,
                5450,
                t("Breathe out, smooth and easy", "Exhala, suave y sin prisa"),
            ),
        ],
        default_cycles: 28,
        cycle_options: &[11, 28, 55],
    },
};

const SIGH: Def = Def {
    category: Category::Breathing,
    title: t("Physiological sigh", "Suspiro fisiológico"),
    purpose: t(
        "Two breaths in through the nose, then one long breath out: a quick way to take the edge off stress.",
        "Dos inhalaciones por la nariz y una exhalación larga: una forma rápida de bajar la tensión.",
    ),
    when: t(
        "In the moment, when stress or a craving spikes; even a few sighs help.",
        "En el momento, cuando el estrés o las ganas de consumir se disparan; unos pocos suspiros ya ayudan.",
    ),
    situations: &[Situation::Craving, Situation::Stress],
    source: "Balban M.Y. et al. (2023). Cell Reports Medicine 4(1):100895 (cyclic sighing): two \
             inhales through the nose, a long exhale through the mouth. Keel's pace: 2 s + 1 s in, \
             6 s out.",
    script: Script::Breathing {
        phases: &[
            phase(
                Phase::Inhale,
                2000,
                t("Breathe in through your nose", "Inhala por la nariz"),
            ),
            phase(
                Phase::Inhale,
                1000,
                t(
                    "Sip in a little more air to fill your lungs",
                    "Toma un poco más de aire hasta llenar los pulmones",
                ),
            ),
            phase(
                Phase::Exhale,
                6000,
                t(
                    "Let it all out slowly through your mouth",
                    "Suelta todo el aire despacio por la boca",
                ),
            ),
        ],
        default_cycles: 7,
        cycle_options: &[3, 7, 33],
    },
};

const EXTENDED_EXHALE: Def = Def {
    category: Category::Breathing,
    title: t("Extended exhale", "Exhalación prolongada"),
    purpose: t(
        "Breathing out for longer than you breathe in, which slows the heart and eases tension.",
        "Exhalar durante más tiempo del que inhalas, lo que desacelera el corazón y alivia la tensión.",
    ),
    when: t(
        "In the evening, or whenever you feel wound up.",
        "Por la noche, o cuando sientas mucha tensión.",
    ),
    situations: &[Situation::Stress, Situation::Sleep],
    source: "Komori T. (2018). The relaxation effect of prolonged expiratory breathing. Mental \
             Illness 10(1):7669. Keel's pace: 4 s in, 6 s out (6 breaths a minute).",
    script: Script::Breathing {
        phases: &[
            phase(
                Phase::Inhale,
                4000,
                t("Breathe in through your nose", "Inhala por la nariz"),
            ),
            phase(
                Phase::Exhale,
                6000,
                t(
                    "Breathe out slowly, longer than you breathed in",
                    "Exhala despacio, más tiempo del que inhalaste",
                ),
            ),
        ],
        default_cycles: 12,
        cycle_options: &[6, 12, 30],
    },
};

// Mindfulness-Based Relapse Prevention ---------------------------------------

const SOBER: Def = Def {
    category: Category::Mindfulness,
    title: t("SOBER breathing space", "Espacio de respiración SOBER"),
    purpose: t(
        "A short pause in five steps — Stop, Observe, Breathe, Expand, Respond — to step out of autopilot.",
        "Una pausa breve en cinco pasos —Para (Stop), Observa, Respira (Breathe), Expande, Responde— para salir del piloto automático.",
    ),
    when: t(
        "In a high-risk situation, when a craving starts, or whenever you notice you are on autopilot.",
        "En una situación de riesgo, cuando empiezan las ganas de consumir, o cuando notes que vas en piloto automático.",
    ),
    situations: &[Situation::HighRisk, Situation::Craving, Situation::Anytime],
    source: "Bowen S., Chawla N., Grow J. & Marlatt G.A. (2021). Mindfulness-Based Relapse \
             Prevention for Addictive Behaviors: A Clinician's Guide, 2nd ed. Guilford Press \
             (the SOBER breathing space). Guidance written for Keel.",
    script: Script::Guided {
        steps: &[
            intro(
                10_000,
                t(
                    "Wherever you are, you can do this with your eyes open. Let's take a short pause together.",
                    "Estés donde estés, puedes hacerlo con los ojos abiertos. Vamos a hacer juntos una pausa breve.",
                ),
            ),
            step(
                15_000,
                t(
                    "S — Stop. Pause whatever you are doing, right where you are. Nothing needs to happen right now.",
                    "S — Para (Stop). Detén lo que estés haciendo, justo donde estás. Ahora mismo no tiene que pasar nada.",
                ),
            ),
            step(
                45_000,
                t(
                    "O — Observe. Notice what is here: sensations in your body, feelings, thoughts, any urge. Just notice them, without trying to change anything.",
                    "O — Observa. Nota lo que hay aquí: sensaciones en el cuerpo, emociones, pensamientos, cualquier impulso. Solo obsérvalos, sin intentar cambiar nada.",
                ),
            ),
            step(
                45_000,
                t(
                    "B — Breathe. Bring your attention to your breath. Feel each breath come in and go out, and let it anchor you in this moment.",
                    "B — Respira (Breathe). Lleva la atención a la respiración. Siente cada inhalación y cada exhalación, y deja que te ancle en este momento.",
                ),
            ),
            step(
                45_000,
                t(
                    "E — Expand. Let your awareness widen to your whole body, and then to the situation you are in, with openness and kindness.",
                    "E — Expande. Deja que tu atención se abra a todo el cuerpo y luego a la situación en la que estás, con apertura y amabilidad.",
                ),
            ),
            step(
                20_000,
                t(
                    "R — Respond. Ask yourself what you need right now, and choose your next step on purpose rather than on autopilot. Your plan is there to help.",
                    "R — Responde. Pregúntate qué necesitas ahora y elige tu siguiente paso de forma consciente, no en piloto automático. Tu plan está ahí para ayudarte.",
                ),
            ),
        ],
        default_minutes: 3,
        minute_options: &[3, 5],
        min_minutes: 2,
        max_minutes: 5,
    },
};

const URGE_SURFING: Def = Def {
    category: Category::Mindfulness,
    title: t("Urge surfing", "Surfear las ganas"),
    purpose: t(
        "Riding out a craving like a wave: noticing it in the body, watching it rise, peak and pass, without fighting it or giving in.",
        "Dejar pasar las ganas de consumir como una ola: notarlas en el cuerpo, ver cómo suben, llegan a su punto más alto y bajan, sin luchar contra ellas ni ceder.",
    ),
    when: t("During a craving.", "Mientras sientes ganas de consumir."),
    situations: &[Situation::Craving],
    source: "Bowen S., Chawla N., Grow J. & Marlatt G.A. (2021). Mindfulness-Based Relapse \
             Prevention for Addictive Behaviors, 2nd ed. Guilford Press (urge surfing); Bowen S. & \
             Marlatt G.A. (2009). Surfing the urge. Psychology of Addictive Behaviors \
             23(4):666-671. Guidance written for Keel.",
    script: Script::Guided {
        steps: &[
            intro(
                10_000,
                t(
                    "Find a position where you can be still for a few minutes. Close your eyes if that feels right, or rest your gaze on the floor.",
                    "Busca una postura cómoda para quedarte en calma unos minutos. Cierra los ojos si te resulta cómodo, o apoya la mirada en el suelo.",
                ),
            ),
            step(
                30_000,
                t(
                    "Take a few breaths and feel the air moving in and out of your body.",
                    "Respira unas cuantas veces y siente cómo el aire entra y sale de tu cuerpo.",
                ),
            ),
            step(
                40_000,
                t(
                    "Now turn toward the urge you are feeling. Where do you notice it in your body? Find the exact place.",
                    "Ahora dirige la atención hacia las ganas que sientes. ¿En qué parte del cuerpo las notas? Busca el lugar exacto.",
                ),
            ),
            step(
                50_000,
                t(
                    "Explore it with curiosity: tightness, heat, tingling, restlessness, a taste or an emptiness. Notice its size and its edges, and whether it stays the same or changes.",
                    "Explóralas con curiosidad: tensión, calor, hormigueo, inquietud, un sabor o un vacío. Observa su tamaño y sus bordes, y si se mantienen igual o cambian.",
                ),
            ),
            step(
                50_000,
                t(
                    "Picture the urge as a wave in the sea. It rises, builds, reaches a peak and then, like every wave, it settles. You don't have to fight it, and you don't have to act on it.",
                    "Imagina las ganas como una ola en el mar. Sube, crece, llega a su punto más alto y luego, como toda ola, se calma. No tienes que luchar contra ella ni hacerle caso.",
                ),
            ),
            step(
                60_000,
                t(
                    "Let your breath be your surfboard. Stay with the sensations breath by breath, riding the wave as it rises and changes.",
                    "Deja que tu respiración sea tu tabla de surf. Quédate con las sensaciones, respiración a respiración, montando la ola mientras sube y cambia.",
                ),
            ),
            step(
                30_000,
                t(
                    "If thoughts pull you toward using, notice them as thoughts. Let them pass, and come back to your breath and your body.",
                    "Si aparecen pensamientos que te empujan a consumir, reconócelos como pensamientos. Déjalos pasar y vuelve a la respiración y al cuerpo.",
                ),
            ),
            step(
                30_000,
                t(
                    "Notice where the urge is now. Whatever its size, you stayed with it without acting on it. Every wave you ride makes the next one easier.",
                    "Observa dónde están ahora las ganas. Sea cual sea su tamaño, te quedaste con ellas sin actuar. Cada ola que surfeas hace más fácil la siguiente.",
                ),
            ),
        ],
        default_minutes: 5,
        minute_options: &[5, 10, 15],
        min_minutes: 3,
        max_minutes: 20,
    },
};

const BODY_SCAN: Def = Def {
    category: Category::Mindfulness,
    title: t("Body scan", "Escaneo corporal"),
    purpose: t(
        "Moving your attention slowly through the body, noticing sensations as they are, to come back to the present.",
        "Recorrer el cuerpo lentamente con la atención, notando las sensaciones tal como son, para volver al presente.",
    ),
    when: t(
        "When you have a quiet moment: to unwind, before sleep, or to practise noticing sensations, cravings included.",
        "Cuando tengas un momento tranquilo: para relajarte, antes de dormir o para practicar cómo notar las sensaciones, incluidas las ganas de consumir.",
    ),
    situations: &[Situation::Anytime, Situation::Sleep],
    source: "Bowen S., Chawla N., Grow J. & Marlatt G.A. (2021). Mindfulness-Based Relapse \
             Prevention for Addictive Behaviors, 2nd ed. Guilford Press (body scan); Kabat-Zinn J. \
             (1990). Full Catastrophe Living. Delacorte. Guidance written for Keel.",
    script: Script::Guided {
        steps: &[
            intro(
                15_000,
                t(
                    "Lie down or sit comfortably. Let your eyes close, or soften your gaze toward the floor.",
                    "Acuéstate o siéntate cómodamente. Cierra los ojos o deja la mirada suave, hacia el suelo.",
                ),
            ),
            step(
                45_000,
                t(
                    "Feel the weight of your body, supported by the floor, the bed or the chair. Notice the breath moving in your body.",
                    "Siente el peso de tu cuerpo, sostenido por el suelo, la cama o la silla. Nota cómo la respiración se mueve en tu cuerpo.",
                ),
            ),
            step(
                60_000,
                t(
                    "Bring your attention to your feet: toes, soles, heels. Notice whatever is there — warmth, coolness, pressure, tingling, or nothing at all.",
                    "Lleva la atención a los pies: los dedos, las plantas, los talones. Nota lo que haya: calor, frescor, presión, hormigueo, o nada en especial.",
                ),
            ),
            step(
                60_000,
                t(
                    "Let your attention move up through your ankles, calves, knees and thighs, noticing each area in turn.",
                    "Deja que la atención suba por los tobillos, las pantorrillas, las rodillas y los muslos, notando cada zona por turno.",
                ),
            ),
            step(
                60_000,
                t(
                    "Notice your hips and pelvis, then your belly, rising and falling with each breath.",
                    "Nota las caderas y la pelvis, y luego el vientre, que sube y baja con cada respiración.",
                ),
            ),
            step(
                60_000,
                t(
                    "Move to your back, from the lower back up to the shoulder blades, and then to your chest.",
                    "Pasa a la espalda, desde la zona lumbar hasta los omóplatos, y luego al pecho.",
                ),
            ),
            step(
                60_000,
                t(
                    "Now your hands and fingers, your wrists and forearms, elbows, upper arms and shoulders.",
                    "Ahora las manos y los dedos, las muñecas y los antebrazos, los codos, los brazos y los hombros.",
                ),
            ),
            step(
                60_000,
                t(
                    "Notice your neck and throat, your jaw, your face, and the top of your head.",
                    "Nota el cuello y la garganta, la mandíbula, la cara y la parte alta de la cabeza.",
                ),
            ),
            step(
                45_000,
                t(
                    "When your mind wanders, that is normal. Notice where it went and gently bring it back to the body. If an urge or discomfort shows up, observe it as sensations too.",
                    "Cuando la mente se distraiga, es normal. Nota adónde se fue y tráela con suavidad de vuelta al cuerpo. Si aparece un impulso o una molestia, obsérvalos también como sensaciones.",
                ),
            ),
            step(
                75_000,
                t(
                    "Now feel your body as a whole, from head to toes, breathing.",
                    "Ahora siente el cuerpo entero, de la cabeza a los pies, respirando.",
                ),
            ),
            step(
                60_000,
                t(
                    "As you finish, take a moment to notice how you feel, and bring this awareness with you into the rest of your day.",
                    "Al terminar, tómate un momento para notar cómo te sientes y lleva esta atención contigo al resto del día.",
                ),
            ),
        ],
        default_minutes: 10,
        minute_options: &[5, 10, 20],
        min_minutes: 5,
        max_minutes: 30,
    },
};

// Grounding ------------------------------------------------------------------

const GROUNDING: Def = Def {
    category: Category::Grounding,
    title: t("5-4-3-2-1 grounding", "Anclaje 5-4-3-2-1"),
    purpose: t(
        "Using your five senses to bring yourself back to the here and now.",
        "Usar los cinco sentidos para volver al aquí y ahora.",
    ),
    when: t(
        "When you feel overwhelmed, anxious or caught in your thoughts; it works with your eyes open, anywhere.",
        "Cuando todo te desborde, sientas ansiedad o te atrapen los pensamientos; funciona con los ojos abiertos, en cualquier lugar.",
    ),
    situations: &[Situation::Stress, Situation::HighRisk],
    source: "A widely used sensory grounding technique with no single published origin; on \
             grounding in substance use treatment: Najavits L.M. (2002). Seeking Safety. Guilford \
             Press. Guidance written for Keel.",
    script: Script::Guided {
        steps: &[
            intro(
                10_000,
                t(
                    "Look around you. You are here, in this place, right now.",
                    "Mira a tu alrededor. Estás aquí, en este lugar, ahora mismo.",
                ),
            ),
            step(
                40_000,
                t(
                    "Name five things you can see. Take your time with each one.",
                    "Nombra cinco cosas que puedas ver. Tómate tu tiempo con cada una.",
                ),
            ),
            step(
                35_000,
                t(
                    "Notice four things you can feel: your feet on the floor, your clothes, the air on your skin, something in your hands.",
                    "Nota cuatro cosas que puedas sentir: los pies en el suelo, la ropa, el aire en la piel, algo en tus manos.",
                ),
            ),
            step(
                30_000,
                t(
                    "Listen for three things you can hear, near or far.",
                    "Escucha tres cosas que puedas oír, cerca o lejos.",
                ),
            ),
            step(
                25_000,
                t(
                    "Find two things you can smell. If nothing comes, think of two smells you like.",
                    "Busca dos cosas que puedas oler. Si no notas ninguna, piensa en dos olores que te gusten.",
                ),
            ),
            step(
                20_000,
                t(
                    "Notice one thing you can taste, or take a sip of water.",
                    "Nota una cosa que puedas saborear, o toma un sorbo de agua.",
                ),
            ),
            step(
                20_000,
                t(
                    "Take one slow breath. Notice how you feel now, here, in the present.",
                    "Haz una respiración lenta. Nota cómo te sientes ahora, aquí, en el presente.",
                ),
            ),
        ],
        default_minutes: 3,
        minute_options: &[3, 5],
        min_minutes: 2,
        max_minutes: 6,
    },
};

// Custom patterns ------------------------------------------------------------

/// Cue texts of a custom pattern's phases.
pub(crate) const CUSTOM_INHALE: Text = t("Breathe in", "Inhala");
pub(crate) const CUSTOM_HOLD: Text = t("Hold", "Mantén el aire");
pub(crate) const CUSTOM_EXHALE: Text = t("Breathe out", "Exhala");
pub(crate) const CUSTOM_REST: Text = t("Pause", "Pausa");
/// What a custom pattern's detail screen says it is for.
pub(crate) const CUSTOM_WHEN: Text = t(
    "Whenever your own rhythm helps you.",
    "Cuando tu propio ritmo te ayude.",
);
/// Where a custom pattern comes from.
pub(crate) const CUSTOM_SOURCE: Text = t(
    "Your own breathing pattern.",
    "Tu propio patrón de respiración.",
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exercises::MAX_EXERCISE_MS;

    #[test]
    fn ids_are_unique_and_stable() {
        let ids: std::collections::BTreeSet<_> = BuiltIn::ALL.iter().map(|b| b.id()).collect();
        assert_eq!(ids.len(), BuiltIn::ALL.len());
        assert_eq!(BuiltIn::from_id("breath.box"), Some(BuiltIn::Box));
        assert_eq!(
            BuiltIn::from_id("mbrp.urge-surfing"),
            Some(BuiltIn::UrgeSurfing)
        );
        assert_eq!(BuiltIn::from_id("box"), None);
    }

    #[test]
    fn every_text_is_present_and_translated() {
        for b in BuiltIn::ALL {
            let en = b.info(Language::En);
            let es = b.info(Language::Es);
            for (a, b) in [
                (&en.title, &es.title),
                (&en.purpose, &es.purpose),
                (&en.when_to_use, &es.when_to_use),
            ] {
                assert!(!a.trim().is_empty() && !b.trim().is_empty());
                assert_ne!(a, b, "{a} is not translated");
            }
            assert_eq!(en.outline.len(), es.outline.len());
            for (a, b) in en.outline.iter().zip(&es.outline) {
                assert!(!a.text.trim().is_empty());
                assert_ne!(a.text, b.text, "{} is not translated", a.text);
            }
            assert!(!en.source.is_empty());
            assert_eq!(en.source, es.source);
        }
    }

    #[test]
    fn guided_defaults_add_up_and_every_option_fits() {
        for b in BuiltIn::ALL {
            let info = b.info(Language::En);
            assert!(
                info.durations
                    .iter()
                    .any(|d| d.total_ms == info.default_total_ms),
                "{} offers its default",
                b.id()
            );
            assert!(
                info.durations
                    .windows(2)
                    .all(|w| w[0].total_ms < w[1].total_ms)
            );
            assert!(info.durations.iter().all(|d| d.total_ms <= MAX_EXERCISE_MS));
            if let Script::Guided {
                steps,
                default_minutes,
                min_minutes,
                max_minutes,
                minute_options,
            } = &b.def().script
            {
                let total: u64 = steps.iter().map(|s| s.ms).sum();
                assert_eq!(total, u64::from(*default_minutes) * 60_000, "{}", b.id());
                assert!(min_minutes <= default_minutes && default_minutes <= max_minutes);
                assert!(
                    minute_options
                        .iter()
                        .all(|m| (min_minutes..=max_minutes).contains(&m))
                );
                assert!(u64::from(*max_minutes) * 60_000 <= MAX_EXERCISE_MS);
            }
        }
    }
}
