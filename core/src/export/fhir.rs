//! A FHIR R4 (4.0.1) `Bundle` of type `collection`:
//!
//! - an `Observation` per craving: intensity 0–10 (`valueInteger`), at the
//!   time it was logged, category `survey`;
//! - an `Observation` per check-in: mood 1–5, craving level 0–10 and hours
//!   slept (LOINC 93832-4, UCUM `h`) as components;
//! - an `Encounter` per attendance record: `finished` when the participant
//!   was there (late and left early included, with the minutes attended as
//!   `length`), `cancelled` when missed or excused; class `AMB`, or `VR` for a
//!   meeting joined online; the kind as `type` text;
//! - a `QuestionnaireResponse` per standard measure response (its answers by
//!   item key, `valueInteger`; `questionnaire` the LOINC panel's canonical
//!   `http://loinc.org/q/<panel>` where LOINC has one, else
//!   `urn:keel:fhir:questionnaire:<measure>`), and an `Observation` per score
//!   coded with its LOINC code (PHQ-9 total 44261-6, GAD-7 total 70274-6,
//!   AUDIT-C total 75626-2; the BAM's scores have none and use Keel's codes
//!   `bam-use`, `bam-risk`, `bam-protective`), its band as `interpretation`
//!   text and `derivedFrom` the QuestionnaireResponse (docs/measures.md).
//!
//! Keel's own codes use the URN system `urn:keel:fhir:code`. No `Patient`
//! is included and no free text (notes, triggers, names) leaves: the
//! receiving program attaches the bundle to its own patient record.
//!
//! Every resource's `id` is stable: the same record has the same id in every
//! export from the vault (whatever the range or the day), so a receiver can
//! tell a record sent again from a new one. The id is a keyed hash of the
//! record ([`Store::export_id`](crate::Store)), formatted as a UUID: it
//! tells nothing of the record, and two vaults give unrelated ids. Each
//! entry's `fullUrl` is `urn:uuid:<id>`, and a reference between resources
//! of the bundle would name that `fullUrl` (none refer to another today).

use serde_json::{Value, json};

use super::{Span, oldest_first_with_ids};
use crate::error::{Error, Result};
use crate::language::Language;
use crate::logs::{CheckIn, Craving};
use crate::measures::{self, Response};
use crate::meetings::attendance::{Attendance, AttendanceStatus};
use crate::store::{Record, RecordId};
use crate::time::LocalInstant;
use crate::{Store, insights};

/// The code system of Keel's own observation codes.
pub const CODE_SYSTEM: &str = "urn:keel:fhir:code";

fn instant(at: LocalInstant) -> String {
    at.to_local()
        .map(|t| t.format("%Y-%m-%dT%H:%M:%S%:z").to_string())
        .unwrap_or_default()
}

fn keel_code(code: &str, display: &str) -> Value {
    json!({
        "coding": [{ "system": CODE_SYSTEM, "code": code, "display": display }],
        "text": display
    })
}

fn survey() -> Value {
    json!([{
        "coding": [{
            "system": "http://terminology.hl7.org/CodeSystem/observation-category",
            "code": "survey",
            "display": "Survey"
        }]
    }])
}

fn craving(id: &str, c: &Craving) -> Value {
    json!({
        "resourceType": "Observation",
        "id": id,
        "status": "final",
        "category": survey(),
        "code": keel_code("craving-intensity", "Craving intensity (0-10)"),
        "effectiveDateTime": instant(c.at),
        "valueInteger": c.intensity
    })
}

