"""Standard self-report measures (BAM, PHQ-9, GAD-7, AUDIT-C) through the
generated Python bindings: the form in a language, submitting and editing,
the crisis flag, what is due, schedules, reminders, history and trends, and
the typed errors. Behaviour is tested in the core; this tests the FFI.
"""

import time

import pytest

import keel
from keel import (
    KeelError,
    Language,
    MeasureAnswer,
    MeasureDirection,
    MeasureFlag,
    MeasureKind,
    MeasureSchedule,
    Now,
    ReminderKind,
)

PASSPHRASE = "a long enough passphrase"
DAY = 86_400_000


@pytest.fixture
def vault(tmp_path):
    v = keel.Vault.create(str(tmp_path / "vault"), PASSPHRASE)
    yield v
    v.lock()


def now(offset_ms=0, zone="America/Chicago"):
    return Now(utc_millis=int(time.time() * 1000) + offset_ms, zone=zone)


def answers(form, value, **override):
    """Every required, always-asked item at `value` (or its first option)."""
    out = []
    for item in form.items:
        if not item.required or item.asked_if is not None:
            continue
        values = [c.value for c in item.choices]
        out.append(MeasureAnswer(item=item.key, value=override.get(item.key, value if value in values else values[0])))
    return out


def test_forms_in_each_published_language():
    phq = keel.measure_form(MeasureKind.PHQ9, Language.SPANISH)
    assert phq.short_name == "PHQ-9"
    assert phq.language == Language.SPANISH
    assert phq.instructions.startswith("Durante las últimas 2 semanas")
    assert [i.key for i in phq.items][:2] == ["phq9.1", "phq9.2"]
    assert [c.label for c in phq.items[0].choices] == [
        "Ningún día", "Varios días", "Más de la mitad de los días", "Casi todos los días"]
    assert not phq.items[-1].required, "the difficulty question is optional"
    assert "Pfizer" in phq.terms and set(phq.languages) == {Language.ENGLISH, Language.SPANISH}

    bam = keel.measure_form(MeasureKind.BAM, Language.ENGLISH)
    # Items 1-17, item 7 asked as 7A-7G.
    assert len([i for i in bam.items if i.asked_if is None]) == 16
    seven = [i for i in bam.items if i.asked_if is not None]
    assert [i.number for i in seven] == ["7A", "7B", "7C", "7D", "7E", "7F", "7G"]
    assert all(i.asked_if.item == "bam.6" and i.asked_if.above == 0 for i in seven)
    assert seven[0].group_text.startswith("In the past 30 days")
    assert bam.languages == [Language.ENGLISH]
    # No published Spanish BAM: refused, never translated.
    with pytest.raises(KeelError.InvalidInput) as e:
        keel.measure_form(MeasureKind.BAM, Language.SPANISH)
    assert (e.value.field, e.value.reason) == ("language", "not_available")

    audit = keel.measure_form(MeasureKind.AUDIT_C, Language.SPANISH)
    assert audit.items[0].text == "¿Con qué frecuencia consume alguna bebida alcohólica?"
    gad = keel.measure_form(MeasureKind.GAD7, Language.ENGLISH)
    assert len(gad.items) == 8


