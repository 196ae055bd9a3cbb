package org.keel.android.core

import org.keel.core.Language
import org.keel.core.LapsePlan
import org.keel.core.TodayScreen

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

    /** Drops every key at once; never waits behind running work. */
    fun lock()

    /** True unless unlocked; never waits. */
    fun isLocked(): Boolean

    /** The Today record at the gateway clock's now. */
    suspend fun today(language: Language): Result<TodayScreen>

    /**
     * What SOS shows: the saved plan's lapse plan while unlocked, else the
     * core's default (crisis steps, 988, SAMHSA) in [language]. Works while
     * locked.
     */
    suspend fun crisisPlan(language: Language): Result<LapsePlan>
}
