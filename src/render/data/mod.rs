//! The directory's open data: every organisation, network, partnership table (with
//! its meeting notes) and event as JSON, the organisations also as CSV, a JSON
//! Schema beside each of them, and the same directory in the Open Referral HSDS 3
//! standard ([`hsds`]).
//!
//! Each areena JSON file is one object: `license` (the `[data] license` of
//! site.toml, with the licence's address for the identifiers areena knows),
//! `source` (the site's address) and the list. The schemas are made from the very
//! structs that are written ([`schemars`]), so a field cannot be added to a file
//! without appearing in its schema, with its documentation as the description.
//! Built in Rust, not templates, so that the formats stay valid whatever the site
//! theme does and whatever the content holds.

pub mod hsds;
mod records;

use schemars::JsonSchema;
use serde::Serialize;

use super::{Output, Renderer};
use crate::diagnostics::{Code, Diagnostic, tr};
pub use records::csv_safe;

/// One of the open data sets of areena's own format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dataset {
    Organisations,
    Networks,
    Tables,
    Events,
}

impl Dataset {
    pub const ALL: [Dataset; 4] = [Dataset::Organisations, Dataset::Networks, Dataset::Tables, Dataset::Events];

    /// The file's stem and the key of its list (`organisations`).
    pub fn name(self) -> &'static str {
        match self {
            Dataset::Organisations => "organisations",
            Dataset::Networks => "networks",
            Dataset::Tables => "tables",
            Dataset::Events => "events",
        }
    }
}

/// One open data file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DataFile {
    /// `data/<name>.json`.
    Json(Dataset),
    /// `data/<name>.schema.json`: the JSON Schema (draft 2020-12) of the file beside it.
    Schema(Dataset),
    /// `data/organisations.csv`.
    Csv,
    /// `data/organisations.csv.schema.json`: the CSV's columns as a JSON Schema of one row.
    CsvSchema,
    /// A file under `data/hsds/`.
    Hsds(hsds::HsdsFile),
}

impl DataFile {
    /// Every open data file, in the order of the open data page.
    pub fn all() -> Vec<DataFile> {
        let mut all = vec![DataFile::Json(Dataset::Organisations), DataFile::Csv];
        all.extend(Dataset::ALL[1..].iter().map(|&d| DataFile::Json(d)));
        all.extend(hsds::HsdsFile::ALL.iter().map(|&f| DataFile::Hsds(f)));
        all.extend(Dataset::ALL.iter().map(|&d| DataFile::Schema(d)));
        all.push(DataFile::CsvSchema);
        all
    }

    /// Where it lives, relative to the site's base (`data/organisations.json`).
    pub fn path(self) -> String {
        match self {
            DataFile::Json(d) => format!("data/{}.json", d.name()),
            DataFile::Schema(d) => format!("data/{}.schema.json", d.name()),
            DataFile::Csv => "data/organisations.csv".into(),
            DataFile::CsvSchema => "data/organisations.csv.schema.json".into(),
            DataFile::Hsds(f) => format!("data/hsds/{}", f.name()),
        }
    }

    /// The schema that describes it, when areena publishes one.
    pub fn schema(self) -> Option<DataFile> {
        match self {
            DataFile::Json(d) => Some(DataFile::Schema(d)),
            DataFile::Csv => Some(DataFile::CsvSchema),
            _ => None,
        }
    }
}

/// The licence of the data, as every areena JSON file states it.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub(crate) struct License<'a> {
    /// The SPDX identifier of the licence (`CC-BY-4.0`), from `[data] license` of site.toml.
    pub(crate) id: &'a str,
    /// Where the licence is explained, for the licences areena knows (`null` for others).
    pub(crate) url: Option<&'static str>,
}

/// The web page of the common licences of open data.
pub(crate) fn license_url(id: &str) -> Option<&'static str> {
    Some(match id.to_ascii_uppercase().as_str() {
        "CC-BY-4.0" => "https://creativecommons.org/licenses/by/4.0/",
        "CC-BY-SA-4.0" => "https://creativecommons.org/licenses/by-sa/4.0/",
        "CC0-1.0" => "https://creativecommons.org/publicdomain/zero/1.0/",
        "ODBL-1.0" => "https://opendatacommons.org/licenses/odbl/1-0/",
        "PDDL-1.0" => "https://opendatacommons.org/licenses/pddl/1-0/",
        _ => return None,
    })
}

