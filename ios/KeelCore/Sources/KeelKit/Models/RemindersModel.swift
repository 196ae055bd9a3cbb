import Foundation
import KeelCore
import Observation

/// The Reminders screen: the participant's choices as the core keeps them
/// (the daily check-in and its time, gentle prompts), the next reminders
/// they schedule in the core's own neutral words, and whether the phone
/// lets Keel show notifications. Permission is asked in context: when a
/// reminder is turned on, or from the screen's own button, never at launch.
/// `onChanged` runs after every save, so the pending notifications follow.
@Observable @MainActor
public final class RemindersModel {
    public struct State {
        public var choices: ReminderChoices?
        public var loaded = false
        public var notificationsAllowed = true
        /// The system said no when asked: only its Settings can allow them now.
        public var notificationsRefused = false
        public var busy = false
        public var failure: CoreFailure?

        public init() {}

        public var settings: MeetingSettings? { choices?.settings }

        /// Something is on that needs notifications to reach the participant.
        public var anyOn: Bool {
            guard let settings else { return false }
            return settings.checkInMinute != nil || settings.gentlePrompts
        }
    }

    public enum Action: Sendable {
        /// The daily check-in reminder on (at its time, 20:00 the first time) or off.
        case checkIn(Bool)
        /// The check-in reminder `minutes` earlier (negative) or later, round the clock.
        case moveCheckIn(minutes: Int)
        /// Gentle prompts in the participant's own high-risk hours on or off.
        case gentlePrompts(Bool)
        /// Ask the system for permission to show notifications.
        case allowNotifications
    }

    /// 20:00: the check-in reminder's time when first turned on.
    public nonisolated static let defaultCheckIn: UInt16 = 1200
    /// How far one tap moves the check-in reminder.
    public nonisolated static let stepMinutes = 15
    /// The next reminders the screen lists.
    public nonisolated static let shown: UInt32 = 5
    private nonisolated static let minutesADay = 1440

    public private(set) var state = State()

    private let calls: any ReminderChoiceCalls
    private let notifications: any ReminderNotifications
    private let language: @MainActor () -> Language
    private let onChanged: @MainActor () -> Void

    public init(
        calls: any ReminderChoiceCalls,
        notifications: any ReminderNotifications,
        language: @escaping @MainActor () -> Language,
        onChanged: @escaping @MainActor () -> Void
    ) {
        self.calls = calls
        self.notifications = notifications
        self.language = language
        self.onChanged = onChanged
    }

    public func load() async {
        state.busy = true
        state.failure = nil
        await reload()
    }

    public func send(_ action: Action) async {
        guard let settings = state.settings else { return }
        switch action {
        case .checkIn(let on):
            var changed = settings
            changed.checkInMinute = on ? (settings.checkInMinute ?? Self.defaultCheckIn) : nil
            await save(changed, ask: on)
        case .moveCheckIn(let minutes):
            guard let minute = settings.checkInMinute else { return }
            var changed = settings
            changed.checkInMinute = Self.moved(minute, by: minutes)
            await save(changed, ask: false)
        case .gentlePrompts(let on):
            var changed = settings
            changed.gentlePrompts = on
            await save(changed, ask: on)
        case .allowNotifications:
            await ask()
        }
    }

    /// A minute of the day moved by `minutes`, round the clock.
    public nonisolated static func moved(_ minute: UInt16, by minutes: Int) -> UInt16 {
        let raw = (Int(minute) + minutes) % minutesADay
        return UInt16(raw < 0 ? raw + minutesADay : raw)
    }

    /// A reminder's instant on the phone's clock: the offset `zone` has then.
    public nonisolated static func moment(of reminder: Reminder, zone: String) -> Moment {
        let date = Date(timeIntervalSince1970: TimeInterval(reminder.atUtcMillis) / 1000)
        let offset = (TimeZone(identifier: zone) ?? .current).secondsFromGMT(for: date) / 60
        return Moment(utcMillis: reminder.atUtcMillis, offsetMinutes: Int32(offset))
    }

    private func ask() async {
        let allowed = await notifications.ask()
        state.notificationsAllowed = allowed
        state.notificationsRefused = !allowed
    }

    private func save(_ settings: MeetingSettings, ask asking: Bool) async {
        guard !state.busy else { return }
        state.busy = true
        state.failure = nil
        if asking {
            let allowed = await notifications.allowed()
            if !allowed { await ask() }
        }
        switch await calls.saveReminderChoices(settings) {
        case .success:
            onChanged()
            await reload()
        case .failure(let failure):
            state.busy = false
            state.failure = failure
        }
    }

    private func reload() async {
        let answer = await calls.reminderChoices(horizonHours: ReminderSchedule.horizonHours, limit: Self.shown, language: language())
        let allowed = await notifications.allowed()
        switch answer {
        case .success(let choices):
            state.choices = choices
            state.notificationsAllowed = allowed
            state.failure = nil
        case .failure(let failure):
            state.failure = failure
        }
        state.loaded = true
        state.busy = false
    }
}
