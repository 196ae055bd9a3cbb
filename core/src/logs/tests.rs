//! Tests of the logs and of the summaries they keep.

use chrono::NaiveDate;
use proptest::prelude::*;
use serde::{Deserialize, Serialize};

use super::*;
use crate::Vault;
use crate::plan::{Language, template};
use crate::sobriety;
use crate::store::{Record, Store};
use crate::summary::lapses::LapseIndex;
use crate::summary::recent::{Recent, SHOWN};
use crate::summary::rhythm::Rhythm;
use crate::summary::{Derived, rebuild_all};

/// 2025-11-24T16:00:00Z, a Monday: 11:00 in New York.
pub(crate) const NOW: LocalInstant = LocalInstant {
    utc_millis: 1_764_000_000_000,
    offset_minutes: -300,
};

pub(crate) fn hours_ago(h: i64) -> LocalInstant {
    LocalInstant {
        utc_millis: NOW.utc_millis - h * 3_600_000,
        ..NOW
    }
}

pub(crate) fn vault() -> (tempfile::TempDir, Vault) {
    let dir = tempfile::tempdir().unwrap();
    let v = Vault::create(
        dir.path().join("v").to_str().unwrap(),
        "a long enough passphrase",
    )
    .unwrap();
    (dir, v)
}

pub(crate) fn craving(at: LocalInstant, intensity: u8, triggers: Vec<TriggerTag>) -> Craving {
    Craving {
        at,
        intensity,
        duration_minutes: Some(15),
        triggers,
        context: Context::default(),
        coping: vec![],
        outcome: CravingOutcome::RodeItOut,
        notes: String::new(),
    }
}

pub(crate) fn new_trigger(name: &str) -> TriggerTag {
    TriggerTag {
        plan_trigger_id: None,
        name: name.into(),
        category: TriggerCategory::Other,
    }
}

pub(crate) fn plan_trigger(id: &str) -> TriggerTag {
    TriggerTag {
        plan_trigger_id: Some(id.into()),
        name: String::new(),
        category: TriggerCategory::Other,
    }
}

pub(crate) fn checkin(at: LocalInstant) -> CheckIn {
    CheckIn {
        at,
        mood: Mood::Okay,
        craving_level: 3,
        sleep_minutes: Some(420),
        intention: "Call Sam".into(),
        any_use: false,
        halt: Default::default(),
        notes: String::new(),
    }
}

pub(crate) fn lapse(at: LocalInstant, clock_ids: Vec<RecordId>, resets: bool) -> Lapse {
    Lapse {
        at,
        clock_ids,
        resets_clocks: resets,
        substance: "alcohol".into(),
        triggers: vec![new_trigger("payday")],
        context: Context::default(),
        notes: String::new(),
    }
}

fn field<T: Debug>(r: Result<T>) -> &'static str {
    match r {
        Err(Error::InvalidInput { field, .. }) => field,
        other => panic!("expected invalid input, got {other:?}"),
    }
}

fn stored<T: Derived>(s: &Store<'_>) -> T {
    let mut l = s.list::<T>().unwrap();
    assert_eq!(l.items.len(), 1);
    l.items.remove(0).1
}

