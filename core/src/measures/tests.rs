#![allow(clippy::unwrap_used)]

use std::collections::BTreeSet;

use super::model::{Ask, Higher};
use super::schedule::{self, Schedule};
use super::trend::{Direction, trend};
use super::*;
use crate::Error;
use crate::logs::tests::vault;
use crate::meetings::reminders::{ReminderKind, upcoming_in};
use crate::meetings::tests::{in_zone, utc};

fn chicago(millis: i64) -> ZonedNow {
    in_zone("America/Chicago", millis)
}

/// Every item of `id` that must be answered, answered `value` (or the
/// first option where `value` is not one).
fn all_at(id: MeasureId, value: u8) -> Vec<Answer> {
    let m = measure(id);
    let pick = |i: &model::Item| {
        if i.choices.iter().any(|c| c.value == value) {
            value
        } else {
            i.choices[0].value
        }
    };
    let mut out: Vec<Answer> = m
        .items
        .iter()
        .filter(|i| i.ask == Ask::Required)
        .map(|i| Answer {
            item: i.key.to_string(),
            value: pick(i),
        })
        .collect();
    for i in m.items {
        if let Ask::IfAbove { item, value: above } = i.ask
            && out.iter().any(|a| a.item == item && a.value > above)
        {
            out.push(Answer {
                item: i.key.to_string(),
                value: pick(i),
            });
        }
    }
    out
}

fn invalid(e: Error) -> (&'static str, &'static str) {
    match e {
        Error::InvalidInput { field, reason } => (field, reason),
        other => panic!("expected InvalidInput, got {other:?}"),
    }
}

#[test]
fn every_measure_is_consistent_data() {
    let mut keys = BTreeSet::new();
    for id in MeasureId::ALL {
        let m = measure(id);
        assert_eq!(m.id, id);
        assert!(m.has(Language::En), "{id:?} needs its English version");
        for item in m.items {
            assert!(keys.insert(item.key), "item key {} used twice", item.key);
            assert!(
                crate::error::is_code(item.key),
                "{} is not a code",
                item.key
            );
            assert!(!item.choices.is_empty());
            let values: BTreeSet<u8> = item.choices.iter().map(|c| c.value).collect();
            assert_eq!(
                values.len(),
                item.choices.len(),
                "{}: repeated value",
                item.key
            );
            for lang in m.languages() {
                assert!(item.text.get(lang).is_some(), "{} lacks {lang:?}", item.key);
                assert!(item.group.is_none_or(|g| g.get(lang).is_some()));
                for c in item.choices {
                    assert!(
                        c.label.get(lang).is_some(),
                        "{} option lacks {lang:?}",
                        item.key
                    );
                }
            }
            if let Ask::IfAbove { item: on, .. } = item.ask {
                assert!(
                    m.item(on).is_some(),
                    "{} depends on an unknown item",
                    item.key
                );
            }
        }
        if let Some(words) = m.instructions {
            for lang in m.languages() {
                assert!(words.get(lang).is_some());
            }
        }
        for scale in m.scales {
            let mut max = 0u16;
            for key in scale.items {
                let item = m.item(key).unwrap();
                assert_eq!(item.ask, Ask::Required, "scored items are required");
                max += u16::from(item.choices.iter().map(|c| c.value).max().unwrap());
            }
            // Bands cover 0..=max without gap or overlap.
            let mut next = 0u16;
            for band in scale.bands {
                assert_eq!(band.min, next, "{:?} {} band gap", id, scale.key);
                assert!(band.max >= band.min);
                next = band.max + 1;
            }
            assert_eq!(
                next,
                max + 1,
                "{:?} {} bands end at the maximum",
                id,
                scale.key
            );
        }
        for alert in m.alerts {
            assert!(m.item(alert.item).is_some());
        }
    }
}

