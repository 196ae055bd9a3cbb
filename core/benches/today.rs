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

use common::dataset::{DAYS, Gen, journal, seed_keel, tag};
use common::{measure, ratio, row};
use std::time::Instant;

use chrono::NaiveDate;
use rusqlite::{Connection, params};

use keel_core::calendar::week_slot;
use keel_core::logs::{
    self, CheckIn, Context, Craving, CravingOutcome, Encounter, EntryKind, Lapse, TriggerTag,
};
use keel_core::plan::{self, Language, Plan};
use keel_core::sobriety::{self, Clock, ClockStatus};
use keel_core::summary::lapses::{LapseFact, LapseIndex};
use keel_core::summary::rebuild_all;
use keel_core::summary::recent::{Brief, Recent, SHOWN};
use keel_core::summary::rhythm::Rhythm;
use keel_core::today::{self, Today};
use keel_core::{LocalInstant, RecordId, Vault};

const RUNS: usize = 301;

// ------------------------------------------------------------------ plain

const PLAIN_SCHEMA: &str = "
PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;
CREATE TABLE clock (id TEXT PRIMARY KEY, label TEXT NOT NULL, sobriety_date TEXT NOT NULL);
CREATE TABLE plan_revision (number INTEGER PRIMARY KEY, saved_at INTEGER NOT NULL,
    offset_min INTEGER NOT NULL, with_counselor INTEGER NOT NULL, body TEXT NOT NULL);
CREATE TABLE entry (id INTEGER PRIMARY KEY, kind INTEGER NOT NULL, at INTEGER NOT NULL,
    offset_min INTEGER NOT NULL, level INTEGER, mood TEXT, outcome TEXT, any_use INTEGER NOT NULL,
    text TEXT NOT NULL, trigger_names TEXT NOT NULL, body TEXT NOT NULL);
CREATE INDEX entry_by_at ON entry (at, id);
CREATE INDEX entry_by_kind_at ON entry (kind, at, id);
CREATE TABLE entry_trigger (entry_id INTEGER NOT NULL REFERENCES entry(id) ON DELETE CASCADE,
    week_slot INTEGER NOT NULL, trigger_key TEXT NOT NULL);
CREATE INDEX trigger_by_slot ON entry_trigger (week_slot, trigger_key);
CREATE INDEX trigger_by_entry ON entry_trigger (entry_id);
CREATE TABLE lapse_clock (entry_id INTEGER NOT NULL REFERENCES entry(id) ON DELETE CASCADE,
    clock_id TEXT NOT NULL, local_date TEXT NOT NULL, resets INTEGER NOT NULL);
CREATE INDEX lapse_by_clock ON lapse_clock (clock_id, local_date);
CREATE TABLE summary (name TEXT PRIMARY KEY, body TEXT NOT NULL);
";

fn kind_code(k: EntryKind) -> i64 {
    k.index() as i64
}

fn json<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string(v).expect("json")
}

