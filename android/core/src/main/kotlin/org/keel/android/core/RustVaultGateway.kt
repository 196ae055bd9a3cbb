package org.keel.android.core

import java.time.Clock
import java.util.concurrent.Executors
import kotlinx.coroutines.CoroutineDispatcher
import kotlinx.coroutines.asCoroutineDispatcher
import kotlinx.coroutines.withContext
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
import org.keel.core.ExerciseLength
import org.keel.core.ExerciseOptions
import org.keel.core.ExercisePlayer
import org.keel.core.HistoryPage
import org.keel.core.HistoryQuery
import org.keel.core.KeelException
import org.keel.core.KeySlotKind
import org.keel.core.Language
import org.keel.core.Lapse
import org.keel.core.LapseDraft
import org.keel.core.LapseLogged
import org.keel.core.Moment
import org.keel.core.NewDeviceSlot
import org.keel.core.Now
import org.keel.core.PassphraseEstimate
import org.keel.core.Plan
import org.keel.core.PlanRevision
import org.keel.core.PlanRevisionInfo
import org.keel.core.Progress
import org.keel.core.RestoreSummary
import org.keel.core.SobrietyClockStatus
import org.keel.core.TodayScreen
import org.keel.core.Vault
import org.keel.core.generatePassphrase
import org.keel.core.planTemplate as templateOf
import org.keel.core.restoreNewVault
import org.keel.core.vaultExists

/**
 * [VaultGateway] over the generated bindings' one [Vault] in [dir]. Core
 * calls run on [dispatcher], one at a time; [lock] and [isLocked] bypass it
 * because the core answers them at once.
 */
class RustVaultGateway(
    private val dir: String,
    private val clock: Clock = PhoneClock,
    private val dispatcher: CoroutineDispatcher = serialDispatcher(),
) : VaultGateway {
    @Volatile private var vault: Vault? = null

    override suspend fun <T> withVault(block: (vault: Vault, now: Now) -> T): Result<T> = call { block(opened(), now()) }

    override suspend fun <T> withCore(block: () -> T): Result<T> = call(block)

    override suspend fun exists(): Boolean = withContext(dispatcher) { vaultExists(dir) }

    override suspend fun create(passphrase: String): Result<Unit> = call {
        vault?.destroy()
        vault = Vault.create(dir, passphrase)
    }

    override suspend fun restoreNew(
        backup: ByteArray,
        backupPassphrase: String,
        passphrase: String,
        progress: Progress?,
        cancel: CancelToken?,
    ): Result<RestoreSummary> = call {
        vault?.destroy()
        vault = null
        val restored = restoreNewVault(dir, backup, backupPassphrase, passphrase, progress, cancel)
        vault = restored.vault
        restored.summary
    }

    override suspend fun estimatePassphrase(passphrase: String, language: Language): Result<PassphraseEstimate> =
        call { org.keel.core.estimatePassphrase(passphrase, language) }

    override suspend fun suggestPassphrase(language: Language): Result<String> = call { generatePassphrase(language) }

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
            CrisisPlan(templateOf(language).lapsePlan, emptyList(), saved = false)
        }
    }

    override suspend fun exercisePlayer(exerciseId: String, language: Language, minutes: UInt): Result<ExercisePlayer> = call {
        ExercisePlayer.builtin(exerciseId, ExerciseOptions(language, ExerciseLength.Minutes(minutes)))
    }

    override suspend fun checkInToMeeting(): Result<AttendanceRecord> = call { opened().checkInToMeeting(now()) }

    override fun moment(): Moment {
        val instant = clock.instant()
        return Moment(instant.toEpochMilli(), clock.zone.rules.getOffset(instant).totalSeconds / 60)
    }

    override suspend fun cravingForm(): Result<CravingForm> = call { opened().cravingForm() }

    override suspend fun clocks(): Result<List<SobrietyClockStatus>> = call { opened().listClocks(now()) }

    override suspend fun addCraving(draft: CravingDraft): Result<Craving> = call { opened().addCraving(draft) }
    override suspend fun updateCraving(id: String, draft: CravingDraft): Result<Craving> = call { opened().updateCraving(id, draft) }
    override suspend fun craving(id: String): Result<Craving> = call { opened().getCraving(id) }
    override suspend fun deleteCraving(id: String): Result<Unit> = call { opened().deleteCraving(id) }

    override suspend fun addEncounter(draft: EncounterDraft): Result<Encounter> = call { opened().addEncounter(draft) }
    override suspend fun updateEncounter(id: String, draft: EncounterDraft): Result<Encounter> =
        call { opened().updateEncounter(id, draft) }
    override suspend fun encounter(id: String): Result<Encounter> = call { opened().getEncounter(id) }
    override suspend fun deleteEncounter(id: String): Result<Unit> = call { opened().deleteEncounter(id) }

    override suspend fun addCheckIn(draft: CheckInDraft): Result<CheckIn> = call { opened().addCheckIn(draft) }
    override suspend fun updateCheckIn(id: String, draft: CheckInDraft): Result<CheckIn> = call { opened().updateCheckIn(id, draft) }
    override suspend fun checkIn(id: String): Result<CheckIn> = call { opened().getCheckIn(id) }
    override suspend fun deleteCheckIn(id: String): Result<Unit> = call { opened().deleteCheckIn(id) }

    override suspend fun addLapse(draft: LapseDraft, language: Language): Result<LapseLogged> =
        call { opened().addLapse(draft, now(), language) }
    override suspend fun updateLapse(id: String, draft: LapseDraft): Result<Lapse> = call { opened().updateLapse(id, draft) }
    override suspend fun lapse(id: String): Result<Lapse> = call { opened().getLapse(id) }
    override suspend fun deleteLapse(id: String): Result<Unit> = call { opened().deleteLapse(id) }

    override suspend fun history(query: HistoryQuery, language: Language): Result<HistoryPage> =
        call { opened().history(query, language) }

    override suspend fun dateRangePresets(language: Language): Result<List<DateRange>> =
        call { opened().dateRangePresets(now(), language) }

    override suspend fun currentPlan(): Result<PlanRevision?> = call { opened().currentPlan() }

    override suspend fun planTemplate(language: Language): Result<Plan> = call { templateOf(language) }

    override suspend fun savePlan(plan: Plan, basedOn: UInt?, withCounselor: Boolean): Result<PlanRevision> =
        call { opened().savePlan(plan, basedOn, withCounselor, now()) }

    override suspend fun planHistory(): Result<List<PlanRevisionInfo>> = call { opened().planHistory() }

    override suspend fun planRevision(number: UInt): Result<PlanRevision> = call { opened().planRevision(number) }

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
