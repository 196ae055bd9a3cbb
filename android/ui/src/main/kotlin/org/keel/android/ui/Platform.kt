package org.keel.android.ui

import org.keel.core.NewDeviceSlot

/** Calls and texts, done by the platform (intents on Android); tests record them. */
interface PhoneActions {
    fun call(phone: String)
    fun text(phone: String)
}

/**
 * Biometric unlock, done by the platform: on Android a Keystore key that
 * needs a strong biometric for every use and is invalidated by a new
 * enrolment wraps the core's device secret (`AndroidBiometrics` in `app`);
 * tests use a fake. The passphrase always remains the way back in.
 */
interface Biometrics {
    /** The phone can unlock with a strong biometric (hardware present, one enrolled). */
    fun available(): Boolean

    /** A wrapped device secret is stored on this phone: offer the biometric button. */
    fun enrolled(): Boolean

    /**
     * Shows the system prompt and wraps [slot]'s secret behind it; false
     * when the person cancelled or the platform failed (the caller then
     * removes the slot from the vault).
     */
    suspend fun enrol(slot: NewDeviceSlot): Boolean

    /**
     * Shows the system prompt and unwraps the stored secret: [BiometricUnlock.Secret],
     * [BiometricUnlock.Cancelled], or [BiometricUnlock.Invalidated] when a new
     * biometric was enrolled since (the stored secret is then forgotten).
     */
    suspend fun unlock(): BiometricUnlock

    /** Forgets the stored secret and its key; answers the slot id it held, to remove from the vault. */
    fun forget(): String?
}

sealed interface BiometricUnlock {
    /** The device secret's bytes: hand them to the gateway at once, which wipes them. */
    class Secret(val bytes: ByteArray) : BiometricUnlock {
        override fun toString() = "Secret(..)"
    }

    data object Cancelled : BiometricUnlock

    /**
     * A new biometric was enrolled: the key is gone and the stored secret
     * forgotten; [slotId] is the vault's slot it opened, to remove once the
     * passphrase has unlocked the vault.
     */
    data class Invalidated(val slotId: String?) : BiometricUnlock
}

/** A phone without biometric unlock (and the default in tests that do not need it). */
object NoBiometrics : Biometrics {
    override fun available() = false
    override fun enrolled() = false
    override suspend fun enrol(slot: NewDeviceSlot) = false
    override suspend fun unlock(): BiometricUnlock = BiometricUnlock.Cancelled
    override fun forget(): String? = null
}

/**
 * Files the participant chooses, through the system's document picker and
 * share sheet (the Storage Access Framework and `ACTION_SEND` on Android);
 * tests use a recording fake. Keel never picks a place itself: a file leaves
 * the vault only where the participant sends it.
 */
interface Documents {
    /** The system picker for one file of [mimeTypes]; its bytes, or null when the participant cancelled. */
    suspend fun open(mimeTypes: List<String>): ByteArray?

    /** The system "save to" picker for [bytes] named [suggestedName]; false when the participant cancelled. */
    suspend fun save(suggestedName: String, mimeType: String, bytes: ByteArray): Boolean

    /** The share sheet for [bytes] named [suggestedName]; false when it could not be shown. */
    suspend fun share(suggestedName: String, mimeType: String, bytes: ByteArray): Boolean
}

/** A platform without a document picker (and the default in tests that do not need one). */
object NoDocuments : Documents {
    override suspend fun open(mimeTypes: List<String>): ByteArray? = null
    override suspend fun save(suggestedName: String, mimeType: String, bytes: ByteArray) = false
    override suspend fun share(suggestedName: String, mimeType: String, bytes: ByteArray) = false
}
