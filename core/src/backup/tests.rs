use std::sync::OnceLock;

use proptest::prelude::*;
use serde_json::json;

use super::*;
use crate::Vault;
use crate::notes::{self, Note};

const NOW: LocalInstant = LocalInstant {
    utc_millis: 1_763_996_400_000,
    offset_minutes: -300,
};
const PASS: &str = "maple river candle orbit";

fn earlier(minutes: i64) -> LocalInstant {
    LocalInstant {
        utc_millis: NOW.utc_millis - minutes * 60_000,
        ..NOW
    }
}

fn new_vault() -> (tempfile::TempDir, Vault) {
    let dir = tempfile::tempdir().unwrap();
    let v = Vault::create(
        dir.path().join("v").to_str().unwrap(),
        "a long enough passphrase",
    )
    .unwrap();
    (dir, v)
}

fn coll(name: &str) -> &'static Collection {
    registry::find(name).unwrap()
}

/// A vault with notes and records that refer to each other.
fn filled() -> (tempfile::TempDir, Vault, RecordId, RecordId) {
    let (d, v) = new_vault();
    let (clock, pattern) = {
        let s = v.store().unwrap();
        notes::add(&s, earlier(10), "first", NOW).unwrap();
        notes::add(&s, earlier(5), "second <b>bold</b>", NOW).unwrap();
        let clock = coll("sobriety.clock")
            .insert(&s, json!({"label": "days", "start": "2025-10-01"}))
            .unwrap();
        let pattern = coll("exercises.pattern")
            .insert(&s, json!({"name": "box", "inhale_ms": 4000}))
            .unwrap();
        coll("log.lapse")
            .insert(&s, json!({"clock_ids": [clock.to_string()], "note": "ok"}))
            .unwrap();
        coll("exercises.session")
            .insert(
                &s,
                json!({"exercise": format!("custom.{pattern}"), "by_id": {clock.to_string(): 1}}),
            )
            .unwrap();
        // A derived record: never backed up.
        coll("summary.recent")
            .insert(&s, json!({"version": 1}))
            .unwrap();
        (clock, pattern)
    };
    (d, v, clock, pattern)
}

fn kept_total(store: &Store<'_>) -> u64 {
    vault_counts(store).unwrap().values().sum()
}

#[test]
fn backup_then_restore_into_an_empty_vault() {
    let (_d, a, a_clock, a_pattern) = filled();
    let (file, summary) = create(&a.store().unwrap(), PASS, NOW).unwrap();
    assert_eq!(summary.records, 6);
    assert_eq!(summary.damaged_left_out, 0);
    assert_eq!(summary.bytes, file.len() as u64);
    assert_eq!(&file[..8], b"KEELBAK1");
    for secret in [&b"first"[..], b"second", b"journal.note", b"custom."] {
        assert!(!file.windows(secret.len()).any(|w| w == secret));
    }

    let (_e, b) = new_vault();
    let s = b.store().unwrap();
    // A derived record already in the new vault is cleared, not kept.
    coll("summary.recent")
        .insert(&s, json!({"version": 0}))
        .unwrap();
    let contents = inspect(&s, &file, PASS).unwrap();
    assert_eq!(contents.records, 6);
    assert_eq!(contents.vault_records, 0);
    assert_eq!(contents.created_at, NOW);
    let notes_count = contents
        .collections
        .iter()
        .find(|c| c.collection == "journal.note")
        .unwrap();
    assert_eq!((notes_count.in_backup, notes_count.in_vault), (2, 0));

    let done = restore(&s, &file, PASS, RestoreMode::IntoEmptyVault).unwrap();
    assert_eq!(done.restored, 6);
    assert_eq!(done.already_present, 0);
    let texts: Vec<String> = notes::list(&s)
        .unwrap()
        .notes
        .into_iter()
        .map(|n| n.note.text)
        .collect();
    assert_eq!(texts, ["second <b>bold</b>", "first"]);
    assert_eq!(coll("summary.recent").count(&s).unwrap(), 0);

    // Records keep their ids, so references between them still hold.
    let clock = coll("sobriety.clock").list(&s).unwrap().items[0].0;
    let pattern = coll("exercises.pattern").list(&s).unwrap().items[0].0;
    assert_eq!((clock, pattern), (a_clock, a_pattern));
    let lapse = &coll("log.lapse").list(&s).unwrap().items[0].1;
    assert_eq!(lapse["clock_ids"][0], json!(clock.to_string()));
    assert_eq!(lapse["note"], json!("ok"));
    let session = &coll("exercises.session").list(&s).unwrap().items[0].1;
    assert_eq!(session["exercise"], json!(format!("custom.{pattern}")));
    assert_eq!(session["by_id"][clock.to_string()], json!(1));
}

