import Foundation
import KeelCore

/// Which screen a reminder's tap opens, once unlocked. Only this code travels
/// with the notification (never a meeting's id or name): the screen asks the
/// core what is due.
public enum ReminderTarget: String, Sendable, CaseIterable {
    /// The daily check-in: the check-in form.
    case checkIn = "check-in"
    /// A gentle prompt in a high-risk hour: the check-in form.
    case prompt
    /// A meeting starting soon: Today, which offers "I'm here".
    case meeting
    /// A questionnaire that is due: the questionnaires.
    case measure

    public init(kind: ReminderKind) {
        switch kind {
        case .meeting: self = .meeting
        case .checkIn: self = .checkIn
        case .gentlePrompt: self = .prompt
        case .measure: self = .measure
        }
    }

    /// The screen to open.
    public var route: Route {
        switch self {
        case .checkIn, .prompt: return .log(kind: .checkIn, id: nil)
        case .meeting: return .today
        case .measure: return .measures
        }
    }
}

/// One notification as handed to `UNUserNotificationCenter`: the core's id
/// (a hash that says nothing), its instant, its neutral words exactly as the
/// core wrote them, and where a tap leads.
public struct ScheduledReminder: Equatable, Sendable, CustomStringConvertible {
    public let id: String
    public let atUtcMillis: Int64
    public let title: String
    public let body: String
    public let target: ReminderTarget

    public init(id: String, atUtcMillis: Int64, title: String, body: String, target: ReminderTarget) {
        self.id = id
        self.atUtcMillis = atUtcMillis
        self.title = title
        self.body = body
        self.target = target
    }

    public init(_ reminder: Reminder) {
        self.init(
            id: reminder.id,
            atUtcMillis: reminder.atUtcMillis,
            title: reminder.title,
            body: reminder.body,
            target: ReminderTarget(kind: reminder.kind)
        )
    }

    /// Never the words: a log line or a crash report shows the id only.
    public var description: String { "ScheduledReminder(\(id))" }
}

/// What to change in the pending notifications: remove `cancel`'s ids, add
/// (or replace, under the same id) `schedule`.
public struct ReminderDiff: Equatable, Sendable {
    public let cancel: [String]
    public let schedule: [ScheduledReminder]

    public var isEmpty: Bool { cancel.isEmpty && schedule.isEmpty }
}

/// The scheduling decisions, free of any platform so they are unit-tested:
/// which of the core's reminders to hand to the notification center, and the
/// diff against what it already holds.
public enum ReminderSchedule {
    /// iOS keeps at most 64 pending local notifications per app (it drops
    /// the rest silently): schedule the soonest 64.
    public static let maxPending = 64

    /// How far ahead to ask the core: its longest horizon (14 days). The vault
    /// is read only while unlocked, so the schedule made at one unlock has to
    /// last until the next; it is refreshed at every unlock and every change.
    public static let horizonHours: UInt32 = 336

    /// The reminders to have pending at `nowUtcMillis`: those still ahead,
    /// soonest first (ties by id), at most `limit`.
    public static func wanted(_ reminders: [Reminder], nowUtcMillis: Int64, limit: Int = maxPending) -> [ScheduledReminder] {
        let ahead = reminders
            .filter { $0.atUtcMillis > nowUtcMillis }
            .map(ScheduledReminder.init)
            .sorted(by: soonestFirst)
        var seen = Set<String>()
        var chosen: [ScheduledReminder] = []
        for reminder in ahead where chosen.count < max(0, limit) {
            if seen.insert(reminder.id).inserted { chosen.append(reminder) }
        }
        return chosen
    }

    /// The change from `pending` (what the notification center holds) to
    /// `wanted`, by id: ids no longer wanted are removed, new ones added, and
    /// an id whose time, words or target changed is added again (the center
    /// replaces a request under the same id). Pending ones already past are
    /// left alone: they have fired.
    public static func diff(wanted: [ScheduledReminder], pending: [ScheduledReminder], nowUtcMillis: Int64) -> ReminderDiff {
        var want: [String: ScheduledReminder] = [:]
        for reminder in wanted where reminder.atUtcMillis > nowUtcMillis { want[reminder.id] = reminder }
        var have: [String: ScheduledReminder] = [:]
        for reminder in pending where reminder.atUtcMillis > nowUtcMillis { have[reminder.id] = reminder }
        let cancel = have.keys.filter { want[$0] == nil }.sorted()
        let schedule = want.values.filter { have[$0.id] != $0 }.sorted(by: soonestFirst)
        return ReminderDiff(cancel: cancel, schedule: schedule)
    }

    static func soonestFirst(_ a: ScheduledReminder, _ b: ScheduledReminder) -> Bool {
        a.atUtcMillis != b.atUtcMillis ? a.atUtcMillis < b.atUtcMillis : a.id < b.id
    }
}

/// The platform's notifications (`UNUserNotificationCenter` in the app's
/// glue); tests use a recording fake.
@MainActor
public protocol ReminderNotifications: AnyObject {
    /// The requests pending now, as they were scheduled.
    func pending() async -> [ScheduledReminder]
    func schedule(_ reminders: [ScheduledReminder]) async
    func cancel(ids: [String]) async
    /// Notifications are allowed (asked and granted).
    func allowed() async -> Bool
    /// Asks for permission (once the participant turned a reminder on, in context).
    func ask() async -> Bool
}

/// Keeps the pending notifications equal to the core's soonest reminders.
/// Refreshed at unlock, after each change in the vault and when the
/// language changes; while locked the vault cannot be read and nothing changes.
@MainActor
public final class ReminderScheduler {
    private let calls: any ReminderCalls
    private let notifications: any ReminderNotifications
    private let nowMillis: @Sendable () -> Int64
    private var refreshing = false
    private var again = false
    private var latestLanguage: Language = .english

    public init(calls: any ReminderCalls, notifications: any ReminderNotifications, nowMillis: @escaping @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970 * 1000) }) {
        self.calls = calls
        self.notifications = notifications
        self.nowMillis = nowMillis
    }

    /// Brings the pending notifications in line. One refresh at a time: a
    /// refresh asked for while one runs makes it run once more at its end.
    @discardableResult
    public func refresh(language: Language) async -> ReminderDiff? {
        latestLanguage = language
        if refreshing {
            again = true
            return nil
        }
        refreshing = true
        defer { refreshing = false }
        var last: ReminderDiff?
        repeat {
            again = false
            last = await refreshOnce(language: latestLanguage)
        } while again
        return last
    }

    private func refreshOnce(language: Language) async -> ReminderDiff? {
        let answer = await calls.upcomingReminders(
            horizonHours: ReminderSchedule.horizonHours,
            limit: UInt32(ReminderSchedule.maxPending),
            language: language
        )
        guard case let .success(reminders) = answer else { return nil }
        let now = nowMillis()
        let wanted = ReminderSchedule.wanted(reminders, nowUtcMillis: now)
        let pending = await notifications.pending()
        let diff = ReminderSchedule.diff(wanted: wanted, pending: pending, nowUtcMillis: now)
        if !diff.cancel.isEmpty { await notifications.cancel(ids: diff.cancel) }
        if !diff.schedule.isEmpty { await notifications.schedule(diff.schedule) }
        return diff
    }

    /// Removes every pending reminder (the vault was erased).
    public func clear() async {
        let ids = await notifications.pending().map(\.id)
        if !ids.isEmpty { await notifications.cancel(ids: ids) }
    }
}
