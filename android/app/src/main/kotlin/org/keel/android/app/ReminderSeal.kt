package org.keel.android.app

import android.security.keystore.KeyGenParameterSpec
import android.security.keystore.KeyProperties
import java.io.File
import java.nio.ByteBuffer
import java.security.GeneralSecurityException
import java.security.KeyStore
import javax.crypto.Cipher
import javax.crypto.KeyGenerator
import javax.crypto.SecretKey
import javax.crypto.spec.GCMParameterSpec

/**
 * The kept reminder schedule (what the alarms hold: instants and the core's
 * neutral words), sealed on disk with an Android Keystore AES-GCM key that
 * never leaves the phone's secure hardware. It needs no biometric (alarms are
 * re-armed after a reboot, before anyone unlocks), so it guards against the
 * file being copied off the phone, not against this app.
 */
class ReminderSeal(private val file: File, private val alias: String = "keel-reminders") {
    private val keyStore: KeyStore = KeyStore.getInstance(ANDROID_KEYSTORE).apply { load(null) }

    /** The schedule text, or null when there is none or it cannot be opened (the next unlock schedules afresh). */
    fun read(): String? {
        if (!file.isFile) return null
        val key = keyStore.getKey(alias, null) as? SecretKey ?: return null
        return try {
            val buffer = ByteBuffer.wrap(file.readBytes())
            val iv = ByteArray(buffer.get().toInt()).also { buffer.get(it) }
            val sealed = ByteArray(buffer.remaining()).also { buffer.get(it) }
            val cipher = Cipher.getInstance(TRANSFORMATION).apply { init(Cipher.DECRYPT_MODE, key, GCMParameterSpec(128, iv)) }
            String(cipher.doFinal(sealed), Charsets.UTF_8)
        } catch (_: GeneralSecurityException) {
            null
        } catch (_: RuntimeException) {
            null
        }
    }

    /** Seals [text] and replaces the file (written beside it, then renamed). */
    fun write(text: String) {
        val cipher = Cipher.getInstance(TRANSFORMATION).apply { init(Cipher.ENCRYPT_MODE, key()) }
        val sealed = cipher.doFinal(text.toByteArray(Charsets.UTF_8))
        val next = File(file.parentFile, file.name + ".new")
        next.writeBytes(byteArrayOf(cipher.iv.size.toByte()) + cipher.iv + sealed)
        if (!next.renameTo(file)) next.delete()
    }

    private fun key(): SecretKey = keyStore.getKey(alias, null) as? SecretKey ?: run {
        val spec = KeyGenParameterSpec.Builder(alias, KeyProperties.PURPOSE_ENCRYPT or KeyProperties.PURPOSE_DECRYPT)
            .setBlockModes(KeyProperties.BLOCK_MODE_GCM)
            .setEncryptionPaddings(KeyProperties.ENCRYPTION_PADDING_NONE)
            .setKeySize(256)
            .build()
        KeyGenerator.getInstance(KeyProperties.KEY_ALGORITHM_AES, ANDROID_KEYSTORE).run {
            init(spec)
            generateKey()
        }
    }

    private companion object {
        const val ANDROID_KEYSTORE = "AndroidKeyStore"
        const val TRANSFORMATION = "AES/GCM/NoPadding"
    }
}
