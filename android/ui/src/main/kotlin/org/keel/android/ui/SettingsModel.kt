package org.keel.android.ui

import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.launch
import org.keel.android.core.VaultGateway

data class SettingsUiState(
    /** Seconds Keel stays unlocked in the background; one of [SettingsModel.LOCK_CHOICES]. */
    val lockAfterSeconds: Int = 0,
    val secureScreen: Boolean = true,
    val discreet: Boolean = false,
    /** The phone can unlock with a strong biometric: the switch can be turned on. */
    val biometricsAvailable: Boolean = false,
    /** Biometric unlock is set up on this phone. */
    val biometricOn: Boolean = false,
    /** The system prompt or the vault's slot change is under way. */
    val busy: Boolean = false,
    /** The participant cancelled the prompt when turning biometric unlock on. */
    val biometricCancelled: Boolean = false,
    val error: Boolean = false,
)

sealed interface SettingsEvent {
    data class LockAfter(val seconds: Int) : SettingsEvent
    data class SecureScreen(val on: Boolean) : SettingsEvent
    data class Discreet(val on: Boolean) : SettingsEvent
    data class Biometric(val on: Boolean) : SettingsEvent
}

/**
 * Settings: the choices kept outside the vault ([AppSettings]), applied to
 * the phone through [privacy] as they change, and biometric unlock, which
 * is a device slot in the vault plus the platform's wrapped secret: turned
 * on, the core adds a slot and the system prompt wraps its secret (a
 * cancelled prompt removes the slot again); turned off, the platform
 * forgets its secret and the core removes the slot. The language is the
 * app's ([AppModel.setLanguage]).
 */
class SettingsModel(
    private val gateway: VaultGateway,
    private val scope: CoroutineScope,
    private val settings: AppSettings,
    private val biometrics: Biometrics = NoBiometrics,
    private val privacy: DevicePrivacy = NoDevicePrivacy,
    /** Discreet mode was switched: the app names itself accordingly from now on. */
    private val onDiscreet: (Boolean) -> Unit = {},
) {
    private val _state = MutableStateFlow(SettingsUiState())
    val state: StateFlow<SettingsUiState> = _state.asStateFlow()

    /** Reads the choices again (the screen is shown). */
    fun load() {
        _state.update {
            it.copy(
                lockAfterSeconds = settings.lockAfterSeconds,
                secureScreen = settings.secureScreen,
                discreet = settings.discreet,
                biometricsAvailable = biometrics.available(),
                biometricOn = biometrics.enrolled(),
                biometricCancelled = false,
                error = false,
            )
        }
    }

    fun onEvent(event: SettingsEvent) {
        when (event) {
            is SettingsEvent.LockAfter -> {
                if (event.seconds !in LOCK_CHOICES) return
                settings.lockAfterSeconds = event.seconds
                _state.update { it.copy(lockAfterSeconds = event.seconds) }
            }
            is SettingsEvent.SecureScreen -> {
                settings.secureScreen = event.on
                privacy.secureScreen(event.on)
                _state.update { it.copy(secureScreen = event.on) }
            }
            is SettingsEvent.Discreet -> {
                settings.discreet = event.on
                privacy.discreetLauncher(event.on)
                onDiscreet(event.on)
                _state.update { it.copy(discreet = event.on) }
            }
            is SettingsEvent.Biometric -> if (event.on) biometricOn() else biometricOff()
        }
    }

    private fun biometricOn() {
        val s = _state.value
        if (s.busy || s.biometricOn || !s.biometricsAvailable) return
        _state.update { it.copy(busy = true, biometricCancelled = false, error = false) }
        scope.launch {
            gateway.addDeviceSlot().onSuccess { slot ->
                val kept = try {
                    biometrics.enrol(slot)
                } finally {
                    slot.secret.destroy()
                }
                if (!kept) gateway.removeSlot(slot.slotId)
                _state.update { it.copy(busy = false, biometricOn = kept, biometricCancelled = !kept) }
            }.onFailure {
                _state.update { it.copy(busy = false, error = true) }
            }
        }
    }

    private fun biometricOff() {
        val s = _state.value
        if (s.busy || !s.biometricOn) return
        _state.update { it.copy(busy = true, biometricCancelled = false, error = false) }
        scope.launch {
            // The phone's copy goes first: even if the vault's slot cannot be
            // removed now, nothing on the phone can open it any more.
            val slotId = biometrics.forget()
            val removed = slotId?.let { gateway.removeSlot(it) } ?: Result.success(Unit)
            _state.update { it.copy(busy = false, biometricOn = false, error = removed.isFailure) }
        }
    }

    companion object {
        /** The lock timeouts offered: at once, 1, 5 and 15 minutes. */
        val LOCK_CHOICES = listOf(0, 60, 300, 900)
    }
}
