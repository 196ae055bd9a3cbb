"""Encrypted backup and restore through the generated Python bindings, and
the documented file format read with `cryptography` (the snippet in
docs/backup-format.md, executed here).
"""

import pathlib
import re
import time

import pytest

import keel
from keel import KeelError, Moment, NoteDraft, RestoreMode

ROOT = pathlib.Path(__file__).resolve().parents[2]
VAULT_PASSPHRASE = "a long enough passphrase"
BACKUP_PASSPHRASE = "maple river candle orbit"


def doc_snippet(name):
    text = (ROOT / "docs" / name).read_text(encoding="utf-8")
    code = re.search(r"```python\n(.*?)```", text, re.S).group(1)
    scope = {}
    exec(compile(code, name, "exec"), scope)
    return scope


BACKUP = doc_snippet("backup-format.md")


def phone_now():
    return keel.Now(utc_millis=int(time.time() * 1000), zone="Europe/Paris")


def at(minutes_ago):
    return Moment(utc_millis=int(time.time() * 1000) - minutes_ago * 60_000, offset_minutes=60)


@pytest.fixture
def old_phone(tmp_path):
    v = keel.Vault.create(str(tmp_path / "old"), VAULT_PASSPHRASE)
    v.add_note(NoteDraft(written_at=at(90), text="first note"))
    v.add_note(NoteDraft(written_at=at(30), text="second <i>note</i>"))
    yield v
    v.lock()


@pytest.fixture
def new_phone(tmp_path):
    v = keel.Vault.create(str(tmp_path / "new"), "another long passphrase")
    yield v
    v.lock()


@pytest.fixture
def backup_file(old_phone, tmp_path):
    path = tmp_path / keel.suggested_backup_file_name()
    summary = old_phone.backup_to_path(str(path), BACKUP_PASSPHRASE, phone_now())
    assert summary.records == 2
    assert summary.damaged_left_out == 0
    assert summary.bytes == path.stat().st_size
    return path


def texts(v):
    return [n.text for n in v.list_notes().notes]


def test_backup_names_are_neutral():
    assert re.fullmatch(r"backup-[0-9a-f]{16}\.bin", keel.suggested_backup_file_name())


def test_backup_then_restore_on_a_new_phone(backup_file, new_phone):
    data = backup_file.read_bytes()
    assert data[:8] == b"KEELBAK1"
    assert b"first note" not in data
    contents = new_phone.inspect_backup(str(backup_file), BACKUP_PASSPHRASE)
    assert contents.records == 2
    assert contents.vault_records == 0
    notes = next(c for c in contents.collections if c.collection == "journal.note")
    assert (notes.in_backup, notes.in_vault) == (2, 0)
    assert new_phone.list_notes().notes == []
    done = new_phone.restore_from_path(str(backup_file), BACKUP_PASSPHRASE, RestoreMode.INTO_EMPTY_VAULT)
    assert done.restored == 2
    assert texts(new_phone) == ["second <i>note</i>", "first note"]


def test_restore_never_mixes_data_silently(backup_file, new_phone):
    new_phone.add_note(NoteDraft(written_at=at(5), text="already here"))
    with pytest.raises(KeelError.InvalidInput) as e:
        new_phone.restore_from_path(str(backup_file), BACKUP_PASSPHRASE, RestoreMode.INTO_EMPTY_VAULT)
    assert e.value.field == "mode"
    assert texts(new_phone) == ["already here"]
    new_phone.restore_from_path(str(backup_file), BACKUP_PASSPHRASE, RestoreMode.ADD_TO_EXISTING)
    assert sorted(texts(new_phone)) == ["already here", "first note", "second <i>note</i>"]


def test_restoring_the_same_backup_twice_adds_nothing(backup_file, new_phone):
    new_phone.add_note(NoteDraft(written_at=at(5), text="already here"))
    first = new_phone.restore_from_path(str(backup_file), BACKUP_PASSPHRASE, RestoreMode.ADD_TO_EXISTING)
    assert (first.restored, first.already_present) == (2, 0)
    second = new_phone.restore_from_path(str(backup_file), BACKUP_PASSPHRASE, RestoreMode.ADD_TO_EXISTING)
    assert (second.restored, second.already_present) == (0, 2)
    assert len(texts(new_phone)) == 3


def test_backups_as_bytes_for_streams(old_phone, new_phone):
    made = old_phone.backup_bytes(BACKUP_PASSPHRASE, phone_now())
    assert re.fullmatch(r"backup-[0-9a-f]{16}\.bin", made.file_name)
    assert made.bytes[:8] == b"KEELBAK1" and made.summary.records == 2
    assert new_phone.inspect_backup_bytes(made.bytes, BACKUP_PASSPHRASE).records == 2
    done = new_phone.restore_backup_bytes(made.bytes, BACKUP_PASSPHRASE, RestoreMode.INTO_EMPTY_VAULT)
    assert done.restored == 2
    assert texts(new_phone) == ["second <i>note</i>", "first note"]
    with pytest.raises(KeelError.WrongCredential):
        new_phone.restore_backup_bytes(made.bytes, "not the right one", RestoreMode.ADD_TO_EXISTING)
    with pytest.raises(KeelError.DamagedBackup) as e:
        new_phone.inspect_backup_bytes(b"", BACKUP_PASSPHRASE)
    assert e.value.reason == "not_a_backup"


