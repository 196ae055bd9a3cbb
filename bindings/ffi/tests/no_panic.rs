//! No panic crosses the FFI: every exported vault and note function, given
//! empty, oversized or arbitrary input, returns a value or a typed
//! [`KeelError`], and never unwinds. (uniffi would turn a panic into an
//! opaque internal error; this proves there is none to turn.)
#![allow(clippy::unwrap_used)]

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;

use keel_ffi::{
    CalendarDate, DateRangePreset, EntryContext, Fellowship, Halt, HistoryKind, HistoryQuery,
    KeelError, Language, LapseDraft, MeetingKind, Moment, NoteDraft, Now, ReportRequest,
    ReportTopic, SobrietyClockDraft, Vault, csv_export_warning, estimate_passphrase,
    exercise_library, generate_passphrase, import_meeting_guide, language_for_locale,
    meeting_kind_label, meeting_type_label, plan_template, salvage_vault, vault_exists,
};
use keel_ffi::{
    CancelToken, check_export_passphrase, inspect_backup_without_vault, restore_new_vault,
};
use keel_ffi::{MeasureAnswer, MeasureKind, MeasureSchedule, measure_form};
use proptest::prelude::*;

const PASSPHRASE: &str = "a long enough passphrase";

/// Runs `call` and fails the test if it panics; its result is returned.
fn no_panic<T>(what: &str, call: impl FnOnce() -> T) -> T {
    catch_unwind(AssertUnwindSafe(call)).unwrap_or_else(|_| panic!("{what} panicked"))
}

fn hostile_strings() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("x".repeat(1024 * 1024 + 1)),
        Just("\0".repeat(40)),
        Just("é".repeat(300_000)),
        "\\PC{0,64}",
        "[0-9a-f]{0,40}",
        any::<String>(),
    ]
}

fn hostile_bytes() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        Just(Vec::new()),
        Just(vec![0u8; 1024 * 1024 + 1]),
        proptest::collection::vec(any::<u8>(), 0..64),
    ]
}

fn hostile_time() -> impl Strategy<Value = Moment> {
    (any::<i64>(), any::<i32>()).prop_map(|(utc_millis, offset_minutes)| Moment {
        utc_millis,
        offset_minutes,
    })
}

/// Zone names a phone will never send, and some it will.
fn hostile_now() -> impl Strategy<Value = Now> {
    let zones = prop_oneof![
        hostile_strings(),
        Just("America/Chicago".to_string()),
        Just("australia/sydney".to_string()),
        Just("Etc/GMT+14".to_string()),
        Just("../../etc/passwd".to_string()),
        Just("UTC".to_string()),
    ];
    (
        prop_oneof![any::<i64>(), 946_684_800_000i64..4_102_444_800_000],
        zones,
    )
        .prop_map(|(utc_millis, zone)| Now { utc_millis, zone })
}

/// A `now` every call accepts.
fn good_now() -> Now {
    Now {
        utc_millis: 1_790_000_000_000,
        zone: "America/Chicago".into(),
    }
}

fn date(year: i32, month: u8, day: u8) -> CalendarDate {
    CalendarDate { year, month, day }
}

/// One vault shared by the cases; a wrong call must not spoil it.
fn vault() -> (tempfile::TempDir, Arc<Vault>) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("v").to_str().unwrap().to_string();
    let vault = Vault::create(dir, PASSPHRASE.into(), None, None).unwrap();
    (tmp, vault)
}

/// A stable code (docs/errors.md): lowercase letters, digits, `_` and `.`.
fn code(s: &str) -> bool {
    s.starts_with(|c: char| c.is_ascii_lowercase())
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'.')
}

