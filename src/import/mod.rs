//! `areena import organisations FILE.csv`: one organisation file per row of a
//! spreadsheet, so that a federation can start its directory from a member list or
//! a register export.
//!
//! The import reads the site (themes, municipalities, the organisations it has),
//! then the spreadsheet ([`table`]), maps the columns by their headings
//! ([`columns`]), checks every row ([`rows`]) and finds the rows that repeat one
//! another or an organisation the site has. Every problem is a diagnostic at the
//! row and column of its cell. Files are written ([`files`]) only when there is no
//! error (or with `skip_invalid`, for the valid rows), then checked as `areena
//! check` checks them; if one of them has an error, every file is put back as it
//! was.
//!
//! It never writes the output of a build: it writes sources, beside the pipeline.

pub(crate) mod columns;
pub(crate) mod files;
pub(crate) mod rows;
pub(crate) mod table;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::diagnostics::{Code, Diagnostic, Diagnostics, tr};
use crate::layout::{CONTENT, ORGANISATIONS};
use crate::model::Site;
use crate::model::values::look_alike_key;
use crate::pipeline::{self, Settings};
use columns::{Field, Mapping};
use rows::{Imported, ThemeNames};

/// What to import, and how.
#[derive(Debug, Clone)]
pub(crate) struct Options {
    pub(crate) file: PathBuf,
    pub(crate) map: Option<PathBuf>,
    pub(crate) theme: Option<String>,
    pub(crate) dry_run: bool,
    pub(crate) skip_invalid: bool,
    pub(crate) update: bool,
    pub(crate) root: PathBuf,
}

/// What becomes of one valid row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Action {
    /// A new file (path relative to the site root).
    New(String),
    /// An existing file whose imported fields change.
    Update(String),
}

/// The outcome of an import.
#[derive(Debug)]
pub(crate) struct Imports {
    pub(crate) diagnostics: Diagnostics,
    /// Each valid row's file, in the order of the rows.
    pub(crate) actions: Vec<Action>,
    /// Whether the files were written.
    pub(crate) written: bool,
    /// Rows with errors (left out with `skip_invalid`).
    pub(crate) invalid_rows: usize,
}

/// Why an import could not start.
#[derive(Debug)]
pub(crate) enum ImportError {
    Site(crate::load::LoadError),
    Read { path: PathBuf, source: std::io::Error },
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ImportError::Site(e) => write!(f, "{e}"),
            ImportError::Read { path, source } => write!(f, "cannot read {}: {source}", path.display()),
        }
    }
}

