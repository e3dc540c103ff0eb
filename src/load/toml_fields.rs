//! TOML into `Raw*` types, reporting every problem of a file rather than the first.
//!
//! The parser recovers from syntax errors and reports each one. Deserialising stops at
//! the first problem, so after each one the offending entry (the deepest key or list
//! element whose span holds the error) is removed from the parsed tree and
//! deserialising runs again. Each round removes one entry, so the loop ends; only
//! broken files ever take more than one round.

use std::ops::Range;

use serde::de::DeserializeOwned;
use toml::Spanned;
use toml::de::{DeArray, DeTable, DeValue, Deserializer};

use crate::diagnostics::suggest::{did_you_mean, nearest};
use crate::diagnostics::{Code, Diagnostic, Localized, tr};

/// The outcome for one TOML document.
pub struct Parsed<T> {
    /// `None` when the TOML had syntax errors or could not be deserialised at all.
    pub value: Option<T>,
    pub diagnostics: Vec<Diagnostic>,
    /// Top-level keys dropped because of a problem already reported (so that later
    /// checks do not also call them missing).
    pub removed: Vec<String>,
}

/// Parse `toml` (found at byte `offset` of `file`) into `T`.
pub fn parse<T: DeserializeOwned>(file: &str, toml: &str, offset: usize) -> Parsed<T> {
    parse_closing(file, toml, offset, 0)
}

/// [`parse`], with `closed` lists left open already closed by adding `]`.
fn parse_closing<T: DeserializeOwned>(file: &str, toml: &str, offset: usize, closed: usize) -> Parsed<T> {
    let (mut table, syntax) = DeTable::parse_recoverable(toml);
    // A list left open (`themes = ["a", "b"` and a new line) makes every line after it
    // look like a broken list item: reported once, and the rest read with the `]` added.
    // Only where the `]` takes that error away: the same error again one further on
    // would mean the guess was wrong.
    let open = syntax.first().filter(|_| closed < 8).and_then(|e| {
        let error_at = e.span()?.start;
        let at = unclosed_list(toml, e.message(), error_at)?;
        let mut closed_text = toml.to_string();
        closed_text.insert(at, ']');
        let (_, again) = DeTable::parse_recoverable(&closed_text);
        let same = again
            .first()
            .is_some_and(|a| a.message() == e.message() && a.span().map(|s| s.start) == Some(error_at + 1));
        (!same).then_some((at, closed_text))
    });
    if let Some((at, closed_text)) = open {
        let mut parsed = parse_closing::<T>(file, &closed_text, offset, closed + 1);
        for d in &mut parsed.diagnostics {
            if let Some(span) = &mut d.span {
                let back = |p: usize| if p > offset + at { p - 1 } else { p };
                *span = back(span.start)..back(span.end);
            }
        }
        parsed.diagnostics.insert(0, unclosed_list_diagnostic(file, toml, at, offset));
        parsed.value = None;
        return parsed;
    }
    let mut diagnostics = Vec::new();
    let mut syntax_spans = Vec::new();
    let mut removed = Vec::new();
    // A date that does not exist is reported and its entry left out; the rest of the
    // file is still checked (any other syntax error stops that).
    let mut other_syntax = 0;
    for e in &syntax {
        let span = e.span().unwrap_or(0..0);
        syntax_spans.push(span.clone());
        let d = syntax_diagnostic(file, toml, e.message(), span.clone(), offset);
        if d.code == Code::InvalidDate {
            let path = remove_at(table.get_mut(), &span);
            let key = path.as_deref().and_then(|p| p.split(['.', '[']).next()).unwrap_or(key_of_line(toml, span.start));
            removed.push(key.to_string());
        } else {
            other_syntax += 1;
        }
        diagnostics.push(d);
    }
    let mut rounds = 0;
    // The keys of the entity itself, for a key written below a [table] line.
    let top_keys = std::cell::OnceCell::new();
    let value = loop {
        rounds += 1;
        // The first reading takes the table (most files are right); only a file with
        // mistakes is read again, from its table parsed anew with each mistake taken out.
        let result = if rounds == 1 && syntax.is_empty() {
            let taken = std::mem::replace(&mut table, DeTable::parse_recoverable("").0);
            let result = T::deserialize(Deserializer::from(taken));
            if result.is_err() {
                table = DeTable::parse_recoverable(toml).0;
            }
            result
        } else {
            T::deserialize(Deserializer::from(table.clone()))
        };
        match result {
            Ok(v) => break Some(v),
            Err(e) => {
                let span = e.span();
                let path = span.as_ref().and_then(|s| remove_at(table.get_mut(), s));
                if let Some(top) = path.as_deref().and_then(|p| p.split(['.', '[']).next()) {
                    removed.push(top.to_string());
                }
                let overlaps = span.as_ref().is_some_and(|s| syntax_spans.iter().any(|x| overlap(x, s)));
                if !overlaps {
                    let top = top_keys.get_or_init(keys_of::<T>);
                    let mut d = value_diagnostic(file, toml, e.message(), span.clone(), path.as_deref(), offset);
                    if let Some(key) = moved_key_help(&mut d, e.message(), path.as_deref(), top) {
                        // Reported where it is written: not to be called missing too.
                        removed.push(key);
                    }
                    diagnostics.push(d);
                }
                if path.is_none() || rounds > 200 {
                    break None;
                }
            }
        }
    };
    Parsed { value: if other_syntax == 0 { value } else { None }, diagnostics, removed }
}

