//! The plain, unencrypted SQLite reference the benchmarks compare against:
//! a sensible schema with indexes (entries by time and by kind, trigger rows
//! by hour of the week, lapses by clock), what an app that does not encrypt
//! would do, and the Today screen computed from it with the core's own pure
//! functions.
#![allow(dead_code)]

use chrono::NaiveDate;
use rusqlite::{Connection, params};

use keel_core::calendar::week_slot;
use keel_core::logs::{self, CheckIn, Craving, Encounter, EntryKind, Lapse, TriggerTag};
use keel_core::plan::Plan;
use keel_core::sobriety::{self, ClockStatus};
use keel_core::summary::recent::{Brief, SHOWN};
use keel_core::summary::rhythm::Rhythm;
use keel_core::today::{self, Today};
use keel_core::{LocalInstant, RecordId};

use super::dataset::Gen;

// ------------------------------------------------------------------ plain

pub const PLAIN_SCHEMA: &str = "
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

pub fn kind_code(k: EntryKind) -> i64 {
    k.index() as i64
}

pub fn json<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string(v).expect("json")
}

pub fn plain_insert(conn: &Connection, e: &Gen) -> rusqlite::Result<()> {
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

pub fn fake_id(n: i64) -> RecordId {
    RecordId::parse("id", &format!("{n:032x}")).expect("id")
}

pub fn row_brief(r: &rusqlite::Row<'_>) -> rusqlite::Result<Brief> {
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

pub const BRIEF_COLS: &str =
    "id, kind, at, offset_min, level, mood, outcome, any_use, text, trigger_names";

/// The Today screen from the plain database: the same screen, computed with
/// indexed queries and the core's own pure functions.
pub fn plain_today(conn: &Connection, now: LocalInstant) -> rusqlite::Result<Today> {
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
    // The exercise from the craving in progress and the time of day only:
    // the reference does not pay for high-risk hours (a scan of every
    // trigger), so the comparison stays conservative.
    let ongoing_craving = recent
        .iter()
        .find(|b| b.kind == EntryKind::Craving)
        .filter(|b| {
            b.outcome == Some(logs::CravingOutcome::Ongoing)
                && (0..=today::CRAVING_FRESH_MINUTES * 60_000)
                    .contains(&(now.utc_millis - b.at.utc_millis))
        })
        .cloned();
    let exercise = keel_core::exercises::suggestion(&keel_core::exercises::SuggestionContext {
        now,
        craving_intensity: ongoing_craving.as_ref().and_then(|b| b.level),
        high_risk_hours: &[],
        insights: &[],
    })
    .map_err(|_| rusqlite::Error::InvalidQuery)?;

    Ok(Today {
        date,
        clocks,
        checked_in_today: todays_checkin.is_some(),
        todays_checkin,
        recent,
        suggestions: today::suggestions(&plan, &rhythm, slot),
        crisis_contacts: today::crisis_contacts(Some(&plan), keel_core::Language::En),
        plan_revision: Some(number),
        lapse_plan: lapse_recently.then(|| plan.lapse_plan.clone()),
        ongoing_craving,
        exercise,
        meeting_now: None,
        next_meeting: None,
        measures_due: Vec::new(),
    })
}

pub fn c_brief(c: &Craving) -> Brief {
    logs::Entry::brief(c, fake_id(0))
}
pub fn enc_brief(c: &Encounter) -> Brief {
    logs::Entry::brief(c, fake_id(0))
}
pub fn ci_brief(c: &CheckIn) -> Brief {
    logs::Entry::brief(c, fake_id(0))
}
pub fn l_brief(c: &Lapse) -> Brief {
    logs::Entry::brief(c, fake_id(0))
}

/// The same plan, clocks and journal in a plain (or keyed SQLCipher)
/// connection, in transactions of 2,000 rows, then `ANALYZE`.
pub fn seed_plain(conn: &Connection, seeded: &super::dataset::Seeded) {
    let rev = &seeded.rev;
    conn.execute_batch(PLAIN_SCHEMA).expect("schema");
    conn.execute(
        "INSERT INTO plan_revision (number, saved_at, offset_min, with_counselor, body) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![rev.number, rev.saved_at.utc_millis, rev.saved_at.offset_minutes, rev.with_counselor, json(&rev.plan)],
    )
    .expect("plan");
    for (id, label, date) in &seeded.clocks {
        conn.execute(
            "INSERT INTO clock (id, label, sobriety_date) VALUES (?1, ?2, ?3)",
            params![id.to_string(), label, date.to_string()],
        )
        .expect("clock");
    }
    for chunk in seeded.entries.chunks(2000) {
        let tx = conn.unchecked_transaction().expect("tx");
        for e in chunk {
            plain_insert(conn, e).expect("insert");
        }
        tx.commit().expect("commit");
    }
    conn.execute_batch("ANALYZE").expect("analyze");
}
