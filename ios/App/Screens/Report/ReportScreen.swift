import KeelCore
import KeelKit
import SwiftUI
import UniformTypeIdentifiers

/// The counselor report, step by step: choose the days and the parts, read
/// the core's preview (exactly what the file will hold) and the words that
/// lock it, make the locked file (with Stop), then save or share it and say
/// the words aloud. The file and the words are forgotten when the
/// participant finishes, leaves the screen or the app locks.
struct ReportScreen: View {
    let proxy: VaultProxy
    let router: Router
    @State private var model: ReportModel?

    var body: some View {
        ScrollView {
            VStack(alignment: .leading, spacing: 12) {
                if let model {
                    ReportSteps(model: model)
                } else {
                    WorkingRow()
                }
            }
            .padding()
        }
        .navigationTitle(Loc.text("screen_report_title"))
        .task {
            if let model {
                await model.show()
                return
            }
            let made = ReportModel(calls: proxy, language: { ScreenParts.language }, outbox: .inCaches("report"))
            model = made
            await made.load()
        }
        .emptiesOutbox(of: .report, router: router) { model?.clear() }
    }
}

private struct ReportSteps: View {
    let model: ReportModel

    var body: some View {
        switch model.state.step {
        case .choose: choice
        case .preview: preview
        case .making: making
        case .ready: ready
        }
    }

    @ViewBuilder
    private var choice: some View {
        let state = model.state
        JournalText(Loc.text("screen_report_intro"))
        if !state.loaded {
            JournalText(Loc.text("common_working"))
            if let failure = state.failure { JournalProblem(ReportText.failure(failure)) }
        } else {
            JournalHeading(Loc.text("screen_report_period"))
            JournalFlow {
                ForEach(state.ranges, id: \.preset) { range in
                    JournalChip(label: range.label, selected: state.selected == range.preset, enabled: !state.busy) {
                        model.send(.selectRange(range.preset))
                    }
                }
            }
            JournalHeading(Loc.text("screen_report_sections"))
            JournalFlow {
                ForEach(ReportModel.allTopics, id: \.self) { topic in
                    JournalChip(label: ReportText.topic(topic), selected: state.topics.contains(topic), enabled: !state.busy) {
                        model.send(.toggleTopic(topic))
                    }
                }
            }
            JournalText(Loc.text("screen_report_private_parts"))
            if let failure = state.failure { JournalProblem(ReportText.failure(failure)) }
            JournalButton(
                title: state.busy ? Loc.text("common_working") : Loc.text("action_report_preview"),
                prominent: true,
                enabled: state.canPreview
            ) {
                model.send(.preview)
            }
        }
    }

    @ViewBuilder
    private var preview: some View {
        let state = model.state
        if let previewed = state.previewed {
            JournalHeading(Loc.text("screen_report_preview_title"))
            JournalText(Loc.text("screen_report_preview_intro"))
            OutboxCard {
                Text(previewed.preview.title)
                    .font(.headline)
                    .fixedSize(horizontal: false, vertical: true)
                // The core's own lines: the period, then one per part with its counts.
                ForEach(Array(previewed.preview.lines.enumerated()), id: \.offset) { _, line in
                    Text(Loc.text("common_bullet", line))
                        .font(.callout)
                        .fixedSize(horizontal: false, vertical: true)
                }
            }
            .accessibilityElement(children: .combine)
            JournalHeading(Loc.text("screen_report_passphrase_title"))
            JournalText(Loc.text("screen_report_passphrase_intro"))
            if let words = state.passphrase { SpokenWords(words: words) }
            JournalButton(title: Loc.text("action_report_other_words"), enabled: !state.busy) {
                model.send(.otherWords)
            }
            if state.cancelled { JournalText(Loc.text("screen_report_cancelled")) }
            if let failure = state.failure { JournalProblem(ReportText.failure(failure)) }
            JournalButton(title: Loc.text("action_report_make"), prominent: true, enabled: !state.busy) {
                model.send(.make)
            }
            JournalButton(title: Loc.text("action_report_change"), enabled: !state.busy) {
                model.send(.change)
            }
        }
    }

    @ViewBuilder
    private var making: some View {
        let state = model.state
        JournalHeading(Loc.text("screen_report_making_title"))
        JournalText(
            state.stopping
                ? Loc.text("screen_report_stopping")
                : Loc.text("screen_report_making", Int(state.done), Int(max(state.total, 1)))
        )
        ProgressView(value: state.total > 0 ? min(1, Double(state.done) / Double(state.total)) : 0)
            .accessibilityLabel(Loc.text("screen_report_making_title"))
        JournalButton(title: Loc.text("action_report_stop"), enabled: !state.stopping) {
            model.send(.stop)
        }
    }

    @ViewBuilder
    private var ready: some View {
        let state = model.state
        JournalHeading(Loc.text("screen_report_ready_title"))
        if let file = state.file {
            JournalText(Loc.text("screen_report_ready", file.name))
            JournalText(Loc.text("screen_report_say"))
            if let words = state.passphrase { SpokenWords(words: words) }
            OutboxHandOff(file: file, contentType: .html, handOff: state.handOff, enabled: !state.busy) { saved in
                model.send(.saved(saved))
            }
        }
        JournalText(Loc.text("screen_report_finish_hint"))
        JournalButton(title: Loc.text("action_done")) {
            model.send(.finish)
        }
    }
}

/// The report's words for its parts and for the core's refusals.
enum ReportText {
    static func topic(_ topic: ReportTopic) -> String {
        switch topic {
        case .plan: return Loc.text("report_topic_plan")
        case .cravings: return Loc.text("report_topic_cravings")
        case .checkins: return Loc.text("report_topic_checkins")
        case .exercises: return Loc.text("report_topic_exercises")
        case .attendance: return Loc.text("report_topic_attendance")
        case .insights: return Loc.text("report_topic_insights")
        case .journal: return Loc.text("report_topic_journal")
        case .measures: return Loc.text("report_topic_measures")
        }
    }

    /// The core's refusals this screen can meet, in plain words.
    static func failure(_ failure: CoreFailure) -> String {
        if case let .invalidInput(field, _) = failure {
            switch field {
            case "topics": return Loc.text("screen_report_need_topic")
            case "period": return Loc.text("screen_report_period_too_long")
            case "fingerprint": return Loc.text("screen_report_outdated")
            default: break
            }
        }
        return ScreenParts.failureText(failure)
    }
}
