package org.keel.android.core

import org.keel.core.Now

/** The log forms' core-side calls beyond [VaultGateway]'s entry calls. */
class LogCalls(private val gateway: VaultGateway) {
    /** The gateway clock's now with the phone's IANA zone: the calendar a changed date and time is read in. */
    suspend fun now(): Result<Now> = gateway.withVault { _, now -> now }
}
