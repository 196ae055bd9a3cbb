//! Practice sessions: started, then finished or abandoned, with optional
//! craving ratings (0–10) before and after, and an optional link to the
//! craving they were used for. Stored encrypted and [`Timed`] at their start,
//! so they page by date like every other log.
//!
//! The craving link is a record id of the craving log, which another module
//! owns: only its format is checked here, and a link may outlive the craving
//! it names (the craving can be deleted). Readers treat a dangling link as
//! "no craving".
//!
//! A session left in progress (the app was killed mid-exercise) stays in
//! progress until the shell finishes or abandons it; the insight ignores it.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{ExerciseRef, Language, Length, Options};
use crate::error::{Error, Result};
use crate::store::{PageRequest, Record, RecordId, Store, Timed};
use crate::time::LocalInstant;

/// The highest craving rating.
pub const MAX_CRAVING: u8 = 10;
/// How much longer the practised time may be than the wall-clock span of the
/// session: the two come from different clocks on the phone.
pub const PRACTICE_SLACK_MS: u64 = 60_000;

/// Where a session stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SessionStatus {
    /// Started and not yet ended.
    InProgress,
    /// Done to the end (or ended by the participant as done).
    Finished,
    /// Stopped before the end.
    Abandoned,
}

/// A session as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Session {
    /// The exercise's stable id (`breath.box`, `custom.<id>`...).
    pub exercise_id: String,
    /// For a custom pattern, its name when the session started, so history
    /// reads well after the pattern is renamed or deleted.
    pub exercise_name: Option<String>,
    /// How long the chosen run lasts, ms.
    pub planned_ms: u64,
    /// When it started.
    pub started_at: LocalInstant,
    /// Where it stands.
    pub status: SessionStatus,
    /// When it ended.
    pub ended_at: Option<LocalInstant>,
    /// Practice time, pauses excluded, ms (from the shell's playback).
    pub practiced_ms: Option<u64>,
    /// Craving before, 0–10.
    pub craving_before: Option<u8>,
    /// Craving after, 0–10.
    pub craving_after: Option<u8>,
    /// The craving record it was used for (format checked only).
    #[serde(with = "opt_record_id")]
    pub craving_id: Option<RecordId>,
}

impl Record for Session {
    const COLLECTION: &'static str = "exercises.session";
    const NOUN: &'static str = "exercise_session";
}

impl Timed for Session {
    fn at_millis(&self) -> i64 {
        self.started_at.utc_millis
    }
}

impl Session {
    /// The exercise, if its id is one this build knows.
    pub fn exercise(&self) -> Option<ExerciseRef> {
        ExerciseRef::parse("exercise_id", &self.exercise_id).ok()
    }

    /// How much the craving dropped (before − after), if both were rated.
    pub fn craving_drop(&self) -> Option<i32> {
        Some(i32::from(self.craving_before?) - i32::from(self.craving_after?))
    }
}

mod opt_record_id {
    use serde::{Deserialize, Deserializer, Serializer};

    use crate::store::RecordId;

    pub fn serialize<S: Serializer>(id: &Option<RecordId>, s: S) -> Result<S::Ok, S::Error> {
        match id {
            Some(id) => s.serialize_some(&id.to_string()),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<RecordId>, D::Error> {
        Option::<String>::deserialize(d)?
            .map(|text| {
                RecordId::parse("craving_id", &text)
                    .map_err(|_| serde::de::Error::custom("not a record id"))
            })
            .transpose()
    }
}

/// What starts a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SessionStart {
    /// The exercise.
    pub exercise: ExerciseRef,
    /// The chosen length.
    pub length: Length,
    /// When it started.
    pub started_at: LocalInstant,
    /// Craving before, 0–10, if rated.
    pub craving_before: Option<u8>,
    /// The craving it is used for, if any.
    pub craving_id: Option<RecordId>,
}

/// What ends a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SessionEnd {
    /// When it ended.
    pub ended_at: LocalInstant,
    /// Practice time, pauses excluded ([`super::Playback::elapsed`]).
    pub practiced_ms: Option<u64>,
    /// Craving after, 0–10, if rated.
    pub craving_after: Option<u8>,
    /// Links (or re-links) the craving it was used for; `None` keeps the
    /// link made at the start.
    pub craving_id: Option<RecordId>,
}

