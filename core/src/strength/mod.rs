//! How long a passphrase would hold against someone who copied the vault's
//! file, and the rule that refuses the ones that would not hold.
//!
//! The estimate is zxcvbn's (Dropbox's estimator, the `zxcvbn` crate): the
//! number of guesses a cracker trying common passwords, words, names,
//! keyboard patterns, dates, repeats and sequences first would need. The
//! rule, its numbers and what the estimate does not know are in
//! docs/security.md, "Passphrase strength":
//!
//! - a passphrase is refused below [`MIN_GUESSES_LOG10`] (10^13 guesses):
//!   about two years on a rig of eight current GPUs against PBKDF2 at
//!   600,000 iterations ([`RIG_GUESSES_PER_SECOND`]);
//! - the crack time shown to the participant is at that rig's rate.
//!
//! The same rule covers the vault's passphrase (creation and change) and
//! the passphrases typed for a counselor report or a backup. Passphrases the
//! core generates ([`crate::report::passphrase::generate`]) always pass.

use crate::error::{Error, Result};
use crate::report::passphrase::{MAX_CHARS, OWN_MIN_CHARS, OWN_MIN_WORDS, normalize};
use crate::slots::PASSPHRASE_MIN_CHARS;

mod text;

pub use text::crack_time_text;

/// Fewest guesses (as log10) a passphrase must need to be accepted: 10^13,
/// about 2.1 years at [`RIG_GUESSES_PER_SECOND`] (docs/security.md).
pub const MIN_GUESSES_LOG10: f64 = 13.0;
/// From here on a passphrase is [`Level::Strong`]: 10^16, about 2,100 years
/// on the same rig.
pub const STRONG_GUESSES_LOG10: f64 = 16.0;
/// Below this a passphrase is [`Level::VeryWeak`]: 10^8, minutes on the rig.
pub const VERY_WEAK_GUESSES_LOG10: f64 = 8.0;
/// Guesses a second of the reference attacker: eight RTX 5090 GPUs running
/// hashcat's PBKDF2-HMAC-SHA256 (mode 10900, 11,157 kH/s each at 999
/// iterations) against 600,000 iterations: 8 × 11,157,000 × 1,000 /
/// 600,000 ≈ 149,000, rounded up.
pub const RIG_GUESSES_PER_SECOND: f64 = 150_000.0;
/// Only the first characters are estimated: zxcvbn's matching grows with
/// the square of the length, and a passphrase whose first 100 characters
/// are strong is strong.
pub const ESTIMATED_CHARS: usize = 100;

/// Words the estimator treats as the first guesses, beyond its own lists:
/// the app's name and the words of recovery a guesser would try on a
/// recovery app, in English and Spanish (zxcvbn's lists are English only).
const APP_WORDS: [&str; 20] = [
    "keel",
    "sober",
    "sobriety",
    "recovery",
    "relapse",
    "clean",
    "serenity",
    "onedayatatime",
    "sobrio",
    "sobria",
    "sobriedad",
    "recuperacion",
    "recaida",
    "limpio",
    "limpia",
    "serenidad",
    "contrasena",
    "clave",
    "teamo",
    "tequiero",
];

/// Where a passphrase stands, for a meter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// Under 10^8 guesses: minutes.
    VeryWeak,
    /// Refused, but not trivially.
    Weak,
    /// Accepted.
    Good,
    /// 10^16 guesses or more.
    Strong,
}

/// Why a passphrase is weak: the pattern that gives it away.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weakness {
    /// Too short for any pattern to matter, or shorter than the minimum.
    TooShort,
    /// Longer than the 1,024 characters a passphrase may have.
    TooLong,
    /// Holds a character no keyboard types (NUL).
    BadCharacter,
    /// One of the passwords people use most.
    CommonPassword,
    /// A common word, or few common words.
    CommonWord,
    /// A first name or surname.
    Name,
    /// Repeated characters or words (`aaaa`, `abcabc`).
    Repeated,
    /// A sequence (`1234`, `abcd`).
    Sequence,
    /// Keys next to each other (`qwerty`, `zxcvbn`).
    KeyboardPattern,
    /// A date or a recent year.
    Date,
    /// No single pattern, but guessable all the same.
    TooPredictable,
}

