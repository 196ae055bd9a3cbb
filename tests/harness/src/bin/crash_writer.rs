//! A vault writer made to be killed: the crash tests start it, read what it
//! acknowledges on stdout, and SIGKILL it at a random moment.
//!
//! ```text
//! crash_writer notes <dir> <device-secret-hex>   write notes until killed
//! crash_writer passphrase <dir> <current> <new>  change the passphrase once
//! crash_writer create <dir> <passphrase>         create a vault
//! ```

use std::io::Write;
use std::process::ExitCode;

use keel_core::crypto::random_array;
use keel_core::{LocalInstant, Vault, notes};
use keel_harness::Event;

fn say(event: Event) -> keel_core::Result<()> {
    let mut out = std::io::stdout().lock();
    writeln!(out, "{}", event.line())?;
    out.flush()?;
    Ok(())
}

fn now() -> LocalInstant {
    LocalInstant {
        utc_millis: chrono::Utc::now().timestamp_millis(),
        offset_minutes: 0,
    }
}

/// Writes notes of random text, one durable commit each, until killed.
fn write_notes(dir: &str, secret_hex: &str) -> keel_core::Result<()> {
    let secret = hex::decode(secret_hex)
        .map_err(|_| keel_core::Error::invalid("device_secret", "not hex"))?;
    let mut vault = Vault::open(dir)?;
    vault.unlock_with_device_secret(&secret)?;
    let store = vault.store()?;
    say(Event::Ready)?;
    loop {
        let text = hex::encode(random_array::<8>()?);
        say(Event::Writing(text.clone()))?;
        let saved = notes::add(&store, now(), &text, now())?;
        say(Event::Ack(saved.id.to_string()))?;
    }
}

fn change_passphrase(dir: &str, current: &str, new: &str) -> keel_core::Result<()> {
    let mut vault = Vault::open(dir)?;
    say(Event::Ready)?;
    vault.change_passphrase(current, new)?;
    say(Event::Done)
}

fn create(dir: &str, passphrase: &str) -> keel_core::Result<()> {
    say(Event::Ready)?;
    Vault::create(dir, passphrase)?;
    say(Event::Done)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let result = match args.as_slice() {
        ["notes", dir, secret] => write_notes(dir, secret),
        ["passphrase", dir, current, new] => change_passphrase(dir, current, new),
        ["create", dir, passphrase] => create(dir, passphrase),
        _ => {
            eprintln!("usage: crash_writer notes|passphrase|create <dir> ...");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            // Core errors carry no personal content.
            eprintln!("crash_writer: {e}");
            ExitCode::FAILURE
        }
    }
}