#[test]
fn restore_never_mixes_data_silently() {
    let (_d, a, _, _) = filled();
    let (file, _) = create(&a.store().unwrap(), PASS, NOW).unwrap();
    let (_e, b) = new_vault();
    let s = b.store().unwrap();
    notes::add(&s, earlier(1), "already here", NOW).unwrap();
    match restore(&s, &file, PASS, RestoreMode::IntoEmptyVault) {
        Err(BackupError::NotEmpty { records: 1 }) => {}
        other => panic!("expected NotEmpty, got {other:?}"),
    }
    assert_eq!(kept_total(&s), 1);
    let done = restore(&s, &file, PASS, RestoreMode::AddToExisting).unwrap();
    assert_eq!(done.restored, 6);
    assert_eq!(s.count::<Note>().unwrap(), 3);
    assert_eq!(kept_total(&s), 7);
}

#[test]
fn wrong_passphrase_and_foreign_files_are_typed_errors() {
    let (_d, a, _, _) = filled();
    let (file, _) = create(&a.store().unwrap(), PASS, NOW).unwrap();
    let (_e, b) = new_vault();
    let s = b.store().unwrap();
    assert!(matches!(
        restore(&s, &file, "maple river candle", RestoreMode::IntoEmptyVault),
        Err(BackupError::WrongPassphrase)
    ));
    assert!(matches!(
        open(b"PK\x03\x04 a zip", PASS),
        Err(BackupError::NotABackup)
    ));
    assert!(matches!(open(b"", PASS), Err(BackupError::NotABackup)));
    assert!(matches!(open(b"KEELB", PASS), Err(BackupError::Truncated)));
    let mut newer = file.clone();
    newer[8] = 2;
    assert!(matches!(
        open(&newer, PASS),
        Err(BackupError::NewerFormat {
            found: 2,
            supported: 1
        })
    ));
    // Passphrases are normalised like the report's.
    assert!(open(&file, " maple  river candle\u{a0}orbit ").is_ok());
    assert!(matches!(
        create(&a.store().unwrap(), "short", NOW),
        Err(BackupError::Core(Error::InvalidInput {
            field: "passphrase",
            ..
        }))
    ));
    assert_eq!(kept_total(&s), 0, "nothing written");
}

/// Hostile lengths and counts are refused with a typed error before any
/// key derivation or decryption: a count of 2^32 - 1 iterations (hours of
/// PBKDF2) or a chunk length of 4 GiB answers at once.
#[test]
fn hostile_parameters_are_refused_at_once() {
    let (file, key) = sample();
    for count in [
        0,
        1,
        crate::crypto::kdf::MIN_PBKDF2_ITERATIONS - 1,
        format::MAX_ITERATIONS + 1,
        u32::MAX,
    ] {
        let mut hostile = file.clone();
        hostile[10..14].copy_from_slice(&count.to_le_bytes());
        assert!(
            matches!(
                open(&hostile, PASS),
                Err(BackupError::OutOfRange {
                    parameter: "backup.iterations"
                })
            ),
            "{count}"
        );
    }
    let first_chunk = format::HEADER_LEN + format::CHECK_LEN;
    for len in [
        0,
        1,
        (crate::crypto::aead::OVERHEAD + 63) as u32,
        (crate::crypto::aead::OVERHEAD + format::CHUNK_PADDED + 1) as u32,
        u32::MAX,
    ] {
        let mut hostile = file.clone();
        hostile[first_chunk..first_chunk + 4].copy_from_slice(&len.to_le_bytes());
        assert!(
            matches!(
                open_with_key(&hostile, key),
                Err(BackupError::OutOfRange {
                    parameter: "backup.chunk_length"
                })
            ),
            "{len}"
        );
    }
    // Larger than any backup: refused before anything is read from it.
    let mut huge = vec![0u8; format::MAX_FILE + 1];
    huge[..8].copy_from_slice(format::MAGIC);
    assert!(matches!(
        format::parse_header(&huge),
        Err(BackupError::TooLarge)
    ));
}

