//! Every word of the report that the core writes (not the participant), in
//! English and Spanish: headings, column names, the viewer's labels and
//! messages, and the 42 CFR Part 2 notice.
//!
//! The notice paraphrases the statement that 42 CFR § 2.32 (as amended by
//! the 2024 final rule, 89 FR 12472) requires to accompany a disclosure made
//! with the patient's consent. It is written for a Part 2 program receiving
//! the report and needs review by the program's counsel before release; see
//! docs/report-format.md.

use crate::logs::CravingOutcome;
use crate::meetings::attendance::AttendanceStatus;
use crate::plan::{ContactRole, RelapseStage, RiskLevel, TriggerCategory};

pub use crate::language::Language;

/// The 42 CFR Part 2 notice: a heading and its paragraphs.
pub fn disclosure(lang: Language) -> (&'static str, Vec<&'static str>) {
    match lang {
        Language::En => (
            "Notice: confidential substance use disorder record (42 CFR Part 2)",
            vec![
                "This record has been disclosed to you with the patient's consent and is \
                 protected by federal confidentiality rules (42 CFR part 2). These rules \
                 prohibit you from using or disclosing this record, or testimony describing \
                 its contents, in any civil, criminal, administrative or legislative \
                 proceeding by any federal, state or local authority against the patient, \
                 unless the patient consents or a court authorizes it under 42 CFR 2.64 or \
                 2.65 (see also 42 CFR 2.12(c)(5)).",
                "The federal rules also prohibit any other use or further disclosure of \
                 this record unless the patient's written consent expressly permits it or \
                 42 CFR part 2 otherwise allows it. A general authorization to release \
                 medical or other information is not sufficient for this purpose.",
                "The patient prepared this report in the Keel app and chose what it \
                 contains. It reflects what they recorded; it is not a clinical assessment.",
            ],
        ),
        Language::Es => (
            "Aviso: registro confidencial sobre trastornos por consumo de sustancias \
             (42 CFR Parte 2)",
            vec![
                "Este registro se le ha divulgado con el consentimiento del paciente y está \
                 protegido por las normas federales de confidencialidad (42 CFR parte 2). \
                 Estas normas le prohíben usar o divulgar este registro, o testimonios que \
                 describan su contenido, en cualquier procedimiento civil, penal, \
                 administrativo o legislativo de una autoridad federal, estatal o local \
                 contra el paciente, salvo que el paciente lo consienta o un tribunal lo \
                 autorice conforme a 42 CFR 2.64 o 2.65 (véase también 42 CFR 2.12(c)(5)).",
                "Las normas federales también prohíben cualquier otro uso o nueva \
                 divulgación de este registro, salvo que el consentimiento escrito del \
                 paciente lo permita expresamente o que 42 CFR parte 2 lo autorice de otro \
                 modo. Una autorización general para divulgar información médica o de otro \
                 tipo no es suficiente para este fin.",
                "El paciente preparó este informe en la aplicación Keel y eligió su \
                 contenido. Refleja lo que registró; no es una evaluación clínica.",
            ],
        ),
    }
}

