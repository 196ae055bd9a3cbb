//! Keel's vault against plain SQLite and SQLCipher, on one SQLite engine.
//!
//! `bash tests/bench/run.sh` (or `cargo run --release` here) builds, in one
//! run, the shared ten-year heavy-use journal (20 entries a day, plus a plan
//! revised 50 times, practice sessions and ~2,000 attended meetings in the
//! vault) in three stores:
//!
//! 1. Keel's vault (sealed records, key slots);
//! 2. the plain, unencrypted SQLite reference of `core/benches/common/plain.rs`;
//! 3. the same schema in SQLCipher 4 with a raw 256-bit key (no PBKDF2 on
//!    open: what an app keeping its key in the keystore would do).
//!
//! This crate links SQLCipher's build of SQLite for everything, Keel
//! included, so the three differ only in how they encrypt. It prints median,
//! p99 and the ratios Keel / plain and Keel / SQLCipher for: open and unlock,
//! the Today screen, a 90-day craving list, one-year insights over the
//! journal, and a durable insert; Keel's one-year counselor report (the
//! baselines have no report generator: the store reads it makes are what the
//! one-year insights compare); then Keel's passphrase unlock, the peak RSS
//! of the process, and (from run.sh) library sizes.

#[path = "../../../core/benches/common/mod.rs"]
mod common;

use std::path::Path;
use std::time::Instant;

use chrono::NaiveDate;
use common::dataset::{Gen, NOW, seed_journal, seed_program};
use common::plain::{plain_insert, plain_today, seed_plain};
use common::{Stats, measure, ms, ratio, row};
use rusqlite::{Connection, params};

use keel_core::insights::{self, craving_series, heat_map, mood_series, top_triggers};
use keel_core::logs::{self, CheckIn, Craving, Encounter, Lapse};
use keel_core::report::{self, ReportRequest, Topic};
use keel_core::{LocalInstant, PageRequest, Store, Vault, today};

const RUNS: usize = 101;
const PASSPHRASE: &str = "bench passphrase long enough";

fn open_plain(path: &Path, key: Option<&str>) -> Connection {
    let conn = Connection::open(path).expect("open");
    if let Some(key) = key {
        conn.pragma_update(None, "key", format!("x'{key}'"))
            .expect("key");
    }
    conn.pragma_update(None, "journal_mode", "WAL")
        .expect("wal");
    conn.pragma_update(None, "synchronous", "FULL")
        .expect("sync");
    conn
}

/// Bodies of one kind of entry in `[from, until)`, newest first.
fn plain_bodies<T: serde::de::DeserializeOwned>(
    conn: &Connection,
    kind: i64,
    from: i64,
    until: i64,
) -> Vec<T> {
    conn.prepare_cached(
        "SELECT body FROM entry WHERE kind = ?1 AND at >= ?2 AND at < ?3 ORDER BY at DESC, id DESC",
    )
    .expect("prepare")
    .query_map(params![kind, from, until], |r| r.get::<_, String>(0))
    .expect("query")
    .map(|b| serde_json::from_str(&b.expect("row")).expect("json"))
    .collect()
}

/// What the journal part of the insights computes, from any source.
fn journal_insights(
    cravings: &[Craving],
    encounters: &[Encounter],
    lapses: &[Lapse],
    checkins: &[CheckIn],
    from: NaiveDate,
    to: NaiveDate,
) -> usize {
    let (days, _) = craving_series(cravings, from, to);
    let heat = heat_map(cravings);
    let top = top_triggers(cravings, encounters, lapses);
    let mood = mood_series(checkins);
    days.len() + heat.len() + top.len() + mood.len()
}

