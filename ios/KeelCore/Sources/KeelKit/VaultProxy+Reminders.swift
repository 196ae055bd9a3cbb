import Foundation
import KeelCore

extension VaultProxy: ReminderCalls {
    public func upcomingReminders(horizonHours: UInt32, limit: UInt32?, language: Language) async -> Result<[Reminder], CoreFailure> {
        let now = now()
        return await perform { vault in
            try vault.upcomingReminders(now: now, horizonHours: horizonHours, limit: limit, language: language)
        }
    }
}
