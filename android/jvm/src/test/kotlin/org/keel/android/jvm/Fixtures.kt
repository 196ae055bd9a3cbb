package org.keel.android.jvm

import java.io.File
import java.time.Clock
import java.time.Instant
import java.time.ZoneId
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.SupervisorJob
import org.keel.android.core.RustVaultGateway
import org.keel.android.desktop.XmlStringSource
import org.keel.android.ui.AppModel
import org.keel.android.ui.AppSettings
import org.keel.android.ui.BiometricUnlock
import org.keel.android.ui.Documents
import org.keel.android.ui.Biometrics
import org.keel.android.ui.NoBiometrics
import org.keel.core.NewDeviceSlot
import org.keel.android.ui.PhoneActions
import org.keel.core.Language
import org.keel.core.Plan
import org.keel.core.planTemplate

/** What the tests share: the real texts, a fixed clock, a real vault folder. */
object Fixtures {
    val res = File(System.getProperty("keel.res") ?: "../ui/src/main/res")
    val sources = File(System.getProperty("keel.sources") ?: "..")
    val gallery = File(System.getProperty("keel.gallery") ?: "target/gallery")
    val strings = XmlStringSource(res)

    /** Tuesday 24 November 2026, 09:30 in Chicago (in the past: the core refuses future entries): a fixed moment for every screen. */
    val clock: Clock = Clock.fixed(Instant.parse("2026-11-24T15:30:00Z"), ZoneId.of("America/Chicago"))

    const val PASSPHRASE = "correct horse battery staple"

    /** A sponsor's phone (a fictional 555 number) in the template plan, so contacts can be called and texted. */
    const val SPONSOR_PHONE = "555-0134"

    /** The [language] template plan with [SPONSOR_PHONE] on its first contact. */
    fun planWithPhone(language: Language): Plan = planTemplate(language).let { plan ->
        plan.copy(contacts = plan.contacts.mapIndexed { i, c -> if (i == 0) c.copy(phone = SPONSOR_PHONE) else c })
    }

    fun gateway(dir: File) = RustVaultGateway(dir.absolutePath, clock)

    fun app(
        gateway: RustVaultGateway,
        settings: MemorySettings = MemorySettings(),
        biometrics: Biometrics = NoBiometrics,
        elapsedMillis: () -> Long = { System.nanoTime() / 1_000_000 },
        documents: Documents = RecordingDocuments(),
    ) = AppModel(gateway, settings, CoroutineScope(SupervisorJob() + Dispatchers.Default), biometrics = biometrics, elapsedMillis = elapsedMillis, documents = documents)
}

class MemorySettings(
    override var language: Language? = null,
    override var lockAfterSeconds: Int = 0,
    override var secureScreen: Boolean = true,
    override var discreet: Boolean = false,
    override var exerciseVibrate: Boolean = true,
    override var exerciseSound: Boolean = false,
) : AppSettings

/** Records what the participant tapped instead of dialling. */
class RecordingPhone : PhoneActions {
    val calls = mutableListOf<String>()
    val texts = mutableListOf<String>()
    override fun call(phone: String) { calls += phone }
    override fun text(phone: String) { texts += phone }
}

/**
 * A phone's biometric unlock without the phone: [accept] is what the person
 * does at the system prompt; [newEnrolment] stands for a fingerprint added
 * since, which invalidates the Keystore key. Keeps the device secret's bytes
 * as the Keystore would (wrapped there, plain here: a test).
 */
class FakeBiometrics(var isAvailable: Boolean = true) : Biometrics {
    var accept = true
    var newEnrolment = false
    /** Written by the models' coroutines, read by the test thread. */
    @Volatile var stored: Pair<String, ByteArray>? = null

    @Volatile var prompts = 0

    override fun available() = isAvailable
    override fun enrolled() = stored != null

    override suspend fun enrol(slot: NewDeviceSlot): Boolean {
        prompts++
        if (!accept) return false
        stored = slot.slotId to slot.secret.exposeBytes()
        return true
    }

    override suspend fun unlock(): BiometricUnlock {
        val saved = stored ?: return BiometricUnlock.Invalidated(null)
        if (newEnrolment) {
            stored = null
            return BiometricUnlock.Invalidated(saved.first)
        }
        prompts++
        return if (accept) BiometricUnlock.Secret(saved.second.copyOf()) else BiometricUnlock.Cancelled
    }

    override fun forget(): String? = stored?.first.also { stored = null }
}

/**
 * The system's document picker and share sheet without the system: [toOpen]
 * is the file the participant picks (null: they cancel); what is saved or
 * shared is kept in [saved] and [shared] by its suggested name.
 */
class RecordingDocuments(var toOpen: ByteArray? = null) : Documents {
    var cancelSave = false
    val opened = mutableListOf<List<String>>()
    val saved = LinkedHashMap<String, ByteArray>()
    val shared = LinkedHashMap<String, ByteArray>()

    override suspend fun open(mimeTypes: List<String>): ByteArray? {
        opened += mimeTypes
        return toOpen
    }

    override suspend fun save(suggestedName: String, mimeType: String, bytes: ByteArray): Boolean {
        if (cancelSave) return false
        saved[suggestedName] = bytes
        return true
    }

    override suspend fun share(suggestedName: String, mimeType: String, bytes: ByteArray): Boolean {
        shared[suggestedName] = bytes
        return true
    }
}
