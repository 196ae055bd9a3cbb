package org.keel.android.ui

import androidx.compose.foundation.clickable
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.material3.Button
import androidx.compose.material3.Card
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp
import org.keel.android.core.CoreError
import org.keel.core.ContactRole
import org.keel.core.CopingPlan
import org.keel.core.CrisisLine
import org.keel.core.Language
import org.keel.core.Plan
import org.keel.core.RelapseStage
import org.keel.core.RiskLevel
import org.keel.core.SupportContact
import org.keel.core.TriggerCategory
import org.keel.core.WarningSign

/** The relapse-prevention plan: read it, start it from a template, edit each section, see its revisions. */
@Composable
fun PlanPage(state: PlanUiState, language: Language, onEvent: (PlanEvent) -> Unit, onBack: () -> Unit, onSos: () -> Unit) {
    val s = LocalStrings.current
    val viewing = state.viewing
    if (viewing != null) {
        Page(title = s[Str.screen_plan_revision, viewing.number.toLong()], onBack = { onEvent(PlanEvent.CloseRevision) }, onSos = onSos) {
            Body(revisionLine(viewing.savedAt, viewing.withCounselor, language))
            PlanSections(viewing.plan)
            OutlinedButton(onClick = { onEvent(PlanEvent.CloseRevision) }, modifier = Modifier.fillMaxWidth().touchTarget()) {
                Text(s[Str.screen_plan_back_to_current])
            }
        }
        return
    }
    val draft = state.draft
    Page(title = s[if (draft != null) Str.screen_plan_edit_title else Str.screen_plan_title], onBack = onBack, onSos = onSos) {
        if (!state.loaded) {
            Body(s[Str.common_working])
            return@Page
        }
        state.error?.let { e ->
            if (e is CoreError.Conflict) {
                Text(
                    s[Str.screen_plan_conflict, (e.currentRevision ?: 0u).toLong()],
                    color = MaterialTheme.colorScheme.error,
                    style = MaterialTheme.typography.bodyLarge,
                )
                Button(onClick = { onEvent(PlanEvent.Reload) }, modifier = Modifier.fillMaxWidth().touchTarget()) { Text(s[Str.action_reload]) }
            } else if (e !is CoreError.InvalidInput || draft == null) {
                // A refused item is said next to Save (SaveBar), where the participant is looking.
                ErrorText(e)
            }
        }
        when {
            draft != null -> {
                val section = state.section
                if (section != null) {
                    SectionEditor(section, draft, state.choosingKind, onEvent)
                } else {
                    Body(s[Str.screen_plan_edit_hint])
                    PlanSections(draft) { onEvent(PlanEvent.Edit(it)) }
                }
                SaveBar(state, onEvent)
            }
            state.current == null -> {
                Body(s[Str.screen_plan_none])
                Button(onClick = { onEvent(PlanEvent.StartFrom(Language.ENGLISH)) }, enabled = !state.busy, modifier = Modifier.fillMaxWidth().touchTarget()) {
                    Text(s[Str.screen_plan_template_en])
                }
                Button(onClick = { onEvent(PlanEvent.StartFrom(Language.SPANISH)) }, enabled = !state.busy, modifier = Modifier.fillMaxWidth().touchTarget()) {
                    Text(s[Str.screen_plan_template_es])
                }
            }
            else -> {
                val current = state.current
                if (state.saved) Body(s[Str.screen_plan_saved])
                Body(revisionLine(current.savedAt, current.withCounselor, language, current.number))
                PlanSections(current.plan) { onEvent(PlanEvent.Edit(it)) }
                if (state.revisions.isNotEmpty()) {
                    SectionTitle(s[Str.screen_plan_revisions])
                    state.revisions.forEach { r ->
                        Text(
                            revisionLine(r.savedAt, r.withCounselor, language, r.number),
                            style = MaterialTheme.typography.bodyLarge,
                            modifier = Modifier.fillMaxWidth().touchTarget()
                                .clickable(onClickLabel = s[Str.a11y_open_revision]) { onEvent(PlanEvent.OpenRevision(r.number)) }
                                .padding(vertical = 12.dp),
                        )
                    }
                }
            }
        }
    }
}

