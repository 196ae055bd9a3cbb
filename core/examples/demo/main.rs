//! The README's main job: the core doing real work with real encryption.
//!
//! It creates a vault in the folder it names (default `./keel-demo-vault`),
//! writes journal entries, locks, shows a wrong passphrase refused, reopens
//! with the right one and with a device key, and prints what lies on disk and
//! how long each step took; then a 90-day journal, meetings, the counselor
//! report, and a salvage of a damaged copy of the vault. Run it with
//! `cargo run --release -p keel-core --example demo [-- FOLDER]`.

mod meetings;
mod report;
mod salvage;

use std::path::Path;
use std::time::{Duration, Instant};

use keel_core::notes;
use keel_core::{Error, LocalInstant, Vault, ZonedNow};

/// The demo participant's passphrase. A real one is chosen by the person.
const PASSPHRASE: &str = "river stone morning light";

type DemoResult<T = ()> = Result<T, Box<dyn std::error::Error>>;

/// Runs `f`, printing how long it took under `label`.
fn timed<T>(label: &str, f: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let out = f();
    println!("  {label:<50} {:>9}", fmt_duration(start.elapsed()));
    out
}

fn fmt_duration(d: Duration) -> String {
    if d.as_millis() >= 10 {
        format!("{} ms", d.as_millis())
    } else {
        format!("{:.2} ms", d.as_secs_f64() * 1000.0)
    }
}

/// Maria lives, and her program meets, in New York: every time the demo
/// writes or prints is local to that zone, whatever the machine's own zone.
const ZONE: &str = "America/New_York";

/// Now in Maria's zone.
fn now() -> Result<ZonedNow, Error> {
    ZonedNow::new(chrono::Utc::now().timestamp_millis(), ZONE)
}

/// `"Mon 18:00"`-style local time of `utc_millis` in Maria's zone.
fn local_time(here: &ZonedNow, utc_millis: i64, format: &str) -> String {
    here.at(utc_millis)
        .to_local()
        .map(|t| t.format(format).to_string())
        .unwrap_or_default()
}

/// Clears a vault left by an earlier run of the demo, through the real
/// unlock-and-wipe path (it knows the demo passphrase).
fn clear_previous(dir: &str) -> DemoResult {
    if Vault::exists(dir) {
        let mut old = Vault::open(dir)?;
        old.unlock_with_passphrase(PASSPHRASE)?;
        timed("wipe the previous demo vault", || old.wipe())?;
    }
    Ok(())
}

fn vault_tour(dir: &str) -> DemoResult {
    println!("\n== The vault: {dir}");
    clear_previous(dir)?;
    let mut vault = timed("create (PBKDF2-SHA256, 600,000 iterations)", || {
        Vault::create(dir, PASSPHRASE)
    })?;
    let device = timed("add a device slot (HKDF)", || vault.add_device_slot())?;

    let entries = [
        "Rough afternoon. Called Sam instead of driving past the old place.",
        "Group tonight: talked about HALT. Tired + lonely is my combo.",
        "Slept 7 hours. Walked before work. Craving at 5 pm, rode it out.",
    ];
    let t = now()?.instant();
    timed("write 3 journal entries (each a durable commit)", || {
        let store = vault.store()?;
        for (i, text) in entries.iter().enumerate() {
            let at = LocalInstant {
                utc_millis: t.utc_millis - (i as i64 + 1) * 3_600_000,
                ..t
            };
            notes::add(&store, at, text, t)?;
        }
        Ok::<_, Error>(())
    })?;
    let bulk = 1000;
    timed(
        &format!("write {bulk} more entries in one transaction"),
        || {
            let store = vault.store()?;
            store.atomically(|s| {
                for i in 0..bulk {
                    notes::add(s, t, &format!("entry {i}"), t)?;
                }
                Ok(())
            })
        },
    )?;

    timed("lock (keys zeroized)", || vault.lock());
    match vault.store() {
        Err(Error::Locked) => println!("  reading while locked -> refused: Locked"),
        other => return Err(format!("expected Locked, got {:?}", other.map(|_| ())).into()),
    }
    drop(vault);

    let mut vault = timed("reopen (locked)", || Vault::open(dir))?;
    match timed("unlock with a wrong passphrase", || {
        vault.unlock_with_passphrase("river stone evening light")
    }) {
        Err(Error::WrongCredential) => println!("  wrong passphrase -> refused: WrongCredential"),
        other => return Err(format!("expected WrongCredential, got {other:?}").into()),
    }
    timed("unlock with the passphrase", || {
        vault.unlock_with_passphrase(PASSPHRASE)
    })?;
    let listed = timed(&format!("list and sort {} entries", bulk + 3), || {
        notes::list(&vault.store()?)
    })?;
    vault.lock();
    timed("unlock with the device secret", || {
        vault.unlock_with_device_secret(device.secret.as_slice())
    })?;
    println!("\n  Newest entries, decrypted:");
    for saved in listed
        .notes
        .iter()
        .filter(|n| !n.note.text.starts_with("entry "))
    {
        println!(
            "    [{}] {}",
            saved
                .note
                .written_at
                .to_local()
                .map(|d| d.format("%a %H:%M").to_string())
                .unwrap_or_default(),
            saved.note.text
        );
    }
    drop(vault);
    show_disk(Path::new(dir))
}

