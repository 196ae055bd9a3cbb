//! The Today screen over ten years of heavy use, against plain SQLite.
//!
//! `cargo bench -p keel-core --bench today` builds, in one run:
//! - a vault holding 10 years x 20 entries a day (73,041 entries: a daily
//!   check-in, 16 cravings and 3 trigger encounters, a lapse every 61 days),
//!   a saved plan and two sobriety clocks, written through the real journal
//!   API (so the sealed summaries are maintained as in the app);
//! - the same data in a plain, unencrypted SQLite file with a sensible schema
//!   and indexes (entries by time and by kind, trigger rows by hour of the
//!   week, lapses by clock), the way an app without encryption would store it;
//!
//! then computes the same Today screen from both (checking they agree) and
//! prints median and p99 and their ratio. A third line computes it from the
//! very summaries the vault keeps, stored as plain JSON in the plain file:
//! the same design without encryption, so that ratio is the cost of the
//! sealing alone (decrypting and parsing a handful of records). Also printed, for context: one
//! durable write through each, and the one-off rebuild of the summaries from
//! the whole history (what Today would cost if it had to read everything).
//! No assertions on time: numbers for people, not gates.

mod common;

use common::dataset::{Gen, NOW, seed_journal, tag};
use common::plain::{json, plain_insert, plain_today, seed_plain};
use common::{measure, ratio, row};
use std::time::Instant;

use rusqlite::{Connection, params};

use keel_core::logs::{self, Context, Craving, CravingOutcome};
use keel_core::plan::Plan;
use keel_core::sobriety::{self, Clock, ClockStatus};
use keel_core::summary::lapses::{LapseFact, LapseIndex};
use keel_core::summary::rebuild_all;
use keel_core::summary::recent::{Brief, Recent};
use keel_core::summary::rhythm::Rhythm;
use keel_core::today::{self, Today};
use keel_core::{LocalInstant, RecordId, Vault};

const RUNS: usize = 301;

/// The Today screen from the same summaries the vault keeps, stored as
/// plain JSON: the same computation as the vault's, minus the encryption.
fn plain_today_from_summaries(conn: &Connection, now: LocalInstant) -> rusqlite::Result<Today> {
    let date = now.local_date().expect("date");
    let summary = |name: &str| -> rusqlite::Result<String> {
        conn.prepare_cached("SELECT body FROM summary WHERE name = ?1")?
            .query_row([name], |r| r.get(0))
    };
    let recent: Recent = serde_json::from_str(&summary("recent")?).expect("recent");
    let rhythm: Rhythm = serde_json::from_str(&summary("rhythm")?).expect("rhythm");
    let lapses: LapseIndex = serde_json::from_str(&summary("lapses")?).expect("lapses");
    let (number, body): (u32, String) = conn
        .prepare_cached("SELECT number, body FROM plan_revision ORDER BY number DESC LIMIT 1")?
        .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    let plan: Plan = serde_json::from_str(&body).expect("plan");
    let clocks: Vec<ClockStatus> = conn
        .prepare_cached(
            "SELECT id, label, sobriety_date FROM clock ORDER BY sobriety_date, label, id",
        )?
        .query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
            ))
        })?
        .map(|row| {
            row.map(|(id, label, start)| {
                let id = RecordId::parse("id", &id).expect("id");
                let clock = Clock {
                    label,
                    sobriety_date: start.parse().expect("date"),
                };
                let facts: Vec<&LapseFact> = lapses.for_clock(id).collect();
                sobriety::status(id, &clock, &facts, date)
            })
        })
        .collect::<rusqlite::Result<_>>()?;
    Ok(today::compose(
        now,
        &recent,
        &rhythm,
        Some((number, &plan)),
        clocks,
        keel_core::Language::En,
    )
    .expect("compose"))
}

/// What both screens must agree on (entry ids differ between the stores).
fn projection(t: &Today) -> impl PartialEq + std::fmt::Debug {
    let brief = |b: &Brief| {
        (
            b.kind,
            b.at,
            b.level,
            b.mood,
            b.outcome,
            b.any_use,
            b.triggers.clone(),
            b.text.clone(),
        )
    };
    (
        t.date,
        t.clocks.clone(),
        t.checked_in_today,
        t.todays_checkin.as_ref().map(brief),
        t.recent.iter().map(brief).collect::<Vec<_>>(),
        t.suggestions.clone(),
        t.crisis_contacts.clone(),
        t.plan_revision,
        t.lapse_plan.clone(),
    )
}

fn file_size(path: &std::path::Path) -> u64 {
    ["", "-wal"]
        .iter()
        .filter_map(|s| std::fs::metadata(format!("{}{s}", path.display())).ok())
        .map(|m| m.len())
        .sum()
}