/**
 * The core's refusal of a draft in plain words: the section it names (its
 * field code, e.g. `contacts.phone`) and what is wrong with it (its reason
 * code). Nothing was saved and the draft stays on screen to fix.
 */
@Composable
private fun PlanInvalid(e: CoreError.InvalidInput) {
    val s = LocalStrings.current
    val section = planSectionOf(e.field)
    val where = if (section != null) s[sectionTitle(section)] else null
    val why = when (e.reason) {
        "empty" -> Str.screen_plan_invalid_empty
        "too_long" -> if (e.field.endsWith("phone")) Str.screen_plan_invalid_phone else Str.screen_plan_invalid_too_long
        "bad_characters", "too_few_digits" -> Str.screen_plan_invalid_phone
        "too_many" -> Str.screen_plan_invalid_too_many
        else -> Str.screen_plan_invalid_other
    }.let { s[it] }
    Text(
        if (where != null) s[Str.screen_plan_invalid, where, why] else s[Str.screen_plan_invalid_somewhere, why],
        color = MaterialTheme.colorScheme.error,
        style = MaterialTheme.typography.bodyLarge,
    )
}

/** The section a core field code (`lapse_plan.steps`, `coping_plans.then_action`, …) belongs to. */
fun planSectionOf(field: String): PlanSection? = when (field.substringBefore('.')) {
    "reasons" -> PlanSection.REASONS
    "goals" -> PlanSection.GOALS
    "routine" -> PlanSection.ROUTINE
    "warning_signs" -> PlanSection.WARNING_SIGNS
    "triggers" -> PlanSection.TRIGGERS
    "coping_plans" -> PlanSection.COPING
    "contacts" -> PlanSection.CONTACTS
    "crisis_lines" -> PlanSection.CRISIS_LINES
    "lapse_plan" -> when (field.substringAfter('.')) {
        "steps" -> PlanSection.CRISIS_STEPS
        "overdose_safety" -> PlanSection.OVERDOSE_SAFETY
        else -> PlanSection.CRISIS_LINES
    }
    else -> null
}

fun sectionTitle(section: PlanSection): Str = when (section) {
    PlanSection.REASONS -> Str.screen_plan_reasons
    PlanSection.GOALS -> Str.screen_plan_goals
    PlanSection.ROUTINE -> Str.screen_plan_routine
    PlanSection.WARNING_SIGNS -> Str.screen_plan_warning_signs
    PlanSection.TRIGGERS -> Str.screen_plan_triggers
    PlanSection.COPING -> Str.screen_plan_coping
    PlanSection.CONTACTS -> Str.screen_plan_contacts
    PlanSection.CRISIS_STEPS -> Str.screen_plan_crisis_steps
    PlanSection.OVERDOSE_SAFETY -> Str.screen_plan_overdose
    PlanSection.CRISIS_LINES -> Str.screen_plan_crisis_lines
}

/** Whether it was made in session, then Save (the whole draft goes to the core) and Cancel. */
@Composable
private fun SaveBar(state: PlanUiState, onEvent: (PlanEvent) -> Unit) {
    val s = LocalStrings.current
    (state.error as? CoreError.InvalidInput)?.let { PlanInvalid(it) }
    SectionTitle(s[Str.screen_plan_with_counselor_title])
    ChoiceRow { Choice(s[Str.screen_plan_with_counselor], state.withCounselor, { onEvent(PlanEvent.WithCounselor(!state.withCounselor)) }) }
    Button(onClick = { onEvent(PlanEvent.Save) }, enabled = !state.busy, modifier = Modifier.fillMaxWidth().touchTarget()) {
        Text(if (state.busy) s[Str.common_working] else s[Str.action_save_plan])
    }
    if (state.section != null) {
        OutlinedButton(onClick = { onEvent(PlanEvent.AllSections) }, enabled = !state.busy, modifier = Modifier.fillMaxWidth().touchTarget()) {
            Text(s[Str.screen_plan_all_sections])
        }
    }
    OutlinedButton(onClick = { onEvent(PlanEvent.Cancel) }, enabled = !state.busy, modifier = Modifier.fillMaxWidth().touchTarget()) {
        Text(s[Str.action_cancel])
    }
}

