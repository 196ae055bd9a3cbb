import Foundation
import KeelCore
import Observation

/// The four HALT states a log can carry.
public enum HaltPart: Sendable, CaseIterable {
    case hungry, angry, lonely, tired
}

/// What the participant still has to choose before saving.
public enum LogProblem: Sendable, Equatable {
    case level, outcome, mood, trigger, clockChoice
}

/// The steps of the log forms' time picker: buttons a thumb can hit at any text size.
public enum WhenChange: Sendable, CaseIterable {
    case dayEarlier, dayLater, today, yesterday, hourEarlier, hourLater, minutesEarlier, minutesLater
}

/// The log form of one entry kind, new or being edited. The choices are the
/// core's craving form as it came (the plan's triggers and if-then steps,
/// then recent free-text ones), plus whatever an edited entry already carries.
public struct LogState {
    public var kind: EntryKind
    /// The entry being edited; nil for a new one.
    public var editingId: String?
    public var loading: Bool = true
    /// When it happened: now for a new entry, the entry's own time when editing.
    public var at: Moment?
    /// The phone's IANA zone: the calendar a changed date and time is read in.
    public var zone: String = "UTC"
    /// The date and time steps are shown.
    public var changingWhen: Bool = false
    public var triggerOptions: [TriggerTag] = []
    public var copingOptions: [CopingTag] = []
    public var clocks: [SobrietyClockStatus] = []
    /// A craving's intensity or a check-in's craving level, 0 to 10.
    public var level: Int?
    public var triggers: [TriggerTag] = []
    public var coping: [CopingTag] = []
    public var halt = Halt(hungry: false, angry: false, lonely: false, tired: false)
    public var mood: Mood?
    public var outcome: CravingOutcome?
    public var howHandled: String = ""
    public var intention: String = ""
    public var anyUse: Bool = false
    public var substance: String = ""
    public var clockIds: [String] = []
    /// The lapse's clock choice: nil until the participant picks one.
    public var resetsClocks: Bool?
    public var notes: String = ""
    /// A trigger or a coping step in the participant's own words, being typed.
    public var newTrigger: String = ""
    public var newCoping: String = ""
    public var place: String = ""
    public var withWhom: String = ""
    public var durationMinutes: UInt32?
    public var sleepMinutes: UInt32?
    public var busy: Bool = false
    public var failure: CoreFailure?
    public var problem: LogProblem?
    public var confirmDelete: Bool = false
    /// Set once a new lapse is saved: the core's message and what comes next.
    public var lapseLogged: LapseLogged?
    /// Saved, deleted or finished: the screen closes.
    public var done: Bool = false

    public init(kind: EntryKind, editingId: String? = nil) {
        self.kind = kind
        self.editingId = editingId
    }

    public var editing: Bool { editingId != nil }
}

/// Logs a craving, a trigger encounter, a daily check-in or a lapse, and
/// edits or deletes one. Every decision (validation, the message after a
/// lapse, what a lapse does to the clocks) is the core's; the model only
/// checks that the choices the core needs were made.
@Observable @MainActor
public final class LogModel {
    public enum Action: Sendable {
        case level(Int)
        case toggleTrigger(TriggerTag)
        case toggleCoping(CopingTag)
        case newTrigger(String)
        case addTrigger
        case newCoping(String)
        case addCoping
        case toggleHalt(HaltPart)
        case mood(Mood)
        case outcome(CravingOutcome)
        case howHandled(String)
        case intention(String)
        case anyUse(Bool)
        case substance(String)
        case toggleClock(String)
        case resetsClocks(Bool)
        case notes(String)
        case place(String)
        case withWhom(String)
        /// A craving's length; nil: not sure.
        case duration(UInt32?)
        /// Last night's sleep on a check-in; nil: not sure.
        case sleep(UInt32?)
        /// Shows or hides the date and time steps.
        case changingWhen(Bool)
        /// One step of the time picker.
        case when(WhenChange)
        /// Back to this moment.
        case whenNow
        case askDelete
        case cancelDelete
        /// Leaves the message after a lapse.
        case finish
    }

    public private(set) var state: LogState

    private let calls: any LogCalls
    private let language: @MainActor () -> Language
    private let zone: TimeZone
    private let clock: @MainActor () -> Date

    public init(
        calls: any LogCalls,
        kind: EntryKind,
        entryId: String? = nil,
        language: @escaping @MainActor () -> Language,
        zone: TimeZone = .current,
        clock: @escaping @MainActor () -> Date = { Date() }
    ) {
        self.calls = calls
        self.language = language
        self.zone = zone
        self.clock = clock
        self.state = LogState(kind: kind, editingId: entryId)
    }

