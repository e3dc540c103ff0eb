//! Diagnostics: every problem an editor can cause, as a value with a place and a fix.
//!
//! A [`Diagnostic`] names the file (relative to the site root), a byte span in that
//! file, a stable [`Code`], a message written for an editor and an optional `help`
//! with the fix. Stages push diagnostics into a [`Diagnostics`] collector and carry on;
//! only a stage boundary decides to stop. Rendering (human or JSON) lives in
//! [`report`]; "did you mean" lives in [`suggest`].
//!
//! Invariant: a span always lies inside the file it names, so line and column can be
//! computed from the file's text alone (see [`position`]).

pub mod i18n;
pub mod report;
pub mod suggest;

pub(crate) use i18n::tr;
pub use i18n::{Language, Localized};

use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::Arc;

/// How bad a problem is. Errors fail `check` and `build`; warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

macro_rules! codes {
    ($( $(#[$doc:meta])* $variant:ident = $text:literal, )*) => {
        /// The stable identifier of a kind of problem; documented in `docs/errors.md`.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code { $( $(#[$doc])* $variant, )* }

        impl Code {
            /// Every code, in declaration order (used to check the documentation).
            pub const ALL: &'static [Code] = &[ $( Code::$variant, )* ];

            /// The code as written in reports, e.g. `unknown-municipality`.
            pub fn as_str(self) -> &'static str {
                match self { $( Code::$variant => $text, )* }
            }
        }
    };
}

codes! {
    /// A file could not be read at all.
    Io = "io",
    /// The file is not valid UTF-8.
    NotUtf8 = "not-utf8",
    /// The file has no content.
    EmptyFile = "empty-file",
    /// A Markdown file does not start with a `+++` line.
    MissingFrontMatter = "missing-front-matter",
    /// The closing `+++` line of the front matter is missing.
    UnclosedFrontMatter = "unclosed-front-matter",
    /// The TOML cannot be parsed.
    TomlSyntax = "toml-syntax",
    /// A key that this kind of file does not have.
    UnknownKey = "unknown-key",
    /// A value of the wrong type (text where a number belongs, ...).
    WrongType = "wrong-type",
    /// A required field is missing.
    MissingField = "missing-field",
    /// A required list is empty.
    EmptyList = "empty-list",
    /// A file name that is not a slug.
    BadFileName = "bad-file-name",
    /// A file the site needs is missing (`content/themes.toml`, a table's `index.md`).
    MissingFile = "missing-file",
    /// A file in a place where areena does not look for that kind of file.
    UnexpectedFile = "unexpected-file",
    /// A meeting note whose file name does not start with its date.
    NoteFileName = "note-file-name",
    /// A meeting note whose `date` differs from the date in its file name.
    NoteDateMismatch = "note-date-mismatch",
    /// An id or slug written in a value that is not a valid slug.
    InvalidSlug = "invalid-slug",
    /// Two entities of one kind share a slug, or two themes share an id.
    DuplicateSlug = "duplicate-slug",
    /// An event whose file name does not start with its start date.
    EventFileName = "event-file-name",
    /// An event whose `start` is on another day than the date in its file name.
    EventDateMismatch = "event-date-mismatch",
    /// An event whose `end` is before its `start`.
    EventEndBeforeStart = "event-end-before-start",
    /// An event organiser that is neither an organisation nor a network.
    UnknownOrganiser = "unknown-organiser",
    /// An event with neither `organisers` nor `organiser_text`.
    NoOrganiser = "no-organiser",
    /// An event that is neither online nor in a municipality.
    NoEventPlace = "no-event-place",
    /// A partnership table slug with no folder in `content/partnership-tables/`.
    UnknownTable = "unknown-table",
    /// A free page's slug is taken by one of the site's own sections.
    ReservedSlug = "reserved-slug",
    /// A theme id that is not in `content/themes.toml`.
    UnknownTheme = "unknown-theme",
    /// A municipality that is not in the list of municipalities.
    UnknownMunicipality = "unknown-municipality",
    /// A region (maakunta) that does not exist.
    UnknownRegion = "unknown-region",
    /// A network slug with no file in `content/networks/`.
    UnknownNetwork = "unknown-network",
    /// An organisation slug with no file in `content/organisations/`.
    UnknownOrganisation = "unknown-organisation",
    /// A convener that is neither an organisation nor a network.
    UnknownConvener = "unknown-convener",
    /// A `kind` value that is not one of the allowed ones.
    InvalidKind = "invalid-kind",
    /// A field of a translation that is not said in words (only text is translated).
    UntranslatableField = "untranslatable-field",
    /// A translation `<stem>.<lang>.md` with no `<stem>.md` beside it.
    TranslationWithoutOriginal = "translation-without-original",
    /// A translation in a language that is not in `languages` of site.toml.
    TranslationLanguage = "translation-language",
    /// Two files that translate the same file into the same language.
    DuplicateTranslation = "duplicate-translation",
    /// A Y-tunnus that is not of the form 1234567-8.
    InvalidBusinessId = "invalid-business-id",
    /// A Y-tunnus whose check digit does not match its digits.
    BusinessIdCheckDigit = "business-id-check-digit",
    /// An organisation that says nowhere where it acts.
    NoArea = "no-area",
    /// A web address that is not an http(s) URL.
    InvalidUrl = "invalid-url",
    /// An email address that cannot be right.
    InvalidEmail = "invalid-email",
    /// A phone number with characters a phone number cannot have.
    InvalidPhone = "invalid-phone",
    /// A date that does not exist, or a date with a time where only a date belongs.
    InvalidDate = "invalid-date",
    /// A year that is not a plausible founding year.
    InvalidYear = "invalid-year",
    /// A language code that is not ISO 639-1.
    UnknownLanguageCode = "unknown-language-code",
    /// A site language areena has no interface text for.
    UnknownSiteLanguage = "unknown-site-language",
    /// A site theme (look and feel) that is neither built in nor a folder under `themes/`.
    UnknownSiteTheme = "unknown-site-theme",
    /// A file under `static/` that a field or a Markdown image points to is missing.
    MissingStaticFile = "missing-static-file",
    /// A logo without alternative text.
    MissingAltText = "missing-alt-text",
    /// A link in Markdown to a content file that does not exist.
    BrokenLink = "broken-link",
    /// A link whose scheme could run code in the reader's browser.
    UnsafeLink = "unsafe-link",
    /// A value that is not allowed for another reason.
    InvalidValue = "invalid-value",
    /// An output folder that areena must not replace (the sources, a home folder, a
    /// folder of other files, a file).
    UnsafeOutput = "unsafe-output",
    /// A template or interface-text file of the site theme cannot be used.
    TemplateError = "template-error",
    /// Writing the output failed.
    OutputError = "output-error",
    /// Warning: an organisation whose `updated` is older than `stale_after_months`.
    StaleEntry = "stale-entry",
    /// Warning: a network with no members.
    EmptyNetwork = "empty-network",
    /// Warning: a reference to a draft, which is left out of the site.
    DraftReference = "draft-reference",
    /// Warning (`check --external-links` only): an external address that does not answer.
    BrokenExternalLink = "broken-external-link",
    /// Warning: an image in Markdown without alt text.
    ImageWithoutAlt = "image-without-alt",
    /// Warning: control or direction-override characters in a text, which are left out.
    ControlCharacter = "control-character",
    /// Warning: a name with invisible characters, or two names that look the same.
    LookAlikeName = "look-alike-name",
    /// Warning: a heading with `{.class key=value}` attributes, which are left out.
    HeadingAttribute = "heading-attribute",
    /// Warning: the accessibility statement lacks its feedback channel or assessment date.
    IncompleteStatement = "incomplete-statement",
    /// `areena import`: a row of the spreadsheet with fewer cells than the heading row.
    RowLength = "row-length",
    /// Warning (`areena import`): a column whose heading names no field; it is left out.
    UnknownColumn = "unknown-column",
}

/// One problem, at one place, with its fix.
#[derive(Debug, Clone)]
pub struct Diagnostic {
    /// Path relative to the site root, `/`-separated.
    pub file: String,
    /// Byte range in the file; `None` for a problem with the whole file.
    pub span: Option<Range<usize>>,
    /// In a spreadsheet (a CSV file): the row and column as the spreadsheet numbers
    /// them, reported in place of the line and column of `span` (a cell may hold
    /// several lines).
    pub cell: Option<Cell>,
    pub severity: Severity,
    pub code: Code,
    /// What is wrong, in every language of the reports.
    pub message: Localized,
    /// The fix, in every language of the reports.
    pub help: Option<Localized>,
}

impl Diagnostic {
    pub fn error(code: Code, file: &str, span: Option<Range<usize>>, message: Localized) -> Self {
        Diagnostic { file: file.to_string(), span, cell: None, severity: Severity::Error, code, message, help: None }
    }

    pub fn warning(code: Code, file: &str, span: Option<Range<usize>>, message: Localized) -> Self {
        Diagnostic { severity: Severity::Warning, ..Diagnostic::error(code, file, span, message) }
    }

    pub fn with_help(mut self, help: Localized) -> Self {
        self.help = Some(help);
        self
    }

    /// The problem is in this cell of a spreadsheet.
    pub fn in_cell(mut self, row: usize, column: usize) -> Self {
        self.cell = Some(Cell { row, column });
        self
    }

    pub fn with_help_opt(mut self, help: Option<Localized>) -> Self {
        self.help = help;
        self
    }
}

/// A cell of a spreadsheet: the row (the heading row is 1) and the column (A is 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Cell {
    pub row: usize,
    pub column: usize,
}

