//! The encrypted record store that every domain module writes through.
//!
//! A record is a serde value of a type that names its collection
//! ([`Record::COLLECTION`]). It is serialised to JSON, padded to a size
//! bucket and sealed with AES-256-GCM; the AAD binds the blob to the format
//! version, the data key's id, the collection and the record id, so a blob
//! copied to another row, collection or vault fails to open. Rows are keyed by
//! a random id and a keyed tag of the collection name: the file shows neither
//! the kind of a record nor when it was written.

mod timeline;

use std::cell::RefCell;
use std::fmt;
use std::str::FromStr;

use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;
use serde::de::DeserializeOwned;
use zeroize::Zeroizing;

use crate::crypto::aead::Cipher;
use crate::crypto::kdf::hkdf_key;
use crate::crypto::padding::{pad, unpad};
use crate::crypto::{SecretKey, random_array};
use crate::error::{Error, Result};

/// The record format; part of every record's AAD.
pub const FORMAT_VERSION: u8 = 1;

/// A type stored in its own collection.
pub trait Record: Serialize + DeserializeOwned {
    /// The collection's name. It is part of every sealed record's AAD and of
    /// its row tag: never rename a released collection.
    const COLLECTION: &'static str;
    /// A short neutral noun for errors ("note", "craving"): never content.
    const NOUN: &'static str;
}

/// A record that belongs on a timeline: journal entries, sessions, logs.
/// [`Store::page`] answers date-range questions over such collections.
pub trait Timed: Record {
    /// The instant the record is about, in UTC milliseconds.
    fn at_millis(&self) -> i64;
}

/// One page of a timed collection, newest first.
#[derive(Debug)]
pub struct Page<T> {
    /// Records in the range, newest first (ties broken by id).
    pub items: Vec<(RecordId, T)>,
    /// How many records the whole range holds.
    pub total: usize,
    /// Records that failed their integrity check (in the whole collection).
    pub damaged: Vec<RecordId>,
}

/// Which part of a timed collection to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageRequest {
    /// Earliest instant included (UTC ms), if bounded.
    pub from_millis: Option<i64>,
    /// Latest instant excluded (UTC ms), if bounded.
    pub until_millis: Option<i64>,
    /// Records to skip, newest first.
    pub offset: usize,
    /// Most records to return.
    pub limit: usize,
}

/// The largest page a caller may ask for.
pub const MAX_PAGE: usize = 1000;

/// A record's id: 128 random bits, shown as 32 lowercase hex digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RecordId(pub(crate) [u8; 16]);

impl RecordId {
    /// A fresh random id.
    pub fn random() -> Result<Self> {
        Ok(RecordId(random_array()?))
    }

    /// Parses an id handed back by a shell; `field` names it in errors.
    pub fn parse(field: &'static str, text: &str) -> Result<Self> {
        let mut bytes = [0u8; 16];
        if text.len() != 32 {
            return Err(Error::invalid(field, "not_a_record_id"));
        }
        hex::decode_to_slice(text, &mut bytes)
            .map_err(|_| Error::invalid(field, "not_a_record_id"))?;
        Ok(RecordId(bytes))
    }
}

impl fmt::Display for RecordId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&hex::encode(self.0))
    }
}

impl FromStr for RecordId {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        RecordId::parse("id", s)
    }
}

/// A collection's records that opened, and the ids of those that did not.
/// Damaged records are never dropped or deleted: the app reports them.
#[derive(Debug)]
pub struct Listing<T> {
    /// Records that authenticated and parsed, in no particular order.
    pub items: Vec<(RecordId, T)>,
    /// Records that failed their integrity check.
    pub damaged: Vec<RecordId>,
}

/// Keys an unlocked vault holds, and what it caches while unlocked; all of
/// it is dropped (and zeroized) on lock.
pub(crate) struct Keys {
    pub data: SecretKey,
    pub tag: SecretKey,
    /// Keys the ids of records in exports ([`Store::export_id`]).
    export: SecretKey,
    pub key_id: [u8; 16],
    timelines: RefCell<timeline::Timelines>,
}

impl Keys {
    pub fn derive(data: SecretKey, vault_id: &[u8; 16], key_id: [u8; 16]) -> Result<Self> {
        let tag = hkdf_key(data.expose(), vault_id, &[b"keel.collection-tag.v1"])?;
        let export = hkdf_key(data.expose(), vault_id, &[b"keel.export-id.v1"])?;
        Ok(Keys {
            data,
            tag,
            export,
            key_id,
            timelines: RefCell::default(),
        })
    }
}

/// A handle on the records of an unlocked vault, borrowed for one operation.
pub struct Store<'v> {
    conn: &'v Connection,
    keys: &'v Keys,
    cipher: Cipher,
}

impl<'v> Store<'v> {
    pub(crate) fn new(conn: &'v Connection, keys: &'v Keys) -> Self {
        Store {
            conn,
            keys,
            cipher: Cipher::new(&keys.data),
        }
    }