/// How the command line's file is named in reports: as given.
fn shown(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

/// Import the organisations of `opts.file` into the site at `opts.root`.
pub(crate) fn organisations(opts: &Options) -> Result<Imports, ImportError> {
    let today = pipeline::today();
    let site = pipeline::check(&opts.root, Settings { drafts: true, today }).map_err(ImportError::Site)?.site;
    let mut diags = Diagnostics::new();
    let mapping = match &opts.map {
        Some(p) => {
            let text = std::fs::read_to_string(p).map_err(|e| ImportError::Read { path: p.clone(), source: e })?;
            Mapping::parse(&shown(p), &text, &mut diags)
        }
        None => Mapping::default(),
    };
    let bytes = std::fs::read(&opts.file).map_err(|e| ImportError::Read { path: opts.file.clone(), source: e })?;
    let file = shown(&opts.file);
    let (text, _) = table::decode(&bytes);
    diags.add_source(&file, Arc::from(text.as_str()));
    let themes = theme_names(&opts.root, &site);
    let default_theme = opts.theme.as_deref().and_then(|t| match rows::theme(&themes, t) {
        Ok(id) => Some(id),
        Err(_) => {
            diags.push(unknown_default_theme(t, &themes));
            None
        }
    });
    let swedish = site.config.language == crate::model::Language::Sv;
    let municipalities = &site.municipalities;
    let ctx = rows::Context { file: &file, themes: &themes, municipalities, today, default_theme, swedish };
    let (imported, invalid_rows) = read_rows(&ctx, &text, &mapping, &mut diags);
    let valid = imported.len();
    let planned = targets(&ctx, opts, &site, imported, &mut diags);
    let actions: Vec<Action> = planned.iter().map(|(_, a)| a.clone()).collect();
    let invalid_rows = invalid_rows + valid - planned.len();
    let may_write = !opts.dry_run && (opts.skip_invalid || !diags.has_errors());
    let mut imports = Imports { diagnostics: diags, actions, written: false, invalid_rows };
    if may_write && !planned.is_empty() {
        write_all(opts, &planned, today, &mut imports)?;
    }
    Ok(imports)
}

/// The problem with `--theme`.
fn unknown_default_theme(t: &str, themes: &[ThemeNames]) -> Diagnostic {
    let ids = themes.iter().map(|t| t.id.as_str()).collect::<Vec<_>>().join(", ");
    Diagnostic::error(
        Code::UnknownTheme,
        "(command line)",
        None,
        tr!(
            en: "--theme `{t}`: there is no such theme in content/themes.toml",
            fi: "--theme `{t}`: tiedostossa content/themes.toml ei ole tällaista teemaa",
            sv: "--theme `{t}`: det finns inget sådant tema i filen content/themes.toml"
        ),
    )
    .with_help(tr!(
        en: "give a theme id or name from content/themes.toml: {ids}",
        fi: "anna jonkin tiedoston content/themes.toml teeman tunnus tai nimi: {ids}",
        sv: "ange ett temas id eller namn från filen content/themes.toml: {ids}"
    ))
}

/// Every theme with its names: `name` from the site, and any other `name_*` that
/// content/themes.toml gives (a theme's name in another language).
fn theme_names(root: &Path, site: &Site) -> Vec<ThemeNames> {
    let raw: Option<toml::Table> =
        std::fs::read_to_string(root.join(CONTENT).join("themes.toml")).ok().and_then(|t| toml::from_str(&t).ok());
    let extra = |id: &str| -> Vec<String> {
        let Some(list) = raw.as_ref().and_then(|r| r.get("theme")).and_then(toml::Value::as_array) else {
            return Vec::new();
        };
        list.iter()
            .filter_map(toml::Value::as_table)
            .filter(|t| t.get("id").and_then(toml::Value::as_str) == Some(id))
            .flat_map(|t| t.iter().filter(|(k, _)| k.starts_with("name_")).filter_map(|(_, v)| v.as_str()))
            .map(String::from)
            .collect()
    };
    site.themes
        .iter()
        .map(|t| ThemeNames { id: t.id.clone(), names: std::iter::once(t.name.clone()).chain(extra(&t.id)).collect() })
        .collect()
}

/// The organisations of the valid rows, and how many rows have errors.
fn read_rows(
    ctx: &rows::Context<'_>,
    text: &str,
    mapping: &Mapping,
    diags: &mut Diagnostics,
) -> (Vec<Imported>, usize) {
    let file = ctx.file;
    let all = match table::rows(text, table::delimiter(text)) {
        Ok(r) => r,
        Err((row, reason)) => {
            diags.push(not_csv(file, row, &reason));
            return (Vec::new(), 0);
        }
    };
    let Some((headings, data)) = all.split_first().filter(|(h, _)| !h.is_blank()) else {
        diags.push(no_heading_row(file));
        return (Vec::new(), 0);
    };
    let plan = columns::plan(file, headings, mapping, diags);
    if !plan.contains(&Some(Field::Name)) {
        diags.push(no_name_column(file, headings));
        return (Vec::new(), 0);
    }
    let mut out = Vec::new();
    let mut invalid = 0;
    for row in data.iter().filter(|r| !r.is_blank()) {
        let mut found = Vec::new();
        let org = match row_length(file, headings, row) {
            Some(d) => {
                found.push(d);
                None
            }
            None => rows::organisation(ctx, &plan, row, &mut found),
        };
        match org {
            Some(o) => out.push(o),
            None => invalid += 1,
        }
        diags.extend(found);
    }
    (out, invalid)
}

fn not_csv(file: &str, row: usize, reason: &str) -> Diagnostic {
    Diagnostic::error(
        Code::InvalidValue,
        file,
        None,
        tr!(
            en: "the file cannot be read as CSV: {reason}",
            fi: "tiedostoa ei voi lukea CSV-tiedostona: {reason}",
            sv: "filen kan inte läsas som CSV: {reason}"
        ),
    )
    .with_help(tr!(
        en: "save the spreadsheet again as CSV (in Excel: Save as → CSV (semicolon separated))",
        fi: "tallenna taulukko uudelleen CSV-muodossa (Excelissä: Tallenna nimellä → CSV (puolipisteellä erotettu))",
        sv: "spara kalkylbladet igen som CSV (i Excel: Spara som → CSV (semikolonavgränsad))"
    ))
    .in_cell(row, 1)
}

fn no_heading_row(file: &str) -> Diagnostic {
    Diagnostic::error(
        Code::EmptyFile,
        file,
        None,
        tr!(en: "the file has no heading row", fi: "tiedostossa ei ole otsikkoriviä", sv: "filen har ingen rubrikrad"),
    )
    .with_help(tr!(
        en: "the first row names the columns: nimi;kotikunta;teemat;...",
        fi: "ensimmäinen rivi nimeää sarakkeet: nimi;kotikunta;teemat;...",
        sv: "den första raden namnger kolumnerna: namn;kommun;teman;..."
    ))
    .in_cell(1, 1)
}

fn no_name_column(file: &str, headings: &table::Row) -> Diagnostic {
    Diagnostic::error(
        Code::MissingField,
        file,
        Some(headings.start..headings.start),
        tr!(
            en: "no column holds the organisations' names",
            fi: "missään sarakkeessa ei ole järjestöjen nimiä",
            sv: "ingen kolumn har organisationernas namn"
        ),
    )
    .with_help(tr!(
        en: "head the column of names `nimi`, `namn` or `name`, or map its heading to `name` in a mapping file (`--map`)",
        fi: "anna nimien sarakkeelle otsikoksi `nimi`, tai määritä sen otsikolle kenttä `name` määrittelytiedostossa (`--map`)",
        sv: "ge namnkolumnen rubriken `namn`, eller ange fältet `name` för dess rubrik i en fil med kolumner (`--map`)"
    ))
    .in_cell(headings.number, 1)
}

/// A row with fewer cells than the heading row, or with more that are not empty: a
/// cell's `;` outside quotes, or a cell lost.
fn row_length(file: &str, headings: &table::Row, row: &table::Row) -> Option<Diagnostic> {
    let want = headings.cells.len();
    let have = row.cells.len();
    let extra = row.cells.iter().skip(want).any(|c| !c.text.trim().is_empty());
    if have >= want && !extra {
        return None;
    }
    let column = if have < want { have } else { want + 1 };
    let span = row.cells.get(column.saturating_sub(1)).map_or(row.start..row.start, |c| c.span.clone());
    Some(
        Diagnostic::error(
            Code::RowLength,
            file,
            Some(span),
            tr!(
                en: "the row has {have} cells, the heading row {want}",
                fi: "rivillä on {have} solua, otsikkorivillä {want}",
                sv: "raden har {have} celler, rubrikraden {want}"
            ),
        )
        .with_help(tr!(
            en: "a cell with a `;` or `,` must be in quotes (\"Keuruu; Multia\"); check that no cell of the row is missing or split in two",
            fi: "solu, jossa on `;` tai `,`, kirjoitetaan lainausmerkkeihin (\"Keuruu; Multia\"); tarkista, ettei riviltä puutu solua eikä solu ole jakautunut kahtia",
            sv: "en cell med `;` eller `,` ska stå inom citattecken (\"Keuruu; Multia\"); kontrollera att ingen cell på raden saknas eller har delats i två"
        ))
        .in_cell(row.number, column.max(1)),
    )
}

/// Why a row cannot be written: the message and the fix.
enum Refusal<'a> {
    NoFileName,
    InFile { first: usize },
    OnSite { path: &'a str },
    UpdatedTwice { path: &'a str, first: usize },
}

impl Refusal<'_> {
    fn diagnostic(&self, file: &str, org: &Imported) -> Diagnostic {
        let name = &org.name;
        let merge = tr!(
            en: "merge the two rows, or remove one of them",
            fi: "yhdistä rivit tai poista toinen niistä",
            sv: "slå ihop raderna eller ta bort den ena"
        );
        let (code, message, help) = match *self {
            Refusal::NoFileName => (
                Code::InvalidSlug,
                tr!(
                    en: "the name `{name}` gives no file name",
                    fi: "nimestä `{name}` ei saa tiedostonimeä",
                    sv: "namnet `{name}` ger inget filnamn"
                ),
                tr!(en: "use letters or digits in the name", fi: "käytä nimessä kirjaimia tai numeroita", sv: "använd bokstäver eller siffror i namnet"),
            ),
            Refusal::InFile { first } => (
                Code::DuplicateSlug,
                tr!(
                    en: "`{name}` is on row {first} already (the same name, file name or Y-tunnus)",
                    fi: "`{name}` on jo rivillä {first} (sama nimi, tiedostonimi tai Y-tunnus)",
                    sv: "`{name}` finns redan på rad {first} (samma namn, filnamn eller FO-nummer)"
                ),
                merge,
            ),
            Refusal::OnSite { path } => (
                Code::DuplicateSlug,
                tr!(
                    en: "the site has `{name}` already: {path}",
                    fi: "sivustolla on jo `{name}`: {path}",
                    sv: "webbplatsen har redan `{name}`: {path}"
                ),
                tr!(
                    en: "to update it from the spreadsheet, import with `--update`; otherwise remove the row",
                    fi: "jos haluat päivittää sen taulukosta, tuo valitsimella `--update`; muuten poista rivi",
                    sv: "vill du uppdatera den från kalkylbladet, importera med `--update`; ta annars bort raden"
                ),
            ),
            Refusal::UpdatedTwice { path, first } => (
                Code::DuplicateSlug,
                tr!(
                    en: "`{name}` would update {path}, which row {first} updates already",
                    fi: "`{name}` päivittäisi tiedostoa {path}, jota rivi {first} jo päivittää",
                    sv: "`{name}` skulle uppdatera {path}, som rad {first} redan uppdaterar"
                ),
                merge,
            ),
        };
        Diagnostic::error(code, file, Some(org.name_cell.1.clone()), message)
            .with_help(help)
            .in_cell(org.row, org.name_cell.0)
    }
}

/// Where each organisation goes: a new file, or (with `update`) the organisation of
/// the site it names (by Y-tunnus, file name or name). A row that repeats an earlier
/// row, or names an organisation of the site without `update`, is an error.
fn targets(
    ctx: &rows::Context<'_>,
    opts: &Options,
    site: &Site,
    imported: Vec<Imported>,
    diags: &mut Diagnostics,
) -> Vec<(Imported, Action)> {
    let existing = Existing::new(&opts.root, site);
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut out: Vec<(Imported, Action)> = Vec::new();
    for org in imported {
        let keys = [Some(format!("slug:{}", org.slug)), Some(format!("name:{}", look_alike_key(&org.name)))]
            .into_iter()
            .chain([org.text(Field::BusinessId).map(|b| format!("id:{b}"))])
            .flatten()
            .collect::<Vec<_>>();
        let found = existing.find(&org);
        let refusal = if org.slug.is_empty() {
            Some(Refusal::NoFileName)
        } else if let Some(&first) = keys.iter().find_map(|k| seen.get(k)) {
            Some(Refusal::InFile { first })
        } else {
            match found {
                Some(path) if !opts.update => Some(Refusal::OnSite { path }),
                Some(path) => seen.get(&format!("file:{path}")).map(|&first| Refusal::UpdatedTwice { path, first }),
                None => None,
            }
        };
        if let Some(r) = refusal {
            diags.push(r.diagnostic(ctx.file, &org));
            continue;
        }
        for k in keys {
            seen.insert(k, org.row);
        }
        let action = match found {
            Some(path) => {
                seen.insert(format!("file:{path}"), org.row);
                Action::Update(path.to_string())
            }
            None if !org.missing.is_empty() => {
                diags.extend(org.missing);
                continue;
            }
            None => Action::New(format!("{CONTENT}/{ORGANISATIONS}/{}.md", org.slug)),
        };
        out.push((org, action));
    }
    out
}

/// The organisations the site has, by file name, name and Y-tunnus (files that
/// could not be read count by their file name).
struct Existing {
    by: HashMap<String, String>,
}

impl Existing {
    fn new(root: &Path, site: &Site) -> Existing {
        let mut by = HashMap::new();
        let dir = root.join(CONTENT).join(ORGANISATIONS);
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if let Some(stem) = name.strip_suffix(".md").filter(|s| !s.contains('.')) {
                by.insert(format!("slug:{stem}"), format!("{CONTENT}/{ORGANISATIONS}/{name}"));
            }
        }
        for o in &site.organisations {
            let file = o.body.source.file.clone();
            by.insert(format!("name:{}", look_alike_key(&o.name)), file.clone());
            if let Some(b) = &o.business_id {
                by.insert(format!("id:{b}"), file);
            }
        }
        Existing { by }
    }

    /// The file of the organisation `org` names: by Y-tunnus, then file name, then name.
    fn find(&self, org: &Imported) -> Option<&str> {
        let id = org.text(Field::BusinessId).map(|b| format!("id:{b}"));
        [id, Some(format!("slug:{}", org.slug)), Some(format!("name:{}", look_alike_key(&org.name)))]
            .into_iter()
            .flatten()
            .find_map(|k| self.by.get(&k))
            .map(String::as_str)
    }
}

