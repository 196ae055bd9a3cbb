//! Power cuts through the fault-injecting VFS: seeded trials, each running
//! a day of journaling (notes added, edited and deleted, cravings logged,
//! the app closed and reopened, now and then a passphrase change) with the
//! power cut at one write, sync or truncate. The disk then holds its last
//! synced image plus any subset of the unsynced writes, some torn at sector
//! boundaries. After every trial: the vault opens, SQLite's
//! `integrity_check` passes, every acknowledged write is there, nothing
//! appears that was never written, and exactly one passphrase works.
//! A separate test cuts the power at every operation of a re-key and
//! checks the vault is wholly the old one or wholly the new one.
//!
//! `KEEL_POWER_LOSS_TRIALS` sets the number of trials (default 1,000, split
//! over four tests that run in parallel); `KEEL_POWER_LOSS_SEED` replays one
//! trial.
#![allow(clippy::unwrap_used)]

use std::collections::BTreeMap;
use std::path::Path;

use keel_core::logs::{self, Context, Craving, CravingOutcome};
use keel_core::notes;
use keel_core::store::RecordId;
use keel_core::{LocalInstant, Vault, today};
use keel_harness::fault_vfs::{Mode, Watch};
use rand::rngs::StdRng;
use rand::{RngExt, SeedableRng};

mod support;

use support::{NEW, NOW, OLD, copy_dir, integrity};

const STEPS: usize = 14;

/// A vault with a device slot and a few notes, made once and copied into
/// every trial's folder.
struct Template {
    _tmp: tempfile::TempDir,
    dir: std::path::PathBuf,
    secret: Vec<u8>,
    notes: Vec<(RecordId, String)>,
}

fn template() -> Template {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("vault");
    let mut v = Vault::create(dir.to_str().unwrap(), OLD).unwrap();
    let secret = v.add_device_slot().unwrap().secret.to_vec();
    let s = v.store().unwrap();
    let notes = (0..3)
        .map(|i| {
            let text = format!("template note {i}");
            (notes::add(&s, NOW, &text, NOW).unwrap().id, text)
        })
        .collect();
    drop(v);
    Template {
        _tmp: tmp,
        dir,
        secret,
        notes,
    }
}

/// What the trial believes is in the vault.
#[derive(Clone, Default)]
struct Expected {
    /// Acknowledged notes by id: `Some(text)`, or `None` once deleted.
    notes: BTreeMap<RecordId, Option<String>>,
    cravings: Vec<RecordId>,
    passphrase: &'static str,
}

/// The one operation that failed when the power went: it may or may not
/// have reached the disk, but it must be whole or absent.
#[derive(Debug, Clone)]
enum Doubt {
    AddNote(String),
    EditNote(RecordId, String),
    DeleteNote(RecordId),
    AddCraving,
    ChangePassphrase,
    Other,
}

fn craving(rng: &mut StdRng) -> Craving {
    Craving {
        at: LocalInstant {
            utc_millis: NOW.utc_millis - rng.random_range(0..86_400_000),
            ..NOW
        },
        intensity: rng.random_range(0..=10),
        duration_minutes: Some(rng.random_range(1..90)),
        triggers: vec![],
        context: Context::default(),
        coping: vec![],
        outcome: CravingOutcome::RodeItOut,
        notes: "n".repeat(rng.random_range(0..1500)),
    }
}

fn note_text(rng: &mut StdRng, seed: u64, step: usize) -> String {
    let body = "w".repeat(rng.random_range(0..2500));
    format!("trial {seed} step {step} {body}.")
}

