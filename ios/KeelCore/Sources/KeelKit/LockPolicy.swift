import Foundation

/// When Keel locks, free of any platform: at once when the phone locks
/// (protected data becomes unavailable), and after the participant's timeout
/// once the app has left the foreground. Time is measured on a clock that
/// keeps counting while the phone sleeps (`ContinuousClock`), so a suspended
/// app that could not run its timer still locks when it comes back.
public struct LockPolicy: Sendable {
    /// What to do now.
    public enum Decision: Equatable, Sendable {
        /// Nothing changes.
        case stay
        /// Lock at once.
        case lockNow
        /// Lock when this many seconds have passed, unless the app comes back first.
        case lockAfter(seconds: Int)
    }

    public private(set) var backgroundedAt: ContinuousClock.Instant?

    public init() {}

    /// The app left the foreground (scene phase `.background`).
    public mutating func backgrounded(at instant: ContinuousClock.Instant, lockAfterSeconds: Int) -> Decision {
        if lockAfterSeconds <= 0 {
            backgroundedAt = nil
            return .lockNow
        }
        if backgroundedAt == nil { backgroundedAt = instant }
        return .lockAfter(seconds: lockAfterSeconds)
    }

    /// The app is in the foreground again: locked if the timeout ran out meanwhile.
    public mutating func foregrounded(at instant: ContinuousClock.Instant, lockAfterSeconds: Int) -> Decision {
        guard let since = backgroundedAt else { return .stay }
        backgroundedAt = nil
        return since.duration(to: instant) >= .seconds(lockAfterSeconds) ? .lockNow : .stay
    }

    /// The phone locked (protected data will become unavailable): lock at
    /// once, whatever the timeout; the vault's files cannot be read anyway.
    public mutating func protectedDataWillBecomeUnavailable() -> Decision {
        backgroundedAt = nil
        return .lockNow
    }
}
