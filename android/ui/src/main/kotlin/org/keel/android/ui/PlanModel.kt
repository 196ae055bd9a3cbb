package org.keel.android.ui

import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.launch
import org.keel.android.core.CoreError
import org.keel.android.core.PlanCalls
import org.keel.android.core.VaultGateway
import org.keel.core.Language
import org.keel.core.Plan
import org.keel.core.PlanRevision
import org.keel.core.PlanRevisionInfo
import org.keel.core.RiskLevel
import org.keel.core.Trigger
import org.keel.core.TriggerCategory

/** The sections a participant edits one at a time: every part of the core's [Plan], in the order the plan shows them. */
enum class PlanSection {
    REASONS, GOALS, ROUTINE, WARNING_SIGNS, TRIGGERS, COPING, CONTACTS, CRISIS_STEPS, OVERDOSE_SAFETY, CRISIS_LINES,
}

/**
 * The plan screen: the saved revision as the core returned it, a draft while
 * editing (based on the revision it started from, so a stale save comes back
 * as the core's Conflict), the list of revisions, and an older one opened.
 */
data class PlanUiState(
    val loaded: Boolean = false,
    val current: PlanRevision? = null,
    /** The plan being edited; null when reading. */
    val draft: Plan? = null,
    /** The revision the draft started from; null for the very first plan. */
    val basedOn: UInt? = null,
    /** The section being edited; null shows the whole draft (or the saved plan). */
    val section: PlanSection? = null,
    /** The trigger whose kind is being chosen (its twelve choices shown); null: none. */
    val choosingKind: Int? = null,
    val withCounselor: Boolean = false,
    val revisions: List<PlanRevisionInfo> = emptyList(),
    /** An older revision opened to read. */
    val viewing: PlanRevision? = null,
    val busy: Boolean = false,
    val error: CoreError? = null,
    /** True right after a save, to say so. */
    val saved: Boolean = false,
)

sealed interface PlanEvent {
    /** Starts a first plan from the core's guided template in [language]. */
    data class StartFrom(val language: Language) : PlanEvent
    /** Edits one section: of the draft if there is one, else of the saved plan. */
    data class Edit(val section: PlanSection) : PlanEvent
    /** Shows the kinds of trigger [index] to choose from; null hides them. */
    data class ChooseKind(val index: Int?) : PlanEvent
    /** Back from a section to the whole draft, keeping the changes. */
    data object AllSections : PlanEvent
    data class Change(val plan: Plan) : PlanEvent
    /** Adds an empty trigger with a fresh id from the core, so if-then plans can link to it at once. */
    data object AddTrigger : PlanEvent
    /** Removes trigger [index] and its links from every if-then plan (the core refuses a link to nothing). */
    data class RemoveTrigger(val index: Int) : PlanEvent
    data class WithCounselor(val value: Boolean) : PlanEvent
    data object Save : PlanEvent
    data object Cancel : PlanEvent
    /** Drops the draft and reads the plan as it now is (after a Conflict). */
    data object Reload : PlanEvent
    data class OpenRevision(val number: UInt) : PlanEvent
    data object CloseRevision : PlanEvent
}

class PlanModel(private val gateway: VaultGateway, private val scope: CoroutineScope) {
    private val calls = PlanCalls(gateway)
    private val _state = MutableStateFlow(PlanUiState())
    val state: StateFlow<PlanUiState> = _state.asStateFlow()

    /** Reads the current plan and its revisions; drops any draft. */
    fun load() {
        _state.update { it.copy(busy = true, error = null) }
        scope.launch {
            val current = gateway.currentPlan().getOrElse { return@launch fail(it) }
            val revisions = gateway.planHistory().getOrElse { return@launch fail(it) }
            _state.value = PlanUiState(loaded = true, current = current, revisions = revisions)
        }
    }

