"""The format docs as a specification: an independent reader, written from
docs/security.md, docs/report-format.md and docs/backup-format.md alone,
opens vaults, reports and backups made by the core.

The reader takes every constant and byte layout from the docs' own tables
(the `name | value` constant tables, the `offset | bytes | field` layouts and
the `# | bytes | field` AAD tables) and uses nothing else from the core but
the files: Python's sqlite3, hashlib and hmac, and AES-GCM and HKDF from
`cryptography`. A doc that disagrees with the code makes it fail.
"""

import base64
import gc
import hashlib
import hmac
import json
import pathlib
import re
import shutil
import sqlite3
import struct
import time
import unicodedata

import pytest
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

import keel
from keel import (
    CalendarDate,
    CheckInDraft,
    CravingDraft,
    CravingOutcome,
    EntryContext,
    Halt,
    KeelError,
    Language,
    MeasureAnswer,
    MeasureKind,
    Moment,
    Mood,
    NoteDraft,
    Now,
    ReportRequest,
    ReportTopic,
    SobrietyClockDraft,
)

ROOT = pathlib.Path(__file__).resolve().parents[2]
FIXTURE_V1 = ROOT / "core" / "tests" / "fixtures" / "vault-v1" / "vault.db"
FIXTURE_V1_PASSPHRASE = "fixture passphrase v1"
HOUR = 3_600_000


# --- reading the docs --------------------------------------------------------


def sections(doc):
    """Heading text -> the section's text (to the next heading of any level)."""
    text = (ROOT / "docs" / doc).read_text(encoding="utf-8")
    out = {}
    parts = re.split(r"^#{2,4} (.+)$", text, flags=re.M)
    for heading, body in zip(parts[1::2], parts[2::2]):
        out[heading.strip()] = body
    return out


def section(doc, heading):
    found = [body for title, body in sections(doc).items() if title.startswith(heading)]
    assert len(found) == 1, f"{doc}: no single section '{heading}'"
    return found[0]


def tables(text):
    """Every Markdown table in `text`: a list of rows, each a dict by header."""
    out, rows, header = [], None, None
    for line in [l.strip() for l in text.splitlines()] + [""]:
        if line.startswith("|"):
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if header is None:
                header, rows = cells, []
            elif not all(re.fullmatch(r"-+", c) for c in cells):
                rows.append(dict(zip(header, cells)))
        elif header is not None:
            out.append(rows)
            header = None
    return out


def table(text, *columns):
    """The one table in `text` whose header starts with `columns`."""
    found = [t for t in tables(text) if t and list(t[0])[: len(columns)] == list(columns)]
    assert len(found) == 1, f"expected one table with columns {columns}, found {len(found)}"
    return found[0]


def tables_with(text, *columns):
    return [t for t in tables(text) if t and list(t[0])[: len(columns)] == list(columns)]


def value(cell):
    """A constant's value as the doc writes it: 600,000 or `keel.item`."""
    if re.fullmatch(r"[0-9][0-9,]*", cell):
        return int(cell.replace(",", ""))
    m = re.fullmatch(r"`([^`]*)`", cell)
    assert m, f"not a number or a `literal`: {cell!r}"
    return m.group(1)


def constants(doc):
    """The doc's `name | value` tables, as a dict."""
    out = {}
    for t in tables((ROOT / "docs" / doc).read_text(encoding="utf-8")):
        if t and list(t[0])[:2] == ["name", "value"]:
            for row in t:
                name = re.fullmatch(r"`([a-z0-9_]+)`", row["name"]).group(1)
                assert name not in out, f"{doc}: {name} stated twice"
                out[name] = value(row["value"])
    assert out, f"{doc} states no constants"
    return out


def field_name(cell):
    return re.fullmatch(r"`([a-z_]+)`", cell).group(1)


def size(cell, fields):
    """A layout cell: 12, `length`, `length` − 28, or rest (None)."""
    if cell == "rest":
        return None
    expr = re.sub(r"`([a-z_]+)`", lambda m: str(int.from_bytes(fields[m.group(1)], "little")), cell)
    expr = expr.replace("−", "-")
    assert re.fullmatch(r"[0-9 +\-]+", expr), f"cannot read layout cell {cell!r}"
    return eval(expr)  # digits, spaces, + and - only


