package org.keel.android.core

import org.keel.core.ExercisePlayer
import org.keel.core.Language
import org.keel.core.LapsePlan
import org.keel.core.NewDeviceSlot
import org.keel.core.SupportContact
import org.keel.core.TodayScreen

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
    /** True if a vault exists: show Unlock rather than first launch. */
    suspend fun exists(): Boolean

    /** Creates the vault with [passphrase]; it is unlocked afterwards. */
    suspend fun create(passphrase: String): Result<Unit>

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
}