/// Prints the vault's files and a look at the raw database: table names,
/// row counts and the first bytes of one sealed record.
fn show_disk(dir: &Path) -> DemoResult {
    println!("\n== On disk");
    let mut files: Vec<_> = std::fs::read_dir(dir)?.collect::<Result<_, _>>()?;
    files.sort_by_key(|e| e.file_name());
    for entry in files {
        println!(
            "  {:<16} {:>9} bytes",
            entry.file_name().to_string_lossy(),
            entry.metadata()?.len()
        );
    }
    let conn = rusqlite::Connection::open_with_flags(
        dir.join(keel_core::vault::DB_FILE),
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY,
    )?;
    let mut stmt =
        conn.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")?;
    let tables: Vec<String> = stmt
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    for table in tables {
        let n: i64 = conn.query_row(&format!("SELECT count(*) FROM \"{table}\""), [], |r| {
            r.get(0)
        })?;
        println!("  table {table:<10} {n:>6} rows");
    }
    let (id, body): (Vec<u8>, Vec<u8>) =
        conn.query_row("SELECT id, body FROM items LIMIT 1", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?;
    println!(
        "  one sealed record: id {} .. body {} bytes: {}..",
        hex_str(&id[..4]),
        body.len(),
        hex_str(&body[..24])
    );
    let raw = std::fs::read(dir.join(keel_core::vault::DB_FILE))?;
    let found = raw.windows(4).any(|w| w == b"Sam ") || raw.windows(4).any(|w| w == b"HALT");
    println!(
        "  plaintext such as \"Sam\" or \"HALT\" in the file: {}",
        if found { "FOUND (bug!)" } else { "none" }
    );
    Ok(())
}

fn hex_str(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn main() -> DemoResult {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "keel-demo-vault".to_string());
    vault_tour(&dir)?;
    journal_tour(&dir)?;
    salvage::salvage_tour(&dir, now()?.instant())?;
    println!("\nDone. The vault is in {dir}/ (run again to wipe and rebuild it).");
    Ok(())
}

// ---------------------------------------------------------------------------
// The journal: 90 days of a sample IOP participant, and the Today screen.
//
// Maria (a made-up participant) is in IOP for alcohol and also tracks
// cannabis. She starts from the guided plan template with her counselor,
// checks in every morning, logs cravings (strong at first, weaker over the
// weeks), some trigger encounters, and one lapse on a payday Friday, which she
// chooses to let reset her alcohol clock. Entries are dated in her zone
// (New York), each with the offset in force on its day (DST included).
// ---------------------------------------------------------------------------

use chrono::{Datelike, NaiveDate, NaiveTime, Timelike};
use keel_core::logs::{
    self, CheckIn, Context, CopingTag, Craving, CravingOutcome, Encounter, EntryKind, Halt, Lapse,
    Mood, TriggerTag,
};
use keel_core::plan::{self, Language, Plan};
use keel_core::today::{self, SuggestionReason, Today};
use keel_core::{PageRequest, sobriety};

/// Days of journal the demo writes.
const JOURNAL_DAYS: i64 = 90;

/// A tiny deterministic generator, so every run tells the same story.
struct Dice(u64);

impl Dice {
    fn roll(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n
    }
}

/// `hour:minute` on `date` in Maria's zone, with that day's offset.
fn local_at(date: NaiveDate, hour: u32, minute: u32) -> Option<LocalInstant> {
    now()
        .ok()?
        .wall_clock(date, NaiveTime::from_hms_opt(hour, minute, 0)?)
}

fn from_plan(plan: &Plan, index: usize) -> TriggerTag {
    TriggerTag {
        plan_trigger_id: Some(plan.triggers[index].id.clone()),
        name: String::new(),
        category: plan.triggers[index].category,
    }
}

/// Maria's plan: the template, made hers in a session with her counselor.
fn marias_plan() -> Result<Plan, Error> {
    let mut p = plan::template(Language::En)?;
    p.reasons = vec![
        "Be there for Lucas's school mornings".into(),
        "Keep my nursing license".into(),
        "Wake up without dread".into(),
    ];
    p.contacts[0].phone = "555-0100".into();
    p.contacts[1].name = "Dana (IOP counselor)".into();
    p.contacts[1].phone = "555-0142".into();
    Ok(p)
}

/// The 90 days, in order; stops before `now`.
fn marias_days(plan: &Plan, alcohol: keel_core::RecordId, now: LocalInstant) -> Vec<Entry> {
    let mut dice = Dice(2025);
    let mut out = Vec::new();
    let Some(today) = now.local_date() else {
        return out;
    };
    let lapse_day = JOURNAL_DAYS - 41;
    for back in (0..=JOURNAL_DAYS).rev() {
        let date = today - chrono::Duration::days(back);
        let week = (JOURNAL_DAYS - back) as f64 / 7.0;
        let friday = date.weekday() == chrono::Weekday::Fri;
        let mut day: Vec<Entry> = Vec::new();
        if let Some(at) = local_at(date, 7 + dice.roll(2) as u32, dice.roll(60) as u32) {
            day.push(Entry::CheckIn(CheckIn {
                at,
                mood: [
                    Mood::Low,
                    Mood::Okay,
                    Mood::Okay,
                    Mood::Good,
                    Mood::VeryGood,
                ][(dice.roll(3) + (week / 5.0) as u64).min(4) as usize],
                craving_level: (7.0 - week / 2.5).max(1.0) as u8,
                sleep_minutes: Some(330 + dice.roll(150) as u32),
                intention: [
                    "Call Sam after work",
                    "Walk after lunch",
                    "Go to the 7 pm meeting",
                ][dice.roll(3) as usize]
                    .into(),
                any_use: back == lapse_day - 1,
                halt: Default::default(),
                notes: String::new(),
            }));
        }
        let cravings = 5u64.saturating_sub((week / 4.0) as u64) + dice.roll(2);
        for _ in 0..cravings {
            let hour = 10 + dice.roll(13) as u32;
            let trigger = match (friday, hour) {
                (true, 17..) => 3,
                (_, 17..=20) => 0,
                (_, 21..) => 1,
                _ => [2, 5][dice.roll(2) as usize],
            };
            let Some(at) = local_at(date, hour, dice.roll(60) as u32) else {
                continue;
            };
            let intensity = (8.5 - week / 2.2 + dice.roll(3) as f64 - 1.0).clamp(1.0, 10.0) as u8;
            day.push(Entry::Craving(Craving {
                at,
                intensity,
                duration_minutes: Some(5 + dice.roll(30) as u32),
                triggers: vec![from_plan(plan, trigger)],
                context: Context {
                    place: if hour < 17 { "work" } else { "home" }.into(),
                    with_whom: String::new(),
                    halt: Halt {
                        lonely: trigger == 0,
                        tired: hour >= 21,
                        ..Halt::default()
                    },
                    mood: None,
                },
                coping: vec![CopingTag {
                    plan_coping_id: Some(plan.coping_plans[dice.roll(4) as usize].id.clone()),
                    text: String::new(),
                }],
                outcome: [
                    CravingOutcome::RodeItOut,
                    CravingOutcome::ReachedOut,
                    CravingOutcome::LeftTheSituation,
                ][dice.roll(3) as usize],
                notes: String::new(),
            }));
        }
        if let Some(at) = (back % 3 == 0).then(|| local_at(date, 12, 30)).flatten() {
            day.push(Entry::Encounter(Encounter {
                at,
                triggers: vec![from_plan(plan, 5)],
                context: Context::default(),
                how_handled: "Saw an old friend's name on my phone, didn't answer".into(),
                coping: vec![],
                notes: String::new(),
            }));
        }
        if let Some(at) = (back == lapse_day)
            .then(|| local_at(date, 21, 40))
            .flatten()
        {
            day.push(Entry::Lapse(Lapse {
                at,
                clock_ids: vec![alcohol],
                resets_clocks: true,
                substance: "two beers".into(),
                triggers: vec![from_plan(plan, 3), from_plan(plan, 4)],
                context: Context {
                    place: "the bar on the way home".into(),
                    with_whom: "alone".into(),
                    halt: Halt {
                        lonely: true,
                        tired: true,
                        ..Halt::default()
                    },
                    mood: Some(Mood::VeryLow),
                },
                notes: "Payday, skipped the meeting. Called Sam the next morning.".into(),
            }));
        }
        out.extend(
            day.into_iter()
                .filter(|e| e.at().utc_millis <= now.utc_millis),
        );
    }
    out
}

enum Entry {
    Craving(Craving),
    Encounter(Encounter),
    CheckIn(CheckIn),
    Lapse(Lapse),
}

impl Entry {
    fn at(&self) -> LocalInstant {
        match self {
            Entry::Craving(e) => e.at,
            Entry::Encounter(e) => e.at,
            Entry::CheckIn(e) => e.at,
            Entry::Lapse(e) => e.at,
        }
    }
}

fn journal_tour(dir: &str) -> DemoResult {
    println!("\n== The journal: 90 days of a sample IOP participant");
    let mut vault = Vault::open(dir)?;
    vault.unlock_with_passphrase(PASSPHRASE)?;
    let store = vault.store()?;
    let here = now()?;
    let t = here.instant();
    let today = here.today()?;

    let first = timed("save her plan (revision 1, with the counselor)", || {
        plan::save(&store, marias_plan()?, None, true, t)
    })?;
    let mut revised = first.plan.clone();
    let new_trigger = plan::new_item_id()?;
    revised.triggers.push(plan::Trigger {
        id: new_trigger.clone(),
        name: "Sunday evenings before the work week".into(),
        category: plan::TriggerCategory::Time,
        risk: plan::RiskLevel::Medium,
    });
    revised.coping_plans.push(plan::CopingPlan {
        id: String::new(),
        if_situation: "If Sunday evening fills up with dread".into(),
        then_action: "then I lay out Monday's clothes and call my sister".into(),
        trigger_ids: vec![new_trigger],
    });
    timed("revise it on top of revision 1 (revision 2)", || {
        plan::save(&store, revised, Some(first.number), false, t)
    })?;
    match plan::save(&store, first.plan.clone(), Some(first.number), false, t) {
        Err(Error::Conflict { current_revision }) => println!(
            "  a save based on stale revision 1 -> refused: Conflict (current revision {})",
            current_revision.map_or("none".to_string(), |r| r.to_string())
        ),
        other => {
            return Err(format!(
                "expected a stale-save refusal, got {:?}",
                other.map(|r| r.number)
            )
            .into());
        }
    }
    let plan_now = plan::current(&store)?.ok_or("no plan")?.plan;

    let start = today - chrono::Duration::days(JOURNAL_DAYS);
    let (alcohol, _) = sobriety::add(&store, "Alcohol", start, t)?;
    sobriety::add(&store, "Cannabis", start, t)?;
    let entries = marias_days(&plan_now, alcohol, t);
    timed(
        &format!(
            "write {} entries, each its own durable commit",
            entries.len()
        ),
        || {
            for e in &entries {
                match e {
                    Entry::Craving(c) => drop(logs::add(&store, c.clone(), t)?),
                    Entry::Encounter(c) => drop(logs::add(&store, c.clone(), t)?),
                    Entry::CheckIn(c) => drop(logs::add(&store, c.clone(), t)?),
                    Entry::Lapse(c) => drop(logs::add(&store, c.clone(), t)?),
                }
            }
            Ok::<_, Error>(())
        },
    )?;
    let sessions = timed("practise box breathing most evenings (rated)", || {
        practice(&store, start, t)
    })?;
    println!("  {sessions} breathing sessions, craving rated before and after");
    let screen = timed("compute the Today screen (one call)", || {
        today::today(&store, t, keel_core::Language::En)
    })?;
    print_today(&screen, t);

    // The same screen on Friday at 18:30 this week: payday evening.
    let days_to_friday = (4 + 7 - i64::from(today.weekday().num_days_from_monday())) % 7;
    if let Some(friday) = local_at(today + chrono::Duration::days(days_to_friday), 18, 30) {
        let friday_screen = today::today(&store, friday, keel_core::Language::En)?;
        println!("\n  On Friday at 18:30 the screen would suggest instead:");
        print_suggestions(&friday_screen);
    }

    // Cravings by month, through the paged date-range listing.
    println!("\n  Average craving intensity by 30-day block (newest last):");
    for block in 0..3 {
        let from = local_at(start + chrono::Duration::days(block * 30), 0, 0).ok_or("date")?;
        let until =
            local_at(start + chrono::Duration::days((block + 1) * 30), 0, 0).ok_or("date")?;
        let page = logs::page::<Craving>(
            &store,
            PageRequest {
                from_millis: Some(from.utc_millis),
                until_millis: Some(until.utc_millis),
                offset: 0,
                limit: 1000,
            },
        )?;
        let sum: u32 = page
            .items
            .iter()
            .map(|s| u32::from(s.entry.intensity))
            .sum();
        println!(
            "    days {:>2}-{:>2}: {:>3} cravings, average {:.1}/10",
            block * 30 + 1,
            block * 30 + 30,
            page.total,
            f64::from(sum) / page.items.len().max(1) as f64
        );
    }
    meetings::meetings_tour(&store, start, &here)?;
    report::report_tour(&store, dir, start, t)?;
    Ok(())
}

/// Box breathing on three evenings of four, the craving rated before and
/// after (lower after, mostly): the practice part of the journal.
fn practice(
    store: &keel_core::Store<'_>,
    start: NaiveDate,
    now: LocalInstant,
) -> Result<usize, Error> {
    use keel_core::exercises::session::{self, SessionEnd, SessionStart};
    use keel_core::exercises::{BuiltIn, ExerciseRef, Length};
    let mut dice = Dice(11);
    let mut n = 0;
    for day in 0..JOURNAL_DAYS {
        if day % 4 == 3 {
            continue;
        }
        let Some(at) = local_at(start + chrono::Duration::days(day), 20, 15) else {
            continue;
        };
        let before = 4 + dice.roll(5) as u8;
        let s = session::start(
            store,
            SessionStart {
                exercise: ExerciseRef::BuiltIn(BuiltIn::Box),
                length: Length::Standard,
                started_at: at,
                craving_before: Some(before),
                craving_id: None,
            },
            now,
        )?;
        let ended = LocalInstant {
            utc_millis: at.utc_millis + 70_000,
            ..at
        };
        session::finish(
            store,
            s.id,
            SessionEnd {
                ended_at: ended,
                practiced_ms: Some(64_000),
                craving_after: Some(before.saturating_sub(1 + dice.roll(3) as u8)),
                craving_id: None,
            },
            now,
        )?;
        n += 1;
    }
    Ok(n)
}

fn fmt_date(d: NaiveDate) -> String {
    d.format("%a %-d %b %Y").to_string()
}

fn unit_label(m: &sobriety::Milestone) -> String {
    match m.unit {
        sobriety::MilestoneUnit::Hours => "24 hours".to_string(),
        sobriety::MilestoneUnit::Days => format!("{} days", m.count),
        sobriety::MilestoneUnit::Months => format!("{} months", m.count),
        sobriety::MilestoneUnit::Years if m.count == 1 => "1 year".to_string(),
        sobriety::MilestoneUnit::Years => format!("{} years", m.count),
    }
}

fn print_today(t: &Today, now: LocalInstant) {
    let time = now
        .to_local()
        .map(|d| format!("{:02}:{:02}", d.hour(), d.minute()))
        .unwrap_or_default();
    println!("\n  Today, {} at {time}", fmt_date(t.date));
    for c in &t.clocks {
        println!(
            "    {:<9} {:>3} days (since {}; longest {}, {} sober days, {} lapse{}); next: {} on {} (in {} days)",
            c.label,
            c.current_days,
            c.streak_start.format("%-d %b"),
            c.longest_days,
            c.total_sober_days,
            c.lapses,
            if c.lapses == 1 { "" } else { "s" },
            unit_label(&c.next_milestone),
            c.next_milestone.date.format("%-d %b"),
            c.next_milestone.days_away
        );
        if let Some(m) = c.milestone_today {
            println!("              milestone today: {}!", unit_label(&m));
        }
    }
    match &t.todays_checkin {
        Some(b) => println!(
            "    Check-in: done ({:?}, craving {}/10, \"{}\")",
            b.mood.unwrap_or(Mood::Okay),
            b.level.unwrap_or(0),
            b.text
        ),
        None => println!("    Check-in: not yet today"),
    }
    println!("    Recent:");
    for b in &t.recent {
        let when =
            b.at.to_local()
                .map(|d| d.format("%a %H:%M").to_string())
                .unwrap_or_default();
        let what = match b.kind {
            EntryKind::Craving => format!(
                "craving {}/10, {} -> {:?}",
                b.level.unwrap_or(0),
                b.triggers.join(", "),
                b.outcome.unwrap_or(CravingOutcome::Other)
            ),
            EntryKind::Encounter => format!("trigger met, no craving: {}", b.triggers.join(", ")),
            EntryKind::CheckIn => format!("check-in, craving {}/10", b.level.unwrap_or(0)),
            EntryKind::Lapse => format!("lapse: {}", b.text),
        };
        println!("      {when}  {what}");
    }
    println!("    If-then plans that fit now:");
    print_suggestions(t);
    let contacts: Vec<String> = t
        .crisis_contacts
        .iter()
        .map(|c| format!("{} {}", c.name, c.phone))
        .collect();
    println!("    One tap: {}", contacts.join(" | "));
    if t.lapse_plan.is_some() {
        println!("    (a lapse was logged today or yesterday: the lapse plan is shown)");
    }
}

fn print_suggestions(t: &Today) {
    for s in &t.suggestions {
        let why = match s.reason {
            SuggestionReason::LoggedAtThisTime => {
                format!("logged around this hour, score {}", s.score)
            }
            SuggestionReason::HighRisk => "high-risk trigger".to_string(),
        };
        println!(
            "      {}, {}  ({why})",
            s.coping_plan.if_situation, s.coping_plan.then_action
        );
    }
}
