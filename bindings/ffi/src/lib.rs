//! Keel's one exported surface. Everything here is a thin wrapper over
//! `keel-core`: it converts types, supplies the clock, and maps the core's
//! errors to [`KeelError`]. No logic lives here.
//!
//! Shells hold one [`Vault`] for the app's lifetime and call it off the UI
//! thread; every call is synchronous. The long ones (creating, unlocking
//! with the passphrase, report, backup, restore, re-key) take a `Progress`
//! and a `CancelToken` and never hold the vault while deriving keys.

mod backup;
mod error;
mod exercises;
mod exports;
mod history;
mod insights;
mod logs;
mod measures;
mod meetings;
mod mirror;
mod notes;
mod passphrase;
mod plan;
mod ranges;
mod report;
mod sobriety;
mod today;
mod types;
mod vault;
mod work;

pub use backup::{
    BackupCollectionCount, BackupContents, BackupFile, BackupSummary, RestoreMode, RestoreSummary,
    RestoredVault, inspect_backup_without_vault, restore_new_vault, suggested_backup_file_name,
};
pub use error::KeelError;
pub use exercises::{
    BreathingPattern, BreathingPatternDraft, BreathingPatternList, Exercise, ExerciseCategory,
    ExerciseCue, ExerciseCueKind, ExerciseDuration, ExerciseFrame, ExerciseHaptic, ExerciseInsight,
    ExerciseLength, ExerciseList, ExerciseOptions, ExerciseOutlineStep, ExercisePhase,
    ExercisePlayback, ExercisePlayer, ExerciseSegment, ExerciseSession, ExerciseSessionEnd,
    ExerciseSessionPage, ExerciseSessionStart, ExerciseSessionStatus, ExerciseSituation,
    ExerciseSound, ExerciseSuggestion, ExerciseSuggestionReason, ExerciseTimeline,
    exercise_library, exercise_playback_elapsed, exercise_playback_pause, exercise_playback_resume,
    exercise_playback_start,
};
pub use exports::{
    CsvArchive, CsvArchiveEntry, CsvExport, CsvFile, FhirExport, csv_export_warning,
};
pub use history::{HistoryItem, HistoryKind, HistoryPage, HistoryQuery};
pub use insights::{
    CopingRank, CravingDay, CravingWeek, HeatCell, Insights, MoodDay, TriggerCount,
};
pub use logs::{
    AfterLapseMessage, CheckIn, CheckInDraft, CheckInPage, CopingTag, Craving, CravingDraft,
    CravingForm, CravingOutcome, CravingPage, Encounter, EncounterDraft, EncounterPage,
    EntryContext, EntryKind, Halt, Lapse, LapseDraft, LapseLogged, LapsePage, Mood, PageQuery,
    TriggerTag,
};
pub use measures::{
    CrisisSupport, MeasureAnswer, MeasureChoice, MeasureCondition, MeasureDirection, MeasureDue,
    MeasureFlag, MeasureForm, MeasureHistory, MeasureItem, MeasureItemMove, MeasureKind,
    MeasurePoint, MeasureResponse, MeasureSchedule, MeasureScore, MeasureScoreTrend,
    MeasureSubmitted, measure_form,
};
pub use meetings::{
    AttendanceDraft, AttendanceLine, AttendancePage, AttendanceRecord, AttendanceStatus,
    FeedMeeting, FeedSkipReason, FeedSkipped, FeedWarning, Fellowship, Meeting, MeetingDraft,
    MeetingGuideImport, MeetingKind, MeetingList, MeetingOccurrence, MeetingPlace, MeetingRepeat,
    MeetingSchedule, MeetingSettings, MeetingSource, MeetingsCalendar, MeetingsScreen, MonthWeek,
    Reminder, ReminderKind, WeekProgress, WeekSummary, Weekday, import_meeting_guide,
    meeting_kind_label, meeting_type_label,
};
pub use notes::{JournalNote, NoteDraft, NoteList};
pub use passphrase::{
    CrackTime, CrackTimeUnit, PassphraseEstimate, PassphraseLevel, PassphraseWeakness,
    estimate_passphrase,
};
pub use plan::{
    ContactRole, CopingPlan, CrisisLine, LapsePlan, Plan, PlanRevision, PlanRevisionInfo,
    RelapseStage, RiskLevel, SupportContact, Trigger, TriggerCategory, WarningSign,
    new_plan_item_id, plan_template,
};
pub use ranges::{DateRange, DateRangePreset};
pub use report::{
    ReportFile, ReportPreview, ReportRequest, ReportSectionPreview, ReportTopic,
    check_export_passphrase, generate_passphrase, suggested_report_file_name,
};
pub use sobriety::{
    CalendarDate, Milestone, MilestoneUnit, SobrietyClock, SobrietyClockDraft, SobrietyClockStatus,
};
pub use today::{
    CrisisContact, EntryBrief, MeetingNow, NextMeeting, PlanSuggestion, SuggestionReason,
    TodayScreen,
};
pub use types::{
    DeviceSecret, KeySlot, KeySlotKind, Language, Moment, NewDeviceSlot, Now, language_for_locale,
};
pub use vault::{RekeySummary, SalvageReport, Vault, salvage_vault, vault_exists};
pub use work::{CancelToken, Progress};

uniffi::setup_scaffolding!("keel");
