"""Screen records the core computes for the shells (craving form, history,
date-range presets, Today's additions), through the generated Python
bindings. Behaviour is tested in the core; these test the FFI."""

import json
import pathlib
import time

import pytest

import keel
from keel import (
    CopingTag,
    CravingDraft,
    CravingOutcome,
    EntryContext,
    Halt,
    KeelError,
    Language,
    Moment,
    Now,
    DateRangePreset,
    CalendarDate,
    TriggerCategory,
    TriggerTag,
)

PASSPHRASE = "a long enough passphrase"
HOUR = 3_600_000
OFFSET = -300


@pytest.fixture
def vault(tmp_path):
    v = keel.Vault.create(str(tmp_path / "vault"), PASSPHRASE)
    yield v
    v.lock()


def now_ms():
    return int(time.time() * 1000)


def at(hours_ago=0.0):
    return Moment(utc_millis=now_ms() - int(hours_ago * HOUR), offset_minutes=OFFSET)


def context():
    return EntryContext(place="", with_whom="", halt=Halt(hungry=False, angry=False, lonely=False, tired=False),
                        mood=None)


def craving(hours_ago, triggers=(), coping=()):
    return CravingDraft(at=at(hours_ago), intensity=5, duration_minutes=10, triggers=list(triggers),
                        context=context(), coping=list(coping), outcome=CravingOutcome.RODE_IT_OUT, notes="")


def free(name):
    return TriggerTag(plan_trigger_id=None, name=name, category=TriggerCategory.PLACE)


def test_craving_form_offers_plan_items_and_recent_free_text(vault):
    empty = vault.craving_form()
    assert empty.plan_revision is None and empty.triggers == [] and empty.recent_triggers == []

    plan = vault.save_plan(keel.plan_template(Language.ENGLISH), None, False, keel.Now(utc_millis=now_ms(), zone="America/New_York")).plan
    vault.add_craving(craving(5, [free("Old bar")], [CopingTag(plan_coping_id=None, text="Tea")]))
    vault.add_craving(craving(1, [free("old bar "), free("Payday")]))
    form = vault.craving_form()
    assert form.plan_revision == 1
    assert form.triggers == plan.triggers and form.coping_plans == plan.coping_plans
    assert [t.name for t in form.recent_triggers] == ["old bar", "Payday"]
    assert form.recent_triggers[0].plan_trigger_id is None
    assert form.recent_triggers[0].category == TriggerCategory.PLACE
    assert [c.text for c in form.recent_coping] == ["Tea"]

    vault.lock()
    with pytest.raises(KeelError.Locked):
        vault.craving_form()


def test_date_range_presets_resolve_in_the_phones_zone(vault):
    # Wednesday 2026-03-11 23:30 in Chicago (already Thursday in UTC).
    now = Now(utc_millis=1_773_289_800_000, zone="America/Chicago")
    ranges = vault.date_range_presets(now, Language.ENGLISH)
    assert [r.preset for r in ranges] == [
        DateRangePreset.THIS_WEEK, DateRangePreset.LAST7_DAYS, DateRangePreset.LAST30_DAYS,
        DateRangePreset.LAST90_DAYS, DateRangePreset.THIS_MONTH, DateRangePreset.EVERYTHING,
    ]
    week = ranges[0]
    assert week.label == "This week"
    assert week.first_day == CalendarDate(year=2026, month=3, day=9)
    assert week.last_day == CalendarDate(year=2026, month=3, day=11)
    assert week.end_utc_millis == 1_773_291_600_000  # 2026-03-12T00:00-05:00
    seven = vault.date_range(DateRangePreset.LAST7_DAYS, now, Language.SPANISH)
    assert seven.label == "Últimos 7 días"
    # Across spring-forward: seven days less the skipped hour.
    assert seven.end_utc_millis - seven.start_utc_millis == 7 * 24 * HOUR - HOUR
    assert vault.date_range(DateRangePreset.SINCE_LAST_REPORT, now, Language.ENGLISH) is None

    with pytest.raises(KeelError.InvalidInput) as e:
        vault.date_range_presets(Now(utc_millis=now_ms(), zone="Mars/Olympus"), Language.ENGLISH)
    assert e.value.field == "zone"
    vault.lock()
    with pytest.raises(KeelError.Locked):
        vault.date_range(DateRangePreset.THIS_WEEK, now, Language.ENGLISH)