#[test]
fn language_versions_are_the_ones_documented() {
    // docs/measures.md: no published Spanish BAM could be cited, so the BAM
    // is English only; the others have both.
    assert!(!measure(MeasureId::Bam).has(Language::Es));
    for id in [MeasureId::Phq9, MeasureId::Gad7, MeasureId::AuditC] {
        assert!(measure(id).has(Language::Es), "{id:?}");
    }
    let docs = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/measures.md"),
    )
    .unwrap();
    for id in MeasureId::ALL {
        let m = measure(id);
        assert!(
            docs.contains(m.short_name),
            "{} not in docs/measures.md",
            m.short_name
        );
        for code in m
            .items
            .iter()
            .filter_map(|i| i.loinc)
            .chain(m.scales.iter().filter_map(|s| s.loinc))
            .chain(m.loinc_panel)
        {
            assert!(docs.contains(code), "LOINC {code} not in docs/measures.md");
        }
    }
}

#[test]
fn phq9_scores_bands_and_flags_item_nine() {
    let m = measure(MeasureId::Phq9);
    let mut given = all_at(MeasureId::Phq9, 1);
    let ok = score::validate(m, Language::Es, &given).unwrap();
    let scored = score::score(m, &stored_answers(ok)).unwrap();
    assert_eq!(scored.scores[0].value, 9);
    assert_eq!(scored.scores[0].max, 27);
    assert_eq!(scored.scores[0].band.label.en, "Mild");
    assert_eq!(scored.flags, [Flag::Crisis], "item 9 above zero");

    given.iter_mut().for_each(|a| a.value = 0);
    given.push(Answer {
        item: "phq9.10".into(),
        value: 2,
    });
    let ok = score::validate(m, Language::En, &given).unwrap();
    let scored = score::score(m, &stored_answers(ok)).unwrap();
    assert_eq!(
        scored.scores[0].value, 0,
        "the difficulty item is not scored"
    );
    assert!(scored.flags.is_empty());

    let severe = score::validate(m, Language::En, &all_at(MeasureId::Phq9, 3)).unwrap();
    let scored = score::score(m, &stored_answers(severe)).unwrap();
    assert_eq!(
        (scored.scores[0].value, scored.scores[0].band.label.en),
        (27, "Severe")
    );
}

#[test]
fn answers_are_refused_with_typed_errors() {
    let phq = measure(MeasureId::Phq9);
    let mut missing = all_at(MeasureId::Phq9, 0);
    missing.retain(|a| a.item != "phq9.4");
    assert_eq!(
        invalid(score::validate(phq, Language::En, &missing).unwrap_err()),
        ("phq9.4", "required")
    );
    let mut wrong = all_at(MeasureId::Phq9, 0);
    wrong[2].value = 4;
    assert_eq!(
        invalid(score::validate(phq, Language::En, &wrong).unwrap_err()),
        ("phq9.3", "not_an_option")
    );
    let mut twice = all_at(MeasureId::Phq9, 0);
    twice[1] = twice[0].clone();
    assert_eq!(
        invalid(score::validate(phq, Language::En, &twice).unwrap_err()),
        ("phq9.1", "duplicate")
    );
    let mut unknown = all_at(MeasureId::Phq9, 0);
    unknown[0].item = "gad7.1".into();
    assert_eq!(
        invalid(score::validate(phq, Language::En, &unknown).unwrap_err()),
        ("answers", "unknown_item")
    );
    let many = vec![
        Answer {
            item: "phq9.1".into(),
            value: 0
        };
        11
    ];
    assert_eq!(
        invalid(score::validate(phq, Language::En, &many).unwrap_err()),
        ("answers", "too_many")
    );
    let bam = measure(MeasureId::Bam);
    assert_eq!(
        invalid(score::validate(bam, Language::Es, &all_at(MeasureId::Bam, 0)).unwrap_err()),
        ("language", "not_available"),
        "no Spanish BAM: never a translation of our own"
    );
}

