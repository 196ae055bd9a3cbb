//! The measures section: for each standard measure answered in the period,
//! its scores with their bands, a line chart of the scores over the period,
//! every response, and the answers of the latest one item by item.

use chrono::NaiveDate;

use super::{fact, local_parts, table};
use crate::error::Result;
use crate::measures::{self, MeasureId};
use crate::report::document::{Block, ChartKind, Section, SectionId, Series};
use crate::report::text::{Label, Language, Words};
use crate::store::Store;

/// The responses taken in `[from, to]`, per measure.
pub fn measures(
    store: &Store<'_>,
    from: NaiveDate,
    to: NaiveDate,
    w: &Words,
    lang: Language,
) -> Result<Section> {
    let mut blocks = vec![Block::Paragraph {
        text: w.label(Label::MeasuresIntro).to_string(),
    }];
    for id in MeasureId::ALL {
        let mut items = measures::history(store, id)?.items;
        items.retain(|s| {
            s.response
                .taken_at
                .local_date()
                .is_some_and(|d| d >= from && d <= to)
        });
        let Some(latest) = items.first() else {
            continue;
        };
        let m = latest.measure;
        let name = lang.text(&m.name);
        let band = |s: &measures::ScaleScore| {
            format!("{} / {} ({})", s.value, s.max, lang.text(&s.band.label))
        };
        blocks.push(Block::Summary {
            facts: latest
                .scored
                .scores
                .iter()
                .map(|s| {
                    fact(
                        &format!("{} {}", m.short_name, lang.text(&s.scale.name)),
                        band(s),
                    )
                })
                .collect(),
        });
        let oldest_first: Vec<&measures::Saved> = items.iter().rev().collect();
        if oldest_first.len() > 1 {
            blocks.push(Block::Chart {
                kind: ChartKind::Line,
                title: name.to_string(),
                labels: oldest_first
                    .iter()
                    .map(|s| local_parts(s.response.taken_at).0)
                    .collect(),
                series: m
                    .scales
                    .iter()
                    .enumerate()
                    .map(|(i, scale)| Series {
                        name: lang.text(&scale.name).to_string(),
                        values: oldest_first
                            .iter()
                            .map(|s| s.scored.scores.get(i).map_or(0.0, |x| f64::from(x.value)))
                            .collect(),
                    })
                    .collect(),
                y_max: latest
                    .scored
                    .scores
                    .iter()
                    .map(|s| f64::from(s.max))
                    .reduce(f64::max),
            });
        }
        let mut columns = vec![w.date(), w.time()];
        let scale_names: Vec<String> = m
            .scales
            .iter()
            .map(|s| lang.text(&s.name).to_string())
            .collect();
        columns.extend(scale_names.iter().map(String::as_str));
        blocks.push(table(
            &format!("{name}: {}", w.label(Label::Responses)),
            &columns,
            oldest_first
                .iter()
                .map(|s| {
                    let (date, time) = local_parts(s.response.taken_at);
                    let mut row = vec![date, time];
                    row.extend(s.scored.scores.iter().map(band));
                    row
                })
                .collect(),
        ));
        blocks.push(table(
            &format!("{name}: {}", w.label(Label::LatestItems)),
            &[
                w.label(Label::Item),
                w.label(Label::Answer),
                w.label(Label::Score),
            ],
            m.items
                .iter()
                .filter_map(|item| {
                    let v = *latest.response.answers.get(item.key)?;
                    let words = |x: crate::measures::model::Words| x.get(lang).unwrap_or(x.en);
                    let answer = item
                        .choices
                        .iter()
                        .find(|c| c.value == v)
                        .map(|c| words(c.label))
                        .unwrap_or_default();
                    Some(vec![
                        format!("{}. {}", item.number, words(item.text)),
                        answer.to_string(),
                        v.to_string(),
                    ])
                })
                .collect(),
        ));
    }
    Ok(Section {
        id: SectionId::Measures,
        heading: w.label(Label::Measures).to_string(),
        blocks,
    })
}
