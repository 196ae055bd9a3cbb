//! Plain exports the participant may choose besides the encrypted report:
//!
//! - [`csv`]: one CSV file per log type, for spreadsheets. **Not
//!   encrypted**: the core refuses unless the call confirms the participant
//!   saw the warning ([`csv::WARNING`]);
//! - [`fhir`]: a FHIR R4 `Bundle` (Observations for craving intensity and
//!   check-ins, Encounters for attendance) a program can import into its EHR.
//!
//! Both read every record of their kinds (no period: a move to a new
//! program takes everything), leave damaged records out and count them.

pub mod csv;
pub mod fhir;

/// Serde values of every record of `T`, oldest first, and how many were
/// damaged (left out, never deleted).
pub(crate) fn oldest_first<T: crate::store::Timed>(
    store: &crate::store::Store<'_>,
) -> crate::error::Result<(Vec<T>, usize)> {
    let listing = store.list::<T>()?;
    let mut items = listing.items;
    items.sort_by_key(|(id, v)| (v.at_millis(), *id));
    Ok((
        items.into_iter().map(|(_, v)| v).collect(),
        listing.damaged.len(),
    ))
}