/// Write every planned file, then check them as `areena check` does; with an error
/// in one of them, put every file back as it was.
fn write_all(
    opts: &Options,
    planned: &[(Imported, Action)],
    today: jiff::civil::Date,
    imports: &mut Imports,
) -> Result<(), ImportError> {
    // Every text first: an existing file that cannot be updated stops the import
    // before anything is written.
    let mut texts: Vec<(&str, Option<String>, String)> = Vec::new();
    for (org, action) in planned {
        match action {
            Action::New(rel) => texts.push((rel, None, files::new_file(org, today))),
            Action::Update(rel) => {
                let path = opts.root.join(rel);
                let old = std::fs::read_to_string(&path).map_err(|e| ImportError::Read { path, source: e })?;
                match files::updated_file(&old, org, today) {
                    Some(t) => texts.push((rel, Some(old), t)),
                    None => imports.diagnostics.push(unreadable_front_matter(rel)),
                }
            }
        }
    }
    if texts.len() < planned.len() {
        return Ok(());
    }
    let mut done: Vec<(PathBuf, Option<String>)> = Vec::new();
    for (rel, previous, text) in texts {
        let path = opts.root.join(rel);
        if let Err(e) = files::write(&path, &text, previous.is_some()) {
            restore(&done);
            let reason = crate::diagnostics::i18n::io_reason(&e);
            imports.diagnostics.push(Diagnostic::error(
                Code::Io,
                rel,
                None,
                tr!(en: "cannot write the file: {r}", fi: "tiedostoa ei voi kirjoittaa: {r}", sv: "filen kan inte skrivas: {r}", r = reason),
            ));
            return Ok(());
        }
        done.push((path, previous));
    }
    let checked = pipeline::check(&opts.root, Settings { drafts: true, today }).map_err(ImportError::Site)?;
    let written: Vec<&str> = planned
        .iter()
        .map(|(_, a)| match a {
            Action::New(r) | Action::Update(r) => r.as_str(),
        })
        .collect();
    for f in &written {
        if let Some(src) = checked.diagnostics.source_text(f) {
            imports.diagnostics.add_source(f, src);
        }
    }
    let own: Vec<Diagnostic> =
        checked.diagnostics.items().iter().filter(|d| written.contains(&d.file.as_str())).cloned().collect();
    let broken = own.iter().any(|d| d.severity == crate::diagnostics::Severity::Error);
    imports.diagnostics.extend(own);
    if broken {
        restore(&done);
    } else {
        imports.written = true;
    }
    Ok(())
}

fn unreadable_front_matter(rel: &str) -> Diagnostic {
    Diagnostic::error(
        Code::TomlSyntax,
        rel,
        None,
        tr!(
            en: "the front matter of this file cannot be read, so it cannot be updated",
            fi: "tämän tiedoston alkuosaa (front matter) ei voi lukea, joten sitä ei voi päivittää",
            sv: "filens inledande del (front matter) kan inte läsas, så den kan inte uppdateras"
        ),
    )
    .with_help(tr!(
        en: "run `areena check`, fix the file, and import again",
        fi: "aja `areena check`, korjaa tiedosto ja tuo uudelleen",
        sv: "kör `areena check`, rätta filen och importera igen"
    ))
}

/// Put written files back as they were: new ones removed, updated ones rewritten.
fn restore(done: &[(PathBuf, Option<String>)]) {
    for (path, previous) in done {
        match previous {
            Some(text) => {
                let _ = files::write(path, text, true);
            }
            None => {
                let _ = std::fs::remove_file(path);
            }
        }
    }
}