@Composable
private fun revisionLine(savedAt: org.keel.core.Moment, withCounselor: Boolean, language: Language, number: UInt? = null): String {
    val s = LocalStrings.current
    val line = if (number != null) s[Str.screen_plan_revision_line, number.toLong(), formatMoment(savedAt, language)]
    else s[Str.screen_plan_saved_at, formatMoment(savedAt, language)]
    return if (withCounselor) s[Str.common_joined, line, s[Str.screen_plan_with_counselor_done]] else line
}

/** The sections as the plan holds them, in the order of [PlanSection]; with [onEdit], each has a button to change it. */
@Composable
private fun PlanSections(plan: Plan, onEdit: ((PlanSection) -> Unit)? = null) {
    val s = LocalStrings.current
    Section(s[Str.screen_plan_reasons], plan.reasons, PlanSection.REASONS, onEdit) { Body(s[Str.common_bullet, it]) }
    Section(s[Str.screen_plan_goals], plan.goals, PlanSection.GOALS, onEdit) { Body(s[Str.common_bullet, it]) }
    Section(s[Str.screen_plan_routine], plan.routine, PlanSection.ROUTINE, onEdit, numbered = true) { Body(it) }
    Section(s[Str.screen_plan_warning_signs], plan.warningSigns, PlanSection.WARNING_SIGNS, onEdit) {
        Body(s[Str.common_bullet, s[Str.common_joined, it.text, s[stageText(it.stage)]]])
    }
    Section(s[Str.screen_plan_triggers], plan.triggers, PlanSection.TRIGGERS, onEdit) {
        Body(s[Str.common_bullet, joined(listOf(it.name, s[categoryText(it.category)], s[riskText(it.risk)]))])
    }
    Section(s[Str.screen_plan_coping], plan.copingPlans, PlanSection.COPING, onEdit) { c ->
        Column {
            Text(c.ifSituation, style = MaterialTheme.typography.titleSmall)
            Body(c.thenAction)
            val linked = c.triggerIds.mapNotNull { id -> plan.triggers.firstOrNull { it.id == id }?.name }
            if (linked.isNotEmpty()) Body(s[Str.screen_plan_linked_line, linked.joinToString(", ")])
        }
    }
    Section(s[Str.screen_plan_contacts], plan.contacts, PlanSection.CONTACTS, onEdit) {
        Body(s[Str.common_bullet, joined(listOf(it.name, s[roleText(it.role)], it.phone, it.howToReach))])
    }
    Section(s[Str.screen_plan_crisis_steps], plan.lapsePlan.steps, PlanSection.CRISIS_STEPS, onEdit, numbered = true) { Body(it) }
    Section(s[Str.screen_plan_overdose], plan.lapsePlan.overdoseSafety, PlanSection.OVERDOSE_SAFETY, onEdit) { Body(s[Str.common_bullet, it]) }
    Section(s[Str.screen_plan_crisis_lines], plan.lapsePlan.crisisLines, PlanSection.CRISIS_LINES, onEdit) {
        Body(s[Str.common_bullet, joined(listOf(it.name, it.phone, if (it.canText) s[Str.screen_plan_line_texts] else "", it.note))])
    }
}

/** The non-blank parts joined the way every line of the app joins them. */
@Composable
private fun joined(parts: List<String>): String {
    val s = LocalStrings.current
    return parts.filter { it.isNotBlank() }.reduceOrNull { a, b -> s[Str.common_joined, a, b] } ?: ""
}

