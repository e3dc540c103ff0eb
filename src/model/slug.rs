//! Slugs: the lowercase ASCII names of files and URL segments.

use deunicode::deunicode;

/// A slug is lowercase ASCII letters and digits in groups joined by single hyphens.
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
        && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// The slug an editor most likely meant: diacritics dropped (ä → a, ö → o, å → a),
/// lowercase, every run of other characters one hyphen, a trailing "ry." kept as `ry`.
pub fn slugify(s: &str) -> String {
    let ascii = deunicode(s).to_lowercase();
    let mut out = String::with_capacity(ascii.len());
    for c in ascii.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        let cases = [
            ("Äänekosken Työttömät ry.", "aanekosken-tyottomat-ry"),
            ("Äänekosken Työttömät ry", "aanekosken-tyottomat-ry"),
            ("keuruun-omaishoitajat", "keuruun-omaishoitajat"),
            ("Jakobstads  Svenska  Förening rf", "jakobstads-svenska-forening-rf"),
            ("Ålands_natur", "alands-natur"),
            ("--x--y--", "x-y"),
            ("Kylä 2025", "kyla-2025"),
            ("", ""),
        ];
        for (input, want) in cases {
            assert_eq!(slugify(input), want, "{input}");
            assert!(want.is_empty() || is_slug(want));
        }
    }

    #[test]
    fn validity() {
        for ok in ["a", "a-b", "a1-2b", "2025-02-12-kokous"] {
            assert!(is_slug(ok), "{ok}");
        }
        for bad in ["", "-a", "a-", "a--b", "A", "ä", "a_b", "a b", "a.b"] {
            assert!(!is_slug(bad), "{bad}");
        }
    }
}