    fun onEvent(event: PlanEvent) {
        when (event) {
            is PlanEvent.StartFrom -> {
                if (_state.value.busy) return
                _state.update { it.copy(busy = true, error = null) }
                scope.launch {
                    gateway.planTemplate(event.language)
                        .onSuccess { plan ->
                            _state.update { it.copy(busy = false, draft = plan, basedOn = it.current?.number, section = null, saved = false) }
                        }
                        .onFailure { fail(it) }
                }
            }
            is PlanEvent.Edit -> _state.update { s ->
                when {
                    s.draft != null -> s.copy(section = event.section, choosingKind = null)
                    s.current != null -> s.copy(
                        draft = s.current.plan, basedOn = s.current.number, section = event.section,
                        withCounselor = false, saved = false, error = null,
                    )
                    else -> s
                }
            }
            PlanEvent.AllSections -> _state.update { it.copy(section = null, choosingKind = null) }
            is PlanEvent.ChooseKind -> _state.update { it.copy(choosingKind = event.index) }
            is PlanEvent.Change -> _state.update { it.copy(draft = event.plan, saved = false, error = null) }
            PlanEvent.AddTrigger -> {
                if (_state.value.draft == null || _state.value.busy) return
                _state.update { it.copy(busy = true, error = null) }
                scope.launch {
                    calls.newItemId()
                        .onSuccess { id ->
                            _state.update { s ->
                                val draft = s.draft ?: return@update s.copy(busy = false)
                                val trigger = Trigger(id, "", TriggerCategory.OTHER, RiskLevel.MEDIUM)
                                s.copy(busy = false, draft = draft.copy(triggers = draft.triggers + trigger), saved = false)
                            }
                        }
                        .onFailure { fail(it) }
                }
            }
            is PlanEvent.RemoveTrigger -> _state.update { s ->
                val draft = s.draft ?: return@update s
                s.copy(draft = draft.withoutTrigger(event.index), saved = false, error = null, choosingKind = null)
            }
            is PlanEvent.WithCounselor -> _state.update { it.copy(withCounselor = event.value) }
            PlanEvent.Save -> save()
            PlanEvent.Cancel -> _state.update { it.copy(draft = null, section = null, error = null) }
            PlanEvent.Reload -> load()
            is PlanEvent.OpenRevision -> {
                _state.update { it.copy(busy = true, error = null) }
                scope.launch {
                    gateway.planRevision(event.number)
                        .onSuccess { r -> _state.update { it.copy(busy = false, viewing = r) } }
                        .onFailure { fail(it) }
                }
            }
            PlanEvent.CloseRevision -> _state.update { it.copy(viewing = null) }
        }
    }

    private fun save() {
        val s = _state.value
        val draft = s.draft ?: return
        if (s.busy) return
        _state.update { it.copy(busy = true, error = null) }
        scope.launch {
            gateway.savePlan(draft, s.basedOn, s.withCounselor)
                .onSuccess { saved ->
                    val revisions = gateway.planHistory().getOrDefault(_state.value.revisions)
                    _state.value = PlanUiState(loaded = true, current = saved, revisions = revisions, saved = true)
                }
                // A Conflict keeps the draft on screen with the core's current revision, until Reload.
                .onFailure { fail(it) }
        }
    }

    private fun fail(e: Throwable) {
        _state.update { it.copy(loaded = true, busy = false, error = CoreError.from(e)) }
    }
}

/** The plan without trigger [index], and without the links to it from every if-then plan. */
fun Plan.withoutTrigger(index: Int): Plan {
    val removed = triggers.getOrNull(index) ?: return this
    return copy(
        triggers = triggers.filterIndexed { i, _ -> i != index },
        copingPlans = copingPlans.map { c -> c.copy(triggerIds = c.triggerIds.filterNot { it == removed.id }) },
    )
}

/** The list with item [from] moved to [to] (both within bounds, else unchanged): reordering a plan section. */
fun <T> List<T>.moved(from: Int, to: Int): List<T> {
    if (from !in indices || to !in indices || from == to) return this
    return toMutableList().also { it.add(to, it.removeAt(from)) }
}
