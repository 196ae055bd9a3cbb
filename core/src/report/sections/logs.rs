//! Cravings and triggers (with encounters and lapses), and check-ins.

use chrono::NaiveDate;

use super::{fact, local_parts, one_decimal, table};
use crate::error::Result;
use crate::insights::{self, craving_series, in_days, mood_series};
use crate::logs::{CheckIn, Craving, CravingOutcome, Encounter, Lapse, TriggerTag};
use crate::report::bidi::{typed, typed_list};
use crate::report::document::{Block, ChartKind, Section, SectionId, Series};
use crate::report::text::{Label, Words};
use crate::store::{RecordId, Store};

/// Trigger names, each isolated (participant-written).
fn names(tags: &[TriggerTag]) -> String {
    typed_list(tags.iter().map(|t| t.name.as_str()), ", ")
}

fn oldest_first<T>(mut items: Vec<(RecordId, T)>, at: impl Fn(&T) -> i64) -> Vec<T> {
    items.sort_by_key(|(id, v)| (at(v), *id));
    items.into_iter().map(|(_, v)| v).collect()
}

/// Cravings, encounters and lapses in `[from, to]`.
pub fn cravings(store: &Store<'_>, from: NaiveDate, to: NaiveDate, w: &Words) -> Result<Section> {
    let mut damaged = Vec::new();
    let cravings = oldest_first(
        in_days::<Craving>(store, from, to, |c| c.at, &mut damaged)?,
        |c| c.at.utc_millis,
    );
    let encounters = oldest_first(
        in_days::<Encounter>(store, from, to, |e| e.at, &mut damaged)?,
        |e| e.at.utc_millis,
    );
    let lapses = oldest_first(
        in_days::<Lapse>(store, from, to, |l| l.at, &mut damaged)?,
        |l| l.at.utc_millis,
    );
    let passed = cravings
        .iter()
        .filter(|c| {
            matches!(
                c.outcome,
                CravingOutcome::RodeItOut
                    | CravingOutcome::LeftTheSituation
                    | CravingOutcome::ReachedOut
            )
        })
        .count();
    let mean = (!cravings.is_empty()).then(|| {
        cravings.iter().map(|c| f64::from(c.intensity)).sum::<f64>() / cravings.len() as f64
    });
    let (_, weeks) = craving_series(&cravings, from, to);
    let labels: Vec<String> = weeks
        .iter()
        .map(|p| p.week_start.format("%m-%d").to_string())
        .collect();
    let mut blocks = vec![
        Block::Paragraph {
            text: w.label(Label::CravingsIntro).to_string(),
        },
        Block::Summary {
            facts: vec![
                fact(w.label(Label::CravingsLogged), cravings.len()),
                fact(w.label(Label::MeanIntensity), one_decimal(mean)),
                fact(w.label(Label::PassedWithoutUse), passed),
                fact(w.label(Label::EncountersLogged), encounters.len()),
                fact(w.label(Label::LapsesLogged), lapses.len()),
            ],
        },
        Block::Chart {
            kind: ChartKind::Bar,
            title: w.label(Label::CravingsPerWeek).to_string(),
            labels: labels.clone(),
            series: vec![Series {
                name: w.label(Label::Count).to_string(),
                values: weeks.iter().map(|p| f64::from(p.cravings)).collect(),
            }],
            y_max: None,
        },
        Block::Chart {
            kind: ChartKind::Line,
            title: w.label(Label::IntensityPerWeek).to_string(),
            labels,
            series: vec![Series {
                name: w.label(Label::Intensity).to_string(),
                values: weeks
                    .iter()
                    .map(|p| p.mean_intensity.unwrap_or(0.0))
                    .collect(),
            }],
            y_max: Some(10.0),
        },
    ];
    blocks.push(table(
        w.label(Label::CravingsLogged),
        &[
            w.date(),
            w.time(),
            w.label(Label::Intensity),
            w.label(Label::Triggers),
            w.label(Label::Coping),
            w.label(Label::Outcome),
            w.label(Label::Notes),
        ],
        cravings
            .iter()
            .map(|c| {
                let (date, time) = local_parts(c.at);
                let coping = typed_list(c.coping.iter().map(|t| t.text.as_str()), ", ");
                vec![
                    date,
                    time,
                    c.intensity.to_string(),
                    names(&c.triggers),
                    coping,
                    w.outcome(c.outcome).to_string(),
                    typed(&c.notes),
                ]
            })
            .collect(),
    ));
    if !encounters.is_empty() {
        blocks.push(table(
            w.label(Label::Encounters),
            &[
                w.date(),
                w.time(),
                w.label(Label::Triggers),
                w.label(Label::HowHandled),
            ],
            encounters
                .iter()
                .map(|e| {
                    let (date, time) = local_parts(e.at);
                    vec![date, time, names(&e.triggers), typed(&e.how_handled)]
                })
                .collect(),
        ));
    }
    if !lapses.is_empty() {
        blocks.push(table(
            w.label(Label::Lapses),
            &[
                w.date(),
                w.label(Label::Substance),
                w.label(Label::Triggers),
                w.label(Label::ResetClock),
                w.label(Label::Notes),
            ],
            lapses
                .iter()
                .map(|l| {
                    let (date, _) = local_parts(l.at);
                    vec![
                        date,
                        typed(&l.substance),
                        names(&l.triggers),
                        w.yes_no(l.resets_clocks).to_string(),
                        typed(&l.notes),
                    ]
                })
                .collect(),
        ));
    }
    Ok(Section {
        id: SectionId::Cravings,
        heading: w.label(Label::Cravings).to_string(),
        blocks,
    })
}

