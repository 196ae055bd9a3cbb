import KeelCore
import KeelKit
import SwiftUI
import UIKit

/// The participant's reminder choices: the daily check-in and its time,
/// gentle prompts, where meeting reminders are set, the next reminders in
/// the core's own neutral words, and notifications allowed or not. The
/// permission is asked here, when a reminder is turned on or from the
/// screen's own button; every change brings the pending notifications in line.
struct RemindersScreen: View {
    @State private var model: RemindersModel

    init(proxy: VaultProxy, router: Router, app: AppSession) {
        _model = State(initialValue: RemindersModel(
            calls: proxy,
            notifications: NotificationReminders(),
            language: { ScreenParts.language },
            onChanged: { [app] in app.refreshReminders() }
        ))
    }

    var body: some View {
        JournalPage(title: Loc.text("screen_reminders_title")) {
            content
        }
        .task { await model.load() }
    }

    @ViewBuilder
    private var content: some View {
        let state = model.state
        let language = ScreenParts.language
        if let choices = state.choices {
            let settings = choices.settings
            JournalText(Loc.text("screen_reminders_intro"))
            if state.anyOn && !state.notificationsAllowed {
                NotificationsOff(refused: state.notificationsRefused) {
                    Task { await model.send(.allowNotifications) }
                }
            }
            if let failure = state.failure {
                JournalFailure(failure: failure)
            }

            JournalHeading(Loc.text("screen_reminders_check_in_title"))
            Toggle(isOn: toggle(settings.checkInMinute != nil) { .checkIn($0) }) {
                JournalText(Loc.text("screen_reminders_check_in"))
            }
            .disabled(state.busy)
            .frame(minHeight: 44)
            if let minute = settings.checkInMinute {
                JournalText(Loc.text("screen_reminders_check_in_at", Self.timeOfDay(Int(minute), language: language)))
                // One under the other: side by side they break mid-word at large text sizes.
                JournalButton(title: Loc.text("screen_reminders_earlier"), enabled: !state.busy) {
                    Task { await model.send(.moveCheckIn(minutes: -RemindersModel.stepMinutes)) }
                }
                JournalButton(title: Loc.text("screen_reminders_later"), enabled: !state.busy) {
                    Task { await model.send(.moveCheckIn(minutes: RemindersModel.stepMinutes)) }
                }
            }

            JournalHeading(Loc.text("screen_reminders_prompts_title"))
            Toggle(isOn: toggle(settings.gentlePrompts) { .gentlePrompts($0) }) {
                JournalText(Loc.text("screen_reminders_prompts"))
            }
            .disabled(state.busy)
            .frame(minHeight: 44)
            JournalText(Loc.text("screen_reminders_prompts_about"))

            JournalHeading(Loc.text("screen_reminders_meetings_title"))
            JournalText(Loc.text("screen_reminders_meetings"))

            JournalHeading(Loc.text("screen_reminders_coming_title"))
            if choices.upcoming.isEmpty {
                JournalText(Loc.text("screen_reminders_coming_none"))
            } else {
                ForEach(choices.upcoming, id: \.id) { reminder in
                    VStack(alignment: .leading, spacing: 2) {
                        Text(ScreenParts.momentText(RemindersModel.moment(of: reminder, zone: choices.zone), language: language))
                            .font(.subheadline.weight(.semibold))
                        JournalText(reminder.body)
                    }
                    .fixedSize(horizontal: false, vertical: true)
                    .accessibilityElement(children: .combine)
                }
            }
        } else if let failure = state.failure {
            JournalFailure(failure: failure)
        } else {
            JournalText(Loc.text("common_working"))
        }
    }

    /// A switch that shows the core's value and asks the model to change it.
    private func toggle(_ on: Bool, _ action: @escaping @Sendable (Bool) -> RemindersModel.Action) -> Binding<Bool> {
        let model = model
        return Binding(
            get: { on },
            set: { wanted in Task { await model.send(action(wanted)) } }
        )
    }

    /// A minute of the day (the core's check-in time) as the language writes a time: "8:00 PM", "20:00".
    static func timeOfDay(_ minuteOfDay: Int, language: Language) -> String {
        var calendar = Calendar(identifier: .gregorian)
        let utc = TimeZone(secondsFromGMT: 0) ?? .current
        calendar.timeZone = utc
        let parts = DateComponents(year: 2000, month: 1, day: 1, hour: minuteOfDay / 60 % 24, minute: minuteOfDay % 60)
        guard let date = calendar.date(from: parts) else { return "" }
        let formatter = DateFormatter()
        formatter.locale = ScreenParts.locale(language)
        formatter.timeZone = utc
        formatter.dateStyle = .none
        formatter.timeStyle = .short
        return formatter.string(from: date)
    }
}

/// Notifications are off while a reminder is on: ask, or, once the phone
/// said no, the way to its Settings (only there can they be allowed now).
private struct NotificationsOff: View {
    let refused: Bool
    let allow: () -> Void
    @Environment(\.openURL) private var openURL

    var body: some View {
        JournalProblem(Loc.text("screen_reminders_notifications_off"))
        if refused {
            JournalText(Loc.text("screen_reminders_refused"))
            JournalButton(title: Loc.text("screen_reminders_open_settings")) {
                if let url = URL(string: UIApplication.openNotificationSettingsURLString) {
                    openURL(url)
                }
            }
        } else {
            JournalButton(title: Loc.text("screen_reminders_allow"), prominent: true, action: allow)
        }
    }
}
