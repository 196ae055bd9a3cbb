package org.keel.android.jvm

import androidx.compose.runtime.Composable
import androidx.compose.runtime.CompositionLocalProvider
import org.keel.android.ui.LocalDiscreet
import org.keel.android.ui.FirstLaunchPage
import org.keel.android.ui.FirstLaunchProblem
import org.keel.android.ui.FirstLaunchUiState
import org.keel.android.ui.AttendancePage
import org.keel.android.ui.AttendanceRecordPage
import org.keel.android.ui.ForgotPage
import org.keel.android.ui.MeetingEditPage
import org.keel.android.ui.MeetingImportPage
import org.keel.android.ui.MeetingListPage
import org.keel.android.ui.MeetingsPage
import org.keel.android.ui.HistoryPage
import org.keel.android.ui.InsightsPage
import org.keel.android.ui.InsightsSection
import org.keel.android.ui.LogPage
import org.keel.android.ui.PlanPage
import org.keel.android.ui.PlanSection
import org.keel.android.ui.SosPage
import org.keel.android.ui.SosUiState
import org.keel.android.ui.TodayPage
import org.keel.android.ui.TodayUiState
import org.keel.android.ui.UnlockPage
import org.keel.android.ui.UnlockUiState
import org.keel.core.Language
import org.keel.core.estimatePassphrase

/**
 * Every screen in the gallery, one line each: a name (its folder and file
 * names under target/gallery) and how to draw it from real core records.
 * Adding a screen = adding a line here; [GalleryTest] renders it across the
 * whole matrix and runs every check on every rendering.
 *
 * The lambda runs in a [GalleryScope]: `language`, the core records in
 * [GalleryData] (a real vault per language: `data.today(language)`,
 * `data.vault(language)` for anything else) and a recording `phone`.
 */
