import KeelKit
import SwiftUI

/// What Keel keeps, and where — in the iPhone's terms.
struct AboutScreen: View {
    let proxy: VaultProxy
    let router: Router

    var body: some View {
        List {
            Section {
                Text(Loc.text("screen_about_intro"))
            }
            Section(Loc.text("screen_about_vault_title")) {
                Text(Loc.text("screen_about_vault"))
                Text(Loc.text("screen_about_vault_leaks"))
            }
            Section(Loc.text("screen_about_biometric_title")) {
                Text(Loc.text("screen_about_biometric"))
            }
            Section(Loc.text("screen_about_settings_title")) {
                Text(Loc.text("screen_about_settings_ios"))
            }
            Section(Loc.text("screen_about_backup_title")) {
                Text(Loc.text("screen_about_backup_ios"))
            }
            Section(Loc.text("screen_about_sharing_title")) {
                Text(Loc.text("screen_about_sharing"))
            }
            Section(Loc.text("screen_about_reminders_title")) {
                Text(Loc.text("screen_about_reminders_ios"))
            }
            Section(Loc.text("screen_about_limits_title")) {
                Text(Loc.text("screen_about_limits_ios"))
                Text(Loc.text("screen_about_erase"))
            }
        }
        .navigationTitle(Loc.text("screen_about_title"))
    }
}
