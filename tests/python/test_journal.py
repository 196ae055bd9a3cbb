"""The relapse-prevention plan, logs, sobriety clocks and the Today screen,
through the generated Python bindings.

These check that every exported call works across the FFI (records, enums,
optionals, errors); the behaviour itself is tested in the core.
"""

import datetime
import time

import pytest

import keel
from keel import (
    CalendarDate,
    CheckInDraft,
    SobrietyClockDraft,
    CopingTag,
    CravingDraft,
    CravingOutcome,
    EncounterDraft,
    EntryContext,
    EntryKind,
    Halt,
    KeelError,
    LapseDraft,
    Moment,
    MilestoneUnit,
    Now,
    Mood,
    PageQuery,
    Language,
    RelapseStage,
    SuggestionReason,
    TriggerCategory,
    TriggerTag,
)

PASSPHRASE = "a long enough passphrase"
HOUR = 3_600_000
OFFSET = -300  # New York in winter


@pytest.fixture
def journal_vault(tmp_path):
    v = keel.Vault.create(str(tmp_path / "vault"), PASSPHRASE)
    yield v
    v.lock()


def now_ms():
    return int(time.time() * 1000)


def at(hours_ago=0.0, offset=OFFSET):
    return Moment(utc_millis=now_ms() - int(hours_ago * HOUR), offset_minutes=offset)


ZONE = "Etc/GMT+5"  # New York's winter offset all year, as `at()` uses


def now_in(zone=ZONE):
    """Now as the phone gives it: the instant and its IANA zone."""
    return Now(utc_millis=now_ms(), zone=zone)


def days_ago(n):
    """A calendar date `n` days before today in UTC."""
    d = datetime.datetime.now(datetime.timezone.utc).date() - datetime.timedelta(days=n)
    return CalendarDate(year=d.year, month=d.month, day=d.day)


def context(**kw):
    return EntryContext(
        place=kw.get("place", ""),
        with_whom=kw.get("with_whom", ""),
        halt=kw.get("halt", Halt(hungry=False, angry=False, lonely=False, tired=False)),
        mood=kw.get("mood"),
    )


def new_trigger(name, category=TriggerCategory.OTHER):
    return TriggerTag(plan_trigger_id=None, name=name, category=category)


def plan_trigger(trigger_id):
    return TriggerTag(plan_trigger_id=trigger_id, name="", category=TriggerCategory.OTHER)


def craving(hours_ago=1.0, intensity=5, triggers=(), coping=(), outcome=CravingOutcome.RODE_IT_OUT):
    return CravingDraft(
        at=at(hours_ago),
        intensity=intensity,
        duration_minutes=10,
        triggers=list(triggers),
        context=context(),
        coping=list(coping),
        outcome=outcome,
        notes="",
    )


def check_in(hours_ago=0.5, **kw):
    return CheckInDraft(
        at=at(hours_ago),
        mood=kw.get("mood", Mood.GOOD),
        craving_level=kw.get("craving_level", 2),
        sleep_minutes=kw.get("sleep_minutes", 420),
        intention=kw.get("intention", "Call Sam after work"),
        any_use=False,
        halt=kw.get("halt", Halt(hungry=False, angry=False, lonely=False, tired=False)),
        notes="",
    )


def lapse(clock_ids, resets=True, hours_ago=2.0, offset=0):
    return LapseDraft(
        at=at(hours_ago, offset),
        clock_ids=list(clock_ids),
        resets_clocks=resets,
        substance="alcohol",
        triggers=[new_trigger("payday", TriggerCategory.TIME)],
        context=context(mood=Mood.LOW),
        notes="",
    )


def everything(limit=100):
    return PageQuery(from_utc_millis=None, until_utc_millis=None, offset=0, limit=limit)


def invalid_field(call):
    with pytest.raises(KeelError.InvalidInput) as e:
        call()
    return e.value.field


# ---------------------------------------------------------------- the plan


