//! `areena import organisations FILE.csv`: report the problems of the spreadsheet,
//! then list the files written (or, with `--dry-run`, those that would be).

use super::{Outcome, report};
use crate::cli::{Format, ImportArgs, ImportKind};
use crate::diagnostics::Language;
use crate::import::{self, Action, Imports, Options};
use crate::pipeline;

pub fn run(kind: &ImportKind) -> Outcome {
    let ImportKind::Organisations(args) = kind;
    let ImportArgs { file, map, theme, dry_run, skip_invalid, update, root, lang, format } = args;
    let lang = pipeline::report_language(root, *lang);
    if let Err(e) = pipeline::site_config(root) {
        eprintln!("error: {e}");
        return Outcome::UsageOrIo;
    }
    let opts = Options {
        file: file.clone(),
        map: map.clone(),
        theme: theme.clone(),
        dry_run: *dry_run,
        skip_invalid: *skip_invalid,
        update: *update,
        root: root.clone(),
    };
    let imports = match import::organisations(&opts) {
        Ok(i) => i,
        Err(e) => {
            eprintln!("error: {e}");
            return Outcome::UsageOrIo;
        }
    };
    if !imports.diagnostics.items().is_empty() {
        report(&imports.diagnostics, *format, lang);
    }
    // The files: on standard output, unless it carries the JSON report.
    let list = listing(&imports, *dry_run, lang);
    if *format == Format::Human {
        print!("{list}");
    } else {
        eprint!("{list}");
    }
    eprintln!("{}", summary(&imports, *dry_run, lang));
    if imports.diagnostics.has_errors() { Outcome::ContentErrors } else { Outcome::Ok }
}

/// One line per file written (or to be written): `new` or `updated`, and its path.
fn listing(imports: &Imports, dry_run: bool, lang: Language) -> String {
    if !imports.written && !dry_run {
        return String::new();
    }
    let mut out = String::new();
    for a in &imports.actions {
        let (word, path) = match (a, lang) {
            (Action::New(p), Language::Fi) => ("uusi", p),
            (Action::New(p), Language::Sv) => ("ny", p),
            (Action::New(p), Language::En) => ("new", p),
            (Action::Update(p), Language::Fi) => ("päivitetty", p),
            (Action::Update(p), Language::Sv) => ("uppdaterad", p),
            (Action::Update(p), Language::En) => ("updated", p),
        };
        out.push_str(&format!("{word}\t{path}\n"));
    }
    out
}

/// What was done, in one sentence.
fn summary(imports: &Imports, dry_run: bool, lang: Language) -> String {
    let new = imports.actions.iter().filter(|a| matches!(a, Action::New(_))).count();
    let updated = imports.actions.len() - new;
    let left = imports.invalid_rows;
    match (imports.written, dry_run, lang) {
        (true, _, Language::Fi) => format!("kirjoitettu: {new} uutta, {updated} päivitetty; {left} riviä jätetty pois"),
        (true, _, Language::Sv) => format!("skrivet: {new} nya, {updated} uppdaterade; {left} rader utelämnade"),
        (true, _, Language::En) => format!("written: {new} new, {updated} updated; {left} rows left out"),
        (false, true, Language::Fi) => {
            format!("kokeiluajo (--dry-run): {new} uutta ja {updated} päivitettävää; mitään ei kirjoitettu")
        }
        (false, true, Language::Sv) => {
            format!("provkörning (--dry-run): {new} nya och {updated} att uppdatera; inget skrevs")
        }
        (false, true, Language::En) => format!("dry run: {new} new and {updated} to update; nothing was written"),
        (false, false, Language::Fi) => {
            "mitään ei kirjoitettu: korjaa yllä olevat virheet, tai kirjoita kelvolliset rivit valitsimella --skip-invalid".into()
        }
        (false, false, Language::Sv) => {
            "inget skrevs: rätta felen ovan, eller skriv de giltiga raderna med --skip-invalid".into()
        }
        (false, false, Language::En) => {
            "nothing was written: fix the errors above, or write the valid rows with --skip-invalid".into()
        }
    }
}
