package org.keel.android.jvm

import java.io.File
import java.nio.file.Files
import org.keel.android.core.CoreError
import org.keel.android.ui.HistoryUiState
import org.keel.android.ui.LogUiState
import org.keel.android.ui.PlanSection
import org.keel.android.ui.PlanUiState
import org.keel.android.ui.TodayUiState
import org.keel.android.ui.logForm
import org.keel.core.CalendarDate
import org.keel.core.CheckInDraft
import org.keel.core.CravingDraft
import org.keel.core.CravingForm
import org.keel.core.CravingOutcome
import org.keel.core.DateRange
import org.keel.core.DateRangePreset
import org.keel.core.EntryContext
import org.keel.core.EntryKind
import org.keel.core.Halt
import org.keel.core.HistoryPage
import org.keel.core.HistoryQuery
import org.keel.core.Language
import org.keel.core.LapseDraft
import org.keel.core.LapseLogged
import org.keel.core.MeetingDraft
import org.keel.core.MeetingKind
import org.keel.core.MeetingPlace
import org.keel.core.MeetingRepeat
import org.keel.core.MeetingSchedule
import org.keel.core.Moment
import org.keel.core.Mood
import org.keel.core.Now
import org.keel.core.PlanRevision
import org.keel.core.PlanRevisionInfo
import org.keel.core.SobrietyClockDraft
import org.keel.core.SobrietyClockStatus
import org.keel.core.TodayScreen
import org.keel.core.TriggerTag
import org.keel.core.Vault
import org.keel.core.planTemplate

/**
 * The Log, History and Plan screens' states for the gallery, built from the
 * core's real records: per language, a vault with that language's plan
 * template, a clock, a week of cravings and check-ins, and a lapse.
 */
object ScreenShots {
    class Data(
        val form: CravingForm,
        val clocks: List<SobrietyClockStatus>,
        val lapse: LapseLogged,
        val history: HistoryPage,
        val ranges: List<DateRange>,
        val plan: PlanRevision,
        val revisions: List<PlanRevisionInfo>,
        /** Today after the lapse, with a meeting on now. */
        val today: TodayScreen,
    )

    private val now = Now(Fixtures.clock.millis(), Fixtures.clock.zone.id)
    private val offset = Fixtures.clock.zone.rules.getOffset(Fixtures.clock.instant()).totalSeconds / 60
    private val at = Moment(Fixtures.clock.millis(), offset)

    private fun hoursAgo(h: Long) = Moment(Fixtures.clock.millis() - h * 3_600_000, offset)

    val data: Map<Language, Data> by lazy { Language.entries.associateWith(::build) }

    private fun build(lang: Language): Data {
        val dir = Files.createTempDirectory("keel-screens").toFile()
        try {
            return Vault.create(File(dir, "v").path, Fixtures.PASSPHRASE).use { v ->
                val first = v.savePlan(planTemplate(lang), null, false, now)
                v.savePlan(first.plan, first.number, true, now)
                v.addClock(SobrietyClockDraft("Alcohol", CalendarDate(2026, 9.toUByte(), 14.toUByte())), now)
                val form0 = v.cravingForm()
                val trigger = form0.triggers.first()
                for (day in 1L..6L) {
                    v.addCheckIn(CheckInDraft(hoursAgo(day * 24), Mood.OKAY, 3.toUByte(), 420u, "", false, Halt(false, false, false, false), ""))
                    v.addCraving(
                        CravingDraft(
                            at = hoursAgo(day * 24 - 5),
                            intensity = (day + 2).toUByte(),
                            durationMinutes = 15u,
                            triggers = listOf(TriggerTag(trigger.id, trigger.name, trigger.category)),
                            context = EntryContext("", "", Halt(false, false, day % 2 == 0L, true), Mood.LOW),
                            coping = listOf(org.keel.core.CopingTag(form0.copingPlans.first().id, form0.copingPlans.first().thenAction)),
                            outcome = CravingOutcome.RODE_IT_OUT,
                            notes = "",
                        ),
                    )
                }
                val clocks = v.listClocks(now)
                val lapse = v.addLapse(
                    LapseDraft(hoursAgo(1), clocks.map { it.id }, true, "", emptyList(), EntryContext("", "", Halt(false, false, true, false), Mood.VERY_LOW), ""),
                    now,
                    lang,
                )
                v.addMeeting(meetingNow())
                val ranges = v.dateRangePresets(now, lang)
                val everything = ranges.first { it.preset == DateRangePreset.EVERYTHING }
                Data(
                    form = v.cravingForm(),
                    clocks = v.listClocks(now),
                    lapse = lapse,
                    history = v.history(HistoryQuery(everything.startUtcMillis, everything.endUtcMillis, emptyList(), null, 8u), lang),
                    ranges = ranges,
                    plan = v.currentPlan()!!,
                    revisions = v.planHistory(),
                    today = v.today(now, lang),
                )
            }
        } finally {
            dir.deleteRecursively()
        }
    }