def test_templates_come_in_english_and_spanish_with_default_crisis_lines():
    en = keel.plan_template(Language.ENGLISH)
    es = keel.plan_template(Language.SPANISH)
    assert en.reasons != es.reasons
    for plan in (en, es):
        assert [l.phone for l in plan.lapse_plan.crisis_lines] == ["988", "1-800-662-4357"]
        assert {w.stage for w in plan.warning_signs} == {
            RelapseStage.EMOTIONAL,
            RelapseStage.MENTAL,
            RelapseStage.PHYSICAL,
        }
        ids = {t.id for t in plan.triggers}
        assert all(set(c.trigger_ids) <= ids for c in plan.coping_plans)
        assert plan.lapse_plan.overdose_safety
    item_id = keel.new_plan_item_id()
    assert len(item_id) == 32 and item_id != keel.new_plan_item_id()


def test_plan_saves_are_revisions_with_history(journal_vault):
    v = journal_vault
    assert v.current_plan() is None
    assert v.plan_history() == []
    plan = keel.plan_template(Language.ENGLISH)
    first = v.save_plan(plan, None, True, now_in())
    assert first.number == 1 and first.with_counselor
    assert first.plan == plan

    # A new trigger linked to a new coping plan in one draft (this edits
    # `first.plan` in place: `plan` is the untouched template).
    edited = first.plan
    trigger_id = keel.new_plan_item_id()
    edited.triggers.append(
        keel.Trigger(id=trigger_id, name="Sunday evenings", category=TriggerCategory.TIME, risk=keel.RiskLevel.MEDIUM)
    )
    edited.coping_plans.append(
        keel.CopingPlan(id="", if_situation="If Sunday evening feels empty", then_action="then I cook with my sister", trigger_ids=[trigger_id])
    )
    edited.contacts[0].phone = "+1 (555) 010-0100"
    second = v.save_plan(edited, 1, False, now_in())
    assert second.number == 2
    assert len(second.plan.coping_plans[-1].id) == 32
    assert v.current_plan() == second
    history = v.plan_history()
    assert [h.number for h in history] == [2, 1]
    assert [h.with_counselor for h in history] == [False, True]
    assert history[0].saved_at.utc_millis >= history[1].saved_at.utc_millis
    old = v.plan_revision(1)
    assert (old.number, old.with_counselor, old.plan) == (1, True, plan)


def test_bad_or_stale_plan_saves_name_their_field_and_write_nothing(journal_vault):
    v = journal_vault
    plan = keel.plan_template(Language.SPANISH)
    with pytest.raises(KeelError.Conflict) as e:
        v.save_plan(plan, 3, False, now_in())
    assert e.value.current_revision is None
    v.save_plan(plan, None, False, now_in())
    v.save_plan(plan, 1, False, now_in())
    # Based on revision 1, but 2 is current: a conflict naming revision 2.
    for stale in (1, None):
        with pytest.raises(KeelError.Conflict) as e:
            v.save_plan(plan, stale, False, now_in())
        assert e.value.current_revision == 2

    bad = keel.plan_template(Language.ENGLISH)
    bad.triggers[0].name = "   "
    assert invalid_field(lambda: v.save_plan(bad, 2, False, now_in())) == "triggers.name"
    bad = keel.plan_template(Language.ENGLISH)
    bad.coping_plans[0].trigger_ids = [keel.new_plan_item_id()]
    assert invalid_field(lambda: v.save_plan(bad, 2, False, now_in())) == "coping_plans.trigger_ids"
    bad = keel.plan_template(Language.ENGLISH)
    bad.goals.append("x" * 201)
    assert invalid_field(lambda: v.save_plan(bad, 2, False, now_in())) == "goals"
    bad = keel.plan_template(Language.ENGLISH)
    bad.contacts[0].phone = "call me maybe"
    assert invalid_field(lambda: v.save_plan(bad, 2, False, now_in())) == "contacts.phone"
    bad = keel.plan_template(Language.ENGLISH)
    bad.triggers[0].id = "not-an-id"
    assert invalid_field(lambda: v.save_plan(bad, 2, False, now_in())) == "triggers.id"
    assert len(v.plan_history()) == 2

    with pytest.raises(KeelError.NotFound):
        v.plan_revision(99)


