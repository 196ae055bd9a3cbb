import Foundation
import Observation
import KeelCore

/// Every screen of the app, one case each (the Android app's routes).
public enum Route: Hashable, Sendable {
    // Session (always reachable while locked)
    case firstLaunch
    /// Restoring from a backup file on first launch, before any vault exists.
    case firstLaunchRestore
    case unlock
    /// The honest page about a forgotten passphrase.
    case forgot
    /// Help now: crisis steps, contacts, crisis lines, breathing. Works while locked.
    case sos

    // Journal
    case today // screens: Today
    /// The log form of `kind`: a new entry, or entry `id` to edit or delete.
    case log(kind: EntryKind, id: String?) // screens: Log
    /// The merged history, paged.
    case history // screens: History
    /// The relapse-prevention plan: read, edit, revisions.
    case plan // screens: Plan

    // Exercises
    case exercises
    case exerciseRun(exerciseId: String)
    case exerciseHistory
    /// The participant's own breathing pattern `id`, or a new one (nil).
    case exercisePattern(id: String?)

    // Meetings
    case meetings
    case meetingList
    /// A new meeting, or meeting `id` to edit or delete.
    case meetingEdit(id: String?)
    case meetingImport
    case attendanceHistory
    case attendanceRecordSheet

    // Reminders, insights, report, exports, backup
    case reminders
    case insights
    case report
    case exports
    case backup

    // Settings
    case settings
    case changePassphrase
    case wipe
    /// What Keel keeps and where.
    case about
    /// Every screen, one tap each.
    case menu

    // Questionnaires
    case measures // screens: Measures
    case measureForm(MeasureKind, responseId: String?) // screens: Measures
    case measureHistory(MeasureKind) // screens: Measures

    /// The routes shown while the vault is locked (SOS besides, from anywhere).
    public static let lockedRoutes: Set<Route> = [.firstLaunch, .firstLaunchRestore, .unlock, .forgot, .sos]

    /// Whether this route may be shown while the vault is locked.
    public var worksLocked: Bool { Route.lockedRoutes.contains(self) }
}

/// Where the participant is: a root screen and the stack above it, for one
/// `NavigationStack`. Locking replaces everything with Unlock; SOS can be
/// pushed from every screen, locked or not. Platform-free: the app's glue
/// tells it about the lock, tests drive it directly.
@Observable
@MainActor
public final class Router {
    /// The screen at the bottom of the stack; nil while the app decides
    /// between first launch and Unlock.
    public private(set) var root: Route?
    /// The screens pushed above `root`, the last on top (bound to the `NavigationStack`).
    public var path: [Route] = []
    /// True unless the vault is unlocked.
    public private(set) var locked: Bool = true
    /// A screen asked for while locked (a reminder's tap): opened once unlocked.
    public private(set) var pendingAfterUnlock: Route?

    public init() {}

    /// The screen on top.
    public var top: Route? { path.last ?? root }

    /// Decides the first screen: first launch, or Unlock for an existing vault.
    public func start(vaultExists: Bool) {
        locked = true
        replace(with: vaultExists ? .unlock : .firstLaunch)
    }

    /// Pushes `route`; refused while locked unless it works locked.
    public func navigate(_ route: Route) {
        if locked && !route.worksLocked { return }
        if path.last == route { return }
        path.append(route)
    }

    /// Help now, from any screen; never stacked twice.
    public func sos() {
        if top == .sos { return }
        path.append(.sos)
    }

    /// Pops one screen; false at the root.
    @discardableResult
    public func back() -> Bool {
        guard !path.isEmpty else { return false }
        path.removeLast()
        return true
    }

    /// Back to the root (Today when unlocked).
    public func popToRoot() {
        path.removeAll()
    }

    /// The vault was locked: everything is replaced with Unlock (first
    /// launch stays first launch: there is nothing to unlock yet).
    public func lock() {
        locked = true
        if root == .firstLaunch || root == .firstLaunchRestore {
            path.removeAll { !$0.worksLocked }
            return
        }
        replace(with: .unlock)
    }

    /// The vault was unlocked, created or restored: Today, then a screen a
    /// reminder asked for while locked.
    public func unlocked() {
        locked = false
        replace(with: .today)
        if let pending = pendingAfterUnlock {
            pendingAfterUnlock = nil
            if pending != .today { path = [pending] }
        }
    }

    /// The vault was erased: first launch, locked.
    public func wiped() {
        locked = true
        pendingAfterUnlock = nil
        replace(with: .firstLaunch)
    }

    /// A reminder's notification was tapped: its screen now if unlocked,
    /// else after the participant unlocks (the lock always comes first).
    public func open(fromReminder route: Route) {
        if locked {
            pendingAfterUnlock = route
            return
        }
        if route == .today {
            popToRoot()
        } else if top != route {
            path.append(route)
        }
    }

    private func replace(with route: Route) {
        root = route
        path.removeAll()
    }
}
