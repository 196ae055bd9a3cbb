import KeelCore
import KeelKit
import SwiftUI

/// The pieces the Today, Log, History and Plan screens share: headings and
/// body text that grow with Dynamic Type, choice chips that wrap, a core
/// failure in the participant's words, moments and days in their language.
/// Colours are the system's semantic ones, so dark mode follows the phone.
enum ScreenParts {
    /// The participant's chosen language: the words the core writes in (Today's suggestions,
    /// the message after a lapse, the history's summaries) and how dates are shown.
    static var language: Language { Loc.language }

    /// A core failure as the participant reads it: what happened and that nothing was lost.
    static func failureText(_ failure: CoreFailure) -> String {
        switch failure {
        case .notFound:
            return Loc.text("common_not_found")
        case let .invalidInput(field, reason):
            // An entry's time: the core refuses one still to come, or one before 2000.
            if field == "at" && reason == "in_future" { return Loc.text("screen_log_in_future") }
            if field == "at" { return Loc.text("screen_log_bad_time") }
            return Loc.text("common_invalid")
        case .storageFull:
            return Loc.text("common_storage_full")
        case .conflict:
            return Loc.text("common_conflict")
        case .locked:
            return Loc.text("common_locked")
        default:
            return Loc.text("common_error")
        }
    }

    /// An entry's date and time in its own offset (where it was logged), in the participant's language.
    static func momentText(_ moment: Moment, language: Language) -> String {
        let formatter = DateFormatter()
        formatter.locale = locale(language)
        formatter.timeZone = TimeZone(secondsFromGMT: Int(moment.offsetMinutes) * 60) ?? .current
        formatter.dateStyle = .medium
        formatter.timeStyle = .short
        return formatter.string(from: ScreenClock.date(of: moment))
    }

    /// A calendar day of the core's (no time, no zone) in the participant's language.
    static func dayText(_ day: CalendarDate, language: Language) -> String {
        var calendar = Calendar(identifier: .gregorian)
        let utc = TimeZone(secondsFromGMT: 0) ?? .current
        calendar.timeZone = utc
        let parts = DateComponents(year: Int(day.year), month: Int(day.month), day: Int(day.day), hour: 12)
        guard let date = calendar.date(from: parts) else { return "" }
        let formatter = DateFormatter()
        formatter.locale = locale(language)
        formatter.timeZone = utc
        formatter.dateStyle = .medium
        formatter.timeStyle = .none
        return formatter.string(from: date)
    }

    static func locale(_ language: Language) -> Locale {
        switch language {
        case .english: return Locale(identifier: "en_US")
        case .spanish: return Locale(identifier: "es")
        }
    }

    /// The non-blank parts joined the way every line of the app joins them ("a · b").
    static func joined(_ parts: [String]) -> String {
        let kept = parts.filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        guard var line = kept.first else { return "" }
        for part in kept.dropFirst() {
            line = Loc.text("common_joined", line, part)
        }
        return line
    }

    static func kindText(_ kind: EntryKind) -> String {
        switch kind {
        case .craving: return Loc.text("entry_craving")
        case .encounter: return Loc.text("entry_encounter")
        case .checkIn: return Loc.text("entry_check_in")
        case .lapse: return Loc.text("entry_lapse")
        }
    }

    static func moodText(_ mood: Mood) -> String {
        switch mood {
        case .veryLow: return Loc.text("mood_very_low")
        case .low: return Loc.text("mood_low")
        case .okay: return Loc.text("mood_okay")
        case .good: return Loc.text("mood_good")
        case .veryGood: return Loc.text("mood_very_good")
        }
    }

    static func outcomeText(_ outcome: CravingOutcome) -> String {
        switch outcome {
        case .ongoing: return Loc.text("outcome_ongoing")
        case .rodeItOut: return Loc.text("outcome_rode_it_out")
        case .leftTheSituation: return Loc.text("outcome_left")
        case .reachedOut: return Loc.text("outcome_reached_out")
        case .used: return Loc.text("outcome_used")
        case .other: return Loc.text("outcome_other")
        }
    }

    static func milestoneText(_ milestone: Milestone) -> String {
        let count = Int(milestone.count)
        switch milestone.unit {
        case .hours: return Loc.text("milestone_hours", count)
        case .days: return Loc.text("milestone_days", count)
        case .months: return Loc.text("milestone_months", count)
        case .years: return Loc.text("milestone_years", count)
        }
    }

    /// The moods in the core's order, low to high.
    static let moods: [Mood] = [.veryLow, .low, .okay, .good, .veryGood]

    /// The outcomes of a craving in the core's order.
    static let outcomes: [CravingOutcome] = [.ongoing, .rodeItOut, .leftTheSituation, .reachedOut, .used, .other]
}

/// A screen's frame: its content in one scrolling column, under its title,
/// on the grouped background where the screen shows cards; `lazy` for a
/// long list made as it scrolls.
struct JournalPage<Content: View>: View {
    let title: String
    let grouped: Bool
    let lazy: Bool
    let content: Content

