//! Every people-facing text the core returns exists in English and in
//! Spanish: each table of texts is checked whole (the catalogue), and each
//! call that returns text is run in both languages with representative
//! inputs. A text added in one language only fails here.

use std::collections::HashSet;

use super::*;
use crate::exercises::{self, BuiltIn, SuggestionReason};
use crate::export::csv;
use crate::logs::after_lapse;
use crate::meetings::{MeetingKind, guide, ical, reminders};
use crate::plan::{LapsePlan, default_crisis_lines, template};
use crate::report::passphrase;
use crate::report::text::{Words, disclosure, viewer_strings};

#[test]
fn locales_pick_a_language() {
    assert_eq!(Language::from_locale("es-MX"), Language::Es);
    assert_eq!(Language::from_locale("ES_es"), Language::Es);
    assert_eq!(Language::from_locale("es"), Language::Es);
    assert_eq!(Language::from_locale("en-US"), Language::En);
    assert_eq!(Language::from_locale("fr-FR"), Language::En);
    assert_eq!(Language::from_locale(""), Language::En);
    assert_eq!(Language::from_locale("est"), Language::En);
}

#[test]
fn texts_pick_their_side() {
    let x = t("one", "uno");
    assert_eq!(Language::En.text(&x), "one");
    assert_eq!(Language::Es.text(&x), "uno");
}

#[test]
fn the_stored_form_of_a_language_is_unchanged() {
    // Reports written before the enums were unified carry "en"/"es".
    assert_eq!(serde_json::to_string(&Language::Es).unwrap(), "\"es\"");
    let old: Language = serde_json::from_str("\"en\"").unwrap();
    assert_eq!(old, Language::En);
    // The template enum's form reads as the same language.
    let old: Language = serde_json::from_str("\"Spanish\"").unwrap();
    assert_eq!(old, Language::Es);
    let old: Language = serde_json::from_str("\"English\"").unwrap();
    assert_eq!(old, Language::En);
}

/// A text both languages have: neither side empty, and different unless
/// it is a proper name or a word both languages spell alike.
fn bilingual(text: &Text, same_allowed: bool) {
    assert!(
        !text.en.trim().is_empty(),
        "empty English for {:?}",
        text.es
    );
    assert!(
        !text.es.trim().is_empty(),
        "empty Spanish for {:?}",
        text.en
    );
    if !same_allowed {
        assert_ne!(text.en, text.es, "{:?} is not translated", text.en);
    }
}

/// Pairs the same call's English and Spanish output.
fn both<T>(f: impl Fn(Language) -> T) -> (T, T) {
    (f(Language::En), f(Language::Es))
}

fn strings_differ(en: &[String], es: &[String], what: &str) {
    assert_eq!(en.len(), es.len(), "{what}");
    for (a, b) in en.iter().zip(es) {
        assert!(!a.trim().is_empty() && !b.trim().is_empty(), "{what}");
        assert_ne!(a, b, "{what}: {a:?} is not translated");
    }
}

#[test]
fn catalogue_every_table_of_texts_is_bilingual() {
    // Meeting kinds.
    for kind in MeetingKind::ALL {
        bilingual(&kind.label_text(), false);
    }
    // Meeting Guide types: a few read the same in Spanish.
    let same = [
        "Secular",
        "Bisexual",
        "Gay",
        "Hindi",
        "LGBTQ",
        "Malayalam",
        "Punjabi",
    ];
    let mut codes = HashSet::new();
    for (code, text) in guide::type_texts() {
        assert!(codes.insert(code), "{code} twice");
        bilingual(&text, same.contains(&text.en));
    }
    // The calendar export, the CSV warning, the message after a lapse.
    bilingual(&ical::ONLINE, false);
    bilingual(&ical::PHONE, false);
    bilingual(&csv::WARNING, false);
    for text in after_lapse::catalogue() {
        bilingual(&text, false);
    }
    // Notifications.
    for text in [
        reminders::TITLE,
        reminders::CHECK_IN_TEXT,
        reminders::PROMPT_TEXT,
    ] {
        bilingual(&text, false);
    }
    // Date-range presets.
    for preset in crate::ranges::RangePreset::ALL {
        let (a, b) = both(|l| preset.label(l));
        bilingual(&t(a, b), false);
    }
    // Reasons for an exercise suggestion.
    for r in SuggestionReason::ALL {
        bilingual(&t(r.text(Language::En), r.text(Language::Es)), false);
    }
}

