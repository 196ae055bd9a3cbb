//! Long calls leave the vault free: `lock()` and `is_locked()` return while
//! a restore holds the vault, a passphrase unlock or change does not hold it
//! during its key derivations, and progress and cancellation work. Order of events
//! is asserted, never durations.
#![allow(clippy::unwrap_used)]

use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

use keel_ffi::{
    CalendarDate, CancelToken, DateRangePreset, KeelError, Language, Moment, NoteDraft, Now,
    Progress, ReportRequest, ReportTopic, RestoreMode, Vault, generate_passphrase,
};

const PASSPHRASE: &str = "a long enough passphrase";

/// Now as the phone gives it.
fn phone_now() -> Now {
    Now {
        utc_millis: now().utc_millis,
        zone: "Europe/Berlin".into(),
    }
}

fn now() -> Moment {
    Moment {
        utc_millis: 1_760_000_000_000,
        offset_minutes: 0,
    }
}

fn vault_with_notes(dir: &std::path::Path, n: usize) -> Arc<Vault> {
    let v = Vault::create(dir.to_str().unwrap().into(), PASSPHRASE.into(), None, None).unwrap();
    for i in 0..n {
        v.add_note(NoteDraft {
            written_at: now(),
            text: format!("note {i}"),
        })
        .unwrap();
    }
    v
}

/// Records every report; optionally pauses once, at the first report with
/// `done >= pause_at`, until told to go on (or 30 s pass).
struct Recorder {
    seen: Mutex<Vec<(u64, u64)>>,
    pause_at: Option<u64>,
    paused: Mutex<Option<Sender<()>>>,
    go: Mutex<Option<Receiver<()>>>,
    cancel_at: Option<(u64, Arc<CancelToken>)>,
}

impl Recorder {
    fn new() -> Self {
        Recorder {
            seen: Mutex::default(),
            pause_at: None,
            paused: Mutex::default(),
            go: Mutex::default(),
            cancel_at: None,
        }
    }
}

impl Progress for Recorder {
    fn on_progress(&self, done: u64, total: u64) {
        self.seen.lock().unwrap().push((done, total));
        if let Some((at, token)) = &self.cancel_at
            && done >= *at
        {
            token.cancel();
        }
        if self.pause_at.is_some_and(|at| done >= at)
            && let Some(paused) = self.paused.lock().unwrap().take()
        {
            paused.send(()).unwrap();
            if let Some(go) = self.go.lock().unwrap().take() {
                let _ = go.recv_timeout(Duration::from_secs(30));
            }
        }
    }
}

#[test]
fn lock_returns_while_a_restore_holds_the_vault_and_the_restore_changes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let old = vault_with_notes(&tmp.path().join("old"), 200);
    let file = tmp.path().join("b.bin");
    let pass = generate_passphrase(Language::English).unwrap();
    old.backup_to_path(
        file.to_str().unwrap().into(),
        pass.clone(),
        phone_now(),
        None,
        None,
    )
    .unwrap();
    let new = vault_with_notes(&tmp.path().join("new"), 1);

    let (paused_tx, paused_rx) = channel();
    let (go_tx, go_rx) = channel();
    let recorder = Arc::new(Recorder {
        // Past reading and opening the file: inside the transaction.
        pause_at: Some(4),
        paused: Mutex::new(Some(paused_tx)),
        go: Mutex::new(Some(go_rx)),
        ..Recorder::new()
    });
    let events = Arc::new(Mutex::new(Vec::new()));
    let worker = {
        let (new, recorder, events) = (new.clone(), recorder.clone(), events.clone());
        let file = file.to_str().unwrap().to_string();
        thread::spawn(move || {
            let r =
                new.restore_from_path(file, pass, RestoreMode::AddToExisting, Some(recorder), None);
            events.lock().unwrap().push("restore finished");
            r
        })
    };
    paused_rx.recv().unwrap();
    new.lock();
    assert!(new.is_locked());
    events.lock().unwrap().push("lock returned");
    go_tx.send(()).unwrap();
    let result = worker.join().unwrap();
    assert_eq!(
        *events.lock().unwrap(),
        vec!["lock returned", "restore finished"]
    );
    assert!(matches!(result, Err(KeelError::Locked)));
    assert!(new.is_locked());
    new.unlock_with_passphrase(PASSPHRASE.into(), None, None)
        .unwrap();
    assert_eq!(new.list_notes().unwrap().notes.len(), 1);
}