/// Runs trial `seed`'s workload on the vault in `dir`, stopping at the
/// first error, which must come from the injected fault.
fn workload(
    dir: &Path,
    secret: &[u8],
    seed: u64,
    watch: &Watch,
    expected: &mut Expected,
) -> Option<Doubt> {
    let mut rng = StdRng::seed_from_u64(seed);
    let changes_passphrase = seed % 50 == 7;
    let mut vault: Option<Vault> = None;
    for step in 0..STEPS {
        let v = match vault.as_mut() {
            Some(v) => v,
            None => {
                let opened = Vault::open(dir.to_str().unwrap())
                    .and_then(|mut v| v.unlock_with_device_secret(secret).map(|()| v));
                match opened {
                    Ok(v) => vault.insert(v),
                    Err(e) => {
                        assert!(
                            watch.tripped(),
                            "seed {seed}: open failed unprompted: {e:?}"
                        );
                        return Some(Doubt::Other);
                    }
                }
            }
        };
        let live: Vec<RecordId> = expected
            .notes
            .iter()
            .filter_map(|(id, text)| text.as_ref().map(|_| *id))
            .collect();
        let roll = rng.random_range(0..100);
        let (doubt, result) = if changes_passphrase && step == STEPS / 2 {
            let r = v.change_passphrase(expected.passphrase, NEW);
            if r.is_ok() {
                expected.passphrase = NEW;
            }
            (Doubt::ChangePassphrase, r.map(|_| ()))
        } else if roll < 35 || live.is_empty() {
            let text = note_text(&mut rng, seed, step);
            let r = notes::add(&v.store().unwrap(), NOW, &text, NOW);
            if let Ok(saved) = &r {
                expected.notes.insert(saved.id, Some(text.clone()));
            }
            (Doubt::AddNote(text), r.map(|_| ()))
        } else if roll < 55 {
            let r = logs::add(&v.store().unwrap(), craving(&mut rng), NOW);
            if let Ok(saved) = &r {
                expected.cravings.push(saved.id);
            }
            (Doubt::AddCraving, r.map(|_| ()))
        } else if roll < 72 {
            let id = live[rng.random_range(0..live.len())];
            let text = note_text(&mut rng, seed, step);
            let r = notes::update(&v.store().unwrap(), id, NOW, &text, NOW);
            if r.is_ok() {
                expected.notes.insert(id, Some(text.clone()));
            }
            (Doubt::EditNote(id, text), r.map(|_| ()))
        } else if roll < 82 {
            let id = live[rng.random_range(0..live.len())];
            let r = notes::delete(&v.store().unwrap(), id);
            if r.is_ok() {
                expected.notes.insert(id, None);
            }
            (Doubt::DeleteNote(id), r)
        } else {
            // The app goes to the background and closes: SQLite checkpoints
            // the WAL into the database file on the last close.
            vault = None;
            continue;
        };
        if let Err(e) = result {
            assert!(watch.tripped(), "seed {seed}: failed unprompted: {e:?}");
            return Some(doubt);
        }
    }
    None
}

/// The checks after a power cut (or none).
fn verify(dir: &Path, secret: &[u8], seed: u64, expected: &Expected, doubt: Option<&Doubt>) {
    let mut v = Vault::open(dir.to_str().unwrap())
        .unwrap_or_else(|e| panic!("seed {seed}: the vault does not open: {e:?}"));
    assert_eq!(integrity(dir), "ok", "seed {seed}");
    v.unlock_with_device_secret(secret)
        .unwrap_or_else(|e| panic!("seed {seed}: the device slot fails: {e:?}"));
    let s = v.store().unwrap();

    let listed = notes::list(&s).unwrap();
    assert!(listed.damaged.is_empty(), "seed {seed}: damaged notes");
    let found: BTreeMap<RecordId, String> = listed
        .notes
        .into_iter()
        .map(|n| (n.id, n.note.text))
        .collect();
    for (id, want) in &expected.notes {
        let got = found.get(id);
        let alternative = match doubt {
            Some(Doubt::EditNote(d, text)) if d == id => got == Some(text),
            Some(Doubt::DeleteNote(d)) if d == id => got.is_none(),
            _ => false,
        };
        assert!(
            got == want.as_ref() || alternative,
            "seed {seed}: note {id} is {:?}, expected {:?}",
            got.map(|t| t.len()),
            want.as_ref().map(|t| t.len())
        );
    }
    let unknown: Vec<&String> = found
        .iter()
        .filter(|(id, _)| !expected.notes.contains_key(id))
        .map(|(_, text)| text)
        .collect();
    match doubt {
        Some(Doubt::AddNote(text)) => {
            assert!(
                unknown.len() <= 1 && unknown.iter().all(|t| *t == text),
                "seed {seed}"
            )
        }
        _ => assert!(unknown.is_empty(), "seed {seed}: notes nobody wrote"),
    }

    let cravings = s.list::<Craving>().unwrap();
    assert!(cravings.damaged.is_empty(), "seed {seed}");
    let extra = usize::from(matches!(doubt, Some(Doubt::AddCraving)));
    let count = cravings.items.len();
    assert!(
        count == expected.cravings.len() || count == expected.cravings.len() + extra,
        "seed {seed}: {count} cravings, {} acknowledged",
        expected.cravings.len()
    );
    for id in &expected.cravings {
        assert!(cravings.items.iter().any(|(c, _)| c == id), "seed {seed}");
    }
    // The Today screen's summaries agree with what is there.
    let t = today::today(&s, NOW, keel_core::Language::En).unwrap();
    assert!(t.recent.len() <= count + found.len());

    if expected.passphrase == NEW || matches!(doubt, Some(Doubt::ChangePassphrase)) {
        v.lock();
        let new = v.unlock_with_passphrase(NEW).is_ok();
        v.lock();
        let old = v.unlock_with_passphrase(OLD).is_ok();
        assert!(
            new != old,
            "seed {seed}: exactly one passphrase (new {new}, old {old})"
        );
        if expected.passphrase == NEW {
            assert!(
                new,
                "seed {seed}: the acknowledged passphrase change was lost"
            );
        }
    }
}

