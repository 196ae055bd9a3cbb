"""Long calls through the generated Python bindings: progress callbacks,
cancel tokens, and lock() answering while a restore holds the vault."""

import threading
import time

import pytest

import keel
from keel import CancelToken, KeelError, Moment, NoteDraft, RestoreMode

PASSPHRASE = "a long enough passphrase"
BACKUP_PASSPHRASE = "maple river candle orbit"


def phone_now():
    return keel.Now(utc_millis=int(time.time() * 1000), zone="Europe/Berlin")


def note(v, text):
    v.add_note(NoteDraft(written_at=Moment(utc_millis=int(time.time() * 1000) - 60_000, offset_minutes=0), text=text))


class Recorder(keel.Progress):
    """Records reports; can cancel a token or pause once at a step."""

    def __init__(self, cancel_at=None, token=None, pause_at=None):
        self.seen = []
        self.cancel_at = cancel_at
        self.token = token
        self.pause_at = pause_at
        self.paused = threading.Event()
        self.go = threading.Event()

    def on_progress(self, done, total):
        self.seen.append((done, total))
        if self.cancel_at is not None and done >= self.cancel_at:
            self.token.cancel()
        if self.pause_at is not None and done >= self.pause_at and not self.paused.is_set():
            self.paused.set()
            self.go.wait(30)


@pytest.fixture
def vault(tmp_path):
    v = keel.Vault.create(str(tmp_path / "v"), PASSPHRASE)
    for i in range(3):
        note(v, f"note {i}")
    yield v
    v.lock()


def test_progress_runs_from_zero_to_the_end(vault, tmp_path):
    rec = Recorder()
    vault.backup_to_path(str(tmp_path / "b.bin"), BACKUP_PASSPHRASE, phone_now(), progress=rec)
    assert rec.seen[0][0] == 0
    assert rec.seen[-1][0] == rec.seen[-1][1]
    assert all(a[0] <= b[0] for a, b in zip(rec.seen, rec.seen[1:]))

    rec = Recorder()
    vault.lock()
    vault.unlock_with_passphrase(PASSPHRASE, progress=rec)
    assert rec.seen[0] == (0, 2) and rec.seen[-1] == (2, 2)


def test_a_cancelled_backup_leaves_no_file(vault, tmp_path):
    token = CancelToken()
    rec = Recorder(cancel_at=1, token=token)
    with pytest.raises(KeelError.Cancelled):
        vault.backup_to_path(str(tmp_path / "b.bin"), BACKUP_PASSPHRASE, phone_now(), progress=rec, cancel=token)
    assert token.is_cancelled()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["v"]


def test_a_cancelled_creation_leaves_no_vault(tmp_path):
    token = CancelToken()
    token.cancel()
    with pytest.raises(KeelError.Cancelled):
        keel.Vault.create(str(tmp_path / "new"), PASSPHRASE, cancel=token)
    assert not keel.vault_exists(str(tmp_path / "new"))


def test_a_cancelled_restore_changes_nothing(vault, tmp_path):
    path = tmp_path / "b.bin"
    vault.backup_to_path(str(path), BACKUP_PASSPHRASE, phone_now())
    token = CancelToken()
    rec = Recorder(cancel_at=2, token=token)
    with pytest.raises(KeelError.Cancelled):
        vault.restore_from_path(str(path), BACKUP_PASSPHRASE, RestoreMode.ADD_TO_EXISTING, progress=rec, cancel=token)
    assert len(vault.list_notes().notes) == 3


def test_lock_returns_while_a_restore_holds_the_vault(vault, tmp_path):
    path = tmp_path / "b.bin"
    vault.backup_to_path(str(path), BACKUP_PASSPHRASE, phone_now())
    rec = Recorder(pause_at=2)
    events = []
    outcome = {}

    def restore():
        try:
            vault.restore_from_path(str(path), BACKUP_PASSPHRASE, RestoreMode.ADD_TO_EXISTING, progress=rec)
        except KeelError.Locked:
            outcome["error"] = "locked"
        events.append("restore finished")

    worker = threading.Thread(target=restore)
    worker.start()
    assert rec.paused.wait(30)
    vault.lock()
    locked = vault.is_locked()
    events.append("lock returned")
    rec.go.set()
    worker.join()
    assert locked
    assert events == ["lock returned", "restore finished"]
    assert outcome == {"error": "locked"}
    vault.unlock_with_passphrase(PASSPHRASE)
    assert len(vault.list_notes().notes) == 3


def test_a_failing_progress_callback_stops_the_call(vault, tmp_path):
    class Broken(keel.Progress):
        def on_progress(self, done, total):
            raise RuntimeError("shell bug")

    with pytest.raises(KeelError.Cancelled):
        vault.backup_to_path(str(tmp_path / "b.bin"), BACKUP_PASSPHRASE, phone_now(), progress=Broken())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["v"]


def test_rekey_keeps_every_record_and_drops_device_slots(vault):
    slot = vault.add_device_slot()
    with pytest.raises(KeelError.WrongCredential):
        vault.rekey("not the passphrase")
    token = CancelToken()
    token.cancel()
    with pytest.raises(KeelError.Cancelled):
        vault.rekey(PASSPHRASE, cancel=token)
    assert len(vault.list_slots()) == 2
    rec = Recorder()
    done = vault.rekey(PASSPHRASE, progress=rec)
    assert done.device_slots_removed == 1 and done.records >= 3
    assert rec.seen[-1][0] == rec.seen[-1][1]
    assert len(vault.list_notes().notes) == 3
    vault.lock()
    with pytest.raises(KeelError.Locked):
        vault.rekey(PASSPHRASE)
    with pytest.raises(KeelError.WrongCredential):
        vault.unlock_with_device_secret(slot.secret.expose_bytes())
    vault.unlock_with_passphrase(PASSPHRASE)
    assert len(vault.list_notes().notes) == 3


def test_a_cancelled_report_is_not_remembered(vault):
    now = phone_now()
    last7 = vault.date_range(keel.DateRangePreset.LAST7_DAYS, now, keel.Language.ENGLISH)
    request = keel.ReportRequest(
        from_date=last7.first_day,
        to_date=last7.last_day,
        topics=[keel.ReportTopic.JOURNAL],
        language=keel.Language.ENGLISH,
        now=now,
    )
    fingerprint = vault.report_preview(request).fingerprint
    words = keel.generate_passphrase(keel.Language.ENGLISH)
    # 0: before building; 1: built; 2: sealed, the last check.
    for at in (0, 1, 2):
        token = CancelToken()
        with pytest.raises(KeelError.Cancelled):
            vault.report_html(request, words, fingerprint, progress=Recorder(cancel_at=at, token=token), cancel=token)
        assert vault.date_range(keel.DateRangePreset.SINCE_LAST_REPORT, now, keel.Language.ENGLISH) is None
    vault.report_html(request, words, fingerprint)
    assert vault.date_range(keel.DateRangePreset.SINCE_LAST_REPORT, now, keel.Language.ENGLISH) is not None
