//! The logs across the FFI: cravings, trigger encounters, daily check-ins and
//! lapses. Each kind has add / update / get / delete / list (a date range,
//! newest first, in pages).
//!
//! Writes check "not in the future" (5 minutes' tolerance) against the
//! system clock; the Today screen and clocks take `now` from the shell.
//! Limits: intensity and craving level 0-10; at most 20 triggers and 20
//! coping tags per entry; names and one-line answers up to 200 characters;
//! notes up to 10,000; duration and sleep up to 24 hours (1440 minutes);
//! pages of 1 to 1000 entries.

use keel_core::logs::{self as core_logs, Entry, EntryPage, Saved};
use keel_core::{PageRequest, RecordId};

use crate::error::Result;
use crate::mirror::{all, mirror_enum};
use crate::plan::{CopingPlan, LapsePlan, Trigger, TriggerCategory};
use crate::sobriety::SobrietyClockStatus;
use crate::types::{Language, Moment, Now};
use crate::vault::Vault;

/// The kinds of log entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum EntryKind {
    Craving,
    Encounter,
    CheckIn,
    Lapse,
}
mirror_enum!(core_logs::EntryKind => EntryKind { Craving, Encounter, CheckIn, Lapse });

/// A five-point mood scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum Mood {
    VeryLow,
    Low,
    Okay,
    Good,
    VeryGood,
}
mirror_enum!(core_logs::Mood => Mood { VeryLow, Low, Okay, Good, VeryGood });

/// How a craving ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum CravingOutcome {
    Ongoing,
    RodeItOut,
    LeftTheSituation,
    ReachedOut,
    Used,
    Other,
}
mirror_enum!(core_logs::CravingOutcome => CravingOutcome {
    Ongoing, RodeItOut, LeftTheSituation, ReachedOut, Used, Other
});

/// HALT: hungry, angry, lonely, tired.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, uniffi::Record)]
pub struct Halt {
    pub hungry: bool,
    pub angry: bool,
    pub lonely: bool,
    pub tired: bool,
}

/// Where, with whom, HALT and mood.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct EntryContext {
    pub place: String,
    pub with_whom: String,
    pub halt: Halt,
    pub mood: Option<Mood>,
}

/// A trigger on an entry: `plan_trigger_id` names one from the plan (its
/// name and category are then filled in by the core), or it is null and
/// `name` and `category` describe a new one.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct TriggerTag {
    pub plan_trigger_id: Option<String>,
    pub name: String,
    pub category: TriggerCategory,
}

/// Coping used: `plan_coping_id` names an if-then plan (its "then" is filled
/// in), or it is null and `text` says what was done.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct CopingTag {
    pub plan_coping_id: Option<String>,
    pub text: String,
}

/// Which page of which date range: `[from, until)` in UTC milliseconds
/// (null for unbounded), newest first, skipping `offset`, at most `limit`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Record)]
pub struct PageQuery {
    pub from_utc_millis: Option<i64>,
    pub until_utc_millis: Option<i64>,
    pub offset: u32,
    pub limit: u32,
}

impl From<PageQuery> for PageRequest {
    fn from(q: PageQuery) -> Self {
        PageRequest {
            from_millis: q.from_utc_millis,
            until_millis: q.until_utc_millis,
            offset: q.offset as usize,
            limit: q.limit as usize,
        }
    }
}

impl From<core_logs::Halt> for Halt {
    fn from(h: core_logs::Halt) -> Self {
        Halt {
            hungry: h.hungry,
            angry: h.angry,
            lonely: h.lonely,
            tired: h.tired,
        }
    }
}

impl From<Halt> for core_logs::Halt {
    fn from(h: Halt) -> Self {
        core_logs::Halt {
            hungry: h.hungry,
            angry: h.angry,
            lonely: h.lonely,
            tired: h.tired,
        }
    }
}

impl From<core_logs::Context> for EntryContext {
    fn from(c: core_logs::Context) -> Self {
        EntryContext {
            place: c.place,
            with_whom: c.with_whom,
            halt: c.halt.into(),
            mood: c.mood.map(Mood::from),
        }
    }
}

impl From<EntryContext> for core_logs::Context {
    fn from(c: EntryContext) -> Self {
        core_logs::Context {
            place: c.place,
            with_whom: c.with_whom,
            halt: c.halt.into(),
            mood: c.mood.map(Into::into),
        }
    }
}

