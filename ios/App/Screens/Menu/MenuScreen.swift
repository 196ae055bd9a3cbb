import KeelKit
import SwiftUI

/// Every part of Keel, one tap each (Today's menu).
struct MenuScreen: View {
    let proxy: VaultProxy
    let router: Router

    var body: some View {
        List {
            Section {
                Text(Loc.text("screen_menu_hint"))
            }
            Section {
                entry(Loc.text("action_history"), "clock.arrow.circlepath", .history)
                entry(Loc.text("action_plan"), "list.bullet.clipboard", .plan)
                entry(Loc.text("action_exercises"), "wind", .exercises)
                entry(Loc.text("action_meetings"), "person.3", .meetings)
                entry(Loc.text("action_insights"), "chart.bar", .insights)
                entry(Loc.text("action_measures"), "checklist", .measures)
                entry(Loc.text("action_reminders"), "bell", .reminders)
                entry(Loc.text("action_report"), "doc.text", .report)
                entry(Loc.text("action_exports"), "square.and.arrow.up", .exports)
                entry(Loc.text("action_backup"), "externaldrive", .backup)
                entry(Loc.text("action_settings"), "gearshape", .settings)
                entry(Loc.text("action_about"), "hand.raised", .about)
            }
        }
        .navigationTitle(Loc.text("screen_menu_title"))
    }

    private func entry(_ title: String, _ symbol: String, _ route: Route) -> some View {
        Button {
            router.navigate(route)
        } label: {
            Label(title, systemImage: symbol)
        }
    }
}
