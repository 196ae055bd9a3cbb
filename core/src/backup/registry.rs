//! Every collection the vault holds, by name, so a backup can read and
//! write records of any kind without knowing their Rust types.
//!
//! The store seals each record under its collection's name, and reads one
//! collection at a time through a [`Record`] type. [`Raw`] is such a type for
//! any name: its body is the record's JSON as stored, untouched, so a backup
//! carries exactly what the vault held and a restore writes back exactly
//! that.
//!
//! A *kept* collection holds what the participant recorded and is backed up.
//! A *derived* one (an index or summary rebuilt from the others when missing)
//! is left out of backups and cleared on restore, so it is rebuilt from what
//! was restored.
//!
//! A domain module that adds a collection adds one line here. A test reads
//! the sources of every module declared in `lib.rs` and fails, naming the
//! collection, if one is missing or marked the wrong way: a backup can never
//! silently leave a kind of record behind.

use std::marker::PhantomData;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

use crate::error::Result;
use crate::store::{Listing, Record, RecordId, Store};

/// Whether a collection is backed up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// What the participant recorded: backed up and restored.
    Kept,
    /// Rebuilt from other records when missing: left out, cleared on restore.
    Derived,
}

/// A collection's name and noun, as a type.
pub trait Named {
    /// The collection's name (its `Record::COLLECTION`).
    const NAME: &'static str;
    /// Its neutral noun for errors.
    const NOUN: &'static str;
}

/// A record of collection `N` as raw JSON.
pub struct Raw<N>(pub Value, PhantomData<fn() -> N>);

impl<N> Raw<N> {
    fn new(value: Value) -> Self {
        Raw(value, PhantomData)
    }
}

impl<N> Serialize for Raw<N> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        self.0.serialize(s)
    }
}

impl<'de, N> Deserialize<'de> for Raw<N> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        Value::deserialize(d).map(Raw::new)
    }
}

impl<N: Named> Record for Raw<N> {
    const COLLECTION: &'static str = N::NAME;
    const NOUN: &'static str = N::NOUN;
}

