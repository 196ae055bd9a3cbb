package org.keel.android.ui

import java.time.LocalDate
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.launch
import org.keel.android.core.CoreError
import org.keel.android.core.MeetingsCalls
import org.keel.core.CalendarDate
import org.keel.core.Language
import org.keel.core.Meeting
import org.keel.core.MeetingDraft
import org.keel.core.MeetingKind
import org.keel.core.MeetingPlace
import org.keel.core.MeetingRepeat
import org.keel.core.MeetingSchedule
import org.keel.core.MonthWeek
import org.keel.core.Weekday

/** How a meeting repeats, as the editor offers it. */
enum class RepeatChoice { WEEKLY, MONTHLY, ONCE }

/** What the editor refuses before asking the core: a field the participant has to fix. */
enum class MeetingProblem { NAME, DATE, END_DATE, TIME, DURATION, DAYS, EVERY_WEEKS, REMINDER }

/**
 * A meeting as typed: texts as in their fields (dates `YYYY-MM-DD`, times
 * `HH:MM`, minutes as numbers), turned into the core's [MeetingDraft] on
 * save. [zone] is the meeting's own IANA zone: it meets at its local time
 * there, whatever zone the phone is in.
 */
data class MeetingForm(
    val name: String = "",
    val kind: MeetingKind = MeetingKind.IopGroup,
    val venue: String = "",
    val address: String = "",
    val onlineUrl: String = "",
    val onlineNotes: String = "",
    val phone: String = "",
    val phoneNotes: String = "",
    val zone: String = "",
    val startDate: String = "",
    val endDate: String = "",
    val startTime: String = "",
    val duration: String = "60",
    val repeat: RepeatChoice = RepeatChoice.WEEKLY,
    val days: Set<Weekday> = emptySet(),
    val everyWeeks: String = "1",
    val monthWeek: MonthWeek = MonthWeek.FIRST,
    val monthDay: Weekday = Weekday.MONDAY,
    val reminder: String = "",
    val notes: String = "",
    /** Format labels kept as they came (an imported meeting's "Open", "Speaker"). */
    val types: List<String> = emptyList(),
) {
    /** The draft the core will check, or the first field the participant has to fix. */
    fun toDraft(): Pair<MeetingDraft?, MeetingProblem?> {
        if (name.isBlank()) return null to MeetingProblem.NAME
        val start = date(startDate) ?: return null to MeetingProblem.DATE
        val end = if (endDate.isBlank()) null else date(endDate) ?: return null to MeetingProblem.END_DATE
        val time = readTime(startTime) ?: return null to MeetingProblem.TIME
        val minutes = duration.trim().toUShortOrNull()?.takeIf { it in 1u..1440u } ?: return null to MeetingProblem.DURATION
        val reminderMinutes = if (reminder.isBlank()) null else reminder.trim().toUShortOrNull() ?: return null to MeetingProblem.REMINDER
        val rule = when (repeat) {
            RepeatChoice.WEEKLY -> {
                if (days.isEmpty()) return null to MeetingProblem.DAYS
                val every = everyWeeks.trim().toUByteOrNull()?.takeIf { it in 1u..12u } ?: return null to MeetingProblem.EVERY_WEEKS
                MeetingRepeat.Weekly(Weekday.entries.filter { it in days }, every)
            }
            RepeatChoice.MONTHLY -> MeetingRepeat.Monthly(monthWeek, monthDay)
            RepeatChoice.ONCE -> MeetingRepeat.Once
        }
        val draft = MeetingDraft(
            name = name.trim(),
            kind = kind,
            place = MeetingPlace(venue.trim(), address.trim(), onlineUrl.trim(), onlineNotes.trim(), phone.trim(), phoneNotes.trim()),
            schedule = MeetingSchedule(
                zone = zone.trim(),
                startDate = start,
                endDate = end,
                startMinute = (time.hour * 60 + time.minute).toUShort(),
                durationMinutes = minutes,
                repeat = rule,
            ),
            reminderMinutes = reminderMinutes,
            notes = notes.trim(),
            types = types,
        )
        return draft to null
    }

    companion object {
        private fun date(text: String): CalendarDate? =
            readDate(text)?.let { d -> CalendarDate(d.year, d.monthValue.toUByte(), d.dayOfMonth.toUByte()) }

        private fun text(d: CalendarDate) = LocalDate.of(d.year, d.month.toInt(), d.day.toInt()).toString()

        /** A new meeting: today in the phone's zone, weekly on today's weekday at the next full hour. */
        fun new(zone: String, today: LocalDate): MeetingForm = MeetingForm(
            zone = zone,
            startDate = today.toString(),
            startTime = "18:00",
            days = setOf(Weekday.entries[today.dayOfWeek.value - 1]),
        )

        /** A saved meeting in the editor's fields. */
        fun of(m: Meeting): MeetingForm {
            val sch = m.schedule
            val base = MeetingForm(
                name = m.name,
                kind = m.kind,
                venue = m.place.venue,
                address = m.place.address,
                onlineUrl = m.place.onlineUrl,
                onlineNotes = m.place.onlineNotes,
                phone = m.place.phone,
                phoneNotes = m.place.phoneNotes,
                zone = sch.zone,
                startDate = text(sch.startDate),
                endDate = sch.endDate?.let(::text) ?: "",
                startTime = "%02d:%02d".format(sch.startMinute.toInt() / 60, sch.startMinute.toInt() % 60),
                duration = sch.durationMinutes.toString(),
                reminder = m.reminderMinutes?.toString() ?: "",
                notes = m.notes,
                types = m.types,
            )
            return when (val r = sch.repeat) {
                is MeetingRepeat.Weekly -> base.copy(repeat = RepeatChoice.WEEKLY, days = r.days.toSet(), everyWeeks = r.everyWeeks.toString())
                is MeetingRepeat.Monthly -> base.copy(repeat = RepeatChoice.MONTHLY, monthWeek = r.week, monthDay = r.day)
                MeetingRepeat.Once -> base.copy(repeat = RepeatChoice.ONCE)
            }
        }
    }
}

