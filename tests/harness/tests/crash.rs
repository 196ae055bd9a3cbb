//! SIGKILL at random moments: a writer process is killed mid-work over and
//! over, and after every kill the vault must open, hold every acknowledged
//! write, and show no plaintext on disk.
//!
//! `KEEL_CRASH_ITERATIONS` sets the number of kills of the note writer
//! (default 60; the measured run uses 1,000); `KEEL_CRASH_SEED` replays a
//! run's kill delays.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../../../core/tests/common/mod.rs"]
mod common;

use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use keel_core::{RecordId, Vault, notes};
use keel_harness::{Event, Outcome};
use rand::rngs::StdRng;
use rand::{RngExt, SeedableRng};

const WRITER: &str = env!("CARGO_BIN_EXE_crash_writer");

fn env_count(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// A seeded generator for kill delays; the seed is printed for replay.
fn rng(test: &str) -> StdRng {
    let seed = std::env::var("KEEL_CRASH_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| u64::from_le_bytes(keel_core::crypto::random_array().unwrap()));
    println!("{test}: KEEL_CRASH_SEED={seed}");
    StdRng::seed_from_u64(seed)
}

/// Starts the writer, waits for `ready`, lets it run for `delay`, kills it
/// with SIGKILL and returns every whole line it printed and how long it
/// ran after `ready`.
fn run_and_kill(args: &[&str], delay: Duration) -> (Vec<String>, Duration) {
    let mut child = Command::new(WRITER)
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel();
    let reader = std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let mut lines = Vec::new();
    loop {
        match rx.recv_timeout(Duration::from_secs(60)) {
            Ok(line) => {
                let ready = line == Event::Ready.line();
                lines.push(line);
                if ready {
                    break;
                }
            }
            Err(_) => {
                let _ = child.kill();
                let _ = child.wait();
                let mut err = String::new();
                child
                    .stderr
                    .take()
                    .unwrap()
                    .read_to_string(&mut err)
                    .unwrap();
                panic!("the writer never became ready: {err}");
            }
        }
    }
    // Lines keep arriving until the delay is up or the writer exits.
    let ready = Instant::now();
    let deadline = ready + delay;
    while let Some(left) = deadline.checked_duration_since(Instant::now()) {
        match rx.recv_timeout(left) {
            Ok(line) => lines.push(line),
            Err(mpsc::RecvTimeoutError::Timeout) => break,
            Err(mpsc::RecvTimeoutError::Disconnected) => break,
        }
    }
    let ran = ready.elapsed();
    // `Child::kill` sends SIGKILL on Unix: no destructor, no flush, no
    // SQLite cleanup runs in the writer.
    let _ = child.kill();
    child.wait().unwrap();
    reader.join().unwrap();
    lines.extend(rx.try_iter());
    (lines, ran)
}

fn dir_str(dir: &Path) -> &str {
    dir.to_str().unwrap()
}

#[test]
fn killed_note_writers_never_lose_an_acknowledged_note_or_leave_plaintext() {
    let kills = env_count("KEEL_CRASH_ITERATIONS", 60);
    let mut rng = rng("notes");
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("v");
    let secret = {
        let mut vault = Vault::create(dir_str(&dir), common::PASSPHRASE).unwrap();
        hex::encode(*vault.add_device_slot().unwrap().secret)
    };

    let mut attempted: Vec<String> = Vec::new();
    let mut acknowledged: Vec<(String, String)> = Vec::new();
    let mut torn = 0;
    let mut scans = 0;
    // About ten scans a run: each reads every file against every canary.
    let scan_every = (kills / 10).max(1);
    for kill in 0..kills {
        let delay = Duration::from_micros(rng.random_range(0..=20_000));
        let (lines, _) = run_and_kill(&["notes", dir_str(&dir), &secret], delay);
        let outcome = Outcome::from_lines(lines.iter().map(String::as_str));
        if outcome.attempted.len() > outcome.acknowledged.len() {
            torn += 1;
        }
        attempted.extend(outcome.attempted.iter().cloned());
        acknowledged.extend(outcome.acknowledged.iter().cloned());

        // The folder exactly as the kill left it, WAL and all.
        if (kill + 1) % scan_every == 0 || kill + 1 == kills {
            let found = common::canaries_on_disk(&dir, &attempted);
            assert!(found.is_empty(), "plaintext on disk after kill {kill}");
            scans += 1;
        }

        let mut vault = Vault::open(dir_str(&dir)).expect("the vault opens after a kill");
        vault
            .unlock_with_device_secret(&hex::decode(&secret).unwrap())
            .unwrap();
        let store = vault.store().unwrap();
        for (id, text) in &outcome.acknowledged {
            let note = notes::get(&store, RecordId::parse("id", id).unwrap()).unwrap();
            assert_eq!(&note.note.text, text, "acknowledged note changed");
        }
        if kill + 1 == kills {
            let list = notes::list(&store).unwrap();
            assert!(list.damaged.is_empty(), "a note failed its integrity check");
            let kept: std::collections::HashSet<String> =
                list.notes.iter().map(|n| n.id.to_string()).collect();
            for (id, _) in &acknowledged {
                assert!(kept.contains(id), "an acknowledged note is gone");
            }
            // Unacknowledged writes may or may not have landed; nothing else may.
            assert!(list.notes.len() <= attempted.len());
        }
    }
    println!(
        "{kills} kills, {} notes attempted, {} acknowledged and all present, {torn} kills \
         between a write starting and its acknowledgement, {scans} at-rest scans clean",
        attempted.len(),
        acknowledged.len()
    );
    assert!(!acknowledged.is_empty(), "the writer never got to write");
}

/// Which of `passphrases` unlock the vault in `dir`.
fn working(dir: &Path, passphrases: [&str; 2]) -> Vec<usize> {
    let mut vault = Vault::open(dir_str(dir)).expect("the vault opens after a kill");
    (0..2)
        .filter(|&i| {
            let ok = vault.unlock_with_passphrase(passphrases[i]).is_ok();
            vault.lock();
            ok
        })
        .collect()
}

#[test]
fn a_killed_passphrase_change_leaves_exactly_one_passphrase() {
    let kills = env_count("KEEL_CRASH_PASSPHRASE_ITERATIONS", 8);
    let mut rng = rng("passphrase");
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("v");
    let names = ["first passphrase here", "second passphrase here"];
    drop(Vault::create(dir_str(&dir), names[0]).unwrap());

    // One uninterrupted change gives the span the kills are spread over.
    let (lines, span) = run_and_kill(
        &["passphrase", dir_str(&dir), names[0], names[1]],
        Duration::from_secs(60),
    );
    assert!(Outcome::from_lines(lines.iter().map(String::as_str)).done);
    assert_eq!(working(&dir, names), [1]);
    let mut current = 1;

    let mut finished = 0;
    for kill in 0..kills {
        // A quarter of the kills come too late, to see finished changes too.
        let delay = Duration::from_micros(rng.random_range(0..=span.as_micros() as u64 * 5 / 4));
        let (lines, _) = run_and_kill(
            &[
                "passphrase",
                dir_str(&dir),
                names[current],
                names[1 - current],
            ],
            delay,
        );
        let done = Outcome::from_lines(lines.iter().map(String::as_str)).done;
        let works = working(&dir, names);
        assert_eq!(
            works.len(),
            1,
            "kill {kill}: passphrases working: {works:?}"
        );
        if done {
            assert_eq!(
                works[0],
                1 - current,
                "kill {kill}: an acknowledged change was lost"
            );
        }
        if works[0] != current {
            finished += 1;
        }
        current = works[0];
    }
    println!(
        "{kills} kills during a passphrase change: {finished} finished, the rest kept the old one"
    );
}

#[test]
fn a_killed_creation_leaves_no_vault_or_a_whole_one() {
    let kills = env_count("KEEL_CRASH_CREATE_ITERATIONS", 4);
    let mut rng = rng("create");
    let tmp = tempfile::tempdir().unwrap();
    let mut whole = 0;
    for kill in 0..kills {
        let dir = tmp.path().join(format!("v{kill}"));
        let delay = Duration::from_micros(rng.random_range(0..=250_000));
        let (lines, _) = run_and_kill(&["create", dir_str(&dir), common::PASSPHRASE], delay);
        let done = Outcome::from_lines(lines.iter().map(String::as_str)).done;
        if Vault::exists(dir_str(&dir)) {
            let mut vault = Vault::open(dir_str(&dir)).unwrap();
            vault.unlock_with_passphrase(common::PASSPHRASE).unwrap();
            whole += 1;
        } else {
            assert!(!done, "kill {kill}: an acknowledged creation left no vault");
            // What a crash left behind does not stand in the way.
            drop(Vault::create(dir_str(&dir), common::PASSPHRASE).unwrap());
        }
    }
    println!("{kills} kills during creation: {whole} left a whole vault, the rest none");
}