#[test]
fn cravings_round_trip_with_plan_triggers_resolved() {
    let (_d, v) = vault();
    let s = v.store().unwrap();
    let plan = crate::plan::save(&s, template(Language::En).unwrap(), None, false, NOW)
        .unwrap()
        .plan;
    let lonely = &plan.triggers[0];
    let mut draft = craving(
        hours_ago(2),
        7,
        vec![
            plan_trigger(&lonely.id.to_uppercase()),
            new_trigger(" rain "),
        ],
    );
    draft.coping = vec![
        CopingTag {
            plan_coping_id: Some(plan.coping_plans[0].id.clone()),
            text: String::new(),
        },
        CopingTag {
            plan_coping_id: None,
            text: "walked the dog".into(),
        },
    ];
    draft.context = Context {
        place: "home".into(),
        with_whom: "alone".into(),
        halt: Halt {
            lonely: true,
            tired: true,
            ..Halt::default()
        },
        mood: Some(Mood::Low),
    };
    let saved = add(&s, draft, NOW).unwrap();
    assert_eq!(saved.entry.triggers[0].name, lonely.name);
    assert_eq!(saved.entry.triggers[0].category, TriggerCategory::Lonely);
    assert_eq!(
        saved.entry.triggers[0].plan_trigger_id.as_deref(),
        Some(lonely.id.as_str())
    );
    assert_eq!(saved.entry.triggers[1].name, "rain");
    assert_eq!(saved.entry.coping[0].text, plan.coping_plans[0].then_action);
    assert_eq!(get::<Craving>(&s, saved.id).unwrap(), saved);

    let older = add(&s, craving(hours_ago(30), 4, vec![]), NOW).unwrap();
    let newer = add(&s, craving(hours_ago(1), 2, vec![]), NOW).unwrap();
    let all = |s: &Store<'_>| {
        page::<Craving>(
            s,
            PageRequest {
                from_millis: None,
                until_millis: None,
                offset: 0,
                limit: 10,
            },
        )
        .unwrap()
    };
    let p = all(&s);
    assert_eq!(
        p.items.iter().map(|i| i.id).collect::<Vec<_>>(),
        vec![newer.id, saved.id, older.id]
    );
    assert_eq!(p.total, 3);
    let last_day = page::<Craving>(
        &s,
        PageRequest {
            from_millis: Some(hours_ago(24).utc_millis),
            until_millis: Some(NOW.utc_millis),
            offset: 1,
            limit: 1,
        },
    )
    .unwrap();
    assert_eq!(last_day.total, 2);
    assert_eq!(last_day.items[0].id, saved.id);

    let mut edit = saved.entry.clone();
    edit.intensity = 9;
    edit.at = hours_ago(40);
    let edited = update(&s, saved.id, edit, NOW).unwrap();
    assert_eq!(edited.id, saved.id);
    assert_eq!(all(&s).items.last().unwrap().id, saved.id);
    delete::<Craving>(&s, newer.id).unwrap();
    assert_eq!(all(&s).total, 2);
    assert!(matches!(
        get::<Craving>(&s, newer.id),
        Err(Error::NotFound { what: "craving" })
    ));
}

#[test]
fn plan_items_dropped_later_stay_valid_on_their_entries() {
    let (_d, v) = vault();
    let s = v.store().unwrap();
    let rev = crate::plan::save(&s, template(Language::En).unwrap(), None, false, NOW).unwrap();
    let id = rev.plan.triggers[0].id.clone();
    let saved = add(&s, craving(hours_ago(1), 5, vec![plan_trigger(&id)]), NOW).unwrap();
    let mut smaller = rev.plan.clone();
    smaller
        .coping_plans
        .retain(|c| !c.trigger_ids.contains(&id));
    smaller.triggers.remove(0);
    crate::plan::save(&s, smaller, Some(1), false, NOW).unwrap();
    // Editing the old entry keeps its trigger; a new entry may not name it.
    let mut edit = saved.entry.clone();
    edit.intensity = 6;
    assert_eq!(
        update(&s, saved.id, edit, NOW).unwrap().entry.triggers,
        saved.entry.triggers
    );
    assert_eq!(
        field(add(&s, craving(NOW, 5, vec![plan_trigger(&id)]), NOW)),
        "triggers"
    );
}