    init(title: String, grouped: Bool = false, lazy: Bool = false, @ViewBuilder content: () -> Content) {
        self.title = title
        self.grouped = grouped
        self.lazy = lazy
        self.content = content()
    }

    var body: some View {
        if grouped {
            column
                .background(Color(uiColor: .systemGroupedBackground))
                .navigationTitle(title)
        } else {
            column
                .navigationTitle(title)
        }
    }

    private var column: some View {
        ScrollView {
            stack
                .padding()
        }
    }

    @ViewBuilder
    private var stack: some View {
        if lazy {
            LazyVStack(alignment: .leading, spacing: 12) {
                content
            }
        } else {
            VStack(alignment: .leading, spacing: 12) {
                content
            }
        }
    }
}

/// A section heading: a header trait for VoiceOver's rotor.
struct JournalHeading: View {
    let text: String

    init(_ text: String) { self.text = text }

    var body: some View {
        Text(text)
            .font(.headline)
            .frame(maxWidth: .infinity, alignment: .leading)
            .padding(.top, 8)
            .accessibilityAddTraits(.isHeader)
    }
}

/// Body text that wraps at any size.
struct JournalText: View {
    let text: String

    init(_ text: String) { self.text = text }

    var body: some View {
        Text(text)
            .font(.body)
            .frame(maxWidth: .infinity, alignment: .leading)
            .fixedSize(horizontal: false, vertical: true)
    }
}

/// A core failure, said in the participant's words in the error colour.
struct JournalFailure: View {
    let failure: CoreFailure

    var body: some View {
        JournalProblem(ScreenParts.failureText(failure))
    }
}

/// A form while it loads: working, or the core failure that stopped it.
struct JournalLoading: View {
    let failure: CoreFailure?

    var body: some View {
        if let failure {
            JournalFailure(failure: failure)
        } else {
            JournalText(Loc.text("common_working"))
        }
    }
}

/// A problem the participant can fix on the form itself, in the error colour.
struct JournalProblem: View {
    let text: String

    init(_ text: String) { self.text = text }

    var body: some View {
        Text(text)
            .font(.body)
            .foregroundStyle(Color.red)
            .frame(maxWidth: .infinity, alignment: .leading)
            .fixedSize(horizontal: false, vertical: true)
    }
}

/// Rows of views that wrap onto the next line when the width runs out, so
/// chips and buttons stay whole at the accessibility text sizes.
struct JournalFlow: Layout {
    var spacing: CGFloat = 8

    func sizeThatFits(proposal: ProposedViewSize, subviews: Subviews, cache: inout ()) -> CGSize {
        let maxWidth = proposal.width ?? .infinity
        var x: CGFloat = 0
        var y: CGFloat = 0
        var rowHeight: CGFloat = 0
        var widest: CGFloat = 0
        for subview in subviews {
            let size = subview.sizeThatFits(ProposedViewSize(width: maxWidth, height: nil))
            if x > 0 && x + size.width > maxWidth {
                y += rowHeight + spacing
                x = 0
                rowHeight = 0
            }
            x += size.width + spacing
            rowHeight = max(rowHeight, size.height)
            widest = max(widest, x - spacing)
        }
        return CGSize(width: min(widest, maxWidth), height: y + rowHeight)
    }

    func placeSubviews(in bounds: CGRect, proposal: ProposedViewSize, subviews: Subviews, cache: inout ()) {
        var x = bounds.minX
        var y = bounds.minY
        var rowHeight: CGFloat = 0
        for subview in subviews {
            let size = subview.sizeThatFits(ProposedViewSize(width: bounds.width, height: nil))
            if x > bounds.minX && x + size.width > bounds.maxX {
                y += rowHeight + spacing
                x = bounds.minX
                rowHeight = 0
            }
            let width = min(size.width, bounds.width)
            subview.place(at: CGPoint(x: x, y: y), proposal: ProposedViewSize(width: width, height: size.height))
            x += width + spacing
            rowHeight = max(rowHeight, size.height)
        }
    }
}

/// One choice among several (or one of many to toggle): selected shows a
/// check mark and the selected trait, so it is not told by colour alone.
struct JournalChip: View {
    let label: String
    let selected: Bool
    /// What VoiceOver says instead of `label` (a number alone says little).
    var spoken: String? = nil
    var enabled: Bool = true
    let action: () -> Void

    var body: some View {
        Button(action: action) {
            HStack(spacing: 6) {
                if selected {
                    Image(systemName: "checkmark")
                        .accessibilityHidden(true)
                }
                Text(label)
                    .multilineTextAlignment(.leading)
                    .fixedSize(horizontal: false, vertical: true)
            }
            .padding(.horizontal, 14)
            .padding(.vertical, 10)
            .frame(minWidth: 44, minHeight: 44)
            .foregroundStyle(selected ? Color.primary : Color.secondary)
            .background(
                selected ? Color.accentColor.opacity(0.25) : Color(uiColor: .secondarySystemBackground),
                in: RoundedRectangle(cornerRadius: 12)
            )
            .overlay(
                RoundedRectangle(cornerRadius: 12)
                    .strokeBorder(selected ? Color.accentColor : Color(uiColor: .separator))
            )
        }
        .buttonStyle(.plain)
        .disabled(!enabled)
        .accessibilityLabel(spoken ?? label)
        .accessibilityAddTraits(selected ? .isSelected : [])
    }
}

