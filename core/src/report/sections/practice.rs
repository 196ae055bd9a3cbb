//! The practice section: breathing and meditation sessions.

use chrono::NaiveDate;

use super::{fact, local_parts, one_decimal, table};
use crate::error::Result;
use crate::exercises::BuiltIn;
use crate::exercises::session::{Session, SessionStatus, insights_of};
use crate::insights::in_days;
use crate::report::document::{Block, Section, SectionId};
use crate::report::text::{Label, Language, Words};
use crate::store::Store;

/// The name to print for an exercise id.
fn exercise_name(id: &str, custom: Option<&String>, lang: Language) -> String {
    if let Some(name) = custom {
        return crate::report::bidi::typed(name);
    }
    BuiltIn::ALL
        .iter()
        .find(|b| b.id() == id)
        .map_or_else(|| id.to_string(), |b| b.title(lang).to_string())
}

/// Sessions started in `[from, to]`.
pub fn exercises(
    store: &Store<'_>,
    from: NaiveDate,
    to: NaiveDate,
    w: &Words,
    lang: Language,
) -> Result<Section> {
    let mut damaged = Vec::new();
    let mut sessions: Vec<Session> =
        in_days::<Session>(store, from, to, |s| s.started_at, &mut damaged)?
            .into_iter()
            .map(|(_, s)| s)
            .filter(|s| s.status != SessionStatus::InProgress)
            .collect();
    sessions.sort_by_key(|s| s.started_at.utc_millis);
    let minutes: u64 = sessions.iter().filter_map(|s| s.practiced_ms).sum::<u64>() / 60_000;
    let per_exercise = insights_of(sessions.iter());
    Ok(Section {
        id: SectionId::Exercises,
        heading: w.label(Label::Exercises).to_string(),
        blocks: vec![
            Block::Paragraph {
                text: w.label(Label::ExercisesIntro).to_string(),
            },
            Block::Summary {
                facts: vec![
                    fact(w.label(Label::Sessions), sessions.len()),
                    fact(w.label(Label::MinutesPractised), minutes),
                ],
            },
            table(
                w.label(Label::Exercises),
                &[
                    w.label(Label::Exercise),
                    w.label(Label::Sessions),
                    w.label(Label::Finished),
                    w.label(Label::MeanDrop),
                ],
                per_exercise
                    .iter()
                    .map(|i| {
                        vec![
                            exercise_name(&i.exercise_id, i.exercise_name.as_ref(), lang),
                            i.sessions.to_string(),
                            i.finished.to_string(),
                            one_decimal(i.average_drop),
                        ]
                    })
                    .collect(),
            ),
            table(
                w.label(Label::Sessions),
                &[
                    w.date(),
                    w.time(),
                    w.label(Label::Exercise),
                    w.label(Label::Minutes),
                    w.label(Label::Before),
                    w.label(Label::After),
                ],
                sessions
                    .iter()
                    .map(|s| {
                        let (date, time) = local_parts(s.started_at);
                        let rating = |r: Option<u8>| r.map(|r| r.to_string()).unwrap_or_default();
                        vec![
                            date,
                            time,
                            exercise_name(&s.exercise_id, s.exercise_name.as_ref(), lang),
                            s.practiced_ms
                                .map(|ms| (ms / 60_000).to_string())
                                .unwrap_or_default(),
                            rating(s.craving_before),
                            rating(s.craving_after),
                        ]
                    })
                    .collect(),
            ),
        ],
    })
}
