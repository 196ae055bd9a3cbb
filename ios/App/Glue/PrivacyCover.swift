import KeelKit
import SwiftUI

/// What the app switcher shows of Keel: the app's name (the plain one in
/// discreet mode) and nothing from any screen. Raised when the scene stops
/// being active, before the system takes its snapshot.
struct PrivacyCover: View {
    let discreet: Bool

    var body: some View {
        ZStack {
            Rectangle()
                .fill(.background)
                .ignoresSafeArea()
            VStack(spacing: 16) {
                Image(systemName: discreet ? "book.closed" : "lock.fill")
                    .font(.system(size: 48))
                    .foregroundStyle(.secondary)
                    .accessibilityHidden(true)
                Text(AppName.text(discreet: discreet))
                    .font(.title2)
            }
        }
        .accessibilityElement(children: .combine)
    }
}

/// The app's name as the locked screens say it: "Keel", or the plain name of discreet mode.
enum AppName {
    static func text(discreet: Bool) -> String {
        discreet ? Loc.text("screen_settings_discreet_name") : Loc.text("app_name")
    }
}