impl Weakness {
    /// The stable code of `WeakPassphrase.reason` (docs/errors.md).
    pub fn code(self) -> &'static str {
        match self {
            Weakness::TooShort => "too_short",
            Weakness::TooLong => "too_long",
            Weakness::BadCharacter => "bad_character",
            Weakness::CommonPassword => "common_password",
            Weakness::CommonWord => "common_word",
            Weakness::Name => "name",
            Weakness::Repeated => "repeated",
            Weakness::Sequence => "sequence",
            Weakness::KeyboardPattern => "keyboard_pattern",
            Weakness::Date => "date",
            Weakness::TooPredictable => "too_predictable",
        }
    }
}

/// The unit of a crack time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeUnit {
    /// Under one second (`amount` is 0).
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

/// How long the reference rig would need, on average, rounded to one unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CrackTime {
    pub unit: TimeUnit,
    pub amount: u64,
}

/// The estimate for one passphrase.
#[derive(Debug, Clone, PartialEq)]
pub struct Estimate {
    /// True when the vault, a report and a backup accept it.
    pub acceptable: bool,
    pub level: Level,
    /// log10 of the guesses zxcvbn estimates.
    pub guesses_log10: f64,
    /// At [`RIG_GUESSES_PER_SECOND`].
    pub crack_time: CrackTime,
    /// Why it is refused; `None` when acceptable.
    pub weakness: Option<Weakness>,
    /// The passphrase swaps letters for look-alike symbols (`p@ssw0rd`),
    /// which the suggestions address.
    pub look_alikes: bool,
}

/// Estimates `passphrase` as the participant typed it (normalised the way
/// the core normalises it before deriving a key). Never fails, so a shell
/// can call it on every keystroke.
pub fn estimate(passphrase: &str) -> Estimate {
    // A huge paste is cut before normalising: only the first
    // ESTIMATED_CHARS characters are estimated anyway.
    let head = char_prefix(passphrase, (MAX_CHARS + 1) * 4);
    let normal = normalize(head);
    let chars = normal.chars().count();
    let words = normal.split(' ').filter(|w| w.chars().count() >= 2).count();
    let estimated = char_prefix(&normal, ESTIMATED_CHARS);
    let (log10, pattern, look_alikes) = if estimated.is_empty() {
        (0.0, Some(Weakness::TooShort), false)
    } else {
        guesses(estimated)
    };
    let strong_enough = log10 >= MIN_GUESSES_LOG10;
    // What cannot be used at all first, then the pattern that gives a weak
    // one away, then the length floors (the vault's 8 characters; a
    // report's or backup's 12 characters or 4 words), which a passphrase
    // over the line practically always clears.
    let weakness = if passphrase.len() > MAX_CHARS * 4 || chars > MAX_CHARS {
        Some(Weakness::TooLong)
    } else if normal.contains('\0') {
        Some(Weakness::BadCharacter)
    } else if !strong_enough {
        Some(pattern.unwrap_or(Weakness::TooPredictable))
    } else if chars < PASSPHRASE_MIN_CHARS || (chars < OWN_MIN_CHARS && words < OWN_MIN_WORDS) {
        Some(Weakness::TooShort)
    } else {
        None
    };
    let level = if log10 < VERY_WEAK_GUESSES_LOG10 {
        Level::VeryWeak
    } else if !strong_enough || weakness.is_some() {
        Level::Weak
    } else if log10 < STRONG_GUESSES_LOG10 {
        Level::Good
    } else {
        Level::Strong
    };
    Estimate {
        acceptable: weakness.is_none(),
        level,
        guesses_log10: log10,
        crack_time: crack_time(log10),
        weakness,
        look_alikes,
    }
}

/// Refuses a new passphrase (already checked for length and normalised)
/// that [`estimate`] finds weak: `WeakPassphrase { reason }`.
pub fn require_strong(passphrase: &str) -> Result<()> {
    match estimate(passphrase).weakness {
        None => Ok(()),
        Some(w) => Err(Error::WeakPassphrase { reason: w.code() }),
    }
}