impl From<core_logs::TriggerTag> for TriggerTag {
    fn from(t: core_logs::TriggerTag) -> Self {
        TriggerTag {
            plan_trigger_id: t.plan_trigger_id,
            name: t.name,
            category: t.category.into(),
        }
    }
}

impl From<TriggerTag> for core_logs::TriggerTag {
    fn from(t: TriggerTag) -> Self {
        core_logs::TriggerTag {
            plan_trigger_id: t.plan_trigger_id,
            name: t.name,
            category: t.category.into(),
        }
    }
}

impl From<core_logs::CopingTag> for CopingTag {
    fn from(c: core_logs::CopingTag) -> Self {
        CopingTag {
            plan_coping_id: c.plan_coping_id,
            text: c.text,
        }
    }
}

impl From<CopingTag> for core_logs::CopingTag {
    fn from(c: CopingTag) -> Self {
        core_logs::CopingTag {
            plan_coping_id: c.plan_coping_id,
            text: c.text,
        }
    }
}

/// A craving to save.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct CravingDraft {
    pub at: Moment,
    /// 0 to 10.
    pub intensity: u8,
    pub duration_minutes: Option<u32>,
    pub triggers: Vec<TriggerTag>,
    pub context: EntryContext,
    pub coping: Vec<CopingTag>,
    pub outcome: CravingOutcome,
    pub notes: String,
}

/// A saved craving.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Craving {
    pub id: String,
    pub at: Moment,
    pub intensity: u8,
    pub duration_minutes: Option<u32>,
    pub triggers: Vec<TriggerTag>,
    pub context: EntryContext,
    pub coping: Vec<CopingTag>,
    pub outcome: CravingOutcome,
    pub notes: String,
}

/// A page of cravings, newest first.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct CravingPage {
    pub items: Vec<Craving>,
    /// Cravings in the whole range.
    pub total: u64,
    /// Cravings that failed their integrity check (kept, never deleted).
    pub damaged_ids: Vec<String>,
}

impl From<CravingDraft> for core_logs::Craving {
    fn from(d: CravingDraft) -> Self {
        core_logs::Craving {
            at: d.at.into(),
            intensity: d.intensity,
            duration_minutes: d.duration_minutes,
            triggers: all(d.triggers),
            context: d.context.into(),
            coping: all(d.coping),
            outcome: d.outcome.into(),
            notes: d.notes,
        }
    }
}

impl From<Saved<core_logs::Craving>> for Craving {
    fn from(s: Saved<core_logs::Craving>) -> Self {
        let e = s.entry;
        Craving {
            id: s.id.to_string(),
            at: e.at.into(),
            intensity: e.intensity,
            duration_minutes: e.duration_minutes,
            triggers: all(e.triggers),
            context: e.context.into(),
            coping: all(e.coping),
            outcome: e.outcome.into(),
            notes: e.notes,
        }
    }
}

/// A trigger met without a craving, to save.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct EncounterDraft {
    pub at: Moment,
    /// At least one.
    pub triggers: Vec<TriggerTag>,
    pub context: EntryContext,
    pub how_handled: String,
    pub coping: Vec<CopingTag>,
    pub notes: String,
}

/// A saved trigger encounter.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Encounter {
    pub id: String,
    pub at: Moment,
    pub triggers: Vec<TriggerTag>,
    pub context: EntryContext,
    pub how_handled: String,
    pub coping: Vec<CopingTag>,
    pub notes: String,
}

/// A page of trigger encounters, newest first.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct EncounterPage {
    pub items: Vec<Encounter>,
    pub total: u64,
    pub damaged_ids: Vec<String>,
}

impl From<EncounterDraft> for core_logs::Encounter {
    fn from(d: EncounterDraft) -> Self {
        core_logs::Encounter {
            at: d.at.into(),
            triggers: all(d.triggers),
            context: d.context.into(),
            how_handled: d.how_handled,
            coping: all(d.coping),
            notes: d.notes,
        }
    }
}

impl From<Saved<core_logs::Encounter>> for Encounter {
    fn from(s: Saved<core_logs::Encounter>) -> Self {
        let e = s.entry;
        Encounter {
            id: s.id.to_string(),
            at: e.at.into(),
            triggers: all(e.triggers),
            context: e.context.into(),
            how_handled: e.how_handled,
            coping: all(e.coping),
            notes: e.notes,
        }
    }
}

