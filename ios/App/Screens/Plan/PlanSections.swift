import KeelCore
import KeelKit
import SwiftUI

/// The sections as the plan holds them, in the order of `PlanSection`; with
/// `edit`, each has a button to change it.
struct PlanSectionsView: View {
    let plan: Plan
    let edit: ((PlanSection) -> Void)?

    var body: some View {
        VStack(alignment: .leading, spacing: 12) {
            section(.reasons, plan.reasons) { JournalText(Loc.text("common_bullet", $0)) }
            section(.goals, plan.goals) { JournalText(Loc.text("common_bullet", $0)) }
            numbered(.routine, plan.routine)
            section(.warningSigns, plan.warningSigns) { sign in
                JournalText(Loc.text("common_bullet", Loc.text("common_joined", sign.text, PlanText.stageText(sign.stage))))
            }
            section(.triggers, plan.triggers) { trigger in
                JournalText(Loc.text(
                    "common_bullet",
                    ScreenParts.joined([trigger.name, PlanText.categoryText(trigger.category), PlanText.riskText(trigger.risk)])
                ))
            }
            section(.coping, plan.copingPlans) { coping in
                VStack(alignment: .leading, spacing: 2) {
                    Text(coping.ifSituation)
                        .font(.subheadline.weight(.semibold))
                        .fixedSize(horizontal: false, vertical: true)
                    JournalText(coping.thenAction)
                    let linked = coping.triggerIds.compactMap { id in plan.triggers.first { $0.id == id }?.name }
                    if !linked.isEmpty {
                        JournalText(Loc.text("screen_plan_linked_line", linked.joined(separator: ", ")))
                    }
                }
                .accessibilityElement(children: .combine)
            }
            section(.contacts, plan.contacts) { contact in
                JournalText(Loc.text(
                    "common_bullet",
                    ScreenParts.joined([contact.name, PlanText.roleText(contact.role), contact.phone, contact.howToReach])
                ))
            }
            numbered(.crisisSteps, plan.lapsePlan.steps)
            section(.overdoseSafety, plan.lapsePlan.overdoseSafety) { JournalText(Loc.text("common_bullet", $0)) }
            section(.crisisLines, plan.lapsePlan.crisisLines) { line in
                JournalText(Loc.text(
                    "common_bullet",
                    ScreenParts.joined([
                        line.name, line.phone, line.canText ? Loc.text("screen_plan_line_texts") : "", line.note,
                    ])
                ))
            }
        }
    }

    private func numbered(_ which: PlanSection, _ items: [String]) -> some View {
        section(which, Array(items.enumerated())) { pair in
            JournalText(Loc.text("common_numbered", pair.offset + 1, pair.element))
        }
    }

    private func section<Item, Row: View>(
        _ which: PlanSection,
        _ items: [Item],
        @ViewBuilder row: @escaping (Item) -> Row
    ) -> some View {
        let title = PlanText.sectionTitle(which)
        return VStack(alignment: .leading, spacing: 6) {
            JournalHeading(title)
            if items.isEmpty {
                JournalText(Loc.text("screen_plan_empty_section"))
            }
            ForEach(Array(items.enumerated()), id: \.offset) { _, item in
                row(item)
            }
            if let edit = edit {
                Button(Loc.text("action_change")) { edit(which) }
                    .buttonStyle(.bordered)
                    .frame(minHeight: 44)
                    .accessibilityLabel(Loc.text("a11y_edit_section", title))
            }
        }
    }
}

/// One section's items as fields; the rest of the draft is kept as it is.
struct PlanSectionEditor: View {
    let section: PlanSection
    let plan: Plan
    let choosingKind: Int?
    let model: PlanModel

