package org.keel.android.ui

import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.material3.OutlinedButton
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier

/** One line of the menu: its label and the screen it opens. */
data class MenuEntry(val label: Str, val route: Route)

/**
 * The app's screens, in the order a participant looks for them: their own
 * records first, then practice, then the app itself. Some are also one tap
 * from Today (Exercises, Reminders); the menu lists them all the same, so
 * it is the one place to find everything. Today's top bar opens it.
 */
val menuEntries: List<MenuEntry> = listOf(
    MenuEntry(Str.action_history, Route.History),
    MenuEntry(Str.action_plan, Route.Plan),
    MenuEntry(Str.action_exercises, Route.Exercises),
    MenuEntry(Str.action_meetings, Route.Meetings),
    MenuEntry(Str.action_insights, Route.Insights),
    MenuEntry(Str.action_measures, Route.Measures),
    MenuEntry(Str.action_reminders, Route.Reminders),
    MenuEntry(Str.action_report, Route.Report),
    MenuEntry(Str.action_exports, Route.Exports),
    MenuEntry(Str.action_backup, Route.Backup),
    MenuEntry(Str.action_settings, Route.Settings),
    MenuEntry(Str.action_about, Route.About),
)

/** The menu: one large button per screen. */
@Composable
fun MenuPage(onOpen: (Route) -> Unit, onBack: () -> Unit, onSos: () -> Unit) {
    val s = LocalStrings.current
    Page(title = s[Str.screen_menu_title], onBack = onBack, onSos = onSos) {
        Body(s[Str.screen_menu_hint])
        for (entry in menuEntries) {
            OutlinedButton(onClick = { onOpen(entry.route) }, modifier = Modifier.fillMaxWidth().touchTarget()) { ButtonLabel(s[entry.label]) }
        }
    }
}
