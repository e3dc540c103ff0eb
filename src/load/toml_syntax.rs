//! The reader's own words for what it found wrong: kinds of values, and the common
//! mistakes of writing the fields, in the editor's language. English reports keep
//! the reader's own description of a mistake; Finnish and Swedish ones never show it.

use crate::diagnostics::{Localized, tr};

/// A kind of value, as a field expects it or as it was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Integer,
    Float,
    List,
    Bool,
    Text,
    Date,
    Table,
    Other,
}

impl Kind {
    /// What serde expected (`u32`, `a sequence`, `a boolean`, …).
    pub(super) fn of_expected(expected: &str) -> Kind {
        let e = expected.trim();
        if e.starts_with('i') || e.starts_with('u') || e.contains("integer") {
            Kind::Integer
        } else if e.contains("sequence") {
            Kind::List
        } else if e.contains("boolean") {
            Kind::Bool
        } else if e.contains("string") || e.contains("char") {
            Kind::Text
        } else if e.contains("datetime") || e.contains("date") {
            Kind::Date
        } else if e.contains("struct") || e.contains("map") || e.contains("table") {
            Kind::Table
        } else {
            Kind::Other
        }
    }

    /// What serde found (`string "1994"`, `integer `3``, `sequence`, …).
    pub(super) fn of_found(found: &str) -> Kind {
        let f = found.trim();
        if f.starts_with("string") || f.starts_with("char") {
            Kind::Text
        } else if f.starts_with("integer") {
            Kind::Integer
        } else if f.starts_with("float") || f.starts_with("floating") {
            Kind::Float
        } else if f.starts_with("boolean") {
            Kind::Bool
        } else if f.starts_with("sequence") {
            Kind::List
        } else if f.starts_with("map") || f.starts_with("struct") || f.starts_with("table") {
            Kind::Table
        } else if f.contains("date") {
            Kind::Date
        } else {
            Kind::Other
        }
    }

    /// The English description of a wanted kind (`expected` when it is none of them).
    pub(super) fn en(self, expected: &str) -> String {
        match self {
            Kind::Integer => "a whole number (no quotes)",
            Kind::List => "a list in square brackets, e.g. [\"a\", \"b\"]",
            Kind::Bool => "true or false (no quotes)",
            Kind::Text => "text in double quotes",
            Kind::Date => "a date like 2025-03-01 (no quotes)",
            Kind::Table => "a table (a line [key] of its own, then key = value lines)",
            Kind::Float | Kind::Other => expected.trim(),
        }
        .to_string()
    }

    /// The Finnish description (as what a value must be, or is).
    pub(super) fn fi(self) -> &'static str {
        match self {
            Kind::Integer => "kokonaisluku ilman lainausmerkkejä",
            Kind::Float => "desimaaliluku",
            Kind::List => "luettelo hakasulkeissa, esim. [\"a\", \"b\"]",
            Kind::Bool => "kyllä/ei-arvo true tai false ilman lainausmerkkejä",
            Kind::Text => "teksti lainausmerkeissä",
            Kind::Date => "päivämäärä muodossa 2025-03-01 ilman lainausmerkkejä",
            Kind::Table => "oma osionsa (oma rivi [nimi] ja sen alla kenttä = arvo -rivit)",
            Kind::Other => "toisenlainen arvo",
        }
    }

    /// The Swedish description (as what a value must be, or is).
    pub(super) fn sv(self) -> &'static str {
        match self {
            Kind::Integer => "ett heltal utan citattecken",
            Kind::Float => "ett decimaltal",
            Kind::List => "en lista inom hakparenteser, t.ex. [\"a\", \"b\"]",
            Kind::Bool => "ett ja/nej-värde true eller false utan citattecken",
            Kind::Text => "text inom citattecken",
            Kind::Date => "ett datum som 2025-03-01 utan citattecken",
            Kind::Table => "ett eget avsnitt (en egen rad [namn] och under den fält = värde-rader)",
            Kind::Other => "ett annat slags värde",
        }
    }

    /// The description in each language (`expected` or `found` in English when it is
    /// none of the kinds).
    pub(super) fn localized(self, english: &str) -> Localized {
        let en = if matches!(self, Kind::Float | Kind::Other) { english.trim().to_string() } else { self.en(english) };
        Localized::new(en, self.fi().into(), self.sv().into())
    }

    /// How to write a value of this kind for `key`.
    pub(super) fn how_to_write(self, key: &str, expected: &str) -> Localized {
        if self == Kind::Table {
            return tr!(
                en: "write it as a table (a line [{key}] of its own, then key = value lines)",
                fi: "kirjoita se omaksi osiokseen: ensin oma rivi [{key}], sen alle kenttä = arvo -rivit",
                sv: "skriv det som ett eget avsnitt: först en egen rad [{key}], under den fält = värde-rader"
            );
        }
        let (fi, sv) = (self.fi(), self.sv());
        Localized::new(self.en(expected), format!("kirjoita arvoksi {fi}"), format!("skriv värdet som {sv}"))
    }
}

