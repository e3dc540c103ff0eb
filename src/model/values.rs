//! Checks of single values: web and email addresses, phone numbers, dates, years,
//! language codes. Each returns the fix to suggest when the value is wrong.

use jiff::civil::Date;
use toml::value::Datetime;

use crate::diagnostics::{Localized, tr};

/// Characters dropped from every text of the content: control characters (other
/// than tab and line breaks), which are invalid in XML and HTML, the bidirectional
/// embedding and override controls, which can turn the text around on screen, and
/// the non-characters U+FFFE and U+FFFF.
pub fn is_dropped_char(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{fffe}' | '\u{ffff}')
}

/// Invisible characters that make two names look alike: zero-width spaces and
/// joiners, the byte-order mark, and the bidirectional marks.
pub fn is_invisible_char(c: char) -> bool {
    matches!(c, '\u{200b}'..='\u{200f}' | '\u{2060}' | '\u{feff}' | '\u{061c}')
}

/// `s` without [`is_dropped_char`] characters, or `None` when it has none.
pub fn without_dropped_chars(s: &str) -> Option<String> {
    has_dropped_char(s).then(|| s.chars().filter(|&c| !is_dropped_char(c)).collect())
}

/// Whether `s` has an [`is_dropped_char`] character, found by its UTF-8 bytes: a
/// scan of the bytes passes most text (every page's) without decoding it.
pub fn has_dropped_char(s: &str) -> bool {
    /// The bytes a dropped character starts with.
    const STARTS: [bool; 256] = {
        let mut t = [false; 256];
        let mut b = 0;
        while b < 0x20 {
            t[b] = !matches!(b, 0x09 | 0x0a | 0x0d);
            b += 1;
        }
        t[0x7f] = true;
        t[0xc2] = true;
        t[0xe2] = true;
        t[0xef] = true;
        t
    };
    let b = s.as_bytes();
    let at = |i: usize| b.get(i).copied().unwrap_or(0);
    let mut i = 0;
    while i < b.len() {
        // Thirty-two bytes (then eight) at a time past those that start nothing
        // dropped (most text): a block is looked at byte by byte only when one of its
        // bytes may.
        let end = if let Some(block) = b.get(i..i + 32) {
            if !block_may_start_dropped(block) {
                i += 32;
                continue;
            }
            i + 32
        } else {
            match b.get(i..i + 8) {
                Some(word) if !may_start_dropped(u64::from_le_bytes(word.try_into().unwrap_or_default())) => {
                    i += 8;
                    continue;
                }
                Some(_) => i + 8,
                None => b.len(),
            }
        };
        while i < end {
            if STARTS[usize::from(b[i])] {
                let dropped = match b[i] {
                    // U+0080–U+009F.
                    0xc2 => matches!(at(i + 1), 0x80..=0x9f),
                    // U+202A–U+202E, U+2066–U+2069.
                    0xe2 => matches!((at(i + 1), at(i + 2)), (0x80, 0xaa..=0xae) | (0x81, 0xa6..=0xa9)),
                    // U+FFFE, U+FFFF.
                    0xef => matches!((at(i + 1), at(i + 2)), (0xbf, 0xbe | 0xbf)),
                    // An ASCII control or DEL.
                    _ => true,
                };
                if dropped {
                    return true;
                }
            }
            i += 1;
        }
    }
    false
}

/// As [`may_start_dropped`], for a block of bytes: written so that the compiler
/// compares sixteen or thirty-two of them at once (with the processor's vector
/// instructions).
fn block_may_start_dropped(block: &[u8]) -> bool {
    block.iter().fold(false, |any, &b| any | (b < 0x20) | (b == 0x7f) | (b == 0xc2) | (b == 0xe2) | (b == 0xef))
}

