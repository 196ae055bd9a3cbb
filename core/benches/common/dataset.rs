//! The ten-year heavy-use journal the benchmarks share: 20 entries a day
//! (a check-in, 16 cravings, 3 trigger encounters, a lapse every 61 days),
//! deterministic, dated in New York-like offsets.
#![allow(dead_code)]

use chrono::{Datelike, NaiveDate, Weekday};

use keel_core::logs::{
    self, CheckIn, Context, CopingTag, Craving, CravingOutcome, Encounter, EntryKind, Halt, Lapse,
    Mood, TriggerTag,
};
use keel_core::plan::Plan;
use keel_core::{LocalInstant, RecordId, Store};

/// Days of journal: ten years.
pub const DAYS: i64 = 3652;

/// A small deterministic generator (xorshift64*), so every run builds the
/// same journal.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

pub enum Gen {
    Craving(Craving),
    Encounter(Encounter),
    CheckIn(CheckIn),
    Lapse(Lapse),
}

impl Gen {
    pub fn kind(&self) -> EntryKind {
        match self {
            Gen::Craving(_) => EntryKind::Craving,
            Gen::Encounter(_) => EntryKind::Encounter,
            Gen::CheckIn(_) => EntryKind::CheckIn,
            Gen::Lapse(_) => EntryKind::Lapse,
        }
    }
}

/// New York-like offsets: daylight time from April to October.
pub fn offset_for(date: NaiveDate) -> i32 {
    if (4..=10).contains(&date.month()) {
        -240
    } else {
        -300
    }
}

pub fn local_instant(date: NaiveDate, hour: u32, minute: u32) -> LocalInstant {
    let offset = offset_for(date);
    let naive = date
        .and_hms_opt(hour, minute, 0)
        .expect("valid time")
        .and_utc()
        .timestamp_millis();
    LocalInstant {
        utc_millis: naive - i64::from(offset) * 60_000,
        offset_minutes: offset,
    }
}

pub fn tag(plan: &Plan, index: usize) -> TriggerTag {
    let t = &plan.triggers[index];
    TriggerTag {
        plan_trigger_id: Some(t.id.clone()),
        name: t.name.clone(),
        category: t.category,
    }
}

/// Ten years of a participant's journal, ending yesterday, plus this
/// morning's check-in.
pub fn journal(plan: &Plan, alcohol: RecordId, today: NaiveDate) -> Vec<Gen> {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut out = Vec::with_capacity(DAYS as usize * 20 + 1);
    let start = today - chrono::Duration::days(DAYS);
    let ctx = |mood: Option<Mood>, lonely: bool, tired: bool| Context {
        place: "home".into(),
        with_whom: String::new(),
        halt: Halt {
            lonely,
            tired,
            ..Halt::default()
        },
        mood,
    };
    let extra = [
        "rain",
        "my boss",
        "a beer ad on TV",
        "the old neighbourhood",
    ];
    let moods = [
        Mood::Low,
        Mood::Okay,
        Mood::Good,
        Mood::VeryGood,
        Mood::VeryLow,
    ];
    for d in 0..DAYS {
        let date = start + chrono::Duration::days(d);
        let progress = d as f64 / DAYS as f64;
        out.push(Gen::CheckIn(CheckIn {
            at: local_instant(date, 7 + rng.below(2) as u32, rng.below(60) as u32),
            mood: moods[rng.below(4) as usize],
            craving_level: (6.0 - 4.0 * progress) as u8,
            sleep_minutes: Some(360 + rng.below(120) as u32),
            intention: "Go to the 7 pm meeting and call Sam".into(),
            any_use: false,
            halt: Default::default(),
            notes: String::new(),
        }));
        let lapse_day = d % 61 == 30;
        for i in 0..16 {
            let hour = 8 + rng.below(15) as u32;
            let at = local_instant(date, hour, rng.below(60) as u32);
            let friday = date.weekday() == Weekday::Fri;
            let mut triggers = vec![match (friday, hour) {
                (true, 17..) => tag(plan, 3 + rng.below(2) as usize),
                (_, 17..=20) => tag(plan, 0),
                (_, 21..) => tag(plan, 1),
                _ => tag(plan, rng.below(6) as usize),
            }];
            if rng.below(10) == 0 {
                triggers.push(TriggerTag {
                    plan_trigger_id: None,
                    name: extra[rng.below(4) as usize].into(),
                    category: keel_core::plan::TriggerCategory::Other,
                });
            }
            if lapse_day && i == 0 {
                out.push(Gen::Lapse(Lapse {
                    at: local_instant(date, 21, 30),
                    clock_ids: vec![alcohol],
                    resets_clocks: true,
                    substance: "alcohol".into(),
                    triggers,
                    context: ctx(Some(Mood::VeryLow), true, true),
                    notes: "Payday, skipped the meeting. Called Sam the next morning.".into(),
                }));
                continue;
            }
            let intensity =
                ((8.0 - 5.0 * progress) + rng.below(5) as f64 - 2.0).clamp(0.0, 10.0) as u8;
            out.push(Gen::Craving(Craving {
                at,
                intensity,
                duration_minutes: Some(5 + rng.below(40) as u32),
                triggers,
                context: ctx(Some(moods[rng.below(5) as usize]), hour >= 17, hour >= 21),
                coping: vec![CopingTag {
                    plan_coping_id: Some(plan.coping_plans[rng.below(4) as usize].id.clone()),
                    text: String::new(),
                }],
                outcome: match rng.below(10) {
                    0 => CravingOutcome::ReachedOut,
                    1 => CravingOutcome::LeftTheSituation,
                    _ => CravingOutcome::RodeItOut,
                },
                notes: if rng.below(4) == 0 {
                    "Breathed through it, texted Sam, made tea.".into()
                } else {
                    String::new()
                },
            }));
        }
        for _ in 0..3 {
            let hour = 9 + rng.below(12) as u32;
            out.push(Gen::Encounter(Encounter {
                at: local_instant(date, hour, rng.below(60) as u32),
                triggers: vec![tag(plan, rng.below(6) as usize)],
                context: ctx(None, false, false),
                how_handled: "Noticed it and kept walking".into(),
                coping: vec![],
                notes: String::new(),
            }));
        }
    }
    out.push(Gen::CheckIn(CheckIn {
        at: local_instant(today, 8, 0),
        mood: Mood::Good,
        craving_level: 2,
        sleep_minutes: Some(450),
        intention: "Walk after lunch".into(),
        any_use: false,
        halt: Default::default(),
        notes: String::new(),
    }));
    out
}