    var body: some View {
        switch section {
        case .reasons:
            PlanTextList(
                title: Loc.text("screen_plan_reasons"), label: Loc.text("screen_plan_reason"),
                addLabel: Loc.text("screen_plan_add_reason"), items: plan.reasons
            ) { items in change { $0.reasons = items } }
        case .goals:
            PlanTextList(
                title: Loc.text("screen_plan_goals"), label: Loc.text("screen_plan_goal"),
                addLabel: Loc.text("screen_plan_add_goal"), items: plan.goals
            ) { items in change { $0.goals = items } }
        case .routine:
            JournalText(Loc.text("screen_plan_routine_hint"))
            PlanTextList(
                title: Loc.text("screen_plan_routine"), label: Loc.text("screen_plan_routine_item"),
                addLabel: Loc.text("screen_plan_add_routine"), items: plan.routine
            ) { items in change { $0.routine = items } }
        case .warningSigns:
            warningSigns
        case .triggers:
            triggers
        case .coping:
            coping
        case .contacts:
            contacts
        case .crisisSteps:
            PlanTextList(
                title: Loc.text("screen_plan_crisis_steps"), label: Loc.text("screen_plan_step"),
                addLabel: Loc.text("screen_plan_add_step"), items: plan.lapsePlan.steps
            ) { items in change { $0.lapsePlan.steps = items } }
        case .overdoseSafety:
            PlanTextList(
                title: Loc.text("screen_plan_overdose"), label: Loc.text("screen_plan_overdose_item"),
                addLabel: Loc.text("screen_plan_add_overdose"), items: plan.lapsePlan.overdoseSafety
            ) { items in change { $0.lapsePlan.overdoseSafety = items } }
        case .crisisLines:
            crisisLines
        }
    }

    /// The draft with one change, sent to the model.
    private func change(_ edit: (inout Plan) -> Void) {
        var next = plan
        edit(&next)
        model.send(.change(next))
    }

    /// One choice of a few (a stage, a kind, a risk, a role) as chips under
    /// their label, the chosen one marked.
    @ViewBuilder
    private func chips<Value: Hashable>(
        _ label: String,
        _ values: [Value],
        _ text: @escaping (Value) -> String,
        selected: Value,
        choose: @escaping (Value) -> Void
    ) -> some View {
        JournalText(label)
        JournalFlow {
            ForEach(values, id: \.self) { value in
                JournalChip(label: text(value), selected: selected == value) { choose(value) }
            }
        }
    }

    private var warningSigns: some View {
        PlanEditList(
            title: Loc.text("screen_plan_warning_signs"),
            addLabel: Loc.text("screen_plan_add_warning_sign"),
            items: plan.warningSigns,
            change: { items in change { $0.warningSigns = items } },
            add: { change { $0.warningSigns.append(WarningSign(stage: .emotional, text: "")) } }
        ) { _, sign, set in
            PlanField(label: Loc.text("screen_plan_warning_sign"), text: sign.text, change: changing(sign, \.text, set))
            chips(
                Loc.text("screen_plan_stage"), PlanText.stages, PlanText.stageText,
                selected: sign.stage, choose: changing(sign, \.stage, set)
            )
        }
    }

    private var triggers: some View {
        PlanEditList(
            title: Loc.text("screen_plan_triggers"),
            addLabel: Loc.text("screen_plan_add_trigger"),
            items: plan.triggers,
            change: { items in change { $0.triggers = items } },
            add: { Task { await model.addTrigger() } },
            remove: { index in model.send(.removeTrigger(index)) }
        ) { index, trigger, set in
            PlanField(label: Loc.text("screen_plan_trigger"), text: trigger.name, change: changing(trigger, \.name, set))
            // Twelve kinds per trigger would make the list very long at large text: one trigger's at a time.
            if choosingKind == index {
                chips(
                    Loc.text("screen_plan_trigger_category"), PlanText.categories, PlanText.categoryText,
                    selected: trigger.category
                ) { category in
                    changing(trigger, \.category, set)(category)
                    model.send(.chooseKind(nil))
                }
            } else {
                JournalText(Loc.text("screen_plan_trigger_kind", PlanText.categoryText(trigger.category)))
                Button(Loc.text("action_change_kind")) { model.send(.chooseKind(index)) }
                    .buttonStyle(.bordered)
                    .frame(minHeight: 44)
                    .accessibilityLabel(Loc.text("a11y_change_kind", index + 1))
            }
            chips(
                Loc.text("screen_plan_trigger_risk"), PlanText.risks, PlanText.riskText,
                selected: trigger.risk, choose: changing(trigger, \.risk, set)
            )
        }
    }

