package org.keel.android.app

import android.annotation.TargetApi
import android.os.Build
import android.security.keystore.KeyGenParameterSpec
import android.security.keystore.KeyPermanentlyInvalidatedException
import android.security.keystore.KeyProperties
import java.security.KeyStore
import javax.crypto.Cipher
import javax.crypto.KeyGenerator
import javax.crypto.SecretKey
import javax.crypto.spec.GCMParameterSpec
import org.keel.core.DeviceSecret

/**
 * The Android Keystore key that wraps the core's device secret (from the
 * vault's add_device_slot). The key never leaves secure hardware, needs a
 * biometric for every use, and is invalidated when a new biometric is
 * enrolled; the passphrase always remains the way back in.
 */
class DeviceKey(private val alias: String = "keel-device-slot") {
    private val keyStore: KeyStore = KeyStore.getInstance(ANDROID_KEYSTORE).apply { load(null) }

    /** A cipher to wrap a new device secret; unlock it with a biometric prompt (AndroidBiometrics) first. */
    fun encryptCipher(): Cipher {
        deleteKey()
        return Cipher.getInstance(TRANSFORMATION).apply { init(Cipher.ENCRYPT_MODE, createKey()) }
    }

    /**
     * Wraps a new device secret (the `secret` of the vault's addDeviceSlot()) with [cipher], an
     * [encryptCipher] the biometric prompt unlocked; keep the result with `cipher.iv`. The bytes
     * the secret exposes are overwritten as soon as they are wrapped; release the object after.
     */
    fun seal(cipher: Cipher, secret: DeviceSecret): ByteArray {
        val bytes = secret.exposeBytes()
        return try {
            cipher.doFinal(bytes)
        } finally {
            bytes.fill(0)
        }
    }

    /**
     * A cipher to unwrap the stored secret, or null when the key is gone or
     * was invalidated by a new enrolment (then: passphrase, and enrol again).
     */
    fun decryptCipher(iv: ByteArray): Cipher? {
        val key = keyStore.getKey(alias, null) as? SecretKey ?: return null
        return try {
            Cipher.getInstance(TRANSFORMATION).apply { init(Cipher.DECRYPT_MODE, key, GCMParameterSpec(128, iv)) }
        } catch (_: KeyPermanentlyInvalidatedException) {
            deleteKey()
            null
        }
    }

    /** True while the key exists (it may still be invalidated: [decryptCipher] says). */
    fun exists(): Boolean = keyStore.containsAlias(alias)

    fun deleteKey() {
        if (keyStore.containsAlias(alias)) keyStore.deleteEntry(alias)
    }

    /** Called only once AndroidBiometrics.available() said SDK 30+. */
    @TargetApi(Build.VERSION_CODES.R)
    private fun createKey(): SecretKey {
        val spec = KeyGenParameterSpec.Builder(alias, KeyProperties.PURPOSE_ENCRYPT or KeyProperties.PURPOSE_DECRYPT)
            .setBlockModes(KeyProperties.BLOCK_MODE_GCM)
            .setEncryptionPaddings(KeyProperties.ENCRYPTION_PADDING_NONE)
            .setKeySize(256)
            .setUserAuthenticationRequired(true)
            .setInvalidatedByBiometricEnrollment(true)
            // Every use needs a fresh strong biometric (API 30+; the app offers
            // biometric unlock from API 30 only, see AndroidBiometrics).
            .setUserAuthenticationParameters(0, KeyProperties.AUTH_BIOMETRIC_STRONG)
            .build()
        return KeyGenerator.getInstance(KeyProperties.KEY_ALGORITHM_AES, ANDROID_KEYSTORE).run {
            init(spec)
            generateKey()
        }
    }

    private companion object {
        const val ANDROID_KEYSTORE = "AndroidKeyStore"
        const val TRANSFORMATION = "AES/GCM/NoPadding"
    }
}
