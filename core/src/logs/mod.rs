//! The participant's logs: cravings ([`craving`]), trigger encounters without
//! a craving ([`encounter`]), daily check-ins ([`checkin`]) and lapses
//! ([`lapse`]).
//!
//! Every kind is a timed record in its own collection (`log.craving`,
//! `log.encounter`, `log.checkin`, `log.lapse`) and shares one set of
//! operations: [`add`], [`update`], [`get`], [`delete`] and [`page`] (a date
//! range, newest first, in pages). Each write runs in one transaction
//! together with the update of the sealed summaries the Today screen reads
//! (see [`crate::summary`]); [`write`] batches many writes in one transaction.
//!
//! History is never erased behind the participant's back: a lapse is a record
//! like any other, and deleting an entry is always their explicit act.
//!
//! Limits: at most [`MAX_TAGS`] triggers and coping tags per entry; names and
//! one-line answers up to [`SHORT_TEXT_MAX`] characters; notes up to
//! [`LONG_TEXT_MAX`]. Intensities and craving levels are 0 to 10; durations
//! up to 24 hours; sleep up to 24 hours. Entry times may not lie in the
//! future beyond [`crate::time::FUTURE_TOLERANCE_MS`].

pub mod after_lapse;
pub mod checkin;
pub mod craving;
pub mod encounter;
pub mod form;
pub mod lapse;

use std::fmt::Debug;

use serde::{Deserialize, Serialize};

pub use checkin::CheckIn;
pub use craving::{Craving, CravingOutcome};
pub use encounter::Encounter;
pub use lapse::{Lapse, LapseLogged};

use crate::error::{Error, Result};
use crate::plan::{Plan, TriggerCategory, revisions};
use crate::sobriety::Clock;
use crate::store::{PageRequest, RecordId, Store, Timed};
use crate::summary::Summaries;
use crate::summary::recent::Brief;
use crate::time::LocalInstant;
use crate::validate::{LONG_TEXT_MAX, SHORT_TEXT_MAX, optional_text, required_text};

/// Most triggers (or coping tags) on one entry.
pub const MAX_TAGS: usize = 20;
/// Highest intensity or craving level (the scale is 0 to 10).
pub const MAX_LEVEL: u8 = 10;

/// The kinds of log entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EntryKind {
    Craving,
    Encounter,
    CheckIn,
    Lapse,
}

impl EntryKind {
    /// Every kind, in a fixed order.
    pub const ALL: [EntryKind; 4] = [Self::Craving, Self::Encounter, Self::CheckIn, Self::Lapse];

    /// The kind's position in [`EntryKind::ALL`].
    pub fn index(self) -> usize {
        match self {
            Self::Craving => 0,
            Self::Encounter => 1,
            Self::CheckIn => 2,
            Self::Lapse => 3,
        }
    }
}

/// A five-point mood scale, as faces on the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Mood {
    VeryLow,
    Low,
    Okay,
    Good,
    VeryGood,
}

/// HALT: hungry, angry, lonely, tired.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Halt {
    pub hungry: bool,
    pub angry: bool,
    pub lonely: bool,
    pub tired: bool,
}

/// Where the participant was, with whom, HALT and mood.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Context {
    pub place: String,
    pub with_whom: String,
    pub halt: Halt,
    pub mood: Option<Mood>,
}

impl Context {
    fn validated(self) -> Result<Context> {
        Ok(Context {
            place: optional_text("context.place", &self.place, SHORT_TEXT_MAX)?,
            with_whom: optional_text("context.with_whom", &self.with_whom, SHORT_TEXT_MAX)?,
            halt: self.halt,
            mood: self.mood,
        })
    }
}

/// A trigger on an entry: one from the plan (`plan_trigger_id`; the core
/// fills in its name and category from the plan) or a new one named here.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TriggerTag {
    pub plan_trigger_id: Option<String>,
    pub name: String,
    pub category: TriggerCategory,
}

impl TriggerTag {
    /// The key the rhythm summary counts it under: the plan id, or the
    /// name folded to lower case.
    pub fn key(&self) -> String {
        match &self.plan_trigger_id {
            Some(id) => format!("p:{id}"),
            None => name_key(&self.name),
        }
    }
}

/// The rhythm key of a trigger known only by name.
pub fn name_key(name: &str) -> String {
    format!("n:{}", name.trim().to_lowercase())
}

/// Coping used: a coping plan from the plan (`plan_coping_id`; the core fills
/// in its "then" text) or something the participant did, in free text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CopingTag {
    pub plan_coping_id: Option<String>,
    pub text: String,
}

/// What a draft is checked against.
pub struct Check<'a> {
    /// The current time, for "not in the future".
    pub now: LocalInstant,
    /// The current plan, if any.
    pub plan: Option<&'a Plan>,
    /// The clocks that exist.
    pub clock_ids: &'a [RecordId],
    /// The entry being edited, if any: plan items and clocks it already
    /// names stay valid even if they were removed since.
    pub previous: Option<Previous<'a>>,
}