/// The keys `T` has at its top level (read from the message of a probe that serde
/// refuses: "unknown field `…`, expected one of `name`, `short_name`, …").
fn keys_of<T: DeserializeOwned>() -> Vec<String> {
    match toml::from_str::<T>("__areena_probe__ = 0") {
        Err(e) => backticked(e.message()).into_iter().skip(1).map(String::from).collect(),
        Ok(_) => Vec::new(),
    }
}

/// An unknown key in `[contact]` or `[address]` that is a key of the entity itself
/// was written below the table's line: say to move it, not to delete it.
/// Returns the key when it is such a key.
fn moved_key_help(d: &mut Diagnostic, message: &str, path: Option<&str>, top: &[String]) -> Option<String> {
    let rest = message.strip_prefix("unknown field ")?;
    let unknown = backticked(rest).first().map(|s| s.to_string())?;
    let (parent, _) = path.and_then(|p| p.rsplit_once('.'))?;
    if !top.contains(&unknown) {
        return None;
    }
    let parent = strip_indices(parent);
    d.help = Some(tr!(
        en: "`{unknown}` belongs to the entry itself: move this line above the `[{parent}]` line (every line after `[{parent}]` belongs to it)",
        fi: "`{unknown}` kuuluu itse tietueeseen: siirrä tämä rivi `[{parent}]`-rivin yläpuolelle (kaikki `[{parent}]`-rivin jälkeiset rivit kuuluvat siihen)",
        sv: "`{unknown}` hör till själva posten: flytta den här raden ovanför raden `[{parent}]` (alla rader efter `[{parent}]` hör till den)"
    ));
    Some(unknown)
}

fn overlap(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start <= b.end.max(b.start + 1) && b.start <= a.end.max(a.start + 1)
}

fn holds(outer: &Range<usize>, inner: &Range<usize>) -> bool {
    outer.start <= inner.start && inner.end <= outer.end.max(outer.start + 1)
}

/// Remove the deepest entry holding `span`; return its dotted path (`contact.name`,
/// `themes[1]`), or `None` when no entry holds it.
fn remove_at(table: &mut DeTable<'_>, span: &Range<usize>) -> Option<String> {
    let (key, key_span_holds) = table
        .iter()
        .find(|(k, v)| holds(&k.span(), span) || value_contains(v, span))
        .map(|(k, _)| (k.get_ref().to_string(), holds(&k.span(), span)))?;
    if !key_span_holds {
        let entry = table.get_mut(key.as_str())?;
        if let Some(inner) = descend(entry.get_mut(), span) {
            return Some(format!("{key}{inner}"));
        }
    }
    table.remove(key.as_str());
    Some(key)
}

