//! The patterns section: insights over the period.

use super::{one_decimal, table};
use crate::insights::Insights;
use crate::report::bidi::typed;
use crate::report::document::{Block, Section, SectionId};
use crate::report::text::{Label, Words};

/// Hours grouped for the printed heat map: eight blocks of three hours.
const BLOCK_HOURS: usize = 3;

/// The insights of a period as a section.
pub fn patterns(i: &Insights, w: &Words) -> Section {
    let mut columns = vec![w.label(Label::Day).to_string()];
    columns.extend((0..24 / BLOCK_HOURS).map(|b| {
        format!(
            "{:02}-{:02}",
            b * BLOCK_HOURS,
            b * BLOCK_HOURS + BLOCK_HOURS
        )
    }));
    let heat_rows = (0..7)
        .map(|day| {
            let mut row = vec![w.weekday(day).to_string()];
            row.extend((0..24 / BLOCK_HOURS).map(|b| {
                i.heat_map[day][b * BLOCK_HOURS..(b + 1) * BLOCK_HOURS]
                    .iter()
                    .sum::<u32>()
                    .to_string()
            }));
            row
        })
        .collect();
    Section {
        id: SectionId::Insights,
        heading: w.label(Label::Insights).to_string(),
        blocks: vec![
            Block::Paragraph {
                text: w.label(Label::InsightsIntro).to_string(),
            },
            Block::Table {
                caption: w.label(Label::HeatMap).to_string(),
                columns,
                rows: heat_rows,
            },
            table(
                w.label(Label::TopTriggers),
                &[
                    w.label(Label::Trigger),
                    w.label(Label::Category),
                    w.label(Label::Times),
                ],
                i.top_triggers
                    .iter()
                    .map(|t| {
                        vec![
                            typed(&t.name),
                            w.category(t.category).into(),
                            t.count.to_string(),
                        ]
                    })
                    .collect(),
            ),
            table(
                w.label(Label::CopingRanked),
                &[
                    w.label(Label::Coping),
                    w.label(Label::Used),
                    w.label(Label::Worked),
                    w.label(Label::MeanDrop),
                ],
                i.coping
                    .iter()
                    .map(|c| {
                        vec![
                            typed(&c.text),
                            c.used.to_string(),
                            c.worked.to_string(),
                            one_decimal(c.mean_drop),
                        ]
                    })
                    .collect(),
            ),
            table(
                w.label(Label::Streaks),
                &[
                    w.label(Label::Clock),
                    w.label(Label::CurrentDays),
                    w.label(Label::LongestDays),
                    w.label(Label::LapsesLogged),
                ],
                i.clocks
                    .iter()
                    .map(|c| {
                        vec![
                            typed(&c.label),
                            c.current_days.to_string(),
                            c.longest_days.to_string(),
                            c.lapses.to_string(),
                        ]
                    })
                    .collect(),
            ),
        ],
    }
}