/// zxcvbn's guesses for `s` (log10), the weakness its matches point at,
/// and whether it saw look-alike substitutions. A panic inside the
/// estimator (none is known in this version) counts as the weakest
/// estimate rather than crossing the FFI or accepting the passphrase.
fn guesses(s: &str) -> (f64, Option<Weakness>, bool) {
    std::panic::catch_unwind(|| {
        let entropy = zxcvbn::zxcvbn(s, &APP_WORDS);
        let (weakness, look_alikes) = weakness_of(entropy.sequence());
        (entropy.guesses_log10(), weakness, look_alikes)
    })
    .unwrap_or((0.0, Some(Weakness::TooPredictable), false))
}

/// The pattern that gives a passphrase away: the longest match that is not
/// plain brute force (as zxcvbn's own feedback picks it). Only brute force:
/// it is simply too short.
fn weakness_of(sequence: &[zxcvbn::Match]) -> (Option<Weakness>, bool) {
    use zxcvbn::matching::patterns::MatchPattern as P;
    let look_alikes = sequence
        .iter()
        .any(|m| matches!(&m.pattern, P::Dictionary(d) if d.l33t));
    let longest = sequence
        .iter()
        .filter(|m| !matches!(m.pattern, P::BruteForce))
        .max_by_key(|m| m.token.chars().count());
    let Some(m) = longest else {
        return (Some(Weakness::TooShort), look_alikes);
    };
    let weakness = match &m.pattern {
        // The crate does not export its list type; its `Debug` names it
        // (`Passwords`, `English`, `FemaleNames`, `MaleNames`, `Surnames`,
        // `UsTvAndFilm`, `UserInputs`), checked by a test.
        P::Dictionary(d) => match format!("{:?}", d.dictionary_name).as_str() {
            "Passwords" => Weakness::CommonPassword,
            "FemaleNames" | "MaleNames" | "Surnames" => Weakness::Name,
            _ => Weakness::CommonWord,
        },
        P::Spatial(_) => Weakness::KeyboardPattern,
        P::Repeat(_) => Weakness::Repeated,
        P::Sequence(_) => Weakness::Sequence,
        P::Regex(_) | P::Date(_) => Weakness::Date,
        P::BruteForce => Weakness::TooShort,
    };
    (Some(weakness), look_alikes)
}

/// The time [`RIG_GUESSES_PER_SECOND`] needs for 10^`log10` guesses, in
/// the largest unit that holds at least one.
fn crack_time(log10: f64) -> CrackTime {
    const MINUTE: f64 = 60.0;
    const HOUR: f64 = 60.0 * MINUTE;
    const DAY: f64 = 24.0 * HOUR;
    const YEAR: f64 = 365.25 * DAY;
    const MONTH: f64 = YEAR / 12.0;
    const CENTURY: f64 = 100.0 * YEAR;
    let seconds = 10f64.powf(log10) / RIG_GUESSES_PER_SECOND;
    let (unit, size) = if seconds < 1.0 {
        return CrackTime {
            unit: TimeUnit::LessThanASecond,
            amount: 0,
        };
    } else if seconds < MINUTE {
        (TimeUnit::Seconds, 1.0)
    } else if seconds < HOUR {
        (TimeUnit::Minutes, MINUTE)
    } else if seconds < DAY {
        (TimeUnit::Hours, HOUR)
    } else if seconds < MONTH {
        (TimeUnit::Days, DAY)
    } else if seconds < YEAR {
        (TimeUnit::Months, MONTH)
    } else if seconds < CENTURY {
        (TimeUnit::Years, YEAR)
    } else {
        (TimeUnit::Centuries, CENTURY)
    };
    // Whole units, rounded down ("about 59 seconds", never "60 seconds").
    // Float-to-integer casts saturate, so an astronomical count stays
    // u64::MAX centuries.
    let amount = ((seconds / size).floor() as u64).max(1);
    CrackTime { unit, amount }
}

/// The first `n` characters of `s` (all of it when shorter).
fn char_prefix(s: &str, n: usize) -> &str {
    match s.char_indices().nth(n) {
        Some((at, _)) => &s[..at],
        None => s,
    }
}

#[cfg(test)]
mod tests;