/// A big vault's file has several chunks; chunks cannot be dropped, cut,
/// swapped or repeated.
#[test]
fn chunks_cannot_be_cut_reordered_or_repeated() {
    let (_d, a) = new_vault();
    {
        let s = a.store().unwrap();
        for i in 0..20 {
            notes::add(&s, earlier(i), &format!("{i} {}", "x".repeat(9_000)), NOW).unwrap();
        }
    }
    let (file, summary) = create(&a.store().unwrap(), PASS, NOW).unwrap();
    assert_eq!(summary.records, 20);
    let (header, rest) = format::parse_header(&file).unwrap();
    let key = header.key(&passphrase::normalize(PASS));
    assert_eq!(open_with_key(&file, &key).unwrap().entries.len(), 20);

    // Split the chunks out.
    let mut chunks = Vec::new();
    let mut at = format::CHECK_LEN;
    while at < rest.len() {
        let len = u32::from_le_bytes(rest[at..at + 4].try_into().unwrap()) as usize;
        chunks.push(&rest[at..at + 4 + len]);
        at += 4 + len;
    }
    assert!(chunks.len() >= 3, "{} chunks", chunks.len());
    let prefix = &file[..format::HEADER_LEN + format::CHECK_LEN];
    let build = |parts: &[&[u8]]| -> Vec<u8> { [&[prefix][..], parts].concat().concat() };

    let dropped_last = build(&chunks[..chunks.len() - 1]);
    assert!(matches!(
        open_with_key(&dropped_last, &key),
        Err(BackupError::Truncated)
    ));
    let mut swapped = chunks.clone();
    swapped.swap(0, 1);
    assert!(matches!(
        open_with_key(&build(&swapped), &key),
        Err(BackupError::Damaged { .. })
    ));
    let mut repeated = chunks.clone();
    repeated.insert(1, chunks[0]);
    assert!(matches!(
        open_with_key(&build(&repeated), &key),
        Err(BackupError::Damaged { .. })
    ));
    let mut dropped_middle = chunks.clone();
    dropped_middle.remove(1);
    assert!(matches!(
        open_with_key(&build(&dropped_middle), &key),
        Err(BackupError::Damaged { .. })
    ));
    let mut trailing = file.clone();
    trailing.extend_from_slice(&[0, 0, 0, 0]);
    assert!(open_with_key(&trailing, &key).is_err());
    // Cut anywhere: refused, and never a panic.
    for cut in (0..file.len()).step_by(997).chain([file.len() - 1]) {
        assert!(open_with_key(&file[..cut], &key).is_err(), "cut at {cut}");
    }
}

#[test]
fn damaged_vault_records_are_left_out_and_counted() {
    let (d, a) = new_vault();
    {
        let s = a.store().unwrap();
        notes::add(&s, earlier(2), "kept", NOW).unwrap();
        notes::add(&s, earlier(1), "will be damaged", NOW).unwrap();
    }
    let db = d.path().join("v").join(crate::vault::DB_FILE);
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.execute(
        "UPDATE items SET body = zeroblob(100) WHERE id = (SELECT id FROM items ORDER BY id LIMIT 1)",
        [],
    )
    .unwrap();
    drop(conn);
    let (file, summary) = create(&a.store().unwrap(), PASS, NOW).unwrap();
    assert_eq!((summary.records, summary.damaged_left_out), (1, 1));
    assert_eq!(open(&file, PASS).unwrap().entries.len(), 1);
}

#[test]
fn files_are_written_once_under_neutral_names() {
    let (_d, a, _, _) = filled();
    let out = tempfile::tempdir().unwrap();
    let name = suggested_file_name().unwrap();
    assert!(name.starts_with("backup-") && name.len() == "backup-.bin".len() + 16);
    let path = out.path().join(&name);
    let s = a.store().unwrap();
    let summary = write_file(&s, &path, PASS, NOW).unwrap();
    assert_eq!(summary.records, 6);
    assert!(matches!(
        write_file(&s, &path, PASS, NOW),
        Err(BackupError::Core(Error::InvalidInput { field: "path", .. }))
    ));
    assert_eq!(std::fs::read_dir(out.path()).unwrap().count(), 1);
    let bytes = read_file(&path).unwrap();
    assert_eq!(open(&bytes, PASS).unwrap().entries.len(), 6);
    assert!(matches!(
        read_file(&out.path().join("missing")),
        Err(BackupError::Core(Error::Storage(_)))
    ));
}

