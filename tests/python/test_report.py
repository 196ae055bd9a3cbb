"""The counselor report through the generated Python bindings: preview,
passphrases, the encrypted page, and the documented container format read
with `cryptography` (the snippet in docs/report-format.md, executed here).
"""

import pathlib
import re
import time

import pytest

import keel
from keel import CalendarDate, KeelError, Language, Moment, NoteDraft, ReportRequest, ReportTopic

ROOT = pathlib.Path(__file__).resolve().parents[2]
VAULT_PASSPHRASE = "a long enough passphrase"
HOUR = 3_600_000
OFFSET = -300


def doc_snippet(name):
    """The ```python block of a doc, executed: what the doc shows is tested."""
    text = (ROOT / "docs" / name).read_text(encoding="utf-8")
    code = re.search(r"```python\n(.*?)```", text, re.S).group(1)
    scope = {}
    exec(compile(code, name, "exec"), scope)
    return scope


REPORT = doc_snippet("report-format.md")


def now():
    return Moment(utc_millis=int(time.time() * 1000), offset_minutes=OFFSET)


def hours_ago(h):
    return Moment(utc_millis=int(time.time() * 1000) - h * HOUR, offset_minutes=OFFSET)


def local_date(t):
    import datetime

    d = datetime.datetime.fromtimestamp(t.utc_millis / 1000, datetime.timezone(datetime.timedelta(minutes=t.offset_minutes)))
    return CalendarDate(year=d.year, month=d.month, day=d.day)


@pytest.fixture
def vault(tmp_path):
    v = keel.Vault.create(str(tmp_path / "vault"), VAULT_PASSPHRASE)
    v.add_note(NoteDraft(written_at=hours_ago(30), text="Walked instead of going out"))
    v.add_note(NoteDraft(written_at=hours_ago(2), text='<img src=x onerror="window.__pwned=1">'))
    yield v
    v.lock()


def request(language=Language.ENGLISH, topics=None):
    t = now()
    return ReportRequest(
        from_date=local_date(hours_ago(24 * 7)),
        to_date=local_date(t),
        topics=[ReportTopic.JOURNAL] if topics is None else topics,
        language=language,
        now=keel.Now(utc_millis=t.utc_millis, zone="Etc/GMT+5"),  # UTC-5 all year, as OFFSET
    )


def test_generated_passphrases_are_listed_words_in_each_language():
    a = keel.generate_passphrase(Language.ENGLISH)
    b = keel.generate_passphrase(Language.ENGLISH)
    assert a != b
    words = a.split(" ")
    assert len(words) == 6
    assert all(w.isalpha() and w.islower() and 2 <= len(w) <= 7 for w in words)
    keel.check_export_passphrase(a)
    es = keel.generate_passphrase(Language.SPANISH)
    words = es.split(" ")
    assert len(words) == 7
    # Spanish words a counselor can type as heard: no accents, no ñ.
    assert all(w.isascii() and w.isalpha() and w.islower() and 3 <= len(w) <= 6 for w in words)
    keel.check_export_passphrase(es)


def test_own_passphrases_are_checked_without_echoing_them():
    keel.check_export_passphrase("Tr4mpoline-Cactus-Velvet-9")
    keel.check_export_passphrase("ox yak gnu emu fig")
    # Long enough, but too easy to guess (security.md, "Passphrase strength").
    with pytest.raises(KeelError.WeakPassphrase):
        keel.check_export_passphrase("twelve chars")
    with pytest.raises(KeelError.InvalidInput) as e:
        keel.check_export_passphrase("hunter2")
    assert e.value.field == "passphrase"
    assert "hunter2" not in str(e.value)


def test_preview_says_exactly_what_will_be_shared(vault):
    p = vault.report_preview(request())
    assert p.title == "Keel progress report"
    assert [s.id for s in p.sections] == ["overview", "journal"]
    assert p.sections[1].rows == 2
    assert p.sections[1].tables == 1
    assert p.total_rows == 2
    assert p.lines[0].startswith("Period: ")
    assert p.lines[2] == "Journal notes shared: 2 table rows, 1 paragraph"
    assert re.fullmatch(r"[0-9a-f]{64}", p.fingerprint)
    es = vault.report_preview(request(language=Language.SPANISH))
    assert es.title == "Informe de progreso de Keel"
    assert es.lines[0].startswith("Periodo: del ")


def test_bad_requests_are_refused(vault):
    with pytest.raises(KeelError.InvalidInput) as e:
        vault.report_preview(request(topics=[]))
    assert e.value.field == "topics"
    r = request()
    r.from_date, r.to_date = r.to_date, r.from_date
    with pytest.raises(KeelError.InvalidInput) as e:
        vault.report_preview(r)
    assert e.value.field == "period"


def test_the_page_decrypts_with_the_documented_snippet(vault):
    req = request()
    p = vault.report_preview(req)
    passphrase = keel.generate_passphrase(Language.ENGLISH)
    file = vault.report_html(req, passphrase, p.fingerprint)
    assert re.fullmatch(r"report-[0-9a-f]{16}\.html", file.file_name)
    page = bytes(file.html).decode("utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "Walked instead" not in page and "onerror" not in page
    container = REPORT["container_from_page"](page)
    doc = REPORT["decrypt_report"](container, "  " + passphrase.replace(" ", "\u00a0") + " ")
    assert doc["format"] == 1
    assert doc["title"] == "Keel progress report"
    assert "42 CFR part 2" in doc["disclosure"]["paragraphs"][0]
    journal = doc["sections"][1]
    rows = journal["blocks"][1]["rows"]
    # What the participant wrote is isolated (FSI ... PDI) for the viewer.
    assert [r[2] for r in rows] == ["\u2068Walked instead of going out\u2069", '\u2068<img src=x onerror="window.__pwned=1">\u2069']
    with pytest.raises(ValueError, match="wrong passphrase"):
        REPORT["decrypt_report"](container, "not the passphrase at all")
    tampered = bytearray(container)
    tampered[-5] ^= 1
    with pytest.raises(ValueError, match="damaged"):
        REPORT["decrypt_report"](bytes(tampered), passphrase)


def test_writing_needs_the_previewed_fingerprint(vault, tmp_path):
    req = request()
    p = vault.report_preview(req)
    vault.add_note(NoteDraft(written_at=hours_ago(1), text="after the preview"))
    with pytest.raises(KeelError.InvalidInput) as e:
        vault.report_html(req, "maple river candle orbit", p.fingerprint)
    assert e.value.field == "fingerprint"
    p = vault.report_preview(req)
    with pytest.raises(KeelError.InvalidInput) as e:
        vault.report_html(req, "short", p.fingerprint)
    assert e.value.field == "passphrase"
    path = tmp_path / keel.suggested_report_file_name()
    vault.write_report(req, "maple river candle orbit", p.fingerprint, str(path))
    doc = REPORT["decrypt_report"](
        REPORT["container_from_page"](path.read_text(encoding="utf-8")), "maple river candle orbit"
    )
    assert len(doc["sections"][1]["blocks"][1]["rows"]) == 3
    with pytest.raises(KeelError.InvalidInput) as e:
        vault.write_report(req, "maple river candle orbit", p.fingerprint, str(path))
    assert e.value.field == "path"


def test_a_locked_vault_writes_no_report(vault):
    req = request()
    p = vault.report_preview(req)
    vault.lock()
    with pytest.raises(KeelError.Locked):
        vault.report_preview(req)
    with pytest.raises(KeelError.Locked):
        vault.report_html(req, "maple river candle orbit", p.fingerprint)
