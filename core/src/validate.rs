//! Shared checks for text the participant types.
//!
//! Limits are in characters (what a person sees), and every check names the
//! field it refused, never the value.

use crate::error::{Error, Result};

/// A short label: a name, a title, one line.
pub const SHORT_TEXT_MAX: usize = 200;
/// A note or a free-text answer.
pub const LONG_TEXT_MAX: usize = 10_000;

/// Trims `text` and checks it is present and at most `max` characters.
pub fn required_text(field: &'static str, text: &str, max: usize) -> Result<String> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(Error::invalid(field, "empty"));
    }
    optional_text(field, trimmed, max)
}

/// Trims `text` and checks it is at most `max` characters; it may be empty.
pub fn optional_text(field: &'static str, text: &str, max: usize) -> Result<String> {
    // Counting stops early so a multi-megabyte paste costs little.
    if text.len() > max * 4 || text.chars().nth(max).is_some() {
        return Err(Error::invalid(field, "too_long"));
    }
    if text.chars().any(|c| c == '\0') {
        return Err(Error::invalid(field, "contains_nul"));
    }
    Ok(text.trim().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_limits() {
        assert_eq!(required_text("name", "  Sam ", 10).unwrap(), "Sam");
        assert!(required_text("name", "   ", 10).is_err());
        assert!(required_text("name", &"x".repeat(11), 10).is_err());
        assert!(required_text("name", &"é".repeat(10), 10).is_ok());
        assert!(optional_text("notes", "", 10).is_ok());
        assert!(optional_text("notes", "a\0b", 10).is_err());
        let e = required_text("name", &"x".repeat(2_000_000), 10).unwrap_err();
        assert_eq!(e.to_string(), "invalid name: too_long");
    }
}