fn keel_year(store: &Store<'_>, from: NaiveDate, to: NaiveDate) -> usize {
    fn read<T: keel_core::Timed>(
        store: &Store<'_>,
        from: NaiveDate,
        to: NaiveDate,
        at: fn(&T) -> LocalInstant,
    ) -> Vec<T> {
        let mut damaged = Vec::new();
        insights::in_days(store, from, to, at, &mut damaged)
            .expect("read")
            .into_iter()
            .map(|(_, v)| v)
            .collect()
    }
    let c: Vec<Craving> = read(store, from, to, |c| c.at);
    let e: Vec<Encounter> = read(store, from, to, |e| e.at);
    let l: Vec<Lapse> = read(store, from, to, |l| l.at);
    let k: Vec<CheckIn> = read(store, from, to, |k| k.at);
    journal_insights(&c, &e, &l, &k, from, to)
}

fn plain_year(
    conn: &Connection,
    from_ms: i64,
    until_ms: i64,
    from: NaiveDate,
    to: NaiveDate,
) -> usize {
    let c: Vec<Craving> = plain_bodies(conn, 0, from_ms, until_ms);
    let e: Vec<Encounter> = plain_bodies(conn, 1, from_ms, until_ms);
    let k: Vec<CheckIn> = plain_bodies(conn, 2, from_ms, until_ms);
    let l: Vec<Lapse> = plain_bodies(conn, 3, from_ms, until_ms);
    journal_insights(&c, &e, &l, &k, from, to)
}

fn peak_rss_mib() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse::<f64>().ok())
        })
        .map_or(0.0, |kib| kib / 1024.0)
}

fn three(label: &str, keel: &Stats, plain: &Stats, cipher: &Stats) {
    row(&format!("{label}: Keel"), keel);
    row(&format!("{label}: plain SQLite"), plain);
    row(&format!("{label}: SQLCipher"), cipher);
    ratio(&format!("{label}: Keel / plain"), keel, plain);
    ratio(&format!("{label}: Keel / SQLCipher"), keel, cipher);
}

