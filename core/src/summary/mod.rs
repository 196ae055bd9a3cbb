//! Sealed summaries: small derived records kept up to date in the same
//! transaction as every journal write, edit and delete, so the Today screen
//! reads a handful of records instead of decrypting years of history.
//!
//! - [`recent::Recent`] (`summary.recent`): per kind of entry, the newest few
//!   entries in brief and how many there are;
//! - [`rhythm::Rhythm`] (`summary.rhythm`): how often each trigger was logged
//!   in each hour of the week (168 slots, in the entry's own local time);
//! - [`lapses::LapseIndex`] (`summary.lapses`): every lapse's local date, the
//!   clocks it concerns and whether it reset them (lapses are few).
//!
//! Each summary is a *derived* record: it holds nothing that is not in the
//! journal, carries a format version, and is rebuilt from the journal itself
//! when it is missing, fails its integrity check, is of another version, or
//! disagrees with the journal in a way the core can see. A rebuilt summary
//! replaces the damaged one in place (damaged *journal* records are never
//! touched). Rebuilding reads whole collections once; it is the slow path.

pub mod lapses;
pub mod recent;
pub mod rhythm;

use crate::error::Result;
use crate::logs::{Entry, EntryKind};
use crate::store::{Record, RecordId, Store};

/// A record computed from others, held once per vault.
pub(crate) trait Derived: Record + Sized {
    /// The format this build writes; another one is rebuilt.
    const VERSION: u32;
    /// The format the stored value was written in.
    fn version(&self) -> u32;
    /// Computes the value from scratch from the journal.
    fn rebuild(store: &Store<'_>) -> Result<Self>;
}

/// A derived record loaded for reading and perhaps changing.
pub(crate) struct Held<T> {
    /// The row it lives in, if any.
    id: Option<RecordId>,
    /// Further rows of the same collection (damaged or duplicates), to go.
    extra: Vec<RecordId>,
    /// The value.
    pub value: T,
    /// True if `value` differs from what is stored.
    dirty: bool,
}

impl<T: Derived> Held<T> {
    /// Loads the stored value, or rebuilds it (marking it dirty) if it is
    /// missing, damaged, duplicated or of another version.
    pub fn load(store: &Store<'_>) -> Result<Self> {
        let listing = store.list::<T>()?;
        let mut rows: Vec<RecordId> = listing
            .items
            .iter()
            .map(|(id, _)| *id)
            .chain(listing.damaged.iter().copied())
            .collect();
        rows.sort();
        let mut items = listing.items.into_iter();
        match (items.next(), items.next(), listing.damaged.is_empty()) {
            (Some((id, value)), None, true) if value.version() == T::VERSION => {
                return Ok(Held {
                    id: Some(id),
                    extra: Vec::new(),
                    value,
                    dirty: false,
                });
            }
            _ => {}
        }
        let value = T::rebuild(store)?;
        let id = rows.first().copied();
        Ok(Held {
            id,
            extra: rows.into_iter().skip(1).collect(),
            value,
            dirty: true,
        })
    }

    /// A held value rebuilt from scratch now, whatever is stored.
    pub fn rebuilt(store: &Store<'_>) -> Result<Self> {
        let listing = store.list::<T>()?;
        let mut rows: Vec<RecordId> = listing
            .items
            .iter()
            .map(|(id, _)| *id)
            .chain(listing.damaged.iter().copied())
            .collect();
        rows.sort();
        Ok(Held {
            id: rows.first().copied(),
            extra: rows.into_iter().skip(1).collect(),
            value: T::rebuild(store)?,
            dirty: true,
        })
    }

    /// The value, to change; marks it dirty.
    pub fn edit(&mut self) -> &mut T {
        self.dirty = true;
        &mut self.value
    }

