//! Plain exports the participant may choose besides the encrypted report:
//!
//! - [`csv`]: one CSV file per log type, for spreadsheets. **Not
//!   encrypted**: the core refuses unless the call confirms the participant
//!   saw the warning ([`csv::WARNING`]);
//! - [`fhir`]: a FHIR R4 `Bundle` (Observations for craving intensity and
//!   check-ins, Encounters for attendance) a program can import into its EHR.
//!
//! Both read the records of their kinds in a [`Span`] of time (everything
//! by default: a move to a new program takes it all), leave damaged
//! records out and count them. [`archive`] packs the CSV files into one zip.

pub mod archive;
pub mod csv;
pub mod fhir;

use crate::error::{Error, Result};

/// The part of the timeline an export covers: records at or after
/// `from_millis` and before `until_millis` (UTC ms; `None` is unbounded).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Span {
    /// First instant included.
    pub from_millis: Option<i64>,
    /// First instant excluded.
    pub until_millis: Option<i64>,
}

impl Span {
    /// Every record.
    pub const ALL: Span = Span {
        from_millis: None,
        until_millis: None,
    };

    /// Checks the bounds are in order.
    pub fn validated(self) -> Result<Span> {
        if let (Some(from), Some(until)) = (self.from_millis, self.until_millis)
            && from > until
        {
            return Err(Error::invalid("range", "starts_after_end"));
        }
        Ok(self)
    }

    /// Whether an instant falls inside.
    pub fn contains(&self, at: i64) -> bool {
        self.from_millis.is_none_or(|f| at >= f) && self.until_millis.is_none_or(|u| at < u)
    }
}

/// Serde values of every record of `T` in `span`, oldest first, and how
/// many of the collection were damaged (left out, never deleted).
pub(crate) fn oldest_first<T: crate::store::Timed>(
    store: &crate::store::Store<'_>,
    span: Span,
) -> Result<(Vec<T>, usize)> {
    let (items, damaged) = oldest_first_with_ids::<T>(store, span)?;
    Ok((items.into_iter().map(|(_, v)| v).collect(), damaged))
}

/// [`oldest_first`] with each record's id (for stable export ids).
pub(crate) fn oldest_first_with_ids<T: crate::store::Timed>(
    store: &crate::store::Store<'_>,
    span: Span,
) -> Result<(Vec<(crate::store::RecordId, T)>, usize)> {
    let listing = store.list::<T>()?;
    let mut items = listing.items;
    items.retain(|(_, v)| span.contains(v.at_millis()));
    items.sort_by_key(|(id, v)| (v.at_millis(), *id));
    Ok((items, listing.damaged.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_include_their_start_and_exclude_their_end() {
        let s = Span {
            from_millis: Some(10),
            until_millis: Some(20),
        };
        assert!(!s.contains(9) && s.contains(10) && s.contains(19) && !s.contains(20));
        assert!(Span::ALL.contains(i64::MIN) && Span::ALL.contains(i64::MAX));
        assert!(
            Span {
                from_millis: Some(21),
                until_millis: Some(20)
            }
            .validated()
            .is_err()
        );
    }
}
