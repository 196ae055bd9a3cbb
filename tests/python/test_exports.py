"""Insights, the counselor report with every section, the CSV export (with
its confirmation and formula guard) and the FHIR R4 bundle, through the
generated Python bindings. The bundle is validated with fhir.resources 6.4,
whose models are FHIR R4 (4.0.1).
"""

import csv
import datetime
import io
import json
import time

import pytest
from fhir.resources.bundle import Bundle
from fhir.resources.encounter import Encounter
from fhir.resources.observation import Observation

import keel
from keel import (
    AttendanceDraft,
    AttendanceStatus,
    CalendarDate,
    CheckInDraft,
    CopingTag,
    CravingDraft,
    CravingOutcome,
    Weekday,
    EntryContext,
    Language,
    Halt,
    KeelError,
    LapseDraft,
    Moment,
    Now,
    MeetingDraft,
    MeetingKind,
    MeetingPlace,
    MeetingRepeat,
    MeetingSchedule,
    Mood,
    ReportRequest,
    ReportTopic,
    SobrietyClockDraft,
    TriggerCategory,
    TriggerTag,
)

HOUR = 3_600_000
FORMULA = '=HYPERLINK("http://evil.example","click")'


def now_ms():
    return int(time.time() * 1000)


def at(hours_ago):
    return Moment(utc_millis=now_ms() - int(hours_ago * HOUR), offset_minutes=-300)


def now_in(zone="Etc/GMT+5"):
    """Now in a zone at `at()`'s offset (UTC-5) all year."""
    return Now(utc_millis=now_ms(), zone=zone)


def date_of(t):
    d = datetime.datetime.fromtimestamp(t.utc_millis / 1000, datetime.timezone(datetime.timedelta(minutes=t.offset_minutes))).date()
    return CalendarDate(year=d.year, month=d.month, day=d.day)


def ctx():
    return EntryContext(place="", with_whom="", halt=Halt(hungry=False, angry=False, lonely=False, tired=True), mood=None)


@pytest.fixture
def journal(tmp_path):
    v = keel.Vault.create(str(tmp_path / "vault"), "a long enough passphrase")
    v.save_plan(keel.plan_template(Language.ENGLISH), None, True, now_in())
    for i, (intensity, outcome) in enumerate([(8, CravingOutcome.REACHED_OUT), (6, CravingOutcome.RODE_IT_OUT), (4, CravingOutcome.USED)]):
        v.add_craving(CravingDraft(
            at=at(24 * (i + 1)), intensity=intensity, duration_minutes=15,
            triggers=[TriggerTag(plan_trigger_id=None, name="Payday", category=TriggerCategory.TIME)],
            context=ctx(), coping=[CopingTag(plan_coping_id=None, text="Called Sam")], outcome=outcome,
            notes=FORMULA if i == 0 else "<script>alert(1)</script>"))
    for i in range(3):
        v.add_check_in(CheckInDraft(at=at(24 * i + 2), mood=Mood.OKAY, craving_level=3, sleep_minutes=450,
                                    intention="-1 drink is still a drink", any_use=False,
                                    halt=Halt(hungry=False, angry=False, lonely=False, tired=False), notes=""))
    start = datetime.date.today() - datetime.timedelta(days=21)
    m = v.add_meeting(MeetingDraft(
        name="Evening IOP group", kind=MeetingKind.IOP_GROUP(),
        place=MeetingPlace(venue="Harbor Clinic", address="", online_url="", online_notes="", phone="", phone_notes=""),
        schedule=MeetingSchedule(zone="America/New_York", start_date=CalendarDate(year=start.year, month=start.month, day=start.day),
                                 end_date=None, start_minute=18 * 60, duration_minutes=180,
                                 repeat=MeetingRepeat.WEEKLY(days=[Weekday.MONDAY, Weekday.WEDNESDAY, Weekday.THURSDAY], every_weeks=1)),
        reminder_minutes=None, notes="", types=[]))
    for o in v.meeting_occurrences(now_ms() - 14 * 24 * HOUR, now_ms() - 4 * HOUR):
        v.record_attendance(AttendanceDraft(meeting_id=m.id, occurrence=o.start, status=AttendanceStatus.ATTENDED, minutes=None, notes=""))
    yield v
    v.lock()


def test_insights_are_chart_ready(journal):
    t = at(0)
    got = journal.insights(date_of(at(24 * 20)), date_of(t), now_in(), Language.ENGLISH)
    assert len(got.days) == 21
    assert sum(d.cravings for d in got.days) == 3
    assert len(got.heat_map) == 168 and sum(c.cravings for c in got.heat_map) == 3
    assert [(x.name, x.count) for x in got.top_triggers] == [("Payday", 3)]
    assert [(c.text, c.used, c.worked) for c in got.coping] == [("Called Sam", 3, 2)]
    assert len(got.mood) == 3 and got.mood[0].sleep_hours == 7.5
    assert sum(w.sessions for w in got.attendance_weeks) >= 3
    with pytest.raises(KeelError.InvalidInput) as e:
        journal.insights(date_of(t), date_of(at(24 * 400)), now_in(), Language.ENGLISH)
    assert e.value.field == "period"
    with pytest.raises(KeelError.InvalidInput):
        journal.insights(CalendarDate(year=2026, month=2, day=30), date_of(t), now_in(), Language.ENGLISH)
    with pytest.raises(KeelError.InvalidInput) as e:
        journal.insights(date_of(t), date_of(t), now_in("Nowhere/Land"), Language.ENGLISH)
    assert (e.value.field, e.value.reason) == ("zone", "unknown_zone")