/// A mistake in writing the fields, from the reader's message: what is wrong and how
/// to write it. English keeps the reader's message in the generic case.
pub(super) fn explain(message: &str) -> (Localized, Localized) {
    let has = |words: &[&str]| words.iter().any(|w| message.contains(w));
    if message.contains("string") && has(&["expected `\"`", "expected `'`"]) {
        return (
            tr!(
                en: "this text has no closing quote",
                fi: "tekstistä puuttuu loppulainausmerkki",
                sv: "texten saknar avslutande citattecken"
            ),
            tr!(
                en: "end the text with a quote on the same line, e.g. `name = \"Keuruun Omaishoitajat ry\"`; for text over several lines use `\"\"\"`",
                fi: "päätä teksti lainausmerkkiin samalla rivillä, esim. `name = \"Keuruun Omaishoitajat ry\"`; usean rivin teksti kirjoitetaan kolmen lainausmerkin `\"\"\"` väliin",
                sv: "avsluta texten med ett citattecken på samma rad, t.ex. `name = \"Keuruun Omaishoitajat ry\"`; text på flera rader skrivs mellan `\"\"\"`"
            ),
        );
    }
    let en = format!("this is not valid TOML: {message}");
    let (en_help, fi, fi_help, sv, sv_help) = words(message);
    (Localized::new(en, fi.into(), sv.into()), Localized::new(en_help.into(), fi_help.into(), sv_help.into()))
}