def test_submit_scores_flags_crisis_and_edits(vault):
    form = keel.measure_form(MeasureKind.PHQ9, Language.ENGLISH)
    got = vault.submit_measure(MeasureKind.PHQ9, Language.ENGLISH, answers(form, 1), None, now())
    r = got.response
    assert [(s.key, s.value, s.max, s.band_label) for s in r.scores] == [("total", 9, 27, "Mild")]
    assert r.scores[0].loinc == "44261-6"
    assert r.flags == [MeasureFlag.CRISIS], "item 9 above zero"
    assert r.editable and r.editable_until_utc_millis - r.taken_at.utc_millis == 14 * DAY
    crisis = got.crisis
    assert crisis is not None and crisis.message
    assert any(c.phone == "988" for c in crisis.contacts)

    # Edit within the period: item 9 back to zero, the flag goes away.
    fixed = answers(form, 1, **{"phq9.9": 0})
    edited = vault.submit_measure(MeasureKind.PHQ9, Language.SPANISH, fixed, r.id, now())
    assert edited.response.id == r.id and edited.crisis is None
    assert edited.response.flags == []
    assert edited.response.taken_at == r.taken_at and edited.response.edited_at is not None
    assert edited.response.scores[0].band_label == "Leve"

    # Typed errors; nothing written.
    missing = [a for a in fixed if a.item != "phq9.4"]
    with pytest.raises(KeelError.InvalidInput) as e:
        vault.submit_measure(MeasureKind.PHQ9, Language.ENGLISH, missing, None, now())
    assert (e.value.field, e.value.reason) == ("phq9.4", "required")
    bad = answers(form, 0, **{"phq9.2": 7})
    with pytest.raises(KeelError.InvalidInput) as e:
        vault.submit_measure(MeasureKind.PHQ9, Language.ENGLISH, bad, None, now())
    assert (e.value.field, e.value.reason) == ("phq9.2", "not_an_option")
    with pytest.raises(KeelError.InvalidInput) as e:
        vault.submit_measure(MeasureKind.PHQ9, Language.ENGLISH, fixed + [MeasureAnswer(item="x", value=0)], None, now())
    assert (e.value.field, e.value.reason) == ("answers", "unknown_item")
    with pytest.raises(KeelError.InvalidInput) as e:
        vault.submit_measure(MeasureKind.GAD7, Language.ENGLISH, answers(keel.measure_form(MeasureKind.GAD7, Language.ENGLISH), 0), r.id, now())
    assert (e.value.field, e.value.reason) == ("measure", "does_not_match")
    with pytest.raises(KeelError.InvalidInput) as e:
        vault.submit_measure(MeasureKind.PHQ9, Language.ENGLISH, fixed, r.id, now(15 * DAY))
    assert (e.value.field, e.value.reason) == ("id", "period_closed")
    with pytest.raises(KeelError.InvalidInput) as e:
        vault.submit_measure(MeasureKind.PHQ9, Language.ENGLISH, fixed, "not an id", now())
    assert (e.value.field, e.value.reason) == ("id", "not_a_record_id")
    with pytest.raises(KeelError.NotFound) as e:
        vault.submit_measure(MeasureKind.PHQ9, Language.ENGLISH, fixed, "00" * 16, now())
    assert e.value.what == "measure_response"
    with pytest.raises(KeelError.InvalidInput) as e:
        vault.submit_measure(MeasureKind.PHQ9, Language.ENGLISH, fixed, None, now(zone="Mars/Olympus"))
    assert (e.value.field, e.value.reason) == ("zone", "unknown_zone")
    assert len(vault.measure_history(MeasureKind.PHQ9, now(), Language.ENGLISH).responses) == 1


def test_bam_due_weekly_history_trends_and_moved_items(vault):
    due = vault.measures_due(now(), Language.ENGLISH)
    assert [d.measure for d in due] == [MeasureKind.BAM]
    assert due[0].days_overdue == 0 and due[0].last_taken is None
    assert [d.measure for d in vault.today(now(), Language.ENGLISH).measures_due] == [MeasureKind.BAM]

    form = keel.measure_form(MeasureKind.BAM, Language.ENGLISH)
    week1 = answers(form, 1, **{"bam.6": 0})
    vault.submit_measure(MeasureKind.BAM, Language.ENGLISH, week1, None, now(-7 * DAY))
    assert vault.measures_due(now(-6 * DAY), Language.ENGLISH) == []
    # Drug use reported: 7A-7G become required.
    week2 = answers(form, 1, **{"bam.6": 2, "bam.8": 3})
    with pytest.raises(KeelError.InvalidInput) as e:
        vault.submit_measure(MeasureKind.BAM, Language.ENGLISH, week2, None, now())
    assert (e.value.field, e.value.reason) == ("bam.7a", "required")
    week2 += [MeasureAnswer(item=f"bam.7{x}", value=0) for x in "abcdefg"]
    got = vault.submit_measure(MeasureKind.BAM, Language.ENGLISH, week2, None, now())
    assert [s.key for s in got.response.scores] == ["use", "risk", "protective"]
    assert got.crisis is None

    h = vault.measure_history(MeasureKind.BAM, now(), Language.SPANISH)
    assert len(h.responses) == 2 and h.damaged_ids == []
    assert h.responses[0].taken_at.utc_millis > h.responses[1].taken_at.utc_millis
    use = next(t for t in h.trends if t.key == "use")
    assert [p.value for p in use.points] == [2, 4] and use.change == 2
    assert use.direction == MeasureDirection.WORSE and use.name == "Consumo"
    moved = {m.key: (m.from_value, m.to_value, m.direction) for m in h.moved_items}
    assert moved["bam.6"] == (0, 2, MeasureDirection.WORSE)
    assert moved["bam.8"] == (1, 3, MeasureDirection.WORSE)
    assert next(m for m in h.moved_items if m.key == "bam.6").to_label == "4-8"


