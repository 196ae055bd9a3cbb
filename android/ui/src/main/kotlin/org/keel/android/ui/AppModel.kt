package org.keel.android.ui

import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Job
import kotlinx.coroutines.delay
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.launch
import org.keel.android.core.InsightsCalls
import org.keel.android.core.MeetingsCalls
import org.keel.android.core.VaultGateway
import org.keel.core.EntryKind
import org.keel.core.Language
import org.keel.core.MeasureKind

/** Where the participant is. */
sealed interface Route {
    data object FirstLaunch : Route
    data object Unlock : Route
    data object Forgot : Route
    data object Today : Route
    data object Sos : Route

    /** The log form of [kind]: a new entry, or entry [id] to edit or delete. */
    data class Log(val kind: EntryKind, val id: String? = null) : Route

    /** The merged history, paged. */
    data object History : Route

    /** The relapse-prevention plan: read, edit, revisions. */
    data object Plan : Route

    // Exercises
    /** The exercise library, by situation and length; the participant's patterns. */
    data object Exercises : Route

    /** One exercise: its choices, the player, the craving after, the saved session. */
    data class ExerciseRun(val exerciseId: String) : Route

    /** The exercise sessions so far. */
    data object ExerciseHistory : Route

    /** The participant's own breathing pattern [id], or a new one (null). */
    data class ExercisePattern(val id: String?) : Route

    // Meetings
    /** The week, "I'm here", today and the coming week. */
    data object Meetings : Route

    /** Every meeting, by name. */
    data object MeetingList : Route

    /** A new meeting, or meeting [id] to edit or delete. */
    data class MeetingEdit(val id: String? = null) : Route

    /** Import from a Meeting Guide file. */
    data object MeetingImport : Route

    /** Hours per week and every attendance record. */
    data object AttendanceHistory : Route

    /** The attendance record of a period, to show. */
    data object AttendanceRecordSheet : Route

    // Reminders
    /** The participant's reminder choices and the next reminders. */
    data object Reminders : Route

    // Insights
    /** Charts of the participant's records over a chosen range, each with a text alternative. */
    data object Insights : Route

    // Report and exports
    /** The counselor report: choose, preview, make, then save or share. */
    data object Report : Route

    /** CSV and FHIR exports, saved or shared. */
    data object Exports : Route

    // Backup and restore
    /** Restoring from a backup file on first launch, before any vault exists. */
    data object FirstLaunchRestore : Route

    /** Backup to a file; restore a backup into this vault. */
    data object Backup : Route

    // Settings
    /** Settings: language, unlocking, lock timeout, screen protection, discreet mode, privacy, erasing. */
    data object Settings : Route

    /** Changing the passphrase. */
    data object ChangePassphrase : Route

    /** Erasing everything, after a clear confirmation. */
    data object Wipe : Route

    /** What Keel keeps and where. */
    data object About : Route

    /** Every screen, one tap each: Today's menu. */
    data object Menu : Route

    // Questionnaires

    /** What is due, and each measure's schedule. */
    data object Measures : Route

    /** A measure to answer, or [responseId]'s answers to change while its period is open. */
    data class MeasureForm(val measure: MeasureKind, val responseId: String? = null) : Route

    /** One measure's past answers and trends. */
    data class MeasureHistory(val measure: MeasureKind) : Route
}

/** What the platform tells the app; tests send the same events. */
sealed interface AppEvent {
    /** The app left the screen: it locks after the participant's timeout. */
    data object Backgrounded : AppEvent

    /** The app is on the screen again: locked if the timeout ran out meanwhile. */
    data object Foregrounded : AppEvent

    /** The screen went off: lock at once. */
    data object ScreenOff : AppEvent
}

/**
 * Settings kept outside the vault so Unlock and SOS speak the participant's
 * language while the vault is locked. Holds nothing personal.
 */
interface AppSettings {
    var language: Language?

    /**
     * How long Keel stays unlocked in the background, in seconds; 0 (the
     * default) locks the moment it leaves the screen. A longer timeout spares
     * a passphrase when a call or a map interrupts; the screen going off
     * locks at once whatever it is.
     */
    var lockAfterSeconds: Int

