//! Standard self-report measures across the FFI: what is due, a measure's
//! form in a language, submitting (and editing) a response, and its history
//! with trends. The core validates, stores and scores; nothing is computed
//! here. Rules and sources: docs/measures.md.

use keel_core::RecordId;
use keel_core::measures::model::{self as core_model, Ask, Higher, Item};
use keel_core::measures::schedule::{self as core_schedule, Due};
use keel_core::measures::trend::{self as core_trend, Direction};
use keel_core::measures::{self as core, Answer, MeasureId, Saved};

use crate::error::Result;
use crate::mirror::{all, mirror_enum};
use crate::sobriety::CalendarDate;
use crate::today::CrisisContact;
use crate::types::{Language, Moment, Now};
use crate::vault::Vault;

/// A standard measure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum MeasureKind {
    /// Brief Addiction Monitor (VA): use, risk and protective factors.
    Bam,
    /// PHQ-9: depression.
    Phq9,
    /// GAD-7: anxiety.
    Gad7,
    /// AUDIT-C: alcohol consumption.
    AuditC,
}

mirror_enum!(MeasureId => MeasureKind { Bam, Phq9, Gad7, AuditC });

/// A flag one answer raised, for the shell to act on at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum MeasureFlag {
    /// PHQ-9 item 9 above "not at all": show [`CrisisSupport`] now.
    Crisis,
}

mirror_enum!(core_model::Flag => MeasureFlag { Crisis });

/// Which way a change points.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum MeasureDirection {
    Better,
    Worse,
    Same,
}

mirror_enum!(Direction => MeasureDirection { Better, Worse, Same });

/// One answer option of an item.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct MeasureChoice {
    /// What is sent back in [`MeasureAnswer::value`].
    pub value: u8,
    pub label: String,
}

/// The condition an item is asked on: item `item` answered above `above`.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct MeasureCondition {
    pub item: String,
    pub above: u8,
}

/// One question of a form.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct MeasureItem {
    /// Stable key to answer it by (`phq9.9`, `bam.7a`).
    pub key: String,
    /// The number printed on the instrument ("9", "7A").
    pub number: String,
    /// A stem shared by a group of items (BAM 7A-7G), shown above them.
    pub group_text: Option<String>,
    pub text: String,
    pub choices: Vec<MeasureChoice>,
    /// True if it must be answered whenever it is asked.
    pub required: bool,
    /// Asked only when this holds (null: always asked).
    pub asked_if: Option<MeasureCondition>,
}

/// A measure's form in one language.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct MeasureForm {
    pub measure: MeasureKind,
    /// "PHQ-9", "BAM".
    pub short_name: String,
    pub name: String,
    pub language: Language,
    /// Printed above the items, if the instrument has instructions.
    pub instructions: Option<String>,
    /// Days the questions look back over, if stated.
    pub recall_days: Option<u16>,
    pub items: Vec<MeasureItem>,
    /// The languages it has a published version in.
    pub languages: Vec<Language>,
    /// Where this language version comes from.
    pub source: String,
    /// The terms it is used under.
    pub terms: String,
}

/// One answer: an item key and the chosen option's value.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct MeasureAnswer {
    pub item: String,
    pub value: u8,
}

/// One score of a response with its band.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct MeasureScore {
    /// `total`, or the BAM's `use`, `risk`, `protective`.
    pub key: String,
    pub name: String,
    pub value: u16,
    pub max: u16,
    pub band_label: String,
    pub band_meaning: String,
    /// True if the source treats this band as worth a clinician's attention.
    pub needs_attention: bool,
    /// True if a higher value is better (BAM protective factors).
    pub higher_is_better: bool,
    /// Its LOINC code, where LOINC has one.
    pub loinc: Option<String>,
}

/// A stored response, scored by the core.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct MeasureResponse {
    pub id: String,
    pub measure: MeasureKind,
    pub taken_at: Moment,
    pub edited_at: Option<Moment>,
    /// The language version it was answered in.
    pub language: Language,
    pub answers: Vec<MeasureAnswer>,
    pub scores: Vec<MeasureScore>,
    pub flags: Vec<MeasureFlag>,
    /// True while its period is open at the `now` of the call.
    pub editable: bool,
    /// The first instant it can no longer be edited.
    pub editable_until_utc_millis: i64,
}