    /** A group that started at 9:15 on the fixed clock's day (it is 9:30): "I'm here" is offered. */
    fun meetingNow() = MeetingDraft(
        name = "IOP group",
        kind = MeetingKind.IopGroup,
        place = MeetingPlace("Room 2", "", "", "", "", ""),
        schedule = MeetingSchedule("America/Chicago", CalendarDate(2026, 11.toUByte(), 24.toUByte()), null, 555u, 90u, MeetingRepeat.Once),
        reminderMinutes = null,
        notes = "",
        types = emptyList(),
    )

    fun today(lang: Language): TodayUiState = TodayUiState(screen = data.getValue(lang).today)

    fun craving(lang: Language): LogUiState {
        val d = data.getValue(lang)
        val s = logForm(EntryKind.CRAVING, null, d.form, emptyList(), at)
        return s.copy(
            level = 6,
            triggers = s.triggerOptions.take(1),
            coping = s.copingOptions.take(1),
            halt = Halt(false, false, true, true),
            mood = Mood.LOW,
            outcome = CravingOutcome.RODE_IT_OUT,
        )
    }

    fun encounter(lang: Language): LogUiState =
        logForm(EntryKind.ENCOUNTER, null, data.getValue(lang).form, emptyList(), at).copy(problem = org.keel.android.ui.LogProblem.TRIGGER)

    fun checkInEditDelete(lang: Language): LogUiState =
        logForm(EntryKind.CHECK_IN, "x", data.getValue(lang).form, emptyList(), hoursAgo(3))
            .copy(mood = Mood.OKAY, level = 3, intention = "", confirmDelete = true)

    fun lapse(lang: Language): LogUiState {
        val d = data.getValue(lang)
        return logForm(EntryKind.LAPSE, null, d.form, d.clocks, at).copy(clockIds = d.clocks.map { it.id }, resetsClocks = false)
    }

    fun lapseMessage(lang: Language): LogUiState = LogUiState(kind = EntryKind.LAPSE, loading = false, lapseLogged = data.getValue(lang).lapse)

    fun history(lang: Language): HistoryUiState {
        val d = data.getValue(lang)
        return HistoryUiState(d.ranges, DateRangePreset.EVERYTHING, d.history.items, d.history.nextPageToken, loaded = true)
    }

    fun plan(lang: Language): PlanUiState {
        val d = data.getValue(lang)
        return PlanUiState(loaded = true, current = d.plan, revisions = d.revisions)
    }

    fun planEdit(lang: Language): PlanUiState {
        val d = data.getValue(lang)
        return PlanUiState(loaded = true, current = d.plan, draft = d.plan.plan, basedOn = d.plan.number, section = PlanSection.WARNING_SIGNS)
    }

    fun planConflict(lang: Language): PlanUiState = planEdit(lang).copy(error = CoreError.Conflict(3u))

    fun planNone(): PlanUiState = PlanUiState(loaded = true)

    /** A first plan started from the template, before its first save. */
    fun planFromTemplate(lang: Language): PlanUiState = PlanUiState(loaded = true, draft = planTemplate(lang))
}