impl Cell {
    /// The column's letters as a spreadsheet shows them: 1 → `A`, 27 → `AA`.
    pub fn letters(self) -> String {
        let mut n = self.column;
        let mut out = Vec::new();
        while n > 0 {
            let rem = (n - 1) % 26;
            out.push(b'A' + rem as u8);
            n = (n - 1) / 26;
        }
        out.reverse();
        String::from_utf8(out).expect("ASCII")
    }
}

/// All diagnostics of a run, and the text of every file they point into.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
    sources: BTreeMap<String, Arc<str>>,
}

impl Diagnostics {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn push(&mut self, d: Diagnostic) {
        self.items.push(d);
    }

    pub fn extend(&mut self, ds: impl IntoIterator<Item = Diagnostic>) {
        self.items.extend(ds);
    }

    /// Remember a file's text so that reports can show its lines.
    pub fn add_source(&mut self, file: &str, text: Arc<str>) {
        self.sources.insert(file.to_string(), text);
    }

    /// Forget the text of files that no report points into.
    pub fn keep_reported_sources(&mut self) {
        let files: std::collections::HashSet<&str> = self.items.iter().map(|d| d.file.as_str()).collect();
        self.sources.retain(|f, _| files.contains(f.as_str()));
    }

    /// The shared text of a file, as added.
    pub fn source_text(&self, file: &str) -> Option<Arc<str>> {
        self.sources.get(file).cloned()
    }

