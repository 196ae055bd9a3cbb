import Foundation
import KeelCore
import Observation

/// The weekly program requirement as the participant types it: hours
/// (decimals allowed, with a point or a comma) and sessions, blank for none.
public struct MeetingRequirementDraft: Equatable, Sendable {
    public var hours: String
    public var sessions: String
    /// What was typed does not read as numbers.
    public var problem: Bool

    public init(hours: String = "", sessions: String = "", problem: Bool = false) {
        self.hours = hours
        self.sessions = sessions
        self.problem = problem
    }
}

/// Where the calendar export is: asked (the warning shown), handed to the
/// app the participant chose, or the exporter could not take it.
public enum MeetingsExportStep: Equatable, Sendable {
    case confirm, shared, failed
}

/// The calendar file waiting for the system's exporter: where it is and the
/// name the core gave it.
public struct MeetingsExportFile: Equatable, Sendable {
    public let url: URL
    public let fileName: String
}

/// The Meetings screen: the core's `MeetingsScreen` as it came (the week's
/// hours and sessions against the requirement, streak and rate, today and
/// the coming week, what "I'm here" would record, recent attendance), the
/// phone's zone the times are shown in, and the screen's own flags.
@Observable @MainActor
public final class MeetingsModel {
    public struct State {
        public var screen: MeetingsScreen?
        public var zone: String?
        public var kindLabels: [MeetingKind: String] = [:]
        public var busy: Bool = false
        public var failure: CoreFailure?
        /// The requirement being changed; nil when not.
        public var requirement: MeetingRequirementDraft?
        public var export: MeetingsExportStep?
        /// The calendar file made after the participant confirmed, for the exporter; nil otherwise.
        public var exportFile: MeetingsExportFile?
        /// Just recorded by "I'm here", to say so.
        public var checkedIn: AttendanceRecord?

        public init() {}
    }

    public enum Action: Sendable {
        case imHere
        case editRequirement
        case requirement(MeetingRequirementDraft)
        case saveRequirement
        case cancelRequirement
        /// Shows what the calendar file holds and that it is not locked, before anything leaves.
        case askExport
        case confirmExport
        case cancelExport
        /// The exporter is done: true handed over, false failed, nil closed without a choice.
        case exported(Bool?)
    }

    public private(set) var state = State()

    private let calls: any MeetingsCalls
    private let language: @MainActor () -> Language
    private let scratch: ExportScratch

    public init(
        calls: any MeetingsCalls,
        language: @escaping @MainActor () -> Language,
        scratch: ExportScratch = .caches(folder: "meetings-calendar")
    ) {
        self.calls = calls
        self.language = language
        self.scratch = scratch
    }

    /// Reads the screen afresh; keeps a just-recorded "I'm here" to say so.
    public func load() async {
        state.busy = true
        state.failure = nil
        state.requirement = nil
        state.export = nil
        if state.exportFile == nil {
            // A file left from an export the app was closed during.
            scratch.clear()
        }
        let labels: [MeetingKind: String]
        switch await calls.meetingKindLabels(language: language()) {
        case .success(let value): labels = value
        case .failure(let failure): return fail(failure)
        }
        let zone = await calls.phoneZone()
        switch await calls.meetingsScreen() {
        case .success(let screen):
            state.screen = screen
            state.zone = zone
            state.kindLabels = labels
            state.busy = false
        case .failure(let failure):
            fail(failure)
        }
    }

    public func send(_ action: Action) async {
        switch action {
        case .imHere:
            await imHere()
        case .editRequirement:
            let settings = state.screen?.progress.settings
            state.requirement = MeetingRequirementDraft(
                hours: settings?.weeklyMinutes.map { Self.hoursField(minutes: $0) } ?? "",
                sessions: settings?.weeklySessions.map { String($0) } ?? ""
            )
            state.failure = nil
        case .requirement(let draft):
            edit(draft)
        case .saveRequirement:
            await saveRequirement()
        case .cancelRequirement:
            state.requirement = nil
            state.failure = nil
        case .askExport:
            state.export = .confirm
            state.failure = nil
        case .cancelExport:
            state.export = nil
        case .confirmExport:
            await export()
        case .exported(let handed):
            scratch.clear()
            state.exportFile = nil
            switch handed {
            case .some(true): state.export = .shared
            case .some(false): state.export = .failed
            case .none: state.export = nil
            }
        }
    }

