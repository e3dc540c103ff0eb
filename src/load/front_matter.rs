//! Splitting a Markdown file into TOML front matter and body.
//!
//! The front matter sits between a first line `+++` and the next line `+++`. Both
//! ranges returned are byte ranges of the whole file, so that every later span can be
//! shifted into file positions by adding `front_matter.start`.

use std::ops::Range;

/// Where the front matter and the body are in a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split {
    pub front_matter: Range<usize>,
    pub body: Range<usize>,
}

/// Why a file could not be split.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SplitError {
    /// The first line is not `+++`.
    NoOpening,
    /// No closing `+++` line; the span covers the opening line. `guess` is where
    /// the front matter most likely ends: before the first line that cannot be TOML
    /// (so that the fields' own mistakes can still be reported).
    NoClosing { opening: Range<usize>, guess: Split },
}

/// Whether a line can be part of TOML front matter: blank, a comment, a `key = …`
/// line, a `[table]` line, or the continuation of a list or string.
fn looks_like_toml(line: &str) -> bool {
    let t = line.trim();
    if t.is_empty() || t.starts_with('#') {
        return true;
    }
    if line.starts_with([' ', '\t']) || t.starts_with([']', '}', '"', '\'', ',']) {
        return true;
    }
    if t.starts_with('[') {
        return t.ends_with(']');
    }
    match t.split_once('=') {
        Some((key, _)) => {
            let key = key.trim();
            !key.is_empty()
                && key.chars().all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | '"' | '\'' | ' '))
        }
        None => false,
    }
}

fn is_fence(line: &str) -> bool {
    line.trim_end_matches(['\r', '\n']).trim_end() == "+++"
}

/// Split `text` (which may start with a byte order mark).
pub fn split(text: &str) -> Result<Split, SplitError> {
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let mut lines = text[start..].split_inclusive('\n');
    let first = lines.next().ok_or(SplitError::NoOpening)?;
    if !is_fence(first) {
        return Err(SplitError::NoOpening);
    }
    let fm_start = start + first.len();
    let mut pos = fm_start;
    let mut guess_end = None;
    for line in lines {
        if is_fence(line) {
            return Ok(Split { front_matter: fm_start..pos, body: pos + line.len()..text.len() });
        }
        if guess_end.is_none() && !looks_like_toml(line) {
            guess_end = Some(pos);
        }
        pos += line.len();
    }
    let end = guess_end.unwrap_or(text.len());
    Err(SplitError::NoClosing {
        opening: start..start + first.trim_end().len(),
        guess: Split { front_matter: fm_start..end, body: end..text.len() },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits() {
        let t = "+++\nname = \"x\"\n+++\nBody\n";
        let s = split(t).unwrap();
        assert_eq!(&t[s.front_matter.clone()], "name = \"x\"\n");
        assert_eq!(&t[s.body], "Body\n");
        let t = "+++\r\na = 1\r\n+++";
        let s = split(t).unwrap();
        assert_eq!(&t[s.front_matter], "a = 1\r\n");
        assert_eq!(s.body, t.len()..t.len());
        let t = "\u{feff}+++\n+++\n";
        assert_eq!(split(t).unwrap().front_matter, 7..7);
    }

    #[test]
    fn an_unclosed_front_matter_ends_before_the_first_line_of_text() {
        let t = "+++\nname = \"X\"\nthemes = [\n  \"a\",\n]\n[contact]\n# huom\n\nYhdistys toimii Keuruulla.\n\nLisää tekstiä = ei kenttä\n";
        let Err(SplitError::NoClosing { guess, .. }) = split(t) else { panic!() };
        assert!(t[guess.front_matter.clone()].ends_with("# huom\n\n"), "{:?}", &t[guess.front_matter]);
        assert!(t[guess.body].starts_with("Yhdistys toimii"));
    }

    #[test]
    fn failures() {
        assert_eq!(split(""), Err(SplitError::NoOpening));
        assert_eq!(split("name = 1\n"), Err(SplitError::NoOpening));
        let t = "+++\nname = 1\n";
        assert_eq!(
            split(t),
            Err(SplitError::NoClosing { opening: 0..3, guess: Split { front_matter: 4..13, body: 13..13 } })
        );
        assert_eq!(split("++++\n+++\n"), Err(SplitError::NoOpening));
    }
}
