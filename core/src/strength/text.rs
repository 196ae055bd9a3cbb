//! What the estimate says to the participant, in English and Spanish:
//! plain words about the pattern that gives a passphrase away and what to
//! do instead, never the estimator's own English feedback.

use super::{CrackTime, Estimate, Level, TimeUnit, Weakness};
use crate::language::{Language, Text, t};

impl Estimate {
    /// One sentence: why the passphrase is refused, or that it will do.
    pub fn message(&self, lang: Language) -> &'static str {
        let text = match self.weakness {
            Some(w) => weakness_text(w),
            None if self.level == Level::Strong => t(
                "This passphrase is strong.",
                "Esta frase de contraseña es muy segura.",
            ),
            None => t(
                "This passphrase is strong enough.",
                "Esta frase de contraseña es lo bastante segura.",
            ),
        };
        lang.text(&text)
    }

    /// What to do instead, most useful first; empty when acceptable.
    pub fn suggestions(&self, lang: Language) -> Vec<&'static str> {
        let Some(weakness) = self.weakness else {
            return Vec::new();
        };
        let mut out = Vec::new();
        match weakness {
            Weakness::TooLong => out.push(t(
                "Use fewer than 1,024 characters.",
                "Usa menos de 1.024 caracteres.",
            )),
            Weakness::BadCharacter => out.push(t(
                "Use only characters you can type on the keyboard.",
                "Usa solo caracteres que puedas escribir con el teclado.",
            )),
            Weakness::TooShort => out.push(t(
                "Make it longer: a few more words help most.",
                "Hazla más larga: unas palabras más es lo que más ayuda.",
            )),
            Weakness::CommonPassword | Weakness::CommonWord => out.push(t(
                "Add words that are less common, or that do not go together.",
                "Añade palabras menos comunes, o que no vayan juntas.",
            )),
            Weakness::Name => out.push(t(
                "Avoid your name and the names of people close to you.",
                "Evita tu nombre y los de las personas cercanas a ti.",
            )),
            Weakness::Date => out.push(t(
                "Avoid dates that mean something to you, like a birthday or a sobriety date.",
                "Evita fechas que signifiquen algo para ti, como un cumpleaños o tu fecha de sobriedad.",
            )),
            Weakness::Repeated | Weakness::Sequence | Weakness::KeyboardPattern => out.push(t(
                "Avoid repeats, sequences and rows of keys.",
                "Evita repeticiones, secuencias y filas de teclas.",
            )),
            Weakness::TooPredictable => {}
        }
        if self.look_alikes {
            out.push(t(
                "Swapping letters for look-alike symbols (like @ for a) does not fool a guessing program.",
                "Cambiar letras por símbolos parecidos (como @ por a) no engaña a un programa que adivina contraseñas.",
            ));
        }
        if !matches!(weakness, Weakness::TooLong | Weakness::BadCharacter) {
            out.push(t(
                "Four or more words that have nothing to do with each other are easy to remember and hard to guess.",
                "Cuatro o más palabras que no tengan nada que ver entre sí son fáciles de recordar y difíciles de adivinar.",
            ));
        }
        out.push(t(
            "Or let Keel suggest one for you.",
            "O deja que Keel te sugiera una.",
        ));
        out.into_iter().map(|text| lang.text(&text)).collect()
    }

    /// [`crack_time_text`] of this estimate.
    pub fn crack_time_text(&self, lang: Language) -> String {
        crack_time_text(self.crack_time, lang)
    }
}

/// Why a passphrase with this weakness is refused, in one kind sentence.
fn weakness_text(w: Weakness) -> Text {
    match w {
        Weakness::TooShort => t(
            "This is too short to keep your journal safe.",
            "Es demasiado corta para proteger tu diario.",
        ),
        Weakness::TooLong => t(
            "This is longer than Keel can take.",
            "Es más larga de lo que Keel admite.",
        ),
        Weakness::BadCharacter => t(
            "This has a character Keel cannot use.",
            "Tiene un carácter que Keel no puede usar.",
        ),
        Weakness::CommonPassword => t(
            "This is one of the passwords people use most, so it is among the first ones tried.",
            "Es una de las contraseñas más usadas, así que es de las primeras que se prueban.",
        ),
        Weakness::CommonWord => t(
            "Common words like these are quick to guess.",
            "Las palabras comunes como estas se adivinan rápido.",
        ),
        Weakness::Name => t(
            "Names are among the first things a guessing program tries.",
            "Los nombres son de lo primero que prueba un programa que adivina contraseñas.",
        ),
        Weakness::Repeated => t(
            "Repeated letters or words, like “aaaa” or “abcabc”, add little.",
            "Repetir letras o palabras, como «aaaa» o «abcabc», aporta poco.",
        ),
        Weakness::Sequence => t(
            "Sequences like “1234” or “abcd” are easy to guess.",
            "Las secuencias como «1234» o «abcd» son fáciles de adivinar.",
        ),
        Weakness::KeyboardPattern => t(
            "Keys next to each other, like “qwerty”, are easy to guess.",
            "Las teclas seguidas, como «qwerty», son fáciles de adivinar.",
        ),
        Weakness::Date => t(
            "Dates and years are easy to guess.",
            "Las fechas y los años son fáciles de adivinar.",
        ),
        Weakness::TooPredictable => t(
            "Someone who copied the phone could guess this one.",
            "Alguien que copiara el teléfono podría adivinar esta.",
        ),
    }
}

/// How long the reference rig would need, as a phrase: "about 3 days",
/// "alrededor de 3 días".
pub fn crack_time_text(time: CrackTime, lang: Language) -> String {
    let n = time.amount;
    // (English singular, plural; Spanish singular with article, plural.)
    let (en1, en, es1, es) = match time.unit {
        TimeUnit::LessThanASecond => {
            return lang
                .pick("less than a second", "menos de un segundo")
                .into();
        }
        TimeUnit::Centuries => {
            return lang.pick("more than a century", "más de un siglo").into();
        }
        TimeUnit::Seconds => ("a second", "seconds", "un segundo", "segundos"),
        TimeUnit::Minutes => ("a minute", "minutes", "un minuto", "minutos"),
        TimeUnit::Hours => ("an hour", "hours", "una hora", "horas"),
        TimeUnit::Days => ("a day", "days", "un día", "días"),
        TimeUnit::Months => ("a month", "months", "un mes", "meses"),
        TimeUnit::Years => ("a year", "years", "un año", "años"),
    };
    match (lang, n) {
        (Language::En, 1) => format!("about {en1}"),
        (Language::En, _) => format!("about {n} {en}"),
        (Language::Es, 1) => format!("alrededor de {es1}"),
        (Language::Es, _) => format!("alrededor de {n} {es}"),
    }
}
