//! Journal notes across the FFI.

use keel_core::RecordId;
use keel_core::notes::{self, SavedNote};

use crate::error::Result;
use crate::types::Moment;
use crate::vault::Vault;

/// A note to save.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct NoteDraft {
    pub written_at: Moment,
    pub text: String,
}

/// A saved note.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct JournalNote {
    pub id: String,
    pub written_at: Moment,
    pub text: String,
}

/// Notes newest first; `damaged_ids` lists notes that failed their
/// integrity check (kept, never deleted) so the app can say so.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct NoteList {
    pub notes: Vec<JournalNote>,
    pub damaged_ids: Vec<String>,
}

impl From<SavedNote> for JournalNote {
    fn from(s: SavedNote) -> Self {
        JournalNote {
            id: s.id.to_string(),
            written_at: s.note.written_at.into(),
            text: s.note.text,
        }
    }
}

#[uniffi::export]
impl Vault {
    /// Saves a new note.
    pub fn add_note(&self, draft: NoteDraft) -> Result<JournalNote> {
        let vault = self.core();
        let store = vault.store()?;
        Ok(notes::add(&store, draft.written_at.into(), &draft.text, Moment::now())?.into())
    }

    /// Replaces the note `id`, keeping its id.
    pub fn update_note(&self, id: String, draft: NoteDraft) -> Result<JournalNote> {
        let id = RecordId::parse("id", &id)?;
        let vault = self.core();
        let store = vault.store()?;
        Ok(notes::update(
            &store,
            id,
            draft.written_at.into(),
            &draft.text,
            Moment::now(),
        )?
        .into())
    }

    /// The note `id`.
    pub fn get_note(&self, id: String) -> Result<JournalNote> {
        let id = RecordId::parse("id", &id)?;
        let vault = self.core();
        Ok(notes::get(&vault.store()?, id)?.into())
    }

    /// Every note, newest first.
    pub fn list_notes(&self) -> Result<NoteList> {
        let vault = self.core();
        let list = notes::list(&vault.store()?)?;
        Ok(NoteList {
            notes: list.notes.into_iter().map(JournalNote::from).collect(),
            damaged_ids: list.damaged.iter().map(ToString::to_string).collect(),
        })
    }

    /// Deletes the note `id`.
    pub fn delete_note(&self, id: String) -> Result<()> {
        let id = RecordId::parse("id", &id)?;
        let vault = self.core();
        Ok(notes::delete(&vault.store()?, id)?)
    }
}