    /// Loads the form's choices and, when editing, the entry.
    public func load() async {
        let kind = state.kind
        let id = state.editingId
        state = LogState(kind: kind, editingId: id)
        let form: CravingForm
        switch await calls.cravingForm() {
        case .success(let value): form = value
        case .failure(let failure): return fail(failure)
        }
        var clocks: [SobrietyClockStatus] = []
        if kind == .lapse {
            switch await calls.clocks() {
            case .success(let value): clocks = value
            case .failure(let failure): return fail(failure)
            }
        }
        var next = LogState(kind: kind, editingId: id)
        next.loading = false
        next.at = moment()
        next.zone = zone.identifier
        next.clocks = clocks
        next.triggerOptions = form.triggers.map { TriggerTag(planTriggerId: $0.id, name: $0.name, category: $0.category) }
            + form.recentTriggers
        next.copingOptions = form.copingPlans.map { CopingTag(planCopingId: $0.id, text: $0.thenAction) } + form.recentCoping
        if let id {
            switch kind {
            case .craving:
                switch await calls.craving(id: id) {
                case .success(let entry): next.apply(entry)
                case .failure(let failure): return fail(failure)
                }
            case .encounter:
                switch await calls.encounter(id: id) {
                case .success(let entry): next.apply(entry)
                case .failure(let failure): return fail(failure)
                }
            case .checkIn:
                switch await calls.checkIn(id: id) {
                case .success(let entry): next.apply(entry)
                case .failure(let failure): return fail(failure)
                }
            case .lapse:
                switch await calls.lapse(id: id) {
                case .success(let entry): next.apply(entry)
                case .failure(let failure): return fail(failure)
                }
            }
        }
        state = next
    }

    /// A change to the form; clears the problem and the failure shown.
    public func send(_ action: Action) {
        switch action {
        case .askDelete:
            state.confirmDelete = true
            state.failure = nil
            return
        case .cancelDelete:
            state.confirmDelete = false
            return
        case .finish:
            state.done = true
            return
        default:
            break
        }
        var s = state
        s.problem = nil
        s.failure = nil
        switch action {
        case .level(let value): s.level = value
        case .toggleTrigger(let tag): s.triggers = Self.toggled(s.triggers, tag, key: Self.key)
        case .toggleCoping(let tag): s.coping = Self.toggled(s.coping, tag, key: Self.key)
        case .newTrigger(let text): s.newTrigger = text
        case .newCoping(let text): s.newCoping = text
        case .addTrigger:
            let name = s.newTrigger.trimmingCharacters(in: .whitespacesAndNewlines)
            if !name.isEmpty {
                // A new trigger in the participant's words; the core keeps it as "other".
                let tag = TriggerTag(planTriggerId: nil, name: name, category: .other)
                s.setTriggers(s.triggers.filter { Self.key($0) != Self.key(tag) } + [tag])
                s.newTrigger = ""
            }
        case .addCoping:
            let text = s.newCoping.trimmingCharacters(in: .whitespacesAndNewlines)
            if !text.isEmpty {
                let tag = CopingTag(planCopingId: nil, text: text)
                s.setCoping(s.coping.filter { Self.key($0) != Self.key(tag) } + [tag])
                s.newCoping = ""
            }
        case .toggleHalt(let part):
            switch part {
            case .hungry: s.halt.hungry.toggle()
            case .angry: s.halt.angry.toggle()
            case .lonely: s.halt.lonely.toggle()
            case .tired: s.halt.tired.toggle()
            }
        case .mood(let mood): s.mood = mood
        case .outcome(let outcome): s.outcome = outcome
        case .howHandled(let text): s.howHandled = text
        case .intention(let text): s.intention = text
        case .anyUse(let value): s.anyUse = value
        case .substance(let text): s.substance = text
        case .toggleClock(let id): s.clockIds = Self.toggled(s.clockIds, id, key: { $0 })
        case .resetsClocks(let value): s.resetsClocks = value
        case .notes(let text): s.notes = text
        case .place(let text): s.place = text
        case .withWhom(let text): s.withWhom = text
        case .duration(let minutes): s.durationMinutes = minutes
        case .sleep(let minutes): s.sleepMinutes = minutes
        case .changingWhen(let open): s.changingWhen = open
        case .when(let change):
            if let at = s.at {
                s.at = EntryTime.changed(at, by: change, now: clock(), zone: s.zone)
            }
        case .whenNow: s.at = moment()
        case .askDelete, .cancelDelete, .finish: break
        }
        state = s
    }

    /// Whether a chip of the form is chosen.
    public func isChosen(_ tag: TriggerTag) -> Bool {
        state.triggers.contains { Self.key($0) == Self.key(tag) }
    }