val galleryScreens: List<GalleryScreen> = listOf(
    GalleryScreen("first_launch") { FirstLaunchPage(FirstLaunchUiState(), language, {}, {}, {}) },
    GalleryScreen("first_launch_mismatch") { FirstLaunchPage(FirstLaunchUiState("passphrase", "other", problem = FirstLaunchProblem.Mismatch), language, {}, {}, {}) },
    GalleryScreen("first_launch_biometric") { FirstLaunchPage(FirstLaunchUiState(biometricsAvailable = true, useBiometrics = true), language, {}, {}, {}) },
    GalleryScreen("first_launch_weak") {
        val estimate = estimatePassphrase("password", language)
        FirstLaunchPage(FirstLaunchUiState("password", "password", problem = FirstLaunchProblem.Weak, estimate = estimate), language, {}, {}, {})
    },
    GalleryScreen("first_launch_suggested") {
        // A fixed draw of each language's list, so the PNGs do not change from run to run.
        val suggested = if (language == Language.ENGLISH) "maple orbit candle river stone light" else "mesa gato nube lago tren sol pino"
        FirstLaunchPage(FirstLaunchUiState(suggested, suggested, estimate = estimatePassphrase(suggested, language), suggested = suggested), language, {}, {}, {})
    },
    GalleryScreen("unlock") { UnlockPage(UnlockUiState(), {}, {}, {}) },
    GalleryScreen("unlock_biometric") { UnlockPage(UnlockUiState(biometric = true), {}, {}, {}) },
    GalleryScreen("unlock_biometric_ended") { UnlockPage(UnlockUiState(biometricEnded = true), {}, {}, {}) },
    GalleryScreen("unlock_wait") { UnlockPage(UnlockUiState(failures = 2, waitSeconds = 10, wrong = true), {}, {}, {}) },
    GalleryScreen("unlock_discreet") {
        CompositionLocalProvider(LocalDiscreet provides true) { UnlockPage(UnlockUiState(failures = 1, waitSeconds = 5, wrong = true), {}, {}, {}) }
    },
    GalleryScreen("forgot") { ForgotPage({}, {}) },
    GalleryScreen("today") { TodayPage(TodayUiState(screen = data.today(language)), phone, {}, {}) },
    GalleryScreen("today_new") { TodayPage(TodayUiState(screen = data.todayEmpty(language)), phone, {}, {}) },
    GalleryScreen("sos_locked") { SosPage(SosUiState(crisis = data.crisisLocked(language)), phone, {}, {}) },
    GalleryScreen("sos_unlocked") { SosPage(SosUiState(crisis = data.crisisSaved(language)), phone, {}, {}) },
    GalleryScreen("sos_breathing") { SosPage(SosUiState(crisis = data.crisisLocked(language), breathing = data.breathing(language, 5_000)), phone, {}, {}) },
    GalleryScreen("sos_breathing_done") { SosPage(SosUiState(crisis = data.crisisLocked(language), breathing = data.breathing(language, Long.MAX_VALUE)), phone, {}, {}) },
    GalleryScreen("today_after_lapse_meeting_now") { TodayPage(ScreenShots.today(language), phone, {}, {}) },
    GalleryScreen("log_craving") { LogPage(ScreenShots.craving(language), language, phone, {}, {}, {}) },
    GalleryScreen("log_encounter_missing") { LogPage(ScreenShots.encounter(language), language, phone, {}, {}, {}) },
    GalleryScreen("log_check_in_delete") { LogPage(ScreenShots.checkInEditDelete(language), language, phone, {}, {}, {}) },
    GalleryScreen("log_lapse") { LogPage(ScreenShots.lapse(language), language, phone, {}, {}, {}) },
    GalleryScreen("lapse_message") { LogPage(ScreenShots.lapseMessage(language), language, phone, {}, {}, {}) },
    GalleryScreen("history") { HistoryPage(ScreenShots.history(language), language, {}, {}, {}, {}) },
    GalleryScreen("plan", PLAN_WINDOW_HEIGHT_DP) { PlanPage(ScreenShots.plan(language), language, {}, {}, {}) },
    GalleryScreen("plan_none") { PlanPage(ScreenShots.planNone(), language, {}, {}, {}) },
    GalleryScreen("plan_from_template", PLAN_WINDOW_HEIGHT_DP) { PlanPage(ScreenShots.planFromTemplate(language), language, {}, {}, {}) },
    GalleryScreen("plan_edit") { PlanPage(ScreenShots.planEdit(language), language, {}, {}, {}) },
    GalleryScreen("plan_conflict") { PlanPage(ScreenShots.planConflict(language), language, {}, {}, {}) },
    GalleryScreen("plan_edit_goals") { PlanPage(PlanLogShots.planSection(language, PlanSection.GOALS), language, {}, {}, {}) },
    GalleryScreen("plan_edit_routine") { PlanPage(PlanLogShots.planSection(language, PlanSection.ROUTINE), language, {}, {}, {}) },
    GalleryScreen("plan_edit_triggers") { PlanPage(PlanLogShots.planSection(language, PlanSection.TRIGGERS), language, {}, {}, {}) },
    GalleryScreen("plan_edit_trigger_kind") { PlanPage(PlanLogShots.planSection(language, PlanSection.TRIGGERS).copy(choosingKind = 0), language, {}, {}, {}) },
    GalleryScreen("plan_edit_coping") { PlanPage(PlanLogShots.planSection(language, PlanSection.COPING), language, {}, {}, {}) },
    GalleryScreen("plan_edit_contacts") { PlanPage(PlanLogShots.planSection(language, PlanSection.CONTACTS), language, {}, {}, {}) },
    GalleryScreen("plan_edit_overdose") { PlanPage(PlanLogShots.planSection(language, PlanSection.OVERDOSE_SAFETY), language, {}, {}, {}) },
    GalleryScreen("plan_edit_crisis_lines") { PlanPage(PlanLogShots.planSection(language, PlanSection.CRISIS_LINES), language, {}, {}, {}) },
    GalleryScreen("plan_invalid") { PlanPage(PlanLogShots.planInvalid(language), language, {}, {}, {}) },
    GalleryScreen("log_craving_when") { LogPage(PlanLogShots.cravingWhen(language), language, phone, {}, {}, {}) },
    GalleryScreen("log_craving_in_future") { LogPage(PlanLogShots.cravingInFuture(language), language, phone, {}, {}, {}) },

    // Exercises
    GalleryScreen("exercises") { org.keel.android.ui.ExercisesPage(ExerciseShots.exercises(language), {}, {}, {}, {}) },
    GalleryScreen("exercises_paused") { org.keel.android.ui.ExercisesPage(ExerciseShots.exercisesPaused(language), {}, {}, {}, {}) },
    GalleryScreen("exercises_sleep") { org.keel.android.ui.ExercisesPage(ExerciseShots.exercisesSleep(language), {}, {}, {}, {}) },
    GalleryScreen("exercises_none") { org.keel.android.ui.ExercisesPage(ExerciseShots.exercisesNone(language), {}, {}, {}, {}) },
    GalleryScreen("exercise_choose") { org.keel.android.ui.ExerciseRunPage(ExerciseShots.choose(language), {}, {}, {}) },
    GalleryScreen("exercise_playing") { org.keel.android.ui.ExerciseRunPage(ExerciseShots.playing(language), {}, {}, {}) },
    GalleryScreen("exercise_paused") { org.keel.android.ui.ExerciseRunPage(ExerciseShots.paused(language), {}, {}, {}) },
    GalleryScreen("exercise_rate_done") { org.keel.android.ui.ExerciseRunPage(ExerciseShots.rateDone(language), {}, {}, {}) },
    GalleryScreen("exercise_rate_stopped") { org.keel.android.ui.ExerciseRunPage(ExerciseShots.rateStopped(language), {}, {}, {}) },
    GalleryScreen("exercise_done") { org.keel.android.ui.ExerciseRunPage(ExerciseShots.done(language), {}, {}, {}) },
    GalleryScreen("exercise_history") { org.keel.android.ui.ExerciseHistoryPage(ExerciseShots.history(language), language, {}, {}, {}) },
    GalleryScreen("exercise_history_empty") { org.keel.android.ui.ExerciseHistoryPage(ExerciseShots.historyEmpty(), language, {}, {}, {}) },
    GalleryScreen("exercise_pattern_new") { org.keel.android.ui.ExercisePatternPage(ExerciseShots.patternNew(), {}, {}, {}) },
    GalleryScreen("exercise_pattern_problem") { org.keel.android.ui.ExercisePatternPage(ExerciseShots.patternProblem(language), {}, {}, {}) },
    GalleryScreen("exercise_pattern_delete") { org.keel.android.ui.ExercisePatternPage(ExerciseShots.patternDelete(language), {}, {}, {}) },

    // Meetings
    GalleryScreen("meetings") { MeetingsPage(MeetingsShots.meetings(language), {}, {}, {}, {}) },
    GalleryScreen("meetings_here") { MeetingsPage(MeetingsShots.meetingsHere(language), {}, {}, {}, {}) },
    GalleryScreen("meetings_new") { MeetingsPage(MeetingsShots.meetingsEmpty(language), {}, {}, {}, {}) },
    GalleryScreen("meetings_requirement") { MeetingsPage(MeetingsShots.meetingsRequirement(language), {}, {}, {}, {}) },
    GalleryScreen("meetings_export") { MeetingsPage(MeetingsShots.meetingsExport(language), {}, {}, {}, {}) },
    GalleryScreen("meeting_list") { MeetingListPage(MeetingsShots.list(language), {}, {}, {}) },
    GalleryScreen("meeting_add", MEETING_EDIT_WINDOW_HEIGHT_DP) { MeetingEditPage(MeetingsShots.add(language), {}, {}, {}) },
    GalleryScreen("meeting_add_bad_zone", MEETING_EDIT_WINDOW_HEIGHT_DP) { MeetingEditPage(MeetingsShots.editBadZone(language), {}, {}, {}) },
    GalleryScreen("meeting_edit_monthly_delete", MEETING_EDIT_WINDOW_HEIGHT_DP) { MeetingEditPage(MeetingsShots.editMonthlyDelete(language), {}, {}, {}) },
    GalleryScreen("meeting_import") { MeetingImportPage(MeetingsShots.importStart(language), {}, {}, {}, {}) },
    GalleryScreen("meeting_import_preview") { MeetingImportPage(MeetingsShots.importPreview(language), {}, {}, {}, {}) },
    GalleryScreen("meeting_import_done") { MeetingImportPage(MeetingsShots.importDone(language), {}, {}, {}, {}) },
    GalleryScreen("attendance") { AttendancePage(MeetingsShots.attendance(language), {}, {}, {}) },
    GalleryScreen("attendance_record") { AttendanceRecordPage(MeetingsShots.attendanceRecord(language), {}, {}, {}) },

    // Reminders
    GalleryScreen("reminders_off") { org.keel.android.ui.RemindersPage(ReminderShots.off(language), language, {}, {}, {}) },
    GalleryScreen("reminders_on") { org.keel.android.ui.RemindersPage(ReminderShots.on(language), language, {}, {}, {}) },
    GalleryScreen("reminders_notifications_off") { org.keel.android.ui.RemindersPage(ReminderShots.notificationsOff(language), language, {}, {}, {}) },
    GalleryScreen("reminders_refused") { org.keel.android.ui.RemindersPage(ReminderShots.refused(language), language, {}, {}, {}) },

    // Insights
    GalleryScreen("insights_cravings") { InsightsPage(InsightsShots.insights(language, InsightsSection.CRAVINGS), {}, {}, {}) },
    GalleryScreen("insights_triggers") { InsightsPage(InsightsShots.insights(language, InsightsSection.TRIGGERS), {}, {}, {}) },
    GalleryScreen("insights_what_works") { InsightsPage(InsightsShots.insights(language, InsightsSection.WHAT_WORKS), {}, {}, {}) },
    GalleryScreen("insights_mood") { InsightsPage(InsightsShots.insights(language, InsightsSection.MOOD), {}, {}, {}) },
    GalleryScreen("insights_meetings") { InsightsPage(InsightsShots.insights(language, InsightsSection.MEETINGS), {}, {}, {}) },
    GalleryScreen("insights_streaks") { InsightsPage(InsightsShots.insights(language, InsightsSection.STREAKS), {}, {}, {}) },
    GalleryScreen("insights_measures") { InsightsPage(InsightsShots.insights(language, InsightsSection.MEASURES), {}, {}, {}) },
    GalleryScreen("insights_empty") { InsightsPage(InsightsShots.insightsEmpty(language, InsightsSection.CRAVINGS), {}, {}, {}) },
    GalleryScreen("insights_empty_what_works") { InsightsPage(InsightsShots.insightsEmpty(language, InsightsSection.WHAT_WORKS), {}, {}, {}) },
    GalleryScreen("insights_loading") { InsightsPage(InsightsShots.insightsLoading(language), {}, {}, {}) },
    GalleryScreen("insights_error") { InsightsPage(InsightsShots.insightsError(), {}, {}, {}) },

    // Report and exports
    GalleryScreen("report_choose") { org.keel.android.ui.ReportPage(ReportShots.choose(data, language), {}, {}, {}) },
    GalleryScreen("report_need_topic") { org.keel.android.ui.ReportPage(ReportShots.needTopic(data, language), {}, {}, {}) },
    GalleryScreen("report_preview") { org.keel.android.ui.ReportPage(ReportShots.preview(data, language), {}, {}, {}) },
    GalleryScreen("report_making") { org.keel.android.ui.ReportPage(ReportShots.making(data, language), {}, {}, {}) },
    GalleryScreen("report_cancelled") { org.keel.android.ui.ReportPage(ReportShots.cancelled(data, language), {}, {}, {}) },
    GalleryScreen("report_ready") { org.keel.android.ui.ReportPage(ReportShots.ready(data, language), {}, {}, {}) },
    GalleryScreen("export") { org.keel.android.ui.ExportPage(ReportShots.export(data, language), {}, {}, {}) },
    GalleryScreen("export_need_confirm") { org.keel.android.ui.ExportPage(ReportShots.exportNeedConfirm(data, language), {}, {}, {}) },
    GalleryScreen("export_csv_ready") { org.keel.android.ui.ExportPage(ReportShots.exportCsv(data, language), {}, {}, {}) },
    GalleryScreen("export_fhir_ready") { org.keel.android.ui.ExportPage(ReportShots.exportFhir(data, language), {}, {}, {}) },

    // Backup and restore
    GalleryScreen("first_launch_restore") { org.keel.android.ui.FirstLaunchRestorePage(BackupShots.restoreStart(), language, {}, {}, {}) },
    GalleryScreen("first_launch_restore_wrong") { org.keel.android.ui.FirstLaunchRestorePage(BackupShots.restoreWrongPassphrase(), language, {}, {}, {}) },
    GalleryScreen("first_launch_restore_contents") { org.keel.android.ui.FirstLaunchRestorePage(BackupShots.restoreContents(data, language), language, {}, {}, {}) },
    GalleryScreen("first_launch_restore_working") { org.keel.android.ui.FirstLaunchRestorePage(BackupShots.restoreWorking(data, language), language, {}, {}, {}) },
    GalleryScreen("backup") { org.keel.android.ui.BackupPage(org.keel.android.ui.BackupUiState(), language, {}, {}, {}) },
    GalleryScreen("backup_saved") { org.keel.android.ui.BackupPage(BackupShots.backupSaved(data, language), language, {}, {}, {}) },
    GalleryScreen("backup_working") { org.keel.android.ui.BackupPage(BackupShots.backupWorking(), language, {}, {}, {}) },
    GalleryScreen("backup_weak") { org.keel.android.ui.BackupPage(BackupShots.backupWeak(), language, {}, {}, {}) },
    GalleryScreen("backup_restore_confirm") { org.keel.android.ui.BackupPage(BackupShots.restoreConfirm(data, language), language, {}, {}, {}) },
    GalleryScreen("backup_restore_damaged") { org.keel.android.ui.BackupPage(BackupShots.restoreDamaged(), language, {}, {}, {}) },
    GalleryScreen("backup_restore_done") { org.keel.android.ui.BackupPage(BackupShots.restoreDone(data, language), language, {}, {}, {}) },

    // Settings
    *settingsShots.toTypedArray(),

    // Questionnaires
    *measureShots.toTypedArray(),
)

/**
 * One gallery entry: [name] is lower_snake_case and unique. [windowHeightDp]
 * is the tallest it may grow to: a larger window costs every rendering of the
 * screen time, so only a screen whose full scroll height needs it (the whole
 * plan at font scale 2) asks for more than the default.
 */
class GalleryScreen(
    val name: String,
    val windowHeightDp: Float = GalleryTest.WINDOW_HEIGHT_DP,
    val content: @Composable GalleryScope.() -> Unit,
)

/** The meeting editor, every field with its date or time said in words: about 8,500 dp at font scale 2 on the small phone in Spanish. */
const val MEETING_EDIT_WINDOW_HEIGHT_DP = 10000f

/** The whole plan read or started from a template: about 11,500 dp at font scale 2 on the small phone. */
const val PLAN_WINDOW_HEIGHT_DP = 14000f
