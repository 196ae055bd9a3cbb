//! CSV and FHIR exports across the FFI.

use keel_core::export::{Span, archive, csv, fhir};

use crate::error::Result;
use crate::types::{Language, Now};
use crate::vault::Vault;

/// One CSV file.
#[derive(Clone, PartialEq, Eq, uniffi::Record)]
pub struct CsvFile {
    /// A neutral name: `cravings.csv`, `attendance.csv`...
    pub name: String,
    pub content: String,
    pub rows: u32,
}

impl std::fmt::Debug for CsvFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CsvFile")
            .field("name", &self.name)
            .field("rows", &self.rows)
            .finish_non_exhaustive()
    }
}

/// Every log as CSV.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct CsvExport {
    pub files: Vec<CsvFile>,
    /// Records that failed their integrity check and were left out.
    pub damaged_left_out: u32,
}

/// A FHIR R4 bundle.
#[derive(Clone, PartialEq, Eq, uniffi::Record)]
pub struct FhirExport {
    /// The `Bundle` as JSON.
    pub json: String,
    pub observations: u32,
    pub encounters: u32,
    /// Standard measure responses; each score is also an observation.
    pub questionnaire_responses: u32,
    pub damaged_left_out: u32,
    /// A neutral file name.
    pub file_name: String,
}

impl std::fmt::Debug for FhirExport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FhirExport")
            .field("observations", &self.observations)
            .field("encounters", &self.encounters)
            .finish_non_exhaustive()
    }
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The warning to show, and have the participant accept, before a CSV
/// export, in `language`.
#[uniffi::export]
pub fn csv_export_warning(language: Language) -> String {
    csv::warning(language.into()).to_string()
}

/// Every log as CSV files in one zip archive, for the share sheet.
#[derive(Clone, PartialEq, Eq, uniffi::Record)]
pub struct CsvArchive {
    /// A neutral name: `logs-csv.zip`.
    pub file_name: String,
    /// The archive (stored entries, undated). Not encrypted.
    pub bytes: Vec<u8>,
    /// Rows per file, in the archive's order (`cravings.csv`, ...).
    pub files: Vec<CsvArchiveEntry>,
    /// Records that failed their integrity check and were left out.
    pub damaged_left_out: u32,
}

/// One file inside a [`CsvArchive`].
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct CsvArchiveEntry {
    pub name: String,
    pub rows: u32,
}

impl std::fmt::Debug for CsvArchive {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CsvArchive")
            .field("file_name", &self.file_name)
            .field("bytes", &self.bytes.len())
            .finish_non_exhaustive()
    }
}

fn span(from_utc_millis: Option<i64>, until_utc_millis: Option<i64>) -> Span {
    Span {
        from_millis: from_utc_millis,
        until_millis: until_utc_millis,
    }
}

#[uniffi::export]
impl Vault {
    /// Every log as CSV, one file per log type, for records from
    /// `from_utc_millis` (included) to `until_utc_millis` (excluded) when
    /// given — a `DateRange`'s `start_utc_millis` and `end_utc_millis`. Not
    /// encrypted: `confirmed` must say the participant accepted the warning
    /// of `csv_export_warning`, or the call is refused.
    #[uniffi::method(default(from_utc_millis = None, until_utc_millis = None))]
    pub fn export_csv(
        &self,
        confirmed: bool,
        from_utc_millis: Option<i64>,
        until_utc_millis: Option<i64>,
    ) -> Result<CsvExport> {
        let vault = self.core();
        let out = csv::export_span(
            &vault.store()?,
            confirmed,
            span(from_utc_millis, until_utc_millis),
        )?;
        Ok(CsvExport {
            files: out
                .files
                .into_iter()
                .map(|f| CsvFile {
                    name: f.name,
                    content: f.content,
                    rows: count(f.rows),
                })
                .collect(),
            damaged_left_out: count(out.damaged_left_out),
        })
    }

    /// [`Vault::export_csv`] as one zip archive: the single file to hand
    /// to the share sheet or a `content://` / security-scoped URL.
    #[uniffi::method(default(from_utc_millis = None, until_utc_millis = None))]
    pub fn export_csv_zip(
        &self,
        confirmed: bool,
        from_utc_millis: Option<i64>,
        until_utc_millis: Option<i64>,
    ) -> Result<CsvArchive> {
        let out = {
            let vault = self.core();
            csv::export_span(
                &vault.store()?,
                confirmed,
                span(from_utc_millis, until_utc_millis),
            )?
        };
        Ok(CsvArchive {
            file_name: archive::FILE_NAME.into(),
            bytes: archive::csv_zip(&out)?,
            files: out
                .files
                .iter()
                .map(|f| CsvArchiveEntry {
                    name: f.name.clone(),
                    rows: count(f.rows),
                })
                .collect(),
            damaged_left_out: count(out.damaged_left_out),
        })
    }

    /// Cravings, check-ins and attendance as a FHIR R4 `Bundle` for a
    /// program's EHR, for records in the range when given (as for
    /// `export_csv`). Not encrypted; export only when the participant asks.
    /// `now` stamps the bundle in local time.
    #[uniffi::method(default(from_utc_millis = None, until_utc_millis = None))]
    pub fn export_fhir(
        &self,
        now: Now,
        from_utc_millis: Option<i64>,
        until_utc_millis: Option<i64>,
    ) -> Result<FhirExport> {
        let now = now.instant()?;
        let vault = self.core();
        let out = fhir::export_span(
            &vault.store()?,
            now,
            span(from_utc_millis, until_utc_millis),
        )?;
        Ok(FhirExport {
            json: out.json,
            observations: count(out.observations),
            encounters: count(out.encounters),
            questionnaire_responses: count(out.questionnaire_responses),
            damaged_left_out: count(out.damaged_left_out),
            file_name: "fhir-bundle.json".into(),
        })
    }
}
