package org.keel.android.ui

import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.launch
import java.time.LocalDateTime
import org.keel.android.core.CoreError
import org.keel.android.core.LogCalls
import org.keel.android.core.VaultGateway
import org.keel.core.CheckIn
import org.keel.core.CheckInDraft
import org.keel.core.CopingTag
import org.keel.core.Craving
import org.keel.core.CravingDraft
import org.keel.core.CravingForm
import org.keel.core.CravingOutcome
import org.keel.core.Encounter
import org.keel.core.EncounterDraft
import org.keel.core.EntryContext
import org.keel.core.EntryKind
import org.keel.core.Halt
import org.keel.core.Language
import org.keel.core.Lapse
import org.keel.core.LapseDraft
import org.keel.core.LapseLogged
import org.keel.core.Moment
import org.keel.core.Mood
import org.keel.core.SobrietyClockStatus
import org.keel.core.TriggerCategory
import org.keel.core.TriggerTag

/** The four HALT states a log can carry. */
enum class HaltPart { HUNGRY, ANGRY, LONELY, TIRED }

/**
 * The log form of one entry kind, new or being edited. The choices
 * ([triggerOptions], [copingOptions]) are the core's craving form as it came
 * (the plan's triggers and if-then steps, then recent free-text ones), plus
 * whatever an edited entry already carries.
 */
data class LogUiState(
    val kind: EntryKind = EntryKind.CRAVING,
    /** The entry being edited; null for a new one. */
    val editingId: String? = null,
    val loading: Boolean = true,
    /** When it happened: now for a new entry, the entry's own time when editing. */
    val at: Moment? = null,
    /** The phone's IANA zone: the calendar a changed date and time is read in. */
    val zone: String = "UTC",
    /** The date and time picker is open. */
    val changingWhen: Boolean = false,
    val triggerOptions: List<TriggerTag> = emptyList(),
    val copingOptions: List<CopingTag> = emptyList(),
    val clocks: List<SobrietyClockStatus> = emptyList(),
    /** A craving's intensity or a check-in's craving level, 0 to 10. */
    val level: Int? = null,
    val triggers: List<TriggerTag> = emptyList(),
    val coping: List<CopingTag> = emptyList(),
    val halt: Halt = Halt(false, false, false, false),
    val mood: Mood? = null,
    val outcome: CravingOutcome? = null,
    val howHandled: String = "",
    val intention: String = "",
    val anyUse: Boolean = false,
    val substance: String = "",
    val clockIds: List<String> = emptyList(),
    /** The lapse's clock choice: null until the participant picks one. */
    val resetsClocks: Boolean? = null,
    val notes: String = "",
    /** A trigger or a coping step in the participant's own words, being typed. */
    val newTrigger: String = "",
    val newCoping: String = "",
    val place: String = "",
    val withWhom: String = "",
    val durationMinutes: UInt? = null,
    val sleepMinutes: UInt? = null,
    val busy: Boolean = false,
    val error: CoreError? = null,
    /** A required choice is missing (see [LogProblem]). */
    val problem: LogProblem? = null,
    val confirmDelete: Boolean = false,
    /** Set once a new lapse is saved: the core's message and what comes next. */
    val lapseLogged: LapseLogged? = null,
) {
    val editing: Boolean get() = editingId != null
}

/** What the participant still has to choose before saving. */
enum class LogProblem { LEVEL, OUTCOME, MOOD, TRIGGER, CLOCK_CHOICE }

