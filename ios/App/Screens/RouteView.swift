import KeelCore
import KeelKit
import SwiftUI

/// One route, one screen. Every screen is `XScreen(proxy:router:)` and makes
/// its own model; Help now is one tap away on every screen but itself.
struct RouteView: View {
    let route: Route
    let proxy: VaultProxy
    let router: Router
    @Environment(AppSession.self) private var app

    var body: some View {
        destination(for: route)
            // Read here so the toolbar follows a language chosen on this screen.
            .environment(\.locale, Locale(identifier: Loc.code(of: app.language)))
            .toolbar {
                ToolbarItem(placement: .topBarTrailing) {
                    if route != .sos {
                        Button(Loc.text("action_sos")) { router.sos() }
                            .accessibilityIdentifier("sos")
                    }
                }
                ToolbarItem(placement: .topBarLeading) {
                    if route == .today {
                        LockButton()
                    }
                }
            }
    }

    @ViewBuilder
    private func destination(for route: Route) -> some View {
        switch route {
        // Session
        case .firstLaunch: FirstLaunchScreen(proxy: proxy, router: router)
        case .firstLaunchRestore: FirstLaunchRestoreScreen(proxy: proxy, router: router)
        case .unlock: UnlockScreen(proxy: proxy, router: router)
        case .forgot: ForgotScreen(proxy: proxy, router: router)
        case .sos: SosScreen(proxy: proxy, router: router)

        // Journal
        case .today: TodayScreen(proxy: proxy, router: router)
        case let .log(kind, id): LogScreen(proxy: proxy, router: router, kind: kind, id: id)
        case .history: HistoryScreen(proxy: proxy, router: router)
        case .plan: PlanScreen(proxy: proxy, router: router)

        // Exercises
        case .exercises: ExercisesScreen(proxy: proxy, router: router)
        case let .exerciseRun(exerciseId): ExerciseRunScreen(proxy: proxy, router: router, exerciseId: exerciseId)
        case .exerciseHistory: ExerciseHistoryScreen(proxy: proxy, router: router)
        case let .exercisePattern(id): ExercisePatternScreen(proxy: proxy, router: router, id: id)

        // Meetings
        case .meetings: MeetingsHomeScreen(proxy: proxy, router: router)
        case .meetingList: MeetingListScreen(proxy: proxy, router: router)
        case let .meetingEdit(id): MeetingEditScreen(proxy: proxy, router: router, id: id)
        case .meetingImport: MeetingImportScreen(proxy: proxy, router: router)
        case .attendanceHistory: AttendanceScreen(proxy: proxy, router: router)
        case .attendanceRecordSheet: AttendanceRecordScreen(proxy: proxy, router: router)

        // Reminders, insights, report, exports, backup
        case .reminders: RemindersScreen(proxy: proxy, router: router, app: app)
        case .insights: InsightsScreen(proxy: proxy, router: router)
        case .report: ReportScreen(proxy: proxy, router: router)
        case .exports: ExportScreen(proxy: proxy, router: router)
        case .backup: BackupScreen(proxy: proxy, router: router)

        // Settings
        case .settings: SettingsScreen(proxy: proxy, router: router)
        case .changePassphrase: ChangePassphraseScreen(proxy: proxy, router: router)
        case .wipe: WipeScreen(proxy: proxy, router: router)
        case .about: AboutScreen(proxy: proxy, router: router)
        case .menu: MenuScreen(proxy: proxy, router: router)

        // Questionnaires
        case .measures: MeasuresScreen(proxy: proxy, router: router)
        case let .measureForm(measure, responseId): MeasureFormScreen(proxy: proxy, router: router, measure: measure, responseId: responseId)
        case let .measureHistory(measure): MeasureHistoryScreen(proxy: proxy, router: router, measure: measure)
        }
    }
}

/// Locks Keel now: every key dropped, Unlock shown.
struct LockButton: View {
    @Environment(AppSession.self) private var app

    var body: some View {
        Button {
            app.lock()
        } label: {
            Label(Loc.text("action_lock"), systemImage: "lock")
        }
    }
}