    /**
     * Screen protection (Android's `FLAG_SECURE`), on by default: no
     * screenshots or recordings of Keel and a blank preview in recent apps.
     * Off lets the participant take screenshots, which then live in their
     * photos (and any photo backup), outside the vault.
     */
    var secureScreen: Boolean

    /**
     * Discreet mode, off by default: the launcher shows a neutral name and
     * icon (an activity alias) and notification channels carry neutral
     * names, so a glance at the phone does not say what Keel is for.
     */
    var discreet: Boolean

    /**
     * The exercise player's last choices, each run starting with them:
     * vibrate at each cue (on by default) and play its sounds (off by
     * default). Plain preferences, outside the vault, because they hold no
     * personal content: how someone likes a breathing exercise to sound says
     * nothing of what they wrote, and no time is kept with them.
     */
    var exerciseVibrate: Boolean
    var exerciseSound: Boolean
}

/**
 * The app's navigation and the models of its screens. One instance for the
 * app's life (held by a ViewModel on Android); [scope] runs the screens'
 * work, every core call goes through [gateway].
 */
class AppModel(
    private val gateway: VaultGateway,
    private val settings: AppSettings,
    private val scope: CoroutineScope,
    systemLanguage: Language = Language.ENGLISH,
    /** Waits between the unlock countdown's ticks; tests pass their own. */
    private val tick: suspend (Long) -> Unit = { delay(it) },
    /** Biometric unlock on this phone; none unless the platform gives one. */
    private val biometrics: Biometrics = NoBiometrics,
    /**
     * A clock that keeps counting while the phone sleeps (Android passes
     * `SystemClock.elapsedRealtime`), so time in the background is measured
     * even when the lock timer could not run.
     */
    private val elapsedMillis: () -> Long = { System.nanoTime() / 1_000_000 },
    /** The system's document picker and share sheet; none unless the platform gives them. */
    private val documents: Documents = NoDocuments,
    // Further platform services, one parameter each (defaults for tests that need none):

    // exercises
    /** Haptics, sounds, keep-screen-on and interruptions for the exercise player. */
    private val exerciseDevice: ExerciseDevice = NoExerciseDevice,

    // reminders
    /** The platform's alarms and notification permission; none unless the platform gives them. */
    private val reminderAlarms: ReminderAlarms = NoReminderAlarms,

    // settings
    /** Screen protection and the launcher's discreet entry; none unless the platform gives them. */
    private val privacy: DevicePrivacy = NoDevicePrivacy,
) {
    private var backgroundedAt: Long? = null
    private var lockTimer: Job? = null

    private val _backStack = MutableStateFlow<List<Route>>(emptyList())

    /** The routes shown, the last on top; empty until [start] has looked. */
    val backStack: StateFlow<List<Route>> = _backStack.asStateFlow()

    private val _language = MutableStateFlow(settings.language ?: systemLanguage)
    val language: StateFlow<Language> = _language.asStateFlow()

    private val _discreet = MutableStateFlow(settings.discreet)

    /** Discreet mode as kept: the locked screens name the app as the launcher does ([appName]). */
    val discreet: StateFlow<Boolean> = _discreet.asStateFlow()

    val firstLaunch = FirstLaunchModel(gateway, scope, language = { _language.value }, onCreated = { replaceWith(Route.Today) }, biometrics = biometrics)
    val unlock = UnlockModel(gateway, scope, tick, onUnlocked = { replaceWith(Route.Today) }, biometrics = biometrics)
    val today = TodayModel(gateway, scope) { _language.value }
    val sos = SosModel(gateway, scope) { _language.value }
    val log = LogModel(gateway, scope, { _language.value }, onDone = { back() })
    val history = HistoryModel(gateway, scope, { _language.value })
    val plan = PlanModel(gateway, scope)

    // Exercises
    val exercises = ExerciseModel(org.keel.android.core.ExerciseCalls(gateway), scope, { _language.value }, exerciseDevice, settings, onDone = { back() })

    // Meetings
    private val meetingsCalls = MeetingsCalls(gateway)
    val meetings = MeetingsModel(meetingsCalls, scope, { _language.value }, documents)
    val meetingList = MeetingListModel(meetingsCalls, scope) { _language.value }
    val meetingEdit = MeetingEditModel(meetingsCalls, scope, { _language.value }, today = { gateway.moment().localDate() }, onDone = { back() })
    val meetingImport = MeetingImportModel(meetingsCalls, scope, { _language.value }, documents)
    val attendance = AttendanceModel(meetingsCalls, scope) { _language.value }
    val attendanceRecord = AttendanceRecordModel(meetingsCalls, scope) { _language.value }

    // Reminders
    /** Keeps the platform's alarms equal to the core's reminders. */
    val reminderScheduler = ReminderScheduler(org.keel.android.core.ReminderCalls(gateway), reminderAlarms) { _language.value }
    val reminders = RemindersModel(org.keel.android.core.ReminderCalls(gateway), reminderAlarms, scope, { _language.value }, onChanged = { refreshReminders() })
    private val reminderRefreshes = kotlinx.coroutines.channels.Channel<Unit>(kotlinx.coroutines.channels.Channel.CONFLATED)

    /** The screen a reminder's tap asked for while locked: opened once Today shows after unlock. */
    @Volatile private var reminderTap: Route? = null

    init {
        // The alarms follow the vault: refreshed at unlock and at every screen
        // change while unlocked (each save returns to or opens a screen), and
        // when the language (the reminders' words) changes; one at a time.
        scope.launch { for (request in reminderRefreshes) reminderScheduler.refresh() }
        scope.launch { kotlinx.coroutines.flow.combine(backStack, language) { stack, _ -> stack }.collect { onStackForReminders(it) } }
    }

    /**
     * A reminder's notification was tapped: its screen now if unlocked, else
     * after the participant unlocks (never before: the lock stays first).
     */
    fun openReminder(target: ReminderTarget) {
        val route = target.route()
        when {
            gateway.isLocked() -> reminderTap = route
            // Today is the root: go back to it rather than stack a second one.
            route == Route.Today -> while (back()) Unit
            _backStack.value.lastOrNull() != route -> navigate(route)
        }
    }

    /** Brings the alarms in line with the core's reminders (unlocked; a locked vault changes nothing). */
    fun refreshReminders() {
        reminderRefreshes.trySend(Unit)
    }

    private fun onStackForReminders(stack: List<Route>) {
        if (gateway.isLocked()) return
        val tap = reminderTap
        if (tap != null && stack == listOf(Route.Today)) {
            reminderTap = null
            navigate(tap)
            return
        }
        refreshReminders()
    }

    // Insights
    val insights = InsightsModel(InsightsCalls(gateway), scope) { _language.value }

    // Report and exports
    val report = ReportModel(org.keel.android.core.ReportCalls(gateway), scope, { _language.value }, documents)
    val exports = ExportModel(org.keel.android.core.ExportCalls(gateway), scope, { _language.value }, documents)

    /**
     * A report or export made is held only while its screen is on the back
     * stack: leaving it (back, or the lock replacing the stack) stops a
     * report being made and wipes the file and its passphrase.
     */
    private val forgetMadeFiles = scope.launch {
        backStack.collect { stack ->
            if (Route.Report !in stack) report.clear()
            if (Route.Exports !in stack) exports.clear()
        }
    }

    // Questionnaires
    val measures = MeasuresModel(org.keel.android.core.MeasuresCalls(gateway), scope, { _language.value }, onEdit = { kind, id -> navigate(Route.MeasureForm(kind, id)) })

    // Backup and restore
    val firstLaunchRestore = FirstLaunchRestoreModel(gateway, scope, documents, language = { _language.value }, onRestored = { replaceWith(Route.Today) })
    val backup = BackupModel(gateway, scope, documents, language = { _language.value })

    // Settings
    val settingsScreen = SettingsModel(gateway, scope, settings, biometrics, privacy, onDiscreet = { _discreet.value = it })
    val rekey = RekeyModel(org.keel.android.core.RekeyCalls(gateway), scope, tick, biometrics, onBiometricEnded = { settingsScreen.load() })
    val passphraseChange = SettingsPassphraseModel(gateway, scope, { _language.value }, tick)
    val wipe = WipeModel(gateway, scope, biometrics) {
        // No reminder of an erased journal: the alarms and their kept schedule go too.
        scope.launch { reminderScheduler.clear() }
        replaceWith(Route.FirstLaunch)
    }

    /** Decides the first screen: first launch, or Unlock for an existing vault. */
    fun start() {
        scope.launch {
            val route = if (gateway.exists()) Route.Unlock else Route.FirstLaunch
            _backStack.value = listOf(route)
            onShown(route)
        }
    }

    fun setLanguage(language: Language) {
        settings.language = language
        _language.value = language
        onShown(_backStack.value.lastOrNull() ?: return)
    }

    fun navigate(route: Route) {
        if (route != Route.Sos && gateway.isLocked() && route !in LOCKED_ROUTES) return
        _backStack.update { it + route }
        onShown(route)
    }

    /** Pops one route; false at the root (the platform then leaves the app). */
    fun back(): Boolean {
        val stack = _backStack.value
        if (stack.size <= 1) return false
        _backStack.value = stack.dropLast(1)
        onShown(_backStack.value.last())
        return true
    }

    fun lock() {
        gateway.lock()
        if (_backStack.value.firstOrNull() != Route.FirstLaunch) replaceWith(Route.Unlock)
    }

    fun onEvent(event: AppEvent) {
        when (event) {
            AppEvent.ScreenOff -> {
                stopLockTimer()
                lock()
            }
            AppEvent.Backgrounded -> {
                val timeout = settings.lockAfterSeconds * 1000L
                stopLockTimer()
                if (timeout <= 0) {
                    lock()
                } else {
                    backgroundedAt = elapsedMillis()
                    lockTimer = scope.launch {
                        tick(timeout)
                        lock()
                    }
                }
            }
            AppEvent.Foregrounded -> {
                val since = backgroundedAt
                stopLockTimer()
                // The timer may not have run (a sleeping phone): the clock decides.
                if (since != null && elapsedMillis() - since >= settings.lockAfterSeconds * 1000L) lock()
            }
        }
    }

    private fun stopLockTimer() {
        lockTimer?.cancel()
        lockTimer = null
        backgroundedAt = null
    }

    private fun replaceWith(route: Route) {
        _backStack.value = listOf(route)
        onShown(route)
    }

    private fun onShown(route: Route) {
        // Answers not sent are forgotten once their screens are left (SOS keeps them for the way back).
        if (route !is Route.MeasureForm && route !is Route.MeasureHistory && route != Route.Sos) measures.clear()
        when (route) {
            Route.Today -> today.refresh()
            Route.Sos -> sos.load()
            Route.Unlock -> unlock.reset()
            is Route.Log -> log.open(route.kind, route.id)
            Route.History -> history.load()
            Route.Plan -> plan.load()
            Route.FirstLaunch -> firstLaunch.refreshEstimate()
            Route.Forgot -> Unit

            // Exercises
            Route.Exercises -> exercises.loadLibrary()
            is Route.ExerciseRun -> exercises.open(route.exerciseId)
            Route.ExerciseHistory -> exercises.loadHistory()
            is Route.ExercisePattern -> exercises.openPattern(route.id)

            // Meetings
            Route.Meetings -> meetings.load()
            Route.MeetingList -> meetingList.load()
            is Route.MeetingEdit -> meetingEdit.open(route.id)
            Route.MeetingImport -> meetingImport.open()
            Route.AttendanceHistory -> attendance.load()
            Route.AttendanceRecordSheet -> attendanceRecord.load()

            // Reminders
            Route.Reminders -> reminders.load()

            // Insights
            Route.Insights -> insights.load()

            // Report and exports
            Route.Report -> report.show()
            Route.Exports -> exports.show()

            // Backup and restore
            Route.FirstLaunchRestore -> firstLaunchRestore.refreshEstimate()
            Route.Backup -> backup.open()

            // Settings
            Route.Settings -> {
                settingsScreen.load()
                rekey.open()
            }
            Route.ChangePassphrase -> passphraseChange.open()
            Route.Wipe -> wipe.open()
            Route.About, Route.Menu -> Unit

            // Questionnaires
            Route.Measures -> measures.load()
            is Route.MeasureForm -> measures.showForm(route.measure, route.responseId)
            is Route.MeasureHistory -> measures.openHistory(route.measure)
        }
    }

    private companion object {
        val LOCKED_ROUTES = setOf(Route.Unlock, Route.Forgot, Route.FirstLaunch, Route.FirstLaunchRestore)
    }
}
