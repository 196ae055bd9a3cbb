//! Vault micro-benchmarks, each against a baseline measured in the same run.
//!
//! `cargo bench -p keel-core --bench vault` prints, as median and p99:
//! unlock by passphrase and by device slot, AES-GCM seal/open throughput, and
//! a durable insert and a read through the vault against the same operation
//! on plain SQLite with the same settings (WAL, synchronous=FULL); and what
//! SQLite's `secure_delete` costs on the vault's kind of writes (OFF, FAST
//! and ON on the vault's table shape). No assertions: these are numbers for
//! people, not pass/fail gates.

mod common;

use common::{measure, ratio, row};
use std::time::Instant;

use keel_core::crypto::aead::Cipher;
use keel_core::crypto::{SecretKey, fill_random, random_array};
use keel_core::{Record, Vault};
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize)]
struct Entry {
    text: String,
    at: i64,
}

impl Record for Entry {
    const COLLECTION: &'static str = "bench.entry";
    const NOUN: &'static str = "entry";
}

fn main() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path().join("vault");
    let dir = dir.to_str().expect("utf-8 path");
    let pass = "bench passphrase long enough";
    let mut vault = Vault::create(dir, pass).expect("create");
    let device = vault.add_device_slot().expect("device slot");

    println!("== Unlock");
    let by_pass = measure(9, || {
        vault.lock();
        vault.unlock_with_passphrase(pass).expect("unlock");
    });
    row("passphrase (PBKDF2 600k)", &by_pass);
    let by_device = measure(501, || {
        vault.lock();
        vault
            .unlock_with_device_secret(device.secret.as_slice())
            .expect("unlock");
    });
    row("device slot (HKDF)", &by_device);
    let open = measure(101, || {
        drop(Vault::open(dir).expect("open"));
    });
    row("open the file (locked)", &open);

    println!("\n== AES-256-GCM throughput");
    let cipher = Cipher::new(&SecretKey::random().expect("key"));
    for size in [256usize, 4096] {
        let plain = vec![7u8; size];
        let n = 20_000;
        let t = Instant::now();
        let sealed: Vec<Vec<u8>> = (0..n)
            .map(|_| cipher.seal(b"aad", &plain).expect("seal"))
            .collect();
        let seal_s = t.elapsed().as_secs_f64();
        let t = Instant::now();
        for s in &sealed {
            cipher.open(b"aad", s).expect("open");
        }
        let open_s = t.elapsed().as_secs_f64();
        let mb = (n * size) as f64 / 1e6;
        println!(
            "{size:>5}-byte records: seal {:>8.0} MB/s ({:>7.0} rec/s), open {:>8.0} MB/s",
            mb / seal_s,
            n as f64 / seal_s,
            mb / open_s
        );
    }

    println!("\n== Durable insert and read, vault vs plain SQLite (same settings)");
    let text = "Craving after work, called my sponsor, went for a walk. ".repeat(3);
    let store = vault.store().expect("unlocked");
    let mut at = 0i64;
    let mut ids = Vec::new();
    let keel_insert = measure(400, || {
        at += 1;
        ids.push(
            store
                .insert(&Entry {
                    text: text.clone(),
                    at,
                })
                .expect("insert"),
        );
    });
    let plain_dir = tmp.path().join("plain.db");
    let plain = rusqlite::Connection::open(&plain_dir).expect("plain db");
    plain
        .execute_batch(
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;
             CREATE TABLE entry (id INTEGER PRIMARY KEY, at INTEGER NOT NULL, text TEXT NOT NULL);",
        )
        .expect("schema");
    let mut at = 0i64;
    let plain_insert = measure(400, || {
        at += 1;
        plain
            .execute("INSERT INTO entry (at, text) VALUES (?1, ?2)", (at, &text))
            .expect("insert");
    });
    row("vault insert (commit each)", &keel_insert);
    row("plain SQLite insert (commit each)", &plain_insert);
    ratio("vault / plain", &keel_insert, &plain_insert);

    let mut i = 0;
    let keel_get = measure(2000, || {
        i = (i + 7) % ids.len();
        store.get::<Entry>(&ids[i]).expect("get");
    });
    let mut i = 0;
    let plain_get = measure(2000, || {
        i = (i + 7) % 400;
        let _: String = plain
            .prepare_cached("SELECT text FROM entry WHERE id = ?1")
            .expect("prepare")
            .query_row([i as i64 + 1], |r| r.get(0))
            .expect("get");
    });
    row("vault get by id", &keel_get);
    row("plain SQLite get by id", &plain_get);
    ratio("vault / plain", &keel_get, &plain_get);

    secure_delete_cost(tmp.path());
}

/// A random body of one of the vault's size buckets (sealed bodies look
/// random); every eighth one spills to an overflow page.
fn body(i: usize) -> Vec<u8> {
    let size = [256usize, 512, 1024, 2048, 4096, 1024, 2048, 8192][i % 8];
    let mut b = vec![0u8; size];
    fill_random(&mut b).expect("random");
    b
}

