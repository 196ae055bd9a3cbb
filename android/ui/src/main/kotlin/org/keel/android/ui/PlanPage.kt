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
import org.keel.core.Language
import org.keel.core.Plan
import org.keel.core.RelapseStage
import org.keel.core.RiskLevel
import org.keel.core.SupportContact
import org.keel.core.Trigger
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
            } else {
                ErrorText(e)
            }
        }
        when {
            draft != null -> {
                val section = state.section
                if (section != null) {
                    SectionEditor(section, draft, onEvent)
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

/** Whether it was made in session, then Save (the whole draft goes to the core) and Cancel. */
@Composable
private fun SaveBar(state: PlanUiState, onEvent: (PlanEvent) -> Unit) {
    val s = LocalStrings.current
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

/** The sections as the plan holds them; with [onEdit], each has a button to change it. */
@Composable
private fun PlanSections(plan: Plan, onEdit: ((PlanSection) -> Unit)? = null) {
    val s = LocalStrings.current
    Section(s[Str.screen_plan_reasons], plan.reasons, PlanSection.REASONS, onEdit) { Body(s[Str.common_bullet, it]) }
    Section(s[Str.screen_plan_warning_signs], plan.warningSigns, PlanSection.WARNING_SIGNS, onEdit) {
        Body(s[Str.common_bullet, s[Str.common_joined, it.text, s[stageText(it.stage)]]])
    }
    Section(s[Str.screen_plan_triggers], plan.triggers, PlanSection.TRIGGERS, onEdit) {
        Body(s[Str.common_bullet, listOf(it.name, s[categoryText(it.category)], s[riskText(it.risk)]).reduce { a, b -> s[Str.common_joined, a, b] }])
    }
    Section(s[Str.screen_plan_coping], plan.copingPlans, PlanSection.COPING, onEdit) {
        Column {
            Text(it.ifSituation, style = MaterialTheme.typography.titleSmall)
            Body(it.thenAction)
        }
    }
    Section(s[Str.screen_plan_contacts], plan.contacts, PlanSection.CONTACTS, onEdit) {
        Body(s[Str.common_bullet, listOf(it.name, s[roleText(it.role)], it.phone).filter { p -> p.isNotBlank() }.reduce { a, b -> s[Str.common_joined, a, b] }])
    }
    Section(s[Str.screen_plan_crisis_steps], plan.lapsePlan.steps, PlanSection.CRISIS_STEPS, onEdit) { Body(s[Str.common_bullet, it]) }
}

@Composable
private fun <T> Section(title: String, items: List<T>, section: PlanSection, onEdit: ((PlanSection) -> Unit)?, item: @Composable (T) -> Unit) {
    val s = LocalStrings.current
    SectionTitle(title)
    if (items.isEmpty()) Body(s[Str.screen_plan_empty_section])
    items.forEach { item(it) }
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
private fun SectionEditor(section: PlanSection, plan: Plan, onEvent: (PlanEvent) -> Unit) {
    val s = LocalStrings.current
    fun change(p: Plan) = onEvent(PlanEvent.Change(p))
    when (section) {
        PlanSection.REASONS -> EditList(s[Str.screen_plan_reasons], s[Str.screen_plan_add_reason], plan.reasons, { change(plan.copy(reasons = it)) }, { "" }) { v, set ->
            Field(s[Str.screen_plan_reason], v, set, singleLine = false)
        }
        PlanSection.WARNING_SIGNS -> EditList(
            s[Str.screen_plan_warning_signs], s[Str.screen_plan_add_warning_sign], plan.warningSigns,
            { change(plan.copy(warningSigns = it)) }, { WarningSign(RelapseStage.EMOTIONAL, "") },
        ) { w, set ->
            Field(s[Str.screen_plan_warning_sign], w.text, { set(w.copy(text = it)) }, singleLine = false)
            ChoiceRow { RelapseStage.entries.forEach { st -> Choice(s[stageText(st)], w.stage == st, { set(w.copy(stage = st)) }) } }
        }
        PlanSection.TRIGGERS -> EditList(
            s[Str.screen_plan_triggers], s[Str.screen_plan_add_trigger], plan.triggers,
            { change(plan.copy(triggers = it)) }, { Trigger("", "", TriggerCategory.OTHER, RiskLevel.MEDIUM) },
        ) { t, set ->
            Field(s[Str.screen_plan_trigger], t.name, { set(t.copy(name = it)) }, singleLine = false)
            ChoiceRow { RiskLevel.entries.forEach { r -> Choice(s[riskText(r)], t.risk == r, { set(t.copy(risk = r)) }) } }
        }
        PlanSection.COPING -> EditList(
            s[Str.screen_plan_coping], s[Str.screen_plan_add_coping], plan.copingPlans,
            { change(plan.copy(copingPlans = it)) }, { CopingPlan("", "", "", emptyList()) },
        ) { c, set ->
            Field(s[Str.screen_plan_if], c.ifSituation, { set(c.copy(ifSituation = it)) }, singleLine = false)
            Field(s[Str.screen_plan_then], c.thenAction, { set(c.copy(thenAction = it)) }, singleLine = false)
        }
        PlanSection.CONTACTS -> EditList(
            s[Str.screen_plan_contacts], s[Str.screen_plan_add_contact], plan.contacts,
            { change(plan.copy(contacts = it)) }, { SupportContact("", ContactRole.PEER, "", "") },
        ) { c, set ->
            Field(s[Str.screen_plan_contact_name], c.name, { set(c.copy(name = it)) })
            Field(s[Str.screen_plan_contact_phone], c.phone, { set(c.copy(phone = it)) })
            ChoiceRow { ContactRole.entries.forEach { r -> Choice(s[roleText(r)], c.role == r, { set(c.copy(role = r)) }) } }
        }
        PlanSection.CRISIS_STEPS -> EditList(
            s[Str.screen_plan_crisis_steps], s[Str.screen_plan_add_step], plan.lapsePlan.steps,
            { change(plan.copy(lapsePlan = plan.lapsePlan.copy(steps = it))) }, { "" },
        ) { v, set -> Field(s[Str.screen_plan_step], v, set, singleLine = false) }
    }
}

/** A section's items, each with its fields and a remove button, then an add button. */
@Composable
private fun <T> EditList(
    title: String,
    addLabel: String,
    items: List<T>,
    onChange: (List<T>) -> Unit,
    newItem: () -> T,
    item: @Composable (T, (T) -> Unit) -> Unit,
) {
    val s = LocalStrings.current
    SectionTitle(title)
    items.forEachIndexed { i, value ->
        Card(Modifier.fillMaxWidth()) {
            Column(Modifier.padding(12.dp), verticalArrangement = Arrangement.spacedBy(8.dp)) {
                item(value) { updated -> onChange(items.toMutableList().also { it[i] = updated }) }
                val description = s[Str.a11y_remove_item, i + 1, title]
                TextButton(
                    onClick = { onChange(items.filterIndexed { j, _ -> j != i }) },
                    modifier = Modifier.touchTarget().semantics { contentDescription = description },
                ) { Text(s[Str.action_remove]) }
            }
        }
    }
    OutlinedButton(onClick = { onChange(items + newItem()) }, modifier = Modifier.fillMaxWidth().touchTarget()) { Text(addLabel) }
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