/// Labels and messages of the viewer page, as one JSON object the viewer's
/// script reads (keys are the viewer's; values are this language's).
pub fn viewer_strings(lang: Language) -> Vec<(&'static str, &'static str)> {
    let t = |en, es| lang.pick(en, es);
    vec![
        ("pageTitle", t("Encrypted report", "Informe cifrado")),
        ("heading", t("Encrypted report", "Informe cifrado")),
        (
            "intro",
            t(
                "This file is encrypted. Type the passphrase you were given to open it. \
                 It opens on this computer only: nothing is sent anywhere.",
                "Este archivo está cifrado. Escriba la frase de contraseña que recibió para \
                 abrirlo. Se abre solo en este equipo: no se envía nada a ninguna parte.",
            ),
        ),
        ("label", t("Passphrase", "Frase de contraseña")),
        (
            "hint",
            t(
                "Spaces between words and capital letters matter as given.",
                "Los espacios entre palabras y las mayúsculas cuentan tal como se dieron.",
            ),
        ),
        ("show", t("Show passphrase", "Mostrar la frase")),
        ("open", t("Open report", "Abrir informe")),
        ("opening", t("Opening the report…", "Abriendo el informe…")),
        (
            "empty",
            t(
                "Type the passphrase first.",
                "Escriba primero la frase de contraseña.",
            ),
        ),
        (
            "wrong",
            t(
                "That passphrase does not open this report. Check it and try again.",
                "Esa frase de contraseña no abre este informe. Revísela e inténtelo de nuevo.",
            ),
        ),
        (
            "damaged",
            t(
                "This report file has been changed or damaged and cannot be trusted. \
                 Ask for a new copy.",
                "Este archivo de informe fue modificado o está dañado y no es fiable. \
                 Pida una copia nueva.",
            ),
        ),
        (
            "version",
            t(
                "This report was made by a newer version of the app. Ask for a new copy.",
                "Este informe se creó con una versión más reciente de la aplicación. Pida \
                 una copia nueva.",
            ),
        ),
        (
            "outOfRange",
            t(
                "This report file holds a setting outside what the app writes: it was \
                 changed or damaged and cannot be trusted. Ask for a new copy.",
                "Este archivo de informe tiene un parámetro fuera de lo que escribe la \
                 aplicación: fue modificado o está dañado y no es fiable. Pida una copia nueva.",
            ),
        ),
        (
            "unsupported",
            t(
                "This browser cannot decrypt the report. Open the file in a current Chrome, \
                 Edge, Firefox or Safari.",
                "Este navegador no puede descifrar el informe. Abra el archivo en una versión \
                 actual de Chrome, Edge, Firefox o Safari.",
            ),
        ),
        ("contents", t("Contents", "Contenido")),
        ("print", t("Print", "Imprimir")),
        ("close", t("Close report", "Cerrar informe")),
        ("period", t("Period", "Periodo")),
        ("generated", t("Prepared", "Preparado")),
        ("data", t("Show the numbers", "Ver los datos")),
        (
            "noRows",
            t(
                "No entries in this period.",
                "No hay registros en este periodo.",
            ),
        ),
        (
            "noScript",
            t(
                "This report needs JavaScript to decrypt it on this computer.",
                "Este informe necesita JavaScript para descifrarse en este equipo.",
            ),
        ),
    ]
}

/// Words the section builders and the preview use.
pub struct Words {
    lang: Language,
}

impl Words {
    /// The words of `lang`.
    pub fn new(lang: Language) -> Self {
        Words { lang }
    }

