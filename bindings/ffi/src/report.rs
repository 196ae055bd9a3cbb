//! The counselor report across the FFI: preview, then write, and the
//! passphrase helpers shared with backups.

use std::path::Path;
use std::sync::Arc;

use keel_core::report::{self, Topic};
use keel_core::work::{Steps, Work};
use zeroize::Zeroizing;

use crate::error::{KeelError, Result};
use crate::mirror::mirror_enum;
use crate::sobriety::CalendarDate;
use crate::types::{Language, Now};
use crate::vault::Vault;
use crate::work::{CancelToken, Progress, Watch};

/// A part of the vault the participant can share.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum ReportTopic {
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
    /// Journal notes written in the period.
    Journal,
    /// Standard measures (BAM, PHQ-9, GAD-7, AUDIT-C): scores, bands,
    /// trend and the latest answers. Not part of a default set: chosen.
    Measures,
}
mirror_enum!(Topic => ReportTopic { Plan, Cravings, Checkins, Exercises, Attendance, Insights, Journal, Measures });

/// What to put in a report.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ReportRequest {
    /// First day included (the participant's calendar).
    pub from_date: CalendarDate,
    /// Last day included (at most 366 days after `from_date`).
    pub to_date: CalendarDate,
    /// The parts to include, in order.
    pub topics: Vec<ReportTopic>,
    /// The language the report is written in.
    pub language: Language,
    /// Now, from the phone's clock and time zone; shown as "prepared" in
    /// local time.
    pub now: Now,
}

/// What one section of the report holds.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ReportSectionPreview {
    /// `overview`, `journal`, ...
    pub id: String,
    /// The heading the counselor will see.
    pub heading: String,
    pub paragraphs: u32,
    pub facts: u32,
    pub tables: u32,
    pub rows: u32,
    pub charts: u32,
    pub list_items: u32,
}

/// Exactly what the report will contain, to confirm before writing.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ReportPreview {
    pub title: String,
    pub from_date: CalendarDate,
    pub to_date: CalendarDate,
    pub sections: Vec<ReportSectionPreview>,
    pub total_rows: u32,
    /// One line per section (and the period first), ready to show.
    pub lines: Vec<String>,
    /// Pass this to `report_html` / `write_report`: they refuse if the
    /// report changed since this preview.
    pub fingerprint: String,
}

/// A finished report: the HTML page and a neutral file name for it.
#[derive(Clone, PartialEq, Eq, uniffi::Record)]
pub struct ReportFile {
    /// `report-<16 hex digits>.html`.
    pub file_name: String,
    /// The self-contained page, encrypted inside.
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

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl ReportRequest {
    fn to_core(&self) -> keel_core::Result<report::ReportRequest> {
        Ok(report::ReportRequest {
            from: self.from_date.to_core("from_date")?,
            to: self.to_date.to_core("to_date")?,
            topics: self.topics.iter().map(|t| Topic::from(*t)).collect(),
            lang: self.language.into(),
            now: self.now.instant()?,
        })
    }
}

#[uniffi::export]
impl Vault {
    /// What the report for `request` will contain. Writes nothing.
    pub fn report_preview(&self, request: ReportRequest) -> Result<ReportPreview> {
        let core = request.to_core()?;
        let vault = self.core();
        let p = report::preview_request(&vault.store()?, &core)?;
        Ok(ReportPreview {
            title: p.title,
            from_date: request.from_date,
            to_date: request.to_date,
            sections: p
                .sections
                .into_iter()
                .map(|s| ReportSectionPreview {
                    id: s.id.as_str().to_string(),
                    heading: s.heading,
                    paragraphs: to_u32(s.paragraphs),
                    facts: to_u32(s.facts),
                    tables: to_u32(s.tables),
                    rows: to_u32(s.rows),
                    charts: to_u32(s.charts),
                    list_items: to_u32(s.list_items),
                })
                .collect(),
            total_rows: to_u32(p.total_rows),
            lines: p.lines,
            fingerprint: p.fingerprint,
        })
    }

