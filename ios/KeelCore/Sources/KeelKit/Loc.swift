import Foundation
import KeelCore

/// Every user-facing string of the app, looked up by its key in the string
/// catalog (`App/Resources/Localizable.xcstrings`, generated from Android's
/// `strings.xml` in English and Spanish) for the participant's chosen
/// language — not the phone's — which is kept outside the vault
/// (`AppSettings.language`) so Unlock and SOS speak it while locked.
///
/// Keys are Android's XML keys exactly; call sites pass them as string
/// literals (`Loc.text("screen_unlock_title")`) so the checker can find them.
/// Placeholders: the catalog turns `%1$s` into `%1$@` and `%1$d` into
/// `%1$lld`; pass `String` and `Int`.
public enum Loc {
    /// The language the texts are in now.
    public static var language: Language {
        state.read { $0.language }
    }

    /// Switches every text to `language` (the app calls this at launch and
    /// when the participant chooses another language).
    public static func use(_ language: Language) {
        state.write { $0.language = language }
    }

    /// Where the compiled catalog lives: the app's bundle (tests may pass their own).
    public static func use(bundle: Bundle) {
        state.write { $0.bundle = bundle }
    }

    /// The text of `key` in the chosen language, with `args` put in its placeholders.
    public static func text(_ key: String, _ args: any CVarArg...) -> String {
        let (language, bundle) = state.read { ($0.language, $0.bundle) }
        let code = code(of: language)
        let localized = languageBundle(code, in: bundle) ?? bundle
        // A missing key answers itself, which the checks here catch first.
        let format = localized.localizedString(forKey: key, value: key, table: nil)
        guard !args.isEmpty else { return format }
        return String(format: format, locale: Locale(identifier: code), arguments: args)
    }

    /// The catalog's code for `language`: "en" or "es".
    public static func code(of language: Language) -> String {
        switch language {
        case .english: return "en"
        case .spanish: return "es"
        }
    }

    /// The language of `code` ("en", "es", "es-US", ...); English for any other.
    public static func language(code: String) -> Language {
        code.lowercased().hasPrefix("es") ? .spanish : .english
    }

    /// The phone's preferred language if Keel has it, else English (first launch's default).
    public static func systemLanguage(preferred: [String] = Locale.preferredLanguages) -> Language {
        for code in preferred {
            if code.lowercased().hasPrefix("es") { return .spanish }
            if code.lowercased().hasPrefix("en") { return .english }
        }
        return .english
    }

    private static func languageBundle(_ code: String, in bundle: Bundle) -> Bundle? {
        guard let path = bundle.path(forResource: code, ofType: "lproj") else { return nil }
        return Bundle(path: path)
    }

    private static let state = LocState()
}

/// The chosen language and the catalog's bundle, read from any thread.
private final class LocState: @unchecked Sendable {
    struct Values {
        var language: Language = .english
        var bundle: Bundle = .main
    }

    private let lock = NSLock()
    private var values = Values()

    func read<T>(_ body: (Values) -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body(values)
    }

    func write(_ body: (inout Values) -> Void) {
        lock.lock()
        defer { lock.unlock() }
        body(&values)
    }
}
