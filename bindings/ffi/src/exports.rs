//! CSV and FHIR exports across the FFI.

use keel_core::export::{csv, fhir};

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

#[uniffi::export]
impl Vault {
    /// Every log as CSV, one file per log type. Not encrypted:
    /// `confirmed` must say the participant accepted the warning of
    /// `csv_export_warning`, or the call is refused.
    pub fn export_csv(&self, confirmed: bool) -> Result<CsvExport> {
        let vault = self.core();
        let out = csv::export(&vault.store()?, confirmed)?;
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

    /// Cravings, check-ins and attendance as a FHIR R4 `Bundle` for a
    /// program's EHR. Not encrypted; export only when the participant asks.
    /// `now` stamps the bundle in local time.
    pub fn export_fhir(&self, now: Now) -> Result<FhirExport> {
        let now = now.instant()?;
        let vault = self.core();
        let out = fhir::export(&vault.store()?, now)?;
        Ok(FhirExport {
            json: out.json,
            observations: count(out.observations),
            encounters: count(out.encounters),
            damaged_left_out: count(out.damaged_left_out),
            file_name: "fhir-bundle.json".into(),
        })
    }
}
