import Foundation
import Observation
import KeelCore

/// Restoring from a backup on first launch, in the order the participant
/// meets it: a file, its passphrase, what it holds and from when (the
/// core's inspection), then a passphrase for this phone (with the core's
/// estimate) and the restore. `progress` is 0...1 while the core works;
/// Cancel stops it and nothing is left behind. The file's bytes (sealed:
/// a backup is encrypted) stay in this model only until the restore is done
/// or the participant starts over.
@Observable
@MainActor
public final class FirstLaunchRestoreModel {
    public struct State {
        public var hasFile = false
        public var backupPassphrase = ""
        public var contents: BackupContents?
        public var passphrase = ""
        public var confirmation = ""
        public var estimate: PassphraseEstimate?
        /// 0...1 while the core works; nil otherwise.
        public var progress: Double?
        public var problem: BackupProblem?

        public var busy: Bool { progress != nil }
        public var canInspect: Bool { hasFile && !busy && !backupPassphrase.isEmpty }
        public var canRestore: Bool {
            contents != nil && !busy && !passphrase.isEmpty && !confirmation.isEmpty && (estimate?.acceptable ?? false)
        }
    }

    public enum Action {
        /// The bytes of the file the participant picked (nil: it could not be read).
        case file(Data?)
        case backupPassphrase(String)
        case inspect
        case passphrase(String)
        case confirmation(String)
        case restore
        case cancel
    }

    public private(set) var state = State()

    private let calls: any RestoreCalls
    private let session: any SessionCalls
    private let language: () -> Language
    private let sleeper: Sleeper
    private let onRestored: () -> Void
    private var file: Data?
    private var token: CancelToken?
    private var estimateTask: Task<Void, Never>?

    public init(
        calls: any RestoreCalls,
        session: any SessionCalls,
        language: @escaping () -> Language,
        sleeper: @escaping Sleeper = Sleepers.clock,
        onRestored: @escaping () -> Void
    ) {
        self.calls = calls
        self.session = session
        self.language = language
        self.sleeper = sleeper
        self.onRestored = onRestored
    }

    public func send(_ action: Action) {
        switch action {
        case let .file(bytes):
            guard !state.busy else { return }
            guard let bytes, !bytes.isEmpty else {
                state.problem = .noFile
                return
            }
            file = bytes
            state.hasFile = true
            state.contents = nil
            state.problem = nil
        case let .backupPassphrase(text):
            state.backupPassphrase = text
            state.contents = nil
            state.problem = nil
        case .inspect:
            Task { await inspect() }
        case let .passphrase(text):
            state.passphrase = text
            state.estimate = nil
            state.problem = nil
            estimate(after: FirstLaunchModel.debounce)
        case let .confirmation(text):
            state.confirmation = text
            state.problem = nil
        case .restore:
            Task { await restore() }
        case .cancel:
            token?.cancel()
        }
    }

    /// Starts over: no file, nothing typed.
    public func reset() {
        token?.cancel()
        file = nil
        estimateTask?.cancel()
        state = State()
    }

    /// Waits for the pending estimate (tests).
    public func settle() async {
        await estimateTask?.value
    }

    func inspect() async {
        guard state.canInspect, let bytes = file else { return }
        let cancel = CancelToken()
        token = cancel
        state.progress = 0
        state.problem = nil
        state.contents = nil
        switch await calls.inspectBackup(bytes, passphrase: state.backupPassphrase, progress: progressSink(), cancel: cancel) {
        case let .success(contents):
            state.contents = contents
        case let .failure(failure):
            state.problem = BackupProblem(failure)
        }
        state.progress = nil
    }

    func restore() async {
        await settle()
        guard state.canRestore, let bytes = file else { return }
        guard state.passphrase == state.confirmation else {
            state.problem = .mismatch
            return
        }
        let cancel = CancelToken()
        token = cancel
        state.progress = 0
        state.problem = nil
        let answer = await calls.restoreNew(
            bytes,
            backupPassphrase: state.backupPassphrase,
            passphrase: state.passphrase,
            progress: progressSink(),
            cancel: cancel
        )
        switch answer {
        case .success:
            file = nil
            state = State()
            onRestored()
        case let .failure(failure):
            state.progress = nil
            state.problem = BackupProblem(failure)
        }
    }

    private func progressSink() -> FractionProgress {
        FractionProgress { [weak self] fraction in
            Task { @MainActor in
                guard let self, self.state.progress != nil else { return }
                self.state.progress = fraction
            }
        }
    }

    private func estimate(after wait: Duration) {
        estimateTask?.cancel()
        let text = state.passphrase
        guard !text.isEmpty else { return }
        estimateTask = PassphraseEstimates.task(
            text,
            after: wait,
            language: language(),
            session: session,
            sleeper: sleeper,
            current: { [weak self] in self?.state.passphrase },
            apply: { [weak self] in self?.state.estimate = $0 }
        )
    }

    /// When a backup was made, in words, in the participant's language and
    /// at the offset it was made with.
    public static func madeOn(_ moment: Moment, language: Language) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: Loc.code(of: language))
        formatter.timeZone = TimeZone(secondsFromGMT: Int(moment.offsetMinutes) * 60)
        formatter.dateStyle = .long
        formatter.timeStyle = .short
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(moment.utcMillis) / 1000))
    }
}
