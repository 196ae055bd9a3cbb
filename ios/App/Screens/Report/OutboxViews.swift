import KeelCore
import KeelKit
import SwiftUI
import UniformTypeIdentifiers

/// A file of a screen's outbox, for the system's save picker: read from the
/// outbox only when the picker writes it where the participant chose.
struct OutboxDocument: FileDocument {
    static let readableContentTypes: [UTType] = [.data, .html, .zip, .json]

    let url: URL

    init(url: URL) {
        self.url = url
    }

    /// Never opened: the outbox's files are only ever exported.
    init(configuration: FileDocumentReadConfiguration) throws {
        throw OutboxError.notAFileName
    }

    func fileWrapper(configuration: FileDocumentWriteConfiguration) throws -> FileWrapper {
        FileWrapper(regularFileWithContents: try Data(contentsOf: url))
    }
}

/// Save to a file (the system's picker) and Share (the share sheet) for a
/// file of a screen's outbox, under the core's name; what became of the
/// last save below them. The share sheet tells nothing back, so only a
/// save's outcome is said.
struct OutboxHandOff: View {
    let file: OutboxFile
    let contentType: UTType
    let handOff: HandOff?
    var enabled = true
    let saved: (Bool) -> Void
    @State private var exporting = false

    var body: some View {
        VStack(alignment: .leading, spacing: 12) {
            JournalButton(title: Loc.text("action_report_save"), prominent: true, enabled: enabled) {
                exporting = true
            }
            ShareLink(item: file.url) {
                Text(Loc.text("action_report_share"))
                    .multilineTextAlignment(.center)
                    .fixedSize(horizontal: false, vertical: true)
                    .frame(maxWidth: .infinity, minHeight: 44)
            }
            .buttonStyle(.bordered)
            .disabled(!enabled)
            .accessibilityLabel(Loc.text("action_report_share"))
            if let handOff {
                JournalText(handOff == .saved ? Loc.text("screen_report_saved") : Loc.text("screen_report_not_saved"))
            }
        }
        .fileExporter(
            isPresented: $exporting,
            document: OutboxDocument(url: file.url),
            contentTypes: [contentType],
            defaultFilename: file.name,
            onCompletion: { result in
                switch result {
                case .success: saved(true)
                case .failure: saved(false)
                }
            },
            onCancellation: { saved(false) }
        )
    }
}

/// The words that lock a file, large, to say aloud or write down; hidden
/// from redacted snapshots like every passphrase.
struct SpokenWords: View {
    let words: String

    var body: some View {
        Text(words)
            .font(.title2.weight(.semibold))
            .frame(maxWidth: .infinity, alignment: .leading)
            .fixedSize(horizontal: false, vertical: true)
            .padding()
            .background(Color(uiColor: .secondarySystemBackground), in: RoundedRectangle(cornerRadius: 12))
            .privacySensitive()
    }
}

/// A block of the core's own lines on a card.
struct OutboxCard<Content: View>: View {
    var tint: Color = Color(uiColor: .secondarySystemBackground)
    @ViewBuilder let content: Content

    var body: some View {
        VStack(alignment: .leading, spacing: 6) {
            content
        }
        .frame(maxWidth: .infinity, alignment: .leading)
        .padding()
        .background(tint, in: RoundedRectangle(cornerRadius: 12))
    }
}

enum OutboxScreens {
    /// Whether `route` is still in the stack (only covered, by SOS or a
    /// sheet) rather than left: its outbox is emptied only once it is left
    /// or the app locks.
    @MainActor
    static func stillOpen(_ route: Route, in router: Router) -> Bool {
        !router.locked && (router.root == route || router.path.contains(route))
    }
}

extension View {
    /// Empties the screen's outbox once `route` is left for good or the app
    /// locks (not while SOS or a sheet only covers it).
    func emptiesOutbox(of route: Route, router: Router, empty: @escaping () -> Void) -> some View {
        self
            .onDisappear {
                if !OutboxScreens.stillOpen(route, in: router) { empty() }
            }
            .onChange(of: router.locked) { _, locked in
                if locked { empty() }
            }
    }
}