@Composable
private fun <T> Section(
    title: String,
    items: List<T>,
    section: PlanSection,
    onEdit: ((PlanSection) -> Unit)?,
    numbered: Boolean = false,
    item: @Composable (T) -> Unit,
) {
    val s = LocalStrings.current
    SectionTitle(title)
    if (items.isEmpty()) Body(s[Str.screen_plan_empty_section])
    items.forEachIndexed { i, it ->
        if (numbered && it is String) Body(s[Str.common_numbered, i + 1, it]) else item(it)
    }
    if (onEdit != null) {
        val description = s[Str.a11y_edit_section, title]
        OutlinedButton(
            onClick = { onEdit(section) },
            modifier = Modifier.touchTarget().semantics { contentDescription = description },
        ) { Text(s[Str.action_change]) }
    }
}

/** One section's items as fields; the rest of the draft is kept as it is. */
@Composable
private fun SectionEditor(section: PlanSection, plan: Plan, choosingKind: Int?, onEvent: (PlanEvent) -> Unit) {
    val s = LocalStrings.current
    fun change(p: Plan) = onEvent(PlanEvent.Change(p))
    val lapse = plan.lapsePlan
    when (section) {
        PlanSection.REASONS -> TextList(s[Str.screen_plan_reasons], s[Str.screen_plan_reason], s[Str.screen_plan_add_reason], plan.reasons) { change(plan.copy(reasons = it)) }
        PlanSection.GOALS -> TextList(s[Str.screen_plan_goals], s[Str.screen_plan_goal], s[Str.screen_plan_add_goal], plan.goals) { change(plan.copy(goals = it)) }
        PlanSection.ROUTINE -> {
            Body(s[Str.screen_plan_routine_hint])
            TextList(s[Str.screen_plan_routine], s[Str.screen_plan_routine_item], s[Str.screen_plan_add_routine], plan.routine) { change(plan.copy(routine = it)) }
        }
        PlanSection.WARNING_SIGNS -> EditList(
            s[Str.screen_plan_warning_signs], s[Str.screen_plan_add_warning_sign], plan.warningSigns,
            { change(plan.copy(warningSigns = it)) }, { change(plan.copy(warningSigns = plan.warningSigns + WarningSign(RelapseStage.EMOTIONAL, ""))) },
        ) { _, w, set ->
            Field(s[Str.screen_plan_warning_sign], w.text, { set(w.copy(text = it)) }, singleLine = false)
            Body(s[Str.screen_plan_stage])
            ChoiceRow { RelapseStage.entries.forEach { st -> Choice(s[stageText(st)], w.stage == st, { set(w.copy(stage = st)) }) } }
        }
        PlanSection.TRIGGERS -> EditList(
            s[Str.screen_plan_triggers], s[Str.screen_plan_add_trigger], plan.triggers,
            { change(plan.copy(triggers = it)) }, { onEvent(PlanEvent.AddTrigger) },
            onRemove = { onEvent(PlanEvent.RemoveTrigger(it)) },
        ) { i, t, set ->
            Field(s[Str.screen_plan_trigger], t.name, { set(t.copy(name = it)) }, singleLine = false)
            // Twelve kinds per trigger would make the list very long at large text: one trigger's at a time.
            if (choosingKind == i) {
                Body(s[Str.screen_plan_trigger_category])
                ChoiceRow {
                    TriggerCategory.entries.forEach { c ->
                        Choice(s[categoryText(c)], t.category == c, {
                            set(t.copy(category = c))
                            onEvent(PlanEvent.ChooseKind(null))
                        })
                    }
                }
            } else {
                Body(s[Str.screen_plan_trigger_kind, s[categoryText(t.category)]])
                val description = s[Str.a11y_change_kind, i + 1]
                OutlinedButton(onClick = { onEvent(PlanEvent.ChooseKind(i)) }, modifier = Modifier.touchTarget().semantics { contentDescription = description }) {
                    ButtonLabel(s[Str.action_change_kind])
                }
            }
            Body(s[Str.screen_plan_trigger_risk])
            ChoiceRow { RiskLevel.entries.forEach { r -> Choice(s[riskText(r)], t.risk == r, { set(t.copy(risk = r)) }) } }
        }
        PlanSection.COPING -> EditList(
            s[Str.screen_plan_coping], s[Str.screen_plan_add_coping], plan.copingPlans,
            { change(plan.copy(copingPlans = it)) }, { change(plan.copy(copingPlans = plan.copingPlans + CopingPlan("", "", "", emptyList()))) },
        ) { _, c, set ->
            Field(s[Str.screen_plan_if], c.ifSituation, { set(c.copy(ifSituation = it)) }, singleLine = false)
            Field(s[Str.screen_plan_then], c.thenAction, { set(c.copy(thenAction = it)) }, singleLine = false)
            Body(s[Str.screen_plan_linked])
            // Only triggers with an id can be linked; every trigger added here gets one from the core at once.
            val linkable = plan.triggers.withIndex().filter { it.value.id.isNotBlank() }
            if (linkable.isEmpty()) Body(s[Str.screen_plan_linked_none])
            ChoiceRow {
                linkable.forEach { (i, t) ->
                    val name = t.name.ifBlank { s[Str.screen_plan_unnamed_trigger, i + 1] }
                    val linked = t.id in c.triggerIds
                    Choice(name, linked, { set(c.copy(triggerIds = if (linked) c.triggerIds - t.id else c.triggerIds + t.id)) })
                }
            }
        }
        PlanSection.CONTACTS -> EditList(
            s[Str.screen_plan_contacts], s[Str.screen_plan_add_contact], plan.contacts,
            { change(plan.copy(contacts = it)) }, { change(plan.copy(contacts = plan.contacts + SupportContact("", ContactRole.PEER, "", ""))) },
        ) { _, c, set ->
            Field(s[Str.screen_plan_contact_name], c.name, { set(c.copy(name = it)) })
            Field(s[Str.screen_plan_contact_phone], c.phone, { set(c.copy(phone = it)) })
            Field(s[Str.screen_plan_how_to_reach], c.howToReach, { set(c.copy(howToReach = it)) }, singleLine = false)
            Body(s[Str.screen_plan_role])
            ChoiceRow { ContactRole.entries.forEach { r -> Choice(s[roleText(r)], c.role == r, { set(c.copy(role = r)) }) } }
        }
        PlanSection.CRISIS_STEPS -> TextList(s[Str.screen_plan_crisis_steps], s[Str.screen_plan_step], s[Str.screen_plan_add_step], lapse.steps) {
            change(plan.copy(lapsePlan = lapse.copy(steps = it)))
        }
        PlanSection.OVERDOSE_SAFETY -> TextList(s[Str.screen_plan_overdose], s[Str.screen_plan_overdose_item], s[Str.screen_plan_add_overdose], lapse.overdoseSafety) {
            change(plan.copy(lapsePlan = lapse.copy(overdoseSafety = it)))
        }
        PlanSection.CRISIS_LINES -> EditList(
            s[Str.screen_plan_crisis_lines], s[Str.screen_plan_add_line], lapse.crisisLines,
            { change(plan.copy(lapsePlan = lapse.copy(crisisLines = it))) },
            { change(plan.copy(lapsePlan = lapse.copy(crisisLines = lapse.crisisLines + CrisisLine("", "", false, "")))) },
        ) { _, l, set ->
            Field(s[Str.screen_plan_contact_name], l.name, { set(l.copy(name = it)) })
            Field(s[Str.screen_plan_contact_phone], l.phone, { set(l.copy(phone = it)) })
            Field(s[Str.screen_plan_line_note], l.note, { set(l.copy(note = it)) }, singleLine = false)
            ChoiceRow { Choice(s[Str.screen_plan_line_can_text], l.canText, { set(l.copy(canText = !l.canText)) }) }
        }
    }
}

