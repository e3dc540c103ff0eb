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

use std::io::{self, Write};

use schemars::JsonSchema;
use serde::Serialize;

use super::{Output, Renderer};
use crate::diagnostics::{Code, Diagnostic, tr};
pub use records::{csv_safe, write_safe_record};

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

/// JSON (laid out as [`Clean`] says) with a final newline, without the characters that pages and feeds
/// drop too (control characters, bidirectional overrides: see
/// [`crate::model::values::is_dropped_char`]), in memory: see [`to_json_into`].
#[cfg(test)]
pub(crate) fn to_json<T: Serialize>(file: &str, value: &T) -> Result<Vec<u8>, Diagnostic> {
    let mut bytes = Vec::new();
    to_json_into(file, value, &mut bytes)?;
    Ok(bytes)
}

/// As [`to_json`], written on to `out` as it is made: serialised straight to bytes (a
/// `serde_json::Value` of a large directory's open data took gigabytes), so that a
/// file of hundreds of megabytes is never held whole in memory, and cleaned as it is
/// written ([`Clean`]).
pub(crate) fn to_json_into<T: Serialize>(file: &str, value: &T, out: &mut dyn Write) -> Result<(), Diagnostic> {
    let mut chunks = Chunks { buf: Vec::with_capacity(CHUNK + CHUNK / 4), out };
    let mut ser = serde_json::Serializer::with_formatter(&mut chunks, Clean::default());
    value.serialize(&mut ser).map_err(|e| output_error(file, e))?;
    chunks.write_all(b"\n").and_then(|()| chunks.flush()).map_err(|e| output_error(file, e))
}

/// How many bytes [`Chunks`] gathers before it hands them on.
const CHUNK: usize = 64 * 1024;

/// Gathers the many small pieces a serialiser writes (a quote, a colon, an indent)
/// into a buffer of its own, handed on to `out` a chunk at a time: appending to a
/// buffer the serialiser knows is a few instructions, while each write through
/// `&mut dyn Write` is a call (22 million for the open data of 10,000
/// organisations).
struct Chunks<'a> {
    buf: Vec<u8>,
    out: &'a mut dyn Write,
}

impl Write for Chunks<'_> {
    #[inline]
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.write_all(bytes)?;
        Ok(bytes.len())
    }

    #[inline]
    fn write_all(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.buf.extend_from_slice(bytes);
        if self.buf.len() >= CHUNK {
            self.out.write_all(&self.buf)?;
            self.buf.clear();
        }
        Ok(())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.write_all(&self.buf)?;
        self.buf.clear();
        self.out.flush()
    }
}

/// JSON without the strings'
/// [`is_dropped_char`](crate::model::values::is_dropped_char) characters: those
/// serde_json escapes (`\u0001`, `\b`, `\f`) and those it writes as they are (DEL,
/// the C1 controls, the bidirectional controls, U+FFFE, U+FFFF). A formatter sees
/// each escape and each unescaped piece of a string (or key) on its own, so nothing
/// that looks like an escape in the text itself (`\\u0001`) is touched.
///
/// Laid out as pretty JSON down to the values of the first array (an organisation, a
/// service, a meeting note's table), each of which is written compactly on a line
/// of its own: a change to one organisation is a change to one line, and the file
/// has no indentation inside the records (a fifth of the services' bytes).
#[derive(Default)]
struct Clean {
    /// The arrays and objects open, outermost first.
    open: Vec<Level>,
    /// How many of them are arrays.
    arrays: usize,
}

struct Level {
    /// Each value on a line of its own (no array is around it).
    lined: bool,
    has_value: bool,
}

impl Clean {
    fn begin<W: ?Sized + Write>(&mut self, w: &mut W, array: bool) -> io::Result<()> {
        self.open.push(Level { lined: self.arrays == 0, has_value: false });
        self.arrays += usize::from(array);
        w.write_all(if array { b"[" } else { b"{" })
    }

    fn end<W: ?Sized + Write>(&mut self, w: &mut W, array: bool) -> io::Result<()> {
        let level = self.open.pop();
        self.arrays -= usize::from(array);
        if level.is_some_and(|l| l.lined && l.has_value) {
            self.line(w)?;
        }
        w.write_all(if array { b"]" } else { b"}" })
    }

    /// Whether the innermost open level puts each value on a line of its own.
    fn lined(&self) -> bool {
        self.open.last().is_some_and(|l| l.lined)
    }

    /// Before a value of an array or a key of an object.
    fn item<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        if !first {
            w.write_all(b",")?;
        }
        if self.lined() { self.line(w) } else { Ok(()) }
    }

    /// A line break and the indent of the open levels.
    fn line<W: ?Sized + Write>(&self, w: &mut W) -> io::Result<()> {
        w.write_all(b"\n")?;
        (0..self.open.len()).try_for_each(|_| w.write_all(b"  "))
    }

    /// After a value of an array or an object.
    fn done(&mut self) {
        if let Some(l) = self.open.last_mut() {
            l.has_value = true;
        }
    }
}

