package org.keel.android.core

import org.keel.core.Language
import org.keel.core.MeasureAnswer
import org.keel.core.MeasureDue
import org.keel.core.MeasureForm
import org.keel.core.MeasureHistory
import org.keel.core.MeasureKind
import org.keel.core.MeasureSchedule
import org.keel.core.MeasureSubmitted
import org.keel.core.measureForm

/**
 * The standard self-report measures (BAM, PHQ-9, GAD-7, AUDIT-C) through the
 * gateway's one door. The core holds the instruments as data, validates and
 * scores the answers and keeps each response sealed; these calls only carry
 * the participant's choices to it and its records back.
 */
class MeasuresCalls(private val gateway: VaultGateway) {
    /** Which measures are due at the gateway clock's now, in [language]. */
    suspend fun due(language: Language): Result<List<MeasureDue>> =
        gateway.withVault { vault, now -> vault.measuresDue(now, language) }

    /**
     * The form of [measure] in [language]: items, choices, instructions, its
     * source and terms. Needs no vault. A language the measure was never
     * published in is [CoreError.InvalidInput] (field `language`): the screen
     * offers the languages the form lists instead.
     */
    suspend fun form(measure: MeasureKind, language: Language): Result<MeasureForm> =
        gateway.withCore { measureForm(measure, language) }

    /**
     * Stores [answers] as a new response, or as the edit of [responseId] while
     * its period is open; the result carries the scores and, when an answer
     * raised it, the crisis support to show at once.
     */
    suspend fun submit(measure: MeasureKind, language: Language, answers: List<MeasureAnswer>, responseId: String?): Result<MeasureSubmitted> =
        gateway.withVault { vault, now -> vault.submitMeasure(measure, language, answers, responseId, now) }

    /** Every response of [measure], newest first, with the score trends and the items that moved. */
    suspend fun history(measure: MeasureKind, language: Language): Result<MeasureHistory> =
        gateway.withVault { vault, now -> vault.measureHistory(measure, now, language) }

    /** Each measure's schedule (on or off, every how many days, its reminder time). */
    suspend fun schedules(): Result<List<MeasureSchedule>> = gateway.withVault { vault, _ -> vault.measureSchedules() }

    /** Saves one measure's schedule; answers every schedule as stored. */
    suspend fun setSchedule(schedule: MeasureSchedule): Result<List<MeasureSchedule>> =
        gateway.withVault { vault, _ -> vault.setMeasureSchedule(schedule) }
}