/// Does a value, or anything inside it, hold `span`? Tables opened with `[header]`
/// and `[[header]]` may not span their entries, so look inside them too.
fn value_contains(v: &Spanned<DeValue<'_>>, span: &Range<usize>) -> bool {
    holds(&v.span(), span)
        || match v.get_ref() {
            DeValue::Table(t) => t.iter().any(|(k, x)| holds(&k.span(), span) || value_contains(x, span)),
            DeValue::Array(a) => a.iter().any(|x| value_contains(x, span)),
            _ => false,
        }
}

fn descend(value: &mut DeValue<'_>, span: &Range<usize>) -> Option<String> {
    match value {
        DeValue::Table(t) => remove_at(t, span).map(|p| format!(".{p}")),
        DeValue::Array(a) => {
            let i = a.iter().position(|v: &Spanned<DeValue<'_>>| value_contains(v, span))?;
            if let Some(inner) = descend((**a)[i].get_mut(), span) {
                return Some(format!("[{i}]{inner}"));
            }
            let old = std::mem::replace(a, DeArray::new());
            for (j, v) in old.into_iter().enumerate() {
                if j != i {
                    a.push(v);
                }
            }
            Some(format!("[{i}]"))
        }
        _ => None,
    }
}

/// Where a `]` is missing, when the first syntax error (`message` at `at`) is that of
/// a list left open on the lines before a new `key = …` line: the end of the last
/// line with something on it before that line.
fn unclosed_list(toml: &str, message: &str, at: usize) -> Option<usize> {
    if !message.contains("missing comma between array elements") {
        return None;
    }
    let line_start = toml.get(..at)?.rfind('\n').map_or(0, |i| i + 1);
    let line = toml.get(line_start..)?.lines().next().unwrap_or("");
    // The error is at the start of a line that sets a key (or opens a table).
    let key = line.split_once('=').is_some_and(|(k, _)| {
        let k = k.trim();
        !k.is_empty() && k.chars().all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | '"' | ' '))
    });
    if toml[line_start..at].trim() != "" || !(key || line.trim_start().starts_with('[')) {
        return None;
    }
    // The last line before it with a value on it (not blank, not only a comment), and
    // the end of that value: before a comment, which starts at a `#` outside quotes.
    let mut end = line_start;
    while end > 0 {
        let start = toml[..end - 1].rfind('\n').map_or(0, |i| i + 1);
        let value = toml[start..end].trim_end();
        let value_end = start + code_end(value);
        if toml[start..value_end].trim() != "" {
            return Some(value_end);
        }
        end = start;
    }
    None
}

/// The length of `line` without its comment and the spaces before it: up to the first
/// `#` outside a quoted string (`"…"` with `\` escapes, or `'…'`).
fn code_end(line: &str) -> usize {
    let mut quote = None;
    let mut escaped = false;
    for (i, c) in line.char_indices() {
        match quote {
            Some('"') if escaped => escaped = false,
            Some('"') if c == '\\' => escaped = true,
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == '"' || c == '\'' => quote = Some(c),
            None if c == '#' => return line[..i].trim_end().len(),
            None => {}
        }
    }
    line.trim_end().len()
}

fn unclosed_list_diagnostic(file: &str, toml: &str, at: usize, offset: usize) -> Diagnostic {
    let line_start = toml[..at].rfind('\n').map_or(0, |i| i + 1);
    let line = &toml[line_start..at];
    let help = if line.contains('=') && line.contains('[') {
        let fixed = format!("{}]", line.trim());
        tr!(
            en: "end the list with `]`: `{fixed}`",
            fi: "päätä luettelo merkkiin `]`: `{fixed}`",
            sv: "avsluta listan med `]`: `{fixed}`"
        )
    } else {
        tr!(
            en: "end the list with `]` after its last value",
            fi: "päätä luettelo merkkiin `]` sen viimeisen arvon perään",
            sv: "avsluta listan med `]` efter dess sista värde"
        )
    };
    Diagnostic::error(
        Code::TomlSyntax,
        file,
        Some(shifted(at..at, offset)),
        tr!(
            en: "this list is not closed: `]` is missing at the end of the line",
            fi: "luetteloa ei ole suljettu: rivin lopusta puuttuu `]`",
            sv: "listan är inte stängd: `]` fattas i slutet av raden"
        ),
    )
    .with_help(help)
}