/// A daily check-in to save.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct CheckInDraft {
    pub at: Moment,
    pub mood: Mood,
    /// 0 to 10.
    pub craving_level: u8,
    /// Last night's sleep, up to 1440 minutes.
    pub sleep_minutes: Option<u32>,
    /// One line, up to 200 characters.
    pub intention: String,
    /// Whether any use happened.
    pub any_use: bool,
    /// Hungry, angry, lonely, tired right now.
    pub halt: Halt,
    pub notes: String,
}

/// A saved check-in.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct CheckIn {
    pub id: String,
    pub at: Moment,
    pub mood: Mood,
    pub craving_level: u8,
    pub sleep_minutes: Option<u32>,
    pub intention: String,
    pub any_use: bool,
    pub halt: Halt,
    pub notes: String,
}

/// A page of check-ins, newest first.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct CheckInPage {
    pub items: Vec<CheckIn>,
    pub total: u64,
    pub damaged_ids: Vec<String>,
}

impl From<CheckInDraft> for core_logs::CheckIn {
    fn from(d: CheckInDraft) -> Self {
        core_logs::CheckIn {
            at: d.at.into(),
            mood: d.mood.into(),
            craving_level: d.craving_level,
            sleep_minutes: d.sleep_minutes,
            intention: d.intention,
            any_use: d.any_use,
            halt: d.halt.into(),
            notes: d.notes,
        }
    }
}

impl From<Saved<core_logs::CheckIn>> for CheckIn {
    fn from(s: Saved<core_logs::CheckIn>) -> Self {
        let e = s.entry;
        CheckIn {
            id: s.id.to_string(),
            at: e.at.into(),
            mood: e.mood.into(),
            craving_level: e.craving_level,
            sleep_minutes: e.sleep_minutes,
            intention: e.intention,
            any_use: e.any_use,
            halt: e.halt.into(),
            notes: e.notes,
        }
    }
}

/// A lapse to save, without shame. `resets_clocks` chooses whether the
/// clocks in `clock_ids` restart the day after it.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct LapseDraft {
    pub at: Moment,
    pub clock_ids: Vec<String>,
    pub resets_clocks: bool,
    pub substance: String,
    pub triggers: Vec<TriggerTag>,
    pub context: EntryContext,
    pub notes: String,
}

/// A saved lapse.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Lapse {
    pub id: String,
    pub at: Moment,
    pub clock_ids: Vec<String>,
    pub resets_clocks: bool,
    pub substance: String,
    pub triggers: Vec<TriggerTag>,
    pub context: EntryContext,
    pub notes: String,
}

/// A page of lapses, newest first.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct LapsePage {
    pub items: Vec<Lapse>,
    pub total: u64,
    pub damaged_ids: Vec<String>,
}

/// The message right after a lapse, ready to render in this order: the
/// title, the paragraphs, `next_steps` under `next_steps_heading` (the
/// participant's own lapse-plan steps, or defaults if it has none), then
/// `safety` under `safety_heading` (both empty if the plan has no
/// overdose-safety lines). Without shame: a lapse is information.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct AfterLapseMessage {
    pub title: String,
    pub paragraphs: Vec<String>,
    pub next_steps_heading: String,
    pub next_steps: Vec<String>,
    pub safety_heading: String,
    pub safety: Vec<String>,
}

impl From<core_logs::after_lapse::AfterLapse> for AfterLapseMessage {
    fn from(m: core_logs::after_lapse::AfterLapse) -> Self {
        AfterLapseMessage {
            title: m.title,
            paragraphs: m.paragraphs,
            next_steps_heading: m.next_steps_heading,
            next_steps: m.next_steps,
            safety_heading: m.safety_heading,
            safety: m.safety,
        }
    }
}

/// What to show right after logging a lapse: the lapse, the message, the
/// lapse plan (with its crisis lines) and the clocks as they now stand.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct LapseLogged {
    pub lapse: Lapse,
    pub message: AfterLapseMessage,
    pub lapse_plan: LapsePlan,
    pub clocks: Vec<SobrietyClockStatus>,
}

