package org.keel.android.jvm

import java.io.File
import java.nio.file.Files
import org.keel.android.core.CrisisPlan
import org.keel.android.ui.BreathingUiState
import org.keel.android.ui.SosModel
import org.keel.core.CalendarDate
import org.keel.core.ExerciseLength
import org.keel.core.ExerciseOptions
import org.keel.core.ExercisePlayer
import org.keel.core.CravingDraft
import org.keel.core.CravingOutcome
import org.keel.core.EntryContext
import org.keel.core.Halt
import org.keel.core.Language
import org.keel.core.Moment
import org.keel.core.Mood
import org.keel.core.Now
import org.keel.core.SobrietyClockDraft
import org.keel.core.TodayScreen
import org.keel.core.Vault
import org.keel.core.planTemplate

/** What a gallery line draws with: the language, the core's records, a phone that records taps. */
class GalleryScope(val language: Language, val data: GalleryData, val phone: RecordingPhone)

/**
 * The core's real records for the gallery. Per language, a participant's
 * vault (the plan from that language's template, a sobriety clock, a
 * craving an hour ago), unlocked for the whole run, and an empty one.
 * Records are computed once and cached: screens are drawn many times.
 */
class GalleryData : AutoCloseable {
    private val root: File = Files.createTempDirectory("keel-gallery").toFile()
    private val full = HashMap<Language, Vault>()
    private val empty = HashMap<Language, Vault>()
    private val cache = HashMap<String, Any>()

    /** The gallery's fixed moment (Fixtures.clock) as the core takes it. */
    val now = Now(Fixtures.clock.millis(), Fixtures.clock.zone.id)
    private val offsetMinutes = Fixtures.clock.zone.rules.getOffset(Fixtures.clock.instant()).totalSeconds / 60

    /** The participant's vault in [language]: plan, clock, craving. Unlocked. */
    fun vault(language: Language): Vault = synchronized(full) {
        full.getOrPut(language) {
            Vault.create(File(root, "full-${language.name}").path, Fixtures.PASSPHRASE).also { v ->
                v.savePlan(Fixtures.planWithPhone(language), null, false, now)
                v.addClock(SobrietyClockDraft(label = "Alcohol", sobrietyDate = CalendarDate(2026, 9.toUByte(), 14.toUByte())), now)
                v.addCraving(
                    CravingDraft(
                        at = Moment(now.utcMillis - 3_600_000, offsetMinutes),
                        intensity = 6.toUByte(),
                        durationMinutes = 20u,
                        triggers = emptyList(),
                        context = EntryContext(place = "", withWhom = "", halt = Halt(false, false, false, true), mood = Mood.LOW),
                        coping = emptyList(),
                        outcome = CravingOutcome.RODE_IT_OUT,
                        notes = "",
                    ),
                )
            }
        }
    }

    /** A new participant's vault in [language]: nothing saved yet. Unlocked. */
    fun emptyVault(language: Language): Vault = synchronized(empty) {
        empty.getOrPut(language) { Vault.create(File(root, "empty-${language.name}").path, Fixtures.PASSPHRASE) }
    }

    /** Computes [make] once per [key]; for records a screen line needs. */
    @Suppress("UNCHECKED_CAST")
    fun <T : Any> cached(key: String, make: () -> T): T = synchronized(cache) { cache.getOrPut(key, make) as T }

    fun today(language: Language): TodayScreen = cached("today-$language") { vault(language).today(now, language) }

    fun todayEmpty(language: Language): TodayScreen = cached("today-empty-$language") { emptyVault(language).today(now, language) }

    /** SOS while locked: the core's default lines, no steps, no contacts. */
    fun crisisLocked(language: Language): CrisisPlan = cached("crisis-locked-$language") {
        CrisisPlan(planTemplate(language).lapsePlan, emptyList(), saved = false)
    }

    /** SOS while unlocked: the participant's saved plan (from the template) with its contacts. */
    fun crisisSaved(language: Language): CrisisPlan = cached("crisis-saved-$language") {
        val plan = vault(language).currentPlan()!!.plan
        CrisisPlan(plan.lapsePlan, plan.contacts, saved = true)
    }

    /** The SOS breathing exercise [elapsedMs] into its run, as the core lays it out. */
    fun breathing(language: Language, elapsedMs: Long): BreathingUiState = cached("breathing-$language-$elapsedMs") {
        ExercisePlayer.builtin(SosModel.BREATHING_EXERCISE, ExerciseOptions(language, ExerciseLength.Minutes(SosModel.BREATHING_MINUTES))).use { p ->
            BreathingUiState(p.frame(elapsedMs.coerceAtMost(p.totalMs().toLong()).toULong()), ticking = false)
        }
    }

    override fun close() {
        (full.values + empty.values).forEach { it.destroy() }
        root.deleteRecursively()
    }
}