fn shifted(span: Range<usize>, offset: usize) -> Range<usize> {
    span.start + offset..span.end + offset
}

fn syntax_diagnostic(file: &str, toml: &str, message: &str, span: Range<usize>, offset: usize) -> Diagnostic {
    let text = toml.get(span.clone()).unwrap_or("");
    let (code, msg, help) = if message.contains("invalid date") || message.contains("invalid time") {
        let key = key_of_line(toml, span.start);
        (
            Code::InvalidDate,
            tr!(
                en: "`{text}` is not a valid date ({message})",
                fi: "`{text}` ei ole oikea päivämäärä",
                sv: "`{text}` är inte ett giltigt datum"
            ),
            if text.contains(':') {
                tr!(
                    en: "write an existing date and time as YYYY-MM-DDTHH:MM:SS without quotes (hours 00–23), e.g. `{key} = 2025-03-01T18:00:00`",
                    fi: "kirjoita olemassa oleva päivämäärä ja kellonaika muodossa VVVV-KK-PPTHH:MM:SS ilman lainausmerkkejä (tunnit 00–23), esim. `{key} = 2025-03-01T18:00:00`",
                    sv: "skriv ett datum och en tid som finns i formen ÅÅÅÅ-MM-DDTHH:MM:SS utan citattecken (timmar 00–23), t.ex. `{key} = 2025-03-01T18:00:00`"
                )
            } else {
                tr!(
                    en: "write an existing date as YYYY-MM-DD without quotes, e.g. `{key} = 2025-03-01`",
                    fi: "kirjoita olemassa oleva päivämäärä muodossa VVVV-KK-PP ilman lainausmerkkejä, esim. `{key} = 2025-03-01`",
                    sv: "skriv ett datum som finns i formen ÅÅÅÅ-MM-DD utan citattecken, t.ex. `{key} = 2025-03-01`"
                )
            },
        )
    } else if let Some(q) = typographic_quote(toml, span.start) {
        (
            Code::TomlSyntax,
            tr!(
                en: "the text is in typographic quotes ({q}), which TOML does not read as quotes",
                fi: "teksti on kirjoitettu typografisiin lainausmerkkeihin ({q}), joita TOML ei lue lainausmerkeiksi",
                sv: "texten står inom typografiska citattecken ({q}), som TOML inte läser som citattecken"
            ),
            tr!(
                en: "write straight double quotes instead, e.g. `name = \"Keuruun Omaishoitajat ry\"` (word processors change them: paste as plain text)",
                fi: "kirjoita tilalle suorat lainausmerkit, esim. `name = \"Keuruun Omaishoitajat ry\"` (tekstinkäsittelyohjelmat muuttavat ne: liitä pelkkänä tekstinä)",
                sv: "skriv raka citattecken i stället, t.ex. `name = \"Keuruun Omaishoitajat ry\"` (ordbehandlare ändrar dem: klistra in som oformaterad text)"
            ),
        )
    } else if message.contains("duplicate key") {
        (
            Code::TomlSyntax,
            tr!(
                en: "`{text}` is set twice in this file",
                fi: "`{text}` on annettu tässä tiedostossa kahdesti",
                sv: "`{text}` anges två gånger i den här filen"
            ),
            tr!(
                en: "keep one of the two lines and delete the other",
                fi: "jätä toinen riveistä ja poista toinen",
                sv: "behåll den ena raden och ta bort den andra"
            ),
        )
    } else {
        let (msg, help) = super::toml_syntax::explain(message);
        (Code::TomlSyntax, msg, help)
    };
    Diagnostic::error(code, file, Some(shifted(span, offset)), msg).with_help(help)
}