def test_streak_history_per_clock_in_insights(tmp_path):
    v = keel.Vault.create(str(tmp_path / "streaks"), "a long enough passphrase")
    utc = Now(utc_millis=now_ms(), zone="UTC")
    today = datetime.datetime.fromtimestamp(utc.utc_millis / 1000, datetime.timezone.utc).date()

    def cal(d):
        return CalendarDate(year=d.year, month=d.month, day=d.day)

    def ago(days):
        return today - datetime.timedelta(days=days)

    start = ago(40)
    clock = v.add_clock(SobrietyClockDraft(label="Alcohol", sobriety_date=cal(start)), utc)
    other = v.add_clock(SobrietyClockDraft(label="Cannabis", sobriety_date=cal(ago(5))), utc)
    for days, resets in [(30, True), (20, False), (10, True)]:
        # Noon UTC that day: its calendar day in the UTC offset the lapse carries.
        noon = datetime.datetime.combine(ago(days), datetime.time(12), datetime.timezone.utc)
        v.add_lapse(LapseDraft(at=Moment(utc_millis=int(noon.timestamp() * 1000), offset_minutes=0),
                               clock_ids=[clock.id], resets_clocks=resets, substance="", triggers=[],
                               context=ctx(), notes=""), utc, Language.ENGLISH)
    got = v.insights(cal(ago(6)), cal(today), utc, Language.ENGLISH)
    assert [h.clock_id for h in got.streak_history] == [c.id for c in got.clocks] == [clock.id, other.id]
    history = got.streak_history[0]
    assert history.older_streaks == 0
    seen = [(s.first_day, s.last_day, s.days, s.reset_on, s.lapses_within) for s in history.streaks]
    assert seen == [
        (cal(start), cal(ago(31)), 10, cal(ago(30)), 0),
        (cal(ago(29)), cal(ago(11)), 19, cal(ago(10)), 1),
        (cal(ago(9)), None, 9, None, 0),
    ]
    assert max(s.days for s in history.streaks) == got.clocks[0].longest_days == 19
    assert [(s.first_day, s.days, s.last_day) for s in got.streak_history[1].streaks] == [(cal(ago(5)), 5, None)]

    with pytest.raises(KeelError.InvalidInput) as e:
        v.insights(cal(ago(6)), cal(today), Now(utc_millis=now_ms(), zone="Nowhere/Land"), Language.ENGLISH)
    assert e.value.field == "zone"
    v.lock()
    with pytest.raises(KeelError.Locked):
        v.insights(cal(ago(6)), cal(today), utc, Language.ENGLISH)


def test_a_report_with_every_section(journal):
    t = at(0)
    req = ReportRequest(from_date=date_of(at(24 * 20)), to_date=date_of(t),
                        topics=[ReportTopic.PLAN, ReportTopic.CRAVINGS, ReportTopic.CHECKINS, ReportTopic.EXERCISES,
                                ReportTopic.ATTENDANCE, ReportTopic.INSIGHTS, ReportTopic.JOURNAL],
                        language=Language.ENGLISH, now=now_in("America/New_York"))
    p = journal.report_preview(req)
    assert [s.id for s in p.sections] == ["overview", "plan", "cravings", "checkins", "exercises", "attendance", "insights", "journal"]
    cravings = p.sections[2]
    assert cravings.charts == 2 and cravings.rows == 3
    file = journal.report_html(req, keel.generate_passphrase(Language.ENGLISH), p.fingerprint)
    page = bytes(file.html).decode()
    assert "Payday" not in page and "HYPERLINK" not in page, "the page holds only ciphertext"


def test_csv_needs_confirmation_and_keeps_formulas_inert(journal):
    assert "not encrypted" in keel.csv_export_warning(Language.ENGLISH)
    assert "no están cifrados" in keel.csv_export_warning(Language.SPANISH)
    with pytest.raises(KeelError.InvalidInput) as e:
        journal.export_csv(False)
    assert e.value.field == "confirmed"
    out = journal.export_csv(True)
    names = [f.name for f in out.files]
    assert names == ["cravings.csv", "trigger-encounters.csv", "check-ins.csv", "lapses.csv", "practice-sessions.csv", "attendance.csv"]
    cravings = list(csv.DictReader(io.StringIO(out.files[0].content)))
    assert len(cravings) == 3 == out.files[0].rows
    notes = [r["notes"] for r in cravings]
    assert "'" + FORMULA in notes
    assert not any(n.startswith(("=", "+", "-", "@")) for n in notes)
    checkins = list(csv.DictReader(io.StringIO(out.files[2].content)))
    assert checkins[0]["intention"] == "'-1 drink is still a drink"
    assert checkins[0]["mood"] == "Okay"
    attendance = list(csv.DictReader(io.StringIO(out.files[5].content)))
    assert attendance and attendance[0]["kind"] == "IOP group session"
    assert out.damaged_left_out == 0


