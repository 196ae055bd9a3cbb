//! Writes a sample counselor report produced by the real core, for the
//! browser tests (tests/browser) and for looking at the viewer by hand:
//!
//! `cargo run -p keel-core --example write_sample_report -- OUT.html [PASSPHRASE] [bidi]`
//!
//! It creates a throwaway vault, writes journal notes (one holding markup
//! that must stay inert text), builds the report through `report::build`,
//! adds hand-made sections of every block kind (a list, a grouped bar chart,
//! a line chart, tables holding markup) whose exact content the browser
//! tests assert on, and seals it. The domain section builders themselves
//! are exercised by the demo's report and the Rust and Python tests. The default passphrase is `maple river candle orbit`.
//!
//! With `bidi`, it writes instead a report built only by the real section
//! builders (plan, cravings, check-ins, journal) from entries holding
//! right-to-left overrides, Arabic and Hebrew, for the direction-isolation
//! test; its strings are listed in [`BIDI`].

use std::path::PathBuf;

use chrono::NaiveDate;
use keel_core::notes;
use keel_core::report::{
    self, Block, ChartKind, Fact, Language, ReportRequest, Section, SectionId, Series, Topic,
};
use keel_core::{LocalInstant, Vault};

type SampleResult<T = ()> = Result<T, Box<dyn std::error::Error>>;

const DEFAULT_PASSPHRASE: &str = "maple river candle orbit";
/// 2025-11-24T15:00:00Z, 10:00 in New York.
const NOW: LocalInstant = LocalInstant {
    utc_millis: 1_763_996_400_000,
    offset_minutes: -300,
};

fn days_ago(n: i64) -> LocalInstant {
    LocalInstant {
        utc_millis: NOW.utc_millis - n * 86_400_000,
        ..NOW
    }
}

fn s(text: &str) -> String {
    text.to_string()
}

fn extra_sections() -> Vec<Section> {
    let weeks = vec![s("Nov 3"), s("Nov 10"), s("Nov 17"), s("Nov 24")];
    vec![
        Section {
            id: SectionId::Plan,
            heading: s("Relapse-prevention plan"),
            blocks: vec![
                Block::Paragraph {
                    text: s("Warning signs and what the participant will do about them."),
                },
                Block::List {
                    ordered: true,
                    items: vec![
                        s("Text my sponsor before 9 pm"),
                        s("Leave the party early"),
                        s("<script>window.__pwned=1</script>"),
                    ],
                },
            ],
        },
        Section {
            id: SectionId::Cravings,
            heading: s("Cravings"),
            blocks: vec![
                Block::Summary {
                    facts: vec![
                        Fact {
                            label: s("Cravings logged"),
                            value: s("9"),
                        },
                        Fact {
                            label: s("Average intensity"),
                            value: s("5.4 / 10"),
                        },
                    ],
                },
                Block::Chart {
                    kind: ChartKind::Bar,
                    title: s("Cravings per week"),
                    labels: weeks.clone(),
                    series: vec![
                        Series {
                            name: s("Cravings"),
                            values: vec![4.0, 2.0, 2.0, 1.0],
                        },
                        Series {
                            name: s("Rode it out"),
                            values: vec![3.0, 2.0, 2.0, 1.0],
                        },
                    ],
                    y_max: None,
                },
                Block::Table {
                    caption: s("Cravings by trigger"),
                    columns: vec![s("Trigger"), s("Times"), s("Average intensity")],
                    rows: vec![
                        vec![s("Stress at work"), s("4"), s("6.5")],
                        vec![s("Payday"), s("3"), s("5.0")],
                        vec![
                            s("<img src=x onerror=\"window.__pwned=1\">"),
                            s("2"),
                            s("4.0"),
                        ],
                    ],
                },
            ],
        },
        Section {
            id: SectionId::Checkins,
            heading: s("Daily check-ins"),
            blocks: vec![Block::Chart {
                kind: ChartKind::Line,
                title: s("Mood (0–10), weekly average"),
                labels: weeks,
                series: vec![Series {
                    name: s("Mood"),
                    values: vec![4.5, 5.0, 6.0, 6.5],
                }],
                y_max: Some(10.0),
            }],
        },
        Section {
            id: SectionId::Attendance,
            heading: s("Meeting attendance"),
            blocks: vec![Block::Table {
                caption: s("Meetings attended"),
                columns: vec![s("Date"), s("Meeting"), s("Format")],
                rows: vec![
                    vec![s("2025-11-12"), s("Tuesday night group"), s("In person")],
                    vec![s("2025-11-19"), s("Tuesday night group"), s("In person")],
                    vec![s("2025-11-21"), s("Friday noon"), s("Online")],
                ],
            }],
        },
    ]
}

