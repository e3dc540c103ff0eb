//! Rendering diagnostics for people (miette, with the source line and a caret under
//! the value) and for programs (one JSON object per line).

use std::collections::BTreeMap;
use std::fmt::Write as _;

use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteDiagnostic, NamedSource};
use serde::Serialize;

use super::{Diagnostic, Diagnostics, Language, Positions, Severity};

/// Lines longer than this are not drawn under a report (the report gives the
/// position only): drawing them is slow and unreadable.
const MAX_DRAWN_LINE: usize = 2_000;

/// In the human report, at most this many problems of one code in one file are
/// drawn; the rest are counted in one line (the JSON report has them all).
const MAX_PER_CODE_AND_FILE: usize = 50;

/// Line, column and (for drawing) whether the line is short enough, per file.
struct Places<'a> {
    diags: &'a Diagnostics,
    file: Option<&'a str>,
    positions: Option<Positions<'a>>,
}

impl<'a> Places<'a> {
    fn new(diags: &'a Diagnostics) -> Self {
        Places { diags, file: None, positions: None }
    }

    fn of(&mut self, d: &'a Diagnostic) -> (usize, usize) {
        if let Some(c) = d.cell {
            return (c.row, c.column);
        }
        if self.file != Some(d.file.as_str()) {
            self.file = Some(d.file.as_str());
            self.positions = Some(Positions::new(self.diags.source(&d.file).unwrap_or("")));
        }
        match (&d.span, self.positions.as_mut()) {
            (Some(s), Some(p)) => p.at(s.start),
            _ => (1, 1),
        }
    }
}

/// Whether the line that holds `offset` is short enough to draw.
fn drawable(source: &str, offset: usize) -> bool {
    let offset = offset.min(source.len());
    let start = source.as_bytes()[..offset].iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    let end = source.as_bytes()[offset..].iter().position(|&b| b == b'\n').map_or(source.len(), |i| offset + i);
    end - start <= MAX_DRAWN_LINE
}

/// How the human report is drawn.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub color: bool,
    pub width: usize,
}

impl Default for Style {
    fn default() -> Self {
        Style { color: false, width: 100 }
    }
}

/// Every diagnostic with its source context, then the summary line, in `lang`.
pub fn human(diags: &Diagnostics, style: Style, lang: Language) -> String {
    let theme = if style.color { GraphicalTheme::unicode() } else { GraphicalTheme::unicode_nocolor() };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(style.width)
        .with_links(false)
        .with_wrap_lines(false)
        .without_primary_span_start();
    let mut out = String::new();
    let mut places = Places::new(diags);
    let mut shown: std::collections::HashMap<(&str, &str), usize> = std::collections::HashMap::new();
    let mut held_back: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for d in diags.sorted() {
        let (line, col) = places.of(d);
        let n = shown.entry((d.file.as_str(), d.code.as_str())).or_default();
        *n += 1;
        if *n > MAX_PER_CODE_AND_FILE {
            *held_back.entry((d.file.as_str(), d.code.as_str())).or_default() += 1;
            continue;
        }
        let source = printable(diags.source(&d.file).unwrap_or(""));
        let source = source.as_ref();
        // A spreadsheet's column by its letters, as the spreadsheet shows it.
        let col = d.cell.map_or_else(|| col.to_string(), super::Cell::letters);
        let message = format!("{}:{}:{}: {}", d.file, line, col, d.message.get(lang));
        let mut md =
            MietteDiagnostic::new(printable(&message)).with_code(d.code.as_str()).with_severity(match d.severity {
                Severity::Error => miette::Severity::Error,
                Severity::Warning => miette::Severity::Warning,
            });
        let help = d.help.as_ref().map(|h| printable(h.get(lang)));
        let help = help.as_deref();
        if let Some(h) = help {
            md = md.with_help(h);
        }
        let report = match (&d.span, source.is_empty()) {
            (Some(span), false) if drawable(source, span.start) => {
                let start = span.start.min(source.len());
                let len = span.end.min(source.len()).saturating_sub(start);
                md = md.with_label(LabeledSpan::at(start..start + len, label_for(d, lang)));
                miette::Report::new(md).with_source_code(NamedSource::new(&d.file, source.to_string()))
            }
            _ => miette::Report::new(md),
        };
        let mut drawn = String::new();
        let _ = handler.render_report(&mut drawn, report.as_ref());
        out.push_str(&help_in(drawn, help, lang));
        out.push('\n');
    }
    for ((file, code), n) in held_back {
        let max = MAX_PER_CODE_AND_FILE;
        let line = match lang {
            Language::En => {
                format!("{file}: {n} more {code} not shown here (the first {max} are above; `--format json` lists all)")
            }
            Language::Fi => format!(
                "{file}: vielä {n} × {code}, joita ei näytetä tässä (ensimmäiset {max} ovat yllä; `--format json` luettelee kaikki)"
            ),
            Language::Sv => format!(
                "{file}: ytterligare {n} × {code} visas inte här (de första {max} finns ovan; `--format json` listar alla)"
            ),
        };
        let _ = writeln!(out, "{line}\n");
    }
    out.push_str(&summary(diags, lang));
    out.push('\n');
    out
}