    public func isChosen(_ tag: CopingTag) -> Bool {
        state.coping.contains { Self.key($0) == Self.key(tag) }
    }

    /// Saves the entry (new or changed) once the choices the core needs are made.
    public func save() async {
        let s = state
        if s.busy || s.loading { return }
        if let problem = Self.missing(s) {
            state.problem = problem
            return
        }
        state.busy = true
        state.failure = nil
        state.problem = nil
        let at = s.at ?? moment()
        let context = EntryContext(place: s.place, withWhom: s.withWhom, halt: s.halt, mood: s.mood)
        switch s.kind {
        case .craving:
            let draft = CravingDraft(
                at: at, intensity: UInt8(clamping: s.level ?? 0), durationMinutes: s.durationMinutes,
                triggers: s.triggers, context: context, coping: s.coping, outcome: s.outcome ?? .other, notes: s.notes
            )
            if let id = s.editingId {
                finish(await calls.updateCraving(id: id, draft: draft))
            } else {
                finish(await calls.addCraving(draft))
            }
        case .encounter:
            let draft = EncounterDraft(
                at: at, triggers: s.triggers, context: context, howHandled: s.howHandled, coping: s.coping, notes: s.notes
            )
            if let id = s.editingId {
                finish(await calls.updateEncounter(id: id, draft: draft))
            } else {
                finish(await calls.addEncounter(draft))
            }
        case .checkIn:
            let draft = CheckInDraft(
                at: at, mood: s.mood ?? .okay, cravingLevel: UInt8(clamping: s.level ?? 0), sleepMinutes: s.sleepMinutes,
                intention: s.intention, anyUse: s.anyUse, halt: s.halt, notes: s.notes
            )
            if let id = s.editingId {
                finish(await calls.updateCheckIn(id: id, draft: draft))
            } else {
                finish(await calls.addCheckIn(draft))
            }
        case .lapse:
            let draft = LapseDraft(
                at: at, clockIds: s.clockIds, resetsClocks: s.resetsClocks ?? false, substance: s.substance,
                triggers: s.triggers, context: context, notes: s.notes
            )
            if let id = s.editingId {
                finish(await calls.updateLapse(id: id, draft: draft))
            } else {
                switch await calls.addLapse(draft, language: language()) {
                case .success(let logged):
                    state.busy = false
                    state.lapseLogged = logged
                case .failure(let failure):
                    fail(failure)
                }
            }
        }
    }

    /// Deletes the entry being edited (after the participant confirmed).
    public func delete() async {
        let s = state
        guard let id = s.editingId, !s.busy else { return }
        state.busy = true
        state.failure = nil
        switch s.kind {
        case .craving: finish(await calls.deleteCraving(id: id))
        case .encounter: finish(await calls.deleteEncounter(id: id))
        case .checkIn: finish(await calls.deleteCheckIn(id: id))
        case .lapse: finish(await calls.deleteLapse(id: id))
        }
    }

    private func finish<T>(_ result: Result<T, CoreFailure>) {
        switch result {
        case .success:
            state.busy = false
            state.confirmDelete = false
            state.done = true
        case .failure(let failure):
            fail(failure)
        }
    }

    private func fail(_ failure: CoreFailure) {
        state.loading = false
        state.busy = false
        state.confirmDelete = false
        state.failure = failure
    }

    private func moment() -> Moment {
        ScreenClock.moment(at: clock(), zone: zone)
    }

    /// The choices each kind needs before the core is asked (it checks the rest).
    static func missing(_ s: LogState) -> LogProblem? {
        switch s.kind {
        case .craving:
            if s.level == nil { return .level }
            if s.outcome == nil { return .outcome }
            return nil
        case .encounter:
            return s.triggers.isEmpty ? .trigger : nil
        case .checkIn:
            if s.mood == nil { return .mood }
            if s.level == nil { return .level }
            return nil
        case .lapse:
            return !s.clockIds.isEmpty && s.resetsClocks == nil ? .clockChoice : nil
        }
    }

    /// A trigger chip's identity: the plan's id, or the free-text name.
    nonisolated static func key(_ tag: TriggerTag) -> String {
        tag.planTriggerId ?? "name:" + tag.name
    }

    /// A coping chip's identity: the plan's id, or the free text.
    nonisolated static func key(_ tag: CopingTag) -> String {
        tag.planCopingId ?? "text:" + tag.text
    }

    static func toggled<T>(_ items: [T], _ item: T, key: (T) -> String) -> [T] {
        let k = key(item)
        if items.contains(where: { key($0) == k }) {
            return items.filter { key($0) != k }
        }
        return items + [item]
    }
}