    fn t(&self, en: &'static str, es: &'static str) -> &'static str {
        self.lang.pick(en, es)
    }

    /// The language of these words.
    pub fn lang(&self) -> Language {
        self.lang
    }

    /// The report's title.
    pub fn title(&self) -> &'static str {
        self.t("Keel progress report", "Informe de progreso de Keel")
    }

    /// The overview section's heading.
    pub fn overview(&self) -> &'static str {
        self.t("Overview", "Resumen")
    }

    /// The overview's opening paragraph.
    pub fn overview_intro(&self) -> &'static str {
        self.t(
            "The participant exported this report from their own phone and chose the \
             sections below. Dates and times are in the participant's local time.",
            "El participante exportó este informe desde su propio teléfono y eligió las \
             secciones siguientes. Las fechas y horas están en la hora local del participante.",
        )
    }

    /// "Period" as a fact label.
    pub fn period(&self) -> &'static str {
        self.t("Period", "Periodo")
    }

    /// "Prepared" as a fact label.
    pub fn prepared(&self) -> &'static str {
        self.t("Prepared", "Preparado")
    }

    /// The journal section's heading.
    pub fn journal(&self) -> &'static str {
        self.t("Journal notes shared", "Notas del diario compartidas")
    }

    /// The journal section's opening paragraph.
    pub fn journal_intro(&self) -> &'static str {
        self.t(
            "Notes the participant chose to share, oldest first, in their own words.",
            "Notas que el participante eligió compartir, de la más antigua a la más \
             reciente, con sus propias palabras.",
        )
    }

    /// Column: date.
    pub fn date(&self) -> &'static str {
        self.t("Date", "Fecha")
    }

    /// Column: time.
    pub fn time(&self) -> &'static str {
        self.t("Time", "Hora")
    }

    /// Column: note text.
    pub fn note(&self) -> &'static str {
        self.t("Note", "Nota")
    }

    /// A fact label: how many journal notes are included.
    pub fn notes_included(&self) -> &'static str {
        self.t("Journal notes", "Notas del diario")
    }

    /// A fixed word of the domain sections.
    pub fn label(&self, label: Label) -> &'static str {
        let (en, es) = label.pair();
        self.t(en, es)
    }

    /// "Yes" or "No".
    pub fn yes_no(&self, yes: bool) -> &'static str {
        self.label(if yes { Label::Yes } else { Label::No })
    }

    /// The name of a weekday (0 = Monday).
    pub fn weekday(&self, day: usize) -> &'static str {
        const EN: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
        const ES: [&str; 7] = ["lun", "mar", "mié", "jue", "vie", "sáb", "dom"];
        let day = day.min(6);
        self.t(EN[day], ES[day])
    }

    /// What became of a craving.
    pub fn outcome(&self, o: CravingOutcome) -> &'static str {
        use CravingOutcome as O;
        match o {
            O::Ongoing => self.t("Ongoing", "En curso"),
            O::RodeItOut => self.t("Rode it out", "Lo dejó pasar"),
            O::LeftTheSituation => self.t("Left the situation", "Se fue de la situación"),
            O::ReachedOut => self.t("Reached out", "Pidió apoyo"),
            O::Used => self.t("Used", "Consumió"),
            O::Other => self.t("Other", "Otro"),
        }
    }

    /// A trigger's category.
    pub fn category(&self, c: TriggerCategory) -> &'static str {
        use TriggerCategory as C;
        match c {
            C::Emotion => self.t("Emotion", "Emoción"),
            C::Thought => self.t("Thought", "Pensamiento"),
            C::Hungry => self.t("Hungry", "Hambre"),
            C::Angry => self.t("Angry", "Enojo"),
            C::Lonely => self.t("Lonely", "Soledad"),
            C::Tired => self.t("Tired", "Cansancio"),
            C::People => self.t("People", "Personas"),
            C::Place => self.t("Place", "Lugar"),
            C::Thing => self.t("Thing", "Objeto"),
            C::Time => self.t("Time", "Momento"),
            C::Event => self.t("Event", "Evento"),
            C::Other => self.t("Other", "Otro"),
        }
    }

    /// A trigger's risk.
    pub fn risk(&self, r: RiskLevel) -> &'static str {
        match r {
            RiskLevel::Low => self.t("Low", "Bajo"),
            RiskLevel::Medium => self.t("Medium", "Medio"),
            RiskLevel::High => self.t("High", "Alto"),
        }
    }

    /// A support contact's role.
    pub fn role(&self, r: ContactRole) -> &'static str {
        match r {
            ContactRole::Sponsor => self.t("Sponsor", "Padrino o madrina"),
            ContactRole::Counselor => self.t("Counselor", "Consejero"),
            ContactRole::Family => self.t("Family", "Familia"),
            ContactRole::Peer => self.t("Peer", "Compañero"),
            ContactRole::CrisisLine => self.t("Crisis line", "Línea de crisis"),
            ContactRole::Other => self.t("Other", "Otro"),
        }
    }

    /// A warning sign's stage of relapse.
    pub fn stage(&self, s: RelapseStage) -> &'static str {
        match s {
            RelapseStage::Emotional => self.t("Emotional", "Emocional"),
            RelapseStage::Mental => self.t("Mental", "Mental"),
            RelapseStage::Physical => self.t("Physical", "Física"),
        }
    }

    /// An attendance status.
    pub fn attendance(&self, a: AttendanceStatus) -> &'static str {
        match a {
            AttendanceStatus::Attended => self.t("Attended", "Asistió"),
            AttendanceStatus::Late => self.t("Late", "Llegó tarde"),
            AttendanceStatus::LeftEarly => self.t("Left early", "Salió antes"),
            AttendanceStatus::Missed => self.t("Missed", "Faltó"),
            AttendanceStatus::Excused => self.t("Excused", "Justificada"),
        }
    }

    /// The preview's line for a section: heading, then what it holds.
    pub fn preview_line(&self, heading: &str, parts: &[String]) -> String {
        if parts.is_empty() {
            return heading.to_string();
        }
        format!("{heading}: {}", parts.join(", "))
    }

    /// "N table rows", "N charts", ... for the preview.
    pub fn count(&self, n: usize, what: Countable) -> String {
        let (one, many) = match (self.lang, what) {
            (Language::En, Countable::Paragraph) => ("paragraph", "paragraphs"),
            (Language::En, Countable::Fact) => ("summary line", "summary lines"),
            (Language::En, Countable::Row) => ("table row", "table rows"),
            (Language::En, Countable::Chart) => ("chart", "charts"),
            (Language::En, Countable::ListItem) => ("list item", "list items"),
            (Language::Es, Countable::Paragraph) => ("párrafo", "párrafos"),
            (Language::Es, Countable::Fact) => ("línea de resumen", "líneas de resumen"),
            (Language::Es, Countable::Row) => ("fila de tabla", "filas de tabla"),
            (Language::Es, Countable::Chart) => ("gráfico", "gráficos"),
            (Language::Es, Countable::ListItem) => ("elemento de lista", "elementos de lista"),
        };
        format!("{n} {}", if n == 1 { one } else { many })
    }

    /// The preview's first line: the period covered.
    pub fn preview_period(&self, from: &str, to: &str) -> String {
        match self.lang {
            Language::En => format!("Period: {from} to {to}"),
            Language::Es => format!("Periodo: del {from} al {to}"),
        }
    }

    /// The period as shown in the report.
    pub fn period_value(&self, from: &str, to: &str) -> String {
        match self.lang {
            Language::En => format!("{from} to {to}"),
            Language::Es => format!("del {from} al {to}"),
        }
    }
}