/// What an edited entry named before the edit.
#[derive(Clone, Copy)]
pub struct Previous<'a> {
    pub triggers: &'a [TriggerTag],
    pub coping: &'a [CopingTag],
    pub clock_ids: &'a [RecordId],
}

impl Check<'_> {
    /// Resolves and checks trigger tags; `field` names the list.
    pub fn triggers(&self, field: &'static str, tags: Vec<TriggerTag>) -> Result<Vec<TriggerTag>> {
        if tags.len() > MAX_TAGS {
            return Err(Error::invalid(field, "too_many"));
        }
        let mut out: Vec<TriggerTag> = Vec::with_capacity(tags.len());
        for tag in tags {
            let resolved = match tag.plan_trigger_id {
                Some(id) => {
                    let id = id.trim().to_ascii_lowercase();
                    if let Some(t) = self.plan.and_then(|p| p.trigger(&id)) {
                        TriggerTag {
                            plan_trigger_id: Some(id),
                            name: t.name.clone(),
                            category: t.category,
                        }
                    } else if let Some(old) = self.previous.and_then(|p| {
                        p.triggers
                            .iter()
                            .find(|t| t.plan_trigger_id.as_deref() == Some(id.as_str()))
                    }) {
                        old.clone()
                    } else {
                        return Err(Error::invalid(field, "unknown_trigger"));
                    }
                }
                None => TriggerTag {
                    plan_trigger_id: None,
                    name: required_text("triggers.name", &tag.name, SHORT_TEXT_MAX)?,
                    category: tag.category,
                },
            };
            if !out.iter().any(|t| t.key() == resolved.key()) {
                out.push(resolved);
            }
        }
        Ok(out)
    }

    /// Resolves and checks coping tags.
    pub fn coping(&self, tags: Vec<CopingTag>) -> Result<Vec<CopingTag>> {
        if tags.len() > MAX_TAGS {
            return Err(Error::invalid("coping", "too_many"));
        }
        let mut out: Vec<CopingTag> = Vec::with_capacity(tags.len());
        for tag in tags {
            let resolved = match tag.plan_coping_id {
                Some(id) => {
                    let id = id.trim().to_ascii_lowercase();
                    if let Some(c) = self.plan.and_then(|p| p.coping_plan(&id)) {
                        CopingTag {
                            plan_coping_id: Some(id),
                            text: c.then_action.clone(),
                        }
                    } else if let Some(old) = self.previous.and_then(|p| {
                        p.coping
                            .iter()
                            .find(|c| c.plan_coping_id.as_deref() == Some(id.as_str()))
                    }) {
                        old.clone()
                    } else {
                        return Err(Error::invalid("coping", "unknown_coping_plan"));
                    }
                }
                None => CopingTag {
                    plan_coping_id: None,
                    text: required_text("coping.text", &tag.text, SHORT_TEXT_MAX)?,
                },
            };
            if !out.contains(&resolved) {
                out.push(resolved);
            }
        }
        Ok(out)
    }
}

/// Checks a 0-10 level.
pub(crate) fn level(field: &'static str, value: u8) -> Result<u8> {
    if value > MAX_LEVEL {
        return Err(Error::invalid(field, "out_of_range"));
    }
    Ok(value)
}

/// Checks a free-text note.
pub(crate) fn notes(field: &'static str, text: &str) -> Result<String> {
    optional_text(field, text, LONG_TEXT_MAX)
}

/// A kind of log entry.
pub trait Entry: Timed + Clone + Debug {
    /// Which kind it is.
    const KIND: EntryKind;
    /// Checks and normalises a draft.
    fn validated(self, check: &Check<'_>) -> Result<Self>;
    /// When it happened.
    fn at(&self) -> LocalInstant;
    /// Its triggers (for the rhythm summary).
    fn trigger_tags(&self) -> &[TriggerTag] {
        &[]
    }
    /// Its coping tags (kept valid on edit).
    fn coping_tags(&self) -> &[CopingTag] {
        &[]
    }
    /// What the Today screen shows of it.
    fn brief(&self, id: RecordId) -> Brief;
    /// Lapse facts, for lapses.
    fn as_lapse(&self) -> Option<&Lapse> {
        None
    }
}

/// A stored entry with its id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Saved<E> {
    pub id: RecordId,
    pub entry: E,
}

/// One page of entries, newest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryPage<E> {
    /// Entries on the page, newest first.
    pub items: Vec<Saved<E>>,
    /// Entries in the whole range.
    pub total: usize,
    /// Entries of this kind that failed their integrity check (kept).
    pub damaged: Vec<RecordId>,
}

/// Writes to the logs inside one transaction; see [`write`].
pub struct Journal<'a, 'v> {
    store: &'a Store<'v>,
    plan: Option<Option<Plan>>,
    clocks: Option<Vec<RecordId>>,
    summaries: Summaries,
}