def test_a_backup_is_inspected_on_a_phone_with_no_vault_yet(old_phone):
    made = old_phone.backup_bytes(BACKUP_PASSPHRASE, phone_now())
    contents = keel.inspect_backup_without_vault(made.bytes, BACKUP_PASSPHRASE)
    assert (contents.records, contents.vault_records) == (2, 0)
    assert contents.created_at.offset_minutes == 60
    notes = next(c for c in contents.collections if c.collection == "journal.note")
    assert (notes.in_backup, notes.in_vault) == (2, 0)
    assert all(c.in_vault == 0 for c in contents.collections)
    with pytest.raises(KeelError.WrongCredential):
        keel.inspect_backup_without_vault(made.bytes, "not the right one")
    with pytest.raises(KeelError.DamagedBackup) as e:
        keel.inspect_backup_without_vault(b"", BACKUP_PASSPHRASE)
    assert e.value.reason == "not_a_backup"
    token = keel.CancelToken()
    token.cancel()
    with pytest.raises(KeelError.Cancelled):
        keel.inspect_backup_without_vault(made.bytes, BACKUP_PASSPHRASE, cancel=token)


def test_restore_onto_a_phone_with_no_vault(backup_file, tmp_path):
    where = str(tmp_path / "fresh")
    data = backup_file.read_bytes()
    with pytest.raises(KeelError.WrongCredential):
        keel.restore_new_vault(where, data, "not the right one", "my new passphrase here")
    assert not keel.vault_exists(where)
    token = keel.CancelToken()
    token.cancel()
    with pytest.raises(KeelError.Cancelled):
        keel.restore_new_vault(where, data, BACKUP_PASSPHRASE, "my new passphrase here", cancel=token)
    assert not keel.vault_exists(where)
    done = keel.restore_new_vault(where, data, BACKUP_PASSPHRASE, "my new passphrase here")
    assert done.summary.restored == 2
    assert texts(done.vault) == ["second <i>note</i>", "first note"]
    done.vault.lock()
    done.vault.unlock_with_passphrase("my new passphrase here")
    with pytest.raises(KeelError.AlreadyExists):
        keel.restore_new_vault(where, data, BACKUP_PASSPHRASE, "my new passphrase here")


def test_bad_files_are_refused_and_nothing_is_written(backup_file, new_phone, tmp_path):
    with pytest.raises(KeelError.WrongCredential):
        new_phone.restore_from_path(str(backup_file), "not the right one", RestoreMode.INTO_EMPTY_VAULT)
    data = backup_file.read_bytes()
    tampered = tmp_path / "tampered.bin"
    tampered.write_bytes(data[:-40] + bytes([data[-40] ^ 1]) + data[-39:])
    with pytest.raises(KeelError.DamagedBackup) as e:
        new_phone.restore_from_path(str(tampered), BACKUP_PASSPHRASE, RestoreMode.INTO_EMPTY_VAULT)
    assert e.value.reason == "chunk_integrity"
    truncated = tmp_path / "truncated.bin"
    truncated.write_bytes(data[:-10])
    with pytest.raises(KeelError.DamagedBackup) as e:
        new_phone.inspect_backup(str(truncated), BACKUP_PASSPHRASE)
    assert e.value.reason == "truncated"
    other = tmp_path / "photo.jpg"
    other.write_bytes(b"\xff\xd8\xff\xe0 not a backup")
    with pytest.raises(KeelError.DamagedBackup) as e:
        new_phone.restore_from_path(str(other), BACKUP_PASSPHRASE, RestoreMode.INTO_EMPTY_VAULT)
    assert e.value.reason == "not_a_backup"
    newer = tmp_path / "newer.bin"
    newer.write_bytes(data[:8] + b"\x02" + data[9:])
    with pytest.raises(KeelError.NewerFormat):
        new_phone.inspect_backup(str(newer), BACKUP_PASSPHRASE)
    with pytest.raises(KeelError.Storage):
        new_phone.inspect_backup(str(tmp_path / "missing.bin"), BACKUP_PASSPHRASE)
    assert new_phone.list_notes().notes == []


def test_backups_need_a_good_passphrase_and_a_free_path(old_phone, backup_file, tmp_path):
    with pytest.raises(KeelError.InvalidInput) as e:
        old_phone.backup_to_path(str(tmp_path / "b.bin"), "short", phone_now())
    assert e.value.field == "passphrase"
    with pytest.raises(KeelError.InvalidInput) as e:
        old_phone.backup_to_path(str(backup_file), BACKUP_PASSPHRASE, phone_now())
    assert e.value.field == "path"
    with pytest.raises(KeelError.InvalidInput) as e:
        old_phone.backup_to_path(str(tmp_path / "d.bin"), BACKUP_PASSPHRASE, keel.Now(utc_millis=0, zone="Paris"))
    assert (e.value.field, e.value.reason) == ("zone", "unknown_zone")
    assert not (tmp_path / "d.bin").exists()
    old_phone.lock()
    with pytest.raises(KeelError.Locked):
        old_phone.backup_to_path(str(tmp_path / "c.bin"), BACKUP_PASSPHRASE, phone_now())


def test_the_documented_snippet_reads_a_backup(backup_file):
    lines = BACKUP["read_backup"](backup_file.read_bytes(), "  maple river\u00a0candle   orbit")
    manifest, records = lines[0], lines[1:]
    assert manifest["keel_backup"] == 1
    assert manifest["records"] == 2
    assert manifest["collections"]["journal.note"] == 2
    assert sorted(r["v"]["text"] for r in records) == ["first note", "second <i>note</i>"]
    assert all(r["c"] == "journal.note" and re.fullmatch(r"[0-9a-f]{32}", r["id"]) for r in records)
    with pytest.raises(ValueError, match="wrong passphrase"):
        BACKUP["read_backup"](backup_file.read_bytes(), "wrong wrong wrong wrong")
