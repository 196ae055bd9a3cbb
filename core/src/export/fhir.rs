//! A FHIR R4 (4.0.1) `Bundle` of type `collection`:
//!
//! - an `Observation` per craving: intensity 0–10 (`valueInteger`), at the
//!   time it was logged, category `survey`;
//! - an `Observation` per check-in: mood 1–5, craving level 0–10 and hours
//!   slept (LOINC 93832-4, UCUM `h`) as components;
//! - an `Encounter` per attendance record: `finished` when the participant
//!   was there (late and left early included, with the minutes attended as
//!   `length`), `cancelled` when missed or excused; class `AMB`, or `VR` for a
//!   meeting joined online; the kind as `type` text.
//!
//! Keel's own codes use the URN system `urn:keel:fhir:code`. No `Patient`
//! is included and no free text (notes, triggers, names) leaves: the
//! receiving program attaches the bundle to its own patient record.

use serde_json::{Value, json};

use super::{Span, oldest_first};
use crate::error::{Error, Result};
use crate::language::Language;
use crate::logs::{CheckIn, Craving};
use crate::meetings::attendance::{Attendance, AttendanceStatus};
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

fn craving(n: usize, c: &Craving) -> Value {
    json!({
        "resourceType": "Observation",
        "id": format!("craving-{n}"),
        "status": "final",
        "category": survey(),
        "code": keel_code("craving-intensity", "Craving intensity (0-10)"),
        "effectiveDateTime": instant(c.at),
        "valueInteger": c.intensity
    })
}

fn check_in(n: usize, c: &CheckIn) -> Value {
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
        "id": format!("check-in-{n}"),
        "status": "final",
        "category": survey(),
        "code": keel_code("daily-check-in", "Daily check-in"),
        "effectiveDateTime": instant(c.at),
        "component": components
    })
}

fn encounter(n: usize, a: &Attendance, online: bool) -> Value {
    let present = a.status.present();
    let end = LocalInstant {
        utc_millis: a.occurrence.utc_millis + i64::from(a.minutes.max(1)) * 60_000,
        ..a.occurrence
    };
    let mut e = json!({
        "resourceType": "Encounter",
        "id": format!("attendance-{n}"),
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
    pub damaged_left_out: usize,
}

/// Appends `{"resource": r}` to the entry list in `out`.
fn push_entry(out: &mut Vec<u8>, first: &mut bool, resource: &Value) -> Result<()> {
    if !*first {
        out.push(b',');
    }
    *first = false;
    serde_json::to_writer(&mut *out, &json!({ "resource": resource }))
        .map_err(|_| Error::invalid("fhir", "write_failed"))
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

    let (cravings, d) = oldest_first::<Craving>(store, span)?;
    damaged += d;
    for (n, c) in cravings.iter().enumerate() {
        push_entry(&mut out, &mut first, &craving(n + 1, c))?;
    }
    let mut observations = cravings.len();
    drop(cravings);

    let (checkins, d) = oldest_first::<CheckIn>(store, span)?;
    damaged += d;
    for (n, c) in checkins.iter().enumerate() {
        push_entry(&mut out, &mut first, &check_in(n + 1, c))?;
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
    let (attendance, d) = oldest_first::<Attendance>(store, span)?;
    damaged += d;
    for (n, a) in attendance.iter().enumerate() {
        let virtual_visit = online.get(&a.meeting_id).copied().unwrap_or(false);
        push_entry(&mut out, &mut first, &encounter(n + 1, a, virtual_visit))?;
    }
    out.extend_from_slice(b"]}");
    Ok(FhirExport {
        json: String::from_utf8(out).map_err(|_| Error::invalid("fhir", "write_failed"))?,
        observations,
        encounters: attendance.len(),
        damaged_left_out: damaged,
    })
}