#[test]
fn bam_subscales_and_the_drug_items_asked_only_after_use() {
    let bam = measure(MeasureId::Bam);
    let mut given = all_at(MeasureId::Bam, 0);
    let ok = score::validate(bam, Language::En, &given).unwrap();
    let scored = score::score(bam, &stored_answers(ok)).unwrap();
    let by_key: Vec<(&str, u16)> = scored
        .scores
        .iter()
        .map(|s| (s.scale.key, s.value))
        .collect();
    assert_eq!(by_key, [("use", 0), ("risk", 0), ("protective", 0)]);
    assert!(scored.scores[2].band.attention, "protective at or below 12");

    // Item 6 above zero: 7A-7G become required.
    given.iter_mut().find(|a| a.item == "bam.6").unwrap().value = 2;
    assert_eq!(
        invalid(score::validate(bam, Language::En, &given).unwrap_err()),
        ("bam.7a", "required")
    );
    for key in [
        "bam.7a", "bam.7b", "bam.7c", "bam.7d", "bam.7e", "bam.7f", "bam.7g",
    ] {
        given.push(Answer {
            item: key.into(),
            value: u8::from(key == "bam.7e") * 2,
        });
    }
    given.iter_mut().find(|a| a.item == "bam.14").unwrap().value = 4;
    let ok = score::validate(bam, Language::En, &given).unwrap();
    let scored = score::score(bam, &stored_answers(ok)).unwrap();
    assert_eq!(scored.scores[0].value, 2, "use: 7A-7G are not scored");
    assert_eq!(scored.scores[2].value, 4, "income yes scores 4");

    // Back to no drug use: the elaboration may no longer be sent.
    given.iter_mut().find(|a| a.item == "bam.6").unwrap().value = 0;
    assert_eq!(
        invalid(score::validate(bam, Language::En, &given).unwrap_err()),
        ("bam.7a", "not_asked")
    );
}

#[test]
fn submit_seals_edit_until_the_period_closes_and_history() {
    let (_d, v) = vault();
    let s = v.store().unwrap();
    let monday = utc(2026, 11, 23, 18, 0);
    let first = submit(
        &s,
        MeasureId::Bam,
        Language::En,
        &all_at(MeasureId::Bam, 1),
        &chicago(monday),
    )
    .unwrap();
    assert_eq!(first.response.period_days, 7, "weekly by default");
    assert!(first.editable_at(monday + 6 * DAY_MS));
    assert!(!first.editable_at(monday + 7 * DAY_MS));

    // An edit two days later keeps the time it was taken.
    let mut changed = all_at(MeasureId::Bam, 1);
    changed
        .iter_mut()
        .find(|a| a.item == "bam.8")
        .unwrap()
        .value = 4;
    let edited = edit(
        &s,
        first.id,
        MeasureId::Bam,
        Language::En,
        &changed,
        &chicago(monday + 2 * DAY_MS),
    )
    .unwrap();
    assert_eq!(edited.response.taken_at, first.response.taken_at);
    assert_eq!(edited.response.answers["bam.8"], 4);
    assert!(edited.response.edited_at.is_some());
    // A bad edit loses nothing.
    let e = edit(
        &s,
        first.id,
        MeasureId::Bam,
        Language::En,
        &[],
        &chicago(monday + 3 * DAY_MS),
    )
    .unwrap_err();
    assert_eq!(invalid(e), ("bam.1", "required"));
    assert_eq!(history(&s, MeasureId::Bam).unwrap().items[0], edited);
    // Wrong measure, then the period closed.
    let e = edit(
        &s,
        first.id,
        MeasureId::Phq9,
        Language::En,
        &all_at(MeasureId::Phq9, 0),
        &chicago(monday + 3 * DAY_MS),
    )
    .unwrap_err();
    assert_eq!(invalid(e), ("measure", "does_not_match"));
    let e = edit(
        &s,
        first.id,
        MeasureId::Bam,
        Language::En,
        &changed,
        &chicago(monday + 7 * DAY_MS),
    )
    .unwrap_err();
    assert_eq!(invalid(e), ("id", "period_closed"));
    let gone = RecordId::random().unwrap();
    assert!(matches!(
        edit(
            &s,
            gone,
            MeasureId::Bam,
            Language::En,
            &changed,
            &chicago(monday)
        ),
        Err(Error::NotFound {
            what: "measure_response"
        })
    ));
}

