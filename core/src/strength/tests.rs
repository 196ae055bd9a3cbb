use super::*;
use crate::language::Language;
use crate::report::passphrase::{self, generate};
use crate::slots::normalize_passphrase;

fn weakness(p: &str) -> Option<Weakness> {
    estimate(p).weakness
}

#[test]
fn the_weak_passphrases_of_the_review_are_refused() {
    for p in ["aaaaaaaaaaaa", "123456789012", "12345678", "password"] {
        let e = estimate(p);
        assert!(!e.acceptable, "{p}: {e:?}");
        assert_eq!(e.level, Level::VeryWeak, "{p}");
        let err = require_strong(p).unwrap_err();
        assert!(matches!(err, Error::WeakPassphrase { .. }), "{p}");
        // The error names the pattern, never the passphrase.
        let code = e.weakness.unwrap().code();
        assert_eq!(err.to_string(), format!("weak passphrase: {code}"));
    }
    assert_eq!(weakness("aaaaaaaaaaaa"), Some(Weakness::Repeated));
    assert_eq!(weakness("123456789012"), Some(Weakness::Sequence));
    assert_eq!(weakness("password"), Some(Weakness::CommonPassword));
    assert_eq!(weakness("12345678"), Some(Weakness::CommonPassword));
}

#[test]
fn each_pattern_is_named() {
    assert_eq!(weakness("qwsazxcderfv"), Some(Weakness::KeyboardPattern));
    assert_eq!(weakness("abcabcabcabc"), Some(Weakness::Repeated));
    assert_eq!(weakness("abcdefghijklm"), Some(Weakness::Sequence));
    assert_eq!(weakness("04/12/1987 04/12"), Some(Weakness::Date));
    assert_eq!(weakness("christopher"), Some(Weakness::Name));
    assert_eq!(weakness("understanding"), Some(Weakness::CommonWord));
    assert_eq!(weakness("Sobriety2024"), Some(Weakness::CommonWord));
    assert_eq!(weakness("k9#vX2"), Some(Weakness::TooShort));
    assert_eq!(weakness("x7#"), Some(Weakness::TooShort));
    assert_eq!(weakness(""), Some(Weakness::TooShort));
    assert_eq!(
        weakness(&"x".repeat(MAX_CHARS + 1)),
        Some(Weakness::TooLong)
    );
    assert_eq!(
        weakness("abc\0defghijklmnopq"),
        Some(Weakness::BadCharacter)
    );
    let leet = estimate("P@ssw0rd1234");
    assert!(!leet.acceptable);
    assert!(leet.look_alikes);
}

#[test]
fn unrelated_words_and_long_phrases_pass() {
    for p in [
        "correct horse battery staple",
        "lantern quietly orbits the marmalade",
        "mi perro duerme bajo la mesa azul",
        "Tr4mpoline-Cactus-Velvet-9",
    ] {
        let e = estimate(p);
        assert!(e.acceptable, "{p}: {e:?}");
        assert!(e.guesses_log10 >= MIN_GUESSES_LOG10);
        assert!(matches!(e.level, Level::Good | Level::Strong));
        assert_eq!(e.weakness, None);
        assert!(require_strong(p).is_ok());
        // What the estimate accepts, every passphrase check accepts.
        assert!(normalize_passphrase("passphrase", p).is_ok());
        assert!(passphrase::validate("passphrase", p).is_ok());
    }
}

#[test]
fn generated_passphrases_always_pass() {
    for lang in Language::ALL {
        let mut lowest = f64::MAX;
        for _ in 0..1_000 {
            let p = generate(lang).unwrap();
            let e = estimate(&p);
            assert!(e.acceptable, "{lang:?}: {e:?}");
            lowest = lowest.min(e.guesses_log10);
        }
        // Far from the line, not just over it.
        assert!(lowest > MIN_GUESSES_LOG10 + 3.0, "{lang:?}: {lowest}");
    }
    // The worst draws: the same short word six (seven) times, and the
    // list's first words in order.
    for lang in Language::ALL {
        let words: Vec<&str> = passphrase::words(lang).collect();
        let n = passphrase::generated_words(lang);
        let shortest = words.iter().min_by_key(|w| w.len()).unwrap();
        let same = vec![*shortest; n].join(" ");
        let first = words[..n].join(" ");
        // A repeated word is a weak passphrase even if drawn (1 in
        // 2^55 or less): the estimator is right to say so.
        assert!(!estimate(&same).acceptable, "{same}");
        assert!(estimate(&first).acceptable, "{first}");
    }
}

