import KeelCore
import KeelKit
import SwiftUI

/// The relapse-prevention plan: read it, start it from the English or
/// Spanish template, edit each section, save (the core checks the whole
/// draft), and read earlier revisions.
struct PlanScreen: View {
    let router: Router
    @State private var model: PlanModel

    init(proxy: VaultProxy, router: Router) {
        self.router = router
        _model = State(initialValue: PlanModel(calls: proxy))
    }

    var body: some View {
        JournalPage(title: title) {
            content
        }
        .task {
            // Once: coming back from SOS keeps the draft being edited.
            if !model.state.loaded {
                await model.load()
            }
        }
    }

    private var title: String {
        if let viewing = model.state.viewing {
            return Loc.text("screen_plan_revision", Int(viewing.number))
        }
        return model.state.draft != nil ? Loc.text("screen_plan_edit_title") : Loc.text("screen_plan_title")
    }

    @ViewBuilder
    private var content: some View {
        let state = model.state
        let language = ScreenParts.language
        if let viewing = state.viewing {
            JournalText(PlanText.revisionLine(viewing.savedAt, viewing.withCounselor, language: language, number: nil))
            PlanSectionsView(plan: viewing.plan, edit: nil)
            JournalButton(title: Loc.text("screen_plan_back_to_current")) { model.send(.closeRevision) }
        } else if !state.loaded {
            JournalText(Loc.text("common_working"))
        } else {
            failure
            if let draft = state.draft {
                if let section = state.section {
                    PlanSectionEditor(section: section, plan: draft, choosingKind: state.choosingKind, model: model)
                } else {
                    JournalText(Loc.text("screen_plan_edit_hint"))
                    PlanSectionsView(plan: draft) { model.send(.edit($0)) }
                }
                saveBar
            } else if let current = state.current {
                if state.saved {
                    JournalText(Loc.text("screen_plan_saved"))
                }
                JournalText(PlanText.revisionLine(current.savedAt, current.withCounselor, language: language, number: current.number))
                PlanSectionsView(plan: current.plan) { model.send(.edit($0)) }
                if !state.revisions.isEmpty {
                    JournalHeading(Loc.text("screen_plan_revisions"))
                    ForEach(state.revisions, id: \.number) { revision in
                        let line = PlanText.revisionLine(
                            revision.savedAt, revision.withCounselor, language: language, number: revision.number
                        )
                        Button {
                            Task { await model.openRevision(revision.number) }
                        } label: {
                            Text(line)
                                .multilineTextAlignment(.leading)
                                .fixedSize(horizontal: false, vertical: true)
                                .frame(maxWidth: .infinity, minHeight: 44, alignment: .leading)
                                .contentShape(Rectangle())
                        }
                        .buttonStyle(.plain)
                        .disabled(state.busy)
                        .accessibilityLabel(line)
                        .accessibilityHint(Loc.text("a11y_open_revision"))
                    }
                }
            } else {
                JournalText(Loc.text("screen_plan_none"))
                JournalButton(title: Loc.text("screen_plan_template_en"), prominent: true, enabled: !state.busy) {
                    Task { await model.start(from: .english) }
                }
                JournalButton(title: Loc.text("screen_plan_template_es"), prominent: true, enabled: !state.busy) {
                    Task { await model.start(from: .spanish) }
                }
            }
        }
    }

    /// A conflict offers Reload; a refused item is said next to Save (where the participant is looking).
    @ViewBuilder
    private var failure: some View {
        let state = model.state
        if let failure = state.failure {
            switch failure {
            case .conflict(let revision):
                JournalProblem(Loc.text("screen_plan_conflict", Int(revision ?? 0)))
                JournalButton(title: Loc.text("action_reload"), prominent: true) {
                    Task { await model.load() }
                }
            case .invalidInput:
                if state.draft == nil {
                    JournalFailure(failure: failure)
                }
            default:
                JournalFailure(failure: failure)
            }
        }
    }

    /// Whether it was made in session, then Save (the whole draft goes to the core) and Cancel.
    @ViewBuilder
    private var saveBar: some View {
        let state = model.state
        if case let .invalidInput(field, reason) = state.failure {
            JournalProblem(PlanText.invalid(field: field, reason: reason))
        }
        JournalHeading(Loc.text("screen_plan_with_counselor_title"))
        JournalChip(label: Loc.text("screen_plan_with_counselor"), selected: state.withCounselor) {
            model.send(.withCounselor(!state.withCounselor))
        }
        JournalWorkButton(
            title: Loc.text("action_save_plan"),
            busy: state.busy,
            prominent: true
        ) {
            Task { await model.save() }
        }
        if state.section != nil {
            JournalButton(title: Loc.text("screen_plan_all_sections"), enabled: !state.busy) { model.send(.allSections) }
        }
        JournalButton(title: Loc.text("action_cancel"), enabled: !state.busy) { model.send(.cancel) }
    }
}

