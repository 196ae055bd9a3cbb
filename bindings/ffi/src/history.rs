//! The merged history across the FFI: every kind of entry in one list,
//! newest first, paged by the core with a token that stays correct when
//! entries arrive between pages.

use keel_core::history as core_history;

use crate::error::Result;
use crate::mirror::{all, mirror_enum};
use crate::types::{Language, Moment};
use crate::vault::Vault;

/// The kinds of history item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum HistoryKind {
    Craving,
    /// A trigger met without a craving.
    Encounter,
    CheckIn,
    Lapse,
    /// A journal note.
    Note,
    /// An exercise practice session.
    Practice,
    /// Meeting attendance.
    Attendance,
}

mirror_enum!(core_history::HistoryKind => HistoryKind {
    Craving, Encounter, CheckIn, Lapse, Note, Practice, Attendance
});

/// Which part of the history to read.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct HistoryQuery {
    /// Earliest instant included (UTC ms), null for no bound; a
    /// [`crate::DateRange`]'s `start_utc_millis`.
    pub from_utc_millis: Option<i64>,
    /// Latest instant excluded (UTC ms), null for no bound.
    pub until_utc_millis: Option<i64>,
    /// The kinds to show; empty for every kind.
    pub kinds: Vec<HistoryKind>,
    /// The previous page's `next_page_token`; null for the first page.
    pub page_token: Option<String>,
    /// Items per page, 1 to 200.
    pub limit: u32,
}

/// One line of the history.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct HistoryItem {
    pub kind: HistoryKind,
    /// Opens the entry with its kind's `get_...` call.
    pub id: String,
    /// When it happened, with the offset recorded with it.
    pub at: Moment,
    /// One line, in the requested language.
    pub summary: String,
    /// A craving's intensity or a check-in's craving level (0-10).
    pub level: Option<u8>,
    /// True for a lapse, a craving that ended in use, a check-in reporting use.
    pub any_use: bool,
}

impl From<core_history::HistoryItem> for HistoryItem {
    fn from(i: core_history::HistoryItem) -> Self {
        HistoryItem {
            kind: i.kind.into(),
            id: i.id.to_string(),
            at: i.at.into(),
            summary: i.summary,
            level: i.level,
            any_use: i.any_use,
        }
    }
}

/// One page of the history, newest first.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct HistoryPage {
    pub items: Vec<HistoryItem>,
    /// Pass back for the next page; null on the last page.
    pub next_page_token: Option<String>,
    /// Entries of the shown kinds that failed their integrity check (kept).
    pub damaged_ids: Vec<String>,
}

#[uniffi::export]
impl Vault {
    /// One page of everything recorded (cravings, encounters, check-ins,
    /// lapses, notes, practice sessions, attendance), newest first, each a
    /// one-line summary in `language`.
    pub fn history(&self, query: HistoryQuery, language: Language) -> Result<HistoryPage> {
        let req = core_history::HistoryRequest {
            from_millis: query.from_utc_millis,
            until_millis: query.until_utc_millis,
            kinds: all(query.kinds),
            page_token: query.page_token,
            limit: usize::try_from(query.limit).unwrap_or(usize::MAX),
        };
        let vault = self.core();
        let page = core_history::page(&vault.store()?, &req, language.into())?;
        Ok(HistoryPage {
            items: all(page.items),
            next_page_token: page.next_page_token,
            damaged_ids: page.damaged.iter().map(ToString::to_string).collect(),
        })
    }
}
