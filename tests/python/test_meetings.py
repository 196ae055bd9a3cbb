"""Meetings, attendance, the weekly requirement, reminders, the Meeting Guide
import and the iCalendar export through the generated Python bindings.

The export is read back by third-party parsers (icalendar and
recurring-ical-events), whose occurrences must be the core's, DST included.
"""

import datetime
import json
import pathlib
import time
import zoneinfo

import icalendar
import pytest
import recurring_ical_events

import keel
from keel import (
    AttendanceDraft,
    AttendanceStatus,
    CalendarDate,
    Weekday,
    FeedSkipReason,
    FeedWarning,
    Fellowship,
    KeelError,
    Language,
    Moment,
    Now,
    MeetingDraft,
    MeetingKind,
    MeetingPlace,
    MeetingRepeat,
    MeetingSchedule,
    MeetingSettings,
    MonthWeek,
    PageQuery,
    ReminderKind,
)

PASSPHRASE = "a long enough passphrase"
FIXTURE = pathlib.Path(__file__).parents[2] / "core/tests/fixtures/meeting-guide/example-meeting.json"
MINUTE = 60_000
DAY = 86_400_000


@pytest.fixture
def vault(tmp_path):
    v = keel.Vault.create(str(tmp_path / "vault"), PASSPHRASE)
    yield v
    v.lock()


def now_ms():
    return int(time.time() * 1000)


def now_in(zone="UTC", utc_millis=None):
    """Now as a phone gives it: the instant and its IANA zone."""
    return Now(utc_millis=now_ms() if utc_millis is None else utc_millis, zone=zone)


def today():
    return datetime.date.today()


def cal(d):
    return CalendarDate(year=d.year, month=d.month, day=d.day)


def place(**kw):
    base = dict(venue="", address="", online_url="", online_notes="", phone="", phone_notes="")
    base.update(kw)
    return MeetingPlace(**base)


def draft(name="Evening IOP group", kind=MeetingKind.IOP_GROUP(), zone="America/New_York",
          start=None, repeat=None, minute=18 * 60, duration=180, reminder=30, **kw):
    return MeetingDraft(
        name=name,
        kind=kind,
        place=kw.pop("where", place(venue="Harbor Clinic")),
        schedule=MeetingSchedule(
            zone=zone,
            start_date=cal(start or today() - datetime.timedelta(days=40)),
            end_date=kw.pop("end_date", None),
            start_minute=minute,
            duration_minutes=duration,
            repeat=repeat or MeetingRepeat.WEEKLY(
                days=[Weekday.MONDAY, Weekday.WEDNESDAY, Weekday.THURSDAY], every_weeks=1),
        ),
        reminder_minutes=reminder,
        notes=kw.pop("notes", ""),
        types=kw.pop("types", []),
    )


