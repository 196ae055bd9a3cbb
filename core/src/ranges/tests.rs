//! Presets in three zones, across DST, and the last report.

use chrono::NaiveDate;

use super::*;
use crate::Vault;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn ms(rfc3339: &str) -> i64 {
    chrono::DateTime::parse_from_rfc3339(rfc3339)
        .unwrap()
        .timestamp_millis()
}

fn now(rfc3339: &str, zone: &str) -> ZonedNow {
    ZonedNow::new(ms(rfc3339), zone).unwrap()
}

fn range(preset: RangePreset, now: &ZonedNow) -> DateRange {
    resolve_with(preset, now, None, Language::En)
        .unwrap()
        .unwrap()
}

#[test]
fn weeks_months_and_last_days_end_today_in_the_phones_calendar() {
    // Wednesday 2026-03-11, 23:30 in Chicago: already Thursday in UTC.
    let n = now("2026-03-11T23:30:00-05:00", "America/Chicago");
    let week = range(RangePreset::ThisWeek, &n);
    assert_eq!(
        (week.first_day, week.last_day),
        (date(2026, 3, 9), date(2026, 3, 11))
    );
    assert_eq!(week.start_millis, ms("2026-03-09T00:00:00-05:00"));
    assert_eq!(week.end_millis, ms("2026-03-12T00:00:00-05:00"));
    assert_eq!(week.label, "This week");

    // Last 7 days crosses the spring-forward Sunday (2026-03-08): the start
    // is midnight CST, the end midnight CDT.
    let seven = range(RangePreset::Last7Days, &n);
    assert_eq!(seven.first_day, date(2026, 3, 5));
    assert_eq!(seven.start_millis, ms("2026-03-05T00:00:00-06:00"));
    assert_eq!(seven.end_millis, ms("2026-03-12T00:00:00-05:00"));
    assert_eq!(
        seven.end_millis - seven.start_millis,
        7 * 86_400_000 - 3_600_000
    );

    let month = range(RangePreset::ThisMonth, &n);
    assert_eq!(month.first_day, date(2026, 3, 1));
    assert_eq!(
        range(RangePreset::Last30Days, &n).first_day,
        date(2026, 2, 10)
    );
    assert_eq!(
        range(RangePreset::Last90Days, &n).first_day,
        date(2025, 12, 12)
    );
    let all = range(RangePreset::Everything, &n);
    assert_eq!(all.first_day, date(2000, 1, 1));
    assert_eq!(all.end_millis, week.end_millis);
}

#[test]
fn half_hour_zones_southern_summer_and_a_skipped_midnight() {
    // Adelaide (+10:30 in summer), Monday 2026-01-05 08:00: still Sunday in UTC.
    let n = now("2026-01-05T08:00:00+10:30", "Australia/Adelaide");
    let week = range(RangePreset::ThisWeek, &n);
    assert_eq!(
        (week.first_day, week.last_day),
        (date(2026, 1, 5), date(2026, 1, 5))
    );
    assert_eq!(week.start_millis, ms("2026-01-05T00:00:00+10:30"));
    assert_eq!(week.end_millis, ms("2026-01-06T00:00:00+10:30"));

    // Santiago springs forward at midnight (2025-09-07 00:00 -> 01:00): that
    // day starts at 01:00 local, one hour into it by the old offset.
    let n = now("2025-09-07T12:00:00-03:00", "America/Santiago");
    let today = resolve_with(RangePreset::Last7Days, &n, None, Language::Es)
        .unwrap()
        .unwrap();
    assert_eq!(today.label, "Últimos 7 días");
    assert_eq!(today.end_millis, ms("2025-09-08T00:00:00-03:00"));
    let week = range(RangePreset::ThisWeek, &n);
    assert_eq!(week.first_day, date(2025, 9, 1));
    assert_eq!(week.start_millis, ms("2025-09-01T00:00:00-04:00"));
    let sunday = days(
        RangePreset::ThisWeek,
        date(2025, 9, 7),
        date(2025, 9, 7),
        &n,
        Language::En,
    )
    .unwrap();
    assert_eq!(sunday.start_millis, ms("2025-09-07T01:00:00-03:00"));
}

#[test]
fn since_the_last_report_is_offered_once_a_report_is_known() {
    let dir = tempfile::tempdir().unwrap();
    let v = Vault::create(
        dir.path().join("v").to_str().unwrap(),
        "a long enough passphrase",
    )
    .unwrap();
    let s = v.store().unwrap();
    let n = now("2026-03-11T09:00:00-05:00", "America/Chicago");
    let before = presets(&s, &n, Language::En).unwrap();
    assert_eq!(before.len(), RangePreset::ALL.len() - 1);
    assert!(
        before
            .iter()
            .all(|r| r.preset != RangePreset::SinceLastReport)
    );
    assert_eq!(
        resolve(&s, RangePreset::SinceLastReport, &n, Language::En).unwrap(),
        None
    );

    let report = |at: &str| LastReport {
        prepared: LocalInstant {
            utc_millis: ms(at),
            offset_minutes: -360,
        },
        from: date(2026, 2, 1),
        to: date(2026, 2, 27),
    };
    remember_report(&s, report("2026-02-20T18:00:00-06:00")).unwrap();
    remember_report(&s, report("2026-02-27T23:30:00-06:00")).unwrap();
    assert_eq!(s.count::<LastReport>().unwrap(), 1);
    let since = resolve(&s, RangePreset::SinceLastReport, &n, Language::En)
        .unwrap()
        .unwrap();
    assert_eq!(
        (since.first_day, since.last_day),
        (date(2026, 2, 27), date(2026, 3, 11))
    );
    assert_eq!(since.start_millis, ms("2026-02-27T00:00:00-06:00"));
    assert_eq!(since.label, "Since your last report");
    let listed = presets(&s, &n, Language::Es).unwrap();
    assert_eq!(
        listed.iter().map(|r| r.preset).collect::<Vec<_>>(),
        RangePreset::ALL.to_vec()
    );
    assert_eq!(listed[5].label, "Desde tu último informe");
}

#[test]
fn every_label_exists_in_both_languages() {
    for p in RangePreset::ALL {
        let (en, es) = (p.label(Language::En), p.label(Language::Es));
        assert!(!en.is_empty() && !es.is_empty());
        assert_ne!(en, es);
    }
}