fn main() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path().join("vault");
    let vault =
        Vault::create(dir.to_str().expect("utf-8"), "bench passphrase long enough").expect("vault");
    let store = vault.store().expect("unlocked");

    let now = NOW;
    let t = Instant::now();
    let seeded = seed_journal(&store, now);
    let keel_seed = t.elapsed();
    let entries = &seeded.entries;
    let rev = &seeded.rev;
    println!(
        "== Today screen over 10 years of heavy use ({} entries)",
        entries.len()
    );

    let plain_path = tmp.path().join("plain.db");
    let conn = Connection::open(&plain_path).expect("plain db");
    let t = Instant::now();
    seed_plain(&conn, &seeded);
    let plain_seed = t.elapsed();
    println!(
        "seeding: vault {:.1} s ({} MB), plain SQLite {:.1} s ({} MB)",
        keel_seed.as_secs_f64(),
        file_size(&dir.join(keel_core::vault::DB_FILE)) / 1_000_000,
        plain_seed.as_secs_f64(),
        file_size(&plain_path) / 1_000_000
    );

    // The same summaries, unencrypted, for the third measurement.
    let one = |l: Vec<(RecordId, String)>| l.into_iter().next().expect("summary").1;
    for (name, body) in [
        (
            "recent",
            one(store
                .list::<Recent>()
                .expect("recent")
                .items
                .into_iter()
                .map(|(i, v)| (i, json(&v)))
                .collect()),
        ),
        (
            "rhythm",
            one(store
                .list::<Rhythm>()
                .expect("rhythm")
                .items
                .into_iter()
                .map(|(i, v)| (i, json(&v)))
                .collect()),
        ),
        (
            "lapses",
            one(store
                .list::<LapseIndex>()
                .expect("lapses")
                .items
                .into_iter()
                .map(|(i, v)| (i, json(&v)))
                .collect()),
        ),
    ] {
        conn.execute(
            "INSERT INTO summary (name, body) VALUES (?1, ?2)",
            params![name, body],
        )
        .expect("summary");
    }

    let keel_screen = today::today(&store, now, keel_core::Language::En).expect("today");
    let plain_screen = plain_today(&conn, now).expect("plain today");
    let summary_screen = plain_today_from_summaries(&conn, now).expect("plain summaries today");
    let agree = projection(&keel_screen) == projection(&plain_screen)
        && projection(&keel_screen) == projection(&summary_screen);
    println!(
        "screens agree: {} ({} clocks, {} recent, {} suggestions, checked in: {})",
        if agree { "yes" } else { "NO (bug!)" },
        keel_screen.clocks.len(),
        keel_screen.recent.len(),
        keel_screen.suggestions.len(),
        keel_screen.checked_in_today
    );
    if !agree {
        println!(
            "keel:  {:?}\nplain: {:?}",
            projection(&keel_screen),
            projection(&plain_screen)
        );
    }

    // Each run asks at a different minute of the coming week, so the
    // rhythm lookups move around the week like real use.
    let at = |i: usize| LocalInstant {
        utc_millis: now.utc_millis + (i as i64 * 7919 % 10_080) * 60_000,
        ..now
    };
    let mut i = 0;
    let keel_today = measure(RUNS, || {
        i += 1;
        std::hint::black_box(today::today(&store, at(i), keel_core::Language::En).expect("today"));
    });
    // The whole screen the FFI returns: also the meeting on now, the next
    // meeting and the exercise suggestion, in the phone's zone.
    let mut i = 0;
    let keel_screen_stats = measure(RUNS, || {
        i += 1;
        let now = today::ZonedNow::new(at(i).utc_millis, "America/New_York").expect("zone");
        std::hint::black_box(today::screen(&store, &now, keel_core::Language::En).expect("screen"));
    });
    let mut i = 0;
    let plain_today_stats = measure(RUNS, || {
        i += 1;
        std::hint::black_box(plain_today(&conn, at(i)).expect("plain today"));
    });
    let mut i = 0;
    let summaries_today = measure(RUNS, || {
        i += 1;
        std::hint::black_box(
            plain_today_from_summaries(&conn, at(i)).expect("plain summaries today"),
        );
    });
    println!();
    row("Today, vault (sealed summaries)", &keel_today);
    row(
        "Today, vault (+ meetings, exercise: the FFI's screen)",
        &keel_screen_stats,
    );
    row("Today, plain SQLite (indexed queries)", &plain_today_stats);
    row(
        "Today, plain SQLite (same summaries, clear)",
        &summaries_today,
    );
    ratio(
        "vault / plain (indexed queries)",
        &keel_today,
        &plain_today_stats,
    );
    ratio(
        "vault / plain (same summaries, clear)",
        &keel_today,
        &summaries_today,
    );

    println!("\n== For context");
    let mut n = 0i64;
    let craving = |n: i64| Craving {
        at: LocalInstant {
            utc_millis: now.utc_millis - 3_600_000 + n,
            ..now
        },
        intensity: 4,
        duration_minutes: Some(10),
        triggers: vec![tag(&rev.plan, 0)],
        context: Context::default(),
        coping: vec![],
        outcome: CravingOutcome::RodeItOut,
        notes: String::new(),
    };
    let keel_write = measure(101, || {
        n += 1;
        logs::add(&store, craving(n), now).expect("add");
    });
    let plain_write = measure(101, || {
        n += 1;
        let tx = conn.unchecked_transaction().expect("tx");
        plain_insert(&conn, &Gen::Craving(craving(n))).expect("insert");
        tx.commit().expect("commit");
    });
    row("log a craving, vault (entry + summaries)", &keel_write);
    row("log a craving, plain SQLite", &plain_write);
    ratio("vault / plain", &keel_write, &plain_write);
    let rebuild = measure(3, || rebuild_all(&store).expect("rebuild"));
    row("rebuild every summary from 10 years", &rebuild);
    println!(
        "  (what Today would cost if it read the whole history; happens only if a summary is lost)"
    );
}