#[test]
fn restoring_the_same_backup_twice_adds_nothing_the_second_time() {
    use crate::plan::{self, template::template};
    use crate::sobriety;
    let (_d, a) = new_vault();
    {
        let s = a.store().unwrap();
        let plan = template(crate::Language::En).unwrap();
        plan::revisions::save(&s, plan.clone(), None, false, NOW).unwrap();
        plan::revisions::save(&s, plan, Some(1), true, NOW).unwrap();
        let date = chrono::NaiveDate::from_ymd_opt(2025, 10, 1).unwrap();
        sobriety::add(&s, "days", date, NOW).unwrap();
        notes::add(&s, earlier(3), "a note", NOW).unwrap();
    }
    let (file, _) = create(&a.store().unwrap(), PASS, NOW).unwrap();

    let (_e, b) = new_vault();
    let s = b.store().unwrap();
    notes::add(&s, earlier(1), "the new phone's own", NOW).unwrap();
    let first = restore(&s, &file, PASS, RestoreMode::AddToExisting).unwrap();
    assert_eq!((first.restored, first.already_present), (4, 0));
    let second = restore(&s, &file, PASS, RestoreMode::AddToExisting).unwrap();
    assert_eq!((second.restored, second.already_present), (0, 4));
    assert_eq!(plan::revisions::history(&s).unwrap().len(), 2);
    assert_eq!(sobriety::statuses(&s, NOW).unwrap().len(), 1);
    assert_eq!(s.count::<Note>().unwrap(), 2);

    // A record changed on this phone since is kept as it is here.
    let (id, mut note) = notes::list(&s)
        .unwrap()
        .notes
        .into_iter()
        .map(|n| (n.id, n.note))
        .find(|(_, n)| n.text == "a note")
        .unwrap();
    note.text = "edited here".into();
    s.update(&id, &note).unwrap();
    let third = restore(&s, &file, PASS, RestoreMode::AddToExisting).unwrap();
    assert_eq!(third.restored, 0);
    assert_eq!(s.get::<Note>(&id).unwrap().text, "edited here");

    // Into the vault the backup came from: everything is already there.
    let back = restore(&a.store().unwrap(), &file, PASS, RestoreMode::AddToExisting).unwrap();
    assert_eq!((back.restored, back.already_present), (0, 4));
}

#[test]
fn a_backup_restores_onto_a_phone_with_no_vault_or_leaves_none() {
    let (_d, a, _, _) = filled();
    let (file, _) = create(&a.store().unwrap(), PASS, NOW).unwrap();
    let out = tempfile::tempdir().unwrap();
    let dir = out.path().join("new");
    let dir = dir.to_str().unwrap();

    assert!(matches!(
        restore_new(
            dir,
            &file,
            "not the backup's",
            "a brand new passphrase",
            &Quiet
        ),
        Err(BackupError::WrongPassphrase)
    ));
    assert!(!Vault::exists(dir));
    // Stopped at each step: no vault is left.
    for limit in 0..5 {
        let work = crate::work::CancelAfter::new(limit);
        assert!(matches!(
            restore_new(dir, &file, PASS, "a brand new passphrase", &work),
            Err(BackupError::Core(Error::Cancelled))
        ));
        assert!(!Vault::exists(dir), "stopped after {limit} checks");
    }
    let (mut v, summary) = restore_new(dir, &file, PASS, "a brand new passphrase", &Quiet).unwrap();
    assert_eq!(summary.restored, 6);
    v.lock();
    v.unlock_with_passphrase("a brand new passphrase").unwrap();
    assert_eq!(kept_total(&v.store().unwrap()), 6);
    assert!(matches!(
        restore_new(dir, &file, PASS, "a brand new passphrase", &Quiet),
        Err(BackupError::Core(Error::AlreadyExists))
    ));
}

#[test]
fn a_backup_is_inspected_without_a_vault_as_it_is_against_an_empty_one() {
    let (_d, a, _, _) = filled();
    let (file, _) = create(&a.store().unwrap(), PASS, NOW).unwrap();
    let alone = contents_alone(&open(&file, PASS).unwrap());
    let (_e, b) = new_vault();
    assert_eq!(alone, inspect(&b.store().unwrap(), &file, PASS).unwrap());
    assert_eq!((alone.records, alone.vault_records), (6, 0));
    assert_eq!(alone.created_at, NOW);
    assert!(alone.collections.iter().all(|c| c.in_vault == 0));
    assert_eq!(
        alone.collections.iter().map(|c| c.in_backup).sum::<u64>(),
        6
    );
}

