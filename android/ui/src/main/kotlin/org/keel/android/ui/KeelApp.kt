package org.keel.android.ui

import androidx.compose.foundation.layout.Box
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.runtime.Composable
import androidx.compose.runtime.CompositionLocalProvider
import androidx.compose.runtime.collectAsState
import androidx.compose.runtime.getValue
import androidx.compose.runtime.remember
import androidx.compose.ui.Modifier

/** The whole app: the route on top of the back stack, in the chosen language. */
@Composable
fun KeelApp(app: AppModel, strings: StringSource, phone: PhoneActions, dark: Boolean) {
    val stack by app.backStack.collectAsState()
    val language by app.language.collectAsState()
    val discreet by app.discreet.collectAsState()
    val texts = remember(language) { strings.strings(language) }
    CompositionLocalProvider(LocalStrings provides texts, LocalDiscreet provides discreet) {
        KeelTheme(dark) {
            when (stack.lastOrNull()) {
                null -> Box(Modifier.fillMaxSize())
                Route.FirstLaunch -> {
                    val state by app.firstLaunch.state.collectAsState()
                    FirstLaunchPage(
                        state,
                        language,
                        app.firstLaunch::onEvent,
                        app::setLanguage,
                        onSos = { app.navigate(Route.Sos) },
                        onRestore = {
                            app.firstLaunchRestore.reset()
                            app.navigate(Route.FirstLaunchRestore)
                        },
                    )
                }
                Route.Unlock -> {
                    val state by app.unlock.state.collectAsState()
                    UnlockPage(state, app.unlock::onEvent, { app.navigate(Route.Forgot) }) { app.navigate(Route.Sos) }
                }
                Route.Forgot -> ForgotPage(onBack = { app.back() }) { app.navigate(Route.Sos) }
                Route.Today -> {
                    val state by app.today.state.collectAsState()
                    TodayPage(state, phone, onLock = app::lock, onSos = { app.navigate(Route.Sos) }, onOpen = app::navigate, onImHere = app.today::imHere)
                }
                is Route.Log -> {
                    val state by app.log.state.collectAsState()
                    LogPage(state, language, phone, app.log::onEvent, { app.back() }) { app.navigate(Route.Sos) }
                }
                Route.History -> {
                    val state by app.history.state.collectAsState()
                    HistoryPage(state, language, app.history::onEvent, onOpen = app::navigate, onBack = { app.back() }) { app.navigate(Route.Sos) }
                }
                Route.Plan -> {
                    val state by app.plan.state.collectAsState()
                    PlanPage(state, language, app.plan::onEvent, onBack = { app.back() }) { app.navigate(Route.Sos) }
                }
                // Exercises
                Route.Exercises -> {
                    val state by app.exercises.state.collectAsState()
                    ExercisesPage(state, app.exercises::onEvent, onOpen = app::navigate, onBack = { app.back() }) { app.navigate(Route.Sos) }
                }
                is Route.ExerciseRun -> {
                    val state by app.exercises.state.collectAsState()
                    ExerciseRunPage(state.run, app.exercises::onEvent, onBack = { app.back() }) { app.navigate(Route.Sos) }
                }
                Route.ExerciseHistory -> {
                    val state by app.exercises.state.collectAsState()
                    ExerciseHistoryPage(state.history, language, app.exercises::onEvent, onBack = { app.back() }) { app.navigate(Route.Sos) }
                }
                is Route.ExercisePattern -> {
                    val state by app.exercises.state.collectAsState()
                    ExercisePatternPage(state.editor, app.exercises::onEvent, onBack = { app.back() }) { app.navigate(Route.Sos) }
                }

                // Meetings
                Route.Meetings -> {
                    val state by app.meetings.state.collectAsState()
                    MeetingsPage(state, app.meetings::onEvent, onOpen = app::navigate, onBack = { app.back() }) { app.navigate(Route.Sos) }
                }
                Route.MeetingList -> {
                    val state by app.meetingList.state.collectAsState()
                    MeetingListPage(state, onOpen = app::navigate, onBack = { app.back() }) { app.navigate(Route.Sos) }
                }
                is Route.MeetingEdit -> {
                    val state by app.meetingEdit.state.collectAsState()
                    MeetingEditPage(state, app.meetingEdit::onEvent, onBack = { app.back() }) { app.navigate(Route.Sos) }
                }
                Route.MeetingImport -> {
                    val state by app.meetingImport.state.collectAsState()
                    MeetingImportPage(state, app.meetingImport::onEvent, onOpen = app::navigate, onBack = { app.back() }) { app.navigate(Route.Sos) }
                }
                Route.AttendanceHistory -> {
                    val state by app.attendance.state.collectAsState()
                    AttendancePage(state, app.attendance::onEvent, onBack = { app.back() }) { app.navigate(Route.Sos) }
                }
                Route.AttendanceRecordSheet -> {
                    val state by app.attendanceRecord.state.collectAsState()
                    AttendanceRecordPage(state, app.attendanceRecord::onEvent, onBack = { app.back() }) { app.navigate(Route.Sos) }
                }

                // Reminders
                Route.Reminders -> {
                    val state by app.reminders.state.collectAsState()
                    RemindersPage(state, language, app.reminders::onEvent, onBack = { app.back() }) { app.navigate(Route.Sos) }
                }

                // Insights
                Route.Insights -> {
                    val state by app.insights.state.collectAsState()
                    InsightsPage(state, app.insights::onEvent, onBack = { app.back() }) { app.navigate(Route.Sos) }
                }

                // Report and exports
                Route.Report -> {
                    val state by app.report.state.collectAsState()
                    ReportPage(state, app.report::onEvent, onBack = { app.back() }) { app.navigate(Route.Sos) }
                }
                Route.Exports -> {
                    val state by app.exports.state.collectAsState()
                    ExportPage(state, app.exports::onEvent, onBack = { app.back() }) { app.navigate(Route.Sos) }
                }

                // Backup and restore
                Route.FirstLaunchRestore -> {
                    val state by app.firstLaunchRestore.state.collectAsState()
                    FirstLaunchRestorePage(state, language, app.firstLaunchRestore::onEvent, onBack = { app.back() }) { app.navigate(Route.Sos) }
                }
                Route.Backup -> {
                    val state by app.backup.state.collectAsState()
                    BackupPage(state, language, app.backup::onEvent, onBack = { app.back() }) { app.navigate(Route.Sos) }
                }

                // Settings
                Route.Settings -> {
                    val state by app.settingsScreen.state.collectAsState()
                    val rekey by app.rekey.state.collectAsState()
                    SettingsPage(state, rekey, language, app.settingsScreen::onEvent, app.rekey::onEvent, app::setLanguage, app::navigate, { app.back() }) { app.navigate(Route.Sos) }
                }
                Route.ChangePassphrase -> {
                    val state by app.passphraseChange.state.collectAsState()
                    SettingsPassphrasePage(state, app.passphraseChange::onEvent, { app.back() }) { app.navigate(Route.Sos) }
                }
                Route.Wipe -> {
                    val state by app.wipe.state.collectAsState()
                    WipePage(state, app.wipe::onEvent, { app.back() }) { app.navigate(Route.Sos) }
                }
                Route.About -> AboutPage({ app.back() }) { app.navigate(Route.Sos) }
                Route.Menu -> MenuPage(app::navigate, { app.back() }) { app.navigate(Route.Sos) }

                // Questionnaires
                Route.Measures -> {
                    val state by app.measures.state.collectAsState()
                    MeasuresPage(state, language, app.measures::onEvent, onOpen = app::navigate, onBack = { app.back() }) { app.navigate(Route.Sos) }
                }
                is Route.MeasureForm -> {
                    val state by app.measures.state.collectAsState()
                    MeasureFormPage(state.form, language, phone, app.measures::onEvent, onOpen = app::navigate, onBack = { app.back() }) { app.navigate(Route.Sos) }
                }
                is Route.MeasureHistory -> {
                    val state by app.measures.state.collectAsState()
                    MeasureHistoryPage(state.history, language, app.measures::onEvent, onBack = { app.back() }) { app.navigate(Route.Sos) }
                }

                Route.Sos -> {
                    val state by app.sos.state.collectAsState()
                    SosPage(state, phone, app.sos::onEvent) { app.back() }
                }
            }
        }
    }
}