# ---------------------------------------------------------------- clocks


def test_clocks_count_calendar_days_and_milestones(journal_vault):
    v = journal_vault
    clock = v.add_clock(SobrietyClockDraft(label="Alcohol", sobriety_date=days_ago(29)), now_in("UTC"))
    assert len(clock.id) == 32 and clock.sobriety_date == days_ago(29)
    now = now_in("UTC")
    [status] = v.list_clocks(now)
    assert status.current_days == 29
    assert status.longest_days == 29 and status.total_sober_days == 29 and status.lapses == 0
    assert (status.next_milestone.unit, status.next_milestone.count) == (MilestoneUnit.DAYS, 30)
    assert status.next_milestone.days_away == 1
    assert status.milestone_today is None

    renamed = v.update_clock(clock.id, SobrietyClockDraft(label="Alcohol and cannabis", sobriety_date=days_ago(7)), now_in("UTC"))
    assert renamed.id == clock.id
    [status] = v.list_clocks(now)
    assert status.label == "Alcohol and cannabis"
    assert (status.milestone_today.unit, status.milestone_today.count) == (MilestoneUnit.DAYS, 7)

    assert invalid_field(lambda: v.add_clock(SobrietyClockDraft(label=" ", sobriety_date=days_ago(1)), now_in("UTC"))) == "label"
    assert invalid_field(lambda: v.add_clock(SobrietyClockDraft(label="x", sobriety_date=days_ago(-3)), now_in("UTC"))) == "sobriety_date"
    bad_date = CalendarDate(year=2025, month=2, day=30)
    assert invalid_field(lambda: v.add_clock(SobrietyClockDraft(label="x", sobriety_date=bad_date), now_in("UTC"))) == "sobriety_date"
    assert invalid_field(lambda: v.list_clocks(Now(utc_millis=0, zone="UTC"))) == "now"
    with pytest.raises(KeelError.InvalidInput) as e:
        v.list_clocks(now_in("Mars/Olympus"))
    assert (e.value.field, e.value.reason) == ("zone", "unknown_zone")
    # 2026-11-30 05:00 UTC is still the 29th in Pago Pago (UTC-11): a clock
    # started on the 30th is in the future there, not in London.
    early = 1_796_014_800_000
    nov_30 = SobrietyClockDraft(label="x", sobriety_date=CalendarDate(year=2026, month=11, day=30))
    with pytest.raises(KeelError.InvalidInput) as e:
        v.add_clock(nov_30, Now(utc_millis=early, zone="Pacific/Pago_Pago"))
    assert e.value.field == "sobriety_date"
    v.delete_clock(v.add_clock(nov_30, Now(utc_millis=early, zone="Europe/London")).id)

    v.delete_clock(clock.id)
    assert v.list_clocks(now) == []
    with pytest.raises(KeelError.NotFound):
        v.delete_clock(clock.id)
    with pytest.raises(KeelError.NotFound):
        v.update_clock(clock.id, SobrietyClockDraft(label="x", sobriety_date=days_ago(1)), now_in("UTC"))


# ---------------------------------------------------------------- logs