/// A stored session with its id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SavedSession {
    /// The session's id.
    pub id: RecordId,
    /// The session.
    pub session: Session,
}

/// A page of sessions, newest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionPage {
    /// Sessions on the page, newest first.
    pub sessions: Vec<SavedSession>,
    /// How many sessions the whole range holds.
    pub total: usize,
    /// Sessions that failed their integrity check (kept, not deleted).
    pub damaged: Vec<RecordId>,
}

fn rating(field: &'static str, value: Option<u8>) -> Result<Option<u8>> {
    match value {
        Some(v) if v > MAX_CRAVING => Err(Error::invalid(field, "out_of_range")),
        v => Ok(v),
    }
}

/// Starts a session.
pub fn start(store: &Store<'_>, start: SessionStart, now: LocalInstant) -> Result<SavedSession> {
    let started_at = start.started_at.validate_past("started_at", now)?;
    let craving_before = rating("craving_before", start.craving_before)?;
    let timeline = super::timeline(
        store,
        start.exercise,
        Options {
            lang: Language::En,
            length: start.length,
        },
    )?;
    let exercise_name = match start.exercise {
        ExerciseRef::Custom(id) => Some(super::pattern::get(store, id)?.pattern.name),
        ExerciseRef::BuiltIn(_) => None,
    };
    let session = Session {
        exercise_id: start.exercise.to_string(),
        exercise_name,
        planned_ms: timeline.total_ms,
        started_at,
        status: SessionStatus::InProgress,
        ended_at: None,
        practiced_ms: None,
        craving_before,
        craving_after: None,
        craving_id: start.craving_id,
    };
    let id = store.insert(&session)?;
    Ok(SavedSession { id, session })
}

fn end(
    store: &Store<'_>,
    id: RecordId,
    end: SessionEnd,
    now: LocalInstant,
    status: SessionStatus,
) -> Result<SavedSession> {
    let ended_at = end.ended_at.validate_past("ended_at", now)?;
    let craving_after = rating("craving_after", end.craving_after)?;
    store.atomically(|store| {
        let mut session: Session = store.get(&id)?;
        if session.status != SessionStatus::InProgress {
            return Err(Error::invalid("session", "already_ended"));
        }
        if ended_at.utc_millis < session.started_at.utc_millis {
            return Err(Error::invalid("ended_at", "before_start"));
        }
        let span = (ended_at.utc_millis - session.started_at.utc_millis).unsigned_abs();
        if let Some(practiced) = end.practiced_ms
            && practiced > span.saturating_add(PRACTICE_SLACK_MS)
        {
            return Err(Error::invalid("practiced_ms", "too_long"));
        }
        session.status = status;
        session.ended_at = Some(ended_at);
        session.practiced_ms = end.practiced_ms;
        session.craving_after = craving_after;
        if end.craving_id.is_some() {
            session.craving_id = end.craving_id;
        }
        store.update(&id, &session)?;
        Ok(SavedSession { id, session })
    })
}

/// Finishes the session `id`.
pub fn finish(
    store: &Store<'_>,
    id: RecordId,
    finish: SessionEnd,
    now: LocalInstant,
) -> Result<SavedSession> {
    end(store, id, finish, now, SessionStatus::Finished)
}

/// Abandons the session `id` (stopped before the end).
pub fn abandon(
    store: &Store<'_>,
    id: RecordId,
    stop: SessionEnd,
    now: LocalInstant,
) -> Result<SavedSession> {
    end(store, id, stop, now, SessionStatus::Abandoned)
}

/// The session `id`.
pub fn get(store: &Store<'_>, id: RecordId) -> Result<SavedSession> {
    Ok(SavedSession {
        id,
        session: store.get(&id)?,
    })
}

/// Deletes the session `id`.
pub fn delete(store: &Store<'_>, id: RecordId) -> Result<()> {
    store.delete::<Session>(&id)
}

/// Sessions that started in the page's range, newest first.
pub fn page(store: &Store<'_>, req: PageRequest) -> Result<SessionPage> {
    let page = store.page::<Session>(req)?;
    Ok(SessionPage {
        sessions: page
            .items
            .into_iter()
            .map(|(id, session)| SavedSession { id, session })
            .collect(),
        total: page.total,
        damaged: page.damaged,
    })
}