pub(crate) fn license<'a>(r: &Renderer<'a>) -> License<'a> {
    let id = r.site.config.data_license.as_str();
    License { id, url: license_url(id) }
}

/// An error of writing a data file (it cannot happen with the values areena writes,
/// but it is reported rather than ignored).
pub(crate) fn output_error(file: &str, e: impl std::fmt::Display) -> Diagnostic {
    Diagnostic::error(
        Code::OutputError,
        file,
        None,
        tr!(
            en: "cannot write the open data file: {e}",
            fi: "avoimen datan tiedostoa ei voi kirjoittaa (tarkempi tekninen kuvaus englanniksi: `--lang en`)",
            sv: "filen med öppna data kan inte skrivas (en närmare teknisk beskrivning på engelska: `--lang en`)"
        ),
    )
}

/// Pretty JSON with a final newline, without the characters that pages and feeds
/// drop too (control characters, bidirectional overrides: see
/// [`crate::model::values::is_dropped_char`]). Serialised straight to bytes (a
/// `serde_json::Value` of a large directory's open data took gigabytes), then
/// cleaned by a scan of the bytes (copied only when something is dropped).
pub(crate) fn to_json<T: Serialize>(file: &str, value: &T) -> Result<Vec<u8>, Diagnostic> {
    to_json_sized(file, value, 0)
}

/// As [`to_json`], into a buffer of `capacity` bytes reserved at the start: a file of
/// hundreds of megabytes grown by doubling is copied again at each step. Reserved
/// memory that is not written to costs nothing.
pub(crate) fn to_json_sized<T: Serialize>(file: &str, value: &T, capacity: usize) -> Result<Vec<u8>, Diagnostic> {
    let mut bytes = Vec::with_capacity(capacity);
    serde_json::to_writer_pretty(&mut bytes, value).map_err(|e| output_error(file, e))?;
    bytes.push(b'\n');
    Ok(without_dropped_json_chars(bytes))
}

/// A generous size for a file holding every organisation's text: its description
/// and fields three times over (JSON escapes, indentation, keys).
pub(crate) fn size_hint(r: &Renderer<'_>) -> usize {
    r.site.organisations.iter().map(|o| 3 * o.body.markdown().len() + 4096).sum()
}

/// JSON text without the strings' [`is_dropped_char`](crate::model::values::is_dropped_char)
/// characters: those serde_json escapes (`\u0001`, `\b`, `\f`) and those it writes as
/// they are (DEL, the C1 controls, the bidirectional controls, U+FFFE, U+FFFF).
/// Outside strings JSON has only ASCII punctuation, digits and words, so only the
/// escapes need care: `\\u0001` is a backslash and the text `u0001`.
fn without_dropped_json_chars(bytes: Vec<u8>) -> Vec<u8> {
    /// The bytes the match below looks at: a backslash, DEL and the first bytes of
    /// the dropped characters of two and three bytes.
    const MAY_START_DROPPED: [bool; 256] = {
        let mut t = [false; 256];
        t[b'\\' as usize] = true;
        t[0x7f] = true;
        t[0xc2] = true;
        t[0xe2] = true;
        t[0xef] = true;
        t
    };
    let dropped = crate::model::values::is_dropped_char;
    let at = |i: usize| bytes.get(i).copied().unwrap_or(0);
    let mut out: Option<Vec<u8>> = None;
    let (mut start, mut i) = (0, 0);
    while i < bytes.len() {
        // Most bytes start nothing that could be dropped: skip them in a tight loop.
        if !MAY_START_DROPPED[usize::from(bytes[i])] {
            i += 1;
            continue;
        }
        // The length of a dropped character (or escape) at `i`, else of what to keep.
        let (drop, len) = match bytes[i] {
            b'\\' if at(i + 1) == b'u' => {
                let escaped = bytes
                    .get(i + 2..i + 6)
                    .and_then(|h| std::str::from_utf8(h).ok())
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .and_then(char::from_u32);
                (escaped.is_some_and(dropped), 6)
            }
            b'\\' => (matches!(at(i + 1), b'b' | b'f'), 2),
            0x7f => (true, 1),
            // U+0080–U+009F (C1 controls).
            0xc2 => (matches!(at(i + 1), 0x80..=0x9f), 2),
            // U+202A–U+202E and U+2066–U+2069 (bidirectional controls).
            0xe2 => (matches!((at(i + 1), at(i + 2)), (0x80, 0xaa..=0xae) | (0x81, 0xa6..=0xa9)), 3),
            // U+FFFE, U+FFFF.
            0xef => (matches!((at(i + 1), at(i + 2)), (0xbf, 0xbe | 0xbf)), 3),
            _ => (false, 1),
        };
        if drop {
            out.get_or_insert_with(|| Vec::with_capacity(bytes.len())).extend_from_slice(&bytes[start..i]);
            start = i + len;
        }
        i += len;
    }
    match out {
        None => bytes,
        Some(mut out) => {
            out.extend_from_slice(&bytes[start.min(bytes.len())..]);
            out
        }
    }
}