def test_cravings_add_edit_get_delete_and_page(journal_vault):
    v = journal_vault
    plan = v.save_plan(keel.plan_template(Language.ENGLISH), None, False, now_in()).plan
    lonely = plan.triggers[0]
    draft = craving(
        hours_ago=3,
        intensity=7,
        triggers=[plan_trigger(lonely.id), new_trigger("rainy day")],
        coping=[
            CopingTag(plan_coping_id=plan.coping_plans[0].id, text=""),
            CopingTag(plan_coping_id=None, text="took a shower"),
        ],
    )
    draft.context = context(place="home", with_whom="alone", halt=Halt(hungry=False, angry=False, lonely=True, tired=True), mood=Mood.LOW)
    saved = v.add_craving(draft)
    assert saved.triggers[0].name == lonely.name
    assert saved.triggers[0].category == TriggerCategory.LONELY
    assert saved.coping[0].text == plan.coping_plans[0].then_action
    assert saved.context.halt.lonely and saved.context.mood == Mood.LOW
    assert v.get_craving(saved.id) == saved

    older = v.add_craving(craving(hours_ago=30, intensity=3))
    newer = v.add_craving(craving(hours_ago=1, intensity=2, outcome=CravingOutcome.ONGOING))
    page = v.list_cravings(everything())
    assert [c.id for c in page.items] == [newer.id, saved.id, older.id]
    assert page.total == 3 and page.damaged_ids == []
    window = v.list_cravings(
        PageQuery(from_utc_millis=now_ms() - 24 * HOUR, until_utc_millis=None, offset=1, limit=1)
    )
    assert window.total == 2 and [c.id for c in window.items] == [saved.id]

    edit = craving(hours_ago=1, intensity=4, outcome=CravingOutcome.RODE_IT_OUT)
    edited = v.update_craving(newer.id, edit)
    assert edited.id == newer.id and edited.outcome == CravingOutcome.RODE_IT_OUT
    v.delete_craving(older.id)
    assert v.list_cravings(everything()).total == 2
    with pytest.raises(KeelError.NotFound):
        v.get_craving(older.id)


def test_bad_log_entries_name_their_field_and_write_nothing(journal_vault):
    v = journal_vault
    assert invalid_field(lambda: v.add_craving(craving(intensity=11))) == "intensity"
    assert invalid_field(lambda: v.add_craving(craving(hours_ago=-2))) == "at"
    assert invalid_field(lambda: v.add_craving(craving(triggers=[new_trigger("")]))) == "triggers.name"
    assert invalid_field(lambda: v.add_craving(craving(triggers=[plan_trigger(keel.new_plan_item_id())]))) == "triggers"
    long_notes = craving()
    long_notes.notes = "x" * 10_001
    assert invalid_field(lambda: v.add_craving(long_notes)) == "notes"
    too_long = craving()
    too_long.duration_minutes = 24 * 60 + 1
    assert invalid_field(lambda: v.add_craving(too_long)) == "duration_minutes"
    assert invalid_field(lambda: v.add_check_in(check_in(craving_level=12))) == "craving_level"
    assert invalid_field(lambda: v.add_check_in(check_in(intention="one\ntwo"))) == "intention"
    assert invalid_field(lambda: v.add_lapse(lapse([keel.new_plan_item_id()]), now_in(), Language.ENGLISH)) == "clock_ids"
    assert invalid_field(lambda: v.add_lapse(lapse(["nope"]), now_in(), Language.ENGLISH)) == "clock_ids"
    assert invalid_field(lambda: v.list_cravings(everything(limit=0))) == "limit"
    # A u8 that does not even fit is refused by the bindings before the call.
    with pytest.raises((ValueError, TypeError)):
        v.add_craving(craving(intensity=300))

    assert invalid_field(lambda: v.get_craving("zz")) == "id"
    unknown = keel.new_plan_item_id()
    for call in (
        lambda: v.get_craving(unknown),
        lambda: v.update_craving(unknown, craving()),
        lambda: v.delete_check_in(unknown),
        lambda: v.get_encounter(unknown),
        lambda: v.update_lapse(unknown, lapse([])),
    ):
        with pytest.raises(KeelError.NotFound):
            call()
    for page in (
        v.list_cravings(everything()),
        v.list_encounters(everything()),
        v.list_check_ins(everything()),
        v.list_lapses(everything()),
    ):
        assert page.total == 0


