//! The languages the core writes people-facing text in.

use serde::{Deserialize, Serialize};

/// A language the core writes in. The shell passes the participant's choice
/// (kept outside the vault, so the unlock and crisis screens are localised
/// while locked); every text the core returns for people exists in each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    /// English.
    #[default]
    En,
    /// Spanish.
    Es,
}

impl Language {
    /// The language for a BCP 47 tag such as `es-MX` or `en_US`: Spanish for
    /// any `es` tag, English otherwise.
    pub fn from_locale(tag: &str) -> Language {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or_default();
        if primary.eq_ignore_ascii_case("es") {
            Language::Es
        } else {
            Language::En
        }
    }

    /// The BCP 47 tag written into the HTML `lang` attribute.
    pub fn tag(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Es => "es",
        }
    }

    /// Picks this language's text.
    pub fn pick(self, en: &'static str, es: &'static str) -> &'static str {
        match self {
            Language::En => en,
            Language::Es => es,
        }
    }
}
