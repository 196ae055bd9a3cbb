package org.keel.android.jvm

import java.io.File
import java.nio.file.Files
import java.time.ZonedDateTime
import kotlinx.coroutines.runBlocking
import org.keel.android.core.CoreError
import org.keel.android.core.InsightsCalls
import org.keel.android.core.InsightsData
import org.keel.android.ui.InsightsModel
import org.keel.android.ui.InsightsSection
import org.keel.android.ui.InsightsUiState
import org.keel.core.AttendanceDraft
import org.keel.core.AttendanceStatus
import org.keel.core.CalendarDate
import org.keel.core.CheckInDraft
import org.keel.core.CopingTag
import org.keel.core.CravingDraft
import org.keel.core.CravingOutcome
import org.keel.core.EntryContext
import org.keel.core.ExerciseLength
import org.keel.core.ExerciseSessionEnd
import org.keel.core.ExerciseSessionStart
import org.keel.core.Halt
import org.keel.core.Language
import org.keel.core.LapseDraft
import org.keel.core.MeasureAnswer
import org.keel.core.MeasureKind
import org.keel.core.MeetingDraft
import org.keel.core.MeetingKind
import org.keel.core.MeetingPlace
import org.keel.core.MeetingRepeat
import org.keel.core.MeetingSchedule
import org.keel.core.Moment
import org.keel.core.Mood
import org.keel.core.Now
import org.keel.core.SobrietyClockDraft
import org.keel.core.TriggerTag
import org.keel.core.Vault
import org.keel.core.Weekday
import org.keel.core.measureForm
import org.keel.core.planTemplate

/**
 * Four weeks of a participant's records for the Insights screen, written
 * through the core's own calls and read back with [InsightsCalls]: cravings
 * at several hours with the plan's triggers and coping, one rated exercise,
 * lapses (three that restarted the clock, one that did not, so the
 * clock has four streaks), check-ins with sleep, a twice-weekly
 * group with its attendance, and PHQ-9 and GAD-7 answered three times.
 */
object InsightsShots {
    private val now = Now(Fixtures.clock.millis(), Fixtures.clock.zone.id)
    private const val DAY = 86_400_000L

    /** [daysAgo] days before the fixed clock's day, at [hour]:[minute] local time. */
    fun at(daysAgo: Long, hour: Int, minute: Int = 0): Moment {
        val t = ZonedDateTime.now(Fixtures.clock).minusDays(daysAgo).withHour(hour).withMinute(minute).withSecond(0).withNano(0)
        return Moment(t.toInstant().toEpochMilli(), t.offset.totalSeconds / 60)
    }

