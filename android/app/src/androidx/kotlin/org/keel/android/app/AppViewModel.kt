package org.keel.android.app

import android.app.Application
import android.os.SystemClock
import androidx.lifecycle.AndroidViewModel
import androidx.lifecycle.viewModelScope
import org.keel.android.ui.AppModel
import org.keel.core.Language
import java.util.Locale

/** The one ViewModel: holds AppModel across configuration changes. */
class AppViewModel(application: Application) : AndroidViewModel(application) {
    val graph: AppGraph = (application as KeelApplication).graph

    /** The system pickers and share sheet; outlives rotations with this ViewModel. Leftover shared files go at once. */
    val documents = AndroidDocuments(application).also { it.sweep() }

    val app = AppModel(
        gateway = graph.gateway,
        settings = graph.settings,
        scope = viewModelScope,
        systemLanguage = if (Locale.getDefault().language == "es") Language.SPANISH else Language.ENGLISH,
        biometrics = graph.biometrics,
        elapsedMillis = SystemClock::elapsedRealtime,
        reminderAlarms = graph.reminderAlarms,
        privacy = graph.privacy,
        exerciseDevice = graph.exerciseDevice,
        documents = documents,
    ).also { it.start() }
}
