use super::*;
use crate::Vault;
use crate::notes;
use base64::Engine;
use base64::engine::general_purpose::STANDARD;

const NOW: LocalInstant = LocalInstant {
    // 2025-11-24T15:00:00Z, 10:00 in New York.
    utc_millis: 1_763_996_400_000,
    offset_minutes: -300,
};
const PASS: &str = "maple river candle orbit";

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 11, d).unwrap()
}

fn days_ago(n: i64) -> LocalInstant {
    LocalInstant {
        utc_millis: NOW.utc_millis - n * 86_400_000,
        ..NOW
    }
}

fn request() -> ReportRequest {
    ReportRequest {
        from: day(10),
        to: day(24),
        topics: vec![Topic::Journal, Topic::Journal],
        lang: Language::En,
        now: NOW,
    }
}

fn vault() -> (tempfile::TempDir, Vault) {
    let dir = tempfile::tempdir().unwrap();
    let v = Vault::create(
        dir.path().join("v").to_str().unwrap(),
        "a long enough passphrase",
    )
    .unwrap();
    {
        let s = v.store().unwrap();
        notes::add(
            &s,
            days_ago(1),
            "<img src=x onerror=\"window.__pwned=1\">",
            NOW,
        )
        .unwrap();
        notes::add(&s, days_ago(5), "Walked instead", NOW).unwrap();
        notes::add(&s, days_ago(30), "Too old to include", NOW).unwrap();
    }
    (dir, v)
}

/// The container inside a page.
fn payload(html: &[u8]) -> Vec<u8> {
    let html = std::str::from_utf8(html).unwrap();
    let start = html.find("id=\"keel-report\">").unwrap() + "id=\"keel-report\">".len();
    let end = start + html[start..].find("</script>").unwrap();
    STANDARD.decode(&html[start..end]).unwrap()
}

#[test]
fn build_includes_the_period_only_oldest_first() {
    let (_d, v) = vault();
    let doc = build(&v.store().unwrap(), &request()).unwrap();
    assert_eq!(
        doc.sections.len(),
        2,
        "overview + journal, duplicate topic ignored"
    );
    assert_eq!(doc.sections[0].id, SectionId::Overview);
    assert_eq!(doc.generated_at, "2025-11-24 10:00 (UTC-05:00)");
    let Block::Table { rows, columns, .. } = &doc.sections[1].blocks[1] else {
        panic!("journal table expected");
    };
    assert_eq!(columns, &["Date", "Time", "Note"]);
    assert_eq!(rows.len(), 2);
    // The note is the participant's: isolated (FSI … PDI) for the viewer.
    assert_eq!(
        rows[0],
        ["2025-11-19", "10:00", "\u{2068}Walked instead\u{2069}"]
    );
    assert_eq!(
        rows[1][2],
        bidi::typed("<img src=x onerror=\"window.__pwned=1\">")
    );
    let Block::Summary { facts } = &doc.sections[0].blocks[1] else {
        panic!("overview facts expected");
    };
    assert_eq!(facts[0].value, "2025-11-10 to 2025-11-24");
    assert_eq!(facts[2].label, "Journal notes");
    assert_eq!(facts[2].value, "2");
}

#[test]
fn spanish_reports_are_written_in_spanish() {
    let (_d, v) = vault();
    let req = ReportRequest {
        lang: Language::Es,
        ..request()
    };
    let doc = build(&v.store().unwrap(), &req).unwrap();
    assert_eq!(doc.title, "Informe de progreso de Keel");
    assert!(doc.disclosure.paragraphs[0].contains("42 CFR parte 2"));
    let p = preview(&doc).unwrap();
    assert_eq!(p.lines[0], "Periodo: del 2025-11-10 al 2025-11-24");
}

