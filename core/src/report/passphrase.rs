//! Passphrases for what leaves the phone: the counselor report and the
//! backup file.
//!
//! A generated passphrase is [`GENERATED_WORDS`] words drawn uniformly from a
//! built-in list of 2,048 short, common English words (`words.txt`, written
//! for Keel: no words about alcohol, drugs or their paraphernalia, no words
//! about death, violence, courts or money). Each word carries 11 bits, so six
//! words carry 66 bits: far beyond what anyone can guess against 600,000
//! PBKDF2 iterations. The participant may choose their own instead: at least
//! [`OWN_MIN_CHARS`] characters, or at least [`OWN_MIN_WORDS`] words of two
//! or more characters.
//!
//! Both the core and the report viewer normalise a passphrase the same way
//! before deriving a key (see [`normalize`]), so a counselor who types an
//! extra space or a non-breaking space still opens the report.

use unicode_normalization::UnicodeNormalization;
use zeroize::Zeroizing;

use crate::crypto::random_array;
use crate::error::{Error, Result};

/// The word list, one word a line, sorted.
const WORD_FILE: &str = include_str!("words.txt");
/// How many words the list holds (a power of two, so draws are unbiased).
pub const WORD_COUNT: usize = 2048;
/// Words in a generated passphrase.
pub const GENERATED_WORDS: usize = 6;
/// Fewest characters of a passphrase the participant chooses.
pub const OWN_MIN_CHARS: usize = 12;
/// Fewest words (of two or more characters) that also make one acceptable.
pub const OWN_MIN_WORDS: usize = 4;
/// Longest passphrase accepted, in characters.
pub const MAX_CHARS: usize = 1024;

/// Characters treated as spaces between words; runs of them count as one.
/// The viewer's JavaScript uses exactly this set.
const SPACES: [char; 6] = [' ', '\t', '\n', '\r', '\u{a0}', '\u{3000}'];

/// The built-in words, in list order.
pub fn words() -> impl Iterator<Item = &'static str> {
    WORD_FILE.lines().map(str::trim).filter(|w| !w.is_empty())
}

/// Bits of entropy of a generated passphrase: 6 × log2(2048) = 66.
pub fn generated_entropy_bits() -> f64 {
    GENERATED_WORDS as f64 * (WORD_COUNT as f64).log2()
}

/// A fresh passphrase of [`GENERATED_WORDS`] words separated by spaces,
/// drawn with the system CSPRNG.
pub fn generate() -> Result<Zeroizing<String>> {
    let list: Vec<&str> = words().collect();
    if list.len() != WORD_COUNT {
        // The list is checked by a test; this guards a bad edit anyway.
        return Err(Error::invalid("word list", "has the wrong length"));
    }
    let draws = Zeroizing::new(random_array::<{ 2 * GENERATED_WORDS }>()?);
    let mut out = Zeroizing::new(String::new());
    for pair in draws.chunks_exact(2) {
        // 2048 = 2^11: masking 16 random bits keeps every word equally likely.
        let index = usize::from(u16::from_le_bytes([pair[0], pair[1]])) & (WORD_COUNT - 1);
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(list[index]);
    }
    Ok(out)
}

/// The bytes a passphrase stands for: Unicode NFC, every run of spaces,
/// tabs, line breaks, no-break or ideographic spaces turned into one space,
/// and no space at either end.
pub fn normalize(passphrase: &str) -> Zeroizing<String> {
    let nfc = Zeroizing::new(passphrase.nfc().collect::<String>());
    let mut out = Zeroizing::new(String::with_capacity(nfc.len()));
    let mut pending_space = false;
    for c in nfc.chars() {
        if SPACES.contains(&c) {
            pending_space = !out.is_empty();
        } else {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(c);
        }
    }
    out
}

/// Checks a passphrase for a report or backup and returns its normalised
/// form; `field` names it in errors (never its value).
pub fn validate(field: &'static str, passphrase: &str) -> Result<Zeroizing<String>> {
    if passphrase.len() > MAX_CHARS * 4 {
        return Err(Error::invalid(
            field,
            format!("longer than {MAX_CHARS} characters"),
        ));
    }
    let normal = normalize(passphrase);
    let chars = normal.chars().count();
    if chars > MAX_CHARS {
        return Err(Error::invalid(
            field,
            format!("longer than {MAX_CHARS} characters"),
        ));
    }
    if normal.contains('\0') {
        return Err(Error::invalid(field, "contains a NUL character"));
    }
    let words = normal.split(' ').filter(|w| w.chars().count() >= 2).count();
    if chars < OWN_MIN_CHARS && words < OWN_MIN_WORDS {
        return Err(Error::invalid(
            field,
            format!(
                "use at least {OWN_MIN_CHARS} characters or {OWN_MIN_WORDS} words, \
                 or a generated passphrase"
            ),
        ));
    }
    Ok(normal)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn the_list_is_2048_distinct_short_lowercase_words() {
        let list: Vec<&str> = words().collect();
        assert_eq!(list.len(), WORD_COUNT);
        let set: HashSet<&str> = list.iter().copied().collect();
        assert_eq!(set.len(), WORD_COUNT, "duplicates");
        for w in &list {
            assert!((2..=7).contains(&w.len()), "{w}");
            assert!(w.bytes().all(|b| b.is_ascii_lowercase()), "{w}");
        }
        let mut sorted = list.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, list, "kept sorted for review");
    }

    #[test]
    fn the_list_avoids_words_about_substances() {
        for w in [
            "beer", "wine", "vodka", "drunk", "drink", "bar", "pub", "shot", "pill", "drug",
            "smoke", "pipe", "weed", "pot", "high", "crack", "coke", "needle", "dose", "cash",
            "bottle", "die", "dead", "kill", "gun", "jail", "court",
        ] {
            assert!(!words().any(|x| x == w), "{w}");
        }
    }

    #[test]
    fn generated_passphrases_have_six_listed_words_and_66_bits() {
        assert!(generated_entropy_bits() >= 60.0);
        assert_eq!(generated_entropy_bits(), 66.0);
        let set: HashSet<&str> = words().collect();
        let a = generate().unwrap();
        let b = generate().unwrap();
        assert_ne!(*a, *b);
        let parts: Vec<&str> = a.split(' ').collect();
        assert_eq!(parts.len(), GENERATED_WORDS);
        assert!(parts.iter().all(|w| set.contains(w)));
        assert_eq!(*validate("passphrase", &a).unwrap(), *a);
    }

    #[test]
    fn normalisation_matches_the_viewer() {
        assert_eq!(
            *normalize("  river \t stone\u{a0}\u{a0}light \n"),
            "river stone light"
        );
        // NFC: "e" + combining acute becomes "é".
        assert_eq!(*normalize("cafe\u{301} au lait"), "caf\u{e9} au lait");
        assert_eq!(*normalize(""), "");
        assert_eq!(*normalize(" \u{3000} "), "");
    }

    #[test]
    fn own_passphrases_need_length_or_words() {
        assert!(validate("p", "twelve chars").is_ok());
        assert!(validate("p", "go to my car").is_ok());
        assert!(validate("p", "short one").is_err());
        assert!(validate("p", "a b c d e f").is_err());
        assert!(validate("p", "").is_err());
        assert!(validate("p", &"x".repeat(MAX_CHARS + 1)).is_err());
        assert!(validate("p", "abc\0defghijklmnop").is_err());
        let e = validate("passphrase", "secretword")
            .unwrap_err()
            .to_string();
        assert!(!e.contains("secretword"));
    }
}
