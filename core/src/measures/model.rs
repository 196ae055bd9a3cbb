//! What a measure is, as data: items with their answer options and values,
//! when an item is asked, the scores (a total or subscales) with their bands
//! and what each band means, alerts on single answers, the recall period,
//! the language versions and where each comes from, and the LOINC codes.
//!
//! Nothing here is code per measure: [`super::score`] validates and scores
//! any [`Measure`], and the four built-in ones ([`super::catalog`]) are
//! tables of these types.

use serde::{Deserialize, Serialize};

use crate::language::{Language, Text};

/// The measures this build knows. The serialised names are stored in
/// records: never rename one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MeasureId {
    /// Brief Addiction Monitor (VA, 17 items).
    Bam,
    /// Patient Health Questionnaire, 9 items (depression).
    Phq9,
    /// Generalized Anxiety Disorder, 7 items.
    Gad7,
    /// AUDIT-C: the three consumption questions of the WHO AUDIT.
    AuditC,
}

impl MeasureId {
    /// Every measure, in the order screens list them.
    pub const ALL: [MeasureId; 4] = [Self::Bam, Self::Phq9, Self::Gad7, Self::AuditC];

    /// A short stable code (`bam`, `phq9`, `gad7`, `auditc`).
    pub fn code(self) -> &'static str {
        match self {
            Self::Bam => "bam",
            Self::Phq9 => "phq9",
            Self::Gad7 => "gad7",
            Self::AuditC => "auditc",
        }
    }
}

/// An instrument's own words: English always, Spanish only where a
/// published Spanish version whose terms allow it is included. Instrument
/// text is never translated here (see docs/measures.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Words {
    pub en: &'static str,
    pub es: Option<&'static str>,
}

impl Words {
    /// The words in `lang`, if this version exists.
    pub fn get(&self, lang: Language) -> Option<&'static str> {
        match lang {
            Language::En => Some(self.en),
            Language::Es => self.es,
        }
    }
}

/// Words with an English and a Spanish published version.
pub const fn both(en: &'static str, es: &'static str) -> Words {
    Words { en, es: Some(es) }
}

/// Words with an English published version only.
pub const fn english(en: &'static str) -> Words {
    Words { en, es: None }
}

/// One answer option: what is shown and the value it scores.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Choice {
    pub value: u8,
    pub label: Words,
}

/// When an item is asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ask {
    /// Always, and an answer is required.
    Required,
    /// Always, and it may be left blank (PHQ-9's difficulty question).
    Optional,
    /// Only when item `item` was answered above `value`, and then required
    /// (BAM 7A-7G elaborate on item 6).
    IfAbove { item: &'static str, value: u8 },
}

/// Which way an item or score points: for trends and "what moved".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Higher {
    /// A higher value is a concern (symptoms, use, risk).
    Worse,
    /// A higher value is a strength (protective factors, satisfaction).
    Better,
}

/// One question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Item {
    /// Stable key, unique across measures (`phq9.9`, `bam.7a`): stored in
    /// responses and used as the `field` of an answer's error.
    pub key: &'static str,
    /// The number printed on the instrument ("9", "7A").
    pub number: &'static str,
    /// A stem shared by a group of items (BAM item 7's question above 7A-7G).
    pub group: Option<Words>,
    pub text: Words,
    pub choices: &'static [Choice],
    pub ask: Ask,
    pub higher: Higher,
    /// The item's LOINC code, where LOINC has one.
    pub loinc: Option<&'static str>,
}

/// A range of a score and what it means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Band {
    pub min: u16,
    pub max: u16,
    /// Its published name ("Mild", "Moderate").
    pub label: Text,
    /// One sentence for the participant, without judgement.
    pub meaning: Text,
    /// True if the source treats this band as worth a clinician's attention.
    pub attention: bool,
}

/// A score: the sum of some items' values, with its bands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scale {
    /// Stable key (`total`, `use`, `risk`, `protective`).
    pub key: &'static str,
    pub name: Text,
    /// The items summed.
    pub items: &'static [&'static str],
    pub higher: Higher,
    /// Bands covering every possible value, in order.
    pub bands: &'static [Band],
    /// The score's LOINC code, where LOINC has one.
    pub loinc: Option<&'static str>,
}

/// A flag a single answer raises, for the shells to act on at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Flag {
    /// Thoughts of being better off dead or of self-harm (PHQ-9 item 9
    /// above "not at all"): show the crisis resources and the participant's
    /// own steps now.
    Crisis,
}

/// An answer above `above` on `item` raises `flag`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Alert {
    pub item: &'static str,
    pub above: u8,
    pub flag: Flag,
}

/// Where a language version comes from and on what terms it is used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Source {
    pub language: Language,
    pub citation: &'static str,
    pub terms: &'static str,
}

/// A standard self-report measure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Measure {
    pub id: MeasureId,
    /// Bumped when items, values or scoring change; stored with responses.
    pub version: u16,
    /// Its usual short name ("PHQ-9"), the same in every language.
    pub short_name: &'static str,
    pub name: Text,
    /// The instructions printed above the items, if the instrument has any.
    pub instructions: Option<Words>,
    /// The days the questions look back over (`None`: not stated).
    pub recall_days: Option<u16>,
    pub items: &'static [Item],
    pub scales: &'static [Scale],
    pub alerts: &'static [Alert],
    /// One source per included language version.
    pub sources: &'static [Source],
    /// The LOINC code of the whole panel.
    pub loinc_panel: Option<&'static str>,
    /// The schedule's interval before the participant chooses one.
    pub default_every_days: u16,
    /// Whether it is scheduled before the participant chooses.
    pub on_by_default: bool,
}

impl Measure {
    /// The languages this measure has a published version in.
    pub fn languages(&self) -> impl Iterator<Item = Language> + '_ {
        self.sources.iter().map(|s| s.language)
    }

    /// True if it has a published version in `lang`.
    pub fn has(&self, lang: Language) -> bool {
        self.languages().any(|l| l == lang)
    }

    /// The item `key`.
    pub fn item(&self, key: &str) -> Option<&'static Item> {
        self.items.iter().find(|i| i.key == key)
    }
}