/// Fixed words of the domain sections, each in English and Spanish.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum Label {
    Plan,
    PlanIntro,
    PlanRevision,
    MadeWithCounselor,
    Yes,
    No,
    Reasons,
    Goals,
    WarningSigns,
    Triggers,
    Trigger,
    Category,
    Risk,
    CopingPlans,
    Contacts,
    Name,
    Role,
    Phone,
    LapseSteps,
    CrisisLines,
    NoPlan,
    Cravings,
    CravingsIntro,
    CravingsLogged,
    MeanIntensity,
    PassedWithoutUse,
    EncountersLogged,
    LapsesLogged,
    CravingsPerWeek,
    IntensityPerWeek,
    Count,
    Intensity,
    Coping,
    Outcome,
    Notes,
    Encounters,
    HowHandled,
    Lapses,
    Substance,
    ResetClock,
    Checkins,
    CheckinsIntro,
    CheckinsLogged,
    DaysCheckedIn,
    Mood,
    CravingLevel,
    SleepHours,
    Intention,
    AnyUse,
    MoodPerDay,
    Exercises,
    ExercisesIntro,
    Sessions,
    Finished,
    MinutesPractised,
    Exercise,
    Minutes,
    Before,
    After,
    MeanDrop,
    Attendance,
    AttendanceIntro,
    WeeklyRequirement,
    NotSet,
    WeeksMet,
    AttendanceRate,
    ProgramHoursPerWeek,
    Hours,
    Meeting,
    Kind,
    Status,
    Insights,
    InsightsIntro,
    HeatMap,
    Day,
    TopTriggers,
    Times,
    CopingRanked,
    Used,
    Worked,
    Streaks,
    Clock,
    CurrentDays,
    LongestDays,
    CravingsIncluded,
    CheckinsIncluded,
    SessionsIncluded,
    AttendanceIncluded,
    PlanItemsIncluded,
    InsightRowsIncluded,
    Measures,
    MeasuresIntro,
    MeasureResponsesIncluded,
    Score,
    Band,
    Item,
    Answer,
    LatestItems,
    Responses,
}

