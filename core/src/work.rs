//! Long work: progress and cancellation for the calls a phone runs off its
//! UI thread (creating a vault, unlocking, the report, backup and restore,
//! re-keying).
//!
//! The caller passes a [`Work`]; the core counts its steps through [`Steps`],
//! reports each one, and asks before every step whether to go on. A step is
//! short (one collection, one batch of records, one key derivation), so a
//! cancel takes effect within one step. Work that is stopped this way writes
//! nothing it had not committed, and what it would have produced (a file, a
//! vault) is left out.

#[cfg(test)]
use crate::error::Error;
use crate::error::Result;

/// What a long call reports to, and asks whether to go on.
pub trait Work {
    /// `done` of `total` steps are finished (`total` may grow as the work
    /// learns its size; `done` never goes back).
    fn progress(&self, done: u64, total: u64);
    /// `Ok` to go on; the error to stop with otherwise (usually
    /// [`crate::Error::Cancelled`], or [`crate::Error::Locked`] when the vault was locked
    /// meanwhile).
    fn check(&self) -> Result<()>;
}

/// Work that nobody watches and nobody cancels.
#[derive(Debug, Clone, Copy, Default)]
pub struct Quiet;

impl Work for Quiet {
    fn progress(&self, _done: u64, _total: u64) {}
    fn check(&self) -> Result<()> {
        Ok(())
    }
}

/// A [`Work`] seen through a part of a longer job: `before` steps were
/// done before this part, so its `done / total` continue the job's count.
pub struct Shifted<'a> {
    /// The whole job's work.
    pub inner: &'a dyn Work,
    /// Steps done before this part.
    pub before: u64,
}

impl Work for Shifted<'_> {
    fn progress(&self, done: u64, total: u64) {
        self.inner.progress(
            done.saturating_add(self.before),
            total.saturating_add(self.before),
        );
    }
    fn check(&self) -> Result<()> {
        self.inner.check()
    }
}

/// A count of steps reported to a [`Work`].
pub struct Steps<'a> {
    work: &'a dyn Work,
    done: u64,
    total: u64,
}

impl<'a> Steps<'a> {
    /// Starts counting `total` steps and reports `0 / total`.
    pub fn new(work: &'a dyn Work, total: u64) -> Self {
        work.progress(0, total);
        Steps {
            work,
            done: 0,
            total,
        }
    }

    /// Stops here if the caller asked to.
    pub fn check(&self) -> Result<()> {
        self.work.check()
    }

    /// Adds `more` steps to the total (the size became known).
    pub fn grow(&mut self, more: u64) {
        self.total = self.total.saturating_add(more);
        self.work.progress(self.done, self.total);
    }

    /// One step done: reports it, then stops here if the caller asked to.
    pub fn step(&mut self) -> Result<()> {
        self.advance(1)
    }

    /// `n` steps done at once.
    pub fn advance(&mut self, n: u64) -> Result<()> {
        self.done = self.done.saturating_add(n).min(self.total);
        self.work.progress(self.done, self.total);
        self.check()
    }

    /// Marks everything done.
    pub fn finish(&mut self) {
        self.done = self.total;
        self.work.progress(self.done, self.total);
    }
}

/// A [`Work`] for tests: records progress, cancels after a given number of
/// checks.
#[cfg(test)]
pub(crate) struct CancelAfter {
    pub checks: std::cell::Cell<u64>,
    pub limit: u64,
    pub seen: std::cell::RefCell<Vec<(u64, u64)>>,
}

#[cfg(test)]
impl CancelAfter {
    pub fn new(limit: u64) -> Self {
        CancelAfter {
            checks: std::cell::Cell::new(0),
            limit,
            seen: std::cell::RefCell::default(),
        }
    }
}

#[cfg(test)]
impl Work for CancelAfter {
    fn progress(&self, done: u64, total: u64) {
        self.seen.borrow_mut().push((done, total));
    }
    fn check(&self) -> Result<()> {
        let n = self.checks.get() + 1;
        self.checks.set(n);
        if n > self.limit {
            Err(Error::Cancelled)
        } else {
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_report_and_stop_when_asked() {
        let w = CancelAfter::new(2);
        let mut s = Steps::new(&w, 3);
        s.step().unwrap();
        s.grow(2);
        s.step().unwrap();
        assert!(matches!(s.step(), Err(Error::Cancelled)));
        assert_eq!(
            *w.seen.borrow(),
            vec![(0, 3), (1, 3), (1, 5), (2, 5), (3, 5)]
        );
    }

    #[test]
    fn quiet_never_stops() {
        let mut s = Steps::new(&Quiet, 1);
        s.step().unwrap();
        s.step().unwrap();
        s.finish();
    }
}
