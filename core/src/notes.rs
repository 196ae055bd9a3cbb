//! Journal notes: free text the participant writes at a moment of their day.
//! The simplest domain record, and the one the vault's tests and demo use.

use serde::{Deserialize, Serialize};

use crate::error::Result;
use crate::store::{Record, RecordId, Store, Timed};
use crate::time::LocalInstant;
use crate::validate::{LONG_TEXT_MAX, required_text};

/// A note as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    /// When the participant means the note to be dated.
    pub written_at: LocalInstant,
    /// What they wrote; trimmed, 1 to 10,000 characters.
    pub text: String,
}

impl Record for Note {
    const COLLECTION: &'static str = "journal.note";
    const NOUN: &'static str = "note";
}

impl Timed for Note {
    fn at_millis(&self) -> i64 {
        self.written_at.utc_millis
    }
}

/// A stored note with its id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SavedNote {
    /// The note's id.
    pub id: RecordId,
    /// The note.
    pub note: Note,
}

/// Notes newest first, and the ids of any that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteList {
    /// Readable notes, newest first.
    pub notes: Vec<SavedNote>,
    /// Ids of notes that failed their integrity check (kept, not deleted).
    pub damaged: Vec<RecordId>,
}

impl Note {
    /// Validates a draft against `now`.
    pub fn new(written_at: LocalInstant, text: &str, now: LocalInstant) -> Result<Self> {
        Ok(Note {
            written_at: written_at.validate_past("written_at", now)?,
            text: required_text("text", text, LONG_TEXT_MAX)?,
        })
    }
}

/// Saves a new note.
pub fn add(
    store: &Store<'_>,
    written_at: LocalInstant,
    text: &str,
    now: LocalInstant,
) -> Result<SavedNote> {
    let note = Note::new(written_at, text, now)?;
    let id = store.insert(&note)?;
    Ok(SavedNote { id, note })
}

/// Replaces the note `id`; its id stays.
pub fn update(
    store: &Store<'_>,
    id: RecordId,
    written_at: LocalInstant,
    text: &str,
    now: LocalInstant,
) -> Result<SavedNote> {
    let note = Note::new(written_at, text, now)?;
    store.update(&id, &note)?;
    Ok(SavedNote { id, note })
}

/// The note `id`.
pub fn get(store: &Store<'_>, id: RecordId) -> Result<SavedNote> {
    Ok(SavedNote {
        id,
        note: store.get(&id)?,
    })
}

/// Deletes the note `id`.
pub fn delete(store: &Store<'_>, id: RecordId) -> Result<()> {
    store.delete::<Note>(&id)
}

/// Every note, newest first (ties broken by id, so the order is stable).
pub fn list(store: &Store<'_>) -> Result<NoteList> {
    let listing = store.list::<Note>()?;
    let mut notes: Vec<SavedNote> = listing
        .items
        .into_iter()
        .map(|(id, note)| SavedNote { id, note })
        .collect();
    notes.sort_by(|a, b| {
        b.note
            .written_at
            .utc_millis
            .cmp(&a.note.written_at.utc_millis)
            .then(a.id.cmp(&b.id))
    });
    let mut damaged = listing.damaged;
    damaged.sort();
    Ok(NoteList { notes, damaged })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Error, Vault};

    const NOW: LocalInstant = LocalInstant {
        utc_millis: 1_764_000_000_000,
        offset_minutes: 60,
    };

    fn at(minutes_ago: i64) -> LocalInstant {
        LocalInstant {
            utc_millis: NOW.utc_millis - minutes_ago * 60_000,
            ..NOW
        }
    }

    #[test]
    fn notes_round_trip_newest_first() {
        let dir = tempfile::tempdir().unwrap();
        let v = Vault::create(
            dir.path().join("v").to_str().unwrap(),
            "a long enough passphrase",
        )
        .unwrap();
        let s = v.store().unwrap();
        let old = add(&s, at(60), "  first  ", NOW).unwrap();
        let new = add(&s, at(1), "second", NOW).unwrap();
        assert_eq!(old.note.text, "first");
        let listed = list(&s).unwrap();
        assert_eq!(listed.notes, vec![new.clone(), old.clone()]);
        let edited = update(&s, old.id, at(30), "first, edited", NOW).unwrap();
        assert_eq!(edited.id, old.id);
        assert_eq!(get(&s, old.id).unwrap(), edited);
        delete(&s, new.id).unwrap();
        assert!(matches!(
            get(&s, new.id),
            Err(Error::NotFound { what: "note" })
        ));
        assert!(matches!(delete(&s, new.id), Err(Error::NotFound { .. })));
    }

    #[test]
    fn bad_notes_write_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let v = Vault::create(
            dir.path().join("v").to_str().unwrap(),
            "a long enough passphrase",
        )
        .unwrap();
        let s = v.store().unwrap();
        let err = |r: Result<SavedNote>| match r {
            Err(Error::InvalidInput { field, .. }) => field,
            other => panic!("expected invalid input, got {other:?}"),
        };
        assert_eq!(err(add(&s, NOW, "   ", NOW)), "text");
        assert_eq!(err(add(&s, NOW, &"x".repeat(10_001), NOW)), "text");
        assert_eq!(err(add(&s, at(-60), "later", NOW)), "written_at");
        let bad_offset = LocalInstant {
            offset_minutes: 9999,
            ..NOW
        };
        assert_eq!(err(add(&s, bad_offset, "x", NOW)), "written_at");
        assert_eq!(s.count::<Note>().unwrap(), 0);
    }
}