/// The typographic quotation mark on the line holding `offset` outside straight
/// quotes (`“` in `name = “Yhdistys”`), if there is one.
fn typographic_quote(toml: &str, offset: usize) -> Option<char> {
    let start = toml[..offset.min(toml.len())].rfind('\n').map_or(0, |i| i + 1);
    let line = toml[start..].lines().next().unwrap_or("");
    let value = line.split_once('=')?.1.trim_start();
    value.chars().next().filter(|c| matches!(c, '“' | '”' | '„' | '‘' | '’' | '«' | '»' | '‟' | '‚'))
}

/// The key written at the start of the line holding `offset` (`updated` in
/// `updated = 2025-02-30`), or `date` when there is none.
fn key_of_line(toml: &str, offset: usize) -> &str {
    let start = toml[..offset.min(toml.len())].rfind('\n').map_or(0, |i| i + 1);
    let line = &toml[start..];
    match line.split_once('=') {
        Some((k, _)) if !k.trim().is_empty() && !k.contains(['"', '[']) => k.trim(),
        _ => "date",
    }
}

/// The words inside backticks in a serde message.
fn backticked(s: &str) -> Vec<&str> {
    s.split('`').skip(1).step_by(2).collect()
}

fn value_diagnostic(
    file: &str,
    toml: &str,
    message: &str,
    span: Option<Range<usize>>,
    path: Option<&str>,
    offset: usize,
) -> Diagnostic {
    let span = span.map(|s| shifted(s, offset));
    if let Some(rest) = message.strip_prefix("unknown field ") {
        return unknown_key(file, rest, span, path);
    }
    let key = path.unwrap_or("?");
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        let raw = span.as_ref().and_then(|s| toml.get(s.start - offset..s.end - offset)).unwrap_or("");
        return wrong_type(file, rest, raw, span, path);
    }
    let en_key = path.unwrap_or("this value");
    // A number beyond what the field holds (`invalid value: integer `…`, expected i64`).
    if let Some((n, _)) = message.strip_prefix("invalid value: integer `").and_then(|r| r.split_once('`')) {
        let message = if n.starts_with('-') {
            tr!(en: "`{en_key}`: {n} is too small", fi: "`{key}`: {n} on liian pieni", sv: "`{key}`: {n} är för litet")
        } else {
            tr!(en: "`{en_key}`: {n} is too large", fi: "`{key}`: {n} on liian suuri", sv: "`{key}`: {n} är för stort")
        };
        let help = if en_key.rsplit('.').next() == Some("founded") {
            tr!(
                en: "write the year of founding, four digits: `founded = 1994`",
                fi: "kirjoita perustamisvuosi neljällä numerolla: `founded = 1994`",
                sv: "skriv grundandeåret med fyra siffror: `founded = 1994`"
            )
        } else {
            tr!(
                en: "check the value of `{en_key}` against docs/content.md",
                fi: "tarkista kentän `{key}` arvo ohjeesta docs/content.md",
                sv: "kontrollera värdet för `{key}` i anvisningen docs/content.md"
            )
        };
        return Diagnostic::error(Code::InvalidValue, file, span, message).with_help(help);
    }
    Diagnostic::error(
        Code::InvalidValue,
        file,
        span,
        tr!(
            en: "`{en_key}`: {message}",
            fi: "`{key}`: tämä arvo ei käy tähän",
            sv: "`{key}`: det här värdet går inte här"
        ),
    )
    .with_help(tr!(
        en: "check the value of `{en_key}` against docs/content.md",
        fi: "tarkista kentän `{key}` arvo ohjeesta docs/content.md",
        sv: "kontrollera värdet för `{key}` i anvisningen docs/content.md"
    ))
}

