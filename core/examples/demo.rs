//! The README's main job: the core doing real work with real encryption.
//!
//! It creates a vault in the folder it names (default `./keel-demo-vault`),
//! writes journal entries, locks, shows a wrong passphrase refused, reopens
//! with the right one and with a device key, and prints what lies on disk and
//! how long each step took. Run it with
//! `cargo run --release -p keel-core --example demo [-- FOLDER]`.

use std::path::Path;
use std::time::{Duration, Instant};

use keel_core::notes;
use keel_core::{Error, LocalInstant, Vault};

/// The demo participant's passphrase. A real one is chosen by the person.
const PASSPHRASE: &str = "river stone morning light";

type DemoResult<T = ()> = Result<T, Box<dyn std::error::Error>>;

/// Runs `f`, printing how long it took under `label`.
fn timed<T>(label: &str, f: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let out = f();
    println!("  {label:<50} {:>9}", fmt_duration(start.elapsed()));
    out
}

fn fmt_duration(d: Duration) -> String {
    if d.as_millis() >= 10 {
        format!("{} ms", d.as_millis())
    } else {
        format!("{:.2} ms", d.as_secs_f64() * 1000.0)
    }
}

fn now() -> LocalInstant {
    let now = chrono::Local::now();
    LocalInstant {
        utc_millis: now.timestamp_millis(),
        offset_minutes: now.offset().local_minus_utc() / 60,
    }
}

/// Clears a vault left by an earlier run of the demo, through the real
/// unlock-and-wipe path (it knows the demo passphrase).
fn clear_previous(dir: &str) -> DemoResult {
    if Vault::exists(dir) {
        let mut old = Vault::open(dir)?;
        old.unlock_with_passphrase(PASSPHRASE)?;
        timed("wipe the previous demo vault", || old.wipe())?;
    }
    Ok(())
}

fn vault_tour(dir: &str) -> DemoResult {
    println!("\n== The vault: {dir}");
    clear_previous(dir)?;
    let mut vault = timed("create (PBKDF2-SHA256, 600,000 iterations)", || {
        Vault::create(dir, PASSPHRASE)
    })?;
    let device = timed("add a device slot (HKDF)", || vault.add_device_slot())?;

    let entries = [
        "Rough afternoon. Called Sam instead of driving past the old place.",
        "Group tonight: talked about HALT. Tired + lonely is my combo.",
        "Slept 7 hours. Walked before work. Craving at 5 pm, rode it out.",
    ];
    let t = now();
    timed("write 3 journal entries (each a durable commit)", || {
        let store = vault.store()?;
        for (i, text) in entries.iter().enumerate() {
            let at = LocalInstant {
                utc_millis: t.utc_millis - (i as i64 + 1) * 3_600_000,
                ..t
            };
            notes::add(&store, at, text, t)?;
        }
        Ok::<_, Error>(())
    })?;
    let bulk = 1000;
    timed(
        &format!("write {bulk} more entries in one transaction"),
        || {
            let store = vault.store()?;
            store.atomically(|s| {
                for i in 0..bulk {
                    notes::add(s, t, &format!("entry {i}"), t)?;
                }
                Ok(())
            })
        },
    )?;

    timed("lock (keys zeroized)", || vault.lock());
    match vault.store() {
        Err(Error::Locked) => println!("  reading while locked -> refused: Locked"),
        other => return Err(format!("expected Locked, got {:?}", other.map(|_| ())).into()),
    }
    drop(vault);

    let mut vault = timed("reopen (locked)", || Vault::open(dir))?;
    match timed("unlock with a wrong passphrase", || {
        vault.unlock_with_passphrase("river stone evening light")
    }) {
        Err(Error::WrongCredential) => println!("  wrong passphrase -> refused: WrongCredential"),
        other => return Err(format!("expected WrongCredential, got {other:?}").into()),
    }
    timed("unlock with the passphrase", || {
        vault.unlock_with_passphrase(PASSPHRASE)
    })?;
    let listed = timed(&format!("list and sort {} entries", bulk + 3), || {
        notes::list(&vault.store()?)
    })?;
    vault.lock();
    timed("unlock with the device secret", || {
        vault.unlock_with_device_secret(device.secret.as_slice())
    })?;
    println!("\n  Newest entries, decrypted:");
    for saved in listed
        .notes
        .iter()
        .filter(|n| !n.note.text.starts_with("entry "))
    {
        println!(
            "    [{}] {}",
            saved
                .note
                .written_at
                .to_local()
                .map(|d| d.format("%a %H:%M").to_string())
                .unwrap_or_default(),
            saved.note.text
        );
    }
    drop(vault);
    show_disk(Path::new(dir))
}

/// Prints the vault's files and a look at the raw database: table names,
/// row counts and the first bytes of one sealed record.
fn show_disk(dir: &Path) -> DemoResult {
    println!("\n== On disk");
    let mut files: Vec<_> = std::fs::read_dir(dir)?.collect::<Result<_, _>>()?;
    files.sort_by_key(|e| e.file_name());
    for entry in files {
        println!(
            "  {:<16} {:>9} bytes",
            entry.file_name().to_string_lossy(),
            entry.metadata()?.len()
        );
    }
    let conn = rusqlite::Connection::open_with_flags(
        dir.join(keel_core::vault::DB_FILE),
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY,
    )?;
    let mut stmt =
        conn.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")?;
    let tables: Vec<String> = stmt
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    for table in tables {
        let n: i64 = conn.query_row(&format!("SELECT count(*) FROM \"{table}\""), [], |r| {
            r.get(0)
        })?;
        println!("  table {table:<10} {n:>6} rows");
    }
    let (id, body): (Vec<u8>, Vec<u8>) =
        conn.query_row("SELECT id, body FROM items LIMIT 1", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?;
    println!(
        "  one sealed record: id {} .. body {} bytes: {}..",
        hex_str(&id[..4]),
        body.len(),
        hex_str(&body[..24])
    );
    let raw = std::fs::read(dir.join(keel_core::vault::DB_FILE))?;
    let found = raw.windows(4).any(|w| w == b"Sam ") || raw.windows(4).any(|w| w == b"HALT");
    println!(
        "  plaintext such as \"Sam\" or \"HALT\" in the file: {}",
        if found { "FOUND (bug!)" } else { "none" }
    );
    Ok(())
}

fn hex_str(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn main() -> DemoResult {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "keel-demo-vault".to_string());
    vault_tour(&dir)?;
    println!("\nDone. The vault is in {dir}/ (run again to wipe and rebuild it).");
    Ok(())
}
