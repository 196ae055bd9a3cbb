//! Scores over time with their bands, the change since the previous
//! response, and which items moved between the two newest responses.

use super::Saved;
use super::model::{Band, Higher, Item, Scale};
use crate::time::LocalInstant;

/// Which way a change points, given whether higher is better or worse.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Direction {
    Better,
    Worse,
    Same,
}

impl Direction {
    /// The direction of a change from `from` to `to` when `higher` says
    /// what a higher value means.
    pub fn of(from: i32, to: i32, higher: Higher) -> Direction {
        match (to.cmp(&from), higher) {
            (std::cmp::Ordering::Equal, _) => Direction::Same,
            (std::cmp::Ordering::Greater, Higher::Better)
            | (std::cmp::Ordering::Less, Higher::Worse) => Direction::Better,
            _ => Direction::Worse,
        }
    }
}

/// One score at one response.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Point {
    pub at: LocalInstant,
    pub value: u16,
    pub band: &'static Band,
}

/// One score over time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScaleTrend {
    pub scale: &'static Scale,
    /// Oldest first.
    pub points: Vec<Point>,
    /// Newest minus the one before, if there are two.
    pub change: Option<i32>,
    pub direction: Option<Direction>,
    /// True if the newest is in another band than the one before.
    pub band_changed: bool,
}

/// An item answered differently in the newest response than in the one
/// before.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Moved {
    pub item: &'static Item,
    pub from: u8,
    pub to: u8,
    pub direction: Direction,
}

/// Trends of one measure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Trend {
    pub scales: Vec<ScaleTrend>,
    /// Items that moved, in the measure's order.
    pub moved: Vec<Moved>,
}

/// The trends of `newest_first` (one measure's history, newest first).
pub fn trend(newest_first: &[Saved]) -> Trend {
    let Some(latest) = newest_first.first() else {
        return Trend {
            scales: Vec::new(),
            moved: Vec::new(),
        };
    };
    let measure = latest.measure;
    let previous = newest_first.get(1);
    let scales = measure
        .scales
        .iter()
        .enumerate()
        .map(|(i, scale)| {
            let points: Vec<Point> = newest_first
                .iter()
                .rev()
                .filter_map(|s| {
                    s.scored.scores.get(i).map(|sc| Point {
                        at: s.response.taken_at,
                        value: sc.value,
                        band: sc.band,
                    })
                })
                .collect();
            let last_two = points
                .len()
                .checked_sub(2)
                .map(|n| (points[n], points[n + 1]));
            ScaleTrend {
                scale,
                change: last_two.map(|(a, b)| i32::from(b.value) - i32::from(a.value)),
                direction: last_two.map(|(a, b)| {
                    Direction::of(i32::from(a.value), i32::from(b.value), scale.higher)
                }),
                band_changed: last_two.is_some_and(|(a, b)| a.band != b.band),
                points,
            }
        })
        .collect();
    let moved = previous
        .map(|prev| {
            measure
                .items
                .iter()
                .filter_map(|item| {
                    let from = *prev.response.answers.get(item.key)?;
                    let to = *latest.response.answers.get(item.key)?;
                    (from != to).then(|| Moved {
                        item,
                        from,
                        to,
                        direction: Direction::of(i32::from(from), i32::from(to), item.higher),
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    Trend { scales, moved }
}