#[test]
fn every_text_returning_call_answers_in_both_languages() {
    // The exercise library: titles, purposes, cue texts.
    let (en, es) = both(exercises::library);
    assert_eq!(en.len(), BuiltIn::ALL.len());
    for (a, b) in en.iter().zip(&es) {
        strings_differ(
            &[a.title.clone(), a.purpose.clone(), a.when_to_use.clone()],
            &[b.title.clone(), b.purpose.clone(), b.when_to_use.clone()],
            "exercise",
        );
        let cues = |i: &exercises::ExerciseInfo| -> Vec<String> {
            i.outline.iter().map(|s| s.text.clone()).collect()
        };
        strings_differ(&cues(a), &cues(b), "exercise outline");
    }

    // The plan template and the default crisis lines.
    let (en, es) = both(|l| template(l).unwrap());
    strings_differ(&en.reasons, &es.reasons, "reasons");
    strings_differ(&en.goals, &es.goals, "goals");
    strings_differ(&en.lapse_plan.steps, &es.lapse_plan.steps, "lapse steps");
    strings_differ(
        &en.lapse_plan.overdose_safety,
        &es.lapse_plan.overdose_safety,
        "overdose safety",
    );
    let notes = |l: Language| -> Vec<String> {
        default_crisis_lines(l)
            .into_iter()
            .flat_map(|c| [c.name, c.note])
            .collect()
    };
    strings_differ(&notes(Language::En), &notes(Language::Es), "crisis lines");

    // Meeting labels, a Meeting Guide type, the CSV warning.
    for kind in MeetingKind::ALL {
        let (a, b) = both(|l| kind.label(l));
        assert_ne!(a, b);
    }
    let (a, b) = both(|l| guide::type_label_in("Open", l));
    assert_eq!((a.as_str(), b.as_str()), ("Open", "Abierta"));
    let (a, b) = both(|l| guide::type_label_in("Bring a friend", l));
    assert_eq!(a, b, "the participant's own words are kept");
    let (a, b) = both(csv::warning);
    assert_ne!(a, b);

    // The message after a lapse, with and without the participant's plan.
    for plan in [
        template(Language::En).unwrap().lapse_plan,
        LapsePlan {
            steps: vec![],
            overdose_safety: vec![],
            crisis_lines: vec![],
        },
    ] {
        for restarts in [true, false] {
            let (a, b) = both(|l| after_lapse::message(&plan, restarts, l));
            assert_ne!(a.title, b.title);
            strings_differ(&a.paragraphs, &b.paragraphs, "after a lapse");
            assert_ne!(a.next_steps_heading, b.next_steps_heading);
            if plan.steps.is_empty() {
                strings_differ(&a.next_steps, &b.next_steps, "default steps");
            }
        }
    }

    // Notification bodies for a meeting, whatever the lead time.
    for minutes in [0, 1, 15, 60, 120, 90] {
        let (a, b) = both(|l| reminders::Body::Meeting { minutes }.text(l));
        assert_ne!(a, b);
    }

    // Generated passphrases come from each language's own list.
    for lang in Language::ALL {
        let list: HashSet<&str> = passphrase::words(lang).collect();
        let p = passphrase::generate(lang).unwrap();
        assert!(p.split(' ').all(|w| list.contains(w)));
    }

    // The report: its notice, its viewer and its words.
    let (a, b) = both(disclosure);
    assert_ne!(a.0, b.0);
    assert_eq!(a.1.len(), b.1.len());
    let (a, b) = both(viewer_strings);
    assert_eq!(a.len(), b.len());
    let differ = a.iter().zip(&b).filter(|(x, y)| x.1 != y.1).count();
    assert!(
        differ * 10 >= a.len() * 9,
        "the viewer is mostly translated"
    );
    let (a, b) = both(|l| Words::new(l).title());
    assert_ne!(a, b);
}
