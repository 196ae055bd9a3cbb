//! Helpers shared by the vault's integration tests: canaries, file scans and
//! direct access to the sealed rows.
#![allow(dead_code, clippy::unwrap_used)]

use std::fs;
use std::path::{Path, PathBuf};

use base64::Engine;
use keel_core::notes;
use keel_core::{LocalInstant, RecordId, Vault};
use ring::rand::{SecureRandom, SystemRandom};

pub const PASSPHRASE: &str = "correct horse battery staple";

/// A fixed "now" in 2026 and an instant shortly before it.
pub const NOW: LocalInstant = LocalInstant {
    utc_millis: 1_790_000_000_000,
    offset_minutes: -300,
};

pub fn before_now(minutes: i64) -> LocalInstant {
    LocalInstant {
        utc_millis: NOW.utc_millis - minutes * 60_000,
        ..NOW
    }
}

/// A random 16-character canary of letters and digits.
pub fn canary() -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    let mut bytes = [0u8; 16];
    SystemRandom::new().fill(&mut bytes).unwrap();
    bytes
        .iter()
        .map(|b| ALPHABET[*b as usize % ALPHABET.len()] as char)
        .collect()
}

/// Every byte pattern under which `canary` would be readable: raw, UTF-16
/// in both byte orders, hex in both cases, and the stable middle of its
/// base64 (standard and URL-safe) at each of the three alignments.
pub fn encodings(canary: &str) -> Vec<Vec<u8>> {
    let raw = canary.as_bytes().to_vec();
    let mut out = vec![
        raw.clone(),
        canary.encode_utf16().flat_map(u16::to_le_bytes).collect(),
        canary.encode_utf16().flat_map(u16::to_be_bytes).collect(),
        hex::encode(&raw).into_bytes(),
        hex::encode_upper(&raw).into_bytes(),
    ];
    for engine in [
        base64::engine::general_purpose::STANDARD_NO_PAD,
        base64::engine::general_purpose::URL_SAFE_NO_PAD,
    ] {
        for shift in 0..3 {
            let mut prefixed = vec![0u8; shift];
            prefixed.extend_from_slice(&raw);
            let encoded = engine.encode(&prefixed).into_bytes();
            // Characters touching the prefix or the end depend on neighbours.
            let start = (shift * 4).div_ceil(3) + 1;
            out.push(encoded[start..encoded.len() - 2].to_vec());
        }
    }
    out
}

/// Every file in `dir`, recursively.
pub fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    if let Ok(entries) = fs::read_dir(dir) {
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                out.extend(files(&path));
            } else {
                out.push(path);
            }
        }
    }
    out
}

/// The canaries (and their encodings) found in any file of `dir`: every
/// window of every file is looked up in a set of patterns, one pass per
/// distinct pattern length.
pub fn canaries_on_disk(dir: &Path, canaries: &[String]) -> Vec<String> {
    use std::collections::{BTreeMap, HashMap};
    let mut by_len: BTreeMap<usize, HashMap<Vec<u8>, usize>> = BTreeMap::new();
    for (i, canary) in canaries.iter().enumerate() {
        for pattern in encodings(canary) {
            by_len.entry(pattern.len()).or_default().insert(pattern, i);
        }
    }
    let mut hit = vec![false; canaries.len()];
    for path in files(dir) {
        let bytes = fs::read(&path).unwrap();
        for (len, patterns) in &by_len {
            for window in bytes.windows(*len) {
                if let Some(i) = patterns.get(window) {
                    hit[*i] = true;
                }
            }
        }
    }
    canaries
        .iter()
        .zip(hit)
        .filter(|(_, h)| *h)
        .map(|(c, _)| c.clone())
        .collect()
}

/// SHA-256 of every file in `dir`, by name.
pub fn hashes(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<(String, Vec<u8>)> = files(dir)
        .iter()
        .map(|p| {
            let digest = ring::digest::digest(&ring::digest::SHA256, &fs::read(p).unwrap());
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                digest.as_ref().to_vec(),
            )
        })
        .collect();
    out.sort();
    out
}

/// A new unlocked vault with `n` notes holding fresh canaries.
pub fn vault_with_canaries(dir: &Path, n: usize) -> (Vault, Vec<(RecordId, String)>) {
    let vault = Vault::create(dir.to_str().unwrap(), PASSPHRASE).unwrap();
    let mut written = Vec::with_capacity(n);
    {
        let store = vault.store().unwrap();
        for i in 0..n {
            let text = canary();
            let saved = notes::add(&store, before_now(i as i64 % 600), &text, NOW).unwrap();
            written.push((saved.id, text));
        }
    }
    (vault, written)
}

/// The sealed rows of the items table: (id, body).
pub fn sealed_rows(db: &Path) -> Vec<(Vec<u8>, Vec<u8>)> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut stmt = conn
        .prepare("SELECT id, body FROM items ORDER BY id")
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(|r| r.unwrap())
        .collect()
}

/// Replaces the body of the row `id`.
pub fn set_body(db: &Path, id: &[u8], body: &[u8]) {
    let conn = rusqlite::Connection::open(db).unwrap();
    let n = conn
        .execute(
            "UPDATE items SET body = ?1 WHERE id = ?2",
            rusqlite::params![body, id],
        )
        .unwrap();
    assert_eq!(n, 1);
}