/// What to show at once when a response raises [`MeasureFlag::Crisis`].
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct CrisisSupport {
    /// A short message without judgement.
    pub message: String,
    /// Crisis lines (always including 988 in the US default) and the
    /// participant's crisis line, sponsor and counselor contacts.
    pub contacts: Vec<CrisisContact>,
    /// The participant's own steps, from their plan.
    pub steps: Vec<String>,
    /// The participant's own reasons, from their plan.
    pub reasons: Vec<String>,
}

/// The result of a submit: the scored response and, if it raised
/// [`MeasureFlag::Crisis`], the crisis support to show now.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct MeasureSubmitted {
    pub response: MeasureResponse,
    pub crisis: Option<CrisisSupport>,
}

/// A measure that is due.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct MeasureDue {
    pub measure: MeasureKind,
    pub short_name: String,
    pub name: String,
    /// The local date it became due.
    pub due_date: CalendarDate,
    /// Days since then (0: due today).
    pub days_overdue: u32,
    pub last_taken: Option<Moment>,
    /// The languages it can be answered in.
    pub languages: Vec<Language>,
}

/// One measure's schedule.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct MeasureSchedule {
    pub measure: MeasureKind,
    pub enabled: bool,
    /// Days between responses (1 to 90); also how long a response stays
    /// editable.
    pub every_days: u16,
    /// Local minute of the day for its reminder (null: no reminder).
    pub reminder_minute: Option<u16>,
}

/// One score at one response.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct MeasurePoint {
    pub at: Moment,
    pub value: u16,
    pub band_label: String,
    pub needs_attention: bool,
}

/// One score over time.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct MeasureScoreTrend {
    pub key: String,
    pub name: String,
    pub max: u16,
    /// Oldest first.
    pub points: Vec<MeasurePoint>,
    /// Newest minus the one before (null with fewer than two).
    pub change: Option<i32>,
    pub direction: Option<MeasureDirection>,
    /// True if the newest is in another band than the one before.
    pub band_changed: bool,
}

/// An item answered differently in the newest response than the one before.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct MeasureItemMove {
    pub key: String,
    pub number: String,
    pub text: String,
    pub from_value: u8,
    pub to_value: u8,
    pub from_label: String,
    pub to_label: String,
    pub direction: MeasureDirection,
}

/// A measure's history and trends.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct MeasureHistory {
    pub measure: MeasureKind,
    /// Newest first.
    pub responses: Vec<MeasureResponse>,
    pub trends: Vec<MeasureScoreTrend>,
    pub moved_items: Vec<MeasureItemMove>,
    /// Responses that could not be read (kept, never deleted).
    pub damaged_ids: Vec<String>,
}

fn languages(m: &core_model::Measure) -> Vec<Language> {
    m.languages().map(Language::from).collect()
}

/// An instrument text in `lang`, or in English where the measure has no
/// version in `lang` (history only: forms refuse such a language).
fn words(w: core_model::Words, lang: keel_core::Language) -> String {
    w.get(lang).unwrap_or(w.en).to_string()
}

fn choice_label(item: &Item, value: u8, lang: keel_core::Language) -> String {
    item.choices
        .iter()
        .find(|c| c.value == value)
        .map(|c| words(c.label, lang))
        .unwrap_or_default()
}