def test_meetings_round_trip_and_every_error_path(vault):
    m = vault.add_meeting(draft())
    assert m.schedule.repeat == MeetingRepeat.WEEKLY(
        days=[Weekday.MONDAY, Weekday.WEDNESDAY, Weekday.THURSDAY], every_weeks=1)
    aa = vault.add_meeting(draft(name="Saturday Serenity", kind=MeetingKind.TWELVE_STEP(Fellowship.AA),
                                 repeat=MeetingRepeat.MONTHLY(week=MonthWeek.LAST, day=Weekday.SATURDAY),
                                 minute=600, duration=60, reminder=None))
    assert [x.name for x in vault.list_meetings().meetings] == ["Evening IOP group", "Saturday Serenity"]
    renamed = vault.update_meeting(aa.id, draft(name="Saturday Serenity (hybrid)", reminder=None))
    assert renamed.id == aa.id and vault.get_meeting(aa.id).name == "Saturday Serenity (hybrid)"
    vault.delete_meeting(aa.id)
    with pytest.raises(KeelError.NotFound):
        vault.get_meeting(aa.id)

    bad = {
        "name": draft(name=""),
        "zone": draft(zone="Mars/Olympus"),
        "start_minute": draft(minute=1440),
        "duration_minutes": draft(duration=0),
        "days": draft(repeat=MeetingRepeat.WEEKLY(days=[], every_weeks=1)),
        "every_weeks": draft(repeat=MeetingRepeat.WEEKLY(days=[Weekday.MONDAY], every_weeks=13)),
        "online_url": draft(where=place(online_url="javascript:alert(1)")),
        "phone": draft(where=place(phone="call Sam")),
        "reminder_minutes": draft(reminder=5000),
        "start_date": MeetingDraft(**{**draft().__dict__, "schedule": MeetingSchedule(
            zone="UTC", start_date=CalendarDate(year=2026, month=2, day=30), end_date=None,
            start_minute=0, duration_minutes=60, repeat=MeetingRepeat.ONCE())}),
        "notes": draft(notes="x" * (1024 * 1024 + 1)),
    }
    for field, d in bad.items():
        with pytest.raises(KeelError.InvalidInput) as e:
            vault.add_meeting(d)
        assert e.value.field == field
    for bad_id in ["", "nope", "0" * 31, "x" * (1024 * 1024)]:
        with pytest.raises(KeelError.InvalidInput):
            vault.get_meeting(bad_id)
        with pytest.raises(KeelError.InvalidInput):
            vault.update_meeting(bad_id, draft())
        with pytest.raises(KeelError.InvalidInput):
            vault.delete_meeting(bad_id)
    assert len(vault.list_meetings().meetings) == 1
    vault.lock()
    with pytest.raises(KeelError.Locked):
        vault.list_meetings()


def test_occurrences_follow_dst_in_the_meeting_zone(vault):
    vault.add_meeting(draft(start=datetime.date(2026, 3, 1), repeat=MeetingRepeat.WEEKLY(
        days=[Weekday.SUNDAY], every_weeks=1), minute=19 * 60))
    start = int(datetime.datetime(2026, 3, 1, tzinfo=datetime.timezone.utc).timestamp() * 1000)
    got = vault.meeting_occurrences(start, start + 15 * DAY)
    ny = zoneinfo.ZoneInfo("America/New_York")
    local = [datetime.datetime.fromtimestamp(o.start.utc_millis / 1000, ny) for o in got]
    assert [(t.day, t.hour) for t in local] == [(1, 19), (8, 19), (15, 19)]
    assert [o.start.offset_minutes for o in got] == [-300, -240, -240]
    with pytest.raises(KeelError.InvalidInput):
        vault.meeting_occurrences(start, start - 1)
    with pytest.raises(KeelError.InvalidInput):
        vault.meeting_occurrences(start, start + 500 * DAY)


