import KeelKit
import UIKit

/// Discreet mode's plain notebook icon, declared as the alternate icon
/// `AppIconNeutral` (project.yml: ASSETCATALOG_COMPILER_ALTERNATE_APPICON_NAMES).
/// iOS shows a short system notice when an app changes its icon; the app's
/// name under the icon cannot change at run time.
@MainActor
final class AlternateAppIcon: AppIconSwitch {
    static let neutralName = "AppIconNeutral"

    func useNeutralIcon(_ neutral: Bool) async -> Bool {
        let application = UIApplication.shared
        guard application.supportsAlternateIcons else { return false }
        let wanted = neutral ? Self.neutralName : nil
        guard application.alternateIconName != wanted else { return true }
        do {
            try await application.setAlternateIconName(wanted)
            return true
        } catch {
            return false
        }
    }
}