fn response(saved: Saved, now_millis: i64, lang: keel_core::Language) -> MeasureResponse {
    let editable = saved.editable_at(now_millis);
    let r = saved.response;
    MeasureResponse {
        id: saved.id.to_string(),
        measure: r.measure.into(),
        taken_at: r.taken_at.into(),
        edited_at: r.edited_at.map(Moment::from),
        language: r.language.into(),
        editable_until_utc_millis: r.editable_until_millis(),
        answers: saved
            .measure
            .items
            .iter()
            .filter_map(|i| {
                r.answers.get(i.key).map(|v| MeasureAnswer {
                    item: i.key.to_string(),
                    value: *v,
                })
            })
            .collect(),
        scores: saved
            .scored
            .scores
            .iter()
            .map(|s| MeasureScore {
                key: s.scale.key.to_string(),
                name: lang.text(&s.scale.name).to_string(),
                value: s.value,
                max: s.max,
                band_label: lang.text(&s.band.label).to_string(),
                band_meaning: lang.text(&s.band.meaning).to_string(),
                needs_attention: s.band.attention,
                higher_is_better: s.scale.higher == Higher::Better,
                loinc: s.scale.loinc.map(str::to_string),
            })
            .collect(),
        flags: all(saved.scored.flags),
        editable,
    }
}

fn core_answers(answers: Vec<MeasureAnswer>) -> Vec<Answer> {
    answers
        .into_iter()
        .map(|a| Answer {
            item: a.item,
            value: a.value,
        })
        .collect()
}

impl From<core_schedule::Schedule> for MeasureSchedule {
    fn from(s: core_schedule::Schedule) -> Self {
        MeasureSchedule {
            measure: s.measure.into(),
            enabled: s.enabled,
            every_days: s.every_days,
            reminder_minute: s.reminder_minute,
        }
    }
}

/// A due measure as the shells show it, in `lang`.
pub(crate) fn due(d: Due, lang: keel_core::Language) -> MeasureDue {
    let m = core::measure(d.measure);
    MeasureDue {
        measure: d.measure.into(),
        short_name: m.short_name.to_string(),
        name: lang.text(&m.name).to_string(),
        due_date: d.due_date.into(),
        days_overdue: d.days_overdue,
        last_taken: d.last_taken.map(Moment::from),
        languages: languages(m),
    }
}

/// The form of `measure` in `language`. A language the measure has no
/// published version in is `InvalidInput { field: "language", reason:
/// "not_available" }` (the BAM is English only): offer English.
#[uniffi::export]
pub fn measure_form(measure: MeasureKind, language: Language) -> Result<MeasureForm> {
    let m = core::measure(measure.into());
    let lang: keel_core::Language = language.into();
    let source = m
        .sources
        .iter()
        .find(|s| s.language == lang)
        .ok_or_else(|| keel_core::Error::invalid("language", "not_available"))?;
    let text = |w: core_model::Words| words(w, lang);
    Ok(MeasureForm {
        measure,
        short_name: m.short_name.to_string(),
        name: lang.text(&m.name).to_string(),
        language,
        instructions: m.instructions.map(text),
        recall_days: m.recall_days,
        items: m
            .items
            .iter()
            .map(|i| MeasureItem {
                key: i.key.to_string(),
                number: i.number.to_string(),
                group_text: i.group.map(text),
                text: text(i.text),
                choices: i
                    .choices
                    .iter()
                    .map(|c| MeasureChoice {
                        value: c.value,
                        label: text(c.label),
                    })
                    .collect(),
                required: !matches!(i.ask, Ask::Optional),
                asked_if: match i.ask {
                    Ask::IfAbove { item, value } => Some(MeasureCondition {
                        item: item.to_string(),
                        above: value,
                    }),
                    Ask::Required | Ask::Optional => None,
                },
            })
            .collect(),
        languages: languages(m),
        source: source.citation.to_string(),
        terms: source.terms.to_string(),
    })
}

#[uniffi::export]
impl Vault {
    /// The measures due today or overdue at `now`, names in `language`.
    pub fn measures_due(&self, now: Now, language: Language) -> Result<Vec<MeasureDue>> {
        let now = now.resolve()?;
        let vault = self.core();
        let lang = language.into();
        Ok(core_schedule::due(&vault.store()?, &now)?
            .into_iter()
            .map(|d| due(d, lang))
            .collect())
    }

    /// Every measure's schedule (the BAM weekly by default, the others off).
    pub fn measure_schedules(&self) -> Result<Vec<MeasureSchedule>> {
        let vault = self.core();
        Ok(all(core_schedule::all(&vault.store()?)?))
    }

