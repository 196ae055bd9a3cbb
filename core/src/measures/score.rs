//! Checks a set of answers against a [`Measure`] and scores them. Works on
//! any measure: every rule lives in the measure's data.

use std::collections::BTreeMap;

use super::model::{Ask, Band, Flag, Measure, Scale};
use crate::error::{Error, Result};
use crate::language::Language;

/// One answer as the shell sends it: an item key and the chosen value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    pub item: String,
    pub value: u8,
}

/// One score of a response.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScaleScore {
    pub scale: &'static Scale,
    pub value: u16,
    /// The highest value the score can take.
    pub max: u16,
    /// The band the value falls in.
    pub band: &'static Band,
}

/// What a response scores.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scored {
    /// One per scale of the measure, in its order.
    pub scores: Vec<ScaleScore>,
    /// Flags raised by single answers, each once.
    pub flags: Vec<Flag>,
}

/// Checks `answers` for `measure` in `lang`: every item known and answered
/// at most once, every value one of its item's options, every required item
/// answered, and items asked only on a condition answered exactly when the
/// condition holds. Returns the answers by item key.
///
/// Errors (`InvalidInput`): `language`/`not_available` (no published
/// version in that language); `answers`/`too_many`, `answers`/`unknown_item`;
/// and with the item's key as the field: `duplicate`, `not_an_option`,
/// `required`, `not_asked`.
pub fn validate(
    measure: &'static Measure,
    lang: Language,
    answers: &[Answer],
) -> Result<BTreeMap<&'static str, u8>> {
    if !measure.has(lang) {
        return Err(Error::invalid("language", "not_available"));
    }
    if answers.len() > measure.items.len() {
        return Err(Error::invalid("answers", "too_many"));
    }
    let mut given: BTreeMap<&'static str, u8> = BTreeMap::new();
    for a in answers {
        let item = measure
            .item(a.item.trim())
            .ok_or_else(|| Error::invalid("answers", "unknown_item"))?;
        if !item.choices.iter().any(|c| c.value == a.value) {
            return Err(Error::invalid(item.key, "not_an_option"));
        }
        if given.insert(item.key, a.value).is_some() {
            return Err(Error::invalid(item.key, "duplicate"));
        }
    }
    for item in measure.items {
        let answered = given.contains_key(item.key);
        match item.ask {
            Ask::Required if !answered => return Err(Error::invalid(item.key, "required")),
            Ask::Required | Ask::Optional => {}
            Ask::IfAbove { item: on, value } => {
                let asked = given.get(on).is_some_and(|v| *v > value);
                if asked && !answered {
                    return Err(Error::invalid(item.key, "required"));
                }
                if !asked && answered {
                    return Err(Error::invalid(item.key, "not_asked"));
                }
            }
        }
    }
    Ok(given)
}

/// Scores answers that passed [`validate`] (or were stored after it). A
/// stored response missing an item of a scale (a damaged or foreign record)
/// is an integrity problem of that record, reported by the caller.
pub fn score(measure: &'static Measure, answers: &BTreeMap<String, u8>) -> Option<Scored> {
    let mut scores = Vec::with_capacity(measure.scales.len());
    for scale in measure.scales {
        let mut value = 0u16;
        let mut max = 0u16;
        for key in scale.items {
            let item = measure.item(key)?;
            value += u16::from(*answers.get(*key)?);
            max += u16::from(item.choices.iter().map(|c| c.value).max().unwrap_or(0));
        }
        let band = scale
            .bands
            .iter()
            .find(|b| (b.min..=b.max).contains(&value))?;
        scores.push(ScaleScore {
            scale,
            value,
            max,
            band,
        });
    }
    let mut flags: Vec<Flag> = measure
        .alerts
        .iter()
        .filter(|a| answers.get(a.item).is_some_and(|v| *v > a.above))
        .map(|a| a.flag)
        .collect();
    flags.sort();
    flags.dedup();
    Some(Scored { scores, flags })
}
