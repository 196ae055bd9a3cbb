package org.keel.android.app

import android.content.BroadcastReceiver
import android.content.Context
import android.content.Intent
import android.content.IntentFilter
import android.content.res.Configuration
import android.os.Bundle
import androidx.activity.OnBackPressedCallback
import androidx.activity.compose.setContent
import androidx.activity.enableEdgeToEdge
import androidx.activity.viewModels
import androidx.activity.ComponentActivity
import androidx.lifecycle.DefaultLifecycleObserver
import androidx.lifecycle.LifecycleOwner
import androidx.lifecycle.ProcessLifecycleOwner
import org.keel.android.ui.AppEvent
import org.keel.android.ui.KeelApp

/**
 * The one activity (androidx: Compose's setContent, the back dispatcher and
 * the process lifecycle need it; the rest of the glue is plain android.*). FLAG_SECURE (unless the participant turned screen protection off in Settings): no screenshots, blank in recents. Leaving
 * the app or turning the screen off locks the vault; back walks the
 * AppModel's stack before leaving.
 */
class MainActivity : ComponentActivity() {
    private val model: AppViewModel by viewModels()

    private val screenOff = object : BroadcastReceiver() {
        override fun onReceive(context: Context, intent: Intent) {
            model.app.onEvent(AppEvent.ScreenOff)
        }
    }

    private val background = object : DefaultLifecycleObserver {
        override fun onStart(owner: LifecycleOwner) {
            model.app.onEvent(AppEvent.Foregrounded)
        }

        override fun onStop(owner: LifecycleOwner) {
            // A system file picker Keel opened is not leaving Keel.
            if (model.documents.pickerShowing) return
            model.app.onEvent(AppEvent.Backgrounded)
        }
    }

    override fun onCreate(savedInstanceState: Bundle?) {
        super.onCreate(savedInstanceState)
        AndroidDevicePrivacy.apply(window, model.graph.settings.secureScreen)
        model.documents.attach(this)
        enableEdgeToEdge()
        onBackPressedDispatcher.addCallback(this, object : OnBackPressedCallback(true) {
            override fun handleOnBackPressed() {
                if (!model.app.back()) {
                    isEnabled = false
                    onBackPressedDispatcher.onBackPressed()
                    isEnabled = true
                }
            }
        })
        registerReceiver(screenOff, IntentFilter(Intent.ACTION_SCREEN_OFF))
        ProcessLifecycleOwner.get().lifecycle.addObserver(background)
        val dark = (resources.configuration.uiMode and Configuration.UI_MODE_NIGHT_MASK) == Configuration.UI_MODE_NIGHT_YES
        setContent {
            KeelApp(model.app, model.graph.strings, model.graph.phone, dark)
        }
        if (savedInstanceState == null) ReminderNotifier.takeTarget(intent)?.let(model.app::openReminder)
    }

    /** A reminder tapped while Keel runs: its screen, after unlock if locked. */
    override fun onNewIntent(intent: Intent) {
        super.onNewIntent(intent)
        ReminderNotifier.takeTarget(intent)?.let(model.app::openReminder)
    }

    @Deprecated("The framework's permission callback; the androidx result API is not used here")
    override fun onRequestPermissionsResult(requestCode: Int, permissions: Array<out String>, grantResults: IntArray) {
        super.onRequestPermissionsResult(requestCode, permissions, grantResults)
        model.graph.reminderAlarms.onPermissionResult(requestCode)
    }

    override fun onResume() {
        super.onResume()
        model.graph.biometrics.activity = this
        model.graph.reminderAlarms.activity = this
        model.graph.privacy.activity = this
    }

    override fun onPause() {
        if (model.graph.biometrics.activity === this) model.graph.biometrics.activity = null
        if (model.graph.reminderAlarms.activity === this) model.graph.reminderAlarms.activity = null
        if (model.graph.privacy.activity === this) model.graph.privacy.activity = null
        super.onPause()
    }

    override fun onDestroy() {
        model.documents.detach(this)
        unregisterReceiver(screenOff)
        ProcessLifecycleOwner.get().lifecycle.removeObserver(background)
        super.onDestroy()
    }
}
