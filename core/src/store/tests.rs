//! The store's behaviour through a real vault: CRUD, collections kept apart,
//! pages over the timeline, and transactions.

use serde::{Deserialize, Serialize};

use super::*;
use crate::Vault;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Event {
    at: i64,
    what: String,
}

impl Record for Event {
    const COLLECTION: &'static str = "test.event";
    const NOUN: &'static str = "event";
}

impl Timed for Event {
    fn at_millis(&self) -> i64 {
        self.at
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Other(String);

impl Record for Other {
    const COLLECTION: &'static str = "test.other";
    const NOUN: &'static str = "other";
}

fn vault() -> (tempfile::TempDir, Vault) {
    let dir = tempfile::tempdir().unwrap();
    let v = Vault::create(
        dir.path().join("v").to_str().unwrap(),
        "store test passphrase",
    )
    .unwrap();
    (dir, v)
}

fn ev(at: i64) -> Event {
    Event {
        at,
        what: format!("event at {at}"),
    }
}

fn all(from: Option<i64>, until: Option<i64>) -> PageRequest {
    PageRequest {
        from_millis: from,
        until_millis: until,
        offset: 0,
        limit: MAX_PAGE,
    }
}

fn ats(page: &Page<Event>) -> Vec<i64> {
    page.items.iter().map(|(_, e)| e.at).collect()
}

#[test]
fn crud_keeps_ids_and_collections_apart() {
    let (_d, v) = vault();
    let s = v.store().unwrap();
    let id = s.insert(&ev(1)).unwrap();
    let other = s.insert(&Other("x".into())).unwrap();
    assert_eq!(s.get::<Event>(&id).unwrap(), ev(1));
    // An id of one collection is not found through another.
    assert!(matches!(
        s.get::<Other>(&id),
        Err(Error::NotFound { what: "other" })
    ));
    assert!(matches!(
        s.delete::<Event>(&other),
        Err(Error::NotFound { .. })
    ));
    s.update(&id, &ev(2)).unwrap();
    assert_eq!(s.get::<Event>(&id).unwrap(), ev(2));
    assert_eq!(s.count::<Event>().unwrap(), 1);
    assert_eq!(
        s.list::<Other>().unwrap().items,
        vec![(other, Other("x".into()))]
    );
    s.delete::<Event>(&id).unwrap();
    assert!(matches!(s.update(&id, &ev(3)), Err(Error::NotFound { .. })));
    assert_eq!(s.count::<Event>().unwrap(), 0);
}

#[test]
fn record_ids_parse_strictly() {
    let id = RecordId::random().unwrap();
    assert_eq!(RecordId::parse("id", &id.to_string()).unwrap(), id);
    for bad in ["", "xyz", &"g".repeat(32), &"0".repeat(31), &"0".repeat(33)] {
        assert!(matches!(
            RecordId::parse("id", bad),
            Err(Error::InvalidInput { field: "id", .. })
        ));
    }
}

#[test]
fn pages_follow_writes_after_the_timeline_is_built() {
    let (_d, v) = vault();
    let s = v.store().unwrap();
    let ids: Vec<RecordId> = [10, 30, 20, 40]
        .iter()
        .map(|&at| s.insert(&ev(at)).unwrap())
        .collect();
    assert_eq!(
        ats(&s.page::<Event>(all(None, None)).unwrap()),
        vec![40, 30, 20, 10]
    );
    // Writes after the index exists: insert, move, delete.
    s.insert(&ev(25)).unwrap();
    s.update(&ids[0], &ev(50)).unwrap();
    s.delete::<Event>(&ids[3]).unwrap();
    let page = s.page::<Event>(all(None, None)).unwrap();
    assert_eq!(ats(&page), vec![50, 30, 25, 20]);
    assert_eq!(page.total, 4);
    let window = s.page::<Event>(all(Some(20), Some(30))).unwrap();
    assert_eq!(ats(&window), vec![25, 20]);
    let second = s
        .page::<Event>(PageRequest {
            offset: 1,
            limit: 2,
            ..all(None, None)
        })
        .unwrap();
    assert_eq!(ats(&second), vec![30, 25]);
    assert_eq!(second.total, 4);
}

#[test]
fn a_rolled_back_transaction_leaves_no_trace_in_pages() {
    let (_d, v) = vault();
    let s = v.store().unwrap();
    let kept = s.insert(&ev(1)).unwrap();
    s.page::<Event>(all(None, None)).unwrap();
    let failed: Result<()> = s.atomically(|s| {
        s.insert(&ev(2))?;
        s.delete::<Event>(&kept)?;
        Err(Error::invalid("test", "roll_back"))
    });
    assert!(failed.is_err());
    assert_eq!(ats(&s.page::<Event>(all(None, None)).unwrap()), vec![1]);
    assert_eq!(s.count::<Event>().unwrap(), 1);
}

#[test]
fn pages_are_rebuilt_after_lock_and_refuse_bad_requests() {
    let (_d, mut v) = vault();
    v.store().unwrap().insert(&ev(5)).unwrap();
    v.store().unwrap().page::<Event>(all(None, None)).unwrap();
    v.lock();
    v.unlock_with_passphrase("store test passphrase").unwrap();
    let s = v.store().unwrap();
    assert_eq!(ats(&s.page::<Event>(all(None, None)).unwrap()), vec![5]);
    let bad = |req| matches!(s.page::<Event>(req), Err(Error::InvalidInput { .. }));
    assert!(bad(PageRequest {
        limit: 0,
        ..all(None, None)
    }));
    assert!(bad(PageRequest {
        limit: MAX_PAGE + 1,
        ..all(None, None)
    }));
    assert!(bad(all(Some(10), Some(5))));
}

#[test]
fn a_damaged_record_is_set_aside_by_pages_not_dropped() {
    let (_d, mut v) = vault();
    let s = v.store().unwrap();
    let bad = s.insert(&ev(1)).unwrap();
    s.insert(&ev(2)).unwrap();
    s.page::<Event>(all(None, None)).unwrap();
    // Someone edits the file behind the app's back.
    let raw = rusqlite::Connection::open(v.dir().join(crate::vault::DB_FILE)).unwrap();
    raw.execute(
        "UPDATE items SET body = body || x'00' WHERE id = ?1",
        [bad.0],
    )
    .unwrap();
    let page = s.page::<Event>(all(None, None)).unwrap();
    assert_eq!(ats(&page), vec![2]);
    assert_eq!(page.damaged, vec![bad]);
    // Rebuilt from scratch (after lock), the damaged record is still named.
    v.lock();
    v.unlock_with_passphrase("store test passphrase").unwrap();
    let rebuilt = v.store().unwrap().page::<Event>(all(None, None)).unwrap();
    assert_eq!(rebuilt.damaged, vec![bad]);
    assert_eq!(
        v.store().unwrap().count::<Event>().unwrap(),
        2,
        "nothing deleted"
    );
}