#[test]
fn bad_requests_are_refused() {
    let (_d, v) = vault();
    let s = v.store().unwrap();
    let field = |req: ReportRequest| match build(&s, &req) {
        Err(Error::InvalidInput { field, .. }) => field,
        other => panic!("expected invalid input, got {other:?}"),
    };
    assert_eq!(
        field(ReportRequest {
            from: day(20),
            to: day(10),
            ..request()
        }),
        "period"
    );
    assert_eq!(
        field(ReportRequest {
            from: NaiveDate::from_ymd_opt(2024, 1, 1).unwrap(),
            ..request()
        }),
        "period"
    );
    assert_eq!(
        field(ReportRequest {
            topics: vec![],
            ..request()
        }),
        "topics"
    );
    assert_eq!(
        field(ReportRequest {
            now: LocalInstant {
                offset_minutes: 9999,
                ..NOW
            },
            ..request()
        }),
        "now"
    );
}

#[test]
fn write_needs_the_previewed_fingerprint_and_a_good_passphrase() {
    let (_d, v) = vault();
    let s = v.store().unwrap();
    let shown = preview_request(&s, &request()).unwrap();
    assert_eq!(shown.total_rows, 2);
    assert!(matches!(
        write(&s, &request(), "short", &shown.fingerprint),
        Err(Error::InvalidInput {
            field: "passphrase",
            ..
        })
    ));
    // Something changed after the preview: the write is refused.
    notes::add(&s, days_ago(2), "Added after the preview", NOW).unwrap();
    assert_eq!(crate::ranges::last_report(&s).unwrap(), None);
    assert!(matches!(
        write(&s, &request(), PASS, &shown.fingerprint),
        Err(Error::InvalidInput {
            field: "fingerprint",
            ..
        })
    ));
    let shown = preview_request(&s, &request()).unwrap();
    let file = write(&s, &request(), PASS, &shown.fingerprint).unwrap();
    // Remembered for the "since your last report" preset.
    let last = crate::ranges::last_report(&s).unwrap().unwrap();
    assert_eq!(
        (last.prepared, last.from, last.to),
        (request().now, request().from, request().to)
    );
    assert!(file.file_name.starts_with("report-") && file.file_name.ends_with(".html"));
    assert_eq!(file.file_name.len(), "report-.html".len() + 16);
    let page = String::from_utf8(file.html.clone()).unwrap();
    for secret in ["Walked instead", "Added after", "onerror", "Journal"] {
        assert!(!page.contains(secret), "{secret} in the clear");
    }
    let json = container::open(&payload(&file.html), PASS).unwrap();
    let doc: ReportDocument = serde_json::from_slice(&json).unwrap();
    assert_eq!(doc, build(&s, &request()).unwrap());
    assert_eq!(document::fingerprint(&json), shown.fingerprint);
}

#[test]
fn save_writes_once_and_never_overwrites() {
    let (_d, v) = vault();
    let s = v.store().unwrap();
    let doc = build(&s, &request()).unwrap();
    let file = render(&doc, PASS).unwrap();
    let out = tempfile::tempdir().unwrap();
    let path = out.path().join(&file.file_name);
    save(&file, &path).unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), file.html);
    assert!(matches!(
        save(&file, &path),
        Err(Error::InvalidInput { field: "path", .. })
    ));
    let leftovers: Vec<_> = std::fs::read_dir(out.path()).unwrap().collect();
    assert_eq!(leftovers.len(), 1, "no staging file left behind");
    assert!(save(&file, &out.path().join("missing/dir/r.html")).is_err());
}

#[test]
fn the_report_module_is_locked_with_the_vault() {
    let (_d, mut v) = vault();
    v.lock();
    assert!(matches!(v.store().map(|_| ()), Err(Error::Locked)));
}