pub fn seed_keel(store: &Store<'_>, entries: &[Gen], now: LocalInstant) {
    for chunk in entries.chunks(2000) {
        logs::write(store, |j| {
            for e in chunk {
                match e {
                    Gen::Craving(c) => drop(j.add(c.clone(), now)?),
                    Gen::Encounter(c) => drop(j.add(c.clone(), now)?),
                    Gen::CheckIn(c) => drop(j.add(c.clone(), now)?),
                    Gen::Lapse(c) => drop(j.add(c.clone(), now)?),
                }
            }
            Ok(())
        })
        .expect("seed");
    }
}

/// The rest of ten years of heavy use: a plan revised 50 times, an exercise
/// session most days (rated before and after), and the program's meetings —
/// an IOP group three evenings a week and an AA meeting on Saturdays —
/// with about 2,000 occurrences attended. Returns (sessions, attended).
pub fn seed_program(store: &Store<'_>, today: NaiveDate, now: LocalInstant) -> (usize, usize) {
    use keel_core::exercises::session::{self, SessionEnd, SessionStart};
    use keel_core::exercises::{BuiltIn, ExerciseRef, Length};
    use keel_core::meetings::attendance::{self, AttendanceDraft, AttendanceStatus};
    use keel_core::meetings::{
        self, DaySet, Fellowship, Meeting, MeetingKind, Place, Repeat, Schedule,
    };
    use keel_core::plan;

    let mut rng = Rng(0x5DEE_CE66_D1CE_4E5B);
    let mut current = plan::current(store).expect("plan");
    while current.as_ref().map_or(0, |r| r.number) < 50 {
        let mut p = current.as_ref().expect("a first plan").plan.clone();
        p.routine.push(format!("Step {}", p.routine.len() + 1));
        p.routine.truncate(20);
        current = Some(
            plan::save(store, p, current.as_ref().map(|r| r.number), false, now).expect("revision"),
        );
    }

    let start = today - chrono::Duration::days(DAYS);
    let weekly = |name: &str, kind, days: &[Weekday], minute, minutes| Meeting {
        name: name.into(),
        kind,
        place: Place {
            venue: "Harbor Clinic".into(),
            ..Place::default()
        },
        schedule: Schedule {
            zone: "America/New_York".into(),
            start_date: start,
            end_date: None,
            start_minute: minute,
            duration_minutes: minutes,
            repeat: Repeat::Weekly {
                days: DaySet::of(days.iter().copied()),
                every_weeks: 1,
            },
        },
        reminder_minutes: Some(30),
        notes: String::new(),
        types: Vec::new(),
        source: None,
    };
    let list = [
        meetings::add(
            store,
            weekly(
                "Evening IOP group",
                MeetingKind::IopGroup,
                &[Weekday::Mon, Weekday::Wed, Weekday::Thu],
                18 * 60,
                180,
            ),
        )
        .expect("meeting"),
        meetings::add(
            store,
            weekly(
                "Saturday Serenity",
                MeetingKind::TwelveStep(Fellowship::Aa),
                &[Weekday::Sat],
                10 * 60,
                60,
            ),
        )
        .expect("meeting"),
    ];
    let mut attended = 0;
    let mut t = local_instant(start, 0, 0).utc_millis;
    while t < now.utc_millis {
        let until = (t + 300 * 86_400_000).min(now.utc_millis);
        for o in meetings::occurrences(&list, t, until).expect("occurrences") {
            if o.slot.start_millis < t || o.slot.end_millis > now.utc_millis {
                continue;
            }
            let status = match rng.below(25) {
                0 => AttendanceStatus::Missed,
                1 => AttendanceStatus::Late,
                _ => AttendanceStatus::Attended,
            };
            attended += usize::from(status.present());
            attendance::record(
                store,
                AttendanceDraft {
                    meeting_id: o.meeting_id,
                    occurrence: o.slot.start(),
                    status,
                    minutes: None,
                    notes: String::new(),
                },
                now,
            )
            .expect("attendance");
        }
        t = until;
    }

    let mut sessions = 0;
    for d in 0..DAYS {
        if rng.below(5) == 0 {
            continue;
        }
        let date = start + chrono::Duration::days(d);
        let at = local_instant(date, 12 + rng.below(9) as u32, rng.below(60) as u32);
        let before = 3 + rng.below(6) as u8;
        let s = session::start(
            store,
            SessionStart {
                exercise: ExerciseRef::BuiltIn(BuiltIn::ALL[rng.below(9) as usize]),
                length: Length::Standard,
                started_at: at,
                craving_before: Some(before),
                craving_id: None,
            },
            now,
        )
        .expect("session");
        session::finish(
            store,
            s.id,
            SessionEnd {
                ended_at: LocalInstant {
                    utc_millis: at.utc_millis + 300_000,
                    ..at
                },
                practiced_ms: Some(240_000),
                craving_after: Some(before.saturating_sub(1 + rng.below(3) as u8)),
                craving_id: None,
            },
            now,
        )
        .expect("finish");
        sessions += 1;
    }
    (sessions, attended)
}

