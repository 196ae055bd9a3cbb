//! Vault micro-benchmarks, each against a baseline measured in the same run.
//!
//! `cargo bench -p keel-core --bench vault` prints, as median and p99:
//! unlock by passphrase and by device slot, AES-GCM seal/open throughput, and
//! a durable insert and a read through the vault against the same operation
//! on plain SQLite with the same settings (WAL, synchronous=FULL). No
//! assertions: these are numbers for people, not pass/fail gates.

mod common;

use common::{measure, ratio, row};
use std::time::Instant;

use keel_core::crypto::SecretKey;
use keel_core::crypto::aead::Cipher;
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
}
