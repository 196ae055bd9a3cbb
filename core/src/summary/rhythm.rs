//! How often each trigger was logged in each hour of the week.
//!
//! Counts are kept per trigger key (a plan trigger's id, or a new trigger's
//! name folded to lower case) and per hour-of-week slot, in the local time of
//! the entry. They answer "which triggers does this participant log most at
//! this hour on this day of the week?" without reading the history.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::Derived;
use crate::calendar::{WEEK_SLOTS, week_slot};
use crate::error::Result;
use crate::logs::{Craving, Encounter, Entry, EntryKind, Lapse};
use crate::store::{Record, Store};

/// Weight of a count in the very same hour of the same day of the week.
pub const SAME_SLOT: u32 = 4;
/// Weight of a count an hour before or after, same day of the week.
pub const NEXT_SLOT: u32 = 2;
/// Weight of a count at the same hour on another day of the week.
pub const SAME_HOUR: u32 = 1;

/// True for the kinds whose triggers are counted.
pub fn tracks(kind: EntryKind) -> bool {
    matches!(
        kind,
        EntryKind::Craving | EntryKind::Encounter | EntryKind::Lapse
    )
}

/// Trigger counts by hour of the week (derived).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rhythm {
    version: u32,
    /// Key -> slot -> count (no zero counts are kept).
    counts: BTreeMap<String, BTreeMap<u8, u32>>,
}

impl Record for Rhythm {
    const COLLECTION: &'static str = "summary.rhythm";
    const NOUN: &'static str = "summary";
}

impl Derived for Rhythm {
    const VERSION: u32 = 1;
    fn version(&self) -> u32 {
        self.version
    }
    fn rebuild(store: &Store<'_>) -> Result<Self> {
        let mut rhythm = Rhythm {
            version: Self::VERSION,
            counts: BTreeMap::new(),
        };
        for (_, e) in store.list::<Craving>()?.items {
            rhythm.add(&e);
        }
        for (_, e) in store.list::<Encounter>()?.items {
            rhythm.add(&e);
        }
        for (_, e) in store.list::<Lapse>()?.items {
            rhythm.add(&e);
        }
        Ok(rhythm)
    }
}

fn keys<E: Entry>(entry: &E) -> Vec<String> {
    let mut keys: Vec<String> = entry.trigger_tags().iter().map(|t| t.key()).collect();
    keys.sort();
    keys.dedup();
    keys
}

impl Rhythm {
    /// A rhythm from `(key, slot, count)` triples, as another store (such
    /// as the plain-SQLite reference in the Today benchmark) would count
    /// them. Keys are `p:<plan trigger id>` or `n:<name in lower case>`.
    pub fn from_counts(counts: impl IntoIterator<Item = (String, u8, u32)>) -> Rhythm {
        let mut rhythm = Rhythm {
            version: Self::VERSION,
            counts: BTreeMap::new(),
        };
        for (key, slot, n) in counts {
            if n > 0 && slot < WEEK_SLOTS {
                *rhythm
                    .counts
                    .entry(key)
                    .or_default()
                    .entry(slot)
                    .or_default() += n;
            }
        }
        rhythm
    }

    /// True if no trigger was ever counted.
    pub fn is_empty(&self) -> bool {
        self.counts.is_empty()
    }

    /// How many triggers were logged in each hour-of-week slot, all keys
    /// together.
    pub fn slot_totals(&self) -> [u32; WEEK_SLOTS as usize] {
        let mut totals = [0u32; WEEK_SLOTS as usize];
        for slots in self.counts.values() {
            for (slot, n) in slots {
                if let Some(t) = totals.get_mut(usize::from(*slot)) {
                    *t = t.saturating_add(*n);
                }
            }
        }
        totals
    }

    /// Counts the triggers of `entry`.
    pub fn add<E: Entry>(&mut self, entry: &E) {
        let Some(slot) = week_slot(entry.at()) else {
            return;
        };
        for key in keys(entry) {
            *self.counts.entry(key).or_default().entry(slot).or_default() += 1;
        }
    }

    /// Un-counts the triggers of `entry`.
    pub fn remove<E: Entry>(&mut self, entry: &E) {
        let Some(slot) = week_slot(entry.at()) else {
            return;
        };
        for key in keys(entry) {
            if let Some(slots) = self.counts.get_mut(&key) {
                if let Some(n) = slots.get_mut(&slot) {
                    *n = n.saturating_sub(1);
                    if *n == 0 {
                        slots.remove(&slot);
                    }
                }
                if slots.is_empty() {
                    self.counts.remove(&key);
                }
            }
        }
    }

    /// How strongly the triggers under `keys` belong to hour-of-week `slot`:
    /// weighted counts in the same slot, the slots either side, and the same
    /// hour on other days.
    pub fn score(&self, keys: &[String], slot: u8) -> u32 {
        let slot = slot % WEEK_SLOTS;
        let before = slot.checked_sub(1).unwrap_or(WEEK_SLOTS - 1);
        let after = if slot + 1 == WEEK_SLOTS { 0 } else { slot + 1 };
        let hour = slot % 24;
        let mut score = 0u32;
        for key in keys {
            let Some(slots) = self.counts.get(key) else {
                continue;
            };
            let at = |s: u8| slots.get(&s).copied().unwrap_or(0);
            score = score
                .saturating_add(SAME_SLOT.saturating_mul(at(slot)))
                .saturating_add(NEXT_SLOT.saturating_mul(at(before).saturating_add(at(after))));
            for day in 0..7u8 {
                let other = day * 24 + hour;
                if other != slot {
                    score = score.saturating_add(SAME_HOUR.saturating_mul(at(other)));
                }
            }
        }
        score
    }
}
