//! The newest entries of each kind, in brief, and how many there are.
//!
//! Per kind, a ring holds the newest entries ordered by `(instant, id)`,
//! newest first, exactly as [`crate::Store::page`] orders them. Invariant: the
//! ring holds the top `len` entries of its kind, for its current `len`. An
//! insert keeps it (a new entry goes in if it is newer than the ring's oldest
//! or the ring holds everything), a delete keeps it (what is left of a top-k
//! is a top-(k-1)), and a ring that falls below what the Today screen shows
//! while older entries exist is refilled from the journal.

use serde::{Deserialize, Serialize};

use super::Derived;
use crate::calendar::id_serde;
use crate::error::Result;
use crate::logs::{CheckIn, Craving, CravingOutcome, Encounter, Entry, EntryKind, Lapse, Mood};
use crate::store::{PageRequest, Record, RecordId, Store};
use crate::time::LocalInstant;

/// Entries kept per kind.
pub const RING: usize = 16;
/// Entries the Today screen shows.
pub const SHOWN: usize = 5;

/// What the Today screen shows of an entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Brief {
    #[serde(with = "id_serde")]
    pub id: RecordId,
    pub kind: EntryKind,
    pub at: LocalInstant,
    /// Craving intensity, or a check-in's craving level (0-10).
    pub level: Option<u8>,
    /// The mood given with the entry, if any.
    pub mood: Option<Mood>,
    /// A craving's outcome.
    pub outcome: Option<CravingOutcome>,
    /// True for a lapse, and for a check-in that reported use.
    pub any_use: bool,
    /// The first few trigger names.
    pub triggers: Vec<String>,
    /// One line: a check-in's intention, a lapse's substance.
    pub text: String,
}

/// Trigger names a brief carries.
pub const BRIEF_TRIGGERS: usize = 3;

impl Brief {
    fn key(&self) -> (i64, RecordId) {
        (self.at.utc_millis, self.id)
    }
}

/// The newest entries of one kind.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ring {
    /// Readable entries of this kind.
    pub total: u64,
    /// The newest, newest first.
    pub items: Vec<Brief>,
}

impl Ring {
    /// Takes a new (or edited) entry into account.
    pub fn add(&mut self, brief: Brief) {
        let had_all = self.items.len() as u64 >= self.total;
        self.total += 1;
        let newer = self
            .items
            .last()
            .is_some_and(|last| brief.key() > last.key());
        if had_all || newer {
            let pos = self.items.partition_point(|b| b.key() > brief.key());
            self.items.insert(pos, brief);
            self.items.truncate(RING);
        }
    }

    /// Takes a removed (or edited) entry into account.
    pub fn remove(&mut self, id: RecordId) {
        self.total = self.total.saturating_sub(1);
        self.items.retain(|b| b.id != id);
    }

    /// True if the ring holds fewer entries than the Today screen shows
    /// while older ones exist.
    pub fn is_short(&self) -> bool {
        (self.items.len() as u64) < self.total.min(SHOWN as u64)
    }

    /// The ring of kind `E` read from the journal.
    fn read<E: Entry>(store: &Store<'_>) -> Result<Ring> {
        let page = store.page::<E>(PageRequest {
            from_millis: None,
            until_millis: None,
            offset: 0,
            limit: RING,
        })?;
        Ok(Ring {
            total: page.total as u64,
            items: page.items.iter().map(|(id, e)| e.brief(*id)).collect(),
        })
    }
}

/// The rings of every kind (derived).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recent {
    version: u32,
    rings: [Ring; 4],
}

impl Record for Recent {
    const COLLECTION: &'static str = "summary.recent";
    const NOUN: &'static str = "summary";
}

impl Derived for Recent {
    const VERSION: u32 = 1;
    fn version(&self) -> u32 {
        self.version
    }
    fn rebuild(store: &Store<'_>) -> Result<Self> {
        let mut recent = Recent {
            version: Self::VERSION,
            rings: Default::default(),
        };
        for kind in EntryKind::ALL {
            recent.refill(store, kind)?;
        }
        Ok(recent)
    }
}

impl Recent {
    /// The ring of `kind`.
    pub fn ring(&self, kind: EntryKind) -> &Ring {
        &self.rings[kind.index()]
    }

    /// The ring of `kind`, to change.
    pub fn ring_mut(&mut self, kind: EntryKind) -> &mut Ring {
        &mut self.rings[kind.index()]
    }

    /// Re-reads the ring of `kind` from the journal.
    pub fn refill(&mut self, store: &Store<'_>, kind: EntryKind) -> Result<()> {
        self.rings[kind.index()] = match kind {
            EntryKind::Craving => Ring::read::<Craving>(store)?,
            EntryKind::Encounter => Ring::read::<Encounter>(store)?,
            EntryKind::CheckIn => Ring::read::<CheckIn>(store)?,
            EntryKind::Lapse => Ring::read::<Lapse>(store)?,
        };
        Ok(())
    }

    /// The newest `n` entries of every kind, newest first.
    pub fn newest(&self, n: usize) -> Vec<Brief> {
        let mut all: Vec<&Brief> = self.rings.iter().flat_map(|r| r.items.iter()).collect();
        all.sort_by_key(|b| std::cmp::Reverse(b.key()));
        all.into_iter().take(n).cloned().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn brief(n: u8, at: i64) -> Brief {
        Brief {
            id: RecordId([n; 16]),
            kind: EntryKind::Craving,
            at: LocalInstant {
                utc_millis: at,
                offset_minutes: 0,
            },
            level: None,
            mood: None,
            outcome: None,
            any_use: false,
            triggers: vec![],
            text: String::new(),
        }
    }

    proptest! {
        /// After any sequence of inserts, edits and deletes, a ring holds
        /// exactly the newest entries, and never fewer than the screen shows
        /// unless refilled (which the summaries do on `is_short`).
        #[test]
        fn ring_is_always_a_top_k(ops in proptest::collection::vec((0u8..40, 0i64..30, 0u8..3), 0..300)) {
            let mut ring = Ring::default();
            let mut truth: std::collections::BTreeMap<u8, i64> = Default::default();
            for (n, at, op) in ops {
                match (op, truth.contains_key(&n)) {
                    (0, false) => { ring.add(brief(n, at)); truth.insert(n, at); }
                    (1, true) => { ring.remove(RecordId([n; 16])); ring.add(brief(n, at)); truth.insert(n, at); }
                    (2, true) => { ring.remove(RecordId([n; 16])); truth.remove(&n); }
                    _ => {}
                }
                let mut all: Vec<(i64, RecordId)> = truth.iter().map(|(n, at)| (*at, RecordId([*n; 16]))).collect();
                all.sort_by(|a, b| b.cmp(a));
                prop_assert_eq!(ring.total, all.len() as u64);
                let held: Vec<(i64, RecordId)> = ring.items.iter().map(Brief::key).collect();
                prop_assert_eq!(&held[..], &all[..held.len()]);
                prop_assert!(held.len() <= RING);
                if ring.is_short() {
                    ring.items = all.iter().take(RING).map(|(at, id)| brief(id.0[0], *at)).collect();
                }
            }
        }
    }
}