    pub fn source(&self, file: &str) -> Option<&str> {
        self.sources.get(file).map(|s| &**s)
    }

    pub fn error_count(&self) -> usize {
        self.items.iter().filter(|d| d.severity == Severity::Error).count()
    }

    pub fn warning_count(&self) -> usize {
        self.items.iter().filter(|d| d.severity == Severity::Warning).count()
    }

    pub fn has_errors(&self) -> bool {
        self.error_count() > 0
    }

    /// The diagnostics sorted by file, line and column, then code (stable output).
    pub fn sorted(&self) -> Vec<&Diagnostic> {
        let mut v: Vec<&Diagnostic> = self.items.iter().collect();
        v.sort_by(|a, b| {
            let pa = a.span.as_ref().map(|s| s.start).unwrap_or(0);
            let pb = b.span.as_ref().map(|s| s.start).unwrap_or(0);
            (&a.file, pa, a.cell, a.code, &a.message).cmp(&(&b.file, pb, b.cell, b.code, &b.message))
        });
        v
    }

    pub fn items(&self) -> &[Diagnostic] {
        &self.items
    }
}

/// 1-based line and column (in characters) of a byte offset in `text`.
pub fn position(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map(|i| i + 1).unwrap_or(0);
    let column = text[line_start..offset].chars().count() + 1;
    (line, column)
}

/// Line and column of many offsets of one text, in linear time when the offsets come
/// in order (as in a sorted report): a file with 100,000 problems on one line is
/// reported in one pass, not one pass per problem.
pub struct Positions<'a> {
    text: &'a str,
    line_starts: Vec<usize>,
    /// The last answer: byte offset, line, column.
    last: (usize, usize, usize),
}

impl<'a> Positions<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Positions { text, line_starts, last: (0, 1, 1) }
    }

    /// 1-based line and column (in characters) of a byte offset, as [`position`].
    pub fn at(&mut self, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_starts.partition_point(|&s| s <= offset);
        let (last_offset, last_line, last_col) = self.last;
        let column = if last_line == line && last_offset <= offset {
            last_col + self.text[last_offset..offset].chars().count()
        } else {
            self.text[self.line_starts[line - 1]..offset].chars().count() + 1
        };
        self.last = (offset, line, column);
        (line, column)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_in_order_and_out_of_order_agree_with_position() {
        let text = "+++\nname = \"Äö\"\nx = [\"å\", \"b\", \"c\"]\n\nloppu";
        let mut p = Positions::new(text);
        let offsets: Vec<usize> = (0..=text.len() + 3).chain((0..text.len()).rev()).chain([7, 30, 2, 30]).collect();
        for o in offsets {
            assert_eq!(p.at(o), position(text, o), "offset {o}");
        }
    }

    #[test]
    fn positions_on_first_and_later_lines() {
        let text = "+++\nname = \"Ä\"\nx = 1\n";
        assert_eq!(position(text, 0), (1, 1));
        assert_eq!(position(text, 4), (2, 1));
        // the closing quote after Ä (Ä is two bytes)
        let q = text.rfind('"').unwrap();
        assert_eq!(position(text, q), (2, 10));
        assert_eq!(position(text, text.find('x').unwrap()), (3, 1));
        assert_eq!(position(text, 10_000), (4, 1));
    }

    #[test]
    fn column_letters() {
        let letters = |column| Cell { row: 1, column }.letters();
        assert_eq!(
            [letters(1), letters(3), letters(26), letters(27), letters(52), letters(703)],
            ["A", "C", "Z", "AA", "AZ", "AAA"]
        );
    }

    #[test]
    fn codes_are_unique_and_kebab_case() {
        let mut seen = std::collections::HashSet::new();
        for c in Code::ALL {
            assert!(seen.insert(c.as_str()), "duplicate {}", c.as_str());
            assert!(c.as_str().chars().all(|ch| ch.is_ascii_lowercase() || ch == '-' || ch.is_ascii_digit()));
        }
    }
}