def test_attendance_im_here_requirement_and_screen(vault):
    m = vault.add_meeting(draft())
    vault.save_meeting_settings(MeetingSettings(weekly_minutes=540, weekly_sessions=3,
                                                check_in_minute=20 * 60, gentle_prompts=False))
    past = vault.meeting_occurrences(now_ms() - 14 * DAY, now_ms() - 3 * 3_600_000)
    assert len(past) >= 5
    for o in past:
        vault.record_attendance(AttendanceDraft(meeting_id=m.id, occurrence=o.start,
                                                status=AttendanceStatus.ATTENDED, minutes=None, notes=""))
    again = vault.record_attendance(AttendanceDraft(meeting_id=m.id, occurrence=past[0].start,
                                                    status=AttendanceStatus.LEFT_EARLY, minutes=90,
                                                    notes="Left for work."))
    page = vault.list_attendance(PageQuery(from_utc_millis=None, until_utc_millis=None, offset=0, limit=100))
    assert page.total == len(past), "recording an occurrence again replaces it"
    assert any(r.id == again.id and r.minutes == 90 for r in page.items)
    edited = vault.update_attendance(again.id, AttendanceStatus.LATE, None, "Bus was late.")
    assert edited.status == AttendanceStatus.LATE and edited.minutes == 90

    screen = vault.meetings_screen(now_in())
    assert screen.meeting_count == 1
    assert screen.progress.settings.weekly_minutes == 540
    assert 0.0 <= (screen.progress.attendance_rate or 0.0) <= 1.0
    assert len(screen.recent) == min(10, len(past))
    history = vault.attendance_history(now_in(), 4)
    assert len(history) == 4 and sum(w.sessions for w in history) >= 5
    lines = vault.attendance_record(now_ms() - 30 * DAY, now_ms(), Language.ENGLISH)
    assert lines[0].kind_label == "IOP group session"
    es = vault.attendance_record(now_ms() - 30 * DAY, now_ms(), Language.SPANISH)
    assert es[0].kind_label == "Sesión de grupo del IOP"
    assert [line.start.utc_millis for line in lines] == sorted(line.start.utc_millis for line in lines)

    # "I'm here" 10 minutes before the next occurrence.
    nxt = vault.meeting_occurrences(now_ms(), now_ms() + 8 * DAY)[0]
    here = vault.check_in_to_meeting(now_in(utc_millis=nxt.start.utc_millis - 10 * MINUTE))
    assert here.status == AttendanceStatus.ATTENDED and here.meeting_id == m.id
    with pytest.raises(KeelError.NotFound):
        vault.check_in_to_meeting(now_in(utc_millis=nxt.start.utc_millis + 5 * 3_600_000))
    today_screen = vault.today(now_in("America/New_York", nxt.start.utc_millis + MINUTE), Language.ENGLISH)
    assert today_screen.meeting_now.occurrence.meeting_id == m.id
    assert today_screen.meeting_now.in_progress and today_screen.meeting_now.checked_in
    assert not today_screen.meeting_now.can_check_in
    following = today_screen.next_meeting
    assert following.occurrence.meeting_id == m.id
    assert following.occurrence.start.utc_millis > nxt.start.utc_millis
    assert following.local_start.utc_millis == following.occurrence.start.utc_millis
    assert following.in_person or following.online

    vault.delete_attendance(here.id)
    with pytest.raises(KeelError.InvalidInput):
        vault.record_attendance(AttendanceDraft(meeting_id="nope", occurrence=nxt.start,
                                                status=AttendanceStatus.ATTENDED, minutes=None, notes=""))
    with pytest.raises(KeelError.InvalidInput) as e:
        vault.save_meeting_settings(MeetingSettings(weekly_minutes=0, weekly_sessions=None,
                                                    check_in_minute=None, gentle_prompts=False))
    assert e.value.field == "weekly_minutes"
    with pytest.raises(KeelError.InvalidInput):
        vault.attendance_history(now_in(), 0)
    for call in (vault.meetings_screen, vault.check_in_to_meeting, lambda n: vault.today(n, Language.ENGLISH)):
        with pytest.raises(KeelError.InvalidInput) as e:
            call(now_in("Europe/Atlantis"))
        assert (e.value.field, e.value.reason) == ("zone", "unknown_zone")


def test_reminders_are_neutral(vault):
    m = vault.add_meeting(draft(name="NA at St. Mark's", kind=MeetingKind.TWELVE_STEP(Fellowship.NA)))
    vault.save_meeting_settings(MeetingSettings(weekly_minutes=None, weekly_sessions=None,
                                                check_in_minute=21 * 60, gentle_prompts=True))
    got = vault.upcoming_reminders(now_in(), 7 * 24, None, Language.ENGLISH)
    assert any(isinstance(r.kind, ReminderKind.MEETING) and r.kind.meeting_id == m.id for r in got)
    assert any(r.kind == ReminderKind.CHECK_IN() for r in got)
    es = vault.upcoming_reminders(now_in(), 7 * 24, None, Language.SPANISH)
    assert [r.kind for r in es] == [r.kind for r in got]
    assert [r.id for r in es] == [r.id for r in got], "ids do not depend on the language"
    assert {r.title for r in got} == {"Reminder"} and {r.title for r in es} == {"Recordatorio"}
    assert "Es hora de tu registro diario." in [r.body for r in es]
    for r in got + es:
        text = (r.title + " " + r.body).lower()
        for word in ("na ", "mark", "narcotics", "meeting", "reunión", "treatment", "tratamiento", "iop"):
            assert word not in text, (word, r)
    with pytest.raises(KeelError.InvalidInput):
        vault.upcoming_reminders(now_in(), 0, None, Language.ENGLISH)
    with pytest.raises(KeelError.InvalidInput) as e:
        vault.upcoming_reminders(now_in(), 24, 0, Language.ENGLISH)
    assert e.value.field == "limit"
    with pytest.raises(KeelError.InvalidInput) as e:
        vault.upcoming_reminders(now_in("Not/AZone"), 24, None, Language.ENGLISH)
    assert e.value.field == "zone"
    # The same reminders keep their ids; `limit` keeps the soonest.
    again = vault.upcoming_reminders(now_in(), 7 * 24, None, Language.ENGLISH)
    assert [r.id for r in again] == [r.id for r in got]
    assert all(len(r.id) == 32 for r in got) and len({r.id for r in got}) == len(got)
    soonest = vault.upcoming_reminders(now_in(), 7 * 24, 2, Language.ENGLISH)
    assert [r.id for r in soonest] == [r.id for r in again[:2]]