sealed interface LogEvent {
    data class Level(val value: Int) : LogEvent
    data class ToggleTrigger(val tag: TriggerTag) : LogEvent
    data class ToggleCoping(val tag: CopingTag) : LogEvent
    data class NewTrigger(val text: String) : LogEvent
    data object AddTrigger : LogEvent
    data class NewCoping(val text: String) : LogEvent
    data object AddCoping : LogEvent
    data class ToggleHalt(val part: HaltPart) : LogEvent
    data class SetMood(val mood: Mood) : LogEvent
    data class SetOutcome(val outcome: CravingOutcome) : LogEvent
    data class HowHandled(val text: String) : LogEvent
    data class Intention(val text: String) : LogEvent
    data class AnyUse(val value: Boolean) : LogEvent
    data class Substance(val text: String) : LogEvent
    data class ToggleClock(val id: String) : LogEvent
    data class ResetsClocks(val value: Boolean) : LogEvent
    data class Notes(val text: String) : LogEvent
    /** Opens or closes the date and time picker. */
    data class ChangingWhen(val open: Boolean) : LogEvent
    /** One step of the picker. */
    data class When(val change: WhenChange) : LogEvent
    /** Sets the local date and time outright (a full calendar picker, a test). */
    data class WhenAt(val local: LocalDateTime) : LogEvent
    /** Back to this moment. */
    data object WhenNow : LogEvent
    data class Place(val text: String) : LogEvent
    /** A craving's length; null: not sure. */
    data class Duration(val minutes: UInt?) : LogEvent
    /** Last night's sleep on a check-in; null: not sure. */
    data class Sleep(val minutes: UInt?) : LogEvent
    data class WithWhom(val text: String) : LogEvent
    data object Save : LogEvent
    data object AskDelete : LogEvent
    data object CancelDelete : LogEvent
    data object ConfirmDelete : LogEvent
    data object Done : LogEvent
}

/**
 * Logs a craving, a trigger encounter, a daily check-in or a lapse, and
 * edits or deletes one. Every decision (validation, the message after a
 * lapse, what a lapse does to the clocks) is the core's; [onDone] leaves the
 * screen.
 */
