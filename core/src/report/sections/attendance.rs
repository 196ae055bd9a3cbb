//! The attendance section: meetings attended and program hours per week.

use chrono::NaiveDate;

use super::{fact, local_parts, table};
use crate::error::Result;
use crate::meetings::attendance::Attendance;
use crate::meetings::requirement::{self, week_of};
use crate::report::bidi::typed;
use crate::report::document::{Block, ChartKind, Section, SectionId, Series};
use crate::report::text::{Label, Words};
use crate::store::Store;
use crate::time::LocalInstant;

/// Attendance in `[from, to]` (the occurrence's local date).
pub fn attendance(
    store: &Store<'_>,
    from: NaiveDate,
    to: NaiveDate,
    now: LocalInstant,
    w: &Words,
) -> Result<Section> {
    let settings = requirement::settings(store)?;
    let all = requirement::all_records(store)?;
    let mut records: Vec<&Attendance> = all
        .iter()
        .filter(|a| {
            a.occurrence
                .local_date()
                .is_some_and(|d| d >= from && d <= to)
        })
        .collect();
    records.sort_by_key(|a| a.occurrence.utc_millis);
    let totals = requirement::weekly_totals(&all);
    let mut weeks = Vec::new();
    let mut week = week_of(from);
    while week <= to {
        let total = totals.get(&week).copied().unwrap_or_default();
        weeks.push((week, total, settings.met_by(total)));
        week = week + chrono::Days::new(7);
    }
    let meetings = crate::meetings::list(store)?.meetings;
    let (scheduled, attended) = requirement::recent_rate(&meetings, &all, now)?;
    let requirement_text = match (settings.weekly_minutes, settings.weekly_sessions) {
        (None, None) => w.label(Label::NotSet).to_string(),
        (m, s) => [
            m.map(|m| format!("{:.1} h", f64::from(m) / 60.0)),
            s.map(|s| format!("{s} ×")),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(", "),
    };
    let rate = if scheduled > 0 {
        format!("{:.0}%", f64::from(attended) * 100.0 / f64::from(scheduled))
    } else {
        String::new()
    };
    Ok(Section {
        id: SectionId::Attendance,
        heading: w.label(Label::Attendance).to_string(),
        blocks: vec![
            Block::Paragraph {
                text: w.label(Label::AttendanceIntro).to_string(),
            },
            Block::Summary {
                facts: vec![
                    fact(w.label(Label::WeeklyRequirement), requirement_text),
                    fact(
                        w.label(Label::WeeksMet),
                        format!("{} / {}", weeks.iter().filter(|w| w.2).count(), weeks.len()),
                    ),
                    fact(w.label(Label::AttendanceRate), rate),
                ],
            },
            Block::Chart {
                kind: ChartKind::Bar,
                title: w.label(Label::ProgramHoursPerWeek).to_string(),
                labels: weeks
                    .iter()
                    .map(|(d, _, _)| d.format("%m-%d").to_string())
                    .collect(),
                series: vec![Series {
                    name: w.label(Label::Hours).to_string(),
                    values: weeks
                        .iter()
                        .map(|(_, t, _)| f64::from(t.minutes) / 60.0)
                        .collect(),
                }],
                y_max: None,
            },
            table(
                w.label(Label::Attendance),
                &[
                    w.date(),
                    w.time(),
                    w.label(Label::Meeting),
                    w.label(Label::Kind),
                    w.label(Label::Minutes),
                    w.label(Label::Status),
                ],
                records
                    .iter()
                    .map(|a| {
                        let (date, time) = local_parts(a.occurrence);
                        vec![
                            date,
                            time,
                            typed(&a.meeting_name),
                            a.kind.label(w.lang()).to_string(),
                            a.minutes.to_string(),
                            w.attendance(a.status).to_string(),
                        ]
                    })
                    .collect(),
            ),
        ],
    })
}