def test_schedules_and_reminders(vault):
    schedules = vault.measure_schedules()
    assert [(s.measure, s.enabled, s.every_days) for s in schedules] == [
        (MeasureKind.BAM, True, 7), (MeasureKind.PHQ9, False, 14),
        (MeasureKind.GAD7, False, 14), (MeasureKind.AUDIT_C, False, 28)]
    assert all(s.reminder_minute is None for s in schedules)
    saved = vault.set_measure_schedule(MeasureSchedule(measure=MeasureKind.AUDIT_C, enabled=True, every_days=30, reminder_minute=9 * 60))
    assert saved[3].enabled and saved[3].reminder_minute == 540
    got = vault.upcoming_reminders(now(), 48, None, Language.ENGLISH)
    measure = [r for r in got if isinstance(r.kind, ReminderKind.MEASURE)]
    assert len(measure) == 1 and measure[0].kind.measure == MeasureKind.AUDIT_C
    assert "AUDIT" not in measure[0].body and len(measure[0].id) == 32
    for bad in (0, 91):
        with pytest.raises(KeelError.InvalidInput) as e:
            vault.set_measure_schedule(MeasureSchedule(measure=MeasureKind.GAD7, enabled=True, every_days=bad, reminder_minute=None))
        assert (e.value.field, e.value.reason) == ("every_days", "out_of_range")
    with pytest.raises(KeelError.InvalidInput) as e:
        vault.set_measure_schedule(MeasureSchedule(measure=MeasureKind.GAD7, enabled=True, every_days=7, reminder_minute=1440))
    assert (e.value.field, e.value.reason) == ("reminder_minute", "out_of_range")


def test_locked_vault_refuses(vault):
    vault.lock()
    with pytest.raises(KeelError.Locked):
        vault.measures_due(now(), Language.ENGLISH)
    with pytest.raises(KeelError.Locked):
        vault.measure_history(MeasureKind.BAM, now(), Language.ENGLISH)


def test_fhir_export_validates_with_loinc_codes(vault):
    import json

    from fhir.resources.bundle import Bundle
    from fhir.resources.observation import Observation
    from fhir.resources.questionnaireresponse import QuestionnaireResponse

    for kind in (MeasureKind.PHQ9, MeasureKind.GAD7, MeasureKind.AUDIT_C):
        form = keel.measure_form(kind, Language.ENGLISH)
        vault.submit_measure(kind, Language.ENGLISH, answers(form, 1), None, now())
    bam = keel.measure_form(MeasureKind.BAM, Language.ENGLISH)
    vault.submit_measure(MeasureKind.BAM, Language.ENGLISH, answers(bam, 0), None, now())
    out = vault.export_fhir(now(), None, None)
    assert out.questionnaire_responses == 4 and out.observations == 3 + 3
    data = json.loads(out.json)
    Bundle.parse_obj(data)
    codes = set()
    for entry in data["entry"]:
        r = entry["resource"]
        if r["resourceType"] == "QuestionnaireResponse":
            QuestionnaireResponse.parse_obj(r)
        else:
            Observation.parse_obj(r)
            codes.add(r["code"]["coding"][0]["code"])
            assert r["derivedFrom"][0]["reference"].startswith("urn:uuid:")
    assert {"44261-6", "70274-6", "75626-2"} <= codes
    assert {"bam-use", "bam-risk", "bam-protective"} <= codes
    questionnaires = {e["resource"].get("questionnaire") for e in data["entry"]}
    assert "http://loinc.org/q/44249-1" in questionnaires and "http://loinc.org/q/72109-2" in questionnaires


def test_report_section_through_the_preview(vault):
    import datetime

    from keel import CalendarDate, ReportRequest, ReportTopic

    form = keel.measure_form(MeasureKind.GAD7, Language.ENGLISH)
    vault.submit_measure(MeasureKind.GAD7, Language.ENGLISH, answers(form, 1), None, now(-14 * DAY))
    vault.submit_measure(MeasureKind.GAD7, Language.ENGLISH, answers(form, 2), None, now())
    today = datetime.date.today()
    start = today - datetime.timedelta(days=30)
    preview = vault.report_preview(ReportRequest(
        from_date=CalendarDate(year=start.year, month=start.month, day=start.day),
        to_date=CalendarDate(year=today.year, month=today.month, day=today.day + 0),
        topics=[ReportTopic.MEASURES],
        language=Language.SPANISH,
        now=Now(utc_millis=int(time.time() * 1000), zone="UTC"),
    ))
    section = next(s for s in preview.sections if s.id == "measures")
    assert section.heading == "Medidas estándar"
    assert section.charts == 1 and section.tables == 2
    assert section.rows == 2 + 7, "both responses, every answered item of the latest"