/// Every error the surface can give is one of the typed variants, with
/// codes where it carries text; this match fails to compile if a variant is
/// added without thought.
fn typed(e: &KeelError) -> bool {
    match e {
        KeelError::InvalidInput { field, reason } => code(field) && code(reason),
        KeelError::Storage { reason } | KeelError::DamagedBackup { reason } => code(reason),
        KeelError::NotFound { what } => !what.is_empty(),
        KeelError::OutOfRange { parameter } => code(parameter),
        KeelError::WeakPassphrase { reason } => code(reason),
        KeelError::WrongCredential
        | KeelError::Locked
        | KeelError::Conflict { .. }
        | KeelError::AlreadyExists
        | KeelError::Integrity { .. }
        | KeelError::StorageFull
        | KeelError::Damaged { .. }
        | KeelError::NewerFormat { .. }
        | KeelError::Cancelled => true,
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn paths(path in hostile_strings()) {
        no_panic("vault_exists", || vault_exists(path.clone()));
        if let Err(e) = no_panic("open", || Vault::open(path.clone())) {
            prop_assert!(typed(&e));
        }
        if let Err(e) = no_panic("salvage_vault", || salvage_vault(path.clone(), PASSPHRASE.into(), good_now())) {
            prop_assert!(typed(&e));
        }
        // `create` is only tried where it cannot make a real folder.
        if path.trim().is_empty() || path.len() > 4096 || path.contains('\0') {
            let e = no_panic("create", || Vault::create(path.clone(), PASSPHRASE.into(), None, None)).err();
            let refused = matches!(e, Some(KeelError::InvalidInput { .. }));
            prop_assert!(refused);
        }
    }

    #[test]
    fn notes_and_slots(id in hostile_strings(), text in hostile_strings(), at in hostile_time()) {
        let (_tmp, vault) = vault();
        let draft = NoteDraft { written_at: at, text: text.clone() };
        for result in [
            no_panic("add_note", || vault.add_note(draft.clone()).map(drop)),
            no_panic("update_note", || vault.update_note(id.clone(), draft.clone()).map(drop)),
            no_panic("get_note", || vault.get_note(id.clone()).map(drop)),
            no_panic("delete_note", || vault.delete_note(id.clone())),
            no_panic("remove_slot", || vault.remove_slot(id.clone())),
            no_panic("list_notes", || vault.list_notes().map(drop)),
            no_panic("list_slots", || vault.list_slots().map(drop)),
        ] {
            if let Err(e) = result {
                prop_assert!(typed(&e));
            }
        }
        // Whatever was refused, the vault still works.
        let note = vault.add_note(NoteDraft {
            written_at: Moment { utc_millis: 1_790_000_000_000, offset_minutes: 0 },
            text: "still here".into(),
        });
        prop_assert!(note.is_ok());
    }

    #[test]
    fn export_ranges(from in any::<Option<i64>>(), until in any::<Option<i64>>(), confirmed in any::<bool>()) {
        let (_tmp, vault) = vault();
        let now = Now { utc_millis: 1_790_000_000_000, zone: "UTC".into() };
        for result in [
            no_panic("export_csv", || vault.export_csv(confirmed, from, until).map(drop)),
            no_panic("export_csv_zip", || vault.export_csv_zip(confirmed, from, until).map(drop)),
            no_panic("export_fhir", || vault.export_fhir(now.clone(), from, until).map(drop)),
        ] {
            match result {
                Ok(()) => {}
                Err(KeelError::InvalidInput { field, .. }) => {
                    prop_assert!(field == "range" || field == "confirmed");
                }
                Err(e) => prop_assert!(false, "{e:?}"),
            }
        }
    }

    #[test]
    fn backups_from_bytes(bytes in hostile_bytes(), pass in hostile_strings()) {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("new").to_str().unwrap().to_string();
        let token = CancelToken::new();
        let e = no_panic("restore_new_vault", || {
            restore_new_vault(dir.clone(), bytes.clone(), pass.clone(), PASSPHRASE.into(), None, Some(token.clone()))
        })
        .err();
        prop_assert!(e.as_ref().is_some_and(typed));
        prop_assert!(!vault_exists(dir.clone()));
        let e = no_panic("inspect_backup_without_vault", || {
            inspect_backup_without_vault(bytes.clone(), pass.clone(), None, Some(token.clone()))
        })
        .err();
        prop_assert!(e.as_ref().is_some_and(typed));
        no_panic("cancel", || token.cancel());
        prop_assert!(token.is_cancelled());
    }

    #[test]
    fn every_call_taking_now(now in hostile_now()) {
        let (tmp, vault) = vault();
        let clock = SobrietyClockDraft { label: "x".into(), sobriety_date: date(2026, 1, 1) };
        let lapse = LapseDraft {
            at: Moment { utc_millis: 1_780_000_000_000, offset_minutes: 0 },
            clock_ids: Vec::new(),
            resets_clocks: false,
            substance: String::new(),
            triggers: Vec::new(),
            context: EntryContext {
                place: String::new(),
                with_whom: String::new(),
                halt: Halt { hungry: false, angry: false, lonely: false, tired: false },
                mood: None,
            },
            notes: String::new(),
        };
        let request = ReportRequest {
            from_date: date(2026, 1, 1),
            to_date: date(2026, 1, 31),
            topics: vec![ReportTopic::Checkins],
            language: Language::English,
            now: now.clone(),
        };
        let backup = tmp.path().join("b").to_str().unwrap().to_string();
        let n = || now.clone();
        let results = [
            no_panic("today", || vault.today(n(), Language::Spanish).map(drop)),
            no_panic("meetings_screen", || vault.meetings_screen(n()).map(drop)),
            no_panic("check_in_to_meeting", || vault.check_in_to_meeting(n()).map(drop)),
            no_panic("attendance_history", || vault.attendance_history(n(), 4).map(drop)),
            no_panic("upcoming_reminders", || vault.upcoming_reminders(n(), 48, Some(64), Language::Spanish).map(drop)),
            no_panic("insights", || {
                vault.insights(date(2026, 1, 1), date(2026, 1, 31), n(), Language::English).map(drop)
            }),
            no_panic("list_clocks", || vault.list_clocks(n()).map(drop)),
            no_panic("add_clock", || vault.add_clock(clock.clone(), n()).map(drop)),
            no_panic("update_clock", || vault.update_clock("00".repeat(16), clock.clone(), n()).map(drop)),
            no_panic("add_lapse", || vault.add_lapse(lapse.clone(), n(), Language::English).map(drop)),
            no_panic("suggest_exercise", || {
                vault.suggest_exercise(n(), None, vec![21], Language::English).map(drop)
            }),
            no_panic("report_preview", || vault.report_preview(request.clone()).map(drop)),
            no_panic("export_fhir", || vault.export_fhir(n(), None, None).map(drop)),
            no_panic("backup_to_path", || vault.backup_to_path(backup.clone(), PASSPHRASE.into(), n(), None, None).map(drop)),
            no_panic("save_plan", || {
                vault.save_plan(plan_template(Language::English).unwrap(), None, false, n()).map(drop)
            }),
            no_panic("import_meeting_guide", || {
                import_meeting_guide("[]".into(), MeetingKind::Other, n()).map(drop)
            }),
            no_panic("measures_due", || vault.measures_due(n(), Language::Spanish).map(drop)),
            no_panic("measure_history", || {
                vault.measure_history(MeasureKind::Bam, n(), Language::Spanish).map(drop)
            }),
            no_panic("submit_measure", || {
                let answers = (1..=7)
                    .map(|i| MeasureAnswer { item: format!("gad7.{i}"), value: 0 })
                    .collect();
                vault.submit_measure(MeasureKind::Gad7, Language::English, answers, None, n()).map(drop)
            }),
        ];
        let zone_known = now.zone == "America/Chicago" || now.zone == "UTC";
        for result in results {
            match result {
                Ok(()) => prop_assert!(zone_known),
                Err(KeelError::InvalidInput { field, reason }) if !zone_known => {
                    prop_assert_eq!((field.as_str(), reason.as_str()), ("zone", "unknown_zone"));
                }
                Err(e) => prop_assert!(typed(&e)),
            }
        }
    }

    #[test]
    fn device_secrets(secret in hostile_bytes()) {
        let (_tmp, vault) = vault();
        vault.lock();
        let e = no_panic("unlock_with_device_secret", || vault.unlock_with_device_secret(secret.clone()));
        let refused = matches!(e, Err(KeelError::InvalidInput { .. } | KeelError::WrongCredential));
        prop_assert!(refused);
        prop_assert!(vault.is_locked());
    }
}

proptest! {
    // Each case costs a PBKDF2 derivation or two.
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    #[test]
    fn passphrases(attempt in hostile_strings()) {
        let (tmp, vault) = vault();
        let rekeyed = no_panic("rekey", || vault.rekey(attempt.clone(), None, None));
        let refused = matches!(rekeyed, Err(KeelError::WrongCredential | KeelError::InvalidInput { .. }));
        prop_assert!(refused || attempt == PASSPHRASE);
        let changed = no_panic("change_passphrase", || vault.change_passphrase(attempt.clone(), attempt.clone()));
        if let Err(e) = &changed {
            prop_assert!(typed(e));
        }
        vault.lock();
        let unlocked = no_panic("unlock_with_passphrase", || vault.unlock_with_passphrase(attempt.clone(), None, None));
        prop_assert_eq!(unlocked.is_ok(), changed.is_ok() || attempt == PASSPHRASE);
        drop(vault);
        let dir = tmp.path().join("v").to_str().unwrap().to_string();
        if let Err(e) = no_panic("salvage_vault", || salvage_vault(dir, attempt.clone(), good_now())) {
            prop_assert!(typed(&e));
        }
    }
}

/// A device secret handed to the shell prints as `DeviceSecret(..)`, alone
/// or inside its slot record; only `expose_bytes` gives its bytes.
#[test]
fn a_device_secret_prints_none_of_its_bytes() {
    let (_tmp, vault) = vault();
    let slot = no_panic("add_device_slot", || vault.add_device_slot()).unwrap();
    let bytes = no_panic("expose_bytes", || slot.secret.expose_bytes());
    assert_eq!(bytes.len(), 32);
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    for text in [
        format!("{slot:?}"),
        format!("{}", slot.secret),
        format!("{:?}", slot.secret),
    ] {
        assert!(text.contains("DeviceSecret(..)"), "{text}");
        assert!(!text.contains(&hex[..8]), "{text}");
        assert!(!text.contains(&format!("{:?}", &bytes[..4])), "{text}");
    }
    vault.lock();
    vault.unlock_with_device_secret(bytes).unwrap();
    assert!(!vault.is_locked());
}

#[test]
fn every_call_after_a_wipe_is_typed() {
    let (_tmp, vault) = vault();
    vault.wipe().unwrap();
    let draft = NoteDraft {
        written_at: Moment {
            utc_millis: 0,
            offset_minutes: 0,
        },
        text: "x".into(),
    };
    let id = "00".repeat(16);
    for result in [
        no_panic("unlock", || {
            vault.unlock_with_passphrase(PASSPHRASE.into(), None, None)
        }),
        no_panic("unlock device", || {
            vault.unlock_with_device_secret(vec![0; 32])
        }),
        no_panic("change", || {
            vault.change_passphrase(PASSPHRASE.into(), "yet another passphrase".into())
        }),
        no_panic("add_device_slot", || vault.add_device_slot().map(drop)),
        no_panic("remove_slot", || vault.remove_slot(id.clone())),
        no_panic("list_slots", || vault.list_slots().map(drop)),
        no_panic("add_note", || vault.add_note(draft.clone()).map(drop)),
        no_panic("get_note", || vault.get_note(id.clone()).map(drop)),
        no_panic("wipe", || vault.wipe()),
    ] {
        assert!(
            matches!(result, Err(KeelError::NotFound { .. })),
            "{result:?}"
        );
    }
    no_panic("lock", || vault.lock());
    assert!(vault.is_locked());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// The strength estimate answers any text, in both languages, and
    /// calls acceptable exactly what the report and backup check accepts.
    #[test]
    fn passphrase_estimates(text in hostile_strings()) {
        for language in [Language::English, Language::Spanish] {
            let e = no_panic("estimate_passphrase", || estimate_passphrase(text.clone(), language));
            prop_assert_eq!(e.acceptable, e.reason.is_none());
            prop_assert!(e.guesses_log10.is_finite());
            prop_assert!(!e.message.is_empty() && !e.crack_time_text.is_empty());
            let checked = no_panic("check_export_passphrase", || check_export_passphrase(text.clone()));
            prop_assert_eq!(checked.is_ok(), e.acceptable);
            if let Err(e) = checked {
                prop_assert!(typed(&e));
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// The screen records (craving form, history, presets, Today) given
    /// hostile text and times, unlocked and then locked.
    #[test]
    fn screens(text in hostile_strings(), at in hostile_time()) {
        let (_tmp, vault) = vault();
        let now = Now { utc_millis: at.utc_millis, zone: text.clone() };
        for locked in [false, true] {
            if locked {
                vault.lock();
            }
            let results = [
                no_panic("craving_form", || vault.craving_form().map(drop)),
                no_panic("history", || {
                    vault
                        .history(
                            HistoryQuery {
                                from_utc_millis: Some(at.utc_millis),
                                until_utc_millis: None,
                                kinds: vec![HistoryKind::Note; 40],
                                page_token: Some(text.clone()),
                                limit: 5,
                            },
                            Language::English,
                        )
                        .map(drop)
                }),
                no_panic("history all", || {
                    vault
                        .history(
                            HistoryQuery {
                                from_utc_millis: None,
                                until_utc_millis: Some(at.utc_millis),
                                kinds: vec![],
                                page_token: None,
                                limit: at.offset_minutes.unsigned_abs(),
                            },
                            Language::Spanish,
                        )
                        .map(drop)
                }),
                no_panic("today", || vault.today(now.clone(), Language::Spanish).map(drop)),
                no_panic("preview_meeting_guide", || {
                    vault
                        .preview_meeting_guide(text.clone(), text.clone(), MeetingKind::Other, now.clone())
                        .map(drop)
                }),
                no_panic("add_meetings_from_guide", || {
                    vault.add_meetings_from_guide(text.clone(), vec![]).map(drop)
                }),
                no_panic("date_range_presets", || {
                    vault.date_range_presets(now.clone(), Language::Spanish).map(drop)
                }),
                no_panic("date_range", || {
                    vault
                        .date_range(DateRangePreset::SinceLastReport, now.clone(), Language::English)
                        .map(drop)
                }),
            ];
            for r in results {
                if let Err(e) = r {
                    prop_assert!(typed(&e));
                    let expected = !locked
                        || matches!(e, KeelError::Locked | KeelError::InvalidInput { .. });
                    prop_assert!(expected, "{:?}", e);
                }
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Every call that takes a `Language` answers in both, given hostile
    /// text and times; the vault ones unlocked and then locked.
    #[test]
    fn languages(text in hostile_strings(), at in hostile_time(), millis in any::<i64>(), now in hostile_now()) {
        no_panic("language_for_locale", || language_for_locale(text.clone()));
        let (_tmp, vault) = vault();
        for language in [Language::English, Language::Spanish] {
            let label = no_panic("meeting_type_label", || meeting_type_label(text.clone(), language));
            prop_assert_eq!(&label, &text, "unknown types pass through");
            let aa = MeetingKind::TwelveStep { fellowship: Fellowship::Other };
            let kind = no_panic("meeting_kind_label", || meeting_kind_label(aa, language));
            prop_assert!(!kind.is_empty());
            prop_assert!(!no_panic("csv_export_warning", || csv_export_warning(language)).is_empty());
            prop_assert!(no_panic("generate_passphrase", || generate_passphrase(language)).is_ok());
            prop_assert!(no_panic("plan_template", || plan_template(language)).is_ok());
            prop_assert!(!no_panic("exercise_library", || exercise_library(language)).is_empty());
            for locked in [false, true] {
                if locked {
                    vault.lock();
                }
                let results = [
                    no_panic("today", || vault.today(now.clone(), language).map(drop)),
                    no_panic("attendance_record", || {
                        vault.attendance_record(millis, at.utc_millis, language).map(drop)
                    }),
                    no_panic("upcoming_reminders", || {
                        vault.upcoming_reminders(now.clone(), 48, None, language).map(drop)
                    }),
                    no_panic("export_meetings_calendar", || {
                        vault.export_meetings_calendar(language).map(drop)
                    }),
                    no_panic("add_lapse", || {
                        vault.add_lapse(LapseDraft {
                            at,
                            clock_ids: vec![text.clone()],
                            resets_clocks: true,
                            substance: text.clone(),
                            triggers: vec![],
                            context: EntryContext {
                                place: text.clone(),
                                with_whom: String::new(),
                                halt: Halt { hungry: true, angry: false, lonely: true, tired: false },
                                mood: None,
                            },
                            notes: text.clone(),
                        }, now.clone(), language).map(drop)
                    }),
                ];
                for r in results {
                    if let Err(e) = r {
                        prop_assert!(typed(&e));
                        let expected = !locked
                            || matches!(e, KeelError::Locked | KeelError::InvalidInput { .. });
                        prop_assert!(expected, "{:?}", e);
                    }
                }
            }
            vault.unlock_with_passphrase(PASSPHRASE.into(), None, None).unwrap();
        }
    }
}

fn measure_kind() -> impl Strategy<Value = MeasureKind> {
    prop_oneof![
        Just(MeasureKind::Bam),
        Just(MeasureKind::Phq9),
        Just(MeasureKind::Gad7),
        Just(MeasureKind::AuditC),
    ]
}

fn item_key() -> impl Strategy<Value = String> {
    prop_oneof![
        hostile_strings(),
        (1u8..=17).prop_map(|i| format!("bam.{i}")),
        (1u8..=10).prop_map(|i| format!("phq9.{i}")),
        "bam\\.7[a-h]",
        Just(" phq9.9 ".to_string()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Measures: any measure, language, answers, response id and schedule
    /// give a value or a typed error.
    #[test]
    fn measures(
        kind in measure_kind(),
        spanish in any::<bool>(),
        answers in proptest::collection::vec((item_key(), any::<u8>()), 0..40),
        id in proptest::option::of(hostile_strings()),
        every_days in any::<u16>(),
        minute in proptest::option::of(any::<u16>()),
        now in hostile_now(),
    ) {
        let (_tmp, vault) = vault();
        let language = if spanish { Language::Spanish } else { Language::English };
        if let Err(e) = no_panic("measure_form", || measure_form(kind, language)) {
            prop_assert!(typed(&e));
        }
        let answers: Vec<MeasureAnswer> = answers
            .into_iter()
            .map(|(item, value)| MeasureAnswer { item, value })
            .collect();
        let results = [
            no_panic("submit_measure", || {
                vault.submit_measure(kind, language, answers.clone(), id.clone(), now.clone()).map(drop)
            }),
            no_panic("submit_measure good now", || {
                vault.submit_measure(kind, language, answers.clone(), id.clone(), good_now()).map(drop)
            }),
            no_panic("set_measure_schedule", || {
                vault
                    .set_measure_schedule(MeasureSchedule { measure: kind, enabled: true, every_days, reminder_minute: minute })
                    .map(drop)
            }),
            no_panic("measure_schedules", || vault.measure_schedules().map(drop)),
            no_panic("measures_due", || vault.measures_due(good_now(), language).map(drop)),
            no_panic("measure_history", || vault.measure_history(kind, good_now(), language).map(drop)),
            no_panic("upcoming_reminders", || vault.upcoming_reminders(good_now(), 336, None, language).map(drop)),
        ];
        for result in results {
            if let Err(e) = result {
                prop_assert!(typed(&e));
            }
        }
    }
}
