//! Standard self-report measures a counselor already reads: the Brief
//! Addiction Monitor (BAM), PHQ-9, GAD-7 and AUDIT-C.
//!
//! A measure is data ([`model`]): items, answer options with their values,
//! when an item is asked, scores with bands, alerts, recall period, language
//! versions with their sources, LOINC codes. The four built-in ones are
//! tables in [`catalog`]; [`score`] validates and scores any of them.
//!
//! A response is a sealed record (`measures.response`) holding the answers
//! only: scores, bands and flags are computed by the core whenever it is
//! read, so they can never disagree with the answers. A response stays
//! editable until its period closes: the schedule's interval for that
//! measure when it was taken (a weekly BAM can be corrected for a week).
//! [`schedule`] says what is due and feeds the reminders and Today;
//! [`trend`] gives scores over time, change since the previous response and
//! the items that moved.
//!
//! PHQ-9 item 9 above "not at all" raises [`Flag::Crisis`] on the result:
//! the shells show [`crisis_support`] at once (crisis lines, the
//! participant's own contacts, steps and reasons from their plan).

pub mod catalog;
pub mod model;
pub mod schedule;
pub mod score;
pub mod trend;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

pub use catalog::measure;
pub use model::{Flag, Measure, MeasureId};
pub use score::{Answer, ScaleScore, Scored};

use crate::error::{Error, Result};
use crate::language::{Language, Text, t};
use crate::plan::{ContactRole, revisions};
use crate::store::{Record, RecordId, Store};
use crate::time::{LocalInstant, ZonedNow};
use crate::today::{CrisisContact, crisis_contacts};

/// One day in milliseconds.
const DAY_MS: i64 = 86_400_000;

/// A response as stored: the answers, never the scores.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Response {
    pub measure: MeasureId,
    /// The measure definition's version it was answered under.
    pub version: u16,
    /// The language version it was answered in.
    pub language: Language,
    /// When it was first submitted.
    pub taken_at: LocalInstant,
    /// Days after `taken_at` it may still be edited (the schedule's
    /// interval when it was taken).
    pub period_days: u16,
    /// Item key to chosen value.
    pub answers: BTreeMap<String, u8>,
    /// When it was last edited, if ever.
    #[serde(default)]
    pub edited_at: Option<LocalInstant>,
}

impl Record for Response {
    const COLLECTION: &'static str = "measures.response";
    const NOUN: &'static str = "measure_response";
}

impl crate::store::Timed for Response {
    fn at_millis(&self) -> i64 {
        self.taken_at.utc_millis
    }
}

impl Response {
    /// The first instant it can no longer be edited, UTC milliseconds.
    pub fn editable_until_millis(&self) -> i64 {
        self.taken_at
            .utc_millis
            .saturating_add(i64::from(self.period_days).saturating_mul(DAY_MS))
    }
}

/// A stored response with its id, its measure and its scores.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Saved {
    pub id: RecordId,
    pub measure: &'static Measure,
    pub response: Response,
    pub scored: Scored,
}

impl Saved {
    /// Scores a stored response; one that cannot be scored is an integrity
    /// problem of that record.
    pub fn new(id: RecordId, response: Response) -> Result<Saved> {
        let measure = catalog::measure(response.measure);
        let scored = score::score(measure, &response.answers).ok_or_else(|| Error::Integrity {
            record: id.to_string(),
        })?;
        Ok(Saved {
            id,
            measure,
            response,
            scored,
        })
    }

    /// True while it may still be edited at `now_millis`.
    pub fn editable_at(&self, now_millis: i64) -> bool {
        now_millis < self.response.editable_until_millis()
    }

    /// True if any answer raised [`Flag::Crisis`].
    pub fn crisis(&self) -> bool {
        self.scored.flags.contains(&Flag::Crisis)
    }
}

fn stored_answers(answers: BTreeMap<&'static str, u8>) -> BTreeMap<String, u8> {
    answers
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect()
}

/// Validates, stores and scores a new response to `id`, taken now.
pub fn submit(
    store: &Store<'_>,
    id: MeasureId,
    lang: Language,
    answers: &[Answer],
    now: &ZonedNow,
) -> Result<Saved> {
    let measure = catalog::measure(id);
    let answers = score::validate(measure, lang, answers)?;
    let taken_at = now.instant().validate("now")?;
    store.atomically(|s| {
        let period_days = schedule::get(s, id)?.every_days;
        let response = Response {
            measure: id,
            version: measure.version,
            language: lang,
            taken_at,
            period_days,
            answers: stored_answers(answers),
            edited_at: None,
        };
        let record = s.insert(&response)?;
        Saved::new(record, response)
    })
}