    /// The requirement as typed now (each keystroke, at once).
    public func edit(_ draft: MeetingRequirementDraft) {
        var next = draft
        next.problem = false
        state.requirement = next
    }

    private func imHere() async {
        guard !state.busy else { return }
        state.busy = true
        state.failure = nil
        state.checkedIn = nil
        switch await calls.checkInToMeeting() {
        case .success(let record):
            state.checkedIn = record
            await load()
        case .failure(let failure):
            fail(failure)
        }
    }

    private func saveRequirement() async {
        guard let draft = state.requirement, let settings = state.screen?.progress.settings, !state.busy else { return }
        let minutes = Self.parseHours(draft.hours)
        let sessionsText = draft.sessions.trimmingCharacters(in: .whitespaces)
        let sessions = sessionsText.isEmpty ? nil : UInt16(sessionsText)
        if case .invalid = minutes {
            state.requirement?.problem = true
            return
        }
        if !sessionsText.isEmpty && sessions == nil {
            state.requirement?.problem = true
            return
        }
        var changed = settings
        if case .minutes(let value) = minutes {
            changed.weeklyMinutes = value
        } else {
            changed.weeklyMinutes = nil
        }
        changed.weeklySessions = sessions
        state.busy = true
        state.failure = nil
        switch await calls.saveMeetingSettings(changed) {
        case .success:
            await load()
        case .failure(let failure):
            fail(failure)
        }
    }

    private func export() async {
        guard !state.busy else { return }
        state.busy = true
        state.failure = nil
        switch await calls.meetingsCalendar(language: language()) {
        case .success(let calendar):
            state.busy = false
            do {
                let url = try scratch.write(Data(calendar.content.utf8), name: calendar.fileName)
                state.exportFile = MeetingsExportFile(url: url, fileName: url.lastPathComponent)
            } catch {
                scratch.clear()
                state.export = .failed
            }
        case .failure(let failure):
            fail(failure)
        }
    }

    private func fail(_ failure: CoreFailure) {
        state.busy = false
        state.failure = failure
    }

    /// Hours as typed, read.
    public enum Hours: Equatable, Sendable {
        /// Blank: no requirement.
        case blank
        case minutes(UInt32)
        case invalid
    }

    /// "7.5" or "7,5" → 450 minutes; blank → `.blank`; anything else (a sign, letters, too large) → invalid.
    public nonisolated static func parseHours(_ text: String) -> Hours {
        let typed = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".")
        if typed.isEmpty { return .blank }
        let parts = typed.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2,
              parts.allSatisfy({ part in part.allSatisfy { $0.isASCII && $0.isNumber } }),
              parts.contains(where: { !$0.isEmpty }),
              let hours = Double(typed.hasPrefix(".") ? "0" + typed : typed)
        else { return .invalid }
        let minutes = (hours * 60).rounded()
        guard minutes <= Double(UInt32.max) else { return .invalid }
        return .minutes(UInt32(minutes))
    }

    /// 450 minutes → "7.5", 500 → "8.33": the saved requirement as the field shows it.
    public nonisolated static func hoursField(minutes: UInt32) -> String {
        let hundredths = (UInt64(minutes) * 100 + 30) / 60
        let whole = hundredths / 100
        let fraction = hundredths % 100
        if fraction == 0 { return String(whole) }
        if fraction % 10 == 0 { return "\(whole).\(fraction / 10)" }
        return String(format: "%llu.%02llu", whole, fraction)
    }
}