class LogModel(
    private val gateway: VaultGateway,
    private val scope: CoroutineScope,
    private val language: () -> Language,
    private val onDone: () -> Unit,
) {
    private val calls = LogCalls(gateway)
    private val _state = MutableStateFlow(LogUiState())
    val state: StateFlow<LogUiState> = _state.asStateFlow()

    /** Opens the form for a new entry of [kind], or entry [id] of that kind. */
    fun open(kind: EntryKind, id: String?) {
        _state.value = LogUiState(kind = kind, editingId = id, loading = true)
        scope.launch {
            val form = gateway.cravingForm().getOrElse { return@launch fail(it) }
            val clocks = if (kind == EntryKind.LAPSE) gateway.clocks().getOrElse { return@launch fail(it) } else emptyList()
            val zone = calls.now().getOrElse { return@launch fail(it) }.zone
            var next = logForm(kind, id, form, clocks, gateway.moment()).copy(zone = zone)
            if (id != null) {
                next = when (kind) {
                    EntryKind.CRAVING -> gateway.craving(id).map { next.with(it) }
                    EntryKind.ENCOUNTER -> gateway.encounter(id).map { next.with(it) }
                    EntryKind.CHECK_IN -> gateway.checkIn(id).map { next.with(it) }
                    EntryKind.LAPSE -> gateway.lapse(id).map { next.with(it) }
                }.getOrElse { return@launch fail(it) }
            }
            _state.value = next
        }
    }

    fun onEvent(event: LogEvent) {
        when (event) {
            is LogEvent.Level -> edit { copy(level = event.value) }
            is LogEvent.ToggleTrigger -> edit { copy(triggers = triggers.toggled(event.tag) { it.key() }) }
            is LogEvent.ToggleCoping -> edit { copy(coping = coping.toggled(event.tag) { it.key() }) }
            is LogEvent.NewTrigger -> edit { copy(newTrigger = event.text) }
            is LogEvent.NewCoping -> edit { copy(newCoping = event.text) }
            LogEvent.AddTrigger -> edit {
                val name = newTrigger.trim()
                if (name.isEmpty()) return@edit this
                // A new trigger in the participant's words; the core keeps it as "other".
                val tag = TriggerTag(null, name, TriggerCategory.OTHER)
                withOptions(triggers.filterNot { it.key() == tag.key() } + tag, coping).copy(newTrigger = "")
            }
            LogEvent.AddCoping -> edit {
                val text = newCoping.trim()
                if (text.isEmpty()) return@edit this
                val tag = CopingTag(null, text)
                withOptions(triggers, coping.filterNot { it.key() == tag.key() } + tag).copy(newCoping = "")
            }
            is LogEvent.ToggleHalt -> edit { copy(halt = halt.toggled(event.part)) }
            is LogEvent.SetMood -> edit { copy(mood = event.mood) }
            is LogEvent.SetOutcome -> edit { copy(outcome = event.outcome) }
            is LogEvent.HowHandled -> edit { copy(howHandled = event.text) }
            is LogEvent.Intention -> edit { copy(intention = event.text) }
            is LogEvent.AnyUse -> edit { copy(anyUse = event.value) }
            is LogEvent.Substance -> edit { copy(substance = event.text) }
            is LogEvent.ToggleClock -> edit { copy(clockIds = clockIds.toggled(event.id) { it }) }
            is LogEvent.ResetsClocks -> edit { copy(resetsClocks = event.value) }
            is LogEvent.Notes -> edit { copy(notes = event.text) }
            is LogEvent.ChangingWhen -> edit { copy(changingWhen = event.open) }
            is LogEvent.When -> edit { at?.let { copy(at = changedWhen(it, event.change, gateway.moment(), zone)) } ?: this }
            is LogEvent.WhenAt -> edit { at?.let { copy(at = momentAt(it, event.local, zone)) } ?: this }
            LogEvent.WhenNow -> edit { copy(at = gateway.moment()) }
            is LogEvent.Place -> edit { copy(place = event.text) }
            is LogEvent.WithWhom -> edit { copy(withWhom = event.text) }
            is LogEvent.Duration -> edit { copy(durationMinutes = event.minutes) }
            is LogEvent.Sleep -> edit { copy(sleepMinutes = event.minutes) }
            LogEvent.Save -> save()
            LogEvent.AskDelete -> _state.update { it.copy(confirmDelete = true, error = null) }
            LogEvent.CancelDelete -> _state.update { it.copy(confirmDelete = false) }
            LogEvent.ConfirmDelete -> delete()
            LogEvent.Done -> onDone()
        }
    }

    private fun edit(change: LogUiState.() -> LogUiState) = _state.update { it.change().copy(problem = null, error = null) }

    private fun save() {
        val s = _state.value
        if (s.busy || s.loading) return
        missing(s)?.let { problem -> return _state.update { it.copy(problem = problem) } }
        _state.update { it.copy(busy = true, error = null, problem = null) }
        scope.launch {
            val at = s.at ?: gateway.moment()
            val context = EntryContext(s.place, s.withWhom, s.halt, s.mood)
            val id = s.editingId
            val result: Result<Any> = when (s.kind) {
                EntryKind.CRAVING -> {
                    val d = CravingDraft(at, s.level!!.toUByte(), s.durationMinutes, s.triggers, context, s.coping, s.outcome!!, s.notes)
                    if (id == null) gateway.addCraving(d) else gateway.updateCraving(id, d)
                }
                EntryKind.ENCOUNTER -> {
                    val d = EncounterDraft(at, s.triggers, context, s.howHandled, s.coping, s.notes)
                    if (id == null) gateway.addEncounter(d) else gateway.updateEncounter(id, d)
                }
                EntryKind.CHECK_IN -> {
                    val d = CheckInDraft(at, s.mood!!, s.level!!.toUByte(), s.sleepMinutes, s.intention, s.anyUse, s.halt, s.notes)
                    if (id == null) gateway.addCheckIn(d) else gateway.updateCheckIn(id, d)
                }
                EntryKind.LAPSE -> {
                    val d = LapseDraft(at, s.clockIds, s.resetsClocks ?: false, s.substance, s.triggers, context, s.notes)
                    if (id == null) gateway.addLapse(d, language()) else gateway.updateLapse(id, d)
                }
            }
            result
                .onSuccess { saved ->
                    if (saved is LapseLogged) {
                        _state.update { it.copy(busy = false, lapseLogged = saved) }
                    } else {
                        _state.update { it.copy(busy = false) }
                        onDone()
                    }
                }
                .onFailure { fail(it) }
        }
    }

    private fun delete() {
        val s = _state.value
        val id = s.editingId ?: return
        if (s.busy) return
        _state.update { it.copy(busy = true, error = null) }
        scope.launch {
            when (s.kind) {
                EntryKind.CRAVING -> gateway.deleteCraving(id)
                EntryKind.ENCOUNTER -> gateway.deleteEncounter(id)
                EntryKind.CHECK_IN -> gateway.deleteCheckIn(id)
                EntryKind.LAPSE -> gateway.deleteLapse(id)
            }
                .onSuccess {
                    _state.update { it.copy(busy = false, confirmDelete = false) }
                    onDone()
                }
                .onFailure { fail(it) }
        }
    }

    private fun fail(e: Throwable) {
        _state.update { it.copy(loading = false, busy = false, confirmDelete = false, error = CoreError.from(e)) }
    }

    private companion object {
        /** The choices each kind needs before the core is asked (it checks the rest). */
        fun missing(s: LogUiState): LogProblem? = when (s.kind) {
            EntryKind.CRAVING -> when {
                s.level == null -> LogProblem.LEVEL
                s.outcome == null -> LogProblem.OUTCOME
                else -> null
            }
            EntryKind.ENCOUNTER -> if (s.triggers.isEmpty()) LogProblem.TRIGGER else null
            EntryKind.CHECK_IN -> when {
                s.mood == null -> LogProblem.MOOD
                s.level == null -> LogProblem.LEVEL
                else -> null
            }
            EntryKind.LAPSE -> if (s.clockIds.isNotEmpty() && s.resetsClocks == null) LogProblem.CLOCK_CHOICE else null
        }

        fun <T, K> List<T>.toggled(item: T, key: (T) -> K): List<T> {
            val k = key(item)
            return if (any { key(it) == k }) filterNot { key(it) == k } else this + item
        }

        fun Halt.toggled(part: HaltPart): Halt = when (part) {
            HaltPart.HUNGRY -> copy(hungry = !hungry)
            HaltPart.ANGRY -> copy(angry = !angry)
            HaltPart.LONELY -> copy(lonely = !lonely)
            HaltPart.TIRED -> copy(tired = !tired)
        }

        fun LogUiState.withOptions(triggers: List<TriggerTag>, coping: List<CopingTag>) = copy(
            triggers = triggers,
            coping = coping,
            triggerOptions = triggerOptions + triggers.filter { t -> triggerOptions.none { it.key() == t.key() } },
            copingOptions = copingOptions + coping.filter { c -> copingOptions.none { it.key() == c.key() } },
        )

        fun LogUiState.withContext(c: EntryContext) = copy(halt = c.halt, mood = c.mood, place = c.place, withWhom = c.withWhom)

        fun LogUiState.with(e: Craving) = withOptions(e.triggers, e.coping).withContext(e.context)
            .copy(at = e.at, level = e.intensity.toInt(), outcome = e.outcome, durationMinutes = e.durationMinutes, notes = e.notes)

        fun LogUiState.with(e: Encounter) = withOptions(e.triggers, e.coping).withContext(e.context)
            .copy(at = e.at, howHandled = e.howHandled, notes = e.notes)

        fun LogUiState.with(e: CheckIn) = copy(
            at = e.at, mood = e.mood, level = e.cravingLevel.toInt(), sleepMinutes = e.sleepMinutes,
            intention = e.intention, anyUse = e.anyUse, halt = e.halt, notes = e.notes,
        )

        fun LogUiState.with(e: Lapse) = withOptions(e.triggers, emptyList()).withContext(e.context)
            .copy(at = e.at, clockIds = e.clockIds, resetsClocks = e.resetsClocks, substance = e.substance, notes = e.notes)
    }
}

/**
 * The empty form of [kind] with the core's [form] choices as they came: the
 * plan's triggers and if-then steps (by id, the core fills in their names),
 * then the recent free-text ones.
 */
fun logForm(kind: EntryKind, id: String?, form: CravingForm, clocks: List<SobrietyClockStatus>, at: Moment) = LogUiState(
    kind = kind,
    editingId = id,
    loading = false,
    at = at,
    triggerOptions = form.triggers.map { TriggerTag(it.id, it.name, it.category) } + form.recentTriggers,
    copingOptions = form.copingPlans.map { CopingTag(it.id, it.thenAction) } + form.recentCoping,
    clocks = clocks,
)

/** A trigger chip's identity: the plan's id, or the free-text name. */
fun TriggerTag.key(): String = planTriggerId ?: "name:$name"

/** A coping chip's identity: the plan's id, or the free text. */
fun CopingTag.key(): String = planCopingId ?: "text:$text"
