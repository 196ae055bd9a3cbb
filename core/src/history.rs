//! One history of everything the participant recorded: cravings, trigger
//! encounters, check-ins, lapses, journal notes, practice sessions and
//! meeting attendance, merged newest first and paged by the core.
//!
//! **Order.** Newest first by instant; entries at the same instant by kind
//! (in [`HistoryKind::ALL`] order), then by id (highest first), so the order
//! is total and the same on every call.
//!
//! **Paging.** A page ends with a token naming its last item's place in that
//! order; the next page starts strictly after it. Unlike an offset, the
//! token stays correct when entries are added or removed meanwhile: a new
//! entry newer than the page already read does not shift the next page, and
//! nothing is shown twice or skipped. Tokens carry an instant and an id (no
//! content); they are opaque to shells and checked when handed back.
//!
//! Each kind is read through [`Store::page`] (its in-memory timeline), so a
//! page decrypts at most about `limit + 1` records per kind, whatever the
//! length of the history.

use crate::error::{Error, Result};
use crate::exercises::{self, ExerciseRef, Session, SessionStatus};
use crate::language::{Language, t};
use crate::logs::{CheckIn, Craving, Encounter, Lapse};
use crate::meetings::attendance::{Attendance, AttendanceStatus};
use crate::notes::Note;
use crate::store::{PageRequest, RecordId, Store, Timed};
use crate::time::LocalInstant;

/// Most items a page may hold.
pub const MAX_LIMIT: usize = 200;
/// Longest one-line summary, in characters.
pub const SUMMARY_MAX: usize = 120;
/// Trigger names a summary names.
const NAMED_TRIGGERS: usize = 3;

/// The kinds of history item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum HistoryKind {
    Craving,
    Encounter,
    CheckIn,
    Lapse,
    Note,
    Practice,
    Attendance,
}

impl HistoryKind {
    /// Every kind, in the order ties are broken.
    pub const ALL: [HistoryKind; 7] = [
        Self::Craving,
        Self::Encounter,
        Self::CheckIn,
        Self::Lapse,
        Self::Note,
        Self::Practice,
        Self::Attendance,
    ];

    fn rank(self) -> u8 {
        match self {
            Self::Craving => 0,
            Self::Encounter => 1,
            Self::CheckIn => 2,
            Self::Lapse => 3,
            Self::Note => 4,
            Self::Practice => 5,
            Self::Attendance => 6,
        }
    }

    fn from_rank(rank: u8) -> Option<Self> {
        Self::ALL.get(usize::from(rank)).copied()
    }
}

/// One line of the history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryItem {
    pub kind: HistoryKind,
    /// The record's id (for opening it with its kind's `get`).
    pub id: RecordId,
    /// When it happened, with the offset recorded with it.
    pub at: LocalInstant,
    /// One line for the list, in the requested language.
    pub summary: String,
    /// A craving's intensity or a check-in's craving level (0-10).
    pub level: Option<u8>,
    /// True for a lapse, a craving that ended in use, a check-in reporting use.
    pub any_use: bool,
}

impl HistoryItem {
    fn key(&self) -> Cursor {
        Cursor {
            at: self.at.utc_millis,
            rank: self.kind.rank(),
            id: self.id,
        }
    }
}

/// A place in the order: items come newest first, so "after" a cursor means
/// older (or, at the same instant, a later kind or a lower id).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Cursor {
    at: i64,
    rank: u8,
    id: RecordId,
}

impl Cursor {
    /// The sort key: ascending means the history's order.
    fn order(&self) -> (std::cmp::Reverse<i64>, u8, std::cmp::Reverse<RecordId>) {
        (
            std::cmp::Reverse(self.at),
            self.rank,
            std::cmp::Reverse(self.id),
        )
    }

    fn token(&self) -> String {
        format!("h1.{}.{}.{}", self.at, self.rank, self.id)
    }

    fn parse(token: &str) -> Result<Cursor> {
        let bad = || Error::invalid("page_token", "not_a_page_token");
        if token.len() > 80 {
            return Err(bad());
        }
        let mut parts = token.split('.');
        if parts.next() != Some("h1") {
            return Err(bad());
        }
        let at = parts.next().and_then(|p| p.parse().ok()).ok_or_else(bad)?;
        let rank: u8 = parts.next().and_then(|p| p.parse().ok()).ok_or_else(bad)?;
        HistoryKind::from_rank(rank).ok_or_else(bad)?;
        let id = RecordId::parse("page_token", parts.next().ok_or_else(bad)?)?;
        if parts.next().is_some() {
            return Err(bad());
        }
        Ok(Cursor { at, rank, id })
    }
}

/// Which part of the history to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryRequest {
    /// Earliest instant included (UTC ms), if bounded.
    pub from_millis: Option<i64>,
    /// Latest instant excluded (UTC ms), if bounded.
    pub until_millis: Option<i64>,
    /// The kinds to include; empty means every kind.
    pub kinds: Vec<HistoryKind>,
    /// The token of the previous page, `None` for the first page.
    pub page_token: Option<String>,
    /// Most items on the page (1 to [`MAX_LIMIT`]).
    pub limit: usize,
}