fn plain_insert(conn: &Connection, e: &Gen) -> rusqlite::Result<()> {
    let (brief, tags, body, lapse) = match e {
        Gen::Craving(c) => (c_brief(c), c.triggers.clone(), json(c), None),
        Gen::Encounter(c) => (enc_brief(c), c.triggers.clone(), json(c), None),
        Gen::CheckIn(c) => (ci_brief(c), vec![], json(c), None),
        Gen::Lapse(c) => (l_brief(c), c.triggers.clone(), json(c), Some(c)),
    };
    conn.prepare_cached(
        "INSERT INTO entry (kind, at, offset_min, level, mood, outcome, any_use, text, trigger_names, body)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?
    .execute(params![
        kind_code(e.kind()),
        brief.at.utc_millis,
        brief.at.offset_minutes,
        brief.level,
        brief.mood.map(|m| json(&m)),
        brief.outcome.map(|o| json(&o)),
        brief.any_use,
        brief.text,
        brief.triggers.join("\u{1f}"),
        body
    ])?;
    let id = conn.last_insert_rowid();
    let slot = week_slot(brief.at).expect("slot");
    let mut keys: Vec<String> = tags.iter().map(TriggerTag::key).collect();
    keys.sort();
    keys.dedup();
    for key in keys {
        conn.prepare_cached(
            "INSERT INTO entry_trigger (entry_id, week_slot, trigger_key) VALUES (?1, ?2, ?3)",
        )?
        .execute(params![id, slot, key])?;
    }
    if let Some(l) = lapse {
        let date = l.at.local_date().expect("date").to_string();
        for clock in &l.clock_ids {
            conn.prepare_cached(
                "INSERT INTO lapse_clock (entry_id, clock_id, local_date, resets) VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute(params![id, clock.to_string(), date, l.resets_clocks])?;
        }
    }
    Ok(())
}

fn fake_id(n: i64) -> RecordId {
    RecordId::parse("id", &format!("{n:032x}")).expect("id")
}

fn row_brief(r: &rusqlite::Row<'_>) -> rusqlite::Result<Brief> {
    let kind = EntryKind::ALL[r.get::<_, i64>(1)? as usize];
    let names: String = r.get(9)?;
    Ok(Brief {
        id: fake_id(r.get(0)?),
        kind,
        at: LocalInstant {
            utc_millis: r.get(2)?,
            offset_minutes: r.get(3)?,
        },
        level: r.get(4)?,
        mood: r
            .get::<_, Option<String>>(5)?
            .map(|m| serde_json::from_str(&m).expect("mood")),
        outcome: r
            .get::<_, Option<String>>(6)?
            .map(|o| serde_json::from_str(&o).expect("outcome")),
        any_use: r.get(7)?,
        text: r.get(8)?,
        triggers: if names.is_empty() {
            vec![]
        } else {
            names.split('\u{1f}').map(String::from).collect()
        },
    })
}

const BRIEF_COLS: &str =
    "id, kind, at, offset_min, level, mood, outcome, any_use, text, trigger_names";

/// The Today screen from the plain database: the same screen, computed with
/// indexed queries and the core's own pure functions.
fn plain_today(conn: &Connection, now: LocalInstant) -> rusqlite::Result<Today> {
    let date = now.local_date().expect("date");
    let slot = week_slot(now).expect("slot");
    let (number, body): (u32, String) = conn
        .prepare_cached("SELECT number, body FROM plan_revision ORDER BY number DESC LIMIT 1")?
        .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    let plan: Plan = serde_json::from_str(&body).expect("plan");

    let mut clocks = Vec::new();
    let mut stmt = conn.prepare_cached(
        "SELECT id, label, sobriety_date FROM clock ORDER BY sobriety_date, label, id",
    )?;
    let rows: Vec<(String, String, String)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (id, label, start) in rows {
        let start: NaiveDate = start.parse().expect("date");
        let lapses: Vec<(NaiveDate, bool)> = conn
            .prepare_cached("SELECT local_date, resets FROM lapse_clock WHERE clock_id = ?1")?
            .query_map([&id], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, bool>(1)?))
            })?
            .map(|r| r.map(|(d, b)| (d.parse().expect("date"), b)))
            .collect::<rusqlite::Result<_>>()?;
        let s = sobriety::streaks(start, &lapses, date);
        let (next_milestone, milestone_today) = sobriety::next_milestone(s.streak_start, date);
        clocks.push(ClockStatus {
            id: RecordId::parse("id", &id).expect("id"),
            label,
            sobriety_date: start,
            streak_start: s.streak_start,
            current_days: s.current_days,
            longest_days: s.longest_days,
            total_sober_days: s.total_sober_days,
            lapses: s.lapses,
            next_milestone,
            milestone_today,
        });
    }

    let recent: Vec<Brief> = conn
        .prepare_cached(&format!(
            "SELECT {BRIEF_COLS} FROM entry ORDER BY at DESC, id DESC LIMIT ?1"
        ))?
        .query_map([SHOWN as i64], row_brief)?
        .collect::<rusqlite::Result<_>>()?;
    let todays_checkin = conn
        .prepare_cached(&format!(
            "SELECT {BRIEF_COLS} FROM entry WHERE kind = ?1 AND at >= ?2 ORDER BY at DESC, id DESC"
        ))?
        .query_map(
            params![
                kind_code(EntryKind::CheckIn),
                now.utc_millis - 2 * 86_400_000
            ],
            row_brief,
        )?
        .collect::<rusqlite::Result<Vec<_>>>()?
        .into_iter()
        .find(|b| b.at.local_date() == Some(date));
    let last_lapse: Option<LocalInstant> = conn
        .prepare_cached(
            "SELECT at, offset_min FROM entry WHERE kind = ?1 ORDER BY at DESC, id DESC LIMIT 1",
        )?
        .query_map([kind_code(EntryKind::Lapse)], |r| {
            Ok(LocalInstant {
                utc_millis: r.get(0)?,
                offset_minutes: r.get(1)?,
            })
        })?
        .next()
        .transpose()?;
    let lapse_recently = last_lapse
        .and_then(LocalInstant::local_date)
        .is_some_and(|d| d == date || d.succ_opt() == Some(date));

    let hour = slot % 24;
    let mut slots: Vec<u8> = (0..7).map(|d| d * 24 + hour).collect();
    slots.push(if slot == 0 { 167 } else { slot - 1 });
    slots.push(if slot == 167 { 0 } else { slot + 1 });
    let counts: Vec<(String, u8, u32)> = conn
        .prepare_cached(
            "SELECT trigger_key, week_slot, count(*) FROM entry_trigger
             WHERE week_slot IN (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) GROUP BY trigger_key, week_slot",
        )?
        .query_map(
            params![slots[0], slots[1], slots[2], slots[3], slots[4], slots[5], slots[6], slots[7], slots[8]],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )?
        .collect::<rusqlite::Result<_>>()?;
    let rhythm = Rhythm::from_counts(counts);

    Ok(Today {
        date,
        clocks,
        checked_in_today: todays_checkin.is_some(),
        todays_checkin,
        recent,
        suggestions: today::suggestions(&plan, &rhythm, slot),
        crisis_contacts: today::crisis_contacts(Some(&plan)),
        plan_revision: Some(number),
        lapse_plan: lapse_recently.then(|| plan.lapse_plan.clone()),
    })
}

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
    Ok(today::compose(now, &recent, &rhythm, Some((number, &plan)), clocks).expect("compose"))
}

