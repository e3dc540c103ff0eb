//! "Did you mean": the nearest valid values to a misspelt one.
//!
//! Comparison folds case and diacritics (`Jyvaskyla` finds `Jyväskylä`) and uses
//! Jaro-Winkler similarity, which favours a shared beginning — what a typo or a
//! truncated word (`municipality` for `municipalities`) usually keeps.

use deunicode::deunicode;

use super::{Localized, tr};

/// Lowercase ASCII form of a value, for comparisons that forgive case and diacritics.
pub fn fold(s: &str) -> String {
    deunicode(s.trim()).to_lowercase()
}

/// Up to `max` candidates close to `input`, best first. Candidates equal after folding
/// come first; then those whose similarity reaches a threshold.
pub fn nearest<'a, I>(input: &str, candidates: I, max: usize) -> Vec<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    let folded = fold(input);
    if folded.is_empty() {
        return Vec::new();
    }
    let mut scored: Vec<(f64, &'a str)> = candidates
        .into_iter()
        .filter_map(|c| {
            let fc = fold(c);
            let score = if fc == folded {
                2.0
            } else if fc.len() >= 3 && folded.len() >= 3 && (fc.starts_with(&folded) || folded.starts_with(&fc)) {
                1.0 + strsim::jaro_winkler(&folded, &fc) / 10.0
            } else {
                strsim::jaro_winkler(&folded, &fc)
            };
            (score >= 0.84).then_some((score, c))
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
    scored.dedup_by(|a, b| a.1 == b.1);
    scored.into_iter().take(max).map(|(_, c)| c).collect()
}

/// "did you mean `a`?" / "did you mean `a`, `b` or `c`?", or `None` without candidates.
pub fn did_you_mean(found: &[&str]) -> Option<Localized> {
    match found {
        [] => None,
        [one] => Some(tr!(en: "did you mean `{one}`?", fi: "tarkoititko `{one}`?", sv: "menade du `{one}`?")),
        [init @ .., last] => {
            let init = init.iter().map(|s| format!("`{s}`")).collect::<Vec<_>>().join(", ");
            Some(tr!(
                en: "did you mean {init} or `{last}`?",
                fi: "tarkoititko {init} vai `{last}`?",
                sv: "menade du {init} eller `{last}`?"
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        let keys = ["name", "short_name", "municipalities", "regions", "nationwide", "themes"];
        let cases: &[(&str, &[&str])] = &[
            ("municipality", &["municipalities"]),
            ("Municipalities", &["municipalities"]),
            ("nmae", &["name"]),
            ("theme", &["themes"]),
            ("region", &["regions"]),
            ("zzzz", &[]),
        ];
        for (input, want) in cases {
            let got = nearest(input, keys.iter().copied(), 1);
            assert_eq!(&got, want, "input {input}");
        }
        let towns = ["Jyväskylä", "Jämsä", "Joutsa", "Keuruu"];
        assert_eq!(nearest("Jyvaskyla", towns.iter().copied(), 3)[0], "Jyväskylä");
        assert_eq!(nearest("keuru", towns.iter().copied(), 3)[0], "Keuruu");
    }

    #[test]
    fn phrasing() {
        assert_eq!(did_you_mean(&[]), None);
        assert_eq!(did_you_mean(&["a"]).unwrap().en(), "did you mean `a`?");
        assert_eq!(did_you_mean(&["a", "b", "c"]).unwrap().en(), "did you mean `a`, `b` or `c`?");
        assert_eq!(did_you_mean(&["a", "b", "c"]).unwrap().fi(), "tarkoititko `a`, `b` vai `c`?");
        assert_eq!(did_you_mean(&["a"]).unwrap().sv(), "menade du `a`?");
    }
}