/// One page of the history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryPage {
    /// Newest first.
    pub items: Vec<HistoryItem>,
    /// The token for the next page; `None` on the last page.
    pub next_page_token: Option<String>,
    /// Records of the included kinds that failed their integrity check
    /// (kept, never deleted).
    pub damaged: Vec<RecordId>,
}

/// A record that has a line in the history.
trait Listed: Timed {
    const KIND: HistoryKind;
    fn item(&self, id: RecordId, store: &Store<'_>, lang: Language) -> HistoryItem;
}

fn item(kind: HistoryKind, id: RecordId, at: LocalInstant, summary: String) -> HistoryItem {
    HistoryItem {
        kind,
        id,
        at,
        summary: one_line(&summary),
        level: None,
        any_use: false,
    }
}

/// The first line of `text`, cut to [`SUMMARY_MAX`] characters.
fn one_line(text: &str) -> String {
    let line = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("");
    if line.chars().nth(SUMMARY_MAX).is_none() {
        return line.to_string();
    }
    let mut cut: String = line.chars().take(SUMMARY_MAX - 1).collect();
    cut = cut.trim_end().to_string();
    cut.push('…');
    cut
}

/// `head`, then the non-empty `parts`, joined with " · ".
fn joined(head: String, parts: impl IntoIterator<Item = String>) -> String {
    std::iter::once(head)
        .chain(parts.into_iter().filter(|p| !p.trim().is_empty()))
        .collect::<Vec<_>>()
        .join(" · ")
}

fn names(tags: &[crate::logs::TriggerTag]) -> String {
    tags.iter()
        .take(NAMED_TRIGGERS)
        .map(|t| t.name.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

impl Listed for Craving {
    const KIND: HistoryKind = HistoryKind::Craving;
    fn item(&self, id: RecordId, _: &Store<'_>, lang: Language) -> HistoryItem {
        let head = lang.text(&t("Craving", "Ganas de consumir"));
        let mut out = item(
            Self::KIND,
            id,
            self.at,
            joined(
                format!("{head} {}/10", self.intensity),
                [names(&self.triggers)],
            ),
        );
        out.level = Some(self.intensity);
        out.any_use = self.outcome == crate::logs::CravingOutcome::Used;
        out
    }
}

impl Listed for Encounter {
    const KIND: HistoryKind = HistoryKind::Encounter;
    fn item(&self, id: RecordId, _: &Store<'_>, lang: Language) -> HistoryItem {
        let head = lang.text(&t("Trigger", "Detonante"));
        item(
            Self::KIND,
            id,
            self.at,
            joined(
                format!("{head}: {}", names(&self.triggers)),
                [self.how_handled.clone()],
            ),
        )
    }
}

impl Listed for CheckIn {
    const KIND: HistoryKind = HistoryKind::CheckIn;
    fn item(&self, id: RecordId, _: &Store<'_>, lang: Language) -> HistoryItem {
        let head = lang.text(&t("Check-in", "Registro diario"));
        let craving = lang.text(&t("craving", "ganas"));
        let mut out = item(
            Self::KIND,
            id,
            self.at,
            joined(
                format!("{head} · {craving} {}/10", self.craving_level),
                [self.intention.clone()],
            ),
        );
        out.level = Some(self.craving_level);
        out.any_use = self.any_use;
        out
    }
}

impl Listed for Lapse {
    const KIND: HistoryKind = HistoryKind::Lapse;
    fn item(&self, id: RecordId, _: &Store<'_>, lang: Language) -> HistoryItem {
        let head = lang.text(&t("Lapse", "Desliz"));
        let mut out = item(
            Self::KIND,
            id,
            self.at,
            joined(head.to_string(), [self.substance.clone()]),
        );
        out.any_use = true;
        out
    }
}

impl Listed for Note {
    const KIND: HistoryKind = HistoryKind::Note;
    fn item(&self, id: RecordId, _: &Store<'_>, _: Language) -> HistoryItem {
        item(Self::KIND, id, self.written_at, self.text.clone())
    }
}

impl Listed for Session {
    const KIND: HistoryKind = HistoryKind::Practice;
    fn item(&self, id: RecordId, store: &Store<'_>, lang: Language) -> HistoryItem {
        let title = match ExerciseRef::parse("exercise_id", &self.exercise_id) {
            Ok(ExerciseRef::BuiltIn(b)) => b.title(lang).to_string(),
            Ok(ExerciseRef::Custom(rid)) => exercises::pattern::get(store, rid)
                .map(|p| p.pattern.name)
                .ok()
                .or_else(|| self.exercise_name.clone())
                .unwrap_or_default(),
            Err(_) => self.exercise_name.clone().unwrap_or_default(),
        };
        let title = if title.is_empty() {
            lang.text(&t("Practice", "Práctica")).to_string()
        } else {
            title
        };
        let minutes = self
            .practiced_ms
            .map(|ms| format!("{} min", (ms.saturating_add(30_000) / 60_000).max(1)))
            .unwrap_or_default();
        let status = match self.status {
            SessionStatus::InProgress => lang.text(&t("in progress", "en curso")),
            SessionStatus::Finished => "",
            SessionStatus::Abandoned => lang.text(&t("stopped early", "terminada antes")),
        };
        item(
            Self::KIND,
            id,
            self.started_at,
            joined(title, [minutes, status.to_string()]),
        )
    }
}

impl Listed for Attendance {
    const KIND: HistoryKind = HistoryKind::Attendance;
    fn item(&self, id: RecordId, _: &Store<'_>, lang: Language) -> HistoryItem {
        let status = lang.text(&match self.status {
            AttendanceStatus::Attended => t("Attended", "Asistí"),
            AttendanceStatus::Late => t("Arrived late", "Llegué tarde"),
            AttendanceStatus::LeftEarly => t("Left early", "Me fui antes"),
            AttendanceStatus::Missed => t("Missed", "No asistí"),
            AttendanceStatus::Excused => t("Excused", "Justificada"),
        });
        item(
            Self::KIND,
            id,
            self.occurrence,
            joined(self.meeting_name.clone(), [status.to_string()]),
        )
    }
}

/// Up to `want` items of kind `E` after `cursor` in `[from, until)`.
fn read<E: Listed>(
    store: &Store<'_>,
    req: &HistoryRequest,
    cursor: Option<Cursor>,
    want: usize,
    lang: Language,
    damaged: &mut Vec<RecordId>,
) -> Result<Vec<HistoryItem>> {
    // Records at the cursor's instant may come before or after it, so the
    // read starts at that instant and filters.
    let until = match (req.until_millis, cursor) {
        (u, None) => u,
        (None, Some(c)) => Some(c.at.saturating_add(1)),
        (Some(u), Some(c)) => Some(u.min(c.at.saturating_add(1))),
    };
    if let (Some(from), Some(until)) = (req.from_millis, until)
        && from >= until
    {
        return Ok(Vec::new());
    }
    let mut out = Vec::new();
    let mut offset = 0;
    loop {
        let page = store.page::<E>(PageRequest {
            from_millis: req.from_millis,
            until_millis: until,
            offset,
            limit: want,
        })?;
        if offset == 0 {
            damaged.extend(page.damaged.iter().copied());
        }
        let read = page.items.len();
        for (id, e) in page.items {
            let item = e.item(id, store, lang);
            if cursor.is_none_or(|c| item.key().order() > c.order()) {
                out.push(item);
            }
        }
        offset += read;
        if out.len() >= want || read < want || offset >= page.total {
            break;
        }
    }
    out.truncate(want);
    Ok(out)
}

/// One page of the merged history.
pub fn page(store: &Store<'_>, req: &HistoryRequest, lang: Language) -> Result<HistoryPage> {
    if req.limit == 0 || req.limit > MAX_LIMIT {
        return Err(Error::invalid("limit", "out_of_range"));
    }
    if let (Some(from), Some(until)) = (req.from_millis, req.until_millis)
        && from > until
    {
        return Err(Error::invalid("range", "starts_after_end"));
    }
    if req.kinds.len() > 4 * HistoryKind::ALL.len() {
        return Err(Error::invalid("kinds", "too_many"));
    }
    let cursor = req.page_token.as_deref().map(Cursor::parse).transpose()?;
    let wanted = |k: HistoryKind| req.kinds.is_empty() || req.kinds.contains(&k);
    // One more than the page, to know whether another page follows.
    let want = req.limit + 1;
    let mut damaged = Vec::new();
    let mut items = Vec::new();
    for kind in HistoryKind::ALL.into_iter().filter(|k| wanted(*k)) {
        let d = &mut damaged;
        items.extend(match kind {
            HistoryKind::Craving => read::<Craving>(store, req, cursor, want, lang, d)?,
            HistoryKind::Encounter => read::<Encounter>(store, req, cursor, want, lang, d)?,
            HistoryKind::CheckIn => read::<CheckIn>(store, req, cursor, want, lang, d)?,
            HistoryKind::Lapse => read::<Lapse>(store, req, cursor, want, lang, d)?,
            HistoryKind::Note => read::<Note>(store, req, cursor, want, lang, d)?,
            HistoryKind::Practice => read::<Session>(store, req, cursor, want, lang, d)?,
            HistoryKind::Attendance => read::<Attendance>(store, req, cursor, want, lang, d)?,
        });
    }
    items.sort_by_key(|i| i.key().order());
    let more = items.len() > req.limit;
    items.truncate(req.limit);
    let next_page_token = if more {
        items.last().map(|i| i.key().token())
    } else {
        None
    };
    damaged.sort();
    damaged.dedup();
    Ok(HistoryPage {
        items,
        next_page_token,
        damaged,
    })
}

#[cfg(test)]
mod tests;
