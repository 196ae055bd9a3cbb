//! Passphrases for what leaves the phone: the counselor report and the
//! backup file.
//!
//! A generated passphrase is drawn uniformly, with the system CSPRNG, from
//! a built-in word list in the participant's language, so the participant
//! can read it aloud to a counselor who types it:
//!
//! - English (`words.txt`): 2,048 short, common words written for Keel (no
//!   words about alcohol, drugs or their paraphernalia, no words about
//!   death, violence, courts or money). 11 bits a word; six words carry
//!   66 bits.
//! - Spanish (`words_es.txt`): 1,024 short (3 to 6 letters), common words
//!   selected for Keel from the Spanish BIP-39 word list
//!   (`bitcoin/bips`, `bip-0039/spanish.txt`): only words written without
//!   accents or ñ, none whose spelling with ñ is another word (`cuna`,
//!   `pena`), none with a common homophone a listener could spell otherwise
//!   (`cazo`/`caso`, `tubo`/`tuvo`, `ola`/`hola`), no two that sound alike
//!   (b/v, c/s/z, silent h, ll/y, g/j), and, as in English, nothing about
//!   substances, their slang (`perico`, `piedra`, `caballo`), paraphernalia,
//!   death, violence, courts, money, gambling or sex. 10 bits a word;
//!   seven words carry 70 bits, at least the English list's 66.
//!
//! Either is far beyond what anyone can guess against 600,000 PBKDF2
//! iterations. The participant may choose their own instead: at least
//! [`OWN_MIN_CHARS`] characters, or at least [`OWN_MIN_WORDS`] words of two
//! or more characters, and strong enough for [`crate::strength`].
//!
//! Both the core and the report viewer normalise a passphrase the same way
//! before deriving a key (see [`normalize`]), so a counselor who types an
//! extra space or a non-breaking space still opens the report.

use unicode_normalization::UnicodeNormalization;
use zeroize::Zeroizing;

use crate::crypto::random_array;
use crate::error::{Error, Result};
use crate::language::Language;

/// The English word list, one word a line, sorted.
const WORD_FILE: &str = include_str!("words.txt");
/// The Spanish word list, one word a line, sorted.
const WORD_FILE_ES: &str = include_str!("words_es.txt");
/// How many words the English list holds (a power of two, so draws are
/// unbiased).
pub const WORD_COUNT: usize = 2048;
/// Words in a generated English passphrase.
pub const GENERATED_WORDS: usize = 6;
/// How many words the Spanish list holds (a power of two).
pub const WORD_COUNT_ES: usize = 1024;
/// Words in a generated Spanish passphrase.
pub const GENERATED_WORDS_ES: usize = 7;
/// Fewest characters of a passphrase the participant chooses.
pub const OWN_MIN_CHARS: usize = 12;
/// Fewest words (of two or more characters) that also make one acceptable.
pub const OWN_MIN_WORDS: usize = 4;
/// Longest passphrase accepted, in characters.
pub const MAX_CHARS: usize = 1024;

/// Characters treated as spaces between words; runs of them count as one.
/// The viewer's JavaScript uses exactly this set.
const SPACES: [char; 6] = [' ', '\t', '\n', '\r', '\u{a0}', '\u{3000}'];

/// The list of `lang`: its text, its size and how many words a generated
/// passphrase draws.
fn list_of(lang: Language) -> (&'static str, usize, usize) {
    match lang {
        Language::En => (WORD_FILE, WORD_COUNT, GENERATED_WORDS),
        Language::Es => (WORD_FILE_ES, WORD_COUNT_ES, GENERATED_WORDS_ES),
    }
}

/// The built-in words of `lang`, in list order.
pub fn words(lang: Language) -> impl Iterator<Item = &'static str> {
    list_of(lang)
        .0
        .lines()
        .map(str::trim)
        .filter(|w| !w.is_empty())
}

/// Words in a generated passphrase in `lang`.
pub fn generated_words(lang: Language) -> usize {
    list_of(lang).2
}

/// Bits of entropy of a generated passphrase in `lang`: words ×
/// log2(list size) (English 6 × 11 = 66, Spanish 7 × 10 = 70).
pub fn generated_entropy_bits(lang: Language) -> f64 {
    let (_, count, n) = list_of(lang);
    n as f64 * (count as f64).log2()
}

