//! CSV, one file per log type, for spreadsheets.
//!
//! Cells a spreadsheet would run as a formula get a leading `'`, as OWASP
//! advises against CSV injection: a note reading `=HYPERLINK(...)` stays
//! text. A cell is guarded when it starts with a tab, a carriage return or a
//! line feed, or when its first visible character is `=`, `+`, `-` or `@` in
//! any of Unicode's compatibility forms (fullwidth `＝＋－＠`, small `﹦﹢﹣﹫`:
//! spreadsheets with East Asian input read them as the ASCII ones), after
//! any spaces and invisible format characters (zero-width and direction
//! marks, a byte-order mark) that would hide it.
//! Times are local ISO 8601 with the offset the entry was made in.

use serde::Serialize;
use unicode_normalization::UnicodeNormalization;

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

/// Characters a spreadsheet does not show, skipped when looking for the
/// first one it reads: zero-width spaces and joiners, direction marks,
/// embeddings, overrides and isolates, word joiners and invisible
/// operators, the soft hyphen and the byte-order mark.
fn invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}'
        | '\u{034F}'
        | '\u{061C}'
        | '\u{180E}'
        | '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{206F}'
        | '\u{FEFF}')
}

/// Whether a spreadsheet could read `text` as a formula (or a DDE call).
pub fn starts_like_formula(text: &str) -> bool {
    for c in text.chars() {
        if matches!(c, '\t' | '\r' | '\n') {
            return true;
        }
        if c.is_whitespace() || invisible(c) {
            continue;
        }
        // NFKC folds the fullwidth and small forms onto ASCII.
        return std::iter::once(c)
            .nfkc()
            .next()
            .is_some_and(|n| matches!(n, '=' | '+' | '-' | '@'));
    }
    false
}

/// A cell made safe from spreadsheet formula evaluation: `text` itself, or
/// `'` followed by `text` when [`starts_like_formula`].
pub fn cell(text: &str) -> String {
    if starts_like_formula(text) {
        format!("'{text}")
    } else {
        text.to_string()
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

    use proptest::prelude::*;

    #[test]
    fn formulas_become_text() {
        for bad in [
            "=1+1",
            "+SUM(A1)",
            "-2+3",
            "@cmd",
            "\t=x",
            "\r=x",
            "\nx",
            // Fullwidth and small forms, which spreadsheets read as ASCII.
            "＝HYPERLINK(\"http://x\")",
            "＋1",
            "－1",
            "＠SUM(A1)",
            "﹦1+1",
            "﹢1",
            "﹣1",
            "﹫x",
            // Hidden behind spaces or invisible characters.
            " =1+1",
            "\u{3000}＝1",
            "\u{200B}=1",
            "\u{FEFF}@x",
            "\u{202E}=1",
            "\u{00A0}-1",
        ] {
            assert!(cell(bad).starts_with('\''), "{bad:?}");
            assert_eq!(&cell(bad)[1..], bad);
        }
        for good in [
            "Called Sam",
            "",
            " ",
            "1-2",
            "a=b",
            "'quoted",
            "ｗalk",
            "→ call",
        ] {
            assert_eq!(cell(good), good, "{good:?}");
        }
    }

    /// Characters that lead a formula, in every form a spreadsheet reads.
    fn leader() -> impl Strategy<Value = char> {
        prop::sample::select(vec![
            '=', '+', '-', '@', '\u{FF1D}', '\u{FF0B}', '\u{FF0D}', '\u{FF20}', '\u{FE66}',
            '\u{FE62}', '\u{FE63}', '\u{FE6B}', '\t', '\r', '\n',
        ])
    }

    /// What may stand before the leader without hiding it from a spreadsheet.
    fn hiding() -> impl Strategy<Value = String> {
        prop::collection::vec(
            prop::sample::select(vec![
                ' ', '\u{A0}', '\u{3000}', '\u{200B}', '\u{200E}', '\u{202E}', '\u{2066}',
                '\u{FEFF}', '\u{00AD}',
            ]),
            0..4,
        )
        .prop_map(|v| v.into_iter().collect())
    }

    proptest! {
        #[test]
        fn every_formula_leader_is_guarded(pre in hiding(), c in leader(), rest in any::<String>()) {
            let text = format!("{pre}{c}{rest}");
            prop_assert_eq!(cell(&text), format!("'{text}"));
        }

        #[test]
        fn a_cell_is_its_text_or_the_guarded_text(text in any::<String>()) {
            let out = cell(&text);
            let guarded = format!("'{text}");
            prop_assert!(out == text || out == guarded);
            // Text that starts with a letter or a digit is never touched.
            if text.starts_with(|c: char| c.is_alphanumeric()) {
                prop_assert_eq!(out, text);
            }
        }
    }
}
