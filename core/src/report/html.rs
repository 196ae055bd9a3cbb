//! The one self-contained HTML file a counselor opens: the encrypted
//! container as base64, a small viewer script and its style sheet, and a
//! Content-Security-Policy that allows exactly that script and that style
//! (by SHA-256 hash, computed here when the file is built) and nothing else:
//! no network, no other script, no inline handlers, no `unsafe-inline`.
//! Trusted Types are required, so even a bug that tried to assign markup to
//! `innerHTML` would throw in browsers that enforce them.
//!
//! Before the passphrase is typed the page shows only neutral words
//! ("Encrypted report"): nothing in the clear says what the report is about.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use serde_json::{Map, Value};

use super::text::{self, Language};

const TEMPLATE: &str = include_str!("viewer/viewer.html");
const SCRIPT: &str = include_str!("viewer/viewer.js");
const STYLE: &str = include_str!("viewer/viewer.css");

/// `'sha256-…'` for a CSP source list.
fn csp_hash(content: &str) -> String {
    let digest = ring::digest::digest(&ring::digest::SHA256, content.as_bytes());
    format!("'sha256-{}'", STANDARD.encode(digest.as_ref()))
}

/// The policy of every report page.
pub fn content_security_policy() -> String {
    format!(
        "default-src 'none'; script-src {}; style-src {}; base-uri 'none'; \
         form-action 'none'; require-trusted-types-for 'script'; trusted-types 'none'",
        csp_hash(SCRIPT),
        csp_hash(STYLE)
    )
}

/// Text for HTML element content or a quoted attribute.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The viewer's strings as JSON that is safe inside a `<script>` element.
fn strings_json(lang: Language) -> String {
    let map: Map<String, Value> = text::viewer_strings(lang)
        .into_iter()
        .map(|(k, v)| (k.to_string(), Value::String(v.to_string())))
        .collect();
    Value::Object(map)
        .to_string()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

/// The HTML page around `container` (a sealed `KEELRPT1` container).
pub fn render(container: &[u8], lang: Language) -> String {
    let strings = text::viewer_strings(lang);
    let lookup = |name: &str| -> Option<String> {
        match name {
            "lang" => Some(lang.tag().to_string()),
            "csp" => Some(escape(&content_security_policy())),
            "style" => Some(STYLE.to_string()),
            "script" => Some(SCRIPT.to_string()),
            "i18n" => Some(strings_json(lang)),
            "payload" => Some(STANDARD.encode(container)),
            other => strings
                .iter()
                .find(|(k, _)| *k == other)
                .map(|(_, v)| escape(v)),
        }
    };
    // One pass over the template: inserted values are never scanned again.
    let mut out = String::with_capacity(TEMPLATE.len() + SCRIPT.len() + container.len() * 4 / 3);
    let mut rest = TEMPLATE;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        match after.find("}}") {
            Some(end) => {
                let name = &after[..end];
                match lookup(name) {
                    Some(value) => out.push_str(&value),
                    None => out.push_str(&rest[start..start + 2 + end + 2]),
                }
                rest = &after[end + 2..];
            }
            None => {
                out.push_str(&rest[start..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_placeholder_is_filled_and_hashes_match() {
        let html = render(b"KEELRPT1 not really", Language::Es);
        assert!(!html.contains("{{"), "unfilled placeholder");
        assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"es\">"));
        assert!(html.contains("Informe cifrado"));
        // The script and style in the page are exactly the hashed ones.
        let script = format!("<script>{SCRIPT}</script>");
        let style = format!("<style>{STYLE}</style>");
        assert!(html.contains(&script));
        assert!(html.contains(&style));
        let csp = content_security_policy();
        assert!(csp.contains(&csp_hash(SCRIPT)));
        assert!(csp.starts_with("default-src 'none'"));
        assert!(!csp.contains("unsafe"));
        // The CSP comes before any script or style.
        let meta = html.find("Content-Security-Policy").unwrap();
        assert!(meta < html.find("<style>").unwrap());
        assert!(meta < html.find("<script").unwrap());
        assert!(html.contains(&STANDARD.encode(b"KEELRPT1 not really")));
    }

    #[test]
    fn nothing_shown_before_unlocking_names_the_subject() {
        for lang in [Language::En, Language::Es] {
            let shown = format!("{}{}", TEMPLATE, strings_json(lang))
                .to_lowercase()
                .replace("keel-report", "")
                .replace("keel-i18n", "");
            for word in [
                "keel",
                "craving",
                "sobriety",
                "relapse",
                "addiction",
                "substance",
                "42 cfr",
                "recaída",
                "desliz",
                "sustancia",
            ] {
                assert!(!shown.contains(word), "{word}");
            }
        }
    }

    #[test]
    fn the_viewer_never_parses_markup() {
        for sink in [
            "innerHTML",
            "outerHTML",
            "insertAdjacentHTML",
            "document.write",
            "eval(",
        ] {
            let code: String = SCRIPT
                .lines()
                .filter(|l| !l.trim_start().starts_with('*') && !l.trim_start().starts_with("/*"))
                .collect();
            assert!(!code.contains(sink), "{sink}");
        }
        for forbidden in [
            "fetch(",
            "XMLHttpRequest",
            "WebSocket",
            "sendBeacon",
            "http://",
            "https://",
        ] {
            let code = SCRIPT.replace("http://www.w3.org/2000/svg", "");
            assert!(!code.contains(forbidden), "{forbidden}");
        }
        assert!(!TEMPLATE.contains("style=\""));
        assert!(!TEMPLATE.contains(" on"), "no inline handlers");
    }

    #[test]
    fn strings_cannot_close_their_script_element() {
        let json = strings_json(Language::En);
        assert!(!json.contains('<'));
        assert_eq!(
            escape("<a href='x'>&\""),
            "&lt;a href=&#39;x&#39;&gt;&amp;&quot;"
        );
    }
}