/// Check-ins in `[from, to]`.
pub fn checkins(store: &Store<'_>, from: NaiveDate, to: NaiveDate, w: &Words) -> Result<Section> {
    let mut damaged = Vec::new();
    let checkins = oldest_first(
        in_days::<CheckIn>(store, from, to, |c| c.at, &mut damaged)?,
        |c| c.at.utc_millis,
    );
    let days = mood_series(&checkins);
    let labels: Vec<String> = days
        .iter()
        .map(|d| d.date.format("%m-%d").to_string())
        .collect();
    let mood_value = |c: &CheckIn| insights::mood_value(c.mood);
    let mut blocks = vec![
        Block::Paragraph {
            text: w.label(Label::CheckinsIntro).to_string(),
        },
        Block::Summary {
            facts: vec![
                fact(w.label(Label::CheckinsLogged), checkins.len()),
                fact(w.label(Label::DaysCheckedIn), days.len()),
            ],
        },
    ];
    // A chart needs at least one day: a period without check-ins (a new
    // participant, a quiet week) says so in its facts and an empty table.
    if !days.is_empty() {
        blocks.push(Block::Chart {
            kind: ChartKind::Line,
            title: w.label(Label::MoodPerDay).to_string(),
            labels,
            series: vec![
                Series {
                    name: w.label(Label::Mood).to_string(),
                    values: days.iter().map(|d| d.mood).collect(),
                },
                Series {
                    name: w.label(Label::CravingLevel).to_string(),
                    values: days.iter().map(|d| d.craving_level).collect(),
                },
            ],
            y_max: Some(10.0),
        });
    }
    blocks.push(table(
        w.label(Label::Checkins),
        &[
            w.date(),
            w.time(),
            w.label(Label::Mood),
            w.label(Label::CravingLevel),
            w.label(Label::SleepHours),
            w.label(Label::Intention),
            w.label(Label::AnyUse),
        ],
        checkins
            .iter()
            .map(|c| {
                let (date, time) = local_parts(c.at);
                vec![
                    date,
                    time,
                    mood_value(c).to_string(),
                    c.craving_level.to_string(),
                    one_decimal(c.sleep_minutes.map(|m| f64::from(m) / 60.0)),
                    typed(&c.intention),
                    w.yes_no(c.any_use).to_string(),
                ]
            })
            .collect(),
    ));
    Ok(Section {
        id: SectionId::Checkins,
        heading: w.label(Label::Checkins).to_string(),
        blocks,
    })
}
