//! The counselor report: what a participant chooses to share, as one
//! encrypted, self-contained HTML file that opens in any current browser.
//!
//! - [`document`]: the report as data (sections of paragraphs, summaries,
//!   tables, charts and lists), its bounds, and the [`preview`] the
//!   participant confirms before anything is written.
//! - [`sections`]: builders that read the vault for one period.
//! - [`container`]: the `KEELRPT1` encryption (PBKDF2-HMAC-SHA256 at 600,000
//!   iterations, AES-256-GCM), readable by WebCrypto and by other programs
//!   (docs/report-format.md).
//! - [`html`]: the page around it, with a strict hash-based CSP.
//! - [`passphrase`]: generated six-word passphrases (66 bits) and checks for
//!   the participant's own.
//! - [`text`]: every word the core writes, in English and Spanish, and the
//!   42 CFR Part 2 notice.
//!
//! Writing takes the fingerprint the preview showed and refuses if the
//! document changed since, so what is written is exactly what was confirmed.

pub mod bidi;
pub mod container;
pub mod document;
pub mod html;
pub mod passphrase;
pub mod sections;
pub mod text;

use std::fs;
use std::io::Write;
use std::path::Path;

use chrono::NaiveDate;

pub use document::{
    Block, ChartKind, Disclosure, Fact, Period, Preview, ReportDocument, Section, SectionId,
    SectionPreview, Series, preview,
};
pub use text::Language;

use crate::crypto::random_array;
use crate::error::{Error, Result};
use crate::store::Store;
use crate::time::LocalInstant;
use text::Words;

/// The longest period one report may cover, in days.
pub const MAX_DAYS: i64 = 366;

/// A part of the vault a report can include. Each has a builder in
/// [`sections`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Topic {
    /// The current relapse-prevention plan.
    Plan,
    /// Cravings, trigger encounters and lapses.
    Cravings,
    /// Daily check-ins.
    Checkins,
    /// Breathing and meditation practice.
    Exercises,
    /// Meeting attendance and program hours.
    Attendance,
    /// Patterns: heat map, top triggers, coping that worked, streaks.
    Insights,
    /// Journal notes the participant chooses to share.
    Journal,
    /// Standard measures: scores, bands, trend, the latest answers.
    Measures,
}

impl Topic {
    /// Every part of a counselor report but the journal: private notes are
    /// only ever shared by an explicit choice, never as part of a default.
    pub const ALL_BUT_JOURNAL: [Topic; 6] = [
        Topic::Plan,
        Topic::Cravings,
        Topic::Checkins,
        Topic::Exercises,
        Topic::Attendance,
        Topic::Insights,
    ];
}

/// What the participant asked to share.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportRequest {
    /// First day included, in the participant's calendar.
    pub from: NaiveDate,
    /// Last day included.
    pub to: NaiveDate,
    /// The parts to include, in this order (duplicates are ignored).
    pub topics: Vec<Topic>,
    /// The language the core writes in.
    pub lang: Language,
    /// Now, as the phone's clock and time zone say; shown as "prepared".
    pub now: LocalInstant,
}

/// A finished report: the HTML page and a neutral name to save it under.
#[derive(Clone, PartialEq, Eq)]
pub struct ReportFile {
    /// `report-<16 random hex digits>.html`: no name, no date.
    pub file_name: String,
    /// The whole page, UTF-8.
    pub html: Vec<u8>,
}

impl std::fmt::Debug for ReportFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ReportFile")
            .field("file_name", &self.file_name)
            .field("bytes", &self.html.len())
            .finish()
    }
}

/// A neutral file name: `report-` and 16 random hex digits.
pub fn suggested_file_name() -> Result<String> {
    Ok(format!("report-{}.html", hex::encode(random_array::<8>()?)))
}

