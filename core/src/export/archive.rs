//! The CSV files of an export in one zip archive, the single file a phone's
//! share sheet hands on.
//!
//! Entries are *stored* (not compressed: the `zip` crate is built without
//! its compression features, which keeps it small in the library; CSV of a
//! year of logs is a few hundred kilobytes). Every entry carries the zip
//! format's earliest date (1980-01-01), so the archive says nothing about
//! when it was made. Not encrypted, like the CSV inside.

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

use super::csv::CsvExport;
use crate::error::{Error, Result};

/// A neutral name for the archive.
pub const FILE_NAME: &str = "logs-csv.zip";

/// The files of `export` as one zip archive.
pub fn csv_zip(export: &CsvExport) -> Result<Vec<u8>> {
    let fail = |_| Error::invalid("csv", "write_failed");
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Stored)
        .last_modified_time(DateTime::default());
    for file in &export.files {
        zip.start_file(file.name.as_str(), options).map_err(fail)?;
        zip.write_all(file.content.as_bytes())
            .map_err(|_| Error::invalid("csv", "write_failed"))?;
    }
    Ok(zip.finish().map_err(fail)?.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::csv::CsvFile;

    #[test]
    fn every_file_is_in_the_archive_undated() {
        let export = CsvExport {
            files: vec![
                CsvFile {
                    name: "a.csv".into(),
                    content: "x,y\n1,2\n".into(),
                    rows: 1,
                },
                CsvFile {
                    name: "b.csv".into(),
                    content: "z\n".into(),
                    rows: 0,
                },
            ],
            damaged_left_out: 0,
        };
        let bytes = csv_zip(&export).unwrap();
        let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
        assert_eq!(archive.len(), 2);
        let mut a = archive.by_name("a.csv").unwrap();
        assert_eq!(a.last_modified(), Some(DateTime::default()));
        let mut text = String::new();
        std::io::Read::read_to_string(&mut a, &mut text).unwrap();
        assert_eq!(text, "x,y\n1,2\n");
    }
}