/** The meeting editor: a new meeting ([id] null) or meeting [id], and its delete confirmation. */
data class MeetingEditUiState(
    val id: String? = null,
    val form: MeetingForm = MeetingForm(),
    val kindLabels: Map<MeetingKind, String> = emptyMap(),
    /** The form's format labels in the participant's language. */
    val typeLabels: Map<String, String> = emptyMap(),
    val loading: Boolean = true,
    val busy: Boolean = false,
    val problem: MeetingProblem? = null,
    val error: CoreError? = null,
    val confirmDelete: Boolean = false,
) {
    val editing: Boolean get() = id != null
}

sealed interface MeetingEditEvent {
    data class Change(val form: MeetingForm) : MeetingEditEvent
    data object Save : MeetingEditEvent
    data object AskDelete : MeetingEditEvent
    data object CancelDelete : MeetingEditEvent
    data object ConfirmDelete : MeetingEditEvent
}

class MeetingEditModel(
    private val calls: MeetingsCalls,
    private val scope: CoroutineScope,
    private val language: () -> Language,
    /** The phone's date today, for a new meeting's start (the tests' fixed clock). */
    private val today: () -> LocalDate,
    private val onDone: () -> Unit,
) {
    private val _state = MutableStateFlow(MeetingEditUiState())
    val state: StateFlow<MeetingEditUiState> = _state.asStateFlow()

    fun open(id: String?) {
        _state.value = MeetingEditUiState(id = id)
        scope.launch {
            val labels = calls.kindLabels(language()).getOrElse { return@launch fail(it) }
            val form = if (id == null) {
                MeetingForm.new(calls.phoneZone().getOrElse { return@launch fail(it) }, today())
            } else {
                MeetingForm.of(calls.meeting(id).getOrElse { return@launch fail(it) })
            }
            val types = calls.typeLabels(form.types, language()).getOrElse { return@launch fail(it) }
            _state.update { it.copy(form = form, kindLabels = labels, typeLabels = types, loading = false) }
        }
    }

    fun onEvent(event: MeetingEditEvent) {
        when (event) {
            is MeetingEditEvent.Change -> _state.update { it.copy(form = event.form, problem = null) }
            MeetingEditEvent.Save -> save()
            MeetingEditEvent.AskDelete -> _state.update { it.copy(confirmDelete = true, error = null) }
            MeetingEditEvent.CancelDelete -> _state.update { it.copy(confirmDelete = false) }
            MeetingEditEvent.ConfirmDelete -> delete()
        }
    }

    private fun save() {
        val s = _state.value
        if (s.busy || s.loading) return
        val (draft, problem) = s.form.toDraft()
        if (draft == null) {
            _state.update { it.copy(problem = problem, error = null) }
            return
        }
        _state.update { it.copy(busy = true, error = null, problem = null) }
        scope.launch {
            val id = s.id
            (if (id == null) calls.add(draft) else calls.update(id, draft))
                .onSuccess {
                    _state.update { it.copy(busy = false) }
                    onDone()
                }
                .onFailure { fail(it) }
        }
    }

    private fun delete() {
        val id = _state.value.id ?: return
        if (_state.value.busy) return
        _state.update { it.copy(busy = true, error = null) }
        scope.launch {
            calls.delete(id)
                .onSuccess {
                    _state.update { it.copy(busy = false, confirmDelete = false) }
                    onDone()
                }
                .onFailure { fail(it) }
        }
    }

    private fun fail(e: Throwable) {
        _state.update { it.copy(loading = false, busy = false, error = CoreError.from(e)) }
    }
}