#[test]
fn trends_change_and_the_items_that_moved() {
    let (_d, v) = vault();
    let s = v.store().unwrap();
    let t0 = utc(2026, 11, 2, 18, 0);
    let mut week1 = all_at(MeasureId::Bam, 1);
    week1.iter_mut().find(|a| a.item == "bam.6").unwrap().value = 0;
    week1.retain(|a| !a.item.starts_with("bam.7"));
    submit(&s, MeasureId::Bam, Language::En, &week1, &chicago(t0)).unwrap();
    let mut week2 = week1.clone();
    week2.iter_mut().find(|a| a.item == "bam.8").unwrap().value = 3; // cravings up
    week2.iter_mut().find(|a| a.item == "bam.16").unwrap().value = 4; // support up
    submit(
        &s,
        MeasureId::Bam,
        Language::En,
        &week2,
        &chicago(t0 + 7 * DAY_MS),
    )
    .unwrap();

    let h = history(&s, MeasureId::Bam).unwrap();
    assert_eq!(h.items.len(), 2);
    assert!(h.items[0].response.taken_at > h.items[1].response.taken_at);
    let tr = trend(&h.items);
    let risk = tr.scales.iter().find(|x| x.scale.key == "risk").unwrap();
    assert_eq!(risk.points.len(), 2);
    assert_eq!(risk.change, Some(2));
    assert_eq!(risk.direction, Some(Direction::Worse));
    let protective = tr
        .scales
        .iter()
        .find(|x| x.scale.key == "protective")
        .unwrap();
    assert_eq!(protective.change, Some(3));
    assert_eq!(protective.direction, Some(Direction::Better));
    let moved: Vec<(&str, u8, u8, Direction)> = tr
        .moved
        .iter()
        .map(|m| (m.item.key, m.from, m.to, m.direction))
        .collect();
    assert_eq!(
        moved,
        [
            ("bam.8", 1, 3, Direction::Worse),
            ("bam.16", 1, 4, Direction::Better)
        ]
    );
    assert_eq!(Direction::of(2, 2, Higher::Worse), Direction::Same);
    assert!(trend(&[]).scales.is_empty());
    // Another measure's history is its own.
    assert!(history(&s, MeasureId::Phq9).unwrap().items.is_empty());
}

