package org.keel.android.core

import org.keel.core.newPlanItemId

/** The plan editor's core calls beyond [VaultGateway]'s read and save. */
class PlanCalls(private val gateway: VaultGateway) {
    /** A fresh id for a new trigger, so an if-then plan in the same draft can link to it before the first save. */
    suspend fun newItemId(): Result<String> = gateway.withCore { newPlanItemId() }
}
