//! The languages the core writes people-facing text in.

use serde::{Deserialize, Serialize};

/// A language the core writes in. The shell passes the participant's choice
/// (kept outside the vault, so the unlock and crisis screens are localised
/// while locked); every text the core returns for people exists in each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    /// English. (`English` and `Spanish` are read too: the plan template's
    /// own enum, folded into this one, serialised that way, though no
    /// stored record ever held it.)
    #[default]
    #[serde(alias = "English")]
    En,
    /// Spanish.
    #[serde(alias = "Spanish")]
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

impl Language {
    /// Every language, for catalogue checks.
    pub const ALL: [Language; 2] = [Language::En, Language::Es];

    /// Picks this language's side of a [`Text`].
    pub fn text(self, text: &Text) -> &'static str {
        match self {
            Language::En => text.en,
            Language::Es => text.es,
        }
    }
}

/// A people-facing text in every supported language. Tables of texts are
/// built from it so a text cannot exist in one language only.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Text {
    /// English.
    pub en: &'static str,
    /// Spanish.
    pub es: &'static str,
}

/// Shorthand for a [`Text`] in tables.
pub const fn t(en: &'static str, es: &'static str) -> Text {
    Text { en, es }
}

#[cfg(test)]
mod tests;