    /** Writes the four weeks into [v] (unlocked), in [lang] where the plan has words. */
    fun fill(v: Vault, lang: Language) {
        v.savePlan(planTemplate(lang), null, false, now)
        v.addClock(SobrietyClockDraft("Alcohol", CalendarDate(2026, 9.toUByte(), 14.toUByte())), now)
        val form = v.cravingForm()
        val triggers = form.triggers.take(3).map { TriggerTag(it.id, it.name, it.category) }
        val coping = form.copingPlans.take(2).map { CopingTag(it.id, it.thenAction) }
        val days = listOf(1L, 2L, 3L, 5L, 6L, 8L, 9L, 10L, 13L, 15L, 16L, 19L, 22L, 23L, 26L)
        val hours = listOf(19, 21, 8, 18, 14, 21)
        var rated: String? = null
        days.forEachIndexed { i, d ->
            val craving = v.addCraving(
                CravingDraft(
                    at = at(d, hours[i % hours.size], 10),
                    intensity = (3 + (i * 5) % 7).toUByte(),
                    durationMinutes = 15u,
                    triggers = listOf(triggers[i % triggers.size]),
                    context = EntryContext("", "", Halt(i % 3 == 0, false, false, i % 2 == 0), Mood.LOW),
                    coping = listOf(coping[i % coping.size]),
                    outcome = if (i % 5 == 4) CravingOutcome.OTHER else CravingOutcome.RODE_IT_OUT,
                    notes = "",
                ),
            )
            if (d == 2L) rated = craving.id
        }
        val session = v.startExerciseSession(ExerciseSessionStart("breath.box", ExerciseLength.Standard, at(2, 21, 15), 8u, rated))
        v.finishExerciseSession(session.id, ExerciseSessionEnd(at(2, 21, 20), null, 4u, rated))
        val clocks = v.listClocks(now).map { it.id }
        v.addLapse(LapseDraft(at(20, 22), clocks, true, "", listOf(triggers[0]), EntryContext("", "", Halt(false, false, true, false), Mood.VERY_LOW), ""), now, lang)
        // Earlier resets and one lapse the participant chose not to count
        // against the clock: streaks of 11, 14 and 24 days, then the current one.
        val quiet = EntryContext("", "", Halt(false, false, false, false), null)
        for ((daysAgo, resets) in listOf(60L to true, 45L to true, 8L to false)) {
            v.addLapse(LapseDraft(at(daysAgo, 20), clocks, resets, "", emptyList(), quiet, ""), now, lang)
        }
        for (d in 1L..14L) {
            val mood = listOf(Mood.LOW, Mood.OKAY, Mood.GOOD, Mood.OKAY, Mood.VERY_GOOD)[(d % 5).toInt()]
            v.addCheckIn(CheckInDraft(at(d, 21, 30), mood, ((d * 3) % 8).toUByte(), (330 + (d * 37) % 180).toUInt(), "", false, Halt(false, false, false, false), ""))
        }
        val group = v.addMeeting(
            MeetingDraft(
                name = "IOP group",
                kind = MeetingKind.IopGroup,
                place = MeetingPlace("Room 2", "", "", "", "", ""),
                schedule = MeetingSchedule("America/Chicago", CalendarDate(2026, 10.toUByte(), 1.toUByte()), null, 1080u, 180u, MeetingRepeat.Weekly(listOf(Weekday.MONDAY, Weekday.THURSDAY), 1u)),
                reminderMinutes = null,
                notes = "",
                types = emptyList(),
            ),
        )
        v.meetingOccurrences(now.utcMillis - 30 * DAY, now.utcMillis).forEachIndexed { i, o ->
            val status = if (i % 4 == 3) AttendanceStatus.MISSED else AttendanceStatus.ATTENDED
            v.recordAttendance(AttendanceDraft(group.id, o.start, status, null, ""))
        }
        for ((kind, values) in listOf(MeasureKind.PHQ9 to listOf(2, 1, 1), MeasureKind.GAD7 to listOf(1, 2, 1))) {
            val items = measureForm(kind, Language.ENGLISH).items.filter { it.required && it.askedIf == null }
            values.forEachIndexed { i, value ->
                val answers = items.map { item -> MeasureAnswer(item.key, (if (item.key == "phq9.9") 0 else value).toUByte()) }
                v.submitMeasure(kind, lang, answers, null, Now(now.utcMillis - (2 - i) * 14 * DAY, now.zone))
            }
        }
    }

    private val data: Map<Language, InsightsData> by lazy { Language.entries.associateWith { load(it, full = true) } }
    private val empty: Map<Language, InsightsData> by lazy { Language.entries.associateWith { load(it, full = false) } }

    private fun load(lang: Language, full: Boolean): InsightsData {
        val dir = Files.createTempDirectory("keel-insights").toFile()
        val gateway = Fixtures.gateway(File(dir, "v"))
        try {
            return runBlocking {
                gateway.create(Fixtures.PASSPHRASE).getOrThrow()
                if (full) gateway.withVault { v, _ -> fill(v, lang) }.getOrThrow()
                InsightsCalls(gateway).load(InsightsModel.DEFAULT_RANGE, lang).getOrThrow()
            }
        } finally {
            gateway.lock()
            dir.deleteRecursively()
        }
    }

    fun insights(lang: Language, section: InsightsSection) = InsightsUiState(data = data.getValue(lang), section = section)

    /** A new participant: nothing logged yet. */
    fun insightsEmpty(lang: Language, section: InsightsSection) = InsightsUiState(data = empty.getValue(lang), section = section)

    /** Another range loading over the records shown. */
    fun insightsLoading(lang: Language) = InsightsUiState(data = empty.getValue(lang), busy = true)

    fun insightsError() = InsightsUiState(error = CoreError.Internal)
}