/// Monday 2025-11-24, 18:30 in New York: "now" for every benchmark.
pub const NOW: LocalInstant = LocalInstant {
    utc_millis: 1_764_027_000_000,
    offset_minutes: -300,
};

/// What [`seed_journal`] wrote, for the plain stores to hold the same.
pub struct Seeded {
    pub rev: keel_core::plan::PlanRevision,
    /// (id, label, sobriety date) of the two clocks.
    pub clocks: Vec<(RecordId, &'static str, NaiveDate)>,
    pub entries: Vec<Gen>,
}

/// Saves the guided plan, an alcohol clock ten years old and a cannabis
/// clock 100 days younger, and writes the ten-year journal through the real
/// journal API (summaries maintained as in the app).
pub fn seed_journal(store: &Store<'_>, now: LocalInstant) -> Seeded {
    use keel_core::{plan, sobriety};
    let today = now.local_date().expect("date");
    let rev = plan::save(
        store,
        plan::template(plan::Language::En).expect("template"),
        None,
        true,
        now,
    )
    .expect("plan");
    let start = today - chrono::Duration::days(DAYS);
    let later = start + chrono::Duration::days(100);
    let (alcohol, _) = sobriety::add(store, "Alcohol", start, now).expect("clock");
    let (cannabis, _) = sobriety::add(store, "Cannabis", later, now).expect("clock");
    let entries = journal(&rev.plan, alcohol, today);
    seed_keel(store, &entries, now);
    Seeded {
        rev,
        clocks: vec![(alcohol, "Alcohol", start), (cannabis, "Cannabis", later)],
        entries,
    }
}
