//! Insights across the FFI: chart-ready records over a period.

use keel_core::insights as core;

use crate::error::Result;
use crate::exercises::ExerciseInsight;
use crate::meetings::WeekSummary;
use crate::mirror::all;
use crate::plan::TriggerCategory;
use crate::sobriety::{CalendarDate, SobrietyClockStatus, SobrietyStreakHistory};
use crate::types::{Language, Now};
use crate::vault::Vault;

/// Cravings on one day.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct CravingDay {
    pub date: CalendarDate,
    pub cravings: u32,
    /// Mean intensity 0–10, null on a day without cravings.
    pub mean_intensity: Option<f64>,
}

/// Cravings in one week (Monday first).
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct CravingWeek {
    pub week_start: CalendarDate,
    pub cravings: u32,
    pub mean_intensity: Option<f64>,
}

/// One cell of the craving heat map.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Record)]
pub struct HeatCell {
    /// 0 = Monday ... 6 = Sunday.
    pub weekday: u8,
    /// 0–23, local time of each entry.
    pub hour: u8,
    pub cravings: u32,
}

/// A trigger and how often it was logged.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct TriggerCount {
    pub name: String,
    pub category: TriggerCategory,
    pub count: u32,
}

/// A coping strategy and how it did.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct CopingRank {
    pub text: String,
    pub used: u32,
    /// Of those, cravings that passed without use.
    pub worked: u32,
    /// Mean fall in intensity where a linked exercise rated it.
    pub mean_drop: Option<f64>,
}

/// Check-ins on one day.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct MoodDay {
    pub date: CalendarDate,
    /// 1 (very low) to 5 (very good).
    pub mood: f64,
    pub craving_level: f64,
    pub sleep_hours: Option<f64>,
}

/// Every insight over a period.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Insights {
    pub days: Vec<CravingDay>,
    pub weeks: Vec<CravingWeek>,
    /// 168 cells, Monday 00:00 first.
    pub heat_map: Vec<HeatCell>,
    pub top_triggers: Vec<TriggerCount>,
    pub coping: Vec<CopingRank>,
    pub exercises: Vec<ExerciseInsight>,
    pub mood: Vec<MoodDay>,
    pub attendance_weeks: Vec<WeekSummary>,
    pub attendance_rate: Option<f64>,
    pub clocks: Vec<SobrietyClockStatus>,
    /// Each clock's streak history over its whole life (the 12 most recent
    /// streaks), in the order of `clocks`.
    pub streak_history: Vec<SobrietyStreakHistory>,
    pub damaged_ids: Vec<String>,
}

#[uniffi::export]
impl Vault {
    /// Insights over `[from_date, to_date]` (the participant's days, at most
    /// 366), exercise titles in `language`.
    pub fn insights(
        &self,
        from_date: CalendarDate,
        to_date: CalendarDate,
        now: Now,
        language: Language,
    ) -> Result<Insights> {
        let from = from_date.to_core("from_date")?;
        let to = to_date.to_core("to_date")?;
        let lang: keel_core::Language = language.into();
        let vault = self.core();
        let store = vault.store()?;
        let i = core::insights(&store, from, to, now.instant()?)?;
        let mut heat_map = Vec::with_capacity(168);
        for (day, hours) in i.heat_map.iter().enumerate() {
            for (hour, n) in hours.iter().enumerate() {
                heat_map.push(HeatCell {
                    weekday: u8::try_from(day).unwrap_or(0),
                    hour: u8::try_from(hour).unwrap_or(0),
                    cravings: *n,
                });
            }
        }
        Ok(Insights {
            days: i
                .days
                .into_iter()
                .map(|d| CravingDay {
                    date: d.date.into(),
                    cravings: d.cravings,
                    mean_intensity: d.mean_intensity,
                })
                .collect(),
            weeks: i
                .weeks
                .into_iter()
                .map(|w| CravingWeek {
                    week_start: w.week_start.into(),
                    cravings: w.cravings,
                    mean_intensity: w.mean_intensity,
                })
                .collect(),
            heat_map,
            top_triggers: i
                .top_triggers
                .into_iter()
                .map(|t| TriggerCount {
                    name: t.name,
                    category: t.category.into(),
                    count: t.count,
                })
                .collect(),
            coping: i
                .coping
                .into_iter()
                .map(|c| CopingRank {
                    text: c.text,
                    used: c.used,
                    worked: c.worked,
                    mean_drop: c.mean_drop,
                })
                .collect(),
            exercises: i
                .exercises
                .into_iter()
                .map(|e| ExerciseInsight::new(&store, e, lang))
                .collect(),
            mood: i
                .mood
                .into_iter()
                .map(|m| MoodDay {
                    date: m.date.into(),
                    mood: m.mood,
                    craving_level: m.craving_level,
                    sleep_hours: m.sleep_hours,
                })
                .collect(),
            attendance_weeks: all(i.attendance_weeks),
            attendance_rate: i.attendance_rate,
            streak_history: i
                .clocks
                .iter()
                .zip(i.streak_history)
                .map(|(c, h)| SobrietyStreakHistory::new(c.id, h))
                .collect(),
            clocks: all(i.clocks),
            damaged_ids: i.damaged.iter().map(ToString::to_string).collect(),
        })
    }
}