#[test]
fn bad_entries_name_their_field_and_write_nothing() {
    let (_d, v) = vault();
    let s = v.store().unwrap();
    let (clock, _) = sobriety::add(
        &s,
        "Alcohol",
        NaiveDate::from_ymd_opt(2025, 1, 1).unwrap(),
        NOW,
    )
    .unwrap();
    let before = s.count::<Recent>().unwrap();

    assert_eq!(field(add(&s, craving(NOW, 11, vec![]), NOW)), "intensity");
    assert_eq!(field(add(&s, craving(hours_ago(-1), 5, vec![]), NOW)), "at");
    assert_eq!(
        field(add(
            &s,
            craving(
                LocalInstant {
                    offset_minutes: 15 * 60,
                    ..NOW
                },
                5,
                vec![]
            ),
            NOW
        )),
        "at"
    );
    assert_eq!(
        field(add(&s, craving(NOW, 5, vec![new_trigger("  ")]), NOW)),
        "triggers.name"
    );
    assert_eq!(
        field(add(&s, craving(NOW, 5, vec![plan_trigger("00")]), NOW)),
        "triggers"
    );
    let many = (0..=MAX_TAGS)
        .map(|i| new_trigger(&format!("t{i}")))
        .collect();
    assert_eq!(field(add(&s, craving(NOW, 5, many), NOW)), "triggers");
    let mut c = craving(NOW, 5, vec![]);
    c.duration_minutes = Some(24 * 60 + 1);
    assert_eq!(field(add(&s, c, NOW)), "duration_minutes");
    let mut c = craving(NOW, 5, vec![]);
    c.notes = "x".repeat(LONG_TEXT_MAX + 1);
    assert_eq!(field(add(&s, c, NOW)), "notes");
    let mut c = craving(NOW, 5, vec![]);
    c.context.place = "x".repeat(SHORT_TEXT_MAX + 1);
    assert_eq!(field(add(&s, c, NOW)), "context.place");
    let mut c = craving(NOW, 5, vec![]);
    c.coping = vec![CopingTag {
        plan_coping_id: None,
        text: String::new(),
    }];
    assert_eq!(field(add(&s, c, NOW)), "coping.text");
    let mut c = craving(NOW, 5, vec![]);
    c.coping = vec![CopingTag {
        plan_coping_id: Some(crate::plan::new_item_id().unwrap()),
        text: String::new(),
    }];
    assert_eq!(field(add(&s, c, NOW)), "coping");

    let encounter = Encounter {
        at: NOW,
        triggers: vec![],
        context: Context::default(),
        how_handled: "walked away".into(),
        coping: vec![],
        notes: String::new(),
    };
    assert_eq!(field(add(&s, encounter, NOW)), "triggers");

    let mut ci = checkin(NOW);
    ci.craving_level = 11;
    assert_eq!(field(add(&s, ci, NOW)), "craving_level");
    let mut ci = checkin(NOW);
    ci.sleep_minutes = Some(24 * 60 + 1);
    assert_eq!(field(add(&s, ci, NOW)), "sleep_minutes");
    let mut ci = checkin(NOW);
    ci.intention = "one\ntwo".into();
    assert_eq!(field(add(&s, ci, NOW)), "intention");
    let mut ci = checkin(NOW);
    ci.intention = "x".repeat(SHORT_TEXT_MAX + 1);
    assert_eq!(field(add(&s, ci, NOW)), "intention");

    let stranger = RecordId::random().unwrap();
    assert_eq!(
        field(add(&s, lapse(NOW, vec![stranger], true), NOW)),
        "clock_ids"
    );
    let mut l = lapse(NOW, vec![clock], true);
    l.substance = "x".repeat(SHORT_TEXT_MAX + 1);
    assert_eq!(field(add(&s, l, NOW)), "substance");

    for n in [
        s.count::<Craving>().unwrap(),
        s.count::<Encounter>().unwrap(),
        s.count::<CheckIn>().unwrap(),
        s.count::<Lapse>().unwrap(),
    ] {
        assert_eq!(n, 0);
    }
    assert_eq!(s.count::<Recent>().unwrap(), before);

    // Unknown ids are NotFound, and write nothing either.
    assert!(matches!(
        update(&s, stranger, checkin(NOW), NOW),
        Err(Error::NotFound { what: "check_in" })
    ));
    assert!(matches!(
        delete::<Lapse>(&s, stranger),
        Err(Error::NotFound { what: "lapse" })
    ));
    assert!(matches!(
        get::<Encounter>(&s, stranger),
        Err(Error::NotFound { .. })
    ));
    // An id of another kind is unknown in this one.
    let c = add(&s, craving(NOW, 1, vec![]), NOW).unwrap();
    assert!(matches!(
        get::<CheckIn>(&s, c.id),
        Err(Error::NotFound { .. })
    ));
    // A bad edit leaves the entry as it was.
    let mut bad = c.entry.clone();
    bad.intensity = 42;
    assert_eq!(field(update(&s, c.id, bad, NOW)), "intensity");
    assert_eq!(get::<Craving>(&s, c.id).unwrap(), c);
}

