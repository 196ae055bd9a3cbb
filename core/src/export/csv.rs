//! CSV, one file per log type, for spreadsheets.
//!
//! Cells a spreadsheet would run as a formula (starting with `=`, `+`, `-`,
//! `@`, a tab or a carriage return) get a leading `'`, as OWASP advises
//! against CSV injection: a note reading `=HYPERLINK(...)` stays text.
//! Times are local ISO 8601 with the offset the entry was made in.

use serde::Serialize;

use super::{Span, oldest_first};
use crate::error::{Error, Result};
use crate::exercises::session::Session;
use crate::language::{Language, Text, t};
use crate::logs::{CheckIn, Craving, Encounter, Lapse, TriggerTag};
use crate::meetings::attendance::Attendance;
use crate::store::Store;
use crate::time::LocalInstant;

/// What the shells must show, and the participant accept, before a CSV
/// export.
pub const WARNING: Text = t(
    "CSV files are not encrypted. Anyone who can open them can read your cravings, \
     check-ins and attendance. Keep them on a device only you use, and delete them when \
     you are done.",
    "Los archivos CSV no están cifrados. Cualquier persona que pueda abrirlos puede leer \
     tus ganas de consumir, tus registros diarios y tu asistencia. Guárdalos en un \
     dispositivo que solo uses tú y bórralos cuando termines.",
);

/// The warning in `lang`.
pub fn warning(lang: Language) -> &'static str {
    lang.text(&WARNING)
}

/// One CSV file.
#[derive(Clone, PartialEq, Eq)]
pub struct CsvFile {
    /// A neutral file name: `cravings.csv`...
    pub name: String,
    /// UTF-8 text with a header row.
    pub content: String,
    /// Rows, header excluded.
    pub rows: usize,
}

impl std::fmt::Debug for CsvFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CsvFile")
            .field("name", &self.name)
            .field("rows", &self.rows)
            .finish_non_exhaustive()
    }
}

/// Every CSV file, and how many damaged records were left out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvExport {
    pub files: Vec<CsvFile>,
    pub damaged_left_out: usize,
}

/// A cell made safe from spreadsheet formula evaluation.
pub fn cell(text: &str) -> String {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}"),
        _ => text.to_string(),
    }
}

fn time(at: LocalInstant) -> String {
    at.to_local()
        .map(|t| t.format("%Y-%m-%dT%H:%M:%S%:z").to_string())
        .unwrap_or_default()
}

fn tags(t: &[TriggerTag]) -> String {
    cell(
        &t.iter()
            .map(|t| t.name.as_str())
            .collect::<Vec<_>>()
            .join("; "),
    )
}

/// A spelled-out serde name (`RodeItOut`), the same in every language.
fn name<T: Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn file(name: &str, header: &[&str], rows: Vec<Vec<String>>) -> Result<CsvFile> {
    let mut w = ::csv::Writer::from_writer(Vec::new());
    let fail = |_| Error::invalid("csv", "write_failed");
    w.write_record(header).map_err(fail)?;
    for row in &rows {
        w.write_record(row).map_err(fail)?;
    }
    let bytes = w
        .into_inner()
        .map_err(|_| Error::invalid("csv", "write_failed"))?;
    Ok(CsvFile {
        name: name.to_string(),
        content: String::from_utf8(bytes).map_err(|_| Error::invalid("csv", "not_text"))?,
        rows: rows.len(),
    })
}

