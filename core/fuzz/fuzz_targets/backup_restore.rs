//! Any bytes as a backup file (header, key check, chunks) and as a
//! decrypted record stream: a typed error or a fully checked result.
#![no_main]

use keel_core::backup;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = backup::format::parse_header(data);
    let _ = backup::open_with_key(data, &keel_fuzz::fixed_key());
    let _ = backup::parse_stream(data);
});