/// A full-width button: the main action of a screen or a way to another one.
struct JournalButton: View {
    let title: String
    var prominent: Bool = false
    var destructive: Bool = false
    var enabled: Bool = true
    let action: () -> Void

    var body: some View {
        Group {
            if prominent {
                button.buttonStyle(.borderedProminent)
            } else {
                button.buttonStyle(.bordered)
            }
        }
        .disabled(!enabled)
        .accessibilityLabel(title)
    }

    /// The button itself; only its style differs between prominent and not.
    private var button: some View {
        Button(role: destructive ? .destructive : nil, action: action) { label }
    }

    private var label: some View {
        Text(title)
            .multilineTextAlignment(.center)
            .fixedSize(horizontal: false, vertical: true)
            .frame(maxWidth: .infinity, minHeight: 44)
    }
}

/// Deleting in two steps: the destructive button, then the question in a
/// tinted card with yes (destructive) and no.
struct JournalDelete: View {
    let title: String
    let question: String
    let yes: String
    let no: String
    let confirming: Bool
    let busy: Bool
    let ask: () -> Void
    let cancel: () -> Void
    let delete: () -> Void

    var body: some View {
        if confirming {
            VStack(alignment: .leading, spacing: 8) {
                JournalText(question)
                JournalButton(title: yes, prominent: true, destructive: true, enabled: !busy, action: delete)
                JournalButton(title: no, action: cancel)
            }
            .padding()
            .background(Color.red.opacity(0.12), in: RoundedRectangle(cornerRadius: 16))
        } else {
            JournalButton(title: title, destructive: true, enabled: !busy, action: ask)
        }
    }
}

/// A full-width button whose action takes a while: it says "Working…" and
/// waits while `busy`.
struct JournalWorkButton: View {
    let title: String
    let busy: Bool
    var prominent: Bool = false
    let action: () -> Void

    var body: some View {
        JournalButton(
            title: busy ? Loc.text("common_working") : title,
            prominent: prominent,
            enabled: !busy,
            action: action
        )
    }
}

/// A sobriety clock: its label, the days in a row, the longest run, and its milestones.
struct JournalClockCard: View {
    let clock: SobrietyClockStatus
    let language: Language

    var body: some View {
        VStack(alignment: .leading, spacing: 4) {
            Text(clock.label)
                .font(.headline)
            Text(Loc.text("screen_today_streak", Int(clock.currentDays)))
                .font(.title2.weight(.semibold))
            Text(Loc.text("screen_today_longest", Int(clock.longestDays)))
                .font(.body)
            if let today = clock.milestoneToday {
                Text(Loc.text("screen_today_milestone_today", ScreenParts.milestoneText(today)))
                    .font(.body.weight(.semibold))
            }
            Text(Loc.text(
                "screen_today_milestone_next",
                ScreenParts.milestoneText(clock.nextMilestone),
                ScreenParts.dayText(clock.nextMilestone.date, language: language)
            ))
            .font(.body)
            .foregroundStyle(Color.secondary)
        }
        .fixedSize(horizontal: false, vertical: true)
        .frame(maxWidth: .infinity, alignment: .leading)
        .padding()
        .background(Color(uiColor: .secondarySystemGroupedBackground), in: RoundedRectangle(cornerRadius: 16))
        .accessibilityElement(children: .combine)
    }
}

/// A crisis line or contact: one tap to call, one to text when it takes
/// texts; no buttons for one without a number (its note says how to reach them).
struct JournalContactRow: View {
    let name: String
    let number: String
    let canText: Bool
    var note: String = ""

    @Environment(\.openURL) private var openURL

    var body: some View {
        VStack(alignment: .leading, spacing: 6) {
            Text(name)
                .font(.headline)
            if !note.isEmpty {
                JournalText(note)
            }
            if PhoneLinks.call(number) != nil {
                JournalFlow {
                    linkButton(Loc.text("action_call", number), systemImage: "phone", link: PhoneLinks.call(number))
                    if canText {
                        linkButton(Loc.text("action_text", number), systemImage: "message", link: PhoneLinks.text(number))
                    }
                }
            }
        }
        .frame(maxWidth: .infinity, alignment: .leading)
    }

    /// A button that opens `link`, its title said as it is shown.
    private func linkButton(_ title: String, systemImage: String, link: URL?) -> some View {
        Button {
            open(link)
        } label: {
            Label(title, systemImage: systemImage)
                .frame(minHeight: 44)
        }
        .buttonStyle(.bordered)
        .accessibilityLabel(title)
    }

    /// The Phone or Messages app for the number (`PhoneLinks` keeps only what dials).
    private func open(_ link: URL?) {
        if let link {
            openURL(link)
        }
    }
}