/// One collection and the store operations a backup needs on it.
pub struct Collection {
    /// Its name.
    pub name: &'static str,
    /// Kept or derived.
    pub kind: Kind,
    list: fn(&Store<'_>) -> Result<Listing<Value>>,
    count: fn(&Store<'_>) -> Result<u64>,
    insert: fn(&Store<'_>, Value) -> Result<RecordId>,
    insert_as: fn(&Store<'_>, &RecordId, Value) -> Result<bool>,
    update: fn(&Store<'_>, &RecordId, Value) -> Result<()>,
    delete: fn(&Store<'_>, &RecordId) -> Result<()>,
    open: fn(&Store<'_>, &RecordId, &[u8]) -> Result<Value>,
}

fn list_raw<N: Named>(store: &Store<'_>) -> Result<Listing<Value>> {
    let listing = store.list::<Raw<N>>()?;
    Ok(Listing {
        items: listing.items.into_iter().map(|(id, r)| (id, r.0)).collect(),
        damaged: listing.damaged,
    })
}

fn count_raw<N: Named>(store: &Store<'_>) -> Result<u64> {
    store.count::<Raw<N>>()
}

fn insert_raw<N: Named>(store: &Store<'_>, value: Value) -> Result<RecordId> {
    store.insert(&Raw::<N>::new(value))
}

fn insert_as_raw<N: Named>(store: &Store<'_>, id: &RecordId, value: Value) -> Result<bool> {
    store.insert_as(id, &Raw::<N>::new(value))
}

fn update_raw<N: Named>(store: &Store<'_>, id: &RecordId, value: Value) -> Result<()> {
    store.update(id, &Raw::<N>::new(value))
}

fn open_raw<N: Named>(store: &Store<'_>, id: &RecordId, body: &[u8]) -> Result<Value> {
    store.open::<Raw<N>>(id, body).map(|r| r.0)
}

fn delete_raw<N: Named>(store: &Store<'_>, id: &RecordId) -> Result<()> {
    store.delete::<Raw<N>>(id)
}

impl Collection {
    const fn of<N: Named>(kind: Kind) -> Self {
        Collection {
            name: N::NAME,
            kind,
            list: list_raw::<N>,
            count: count_raw::<N>,
            insert: insert_raw::<N>,
            insert_as: insert_as_raw::<N>,
            update: update_raw::<N>,
            delete: delete_raw::<N>,
            open: open_raw::<N>,
        }
    }

    /// Every record, as stored JSON; damaged ones listed apart.
    pub fn list(&self, store: &Store<'_>) -> Result<Listing<Value>> {
        (self.list)(store)
    }

    /// How many rows the collection has.
    pub fn count(&self, store: &Store<'_>) -> Result<u64> {
        (self.count)(store)
    }

    /// Stores `value` as a new record.
    pub fn insert(&self, store: &Store<'_>, value: Value) -> Result<RecordId> {
        (self.insert)(store, value)
    }

    /// Stores `value` under `id` unless the collection already holds it
    /// (see [`Store::insert_as`]).
    pub fn insert_as(&self, store: &Store<'_>, id: &RecordId, value: Value) -> Result<bool> {
        (self.insert_as)(store, id, value)
    }

    /// Replaces record `id`.
    pub fn update(&self, store: &Store<'_>, id: &RecordId, value: Value) -> Result<()> {
        (self.update)(store, id, value)
    }

    /// The keyed tag its rows carry in this vault.
    pub(crate) fn tag(&self, store: &Store<'_>) -> [u8; 16] {
        store.tag(self.name)
    }

    /// Authenticates and opens one sealed body read straight from a row
    /// (salvage reads rows without going through the collection).
    pub(crate) fn open(&self, store: &Store<'_>, id: &RecordId, body: &[u8]) -> Result<Value> {
        (self.open)(store, id, body)
    }

    /// Deletes record `id`.
    pub fn delete(&self, store: &Store<'_>, id: &RecordId) -> Result<()> {
        (self.delete)(store, id)
    }
}

macro_rules! registry {
    ($($marker:ident: $name:literal, $noun:literal, $kind:ident;)*) => {
        $(
            struct $marker;
            impl Named for $marker {
                const NAME: &'static str = $name;
                const NOUN: &'static str = $noun;
            }
        )*
        /// Every collection of the vault.
        pub const COLLECTIONS: &[Collection] = &[$(Collection::of::<$marker>(Kind::$kind)),*];
    };
}

registry! {
    JournalNote: "journal.note", "note", Kept;
    PlanRevision: "plan.revision", "plan_revision", Kept;
    PlanHead: "plan.head", "plan_index", Derived;
    LogCraving: "log.craving", "craving", Kept;
    LogCheckin: "log.checkin", "check_in", Kept;
    LogEncounter: "log.encounter", "encounter", Kept;
    LogLapse: "log.lapse", "lapse", Kept;
    SobrietyClock: "sobriety.clock", "sobriety_clock", Kept;
    ExercisePattern: "exercises.pattern", "breathing_pattern", Kept;
    ExerciseSession: "exercises.session", "practice_session", Kept;
    Meeting: "meetings.meeting", "meeting", Kept;
    MeetingAttendance: "meetings.attendance", "attendance_record", Kept;
    MeetingSettings: "meetings.settings", "meeting_settings", Kept;
    ReportShared: "report.shared", "report_record", Kept;
    MeasureResponse: "measures.response", "measure_response", Kept;
    MeasureSchedule: "measures.schedule", "measure_schedule", Kept;
    SummaryRecent: "summary.recent", "summary", Derived;
    SummaryRhythm: "summary.rhythm", "summary", Derived;
    SummaryLapses: "summary.lapses", "summary", Derived;
}

/// The collection called `name`, if this build knows it.
pub fn find(name: &str) -> Option<&'static Collection> {
    COLLECTIONS.iter().find(|c| c.name == name)
}
