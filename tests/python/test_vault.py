"""The vault and journal notes through the generated Python bindings: every
exported call, its error paths, and hostile input (empty, over 1 MB,
malformed) answered by a typed error that loses nothing.
"""

import base64
import hashlib
import os
import time

import pytest

import keel
from keel import KeelError, KeySlotKind, Moment, NoteDraft

PASSPHRASE = "a long enough passphrase"
HUGE = "x" * (1024 * 1024 + 1)
HUGE_BYTES = b"\x01" * (1024 * 1024 + 1)
MALFORMED_IDS = ["", HUGE, "not-an-id", "zz" * 16, "00" * 15, "é" * 16, "0" * 31 + "\x00"]


def phone_now():
    return keel.Now(utc_millis=int(time.time() * 1000), zone="Europe/Madrid")


def now():
    return Moment(utc_millis=int(time.time() * 1000), offset_minutes=60)


def file_hashes(folder):
    out = {}
    for root, _, files in os.walk(folder):
        for name in files:
            path = os.path.join(root, name)
            with open(path, "rb") as f:
                out[path] = hashlib.sha256(f.read()).hexdigest()
    return out


@pytest.fixture
def folder(tmp_path):
    return str(tmp_path / "vault")


@pytest.fixture
def vault(folder):
    v = keel.Vault.create(folder, PASSPHRASE)
    yield v
    v.lock()


# --- creating and opening ---------------------------------------------------


def test_create_open_unlock_lock(folder):
    assert not keel.vault_exists(folder)
    v = keel.Vault.create(folder, PASSPHRASE)
    assert keel.vault_exists(folder)
    assert not v.is_locked()
    v.lock()
    assert v.is_locked()
    v.unlock_with_passphrase(PASSPHRASE)
    assert not v.is_locked()

    again = keel.Vault.open(folder)
    assert again.is_locked()
    again.unlock_with_passphrase(PASSPHRASE)
    assert not again.is_locked()


@pytest.mark.parametrize("path", ["", "   ", HUGE, "a\x00b"])
def test_bad_paths_are_refused_by_name(path):
    assert not keel.vault_exists(path)
    with pytest.raises(KeelError.InvalidInput) as e:
        keel.Vault.create(path, PASSPHRASE)
    assert e.value.field == "path"
    with pytest.raises(KeelError.InvalidInput):
        keel.Vault.open(path)


@pytest.mark.parametrize(
    "passphrase, reason",
    [("", "too_short"), ("short", "too_short"), (" " * 20, "too_short"), (HUGE, "too_long"), ("long enough\x00", "contains_nul")],
)
def test_bad_new_passphrases_are_refused_and_nothing_is_made(folder, passphrase, reason):
    with pytest.raises(KeelError.InvalidInput) as e:
        keel.Vault.create(folder, passphrase)
    assert e.value.field == "passphrase"
    assert e.value.reason == reason
    assert not keel.vault_exists(folder)


def test_a_second_create_is_refused_and_keeps_the_first(folder, vault):
    n = vault.add_note(NoteDraft(written_at=now(), text="first vault"))
    with pytest.raises(KeelError.AlreadyExists):
        keel.Vault.create(folder, "yet another passphrase")
    assert vault.get_note(n.id).text == "first vault"


def test_opening_nothing_is_not_found(tmp_path):
    with pytest.raises(KeelError.NotFound) as e:
        keel.Vault.open(str(tmp_path / "missing"))
    assert e.value.what == "vault"


def test_a_file_that_is_not_a_vault_is_reported_and_kept(tmp_path):
    folder = tmp_path / "vault"
    folder.mkdir()
    junk = os.urandom(8192)
    (folder / "vault.db").write_bytes(junk)
    with pytest.raises(KeelError.Damaged) as e:
        keel.Vault.open(str(folder))
    assert (folder / "vault.db").read_bytes() == junk, "never deleted"
    assert (folder / e.value.kept_as).read_bytes() == junk, "a copy kept aside"


