import Foundation
import Observation
import KeelCore

/// Backup and restore into this vault.
///
/// Backing up: a backup passphrase (the participant's own, with the core's
/// strength estimate, or the core's suggestion to write down), then the core
/// makes the encrypted file, which goes to this screen's outbox under the
/// core's name only until the save picker closes (`saving`); `saved` says
/// what went in, `notSaved` that no place was chosen.
///
/// Restoring: a file, its passphrase, the core's inspection against this
/// vault (`contents`: what the file holds, from when, and what the vault
/// holds already), an explicit confirmation (`confirming`), then the
/// backup's records are added beside the vault's own (the core's
/// `addToExisting`: nothing here is replaced or deleted) and `restored`
/// says how many. `progress` is 0...1 while the core works on `part`; Cancel
/// stops it and nothing is written.
@Observable
@MainActor
public final class BackupModel {
    /// Which half of the screen a progress bar or a problem belongs to.
    public enum Part: Equatable, Sendable {
        case backup
        case restore
    }

    public struct State {
        public var backupPassphrase = ""
        /// The core's suggestion, shown in clear while it is the passphrase typed.
        public var suggested: String?
        /// The core's strength estimate of the passphrase typed.
        public var estimate: PassphraseEstimate?
        /// The backup made, in the outbox, waiting for the save picker.
        public var saving: OutboxFile?
        public var saved: BackupSummary?
        public var notSaved = false
        public var hasFile = false
        public var restorePassphrase = ""
        public var contents: BackupContents?
        public var confirming = false
        public var restored: RestoreSummary?
        public var part: Part?
        /// 0...1 while the core works; nil otherwise.
        public var progress: Double?
        public var problem: BackupProblem?

        public init() {}

        public var busy: Bool { progress != nil || saving != nil }
        public var canBackUp: Bool { !busy && !backupPassphrase.isEmpty }
        public var canInspect: Bool { hasFile && !busy && !restorePassphrase.isEmpty && contents == nil }
        public func problem(of part: Part) -> BackupProblem? { self.part == part ? problem : nil }
        public func progress(of part: Part) -> Double? { self.part == part ? progress : nil }
    }

    public enum Action: Sendable {
        case backupPassphrase(String)
        case suggest
        /// Makes the backup, then the save picker opens.
        case backUp
        /// The save picker closed: saved or not.
        case saved(Bool)
        /// The bytes of the backup file the participant picked (nil: it could not be read).
        case file(Data?)
        case restorePassphrase(String)
        case inspect
        /// Asks for the confirmation; nothing is written yet.
        case restore
        /// The participant confirmed: the backup's records are added.
        case confirmRestore
        /// The participant decided against it at the confirmation.
        case keepAsIs
        /// Stops the core's work in progress; nothing is written.
        case cancel
    }

    public private(set) var state = State()

    private let calls: any BackupCalls
    private let session: any SessionCalls
    private let language: @MainActor () -> Language
    private let outbox: Outbox
    private let sleeper: Sleeper
    /// The picked backup's bytes (encrypted), only while needed.
    @ObservationIgnored private var file: Data?
    @ObservationIgnored private var token: CancelToken?
    @ObservationIgnored private var pendingSummary: BackupSummary?
    @ObservationIgnored private var estimateTask: Task<Void, Never>?

    public init(
        calls: any BackupCalls,
        session: any SessionCalls,
        language: @escaping @MainActor () -> Language,
        outbox: Outbox,
        sleeper: @escaping Sleeper = Sleepers.clock
    ) {
        self.calls = calls
        self.session = session
        self.language = language
        self.outbox = outbox
        self.sleeper = sleeper
    }

    deinit {
        // The screen is gone (left, or replaced by Unlock): no backup file stays behind.
        outbox.empty()
    }

    /// A fresh screen: nothing typed, no file kept from before, the outbox empty.
    public func open() {
        token?.cancel()
        token = nil
        estimateTask?.cancel()
        file = nil
        pendingSummary = nil
        outbox.empty()
        state = State()
    }

    /// Waits for the pending estimate (tests).
    public func settle() async {
        await estimateTask?.value
    }

