package org.keel.android.ui

import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Job
import kotlinx.coroutines.launch

/**
 * The wait after a wrong passphrase, counted down one second at a time.
 * Unlock, the passphrase change and the key renewal each check the
 * passphrase with a key derivation; all three wait [UnlockModel.waitAfter]
 * seconds after a wrong one, so an open Settings screen is no faster a
 * guessing machine than the locked app. Each model keeps the seconds in its
 * own state: [remaining] reads them and [step] takes one away.
 */
class PassphraseWait(
    private val scope: CoroutineScope,
    private val tick: suspend (Long) -> Unit,
    private val remaining: () -> Int,
    private val step: () -> Unit,
) {
    private var countdown: Job? = null

    /** Starts counting down what [remaining] says now (a running count is replaced). */
    fun start() {
        countdown?.cancel()
        countdown = scope.launch {
            while (remaining() > 0) {
                tick(1_000)
                step()
            }
        }
    }
}
