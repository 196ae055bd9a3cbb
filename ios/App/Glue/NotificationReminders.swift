import Foundation
import KeelKit
import UserNotifications

/// The core's reminders as local notifications. Each request carries the
/// core's id (a hash that says nothing), its words exactly as the core wrote
/// them (neutral: nothing about substances, cravings or meetings' names, so
/// a lock screen says nothing), its instant, and the code of the screen a
/// tap opens. Nothing else travels with it.
@MainActor
final class NotificationReminders: ReminderNotifications {
    private enum Info {
        static let at = "keel.at"
        static let target = "keel.target"
    }

    init() {}

    func pending() async -> [ScheduledReminder] {
        let requests = await UNUserNotificationCenter.current().pendingNotificationRequests()
        return requests.compactMap { request in
            let info = request.content.userInfo
            guard let at = (info[Info.at] as? NSNumber)?.int64Value,
                  let code = info[Info.target] as? String,
                  let target = ReminderTarget(rawValue: code)
            else { return nil }
            return ScheduledReminder(
                id: request.identifier,
                atUtcMillis: at,
                title: request.content.title,
                body: request.content.body,
                target: target
            )
        }
    }

    func schedule(_ reminders: [ScheduledReminder]) async {
        guard await allowed() else { return }
        let now = Date()
        for reminder in reminders {
            let content = UNMutableNotificationContent()
            content.title = reminder.title
            content.body = reminder.body
            content.sound = .default
            content.userInfo = [Info.at: NSNumber(value: reminder.atUtcMillis), Info.target: reminder.target.rawValue]
            let fireAt = Date(timeIntervalSince1970: TimeInterval(reminder.atUtcMillis) / 1000)
            let trigger = UNTimeIntervalNotificationTrigger(timeInterval: max(1, fireAt.timeIntervalSince(now)), repeats: false)
            let request = UNNotificationRequest(identifier: reminder.id, content: content, trigger: trigger)
            // The same id replaces a pending request: a moved reminder moves.
            try? await UNUserNotificationCenter.current().add(request)
        }
    }

    func cancel(ids: [String]) async {
        UNUserNotificationCenter.current().removePendingNotificationRequests(withIdentifiers: ids)
    }

    func allowed() async -> Bool {
        let settings = await UNUserNotificationCenter.current().notificationSettings()
        switch settings.authorizationStatus {
        case .authorized, .provisional, .ephemeral: return true
        default: return false
        }
    }

    /// Asked when the participant turns a reminder on (in context), never at launch.
    func ask() async -> Bool {
        (try? await UNUserNotificationCenter.current().requestAuthorization(options: [.alert, .sound])) ?? false
    }

    /// The screen a tapped notification asks for.
    nonisolated static func target(of response: UNNotificationResponse) -> ReminderTarget? {
        guard let code = response.notification.request.content.userInfo[Info.target] as? String else { return nil }
        return ReminderTarget(rawValue: code)
    }
}