/// Outcome counts over a batch of trials.
#[derive(Debug, Default)]
struct Tally {
    trials: usize,
    cut: usize,
    at_stake: usize,
}

/// One trial: a clean run to count the operations, then the same workload
/// with the power cut at a seeded one of them.
fn trial(t: &Template, seed: u64, tally: &mut Tally) {
    let tmp = tempfile::tempdir().unwrap();
    let expected_start = Expected {
        notes: t
            .notes
            .iter()
            .map(|(id, text)| (*id, Some(text.clone())))
            .collect(),
        cravings: vec![],
        passphrase: OLD,
    };

    let clean = tmp.path().join("clean");
    copy_dir(&t.dir, &clean);
    let watch = Watch::new(&clean, Mode::Count).unwrap();
    let mut expected = expected_start.clone();
    let doubt = workload(&clean, &t.secret, seed, &watch, &mut expected);
    assert!(doubt.is_none(), "seed {seed}: the clean run failed");
    let ops = watch.ops();
    drop(watch);

    let cut = tmp.path().join("cut");
    copy_dir(&t.dir, &cut);
    let at = StdRng::seed_from_u64(seed ^ 0xc0ff_ee00).random_range(0..ops.max(1));
    let watch = Watch::new(&cut, Mode::Crash { at }).unwrap();
    let mut expected = expected_start;
    let doubt = workload(&cut, &t.secret, seed, &watch, &mut expected);
    tally.trials += 1;
    if watch.tripped() {
        tally.cut += 1;
    }
    tally.at_stake += watch.power_loss(seed).unwrap();
    drop(watch);
    verify(&cut, &t.secret, seed, &expected, doubt.as_ref());
}

