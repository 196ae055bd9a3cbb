import KeelCore
import KeelKit
import SwiftUI

/// Help now, one tap from every screen and working while locked: 911 for
/// danger now, the participant's own crisis steps and people (once unlocked
/// and a plan is saved), the crisis lines (988, the SAMHSA helpline) and a
/// one-minute breathing exercise. Calls and texts open the Phone and
/// Messages apps through `tel:` and `sms:` links.
struct SosScreen: View {
    let proxy: VaultProxy
    let router: Router
    @Environment(AppSession.self) private var app
    @State private var model: SosModel?

    var body: some View {
        Group {
            if let model {
                SosContent(model: model, appName: AppName.text(discreet: app.discreet))
            } else {
                WorkingRow()
            }
        }
        .navigationTitle(Loc.text("screen_sos_title"))
        .task {
            let made = model ?? SosModel(calls: proxy, language: { [app] in app.language })
            model = made
            await made.load()
        }
    }
}

private struct SosContent: View {
    let model: SosModel
    let appName: String

    var body: some View {
        let state = model.state
        List {
            Section {
                Text(Loc.text("screen_sos_emergency"))
                    .font(.headline)
                if let url = PhoneLinks.call("911") {
                    Link(destination: url) {
                        Label(Loc.text("action_call", "911"), systemImage: "phone.fill")
                    }
                }
            }
            if let crisis = state.crisis {
                CrisisSections(crisis: crisis, appName: appName)
            } else if state.failed {
                Section { Text(Loc.text("common_error")) }
            }
            BreathingSection(model: model)
        }
    }
}

private struct CrisisSections: View {
    let crisis: CrisisPlan
    let appName: String

    var body: some View {
        Section(Loc.text("screen_sos_steps")) {
            if !crisis.saved {
                Text(Loc.text("screen_sos_steps_locked", appName))
            } else if crisis.lapsePlan.steps.isEmpty {
                Text(Loc.text("screen_sos_steps_none"))
            } else {
                ForEach(Array(crisis.lapsePlan.steps.enumerated()), id: \.offset) { index, step in
                    Text(Loc.text("common_numbered", index + 1, step))
                }
            }
        }
        if !crisis.contacts.isEmpty {
            Section(Loc.text("screen_sos_people")) {
                ForEach(Array(crisis.contacts.enumerated()), id: \.offset) { _, contact in
                    ContactRow(name: contact.name, phone: contact.phone, canText: true, note: contact.howToReach)
                }
            }
        }
        if !crisis.lapsePlan.crisisLines.isEmpty {
            Section(Loc.text("screen_sos_lines")) {
                ForEach(Array(crisis.lapsePlan.crisisLines.enumerated()), id: \.offset) { _, line in
                    ContactRow(name: line.name, phone: line.phone, canText: line.canText, note: line.note)
                }
            }
        }
        if !crisis.lapsePlan.overdoseSafety.isEmpty {
            Section(Loc.text("screen_sos_overdose")) {
                ForEach(Array(crisis.lapsePlan.overdoseSafety.enumerated()), id: \.offset) { _, item in
                    Text(Loc.text("common_bullet", item))
                }
            }
        }
    }
}

/// A person or a line: a call link, and a text link where texting works.
private struct ContactRow: View {
    let name: String
    let phone: String
    let canText: Bool
    let note: String

    var body: some View {
        VStack(alignment: .leading, spacing: 8) {
            Text(name).font(.headline)
            if !note.isEmpty {
                Text(note).font(.callout).foregroundStyle(.secondary)
            }
            HStack(spacing: 12) {
                if let call = PhoneLinks.call(phone) {
                    Link(destination: call) {
                        Label(Loc.text("action_call", name), systemImage: "phone.fill")
                    }
                    .buttonStyle(.borderedProminent)
                }
                if canText, let text = PhoneLinks.text(phone) {
                    Link(destination: text) {
                        Label(Loc.text("action_text", name), systemImage: "message.fill")
                    }
                    .buttonStyle(.bordered)
                }
            }
        }
        .privacySensitive()
        .padding(.vertical, 4)
    }
}

/// The one-minute box breathing, each moment computed by the core's
/// timeline; a circle grows and shrinks with the breath (still when the
/// participant asked for reduced motion), and the words say what to do.
private struct BreathingSection: View {
    let model: SosModel
    @Environment(\.accessibilityReduceMotion) private var reduceMotion

    var body: some View {
        Section(Loc.text("screen_sos_breathe_title")) {
            if let breathing = model.state.breathing {
                if breathing.finished {
                    Text(Loc.text("screen_sos_breathe_done"))
                    Button(Loc.text("screen_sos_breathe_again")) { model.send(.startBreathing) }
                } else {
                    running(breathing.frame)
                    Button(Loc.text("screen_sos_breathe_stop")) { model.send(.stopBreathing) }
                }
            } else {
                Text(Loc.text("screen_sos_breathe_intro"))
                Button(Loc.text("screen_sos_breathe_start")) { model.send(.startBreathing) }
            }
        }
        .task(id: model.ticking) {
            // Display frames while the exercise runs: the core says what each shows.
            while model.ticking, !Task.isCancelled {
                model.send(.frame(nowMillis: Int64(Date().timeIntervalSince1970 * 1000)))
                try? await Task.sleep(for: .milliseconds(33))
            }
        }
    }

    @ViewBuilder
    private func running(_ frame: ExerciseFrame?) -> some View {
        let level = reduceMotion ? 0.6 : (frame?.breathLevel ?? 0)
        VStack(spacing: 12) {
            ZStack {
                Circle()
                    .stroke(Color.accentColor.opacity(0.3), lineWidth: 2)
                    .frame(width: 200, height: 200)
                Circle()
                    .fill(Color.accentColor.opacity(0.35))
                    .frame(width: 80 + 120 * level, height: 80 + 120 * level)
            }
            .frame(maxWidth: .infinity)
            .accessibilityHidden(true)
            if let frame {
                Text(frame.text)
                    .font(.title2)
                    .accessibilityAddTraits(.updatesFrequently)
                if let cycle = frame.cycle, let cycles = frame.cycles {
                    Text(Loc.text("screen_sos_breathe_cycle", Int(cycle), Int(cycles)))
                }
                Text(Loc.text("screen_sos_breathe_left", Int((frame.remainingMs + 999) / 1000)))
                    .monospacedDigit()
                ProgressView(value: frame.progress)
                    .accessibilityHidden(true)
            }
        }
    }
}
