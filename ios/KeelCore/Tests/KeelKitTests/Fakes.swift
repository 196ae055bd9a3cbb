import Foundation
import KeelCore
@testable import KeelKit

/// A vault without a vault: answers what a test sets, records what was asked.
final class FakeSession: SessionCalls, SosCalls, SettingsCalls, ReminderCalls, @unchecked Sendable {
    var vaultExists = false
    var lockedNow = true
    var passphrase = "correct horse battery staple"
    var createAnswer: Result<Void, CoreFailure> = .success(Void())
    var estimateAcceptable = true
    var suggestion = "river lamp orbit velvet"
    var slots: [String] = []
    var nextSlot = 1
    var crisis: Result<CrisisPlan, CoreFailure> = .success(FakeSession.defaultCrisis)
    var changeAnswer: Result<Void, CoreFailure>?
    var wipeAnswer: Result<Void, CoreFailure> = .success(Void())
    var reminders: [Reminder] = []
    var remindersAsked: [Language] = []

    private(set) var created: [String] = []
    private(set) var unlockedWith: [String] = []
    private(set) var secretsTried: [Data] = []
    private(set) var removed: [String] = []
    private(set) var estimated: [String] = []
    private(set) var locks = 0
    private(set) var wipes = 0

    static let defaultCrisis = CrisisPlan(
        lapsePlan: LapsePlan(
            steps: [],
            overdoseSafety: [],
            crisisLines: [CrisisLine(name: "988", phone: "988", canText: true, note: "")]
        ),
        contacts: [],
        saved: false
    )

    func exists() async -> Bool { vaultExists }

    func create(passphrase: String) async -> Result<Void, CoreFailure> {
        created.append(passphrase)
        if case .success = createAnswer {
            vaultExists = true
            lockedNow = false
        }
        return createAnswer
    }

    func estimatePassphrase(_ passphrase: String, language: Language) async -> Result<PassphraseEstimate, CoreFailure> {
        estimated.append(passphrase)
        return .success(Self.estimate(acceptable: estimateAcceptable))
    }

    func suggestPassphrase(language: Language) async -> Result<String, CoreFailure> { .success(suggestion) }

    func unlock(passphrase: String) async -> Result<Void, CoreFailure> {
        unlockedWith.append(passphrase)
        guard passphrase == self.passphrase else { return .failure(.wrongPassphrase) }
        lockedNow = false
        return .success(Void())
    }

    func unlock(deviceSecret: Data) async -> Result<Void, CoreFailure> {
        secretsTried.append(deviceSecret)
        lockedNow = false
        return .success(Void())
    }

    func addDeviceSlot() async -> Result<NewDeviceSlot, CoreFailure> {
        let id = "slot-\(nextSlot)"
        nextSlot += 1
        slots.append(id)
        return .success(NewDeviceSlot(slotId: id, secret: DeviceSecret(noHandle: DeviceSecret.NoHandle())))
    }

    func deviceSlots() async -> Result<[String], CoreFailure> { .success(slots) }

    func removeSlot(_ slotId: String) async -> Result<Void, CoreFailure> {
        removed.append(slotId)
        slots.removeAll { $0 == slotId }
        return .success(Void())
    }

    func lock() {
        locks += 1
        lockedNow = true
    }

    var isLocked: Bool { lockedNow }

    func crisisPlan(language: Language) async -> Result<CrisisPlan, CoreFailure> { crisis }

    func breathingPlayer(language: Language) async -> Result<any ExercisePlayerProtocol, CoreFailure> {
        .failure(.internal)
    }

    func changePassphrase(current: String, new: String) async -> Result<Void, CoreFailure> {
        if let changeAnswer { return changeAnswer }
        guard current == passphrase else { return .failure(.wrongPassphrase) }
        passphrase = new
        return .success(Void())
    }

    func wipe() async -> Result<Void, CoreFailure> {
        wipes += 1
        if case .success = wipeAnswer {
            vaultExists = false
            lockedNow = true
        }
        return wipeAnswer
    }

    func upcomingReminders(horizonHours: UInt32, limit: UInt32?, language: Language) async -> Result<[Reminder], CoreFailure> {
        remindersAsked.append(language)
        return .success(reminders)
    }

    static func estimate(acceptable: Bool) -> PassphraseEstimate {
        PassphraseEstimate(
            acceptable: acceptable,
            level: acceptable ? .strong : .veryWeak,
            guessesLog10: acceptable ? 14 : 2,
            crackTime: CrackTime(unit: acceptable ? .centuries : .seconds, amount: 3),
            crackTimeText: acceptable ? "centuries" : "3 seconds",
            reason: acceptable ? nil : .tooShort,
            message: "",
            suggestions: []
        )
    }
}

/// Biometrics that answer what a test sets.
@MainActor
final class FakeBiometrics: Biometrics {
    var isAvailable = true
    var storedSlot: String?
    var enrolAnswer = true
    var unlockAnswer: BiometricUnlock = .cancelled
    private(set) var enrolments: [String] = []

    func available() -> Bool { isAvailable }
    func enrolled() -> Bool { storedSlot != nil }

    func enrol(_ slot: NewDeviceSlot) async -> Bool {
        enrolments.append(slot.slotId)
        if enrolAnswer { storedSlot = slot.slotId }
        return enrolAnswer
    }

    func unlock() async -> BiometricUnlock {
        if case .invalidated = unlockAnswer { storedSlot = nil }
        return unlockAnswer
    }

    func forget() -> String? {
        defer { storedSlot = nil }
        return storedSlot
    }
}

/// Notifications kept in a list.
@MainActor
final class FakeNotifications: ReminderNotifications {
    var held: [ScheduledReminder] = []
    var isAllowed = true
    private(set) var cancelled: [[String]] = []
    private(set) var scheduled: [[ScheduledReminder]] = []

    func pending() async -> [ScheduledReminder] { held }

    func schedule(_ reminders: [ScheduledReminder]) async {
        scheduled.append(reminders)
        for reminder in reminders {
            held.removeAll { $0.id == reminder.id }
            held.append(reminder)
        }
    }

    func cancel(ids: [String]) async {
        cancelled.append(ids)
        held.removeAll { ids.contains($0.id) }
    }

    func allowed() async -> Bool { isAllowed }
    func ask() async -> Bool { isAllowed }
}

@MainActor
final class FakeIcon: AppIconSwitch {
    private(set) var neutral: [Bool] = []
    func useNeutralIcon(_ neutral: Bool) async -> Bool {
        self.neutral.append(neutral)
        return true
    }
}

/// A sleeper that returns at once: countdowns and timers run to their end.
let noWait: Sleeper = { _ in await Task.yield() }

/// A clock a test moves by hand.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var instant = ContinuousClock.now

    func now() -> ContinuousClock.Instant {
        lock.lock()
        defer { lock.unlock() }
        return instant
    }

    func advance(_ duration: Duration) {
        lock.lock()
        instant = instant.advanced(by: duration)
        lock.unlock()
    }
}

func reminder(_ id: String, at millis: Int64, kind: ReminderKind = .checkIn, title: String = "Keel", body: String = "Time to check in") -> Reminder {
    Reminder(id: id, atUtcMillis: millis, kind: kind, title: title, body: body)
}