extension LogState {
    /// The chosen triggers, with any not among the choices added to them.
    mutating func setTriggers(_ chosen: [TriggerTag]) {
        triggers = chosen
        for tag in chosen where !triggerOptions.contains(where: { LogModel.key($0) == LogModel.key(tag) }) {
            triggerOptions.append(tag)
        }
    }

    mutating func setCoping(_ chosen: [CopingTag]) {
        coping = chosen
        for tag in chosen where !copingOptions.contains(where: { LogModel.key($0) == LogModel.key(tag) }) {
            copingOptions.append(tag)
        }
    }

    mutating func setContext(_ context: EntryContext) {
        halt = context.halt
        mood = context.mood
        place = context.place
        withWhom = context.withWhom
    }

    mutating func apply(_ entry: Craving) {
        setTriggers(entry.triggers)
        setCoping(entry.coping)
        setContext(entry.context)
        at = entry.at
        level = Int(entry.intensity)
        outcome = entry.outcome
        durationMinutes = entry.durationMinutes
        notes = entry.notes
    }

    mutating func apply(_ entry: Encounter) {
        setTriggers(entry.triggers)
        setCoping(entry.coping)
        setContext(entry.context)
        at = entry.at
        howHandled = entry.howHandled
        notes = entry.notes
    }

    mutating func apply(_ entry: CheckIn) {
        at = entry.at
        mood = entry.mood
        level = Int(entry.cravingLevel)
        sleepMinutes = entry.sleepMinutes
        intention = entry.intention
        anyUse = entry.anyUse
        halt = entry.halt
        notes = entry.notes
    }

    mutating func apply(_ entry: Lapse) {
        setTriggers(entry.triggers)
        setContext(entry.context)
        at = entry.at
        clockIds = entry.clockIds
        resetsClocks = entry.resetsClocks
        substance = entry.substance
        notes = entry.notes
    }
}

/// When an entry happened, changed a step at a time in the participant's own
/// calendar. The participant sees and changes the entry's local date and time
/// in its own offset; the new moment takes the offset the phone's zone has at
/// the new local time (a step across a daylight-saving change keeps the clock
/// time they picked), unless the entry was logged under another offset
/// (travel): then its own offset is kept. Whether the result is in the future
/// is the core's to decide.
public enum EntryTime {
    /// How far one minutes step moves; the time snaps to this grid first.
    public static let minutesStep = 5

    public static func changed(_ at: Moment, by change: WhenChange, now: Date, zone: String) -> Moment {
        let frame = frame(of: at, zone: zone)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = frame
        let date = ScreenClock.date(of: at)
        var local = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .nanosecond], from: date)
        // Arithmetic on the wall-clock time, as on a calendar without zones.
        var wall = Calendar(identifier: .gregorian)
        wall.timeZone = TimeZone(secondsFromGMT: 0) ?? frame
        guard var floating = wall.date(from: local) else { return at }
        switch change {
        case .dayEarlier:
            floating = wall.date(byAdding: .day, value: -1, to: floating) ?? floating
        case .dayLater:
            floating = wall.date(byAdding: .day, value: 1, to: floating) ?? floating
        case .today, .yesterday:
            let today = calendar.dateComponents([.year, .month, .day], from: now)
            local.year = today.year
            local.month = today.month
            local.day = today.day
            floating = wall.date(from: local) ?? floating
            if change == .yesterday {
                floating = wall.date(byAdding: .day, value: -1, to: floating) ?? floating
            }
        case .hourEarlier:
            floating = wall.date(byAdding: .hour, value: -1, to: floating) ?? floating
        case .hourLater:
            floating = wall.date(byAdding: .hour, value: 1, to: floating) ?? floating
        case .minutesEarlier, .minutesLater:
            local.second = 0
            local.nanosecond = 0
            floating = wall.date(from: local) ?? floating
            let off = (local.minute ?? 0) % minutesStep
            let step: Int
            if change == .minutesEarlier {
                step = -(off == 0 ? minutesStep : off)
            } else {
                step = minutesStep - off
            }
            floating = wall.date(byAdding: .minute, value: step, to: floating) ?? floating
        }
        let next = wall.dateComponents([.year, .month, .day, .hour, .minute, .second, .nanosecond], from: floating)
        guard let moved = calendar.date(from: next) else { return at }
        return ScreenClock.moment(at: moved, zone: frame)
    }

    /// The phone's zone if the entry was logged under it, else the entry's fixed offset.
    static func frame(of at: Moment, zone: String) -> TimeZone {
        let own = TimeZone(secondsFromGMT: Int(at.offsetMinutes) * 60) ?? .current
        guard let phone = TimeZone(identifier: zone) else { return own }
        let offset = phone.secondsFromGMT(for: ScreenClock.date(of: at))
        return offset == Int(at.offsetMinutes) * 60 ? phone : own
    }
}
