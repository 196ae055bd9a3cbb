//! Section builders: each reads one part of the vault for the report's
//! period and returns a [`Section`] of plain blocks (paragraphs, summaries,
//! tables, charts, lists); the container, the preview and the viewer need no
//! change when one is added.
//!
//! - [`plan`]: the current relapse-prevention plan;
//! - [`logs`]: cravings and triggers (with encounters and lapses), check-ins;
//! - [`practice`]: breathing and meditation sessions;
//! - [`attendance`]: meetings attended and program hours;
//! - [`patterns`]: insights (heat map, top triggers, coping, streaks);
//! - [`measures`]: standard measures (scores, bands, trend, latest answers).

pub mod attendance;
pub mod logs;
pub mod measures;
pub mod patterns;
pub mod plan;
pub mod practice;

use chrono::NaiveDate;

use super::document::{Block, Fact, Section, SectionId};
use super::text::Words;
use crate::error::Result;
use crate::notes;
use crate::store::Store;
use crate::time::LocalInstant;

/// Date and time of an instant in its own local time.
pub(crate) fn local_parts(at: LocalInstant) -> (String, String) {
    match at.to_local() {
        Some(t) => (
            t.format("%Y-%m-%d").to_string(),
            t.format("%H:%M").to_string(),
        ),
        None => (String::new(), String::new()),
    }
}

/// The journal notes written in `[from, to]` (the participant's days),
/// oldest first, as a table.
pub fn journal(
    store: &Store<'_>,
    from: NaiveDate,
    to: NaiveDate,
    words: &Words,
) -> Result<Section> {
    let mut list = notes::list(store)?.notes;
    list.retain(|n| {
        n.note
            .written_at
            .local_date()
            .is_some_and(|d| d >= from && d <= to)
    });
    list.reverse();
    let rows = list
        .into_iter()
        .map(|n| {
            let (date, time) = local_parts(n.note.written_at);
            vec![date, time, super::bidi::typed(&n.note.text)]
        })
        .collect();
    Ok(Section {
        id: SectionId::Journal,
        heading: words.journal().to_string(),
        blocks: vec![
            Block::Paragraph {
                text: words.journal_intro().to_string(),
            },
            Block::Table {
                caption: words.journal().to_string(),
                columns: vec![
                    words.date().to_string(),
                    words.time().to_string(),
                    words.note().to_string(),
                ],
                rows,
            },
        ],
    })
}

/// Rows over the tables of `section` (for the overview's counts).
pub fn row_count(section: &Section) -> usize {
    section
        .blocks
        .iter()
        .map(|b| match b {
            Block::Table { rows, .. } => rows.len(),
            _ => 0,
        })
        .sum()
}

/// The overview that opens every report: what it covers, when it was
/// prepared, and how many entries each section holds.
pub fn overview(
    words: &Words,
    period: &str,
    prepared: &str,
    counts: Vec<(String, usize)>,
) -> Section {
    let mut facts = vec![
        Fact {
            label: words.period().to_string(),
            value: period.to_string(),
        },
        Fact {
            label: words.prepared().to_string(),
            value: prepared.to_string(),
        },
    ];
    facts.extend(counts.into_iter().map(|(label, n)| Fact {
        label,
        value: n.to_string(),
    }));
    Section {
        id: SectionId::Overview,
        heading: words.overview().to_string(),
        blocks: vec![
            Block::Paragraph {
                text: words.overview_intro().to_string(),
            },
            Block::Summary { facts },
        ],
    }
}

/// A number with one decimal, or an empty cell.
pub(crate) fn one_decimal(v: Option<f64>) -> String {
    v.map(|v| format!("{v:.1}")).unwrap_or_default()
}

/// A table block.
pub(crate) fn table(caption: &str, columns: &[&str], rows: Vec<Vec<String>>) -> Block {
    Block::Table {
        caption: caption.to_string(),
        columns: columns.iter().map(|c| c.to_string()).collect(),
        rows,
    }
}

/// A summary line.
pub(crate) fn fact(label: &str, value: impl ToString) -> Fact {
    Fact {
        label: label.to_string(),
        value: value.to_string(),
    }
}