def test_a_daily_reminder_stays_at_its_local_time_across_dst(vault):
    vault.save_meeting_settings(MeetingSettings(weekly_minutes=None, weekly_sessions=None,
                                                check_in_minute=20 * 60, gentle_prompts=False))
    # Noon on Saturday 2026-03-07 in New York; clocks spring forward that night.
    noon = int(datetime.datetime(2026, 3, 7, 17, 0, tzinfo=datetime.timezone.utc).timestamp() * 1000)
    got = vault.upcoming_reminders(now_in("America/New_York", noon), 48, None, Language.ENGLISH)
    ny = zoneinfo.ZoneInfo("America/New_York")
    local = [datetime.datetime.fromtimestamp(r.at_utc_millis / 1000, ny) for r in got]
    assert [(t.day, t.hour, t.minute) for t in local] == [(7, 20, 0), (8, 20, 0)]
    assert got[1].at_utc_millis - got[0].at_utc_millis == 23 * 3_600_000
    # A trip: the same vault asked from Sydney, where it is already Sunday
    # morning, schedules 20:00 Sydney time.
    syd = vault.upcoming_reminders(now_in("Australia/Sydney", noon), 24, None, Language.ENGLISH)
    [sunday] = syd
    t = datetime.datetime.fromtimestamp(sunday.at_utc_millis / 1000, zoneinfo.ZoneInfo("Australia/Sydney"))
    assert (t.day, t.hour) == (8, 20)


def test_the_spec_example_and_a_hostile_feed(vault):
    example = json.loads(FIXTURE.read_text())
    feed = json.dumps([example, example, {"name": "No day", "slug": "x", "time": "19:00"},
                       {"name": "Bad", "slug": "y", "day": 1, "time": "19:00", "types": ["O", "??"],
                        "conference_url": "file:///etc/passwd"}, 42])
    got = keel.import_meeting_guide(feed, MeetingKind.TWELVE_STEP(Fellowship.AA), now_in("America/Los_Angeles"))
    assert [m.slug for m in got.meetings] == ["sunday-serenity-14", "y"]
    assert [(s.position, s.reason) for s in got.skipped] == [
        (1, FeedSkipReason.DUPLICATE_SLUG()), (2, FeedSkipReason.NO_DAY()), (4, FeedSkipReason.NOT_AN_OBJECT())]
    assert got.meetings[1].warnings == [FeedWarning.UNKNOWN_TYPE(code="??"), FeedWarning.BAD_LINK()]
    first = got.meetings[0].draft
    assert first.schedule.repeat == MeetingRepeat.WEEKLY(days=[Weekday.SUNDAY], every_weeks=1)
    assert (first.schedule.start_minute, first.schedule.duration_minutes) == (18 * 60, 90)
    assert first.types == ["Open", "Transgender", "LGBTQ"]
    # Stored as imported; shown in the participant's language.
    assert [keel.meeting_type_label(t, Language.SPANISH) for t in first.types] == [
        "Abierta", "Transgénero", "LGBTQ"]
    assert keel.meeting_type_label("Abierta", Language.ENGLISH) == "Open"
    assert keel.meeting_type_label("Bring a friend", Language.SPANISH) == "Bring a friend"
    # Picked into the participant's list.
    saved = vault.add_meeting(first)
    assert saved.place.venue == "Alano Club"
    for bad in ["", "{", "null", "x" * (1024 * 1024 + 1)]:
        with pytest.raises(KeelError.InvalidInput) as e:
            keel.import_meeting_guide(bad, MeetingKind.OTHER(), now_in())
        assert e.value.field == "feed"
    with pytest.raises(KeelError.InvalidInput) as e:
        keel.import_meeting_guide("[]", MeetingKind.OTHER(), now_in("Not/AZone"))
    assert e.value.field == "zone"


