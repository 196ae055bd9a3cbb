package org.keel.android.core

import org.keel.core.AttendanceRecord
import org.keel.core.CancelToken
import org.keel.core.CheckIn
import org.keel.core.CheckInDraft
import org.keel.core.Craving
import org.keel.core.CravingDraft
import org.keel.core.CravingForm
import org.keel.core.DateRange
import org.keel.core.Encounter
import org.keel.core.EncounterDraft
import org.keel.core.ExercisePlayer
import org.keel.core.HistoryPage
import org.keel.core.HistoryQuery
import org.keel.core.Language
import org.keel.core.Lapse
import org.keel.core.LapseDraft
import org.keel.core.LapseLogged
import org.keel.core.LapsePlan
import org.keel.core.Moment
import org.keel.core.NewDeviceSlot
import org.keel.core.Now
import org.keel.core.Plan
import org.keel.core.PlanRevision
import org.keel.core.PlanRevisionInfo
import org.keel.core.Progress
import org.keel.core.RestoreSummary
import org.keel.core.SobrietyClockStatus
import org.keel.core.SupportContact
import org.keel.core.PassphraseEstimate
import org.keel.core.TodayScreen
import org.keel.core.Vault

/**
 * What SOS shows: the saved plan's lapse plan (its steps, overdose safety
 * and crisis lines) and support contacts while unlocked ([saved] true), or
 * the core's defaults (988 and the SAMHSA helpline) and no contacts while
 * locked or before a plan is saved.
 */
data class CrisisPlan(val lapsePlan: LapsePlan, val contacts: List<SupportContact>, val saved: Boolean)

/**
 * The one door from the screens to the core. Every call is main-safe: it
 * runs on one serial dispatcher (the vault has one lock, so parallel calls
 * would only queue inside it) and answers a [Result] whose failure is a
 * [CoreError]. Records come back exactly as the core computed them.
 */
interface VaultGateway {
    /**
     * Runs [block] with the opened vault and the gateway clock's now, on the
     * core's one dispatcher; a core failure comes back as a [CoreError]. Each
     * further domain (meetings, exercises, insights, report, …) keeps its
     * calls in a small class of its own built on this door (`MeetingsCalls`
     * in `MeetingsCalls.kt`), so this interface stays the session's calls.
     */
    suspend fun <T> withVault(block: (vault: Vault, now: Now) -> T): Result<T>

    /** Runs a core call that needs no vault (templates, players, file inspection) the same way. */
    suspend fun <T> withCore(block: () -> T): Result<T>

    /** True if a vault exists: show Unlock rather than first launch. */
    suspend fun exists(): Boolean

    /** Creates the vault with [passphrase]; it is unlocked afterwards. */
    suspend fun create(passphrase: String): Result<Unit>

    /**
     * Creates the vault from a backup instead (first launch on a new phone):
     * the core checks the whole [backup] with [backupPassphrase], makes the
     * vault under the new [passphrase] and writes every record; unlocked
     * afterwards. Long (two key derivations); a failure or a cancel through
     * [cancel] leaves no vault.
     */
    suspend fun restoreNew(
        backup: ByteArray,
        backupPassphrase: String,
        passphrase: String,
        progress: Progress?,
        cancel: CancelToken?,
    ): Result<RestoreSummary>

    /**
     * The core's strength estimate of a passphrase being typed, its reason
     * and suggestions in [language]. Needs no vault; fast, but call it
     * debounced (the first call loads the estimator's word lists).
     */
    suspend fun estimatePassphrase(passphrase: String, language: Language): Result<PassphraseEstimate>

    /** A passphrase of common words in [language] made by the core; always accepted. */
    suspend fun suggestPassphrase(language: Language): Result<String>

    /** Unlocks with the passphrase (a key derivation: long). */
    suspend fun unlock(passphrase: String): Result<Unit>

    /**
     * Unlocks with the device secret the platform keystore released after a
     * biometric; wipes [secret] (fills it with zeros) before returning.
     */
    suspend fun unlockWithDeviceSecret(secret: ByteArray): Result<Unit>

