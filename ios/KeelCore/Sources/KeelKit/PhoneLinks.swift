import Foundation

/// `tel:` and `sms:` links for a phone number: they open the Phone and
/// Messages apps (no networking here). Only digits and a leading + are
/// kept, so a number typed with spaces or dashes still dials.
public enum PhoneLinks {
    public static func call(_ phone: String) -> URL? {
        url(scheme: "tel", phone)
    }

    public static func text(_ phone: String) -> URL? {
        url(scheme: "sms", phone)
    }

    public static func dialable(_ phone: String) -> String {
        var kept = ""
        for character in phone.trimmingCharacters(in: .whitespaces) {
            if character.isASCII, character.isNumber {
                kept.append(character)
            } else if character == "+", kept.isEmpty {
                kept.append(character)
            }
        }
        return kept
    }

    private static func url(scheme: String, _ phone: String) -> URL? {
        let number = dialable(phone)
        guard !number.isEmpty, number != "+" else { return nil }
        return URL(string: "\(scheme):\(number)")
    }
}
