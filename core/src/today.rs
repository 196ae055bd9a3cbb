//! The Today screen, computed in one call: every clock with its next
//! milestone, whether today's check-in is done, the most recent entries, the
//! if-then plans that fit right now, one-tap crisis contacts, and the lapse
//! plan after a recent lapse. Shells render it; they compute nothing.
//!
//! It reads only the sealed summaries (see [`crate::summary`]), the plan's
//! current revision and the clocks: a handful of records whatever the length
//! of the history.
//!
//! **Plans that fit right now.** Each plan trigger gets a score from the
//! rhythm summary at the current hour of the week (in the local time of
//! `now`): logged in this very hour on this weekday counts 4, the hour before
//! or after 2, this hour on another weekday 1. A coping plan scores as its
//! best linked trigger. Up to [`MAX_SUGGESTIONS`] plans with a score are shown,
//! best first (ties: higher trigger risk, then plan order); if fewer match,
//! plans for high-risk triggers fill the list, marked as such.
//!
//! **Crisis contacts.** The plan's crisis lines, then its support contacts
//! with a phone number whose role is crisis line, sponsor or counselor; before
//! any plan is saved, the default lines (988 and the SAMHSA helpline).
//!
//! **Meetings** ([`screen`] only, which knows the phone's zone): the meeting
//! on now (started, or starting within half an hour: the "I'm here" button)
//! with whether it is already checked in, and the next meeting that starts
//! after now (within [`NEXT_MEETING_DAYS`]), its start given both as an
//! instant and as the wall-clock time of the phone's zone at that instant.
//! The meeting list is one small collection; an attendance record is looked
//! up only for the meeting on now.
//!
//! **Measures** ([`screen`] only): the standard measures due today or
//! overdue by their schedules (see [`crate::measures::schedule`]).
//!
//! **Exercise.** [`crate::exercises::suggest`] with: a craving in progress
//! (the newest craving, if logged as ongoing in the last
//! [`CRAVING_FRESH_MINUTES`]); the high-risk hours from the rhythm summary
//! (the up to [`HIGH_RISK_HOURS`] hours of the day with the most triggers
//! logged, at least [`HIGH_RISK_MIN_COUNT`] each); and, only while a craving
//! is in progress, what helped in the newest [`PRACTICE_SCANNED`] practice
//! sessions.

use chrono::NaiveDate;

use crate::exercises::{self, session};
use crate::logs::CravingOutcome;
use crate::meetings::attendance::{Attendance, AttendanceStatus, happening_now};
use crate::meetings::{Occurrence, occurrences};
pub use crate::ranges::ZonedNow;
use crate::store::PageRequest;

use crate::calendar::{local_today, week_slot};
use crate::error::{Error, Result};
use crate::logs::{EntryKind, name_key};
use crate::plan::{
    ContactRole, CopingPlan, Language, LapsePlan, Plan, RiskLevel, Trigger, default_crisis_lines,
    revisions, template,
};
use crate::sobriety::{self, ClockStatus};
use crate::store::Store;
use crate::summary::Held;
use crate::summary::recent::{Brief, Recent, SHOWN};
use crate::summary::rhythm::Rhythm;
use crate::time::LocalInstant;

/// Most if-then plans the screen suggests.
pub const MAX_SUGGESTIONS: usize = 3;
/// How far ahead the next meeting is looked for.
pub const NEXT_MEETING_DAYS: i64 = 35;
/// How recent an ongoing craving must be to count as in progress.
pub const CRAVING_FRESH_MINUTES: i64 = 60;
/// Most hours of the day counted as high-risk.
pub const HIGH_RISK_HOURS: usize = 3;
/// Fewest triggers logged in an hour of the day for it to be high-risk.
pub const HIGH_RISK_MIN_COUNT: u32 = 3;
/// Newest practice sessions read for "what helped".
pub const PRACTICE_SCANNED: usize = 60;

/// The next meeting after now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NextMeeting {
    pub occurrence: Occurrence,
    /// Its start with the offset of the phone's zone at that instant: the
    /// time the participant's own clock will show.
    pub local_start: LocalInstant,
}

/// A meeting on now, for the "I'm here" button.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingNow {
    pub occurrence: Occurrence,
    /// True once it has started (else it starts within half an hour).
    pub in_progress: bool,
    /// What is recorded for it, if anything: present means checked in.
    pub recorded: Option<AttendanceStatus>,
}