/// What practising one exercise did for cravings.
#[derive(Debug, Clone, PartialEq)]
pub struct Insight {
    /// The exercise's stable id.
    pub exercise_id: String,
    /// The latest name recorded for a custom pattern.
    pub exercise_name: Option<String>,
    /// Ended sessions (finished or abandoned).
    pub sessions: u32,
    /// Of those, how many were finished.
    pub finished: u32,
    /// Sessions with a craving rating both before and after.
    pub rated_sessions: u32,
    /// Mean of (before − after) over the rated sessions; positive means the
    /// craving eased. `None` without rated sessions.
    pub average_drop: Option<f64>,
}

/// The insight over `sessions` (in any order): one entry per exercise used,
/// most rated sessions first, then most sessions, then by id.
pub fn insights_of<'a>(sessions: impl IntoIterator<Item = &'a Session>) -> Vec<Insight> {
    struct Acc {
        name: Option<(i64, String)>,
        sessions: u32,
        finished: u32,
        rated: u32,
        drop_sum: i64,
    }
    let mut by_id: BTreeMap<&str, Acc> = BTreeMap::new();
    for s in sessions {
        if s.status == SessionStatus::InProgress {
            continue;
        }
        let acc = by_id.entry(&s.exercise_id).or_insert(Acc {
            name: None,
            sessions: 0,
            finished: 0,
            rated: 0,
            drop_sum: 0,
        });
        acc.sessions += 1;
        if s.status == SessionStatus::Finished {
            acc.finished += 1;
        }
        if let Some(d) = s.craving_drop() {
            acc.rated += 1;
            acc.drop_sum += i64::from(d);
        }
        if let Some(name) = &s.exercise_name
            && acc
                .name
                .as_ref()
                .is_none_or(|(at, _)| *at <= s.started_at.utc_millis)
        {
            acc.name = Some((s.started_at.utc_millis, name.clone()));
        }
    }
    let mut out: Vec<Insight> = by_id
        .into_iter()
        .map(|(id, acc)| Insight {
            exercise_id: id.to_string(),
            exercise_name: acc.name.map(|(_, n)| n),
            sessions: acc.sessions,
            finished: acc.finished,
            rated_sessions: acc.rated,
            average_drop: (acc.rated > 0).then(|| acc.drop_sum as f64 / f64::from(acc.rated)),
        })
        .collect();
    out.sort_by(|a, b| {
        b.rated_sessions
            .cmp(&a.rated_sessions)
            .then(b.sessions.cmp(&a.sessions))
            .then(a.exercise_id.cmp(&b.exercise_id))
    });
    out
}