fn c_brief(c: &Craving) -> Brief {
    logs::Entry::brief(c, fake_id(0))
}
fn enc_brief(c: &Encounter) -> Brief {
    logs::Entry::brief(c, fake_id(0))
}
fn ci_brief(c: &CheckIn) -> Brief {
    logs::Entry::brief(c, fake_id(0))
}
fn l_brief(c: &Lapse) -> Brief {
    logs::Entry::brief(c, fake_id(0))
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

    // Monday 2025-11-24, 18:30 in New York.
    let now = LocalInstant {
        utc_millis: 1_764_027_000_000,
        offset_minutes: -300,
    };
    let today_date = now.local_date().expect("date");
    let rev = plan::save(
        &store,
        plan::template(Language::English).expect("template"),
        None,
        true,
        now,
    )
    .expect("plan");
    let start = today_date - chrono::Duration::days(DAYS);
    let (alcohol, _) = sobriety::add(&store, "Alcohol", start, now).expect("clock");
    let (cannabis, _) =
        sobriety::add(&store, "Cannabis", start + chrono::Duration::days(100), now).expect("clock");
    let entries = journal(&rev.plan, alcohol, today_date);

    println!(
        "== Today screen over 10 years of heavy use ({} entries)",
        entries.len()
    );
    let t = Instant::now();
    seed_keel(&store, &entries, now);
    let keel_seed = t.elapsed();

    let plain_path = tmp.path().join("plain.db");
    let conn = Connection::open(&plain_path).expect("plain db");
    conn.execute_batch(PLAIN_SCHEMA).expect("schema");
    let t = Instant::now();
    conn.execute(
        "INSERT INTO plan_revision (number, saved_at, offset_min, with_counselor, body) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![rev.number, rev.saved_at.utc_millis, rev.saved_at.offset_minutes, rev.with_counselor, json(&rev.plan)],
    )
    .expect("plan");
    for (id, label, date) in [
        (alcohol, "Alcohol", start),
        (cannabis, "Cannabis", start + chrono::Duration::days(100)),
    ] {
        conn.execute(
            "INSERT INTO clock (id, label, sobriety_date) VALUES (?1, ?2, ?3)",
            params![id.to_string(), label, date.to_string()],
        )
        .expect("clock");
    }
    for chunk in entries.chunks(2000) {
        let tx = conn.unchecked_transaction().expect("tx");
        for e in chunk {
            plain_insert(&conn, e).expect("insert");
        }
        tx.commit().expect("commit");
    }
    conn.execute_batch("ANALYZE").expect("analyze");
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

    let keel_screen = today::today(&store, now).expect("today");
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
        std::hint::black_box(today::today(&store, at(i)).expect("today"));
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