fn check_in(id: &str, c: &CheckIn) -> Value {
    let mut components = vec![
        json!({
            "code": keel_code("mood", "Mood (1 very low - 5 very good)"),
            "valueInteger": insights::mood_value(c.mood)
        }),
        json!({
            "code": keel_code("craving-level", "Craving level (0-10)"),
            "valueInteger": c.craving_level
        }),
    ];
    if let Some(minutes) = c.sleep_minutes {
        components.push(json!({
            "code": {
                "coding": [{ "system": "http://loinc.org", "code": "93832-4", "display": "Sleep duration" }],
                "text": "Sleep duration"
            },
            "valueQuantity": {
                "value": (f64::from(minutes) / 60.0 * 100.0).round() / 100.0,
                "unit": "h",
                "system": "http://unitsofmeasure.org",
                "code": "h"
            }
        }));
    }
    json!({
        "resourceType": "Observation",
        "id": id,
        "status": "final",
        "category": survey(),
        "code": keel_code("daily-check-in", "Daily check-in"),
        "effectiveDateTime": instant(c.at),
        "component": components
    })
}

fn encounter(id: &str, a: &Attendance, online: bool) -> Value {
    let present = a.status.present();
    let end = LocalInstant {
        utc_millis: a.occurrence.utc_millis + i64::from(a.minutes.max(1)) * 60_000,
        ..a.occurrence
    };
    let mut e = json!({
        "resourceType": "Encounter",
        "id": id,
        "status": if present { "finished" } else { "cancelled" },
        "class": if online {
            json!({ "system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "VR", "display": "virtual" })
        } else {
            json!({ "system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "AMB", "display": "ambulatory" })
        },
        "type": [{ "text": a.kind.label(Language::En) }],
        "period": { "start": instant(a.occurrence) }
    });
    if present {
        e["period"]["end"] = json!(instant(end));
        e["length"] = json!({
            "value": a.minutes,
            "unit": "min",
            "system": "http://unitsofmeasure.org",
            "code": "min"
        });
    }
    if a.status == AttendanceStatus::Excused {
        e["reasonCode"] = json!([{ "text": "Excused absence" }]);
    }
    e
}

/// The bundle and what went into it.
#[derive(Debug, Clone, PartialEq)]
pub struct FhirExport {
    /// The bundle as JSON text.
    pub json: String,
    pub observations: usize,
    pub encounters: usize,
    /// Standard measure responses (their scores are among `observations`).
    pub questionnaire_responses: usize,
    pub damaged_left_out: usize,
}

/// A standard measure response's answers.
fn questionnaire_response(id: &str, s: &measures::Saved) -> Value {
    let m = s.measure;
    let questionnaire = match m.loinc_panel {
        Some(panel) => format!("http://loinc.org/q/{panel}"),
        None => format!("urn:keel:fhir:questionnaire:{}", m.id.code()),
    };
    let items: Vec<Value> = m
        .items
        .iter()
        .filter_map(|i| {
            let v = s.response.answers.get(i.key)?;
            Some(json!({ "linkId": i.key, "answer": [{ "valueInteger": v }] }))
        })
        .collect();
    json!({
        "resourceType": "QuestionnaireResponse",
        "id": id,
        "questionnaire": questionnaire,
        "status": "completed",
        "authored": instant(s.response.taken_at),
        "item": items
    })
}

/// One score of a standard measure response, derived from its answers.
fn measure_score(
    id: &str,
    response_id: &str,
    s: &measures::Saved,
    score: &measures::ScaleScore,
) -> Value {
    let display = format!("{} {}", s.measure.short_name, score.scale.name.en);
    let code = match score.scale.loinc {
        Some(loinc) => json!({
            "coding": [{ "system": "http://loinc.org", "code": loinc, "display": display }],
            "text": display
        }),
        None => keel_code(
            &format!("{}-{}", s.measure.id.code(), score.scale.key),
            &display,
        ),
    };
    json!({
        "resourceType": "Observation",
        "id": id,
        "status": "final",
        "category": survey(),
        "code": code,
        "effectiveDateTime": instant(s.response.taken_at),
        "valueInteger": score.value,
        "interpretation": [{ "text": score.band.label.en }],
        "derivedFrom": [{ "reference": format!("urn:uuid:{response_id}") }]
    })
}

/// The stable id of record `id` of `T` in every export from this vault.
fn resource_id<T: Record>(store: &Store<'_>, id: &RecordId) -> String {
    store.export_id(T::COLLECTION, id)
}

/// Appends `{"fullUrl": "urn:uuid:<id>", "resource": r}` to the entry list
/// in `out`.
fn push_entry(out: &mut Vec<u8>, first: &mut bool, id: &str, resource: &Value) -> Result<()> {
    if !*first {
        out.push(b',');
    }
    *first = false;
    let entry = json!({ "fullUrl": format!("urn:uuid:{id}"), "resource": resource });
    serde_json::to_writer(&mut *out, &entry).map_err(|_| Error::invalid("fhir", "write_failed"))
}

/// Every craving, check-in and attendance record as a FHIR R4 bundle. The
/// JSON is written one resource at a time, one collection at a time, so a
/// ten-year export never holds more than one collection and the output.
pub fn export(store: &Store<'_>, now: LocalInstant) -> Result<FhirExport> {
    export_span(store, now, Span::ALL)
}

/// [`export`] of the records in `span` only.
pub fn export_span(store: &Store<'_>, now: LocalInstant, span: Span) -> Result<FhirExport> {
    let span = span.validated()?;
    let now = now.validate("now")?;
    let head = json!({
        "resourceType": "Bundle",
        "id": format!("keel-export-{}", hex::encode(crate::crypto::random_array::<8>()?)),
        "type": "collection",
        "timestamp": instant(now),
    });
    let mut out = serde_json::to_vec(&head).map_err(|_| Error::invalid("fhir", "write_failed"))?;
    out.pop(); // the closing brace: entries follow
    out.extend_from_slice(br#","entry":["#);
    let mut first = true;
    let mut damaged = 0;

    let (cravings, d) = oldest_first_with_ids::<Craving>(store, span)?;
    damaged += d;
    for (rid, c) in &cravings {
        let id = resource_id::<Craving>(store, rid);
        push_entry(&mut out, &mut first, &id, &craving(&id, c))?;
    }
    let mut observations = cravings.len();
    drop(cravings);

    let (checkins, d) = oldest_first_with_ids::<CheckIn>(store, span)?;
    damaged += d;
    for (rid, c) in &checkins {
        let id = resource_id::<CheckIn>(store, rid);
        push_entry(&mut out, &mut first, &id, &check_in(&id, c))?;
    }
    observations += checkins.len();
    drop(checkins);

    let online: std::collections::HashMap<_, _> = crate::meetings::list(store)?
        .meetings
        .into_iter()
        .map(|m| {
            (
                m.id,
                m.meeting.place.online() && !m.meeting.place.in_person(),
            )
        })
        .collect();
    let (attendance, d) = oldest_first_with_ids::<Attendance>(store, span)?;
    damaged += d;
    for (rid, a) in &attendance {
        let virtual_visit = online.get(&a.meeting_id).copied().unwrap_or(false);
        let id = resource_id::<Attendance>(store, rid);
        push_entry(&mut out, &mut first, &id, &encounter(&id, a, virtual_visit))?;
    }
    let (responses, d) = oldest_first_with_ids::<Response>(store, span)?;
    damaged += d;
    let mut questionnaire_responses = 0;
    for (rid, r) in responses {
        let Ok(saved) = measures::Saved::new(rid, r) else {
            damaged += 1;
            continue;
        };
        let qr_id = resource_id::<Response>(store, &rid);
        push_entry(
            &mut out,
            &mut first,
            &qr_id,
            &questionnaire_response(&qr_id, &saved),
        )?;
        questionnaire_responses += 1;
        for score in &saved.scored.scores {
            // A stable id per score: the response's record under a label
            // naming the score.
            let label = format!("{}/score/{}", Response::COLLECTION, score.scale.key);
            let id = store.export_id(&label, &rid);
            push_entry(
                &mut out,
                &mut first,
                &id,
                &measure_score(&id, &qr_id, &saved, score),
            )?;
            observations += 1;
        }
    }
    out.extend_from_slice(b"]}");
    Ok(FhirExport {
        questionnaire_responses,
        json: String::from_utf8(out).map_err(|_| Error::invalid("fhir", "write_failed"))?,
        observations,
        encounters: attendance.len(),
        damaged_left_out: damaged,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::backup::{self, RestoreMode};
    use crate::logs::tests::{NOW, checkin, craving, hours_ago, vault};

    /// `(fullUrl, resource id)` of every entry, in order.
    fn entries(bundle: &FhirExport) -> Vec<(String, String)> {
        let v: Value = serde_json::from_str(&bundle.json).unwrap();
        v["entry"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                (
                    e["fullUrl"].as_str().unwrap().to_string(),
                    e["resource"]["id"].as_str().unwrap().to_string(),
                )
            })
            .collect()
    }

    fn is_uuid_v8(id: &str) -> bool {
        let groups: Vec<&str> = id.split('-').collect();
        groups.iter().map(|g| g.len()).eq([8, 4, 4, 4, 12])
            && id
                .chars()
                .all(|c| c == '-' || c.is_ascii_digit() || ('a'..='f').contains(&c))
            && groups[2].starts_with('8')
            && groups[3].starts_with(['8', '9', 'a', 'b'])
    }

    #[test]
    fn a_record_keeps_its_id_in_every_export_and_vaults_differ() {
        let (_d, a) = vault();
        let s = a.store().unwrap();
        let first = crate::logs::add(&s, craving(hours_ago(50), 6, vec![]), NOW).unwrap();
        crate::logs::add(&s, craving(hours_ago(2), 4, vec![]), NOW).unwrap();
        crate::logs::add(&s, checkin(hours_ago(3)), NOW).unwrap();

        let all = export(&s, NOW).unwrap();
        let listed = entries(&all);
        assert_eq!(listed.len(), 3);
        for (url, id) in &listed {
            assert_eq!(url, &format!("urn:uuid:{id}"));
            assert!(is_uuid_v8(id), "{id}");
            // Nothing of the record's own id shows.
            assert!(!id.replace('-', "").contains(&first.id.to_string()[..8]));
        }
        let unique: std::collections::HashSet<_> = listed.iter().map(|e| &e.1).collect();
        assert_eq!(unique.len(), 3);

        // Another day, another range holding the first craving only: the
        // same id, where a numbered id would have changed with the range.
        let next_day = LocalInstant {
            utc_millis: NOW.utc_millis + 86_400_000,
            ..NOW
        };
        let span = Span {
            from_millis: Some(hours_ago(51).utc_millis),
            until_millis: Some(hours_ago(49).utc_millis),
        };
        let again = entries(&export_span(&s, next_day, span).unwrap());
        assert_eq!(again, vec![listed[0].clone()]);
        assert_eq!(
            listed[0].1,
            s.export_id(Craving::COLLECTION, &first.id),
            "oldest first"
        );

        // The same records (same record ids, restored from a backup) in
        // another vault get unrelated ids.
        let (file, _) = backup::create(&s, "maple river candle orbit", NOW).unwrap();
        let (_e, b) = vault();
        let t = b.store().unwrap();
        backup::restore(
            &t,
            &file,
            "maple river candle orbit",
            RestoreMode::IntoEmptyVault,
        )
        .unwrap();
        assert_eq!(
            crate::logs::get::<Craving>(&t, first.id).unwrap().id,
            first.id
        );
        let other = entries(&export(&t, NOW).unwrap());
        assert_eq!(other.len(), 3);
        for (x, y) in listed.iter().zip(&other) {
            assert_ne!(x.1, y.1);
        }
        // Per collection, too: one record id never gives one id to two kinds.
        assert_ne!(
            s.export_id(Craving::COLLECTION, &first.id),
            s.export_id(CheckIn::COLLECTION, &first.id)
        );
    }
}
