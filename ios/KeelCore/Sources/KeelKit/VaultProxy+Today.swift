import Foundation
import KeelCore

/// The core calls the Today screen makes. The app's `VaultProxy` answers
/// them; tests answer them with a fake.
public protocol TodayCalls: Sendable {
    /// The Today record at the phone's now, its words in `language`.
    func today(language: Language) async -> Result<TodayScreen, CoreFailure>

    /// "I'm here": the core records the meeting on now as attended.
    func checkInToMeeting() async -> Result<AttendanceRecord, CoreFailure>
}

extension VaultProxy: TodayCalls {
    public func today(language: Language) async -> Result<TodayScreen, CoreFailure> {
        let now = self.now()
        return await perform { vault in try vault.today(now: now, language: language) }
    }

    public func checkInToMeeting() async -> Result<AttendanceRecord, CoreFailure> {
        let now = self.now()
        return await perform { vault in try vault.checkInToMeeting(now: now) }
    }
}

/// The screens' models' clock arithmetic: a phone instant as the core's
/// `Moment` (UTC milliseconds with the offset in force), and back.
public enum ScreenClock {
    /// The instant `date` with the offset `zone` has then: when an entry logged at `date` happened.
    public static func moment(at date: Date = Date(), zone: TimeZone = .current) -> Moment {
        Moment(utcMillis: millis(date), offsetMinutes: Int32(zone.secondsFromGMT(for: date) / 60))
    }

    /// The instant of `moment` as a `Date`.
    public static func date(of moment: Moment) -> Date {
        Date(timeIntervalSince1970: TimeInterval(moment.utcMillis) / 1000)
    }

    static func millis(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded())
    }
}