fn trials_total() -> u64 {
    std::env::var("KEEL_POWER_LOSS_TRIALS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(1_000)
}

/// Runs quarter `part` of the trials (seeds `part`, `part + 4`, ...).
fn run_quarter(part: u64) {
    let t = template();
    let mut tally = Tally::default();
    if let Some(seed) = std::env::var("KEEL_POWER_LOSS_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
    {
        if part == 0 {
            trial(&t, seed, &mut tally);
        }
        return;
    }
    let mut seed = part;
    while seed < trials_total() {
        trial(&t, seed, &mut tally);
        seed += 4;
    }
    println!("power loss, quarter {part}: {tally:?}");
    // Nearly every trial must really cut the power mid-work.
    assert!(tally.cut * 10 >= tally.trials * 9, "{tally:?}");
}

#[test]
fn power_cuts_lose_no_acknowledged_write_quarter_0() {
    run_quarter(0);
}

#[test]
fn power_cuts_lose_no_acknowledged_write_quarter_1() {
    run_quarter(1);
}

#[test]
fn power_cuts_lose_no_acknowledged_write_quarter_2() {
    run_quarter(2);
}

#[test]
fn power_cuts_lose_no_acknowledged_write_quarter_3() {
    run_quarter(3);
}

/// Opens the vault in `dir`, unlocks it and re-keys it.
fn rekey_once(dir: &Path) -> keel_core::Result<()> {
    let mut v = Vault::open(dir.to_str().unwrap())?;
    v.unlock_with_passphrase(OLD)?;
    keel_core::rekey::rekey(&mut v, OLD).map(drop)
}

/// A re-key with the power cut at each of its writes, syncs and truncates
/// (all of them, or an even sample of at most 80): afterwards the vault
/// opens, SQLite's integrity check passes, the passphrase opens it, and it
/// is wholly the old vault (every record readable, the device slot still
/// there) or wholly the new one (every record readable under the new key,
/// the device slot gone), never a mix.
#[test]
fn a_rekey_cut_by_power_leaves_the_old_vault_or_the_new_one() {
    let t = template();
    let tmp = tempfile::tempdir().unwrap();
    // Enough records that the re-key's transaction spans many pages.
    let base = tmp.path().join("base");
    copy_dir(&t.dir, &base);
    let mut want: Vec<String> = t.notes.iter().map(|(_, text)| text.clone()).collect();
    {
        let mut v = Vault::open(base.to_str().unwrap()).unwrap();
        v.unlock_with_device_secret(&t.secret).unwrap();
        let s = v.store().unwrap();
        for i in 0..150 {
            let text = format!("note {i} w{}", "w".repeat(i * 13 % 900));
            notes::add(&s, NOW, &text, NOW).unwrap();
            want.push(text);
        }
    }
    let clean = tmp.path().join("clean");
    copy_dir(&base, &clean);
    let watch = Watch::new(&clean, Mode::Count).unwrap();
    rekey_once(&clean).unwrap();
    let ops = watch.ops();
    drop(watch);

    let (mut old, mut new) = (0, 0);
    let every = usize::try_from(ops.div_ceil(80)).unwrap().max(1);
    for at in (0..ops).step_by(every) {
        let cut = tmp.path().join(format!("cut-{at}"));
        copy_dir(&base, &cut);
        let watch = Watch::new(&cut, Mode::Crash { at }).unwrap();
        let result = rekey_once(&cut);
        assert!(watch.tripped(), "cut at {at} of {ops} never happened");
        // A cut after the commit (in the closing checkpoint) still reports
        // success: the re-key is then acknowledged and must have held.
        let acknowledged = result.is_ok();
        watch.power_loss(at).unwrap();
        drop(watch);

        let mut v = Vault::open(cut.to_str().unwrap())
            .unwrap_or_else(|e| panic!("cut at {at}: the vault does not open: {e:?}"));
        assert_eq!(integrity(&cut), "ok", "cut at {at}");
        let device = v.unlock_with_device_secret(&t.secret).is_ok();
        v.lock();
        v.unlock_with_passphrase(OLD)
            .unwrap_or_else(|e| panic!("cut at {at}: the passphrase fails: {e:?}"));
        let listed = notes::list(&v.store().unwrap()).unwrap();
        assert!(listed.damaged.is_empty(), "cut at {at}: damaged records");
        let mut texts: Vec<String> = listed.notes.into_iter().map(|n| n.note.text).collect();
        texts.sort();
        let mut expected = want.clone();
        expected.sort();
        assert!(
            texts == expected,
            "cut at {at}: records lost or mixed ({} found, {} expected)",
            texts.len(),
            expected.len()
        );
        if device {
            assert!(
                !acknowledged,
                "cut at {at}: an acknowledged re-key was lost"
            );
            old += 1;
        } else {
            new += 1;
        }
    }
    println!("re-key power cuts: {ops} operations, old vault after {old}, new after {new}");
    assert!(
        old > 0 && new > 0,
        "cuts left only one outcome: {old} old, {new} new"
    );
}