impl MeetingNow {
    /// True while "I'm here" can still record it (nothing present recorded).
    pub fn can_check_in(&self) -> bool {
        !self.recorded.is_some_and(AttendanceStatus::present)
    }
}

/// Why a plan is suggested.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SuggestionReason {
    /// Its triggers are often logged around this hour and weekday.
    LoggedAtThisTime,
    /// It answers a high-risk trigger (shown when few plans match the time).
    HighRisk,
}

/// An if-then plan to show now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    pub coping_plan: CopingPlan,
    /// The triggers it answers, the most relevant now first.
    pub triggers: Vec<Trigger>,
    pub reason: SuggestionReason,
    /// The rhythm score behind it (0 for high-risk fill-ins).
    pub score: u32,
}

/// A contact to reach with one tap.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CrisisContact {
    pub name: String,
    pub phone: String,
    pub role: ContactRole,
    pub can_text: bool,
}

/// Everything the Today screen shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Today {
    /// The participant's calendar day at `now`.
    pub date: NaiveDate,
    pub clocks: Vec<ClockStatus>,
    /// True once a check-in dated today (local calendar) exists.
    pub checked_in_today: bool,
    /// The newest check-in dated today, if any.
    pub todays_checkin: Option<Brief>,
    /// The newest entries of every kind, newest first.
    pub recent: Vec<Brief>,
    pub suggestions: Vec<Suggestion>,
    pub crisis_contacts: Vec<CrisisContact>,
    /// The current plan revision, `None` before the first save.
    pub plan_revision: Option<u32>,
    /// The lapse plan, if a lapse was logged today or yesterday.
    pub lapse_plan: Option<LapsePlan>,
    /// The newest craving, if logged as ongoing in the last hour.
    pub ongoing_craving: Option<Brief>,
    /// The exercise to suggest now.
    pub exercise: exercises::Suggestion,
    /// A meeting on now ([`screen`] only).
    pub meeting_now: Option<MeetingNow>,
    /// The next meeting after now ([`screen`] only).
    pub next_meeting: Option<NextMeeting>,
    /// The standard measures due today or overdue ([`screen`] only).
    pub measures_due: Vec<crate::measures::schedule::Due>,
}

/// Computes the Today screen at `now`; defaults (before any plan is saved)
/// in `lang`.
pub fn today(store: &Store<'_>, now: LocalInstant, lang: Language) -> Result<Today> {
    local_today("now", now)?;
    store.atomically(|s| {
        let mut recent = Held::<Recent>::load(s)?;
        recent.save(s)?;
        let mut rhythm = Held::<Rhythm>::load(s)?;
        rhythm.save(s)?;
        let revision = revisions::current_in(s)?;
        let clocks = sobriety::statuses_in(s, now)?;
        compose(
            now,
            &recent.value,
            &rhythm.value,
            revision.as_ref().map(|r| (r.number, &r.plan)),
            clocks,
            lang,
        )
    })
}