    /// Writes the value back if it changed (the caller holds the
    /// transaction).
    pub fn save(&mut self, store: &Store<'_>) -> Result<()> {
        if !self.dirty {
            return Ok(());
        }
        match self.id {
            Some(id) => store.update(&id, &self.value)?,
            None => self.id = Some(store.insert(&self.value)?),
        }
        for extra in std::mem::take(&mut self.extra) {
            store.delete::<T>(&extra)?;
        }
        self.dirty = false;
        Ok(())
    }
}

/// The journal summaries a batch of writes keeps up to date. Each summary is
/// loaded (or rebuilt) before the first write of a kind it tracks, so a
/// rebuild never sees a write it would then count twice.
#[derive(Default)]
pub(crate) struct Summaries {
    recent: Option<Held<recent::Recent>>,
    rhythm: Option<Held<rhythm::Rhythm>>,
    lapses: Option<Held<lapses::LapseIndex>>,
    /// Set when a damaged entry was overwritten or deleted: its old facts
    /// are unknown, so every summary is rebuilt at the end.
    invalid: bool,
}

impl Summaries {
    /// Loads the summaries that track entries of kind `E`.
    pub fn prepare<E: Entry>(&mut self, store: &Store<'_>) -> Result<()> {
        if self.recent.is_none() {
            self.recent = Some(Held::load(store)?);
        }
        if rhythm::tracks(E::KIND) && self.rhythm.is_none() {
            self.rhythm = Some(Held::load(store)?);
        }
        if E::KIND == EntryKind::Lapse && self.lapses.is_none() {
            self.lapses = Some(Held::load(store)?);
        }
        Ok(())
    }

    /// Counts a new (or edited) entry. [`Summaries::prepare`] came first.
    pub fn add<E: Entry>(&mut self, id: RecordId, entry: &E) {
        if let Some(recent) = &mut self.recent {
            recent.edit().ring_mut(E::KIND).add(entry.brief(id));
        }
        if let (true, Some(rhythm)) = (rhythm::tracks(E::KIND), &mut self.rhythm) {
            rhythm.edit().add(entry);
        }
        if let (Some(lapse), Some(index)) = (entry.as_lapse(), &mut self.lapses) {
            index.edit().add(id, lapse);
        }
    }

    /// Un-counts a removed (or edited) entry.
    pub fn remove<E: Entry>(&mut self, id: RecordId, entry: &E) {
        if let Some(recent) = &mut self.recent {
            recent.edit().ring_mut(E::KIND).remove(id);
        }
        if let (true, Some(rhythm)) = (rhythm::tracks(E::KIND), &mut self.rhythm) {
            rhythm.edit().remove(entry);
        }
        if let (Some(_), Some(index)) = (entry.as_lapse(), &mut self.lapses) {
            index.edit().remove(id);
        }
    }

    /// Forces a rebuild of every summary at [`Summaries::finish`].
    pub fn invalidate(&mut self) {
        self.invalid = true;
    }

    /// Refills short rings and writes back what changed (inside the
    /// caller's transaction).
    pub fn finish(&mut self, store: &Store<'_>) -> Result<()> {
        if self.invalid {
            Held::<recent::Recent>::rebuilt(store)?.save(store)?;
            Held::<rhythm::Rhythm>::rebuilt(store)?.save(store)?;
            Held::<lapses::LapseIndex>::rebuilt(store)?.save(store)?;
            return Ok(());
        }
        if let Some(recent) = &mut self.recent {
            for kind in EntryKind::ALL {
                if recent.value.ring(kind).is_short() {
                    recent.edit().refill(store, kind)?;
                }
            }
            recent.save(store)?;
        }
        if let Some(rhythm) = &mut self.rhythm {
            rhythm.save(store)?;
        }
        if let Some(lapses) = &mut self.lapses {
            lapses.save(store)?;
        }
        Ok(())
    }
}

/// Rebuilds every journal summary from scratch and stores it, in one
/// transaction. Never needed in normal use (summaries repair themselves);
/// useful after restoring records by other means, and in tests.
pub fn rebuild_all(store: &Store<'_>) -> Result<()> {
    store.atomically(|s| {
        Held::<recent::Recent>::rebuilt(s)?.save(s)?;
        Held::<rhythm::Rhythm>::rebuilt(s)?.save(s)?;
        Held::<lapses::LapseIndex>::rebuilt(s)?.save(s)?;
        Ok(())
    })
}