#[test]
fn lapses_reset_clocks_only_when_chosen_and_show_the_plan() {
    let (_d, v) = vault();
    let s = v.store().unwrap();
    let start = NaiveDate::from_ymd_opt(2025, 10, 1).unwrap();
    let (alcohol, _) = sobriety::add(&s, "Alcohol", start, NOW).unwrap();
    let (cannabis, _) = sobriety::add(&s, "Cannabis", start, NOW).unwrap();
    // NOW is 2025-11-24 in New York: 54 days.
    let days = |s: &Store<'_>| -> Vec<u32> {
        sobriety::statuses(s, NOW)
            .unwrap()
            .iter()
            .map(|c| c.current_days)
            .collect()
    };
    assert_eq!(days(&s), vec![54, 54]);

    // A lapse 3 days ago on alcohol that does not reset.
    let kept = lapse::record(
        &s,
        lapse(hours_ago(72), vec![alcohol], false),
        NOW,
        crate::Language::Es,
    )
    .unwrap();
    assert!(!kept.lapse_plan.steps.is_empty());
    // The message offers the plan's own steps, in the participant's language.
    assert_eq!(kept.message.next_steps, kept.lapse_plan.steps);
    assert!(kept.message.title.starts_with("Gracias"));
    assert_eq!(
        kept.message.paragraphs.last().map(String::as_str),
        Some(crate::Language::Es.text(&crate::logs::after_lapse::CLOCKS_KEEP))
    );
    assert_eq!(kept.lapse_plan.crisis_lines[0].phone, "988");
    assert_eq!(
        kept.clocks
            .iter()
            .map(|c| c.current_days)
            .collect::<Vec<_>>(),
        vec![54, 54]
    );
    assert_eq!(kept.clocks[0].total_sober_days, 53);

    // Now it does: alcohol restarts the day after (2 days ago).
    let mut edit = kept.saved.entry.clone();
    edit.resets_clocks = true;
    update(&s, kept.saved.id, edit, NOW).unwrap();
    let st = sobriety::statuses(&s, NOW).unwrap();
    let by_label = |l: &str| st.iter().find(|c| c.label == l).unwrap();
    assert_eq!(by_label("Alcohol").current_days, 2);
    assert_eq!(by_label("Alcohol").longest_days, 51);
    assert_eq!(by_label("Cannabis").current_days, 54);
    assert_eq!(cannabis, by_label("Cannabis").id);

    // Deleting the lapse gives the streak back: it was derived, never stored.
    delete::<Lapse>(&s, kept.saved.id).unwrap();
    assert_eq!(days(&s), vec![54, 54]);

    // A clock that was deleted still may be named when editing an old lapse.
    let old = add(&s, lapse(hours_ago(5), vec![cannabis], true), NOW).unwrap();
    sobriety::delete(&s, cannabis).unwrap();
    let mut edit = old.entry.clone();
    edit.notes = "learned: payday plan".into();
    assert_eq!(
        update(&s, old.id, edit, NOW).unwrap().entry.clock_ids,
        vec![cannabis]
    );
    assert_eq!(
        field(add(&s, lapse(NOW, vec![cannabis], true), NOW)),
        "clock_ids"
    );
}

