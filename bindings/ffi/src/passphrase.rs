//! Passphrase strength, shown while the participant types: the core's
//! estimate (zxcvbn against an offline attack on a copied vault file) as
//! typed data plus localised words. The same rule refuses weak passphrases
//! with `KeelError::WeakPassphrase` wherever one is set.

use keel_core::strength::{self, Estimate};
use zeroize::Zeroizing;

use crate::mirror::mirror_enum;
use crate::types::Language;

/// Where a passphrase stands, for a meter of four steps. `Good` and
/// `Strong` are accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum PassphraseLevel {
    VeryWeak,
    Weak,
    Good,
    Strong,
}

mirror_enum!(strength::Level => PassphraseLevel { VeryWeak, Weak, Good, Strong });

/// Why a passphrase is refused: the pattern that gives it away. The same
/// codes are `WeakPassphrase.reason` (docs/errors.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum PassphraseWeakness {
    /// Shorter than the minimum, or too short for its characters to matter.
    TooShort,
    /// Over 1,024 characters.
    TooLong,
    /// Holds a character no keyboard types.
    BadCharacter,
    /// One of the passwords people use most.
    CommonPassword,
    /// A common word, or few common words.
    CommonWord,
    /// A first name or surname.
    Name,
    /// Repeated characters or words.
    Repeated,
    /// A sequence such as `1234` or `abcd`.
    Sequence,
    /// Keys next to each other, such as `qwerty`.
    KeyboardPattern,
    /// A date or a recent year.
    Date,
    /// No single pattern, but guessable all the same.
    TooPredictable,
}

mirror_enum!(strength::Weakness => PassphraseWeakness {
    TooShort, TooLong, BadCharacter, CommonPassword, CommonWord, Name, Repeated, Sequence,
    KeyboardPattern, Date, TooPredictable,
});

/// The unit of [`CrackTime`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum CrackTimeUnit {
    /// Under a second (`amount` is 0).
    LessThanASecond,
    Seconds,
    Minutes,
    Hours,
    Days,
    Months,
    Years,
    /// A hundred years or more; `amount` counts centuries (saturating).
    Centuries,
}

mirror_enum!(strength::TimeUnit => CrackTimeUnit {
    LessThanASecond, Seconds, Minutes, Hours, Days, Months, Years, Centuries,
});

/// How long, on average, a rig of eight current GPUs (150,000 guesses a
/// second against the vault's PBKDF2) would need: whole units, rounded
/// down.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Record)]
pub struct CrackTime {
    pub unit: CrackTimeUnit,
    pub amount: u64,
}

/// The estimate for a passphrase being typed.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct PassphraseEstimate {
    /// True when creating the vault, changing its passphrase, a report and
    /// a backup accept it; false exactly when `reason` is set.
    pub acceptable: bool,
    pub level: PassphraseLevel,
    /// log10 of the guesses the estimator expects an attacker to need
    /// (accepted from 13.0).
    pub guesses_log10: f64,
    pub crack_time: CrackTime,
    /// `crack_time` as a phrase in the language asked for ("about 3
    /// days", "alrededor de 3 días").
    pub crack_time_text: String,
    /// Why it is refused; null when acceptable.
    pub reason: Option<PassphraseWeakness>,
    /// One sentence: the reason in plain words, or that it will do.
    pub message: String,
    /// What to do instead, most useful first; empty when acceptable.
    pub suggestions: Vec<String>,
}

impl PassphraseEstimate {
    fn new(e: &Estimate, lang: keel_core::Language) -> Self {
        PassphraseEstimate {
            acceptable: e.acceptable,
            level: e.level.into(),
            guesses_log10: e.guesses_log10,
            crack_time: CrackTime {
                unit: e.crack_time.unit.into(),
                amount: e.crack_time.amount,
            },
            crack_time_text: e.crack_time_text(lang),
            reason: e.weakness.map(Into::into),
            message: e.message(lang).to_string(),
            suggestions: e.suggestions(lang).into_iter().map(String::from).collect(),
        }
    }
}

/// Estimates a passphrase as the participant types it (vault, report or
/// backup: one rule), with the reason and suggestions in `language`. Never
/// fails and needs no vault; fast enough for every keystroke (call it off
/// the main thread, debounced: the first call loads the word lists).
#[uniffi::export]
pub fn estimate_passphrase(passphrase: String, language: Language) -> PassphraseEstimate {
    // Wiped when the call returns, like every passphrase the FFI takes; the
    // estimator's own working copies are not (docs/security.md).
    let passphrase = Zeroizing::new(passphrase);
    PassphraseEstimate::new(&strength::estimate(&passphrase), language.into())
}