def test_icalendar_export_reads_back_with_the_same_occurrences(vault):
    start = datetime.date(2026, 1, 5)
    meetings = [
        draft(start=start, notes="Bring the workbook; ask about Friday, too.\nSecond line."),
        draft(name="Family night", kind=MeetingKind.FAMILY_SESSION(), zone="Europe/London", start=start,
              repeat=MeetingRepeat.MONTHLY(week=MonthWeek.FIFTH, day=Weekday.THURSDAY), minute=19 * 60),
        draft(name="Every other Tuesday", zone="Australia/Sydney", start=start,
              repeat=MeetingRepeat.WEEKLY(days=[Weekday.TUESDAY], every_weeks=2), minute=2 * 60 + 30,
              end_date=cal(datetime.date(2026, 12, 31))),
        draft(name="Intake", kind=MeetingKind.COUNSELING(), zone="America/Denver", start=datetime.date(2026, 3, 8),
              repeat=MeetingRepeat.ONCE(), minute=2 * 60 + 30, duration=50),
    ]
    saved = [vault.add_meeting(d) for d in meetings]
    ics = vault.export_meetings_calendar(Language.ENGLISH)
    assert ics.file_name == "calendar.ics"
    assert "Sesión familiar" in vault.export_meetings_calendar(Language.SPANISH).content
    parsed = icalendar.Calendar.from_ical(ics.content)
    events = parsed.walk("VEVENT")
    assert len(events) == 4
    assert str(events[0]["SUMMARY"]) == "Evening IOP group"
    assert "ask about Friday, too.\nSecond line." in str(events[0]["DESCRIPTION"])

    lo = datetime.datetime(2026, 1, 1, tzinfo=datetime.timezone.utc)
    hi = datetime.datetime(2026, 12, 31, tzinfo=datetime.timezone.utc)
    theirs = sorted(
        int(e["DTSTART"].dt.timestamp() * 1000)
        for e in recurring_ical_events.of(parsed).between(lo, hi)
    )
    ours = []
    t = int(lo.timestamp() * 1000)
    end = int(hi.timestamp() * 1000)
    while t < end:
        span = min(300 * DAY, end - t)
        ours += [o.start.utc_millis for o in vault.meeting_occurrences(t, t + span)
                 if t <= o.start.utc_millis < t + span]
        t += span
    assert len(ours) > 150
    assert theirs == sorted(ours)
    # The spring-forward 02:30 intake: 03:30 MDT for both.
    denver = [o for o in vault.meeting_occurrences(t - 400 * DAY + 1, t - 200 * DAY) if o.meeting_id == saved[3].id]
    assert [o.start.offset_minutes for o in denver] == [-360]


def test_meeting_kind_labels_exist_in_both_languages():
    kinds = [MeetingKind.IOP_GROUP(), MeetingKind.COUNSELING(), MeetingKind.FAMILY_SESSION(),
             MeetingKind.MEDICATION_VISIT(), MeetingKind.SMART_RECOVERY(), MeetingKind.RECOVERY_DHARMA(),
             MeetingKind.LIFE_RING(), MeetingKind.CELEBRATE_RECOVERY(), MeetingKind.OTHER()]
    kinds += [MeetingKind.TWELVE_STEP(f) for f in Fellowship]
    en = [keel.meeting_kind_label(k, Language.ENGLISH) for k in kinds]
    es = [keel.meeting_kind_label(k, Language.SPANISH) for k in kinds]
    assert len(set(en)) == len(kinds) and len(set(es)) == len(kinds)
    assert all(a and b and a != b for a, b in zip(en, es))
    assert keel.meeting_kind_label(MeetingKind.TWELVE_STEP(Fellowship.NA), Language.SPANISH) == "Reunión de NA"
