package org.keel.android.jvm

import org.keel.android.core.CoreError
import org.keel.android.ui.LogUiState
import org.keel.android.ui.PlanSection
import org.keel.android.ui.PlanUiState
import org.keel.core.Language

/** The plan editor's sections and the log forms' when and where, from [ScreenShots]' real records. */
object PlanLogShots {
    /** The saved plan open at [section]. */
    fun planSection(lang: Language, section: PlanSection): PlanUiState = ScreenShots.planEdit(lang).copy(section = section)

    /** The core refused a crisis line's phone number: said with the section, the draft kept. */
    fun planInvalid(lang: Language): PlanUiState =
        planSection(lang, PlanSection.CRISIS_LINES).copy(error = CoreError.InvalidInput("crisis_lines.phone", "bad_characters"))

    /** A craving with its time picker open and where it happened filled in. */
    fun cravingWhen(lang: Language): LogUiState =
        ScreenShots.craving(lang).copy(changingWhen = true, place = if (lang == Language.ENGLISH) "Work" else "Trabajo", withWhom = "Sam")

    /** The core refused a time still to come. */
    fun cravingInFuture(lang: Language): LogUiState = ScreenShots.craving(lang).copy(error = CoreError.InvalidInput("at", "in_future"))
}