impl LapseDraft {
    fn into_core(self) -> keel_core::Result<core_logs::Lapse> {
        Ok(core_logs::Lapse {
            at: self.at.into(),
            clock_ids: self
                .clock_ids
                .iter()
                .map(|id| RecordId::parse("clock_ids", id))
                .collect::<keel_core::Result<_>>()?,
            resets_clocks: self.resets_clocks,
            substance: self.substance,
            triggers: all(self.triggers),
            context: self.context.into(),
            notes: self.notes,
        })
    }
}

impl From<Saved<core_logs::Lapse>> for Lapse {
    fn from(s: Saved<core_logs::Lapse>) -> Self {
        let e = s.entry;
        Lapse {
            id: s.id.to_string(),
            at: e.at.into(),
            clock_ids: e.clock_ids.iter().map(ToString::to_string).collect(),
            resets_clocks: e.resets_clocks,
            substance: e.substance,
            triggers: all(e.triggers),
            context: e.context.into(),
            notes: e.notes,
        }
    }
}

/// Converts a core page with `item` for each entry.
fn page<E, T: From<Saved<E>>>(p: EntryPage<E>) -> (Vec<T>, u64, Vec<String>) {
    (
        p.items.into_iter().map(T::from).collect(),
        p.total as u64,
        p.damaged.iter().map(ToString::to_string).collect(),
    )
}

/// The generic operations behind every kind's exported functions.
impl Vault {
    fn log_add<E: Entry>(&self, entry: E) -> Result<Saved<E>> {
        let vault = self.core();
        Ok(core_logs::add(&vault.store()?, entry, Moment::now())?)
    }

    fn log_update<E: Entry>(&self, id: &str, entry: E) -> Result<Saved<E>> {
        let id = RecordId::parse("id", id)?;
        let vault = self.core();
        Ok(core_logs::update(
            &vault.store()?,
            id,
            entry,
            Moment::now(),
        )?)
    }

    fn log_get<E: Entry>(&self, id: &str) -> Result<Saved<E>> {
        let id = RecordId::parse("id", id)?;
        let vault = self.core();
        Ok(core_logs::get(&vault.store()?, id)?)
    }

    fn log_delete<E: Entry>(&self, id: &str) -> Result<()> {
        let id = RecordId::parse("id", id)?;
        let vault = self.core();
        Ok(core_logs::delete::<E>(&vault.store()?, id)?)
    }

    fn log_page<E: Entry>(&self, query: PageQuery) -> Result<EntryPage<E>> {
        let vault = self.core();
        Ok(core_logs::page(&vault.store()?, query.into())?)
    }
}

/// What the craving form offers, in one call: the plan's triggers and
/// coping steps, and the free-text triggers and coping used recently (most
/// recent first, one per name, at most 12 each, none the plan already
/// lists), ready to put in a [`CravingDraft`] as they are.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct CravingForm {
    /// The current plan revision, null before the first save.
    pub plan_revision: Option<u32>,
    pub triggers: Vec<Trigger>,
    pub coping_plans: Vec<CopingPlan>,
    pub recent_triggers: Vec<TriggerTag>,
    pub recent_coping: Vec<CopingTag>,
}

impl From<core_logs::form::CravingForm> for CravingForm {
    fn from(f: core_logs::form::CravingForm) -> Self {
        CravingForm {
            plan_revision: f.plan_revision,
            triggers: all(f.triggers),
            coping_plans: all(f.coping_plans),
            recent_triggers: all(f.recent_triggers),
            recent_coping: all(f.recent_coping),
        }
    }
}

#[uniffi::export]
impl Vault {
    /// The craving form's choices (see [`CravingForm`]).
    pub fn craving_form(&self) -> Result<CravingForm> {
        let vault = self.core();
        Ok(core_logs::form::craving_form(&vault.store()?)?.into())
    }

    /// Saves a craving.
    pub fn add_craving(&self, draft: CravingDraft) -> Result<Craving> {
        Ok(self.log_add(core_logs::Craving::from(draft))?.into())
    }

    /// Replaces craving `id`.
    pub fn update_craving(&self, id: String, draft: CravingDraft) -> Result<Craving> {
        Ok(self
            .log_update(&id, core_logs::Craving::from(draft))?
            .into())
    }

    /// Craving `id`.
    pub fn get_craving(&self, id: String) -> Result<Craving> {
        Ok(self.log_get::<core_logs::Craving>(&id)?.into())
    }

    /// Deletes craving `id`.
    pub fn delete_craving(&self, id: String) -> Result<()> {
        self.log_delete::<core_logs::Craving>(&id)
    }

