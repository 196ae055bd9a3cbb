import KeelCore
import KeelKit
import SwiftUI
import UIKit
import UserNotifications

/// Keel: one scene, one vault, one navigation stack. Everything the
/// platform does for privacy is wired here: the privacy cover and the lock
/// timer follow the scene phase, the phone locking locks Keel at once, and a
/// tapped reminder opens its screen only after unlock.
@main
struct KeelApp: App {
    @UIApplicationDelegateAdaptor(AppDelegate.self) private var delegate
    @Environment(\.scenePhase) private var scenePhase

    @State private var app: AppSession
    private let proxy: VaultProxy

    init() {
        // Prepared at every launch (protection and backup exclusion are
        // re-applied); should that fail, the core reports on first use.
        let folder = (try? VaultFolder.prepare()) ?? VaultFolder.location
        let proxy = VaultProxy(directory: folder)
        let settings = DefaultsSettings()
        let router = Router()
        let reminders = ReminderScheduler(calls: proxy, notifications: NotificationReminders())
        let biometrics = KeychainBiometrics(settings: settings) {
            AppName.text(discreet: settings.discreet)
        }
        let app = AppSession(
            router: router,
            session: proxy,
            settings: settings,
            biometrics: biometrics,
            reminders: reminders,
            systemLanguage: Loc.systemLanguage()
        )
        self.proxy = proxy
        _app = State(initialValue: app)
        AppDelegate.session = app
    }

    var body: some Scene {
        WindowGroup {
            RootView(proxy: proxy, app: app)
                .environment(app)
                .environment(\.locale, Locale(identifier: Loc.code(of: app.language)))
                .task { await app.start() }
                .onReceive(NotificationCenter.default.publisher(for: UIApplication.protectedDataWillBecomeUnavailableNotification)) { _ in
                    app.protectedDataWillBecomeUnavailable()
                }
        }
        .onChange(of: scenePhase) { _, phase in
            switch phase {
            case .active: app.sceneActive()
            case .inactive: app.sceneInactive()
            case .background: app.sceneBackground()
            @unknown default: app.sceneInactive()
            }
        }
    }
}

/// The root of the stack and the cover over it.
struct RootView: View {
    let proxy: VaultProxy
    @Bindable var app: AppSession

    var body: some View {
        @Bindable var router = app.router
        ZStack {
            NavigationStack(path: $router.path) {
                Group {
                    if let root = router.root {
                        RouteView(route: root, proxy: proxy, router: router)
                    } else {
                        ProgressView()
                            .accessibilityLabel(Loc.text("common_working"))
                    }
                }
                .navigationDestination(for: Route.self) { route in
                    RouteView(route: route, proxy: proxy, router: router)
                }
            }
            // Rebuilt with the language, so every screen speaks it at once;
            // not on first launch, where the passphrase being typed must stay
            // (that screen follows the language itself).
            .id(router.root == .firstLaunch ? nil : app.language)
            // Each save returns to or opens a screen: the reminders follow the
            // vault at every screen change while unlocked.
            .onChange(of: router.path) {
                app.refreshReminders()
            }
            if app.covered {
                PrivacyCover(discreet: app.discreet)
                    .transition(.identity)
            }
        }
    }
}

/// Notification taps: the reminder's screen, after unlock if locked.
final class AppDelegate: NSObject, UIApplicationDelegate, UNUserNotificationCenterDelegate {
    @MainActor static var session: AppSession?

    func application(_ application: UIApplication, didFinishLaunchingWithOptions launchOptions: [UIApplication.LaunchOptionsKey: Any]? = nil) -> Bool {
        UNUserNotificationCenter.current().delegate = self
        return true
    }

    nonisolated func userNotificationCenter(
        _ center: UNUserNotificationCenter,
        didReceive response: UNNotificationResponse,
        withCompletionHandler completionHandler: @escaping () -> Void
    ) {
        let target = NotificationReminders.target(of: response)
        completionHandler()
        guard let target else { return }
        Task { @MainActor in
            AppDelegate.session?.router.open(fromReminder: target.route)
        }
    }

    /// A reminder that comes while Keel is open shows as a banner too.
    nonisolated func userNotificationCenter(
        _ center: UNUserNotificationCenter,
        willPresent notification: UNNotification,
        withCompletionHandler completionHandler: @escaping (UNNotificationPresentationOptions) -> Void
    ) {
        completionHandler([.banner, .sound])
    }
}