def test_a_damaged_vault_is_salvaged_into_a_working_one(folder):
    vault = keel.Vault.create(folder, PASSPHRASE)
    texts = {vault.add_note(NoteDraft(written_at=now(), text=f"note {i}")).text for i in range(300)}
    del vault  # closing folds the write-ahead log into the file
    db = os.path.join(folder, "vault.db")
    with open(db, "rb") as f:
        damaged = f.read()[: os.path.getsize(db) * 2 // 3]
    with open(db, "wb") as f:
        f.write(damaged)

    with pytest.raises(KeelError.WrongCredential):
        keel.salvage_vault(folder, "not the passphrase", phone_now())
    report = keel.salvage_vault(folder, PASSPHRASE, phone_now())
    assert 0 < report.recovered < 300
    with open(os.path.join(folder, report.kept_as), "rb") as f:
        assert f.read() == damaged, "kept aside byte for byte"

    rebuilt = keel.Vault.open(folder)
    rebuilt.unlock_with_passphrase(PASSPHRASE)
    got = [n.text for n in rebuilt.list_notes().notes]
    assert len(got) == report.recovered and set(got) <= texts


def test_salvage_refuses_bad_input(tmp_path):
    with pytest.raises(KeelError.InvalidInput) as e:
        keel.salvage_vault("", PASSPHRASE, phone_now())
    assert e.value.field == "path"
    with pytest.raises(KeelError.NotFound):
        keel.salvage_vault(str(tmp_path / "missing"), PASSPHRASE, phone_now())
    with pytest.raises(KeelError.InvalidInput) as e:
        keel.salvage_vault(str(tmp_path / "missing"), PASSPHRASE, keel.Now(utc_millis=0, zone="\0"))
    assert e.value.field == "zone"
    folder = tmp_path / "junk"
    folder.mkdir()
    (folder / "vault.db").write_bytes(b"\x5a" * 8192)
    with pytest.raises(KeelError.Damaged) as e:
        keel.salvage_vault(str(folder), PASSPHRASE, phone_now())
    assert (folder / e.value.kept_as).read_bytes() == b"\x5a" * 8192


# --- credentials --------------------------------------------------------------


@pytest.mark.parametrize("attempt", ["", "wrong passphrase", HUGE, "a\x00bcdefghij"])
def test_wrong_passphrases_change_no_byte(folder, attempt):
    first = keel.Vault.create(folder, PASSPHRASE)
    first.add_device_slot()
    # Closing folds the write-ahead log into the file, as an app that was
    # swiped away would; the refusal below then must not touch it.
    del first  # the last reference: the handle is freed here
    vault = keel.Vault.open(folder)
    before = file_hashes(folder)
    with pytest.raises(KeelError.WrongCredential):
        vault.unlock_with_passphrase(attempt)
    assert vault.is_locked()
    assert file_hashes(folder) == before


def test_device_slots(folder, vault):
    slot = vault.add_device_slot()
    secret = slot.secret.expose_bytes()
    assert len(secret) == 32
    kinds = sorted(s.kind.name for s in vault.list_slots())
    assert kinds == ["DEVICE", "PASSPHRASE"]
    vault.lock()
    vault.unlock_with_device_secret(secret)
    assert not vault.is_locked()

    vault.remove_slot(slot.slot_id)
    vault.lock()
    with pytest.raises(KeelError.WrongCredential):
        vault.unlock_with_device_secret(secret)


def test_printing_a_device_secret_shows_none_of_it(vault):
    slot = vault.add_device_slot()
    secret = slot.secret.expose_bytes()
    assert slot.secret.expose_bytes() == secret
    printed = [str(slot), repr(slot), str(slot.secret), repr(slot.secret), f"{slot}", f"{slot!r}"]
    assert str(slot.secret) == repr(slot.secret) == "DeviceSecret(..)"
    assert slot.slot_id in str(slot)
    forms = [secret, secret.hex().encode(), secret.hex().upper().encode(), repr(secret).encode(),
             repr(list(secret)).encode(), base64.b64encode(secret)[:40]]
    for text in printed:
        for form in forms:
            assert form not in text.encode(), text
        # No run of 4 of its bytes in any form either.
        for i in range(len(secret) - 3):
            assert secret[i:i + 4].hex() not in text


@pytest.mark.parametrize("secret", [b"", b"\x00" * 31, b"\x00" * 33, HUGE_BYTES])
def test_malformed_device_secrets_are_refused_by_name(vault, secret):
    vault.lock()
    with pytest.raises(KeelError.InvalidInput) as e:
        vault.unlock_with_device_secret(secret)
    assert e.value.field == "device_secret"


def test_a_wrong_device_secret_is_a_wrong_credential(vault):
    vault.add_device_slot()
    vault.lock()
    with pytest.raises(KeelError.WrongCredential):
        vault.unlock_with_device_secret(os.urandom(32))


@pytest.mark.parametrize("slot_id", MALFORMED_IDS)
def test_malformed_slot_ids_are_refused(vault, slot_id):
    with pytest.raises(KeelError.InvalidInput) as e:
        vault.remove_slot(slot_id)
    assert e.value.field == "slot_id"


def test_slot_errors(vault):
    with pytest.raises(KeelError.NotFound):
        vault.remove_slot("00" * 16)
    (passphrase_slot,) = [s for s in vault.list_slots() if s.kind == KeySlotKind.PASSPHRASE]
    with pytest.raises(KeelError.InvalidInput):
        vault.remove_slot(passphrase_slot.id)
    vault.lock()
    for call in (vault.add_device_slot, vault.list_slots, lambda: vault.remove_slot("00" * 16)):
        with pytest.raises(KeelError.Locked):
            call()


def test_change_passphrase(folder, vault):
    with pytest.raises(KeelError.WrongCredential):
        vault.change_passphrase("not the passphrase", "a brand new passphrase")
    for bad in ["", "short", HUGE]:
        with pytest.raises(KeelError.InvalidInput) as e:
            vault.change_passphrase(PASSPHRASE, bad)
        assert e.value.field == "new_passphrase"
    with pytest.raises(KeelError.WrongCredential):
        vault.change_passphrase(HUGE, "a brand new passphrase")

    vault.change_passphrase(PASSPHRASE, "a brand new passphrase")
    vault.lock()
    with pytest.raises(KeelError.WrongCredential):
        vault.unlock_with_passphrase(PASSPHRASE)
    vault.unlock_with_passphrase("a brand new passphrase")


def test_wipe(folder, vault):
    slot = vault.add_device_slot()
    note = vault.add_note(NoteDraft(written_at=now(), text="to be wiped"))
    vault.lock()
    with pytest.raises(KeelError.Locked):
        vault.wipe()
    vault.unlock_with_passphrase(PASSPHRASE)
    vault.wipe()
    assert not keel.vault_exists(folder)
    for call in (
        lambda: vault.unlock_with_passphrase(PASSPHRASE),
        lambda: vault.unlock_with_device_secret(slot.secret.expose_bytes()),
        lambda: vault.get_note(note.id),
        vault.list_notes,
        vault.list_slots,
        vault.wipe,
    ):
        with pytest.raises(KeelError.NotFound):
            call()
    vault.lock()


# --- notes --------------------------------------------------------------------


def test_notes_round_trip(vault):
    a = vault.add_note(NoteDraft(written_at=now(), text="  first thought  "))
    assert a.text == "first thought"
    b = vault.add_note(NoteDraft(written_at=Moment(utc_millis=a.written_at.utc_millis + 1000, offset_minutes=60), text="second"))
    assert [n.id for n in vault.list_notes().notes] == [b.id, a.id]
    changed = vault.update_note(a.id, NoteDraft(written_at=a.written_at, text="first, edited"))
    assert changed.id == a.id
    assert vault.get_note(a.id).text == "first, edited"
    vault.delete_note(a.id)
    with pytest.raises(KeelError.NotFound):
        vault.get_note(a.id)
    assert vault.list_notes().damaged_ids == []


@pytest.mark.parametrize("text, reason", [("", "empty"), ("   ", "empty"), (HUGE, "too_long"), ("a\x00b", "contains_nul")])
def test_bad_note_text_is_refused_and_nothing_is_saved(vault, text, reason):
    kept = vault.add_note(NoteDraft(written_at=now(), text="kept"))
    with pytest.raises(KeelError.InvalidInput) as e:
        vault.add_note(NoteDraft(written_at=now(), text=text))
    assert (e.value.field, e.value.reason) == ("text", reason)
    with pytest.raises(KeelError.InvalidInput):
        vault.update_note(kept.id, NoteDraft(written_at=now(), text=text))
    assert [n.text for n in vault.list_notes().notes] == ["kept"]


@pytest.mark.parametrize("moment", [
    Moment(utc_millis=2**63 - 1, offset_minutes=0),
    Moment(utc_millis=-(2**63), offset_minutes=0),
    Moment(utc_millis=0, offset_minutes=100_000),
    Moment(utc_millis=0, offset_minutes=-(2**31)),
])
def test_impossible_moments_are_refused(vault, moment):
    with pytest.raises(KeelError.InvalidInput):
        vault.add_note(NoteDraft(written_at=moment, text="a note"))
    assert vault.list_notes().notes == []


@pytest.mark.parametrize("note_id", MALFORMED_IDS)
def test_malformed_note_ids_are_refused(vault, note_id):
    draft = NoteDraft(written_at=now(), text="a note")
    for call in (
        lambda: vault.get_note(note_id),
        lambda: vault.update_note(note_id, draft),
        lambda: vault.delete_note(note_id),
    ):
        with pytest.raises(KeelError.InvalidInput) as e:
            call()
        assert e.value.field == "id"


def test_unknown_note_ids_are_not_found(vault):
    unknown = "00" * 16
    with pytest.raises(KeelError.NotFound):
        vault.get_note(unknown)
    with pytest.raises(KeelError.NotFound):
        vault.update_note(unknown, NoteDraft(written_at=now(), text="a note"))
    with pytest.raises(KeelError.NotFound):
        vault.delete_note(unknown)


def test_notes_are_locked_when_the_vault_is(vault):
    note = vault.add_note(NoteDraft(written_at=now(), text="a note"))
    vault.lock()
    draft = NoteDraft(written_at=now(), text="a note")
    for call in (
        lambda: vault.add_note(draft),
        lambda: vault.update_note(note.id, draft),
        lambda: vault.get_note(note.id),
        vault.list_notes,
        lambda: vault.delete_note(note.id),
    ):
        with pytest.raises(KeelError.Locked):
            call()


def test_errors_never_echo_what_was_typed(vault):
    secret_text = "my-secret-canary-1234"
    with pytest.raises(KeelError.InvalidInput) as e:
        vault.add_note(NoteDraft(written_at=now(), text=secret_text * 1000))
    assert secret_text not in str(e.value)
    with pytest.raises(KeelError.InvalidInput) as e:
        vault.get_note(secret_text)
    assert secret_text not in str(e.value)
    vault.lock()
    with pytest.raises(KeelError.WrongCredential) as e:
        vault.unlock_with_passphrase(secret_text)
    assert secret_text not in str(e.value)