/** A section of plain lines ([label] on each field). */
@Composable
private fun TextList(title: String, label: String, addLabel: String, items: List<String>, onChange: (List<String>) -> Unit) =
    EditList(title, addLabel, items, onChange, { onChange(items + "") }) { _, v, set -> Field(label, v, set, singleLine = false) }

/**
 * A section's items, each with its fields, move up and down (the order is the
 * participant's: what to do first, who to call first) and remove, then add.
 */
@Composable
private fun <T> EditList(
    title: String,
    addLabel: String,
    items: List<T>,
    onChange: (List<T>) -> Unit,
    onAdd: () -> Unit,
    onRemove: ((Int) -> Unit)? = null,
    item: @Composable (Int, T, (T) -> Unit) -> Unit,
) {
    val s = LocalStrings.current
    SectionTitle(title)
    items.forEachIndexed { i, value ->
        Card(Modifier.fillMaxWidth()) {
            Column(Modifier.padding(12.dp), verticalArrangement = Arrangement.spacedBy(8.dp)) {
                item(i, value) { updated -> onChange(items.toMutableList().also { it[i] = updated }) }
                ChoiceRow {
                    if (i > 0) {
                        val up = s[Str.a11y_move_up, i + 1, title]
                        TextButton(onClick = { onChange(items.moved(i, i - 1)) }, modifier = Modifier.touchTarget().semantics { contentDescription = up }) {
                            ButtonLabel(s[Str.action_move_up])
                        }
                    }
                    if (i < items.lastIndex) {
                        val down = s[Str.a11y_move_down, i + 1, title]
                        TextButton(onClick = { onChange(items.moved(i, i + 1)) }, modifier = Modifier.touchTarget().semantics { contentDescription = down }) {
                            ButtonLabel(s[Str.action_move_down])
                        }
                    }
                    val remove = s[Str.a11y_remove_item, i + 1, title]
                    TextButton(
                        onClick = { if (onRemove != null) onRemove(i) else onChange(items.filterIndexed { j, _ -> j != i }) },
                        modifier = Modifier.touchTarget().semantics { contentDescription = remove },
                    ) { ButtonLabel(s[Str.action_remove]) }
                }
            }
        }
    }
    OutlinedButton(onClick = onAdd, modifier = Modifier.fillMaxWidth().touchTarget()) { ButtonLabel(addLabel) }
}

