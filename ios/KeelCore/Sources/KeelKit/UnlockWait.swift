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
