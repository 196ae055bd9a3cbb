import Foundation

/// The growing wait after a wrong passphrase. The core writes nothing on a
/// failed attempt (docs/decisions.md), so it counts nothing; the shell waits
/// 5 s after the first failure in a row, doubling, at most 5 minutes — on
/// Unlock and on the passphrase change alike, so an open Settings screen is
/// no faster a guessing machine than the locked app.
public enum UnlockWait {
    public static func seconds(afterFailures failures: Int) -> Int {
        guard failures > 0 else { return 0 }
        let shift = min(failures - 1, 16)
        return min(5 << shift, 300)
    }
}

extension UnlockWait {
    /// The wait counted down a second at a time, as Unlock, the passphrase
    /// change and the re-key all show it: `remaining` reads the seconds left
    /// (nil once the model is gone), `set` writes them one lower.
    @MainActor
    static func countdown(
        sleeper: @escaping Sleeper,
        remaining: @escaping @MainActor () -> Int?,
        set: @escaping @MainActor (Int) -> Void
    ) -> Task<Void, Never> {
        Task {
            while let left = remaining(), left > 0 {
                await sleeper(.seconds(1))
                if Task.isCancelled { return }
                guard let now = remaining() else { return }
                set(max(0, now - 1))
            }
        }
    }
}