fun stageText(stage: RelapseStage): Str = when (stage) {
    RelapseStage.EMOTIONAL -> Str.stage_emotional
    RelapseStage.MENTAL -> Str.stage_mental
    RelapseStage.PHYSICAL -> Str.stage_physical
}

fun riskText(risk: RiskLevel): Str = when (risk) {
    RiskLevel.LOW -> Str.risk_low
    RiskLevel.MEDIUM -> Str.risk_medium
    RiskLevel.HIGH -> Str.risk_high
}

fun roleText(role: ContactRole): Str = when (role) {
    ContactRole.SPONSOR -> Str.role_sponsor
    ContactRole.COUNSELOR -> Str.role_counselor
    ContactRole.FAMILY -> Str.role_family
    ContactRole.PEER -> Str.role_peer
    ContactRole.CRISIS_LINE -> Str.role_crisis_line
    ContactRole.OTHER -> Str.role_other
}

fun categoryText(category: TriggerCategory): Str = when (category) {
    TriggerCategory.EMOTION -> Str.category_emotion
    TriggerCategory.THOUGHT -> Str.category_thought
    TriggerCategory.HUNGRY -> Str.halt_hungry
    TriggerCategory.ANGRY -> Str.halt_angry
    TriggerCategory.LONELY -> Str.halt_lonely
    TriggerCategory.TIRED -> Str.halt_tired
    TriggerCategory.PEOPLE -> Str.category_people
    TriggerCategory.PLACE -> Str.category_place
    TriggerCategory.THING -> Str.category_thing
    TriggerCategory.TIME -> Str.category_time
    TriggerCategory.EVENT -> Str.category_event
    TriggerCategory.OTHER -> Str.category_other
}