/// The help in English, then the message and help in Finnish and in Swedish, for a
/// reader message of the kind `message` is.
fn words(message: &str) -> (&'static str, &'static str, &'static str, &'static str, &'static str) {
    let has = |words: &[&str]| words.iter().any(|w| message.contains(w));
    if has(&["must be quoted", "missing opening quote"]) {
        (
            "write text in straight double quotes, e.g. `name = \"Keuruun Omaishoitajat ry\"`; numbers, dates and true/false go without quotes",
            "teksti pitää kirjoittaa lainausmerkkeihin",
            "kirjoita esim. `name = \"Keuruun Omaishoitajat ry\"`; luvut, päivämäärät ja true/false kirjoitetaan ilman lainausmerkkejä",
            "text ska skrivas inom citattecken",
            "skriv t.ex. `name = \"Keuruun Omaishoitajat ry\"`; tal, datum och true/false skrivs utan citattecken",
        )
    } else if has(&["array element", "in array", "unclosed array", "array opening"]) && !message.contains("array table")
    {
        (
            "separate the values with commas and end the list with `]`, e.g. `themes = [\"omaishoito\", \"ikaihmiset\"]`",
            "luettelo hakasulkeissa [ ] on kirjoitettu väärin",
            "erota arvot pilkulla ja päätä luettelo hakasulkeeseen, esim. `themes = [\"omaishoito\", \"ikaihmiset\"]`",
            "listan inom hakparenteser [ ] är felskriven",
            "skilj värdena åt med kommatecken och avsluta listan med en hakparentes, t.ex. `themes = [\"omaishoito\", \"ikaihmiset\"]`",
        )
    } else if has(&["table"]) {
        (
            "a section heading is a line of its own in square brackets, e.g. `[contact]`, with the section's `key = value` lines below it",
            "osion otsikkorivi [ ] tai aaltosulkeet { } on kirjoitettu väärin",
            "osion otsikko on oma rivinsä hakasulkeissa, esim. `[contact]`, ja sen alla ovat osion `kenttä = arvo` -rivit",
            "avsnittets rubrikrad [ ] eller klammerparenteserna { } är felskrivna",
            "ett avsnitts rubrik är en egen rad inom hakparenteser, t.ex. `[contact]`, och under den står avsnittets `fält = värde`-rader",
        )
    } else if has(&["no value", "assignment", "missing value", "`=`"]) {
        (
            "each line is `key = value`, e.g. `name = \"Keuruun Omaishoitajat ry\"`",
            "rivistä puuttuu `=` tai arvo",
            "jokainen rivi on muotoa `kenttä = arvo`, esim. `name = \"Keuruun Omaishoitajat ry\"`",
            "raden saknar `=` eller ett värde",
            "varje rad har formen `fält = värde`, t.ex. `name = \"Keuruun Omaishoitajat ry\"`",
        )
    } else if has(&["leading zero", "sign", "radix", "`_`", "integer", "numbers"]) {
        (
            "write the number in digits only, without leading zeros or quotes, e.g. `founded = 1994`",
            "luku on kirjoitettu väärin",
            "kirjoita luku pelkillä numeroilla ilman etunollia ja lainausmerkkejä, esim. `founded = 1994`",
            "talet är felskrivet",
            "skriv talet med bara siffror, utan inledande nollor och citattecken, t.ex. `founded = 1994`",
        )
    } else if has(&["escape", "unicode"]) {
        (
            "inside double quotes a backslash starts an escape: write it twice (`\"C:\\\\Kansio\"`), or put the text in single quotes (`'C:\\Kansio'`)",
            "kenoviiva \\ ei käy tekstissä sellaisenaan",
            "kirjoita kenoviiva kahdesti: `\\\\`",
            "ett omvänt snedstreck \\ går inte i texten som sådant",
            "skriv det omvända snedstrecket två gånger: `\\\\`",
        )
    } else if has(&["key"]) {
        (
            "a key has only the letters a–z, digits, `-` and `_`, e.g. `short_name`",
            "kentän nimi on kirjoitettu väärin",
            "kentän nimessä voi olla vain kirjaimia a–z, numeroita, `-` ja `_`, esim. `short_name`",
            "fältets namn är felskrivet",
            "ett fältnamn kan bara ha bokstäverna a–z, siffror, `-` och `_`, t.ex. `short_name`",
        )
    } else {
        (
            "check the quotes, `=` and brackets: each line is `key = value`, text in double quotes, lists in [ ], dates as 2025-03-01, numbers and true/false bare",
            "tätä riviä ei voi lukea",
            "tarkista lainausmerkit, `=` ja hakasulkeet: jokainen rivi on `kenttä = arvo`, teksti lainausmerkeissä, luettelot hakasulkeissa [ ], päivämäärät muodossa 2025-03-01, luvut ja true/false ilman lainausmerkkejä",
            "den här raden går inte att läsa",
            "kontrollera citattecknen, `=` och hakparenteserna: varje rad är `fält = värde`, text inom citattecken, listor inom hakparenteser [ ], datum som 2025-03-01, tal och true/false utan citattecken",
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_reader_message_gets_words_of_its_own() {
        for m in [
            "string values must be quoted, expected literal string",
            "missing comma between array elements, expected `,`",
            "unclosed table, expected `]`",
            "key with no value, expected `=`",
            "unexpected leading zero",
            "missing escaped value",
            "invalid unquoted key",
            "something never seen",
        ] {
            let (msg, help) = explain(m);
            assert!(msg.en().contains(m), "{m}");
            assert!(!msg.fi().contains(m) && !help.fi().contains(m) && !msg.sv().contains(m), "{m}");
        }
        assert_eq!(
            explain("unclosed table, expected `]`").0.sv(),
            "avsnittets rubrikrad [ ] eller klammerparenteserna { } är felskrivna"
        );
    }
}
