package org.keel.android.app

import android.content.Context
import java.io.File
import org.keel.android.core.RustVaultGateway
import org.keel.android.core.VaultGateway
import org.keel.android.ui.AppSettings
import org.keel.android.ui.PhoneActions
import org.keel.android.ui.StringSource
import org.keel.core.Language

/**
 * Hand-written dependency graph: one gateway (one vault) per process, the
 * settings kept outside the vault, and the platform services the screens use.
 */
class AppGraph(context: Context) {
    private val app = context.applicationContext

    /** The vault lives in no-backup storage as well as being excluded by the rules. */
    val gateway: VaultGateway = RustVaultGateway(File(app.noBackupFilesDir, "vault").path)
    val settings: AppSettings = PrefsSettings(app)
    val strings: StringSource = AndroidStrings(app)
    val phone: PhoneActions = IntentPhoneActions(app)

    /** Biometric unlock; the prompt's texts follow the language kept outside the vault. */
    /** The exercise player's vibrator, tones, keep-screen-on and interruptions. */
    val exerciseDevice = AndroidExerciseDevice(app)

    val biometrics = AndroidBiometrics(app, texts = { strings.strings(settings.language ?: Language.ENGLISH) }, discreet = { settings.discreet })

    /** Reminders: the alarms (and the notification permission) and the notifications they post. */
    val reminderAlarms = AndroidReminderAlarms(app)
    val reminderNotifier = ReminderNotifier(app, texts = { strings.strings(settings.language ?: Language.ENGLISH) }, discreet = { settings.discreet })

    /**
     * Screen protection and the launcher entry, brought in line with the saved discreet choice at start;
     * switching discreet mode renames the reminders' notification channel too.
     */
    val privacy = AndroidDevicePrivacy(app, afterDiscreetSwitch = { reminderNotifier.ensureChannel() }).also { it.reconcile(settings.discreet) }
}