/// Inserts, updates and deletes with commit-each on the vault's table shape
/// (16 KiB pages, WAL, synchronous=FULL, random 16-byte ids, 4,000 rows
/// already there), under each `secure_delete` setting. The three databases
/// take turns operation by operation, so disk noise falls on all alike;
/// besides time, the write-ahead log's growth says how many pages each
/// operation wrote (the extra I/O `secure_delete` may cost).
fn secure_delete_cost(tmp: &std::path::Path) {
    const MODES: [&str; 3] = ["OFF", "FAST", "ON"];
    const RUNS: usize = 301;
    println!("\n== secure_delete on ordinary writes (vault table shape, commit each)");
    let dbs: Vec<(rusqlite::Connection, std::path::PathBuf)> = MODES
        .iter()
        .map(|mode| {
            let path = tmp.join(format!("secure-delete-{mode}.db"));
            let conn = rusqlite::Connection::open(&path).expect("db");
            conn.execute_batch(&format!(
                "PRAGMA page_size=16384; PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;
                 PRAGMA secure_delete={mode};
                 CREATE TABLE items (id BLOB PRIMARY KEY, tag BLOB NOT NULL, body BLOB NOT NULL)
                     WITHOUT ROWID;
                 CREATE INDEX items_by_tag ON items (tag);"
            ))
            .expect("schema");
            (conn, tmp.join(format!("secure-delete-{mode}.db-wal")))
        })
        .collect();
    let seed: Vec<([u8; 16], Vec<u8>)> = (0..4000)
        .map(|i| (random_array().expect("id"), body(i)))
        .collect();
    for (conn, _) in &dbs {
        conn.execute_batch("BEGIN").expect("begin");
        for (i, (id, b)) in seed.iter().enumerate() {
            conn.execute(
                "INSERT INTO items (id, tag, body) VALUES (?1, ?2, ?3)",
                (id, [(i % 8) as u8; 16], b),
            )
            .expect("seed");
        }
        conn.execute_batch("COMMIT; PRAGMA wal_checkpoint(TRUNCATE); PRAGMA wal_autocheckpoint=0;")
            .expect("commit");
    }
    // One operation's statement and arguments, the same for every database.
    type Op = (&'static str, Vec<Box<dyn rusqlite::ToSql>>);
    let new_ids: Vec<[u8; 16]> = (0..RUNS).map(|_| random_array().expect("id")).collect();
    let ops: [(&str, Vec<Op>); 3] = [
        (
            "insert",
            (0..RUNS)
                .map(|i| -> Op {
                    (
                        "INSERT INTO items (id, tag, body) VALUES (?1, ?2, ?3)",
                        vec![
                            Box::new(new_ids[i]),
                            Box::new([(i % 8) as u8; 16]),
                            Box::new(body(i)),
                        ],
                    )
                })
                .collect(),
        ),
        (
            "update",
            (0..RUNS)
                .map(|i| -> Op {
                    (
                        "UPDATE items SET body = ?2 WHERE id = ?1",
                        vec![
                            Box::new(seed[(i * 13) % seed.len()].0),
                            Box::new(body(i + 3)),
                        ],
                    )
                })
                .collect(),
        ),
        (
            "delete",
            (0..RUNS)
                .map(|i| -> Op {
                    (
                        "DELETE FROM items WHERE id = ?1",
                        vec![Box::new(seed[(i * 7) % seed.len()].0)],
                    )
                })
                .collect(),
        ),
    ];
    for (name, list) in &ops {
        let mut times = vec![Vec::with_capacity(RUNS); MODES.len()];
        let start: Vec<u64> = dbs.iter().map(|(_, wal)| wal_len(wal)).collect();
        for (i, (sql, args)) in list.iter().enumerate() {
            for k in 0..MODES.len() {
                let m = (i + k) % MODES.len();
                let params: Vec<&dyn rusqlite::ToSql> = args.iter().map(|a| a.as_ref()).collect();
                let t = Instant::now();
                dbs[m].0.execute(sql, params.as_slice()).expect("write");
                times[m].push(t.elapsed());
            }
        }
        let stats: Vec<common::Stats> = times
            .into_iter()
            .map(|mut t| {
                t.sort();
                common::Stats {
                    median: t[RUNS / 2],
                    p99: t[RUNS * 99 / 100],
                }
            })
            .collect();
        for (m, mode) in MODES.iter().enumerate() {
            let pages = (wal_len(&dbs[m].1) - start[m]) as f64 / (16_384.0 + 24.0) / RUNS as f64;
            row(
                &format!("{name}, secure_delete={mode} ({pages:.2} pages)"),
                &stats[m],
            );
        }
        for (m, mode) in MODES.iter().enumerate().skip(1) {
            ratio(&format!("{name}, {mode} / OFF"), &stats[m], &stats[0]);
        }
        for (conn, _) in &dbs {
            conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")
                .expect("checkpoint");
        }
    }
}

fn wal_len(path: &std::path::Path) -> u64 {
    std::fs::metadata(path).map_or(0, |m| m.len())
}
