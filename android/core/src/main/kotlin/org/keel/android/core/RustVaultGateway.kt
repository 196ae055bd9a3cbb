package org.keel.android.core

import java.time.Clock
import java.util.concurrent.Executors
import kotlinx.coroutines.CoroutineDispatcher
import kotlinx.coroutines.asCoroutineDispatcher
import kotlinx.coroutines.withContext
import org.keel.core.ExerciseLength
import org.keel.core.ExerciseOptions
import org.keel.core.ExercisePlayer
import org.keel.core.KeelException
import org.keel.core.KeySlotKind
import org.keel.core.Language
import org.keel.core.NewDeviceSlot
import org.keel.core.Now
import org.keel.core.TodayScreen
import org.keel.core.Vault
import org.keel.core.planTemplate
import org.keel.core.vaultExists

/**
 * [VaultGateway] over the generated bindings' one [Vault] in [dir]. Core
 * calls run on [dispatcher], one at a time; [lock] and [isLocked] bypass it
 * because the core answers them at once.
 */
class RustVaultGateway(
    private val dir: String,
    private val clock: Clock = Clock.systemDefaultZone(),
    private val dispatcher: CoroutineDispatcher = serialDispatcher(),
) : VaultGateway {
    @Volatile private var vault: Vault? = null

    override suspend fun exists(): Boolean = withContext(dispatcher) { vaultExists(dir) }

    override suspend fun create(passphrase: String): Result<Unit> = call {
        vault?.destroy()
        vault = Vault.create(dir, passphrase)
    }

    override suspend fun unlock(passphrase: String): Result<Unit> = call {
        opened().unlockWithPassphrase(passphrase)
    }

    override suspend fun unlockWithDeviceSecret(secret: ByteArray): Result<Unit> = try {
        call { opened().unlockWithDeviceSecret(secret) }
    } finally {
        secret.fill(0)
    }

    override suspend fun addDeviceSlot(): Result<NewDeviceSlot> = call { opened().addDeviceSlot() }

    override suspend fun deviceSlots(): Result<List<String>> = call {
        opened().listSlots().filter { it.kind == KeySlotKind.DEVICE }.map { it.id }
    }

    override suspend fun removeSlot(slotId: String): Result<Unit> = call { opened().removeSlot(slotId) }

    override fun lock() {
        vault?.lock()
    }

    override fun isLocked(): Boolean = vault?.isLocked() ?: true

    override suspend fun today(language: Language): Result<TodayScreen> = call {
        opened().today(now(), language)
    }

    override suspend fun crisisPlan(language: Language): Result<CrisisPlan> = call {
        val v = vault
        val saved = if (v != null && !v.isLocked()) {
            try {
                v.currentPlan()?.plan
            } catch (_: KeelException.Locked) {
                null // locked between the check and the call: use the default
            }
        } else {
            null
        }
        if (saved != null) {
            CrisisPlan(saved.lapsePlan, saved.contacts, saved = true)
        } else {
            CrisisPlan(planTemplate(language).lapsePlan, emptyList(), saved = false)
        }
    }

    override suspend fun exercisePlayer(exerciseId: String, language: Language, minutes: UInt): Result<ExercisePlayer> = call {
        ExercisePlayer.builtin(exerciseId, ExerciseOptions(language, ExerciseLength.Minutes(minutes)))
    }

    /** The phone's now as the core takes it: UTC millis and the IANA zone. */
    private fun now(): Now = Now(clock.millis(), clock.zone.id)

    private fun opened(): Vault = vault ?: Vault.open(dir).also { vault = it }

    private suspend fun <T> call(block: () -> T): Result<T> = withContext(dispatcher) {
        try {
            Result.success(block())
        } catch (e: KeelException) {
            Result.failure(CoreError.from(e))
        }
    }

    companion object {
        /** One thread for every core call: the vault serialises anyway. */
        fun serialDispatcher(): CoroutineDispatcher =
            Executors.newSingleThreadExecutor { r -> Thread(r, "keel-core").apply { isDaemon = true } }
                .asCoroutineDispatcher()
    }
}