impl serde_json::ser::Formatter for Clean {
    fn write_char_escape<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        escape: serde_json::ser::CharEscape,
    ) -> io::Result<()> {
        use serde_json::ser::CharEscape;
        match escape {
            // The controls below U+0020 other than the tab and the line ends.
            CharEscape::Backspace | CharEscape::FormFeed | CharEscape::AsciiControl(_) => Ok(()),
            e => serde_json::ser::CompactFormatter.write_char_escape(writer, e),
        }
    }

    fn write_string_fragment<W: ?Sized + Write>(&mut self, writer: &mut W, fragment: &str) -> io::Result<()> {
        match crate::model::values::without_dropped_chars(fragment) {
            Some(kept) => writer.write_all(kept.as_bytes()),
            None => writer.write_all(fragment.as_bytes()),
        }
    }

    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.begin(w, true)
    }
    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.end(w, true)
    }
    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.item(w, first)
    }
    fn end_array_value<W: ?Sized + Write>(&mut self, _: &mut W) -> io::Result<()> {
        self.done();
        Ok(())
    }
    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.begin(w, false)
    }
    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.end(w, false)
    }
    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.item(w, first)
    }
    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        w.write_all(if self.lined() { b": " } else { b":" })
    }
    fn end_object_value<W: ?Sized + Write>(&mut self, _: &mut W) -> io::Result<()> {
        self.done();
        Ok(())
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

/// A data file in memory (for `serve`, which answers one request at a time).
pub(super) fn render(r: &Renderer<'_>, file: DataFile) -> Result<Output, Diagnostic> {
    let mut bytes = Vec::new();
    write(r, file, &mut bytes)?;
    Ok(Output { path: output_path(r, file), bytes })
}

/// Where a data file is written in the output.
pub(super) fn output_path(r: &Renderer<'_>, file: DataFile) -> std::path::PathBuf {
    r.routes.output_path(&url(r, file))
}

/// Write a data file on to `out` as it is made: a build writes it straight to its
/// file, so that the open data of a large directory (hundreds of megabytes) is never
/// held in memory whole.
pub(super) fn write(r: &Renderer<'_>, file: DataFile, out: &mut dyn Write) -> Result<(), Diagnostic> {
    let path = file.path();
    let id = r.routes.absolute(&url(r, file));
    match file {
        DataFile::Json(d) => records::json(r, d, &path, out),
        DataFile::Csv => records::organisations_csv(r, &path, out),
        DataFile::Schema(d) => to_json_into(&path, &records::schema(d, id), out),
        DataFile::CsvSchema => to_json_into(&path, &records::csv_schema(id), out),
        DataFile::Hsds(f) => hsds::write(r, f, &path, out),
    }
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
    fn each_value_of_the_first_array_is_on_a_line_of_its_own() {
        // (serde_json's maps keep their keys in A–Z order.)
        let v = serde_json::json!({
            "empty": [],
            "items": [{ "a": [1, 2], "b": { "c": null, "d": "x y" } }, { "a": [] }, {}],
            "license": { "id": "CC0-1.0", "url": "https://x.example/" },
        });
        let got = String::from_utf8(to_json("t.json", &v).unwrap()).unwrap();
        assert_eq!(
            got,
            "{\n  \"empty\": [],\n  \"items\": [\n    {\"a\":[1,2],\"b\":{\"c\":null,\"d\":\"x y\"}},\n    \
             {\"a\":[]},\n    {}\n  ],\n  \"license\": {\n    \"id\": \"CC0-1.0\",\n    \
             \"url\": \"https://x.example/\"\n  }\n}\n"
        );
        assert_eq!(serde_json::from_str::<serde_json::Value>(&got).unwrap(), v);
        let got = String::from_utf8(to_json("t.json", &serde_json::json!([{ "x": 1 }, { "y": [2, [3]] }])).unwrap());
        assert_eq!(got.unwrap(), "[\n  {\"x\":1},\n  {\"y\":[2,[3]]}\n]\n");
        assert_eq!(String::from_utf8(to_json("t.json", &serde_json::json!([])).unwrap()).unwrap(), "[]\n");
    }

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

    #[test]
    fn keys_are_cleaned_and_text_that_looks_like_an_escape_is_kept() {
        let got = to_json("t.json", &serde_json::json!({ "k\u{1}e\u{202e}y": r"\u0001 \b" })).unwrap();
        assert_eq!(String::from_utf8(got).unwrap(), "{\n  \"key\": \"\\\\u0001 \\\\b\"\n}\n");
    }

    proptest::proptest! {
        #[test]
        fn any_string_is_cleaned_like_its_characters(s in "(\\PC|[\\x00-\\x1f\\x7f-\\x9f\u{202a}-\u{202e}\u{2066}-\u{2069}\u{fffe}\u{ffff}\\\\\"u0-9])*") {
            let got = to_json("t.json", &serde_json::json!({ "a": [s.as_str()] })).unwrap();
            proptest::prop_assert_eq!(got, expected(&s));
        }
    }
}