def test_encounters_and_check_ins(journal_vault):
    v = journal_vault
    enc = v.add_encounter(
        EncounterDraft(
            at=at(5),
            triggers=[new_trigger("old friend called", TriggerCategory.PEOPLE)],
            context=context(place="work"),
            how_handled="Didn't pick up, texted my sponsor",
            coping=[],
            notes="",
        )
    )
    assert enc.triggers[0].category == TriggerCategory.PEOPLE
    assert v.get_encounter(enc.id) == enc
    no_trigger = EncounterDraft(at=at(1), triggers=[], context=context(), how_handled="", coping=[], notes="")
    assert invalid_field(lambda: v.add_encounter(no_trigger)) == "triggers"
    changed = v.update_encounter(
        enc.id,
        EncounterDraft(at=at(4), triggers=enc.triggers, context=enc.context, how_handled="Walked away", coping=[], notes="proud"),
    )
    assert changed.how_handled == "Walked away"
    assert [e.id for e in v.list_encounters(everything()).items] == [enc.id]
    v.delete_encounter(enc.id)
    assert v.list_encounters(everything()).total == 0

    ci = v.add_check_in(check_in(mood=Mood.VERY_GOOD, sleep_minutes=None,
                                 halt=Halt(hungry=True, angry=False, lonely=True, tired=False)))
    assert ci.mood == Mood.VERY_GOOD and ci.sleep_minutes is None
    assert ci.halt == Halt(hungry=True, angry=False, lonely=True, tired=False)
    assert v.get_check_in(ci.id) == ci
    assert v.update_check_in(ci.id, check_in(craving_level=6)).craving_level == 6
    assert v.list_check_ins(everything()).items[0].id == ci.id
    v.delete_check_in(ci.id)
    assert v.list_check_ins(everything()).items == []


def test_a_lapse_is_kept_resets_only_if_chosen_and_returns_the_lapse_plan(journal_vault):
    # The lapse is logged "now" (not minutes ago) so that it falls on today's
    # UTC date at any time of day, just after midnight included.
    v = journal_vault
    v.save_plan(keel.plan_template(Language.ENGLISH), None, False, now_in())
    clock = v.add_clock(SobrietyClockDraft(label="Opioids", sobriety_date=days_ago(40)), now_in("UTC"))
    logged = v.add_lapse(lapse([clock.id], resets=False, hours_ago=0.0), now_in("UTC"), Language.SPANISH)
    assert logged.lapse.clock_ids == [clock.id] and not logged.lapse.resets_clocks
    # The message: no shame, the plan's own next steps, in the asked language.
    m = logged.message
    assert m.title.startswith("Gracias por registrarlo")
    assert len(m.paragraphs) == 4 and m.paragraphs[-1].startswith("Tus contadores siguen")
    assert m.next_steps == logged.lapse_plan.steps
    assert m.safety == logged.lapse_plan.overdose_safety and m.safety_heading == "Cuídate"
    assert logged.lapse_plan.steps and logged.lapse_plan.overdose_safety
    assert [l.phone for l in logged.lapse_plan.crisis_lines] == ["988", "1-800-662-4357"]
    [status] = logged.clocks
    assert status.current_days == 40 and status.lapses == 1

    changed = v.update_lapse(logged.lapse.id, lapse([clock.id], resets=True, hours_ago=0.0))
    assert changed.resets_clocks
    assert v.get_lapse(changed.id) == changed
    [status] = v.list_clocks(now_in("UTC"))
    assert status.current_days == 0 and status.longest_days == 40
    assert [l.id for l in v.list_lapses(everything()).items] == [changed.id]
    v.delete_lapse(changed.id)
    [status] = v.list_clocks(now_in("UTC"))
    assert status.current_days == 40 and status.lapses == 0


# ---------------------------------------------------------------- today


