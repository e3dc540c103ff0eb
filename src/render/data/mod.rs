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
/// [`crate::model::values::is_dropped_char`]), in memory: see [`to_json_into`].
#[cfg(test)]
pub(crate) fn to_json<T: Serialize>(file: &str, value: &T) -> Result<Vec<u8>, Diagnostic> {
    let mut bytes = Vec::new();
    to_json_into(file, value, &mut bytes)?;
    Ok(bytes)
}

/// As [`to_json`], written on to `out` as it is made: serialised straight to bytes (a
/// `serde_json::Value` of a large directory's open data took gigabytes) and cleaned
/// a chunk at a time ([`CleanJson`]), so that a file of hundreds of megabytes is never
/// held whole in memory.
pub(crate) fn to_json_into<T: Serialize>(file: &str, value: &T, out: &mut dyn Write) -> Result<(), Diagnostic> {
    let mut clean = CleanJson::new(out);
    serde_json::to_writer_pretty(&mut clean, value).map_err(|e| output_error(file, e))?;
    clean.write_all(b"\n").and_then(|()| clean.finish()).map_err(|e| output_error(file, e))
}

/// A writer of JSON text that passes it on to `out` without the strings'
/// [`is_dropped_char`](crate::model::values::is_dropped_char) characters: those
/// serde_json escapes (`\u0001`, `\b`, `\f`) and those it writes as they are (DEL,
/// the C1 controls, the bidirectional controls, U+FFFE, U+FFFF). What is written is
/// held until a chunk has gathered, then cleaned and passed on, all but its last few
/// bytes (the start of an escape or character that the next write completes).
pub(crate) struct CleanJson<W: Write> {
    out: W,
    pending: Vec<u8>,
    chunk: usize,
}

/// The longest sequence the cleaning drops, less one: `\u0001` is six bytes.
const LONGEST_DROPPED: usize = 5;

impl<W: Write> CleanJson<W> {
    pub(crate) fn new(out: W) -> Self {
        Self::with_chunk(out, 64 * 1024)
    }

    fn with_chunk(out: W, chunk: usize) -> Self {
        CleanJson { out, pending: Vec::with_capacity(chunk.saturating_add(LONGEST_DROPPED + 64).min(1 << 17)), chunk }
    }

    /// Clean and pass on what is pending; all of it when `last`.
    fn pass_on(&mut self, last: bool) -> io::Result<()> {
        let stop = if last { self.pending.len() } else { self.pending.len().saturating_sub(LONGEST_DROPPED) };
        let (out, mut result) = (&mut self.out, Ok(()));
        let scanned = scan_json(&self.pending, stop, |kept| {
            if result.is_ok() {
                result = out.write_all(kept);
            }
        });
        result?;
        self.pending.drain(..scanned);
        Ok(())
    }

    /// Pass everything on and flush `out`.
    pub(crate) fn finish(mut self) -> io::Result<()> {
        self.pass_on(true)?;
        self.out.flush()
    }
}

impl<W: Write> Write for CleanJson<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.pending.extend_from_slice(buf);
        if self.pending.len() >= self.chunk {
            self.pass_on(false)?;
        }
        Ok(buf.len())
    }

    /// Passes on all but the bytes that may begin a dropped character.
    fn flush(&mut self) -> io::Result<()> {
        self.pass_on(false)?;
        self.out.flush()
    }
}

/// Scans JSON text from its start to `stop` (or a little past it, to the end of an
/// escape or character begun before it), handing what is kept to `kept`, and
/// returns where it stopped. Outside strings JSON has only ASCII punctuation, digits
/// and words, so only the escapes need care: `\\u0001` is a backslash and the text
/// `u0001`.
fn scan_json(bytes: &[u8], stop: usize, mut kept: impl FnMut(&[u8])) -> usize {
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
    let (mut start, mut i) = (0, 0);
    while i < stop {
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
            kept(&bytes[start..i]);
            start = i + len;
        }
        i += len;
    }
    let end = i.min(bytes.len());
    kept(&bytes[start.min(end)..end]);
    end
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

    /// JSON written through [`CleanJson`] in chunks of `chunk` bytes, as `pieces`.
    fn cleaned_in_chunks(pieces: &[&[u8]], chunk: usize) -> Vec<u8> {
        let mut out = Vec::new();
        let mut clean = CleanJson::with_chunk(&mut out, chunk);
        for p in pieces {
            clean.write_all(p).unwrap();
        }
        clean.finish().unwrap();
        out
    }

    #[test]
    fn an_escape_split_between_writes_is_still_dropped() {
        let json = br#"["a\u0001b\\u0001\f\u202e\n"]"#;
        let whole = cleaned_in_chunks(&[json], usize::MAX);
        assert_eq!(whole, br#"["ab\\u0001\n"]"#);
        for at in 0..json.len() {
            for chunk in 1..8 {
                let (a, b) = json.split_at(at);
                assert_eq!(cleaned_in_chunks(&[a, b], chunk), whole, "split at {at}, chunks of {chunk}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn any_string_is_cleaned_like_its_characters(s in "(\\PC|[\\x00-\\x1f\\x7f-\\x9f\u{202a}-\u{202e}\u{2066}-\u{2069}\u{fffe}\u{ffff}\\\\\"u0-9])*") {
            let got = to_json("t.json", &serde_json::json!({ "a": [s.as_str()] })).unwrap();
            proptest::prop_assert_eq!(got, expected(&s));
        }

        #[test]
        fn chunks_and_writes_of_any_size_clean_alike(
            s in "(\\PC|[\\x00-\\x1f\\x7f-\\x9f\u{202a}-\u{202e}\u{2066}-\u{2069}\u{fffe}\u{ffff}\\\\\"u0-9])*",
            chunk in 1usize..24,
            cut in 1usize..9,
        ) {
            let json = serde_json::to_vec_pretty(&serde_json::json!({ "a": [s.as_str()] })).unwrap();
            let pieces: Vec<&[u8]> = json.chunks(cut).collect();
            let mut want = expected(&s);
            want.pop();
            proptest::prop_assert_eq!(cleaned_in_chunks(&pieces, chunk), want);
        }
    }
}
