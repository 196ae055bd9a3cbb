package org.keel.android.core

import org.keel.core.CancelToken
import org.keel.core.Progress
import org.keel.core.RekeySummary

/**
 * Renewing the vault's key, through the gateway's one door. Long: two key
 * derivations and every record opened and sealed again. The core runs the
 * derivations without holding the vault, reports its steps to [Progress]
 * and stops at the next step once [CancelToken] is cancelled (or the vault
 * locks), changing nothing; the sealing itself is one transaction.
 */
class RekeyCalls(private val gateway: VaultGateway) {
    /**
     * A new data key for every record, the passphrase slot re-made around it
     * and every device slot removed (the summary counts them). A wrong
     * [passphrase] is [CoreError.WrongPassphrase], nothing changed.
     */
    suspend fun rekey(passphrase: String, progress: Progress?, cancel: CancelToken?): Result<RekeySummary> =
        gateway.withVault { vault, _ -> vault.rekey(passphrase, progress, cancel) }
}
