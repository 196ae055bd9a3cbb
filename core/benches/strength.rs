//! The passphrase strength estimate, which the first launch screen calls
//! on every keystroke (debounced, off the main thread).
//!
//! `cargo bench -p keel-core --bench strength` prints the first call (it
//! loads zxcvbn's word lists), then median and p99 for a 30-character
//! passphrase, for each prefix as it is typed, and for a 1,024-character
//! paste (only the first 100 characters are estimated). No assertions.

mod common;

use common::{measure, ms, row};
use std::hint::black_box;
use std::time::Instant;

use keel_core::strength::estimate;

fn main() {
    // 30 characters: four words and a digit, the kind a participant types.
    let typed = "maple Orbit candle river 7 sun";
    assert_eq!(typed.chars().count(), 30);

    println!("== Passphrase strength estimate");
    let t = Instant::now();
    let first = estimate(typed);
    println!(
        "{:<44} {:>11}",
        "first call (loads the word lists)",
        ms(t.elapsed())
    );
    println!("  guesses 10^{:.2}, {:?}", first.guesses_log10, first.level);

    row(
        "30 characters",
        &measure(2_001, || {
            black_box(estimate(typed));
        }),
    );
    let prefixes: Vec<String> = (1..=30).map(|n| typed.chars().take(n).collect()).collect();
    row(
        "each prefix of 30 characters, one by one",
        &measure(201, || {
            for p in &prefixes {
                black_box(estimate(p));
            }
        }),
    );
    let pasted = "maple orbit candle river ".repeat(41);
    row(
        "a 1,025-character paste",
        &measure(501, || {
            black_box(estimate(&pasted));
        }),
    );
}
