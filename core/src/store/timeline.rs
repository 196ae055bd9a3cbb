//! An in-memory, sorted index of a timed collection's instants, so that a
//! page of "the last 90 days, newest first" decrypts only the records on the
//! page instead of the whole history.
//!
//! The index is built the first time a collection is paged after unlock (one
//! pass that opens every record) and lives only while the vault is unlocked:
//! it is zeroized with the keys on lock. Writes do not need to know a
//! record's instant: they mark its id *dirty*, and the next page re-reads just
//! the dirty records. A rolled-back transaction therefore needs no special
//! care: re-reading finds the record as it really is (or gone).

use std::collections::{BTreeSet, HashMap};

use zeroize::{Zeroize, ZeroizeOnDrop};

use super::RecordId;

/// One indexed record: its instant and id. Sorted by `(at, id)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Zeroize)]
pub(crate) struct Entry {
    pub at: i64,
    pub id: [u8; 16],
}

/// The index of one collection.
#[derive(Default, Zeroize, ZeroizeOnDrop)]
pub(crate) struct Timeline {
    /// Sorted ascending by `(at, id)`.
    entries: Vec<Entry>,
    /// Records whose instant must be re-read before the next page.
    #[zeroize(skip)]
    dirty: BTreeSet<RecordId>,
    /// Records that failed their integrity check when read.
    #[zeroize(skip)]
    damaged: BTreeSet<RecordId>,
}

impl Timeline {
    /// An index of `entries` (in any order) and the damaged ids.
    pub fn build(mut entries: Vec<Entry>, damaged: impl IntoIterator<Item = RecordId>) -> Self {
        entries.sort_unstable();
        Timeline {
            entries,
            dirty: BTreeSet::new(),
            damaged: damaged.into_iter().collect(),
        }
    }

    /// Ids to re-read, taken out of the dirty set.
    pub fn take_dirty(&mut self) -> BTreeSet<RecordId> {
        std::mem::take(&mut self.dirty)
    }

    /// Forgets everything known about `id`.
    pub fn remove(&mut self, id: &RecordId) {
        self.entries.retain(|e| e.id != id.0);
        self.damaged.remove(id);
    }

    /// Records `id` as living at `at` (replacing what was known).
    pub fn place(&mut self, id: RecordId, at: i64) {
        self.remove(&id);
        let entry = Entry { at, id: id.0 };
        let pos = self.entries.partition_point(|e| *e < entry);
        self.entries.insert(pos, entry);
    }

    /// Records `id` as damaged.
    pub fn mark_damaged(&mut self, id: RecordId) {
        self.remove(&id);
        self.damaged.insert(id);
    }

    /// Ids in `[from, until)`, newest first, after skipping `offset`, at most
    /// `limit`; and how many the range holds in all.
    pub fn select(
        &self,
        from: Option<i64>,
        until: Option<i64>,
        offset: usize,
        limit: usize,
    ) -> (Vec<RecordId>, usize) {
        let lo = from.map_or(0, |f| self.entries.partition_point(|e| e.at < f));
        let hi = until.map_or(self.entries.len(), |u| {
            self.entries.partition_point(|e| e.at < u)
        });
        let range = &self.entries[lo..hi.max(lo)];
        let ids = range
            .iter()
            .rev()
            .skip(offset)
            .take(limit)
            .map(|e| RecordId(e.id))
            .collect();
        (ids, range.len())
    }

    /// Damaged ids, sorted.
    pub fn damaged(&self) -> Vec<RecordId> {
        self.damaged.iter().copied().collect()
    }
}

/// The indexes of every collection paged since unlock.
#[derive(Default)]
pub(crate) struct Timelines {
    by_collection: HashMap<&'static str, Timeline>,
}

impl Timelines {
    /// Notes that `id` in `collection` was written or deleted.
    pub fn touch(&mut self, collection: &'static str, id: RecordId) {
        if let Some(timeline) = self.by_collection.get_mut(collection) {
            timeline.dirty.insert(id);
        }
    }

    /// The index of `collection`, if built.
    pub fn get_mut(&mut self, collection: &'static str) -> Option<&mut Timeline> {
        self.by_collection.get_mut(collection)
    }

    /// Stores a freshly built index.
    pub fn insert(&mut self, collection: &'static str, timeline: Timeline) -> &mut Timeline {
        self.by_collection
            .entry(collection)
            .insert_entry(timeline)
            .into_mut()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn id(n: u8) -> RecordId {
        RecordId([n; 16])
    }

    #[test]
    fn select_is_newest_first_within_range() {
        let t = Timeline::build(
            vec![
                Entry {
                    at: 10,
                    id: [1; 16],
                },
                Entry {
                    at: 30,
                    id: [3; 16],
                },
                Entry {
                    at: 20,
                    id: [2; 16],
                },
            ],
            [],
        );
        assert_eq!(t.select(None, None, 0, 10), (vec![id(3), id(2), id(1)], 3));
        assert_eq!(t.select(Some(15), Some(30), 0, 10), (vec![id(2)], 1));
        assert_eq!(t.select(None, None, 1, 1), (vec![id(2)], 3));
        assert_eq!(t.select(Some(40), Some(10), 0, 10), (vec![], 0));
    }

    #[test]
    fn place_replaces_and_damage_moves_aside() {
        let mut t = Timeline::default();
        t.place(id(1), 5);
        t.place(id(2), 7);
        t.place(id(1), 9);
        assert_eq!(t.select(None, None, 0, 10).0, vec![id(1), id(2)]);
        t.mark_damaged(id(2));
        assert_eq!(t.select(None, None, 0, 10).0, vec![id(1)]);
        assert_eq!(t.damaged(), vec![id(2)]);
        t.place(id(2), 1);
        assert!(t.damaged().is_empty());
    }

    proptest! {
        /// Whatever sequence of placements, the index equals a sort from scratch.
        #[test]
        fn incremental_equals_rebuilt(ops in proptest::collection::vec((0u8..20, -50i64..50), 0..200)) {
            let mut t = Timeline::default();
            let mut truth: HashMap<u8, i64> = HashMap::new();
            for (n, at) in ops {
                t.place(id(n), at);
                truth.insert(n, at);
            }
            let rebuilt = Timeline::build(truth.iter().map(|(n, at)| Entry { at: *at, id: [*n; 16] }).collect(), []);
            prop_assert_eq!(t.select(None, None, 0, 1000), rebuilt.select(None, None, 0, 1000));
        }
    }
}