impl<'a, 'v> Journal<'a, 'v> {
    fn new(store: &'a Store<'v>) -> Self {
        Journal {
            store,
            plan: None,
            clocks: None,
            summaries: Summaries::default(),
        }
    }

    fn context<E: Entry>(&mut self) -> Result<(Option<&Plan>, &[RecordId])> {
        if self.plan.is_none() {
            self.plan = Some(revisions::current_in(self.store)?.map(|r| r.plan));
        }
        if E::KIND == EntryKind::Lapse && self.clocks.is_none() {
            let clocks = self.store.list::<Clock>()?.items;
            self.clocks = Some(clocks.into_iter().map(|(id, _)| id).collect());
        }
        Ok((
            self.plan.as_ref().and_then(Option::as_ref),
            self.clocks.as_deref().unwrap_or_default(),
        ))
    }

    /// Saves a new entry.
    pub fn add<E: Entry>(&mut self, draft: E, now: LocalInstant) -> Result<Saved<E>> {
        let (plan, clock_ids) = self.context::<E>()?;
        let entry = draft.validated(&Check {
            now,
            plan,
            clock_ids,
            previous: None,
        })?;
        self.summaries.prepare::<E>(self.store)?;
        let id = self.store.insert(&entry)?;
        self.summaries.add(id, &entry);
        Ok(Saved { id, entry })
    }

    /// Replaces entry `id`, keeping its id.
    pub fn update<E: Entry>(
        &mut self,
        id: RecordId,
        draft: E,
        now: LocalInstant,
    ) -> Result<Saved<E>> {
        let old = match self.store.get::<E>(&id) {
            Ok(old) => Some(old),
            // A damaged entry may be overwritten; the summaries that counted
            // it are rebuilt instead of adjusted.
            Err(Error::Integrity { .. }) => None,
            Err(e) => return Err(e),
        };
        let (plan, clock_ids) = self.context::<E>()?;
        let entry = draft.validated(&Check {
            now,
            plan,
            clock_ids,
            previous: old.as_ref().map(|o| Previous {
                triggers: o.trigger_tags(),
                coping: o.coping_tags(),
                clock_ids: o
                    .as_lapse()
                    .map(|l| l.clock_ids.as_slice())
                    .unwrap_or_default(),
            }),
        })?;
        self.summaries.prepare::<E>(self.store)?;
        self.store.update(&id, &entry)?;
        match &old {
            Some(old) => self.summaries.remove(id, old),
            None => self.summaries.invalidate(),
        }
        self.summaries.add(id, &entry);
        Ok(Saved { id, entry })
    }

    /// Deletes entry `id`.
    pub fn delete<E: Entry>(&mut self, id: RecordId) -> Result<()> {
        let old = match self.store.get::<E>(&id) {
            Ok(old) => Some(old),
            Err(Error::Integrity { .. }) => None,
            Err(e) => return Err(e),
        };
        self.summaries.prepare::<E>(self.store)?;
        self.store.delete::<E>(&id)?;
        match &old {
            Some(old) => self.summaries.remove(id, old),
            None => self.summaries.invalidate(),
        }
        Ok(())
    }
}

/// Runs `work` over a [`Journal`] in one transaction: every write and the
/// summaries' updates commit together, or nothing does.
pub fn write<R>(
    store: &Store<'_>,
    work: impl FnOnce(&mut Journal<'_, '_>) -> Result<R>,
) -> Result<R> {
    store.atomically(|s| {
        let mut journal = Journal::new(s);
        let out = work(&mut journal)?;
        journal.summaries.finish(s)?;
        Ok(out)
    })
}

/// Saves a new entry.
pub fn add<E: Entry>(store: &Store<'_>, draft: E, now: LocalInstant) -> Result<Saved<E>> {
    write(store, |j| j.add(draft, now))
}

/// Replaces entry `id`, keeping its id.
pub fn update<E: Entry>(
    store: &Store<'_>,
    id: RecordId,
    draft: E,
    now: LocalInstant,
) -> Result<Saved<E>> {
    write(store, |j| j.update(id, draft, now))
}

/// Deletes entry `id`.
pub fn delete<E: Entry>(store: &Store<'_>, id: RecordId) -> Result<()> {
    write(store, |j| j.delete::<E>(id))
}

/// Entry `id`.
pub fn get<E: Entry>(store: &Store<'_>, id: RecordId) -> Result<Saved<E>> {
    Ok(Saved {
        id,
        entry: store.get(&id)?,
    })
}

/// Entries in `[from, until)`, newest first, one page at a time.
pub fn page<E: Entry>(store: &Store<'_>, range: PageRequest) -> Result<EntryPage<E>> {
    let page = store.page::<E>(range)?;
    Ok(EntryPage {
        items: page
            .items
            .into_iter()
            .map(|(id, entry)| Saved { id, entry })
            .collect(),
        total: page.total,
        damaged: page.damaged,
    })
}

#[cfg(test)]
pub(crate) mod tests;