    /** Adds a device slot (unlocked only): its id and its secret, for the platform keystore. */
    suspend fun addDeviceSlot(): Result<NewDeviceSlot>

    /** The vault's device slots' ids (unlocked only): whether biometric unlock is set up for it. */
    suspend fun deviceSlots(): Result<List<String>>

    /** Removes a key slot (unlocked only): biometric unlock turned off or enrolment abandoned. */
    suspend fun removeSlot(slotId: String): Result<Unit>

    /** Drops every key at once; never waits behind running work. */
    fun lock()

    /** True unless unlocked; never waits. */
    fun isLocked(): Boolean

    /** The Today record at the gateway clock's now. */
    suspend fun today(language: Language): Result<TodayScreen>

    /** What SOS shows ([CrisisPlan]) in [language]. Works while locked. */
    suspend fun crisisPlan(language: Language): Result<CrisisPlan>

    /**
     * A player for the built-in exercise [exerciseId] at about [minutes]
     * minutes in [language]. Needs no vault (works while locked); the
     * player's frames are computed without the vault, so ask it directly.
     */
    suspend fun exercisePlayer(exerciseId: String, language: Language, minutes: UInt): Result<ExercisePlayer>

    /** "I'm here": records the meeting on now as attended (`NotFound` if none is on). */
    suspend fun checkInToMeeting(): Result<AttendanceRecord>

    /** The gateway clock's instant with the offset in force: when an entry logged now happened. */
    fun moment(): Moment

    /** The craving form's choices: the plan's triggers and coping, and recent free-text ones. */
    suspend fun cravingForm(): Result<CravingForm>

    /** The sobriety clocks as they stand now (a lapse offers them to restart). */
    suspend fun clocks(): Result<List<SobrietyClockStatus>>

    suspend fun addCraving(draft: CravingDraft): Result<Craving>
    suspend fun updateCraving(id: String, draft: CravingDraft): Result<Craving>
    suspend fun craving(id: String): Result<Craving>
    suspend fun deleteCraving(id: String): Result<Unit>

    suspend fun addEncounter(draft: EncounterDraft): Result<Encounter>
    suspend fun updateEncounter(id: String, draft: EncounterDraft): Result<Encounter>
    suspend fun encounter(id: String): Result<Encounter>
    suspend fun deleteEncounter(id: String): Result<Unit>

    suspend fun addCheckIn(draft: CheckInDraft): Result<CheckIn>
    suspend fun updateCheckIn(id: String, draft: CheckInDraft): Result<CheckIn>
    suspend fun checkIn(id: String): Result<CheckIn>
    suspend fun deleteCheckIn(id: String): Result<Unit>

    /** Logs a lapse: the lapse, the core's message in [language], the lapse plan, the clocks now. */
    suspend fun addLapse(draft: LapseDraft, language: Language): Result<LapseLogged>
    suspend fun updateLapse(id: String, draft: LapseDraft): Result<Lapse>
    suspend fun lapse(id: String): Result<Lapse>
    suspend fun deleteLapse(id: String): Result<Unit>

    /** One page of the merged history, newest first; pass its token back for the next. */
    suspend fun history(query: HistoryQuery, language: Language): Result<HistoryPage>

    /** The date-range presets at the gateway clock's now, labelled in [language]. */
    suspend fun dateRangePresets(language: Language): Result<List<DateRange>>

    /** The saved plan, or null before the first save. */
    suspend fun currentPlan(): Result<PlanRevision?>

    /** The guided template in [language]; works before any plan is saved. */
    suspend fun planTemplate(language: Language): Result<Plan>

    /** Saves on top of [basedOn]; a stale one fails as [CoreError.Conflict] and writes nothing. */
    suspend fun savePlan(plan: Plan, basedOn: UInt?, withCounselor: Boolean): Result<PlanRevision>

    /** Every saved revision, newest first. */
    suspend fun planHistory(): Result<List<PlanRevisionInfo>>

    suspend fun planRevision(number: UInt): Result<PlanRevision>
}