#[test]
fn only_the_first_hundred_characters_are_estimated() {
    let long = "correct horse battery staple ".repeat(30);
    let e = estimate(&long);
    assert!(e.acceptable);
    assert!(e.guesses_log10.is_finite());
    // Spaces runs, no-break spaces and NFC do not change the estimate.
    assert_eq!(
        estimate("correct  horse\u{a0}battery staple ").guesses_log10,
        estimate("correct horse battery staple").guesses_log10
    );
}

#[test]
fn crack_time_is_at_the_rigs_rate() {
    let at = |log10: f64| crack_time(log10);
    assert_eq!(at(0.0).unit, TimeUnit::LessThanASecond);
    // 10^7 / 150,000 = 66 s.
    assert_eq!(
        at(7.0),
        CrackTime {
            unit: TimeUnit::Minutes,
            amount: 1
        }
    );
    // The line: 10^13 / 150,000 s = 2.1 years.
    assert_eq!(
        at(MIN_GUESSES_LOG10),
        CrackTime {
            unit: TimeUnit::Years,
            amount: 2
        }
    );
    assert_eq!(at(10.0).unit, TimeUnit::Hours);
    assert_eq!(at(11.0).unit, TimeUnit::Days);
    assert_eq!(at(12.0).unit, TimeUnit::Months);
    assert_eq!(at(16.0).unit, TimeUnit::Centuries);
    assert_eq!(at(400.0).amount, u64::MAX);
}

#[test]
fn the_texts_exist_in_both_languages() {
    assert_eq!(
        crack_time_text(
            CrackTime {
                unit: TimeUnit::Days,
                amount: 3
            },
            Language::En
        ),
        "about 3 days"
    );
    assert_eq!(
        crack_time_text(
            CrackTime {
                unit: TimeUnit::Hours,
                amount: 1
            },
            Language::Es
        ),
        "alrededor de una hora"
    );
    for p in [
        "password",
        "aaaaaaaaaaaa",
        "123456789012",
        "qwsazxcderfv",
        "christopher",
        "04/12/1987 04/12",
        "P@ssw0rd1234",
        "short",
        "correct horse battery staple",
    ] {
        let e = estimate(p);
        let (en, es) = (e.message(Language::En), e.message(Language::Es));
        assert!(!en.is_empty() && !es.is_empty() && en != es, "{p}");
        let (sen, ses) = (e.suggestions(Language::En), e.suggestions(Language::Es));
        assert_eq!(sen.len(), ses.len());
        assert_eq!(sen.is_empty(), e.acceptable, "{p}");
        assert_ne!(
            e.crack_time_text(Language::En),
            e.crack_time_text(Language::Es)
        );
    }
}

#[test]
fn every_weakness_has_a_documented_code() {
    let doc = include_str!("../../../docs/errors.md");
    for w in [
        Weakness::TooShort,
        Weakness::TooLong,
        Weakness::BadCharacter,
        Weakness::CommonPassword,
        Weakness::CommonWord,
        Weakness::Name,
        Weakness::Repeated,
        Weakness::Sequence,
        Weakness::KeyboardPattern,
        Weakness::Date,
        Weakness::TooPredictable,
    ] {
        assert!(doc.contains(&format!("`{}`", w.code())), "{w:?}");
    }
}

proptest::proptest! {
    #[test]
    fn any_text_gets_an_estimate(p in "\\PC{0,120}") {
        let e = estimate(&p);
        proptest::prop_assert!(e.guesses_log10.is_finite());
        proptest::prop_assert_eq!(e.acceptable, e.weakness.is_none());
        if e.acceptable {
            proptest::prop_assert!(normalize_passphrase("passphrase", &p).is_ok());
            proptest::prop_assert!(passphrase::validate("passphrase", &p).is_ok());
        }
    }
}