/// A fresh passphrase of words of `lang` separated by spaces, drawn with
/// the system CSPRNG.
pub fn generate(lang: Language) -> Result<Zeroizing<String>> {
    let (_, count, n) = list_of(lang);
    let list: Vec<&str> = words(lang).collect();
    if list.len() != count || !count.is_power_of_two() || n > 8 {
        // The lists are checked by a test; this guards a bad edit anyway.
        return Err(Error::invalid("word_list", "wrong_length"));
    }
    let draws = Zeroizing::new(random_array::<16>()?);
    let mut out = Zeroizing::new(String::new());
    for pair in draws.chunks_exact(2).take(n) {
        // A power of two: masking 16 random bits keeps every word equally
        // likely.
        let index = usize::from(u16::from_le_bytes([pair[0], pair[1]])) & (count - 1);
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
        return Err(Error::invalid(field, "too_long"));
    }
    let normal = normalize(passphrase);
    let chars = normal.chars().count();
    if chars > MAX_CHARS {
        return Err(Error::invalid(field, "too_long"));
    }
    if normal.contains('\0') {
        return Err(Error::invalid(field, "contains_nul"));
    }
    let words = normal.split(' ').filter(|w| w.chars().count() >= 2).count();
    if chars < OWN_MIN_CHARS && words < OWN_MIN_WORDS {
        return Err(Error::invalid(field, "too_short"));
    }
    crate::strength::require_strong(&normal)?;
    Ok(normal)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn the_lists_are_distinct_short_lowercase_ascii_words() {
        for (lang, count, lengths) in [
            (Language::En, WORD_COUNT, 2..=7),
            (Language::Es, WORD_COUNT_ES, 3..=6),
        ] {
            let list: Vec<&str> = words(lang).collect();
            assert_eq!(list.len(), count, "{lang:?}");
            assert!(count.is_power_of_two());
            let set: HashSet<&str> = list.iter().copied().collect();
            assert_eq!(set.len(), count, "duplicates in {lang:?}");
            for w in &list {
                assert!(lengths.contains(&w.len()), "{w}");
                // No accents, no ñ: what is heard is what is typed.
                assert!(w.bytes().all(|b| b.is_ascii_lowercase()), "{w}");
            }
            let mut sorted = list.clone();
            sorted.sort_unstable();
            assert_eq!(sorted, list, "kept sorted for review");
        }
    }

    /// How a Spanish word sounds in Latin-American Spanish: b/v, c/s/z
    /// (seseo), silent h, ll/y (yeísmo), soft g/j and qu/c/k merged.
    fn spoken(w: &str) -> String {
        let mut s = w.replace("ch", "1").replace("ll", "y").replace("qu", "k");
        s = s.replace("gue", "ge").replace("gui", "gi");
        let mut out = String::new();
        let chars: Vec<char> = s.chars().collect();
        for (i, c) in chars.iter().enumerate() {
            let next = chars.get(i + 1).copied();
            let soft = matches!(next, Some('e' | 'i'));
            match c {
                'c' if soft => out.push('s'),
                'c' => out.push('k'),
                'g' if soft => out.push('j'),
                'z' => out.push('s'),
                'v' => out.push('b'),
                'h' => {}
                c => out.push(*c),
            }
        }
        out
    }

    #[test]
    fn no_two_spanish_words_sound_alike() {
        let mut heard = std::collections::HashMap::new();
        for w in words(Language::Es) {
            if let Some(other) = heard.insert(spoken(w), w) {
                panic!("{w} sounds like {other}");
            }
        }
        assert_eq!(spoken("vaca"), spoken("baca"));
        assert_eq!(spoken("cazo"), spoken("caso"));
        assert_eq!(spoken("hola"), spoken("ola"));
    }

    #[test]
    fn the_lists_avoid_words_about_substances() {
        for w in [
            "beer", "wine", "vodka", "drunk", "drink", "bar", "pub", "shot", "pill", "drug",
            "smoke", "pipe", "weed", "pot", "high", "crack", "coke", "needle", "dose", "cash",
            "bottle", "die", "dead", "kill", "gun", "jail", "court",
        ] {
            assert!(!words(Language::En).any(|x| x == w), "{w}");
        }
        for w in [
            "vino", "licor", "ron", "copa", "trago", "droga", "dosis", "fumar", "humo", "pipa",
            "aguja", "perico", "piedra", "caballo", "polvo", "hielo", "muerte", "matar", "juez",
            "dinero", "plata", "lana", "apuesta", "coger", "tira", "cuna", "pena", "cazo", "ola",
        ] {
            assert!(!words(Language::Es).any(|x| x == w), "{w}");
        }
    }

    #[test]
    fn generated_passphrases_have_listed_words_and_at_least_66_bits() {
        assert_eq!(generated_entropy_bits(Language::En), 66.0);
        assert_eq!(generated_entropy_bits(Language::Es), 70.0);
        for lang in Language::ALL {
            let set: HashSet<&str> = words(lang).collect();
            let a = generate(lang).unwrap();
            let b = generate(lang).unwrap();
            assert_ne!(*a, *b);
            let parts: Vec<&str> = a.split(' ').collect();
            assert_eq!(parts.len(), generated_words(lang));
            assert!(parts.iter().all(|w| set.contains(w)), "{lang:?}");
            assert_eq!(*validate("passphrase", &a).unwrap(), *a);
        }
        // The lists differ, so a Spanish passphrase reads as Spanish.
        let en: HashSet<&str> = words(Language::En).collect();
        let es: HashSet<&str> = words(Language::Es).collect();
        assert!(en.intersection(&es).count() < 100);
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
        assert!(validate("p", "Tr4mpoline-Cactus-Velvet-9").is_ok());
        assert!(validate("p", "ox yak gnu emu fig").is_ok());
        // Long enough, but guessed at once (crate::strength).
        assert!(matches!(
            validate("p", "aaaaaaaaaaaa"),
            Err(Error::WeakPassphrase { .. })
        ));
        assert!(matches!(
            validate("p", "123456789012"),
            Err(Error::WeakPassphrase { .. })
        ));
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
