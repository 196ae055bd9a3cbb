//! Every lapse in brief: its local date, the clocks it concerns and whether
//! it reset them. Sobriety clocks are computed from this and the clocks
//! alone; lapses are few, so the index stays small.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::Derived;
use crate::calendar::{date_serde, id_serde, ids_serde};
use crate::error::Result;
use crate::logs::Lapse;
use crate::store::{Record, RecordId, Store};
use crate::time::LocalInstant;

/// One lapse, as the clocks need it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LapseFact {
    #[serde(with = "id_serde")]
    pub id: RecordId,
    pub at: LocalInstant,
    /// The participant's calendar day of the lapse.
    #[serde(with = "date_serde")]
    pub date: NaiveDate,
    #[serde(with = "ids_serde")]
    pub clock_ids: Vec<RecordId>,
    pub resets: bool,
}

impl LapseFact {
    /// The facts of a lapse; `None` if its instant is out of range.
    pub fn of(id: RecordId, lapse: &Lapse) -> Option<LapseFact> {
        Some(LapseFact {
            id,
            at: lapse.at,
            date: lapse.at.local_date()?,
            clock_ids: lapse.clock_ids.clone(),
            resets: lapse.resets_clocks,
        })
    }
}

/// Every lapse (derived), oldest first.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LapseIndex {
    version: u32,
    pub lapses: Vec<LapseFact>,
}

impl Record for LapseIndex {
    const COLLECTION: &'static str = "summary.lapses";
    const NOUN: &'static str = "summary";
}

impl Derived for LapseIndex {
    const VERSION: u32 = 1;
    fn version(&self) -> u32 {
        self.version
    }
    fn rebuild(store: &Store<'_>) -> Result<Self> {
        let mut index = LapseIndex {
            version: Self::VERSION,
            lapses: Vec::new(),
        };
        for (id, lapse) in store.list::<Lapse>()?.items {
            index.add(id, &lapse);
        }
        Ok(index)
    }
}

impl LapseIndex {
    /// Takes a new (or edited) lapse into account.
    pub fn add(&mut self, id: RecordId, lapse: &Lapse) {
        if let Some(fact) = LapseFact::of(id, lapse) {
            let key = (fact.at.utc_millis, fact.id);
            let pos = self
                .lapses
                .partition_point(|f| (f.at.utc_millis, f.id) < key);
            self.lapses.insert(pos, fact);
        }
    }

    /// Forgets lapse `id`.
    pub fn remove(&mut self, id: RecordId) {
        self.lapses.retain(|f| f.id != id);
    }

    /// The lapses that concern clock `clock`, oldest first.
    pub fn for_clock(&self, clock: RecordId) -> impl Iterator<Item = &LapseFact> {
        self.lapses
            .iter()
            .filter(move |f| f.clock_ids.contains(&clock))
    }
}