#[test]
fn batches_commit_together_or_not_at_all() {
    let (_d, v) = vault();
    let s = v.store().unwrap();
    let r = write(&s, |j| {
        j.add(craving(hours_ago(2), 5, vec![new_trigger("rain")]), NOW)?;
        j.add(checkin(hours_ago(1)), NOW)?;
        j.add(craving(NOW, 99, vec![]), NOW)
    });
    assert!(matches!(
        r,
        Err(Error::InvalidInput {
            field: "intensity",
            ..
        })
    ));
    assert_eq!(s.count::<Craving>().unwrap(), 0);
    assert_eq!(s.count::<CheckIn>().unwrap(), 0);
    write(&s, |j| {
        for h in 0..50 {
            j.add(
                craving(hours_ago(h), (h % 11) as u8, vec![new_trigger("rain")]),
                NOW,
            )?;
        }
        j.add(checkin(hours_ago(3)), NOW)
    })
    .unwrap();
    assert_eq!(s.count::<Craving>().unwrap(), 50);
    // A lapse after other kinds in one batch still sees the clocks.
    let (clock, _) =
        sobriety::add(&s, "All", NaiveDate::from_ymd_opt(2025, 1, 1).unwrap(), NOW).unwrap();
    write(&s, |j| {
        j.add(checkin(hours_ago(5)), NOW)?;
        j.add(lapse(hours_ago(4), vec![clock], true), NOW)
    })
    .unwrap();
    let recent: Recent = stored(&s);
    assert_eq!(recent.ring(EntryKind::Craving).total, 50);
    assert_eq!(recent.newest(2)[0].at, NOW);
    assert_eq!(recent.newest(3)[1].at, hours_ago(1));
}

/// A stored summary, or (if none was made yet, because nothing it tracks
/// was ever written) a rebuild.
fn stored_or_rebuilt<T: Derived>(s: &Store<'_>) -> T {
    if s.count::<T>().unwrap() == 0 {
        return T::rebuild(s).unwrap();
    }
    stored(s)
}

/// Compares stored summaries with ones rebuilt from scratch.
fn assert_summaries_match(s: &Store<'_>) {
    let recent: Recent = stored_or_rebuilt(s);
    let rhythm: Rhythm = stored_or_rebuilt(s);
    let lapses: LapseIndex = stored_or_rebuilt(s);
    if s.count::<Rhythm>().unwrap() == 0 {
        assert!(rhythm.is_empty());
    }
    if s.count::<LapseIndex>().unwrap() == 0 {
        assert!(lapses.lapses.is_empty());
    }
    let fresh_recent = Recent::rebuild(s).unwrap();
    for kind in EntryKind::ALL {
        let (a, b) = (recent.ring(kind), fresh_recent.ring(kind));
        assert_eq!(a.total, b.total, "{kind:?} total");
        assert!(a.items.len() >= (a.total as usize).min(SHOWN));
        assert_eq!(a.items[..], b.items[..a.items.len()], "{kind:?} ring");
    }
    assert_eq!(recent.newest(SHOWN), fresh_recent.newest(SHOWN));
    assert_eq!(rhythm, Rhythm::rebuild(s).unwrap());
    assert_eq!(lapses, LapseIndex::rebuild(s).unwrap());
}