    /// Saves one measure's schedule; returns every schedule.
    pub fn set_measure_schedule(&self, schedule: MeasureSchedule) -> Result<Vec<MeasureSchedule>> {
        let vault = self.core();
        let saved = core_schedule::set(
            &vault.store()?,
            core_schedule::Schedule {
                measure: schedule.measure.into(),
                enabled: schedule.enabled,
                every_days: schedule.every_days,
                reminder_minute: schedule.reminder_minute,
            },
        )?;
        Ok(all(saved))
    }

    /// Submits a response to `measure` answered in `language` (the version
    /// answered, and the language of the texts returned), taken at `now`;
    /// with `response_id`, replaces that response's answers while its
    /// period is open. Errors: docs/measures.md "Validation". If the
    /// result carries [`MeasureFlag::Crisis`], show `crisis` at once.
    pub fn submit_measure(
        &self,
        measure: MeasureKind,
        language: Language,
        answers: Vec<MeasureAnswer>,
        response_id: Option<String>,
        now: Now,
    ) -> Result<MeasureSubmitted> {
        let record = response_id
            .map(|id| RecordId::parse("id", &id))
            .transpose()?;
        let now = now.resolve()?;
        let lang: keel_core::Language = language.into();
        let answers = core_answers(answers);
        let vault = self.core();
        let store = vault.store()?;
        let saved = match record {
            Some(record) => core::edit(&store, record, measure.into(), lang, &answers, &now)?,
            None => core::submit(&store, measure.into(), lang, &answers, &now)?,
        };
        let crisis = if saved.crisis() {
            let c = core::crisis_support(&store, lang)?;
            Some(CrisisSupport {
                message: c.message.to_string(),
                contacts: all(c.contacts),
                steps: c.steps,
                reasons: c.reasons,
            })
        } else {
            None
        };
        Ok(MeasureSubmitted {
            response: response(saved, now.utc_millis(), lang),
            crisis,
        })
    }

    /// Every response to `measure`, newest first, with each score over
    /// time, its change since the previous response, and the items that
    /// moved; texts in `language` (instrument words in English where the
    /// measure has no version in `language`).
    pub fn measure_history(
        &self,
        measure: MeasureKind,
        now: Now,
        language: Language,
    ) -> Result<MeasureHistory> {
        let now = now.resolve()?;
        let lang: keel_core::Language = language.into();
        let vault = self.core();
        let history = core::history(&vault.store()?, measure.into())?;
        let trend = core_trend::trend(&history.items);
        Ok(MeasureHistory {
            measure,
            trends: trend
                .scales
                .iter()
                .map(|t| MeasureScoreTrend {
                    key: t.scale.key.to_string(),
                    name: lang.text(&t.scale.name).to_string(),
                    max: history
                        .items
                        .first()
                        .and_then(|s| s.scored.scores.iter().find(|x| x.scale == t.scale))
                        .map_or(0, |s| s.max),
                    points: t
                        .points
                        .iter()
                        .map(|p| MeasurePoint {
                            at: p.at.into(),
                            value: p.value,
                            band_label: lang.text(&p.band.label).to_string(),
                            needs_attention: p.band.attention,
                        })
                        .collect(),
                    change: t.change,
                    direction: t.direction.map(MeasureDirection::from),
                    band_changed: t.band_changed,
                })
                .collect(),
            moved_items: trend
                .moved
                .iter()
                .map(|m| MeasureItemMove {
                    key: m.item.key.to_string(),
                    number: m.item.number.to_string(),
                    text: words(m.item.text, lang),
                    from_value: m.from,
                    to_value: m.to,
                    from_label: choice_label(m.item, m.from, lang),
                    to_label: choice_label(m.item, m.to, lang),
                    direction: m.direction.into(),
                })
                .collect(),
            responses: history
                .items
                .into_iter()
                .map(|s| response(s, now.utc_millis(), lang))
                .collect(),
            damaged_ids: history.damaged.iter().map(ToString::to_string).collect(),
        })
    }
}