/// Whether one of the eight bytes of `word` is below 0x20 or one of 0x7F, 0xC2,
/// 0xE2 and 0xEF: the bytes a dropped character starts with (and the tab and the
/// line ends). The tricks of "Bit Twiddling Hacks" tell whether a word has a byte
/// that is zero or below a value, without saying which.
fn may_start_dropped(word: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let has_zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGH != 0;
    // A byte below 0x20.
    let below_space = word.wrapping_sub(ONES * 0x20) & !word & HIGH != 0;
    below_space
        || has_zero(word ^ (ONES * 0x7f))
        || has_zero(word ^ (ONES * 0xc2))
        || has_zero(word ^ (ONES * 0xe2))
        || has_zero(word ^ (ONES * 0xef))
}

/// A name as people read it: Unicode compatibility form, invisible characters
/// out, case folded, spaces collapsed. Two names with the same key look alike.
pub fn look_alike_key(name: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let folded: String =
        name.nfkc().filter(|&c| !is_invisible_char(c) && !is_dropped_char(c)).flat_map(char::to_lowercase).collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `Err(help)` unless `s` is an absolute http(s) URL with a host.
pub fn check_url(s: &str) -> Result<(), Localized> {
    let t = s.trim();
    let lower = t.to_ascii_lowercase();
    let rest = lower.strip_prefix("https://").or_else(|| lower.strip_prefix("http://"));
    match rest {
        Some(rest) => {
            let host = rest.split(['/', '?', '#']).next().unwrap_or("");
            let host = host.rsplit('@').next().unwrap_or(host);
            let host = host.split(':').next().unwrap_or(host);
            if host.is_empty() || t.contains(char::is_whitespace) || !(host.contains('.') || host == "localhost") {
                Err(tr!(
                    en: "write the whole address, e.g. `https://yhdistys.example`",
                    fi: "kirjoita koko osoite, esim. `https://yhdistys.example`",
                    sv: "skriv hela adressen, t.ex. `https://yhdistys.example`"
                ))
            } else {
                Ok(())
            }
        }
        None if lower.starts_with("www.") || (!lower.contains(':') && lower.contains('.') && !lower.contains(' ')) => {
            Err(tr!(
                en: "add https:// in front: `https://{t}`",
                fi: "lisää alkuun https://: `https://{t}`",
                sv: "lägg till https:// i början: `https://{t}`"
            ))
        }
        None => Err(tr!(
            en: "a web address starts with https:// (or http://), e.g. `https://yhdistys.example`",
            fi: "verkko-osoite alkaa https:// (tai http://), esim. `https://yhdistys.example`",
            sv: "en webbadress börjar med https:// (eller http://), t.ex. `https://yhdistys.example`"
        )),
    }
}

/// `Err(help)` unless `s` looks like one email address.
pub fn check_email(s: &str) -> Result<(), Localized> {
    let t = s.trim();
    if let Some(rest) = t.strip_prefix("mailto:") {
        return Err(tr!(
            en: "write the address without mailto: `{rest}`",
            fi: "kirjoita osoite ilman mailto-alkua: `{rest}`",
            sv: "skriv adressen utan mailto: `{rest}`"
        ));
    }
    let Some((local, domain)) = t.split_once('@') else {
        return Err(tr!(
            en: "an email address has an @, e.g. `info@yhdistys.example`",
            fi: "sähköpostiosoitteessa on @-merkki, esim. `info@yhdistys.example`",
            sv: "en e-postadress har ett @, t.ex. `info@yhdistys.example`"
        ));
    };
    let ok = !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
        && !t.contains(|c: char| c.is_whitespace() || c == ',' || c == ';' || c == '<' || c == '>' || c == '"');
    if ok {
        Ok(())
    } else if t.contains([',', ';', ' ']) {
        Err(tr!(
            en: "write one address only; put others in the Markdown text",
            fi: "kirjoita vain yksi osoite; muut voi kirjoittaa tiedoston tekstiin",
            sv: "skriv bara en adress; skriv de andra i filens text"
        ))
    } else {
        Err(tr!(
            en: "check the address: it should look like `info@yhdistys.example`",
            fi: "tarkista osoite: sen pitäisi näyttää tältä: `info@yhdistys.example`",
            sv: "kontrollera adressen: den ska se ut så här: `info@yhdistys.example`"
        ))
    }
}

/// `Err(help)` unless `s` has only what phone numbers have, and enough digits.
pub fn check_phone(s: &str) -> Result<(), Localized> {
    let allowed = |c: char| c.is_ascii_digit() || matches!(c, ' ' | '+' | '-' | '(' | ')' | '/');
    let digits = s.chars().filter(char::is_ascii_digit).count();
    if s.chars().all(allowed) && (5..=16).contains(&digits) && !s[1.min(s.len())..].contains('+') {
        Ok(())
    } else {
        Err(tr!(
            en: "write only the number, e.g. `+358 40 123 4567` or `040 123 4567`; put opening hours in the text",
            fi: "kirjoita pelkkä numero, esim. `+358 40 123 4567` tai `040 123 4567`; aukioloajat voi kirjoittaa tekstiin",
            sv: "skriv bara numret, t.ex. `+358 40 123 4567` eller `040 123 4567`; skriv öppettider i texten"
        ))
    }
}

/// A TOML value that must be a plain date (no time).
pub fn to_date(d: &Datetime) -> Result<Date, Localized> {
    match (d.date, d.time) {
        (Some(date), None) => Date::new(date.year as i16, date.month as i8, date.day as i8).map_err(|_| {
            tr!(
                en: "write an existing date as YYYY-MM-DD, e.g. `2025-03-01`",
                fi: "kirjoita olemassa oleva päivämäärä muodossa VVVV-KK-PP, esim. `2025-03-01`",
                sv: "skriv ett datum som finns i formen ÅÅÅÅ-MM-DD, t.ex. `2025-03-01`"
            )
        }),
        (Some(date), Some(_)) => {
            let d = format!("{:04}-{:02}-{:02}", date.year, date.month, date.day);
            Err(tr!(
                en: "write the date only, without a time: `{d}`",
                fi: "kirjoita pelkkä päivämäärä ilman kellonaikaa: `{d}`",
                sv: "skriv bara datumet, utan klockslag: `{d}`"
            ))
        }
        (None, _) => Err(tr!(
            en: "write a date as YYYY-MM-DD, e.g. `2025-03-01`",
            fi: "kirjoita päivämäärä muodossa VVVV-KK-PP, esim. `2025-03-01`",
            sv: "skriv datumet i formen ÅÅÅÅ-MM-DD, t.ex. `2025-03-01`"
        )),
    }
}

/// A founding year between 1800 and the current year.
pub fn check_year(year: i64, today: Date) -> Result<i32, Localized> {
    let max = i64::from(today.year());
    if (1800..=max).contains(&year) {
        Ok(year as i32)
    } else {
        Err(tr!(
            en: "write the year the organisation was founded, four digits between 1800 and {max}",
            fi: "kirjoita järjestön perustamisvuosi neljällä numerolla väliltä 1800–{max}",
            sv: "skriv organisationens grundningsår med fyra siffror mellan 1800 och {max}"
        ))
    }
}

/// ISO 639-1 language codes.
const ISO_639_1: &str = "aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy \
da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik \
io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt \
my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so \
sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu";

/// Common names editors write instead of the code.
const LANGUAGE_NAMES: &[(&str, &str)] = &[
    ("suomi", "fi"),
    ("finnish", "fi"),
    ("fin", "fi"),
    ("ruotsi", "sv"),
    ("swedish", "sv"),
    ("svenska", "sv"),
    ("swe", "sv"),
    ("englanti", "en"),
    ("english", "en"),
    ("eng", "en"),
    ("saame", "se"),
    ("pohjoissaame", "se"),
    ("venäjä", "ru"),
    ("russian", "ru"),
    ("viro", "et"),
    ("estonian", "et"),
    ("arabia", "ar"),
    ("arabic", "ar"),
    ("somali", "so"),
    ("ukraina", "uk"),
    ("ukrainian", "uk"),
    ("ua", "uk"),
    ("persia", "fa"),
    ("farsi", "fa"),
    ("se-fi", "se"),
];

/// Whether `code` is one of [`ISO_639_1`] (two small letters, a space between codes).
fn is_iso_639_1(code: &str) -> bool {
    code.len() == 2 && ISO_639_1.as_bytes().chunks(3).any(|c| c[..2] == *code.as_bytes())
}

/// `Err(help)` unless `code` is an ISO 639-1 code.
pub fn check_language_code(code: &str) -> Result<(), Localized> {
    if is_iso_639_1(code) {
        return Ok(());
    }
    let lower = code.trim().to_lowercase();
    if let Some((_, c)) = LANGUAGE_NAMES.iter().find(|(n, _)| *n == lower) {
        return Err(tr!(
            en: "write the two-letter ISO 639-1 code: `{c}`",
            fi: "kirjoita kielen kaksikirjaiminen ISO 639-1 -koodi: `{c}`",
            sv: "skriv språkets kod med två bokstäver enligt ISO 639-1: `{c}`"
        ));
    }
    if is_iso_639_1(&lower) {
        return Err(tr!(
            en: "write the code in lowercase: `{lower}`",
            fi: "kirjoita koodi pienillä kirjaimilla: `{lower}`",
            sv: "skriv koden med små bokstäver: `{lower}`"
        ));
    }
    Err(tr!(
        en: "write a two-letter ISO 639-1 code such as fi, sv, en, se, ru, et, ar, so, fa or uk",
        fi: "kirjoita kaksikirjaiminen ISO 639-1 -kielikoodi, kuten fi, sv, en, se, ru, et, ar, so, fa tai uk",
        sv: "skriv en språkkod med två bokstäver enligt ISO 639-1, t.ex. fi, sv, en, se, ru, et, ar, so, fa eller uk"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_is_looked_at_when_any_of_its_bytes_may_start_a_dropped_character() {
        for byte in 0..=255u8 {
            let flagged = byte < 0x20 || matches!(byte, 0x7f | 0xc2 | 0xe2 | 0xef);
            for at in 0..8 {
                let mut word = *b"abcdefgh";
                word[at] = byte;
                assert_eq!(may_start_dropped(u64::from_le_bytes(word)), flagged, "{byte:#x} at {at}");
            }
            for at in 0..32 {
                let mut block = *b"abcdefghijklmnopqrstuvwxyz012345";
                block[at] = byte;
                assert_eq!(block_may_start_dropped(&block), flagged, "{byte:#x} at {at} of a block");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn a_dropped_character_is_found_anywhere(s in "(\\PC|[\x00-\x1f\u{7f}-\u{9f}\u{202a}-\u{202e}\u{2066}-\u{2069}\u{fffe}\u{ffff}\u{2000}-\u{2070}äöÅ\u{ff00}-\u{ffff}])*") {
            proptest::prop_assert_eq!(has_dropped_char(&s), s.chars().any(is_dropped_char));
        }
    }

    #[test]
    fn a_dropped_character_is_found_at_any_place() {
        for c in ['\u{1}', '\u{7f}', '\u{85}', '\u{202e}', '\u{2066}', '\u{ffff}'] {
            for before in 0..80 {
                let s = format!("{}{c}{}", "ä".repeat(before / 2) + &"a".repeat(before % 2), "b".repeat(before));
                assert!(has_dropped_char(&s), "{s:?}");
                assert!(!has_dropped_char(&s.replace(c, "\u{2028}\u{a0}\n")), "{s:?}");
            }
        }
    }

    #[test]
    fn dropped_and_look_alike() {
        assert_eq!(without_dropped_chars("Kokous\u{7}\u{1b}[31m"), Some("Kokous[31m".into()));
        assert_eq!(without_dropped_chars("a\u{202e}gnp.exe"), Some("agnp.exe".into()));
        assert_eq!(without_dropped_chars("rivi\nrivi\ttab"), None);
        assert_eq!(look_alike_key("Keuruun  Seura ry"), look_alike_key("keuruun seura\u{200b} RY"));
        assert_eq!(look_alike_key("Ｋｅｕｒｕｕ"), look_alike_key("keuruu"));
        assert_ne!(look_alike_key("Keuruun Seura"), look_alike_key("Keuruun Seura 2"));
    }

    #[test]
    fn urls() {
        for ok in ["https://a.example", "http://a.example/x?y#z", "https://localhost:8080/"] {
            assert!(check_url(ok).is_ok(), "{ok}");
        }
        assert_eq!(check_url("www.a.example").unwrap_err().en(), "add https:// in front: `https://www.a.example`");
        for bad in ["javascript:alert(1)", "ftp://a.example", "https://", "https://a b.example", "mailto:x@y.example"] {
            assert!(check_url(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn emails() {
        assert!(check_email("info@a.example").is_ok());
        assert!(check_email("mailto:info@a.example").unwrap_err().en().contains("`info@a.example`"));
        for bad in ["info", "info@", "@a.example", "a@b", "a@b..example", "a@b.example, c@d.example", "a b@c.example"] {
            assert!(check_email(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn phones() {
        for ok in ["+358 40 123 4567", "040-1234567", "(014) 123 456", "0401234567"] {
            assert!(check_phone(ok).is_ok(), "{ok}");
        }
        for bad in ["puh. 040 123", "123", "040 123 4567 (ma-pe 9-15)", "+358+40"] {
            assert!(check_phone(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn languages() {
        assert!(check_language_code("fi").is_ok());
        assert!(check_language_code("se").is_ok());
        assert_eq!(check_language_code("suomi").unwrap_err().en(), "write the two-letter ISO 639-1 code: `fi`");
        assert_eq!(check_language_code("FI").unwrap_err().en(), "write the code in lowercase: `fi`");
        assert!(check_language_code("xx").is_err());
    }

    #[test]
    fn which_characters_are_dropped_or_invisible() {
        for c in [
            '\u{0}', '\u{7}', '\u{1b}', '\u{7f}', '\u{85}', '\u{202a}', '\u{202e}', '\u{2066}', '\u{2069}', '\u{fffe}',
            '\u{ffff}',
        ] {
            assert!(is_dropped_char(c), "{c:?}");
        }
        for c in ['\t', '\n', '\r', 'a', 'ä', ' ', '\u{2029}', '\u{2065}', '\u{206a}', '\u{200b}', '\u{fffd}'] {
            assert!(!is_dropped_char(c), "{c:?}");
        }
        for c in ['\u{200b}', '\u{200f}', '\u{2060}', '\u{feff}', '\u{061c}'] {
            assert!(is_invisible_char(c), "{c:?}");
        }
        for c in ['\u{200a}', '\u{2010}', '\u{2061}', 'a', ' '] {
            assert!(!is_invisible_char(c), "{c:?}");
        }
        // A dropped character also makes no difference to how a name looks.
        assert_eq!(look_alike_key("Keuruun\u{202e} Seura"), "keuruun seura");
    }

    #[test]
    fn url_hosts_and_hints() {
        for ok in ["https://kayttaja@a.example/", "HTTPS://A.EXAMPLE", "http://localhost", " https://a.example "] {
            assert!(check_url(ok).is_ok(), "{ok}");
        }
        for bad in
            ["https://intranet/", "https://a.example@", "https://:80/", "http://?q=a.example", "https://a.example/ x"]
        {
            assert!(check_url(bad).is_err(), "{bad}");
        }
        let hint = |s: &str| check_url(s).unwrap_err().en().to_string();
        assert_eq!(hint("a.example/x"), "add https:// in front: `https://a.example/x`");
        for generic in ["a example.x", "yhdistys", "tel:0401234567"] {
            assert!(hint(generic).starts_with("a web address starts with https://"), "{generic}: {}", hint(generic));
        }
    }

    #[test]
    fn email_shapes_and_hints() {
        for ok in [" info@a.example ", "etu.suku@ala.a.example"] {
            assert!(check_email(ok).is_ok(), "{ok}");
        }
        for bad in [
            "a@.b.example",
            "a@b.example.",
            "a@b@c.example",
            "<a@b.example>",
            "\"a\"@b.example",
            "a<b@c.example",
            "a>b@c.example",
        ] {
            assert_eq!(
                check_email(bad).unwrap_err().en(),
                "check the address: it should look like `info@yhdistys.example`",
                "{bad}"
            );
        }
        for several in [
            "a@b.example;c@d.example",
            "a@b.example c@d.example",
            "a@b.example,c@d.example",
            "a,b@c.example",
            "a;b@c.example",
        ] {
            assert_eq!(
                check_email(several).unwrap_err().en(),
                "write one address only; put others in the Markdown text",
                "{several}"
            );
        }
        assert!(check_email("info").unwrap_err().en().starts_with("an email address has an @"));
    }

    #[test]
    fn phone_digit_counts() {
        assert!(check_phone("12345").is_ok());
        assert!(check_phone("1234567890123456").is_ok());
        assert!(check_phone("+358/40 123").is_ok());
        assert!(check_phone("1234").is_err());
        assert!(check_phone("12345678901234567").is_err());
        assert!(check_phone("040 123 4567+").is_err());
        assert!(check_phone("").is_err());
    }

    #[test]
    fn every_iso_639_1_code_and_nothing_else_is_one() {
        let codes: Vec<&str> = ISO_639_1.split(' ').collect();
        assert!(codes.len() > 180 && codes.iter().all(|c| c.len() == 2 && c.bytes().all(|b| b.is_ascii_lowercase())));
        for a in b'a'..=b'z' {
            for b in b'a'..=b'z' {
                let code = String::from_utf8(vec![a, b]).unwrap();
                assert_eq!(is_iso_639_1(&code), codes.contains(&code.as_str()), "{code}");
            }
        }
        for other in ["", "f", "fin", "fi ", " f", "a ", "FI"] {
            assert!(!is_iso_639_1(other), "{other:?}");
        }
    }

    #[test]
    fn language_code_hints() {
        assert_eq!(check_language_code("Ukrainian").unwrap_err().en(), "write the two-letter ISO 639-1 code: `uk`");
        assert_eq!(check_language_code(" SV ").unwrap_err().en(), "write the code in lowercase: `sv`");
        assert!(check_language_code("fin").unwrap_err().en().ends_with("`fi`"));
        assert!(check_language_code("zu").is_ok() && check_language_code("aa").is_ok());
        assert!(check_language_code("xx").unwrap_err().en().starts_with("write a two-letter ISO 639-1 code"));
        assert!(check_language_code("f").is_err() && check_language_code("fin ").is_err());
    }

    #[test]
    fn dates_and_years() {
        let d: Datetime = "2025-03-01".parse().unwrap();
        assert_eq!(to_date(&d).unwrap(), Date::constant(2025, 3, 1));
        let dt: Datetime = "2025-03-01T10:00:00".parse().unwrap();
        assert!(to_date(&dt).unwrap_err().en().contains("`2025-03-01`"));
        let today = Date::constant(2026, 11, 23);
        assert_eq!(check_year(1994, today), Ok(1994));
        assert!(check_year(19994, today).is_err());
        assert!(check_year(2027, today).is_err());
        assert_eq!(check_year(1800, today), Ok(1800));
        assert_eq!(check_year(2026, today), Ok(2026));
        assert!(check_year(1799, today).is_err());
        assert!(check_year(-2026, today).is_err());
        // TOML's parser already refuses most impossible dates; the check is for the rest.
        let no_such_day =
            Datetime { date: Some(toml::value::Date { year: 2025, month: 2, day: 29 }), time: None, offset: None };
        assert!(to_date(&no_such_day).unwrap_err().en().starts_with("write an existing date"));
        let time_only: Datetime = "10:00:00".parse().unwrap();
        assert!(to_date(&time_only).unwrap_err().en().starts_with("write a date as YYYY-MM-DD"));
    }

    proptest::proptest! {
        /// The scan of the bytes finds every dropped character the characters do.
        #[test]
        fn dropped_characters_are_found_by_their_bytes(s in "(\\PC|[\x00-\x1f\u{7f}-\u{a0}\u{2000}-\u{206f}\u{fff0}-\u{ffff}])*") {
            let expected = s.contains(is_dropped_char).then(|| s.chars().filter(|&c| !is_dropped_char(c)).collect::<String>());
            proptest::prop_assert_eq!(without_dropped_chars(&s), expected);
        }
    }
}