#[derive(Debug, Clone)]
enum Op {
    Add(u8, i64, u8),
    Edit(usize, i64, u8),
    Delete(usize),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => (0u8..4, 0i64..400, 0u8..4).prop_map(|(k, h, t)| Op::Add(k, h, t)),
        2 => (0usize..1000, 0i64..400, 0u8..4).prop_map(|(i, h, t)| Op::Edit(i, h, t)),
        2 => (0usize..1000).prop_map(Op::Delete),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Whatever the sequence of adds, edits and deletes, the summaries kept
    /// incrementally equal the summaries rebuilt from the journal.
    #[test]
    fn summaries_equal_a_rebuild(ops in proptest::collection::vec(op(), 1..60)) {
        let (_d, v) = vault();
        let s = v.store().unwrap();
        let (clock, _) = sobriety::add(&s, "All", NaiveDate::from_ymd_opt(2025, 1, 1).unwrap(), NOW).unwrap();
        let names = ["lonely", "payday", "bar", "tired"];
        let mut live: Vec<(EntryKind, RecordId)> = Vec::new();
        for op in ops {
            match op {
                Op::Add(k, h, t) => {
                    let at = hours_ago(h);
                    let tags = vec![new_trigger(names[t as usize])];
                    let kind = EntryKind::ALL[k as usize];
                    let id = match kind {
                        EntryKind::Craving => add(&s, craving(at, t, tags), NOW).unwrap().id,
                        EntryKind::Encounter => add(&s, Encounter {
                            at, triggers: tags, context: Context::default(),
                            how_handled: String::new(), coping: vec![], notes: String::new(),
                        }, NOW).unwrap().id,
                        EntryKind::CheckIn => add(&s, checkin(at), NOW).unwrap().id,
                        EntryKind::Lapse => add(&s, lapse(at, vec![clock], t % 2 == 0), NOW).unwrap().id,
                    };
                    live.push((kind, id));
                }
                Op::Edit(i, h, t) if !live.is_empty() => {
                    let (kind, id) = live[i % live.len()];
                    let at = hours_ago(h);
                    let tags = vec![new_trigger(names[t as usize])];
                    match kind {
                        EntryKind::Craving => { update(&s, id, craving(at, t, tags), NOW).unwrap(); }
                        EntryKind::Encounter => { update(&s, id, Encounter {
                            at, triggers: tags, context: Context::default(),
                            how_handled: "left".into(), coping: vec![], notes: String::new(),
                        }, NOW).unwrap(); }
                        EntryKind::CheckIn => { update(&s, id, checkin(at), NOW).unwrap(); }
                        EntryKind::Lapse => { update(&s, id, lapse(at, vec![clock], t % 2 == 1), NOW).unwrap(); }
                    }
                }
                Op::Delete(i) if !live.is_empty() => {
                    let (kind, id) = live.remove(i % live.len());
                    match kind {
                        EntryKind::Craving => delete::<Craving>(&s, id).unwrap(),
                        EntryKind::Encounter => delete::<Encounter>(&s, id).unwrap(),
                        EntryKind::CheckIn => delete::<CheckIn>(&s, id).unwrap(),
                        EntryKind::Lapse => delete::<Lapse>(&s, id).unwrap(),
                    }
                }
                _ => {}
            }
            assert_summaries_match(&s);
        }
    }
}

/// A record of another shape in a summary's collection: it fails to open as
/// the summary, exactly like a tampered or damaged one.
#[derive(Serialize, Deserialize)]
struct Garbage(String);
impl Record for Garbage {
    const COLLECTION: &'static str = "summary.recent";
    const NOUN: &'static str = "garbage";
}

