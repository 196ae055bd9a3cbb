//! The counselor report part of the demo: a preview of exactly what will be
//! shared, then one encrypted HTML file written beside the vault, and the
//! generated passphrase to tell the counselor in person.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use keel_core::report::{self, ReportRequest, Topic, passphrase};
use keel_core::{LocalInstant, Store};

use super::{DemoResult, timed};

/// Where the demo's reports go: a folder beside the vault folder.
fn reports_dir(vault_dir: &str) -> PathBuf {
    let vault = Path::new(vault_dir);
    let name = vault
        .file_name()
        .map(|n| format!("{}-reports", n.to_string_lossy()))
        .unwrap_or_else(|| "keel-demo-reports".into());
    vault.with_file_name(name)
}

pub fn report_tour(
    store: &Store<'_>,
    vault_dir: &str,
    from: NaiveDate,
    now: LocalInstant,
) -> DemoResult {
    println!("\n== The counselor report");
    let to = now.local_date().ok_or("clock out of range")?;
    let request = ReportRequest {
        from,
        to,
        topics: Topic::ALL_BUT_JOURNAL.to_vec(),
        lang: report::Language::En,
        now,
    };
    let preview = timed("preview what the report will hold", || {
        report::preview_request(store, &request)
    })?;
    println!("  She sees exactly what will be shared:");
    for line in &preview.lines {
        println!("    {line}");
    }
    let words = passphrase::generate(request.lang)?;
    let file = timed("build, encrypt (PBKDF2 600k, AES-256-GCM), wrap", || {
        report::write(store, &request, &words, &preview.fingerprint)
    })?;
    let dir = reports_dir(vault_dir);
    std::fs::create_dir_all(&dir)?;
    // Earlier demo runs' reports are replaced, not piled up.
    for old in std::fs::read_dir(&dir)?.flatten() {
        let name = old.file_name().to_string_lossy().into_owned();
        if name.starts_with("report-") && name.ends_with(".html") {
            std::fs::remove_file(old.path())?;
        }
    }
    let path = dir.join(&file.file_name);
    report::save(&file, &path)?;
    println!(
        "  wrote {} ({:.0} KiB, one self-contained file: open it in any browser)",
        path.display(),
        file.html.len() as f64 / 1024.0
    );
    println!(
        "  passphrase to tell the counselor in person: {}",
        words.as_str()
    );
    Ok(())
}
