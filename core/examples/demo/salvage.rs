//! The salvage part of the demo: a copy of the journal whose file has three
//! bad pages (a failing flash cell, a half-restored copy), the reads that
//! now fail, and the salvage that rebuilds a working vault from every record
//! still readable, keeping the damaged file aside.

use std::fs;
use std::path::Path;

use keel_core::logs::{CheckIn, Craving};
use keel_core::vault::DB_FILE;
use keel_core::{LocalInstant, Vault, notes, salvage};

use super::{DemoResult, PASSPHRASE, timed};

const PAGE: usize = 16_384;

/// Overwrites three B-tree leaf pages spread over the file; returns how
/// many the file has.
fn damage(db: &Path) -> DemoResult<usize> {
    let mut bytes = fs::read(db)?;
    let leaves: Vec<usize> = (1..bytes.len() / PAGE)
        .filter(|p| bytes[p * PAGE] == 0x0a)
        .collect();
    for i in [1, 2, 3] {
        let page = leaves[leaves.len() * i / 4];
        bytes[page * PAGE..(page + 1) * PAGE].fill(0xa5);
    }
    fs::write(db, &bytes)?;
    Ok(bytes.len() / PAGE)
}

pub fn salvage_tour(dir: &str, now: LocalInstant) -> DemoResult {
    println!("\n== When the file is damaged (on a copy)");
    let tmp = tempfile::tempdir()?;
    let copy = tmp.path().join("vault");
    fs::create_dir(&copy)?;
    fs::copy(Path::new(dir).join(DB_FILE), copy.join(DB_FILE))?;
    let copy_str = copy.to_str().ok_or("temporary folder is not UTF-8")?;
    let counts = |v: &Vault| -> DemoResult<(u64, u64, usize)> {
        let s = v.store()?;
        Ok((
            s.count::<Craving>()?,
            s.count::<CheckIn>()?,
            notes::list(&s)?.notes.len(),
        ))
    };
    let mut before = Vault::open(copy_str)?;
    before.unlock_with_passphrase(PASSPHRASE)?;
    let (cravings, checkins, _) = counts(&before)?;
    drop(before);

    let pages = damage(&copy.join(DB_FILE))?;
    println!("  three of the copy's {pages} pages overwritten with junk");
    let mut broken = Vault::open(copy_str)?;
    broken.unlock_with_passphrase(PASSPHRASE)?;
    match broken.store()?.list::<Craving>() {
        Ok(_) => println!("  the cravings still list (the junk missed them)"),
        Err(e) => println!("  listing the cravings now fails: {e}"),
    }
    drop(broken);

    let report = timed("salvage: read what is left, rebuild the vault", || {
        salvage::salvage(copy_str, PASSPHRASE, now)
    })?;
    println!(
        "  {} records recovered, {} unreadable, {} of 65,536 id ranges lost",
        report.recovered, report.unreadable, report.unreadable_ranges
    );
    let mut rebuilt = Vault::open(copy_str)?;
    rebuilt.unlock_with_passphrase(PASSPHRASE)?;
    let (c, k, n) = counts(&rebuilt)?;
    println!(
        "  the rebuilt vault opens with the same passphrase: {c} of {cravings} cravings, \
         {k} of {checkins} check-ins, {n} notes"
    );
    let kept = fs::metadata(copy.join(&report.kept_as))?.len();
    println!(
        "  the damaged file stays beside it, byte for byte: {} ({} KiB)",
        report.kept_as,
        kept / 1024
    );
    Ok(())
}