impl Label {
    fn pair(self) -> (&'static str, &'static str) {
        match self {
            Label::Plan => ("Relapse-prevention plan", "Plan de prevención de recaídas"),
            Label::PlanIntro => (
                "The participant's current plan, as last saved.",
                "El plan actual del participante, tal como se guardó por última vez.",
            ),
            Label::PlanRevision => ("Revision", "Revisión"),
            Label::MadeWithCounselor => ("Made with the counselor", "Hecho con el consejero"),
            Label::Yes => ("Yes", "Sí"),
            Label::No => ("No", "No"),
            Label::Reasons => ("Reasons for recovery", "Razones para la recuperación"),
            Label::Goals => ("Goals", "Metas"),
            Label::WarningSigns => ("Warning signs", "Señales de alerta"),
            Label::Triggers => ("Triggers", "Desencadenantes"),
            Label::Trigger => ("Trigger", "Desencadenante"),
            Label::Category => ("Category", "Categoría"),
            Label::Risk => ("Risk", "Riesgo"),
            Label::CopingPlans => (
                "If-then coping plans",
                "Planes de afrontamiento si-entonces",
            ),
            Label::Contacts => ("Support contacts", "Contactos de apoyo"),
            Label::Name => ("Name", "Nombre"),
            Label::Role => ("Role", "Función"),
            Label::Phone => ("Phone", "Teléfono"),
            Label::LapseSteps => ("After a lapse", "Después de un desliz"),
            Label::CrisisLines => ("Crisis lines", "Líneas de crisis"),
            Label::NoPlan => (
                "No plan has been saved yet.",
                "Todavía no se ha guardado ningún plan.",
            ),
            Label::Cravings => ("Cravings and triggers", "Antojos y desencadenantes"),
            Label::CravingsIntro => (
                "Cravings, high-risk encounters and lapses the participant logged, oldest first. Lapses are recorded without blame.",
                "Antojos, encuentros de alto riesgo y deslices que registró el participante, del más antiguo al más reciente. Los deslices se registran sin culpa.",
            ),
            Label::CravingsLogged => ("Cravings logged", "Antojos registrados"),
            Label::MeanIntensity => ("Mean intensity (0-10)", "Intensidad media (0-10)"),
            Label::PassedWithoutUse => ("Passed without use", "Pasaron sin consumo"),
            Label::EncountersLogged => ("High-risk encounters", "Encuentros de alto riesgo"),
            Label::LapsesLogged => ("Lapses", "Deslices"),
            Label::CravingsPerWeek => ("Cravings per week", "Antojos por semana"),
            Label::IntensityPerWeek => (
                "Mean craving intensity per week",
                "Intensidad media de los antojos por semana",
            ),
            Label::Count => ("Count", "Cantidad"),
            Label::Intensity => ("Intensity", "Intensidad"),
            Label::Coping => ("Coping", "Afrontamiento"),
            Label::Outcome => ("Outcome", "Resultado"),
            Label::Notes => ("Notes", "Notas"),
            Label::Encounters => ("High-risk encounters", "Encuentros de alto riesgo"),
            Label::HowHandled => ("How it was handled", "Cómo lo manejó"),
            Label::Lapses => ("Lapses", "Deslices"),
            Label::Substance => ("Substance", "Sustancia"),
            Label::ResetClock => ("Reset the clock", "Reinició el contador"),
            Label::Checkins => ("Daily check-ins", "Registros diarios"),
            Label::CheckinsIntro => (
                "Mood (1 very low to 5 very good), craving level (0-10), sleep and the day's intention.",
                "Estado de ánimo (1 muy bajo a 5 muy bueno), nivel de antojo (0-10), sueño y la intención del día.",
            ),
            Label::CheckinsLogged => ("Check-ins", "Registros"),
            Label::DaysCheckedIn => ("Days with a check-in", "Días con registro"),
            Label::Mood => ("Mood", "Estado de ánimo"),
            Label::CravingLevel => ("Craving level", "Nivel de antojo"),
            Label::SleepHours => ("Sleep (hours)", "Sueño (horas)"),
            Label::Intention => ("Intention", "Intención"),
            Label::AnyUse => ("Any use", "Algún consumo"),
            Label::MoodPerDay => (
                "Mood and craving level per day",
                "Estado de ánimo y nivel de antojo por día",
            ),
            Label::Measures => ("Standard measures", "Medidas estándar"),
            Label::MeasuresIntro => (
                "Standard questionnaires the participant answered (BAM, PHQ-9, GAD-7, AUDIT-C), scored by the app as each instrument prescribes, with the band each score falls in. A score is not a diagnosis.",
                "Cuestionarios estándar que respondió el participante (BAM, PHQ-9, GAD-7, AUDIT-C), puntuados por la aplicación como indica cada instrumento, con el rango en que cae cada puntuación. Una puntuación no es un diagnóstico.",
            ),
            Label::MeasureResponsesIncluded => {
                ("Questionnaires answered", "Cuestionarios respondidos")
            }
            Label::Score => ("Score", "Puntuación"),
            Label::Band => ("Band", "Rango"),
            Label::Item => ("Item", "Ítem"),
            Label::Answer => ("Answer", "Respuesta"),
            Label::LatestItems => ("Answers of the latest", "Respuestas del más reciente"),
            Label::Responses => ("Responses", "Respuestas"),
            Label::Exercises => (
                "Breathing and meditation practice",
                "Práctica de respiración y meditación",
            ),
            Label::ExercisesIntro => (
                "Sessions the participant practised, with craving ratings before and after where given.",
                "Sesiones que practicó el participante, con la valoración del antojo antes y después cuando la dio.",
            ),
            Label::Sessions => ("Sessions", "Sesiones"),
            Label::Finished => ("Finished", "Terminadas"),
            Label::MinutesPractised => ("Minutes practised", "Minutos de práctica"),
            Label::Exercise => ("Exercise", "Ejercicio"),
            Label::Minutes => ("Minutes", "Minutos"),
            Label::Before => ("Before", "Antes"),
            Label::After => ("After", "Después"),
            Label::MeanDrop => ("Mean fall in craving", "Descenso medio del antojo"),
            Label::Attendance => ("Meeting attendance", "Asistencia a reuniones"),
            Label::AttendanceIntro => (
                "Program sessions and mutual-help meetings, as the participant recorded them. Program hours count group, individual and family sessions.",
                "Sesiones del programa y reuniones de ayuda mutua, tal como las registró el participante. Las horas del programa cuentan las sesiones grupales, individuales y familiares.",
            ),
            Label::WeeklyRequirement => ("Weekly requirement", "Requisito semanal"),
            Label::NotSet => ("Not set", "No establecido"),
            Label::WeeksMet => (
                "Weeks meeting the requirement",
                "Semanas que cumplieron el requisito",
            ),
            Label::AttendanceRate => (
                "Attendance rate (last 28 days)",
                "Tasa de asistencia (últimos 28 días)",
            ),
            Label::ProgramHoursPerWeek => {
                ("Program hours per week", "Horas del programa por semana")
            }
            Label::Hours => ("Hours", "Horas"),
            Label::Meeting => ("Meeting", "Reunión"),
            Label::Kind => ("Kind", "Tipo"),
            Label::Status => ("Status", "Estado"),
            Label::Insights => ("Patterns", "Patrones"),
            Label::InsightsIntro => (
                "Patterns computed from the participant's own records over the period.",
                "Patrones calculados a partir de los registros del propio participante en el periodo.",
            ),
            Label::HeatMap => (
                "Cravings by day of the week and time of day",
                "Antojos por día de la semana y hora del día",
            ),
            Label::Day => ("Day", "Día"),
            Label::TopTriggers => ("Most logged triggers", "Desencadenantes más registrados"),
            Label::Times => ("Times", "Veces"),
            Label::CopingRanked => (
                "Coping ranked by how often the craving passed without use",
                "Afrontamiento ordenado por la frecuencia con que el antojo pasó sin consumo",
            ),
            Label::Used => ("Used", "Usado"),
            Label::Worked => ("Passed without use", "Pasó sin consumo"),
            Label::Streaks => ("Sobriety clocks", "Contadores de sobriedad"),
            Label::Clock => ("Clock", "Contador"),
            Label::CurrentDays => ("Current streak (days)", "Racha actual (días)"),
            Label::LongestDays => ("Longest streak (days)", "Racha más larga (días)"),
            Label::CravingsIncluded => ("Cravings", "Antojos"),
            Label::CheckinsIncluded => ("Check-ins", "Registros diarios"),
            Label::SessionsIncluded => ("Practice sessions", "Sesiones de práctica"),
            Label::AttendanceIncluded => ("Attendance records", "Registros de asistencia"),
            Label::PlanItemsIncluded => ("Plan items", "Elementos del plan"),
            Label::InsightRowsIncluded => ("Pattern rows", "Filas de patrones"),
        }
    }
}