/// The whole screen at `now` in the phone's zone: [`today`], the meetings
/// and an exercise that may draw on what helped before.
pub fn screen(store: &Store<'_>, now: &ZonedNow, lang: Language) -> Result<Today> {
    let instant = now.instant();
    let mut t = today(store, instant, lang)?;
    t.measures_due = crate::measures::schedule::due(store, now)?;
    let meetings = crate::meetings::list(store)?.meetings;
    let t_ms = instant.utc_millis;
    if let Some(o) = happening_now(&meetings, instant)? {
        let start = o.slot.start_millis;
        let recorded = store
            .page::<Attendance>(PageRequest {
                from_millis: Some(start),
                until_millis: Some(start.saturating_add(1)),
                offset: 0,
                limit: crate::store::MAX_PAGE,
            })?
            .items
            .into_iter()
            .find(|(_, a)| a.meeting_id == o.meeting_id)
            .map(|(_, a)| a.status);
        t.meeting_now = Some(MeetingNow {
            in_progress: start <= t_ms,
            recorded,
            occurrence: o,
        });
    }
    let on_now = t
        .meeting_now
        .as_ref()
        .map(|m| (m.occurrence.meeting_id, m.occurrence.slot.start_millis));
    let horizon = t_ms.saturating_add(NEXT_MEETING_DAYS * 86_400_000);
    t.next_meeting = occurrences(&meetings, t_ms, horizon)?
        .into_iter()
        .find(|o| o.slot.start_millis > t_ms && Some((o.meeting_id, o.slot.start_millis)) != on_now)
        .map(|o| NextMeeting {
            local_start: now.at(o.slot.start_millis),
            occurrence: o,
        });
    if t.exercise.reason == exercises::SuggestionReason::Craving {
        // A craving is in progress: what helped before may be suggested.
        let recent = store.page::<session::Session>(PageRequest {
            from_millis: None,
            until_millis: None,
            offset: 0,
            limit: PRACTICE_SCANNED,
        })?;
        let insights = session::insights_of(recent.items.iter().map(|(_, s)| s));
        let helped: Vec<session::Insight> = insights
            .into_iter()
            .filter(
                |i| match exercises::ExerciseRef::parse("exercise_id", &i.exercise_id) {
                    Ok(exercises::ExerciseRef::BuiltIn(_)) => true,
                    Ok(exercises::ExerciseRef::Custom(id)) => {
                        exercises::pattern::get(store, id).is_ok()
                    }
                    Err(_) => false,
                },
            )
            .collect();
        t.exercise = exercises::suggestion(&exercises::SuggestionContext {
            now: instant,
            craving_intensity: t.ongoing_craving.as_ref().and_then(|b| b.level),
            high_risk_hours: &[],
            insights: &helped,
        })?;
    }
    Ok(t)
}

/// The screen from its inputs, wherever they were read from: the summaries,
/// the current plan revision (number and plan) and the clocks' statuses.
/// Pure; [`today`] reads the inputs from the vault.
pub fn compose(
    now: LocalInstant,
    recent: &Recent,
    rhythm: &Rhythm,
    revision: Option<(u32, &Plan)>,
    clocks: Vec<ClockStatus>,
    lang: Language,
) -> Result<Today> {
    let date = local_today("now", now)?;
    let slot = week_slot(now).ok_or_else(|| Error::invalid("now", "out_of_range"))?;
    let todays_checkin = recent
        .ring(EntryKind::CheckIn)
        .items
        .iter()
        .find(|b| b.at.local_date() == Some(date))
        .cloned();
    let lapse_recently = recent
        .ring(EntryKind::Lapse)
        .items
        .first()
        .is_some_and(|b| {
            b.at.local_date()
                .is_some_and(|d| d == date || d.succ_opt() == Some(date))
        });
    let plan = revision.map(|(_, p)| p);
    let lapse_plan = if lapse_recently {
        Some(match plan {
            Some(p) => p.lapse_plan.clone(),
            None => template(lang)?.lapse_plan,
        })
    } else {
        None
    };
    let ongoing_craving = ongoing_craving(recent, now);
    let exercise = exercises::suggestion(&exercises::SuggestionContext {
        now,
        craving_intensity: ongoing_craving.as_ref().and_then(|b| b.level),
        high_risk_hours: &high_risk_hours(rhythm),
        insights: &[],
    })?;
    Ok(Today {
        date,
        clocks,
        checked_in_today: todays_checkin.is_some(),
        todays_checkin,
        recent: recent.newest(SHOWN),
        suggestions: plan
            .map(|p| suggestions(p, rhythm, slot))
            .unwrap_or_default(),
        crisis_contacts: crisis_contacts(plan, lang),
        plan_revision: revision.map(|(n, _)| n),
        lapse_plan,
        ongoing_craving,
        exercise,
        meeting_now: None,
        next_meeting: None,
        measures_due: Vec::new(),
    })
}

/// The newest craving, if it is logged as ongoing and began at most
/// [`CRAVING_FRESH_MINUTES`] before `now`.
pub fn ongoing_craving(recent: &Recent, now: LocalInstant) -> Option<Brief> {
    let newest = recent.ring(EntryKind::Craving).items.first()?;
    let age = now.utc_millis - newest.at.utc_millis;
    (newest.outcome == Some(CravingOutcome::Ongoing)
        && (0..=CRAVING_FRESH_MINUTES * 60_000).contains(&age))
    .then(|| newest.clone())
}