/// Builds the document for `req` from the vault.
pub fn build(store: &Store<'_>, req: &ReportRequest) -> Result<ReportDocument> {
    let period = Period::new(req.from, req.to)?;
    if (req.to - req.from).num_days() >= MAX_DAYS {
        return Err(Error::invalid("period", "too_long"));
    }
    let now = req.now.validate("now")?;
    let mut topics = Vec::new();
    for t in &req.topics {
        if !topics.contains(t) {
            topics.push(*t);
        }
    }
    if topics.is_empty() {
        return Err(Error::invalid("topics", "empty"));
    }
    let words = Words::new(req.lang);
    let mut sections = Vec::with_capacity(topics.len() + 1);
    let mut counts = Vec::new();
    for topic in topics {
        let (from, to) = (req.from, req.to);
        let section = match topic {
            Topic::Plan => sections::plan::plan(store, &words)?,
            Topic::Cravings => sections::logs::cravings(store, from, to, &words)?,
            Topic::Checkins => sections::logs::checkins(store, from, to, &words)?,
            Topic::Exercises => sections::practice::exercises(store, from, to, &words, req.lang)?,
            Topic::Attendance => sections::attendance::attendance(store, from, to, now, &words)?,
            Topic::Insights => {
                let found = crate::insights::insights(store, from, to, now)?;
                sections::patterns::patterns(&found, &words)
            }
            Topic::Journal => sections::journal(store, from, to, &words)?,
            Topic::Measures => sections::measures::measures(store, from, to, &words, req.lang)?,
        };
        let label = match topic {
            Topic::Plan => words.label(text::Label::PlanItemsIncluded),
            Topic::Cravings => words.label(text::Label::CravingsIncluded),
            Topic::Checkins => words.label(text::Label::CheckinsIncluded),
            Topic::Exercises => words.label(text::Label::SessionsIncluded),
            Topic::Attendance => words.label(text::Label::AttendanceIncluded),
            Topic::Insights => words.label(text::Label::InsightRowsIncluded),
            Topic::Journal => words.notes_included(),
            Topic::Measures => words.label(text::Label::MeasureResponsesIncluded),
        };
        counts.push((label.to_string(), sections::row_count(&section)));
        sections.push(section);
    }
    let prepared = now
        .to_local()
        .map(|t| t.format("%Y-%m-%d %H:%M (UTC%:z)").to_string())
        .unwrap_or_default();
    let period_value = words.period_value(&period.from, &period.to);
    sections.insert(
        0,
        sections::overview(&words, &period_value, &prepared, counts),
    );
    let (heading, paragraphs) = text::disclosure(req.lang);
    let doc = ReportDocument {
        format: document::DOCUMENT_FORMAT,
        lang: req.lang,
        title: words.title().to_string(),
        period,
        generated_at: prepared,
        disclosure: Disclosure {
            heading: heading.to_string(),
            paragraphs: paragraphs.into_iter().map(String::from).collect(),
        },
        sections,
    };
    doc.validate()?;
    Ok(doc)
}

/// What the report for `req` would contain, for the participant to confirm.
pub fn preview_request(store: &Store<'_>, req: &ReportRequest) -> Result<Preview> {
    preview(&build(store, req)?)
}

/// Encrypts `doc` under `passphrase` and wraps it in the viewer page.
pub fn render(doc: &ReportDocument, passphrase: &str) -> Result<ReportFile> {
    let json = zeroize::Zeroizing::new(doc.to_json()?);
    let sealed = container::seal(&json, passphrase)?;
    Ok(ReportFile {
        file_name: suggested_file_name()?,
        html: html::render(&sealed, doc.lang).into_bytes(),
    })
}

/// Builds the report for `req`, checks it is the one the preview showed
/// (`fingerprint`), and encrypts it under `passphrase`.
pub fn write(
    store: &Store<'_>,
    req: &ReportRequest,
    passphrase: &str,
    fingerprint: &str,
) -> Result<ReportFile> {
    passphrase::validate("passphrase", passphrase)?;
    let doc = build(store, req)?;
    let file = seal_document(&doc, passphrase, fingerprint)?;
    remember(store, req)?;
    Ok(file)
}

/// Remembers that the report for `req` was written, for the "since your
/// last report" date-range preset ([`crate::ranges`]).
pub fn remember(store: &Store<'_>, req: &ReportRequest) -> Result<()> {
    crate::ranges::remember_report(
        store,
        crate::ranges::LastReport {
            prepared: req.now,
            from: req.from,
            to: req.to,
        },
    )
}

/// The second half of [`write`], which needs no vault: checks `doc` is the
/// one the preview showed and encrypts it (PBKDF2 then AES-GCM, the slow
/// part), so callers build under the vault's guard and seal outside it.
pub fn seal_document(
    doc: &ReportDocument,
    passphrase: &str,
    fingerprint: &str,
) -> Result<ReportFile> {
    passphrase::validate("passphrase", passphrase)?;
    let json = zeroize::Zeroizing::new(doc.to_json()?);
    if document::fingerprint(&json) != fingerprint.trim().to_ascii_lowercase() {
        return Err(Error::invalid("fingerprint", "preview_outdated"));
    }
    render(doc, passphrase)
}

/// Saves `file` at `path`, which must not exist yet: written beside it
/// first, synced, then renamed into place, so a crash never leaves half a
/// report under the real name.
pub fn save(file: &ReportFile, path: &Path) -> Result<()> {
    if path.as_os_str().is_empty() {
        return Err(Error::invalid("path", "empty"));
    }
    if path.exists() {
        return Err(Error::invalid("path", "file_exists"));
    }
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let staging = dir.join(format!(".{}.part", hex::encode(random_array::<8>()?)));
    let written = (|| -> Result<()> {
        let mut f = crate::owner_only::create_new(&staging)?;
        f.write_all(&file.html)?;
        f.sync_all()?;
        Ok(())
    })();
    if let Err(e) = written {
        let _ = fs::remove_file(&staging);
        return Err(e);
    }
    if let Err(e) = fs::rename(&staging, path) {
        let _ = fs::remove_file(&staging);
        return Err(e.into());
    }
    Ok(())
}

#[cfg(test)]
mod tests;