    /// Tells the collection's timeline (if built) that `id` changed.
    fn touch<T: Record>(&self, id: RecordId) {
        self.keys.timelines.borrow_mut().touch(T::COLLECTION, id);
    }

    pub(crate) fn tag(&self, collection: &str) -> [u8; 16] {
        let key = ring::hmac::Key::new(ring::hmac::HMAC_SHA256, self.keys.tag.expose());
        let mac = ring::hmac::sign(&key, collection.as_bytes());
        let mut tag = [0u8; 16];
        tag.copy_from_slice(&mac.as_ref()[..16]);
        tag
    }

    /// A record's id in an export (a FHIR resource id): the same for the
    /// same record in every export from this vault, unrelated between two
    /// vaults, and telling nothing of the record. HMAC-SHA256, under a key
    /// derived from the data key with its own HKDF label, of the
    /// collection's name and the record's id; 122 of its bits as an
    /// RFC 9562 version-8 UUID. A re-key gives records new export ids.
    pub(crate) fn export_id(&self, collection: &str, id: &RecordId) -> String {
        let key = ring::hmac::Key::new(ring::hmac::HMAC_SHA256, self.keys.export.expose());
        let mut ctx = ring::hmac::Context::with_key(&key);
        ctx.update(&[collection.len() as u8]);
        ctx.update(collection.as_bytes());
        ctx.update(&id.0);
        let mac = ctx.sign();
        let mut bytes = [0u8; 16];
        bytes.copy_from_slice(&mac.as_ref()[..16]);
        uuid::Builder::from_custom_bytes(bytes)
            .into_uuid()
            .hyphenated()
            .to_string()
    }

    fn aad(&self, collection: &str, id: &RecordId) -> Vec<u8> {
        let mut aad = b"keel.item".to_vec();
        aad.push(FORMAT_VERSION);
        aad.extend_from_slice(&self.keys.key_id);
        aad.push(collection.len() as u8);
        aad.extend_from_slice(collection.as_bytes());
        aad.extend_from_slice(&id.0);
        aad
    }

    fn seal<T: Record>(&self, id: &RecordId, value: &T) -> Result<Vec<u8>> {
        let json = Zeroizing::new(
            serde_json::to_vec(value).map_err(|_| Error::invalid(T::NOUN, "encoding_failed"))?,
        );
        let padded = Zeroizing::new(pad(&json)?);
        self.cipher.seal(&self.aad(T::COLLECTION, id), &padded)
    }

    pub(crate) fn open<T: Record>(&self, id: &RecordId, body: &[u8]) -> Result<T> {
        let integrity = || Error::Integrity {
            record: id.to_string(),
        };
        let padded = self
            .cipher
            .open(&self.aad(T::COLLECTION, id), body)
            .ok_or_else(integrity)?;
        let json = unpad(&padded).ok_or_else(integrity)?;
        serde_json::from_slice(json).map_err(|_| integrity())
    }

    /// Stores a new record and returns its id.
    pub fn insert<T: Record>(&self, value: &T) -> Result<RecordId> {
        let id = RecordId::random()?;
        let body = self.seal(&id, value)?;
        self.conn.execute(
            "INSERT INTO items (id, tag, body) VALUES (?1, ?2, ?3)",
            params![id.0, self.tag(T::COLLECTION), body],
        )?;
        self.touch::<T>(id);
        Ok(id)
    }

    /// Stores `value` under a given `id` (a record carried over from a
    /// backup keeps its identity). `Ok(false)`, with nothing written, if
    /// this collection already holds a record with that id; an id taken by
    /// a record of another collection is refused.
    pub fn insert_as<T: Record>(&self, id: &RecordId, value: &T) -> Result<bool> {
        let tag = self.tag(T::COLLECTION);
        let existing: Option<Vec<u8>> = self
            .conn
            .prepare_cached("SELECT tag FROM items WHERE id = ?1")?
            .query_row([id.0], |r| r.get(0))
            .optional()?;
        match existing {
            Some(t) if t == tag => return Ok(false),
            Some(_) => {
                return Err(Error::invalid("id", "id_in_use"));
            }
            None => {}
        }
        let body = self.seal(id, value)?;
        self.conn.execute(
            "INSERT INTO items (id, tag, body) VALUES (?1, ?2, ?3)",
            params![id.0, tag, body],
        )?;
        self.touch::<T>(*id);
        Ok(true)
    }

    /// Replaces the record `id`, keeping its id.
    pub fn update<T: Record>(&self, id: &RecordId, value: &T) -> Result<()> {
        let body = self.seal(id, value)?;
        let changed = self.conn.execute(
            "UPDATE items SET body = ?3 WHERE id = ?1 AND tag = ?2",
            params![id.0, self.tag(T::COLLECTION), body],
        )?;
        if changed == 0 {
            return Err(Error::NotFound { what: T::NOUN });
        }
        self.touch::<T>(*id);
        Ok(())
    }