#[test]
fn schedules_due_today_and_reminders() {
    let (_d, v) = vault();
    let s = v.store().unwrap();
    let all = schedule::all(&s).unwrap();
    assert_eq!(
        all.iter()
            .map(|x| (x.measure, x.enabled))
            .collect::<Vec<_>>(),
        [
            (MeasureId::Bam, true),
            (MeasureId::Phq9, false),
            (MeasureId::Gad7, false),
            (MeasureId::AuditC, false)
        ]
    );
    // Monday 2026-11-23 09:00 Chicago.
    let monday = utc(2026, 11, 23, 15, 0);
    let now = chicago(monday);
    let due = schedule::due(&s, &now).unwrap();
    assert_eq!(due.len(), 1);
    assert_eq!((due[0].measure, due[0].days_overdue), (MeasureId::Bam, 0));
    let today = crate::today::screen(&s, &now, Language::En).unwrap();
    assert_eq!(today.measures_due, due);

    // No reminder until a time is picked.
    let kinds = |now: &ZonedNow| -> Vec<ReminderKind> {
        upcoming_in(&s, now, 48, None)
            .unwrap()
            .into_iter()
            .map(|r| r.kind)
            .filter(|k| matches!(k, ReminderKind::Measure { .. }))
            .collect()
    };
    assert!(kinds(&now).is_empty());
    let set = schedule::set(
        &s,
        Schedule {
            measure: MeasureId::Phq9,
            enabled: true,
            every_days: 14,
            reminder_minute: Some(8 * 60),
        },
    )
    .unwrap();
    assert!(set[1].enabled);
    // 08:00 has passed today: tomorrow 08:00 Chicago, in neutral words.
    let got: Vec<_> = upcoming_in(&s, &now, 48, None)
        .unwrap()
        .into_iter()
        .filter(|r| matches!(r.kind, ReminderKind::Measure { .. }))
        .collect();
    assert_eq!(got.len(), 1);
    assert_eq!(
        got[0].kind,
        ReminderKind::Measure {
            measure: MeasureId::Phq9
        }
    );
    assert_eq!(got[0].at_millis, utc(2026, 11, 24, 14, 0));
    assert!(!got[0].body_in(Language::En).contains("PHQ"));
    assert_eq!(got[0].id.len(), 32);

    // Answered today: due again in 14 days, outside a two-day horizon.
    submit(
        &s,
        MeasureId::Phq9,
        Language::Es,
        &all_at(MeasureId::Phq9, 0),
        &now,
    )
    .unwrap();
    assert!(kinds(&chicago(monday + DAY_MS)).is_empty());
    let due = schedule::due(&s, &chicago(monday + 14 * DAY_MS)).unwrap();
    assert!(
        due.iter()
            .any(|d| d.measure == MeasureId::Phq9 && d.days_overdue == 0)
    );
    let due = schedule::due(&s, &chicago(monday + 17 * DAY_MS)).unwrap();
    assert!(
        due.iter()
            .any(|d| d.measure == MeasureId::Phq9 && d.days_overdue == 3)
    );
    // The new interval is the edit window of the next response.
    let r = submit(
        &s,
        MeasureId::Phq9,
        Language::Es,
        &all_at(MeasureId::Phq9, 0),
        &now,
    )
    .unwrap();
    assert_eq!(r.response.period_days, 14);

    for bad in [0, schedule::MAX_EVERY_DAYS + 1] {
        let e = schedule::set(
            &s,
            Schedule {
                every_days: bad,
                ..Schedule::default_for(MeasureId::Gad7)
            },
        )
        .unwrap_err();
        assert_eq!(invalid(e), ("every_days", "out_of_range"));
    }
    let e = schedule::set(
        &s,
        Schedule {
            reminder_minute: Some(24 * 60),
            ..Schedule::default_for(MeasureId::Gad7)
        },
    )
    .unwrap_err();
    assert_eq!(invalid(e), ("reminder_minute", "out_of_range"));
}

#[test]
fn crisis_support_always_has_a_crisis_line_and_the_plan_steps() {
    let (_d, v) = vault();
    let s = v.store().unwrap();
    let none = crisis_support(&s, Language::Es).unwrap();
    assert!(none.contacts.iter().any(|c| c.phone == "988"));
    assert!(none.message.starts_with("Gracias"));
    assert!(none.steps.is_empty());

    let mut plan = crate::plan::template(Language::En).unwrap();
    plan.lapse_plan.crisis_lines.clear();
    plan.lapse_plan.steps = vec!["Call Sam".into()];
    plan.reasons = vec!["My kids".into()];
    crate::plan::revisions::save(
        &s,
        plan,
        None,
        false,
        crate::meetings::tests::ny(utc(2026, 11, 1, 12, 0)),
    )
    .unwrap();
    let with_plan = crisis_support(&s, Language::En).unwrap();
    assert_eq!(
        with_plan.contacts[0].phone, "988",
        "988 even when removed from the plan"
    );
    assert_eq!(with_plan.steps, ["Call Sam"]);
    assert_eq!(with_plan.reasons, ["My kids"]);
}

