import Foundation
import Observation
import KeelCore

/// The app's session, above every screen: the router, the participant's
/// language and discreet mode, the lock (timeout after leaving the
/// foreground, at once when the phone locks), the privacy cover, and the
/// reminders kept in line with the vault. The app's glue feeds it the
/// platform's events (scene phase, protected data); tests send the same.
@Observable
@MainActor
public final class AppSession {
    public let router: Router
    public let settings: any AppSettings
    public let biometrics: any Biometrics
    public let reminders: ReminderScheduler?

    /// The language every text is in (the participant's choice, else the phone's).
    public private(set) var language: Language
    /// Discreet mode: the locked screens name the app plainly.
    public private(set) var discreet: Bool
    /// The privacy cover is up: the app switcher's snapshot shows nothing personal.
    public private(set) var covered = false

    private let session: any SessionCalls
    @ObservationIgnored private var policy = LockPolicy()
    @ObservationIgnored private var lockTimer: Task<Void, Never>?
    private let clock: @Sendable () -> ContinuousClock.Instant
    private let sleeper: Sleeper

    public init(
        router: Router,
        session: any SessionCalls,
        settings: any AppSettings,
        biometrics: any Biometrics,
        reminders: ReminderScheduler? = nil,
        systemLanguage: Language = .english,
        clock: @escaping @Sendable () -> ContinuousClock.Instant = { ContinuousClock.now },
        sleeper: @escaping Sleeper = Sleepers.clock
    ) {
        self.router = router
        self.session = session
        self.settings = settings
        self.biometrics = biometrics
        self.reminders = reminders
        self.language = settings.language ?? systemLanguage
        self.discreet = settings.discreet
        self.clock = clock
        self.sleeper = sleeper
        Loc.use(language)
    }

    /// Decides the first screen.
    public func start() async {
        router.start(vaultExists: await session.exists())
    }

    public func setLanguage(_ language: Language) {
        settings.language = language
        self.language = language
        Loc.use(language)
        refreshReminders()
    }

    public func setDiscreet(_ on: Bool) {
        settings.discreet = on
        discreet = on
    }

    /// The vault was unlocked, created or restored: Today (then a screen a
    /// reminder asked for), and the reminders brought in line.
    public func unlocked() {
        stopLockTimer()
        router.unlocked()
        refreshReminders()
    }

    /// Locks now: every key dropped, everything replaced with Unlock.
    public func lock() {
        stopLockTimer()
        session.lock()
        router.lock()
    }

    /// The vault was erased: no reminder of an erased journal stays pending.
    public func wiped() {
        stopLockTimer()
        router.wiped()
        if let reminders {
            Task { await reminders.clear() }
        }
    }

    /// A change in the vault (a save, a delete): the reminders follow it.
    public func refreshReminders() {
        guard !session.isLocked, let reminders else { return }
        let language = language
        Task { await reminders.refresh(language: language) }
    }

    // MARK: Platform events

    /// The scene is no longer active (app switcher, a call, Control Center):
    /// the cover goes up before the system takes its snapshot.
    public func sceneInactive() {
        covered = true
    }

    /// The scene went to the background: the cover stays, and the lock
    /// follows the participant's timeout.
    public func sceneBackground() {
        covered = true
        guard !router.locked else { return }
        apply(policy.backgrounded(at: clock(), lockAfterSeconds: settings.lockAfterSeconds))
    }

    /// The scene is active again: locked if the timeout ran out meanwhile
    /// (a suspended app's timer may not have run; the clock decides).
    public func sceneActive() {
        stopLockTimer()
        apply(policy.foregrounded(at: clock(), lockAfterSeconds: settings.lockAfterSeconds))
        covered = false
    }

    /// The phone is locking (protected data will become unavailable): lock at once.
    public func protectedDataWillBecomeUnavailable() {
        covered = true
        apply(policy.protectedDataWillBecomeUnavailable())
    }

    private func apply(_ decision: LockPolicy.Decision) {
        switch decision {
        case .stay:
            break
        case .lockNow:
            if !router.locked { lock() }
        case let .lockAfter(seconds):
            stopLockTimer()
            let sleeper = sleeper
            lockTimer = Task { [weak self] in
                await sleeper(.seconds(seconds))
                guard !Task.isCancelled else { return }
                self?.timerFired()
            }
        }
    }

    private func timerFired() {
        lockTimer = nil
        if !router.locked { lock() }
    }

    private func stopLockTimer() {
        lockTimer?.cancel()
        lockTimer = nil
    }
}
