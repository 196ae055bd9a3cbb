import Foundation
import KeelCore

/// The core's strength estimate of a passphrase being typed, as every
/// passphrase form asks for it (first launch, restore, the passphrase change,
/// a backup's own passphrase): after a pause in typing, and kept only if the
/// field still holds the same text when the answer comes.
enum PassphraseEstimates {
    /// Asks for the estimate of `text` after `wait` (at once when zero).
    /// `current` reads the field (nil once the model is gone); `apply` takes
    /// the estimate. Cancelling the task (a newer keystroke) drops the answer.
    @MainActor
    static func task(
        _ text: String,
        after wait: Duration,
        language: Language,
        session: any SessionCalls,
        sleeper: @escaping Sleeper,
        current: @escaping @MainActor () -> String?,
        apply: @escaping @MainActor (PassphraseEstimate) -> Void
    ) -> Task<Void, Never> {
        Task {
            if wait > .zero { await sleeper(wait) }
            guard !Task.isCancelled, current() != nil else { return }
            let answer = await session.estimatePassphrase(text, language: language)
            guard !Task.isCancelled, current() == text, case let .success(estimate) = answer else { return }
            apply(estimate)
        }
    }
}