#[test]
fn short_calls_run_while_a_passphrase_unlock_derives_its_key() {
    let tmp = tempfile::tempdir().unwrap();
    let v = vault_with_notes(&tmp.path().join("v"), 1);
    v.lock();
    let (started_tx, started_rx) = channel();
    let recorder = Arc::new(Recorder {
        pause_at: Some(0),
        paused: Mutex::new(Some(started_tx)),
        ..Recorder::new()
    });
    let finished = Arc::new(Mutex::new(false));
    let worker = {
        let (v, finished) = (v.clone(), finished.clone());
        thread::spawn(move || {
            let r = v.unlock_with_passphrase(PASSPHRASE.into(), Some(recorder), None);
            *finished.lock().unwrap() = true;
            r
        })
    };
    started_rx.recv().unwrap();
    // Calls that need the vault's guard complete while the unlock's key
    // derivation runs; with the guard held for it they would all wait.
    let mut while_running = 0;
    while !*finished.lock().unwrap() {
        // `Locked` means the call was answered before the unlock installed
        // its key, i.e. while its key derivation ran.
        if matches!(v.list_notes(), Err(KeelError::Locked)) {
            while_running += 1;
        }
    }
    worker.join().unwrap().unwrap();
    assert!(while_running >= 3, "{while_running} calls ran meanwhile");
    assert!(!v.is_locked());
}

#[test]
fn short_calls_run_while_a_passphrase_change_derives_its_keys() {
    let tmp = tempfile::tempdir().unwrap();
    let v = vault_with_notes(&tmp.path().join("v"), 1);
    let started = Arc::new(Mutex::new(false));
    let finished = Arc::new(Mutex::new(false));
    let worker = {
        let (v, started, finished) = (v.clone(), started.clone(), finished.clone());
        thread::spawn(move || {
            *started.lock().unwrap() = true;
            let r = v.change_passphrase(PASSPHRASE.into(), "another long passphrase".into());
            *finished.lock().unwrap() = true;
            r
        })
    };
    while !*started.lock().unwrap() {
        thread::yield_now();
    }
    // With the vault held for the two key derivations, no read could
    // complete until the change was saved.
    let mut while_running = 0;
    while !*finished.lock().unwrap() {
        if v.list_notes().is_ok() {
            while_running += 1;
        }
    }
    worker.join().unwrap().unwrap();
    // Held, a handful at most could slip in before the change takes the
    // vault or after it lets go; free, the reads run all through two
    // PBKDF2 runs of 600,000 rounds.
    assert!(while_running >= 50, "{while_running} calls ran meanwhile");
    v.lock();
    assert!(matches!(
        v.unlock_with_passphrase(PASSPHRASE.into(), None, None),
        Err(KeelError::WrongCredential)
    ));
    v.unlock_with_passphrase("another long passphrase".into(), None, None)
        .unwrap();
}

#[test]
fn a_lock_during_an_unlock_wins() {
    let tmp = tempfile::tempdir().unwrap();
    let v = vault_with_notes(&tmp.path().join("v"), 0);
    v.lock();
    let (started_tx, started_rx) = channel();
    let (go_tx, go_rx) = channel();
    let recorder = Arc::new(Recorder {
        pause_at: Some(0),
        paused: Mutex::new(Some(started_tx)),
        go: Mutex::new(Some(go_rx)),
        ..Recorder::new()
    });
    let worker = {
        let v = v.clone();
        thread::spawn(move || v.unlock_with_passphrase(PASSPHRASE.into(), Some(recorder), None))
    };
    started_rx.recv().unwrap();
    v.lock();
    go_tx.send(()).unwrap();
    assert!(matches!(worker.join().unwrap(), Err(KeelError::Locked)));
    assert!(v.is_locked());
}