fn opt<T: ToString>(v: Option<T>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

/// Every log as CSV. `confirmed` must be true: the participant saw the
/// warning that CSV is not encrypted.
pub fn export(store: &Store<'_>, confirmed: bool) -> Result<CsvExport> {
    export_span(store, confirmed, Span::ALL)
}

/// [`export`] of the records in `span` only.
pub fn export_span(store: &Store<'_>, confirmed: bool, span: Span) -> Result<CsvExport> {
    let span = span.validated()?;
    if !confirmed {
        return Err(Error::invalid("confirmed", "not_confirmed"));
    }
    let mut damaged = 0;
    let mut files = Vec::new();

    let (cravings, d) = oldest_first::<Craving>(store, span)?;
    damaged += d;
    files.push(file(
        "cravings.csv",
        &[
            "time",
            "intensity",
            "duration_minutes",
            "triggers",
            "coping",
            "outcome",
            "place",
            "with_whom",
            "notes",
        ],
        cravings
            .iter()
            .map(|c| {
                vec![
                    time(c.at),
                    c.intensity.to_string(),
                    opt(c.duration_minutes),
                    tags(&c.triggers),
                    cell(
                        &c.coping
                            .iter()
                            .map(|t| t.text.as_str())
                            .collect::<Vec<_>>()
                            .join("; "),
                    ),
                    name(&c.outcome),
                    cell(&c.context.place),
                    cell(&c.context.with_whom),
                    cell(&c.notes),
                ]
            })
            .collect(),
    )?);

    let (encounters, d) = oldest_first::<Encounter>(store, span)?;
    damaged += d;
    files.push(file(
        "trigger-encounters.csv",
        &["time", "triggers", "how_handled", "coping", "notes"],
        encounters
            .iter()
            .map(|e| {
                vec![
                    time(e.at),
                    tags(&e.triggers),
                    cell(&e.how_handled),
                    cell(
                        &e.coping
                            .iter()
                            .map(|t| t.text.as_str())
                            .collect::<Vec<_>>()
                            .join("; "),
                    ),
                    cell(&e.notes),
                ]
            })
            .collect(),
    )?);

    let (checkins, d) = oldest_first::<CheckIn>(store, span)?;
    damaged += d;
    files.push(file(
        "check-ins.csv",
        &[
            "time",
            "mood",
            "craving_level",
            "sleep_minutes",
            "intention",
            "any_use",
            "notes",
        ],
        checkins
            .iter()
            .map(|c| {
                vec![
                    time(c.at),
                    name(&c.mood),
                    c.craving_level.to_string(),
                    opt(c.sleep_minutes),
                    cell(&c.intention),
                    c.any_use.to_string(),
                    cell(&c.notes),
                ]
            })
            .collect(),
    )?);

    let (lapses, d) = oldest_first::<Lapse>(store, span)?;
    damaged += d;
    files.push(file(
        "lapses.csv",
        &["time", "substance", "triggers", "reset_clocks", "notes"],
        lapses
            .iter()
            .map(|l| {
                vec![
                    time(l.at),
                    cell(&l.substance),
                    tags(&l.triggers),
                    l.resets_clocks.to_string(),
                    cell(&l.notes),
                ]
            })
            .collect(),
    )?);

    let (sessions, d) = oldest_first::<Session>(store, span)?;
    damaged += d;
    files.push(file(
        "practice-sessions.csv",
        &[
            "started",
            "exercise",
            "status",
            "practiced_seconds",
            "craving_before",
            "craving_after",
        ],
        sessions
            .iter()
            .map(|s| {
                vec![
                    time(s.started_at),
                    cell(s.exercise_name.as_deref().unwrap_or(&s.exercise_id)),
                    name(&s.status),
                    opt(s.practiced_ms.map(|ms| ms / 1000)),
                    opt(s.craving_before),
                    opt(s.craving_after),
                ]
            })
            .collect(),
    )?);

    let (attendance, d) = oldest_first::<Attendance>(store, span)?;
    damaged += d;
    files.push(file(
        "attendance.csv",
        &["start", "meeting", "kind", "status", "minutes", "notes"],
        attendance
            .iter()
            .map(|a| {
                vec![
                    time(a.occurrence),
                    cell(&a.meeting_name),
                    a.kind.label(Language::En).to_string(),
                    name(&a.status),
                    a.minutes.to_string(),
                    cell(&a.notes),
                ]
            })
            .collect(),
    )?);

    Ok(CsvExport {
        files,
        damaged_left_out: damaged,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_become_text() {
        for bad in ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\t=x", "\r=x"] {
            assert!(cell(bad).starts_with('\''), "{bad}");
        }
        assert_eq!(cell("Called Sam"), "Called Sam");
        assert_eq!(cell(""), "");
    }
}