/// A vault with a plan, a craving, a check-in, a practice session and a
/// meeting with attendance inside the request's period.
fn full_vault() -> (tempfile::TempDir, Vault) {
    use crate::exercises::session::{SessionEnd, SessionStart};
    use crate::exercises::{BuiltIn, ExerciseRef, Length};
    use crate::logs::{
        self, CheckIn, Context, CopingTag, Craving, CravingOutcome, Mood, TriggerTag,
    };
    use crate::meetings::attendance::{self, AttendanceDraft, AttendanceStatus};

    let (dir, v) = vault();
    {
        let s = v.store().unwrap();
        crate::plan::save(
            &s,
            crate::plan::template(crate::plan::Language::En).unwrap(),
            None,
            true,
            NOW,
        )
        .unwrap();
        let c = logs::add(
            &s,
            Craving {
                at: days_ago(2),
                intensity: 7,
                duration_minutes: Some(20),
                triggers: vec![TriggerTag {
                    plan_trigger_id: None,
                    name: "Payday <b>".into(),
                    category: crate::plan::TriggerCategory::Time,
                }],
                context: Context::default(),
                coping: vec![CopingTag {
                    plan_coping_id: None,
                    text: "Called Sam".into(),
                }],
                outcome: CravingOutcome::ReachedOut,
                notes: "<script>alert(1)</script>".into(),
            },
            NOW,
        )
        .unwrap();
        logs::add(
            &s,
            CheckIn {
                at: days_ago(1),
                mood: Mood::Good,
                craving_level: 3,
                sleep_minutes: Some(420),
                intention: "Call my sister".into(),
                any_use: false,
                halt: Default::default(),
                notes: String::new(),
            },
            NOW,
        )
        .unwrap();
        let session = crate::exercises::session::start(
            &s,
            SessionStart {
                exercise: ExerciseRef::BuiltIn(BuiltIn::Box),
                length: Length::Standard,
                started_at: days_ago(2),
                craving_before: Some(7),
                craving_id: Some(c.id),
            },
            NOW,
        )
        .unwrap();
        crate::exercises::session::finish(
            &s,
            session.id,
            SessionEnd {
                ended_at: LocalInstant {
                    utc_millis: days_ago(2).utc_millis + 300_000,
                    ..NOW
                },
                practiced_ms: Some(240_000),
                craving_after: Some(3),
                craving_id: None,
            },
            NOW,
        )
        .unwrap();
        let mut meeting = crate::meetings::tests::iop_group();
        meeting.schedule.start_date = day(1);
        let m = crate::meetings::add(&s, meeting).unwrap();
        let occ = crate::meetings::occurrences(
            std::slice::from_ref(&m),
            days_ago(7).utc_millis,
            NOW.utc_millis,
        )
        .unwrap();
        for o in &occ {
            attendance::record(
                &s,
                AttendanceDraft {
                    meeting_id: m.id,
                    occurrence: o.slot.start(),
                    status: AttendanceStatus::Attended,
                    minutes: None,
                    notes: String::new(),
                },
                NOW,
            )
            .unwrap();
        }
    }
    (dir, v)
}

#[test]
fn every_topic_builds_a_section_and_the_preview_counts_it() {
    let (_d, v) = full_vault();
    let s = v.store().unwrap();
    for lang in [Language::En, Language::Es] {
        let req = ReportRequest {
            topics: vec![
                Topic::Plan,
                Topic::Cravings,
                Topic::Checkins,
                Topic::Exercises,
                Topic::Attendance,
                Topic::Insights,
                Topic::Journal,
            ],
            lang,
            ..request()
        };
        let doc = build(&s, &req).unwrap();
        let ids: Vec<SectionId> = doc.sections.iter().map(|x| x.id).collect();
        assert_eq!(
            ids,
            [
                SectionId::Overview,
                SectionId::Plan,
                SectionId::Cravings,
                SectionId::Checkins,
                SectionId::Exercises,
                SectionId::Attendance,
                SectionId::Insights,
                SectionId::Journal
            ]
        );
        let json = String::from_utf8(doc.to_json().unwrap()).unwrap();
        for text in [
            "Payday <b>",
            "<script>alert(1)</script>",
            "Call my sister",
            "Called Sam",
            "Evening IOP group",
        ] {
            // Present, and isolated as participant-written text.
            let encoded = serde_json::to_string(&bidi::typed(text)).unwrap();
            assert!(
                json.contains(&encoded[1..encoded.len() - 1]),
                "{text} missing or not isolated ({lang:?})"
            );
        }
        let cravings = &doc.sections[2];
        assert_eq!(sections::row_count(cravings), 1);
        let attendance = &doc.sections[5];
        assert_eq!(
            sections::row_count(attendance),
            3,
            "Mon, Wed, Thu of the last week"
        );
        let p = preview(&doc).unwrap();
        assert_eq!(p.sections.len(), 8);
        // The whole thing round-trips through the container.
        let file = render(&doc, PASS).unwrap();
        let opened = container::open(&payload(&file.html), PASS).unwrap();
        assert_eq!(opened.as_slice(), doc.to_json().unwrap().as_slice());
    }
}