#[test]
fn progress_is_reported_and_a_cancelled_backup_leaves_no_file() {
    let tmp = tempfile::tempdir().unwrap();
    let v = vault_with_notes(&tmp.path().join("v"), 3);
    let pass = generate_passphrase(Language::English).unwrap();

    let recorder = Arc::new(Recorder::new());
    let file = tmp.path().join("b.bin");
    v.backup_to_path(
        file.to_str().unwrap().into(),
        pass.clone(),
        phone_now(),
        Some(recorder.clone()),
        None,
    )
    .unwrap();
    let seen = recorder.seen.lock().unwrap().clone();
    assert_eq!(seen.first().map(|s| s.0), Some(0));
    let (last_done, last_total) = *seen.last().unwrap();
    assert_eq!(last_done, last_total);
    assert!(seen.windows(2).all(|w| w[0].0 <= w[1].0));

    for at in [0, 1, 5] {
        let token = CancelToken::new();
        let recorder = Arc::new(Recorder {
            cancel_at: Some((at, token.clone())),
            ..Recorder::new()
        });
        let file = tmp.path().join(format!("c{at}.bin"));
        let r = v.backup_to_path(
            file.to_str().unwrap().into(),
            pass.clone(),
            phone_now(),
            Some(recorder),
            Some(token),
        );
        assert!(matches!(r, Err(KeelError::Cancelled)), "{at}: {r:?}");
        let left: Vec<_> = std::fs::read_dir(tmp.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .filter(|n| n.starts_with('.') || n.starts_with('c'))
            .collect();
        assert!(left.is_empty(), "{left:?}");
    }
}

#[test]
fn a_cancelled_creation_leaves_no_vault() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("v");
    for at in [0, 1, 2] {
        let token = CancelToken::new();
        let recorder = Arc::new(Recorder {
            cancel_at: Some((at, token.clone())),
            ..Recorder::new()
        });
        let r = Vault::create(
            dir.to_str().unwrap().into(),
            PASSPHRASE.into(),
            Some(recorder),
            Some(token),
        );
        assert!(matches!(r, Err(KeelError::Cancelled)));
        assert!(!keel_ffi::vault_exists(dir.to_str().unwrap().into()));
        let left = std::fs::read_dir(&dir).map(|d| d.count()).unwrap_or(0);
        assert_eq!(left, 0);
    }
    let token = CancelToken::new();
    assert!(!token.is_cancelled());
    Vault::create(
        dir.to_str().unwrap().into(),
        PASSPHRASE.into(),
        None,
        Some(token),
    )
    .unwrap();
}

#[test]
fn a_cancelled_report_is_not_remembered_as_the_last_report() {
    let tmp = tempfile::tempdir().unwrap();
    let v = vault_with_notes(&tmp.path().join("v"), 3);
    let request = ReportRequest {
        from_date: CalendarDate {
            year: 2025,
            month: 10,
            day: 1,
        },
        to_date: CalendarDate {
            year: 2025,
            month: 10,
            day: 9,
        },
        topics: vec![ReportTopic::Journal],
        language: Language::English,
        now: phone_now(),
    };
    let fingerprint = v.report_preview(request.clone()).unwrap().fingerprint;
    let pass = generate_passphrase(Language::English).unwrap();
    let last = |v: &Vault| {
        v.date_range(
            DateRangePreset::SinceLastReport,
            phone_now(),
            Language::English,
        )
        .unwrap()
    };
    // 0: before building; 1: built, before sealing; 2: sealed, the last check.
    for at in [0, 1, 2] {
        let token = CancelToken::new();
        let recorder = Arc::new(Recorder {
            cancel_at: Some((at, token.clone())),
            ..Recorder::new()
        });
        let r = v.report_html(
            request.clone(),
            pass.clone(),
            fingerprint.clone(),
            Some(recorder),
            Some(token),
        );
        assert!(matches!(r, Err(KeelError::Cancelled)), "{at}: {r:?}");
        assert_eq!(last(&v), None, "cancelled at {at}");
    }
    let file = v
        .report_html(request, pass, fingerprint, None, None)
        .unwrap();
    assert!(file.file_name.starts_with("report-"));
    assert!(last(&v).is_some());
}