def test_history_merges_every_kind_and_pages_with_a_token(vault):
    from keel import HistoryKind, HistoryQuery, NoteDraft
    vault.add_craving(craving(1, [free("Rain")]))
    vault.add_note(NoteDraft(written_at=at(2), text="A good day.\nMore"))
    for h in range(3, 8):
        vault.add_craving(craving(h))
    query = lambda token=None, kinds=(): HistoryQuery(from_utc_millis=None, until_utc_millis=None,
                                                      kinds=list(kinds), page_token=token, limit=3)
    first = vault.history(query(), Language.ENGLISH)
    assert [i.kind for i in first.items] == [HistoryKind.CRAVING, HistoryKind.NOTE, HistoryKind.CRAVING]
    assert first.items[0].summary == "Craving 5/10 · Rain" and first.items[0].level == 5
    assert first.items[1].summary == "A good day."
    # A new entry between pages does not shift the next page.
    vault.add_craving(craving(0))
    second = vault.history(query(first.next_page_token), Language.SPANISH)
    assert second.items[0].summary.startswith("Ganas de consumir")
    third = vault.history(query(second.next_page_token), Language.ENGLISH)
    assert third.next_page_token is None
    ids = [i.id for p in (first, second, third) for i in p.items]
    assert len(ids) == len(set(ids)) == 7
    notes = vault.history(query(kinds=[HistoryKind.NOTE]), Language.ENGLISH)
    assert [i.kind for i in notes.items] == [HistoryKind.NOTE]

    with pytest.raises(KeelError.InvalidInput) as e:
        vault.history(query("not a token"), Language.ENGLISH)
    assert e.value.field == "page_token"
    vault.lock()
    with pytest.raises(KeelError.Locked):
        vault.history(query(), Language.ENGLISH)


def test_today_suggests_an_exercise_for_a_craving_in_progress(vault):
    now = Now(utc_millis=now_ms(), zone="America/Chicago")
    calm = vault.today(now, Language.ENGLISH)
    assert calm.ongoing_craving is None and calm.next_meeting is None and calm.meeting_now is None
    assert calm.exercise.reason_text
    draft = craving(0.2)
    draft.outcome = CravingOutcome.ONGOING
    ongoing = vault.add_craving(draft)
    screen = vault.today(now, Language.SPANISH)
    assert screen.ongoing_craving.id == ongoing.id
    assert screen.exercise.exercise.id == "mbrp.urge-surfing"
    assert screen.exercise.reason == keel.ExerciseSuggestionReason.CRAVING
    with pytest.raises(KeelError.InvalidInput) as e:
        vault.today(Now(utc_millis=now_ms(), zone="Nowhere/Else"), Language.ENGLISH)
    assert e.value.field == "zone"


FIXTURE = pathlib.Path(__file__).parents[2] / "core/tests/fixtures/meeting-guide/example-meeting.json"
SOURCE = "https://example.org/meetings.json"


def test_meeting_guide_feed_preview_pick_and_re_import(vault):
    from keel import Fellowship, MeetingKind
    example = json.loads(FIXTURE.read_text())
    tuesday = dict(example, slug="tuesday-noon", name="Noon", day=2, time="12:00")
    feed = json.dumps([example, tuesday])
    # Wednesday 2026-11-25 12:00 in Los Angeles.
    now = Now(utc_millis=1_795_636_800_000, zone="America/Los_Angeles")
    aa = MeetingKind.TWELVE_STEP(Fellowship.AA)
    got = vault.preview_meeting_guide(feed, SOURCE, aa, now)
    assert [m.slug for m in got.meetings] == ["sunday-serenity-14", "tuesday-noon"]
    assert all(m.already_added_id is None for m in got.meetings)
    # The schedules start at the next real meetings, not today.
    assert got.meetings[0].draft.schedule.start_date == keel.CalendarDate(year=2026, month=11, day=29)
    assert got.meetings[1].draft.schedule.start_date == keel.CalendarDate(year=2026, month=12, day=1)

    saved = vault.add_meetings_from_guide(SOURCE, got.meetings)
    assert [m.source.slug for m in saved] == ["sunday-serenity-14", "tuesday-noon"]
    assert saved[0].source.feed == SOURCE
    again = vault.preview_meeting_guide(feed, SOURCE, aa, now)
    assert [m.already_added_id for m in again.meetings] == [m.id for m in saved]
    updated = vault.add_meetings_from_guide(SOURCE, again.meetings)
    assert [m.id for m in updated] == [m.id for m in saved]
    assert len(vault.list_meetings().meetings) == 2

    # One bad meeting: nothing of the set is saved.
    bad = again.meetings[0]
    bad.draft.name = " "
    other = vault.preview_meeting_guide(feed, "Another intergroup", aa, now).meetings[1]
    with pytest.raises(KeelError.InvalidInput) as e:
        vault.add_meetings_from_guide("Another intergroup", [other, bad])
    assert e.value.field == "name"
    assert len(vault.list_meetings().meetings) == 2
    with pytest.raises(KeelError.InvalidInput) as e:
        vault.preview_meeting_guide("{", SOURCE, aa, now)
    assert e.value.field == "feed"
    vault.lock()
    with pytest.raises(KeelError.Locked):
        vault.preview_meeting_guide(feed, SOURCE, aa, now)