#[test]
fn missing_damaged_or_outdated_summaries_are_rebuilt() {
    let (_d, v) = vault();
    let s = v.store().unwrap();
    for h in 0..30 {
        add(&s, craving(hours_ago(h), 3, vec![new_trigger("rain")]), NOW).unwrap();
    }
    add(&s, checkin(hours_ago(2)), NOW).unwrap();
    assert_summaries_match(&s);
    let expected: Recent = stored(&s);

    // Damaged: the row no longer opens as a summary.
    let id = s.list::<Recent>().unwrap().items[0].0;
    s.update(&id, &Garbage("x".into())).unwrap();
    assert_eq!(s.list::<Recent>().unwrap().damaged, vec![id]);
    add(&s, checkin(hours_ago(1)), NOW).unwrap();
    let rebuilt: Recent = stored(&s);
    assert_eq!(rebuilt.ring(EntryKind::CheckIn).total, 2);
    assert_eq!(
        rebuilt.ring(EntryKind::Craving),
        expected.ring(EntryKind::Craving)
    );
    assert_eq!(
        s.list::<Recent>().unwrap().items[0].0,
        id,
        "repaired in place"
    );

    // Missing: every summary deleted.
    for (id, _) in s.list::<Rhythm>().unwrap().items {
        s.delete::<Rhythm>(&id).unwrap();
    }
    add(&s, craving(hours_ago(1), 3, vec![new_trigger("rain")]), NOW).unwrap();
    assert_summaries_match(&s);

    // Duplicated rows collapse to one.
    let extra = s.insert(&Recent::rebuild(&s).unwrap()).unwrap();
    add(&s, checkin(NOW), NOW).unwrap();
    assert_eq!(s.count::<Recent>().unwrap(), 1);
    assert!(s.get::<Recent>(&extra).is_err() || s.list::<Recent>().unwrap().items[0].0 == extra);
    assert_summaries_match(&s);

    rebuild_all(&s).unwrap();
    assert_summaries_match(&s);
}

#[test]
fn a_damaged_entry_can_be_deleted_and_the_summaries_follow() {
    #[derive(Serialize, Deserialize)]
    struct NotACraving(u8);
    impl Record for NotACraving {
        const COLLECTION: &'static str = "log.craving";
        const NOUN: &'static str = "garbage";
    }
    let (_d, v) = vault();
    let s = v.store().unwrap();
    let a = add(&s, craving(hours_ago(1), 3, vec![new_trigger("rain")]), NOW).unwrap();
    add(&s, craving(hours_ago(2), 3, vec![new_trigger("rain")]), NOW).unwrap();
    s.update(&a.id, &NotACraving(1)).unwrap();
    assert!(matches!(
        get::<Craving>(&s, a.id),
        Err(Error::Integrity { .. })
    ));
    delete::<Craving>(&s, a.id).unwrap();
    assert_summaries_match(&s);
    let recent: Recent = stored(&s);
    assert_eq!(recent.ring(EntryKind::Craving).total, 1);
}

/// A check-in as saved before HALT was part of it.
#[derive(Serialize, Deserialize)]
struct CheckInBeforeHalt {
    at: LocalInstant,
    mood: Mood,
    craving_level: u8,
    sleep_minutes: Option<u32>,
    intention: String,
    any_use: bool,
    notes: String,
}

impl Record for CheckInBeforeHalt {
    const COLLECTION: &'static str = CheckIn::COLLECTION;
    const NOUN: &'static str = "check_in";
}

#[test]
fn check_ins_carry_halt_and_old_ones_still_read() {
    let (_d, v) = vault();
    let s = v.store().unwrap();
    let old = s
        .insert(&CheckInBeforeHalt {
            at: hours_ago(30),
            mood: Mood::Okay,
            craving_level: 3,
            sleep_minutes: Some(400),
            intention: "Call Sam".into(),
            any_use: false,
            notes: String::new(),
        })
        .unwrap();
    let read = get::<CheckIn>(&s, old).unwrap().entry;
    assert_eq!(read.halt, Halt::default());
    assert_eq!(read.intention, "Call Sam");

    let mut draft = checkin(hours_ago(1));
    draft.halt = Halt {
        hungry: true,
        angry: false,
        lonely: true,
        tired: true,
    };
    let saved = add(&s, draft.clone(), NOW).unwrap();
    assert_eq!(get::<CheckIn>(&s, saved.id).unwrap().entry.halt, draft.halt);
    let page = page::<CheckIn>(
        &s,
        PageRequest {
            from_millis: None,
            until_millis: None,
            offset: 0,
            limit: 10,
        },
    )
    .unwrap();
    assert_eq!(page.total, 2);
    assert!(page.damaged.is_empty());
}
