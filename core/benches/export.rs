//! Reports and exports over ten years of heavy use.
//!
//! `cargo bench -p keel-core --bench export` builds a vault with the shared
//! ten-year journal (20 entries a day), a plan revised 50 times, a practice
//! session most days and about 2,000 attended meetings, then measures:
//! - a one-year counselor report with every section: building the document,
//!   sealing it (PBKDF2 at 600,000 iterations dominates) and its size;
//! - one-year insights;
//! - the ten-year CSV and FHIR exports: time, size and the process's peak
//!   resident memory during each (VmHWM, reset before each through
//!   `/proc/self/clear_refs`).
//!
//! No assertions on time: numbers for people, not gates.

mod common;

use std::time::Instant;

use common::dataset::{NOW, seed_journal, seed_program};
use common::{measure, ms, row};

use keel_core::export::{csv, fhir};
use keel_core::report::{self, ReportRequest, Topic};
use keel_core::{Vault, insights};

/// Peak resident set size since the last reset, in MiB.
fn peak_rss_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

/// Resets the peak to the current resident size (Linux).
fn reset_peak() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

fn mib(bytes: usize) -> String {
    format!("{:.1} MiB", bytes as f64 / 1024.0 / 1024.0)
}

fn main() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path().join("vault");
    let vault =
        Vault::create(dir.to_str().expect("utf-8"), "bench passphrase long enough").expect("vault");
    let store = vault.store().expect("unlocked");
    let now = NOW;
    let today = now.local_date().expect("date");
    let t = Instant::now();
    let entries = seed_journal(&store, now).entries;
    let (sessions, attended) = seed_program(&store, today, now);
    println!(
        "== Reports and exports over 10 years: {} journal entries, {sessions} practice sessions, \
         {attended} meetings attended, 50 plan revisions (seeded in {})",
        entries.len(),
        ms(t.elapsed())
    );

    let year_ago = today - chrono::Duration::days(365);
    let request = ReportRequest {
        from: year_ago,
        to: today,
        topics: Topic::ALL_BUT_JOURNAL.to_vec(),
        lang: report::Language::En,
        now,
    };
    let build = measure(5, || {
        report::build(&store, &request).expect("report");
    });
    row("one-year report: build the document", &build);
    let doc = report::build(&store, &request).expect("report");
    let json_len = doc.to_json().expect("json").len();
    let seal = measure(3, || {
        report::render(&doc, "maple river candle orbit lantern").expect("render");
    });
    row("one-year report: seal and wrap (PBKDF2 600k)", &seal);
    let file = report::render(&doc, "maple river candle orbit lantern").expect("render");
    println!(
        "  one-year report size: {} HTML ({} of document JSON, {} table rows)",
        mib(file.html.len()),
        mib(json_len),
        doc.sections
            .iter()
            .map(report::sections::row_count)
            .sum::<usize>()
    );

    let yearly = measure(5, || {
        insights::insights(&store, year_ago, today, now).expect("insights");
    });
    row("one-year insights", &yearly);

    let before = peak_rss_mib().unwrap_or(0.0);
    reset_peak();
    let t = Instant::now();
    let out = csv::export(&store, true).expect("csv");
    let csv_time = t.elapsed();
    let csv_peak = peak_rss_mib().unwrap_or(0.0);
    let csv_bytes: usize = out.files.iter().map(|f| f.content.len()).sum();
    let csv_rows: usize = out.files.iter().map(|f| f.rows).sum();
    drop(out);
    println!(
        "  ten-year CSV export: {} ({csv_rows} rows, {}), peak RSS {csv_peak:.0} MiB",
        ms(csv_time),
        mib(csv_bytes)
    );

    reset_peak();
    let t = Instant::now();
    let out = fhir::export(&store, now).expect("fhir");
    let fhir_time = t.elapsed();
    let fhir_peak = peak_rss_mib().unwrap_or(0.0);
    println!(
        "  ten-year FHIR export: {} ({} observations, {} encounters, {}), peak RSS {fhir_peak:.0} MiB",
        ms(fhir_time),
        out.observations,
        out.encounters,
        mib(out.json.len())
    );
    println!("  (process peak RSS while seeding, for scale: {before:.0} MiB)");
}
