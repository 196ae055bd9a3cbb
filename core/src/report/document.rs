//! The report document: everything a counselor will see, as plain data.
//!
//! A document has a title, the period it covers, when it was prepared, the
//! 42 CFR Part 2 notice and an ordered list of sections. A section holds
//! blocks: paragraphs, label/value summaries, tables of text, bar or line
//! charts, and lists. It travels as JSON inside the encrypted container, and
//! the viewer renders it with text nodes only (never as markup), so whatever
//! the participant typed stays text.
//!
//! [`ReportDocument::validate`] bounds every part (so a document always fits
//! a phone's memory and a counselor's screen) and [`preview`] summarises a
//! document for the participant before it is written: sections, rows, charts
//! and the period, plus a fingerprint that the write must match.

use std::collections::HashSet;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::text::{Countable, Language, Words};
use crate::error::{Error, Result};

/// The document format the viewer understands; part of the JSON.
pub const DOCUMENT_FORMAT: u32 = 1;
/// Most sections a document may hold.
pub const MAX_SECTIONS: usize = 32;
/// Most blocks in one section.
pub const MAX_BLOCKS: usize = 64;
/// Most rows in one table.
pub const MAX_ROWS: usize = 10_000;
/// Most columns in one table.
pub const MAX_COLUMNS: usize = 12;
/// Most points along a chart's axis.
pub const MAX_POINTS: usize = 400;
/// Most series in one chart.
pub const MAX_SERIES: usize = 6;
/// Most items in a list or facts in a summary.
pub const MAX_ITEMS: usize = 1_000;
/// Longest text of one cell, paragraph or item, in characters.
pub const MAX_TEXT: usize = 10_000;
/// Largest value a chart may plot.
pub const MAX_VALUE: f64 = 1e9;

/// Which part of the participant's record a section shows. The viewer uses
/// it for anchors; its heading is what people read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SectionId {
    /// What the report covers and how it was made.
    Overview,
    /// The relapse-prevention plan.
    Plan,
    /// Cravings logged.
    Cravings,
    /// Daily check-ins.
    Checkins,
    /// High-risk encounters.
    Encounters,
    /// Lapses, logged without blame.
    Lapses,
    /// Sobriety clocks and milestones.
    Sobriety,
    /// Breathing and meditation practice.
    Exercises,
    /// Meeting attendance.
    Attendance,
    /// Patterns the core found.
    Insights,
    /// Standard self-report measures (BAM, PHQ-9, GAD-7, AUDIT-C).
    Measures,
    /// Journal notes the participant chose to share.
    Journal,
}

impl SectionId {
    /// The id as written in the JSON and used in the viewer's anchors.
    pub fn as_str(self) -> &'static str {
        match self {
            SectionId::Overview => "overview",
            SectionId::Plan => "plan",
            SectionId::Cravings => "cravings",
            SectionId::Checkins => "checkins",
            SectionId::Encounters => "encounters",
            SectionId::Lapses => "lapses",
            SectionId::Sobriety => "sobriety",
            SectionId::Exercises => "exercises",
            SectionId::Attendance => "attendance",
            SectionId::Insights => "insights",
            SectionId::Measures => "measures",
            SectionId::Journal => "journal",
        }
    }
}

/// The days a report covers, in the participant's calendar, both included.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Period {
    /// First day, `YYYY-MM-DD`.
    pub from: String,
    /// Last day, `YYYY-MM-DD`.
    pub to: String,
}

impl Period {
    /// The period from `from` to `to` (both included).
    pub fn new(from: NaiveDate, to: NaiveDate) -> Result<Self> {
        if from > to {
            return Err(Error::invalid("period", "starts_after_end"));
        }
        Ok(Period {
            from: from.format("%Y-%m-%d").to_string(),
            to: to.format("%Y-%m-%d").to_string(),
        })
    }

    fn dates(&self) -> Option<(NaiveDate, NaiveDate)> {
        let parse = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
        Some((parse(&self.from)?, parse(&self.to)?))
    }
}

/// The notice that travels with the record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Disclosure {
    /// Its heading.
    pub heading: String,
    /// Its paragraphs.
    pub paragraphs: Vec<String>,
}

/// A label and its value ("Cravings logged" / "12").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fact {
    /// What the value is.
    pub label: String,
    /// The value, as text.
    pub value: String,
}

/// How a chart draws its series.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChartKind {
    /// Bars (grouped when there are several series).
    Bar,
    /// Lines through the points.
    Line,
}

/// One named row of values in a chart, one value per label.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Series {
    /// Its name, shown in the legend.
    pub name: String,
    /// Its values, one per label.
    pub values: Vec<f64>,
}