/// What the preview counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Countable {
    /// Paragraphs of text.
    Paragraph,
    /// Label and value lines of a summary.
    Fact,
    /// Table rows.
    Row,
    /// Charts.
    Chart,
    /// List items.
    ListItem,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locales_pick_a_language() {
        assert_eq!(Language::from_locale("es-MX"), Language::Es);
        assert_eq!(Language::from_locale("ES_es"), Language::Es);
        assert_eq!(Language::from_locale("en-US"), Language::En);
        assert_eq!(Language::from_locale(""), Language::En);
    }

    #[test]
    fn both_languages_have_every_viewer_string() {
        let en: Vec<_> = viewer_strings(Language::En).iter().map(|p| p.0).collect();
        let es: Vec<_> = viewer_strings(Language::Es).iter().map(|p| p.0).collect();
        assert_eq!(en, es);
        for (_, v) in viewer_strings(Language::Es) {
            assert!(!v.is_empty());
        }
    }

    #[test]
    fn the_notice_names_part_2_in_both_languages() {
        for lang in [Language::En, Language::Es] {
            let (heading, paragraphs) = disclosure(lang);
            assert!(heading.contains("42 CFR"));
            assert!(paragraphs[0].contains("42 CFR"));
            assert!(paragraphs.iter().all(|p| !p.contains("  ")));
        }
    }
}