    /// The encrypted report page, for the share sheet. `fingerprint` is the
    /// preview's; `passphrase` from `generate_passphrase` or the
    /// participant's own (12+ characters or 4+ words). Long: the document
    /// is built under the vault's guard, then encrypted (key derivation and
    /// all) without it.
    #[uniffi::method(default(progress = None, cancel = None))]
    pub fn report_html(
        &self,
        request: ReportRequest,
        passphrase: String,
        fingerprint: String,
        progress: Option<Arc<dyn Progress>>,
        cancel: Option<Arc<CancelToken>>,
    ) -> Result<ReportFile> {
        let passphrase = Zeroizing::new(passphrase);
        let watch = Watch::on(self, progress, cancel);
        let (file, core) = self.sealed_report(&request, &passphrase, &fingerprint, &watch, 0)?;
        // Past the last check: the report is made, so "since your last
        // report" may count it. A cancelled one is never remembered.
        report::remember(&self.core().store()?, &core)?;
        Ok(ReportFile {
            file_name: file.file_name,
            html: file.html,
        })
    }

    /// Writes the encrypted report page to `path` (which must not exist).
    /// A cancelled report leaves no file.
    #[uniffi::method(default(progress = None, cancel = None))]
    pub fn write_report(
        &self,
        request: ReportRequest,
        passphrase: String,
        fingerprint: String,
        path: String,
        progress: Option<Arc<dyn Progress>>,
        cancel: Option<Arc<CancelToken>>,
    ) -> Result<()> {
        let passphrase = Zeroizing::new(passphrase);
        let watch = Watch::on(self, progress, cancel);
        let (file, core) = self.sealed_report(&request, &passphrase, &fingerprint, &watch, 1)?;
        watch.check()?;
        report::remember(&self.core().store()?, &core)?;
        report::save(&file, Path::new(&path))?;
        watch.progress(3, 3);
        Ok(())
    }
}

impl Vault {
    /// Builds the report under the vault's guard, then seals it without.
    /// Remembers nothing: the caller records the report (for "since your
    /// last report") once no cancel can stop it any more, so a report
    /// cancelled while it was being sealed leaves no trace in the vault.
    fn sealed_report(
        &self,
        request: &ReportRequest,
        passphrase: &str,
        fingerprint: &str,
        watch: &Watch<'_>,
        after: u64,
    ) -> Result<(report::ReportFile, report::ReportRequest)> {
        let core = request.to_core()?;
        let mut steps = Steps::new(watch, 2 + after);
        report::passphrase::validate("passphrase", passphrase)?;
        let doc = report::build(&self.core().store()?, &core)?;
        steps.step()?;
        let file = report::seal_document(&doc, passphrase, fingerprint)?;
        steps.step()?;
        Ok((file, core))
    }
}

/// A fresh passphrase of common words in `language`, for a report, a
/// backup or the vault itself (the "suggest one" of the first launch and
/// passphrase change screens), easy to read aloud: six English words (66
/// bits) or seven Spanish words without accents or ñ (70 bits). Always
/// accepted by the strength rule.
#[uniffi::export]
pub fn generate_passphrase(language: Language) -> Result<String> {
    Ok(report::passphrase::generate(language.into())?.to_string())
}

/// Checks a passphrase the participant typed for a report or backup
/// (12+ characters or 4+ words: `InvalidInput`; strong enough:
/// `WeakPassphrase`, see `estimate_passphrase`).
#[uniffi::export]
pub fn check_export_passphrase(passphrase: String) -> Result<()> {
    let passphrase = Zeroizing::new(passphrase);
    report::passphrase::validate("passphrase", &passphrase)
        .map(|_| ())
        .map_err(KeelError::from)
}

/// A neutral name for a report file: `report-<16 hex digits>.html`.
#[uniffi::export]
pub fn suggested_report_file_name() -> Result<String> {
    Ok(report::suggested_file_name()?)
}
