//! Any bytes as a Meeting Guide feed: a report or a typed error, never a
//! panic, and every imported meeting valid.
#![no_main]

use keel_core::meetings::{Fellowship, MeetingKind, guide};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(feed) = std::str::from_utf8(data) else {
        return;
    };
    let kind = MeetingKind::TwelveStep(Fellowship::Aa);
    if let Ok(got) = guide::import(feed, kind, "America/Chicago", keel_fuzz::import_day()) {
        for m in got.meetings {
            assert!(m.meeting.validate().is_ok());
        }
    }
});
