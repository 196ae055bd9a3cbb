package org.keel.android.app

import android.annotation.TargetApi
import android.app.Activity
import android.content.Context
import android.hardware.biometrics.BiometricManager
import android.hardware.biometrics.BiometricPrompt
import android.os.Build
import android.os.CancellationSignal
import java.io.DataInputStream
import java.io.DataOutputStream
import java.io.File
import javax.crypto.Cipher
import kotlin.coroutines.resume
import kotlinx.coroutines.suspendCancellableCoroutine
import org.keel.android.ui.BiometricUnlock
import org.keel.android.ui.Biometrics
import org.keel.android.ui.Str
import org.keel.android.ui.Strings
import org.keel.android.ui.appName
import org.keel.core.NewDeviceSlot

/**
 * Biometric unlock with the framework's BiometricPrompt and a [DeviceKey]
 * (no androidx): the core's device secret is wrapped by a Keystore key that
 * needs a strong biometric for every use and dies with a new enrolment. The
 * wrapped secret, its GCM nonce and the slot id live in [store] (no-backup
 * storage, private to the app). Offered from Android 11 (API 30), where the
 * framework prompt takes `BIOMETRIC_STRONG` with a CryptoObject; below that
 * the passphrase is the only way in. Every entry point checks [available]
 * (SDK 30+) first, hence the class-wide TargetApi for lint.
 */
@TargetApi(Build.VERSION_CODES.R)
class AndroidBiometrics(
    private val context: Context,
    private val texts: () -> Strings,
    /** Discreet mode now: the prompt names the app as the launcher does. */
    private val discreet: () -> Boolean,
    private val key: DeviceKey = DeviceKey(),
    private val store: File = File(context.noBackupFilesDir, "device-slot"),
) : Biometrics {
    /** The activity the prompt is shown over; MainActivity sets it while resumed. */
    @Volatile var activity: Activity? = null

    override fun available(): Boolean {
        if (Build.VERSION.SDK_INT < Build.VERSION_CODES.R) return false
        val manager = context.getSystemService(BiometricManager::class.java) ?: return false
        return manager.canAuthenticate(BiometricManager.Authenticators.BIOMETRIC_STRONG) == BiometricManager.BIOMETRIC_SUCCESS
    }

    override fun enrolled(): Boolean = available() && store.isFile && key.exists()

    override suspend fun enrol(slot: NewDeviceSlot): Boolean {
        if (!available()) return false
        val cipher = key.encryptCipher()
        val unlocked = prompt(cipher) ?: run {
            key.deleteKey()
            return false
        }
        val wrapped = key.seal(unlocked, slot.secret)
        DataOutputStream(store.outputStream()).use { out ->
            out.writeUTF(slot.slotId)
            out.writeInt(unlocked.iv.size)
            out.write(unlocked.iv)
            out.writeInt(wrapped.size)
            out.write(wrapped)
        }
        return true
    }

    override suspend fun unlock(): BiometricUnlock {
        val saved = read() ?: return BiometricUnlock.Invalidated(null)
        val cipher = key.decryptCipher(saved.iv) ?: run {
            forget()
            return BiometricUnlock.Invalidated(saved.slotId)
        }
        val unlocked = prompt(cipher) ?: return BiometricUnlock.Cancelled
        return BiometricUnlock.Secret(unlocked.doFinal(saved.wrapped))
    }

    override fun forget(): String? {
        val id = read()?.slotId
        store.delete()
        key.deleteKey()
        return id
    }

    private class Saved(val slotId: String, val iv: ByteArray, val wrapped: ByteArray)

    /** The stored slot; null when there is none or it is unreadable (then biometric unlock is off). */
    private fun read(): Saved? = try {
        DataInputStream(store.inputStream()).use { input ->
            val id = input.readUTF()
            val iv = ByteArray(input.readInt().coerceIn(0, MAX_FIELD)).also { input.readFully(it) }
            val wrapped = ByteArray(input.readInt().coerceIn(0, MAX_FIELD)).also { input.readFully(it) }
            Saved(id, iv, wrapped)
        }
    } catch (_: java.io.IOException) {
        null
    }

    /** The system prompt bound to [cipher]: the unlocked cipher, or null (cancelled, error, no activity). */
    private suspend fun prompt(cipher: Cipher): Cipher? {
        val host = activity ?: return null
        val s = texts()
        return suspendCancellableCoroutine { cont ->
            val cancel = CancellationSignal()
            cont.invokeOnCancellation { cancel.cancel() }
            val prompt = BiometricPrompt.Builder(host)
                .setTitle(s[Str.screen_biometric_prompt_title, s.appName(discreet())])
                .setNegativeButton(s[Str.screen_biometric_prompt_cancel], host.mainExecutor) { _, _ -> if (cont.isActive) cont.resume(null) }
                .setAllowedAuthenticators(BiometricManager.Authenticators.BIOMETRIC_STRONG)
                .build()
            prompt.authenticate(
                BiometricPrompt.CryptoObject(cipher),
                cancel,
                host.mainExecutor,
                object : BiometricPrompt.AuthenticationCallback() {
                    override fun onAuthenticationSucceeded(result: BiometricPrompt.AuthenticationResult) {
                        if (cont.isActive) cont.resume(result.cryptoObject?.cipher)
                    }

                    override fun onAuthenticationError(errorCode: Int, errString: CharSequence) {
                        if (cont.isActive) cont.resume(null)
                    }
                },
            )
        }
    }

    private companion object {
        /** Nonce and wrapped secret are tens of bytes; anything larger is damage. */
        const val MAX_FIELD = 1024
    }
}