/// Replaces the answers of response `record` (of measure `id`) while its
/// period is open. Errors: `measure`/`does_not_match` if it is a response
/// to another measure, `id`/`period_closed` once its period has closed.
pub fn edit(
    store: &Store<'_>,
    record: RecordId,
    id: MeasureId,
    lang: Language,
    answers: &[Answer],
    now: &ZonedNow,
) -> Result<Saved> {
    let measure = catalog::measure(id);
    let now_at = now.instant().validate("now")?;
    store.atomically(|s| {
        let old: Response = s.get(&record)?;
        if old.measure != id {
            return Err(Error::invalid("measure", "does_not_match"));
        }
        if now_at.utc_millis >= old.editable_until_millis() {
            return Err(Error::invalid("id", "period_closed"));
        }
        let answers = score::validate(measure, lang, answers)?;
        let response = Response {
            version: measure.version,
            language: lang,
            answers: stored_answers(answers),
            edited_at: Some(now_at),
            ..old
        };
        s.update(&record, &response)?;
        Saved::new(record, response)
    })
}

/// Every response to one measure, newest first, and the responses that
/// could not be read (kept, never deleted).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct History {
    pub items: Vec<Saved>,
    /// Responses that failed their integrity check or could not be scored.
    /// A sealed record that does not open cannot say which measure it
    /// answered, so every history lists all of them.
    pub damaged: Vec<RecordId>,
}

/// The responses to `id`, newest first.
pub fn history(store: &Store<'_>, id: MeasureId) -> Result<History> {
    let listing = store.list::<Response>()?;
    let mut damaged = listing.damaged;
    let mut items = Vec::new();
    for (record, response) in listing.items {
        if response.measure != id {
            continue;
        }
        match Saved::new(record, response) {
            Ok(saved) => items.push(saved),
            Err(_) => damaged.push(record),
        }
    }
    items.sort_by(|a, b| {
        b.response
            .taken_at
            .utc_millis
            .cmp(&a.response.taken_at.utc_millis)
            .then(b.id.cmp(&a.id))
    });
    damaged.sort();
    Ok(History { items, damaged })
}

/// What the shells show at once when a response raises [`Flag::Crisis`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CrisisSupport {
    /// A short message without judgement.
    pub message: &'static str,
    /// Crisis lines (988 and the SAMHSA helpline unless the plan has its
    /// own) and the participant's crisis line, sponsor and counselor
    /// contacts with a phone number.
    pub contacts: Vec<CrisisContact>,
    /// The participant's own steps for a hard moment (their plan's steps).
    pub steps: Vec<String>,
    /// The participant's own reasons, from their plan.
    pub reasons: Vec<String>,
}

/// The crisis message.
pub const CRISIS_MESSAGE: Text = t(
    "Thank you for answering honestly. You don't have to carry this alone: you can talk to \
someone right now, any time, day or night.",
    "Gracias por responder con sinceridad. No tienes que cargar con esto solo o sola: puedes \
hablar con alguien ahora mismo, a cualquier hora del día o de la noche.",
);

/// The crisis resources and the participant's own steps, in `lang` where
/// they are the core's defaults.
pub fn crisis_support(store: &Store<'_>, lang: Language) -> Result<CrisisSupport> {
    let plan = revisions::current_in(store)?.map(|r| r.plan);
    let mut contacts = crisis_contacts(plan.as_ref(), lang);
    if !contacts.iter().any(|c| c.role == ContactRole::CrisisLine) {
        // A plan whose crisis lines were all removed still gets 988 here.
        let defaults = crisis_contacts(None, lang);
        contacts.splice(0..0, defaults);
    }
    Ok(CrisisSupport {
        message: lang.text(&CRISIS_MESSAGE),
        contacts,
        steps: plan
            .as_ref()
            .map(|p| p.lapse_plan.steps.clone())
            .unwrap_or_default(),
        reasons: plan.map(|p| p.reasons).unwrap_or_default(),
    })
}

#[cfg(test)]
mod tests;