def read_layout(data, rows):
    """Cuts `data` into the fields of an `offset | bytes | field` table,
    checking the table's offsets as it goes. A field whose size is `rest`
    runs to the end; every byte must be accounted for."""
    fields, pos = {}, 0
    for row in rows:
        offset = size(row["offset"], fields)
        assert offset == pos, f"layout offset of {row['field']} is {offset}, expected {pos}"
        n = size(row["bytes"], fields)
        n = len(data) - pos if n is None else n
        assert 0 <= n and pos + n <= len(data), f"{row['field']} runs past the end"
        fields[field_name(row["field"])] = data[pos : pos + n]
        pos += n
    assert pos == len(data), f"{len(data) - pos} bytes not in the layout"
    return fields


def build_aad(rows, parts):
    """Concatenates `parts` in the order of a `# | bytes | field` table,
    checking each part's stated width."""
    out = b""
    for i, row in enumerate(rows, 1):
        assert int(row["#"]) == i
        name = field_name(row["field"])
        part = parts[name]
        widths = [int(w) for w in re.findall(r"[0-9]+", row["bytes"])]
        if row["bytes"] != "n":
            assert len(part) in widths, f"AAD {name}: {len(part)} bytes, the doc says {row['bytes']}"
        out += part
    assert set(parts) == {field_name(r["field"]) for r in rows}
    return out


def u32(b):
    assert len(b) == 4
    return struct.unpack("<I", b)[0]