    /// Cravings in a date range, newest first, one page.
    pub fn list_cravings(&self, query: PageQuery) -> Result<CravingPage> {
        let (items, total, damaged_ids) = page(self.log_page::<core_logs::Craving>(query)?);
        Ok(CravingPage {
            items,
            total,
            damaged_ids,
        })
    }

    /// Saves a trigger encounter (a trigger met without a craving).
    pub fn add_encounter(&self, draft: EncounterDraft) -> Result<Encounter> {
        Ok(self.log_add(core_logs::Encounter::from(draft))?.into())
    }

    /// Replaces encounter `id`.
    pub fn update_encounter(&self, id: String, draft: EncounterDraft) -> Result<Encounter> {
        Ok(self
            .log_update(&id, core_logs::Encounter::from(draft))?
            .into())
    }

    /// Encounter `id`.
    pub fn get_encounter(&self, id: String) -> Result<Encounter> {
        Ok(self.log_get::<core_logs::Encounter>(&id)?.into())
    }

    /// Deletes encounter `id`.
    pub fn delete_encounter(&self, id: String) -> Result<()> {
        self.log_delete::<core_logs::Encounter>(&id)
    }

    /// Encounters in a date range, newest first, one page.
    pub fn list_encounters(&self, query: PageQuery) -> Result<EncounterPage> {
        let (items, total, damaged_ids) = page(self.log_page::<core_logs::Encounter>(query)?);
        Ok(EncounterPage {
            items,
            total,
            damaged_ids,
        })
    }

    /// Saves a daily check-in.
    pub fn add_check_in(&self, draft: CheckInDraft) -> Result<CheckIn> {
        Ok(self.log_add(core_logs::CheckIn::from(draft))?.into())
    }

    /// Replaces check-in `id`.
    pub fn update_check_in(&self, id: String, draft: CheckInDraft) -> Result<CheckIn> {
        Ok(self
            .log_update(&id, core_logs::CheckIn::from(draft))?
            .into())
    }

    /// Check-in `id`.
    pub fn get_check_in(&self, id: String) -> Result<CheckIn> {
        Ok(self.log_get::<core_logs::CheckIn>(&id)?.into())
    }

    /// Deletes check-in `id`.
    pub fn delete_check_in(&self, id: String) -> Result<()> {
        self.log_delete::<core_logs::CheckIn>(&id)
    }

    /// Check-ins in a date range, newest first, one page.
    pub fn list_check_ins(&self, query: PageQuery) -> Result<CheckInPage> {
        let (items, total, damaged_ids) = page(self.log_page::<core_logs::CheckIn>(query)?);
        Ok(CheckInPage {
            items,
            total,
            damaged_ids,
        })
    }

    /// Logs a lapse and returns what to show next, texts in `language`:
    /// the message, the lapse plan and the clocks as they stand at `now`
    /// (the participant's calendar).
    pub fn add_lapse(
        &self,
        draft: LapseDraft,
        now: Now,
        language: Language,
    ) -> Result<LapseLogged> {
        let lapse = draft.into_core()?;
        let now = now.instant()?;
        let vault = self.core();
        let logged = core_logs::lapse::record(&vault.store()?, lapse, now, language.into())?;
        Ok(LapseLogged {
            lapse: logged.saved.into(),
            message: logged.message.into(),
            lapse_plan: logged.lapse_plan.into(),
            clocks: all(logged.clocks),
        })
    }

    /// Replaces lapse `id` (e.g. to change whether it resets the clocks).
    pub fn update_lapse(&self, id: String, draft: LapseDraft) -> Result<Lapse> {
        Ok(self.log_update(&id, draft.into_core()?)?.into())
    }

    /// Lapse `id`.
    pub fn get_lapse(&self, id: String) -> Result<Lapse> {
        Ok(self.log_get::<core_logs::Lapse>(&id)?.into())
    }

    /// Deletes lapse `id` (the participant's explicit choice).
    pub fn delete_lapse(&self, id: String) -> Result<()> {
        self.log_delete::<core_logs::Lapse>(&id)
    }

    /// Lapses in a date range, newest first, one page.
    pub fn list_lapses(&self, query: PageQuery) -> Result<LapsePage> {
        let (items, total, damaged_ids) = page(self.log_page::<core_logs::Lapse>(query)?);
        Ok(LapsePage {
            items,
            total,
            damaged_ids,
        })
    }
}
