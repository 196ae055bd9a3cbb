//! The format docs state what this code does: every constant in the
//! `name | value` tables of docs/security.md, docs/report-format.md and
//! docs/backup-format.md is compared with the code here (or, for the labels
//! and codes only visible in the bytes, by the independent reader in
//! tests/python/test_format_spec.py), the documented ranges are probed at
//! their edges, and the list of collections matches the registry.

use std::collections::BTreeMap;
use std::num::NonZeroU32;
use std::path::Path;

use crate::backup::format::{self as bak, Header};
use crate::backup::registry::{COLLECTIONS, Kind};
use crate::backup::{BackupError, STREAM_VERSION};
use crate::crypto::aead::OVERHEAD;
use crate::crypto::kdf::MIN_PBKDF2_ITERATIONS;
use crate::crypto::padding::{MAX_PLAINTEXT, bucket_for};
use crate::crypto::{KEY_LEN, SecretKey};
use crate::error::Error;
use crate::report::container::{self as rpt, OpenError};
use crate::report::document::{self, DOCUMENT_FORMAT};
use crate::slots::{
    DEVICE_SECRET_LEN, PASSPHRASE_MAX_CHARS, PASSPHRASE_MIN_CHARS, SLOT_MAX_ITERATIONS,
    SLOT_MIN_ITERATIONS, SlotKind, StoredSlot,
};
use crate::store::{FORMAT_VERSION, RecordId};

/// A constant's documented value: a number, or a `literal`.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Value {
    Number(u64),
    Text(String),
}

fn doc(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../docs")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// The cells of every table row in `text` under a header starting with
/// `columns`.
fn rows(text: &str, columns: &[&str]) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let mut inside = false;
    for line in text.lines().map(str::trim) {
        if !line.starts_with('|') {
            inside = false;
            continue;
        }
        let cells: Vec<String> = line
            .trim_matches('|')
            .split('|')
            .map(|c| c.trim().to_string())
            .collect();
        if cells
            .iter()
            .all(|c| !c.is_empty() && c.chars().all(|ch| ch == '-'))
        {
            continue;
        }
        if cells.len() >= columns.len() && cells[..columns.len()] == *columns {
            inside = true;
        } else if inside {
            out.push(cells);
        }
    }
    out
}

fn literal(cell: &str) -> Option<&str> {
    cell.strip_prefix('`')?.strip_suffix('`')
}

/// The doc's `name | value` tables.
fn constants(name: &str) -> BTreeMap<String, Value> {
    let mut out = BTreeMap::new();
    for row in rows(&doc(name), &["name", "value"]) {
        let key = literal(&row[0]).unwrap_or_else(|| panic!("{name}: {}", row[0]));
        let value = match literal(&row[1]) {
            Some(text) => Value::Text(text.to_string()),
            None => Value::Number(
                row[1]
                    .replace(',', "")
                    .parse()
                    .unwrap_or_else(|_| panic!("{name}: {key} = {}", row[1])),
            ),
        };
        assert!(
            out.insert(key.to_string(), value).is_none(),
            "{name}: {key} twice"
        );
    }
    assert!(!out.is_empty(), "{name} states no constants");
    out
}

/// Compares a doc's constants with `code`; names in `bytes_only` are checked
/// by the Python reader, which finds them in the files themselves.
fn check(name: &str, code: &[(&str, Value)], bytes_only: &[&str]) {
    let documented = constants(name);
    for (key, value) in code {
        assert_eq!(
            documented.get(*key),
            Some(value),
            "{name} states `{key}` otherwise than the code"
        );
    }
    for key in documented.keys() {
        assert!(
            code.iter().any(|(k, _)| k == key) || bytes_only.contains(&key.as_str()),
            "{name} states `{key}`, which no test checks: add it here or to the Python reader"
        );
    }
}

fn n(v: impl TryInto<u64>) -> Value {
    Value::Number(v.try_into().unwrap_or(u64::MAX))
}

fn text(v: &[u8]) -> Value {
    Value::Text(String::from_utf8(v.to_vec()).unwrap())
}