#[test]
fn fhir_export_has_the_answers_and_loinc_coded_scores() {
    let (_d, v) = vault();
    let s = v.store().unwrap();
    let now = chicago(utc(2026, 11, 23, 15, 0));
    let phq = submit(
        &s,
        MeasureId::Phq9,
        Language::En,
        &all_at(MeasureId::Phq9, 2),
        &now,
    )
    .unwrap();
    submit(
        &s,
        MeasureId::Bam,
        Language::En,
        &all_at(MeasureId::Bam, 0),
        &now,
    )
    .unwrap();
    let out = crate::export::fhir::export(&s, now.instant()).unwrap();
    assert_eq!(out.questionnaire_responses, 2);
    assert_eq!(out.observations, 1 + 3, "one PHQ-9 total, three BAM scores");
    let bundle: serde_json::Value = serde_json::from_str(&out.json).unwrap();
    let resources: Vec<&serde_json::Value> = bundle["entry"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| &e["resource"])
        .collect();
    let qr = resources
        .iter()
        .find(|r| r["questionnaire"] == "http://loinc.org/q/44249-1")
        .unwrap();
    assert_eq!(qr["resourceType"], "QuestionnaireResponse");
    assert_eq!(qr["item"].as_array().unwrap().len(), 9);
    let total = resources
        .iter()
        .find(|r| r["code"]["coding"][0]["code"] == "44261-6")
        .unwrap();
    assert_eq!(total["valueInteger"], 18);
    assert_eq!(total["interpretation"][0]["text"], "Moderately severe");
    assert_eq!(
        total["derivedFrom"][0]["reference"],
        format!("urn:uuid:{}", qr["id"].as_str().unwrap())
    );
    assert!(
        resources
            .iter()
            .any(|r| r["code"]["coding"][0]["code"] == "bam-protective")
    );
    // Stable: the same ids in the next export.
    let again = crate::export::fhir::export(&s, now.instant()).unwrap();
    let ids = |j: &str| -> Vec<String> {
        let v: serde_json::Value = serde_json::from_str(j).unwrap();
        v["entry"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["resource"]["id"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(ids(&out.json), ids(&again.json));
    assert_eq!(phq.scored.scores[0].value, 18);
}

#[test]
fn the_report_section_has_scores_bands_trend_and_latest_answers() {
    use crate::report::document::{Block, SectionId};
    use crate::report::{ReportRequest, Topic, build};
    let (_d, v) = vault();
    let s = v.store().unwrap();
    let t0 = utc(2026, 11, 2, 18, 0);
    let mut week1 = all_at(MeasureId::Bam, 1);
    week1.iter_mut().find(|a| a.item == "bam.6").unwrap().value = 0;
    week1.retain(|a| !a.item.starts_with("bam.7"));
    submit(&s, MeasureId::Bam, Language::En, &week1, &chicago(t0)).unwrap();
    let mut week2 = week1.clone();
    week2.iter_mut().find(|a| a.item == "bam.8").unwrap().value = 4;
    let now = chicago(t0 + 7 * DAY_MS);
    submit(&s, MeasureId::Bam, Language::En, &week2, &now).unwrap();
    let doc = build(
        &s,
        &ReportRequest {
            from: chrono::NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(),
            to: chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap(),
            topics: vec![Topic::Measures],
            lang: Language::Es,
            now: now.instant(),
        },
    )
    .unwrap();
    let section = doc
        .sections
        .iter()
        .find(|x| x.id == SectionId::Measures)
        .unwrap();
    assert_eq!(section.heading, "Medidas estándar");
    let charts: Vec<&Block> = section
        .blocks
        .iter()
        .filter(|b| matches!(b, Block::Chart { .. }))
        .collect();
    assert_eq!(charts.len(), 1);
    let Block::Chart { labels, series, .. } = charts[0] else {
        unreachable!()
    };
    assert_eq!(labels.len(), 2);
    assert_eq!(series.len(), 3, "use, risk, protective");
    let tables: Vec<(&String, usize)> = section
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Table { caption, rows, .. } => Some((caption, rows.len())),
            _ => None,
        })
        .collect();
    assert_eq!(tables.len(), 2);
    assert_eq!(tables[0].1, 2, "both responses");
    assert_eq!(tables[1].1, 16, "every item of the latest, 7A-7G not asked");
    // The BAM has no Spanish version: its items stay in English.
    let Some(Block::Table { rows, .. }) = section.blocks.last() else {
        unreachable!()
    };
    assert!(rows[0][0].starts_with("1. In the past 30 days"));
    // The overview counts the rows.
    assert_eq!(doc.sections[0].id, SectionId::Overview);
}
