//! Any bytes as a counselor report container, opened with a fixed key.
#![no_main]

use keel_core::report::container;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(parsed) = container::parse(data) {
        let _ = container::open_with_key(&parsed, &keel_fuzz::fixed_key());
    }
});
