import Foundation
import KeelCore

/// The one door from the screens to the core: the generated bindings' one
/// `Vault`, behind a serial executor. Every core call runs off the main
/// actor, one at a time (the vault has one lock, so parallel calls would only
/// queue inside it), and answers a `Result` whose failure is a `CoreFailure`.
/// Records come back exactly as the core computed them.
///
/// Each feature keeps its calls in an extension of its own
/// (`VaultProxy+Today.swift`), each a thin wrapper over `perform`.
public final class VaultProxy: @unchecked Sendable {
    /// The vault's folder (file protection and backup exclusion are the app's glue).
    public let directory: URL

    private let queue = DispatchQueue(label: "org.keel.core", qos: .userInitiated)
    /// Guards `vault` itself; the calls on it are serialised by `queue`.
    private let lockGuard = NSLock()
    private var vault: Vault?
    private let clock: @Sendable () -> Date
    private let timeZone: @Sendable () -> TimeZone

    public init(
        directory: URL,
        clock: @escaping @Sendable () -> Date = { Date() },
        timeZone: @escaping @Sendable () -> TimeZone = { TimeZone.current }
    ) {
        self.directory = directory
        self.clock = clock
        self.timeZone = timeZone
    }

    // MARK: The executor

    /// Runs `work` with the opened vault on the core's serial queue; a core
    /// error comes back as a `CoreFailure`.
    public func perform<T: Sendable>(_ work: @escaping @Sendable (Vault) throws -> T) async -> Result<T, CoreFailure> {
        await run { try work(self.opened()) }
    }

    /// Runs a core call that needs no vault (estimates, templates, players) the same way.
    public func performCore<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async -> Result<T, CoreFailure> {
        await run(work)
    }

    private func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async -> Result<T, CoreFailure> {
        await withCheckedContinuation { (continuation: CheckedContinuation<Result<T, CoreFailure>, Never>) in
            queue.async {
                let result: Result<T, CoreFailure>
                do {
                    result = .success(try work())
                } catch {
                    result = .failure(CoreFailure(any: error))
                }
                continuation.resume(returning: result)
            }
        }
    }

    // MARK: The clock

    /// The phone's now as the core takes it: UTC milliseconds and the IANA zone.
    public func now() -> Now {
        Now(utcMillis: Self.millis(clock()), zone: timeZone().identifier)
    }

    /// The phone's instant with the offset in force: when an entry logged now happened.
    public func moment() -> Moment {
        let date = clock()
        let offset = timeZone().secondsFromGMT(for: date) / 60
        return Moment(utcMillis: Self.millis(date), offsetMinutes: Int32(offset))
    }

    static func millis(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
    }

    // MARK: The session

    /// True if a vault exists here: show Unlock rather than first launch.
    public func exists() async -> Bool {
        let dir = directory.path
        let answer = await performCore { vaultExists(dir: dir) }
        return (try? answer.get()) ?? false
    }

    /// Creates the vault with `passphrase`; it is unlocked afterwards.
    public func create(passphrase: String) async -> Result<Void, CoreFailure> {
        let dir = directory.path
        let made = await performCore { try Vault.create(dir: dir, passphrase: passphrase) }
        return made.map { vault in self.replace(with: vault) }
    }

    /// Unlocks with the passphrase (a key derivation: long).
    public func unlock(passphrase: String) async -> Result<Void, CoreFailure> {
        await perform { vault in try vault.unlockWithPassphrase(passphrase: passphrase) }
    }

    /// Unlocks with the device secret the Keychain released after a biometric.
    public func unlock(deviceSecret: Data) async -> Result<Void, CoreFailure> {
        await perform { vault in try vault.unlockWithDeviceSecret(secret: deviceSecret) }
    }

    /// Drops every key at once; never waits behind running work.
    public func lock() {
        current()?.lock()
    }

    /// True unless unlocked; never waits.
    public var isLocked: Bool {
        current()?.isLocked() ?? true
    }

    /// Forgets the vault object after a wipe (its files are gone).
    public func forget() {
        lockGuard.lock()
        vault = nil
        lockGuard.unlock()
    }

    /// The vault a restore made: it is this proxy's vault from now on.
    func adopt(_ vault: Vault) {
        replace(with: vault)
    }

    private func replace(with new: Vault) {
        lockGuard.lock()
        vault = new
        lockGuard.unlock()
    }

    private func current() -> Vault? {
        lockGuard.lock()
        defer { lockGuard.unlock() }
        return vault
    }

    /// The vault, opened on first use (runs on the queue).
    private func opened() throws -> Vault {
        if let vault = current() { return vault }
        let new = try Vault.open(dir: directory.path)
        replace(with: new)
        return new
    }
}