/// The plan's words for its enums, lines and the core's refusals.
enum PlanText {
    static func revisionLine(_ savedAt: Moment, _ withCounselor: Bool, language: Language, number: UInt32?) -> String {
        let when = ScreenParts.momentText(savedAt, language: language)
        let line: String
        if let number {
            line = Loc.text("screen_plan_revision_line", Int(number), when)
        } else {
            line = Loc.text("screen_plan_saved_at", when)
        }
        return withCounselor ? Loc.text("common_joined", line, Loc.text("screen_plan_with_counselor_done")) : line
    }

    /// The core's refusal of a draft in plain words: the section its field
    /// code names and what is wrong (its reason code). Nothing was saved.
    static func invalid(field: String, reason: String) -> String {
        let why: String
        switch reason {
        case "empty": why = Loc.text("screen_plan_invalid_empty")
        case "too_long":
            why = field.hasSuffix("phone") ? Loc.text("screen_plan_invalid_phone") : Loc.text("screen_plan_invalid_too_long")
        case "bad_characters", "too_few_digits": why = Loc.text("screen_plan_invalid_phone")
        case "too_many": why = Loc.text("screen_plan_invalid_too_many")
        default: why = Loc.text("screen_plan_invalid_other")
        }
        guard let section = PlanSection.of(field: field) else {
            return Loc.text("screen_plan_invalid_somewhere", why)
        }
        return Loc.text("screen_plan_invalid", sectionTitle(section), why)
    }

    static func sectionTitle(_ section: PlanSection) -> String {
        switch section {
        case .reasons: return Loc.text("screen_plan_reasons")
        case .goals: return Loc.text("screen_plan_goals")
        case .routine: return Loc.text("screen_plan_routine")
        case .warningSigns: return Loc.text("screen_plan_warning_signs")
        case .triggers: return Loc.text("screen_plan_triggers")
        case .coping: return Loc.text("screen_plan_coping")
        case .contacts: return Loc.text("screen_plan_contacts")
        case .crisisSteps: return Loc.text("screen_plan_crisis_steps")
        case .overdoseSafety: return Loc.text("screen_plan_overdose")
        case .crisisLines: return Loc.text("screen_plan_crisis_lines")
        }
    }

    static let stages: [RelapseStage] = [.emotional, .mental, .physical]
    static let risks: [RiskLevel] = [.low, .medium, .high]
    static let roles: [ContactRole] = [.sponsor, .counselor, .family, .peer, .crisisLine, .other]
    static let categories: [TriggerCategory] = [
        .emotion, .thought, .hungry, .angry, .lonely, .tired, .people, .place, .thing, .time, .event, .other,
    ]

    static func stageText(_ stage: RelapseStage) -> String {
        switch stage {
        case .emotional: return Loc.text("stage_emotional")
        case .mental: return Loc.text("stage_mental")
        case .physical: return Loc.text("stage_physical")
        }
    }

    static func riskText(_ risk: RiskLevel) -> String {
        switch risk {
        case .low: return Loc.text("risk_low")
        case .medium: return Loc.text("risk_medium")
        case .high: return Loc.text("risk_high")
        }
    }

    static func roleText(_ role: ContactRole) -> String {
        switch role {
        case .sponsor: return Loc.text("role_sponsor")
        case .counselor: return Loc.text("role_counselor")
        case .family: return Loc.text("role_family")
        case .peer: return Loc.text("role_peer")
        case .crisisLine: return Loc.text("role_crisis_line")
        case .other: return Loc.text("role_other")
        }
    }

    static func categoryText(_ category: TriggerCategory) -> String {
        switch category {
        case .emotion: return Loc.text("category_emotion")
        case .thought: return Loc.text("category_thought")
        case .hungry: return Loc.text("halt_hungry")
        case .angry: return Loc.text("halt_angry")
        case .lonely: return Loc.text("halt_lonely")
        case .tired: return Loc.text("halt_tired")
        case .people: return Loc.text("category_people")
        case .place: return Loc.text("category_place")
        case .thing: return Loc.text("category_thing")
        case .time: return Loc.text("category_time")
        case .event: return Loc.text("category_event")
        case .other: return Loc.text("category_other")
        }
    }
}