/// The hours of the day (0-23, in each entry's local time) with the most
/// triggers logged: up to [`HIGH_RISK_HOURS`], each with at least
/// [`HIGH_RISK_MIN_COUNT`], most first.
pub fn high_risk_hours(rhythm: &Rhythm) -> Vec<u8> {
    let mut by_hour = [0u32; 24];
    for (slot, n) in rhythm.slot_totals().iter().enumerate() {
        by_hour[slot % 24] = by_hour[slot % 24].saturating_add(*n);
    }
    let mut hours: Vec<(u32, u8)> = (0u8..24)
        .map(|h| (by_hour[usize::from(h)], h))
        .filter(|(n, _)| *n >= HIGH_RISK_MIN_COUNT)
        .collect();
    hours.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    hours
        .into_iter()
        .take(HIGH_RISK_HOURS)
        .map(|(_, h)| h)
        .collect()
}

/// A coping plan with its linked triggers, scored.
struct Scored<'p> {
    /// Position in the plan.
    index: usize,
    plan: &'p CopingPlan,
    /// Linked triggers with their scores, best first.
    linked: Vec<(u32, &'p Trigger)>,
}

impl Scored<'_> {
    fn best(&self) -> u32 {
        self.linked.first().map_or(0, |(s, _)| *s)
    }

    fn top_risk(&self) -> Option<RiskLevel> {
        self.linked.iter().map(|(_, t)| t.risk).max()
    }

    fn suggestion(&self, reason: SuggestionReason) -> Suggestion {
        Suggestion {
            coping_plan: self.plan.clone(),
            triggers: self.linked.iter().map(|(_, t)| (*t).clone()).collect(),
            reason,
            score: self.best(),
        }
    }
}

/// The if-then plans that fit hour-of-week `slot`.
pub fn suggestions(plan: &Plan, rhythm: &Rhythm, slot: u8) -> Vec<Suggestion> {
    let score_of = |t: &Trigger| rhythm.score(&[format!("p:{}", t.id), name_key(&t.name)], slot);
    let scored: Vec<Scored<'_>> = plan
        .coping_plans
        .iter()
        .enumerate()
        .map(|(index, c)| {
            let mut linked: Vec<(u32, &Trigger)> = c
                .trigger_ids
                .iter()
                .filter_map(|id| plan.trigger(id))
                .map(|t| (score_of(t), t))
                .collect();
            linked.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.risk.cmp(&a.1.risk)));
            Scored {
                index,
                plan: c,
                linked,
            }
        })
        .collect();
    let mut matched: Vec<&Scored<'_>> = scored.iter().filter(|s| s.best() > 0).collect();
    matched.sort_by(|a, b| {
        b.best()
            .cmp(&a.best())
            .then(b.top_risk().cmp(&a.top_risk()))
            .then(a.index.cmp(&b.index))
    });
    let mut out: Vec<Suggestion> = matched
        .into_iter()
        .take(MAX_SUGGESTIONS)
        .map(|s| s.suggestion(SuggestionReason::LoggedAtThisTime))
        .collect();
    let fill = scored
        .iter()
        .filter(|s| s.best() == 0 && s.top_risk() == Some(RiskLevel::High));
    for s in fill {
        if out.len() >= MAX_SUGGESTIONS {
            break;
        }
        out.push(s.suggestion(SuggestionReason::HighRisk));
    }
    out
}

/// The one-tap contacts: the plan's, or the default crisis lines in `lang`.
pub fn crisis_contacts(plan: Option<&Plan>, lang: Language) -> Vec<CrisisContact> {
    let lines = match plan {
        Some(p) => p.lapse_plan.crisis_lines.clone(),
        None => default_crisis_lines(lang),
    };
    let mut out: Vec<CrisisContact> = lines
        .into_iter()
        .map(|l| CrisisContact {
            name: l.name,
            phone: l.phone,
            role: ContactRole::CrisisLine,
            can_text: l.can_text,
        })
        .collect();
    if let Some(p) = plan {
        for role in [
            ContactRole::CrisisLine,
            ContactRole::Sponsor,
            ContactRole::Counselor,
        ] {
            out.extend(
                p.contacts
                    .iter()
                    .filter(|c| c.role == role && !c.phone.is_empty())
                    .map(|c| CrisisContact {
                        name: c.name.clone(),
                        phone: c.phone.clone(),
                        role: c.role,
                        can_text: true,
                    }),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests;
