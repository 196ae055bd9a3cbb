//! Every word of the report that the core writes (not the participant), in
//! English and Spanish: headings, column names, the viewer's labels and
//! messages, and the 42 CFR Part 2 notice.
//!
//! The notice paraphrases the statement that 42 CFR § 2.32 (as amended by
//! the 2024 final rule, 89 FR 12472) requires to accompany a disclosure made
//! with the patient's consent. It is written for a Part 2 program receiving
//! the report and needs review by the program's counsel before release; see
//! docs/report-format.md.

use serde::{Deserialize, Serialize};

/// The language of everything the core writes into a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    /// English.
    #[default]
    En,
    /// Spanish.
    Es,
}

impl Language {
    /// The language for a BCP 47 tag such as `es-MX` or `en_US`: Spanish for
    /// any `es` tag, English otherwise.
    pub fn from_locale(tag: &str) -> Language {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or_default();
        if primary.eq_ignore_ascii_case("es") {
            Language::Es
        } else {
            Language::En
        }
    }

    /// The BCP 47 tag written into the HTML `lang` attribute.
    pub fn tag(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Es => "es",
        }
    }

    /// Picks this language's text.
    pub fn pick(self, en: &'static str, es: &'static str) -> &'static str {
        match self {
            Language::En => en,
            Language::Es => es,
        }
    }
}

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