    private var coping: some View {
        PlanEditList(
            title: Loc.text("screen_plan_coping"),
            addLabel: Loc.text("screen_plan_add_coping"),
            items: plan.copingPlans,
            change: { items in change { $0.copingPlans = items } },
            add: { change { $0.copingPlans.append(CopingPlan(id: "", ifSituation: "", thenAction: "", triggerIds: [])) } }
        ) { _, coping, set in
            PlanField(label: Loc.text("screen_plan_if"), text: coping.ifSituation, change: changing(coping, \.ifSituation, set))
            PlanField(label: Loc.text("screen_plan_then"), text: coping.thenAction, change: changing(coping, \.thenAction, set))
            JournalText(Loc.text("screen_plan_linked"))
            // Only triggers with an id can be linked; every trigger added here gets one from the core at once.
            let linkable = Array(plan.triggers.enumerated()).filter { !$0.element.id.isEmpty }
            if linkable.isEmpty {
                JournalText(Loc.text("screen_plan_linked_none"))
            }
            JournalFlow {
                ForEach(linkable, id: \.offset) { index, trigger in
                    let linked = coping.triggerIds.contains(trigger.id)
                    JournalChip(
                        label: trigger.name.isEmpty ? Loc.text("screen_plan_unnamed_trigger", index + 1) : trigger.name,
                        selected: linked
                    ) {
                        var next = coping
                        if linked {
                            next.triggerIds.removeAll { $0 == trigger.id }
                        } else {
                            next.triggerIds.append(trigger.id)
                        }
                        set(next)
                    }
                }
            }
        }
    }

    private var contacts: some View {
        PlanEditList(
            title: Loc.text("screen_plan_contacts"),
            addLabel: Loc.text("screen_plan_add_contact"),
            items: plan.contacts,
            change: { items in change { $0.contacts = items } },
            add: { change { $0.contacts.append(SupportContact(name: "", role: .peer, phone: "", howToReach: "")) } }
        ) { _, contact, set in
            PlanField(label: Loc.text("screen_plan_contact_name"), text: contact.name, oneLine: true, change: changing(contact, \.name, set))
            PlanField(label: Loc.text("screen_plan_contact_phone"), text: contact.phone, oneLine: true, phone: true, change: changing(contact, \.phone, set))
            PlanField(label: Loc.text("screen_plan_how_to_reach"), text: contact.howToReach, change: changing(contact, \.howToReach, set))
            chips(
                Loc.text("screen_plan_role"), PlanText.roles, PlanText.roleText,
                selected: contact.role, choose: changing(contact, \.role, set)
            )
        }
    }

    private var crisisLines: some View {
        PlanEditList(
            title: Loc.text("screen_plan_crisis_lines"),
            addLabel: Loc.text("screen_plan_add_line"),
            items: plan.lapsePlan.crisisLines,
            change: { items in change { $0.lapsePlan.crisisLines = items } },
            add: {
                change { $0.lapsePlan.crisisLines.append(CrisisLine(name: "", phone: "", canText: false, note: "")) }
            }
        ) { _, line, set in
            PlanField(label: Loc.text("screen_plan_contact_name"), text: line.name, oneLine: true, change: changing(line, \.name, set))
            PlanField(label: Loc.text("screen_plan_contact_phone"), text: line.phone, oneLine: true, phone: true, change: changing(line, \.phone, set))
            PlanField(label: Loc.text("screen_plan_line_note"), text: line.note, change: changing(line, \.note, set))
            JournalChip(label: Loc.text("screen_plan_line_can_text"), selected: line.canText) {
                var next = line
                next.canText.toggle()
                set(next)
            }
        }
    }
}

/// A section of plain lines, each a field labelled `label`.
struct PlanTextList: View {
    let title: String
    let label: String
    let addLabel: String
    let items: [String]
    let change: ([String]) -> Void

