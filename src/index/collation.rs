//! Sorting names the way Finnish and Swedish readers expect: … X Y Z Å Ä Ö, letter case
//! ignored, `ä` never sorted as `a`. W is its own letter after V (modern practice).
//! Other accented letters sort with their base letter (é as e, ü as y), and
//! punctuation and spaces are ignored before the final tie-break.

use deunicode::deunicode_char;

use crate::model::Language;

/// A key whose order is the reading order of names in the site language.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct SortKey {
    primary: Vec<u16>,
    tie: String,
}

fn weight(c: char, nordic: bool) -> Option<u16> {
    let lower = c.to_lowercase().next().unwrap_or(c);
    if lower.is_ascii_digit() {
        return Some(u16::from(lower as u8 - b'0') + 1);
    }
    if lower.is_ascii_lowercase() {
        return Some(u16::from(lower as u8 - b'a') + 100);
    }
    if nordic {
        match lower {
            'å' => return Some(200),
            'ä' | 'æ' => return Some(201),
            'ö' | 'ø' => return Some(202),
            'ü' | 'ű' => return Some(u16::from(b'y' - b'a') + 100),
            _ => {}
        }
    }
    // Other letters: their ASCII base letter(s); the first one is enough here.
    let base = deunicode_char(lower)?;
    let first = base.chars().find(|c| c.is_ascii_alphanumeric())?;
    weight(first, false)
}

/// The sort key of `name` in `lang`.
pub fn sort_key(name: &str, lang: Language) -> SortKey {
    let nordic = matches!(lang, Language::Fi | Language::Sv);
    SortKey { primary: name.chars().filter_map(|c| weight(c, nordic)).collect(), tie: name.to_lowercase() }
}

/// The heading a name is listed under in A–Ö: `A`…`Z`, `Å`, `Ä`, `Ö`, `0–9` or `#`.
pub fn initial(name: &str, lang: Language) -> String {
    let nordic = matches!(lang, Language::Fi | Language::Sv);
    for c in name.chars() {
        match weight(c, nordic) {
            Some(w) if w <= 10 => return "0–9".to_string(),
            Some(w @ 100..=125) => return char::from(b'A' + (w - 100) as u8).to_string(),
            Some(200) => return "Å".into(),
            Some(201) => return "Ä".into(),
            Some(202) => return "Ö".into(),
            _ => continue,
        }
    }
    "#".to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted(names: &[&str], lang: Language) -> Vec<String> {
        let mut v: Vec<&str> = names.to_vec();
        v.sort_by_cached_key(|n| sort_key(n, lang));
        v.into_iter().map(String::from).collect()
    }

    #[test]
    fn finnish_order() {
        let names = ["Östersundom", "Ähtäri", "Åland", "Zeta", "auttajat", "Aapinen", "ärrä", "Vaasa", "Wanha", "Ylä"];
        assert_eq!(
            sorted(&names, Language::Fi),
            ["Aapinen", "auttajat", "Vaasa", "Wanha", "Ylä", "Zeta", "Åland", "Ähtäri", "ärrä", "Östersundom"]
        );
    }

    #[test]
    fn digits_in_order_and_u_umlaut_as_y() {
        // Each digit weighs its own: 2 before 3 whatever follows.
        assert_eq!(sorted(&["Kerho 3a", "Kerho 2b"], Language::Fi), ["Kerho 2b", "Kerho 3a"]);
        // In Finnish and Swedish ü is a y (after v, before z).
        assert_eq!(sorted(&["Zeta", "Über", "Vanha", "Yö"], Language::Fi), ["Vanha", "Über", "Yö", "Zeta"]);
        assert_eq!(sorted(&["Über", "Vanha"], Language::En), ["Über", "Vanha"]);
    }

    #[test]
    fn case_and_punctuation_are_ignored() {
        let names = ["Keski-Suomen Kylät", "keskisuomen järjestöt", "Keskimaan Seura"];
        assert_eq!(sorted(&names, Language::Fi), ["Keskimaan Seura", "keskisuomen järjestöt", "Keski-Suomen Kylät"]);
    }

    #[test]
    fn english_sorts_umlauts_with_their_base_letter() {
        let names = ["Zeta", "Ähtäri", "Aapinen"];
        assert_eq!(sorted(&names, Language::En), ["Aapinen", "Ähtäri", "Zeta"]);
    }

    #[test]
    fn initials() {
        let cases = [
            ("Äänekosken Seura", "Ä"),
            ("åbo", "Å"),
            ("Örebro", "Ö"),
            ("øst", "Ö"),
            ("4H-yhdistys", "0–9"),
            ("\"Kylä\" ry", "K"),
            ("Émile", "E"),
            ("---", "#"),
        ];
        for (name, want) in cases {
            assert_eq!(initial(name, Language::Fi), want, "{name}");
        }
        assert_eq!(initial("Äänekoski", Language::En), "A");
    }
}