def test_fhir_bundle_validates_against_r4(journal):
    with pytest.raises(KeelError.InvalidInput) as e:
        journal.export_fhir(now_in("EST5EDT,M3.2.0,M11.1.0"))
    assert e.value.field == "zone"
    out = journal.export_fhir(now_in("Asia/Kolkata"))
    assert json.loads(out.json)["timestamp"].endswith("+05:30"), "stamped in local time"
    assert out.file_name == "fhir-bundle.json"
    data = json.loads(out.json)
    bundle = Bundle.parse_obj(data)
    assert bundle.type == "collection"
    kinds = [e.resource.resource_type for e in bundle.entry]
    assert kinds.count("Observation") == out.observations == 6
    assert kinds.count("Encounter") == out.encounters >= 3
    for entry in data["entry"]:
        r = entry["resource"]
        model = Observation if r["resourceType"] == "Observation" else Encounter
        model.parse_obj(r)
    assert "Sam" not in out.json and "script" not in out.json and "HYPERLINK" not in out.json
    craving = data["entry"][0]["resource"]
    assert craving["code"]["coding"][0]["code"] == "craving-intensity"
    assert craving["valueInteger"] == 4, "oldest first: the craving of three days ago"
    enc = next(e["resource"] for e in data["entry"] if e["resource"]["resourceType"] == "Encounter")
    assert enc["status"] == "finished" and enc["class"]["code"] == "AMB" and enc["length"]["value"] == 180
    # Hand-broken resources are refused by the same validator.
    without_code = {k: v for k, v in craving.items() if k != "code"}
    with pytest.raises(ValueError):
        Observation.parse_obj(without_code)
    with pytest.raises(ValueError):
        Observation.parse_obj(dict(craving, valueInteger="eight"))


def test_fullwidth_formulas_are_guarded_and_fhir_ids_are_stable(journal):
    import uuid

    fullwidth = '＝HYPERLINK("http://evil.example","click")'
    journal.add_craving(CravingDraft(
        at=at(30), intensity=2, duration_minutes=None, triggers=[], context=ctx(), coping=[],
        outcome=CravingOutcome.RODE_IT_OUT, notes=fullwidth))
    notes = [r["notes"] for r in csv.DictReader(io.StringIO(journal.export_csv(True).files[0].content))]
    assert "'" + fullwidth in notes

    everything = json.loads(journal.export_fhir(now_in("UTC")).json)
    Bundle.parse_obj(everything)
    ids = [e["resource"]["id"] for e in everything["entry"]]
    assert len(set(ids)) == len(ids)
    for entry in everything["entry"]:
        assert entry["fullUrl"] == "urn:uuid:" + entry["resource"]["id"]
        assert uuid.UUID(entry["resource"]["id"]).version == 8
    # Another range, exported later: the same records keep their ids.
    since = now_ms() - 36 * HOUR
    ranged = json.loads(journal.export_fhir(now_in("Asia/Kolkata"), from_utc_millis=since).json)
    assert ranged["entry"] and {e["resource"]["id"] for e in ranged["entry"]} <= set(ids)
    assert ranged["id"] != everything["id"], "the bundle itself is one export"


def test_csv_as_one_zip_and_exports_over_a_date_range(journal):
    import zipfile

    with pytest.raises(KeelError.InvalidInput):
        journal.export_csv_zip(False)
    out = journal.export_csv_zip(True)
    assert out.file_name == "logs-csv.zip"
    archive = zipfile.ZipFile(io.BytesIO(out.bytes))
    assert archive.namelist() == [e.name for e in out.files]
    assert all(i.date_time == (1980, 1, 1, 0, 0, 0) for i in archive.infolist())
    cravings = list(csv.DictReader(io.StringIO(archive.read("cravings.csv").decode())))
    assert len(cravings) == 3

    # The last 36 hours: one craving (a day ago) and two check-ins.
    since = now_ms() - 36 * HOUR
    ranged = journal.export_csv(True, from_utc_millis=since)
    assert [f.rows for f in ranged.files][:3] == [1, 0, 2]
    older = journal.export_csv(True, until_utc_millis=since)
    assert older.files[0].rows == 2
    fhir = journal.export_fhir(now_in("UTC"), from_utc_millis=since, until_utc_millis=now_ms())
    assert fhir.observations == 1 + 2
    with pytest.raises(KeelError.InvalidInput) as e:
        journal.export_fhir(now_in("UTC"), from_utc_millis=since, until_utc_millis=since - 1)
    assert e.value.field == "range"