fn main() {
    let version: String = Connection::open_in_memory()
        .expect("memory")
        .query_row("PRAGMA cipher_version", [], |r| r.get(0))
        .unwrap_or_else(|_| "not SQLCipher".into());
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path().join("vault");
    let dir_str = dir.to_str().expect("utf-8").to_string();
    let now = NOW;
    let today_date = now.local_date().expect("date");

    let (secret, seeded) = {
        let mut vault = Vault::create(&dir_str, PASSPHRASE).expect("vault");
        let device = vault.add_device_slot().expect("device slot");
        let store = vault.store().expect("unlocked");
        let seeded = seed_journal(&store, now);
        seed_program(&store, today_date, now);
        (device.secret.to_vec(), seeded)
    };
    let entries = &seeded.entries;
    let plain_path = tmp.path().join("plain.db");
    let cipher_path = tmp.path().join("cipher.db");
    let key = hex::encode([0x5au8; 32]);
    seed_plain(&open_plain(&plain_path, None), &seeded);
    seed_plain(&open_plain(&cipher_path, Some(&key)), &seeded);
    println!(
        "== Keel vs plain SQLite vs SQLCipher ({version}), ten years, {} journal entries",
        entries.len()
    );

    let open_keel = measure(RUNS, || {
        let mut v = Vault::open(&dir_str).expect("open");
        v.unlock_with_device_secret(&secret).expect("unlock");
        v.store().expect("store");
    });
    let open_count = |conn: &Connection| {
        let _: i64 = conn
            .query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))
            .expect("read");
    };
    let open_p = measure(RUNS, || open_count(&open_plain(&plain_path, None)));
    let open_c = measure(RUNS, || open_count(&open_plain(&cipher_path, Some(&key))));
    three(
        "open and unlock (device slot / raw key)",
        &open_keel,
        &open_p,
        &open_c,
    );

    let mut vault = Vault::open(&dir_str).expect("open");
    vault.unlock_with_device_secret(&secret).expect("unlock");
    let store = vault.store().expect("store");
    let plain = open_plain(&plain_path, None);
    let cipher = open_plain(&cipher_path, Some(&key));
    today::today(&store, now, keel_core::Language::En).expect("warm");
    let today_k = measure(RUNS, || drop(today::today(&store, now, keel_core::Language::En).expect("today")));
    let today_p = measure(RUNS, || drop(plain_today(&plain, now).expect("today")));
    let today_c = measure(RUNS, || drop(plain_today(&cipher, now).expect("today")));
    three("Today screen", &today_k, &today_p, &today_c);

    let from90 = now.utc_millis - 90 * 86_400_000;
    let list_k = measure(RUNS, || {
        let mut n = 0;
        let mut offset = 0;
        loop {
            let page = logs::page::<Craving>(
                &store,
                PageRequest {
                    from_millis: Some(from90),
                    until_millis: Some(now.utc_millis),
                    offset,
                    limit: 1000,
                },
            )
            .expect("page");
            n += page.items.len();
            offset += page.items.len();
            if offset >= page.total {
                break;
            }
        }
        assert!(n > 1000);
    });
    let list = |conn: &Connection| {
        assert!(plain_bodies::<Craving>(conn, 0, from90, now.utc_millis).len() > 1000)
    };
    let list_p = measure(RUNS, || list(&plain));
    let list_c = measure(RUNS, || list(&cipher));
    three("90-day craving list", &list_k, &list_p, &list_c);

    let year_from = today_date - chrono::Duration::days(365);
    let from_ms = now.utc_millis - 366 * 86_400_000;
    let runs = 21;
    let year_k = measure(runs, || {
        assert!(keel_year(&store, year_from, today_date) > 0)
    });
    let year_p = measure(runs, || {
        assert!(plain_year(&plain, from_ms, now.utc_millis, year_from, today_date) > 0)
    });
    let year_c = measure(runs, || {
        assert!(plain_year(&cipher, from_ms, now.utc_millis, year_from, today_date) > 0)
    });
    three("one-year insights (journal)", &year_k, &year_p, &year_c);

    // The baselines have no report generator; what a report reads from the
    // store is what the one-year insights above compare.
    let request = ReportRequest {
        from: year_from,
        to: today_date,
        topics: Topic::ALL_BUT_JOURNAL.to_vec(),
        lang: report::Language::En,
        now,
    };
    let report_k = measure(5, || {
        let doc = report::build(&store, &request).expect("report");
        report::render(&doc, "maple river candle orbit lantern").expect("render");
    });
    row(
        "one-year counselor report, every section (Keel: build, seal with PBKDF2 600k)",
        &report_k,
    );

    let sample = match &entries[entries.len() / 2] {
        Gen::Craving(c) => c.clone(),
        _ => match &entries[entries.len() / 2 + 1] {
            Gen::Craving(c) => c.clone(),
            _ => panic!("a craving"),
        },
    };
    let add_k = measure(RUNS, || {
        drop(logs::add(&store, sample.clone(), now).expect("add"))
    });
    let add = |conn: &Connection| {
        let tx = conn.unchecked_transaction().expect("tx");
        plain_insert(conn, &Gen::Craving(sample.clone())).expect("insert");
        tx.commit().expect("commit");
    };
    let add_p = measure(RUNS, || add(&plain));
    let add_c = measure(RUNS, || add(&cipher));
    three("add an entry (durable commit)", &add_k, &add_p, &add_c);
    vault.lock();
    let t = Instant::now();
    vault
        .unlock_with_passphrase(PASSPHRASE)
        .expect("passphrase");
    println!("passphrase unlock (PBKDF2 600,000): {}", ms(t.elapsed()));
    println!(
        "peak RSS of this process (three ten-year stores): {:.0} MiB",
        peak_rss_mib()
    );
    let size = |p: &Path| std::fs::metadata(p).map_or(0, |m| m.len()) / 1_000_000;
    println!(
        "file sizes: vault {} MB, plain {} MB, SQLCipher {} MB",
        size(&dir.join(keel_core::vault::DB_FILE)),
        size(&plain_path),
        size(&cipher_path)
    );
}