def bucket(framed, c):
    """The padded size the docs state for `framed` bytes."""
    if framed <= c["pad_page"]:
        b = c["pad_min_bucket"]
        while b < framed:
            b *= 2
        return b
    return -(-framed // c["pad_page"]) * c["pad_page"]


def unpad(padded, c, rows):
    """The framed, padded plaintext the docs describe (the table in
    security.md's Records section), checked: the content."""
    assert len(padded) == bucket(len(padded), c), "not a bucket size"
    length = u32(padded[: c["pad_len_width"]])
    assert length <= len(padded) - c["pad_len_width"]
    fields = read_layout(padded, rows)
    assert set(fields["padding"]) <= {0}, "padding not all zeros"
    assert len(padded) == bucket(c["pad_len_width"] + length, c)
    return fields["json"]


def gcm_open(key, sealed, aad, c):
    nonce, rest = sealed[: c["nonce_len"]], sealed[c["nonce_len"] :]
    assert len(rest) >= c["tag_len"]
    return AESGCM(key).decrypt(nonce, rest, aad)


# --- the vault ---------------------------------------------------------------

SEC = constants("security.md")


def vault_layouts():
    params = tables_with(section("security.md", "Slot parameters"), "offset", "bytes", "field")
    assert len(params) == 2, "a passphrase and a device slot layout"
    wrapped_text = section("security.md", "Wrapped data key")
    records_text = section("security.md", "Records")
    return {
        "passphrase_params": params[0],
        "device_params": params[1],
        "wrapped": table(wrapped_text, "offset", "bytes", "field"),
        "slot_aad": table(wrapped_text, "#", "bytes", "field"),
        "item_aad": table(records_text, "#", "bytes", "field"),
        "padded": table(records_text, "offset", "bytes", "field"),
    }


LAYOUT = vault_layouts()


def documented_collections():
    rows = table(section("security.md", "Collections"), "collection", "kind")
    out = {}
    for row in rows:
        name = re.fullmatch(r"`([a-z0-9_.]+)`", row["collection"]).group(1)
        assert row["kind"] in ("kept", "derived")
        out[name] = row["kind"]
    return out


COLLECTIONS = documented_collections()


def schema_sql():
    block = re.search(r"```sql\n(.*?)```", section("security.md", "Tables"), re.S).group(1)
    statements = re.split(r"\n(?=CREATE )", block.strip())
    return [" ".join(s.split()) for s in statements]


def copy_of(folder, tmp_path):
    """The vault's files copied aside (the reader never touches the vault)."""
    out = tmp_path / "copy"
    shutil.copytree(folder, out)
    return out / SEC["db_file"]


class VaultReader:
    """Opens a vault file with only what docs/security.md states."""

    def __init__(self, path):
        self.db = sqlite3.connect(str(path))
        self.version = self.db.execute("PRAGMA user_version").fetchone()[0]
        meta = dict(self.db.execute("SELECT k, v FROM meta"))
        self.vault_id = meta[SEC["meta_vault_id"]]
        self.key_id = meta[SEC["meta_key_id"]]
        assert len(self.vault_id) == len(self.key_id) == SEC["id_len"]
        self.slots = self.db.execute("SELECT id, kind, params, wrapped FROM slots").fetchall()

    def schema(self):
        return [" ".join(sql.split()) for (sql,) in self.db.execute("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY rowid")]

    def unwrap(self, slot, kek):
        slot_id, kind, params, wrapped = slot
        assert len(slot_id) == SEC["id_len"]
        assert len(wrapped) == SEC["slot_wrapped_len"]
        w = read_layout(wrapped, LAYOUT["wrapped"])
        aad = build_aad(
            LAYOUT["slot_aad"],
            {
                "label": SEC["slot_aad_label"].encode("ascii"),
                "vault_id": self.vault_id,
                "slot_id": slot_id,
                "kind": bytes([kind]),
                "params": params,
            },
        )
        key = AESGCM(kek).decrypt(w["nonce"], w["ciphertext"] + w["tag"], aad)
        assert len(key) == SEC["key_len"]
        return key

    def passphrase_params(self):
        [slot] = [s for s in self.slots if s[1] == SEC["slot_kind_passphrase"]]
        p = read_layout(slot[2], LAYOUT["passphrase_params"])
        assert p["version"] == bytes([SEC["slot_params_version"]])
        assert len(p["salt"]) == SEC["slot_salt_len"]
        return slot, u32(p["iterations"]), p["salt"]

    def data_key_from_passphrase(self, passphrase):
        slot, iterations, salt = self.passphrase_params()
        assert SEC["slot_min_iterations"] <= iterations <= SEC["slot_max_iterations"]
        password = unicodedata.normalize("NFC", passphrase).encode("utf-8")
        kek = hashlib.pbkdf2_hmac("sha256", password, salt, iterations, SEC["key_len"])
        return self.unwrap(slot, kek)

    def data_key_from_device(self, secret):
        assert len(secret) == SEC["device_secret_len"]
        [slot] = [s for s in self.slots if s[1] == SEC["slot_kind_device"]]
        p = read_layout(slot[2], LAYOUT["device_params"])
        assert p["version"] == bytes([SEC["slot_params_version"]])
        info = SEC["device_info"].encode("ascii") + self.vault_id
        kek = HKDF(hashes.SHA256(), SEC["key_len"], p["salt"], info).derive(secret)
        return self.unwrap(slot, kek)

    def export_ids(self, data_key, records):
        """The export id the doc states for every record of `records`."""
        info = SEC["export_id_info"].encode("ascii")
        key = HKDF(hashes.SHA256(), SEC["key_len"], self.vault_id, info).derive(data_key)
        out = {}
        for name, rows in records.items():
            for record_id, _ in rows:
                msg = bytes([len(name.encode("utf-8"))]) + name.encode("utf-8") + bytes.fromhex(record_id)
                b = bytearray(hmac.new(key, msg, hashlib.sha256).digest()[:16])
                b[6] = 0x80 | (b[6] & 0x0F)
                b[8] = 0x80 | (b[8] & 0x3F)
                h = b.hex()
                out[f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"] = (name, record_id)
        return out

    def records(self, data_key):
        """Every record, opened: collection -> [(id, JSON)]. Every row must
        carry the tag of a documented collection."""
        info = SEC["tag_key_info"].encode("ascii")
        tag_key = HKDF(hashes.SHA256(), SEC["key_len"], self.vault_id, info).derive(data_key)
        by_tag = {
            hmac.new(tag_key, name.encode("utf-8"), hashlib.sha256).digest()[: SEC["row_tag_len"]]: name
            for name in COLLECTIONS
        }
        out = {}
        for record_id, tag, body in self.db.execute("SELECT id, tag, body FROM items"):
            assert len(record_id) == SEC["id_len"]
            assert tag in by_tag, "a row whose tag is no documented collection"
            name = by_tag[tag].encode("utf-8")
            assert len(name) <= SEC["collection_max_len"]
            width = SEC["collection_len_width"]
            aad = build_aad(
                LAYOUT["item_aad"],
                {
                    "label": SEC["item_aad_label"].encode("ascii"),
                    "format": bytes([SEC["item_format"]]),
                    "key_id": self.key_id,
                    "collection_len": len(name).to_bytes(width, "little"),
                    "collection": name,
                    "record_id": record_id,
                },
            )
            padded = gcm_open(data_key, body, aad, SEC)
            assert len(body) == len(padded) + SEC["nonce_len"] + SEC["tag_len"]
            plain = unpad(padded, SEC, LAYOUT["padded"])
            assert len(plain) <= SEC["max_plaintext"]
            out.setdefault(by_tag[tag], []).append((record_id.hex(), json.loads(plain.decode("utf-8"))))
        return out


def test_the_docs_state_every_part_the_reader_needs():
    for name in ("pbkdf2_iterations", "slot_min_iterations", "slot_max_iterations", "slot_wrapped_len"):
        assert isinstance(SEC[name], int)
    # The layouts agree with the constants.
    assert sum(int(r["bytes"]) for r in LAYOUT["wrapped"]) == SEC["slot_wrapped_len"]
    assert SEC["slot_wrapped_len"] == SEC["nonce_len"] + SEC["key_len"] + SEC["tag_len"]
    assert SEC["pad_min_bucket"] & (SEC["pad_min_bucket"] - 1) == 0
    assert SEC["pad_page"] & (SEC["pad_page"] - 1) == 0
    aad_labels = {field_name(r["field"]): r["contents"] for r in LAYOUT["item_aad"]}
    assert f"`{SEC['item_aad_label']}`" in aad_labels["label"]
    assert int(LAYOUT["item_aad"][3]["bytes"]) == SEC["collection_len_width"]
    assert f"`{SEC['slot_aad_label']}`" in LAYOUT["slot_aad"][0]["contents"]
    assert {"journal.note", "summary.recent", "plan.head"} <= set(COLLECTIONS)


def test_the_frozen_v1_fixture_reads_with_the_documented_format(tmp_path):
    shutil.copy(FIXTURE_V1, tmp_path / "vault.db")
    r = VaultReader(tmp_path / "vault.db")
    assert r.version == 1
    # Version 1 is the documented schema without what migration 2 adds.
    assert r.schema() == schema_sql()[:3]
    key = r.data_key_from_passphrase(FIXTURE_V1_PASSPHRASE)
    records = r.records(key)
    assert set(records) == {"journal.note"}
    notes = sorted((n["written_at"]["utc_millis"], n["text"]) for _, n in records["journal.note"])
    assert [t for _, t in notes] == [f"fixture note {i}: Ñandú 🌊" for i in range(3)]
    assert r.passphrase_params()[1] == SEC["pbkdf2_iterations"]
    with pytest.raises(InvalidTag):
        r.data_key_from_passphrase("not the fixture passphrase")


def moment(hours_ago=0.0):
    return Moment(utc_millis=int(time.time() * 1000) - int(hours_ago * HOUR), offset_minutes=-300)


def now():
    return Now(utc_millis=int(time.time() * 1000), zone="Etc/GMT+5")


def no_halt():
    return Halt(hungry=False, angry=False, lonely=False, tired=False)


def fill(v):
    """Records of several collections, kept and derived."""
    v.add_note(NoteDraft(written_at=moment(3), text="Walked to the river instead"))
    v.add_note(NoteDraft(written_at=moment(1), text="Ñandú 🌊 <b>not markup</b>"))
    v.add_craving(
        CravingDraft(
            at=moment(2),
            intensity=7,
            duration_minutes=15,
            triggers=[],
            context=EntryContext(place="", with_whom="", halt=no_halt(), mood=None),
            coping=[],
            outcome=CravingOutcome.RODE_IT_OUT,
            notes="called my sponsor",
        )
    )
    v.add_check_in(
        CheckInDraft(
            at=moment(0.5),
            mood=Mood.GOOD,
            craving_level=2,
            sleep_minutes=420,
            intention="Go to the evening meeting",
            any_use=False,
            halt=no_halt(),
            notes="",
        )
    )
    d = time.gmtime(time.time() - 40 * 86400)
    v.add_clock(SobrietyClockDraft(label="Alcohol", sobriety_date=CalendarDate(year=d.tm_year, month=d.tm_mon, day=d.tm_mday)), now())
    v.save_plan(keel.plan_template(Language.ENGLISH), None, False, now())
    gad7 = keel.measure_form(MeasureKind.GAD7, Language.ENGLISH)
    answers = [MeasureAnswer(item=i.key, value=i.choices[1].value) for i in gad7.items if i.required and i.asked_if is None]
    v.submit_measure(MeasureKind.GAD7, Language.ENGLISH, answers, None, now())
    v.today(now(), Language.ENGLISH)


def close(v):
    v.lock()
    del v
    gc.collect()


@pytest.fixture
def made(tmp_path):
    """A vault made through the bindings, with a device slot; closed."""
    folder = tmp_path / "vault"
    passphrase = keel.generate_passphrase(Language.ENGLISH)
    v = keel.Vault.create(str(folder), passphrase)
    fill(v)
    bundle = json.loads(v.export_fhir(now(), None, None).json)
    device = v.add_device_slot()
    secret = device.secret.expose_bytes()
    close(v)
    return folder, passphrase, secret, bundle


def test_a_new_vault_reads_with_the_documented_format(made, tmp_path):
    folder, passphrase, secret, bundle = made
    r = VaultReader(copy_of(folder, tmp_path))
    assert r.version == SEC["schema_version"]
    assert r.schema() == schema_sql()
    assert sorted(s[1] for s in r.slots) == [SEC["slot_kind_passphrase"], SEC["slot_kind_device"]]
    assert r.passphrase_params()[1] == SEC["pbkdf2_iterations"]

    key = r.data_key_from_passphrase(passphrase)
    assert r.data_key_from_device(secret) == key
    records = r.records(key)

    notes = sorted(n["text"] for _, n in records["journal.note"])
    assert notes == ["Walked to the river instead", "Ñandú 🌊 <b>not markup</b>"]
    [(_, craving)] = records["log.craving"]
    assert craving["intensity"] == 7 and craving["notes"] == "called my sponsor"
    [(_, check_in)] = records["log.checkin"]
    assert check_in["intention"] == "Go to the evening meeting"
    [(_, clock)] = records["sobriety.clock"]
    assert clock["label"] == "Alcohol"
    assert len(records["plan.revision"]) == 1
    # Derived collections are there too, under the names the doc gives.
    derived = {name for name in records if COLLECTIONS[name] == "derived"}
    assert {"plan.head", "summary.recent"} <= derived
    for name, rows in records.items():
        for record_id, _ in rows:
            assert re.fullmatch(r"[0-9a-f]{32}", record_id)

    # The FHIR export names each record by the export id the doc states
    # (a measure's total score by the response under its own name).
    [response] = records["measures.response"]
    exported = {n: records[n] for n in ("log.craving", "log.checkin", "measures.response")}
    exported["measures.response/score/total"] = [response]
    ids = r.export_ids(key, exported)
    entries = bundle["entry"]
    assert len(entries) == 4
    for entry in entries:
        assert entry["fullUrl"] == "urn:uuid:" + entry["resource"]["id"]
        assert entry["resource"]["id"] in ids
    assert {e["resource"]["id"] for e in entries} == set(ids)


def test_slot_parameters_outside_the_documented_ranges_are_refused(made, tmp_path):
    folder, passphrase = made[:2]
    [start] = [int(r["offset"]) for r in LAYOUT["passphrase_params"] if r["field"] == "`iterations`"]

    def count(n):
        return lambda params, wrapped: (params[:start] + struct.pack("<I", n) + params[start + 4 :], wrapped)

    cases = [
        (count(SEC["slot_max_iterations"] + 1), "slot.iterations"),
        (count(SEC["slot_min_iterations"] - 1), "slot.iterations"),
        (count(2**32 - 1), "slot.iterations"),
        (lambda p, w: (bytes([SEC["slot_params_version"] + 1]) + p[1:], w), "slot.version"),
        (lambda p, w: (p + b"\x00", w), "slot.params_length"),
        (lambda p, w: (p, w[:-1]), "slot.wrapped_length"),
        (lambda p, w: (p, w + bytes(1 << 20)), "slot.wrapped_length"),
    ]
    for i, (edit, parameter) in enumerate(cases):
        copy = tmp_path / f"edited-{i}"
        shutil.copytree(folder, copy)
        db = sqlite3.connect(str(copy / SEC["db_file"]))
        kind = SEC["slot_kind_passphrase"]
        params, wrapped = db.execute("SELECT params, wrapped FROM slots WHERE kind = ?", (kind,)).fetchone()
        params, wrapped = edit(params, wrapped)
        db.execute("UPDATE slots SET params = ?, wrapped = ? WHERE kind = ?", (params, wrapped, kind))
        db.commit()
        db.close()
        v = keel.Vault.open(str(copy))
        began = time.monotonic()
        with pytest.raises(KeelError.OutOfRange) as e:
            v.unlock_with_passphrase(passphrase)
        assert e.value.parameter == parameter
        assert time.monotonic() - began < 5, "refused before any key derivation"
        close(v)


# --- the report ----------------------------------------------------------------

RPT = constants("report-format.md")
RPT_LAYOUT = table(section("report-format.md", "The container"), "offset", "bytes", "field")


def normalize_export_passphrase(p):
    """The normalisation report-format.md's Passphrases section states."""
    p = unicodedata.normalize("NFC", p)
    p = re.sub("[ \t\n\r\u00a0\u3000]+", " ", p)
    return p.strip(" ")


def read_report_page(page, passphrase):
    head = page[: page.index("</head>")]
    assert re.match(r'<!DOCTYPE html>\n<html lang="(en|es)">\n<head>\n<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" ', page), "charset, then the CSP, first in <head>"
    assert "<script" not in head.split("Content-Security-Policy")[0]
    m = re.search(r'<script type="application/octet-stream" id="%s">([^<]*)</script>' % RPT["payload_id"], page)
    container = base64.b64decode(re.sub("[^A-Za-z0-9+/=]", "", m.group(1)), validate=True)
    return read_report(container, passphrase)


def read_report(container, passphrase):
    c = RPT
    assert c["min_len"] <= len(container) <= c["max_len"]
    f = read_layout(container, RPT_LAYOUT)
    assert f["magic"] == c["magic"].encode("ascii")
    assert f["version"] == bytes([c["version"]])
    iterations = u32(f["iterations"])
    assert c["min_iterations"] <= iterations <= c["max_iterations"]
    assert iterations == c["pbkdf2_iterations"]
    assert len(f["salt"]) == c["salt_len"]
    header = container[: c["header_len"]]
    assert header == f["magic"] + f["version"] + f["iterations"] + f["salt"]
    password = normalize_export_passphrase(passphrase).encode("utf-8")
    key = hashlib.pbkdf2_hmac("sha256", password, f["salt"], iterations, c["key_len"])
    aead = AESGCM(key)
    assert len(f["check_nonce"] + f["check_tag"]) == c["check_len"]
    assert aead.decrypt(f["check_nonce"], f["check_tag"], header + c["check_aad"].encode("ascii")) == b""
    padded = aead.decrypt(f["body_nonce"], f["body"], header + c["body_aad"].encode("ascii"))
    plain = unpad(padded, c, LAYOUT["padded"])
    assert len(plain) <= c["max_json"]
    return json.loads(plain.decode("utf-8"))


def test_a_report_reads_with_the_documented_format(tmp_path):
    v = keel.Vault.create(str(tmp_path / "vault"), keel.generate_passphrase(Language.ENGLISH))
    fill(v)
    t = now()

    def day(ms):
        d = time.gmtime((ms - 5 * HOUR) / 1000)  # the request's zone is UTC-5
        return CalendarDate(year=d.tm_year, month=d.tm_mon, day=d.tm_mday)

    req = ReportRequest(
        from_date=day(t.utc_millis - 7 * 24 * HOUR),
        to_date=day(t.utc_millis),
        topics=[ReportTopic.CRAVINGS, ReportTopic.JOURNAL],
        language=Language.SPANISH,
        now=t,
    )
    preview = v.report_preview(req)
    passphrase = keel.generate_passphrase(Language.SPANISH)
    file = v.report_html(req, passphrase, preview.fingerprint)
    close(v)
    page = bytes(file.html).decode("utf-8")
    doc = read_report_page(page, "\u3000" + passphrase.replace(" ", "\u00a0\t") + " ")
    assert doc["format"] == RPT["document_format"]
    assert doc["lang"] == "es"
    assert [s["id"] for s in doc["sections"]][0] == "overview"
    assert "journal" in [s["id"] for s in doc["sections"]]
    assert "Walked to the river instead" in json.dumps(doc, ensure_ascii=False)
    # Within the bounds the doc states.
    assert len(doc["sections"]) <= RPT["max_sections"]
    for s in doc["sections"]:
        assert len(s["blocks"]) <= RPT["max_blocks"]
        for b in s["blocks"]:
            assert b["type"] in ("paragraph", "summary", "table", "chart", "list")
            if b["type"] == "table":
                assert 1 <= len(b["columns"]) <= RPT["max_columns"] and len(b["rows"]) <= RPT["max_rows"]
                assert all(len(r) == len(b["columns"]) for r in b["rows"])
    with pytest.raises(InvalidTag):
        read_report_page(page, "otra frase que no es")


# --- the backup ----------------------------------------------------------------

BAK = constants("backup-format.md")


def backup_tables():
    text = section("backup-format.md", "File layout")
    layouts = tables_with(text, "offset", "bytes", "field")
    assert len(layouts) == 2, "the file and a chunk"
    return layouts[0], layouts[1], table(text, "#", "bytes", "field")


BAK_FILE, BAK_CHUNK, BAK_AAD = backup_tables()


def read_backup(data, passphrase):
    c = BAK
    assert len(data) <= c["max_file"]
    f = read_layout(data, BAK_FILE)
    assert f["magic"] == c["magic"].encode("ascii")
    assert f["version"] == bytes([c["version"]])
    assert f["kdf"] == bytes([c["kdf_pbkdf2_sha256"]])
    iterations = u32(f["iterations"])
    assert c["min_iterations"] <= iterations <= c["max_iterations"]
    assert iterations == c["pbkdf2_iterations"]
    header = data[: c["header_len"]]
    assert header == f["magic"] + f["version"] + f["kdf"] + f["iterations"] + f["salt"]
    password = normalize_export_passphrase(passphrase).encode("utf-8")
    key = hashlib.pbkdf2_hmac("sha256", password, f["salt"], iterations, c["key_len"])
    aead = AESGCM(key)
    assert len(f["check_nonce"] + f["check_tag"]) == c["check_len"]
    assert aead.decrypt(f["check_nonce"], f["check_tag"], header + c["check_aad"].encode("ascii")) == b""

    rest, stream, index, sizes = f["chunks"], b"", 0, []
    while True:
        width = c["chunk_len_width"]
        length = u32(rest[:width])
        assert c["min_chunk_len"] <= length <= c["max_chunk_len"]
        chunk = read_layout(rest[: width + length], BAK_CHUNK)
        rest = rest[width + length :]
        final = not rest
        aad = build_aad(
            BAK_AAD,
            {
                "header": header,
                "label": c["chunk_aad"].encode("ascii"),
                "index": struct.pack("<I", index),
                "final": bytes([final]),
            },
        )
        padded = aead.decrypt(chunk["nonce"], chunk["ciphertext"] + chunk["tag"], aad)
        data_part = unpad(padded, c, LAYOUT["padded"])
        if not final:
            assert len(padded) == c["chunk_padded"]
            assert len(data_part) == c["chunk_data"]
        sizes.append(len(data_part))
        stream += data_part
        if final:
            break
        index += 1
    assert stream.endswith(b"\n")
    lines = [json.loads(line) for line in stream.decode("utf-8").split("\n")[:-1]]
    return lines[0], lines[1:], sizes


def test_a_backup_reads_with_the_documented_format(tmp_path):
    v = keel.Vault.create(str(tmp_path / "vault"), keel.generate_passphrase(Language.ENGLISH))
    fill(v)
    # Enough text for more than one chunk.
    for i in range(8):
        v.add_note(NoteDraft(written_at=moment(5 + i), text=f"long note {i} " + "río " * 2000))
    path = tmp_path / keel.suggested_backup_file_name()
    passphrase = keel.generate_passphrase(Language.ENGLISH)
    v.backup_to_path(str(path), passphrase, now())
    close(v)

    manifest, records, sizes = read_backup(path.read_bytes(), " " + passphrase.replace(" ", "  ") + "\n")
    assert len(sizes) >= 2
    assert manifest["keel_backup"] == BAK["stream_version"]
    assert manifest["records"] == len(records)
    kept = [name for name, kind in COLLECTIONS.items() if kind == "kept"]
    # Every kept collection is listed, empty ones with 0; none derived.
    assert sorted(manifest["collections"]) == sorted(kept)
    counts = {}
    for r in records:
        assert COLLECTIONS[r["c"]] == "kept"
        assert re.fullmatch(r"[0-9a-f]{32}", r["id"])
        counts[r["c"]] = counts.get(r["c"], 0) + 1
    assert {k: n for k, n in manifest["collections"].items() if n} == counts
    assert counts["journal.note"] == 10 and counts["log.craving"] == 1
    assert 0 in manifest["collections"].values()
    # Written in the order of the collections table, ids ascending within one.
    order = [(kept.index(r["c"]), r["id"]) for r in records]
    assert order == sorted(order)
    with pytest.raises(InvalidTag):
        read_backup(path.read_bytes(), passphrase + " more")
