//! The protocol between the crash tests and the writer they kill.
//!
//! The writer (`crash_writer`) prints one line per event on stdout, flushed
//! at once, so every line the test reads was printed before the kill:
//!
//! - `ready` — the vault is open and the timed part starts;
//! - `writing <text>` — a note with this text is about to be written;
//! - `ack <id>` — that note is committed (the commit returned);
//! - `done` — a one-shot operation (a passphrase change, a creation)
//!   returned.
//!
//! A write is *acknowledged* once its `ack` line was read: the test then
//! demands it survives whatever happened after.

/// One line of the writer's output.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// The vault is open; the kill clock starts.
    Ready,
    /// A note with this text is about to be written.
    Writing(String),
    /// The last `Writing` note committed under this record id.
    Ack(String),
    /// The one-shot operation returned.
    Done,
}

impl Event {
    /// Parses one line; `None` for a line cut by the kill or anything else.
    pub fn parse(line: &str) -> Option<Event> {
        match line.split_once(' ') {
            None if line == "ready" => Some(Event::Ready),
            None if line == "done" => Some(Event::Done),
            Some(("writing", text)) if !text.is_empty() => Some(Event::Writing(text.to_string())),
            Some(("ack", id)) if id.len() == 32 => Some(Event::Ack(id.to_string())),
            _ => None,
        }
    }

    /// The line the writer prints.
    pub fn line(&self) -> String {
        match self {
            Event::Ready => "ready".into(),
            Event::Writing(text) => format!("writing {text}"),
            Event::Ack(id) => format!("ack {id}"),
            Event::Done => "done".into(),
        }
    }
}

/// What a killed writer got done, from the lines it printed.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// Every text the writer started to write, acknowledged or not.
    pub attempted: Vec<String>,
    /// (record id, text) of every acknowledged note.
    pub acknowledged: Vec<(String, String)>,
    /// True if the one-shot operation was acknowledged.
    pub done: bool,
}

impl Outcome {
    /// Folds the writer's lines into what it attempted and acknowledged.
    pub fn from_lines<'a>(lines: impl IntoIterator<Item = &'a str>) -> Outcome {
        let mut out = Outcome::default();
        for event in lines.into_iter().filter_map(Event::parse) {
            match event {
                Event::Ready => {}
                Event::Writing(text) => out.attempted.push(text),
                Event::Ack(id) => {
                    if let Some(text) = out.attempted.last() {
                        out.acknowledged.push((id, text.clone()));
                    }
                }
                Event::Done => out.done = true,
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_round_trip() {
        for e in [
            Event::Ready,
            Event::Writing("abc".into()),
            Event::Ack("0".repeat(32)),
            Event::Done,
        ] {
            assert_eq!(Event::parse(&e.line()), Some(e));
        }
        assert_eq!(Event::parse("ack 12"), None, "a line cut by the kill");
        assert_eq!(Event::parse("writ"), None);
    }

    #[test]
    fn an_ack_belongs_to_the_last_write_and_a_torn_tail_counts_for_nothing() {
        let id = "a".repeat(32);
        let lines = [
            "ready",
            "writing one",
            &format!("ack {id}"),
            "writing two",
            "ack 0",
        ];
        let out = Outcome::from_lines(lines);
        assert_eq!(out.attempted, ["one", "two"]);
        assert_eq!(out.acknowledged, [(id, "one".to_string())]);
        assert!(!out.done);
    }
}