/// One piece of a section.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Block {
    /// A paragraph of text.
    Paragraph {
        /// The text.
        text: String,
    },
    /// Label/value lines.
    Summary {
        /// The lines, in order.
        facts: Vec<Fact>,
    },
    /// A table of text cells.
    Table {
        /// What the table shows (its caption).
        caption: String,
        /// Column headings.
        columns: Vec<String>,
        /// Rows, each with one cell per column.
        rows: Vec<Vec<String>>,
    },
    /// A bar or line chart; the viewer draws it as SVG and offers the numbers
    /// as a table.
    Chart {
        /// Bars or lines.
        kind: ChartKind,
        /// What it shows (its caption).
        title: String,
        /// The labels along the horizontal axis.
        labels: Vec<String>,
        /// The series; each has one value per label.
        series: Vec<Series>,
        /// The top of the vertical axis, if fixed (a 0–10 rating); else the
        /// viewer picks one from the data.
        y_max: Option<f64>,
    },
    /// A list of items.
    List {
        /// Numbered (steps) or not.
        ordered: bool,
        /// The items, in order.
        items: Vec<String>,
    },
}

/// A section: an id, a heading and its blocks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Section {
    /// Which part of the record it shows.
    pub id: SectionId,
    /// Its heading.
    pub heading: String,
    /// Its blocks, in order.
    pub blocks: Vec<Block>,
}

/// The whole report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportDocument {
    /// Always [`DOCUMENT_FORMAT`].
    pub format: u32,
    /// The language the core wrote it in.
    pub lang: Language,
    /// Its title.
    pub title: String,
    /// The days it covers.
    pub period: Period,
    /// When it was prepared, as the participant's local date and time.
    pub generated_at: String,
    /// The 42 CFR Part 2 notice.
    pub disclosure: Disclosure,
    /// Its sections, in order.
    pub sections: Vec<Section>,
}

fn check_text(field: &'static str, text: &str) -> Result<()> {
    if text.len() > MAX_TEXT * 4 || text.chars().nth(MAX_TEXT).is_some() {
        return Err(Error::invalid(field, "too_long"));
    }
    if text.contains('\0') {
        return Err(Error::invalid(field, "contains_nul"));
    }
    Ok(())
}

fn check_count(field: &'static str, n: usize, max: usize) -> Result<()> {
    if n > max {
        return Err(Error::invalid(field, "too_many"));
    }
    Ok(())
}

impl Block {
    fn validate(&self) -> Result<()> {
        match self {
            Block::Paragraph { text } => check_text("paragraph", text),
            Block::Summary { facts } => {
                check_count("summary", facts.len(), MAX_ITEMS)?;
                for f in facts {
                    check_text("summary.label", &f.label)?;
                    check_text("summary.value", &f.value)?;
                }
                Ok(())
            }
            Block::Table {
                caption,
                columns,
                rows,
            } => {
                check_text("table.caption", caption)?;
                if columns.is_empty() {
                    return Err(Error::invalid("table", "empty"));
                }
                check_count("table.columns", columns.len(), MAX_COLUMNS)?;
                check_count("table.rows", rows.len(), MAX_ROWS)?;
                for c in columns {
                    check_text("table.column", c)?;
                }
                for row in rows {
                    if row.len() != columns.len() {
                        return Err(Error::invalid("table.row", "length_mismatch"));
                    }
                    for cell in row {
                        check_text("table.cell", cell)?;
                    }
                }
                Ok(())
            }
            Block::Chart {
                title,
                labels,
                series,
                y_max,
                ..
            } => {
                check_text("chart.title", title)?;
                if labels.is_empty() || series.is_empty() {
                    return Err(Error::invalid("chart", "empty"));
                }
                check_count("chart.points", labels.len(), MAX_POINTS)?;
                check_count("chart.series", series.len(), MAX_SERIES)?;
                for l in labels {
                    check_text("chart.label", l)?;
                }
                let ok = |v: f64| v.is_finite() && (0.0..=MAX_VALUE).contains(&v);
                for s in series {
                    check_text("chart.series", &s.name)?;
                    if s.values.len() != labels.len() {
                        return Err(Error::invalid("chart.series", "length_mismatch"));
                    }
                    if !s.values.iter().all(|&v| ok(v)) {
                        return Err(Error::invalid("chart.value", "out_of_range"));
                    }
                }
                if let Some(max) = y_max
                    && !(ok(*max) && *max > 0.0)
                {
                    return Err(Error::invalid("chart.y_max", "too_small"));
                }
                Ok(())
            }
            Block::List { items, .. } => {
                check_count("list", items.len(), MAX_ITEMS)?;
                items.iter().try_for_each(|i| check_text("list.item", i))
            }
        }
    }
}

