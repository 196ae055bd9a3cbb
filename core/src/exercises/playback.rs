//! The session clock: elapsed practice time from start, pause and resume
//! instants, so paused time never counts and no clock is read here.
//!
//! The shell passes readings of a *monotonic* clock (Android's
//! `SystemClock.elapsedRealtime()`, iOS's `ContinuousClock` or
//! `CACurrentMediaTime()` in ms), never wall-clock time, which can jump when
//! the phone syncs or the time zone changes. A `Playback` is a small value:
//! the running segments already finished are folded into `banked_ms`, and
//! `since_ms` is the instant the current segment (running or paused) began.

use crate::error::{Error, Result};

/// Where a run of an exercise is in time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Playback {
    /// Running time of the segments before the current one, ms.
    pub banked_ms: u64,
    /// Clock reading when the current segment began (start, pause or
    /// resume).
    pub since_ms: i64,
    /// True while paused.
    pub paused: bool,
}

fn between(since: i64, now: i64) -> Result<u64> {
    u64::try_from(i128::from(now) - i128::from(since))
        .map_err(|_| Error::invalid("now_ms", "goes_back"))
}

impl Playback {
    /// A run started at `now_ms`.
    pub fn start(now_ms: i64) -> Playback {
        Playback {
            banked_ms: 0,
            since_ms: now_ms,
            paused: false,
        }
    }

    /// Practice time at `now_ms`, pauses excluded.
    pub fn elapsed(&self, now_ms: i64) -> Result<u64> {
        let current = between(self.since_ms, now_ms)?;
        Ok(if self.paused {
            self.banked_ms
        } else {
            self.banked_ms.saturating_add(current)
        })
    }

    /// Pauses at `now_ms`.
    pub fn pause(&self, now_ms: i64) -> Result<Playback> {
        if self.paused {
            return Err(Error::invalid("playback", "already_paused"));
        }
        Ok(Playback {
            banked_ms: self.elapsed(now_ms)?,
            since_ms: now_ms,
            paused: true,
        })
    }

    /// Resumes at `now_ms`.
    pub fn resume(&self, now_ms: i64) -> Result<Playback> {
        if !self.paused {
            return Err(Error::invalid("playback", "not_paused"));
        }
        between(self.since_ms, now_ms)?;
        Ok(Playback {
            banked_ms: self.banked_ms,
            since_ms: now_ms,
            paused: false,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn pauses_do_not_count() {
        let p = Playback::start(1_000);
        assert_eq!(p.elapsed(1_000).unwrap(), 0);
        assert_eq!(p.elapsed(5_000).unwrap(), 4_000);
        let p = p.pause(5_000).unwrap();
        assert!(p.paused);
        assert_eq!(p.elapsed(9_000).unwrap(), 4_000);
        let p = p.resume(10_000).unwrap();
        assert_eq!(p.elapsed(12_000).unwrap(), 6_000);
        let p = p.pause(12_500).unwrap().resume(20_000).unwrap();
        assert_eq!(p.elapsed(21_000).unwrap(), 7_500);
    }

    #[test]
    fn misuse_is_refused() {
        let p = Playback::start(1_000);
        let field = |r: Result<Playback>| match r {
            Err(Error::InvalidInput { field, .. }) => field,
            other => panic!("expected invalid input, got {other:?}"),
        };
        assert_eq!(field(p.resume(2_000)), "playback");
        assert_eq!(field(p.pause(999)), "now_ms");
        let paused = p.pause(2_000).unwrap();
        assert_eq!(field(paused.pause(3_000)), "playback");
        assert_eq!(field(paused.resume(1_500)), "now_ms");
        assert!(p.elapsed(0).is_err());
        // Extreme readings cannot overflow.
        let far = Playback::start(i64::MIN);
        assert!(far.elapsed(i64::MAX).is_ok());
        assert!(Playback::start(i64::MAX).elapsed(i64::MIN).is_err());
    }

    proptest! {
        /// Elapsed time equals the sum of the running stretches, and never
        /// decreases as the clock moves on.
        #[test]
        fn elapsed_is_the_running_time(steps in proptest::collection::vec(0i64..100_000, 1..20)) {
            let mut now = 5_000i64;
            let mut p = Playback::start(now);
            let mut running = 0u64;
            let mut last = 0u64;
            for (i, d) in steps.iter().enumerate() {
                if !p.paused {
                    running += *d as u64;
                }
                now += d;
                let e = p.elapsed(now).unwrap();
                prop_assert_eq!(e, running);
                prop_assert!(e >= last);
                last = e;
                p = if i % 2 == 0 { p.pause(now).unwrap() } else { p.resume(now).unwrap() };
            }
        }
    }
}