/// The insight over every stored session (damaged ones are left out).
pub fn insights(store: &Store<'_>) -> Result<Vec<Insight>> {
    let listing = store.list::<Session>()?;
    Ok(insights_of(listing.items.iter().map(|(_, s)| s)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Vault;
    use crate::exercises::pattern::{self, PatternDraft};
    use crate::exercises::{BuiltIn, CUSTOM_PREFIX};

    const NOW: LocalInstant = LocalInstant {
        utc_millis: 1_764_000_000_000,
        offset_minutes: -300,
    };

    fn at(minutes_ago: i64) -> LocalInstant {
        LocalInstant {
            utc_millis: NOW.utc_millis - minutes_ago * 60_000,
            ..NOW
        }
    }

    fn begin(exercise: BuiltIn, minutes_ago: i64, before: Option<u8>) -> SessionStart {
        SessionStart {
            exercise: ExerciseRef::BuiltIn(exercise),
            length: Length::Standard,
            started_at: at(minutes_ago),
            craving_before: before,
            craving_id: None,
        }
    }

    fn stop(minutes_ago: i64, after: Option<u8>) -> SessionEnd {
        SessionEnd {
            ended_at: at(minutes_ago),
            practiced_ms: None,
            craving_after: after,
            craving_id: None,
        }
    }

    fn field<T: std::fmt::Debug>(r: Result<T>) -> &'static str {
        match r {
            Err(Error::InvalidInput { field, .. }) => field,
            other => panic!("expected invalid input, got {other:?}"),
        }
    }

    #[test]
    fn sessions_start_end_and_page_by_date() {
        let dir = tempfile::tempdir().unwrap();
        let v = Vault::create(
            dir.path().join("v").to_str().unwrap(),
            "a long enough passphrase",
        )
        .unwrap();
        let s = v.store().unwrap();
        let craving = RecordId([9; 16]);
        let a = start(
            &s,
            SessionStart {
                craving_id: Some(craving),
                ..begin(BuiltIn::UrgeSurfing, 60, Some(8))
            },
            NOW,
        )
        .unwrap();
        assert_eq!(a.session.status, SessionStatus::InProgress);
        assert_eq!(a.session.planned_ms, 300_000);
        assert_eq!(a.session.exercise_id, "mbrp.urge-surfing");
        let done = finish(
            &s,
            a.id,
            SessionEnd {
                practiced_ms: Some(290_000),
                ..stop(54, Some(3))
            },
            NOW,
        )
        .unwrap();
        assert_eq!(done.session.status, SessionStatus::Finished);
        assert_eq!(done.session.craving_drop(), Some(5));
        assert_eq!(done.session.craving_id, Some(craving));
        assert_eq!(get(&s, a.id).unwrap(), done);

        let b = start(&s, begin(BuiltIn::Box, 30, None), NOW).unwrap();
        let gave_up = abandon(&s, b.id, stop(29, None), NOW).unwrap();
        assert_eq!(gave_up.session.status, SessionStatus::Abandoned);
        let c = start(&s, begin(BuiltIn::Sigh, 5, Some(4)), NOW).unwrap();

        let all = page(
            &s,
            PageRequest {
                from_millis: None,
                until_millis: None,
                offset: 0,
                limit: 10,
            },
        )
        .unwrap();
        let ids: Vec<_> = all.sessions.iter().map(|x| x.id).collect();
        assert_eq!(ids, vec![c.id, b.id, a.id]);
        let window = page(
            &s,
            PageRequest {
                from_millis: Some(at(45).utc_millis),
                until_millis: Some(at(10).utc_millis),
                offset: 0,
                limit: 10,
            },
        )
        .unwrap();
        assert_eq!(window.total, 1);
        assert_eq!(window.sessions[0].id, b.id);

        // Ending twice, or out of order, is refused and writes nothing.
        assert_eq!(field(finish(&s, a.id, stop(1, None), NOW)), "session");
        assert_eq!(field(abandon(&s, c.id, stop(6, None), NOW)), "ended_at");
        assert_eq!(field(finish(&s, c.id, stop(-60, None), NOW)), "ended_at");
        assert_eq!(
            field(finish(&s, c.id, stop(1, Some(11)), NOW)),
            "craving_after"
        );
        assert_eq!(
            field(finish(
                &s,
                c.id,
                SessionEnd {
                    practiced_ms: Some(10 * 60_000),
                    ..stop(1, None)
                },
                NOW
            )),
            "practiced_ms"
        );
        assert_eq!(get(&s, c.id).unwrap(), c);
        assert!(matches!(
            finish(&s, RecordId([3; 16]), stop(1, None), NOW),
            Err(Error::NotFound {
                what: "exercise_session"
            })
        ));

        let insight = insights(&s).unwrap();
        assert_eq!(insight.len(), 2, "the session in progress is left out");
        assert_eq!(insight[0].exercise_id, "mbrp.urge-surfing");
        assert_eq!(insight[0].average_drop, Some(5.0));
        assert_eq!(insight[1].exercise_id, "breath.box");
        assert_eq!(
            (
                insight[1].sessions,
                insight[1].finished,
                insight[1].rated_sessions
            ),
            (1, 0, 0)
        );
        assert_eq!(insight[1].average_drop, None);

        delete(&s, c.id).unwrap();
        assert!(matches!(get(&s, c.id), Err(Error::NotFound { .. })));
        assert!(matches!(delete(&s, c.id), Err(Error::NotFound { .. })));
    }

    #[test]
    fn bad_starts_write_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let v = Vault::create(
            dir.path().join("v").to_str().unwrap(),
            "a long enough passphrase",
        )
        .unwrap();
        let s = v.store().unwrap();
        assert_eq!(
            field(start(&s, begin(BuiltIn::Box, 1, Some(11)), NOW)),
            "craving_before"
        );
        assert_eq!(
            field(start(&s, begin(BuiltIn::Box, -60, None), NOW)),
            "started_at"
        );
        assert_eq!(
            field(start(
                &s,
                SessionStart {
                    length: Length::Minutes(9),
                    ..begin(BuiltIn::Sober, 1, None)
                },
                NOW
            )),
            "minutes"
        );
        assert!(matches!(
            start(
                &s,
                SessionStart {
                    exercise: ExerciseRef::Custom(RecordId([1; 16])),
                    ..begin(BuiltIn::Box, 1, None)
                },
                NOW
            ),
            Err(Error::NotFound {
                what: "breathing_pattern"
            })
        ));
        assert_eq!(s.count::<Session>().unwrap(), 0);
    }

    #[test]
    fn custom_sessions_keep_the_pattern_name() {
        let dir = tempfile::tempdir().unwrap();
        let v = Vault::create(
            dir.path().join("v").to_str().unwrap(),
            "a long enough passphrase",
        )
        .unwrap();
        let s = v.store().unwrap();
        let p = pattern::add(
            &s,
            &PatternDraft {
                name: "Evening".into(),
                inhale_ms: 4_000,
                hold_in_ms: 0,
                exhale_ms: 8_000,
                hold_out_ms: 0,
                cycles: 5,
            },
        )
        .unwrap();
        let started = start(
            &s,
            SessionStart {
                exercise: ExerciseRef::Custom(p.id),
                length: Length::Cycles(10),
                ..begin(BuiltIn::Box, 10, Some(6))
            },
            NOW,
        )
        .unwrap();
        assert_eq!(started.session.planned_ms, 120_000);
        assert_eq!(started.session.exercise_name.as_deref(), Some("Evening"));
        assert_eq!(
            started.session.exercise_id,
            format!("{CUSTOM_PREFIX}{}", p.id)
        );
        finish(&s, started.id, stop(8, Some(2)), NOW).unwrap();
        pattern::delete(&s, p.id).unwrap();
        let insight = insights(&s).unwrap();
        assert_eq!(insight[0].exercise_name.as_deref(), Some("Evening"));
        assert_eq!(insight[0].average_drop, Some(4.0));
        assert_eq!(
            get(&s, started.id).unwrap().session.exercise(),
            Some(ExerciseRef::Custom(p.id))
        );
    }

    #[test]
    fn insight_averages_and_orders() {
        let mk = |id: &str, status, before, after| Session {
            exercise_id: id.into(),
            exercise_name: None,
            planned_ms: 1,
            started_at: NOW,
            status,
            ended_at: Some(NOW),
            practiced_ms: None,
            craving_before: before,
            craving_after: after,
            craving_id: None,
        };
        use SessionStatus::*;
        let sessions = [
            mk("a", Finished, Some(8), Some(4)),
            mk("a", Abandoned, Some(6), Some(5)),
            mk("a", Finished, Some(2), Some(3)),
            mk("a", Finished, None, Some(3)),
            mk("b", Finished, Some(9), Some(0)),
            mk("c", InProgress, Some(9), Some(0)),
            mk("d", Finished, None, None),
            mk("d", Finished, None, None),
        ];
        let out = insights_of(&sessions);
        let ids: Vec<_> = out.iter().map(|i| i.exercise_id.as_str()).collect();
        assert_eq!(ids, vec!["a", "b", "d"]);
        assert_eq!(
            (out[0].sessions, out[0].finished, out[0].rated_sessions),
            (4, 3, 3)
        );
        assert_eq!(out[0].average_drop, Some(4.0 / 3.0));
        assert_eq!(out[1].average_drop, Some(9.0));
        assert_eq!(out[2].average_drop, None);
    }

    #[test]
    fn craving_links_survive_storage_as_canonical_ids() {
        let s = Session {
            exercise_id: "breath.box".into(),
            exercise_name: None,
            planned_ms: 64_000,
            started_at: NOW,
            status: SessionStatus::InProgress,
            ended_at: None,
            practiced_ms: None,
            craving_before: None,
            craving_after: None,
            craving_id: Some(RecordId::parse("craving_id", &"AB".repeat(16)).unwrap()),
        };
        let json = serde_json::to_string(&s).unwrap();
        assert!(json.contains(&"ab".repeat(16)));
        assert_eq!(serde_json::from_str::<Session>(&json).unwrap(), s);
        let broken = json.replace(&"ab".repeat(16), "nope");
        assert!(serde_json::from_str::<Session>(&broken).is_err());
    }
}