/// The padding constants, read back from the bucket rule itself.
fn padding(width: usize) -> [(&'static str, Value); 3] {
    let min = bucket_for(0);
    let page = (0..)
        .map(|k| min << k)
        .find(|&b| bucket_for(2 * b - width + 1) != 4 * b)
        .unwrap();
    assert_eq!(bucket_for(3 * page), 4 * page, "whole pages above a page");
    assert_eq!(bucket_for(min - width + 1), 2 * min);
    assert_eq!(bucket_for(min - width), min);
    [
        ("pad_len_width", n(width)),
        ("pad_min_bucket", n(min)),
        ("pad_page", n(page)),
    ]
}

#[test]
fn security_md_states_the_vaults_constants() {
    let [w, m, p] = padding(4);
    check(
        "security.md",
        &[
            ("db_file", text(crate::vault::DB_FILE.as_bytes())),
            ("schema_version", n(crate::schema::CURRENT_VERSION)),
            ("id_len", n(size_of::<RecordId>())),
            ("key_len", n(KEY_LEN)),
            ("nonce_len", n(ring::aead::NONCE_LEN)),
            ("tag_len", n(OVERHEAD - ring::aead::NONCE_LEN)),
            ("slot_wrapped_len", n(crate::slots::WRAPPED_LEN)),
            ("pbkdf2_iterations", n(MIN_PBKDF2_ITERATIONS)),
            ("slot_min_iterations", n(SLOT_MIN_ITERATIONS)),
            ("slot_max_iterations", n(SLOT_MAX_ITERATIONS)),
            ("device_secret_len", n(DEVICE_SECRET_LEN)),
            ("item_format", n(FORMAT_VERSION)),
            ("collection_max_len", n(u8::MAX)),
            ("max_plaintext", n(MAX_PLAINTEXT)),
            ("passphrase_min_chars", n(PASSPHRASE_MIN_CHARS)),
            ("passphrase_max_chars", n(PASSPHRASE_MAX_CHARS)),
            w,
            m,
            p,
        ],
        &[
            "meta_vault_id",
            "meta_key_id",
            "slot_kind_passphrase",
            "slot_kind_device",
            "slot_params_version",
            "slot_salt_len",
            "slot_aad_label",
            "device_info",
            "tag_key_info",
            "export_id_info",
            "row_tag_len",
            "item_aad_label",
            "collection_len_width",
        ],
    );
}

#[test]
fn security_md_lists_every_collection_in_registry_order() {
    let text = doc("security.md");
    let documented: Vec<(String, String)> = rows(&text, &["collection", "kind"])
        .into_iter()
        .map(|r| (literal(&r[0]).unwrap().to_string(), r[1].clone()))
        .collect();
    let code: Vec<(String, String)> = COLLECTIONS
        .iter()
        .map(|c| {
            assert!(c.name.len() <= usize::from(u8::MAX), "{}", c.name);
            let kind = match c.kind {
                Kind::Kept => "kept",
                Kind::Derived => "derived",
            };
            (c.name.to_string(), kind.to_string())
        })
        .collect();
    assert_eq!(documented, code);
}

#[test]
fn slot_iteration_bounds_are_the_documented_ones() {
    let key = SecretKey::random().unwrap();
    let params = crate::slots::PassphraseParams::fresh_with(SLOT_MIN_ITERATIONS).unwrap();
    let slot =
        StoredSlot::new_passphrase(&[1; 16], [2; 16], params, "any passphrase", &key).unwrap();
    assert_eq!(slot.kind, SlotKind::Passphrase);
    let with = |count: u32| {
        let mut s = slot.clone();
        s.params[1..5].copy_from_slice(&count.to_le_bytes());
        s.passphrase_params().map(|p| p.iterations)
    };
    for count in [SLOT_MIN_ITERATIONS, SLOT_MAX_ITERATIONS] {
        assert_eq!(with(count).unwrap(), count);
    }
    for count in [SLOT_MIN_ITERATIONS - 1, SLOT_MAX_ITERATIONS + 1] {
        assert!(matches!(
            with(count),
            Err(Error::OutOfRange {
                parameter: "slot.iterations"
            })
        ));
    }
}

#[test]
fn report_format_md_states_the_containers_constants() {
    let [w, m, p] = padding(4);
    check(
        "report-format.md",
        &[
            ("magic", text(rpt::MAGIC)),
            ("version", n(rpt::VERSION)),
            ("header_len", n(rpt::HEADER_LEN)),
            ("salt_len", n(rpt::SALT_LEN)),
            ("key_len", n(KEY_LEN)),
            ("nonce_len", n(ring::aead::NONCE_LEN)),
            ("tag_len", n(OVERHEAD - ring::aead::NONCE_LEN)),
            ("check_len", n(rpt::CHECK_LEN)),
            ("min_len", n(rpt::HEADER_LEN + rpt::CHECK_LEN + OVERHEAD)),
            ("max_len", n(rpt::MAX_CONTAINER)),
            ("pbkdf2_iterations", n(MIN_PBKDF2_ITERATIONS)),
            ("min_iterations", n(MIN_PBKDF2_ITERATIONS)),
            ("max_iterations", n(rpt::MAX_ITERATIONS)),
            ("max_json", n(MAX_PLAINTEXT)),
            ("document_format", n(DOCUMENT_FORMAT)),
            ("max_days", n(crate::report::MAX_DAYS)),
            ("max_sections", n(document::MAX_SECTIONS)),
            ("max_blocks", n(document::MAX_BLOCKS)),
            ("max_rows", n(document::MAX_ROWS)),
            ("max_columns", n(document::MAX_COLUMNS)),
            ("max_points", n(document::MAX_POINTS)),
            ("max_series", n(document::MAX_SERIES)),
            ("max_items", n(document::MAX_ITEMS)),
            ("max_text", n(document::MAX_TEXT)),
            ("max_value", n(document::MAX_VALUE as u64)),
            w,
            m,
            p,
        ],
        &["check_aad", "body_aad", "payload_id"],
    );
    // The reader's checks sit exactly at the documented edges.
    let key = SecretKey::random().unwrap();
    let count = NonZeroU32::new(MIN_PBKDF2_ITERATIONS).unwrap();
    let sealed = rpt::seal_with_key(b"{}", &key, count, [5; rpt::SALT_LEN]).unwrap();
    let with = |count: u32| {
        let mut c = sealed.clone();
        c[9..13].copy_from_slice(&count.to_le_bytes());
        rpt::parse(&c).map(|p| p.iterations.get()).err()
    };
    assert_eq!(with(MIN_PBKDF2_ITERATIONS), None);
    assert_eq!(with(rpt::MAX_ITERATIONS), None);
    let out_of_range = Some(OpenError::OutOfRange {
        parameter: "report.iterations",
    });
    assert_eq!(with(MIN_PBKDF2_ITERATIONS - 1), out_of_range);
    assert_eq!(with(rpt::MAX_ITERATIONS + 1), out_of_range);
    let shortest = rpt::HEADER_LEN + rpt::CHECK_LEN + OVERHEAD;
    assert!(rpt::parse(&sealed[..shortest]).is_ok());
    assert!(matches!(
        rpt::parse(&sealed[..shortest - 1]),
        Err(OpenError::Damaged { .. })
    ));
}

#[test]
fn backup_format_md_states_the_files_constants() {
    let [w, m, p] = padding(4);
    let min_chunk = OVERHEAD + bucket_for(0);
    let max_chunk = OVERHEAD + bak::CHUNK_PADDED;
    check(
        "backup-format.md",
        &[
            ("magic", text(bak::MAGIC)),
            ("version", n(bak::VERSION)),
            ("kdf_pbkdf2_sha256", n(bak::KDF_PBKDF2_SHA256)),
            ("header_len", n(bak::HEADER_LEN)),
            ("salt_len", n(bak::SALT_LEN)),
            ("key_len", n(KEY_LEN)),
            ("nonce_len", n(ring::aead::NONCE_LEN)),
            ("tag_len", n(OVERHEAD - ring::aead::NONCE_LEN)),
            ("check_len", n(bak::CHECK_LEN)),
            ("pbkdf2_iterations", n(MIN_PBKDF2_ITERATIONS)),
            ("min_iterations", n(MIN_PBKDF2_ITERATIONS)),
            ("max_iterations", n(bak::MAX_ITERATIONS)),
            ("chunk_padded", n(bak::CHUNK_PADDED)),
            ("chunk_data", n(bak::CHUNK_DATA)),
            ("min_chunk_len", n(min_chunk)),
            ("max_chunk_len", n(max_chunk)),
            ("max_file", n(bak::MAX_FILE)),
            ("stream_version", n(STREAM_VERSION)),
            w,
            m,
            p,
        ],
        &["check_aad", "chunk_aad", "chunk_len_width"],
    );

    // The header's iteration bounds, at their edges.
    let header_with = |count: u32| {
        let mut h = Header::new(MIN_PBKDF2_ITERATIONS, [3; bak::SALT_LEN]).bytes;
        h[10..14].copy_from_slice(&count.to_le_bytes());
        bak::parse_header(&h).err()
    };
    assert!(header_with(MIN_PBKDF2_ITERATIONS).is_none());
    assert!(header_with(bak::MAX_ITERATIONS).is_none());
    for count in [MIN_PBKDF2_ITERATIONS - 1, bak::MAX_ITERATIONS + 1] {
        assert!(matches!(
            header_with(count),
            Some(BackupError::OutOfRange {
                parameter: "backup.iterations"
            })
        ));
    }

    // A chunk's length field, at its edges: inside the range a reader goes
    // on to read the chunk (here: cut short), outside it refuses at once.
    let header = Header::new(MIN_PBKDF2_ITERATIONS, [3; bak::SALT_LEN]);
    let key = SecretKey::random().unwrap();
    let file = bak::seal(&header, &key, b"").unwrap();
    let (parsed, rest) = bak::parse_header(&file).unwrap();
    let chunk_with = |len: usize| {
        let mut r = rest[..bak::CHECK_LEN].to_vec();
        r.extend_from_slice(&u32::try_from(len).unwrap().to_le_bytes());
        bak::open_chunks(&parsed, &r, &key).err()
    };
    for len in [min_chunk, max_chunk] {
        assert!(matches!(chunk_with(len), Some(BackupError::Truncated)));
    }
    for len in [min_chunk - 1, max_chunk + 1] {
        assert!(matches!(
            chunk_with(len),
            Some(BackupError::OutOfRange {
                parameter: "backup.chunk_length"
            })
        ));
    }
}
