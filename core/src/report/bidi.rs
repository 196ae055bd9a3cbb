//! Direction isolation of what the participant typed.
//!
//! A report line often joins the core's words and the participant's ("Early:
//! <warning sign>", "<if> → <then>", "<trigger>, <trigger>"). Left alone, the
//! Unicode bidirectional algorithm lets one piece reorder its neighbours: a
//! right-to-left override (U+202E) in a trigger name reverses the rest of
//! the line, and an Arabic or Hebrew name pulls the digits after it to its
//! side. So every participant-written string in a document is wrapped in
//! FIRST STRONG ISOLATE (U+2068) … POP DIRECTIONAL ISOLATE (U+2069): its
//! direction comes from its own first strong letter, and nothing inside
//! reaches outside. Isolate controls the participant typed (U+2066–U+2069)
//! are dropped first, so no piece can close its isolate early or leave one
//! open; embeddings and overrides (U+202A–U+202E) stay, as they end at the
//! closing PDI. The viewer renders each marked piece as a `<bdi dir="auto">`
//! (docs/report-format.md); any other reader of the JSON gets the same
//! isolation from the characters themselves.

/// FIRST STRONG ISOLATE: opens a participant-written piece.
pub const FSI: char = '\u{2068}';
/// POP DIRECTIONAL ISOLATE: closes it.
pub const PDI: char = '\u{2069}';

/// The isolate controls a participant's text may not carry: LRI, RLI,
/// FSI and PDI.
fn isolate_control(c: char) -> bool {
    ('\u{2066}'..='\u{2069}').contains(&c)
}

/// `text`, written by the participant, isolated for a report line. Empty
/// text stays empty (an empty cell).
pub fn typed(text: &str) -> String {
    if text.is_empty() {
        return String::new();
    }
    let mut out = String::with_capacity(text.len() + 6);
    out.push(FSI);
    out.extend(text.chars().filter(|c| !isolate_control(*c)));
    out.push(PDI);
    out
}

/// Several participant-written pieces, each isolated, joined by `sep`.
pub fn typed_list<'a>(items: impl IntoIterator<Item = &'a str>, sep: &str) -> String {
    items
        .into_iter()
        .filter(|t| !t.is_empty())
        .map(typed)
        .collect::<Vec<_>>()
        .join(sep)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn pieces_are_wrapped_and_cannot_escape() {
        assert_eq!(typed("Payday"), "\u{2068}Payday\u{2069}");
        assert_eq!(typed(""), "");
        // A stray PDI would close the isolate early; a stray FSI would
        // leave it open to the end of the line.
        assert_eq!(
            typed("a\u{2069}\u{202E}b\u{2066}c\u{2067}\u{2068}"),
            "\u{2068}a\u{202E}bc\u{2069}"
        );
        assert_eq!(
            typed_list(["ضغط العمل", "", "42nd street"], ", "),
            "\u{2068}ضغط العمل\u{2069}, \u{2068}42nd street\u{2069}"
        );
    }

    proptest! {
        /// Whatever was typed, the piece holds exactly one isolate, opened
        /// first and closed last, and the rest of what was typed.
        #[test]
        fn every_piece_is_one_balanced_isolate(text in any::<String>()) {
            let out = typed(&text);
            let kept: String = text.chars().filter(|c| !isolate_control(*c)).collect();
            if text.is_empty() {
                prop_assert_eq!(out, "");
            } else {
                let inner: String = out.chars().skip(1).take(out.chars().count() - 2).collect();
                prop_assert!(out.starts_with(FSI) && out.ends_with(PDI));
                prop_assert!(!inner.chars().any(isolate_control));
                prop_assert_eq!(inner, kept);
            }
        }
    }
}