def test_today_is_one_call_with_everything_the_screen_shows(journal_vault):
    v = journal_vault
    empty = v.today(now_in(), Language.ENGLISH)
    # Before any plan, the default crisis lines are in the asked language.
    es = v.today(now_in(), Language.SPANISH)
    assert [c.phone for c in es.crisis_contacts] == [c.phone for c in empty.crisis_contacts]
    assert es.crisis_contacts[0].name.startswith("988 Línea")
    assert empty.crisis_contacts[0].name.startswith("988 Suicide")
    assert empty.clocks == [] and empty.recent == [] and empty.suggestions == []
    assert not empty.checked_in_today and empty.todays_check_in is None
    assert empty.plan_revision is None and empty.lapse_plan is None
    assert [c.phone for c in empty.crisis_contacts] == ["988", "1-800-662-4357"]

    plan = keel.plan_template(Language.ENGLISH)
    plan.contacts[0].phone = "555-0100"
    plan = v.save_plan(plan, None, True, now_in()).plan
    lonely = plan.triggers[0]
    clock = v.add_clock(SobrietyClockDraft(label="Alcohol", sobriety_date=days_ago(10)), now_in("UTC"))
    # Loneliness logged at this hour, on this weekday, in past weeks.
    for weeks in (1, 2, 3):
        v.add_craving(craving(hours_ago=weeks * 7 * 24, intensity=6, triggers=[plan_trigger(lonely.id)]))
    ci = v.add_check_in(check_in(hours_ago=0))

    now = now_in()
    screen = v.today(now, Language.ENGLISH)
    assert screen.plan_revision == 1
    assert screen.checked_in_today and screen.todays_check_in.id == ci.id
    assert screen.todays_check_in.kind == EntryKind.CHECK_IN
    assert screen.recent[0].id == ci.id
    assert [b.kind for b in screen.recent[1:]] == [EntryKind.CRAVING] * 3
    assert screen.recent[1].triggers == [lonely.name] and screen.recent[1].level == 6
    [status] = screen.clocks
    assert status.id == clock.id and status.current_days in (9, 10, 11)
    top = screen.suggestions[0]
    assert top.reason == SuggestionReason.LOGGED_AT_THIS_TIME
    assert top.coping_plan.id == plan.coping_plans[0].id
    assert top.triggers[0].id == lonely.id and top.score >= 12
    assert [c.phone for c in screen.crisis_contacts] == ["988", "1-800-662-4357", "555-0100"]
    assert screen.crisis_contacts[2].role == keel.ContactRole.SPONSOR

    v.add_lapse(lapse([clock.id], resets=True, hours_ago=0, offset=OFFSET), now_in(), Language.ENGLISH)
    after = v.today(now_in(), Language.ENGLISH)
    assert after.lapse_plan is not None and after.lapse_plan.steps
    assert after.recent[0].kind == EntryKind.LAPSE and after.recent[0].any_use
    assert after.clocks[0].current_days == 0

    with pytest.raises(KeelError.InvalidInput):
        v.today(Now(utc_millis=0, zone="UTC"), Language.ENGLISH)


def test_every_journal_call_answers_locked_when_locked(journal_vault):
    v = journal_vault
    v.lock()
    now = now_in()
    for call in (
        lambda: v.current_plan(),
        lambda: v.plan_history(),
        lambda: v.save_plan(keel.plan_template(Language.ENGLISH), None, False, now_in()),
        lambda: v.add_craving(craving()),
        lambda: v.list_check_ins(everything()),
        lambda: v.list_clocks(now),
        lambda: v.today(now, Language.ENGLISH),
    ):
        with pytest.raises(KeelError.Locked):
            call()
    v.unlock_with_passphrase(PASSPHRASE)
    assert v.today(now, Language.ENGLISH).plan_revision is None


def test_on_a_trip_today_is_the_day_where_the_phone_is(journal_vault):
    v = journal_vault
    # A check-in in New York on Monday 2026-11-23 at 19:00 (00:00 UTC Tuesday).
    draft = check_in()
    draft.at = Moment(utc_millis=1_795_478_400_000, offset_minutes=-300)
    v.add_check_in(draft)
    later = 1_795_478_400_000 + HOUR
    # From Los Angeles an hour later it is still Monday: checked in today.
    la = v.today(Now(utc_millis=later, zone="America/Los_Angeles"), Language.ENGLISH)
    assert (la.date.month, la.date.day) == (11, 23) and la.checked_in_today
    # From Tokyo at the same instant it is Tuesday: not yet.
    tokyo = v.today(Now(utc_millis=later, zone="Asia/Tokyo"), Language.ENGLISH)
    assert (tokyo.date.month, tokyo.date.day) == (11, 24) and not tokyo.checked_in_today
    # Kolkata (+5:30) is Tuesday 06:30.
    kolkata = v.today(Now(utc_millis=later, zone="Asia/Kolkata"), Language.ENGLISH)
    assert (kolkata.date.month, kolkata.date.day) == (11, 24)
