package org.keel.android.jvm

import java.io.File
import java.nio.file.Files
import org.keel.android.ui.MeasureFormPage
import org.keel.android.ui.MeasureFormState
import org.keel.android.ui.MeasureHistoryPage
import org.keel.android.ui.MeasureHistoryState
import org.keel.android.ui.MeasuresPage
import org.keel.android.ui.MeasuresUiState
import org.keel.core.Language
import org.keel.core.MeasureAnswer
import org.keel.core.MeasureDue
import org.keel.core.MeasureHistory
import org.keel.core.MeasureKind
import org.keel.core.MeasureSchedule
import org.keel.core.MeasureSubmitted
import org.keel.core.Now
import org.keel.core.Vault
import org.keel.core.measureForm

/**
 * The questionnaires' records for the gallery, from a real vault per
 * language: the PHQ-9 and GAD-7 on, three PHQ-9 responses two weeks apart
 * (the last with item 9 above zero, so the core answers its crisis
 * support), and the GAD-7 due.
 */
object MeasureShots {
    private const val DAY = 86_400_000L
    private val now = Now(Fixtures.clock.millis(), Fixtures.clock.zone.id)

    class Data(val due: List<MeasureDue>, val schedules: List<MeasureSchedule>, val history: MeasureHistory, val crisis: MeasureSubmitted)

    private val data: Map<Language, Data> by lazy { Language.entries.associateWith(::build) }

    private fun build(lang: Language): Data {
        val dir = Files.createTempDirectory("keel-measures").toFile()
        try {
            return Vault.create(File(dir, "v").path, Fixtures.PASSPHRASE).use { v ->
                v.savePlan(Fixtures.planWithPhone(lang), null, false, now)
                for (kind in listOf(MeasureKind.PHQ9, MeasureKind.GAD7)) {
                    v.setMeasureSchedule(v.measureSchedules().first { it.measure == kind }.copy(enabled = true, reminderMinute = (18 * 60).toUShort()))
                }
                val items = measureForm(MeasureKind.PHQ9, lang).items
                var last: MeasureSubmitted? = null
                listOf(2, 1, 1).forEachIndexed { i, value ->
                    val answers = items.map { item -> MeasureAnswer(item.key, (if (item.key == "phq9.9") (if (i == 2) 1 else 0) else value + (item.number.toInt() % 2) * (1 - i / 2)).coerceAtMost(3).toUByte()) }
                    last = v.submitMeasure(MeasureKind.PHQ9, lang, answers, null, Now(now.utcMillis - (2 - i) * 14 * DAY, now.zone))
                }
                Data(v.measuresDue(now, lang), v.measureSchedules(), v.measureHistory(MeasureKind.PHQ9, now, lang), last!!)
            }
        } finally {
            dir.deleteRecursively()
        }
    }

    fun list(lang: Language) = data.getValue(lang).let { MeasuresUiState(due = it.due, schedules = it.schedules) }

    /** The PHQ-9 half answered, item 3 named as missing. */
    fun formMissing(lang: Language): MeasureFormState {
        val form = measureForm(MeasureKind.PHQ9, lang)
        val answers = form.items.take(4).filter { it.number != "3" }.associate { it.key to 1.toUByte() }
        return MeasureFormState(MeasureKind.PHQ9, form, answers = answers, missing = "3")
    }

    /** Item 9 above zero: the support first, then the scores. */
    fun crisis(lang: Language): MeasureFormState = data.getValue(lang).crisis.let { done ->
        MeasureFormState(MeasureKind.PHQ9, measureForm(MeasureKind.PHQ9, lang), answers = done.response.answers.associate { it.item to it.value }, submitted = done)
    }

    fun history(lang: Language) = MeasureHistoryState(MeasureKind.PHQ9, data.getValue(lang).history)
}

/** The PHQ-9 whole at font scale 2 on the small phone: about 9,000 dp. */
const val MEASURE_FORM_WINDOW_HEIGHT_DP = 12000f

/**
 * The questionnaires: the list with schedules, a form with a missing answer,
 * the crisis support first, past answers. The BAM shown in English to a
 * Spanish-speaking participant (its note) is in [MeasuresFlowTest]: the whole
 * BAM at font scale 2 is taller than a gallery window can reasonably be.
 */
val measureShots: List<GalleryScreen> = listOf(
    GalleryScreen("measures") { MeasuresPage(MeasureShots.list(language), language, {}, {}, {}, {}) },
    GalleryScreen("measure_form_missing", MEASURE_FORM_WINDOW_HEIGHT_DP) { MeasureFormPage(MeasureShots.formMissing(language), language, phone, {}, {}, {}, {}) },
    GalleryScreen("measure_crisis") { MeasureFormPage(MeasureShots.crisis(language), language, phone, {}, {}, {}, {}) },
    GalleryScreen("measure_history") { MeasureHistoryPage(MeasureShots.history(language), language, {}, {}, {}) },
)
