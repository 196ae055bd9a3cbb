import Foundation
import KeelCore

/// What the Reminders screen shows: the participant's choices as the core
/// keeps them (with the meeting settings), and the next reminders they
/// schedule, computed at `nowUtcMillis` in the phone's zone `zone` (IANA),
/// the clock to show them on.
public struct ReminderChoices: Equatable, Sendable {
    public let settings: MeetingSettings
    public let nowUtcMillis: Int64
    public let zone: String
    public let upcoming: [Reminder]

    public init(settings: MeetingSettings, nowUtcMillis: Int64, zone: String, upcoming: [Reminder]) {
        self.settings = settings
        self.nowUtcMillis = nowUtcMillis
        self.zone = zone
        self.upcoming = upcoming
    }
}

/// The core calls the Reminders screen makes.
public protocol ReminderChoiceCalls: AnyObject, Sendable {
    /// The reminder choices and the next `limit` reminders within `horizonHours`, in one call.
    func reminderChoices(horizonHours: UInt32, limit: UInt32, language: Language) async -> Result<ReminderChoices, CoreFailure>
    /// Saves the reminder choices with the rest of the meeting settings (the weekly requirement kept as given).
    func saveReminderChoices(_ settings: MeetingSettings) async -> Result<MeetingSettings, CoreFailure>
}

extension VaultProxy: ReminderChoiceCalls {
    public func reminderChoices(horizonHours: UInt32, limit: UInt32, language: Language) async -> Result<ReminderChoices, CoreFailure> {
        let now = now()
        return await perform { vault in
            let settings = try vault.meetingSettings()
            let upcoming = try vault.upcomingReminders(now: now, horizonHours: horizonHours, limit: limit, language: language)
            return ReminderChoices(settings: settings, nowUtcMillis: now.utcMillis, zone: now.zone, upcoming: upcoming)
        }
    }

    public func saveReminderChoices(_ settings: MeetingSettings) async -> Result<MeetingSettings, CoreFailure> {
        await perform { vault in try vault.saveMeetingSettings(settings: settings) }
    }
}