fn unknown_key(file: &str, rest: &str, span: Option<Range<usize>>, path: Option<&str>) -> Diagnostic {
    let words = backticked(rest);
    let unknown = words.first().copied().unwrap_or("");
    let known: Vec<&str> = words.iter().skip(1).copied().collect();
    let help = did_you_mean(&nearest(unknown, known.iter().copied(), 1))
        .map(|d| {
            tr!(
                en: "{d} (rename the key)",
                fi: "{d} (korjaa kentän nimi)",
                sv: "{d} (rätta fältets namn)",
                d = d
            )
        })
        .unwrap_or_else(|| {
            if known.is_empty() {
                tr!(en: "delete this line", fi: "poista tämä rivi", sv: "ta bort den här raden")
            } else {
                let known = known.join(", ");
                tr!(
                    en: "delete it, or use one of: {known}",
                    fi: "poista se tai käytä jotakin näistä: {known}",
                    sv: "ta bort den eller använd något av dessa: {known}"
                )
            }
        });
    let message = match path.and_then(|p| p.rsplit_once('.')) {
        Some((parent, _)) => {
            let parent = strip_indices(parent);
            tr!(
                en: "unknown key `{unknown}` in [{parent}]",
                fi: "tuntematon kenttä `{unknown}` osiossa [{parent}]",
                sv: "okänt fält `{unknown}` i avsnittet [{parent}]"
            )
        }
        None => tr!(
            en: "unknown key `{unknown}`",
            fi: "tuntematon kenttä `{unknown}`",
            sv: "okänt fält `{unknown}`"
        ),
    };
    Diagnostic::error(Code::UnknownKey, file, span, message).with_help(help)
}

fn wrong_type(file: &str, rest: &str, raw: &str, span: Option<Range<usize>>, path: Option<&str>) -> Diagnostic {
    use super::toml_syntax::Kind;
    let key = path.unwrap_or("this value");
    let fi_key = path.unwrap_or("?");
    let last_key = key.rsplit('.').next().unwrap_or(key);
    let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
    let want = Kind::of_expected(expected);
    let got = Kind::of_found(found);
    let unquoted = raw.trim_matches(|c| c == '"' || c == '\'');
    let bare_ok = (want == Kind::Integer && unquoted.parse::<i64>().is_ok())
        || (want == Kind::Bool && (unquoted == "true" || unquoted == "false"));
    let help = if bare_ok {
        tr!(
            en: "write `{last_key} = {unquoted}` without quotes",
            fi: "kirjoita `{last_key} = {unquoted}` ilman lainausmerkkejä",
            sv: "skriv `{last_key} = {unquoted}` utan citattecken"
        )
    } else if want == Kind::List && got == Kind::Text {
        tr!(
            en: "write a list, even for one value: `{last_key} = [{raw}]`",
            fi: "kirjoita luettelo hakasulkeissa, vaikka arvoja olisi vain yksi: `{last_key} = [{raw}]`",
            sv: "skriv en lista inom hakparenteser, även för ett enda värde: `{last_key} = [{raw}]`"
        )
    } else if want == Kind::Text && last_key.ends_with(']') {
        // An item of a list (`municipalities[1]`): the fix is written inside the list.
        let list = strip_indices(last_key);
        if got == Kind::Table || raw.starts_with('{') || raw.is_empty() {
            tr!(
                en: "write each item of `{list}` as text in double quotes, not as a table in {{ }}",
                fi: "kirjoita luettelon `{list}` jokainen arvo tekstinä lainausmerkkeihin, ei aaltosulkeisiin {{ }}",
                sv: "skriv varje värde i listan `{list}` som text inom citattecken, inte inom klammerparenteser {{ }}"
            )
        } else {
            tr!(
                en: "write each item of `{list}` as text in double quotes: `\"{unquoted}\"` instead of `{raw}`",
                fi: "kirjoita luettelon `{list}` jokainen arvo lainausmerkkeihin: `\"{unquoted}\"` eikä `{raw}`",
                sv: "skriv varje värde i listan `{list}` inom citattecken: `\"{unquoted}\"` i stället för `{raw}`"
            )
        }
    } else if want == Kind::Text && !raw.is_empty() && !raw.starts_with('[') {
        tr!(
            en: "put the value in quotes: `{last_key} = \"{raw}\"`",
            fi: "kirjoita arvo lainausmerkkeihin: `{last_key} = \"{raw}\"`",
            sv: "skriv värdet inom citattecken: `{last_key} = \"{raw}\"`"
        )
    } else if want == Kind::Date && got == Kind::Text {
        tr!(
            en: "write the date without quotes: `{last_key} = {unquoted}`",
            fi: "kirjoita päivämäärä ilman lainausmerkkejä: `{last_key} = {unquoted}`",
            sv: "skriv datumet utan citattecken: `{last_key} = {unquoted}`"
        )
    } else {
        want.how_to_write(last_key, expected)
    };
    let message = tr!(
        en: "`{key}` must be {want}, not {got}",
        fi: "kentän `{fi_key}` arvon pitää olla {want}, nyt se on {got}",
        sv: "värdet för `{fi_key}` ska vara {want}, nu är det {got}",
        want = want.localized(expected),
        got = Localized::new(found.to_string(), got.fi().into(), got.sv().into())
    );
    Diagnostic::error(Code::WrongType, file, span, message).with_help(help)
}