impl ReportDocument {
    /// Checks every bound; nothing is written for a document that fails.
    pub fn validate(&self) -> Result<()> {
        if self.format != DOCUMENT_FORMAT {
            return Err(Error::invalid("format", "unknown_format"));
        }
        check_text("title", &self.title)?;
        check_text("generated_at", &self.generated_at)?;
        if self.period.dates().is_none_or(|(from, to)| from > to) {
            return Err(Error::invalid("period", "bad_range"));
        }
        check_text("disclosure", &self.disclosure.heading)?;
        if self.disclosure.paragraphs.is_empty() {
            return Err(Error::invalid("disclosure", "empty"));
        }
        for p in &self.disclosure.paragraphs {
            check_text("disclosure", p)?;
        }
        check_count("sections", self.sections.len(), MAX_SECTIONS)?;
        let mut seen = HashSet::new();
        for section in &self.sections {
            if !seen.insert(section.id) {
                return Err(Error::invalid("sections", "duplicate"));
            }
            check_text("section.heading", &section.heading)?;
            check_count("section.blocks", section.blocks.len(), MAX_BLOCKS)?;
            for block in &section.blocks {
                block.validate()?;
            }
        }
        Ok(())
    }

    /// The document as the JSON the container seals.
    pub fn to_json(&self) -> Result<Vec<u8>> {
        self.validate()?;
        serde_json::to_vec(self).map_err(|_| Error::invalid("report", "encoding_failed"))
    }
}

/// What one section holds, counted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SectionPreview {
    /// The section's id.
    pub id: SectionId,
    /// Its heading, as the counselor will see it.
    pub heading: String,
    /// Paragraphs of text.
    pub paragraphs: usize,
    /// Label/value lines.
    pub facts: usize,
    /// Tables.
    pub tables: usize,
    /// Rows over all its tables.
    pub rows: usize,
    /// Charts.
    pub charts: usize,
    /// List items.
    pub list_items: usize,
}

/// Exactly what a document will show, for the participant to confirm.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Preview {
    /// The report's title.
    pub title: String,
    /// The period covered.
    pub period: Period,
    /// Each section, in order.
    pub sections: Vec<SectionPreview>,
    /// Table rows over the whole report.
    pub total_rows: usize,
    /// One line per fact above, in the document's language, ready to show.
    pub lines: Vec<String>,
    /// SHA-256 of the document's JSON (hex). Writing with this fingerprint
    /// fails if anything changed since the preview.
    pub fingerprint: String,
}

/// The fingerprint of a document: SHA-256 of its JSON, lowercase hex.
pub fn fingerprint(json: &[u8]) -> String {
    hex::encode(ring::digest::digest(&ring::digest::SHA256, json))
}