/// Participant-written strings of the `bidi` sample (the browser test uses
/// the same ones): a right-to-left override at the start of a trigger, a
/// coping step and an if-then plan's situation; Arabic before a name that
/// starts with digits; Hebrew with digits in a warning sign and a note.
const BIDI: [&str; 9] = [
    "\u{202E}evil trigger",
    "Stress at work",
    "ضغط العمل",
    "42nd street bar",
    "\u{202E}walk it off",
    "Called Sam",
    "\u{202E}a party invite",
    "call Sam first",
    "נדודי שינה 3 לילות",
];

/// The `bidi` sample's vault content and request.
fn bidi_request(store: &keel_core::Store<'_>) -> SampleResult<ReportRequest> {
    use keel_core::logs::{self, CheckIn, Craving, CravingOutcome, Mood};
    use keel_core::logs::{Context, CopingTag, TriggerTag};
    use keel_core::plan;

    let mut p = plan::template(plan::Language::En)?;
    p.coping_plans[0].if_situation = BIDI[6].into();
    p.coping_plans[0].then_action = BIDI[7].into();
    p.warning_signs[0].text = BIDI[8].into();
    plan::save(store, p, None, true, NOW)?;
    let tag = |name: &str| TriggerTag {
        plan_trigger_id: None,
        name: name.into(),
        category: plan::TriggerCategory::Other,
    };
    let coping = |text: &str| CopingTag {
        plan_coping_id: None,
        text: text.into(),
    };
    let craving =
        |triggers: Vec<TriggerTag>, coping: Vec<CopingTag>, notes: &str, days: i64| Craving {
            at: days_ago(days),
            intensity: 6,
            duration_minutes: Some(10),
            triggers,
            context: Context::default(),
            coping,
            outcome: CravingOutcome::RodeItOut,
            notes: notes.into(),
        };
    logs::add(
        store,
        craving(
            vec![tag(BIDI[0]), tag(BIDI[1])],
            vec![coping(BIDI[4]), coping(BIDI[5])],
            "שלום 123",
            3,
        ),
        NOW,
    )?;
    logs::add(
        store,
        craving(vec![tag(BIDI[2]), tag(BIDI[3])], vec![], "", 2),
        NOW,
    )?;
    logs::add(
        store,
        CheckIn {
            at: days_ago(1),
            mood: Mood::Good,
            craving_level: 2,
            sleep_minutes: Some(420),
            intention: "\u{202E}call my sister".into(),
            any_use: false,
            halt: Default::default(),
            notes: String::new(),
        },
        NOW,
    )?;
    Ok(ReportRequest {
        from: NaiveDate::from_ymd_opt(2025, 11, 1).ok_or("date")?,
        to: NaiveDate::from_ymd_opt(2025, 11, 24).ok_or("date")?,
        topics: vec![
            Topic::Plan,
            Topic::Cravings,
            Topic::Checkins,
            Topic::Journal,
        ],
        lang: Language::En,
        now: NOW,
    })
}

fn main() -> SampleResult {
    let mut args = std::env::args().skip(1);
    let out = PathBuf::from(
        args.next()
            .ok_or("usage: write_sample_report OUT.html [PASSPHRASE]")?,
    );
    let passphrase = args
        .next()
        .unwrap_or_else(|| DEFAULT_PASSPHRASE.to_string());
    let bidi = args.next().as_deref() == Some("bidi");

    let dir = tempfile::tempdir()?;
    let vault = Vault::create(
        dir.path().join("vault").to_str().ok_or("temp path")?,
        "sample vault passphrase",
    )?;
    let store = vault.store()?;
    notes::add(&store, days_ago(6), "Called Sam instead of going out.", NOW)?;
    notes::add(
        &store,
        days_ago(3),
        "<img src=x onerror=\"window.__pwned=1\"> stayed text",
        NOW,
    )?;
    notes::add(&store, days_ago(1), "Slept well; group helped.", NOW)?;

    let request = ReportRequest {
        from: NaiveDate::from_ymd_opt(2025, 11, 1).ok_or("date")?,
        to: NaiveDate::from_ymd_opt(2025, 11, 24).ok_or("date")?,
        topics: vec![Topic::Journal],
        lang: Language::En,
        now: NOW,
    };
    let doc = if bidi {
        notes::add(&store, days_ago(2), "\u{202E}Hard day, 2 calls", NOW)?;
        report::build(&store, &bidi_request(&store)?)?
    } else {
        let mut doc = report::build(&store, &request)?;
        doc.sections.extend(extra_sections());
        doc
    };
    let file = report::render(&doc, &passphrase)?;
    if out.exists() {
        std::fs::remove_file(&out)?;
    }
    report::save(&file, &out)?;
    println!("wrote {} ({} bytes)", out.display(), file.html.len());
    Ok(())
}