    /// The record `id`.
    pub fn get<T: Record>(&self, id: &RecordId) -> Result<T> {
        // A body that is not a blob (edited behind our back) is damage to
        // this record, not a storage failure.
        let body: Option<Option<Vec<u8>>> = self
            .conn
            .prepare_cached("SELECT body FROM items WHERE id = ?1 AND tag = ?2")?
            .query_row(params![id.0, self.tag(T::COLLECTION)], |r| {
                Ok(r.get_ref(0)?.as_blob().ok().map(<[u8]>::to_vec))
            })
            .optional()?;
        let body = body.ok_or(Error::NotFound { what: T::NOUN })?;
        self.open(id, body.as_deref().unwrap_or_default())
    }

    /// Every record of the collection; damaged ones are listed apart.
    pub fn list<T: Record>(&self) -> Result<Listing<T>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id, body FROM items WHERE tag = ?1")?;
        let mut rows = stmt.query([self.tag(T::COLLECTION)])?;
        let mut listing = Listing {
            items: Vec::new(),
            damaged: Vec::new(),
        };
        while let Some(row) = rows.next()? {
            let Some(id_bytes) = row
                .get_ref(0)?
                .as_blob()
                .ok()
                .and_then(|b| <[u8; 16]>::try_from(b).ok())
            else {
                // Not a row this app wrote: the table itself was edited.
                return Err(Error::Corrupt);
            };
            let id = RecordId(id_bytes);
            let body = row.get_ref(1)?.as_blob().unwrap_or_default();
            match self.open::<T>(&id, body) {
                Ok(value) => listing.items.push((id, value)),
                Err(_) => listing.damaged.push(id),
            }
        }
        Ok(listing)
    }

    /// Records of a timed collection in `[from, until)`, newest first
    /// (ties newest id first). Only the records on the page are decrypted,
    /// once the collection's in-memory timeline is built (see `timeline`).
    pub fn page<T: Timed>(&self, req: PageRequest) -> Result<Page<T>> {
        if req.limit == 0 || req.limit > MAX_PAGE {
            return Err(Error::invalid("limit", "out_of_range"));
        }
        if let (Some(from), Some(until)) = (req.from_millis, req.until_millis)
            && from > until
        {
            return Err(Error::invalid("range", "starts_after_end"));
        }
        let mut timelines = self.keys.timelines.borrow_mut();
        let timeline = match timelines.get_mut(T::COLLECTION) {
            Some(timeline) => {
                for id in timeline.take_dirty() {
                    match self.get::<T>(&id) {
                        Ok(value) => timeline.place(id, value.at_millis()),
                        Err(Error::NotFound { .. }) => timeline.remove(&id),
                        Err(Error::Integrity { .. }) => timeline.mark_damaged(id),
                        Err(e) => {
                            timeline.take_dirty();
                            return Err(e);
                        }
                    }
                }
                timeline
            }
            None => {
                let listing = self.list::<T>()?;
                let entries = listing
                    .items
                    .iter()
                    .map(|(id, v)| timeline::Entry {
                        at: v.at_millis(),
                        id: id.0,
                    })
                    .collect();
                timelines.insert(
                    T::COLLECTION,
                    timeline::Timeline::build(entries, listing.damaged),
                )
            }
        };
        let (ids, total) =
            timeline.select(req.from_millis, req.until_millis, req.offset, req.limit);
        let mut items = Vec::with_capacity(ids.len());
        for id in ids {
            match self.get::<T>(&id) {
                Ok(value) => items.push((id, value)),
                // Changed under us (another handle, or the file was edited):
                // re-read at the next page.
                Err(Error::Integrity { .. }) => timeline.mark_damaged(id),
                Err(Error::NotFound { .. }) => timeline.remove(&id),
                Err(e) => return Err(e),
            }
        }
        Ok(Page {
            items,
            total,
            damaged: timeline.damaged(),
        })
    }

    /// How many records the collection holds.
    pub fn count<T: Record>(&self) -> Result<u64> {
        let n: i64 = self.conn.query_row(
            "SELECT count(*) FROM items WHERE tag = ?1",
            [self.tag(T::COLLECTION)],
            |r| r.get(0),
        )?;
        Ok(n.unsigned_abs())
    }

    /// Deletes the record `id`.
    pub fn delete<T: Record>(&self, id: &RecordId) -> Result<()> {
        let changed = self.conn.execute(
            "DELETE FROM items WHERE id = ?1 AND tag = ?2",
            params![id.0, self.tag(T::COLLECTION)],
        )?;
        if changed == 0 {
            return Err(Error::NotFound { what: T::NOUN });
        }
        self.touch::<T>(*id);
        Ok(())
    }

    /// Runs `work` in one transaction: all of its writes commit, or none.
    pub fn atomically<R>(&self, work: impl FnOnce(&Store<'_>) -> Result<R>) -> Result<R> {
        let tx = self.conn.unchecked_transaction()?;
        let out = work(self)?;
        tx.commit()?;
        Ok(out)
    }
}

#[cfg(test)]
mod tests;