    var body: some View {
        PlanEditList(title: title, addLabel: addLabel, items: items, change: change, add: { change(items + [""]) }) { _, value, set in
            PlanField(label: label, text: value, change: set)
        }
    }
}

/// A section's items, each with its fields, moved up and down (the order is
/// the participant's: what to do first, who to call first) and removed, then
/// one more added.
struct PlanEditList<Item, Row: View>: View {
    let title: String
    let addLabel: String
    let items: [Item]
    let change: ([Item]) -> Void
    let add: () -> Void
    var remove: ((Int) -> Void)? = nil
    @ViewBuilder let row: (Int, Item, @escaping (Item) -> Void) -> Row

    var body: some View {
        VStack(alignment: .leading, spacing: 12) {
            JournalHeading(title)
            ForEach(Array(items.enumerated()), id: \.offset) { index, item in
                VStack(alignment: .leading, spacing: 8) {
                    row(index, item) { updated in
                        var next = items
                        next[index] = updated
                        change(next)
                    }
                    JournalFlow {
                        if index > 0 {
                            Button(Loc.text("action_move_up")) { change(PlanModel.moved(items, from: index, to: index - 1)) }
                                .frame(minHeight: 44)
                                .accessibilityLabel(Loc.text("a11y_move_up", index + 1, title))
                        }
                        if index < items.count - 1 {
                            Button(Loc.text("action_move_down")) { change(PlanModel.moved(items, from: index, to: index + 1)) }
                                .frame(minHeight: 44)
                                .accessibilityLabel(Loc.text("a11y_move_down", index + 1, title))
                        }
                        Button(Loc.text("action_remove"), role: .destructive) {
                            if let remove = remove {
                                remove(index)
                            } else {
                                var next = items
                                next.remove(at: index)
                                change(next)
                            }
                        }
                        .frame(minHeight: 44)
                        .accessibilityLabel(Loc.text("a11y_remove_item", index + 1, title))
                    }
                }
                .padding()
                .background(Color(uiColor: .secondarySystemGroupedBackground), in: RoundedRectangle(cornerRadius: 16))
            }
            JournalButton(title: addLabel, action: add)
        }
    }
}

/// A field with its label above it: a few lines that grow with the text, or
/// one line (a name, a phone number). What is typed is kept here and each
/// change handed on, so the field needs no binding into the draft; a new
/// `text` (an item moved or removed) replaces it.
struct PlanField: View {
    let label: String
    let text: String
    let oneLine: Bool
    let phone: Bool
    let change: (String) -> Void
    @State private var typed: String

    init(label: String, text: String, oneLine: Bool = false, phone: Bool = false, change: @escaping (String) -> Void) {
        self.label = label
        self.text = text
        self.oneLine = oneLine
        self.phone = phone
        self.change = change
        _typed = State(initialValue: text)
    }

    var body: some View {
        VStack(alignment: .leading, spacing: 4) {
            Text(label)
                .font(.subheadline)
                .foregroundStyle(Color.secondary)
                .accessibilityHidden(true)
            field
                .textFieldStyle(.roundedBorder)
                .accessibilityLabel(label)
                .onChange(of: typed) { _, value in
                    if value != text { change(value) }
                }
                .onChange(of: text) { _, value in
                    if value != typed { typed = value }
                }
        }
    }

    @ViewBuilder
    private var field: some View {
        if oneLine {
            TextField(label, text: $typed)
                .keyboardType(phone ? .phonePad : .default)
        } else {
            TextField(label, text: $typed, axis: .vertical)
                .lineLimit(1...8)
        }
    }
}

/// A setter for one field of a section's item: the new value put into a copy
/// of the item, the copy handed to `set` (every field of every item changes
/// its item this way).
private func changing<Item, Value>(
    _ item: Item,
    _ field: WritableKeyPath<Item, Value>,
    _ set: @escaping (Item) -> Void
) -> (Value) -> Void {
    { value in
        var next = item
        next[keyPath: field] = value
        set(next)
    }
}