/// `text` with the characters a terminal acts on instead of showing (escape
/// sequences that recolour text or retitle the window, bells, text-direction
/// overrides) each replaced by a visible one of the same length in bytes, so that
/// the places in a file stay where they are.
fn printable(text: &str) -> std::borrow::Cow<'_, str> {
    let acted_on = |c: char| {
        (c.is_control() && !matches!(c, '\n' | '\t' | '\r'))
            || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    };
    if !text.chars().any(acted_on) {
        return std::borrow::Cow::Borrowed(text);
    }
    text.chars()
        .map(|c| match c {
            c if !acted_on(c) => c,
            c if c.len_utf8() == 1 => '?',
            c if c.len_utf8() == 2 => '¿',
            _ => '\u{fffd}',
        })
        .collect::<String>()
        .into()
}

/// The drawn report with its `help:` line in `lang` (the drawing writes it in English).
fn help_in(drawn: String, help: Option<&str>, lang: Language) -> String {
    let word = match lang {
        Language::En => return drawn,
        Language::Fi => "ohje:",
        Language::Sv => "hjälp:",
    };
    let Some(help) = help else { return drawn };
    let before_help = drawn.rfind(help).unwrap_or(drawn.len());
    match drawn[..before_help].rfind("help:") {
        Some(at) => format!("{}{word}{}", &drawn[..at], &drawn[at + "help:".len()..]),
        None => drawn,
    }
}

fn label_for(d: &Diagnostic, lang: Language) -> String {
    let (error, warning) = match lang {
        Language::En => ("here", "this"),
        Language::Fi => ("tässä", "tämä"),
        Language::Sv => ("här", "detta"),
    };
    match d.severity {
        Severity::Error => error.to_string(),
        Severity::Warning => warning.to_string(),
    }
}

/// "3 errors, 1 warning in 2 files" / "no problems found", in `lang`.
pub fn summary(diags: &Diagnostics, lang: Language) -> String {
    let errors = diags.error_count();
    let warnings = diags.warning_count();
    if errors == 0 && warnings == 0 {
        return match lang {
            Language::En => "no problems found",
            Language::Fi => "ei ongelmia",
            Language::Sv => "inga problem hittades",
        }
        .to_string();
    }
    let mut files: Vec<&str> = diags.items().iter().map(|d| d.file.as_str()).collect();
    files.sort_unstable();
    files.dedup();
    let files = files.len();
    let plural = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    match lang {
        Language::En => format!(
            "{}, {} in {}",
            plural(errors, "error", "errors"),
            plural(warnings, "warning", "warnings"),
            plural(files, "file", "files")
        ),
        Language::Fi => format!(
            "{}, {} {}",
            plural(errors, "virhe", "virhettä"),
            plural(warnings, "varoitus", "varoitusta"),
            plural(files, "tiedostossa", "tiedostossa")
        ),
        Language::Sv => format!(
            "{}, {} i {}",
            plural(errors, "fel", "fel"),
            plural(warnings, "varning", "varningar"),
            plural(files, "fil", "filer")
        ),
    }
}

/// One problem as `--format json` writes it (also the base of what `serve` sends to
/// open pages).
#[derive(Serialize)]
pub(crate) struct JsonLine<'a> {
    pub(crate) file: &'a str,
    pub(crate) line: usize,
    pub(crate) column: usize,
    pub(crate) severity: &'static str,
    pub(crate) code: &'static str,
    pub(crate) message: &'a str,
    pub(crate) help: Option<&'a str>,
}

impl<'a> JsonLine<'a> {
    pub(crate) fn new(d: &'a Diagnostic, (line, column): (usize, usize), lang: Language) -> Self {
        JsonLine {
            file: &d.file,
            line,
            column,
            severity: d.severity.as_str(),
            code: d.code.as_str(),
            message: d.message.get(lang),
            help: d.help.as_ref().map(|h| h.get(lang)),
        }
    }
}

/// GitHub Actions workflow commands, one per diagnostic in report order
/// (`::error file=…,line=…,col=…,title=…::message`), so that a pull request shows
/// each problem on its line; then the summary as a notice.
pub fn github(diags: &Diagnostics, lang: Language) -> String {
    // Workflow command escapes: data and property values.
    let data = |s: &str| s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A");
    let prop = |s: &str| data(s).replace(':', "%3A").replace(',', "%2C");
    let mut out = String::new();
    let mut places = Places::new(diags);
    for d in diags.sorted() {
        let (line, col) = places.of(d);
        let level = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let mut message = d.message.get(lang).to_string();
        if let Some(h) = &d.help {
            message.push_str(match lang {
                Language::En => "\nhelp: ",
                Language::Fi => "\nohje: ",
                Language::Sv => "\nhjälp: ",
            });
            message.push_str(h.get(lang));
        }
        let _ = writeln!(
            out,
            "::{level} file={},line={line},col={col},title={}::{}",
            prop(&d.file),
            prop(d.code.as_str()),
            data(&message)
        );
    }
    let _ = writeln!(out, "::notice title=areena::{}", data(&summary(diags, lang)));
    out
}

/// One JSON object per line and per diagnostic, in report order, messages in `lang`.
pub fn json(diags: &Diagnostics, lang: Language) -> String {
    let mut out = String::new();
    let mut places = Places::new(diags);
    for d in diags.sorted() {
        let obj = JsonLine::new(d, places.of(d), lang);
        out.push_str(&serde_json::to_string(&obj).expect("diagnostics serialise"));
        out.push('\n');
    }
    out
}