/// Summarises `doc` for the participant before anything is written.
pub fn preview(doc: &ReportDocument) -> Result<Preview> {
    let json = doc.to_json()?;
    let words = Words::new(doc.lang);
    let mut lines = vec![words.preview_period(&doc.period.from, &doc.period.to)];
    let mut sections = Vec::with_capacity(doc.sections.len());
    for s in &doc.sections {
        let mut p = SectionPreview {
            id: s.id,
            heading: s.heading.clone(),
            paragraphs: 0,
            facts: 0,
            tables: 0,
            rows: 0,
            charts: 0,
            list_items: 0,
        };
        for b in &s.blocks {
            match b {
                Block::Paragraph { .. } => p.paragraphs += 1,
                Block::Summary { facts } => p.facts += facts.len(),
                Block::Table { rows, .. } => {
                    p.tables += 1;
                    p.rows += rows.len();
                }
                Block::Chart { .. } => p.charts += 1,
                Block::List { items, .. } => p.list_items += items.len(),
            }
        }
        let mut parts = Vec::new();
        if p.tables > 0 {
            parts.push(words.count(p.rows, Countable::Row));
        }
        for (n, what) in [
            (p.charts, Countable::Chart),
            (p.facts, Countable::Fact),
            (p.list_items, Countable::ListItem),
            (p.paragraphs, Countable::Paragraph),
        ] {
            if n > 0 {
                parts.push(words.count(n, what));
            }
        }
        lines.push(words.preview_line(&s.heading, &parts));
        sections.push(p);
    }
    Ok(Preview {
        title: doc.title.clone(),
        period: doc.period.clone(),
        total_rows: sections.iter().map(|s| s.rows).sum(),
        sections,
        lines,
        fingerprint: fingerprint(&json),
    })
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::report::text;

    /// A document with one block of every kind.
    pub(crate) fn sample() -> ReportDocument {
        let (heading, paragraphs) = text::disclosure(Language::En);
        ReportDocument {
            format: DOCUMENT_FORMAT,
            lang: Language::En,
            title: "Keel progress report".into(),
            period: Period::new(
                NaiveDate::from_ymd_opt(2025, 11, 1).unwrap(),
                NaiveDate::from_ymd_opt(2025, 11, 30).unwrap(),
            )
            .unwrap(),
            generated_at: "2025-11-30 18:00 (UTC-05:00)".into(),
            disclosure: Disclosure {
                heading: heading.into(),
                paragraphs: paragraphs.into_iter().map(String::from).collect(),
            },
            sections: vec![
                Section {
                    id: SectionId::Cravings,
                    heading: "Cravings".into(),
                    blocks: vec![
                        Block::Paragraph {
                            text: "<script>window.__pwned=1</script>".into(),
                        },
                        Block::Summary {
                            facts: vec![Fact {
                                label: "Logged".into(),
                                value: "3".into(),
                            }],
                        },
                        Block::Table {
                            caption: "Cravings".into(),
                            columns: vec!["Date".into(), "Intensity".into()],
                            rows: vec![
                                vec!["2025-11-02".into(), "7".into()],
                                vec!["2025-11-03".into(), "4".into()],
                            ],
                        },
                        Block::Chart {
                            kind: ChartKind::Bar,
                            title: "Per week".into(),
                            labels: vec!["W1".into(), "W2".into()],
                            series: vec![Series {
                                name: "Cravings".into(),
                                values: vec![2.0, 1.0],
                            }],
                            y_max: None,
                        },
                    ],
                },
                Section {
                    id: SectionId::Plan,
                    heading: "Plan".into(),
                    blocks: vec![Block::List {
                        ordered: true,
                        items: vec!["Call my sponsor".into(), "Walk".into()],
                    }],
                },
            ],
        }
    }

    #[test]
    fn json_round_trips_with_tagged_blocks() {
        let doc = sample();
        let json = doc.to_json().unwrap();
        let text = String::from_utf8(json.clone()).unwrap();
        assert!(text.contains(r#""type":"table""#));
        assert!(text.contains(r#""kind":"bar""#));
        assert!(text.contains(r#""id":"cravings""#));
        let back: ReportDocument = serde_json::from_slice(&json).unwrap();
        assert_eq!(back, doc);
    }

    #[test]
    fn preview_counts_exactly() {
        let p = preview(&sample()).unwrap();
        assert_eq!(p.sections.len(), 2);
        assert_eq!(p.sections[0].rows, 2);
        assert_eq!(p.sections[0].charts, 1);
        assert_eq!(p.sections[0].facts, 1);
        assert_eq!(p.sections[1].list_items, 2);
        assert_eq!(p.total_rows, 2);
        assert_eq!(
            p.lines,
            vec![
                "Period: 2025-11-01 to 2025-11-30",
                "Cravings: 2 table rows, 1 chart, 1 summary line, 1 paragraph",
                "Plan: 2 list items",
            ]
        );
        assert_eq!(p.fingerprint.len(), 64);
        let mut changed = sample();
        changed.sections.pop();
        assert_ne!(preview(&changed).unwrap().fingerprint, p.fingerprint);
    }

    #[test]
    fn bad_documents_are_refused() {
        let field = |doc: ReportDocument| match doc.validate() {
            Err(Error::InvalidInput { field, .. }) => field,
            other => panic!("expected invalid input, got {other:?}"),
        };
        let mut d = sample();
        if let Block::Table { rows, .. } = &mut d.sections[0].blocks[2] {
            rows.push(vec!["only one".into()]);
        }
        assert_eq!(field(d), "table.row");
        let mut d = sample();
        if let Block::Chart { series, .. } = &mut d.sections[0].blocks[3] {
            series[0].values[0] = f64::NAN;
        }
        assert_eq!(field(d), "chart.value");
        let mut d = sample();
        if let Block::Chart { series, .. } = &mut d.sections[0].blocks[3] {
            series[0].values.pop();
        }
        assert_eq!(field(d), "chart.series");
        let mut d = sample();
        d.sections.push(d.sections[1].clone());
        assert_eq!(field(d), "sections");
        let mut d = sample();
        d.period.from = "2025-12-01".into();
        assert_eq!(field(d), "period");
        let mut d = sample();
        d.sections[1].blocks = vec![Block::Paragraph {
            text: "x".repeat(MAX_TEXT + 1),
        }];
        assert_eq!(field(d), "paragraph");
        let mut d = sample();
        d.format = 2;
        assert_eq!(field(d), "format");
    }
}