fn strip_indices(path: &str) -> String {
    let mut out = String::new();
    let mut depth = 0;
    for c in path.chars() {
        match c {
            '[' => depth += 1,
            ']' => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::position;
    use serde::Deserialize;

    #[allow(dead_code)]
    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Contact {
        name: Option<String>,
    }

    #[allow(dead_code)]
    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct T {
        name: Option<Spanned<String>>,
        founded: Option<i64>,
        themes: Option<Vec<Spanned<String>>>,
        contact: Option<Contact>,
    }

    fn codes(src: &str) -> Vec<(Code, (usize, usize), Option<String>)> {
        let p: Parsed<T> = parse("f.md", src, 0);
        p.diagnostics
            .iter()
            .map(|d| {
                (d.code, position(src, d.span.clone().unwrap().start), d.help.as_ref().map(|h| h.en().to_string()))
            })
            .collect()
    }

    #[test]
    fn reports_every_value_problem_of_a_file() {
        let src =
            "name = \"x\"\nfounded = \"1994\"\nmunicipality = [\"a\"]\nthemes = [\"a\", 3]\n[contact]\nnmae = \"y\"\n";
        let got = codes(src);
        let mut kinds: Vec<_> = got.iter().map(|(c, p, _)| (*c, *p)).collect();
        kinds.sort();
        assert_eq!(
            kinds,
            vec![
                (Code::UnknownKey, (3, 1)),
                (Code::UnknownKey, (6, 1)),
                (Code::WrongType, (2, 11)),
                (Code::WrongType, (4, 16))
            ]
        );
        let founded = got.iter().find(|(_, p, _)| *p == (2, 11)).unwrap();
        assert_eq!(founded.2.as_deref(), Some("write `founded = 1994` without quotes"));
        let muni = got.iter().find(|(_, p, _)| *p == (3, 1)).unwrap();
        assert!(muni.2.as_deref().unwrap().contains("`themes`") || muni.2.as_deref().unwrap().contains("delete"));
        let p: Parsed<T> = parse("f.md", src, 0);
        let founded = p
            .diagnostics
            .iter()
            .find(|d| d.code == Code::WrongType && d.help.as_ref().unwrap().en().contains("founded"))
            .unwrap();
        assert_eq!(
            founded.message.fi(),
            "kentän `founded` arvon pitää olla kokonaisluku ilman lainausmerkkejä, nyt se on teksti lainausmerkeissä"
        );
        assert_eq!(founded.help.as_ref().unwrap().sv(), "skriv `founded = 1994` utan citattecken");
    }

    #[test]
    fn syntax_errors_and_offsets() {
        let src = "+++\nname = \"unclosed\nfounded = 1\n";
        let p: Parsed<T> = parse("f.md", &src[4..], 4);
        assert!(p.value.is_none());
        assert_eq!(p.diagnostics[0].code, Code::TomlSyntax);
        assert_eq!(position(src, p.diagnostics[0].span.clone().unwrap().start).0, 2);
        let p: Parsed<T> = parse("f.md", "founded = 2025-02-30\n", 0);
        assert_eq!(p.diagnostics.len(), 1, "{:?}", p.diagnostics);
        assert_eq!(p.diagnostics[0].code, Code::InvalidDate);
    }
}