    public func send(_ action: Action) {
        switch action {
        case let .backupPassphrase(text):
            state.backupPassphrase = text
            if state.suggested != text { state.suggested = nil }
            state.estimate = nil
            if state.part == .backup { state.problem = nil }
            estimate(text)
        case .suggest:
            Task { await suggest() }
        case .backUp:
            Task { await backUp() }
        case let .saved(saved):
            handOff(saved)
        case let .file(bytes):
            guard !state.busy else { return }
            guard let bytes, !bytes.isEmpty else {
                state.part = .restore
                state.problem = .noFile
                return
            }
            file = bytes
            state.hasFile = true
            state.contents = nil
            state.confirming = false
            state.restored = nil
            if state.part == .restore { state.problem = nil }
        case let .restorePassphrase(text):
            state.restorePassphrase = text
            state.contents = nil
            state.confirming = false
            if state.part == .restore { state.problem = nil }
        case .inspect:
            Task { await inspect() }
        case .restore:
            guard state.contents != nil, !state.busy else { return }
            state.confirming = true
        case .confirmRestore:
            Task { await restore() }
        case .keepAsIs:
            state.confirming = false
        case .cancel:
            token?.cancel()
        }
    }

    func suggest() async {
        guard !state.busy else { return }
        switch await session.suggestPassphrase(language: language()) {
        case let .success(words):
            estimateTask?.cancel()
            state.backupPassphrase = words
            state.suggested = words
            state.estimate = nil
            state.problem = nil
            estimate(words, after: .zero)
        case .failure:
            state.part = .backup
            state.problem = .failed
        }
    }

    func backUp() async {
        guard state.canBackUp else { return }
        let cancel = CancelToken()
        token = cancel
        state.part = .backup
        state.progress = 0
        state.problem = nil
        state.saved = nil
        state.notSaved = false
        let answer = await calls.backup(passphrase: state.backupPassphrase, progress: progressSink(), cancel: cancel)
        guard token === cancel else { return }
        token = nil
        state.progress = nil
        switch answer {
        case let .success(made):
            if cancel.isCancelled() {
                state.problem = .cancelled
                return
            }
            do {
                state.saving = try outbox.put(made.bytes, named: made.fileName)
                pendingSummary = made.summary
            } catch {
                outbox.empty()
                state.problem = BackupProblem(Outbox.failure(error))
            }
        case let .failure(failure):
            state.problem = BackupProblem(failure, tooShort: .backupTooShort)
        }
    }

    /// The save picker closed: the file leaves the outbox either way.
    func handOff(_ saved: Bool) {
        guard state.saving != nil else { return }
        outbox.empty()
        state.saving = nil
        state.saved = saved ? pendingSummary : nil
        state.notSaved = !saved
        pendingSummary = nil
    }

    func inspect() async {
        guard state.canInspect, let bytes = file else { return }
        let cancel = CancelToken()
        token = cancel
        state.part = .restore
        state.progress = 0
        state.problem = nil
        state.contents = nil
        state.restored = nil
        let answer = await calls.inspectAgainstVault(bytes, passphrase: state.restorePassphrase, progress: progressSink(), cancel: cancel)
        guard token === cancel else { return }
        token = nil
        state.progress = nil
        switch answer {
        case let .success(contents):
            state.contents = contents
        case let .failure(failure):
            state.problem = BackupProblem(failure)
        }
    }

    func restore() async {
        guard let bytes = file, state.confirming, state.contents != nil, !state.busy else { return }
        let cancel = CancelToken()
        token = cancel
        state.part = .restore
        state.progress = 0
        state.problem = nil
        state.confirming = false
        let answer = await calls.restoreIntoVault(bytes, passphrase: state.restorePassphrase, progress: progressSink(), cancel: cancel)
        guard token === cancel else { return }
        token = nil
        state.progress = nil
        switch answer {
        case let .success(summary):
            file = nil
            state.restored = summary
            state.hasFile = false
            state.contents = nil
            state.restorePassphrase = ""
        case let .failure(failure):
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

    private func estimate(_ text: String, after wait: Duration = FirstLaunchModel.debounce) {
        estimateTask?.cancel()
        guard !text.isEmpty else { return }
        estimateTask = PassphraseEstimates.task(
            text,
            after: wait,
            language: language(),
            session: session,
            sleeper: sleeper,
            current: { [weak self] in self?.state.backupPassphrase },
            apply: { [weak self] in self?.state.estimate = $0 }
        )
    }
}