/// A new participant's report: every part builds on a vault with nothing
/// but a few notes (no plan, no logs, no practice, no meetings), in both
/// languages; an empty period must not make a chart the document refuses.
#[test]
fn every_topic_builds_on_a_vault_with_nothing_logged() {
    let (_d, v) = vault();
    let s = v.store().unwrap();
    for lang in [Language::En, Language::Es] {
        let req = ReportRequest {
            topics: vec![
                Topic::Plan,
                Topic::Cravings,
                Topic::Checkins,
                Topic::Exercises,
                Topic::Attendance,
                Topic::Insights,
                Topic::Journal,
                Topic::Measures,
            ],
            lang,
            ..request()
        };
        let doc = build(&s, &req).unwrap();
        assert_eq!(doc.sections.len(), 9);
        let checkins = doc
            .sections
            .iter()
            .find(|x| x.id == SectionId::Checkins)
            .unwrap();
        assert_eq!(sections::row_count(checkins), 0);
        assert!(
            !checkins
                .blocks
                .iter()
                .any(|b| matches!(b, Block::Chart { .. }))
        );
        preview(&doc).unwrap();
    }
}

/// In the plan section, what the participant wrote is isolated even inside
/// the lines the core composes around it ("stage: text", "if → then"), and
/// isolate controls they typed are dropped so none can escape.
#[test]
fn plan_text_is_isolated_inside_composed_lines() {
    let (_d, v) = vault();
    let s = v.store().unwrap();
    let mut p = crate::plan::template(crate::plan::Language::En).unwrap();
    p.coping_plans[0].if_situation = "\u{202E}a party invite\u{2069}".into();
    p.coping_plans[0].then_action = "call Sam first".into();
    p.warning_signs[0].text = "נדודי שינה 3 לילות".into();
    p.contacts[0].name = "سامي".into();
    p.reasons[0] = "\u{2067}my kids".into();
    crate::plan::save(&s, p, None, true, NOW).unwrap();
    let doc = build(
        &s,
        &ReportRequest {
            topics: vec![Topic::Plan],
            ..request()
        },
    )
    .unwrap();
    let mut texts = Vec::new();
    for block in &doc.sections[1].blocks {
        match block {
            Block::List { items, .. } => texts.extend(items.iter().cloned()),
            Block::Table { rows, .. } => texts.extend(rows.iter().flatten().cloned()),
            _ => {}
        }
    }
    let has = |t: &str| texts.iter().any(|x| x == t);
    assert!(has(
        "\u{2068}\u{202E}a party invite\u{2069} → \u{2068}call Sam first\u{2069}"
    ));
    assert!(has("\u{2068}my kids\u{2069}"));
    assert!(has("\u{2068}سامي\u{2069}"));
    let sign = texts
        .iter()
        .find(|x| x.contains("נדודי"))
        .expect("warning sign");
    assert!(
        sign.ends_with(": \u{2068}נדודי שינה 3 לילות\u{2069}"),
        "{sign:?}"
    );
    // Every line holds balanced, unnested isolates.
    for t in &texts {
        let mut open = false;
        for c in t.chars() {
            match c {
                bidi::FSI => {
                    assert!(!open, "{t:?}");
                    open = true;
                }
                bidi::PDI => {
                    assert!(open, "{t:?}");
                    open = false;
                }
                '\u{2066}' | '\u{2067}' => panic!("{t:?}"),
                _ => {}
            }
        }
        assert!(!open, "{t:?}");
    }
}