#[test]
fn an_id_taken_by_another_kind_of_record_is_a_damaged_backup() {
    let (_d, a, clock, _) = filled();
    let (file, _) = create(&a.store().unwrap(), PASS, NOW).unwrap();
    let (_e, b) = new_vault();
    let s = b.store().unwrap();
    coll("journal.note")
        .insert_as(&s, &clock, json!({"text": "x"}))
        .unwrap();
    assert!(matches!(
        restore(&s, &file, PASS, RestoreMode::AddToExisting),
        Err(BackupError::Damaged { .. })
    ));
    assert_eq!(kept_total(&s), 1);
}

#[test]
fn stream_checks_counts_versions_and_kinds() {
    let manifest = |records: u64, colls: &str| {
        format!(
            r#"{{"keel_backup":1,"created_at":{{"utc_millis":{},"offset_minutes":-300}},"records":{records},"collections":{colls}}}"#,
            NOW.utc_millis
        )
    };
    let id = "00112233445566778899aabbccddeeff";
    let line = |c: &str, id: &str| format!(r#"{{"c":"{c}","id":"{id}","v":{{"t":1}}}}"#);
    let ok = format!(
        "{}\n{}\n",
        manifest(1, r#"{"journal.note":1}"#),
        line("journal.note", id)
    );
    assert_eq!(parse_stream(ok.as_bytes()).unwrap().entries.len(), 1);
    let cases: Vec<(String, &str)> = vec![
        (ok.trim_end().to_string(), "damaged"),
        (
            format!("{}\n", manifest(2, r#"{"journal.note":1}"#)),
            "damaged",
        ),
        (
            format!(
                "{}\n{}\n",
                manifest(1, r#"{"journal.note":1}"#),
                line("mystery.kind", id)
            ),
            "unknown",
        ),
        (
            format!(
                "{}\n{}\n",
                manifest(1, r#"{"summary.recent":1}"#),
                line("summary.recent", id)
            ),
            "damaged",
        ),
        (
            format!(
                "{}\n{}\n{}\n",
                manifest(2, r#"{"journal.note":2}"#),
                line("journal.note", id),
                line("journal.note", id)
            ),
            "damaged",
        ),
        (
            format!(
                "{}\n{}\n",
                manifest(1, r#"{"log.lapse":1}"#),
                line("journal.note", id)
            ),
            "damaged",
        ),
        (
            format!(
                "{}\n{}\n",
                manifest(1, r#"{"journal.note":1}"#),
                line("journal.note", "zz")
            ),
            "damaged",
        ),
        (r#"{"keel_backup":7}"#.to_string() + "\n", "newer"),
    ];
    for (stream, want) in cases {
        let got = parse_stream(stream.as_bytes());
        let kind = match got {
            Err(BackupError::Damaged { .. }) => "damaged",
            Err(BackupError::UnknownCollection) => "unknown",
            Err(BackupError::NewerFormat { found: 7, .. }) => "newer",
            other => panic!("{stream:?}: {other:?}"),
        };
        assert_eq!(kind, want, "{stream}");
    }
}

/// The registry names every collection of every module `lib.rs` declares,
/// and marks derived ones (those with `impl Derived for`) as derived. A new
/// collection that is not registered fails here, by name.
#[test]
fn the_registry_covers_every_collection_in_the_sources() {
    use std::path::PathBuf;
    let src = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src");
    let lib = std::fs::read_to_string(src.join("lib.rs")).unwrap();
    let mut files = Vec::new();
    for line in lib.lines() {
        let line = line.trim();
        let Some(name) = line
            .strip_prefix("pub mod ")
            .or_else(|| line.strip_prefix("mod "))
            .and_then(|r| r.strip_suffix(';'))
        else {
            continue;
        };
        let file = src.join(format!("{name}.rs"));
        if file.is_file() {
            files.push(file);
        }
        let dir = src.join(name);
        let mut stack = vec![dir];
        while let Some(d) = stack.pop() {
            let Ok(entries) = std::fs::read_dir(&d) else {
                continue;
            };
            for e in entries {
                let p = e.unwrap().path();
                if p.is_dir() {
                    stack.push(p);
                } else if p.extension().is_some_and(|x| x == "rs")
                    && p.file_name().is_some_and(|n| n != "tests.rs")
                {
                    files.push(p);
                }
            }
        }
    }
    let mut kept = std::collections::BTreeSet::new();
    let mut derived = std::collections::BTreeSet::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let code = text.split("#[cfg(test)]").next().unwrap();
        let derived_types: Vec<&str> = code
            .match_indices("impl Derived for ")
            .filter_map(|(i, m)| code[i + m.len()..].split([' ', '{', '<']).next())
            .collect();
        for (i, m) in code.match_indices("impl Record for ") {
            let ty = code[i + m.len()..].split([' ', '{', '<']).next().unwrap();
            let rest = &code[i..];
            let Some(at) = rest.find("const COLLECTION: &'static str = \"") else {
                continue;
            };
            let name_start = at + "const COLLECTION: &'static str = \"".len();
            let name = &rest[name_start..name_start + rest[name_start..].find('"').unwrap()];
            if name.starts_with("test.") {
                continue;
            }
            if derived_types.contains(&ty) {
                derived.insert(name.to_string());
            } else {
                kept.insert(name.to_string());
            }
        }
    }
    let registry_kind = |kind| -> std::collections::BTreeSet<String> {
        COLLECTIONS
            .iter()
            .filter(|c| c.kind == kind)
            .map(|c| c.name.to_string())
            .collect()
    };
    assert!(
        kept.contains("journal.note"),
        "the scan found nothing: {kept:?}"
    );
    assert_eq!(
        registry_kind(Kind::Kept),
        kept,
        "backup::registry must list every kept collection (add a line to registry.rs)"
    );
    assert_eq!(
        registry_kind(Kind::Derived),
        derived,
        "backup::registry must list every derived collection as Derived"
    );
}

/// One valid file and its key, made once (PBKDF2 is slow unoptimised).
fn sample() -> &'static (Vec<u8>, SecretKey) {
    static SAMPLE: OnceLock<(Vec<u8>, SecretKey)> = OnceLock::new();
    SAMPLE.get_or_init(|| {
        let (_d, a, _, _) = filled();
        let (file, _) = create(&a.store().unwrap(), PASS, NOW).unwrap();
        let (header, _) = format::parse_header(&file).unwrap();
        let key = header.key(&passphrase::normalize(PASS));
        (file, key)
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// Arbitrary bytes never panic and never open.
    #[test]
    fn arbitrary_bytes_are_refused(bytes in proptest::collection::vec(any::<u8>(), 0..4096)) {
        let (_, key) = sample();
        prop_assert!(open_with_key(&bytes, key).is_err());
        let _ = parse_stream(&bytes);
    }

    /// Arbitrary bytes behind a valid magic and header get further in.
    #[test]
    fn arbitrary_bodies_are_refused(tail in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let (file, key) = sample();
        let mut bytes = file[..format::HEADER_LEN + format::CHECK_LEN].to_vec();
        bytes.extend_from_slice(&tail);
        prop_assert!(open_with_key(&bytes, key).is_err());
    }

    /// Any change to a valid file is refused with a typed error, never a panic.
    #[test]
    fn mutated_files_are_refused(
        edits in proptest::collection::vec((any::<prop::sample::Index>(), 1u8..=255), 1..4),
        cut in proptest::option::of(any::<prop::sample::Index>()),
        insert in proptest::option::of((any::<prop::sample::Index>(), any::<u8>())),
    ) {
        let (file, key) = sample();
        let mut bytes = file.clone();
        for (at, x) in &edits {
            let i = at.index(bytes.len());
            bytes[i] ^= x;
        }
        if let Some((at, b)) = insert {
            let i = at.index(bytes.len());
            bytes.insert(i, b);
        }
        if let Some(at) = cut {
            bytes.truncate(at.index(bytes.len()));
        }
        prop_assume!(bytes != *file);
        prop_assert!(open_with_key(&bytes, key).is_err());
    }

    /// Arbitrary record streams never panic.
    #[test]
    fn arbitrary_streams_never_panic(lines in proptest::collection::vec("[ -~]{0,80}", 0..6)) {
        let stream = lines.join("\n") + "\n";
        let _ = parse_stream(stream.as_bytes());
    }
}
