//! Writes a seed corpus for every fuzz target into `corpus/<target>/`:
//! real files made by the core (a vault with a device slot, a backup and a
//! report sealed with the fixed key, the spec's Meeting Guide example), so
//! the fuzzer starts from inputs that get past every parser's first checks.
//!
//! `cargo run --manifest-path core/fuzz/Cargo.toml --bin seed_corpus`

use std::fs;
use std::num::NonZeroU32;
use std::path::Path;

use keel_core::backup::{self, format::Header};
use keel_core::meetings::{self, Fellowship, MeetingKind, guide};
use keel_core::report::container;
use keel_core::{LocalInstant, Vault, notes};

type Fallible = Result<(), Box<dyn std::error::Error>>;

const NOW: LocalInstant = LocalInstant {
    utc_millis: 1_795_000_000_000,
    offset_minutes: -300,
};

const EXAMPLE: &str = include_str!("../../tests/fixtures/meeting-guide/example-meeting.json");

fn put(target: &str, name: &str, bytes: &[u8]) -> Fallible {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("corpus")
        .join(target);
    fs::create_dir_all(&dir)?;
    fs::write(dir.join(name), bytes)?;
    Ok(())
}

fn main() -> Fallible {
    let feed = format!("[{EXAMPLE}]");
    put("meeting_guide", "example", feed.as_bytes())?;
    put(
        "meeting_guide",
        "messy",
        br#"[{"name":"A","slug":"a","day":[1,9,"3"],"time":"7:30","end_time":"06:00","types":["O","??"],"conference_url":"javascript:x"},{"slug":"a"},null,{"meetings":[]}]"#,
    )?;

    let tmp = tempfile::tempdir()?;
    let dir = tmp.path().join("v");
    let dir = dir.to_str().ok_or("path")?;
    let secret = {
        let mut vault = Vault::create(dir, "seed corpus passphrase")?;
        let slot = vault.add_device_slot()?;
        let store = vault.store()?;
        for i in 0..20 {
            let at = LocalInstant {
                utc_millis: NOW.utc_millis - i * 3_600_000,
                ..NOW
            };
            notes::add(&store, at, &format!("seed note {i}"), NOW)?;
        }
        let imported = guide::import(
            &feed,
            MeetingKind::TwelveStep(Fellowship::Aa),
            "America/Chicago",
            keel_fuzz::import_day(),
        )?;
        for m in imported.meetings {
            meetings::add(&store, m.meeting)?;
        }
        let header = Header::new(600_000, [1; 16]);
        let (file, _) = backup::create_with_key(&store, &header, &keel_fuzz::fixed_key(), NOW)?;
        put("backup_restore", "backup", &file)?;
        let (parsed, rest) = backup::format::parse_header(&file)?;
        let stream = backup::format::open_chunks(&parsed, rest, &keel_fuzz::fixed_key())?;
        put("backup_restore", "stream", &stream)?;
        *slot.secret
    };
    let mut vault_input = secret.to_vec();
    vault_input.extend(fs::read(Path::new(dir).join("vault.db"))?);
    put("corrupted_vault", "vault", &vault_input)?;

    let rounds = NonZeroU32::new(600_000).ok_or("rounds")?;
    let report = container::seal_with_key(
        br#"{"format":1,"sections":[{"title":"Cravings","rows":[[1,2,3]]}]}"#,
        &keel_fuzz::fixed_key(),
        rounds,
        [2; 16],
    )?;
    put("report_container", "report", &report)?;
    println!("seed corpus written under corpus/");
    Ok(())
}