/// The JSON Schema (draft 2020-12) of `T`, with its title and, when given, `$id`.
fn schema_of<T: JsonSchema>(title: &str, id: Option<String>) -> serde_json::Value {
    let mut schema = schemars::SchemaGenerator::default().into_root_schema_for::<T>().to_value();
    if let Some(obj) = schema.as_object_mut() {
        obj.insert("title".into(), title.into());
        if let Some(id) = id {
            obj.insert("$id".into(), id.into());
        }
    }
    schema
}

pub(super) fn render(r: &Renderer<'_>, file: DataFile) -> Result<Output, Diagnostic> {
    let path = file.path();
    let url = r.routes.file(&path);
    let id = r.routes.absolute(&url);
    let bytes = match file {
        DataFile::Json(d) => records::json(r, d, &path)?,
        DataFile::Csv => records::organisations_csv(r, &path)?,
        DataFile::Schema(d) => to_json(&path, &records::schema(d, id))?,
        DataFile::CsvSchema => to_json(&path, &records::csv_schema(id))?,
        DataFile::Hsds(f) => hsds::render(r, f, &path)?,
    };
    Ok(Output { path: r.routes.output_path(&url), bytes })
}

/// The address of a data file.
pub(super) fn url(r: &Renderer<'_>, file: DataFile) -> String {
    r.routes.file(&file.path())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::values::without_dropped_chars;

    #[test]
    fn the_common_licences_have_their_pages() {
        for (id, url) in [
            ("CC-BY-4.0", "https://creativecommons.org/licenses/by/4.0/"),
            ("cc-by-sa-4.0", "https://creativecommons.org/licenses/by-sa/4.0/"),
            ("CC0-1.0", "https://creativecommons.org/publicdomain/zero/1.0/"),
            ("ODbL-1.0", "https://opendatacommons.org/licenses/odbl/1-0/"),
            ("PDDL-1.0", "https://opendatacommons.org/licenses/pddl/1-0/"),
        ] {
            assert_eq!(license_url(id), Some(url), "{id}");
        }
        assert_eq!(license_url("MIT"), None);
        assert_eq!(license_url("CC-BY"), None);
    }

    /// What `to_json` must write: the JSON of the value with the dropped characters
    /// taken out of its strings first.
    fn expected(s: &str) -> Vec<u8> {
        let clean = without_dropped_chars(s).unwrap_or_else(|| s.to_string());
        let mut v = serde_json::to_vec_pretty(&serde_json::json!({ "a": [clean] })).unwrap();
        v.push(b'\n');
        v
    }

    #[test]
    fn dropped_characters_leave_the_json_and_nothing_else_does() {
        for s in [
            "plain",
            "tab\tline\nreturn\r",
            "nul\u{0}bell\u{7}back\u{8}feed\u{c}esc\u{1b}unit\u{1f}",
            "del\u{7f}c1\u{80}\u{9f}",
            "bidi\u{202e}evil\u{2066}x\u{2069}",
            "nonchar\u{fffe}\u{ffff}",
            r"backslash \u0001 written out",
            "\\\u{1}\\",
            "quote \" and \\\" and \\\\",
            "ääkköset ja emoji 🎉 \u{2028}",
        ] {
            let got = to_json("t.json", &serde_json::json!({ "a": [s] })).unwrap();
            assert_eq!(String::from_utf8(got).unwrap(), String::from_utf8(expected(s)).unwrap(), "{s:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn any_string_is_cleaned_like_its_characters(s in "(\\PC|[\\x00-\\x1f\\x7f-\\x9f\u{202a}-\u{202e}\u{2066}-\u{2069}\u{fffe}\u{ffff}\\\\\"u0-9])*") {
            let got = to_json("t.json", &serde_json::json!({ "a": [s.as_str()] })).unwrap();
            proptest::prop_assert_eq!(got, expected(&s));
        }
    }
}
