import KeelCore
import KeelKit
import SwiftUI
import UniformTypeIdentifiers

/// Exports for the participant's own records or a program's health record
/// system: CSV after the core's warning, shown word for word, and an
/// explicit "I understand"; and FHIR. Each is made into the screen's outbox
/// under the core's name, then saved or shared through the system; the file
/// is removed when the participant leaves the screen or the app locks.
struct ExportScreen: View {
    let proxy: VaultProxy
    let router: Router
    @State private var model: ExportModel?

    var body: some View {
        ScrollView {
            VStack(alignment: .leading, spacing: 12) {
                if let model {
                    ExportContent(model: model)
                } else {
                    WorkingRow()
                }
            }
            .padding()
        }
        .navigationTitle(Loc.text("screen_export_title"))
        .task {
            if let model {
                await model.show()
                return
            }
            let made = ExportModel(calls: proxy, language: { ScreenParts.language }, outbox: .inCaches("export"))
            model = made
            await made.load()
        }
        .emptiesOutbox(of: .exports, router: router) { model?.clear() }
    }
}

private struct ExportContent: View {
    let model: ExportModel

    var body: some View {
        let state = model.state
        JournalText(Loc.text("screen_export_intro"))
        if !state.loaded {
            JournalText(Loc.text("common_working"))
            if let failure = state.failure { JournalFailure(failure: failure) }
        } else {
            JournalHeading(Loc.text("screen_export_period"))
            JournalFlow {
                ForEach(state.ranges, id: \.preset) { range in
                    JournalChip(label: range.label, selected: state.selected == range.preset, enabled: !state.busy) {
                        model.send(.selectRange(range.preset))
                    }
                }
            }

            JournalHeading(Loc.text("screen_export_csv_title"))
            if let warning = state.csvWarning {
                // The core's own words: the participant accepts exactly these.
                OutboxCard(tint: Color.red.opacity(0.12)) {
                    Text(warning)
                        .font(.body)
                        .fixedSize(horizontal: false, vertical: true)
                }
            }
            Toggle(
                Loc.text("screen_export_csv_confirm"),
                isOn: Binding(get: { model.state.confirmed }, set: { model.send(.confirm($0)) })
            )
            .frame(minHeight: 44)
            .disabled(state.busy)
            JournalButton(title: Loc.text("action_export_csv"), prominent: true, enabled: !state.busy) {
                model.send(.makeCsv)
            }
            if let made = state.made, made.kind == .csv {
                ExportMadeView(made: made, busy: state.busy) { model.send(.saved($0)) }
            }
            if state.csvRefused {
                JournalProblem(Loc.text("screen_export_need_confirm"))
            }

            JournalHeading(Loc.text("screen_export_fhir_title"))
            JournalText(Loc.text("screen_export_fhir_intro"))
            JournalButton(title: Loc.text("action_export_fhir"), prominent: true, enabled: !state.busy) {
                model.send(.makeFhir)
            }
            if let made = state.made, made.kind == .fhir {
                ExportMadeView(made: made, busy: state.busy) { model.send(.saved($0)) }
            }
            if let failure = state.failure, !state.csvRefused {
                JournalFailure(failure: failure)
            }
            if state.busy {
                WorkingRow()
            }
        }
    }
}

/// What the core put in the file, then Save and Share.
private struct ExportMadeView: View {
    let made: ExportModel.Made
    let busy: Bool
    let saved: (Bool) -> Void

    var body: some View {
        OutboxCard {
            switch made.kind {
            case .csv:
                JournalText(Loc.text("screen_export_csv_ready", made.file.name))
                ForEach(made.files, id: \.name) { entry in
                    JournalText(Loc.text("common_bullet", Loc.text("screen_export_file_rows", entry.name, Int(entry.rows))))
                }
            case .fhir:
                JournalText(Loc.text(
                    "screen_export_fhir_ready",
                    made.file.name,
                    Int(made.observations),
                    Int(made.encounters),
                    Int(made.questionnaires)
                ))
            }
            if made.damagedLeftOut > 0 {
                JournalText(Loc.text("screen_export_damaged", Int(made.damagedLeftOut)))
            }
        }
        .accessibilityElement(children: .combine)
        OutboxHandOff(
            file: made.file,
            contentType: made.kind == .csv ? .zip : .json,
            handOff: made.handOff,
            enabled: !busy,
            saved: saved
        )
    }
}
