//! Load: walk the site's files, read them, split front matter from Markdown and parse
//! the TOML into `Raw*` types, collecting every problem with its position.
//!
//! This stage knows where each kind of file lives (see `docs/content.md`) and nothing
//! about what the values mean: that is `model`'s job. It reads files but never writes.

pub mod front_matter;
pub mod raw;
pub mod toml_fields;
mod toml_syntax;
pub mod translation;

use std::collections::BTreeSet;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;
use serde::de::DeserializeOwned;
use walkdir::WalkDir;

use crate::diagnostics::{Code, Diagnostic, Diagnostics, tr};
use crate::layout::{
    CONTENT, CONTENT_FOLDERS, EVENTS, NETWORKS, ORGANISATIONS, PAGES, PARTNERSHIP_TABLES, STATIC, THEMES,
};
use crate::model::slug::{is_slug, slugify};
use front_matter::{SplitError, split};
use raw::*;
pub use translation::{Original, Translation};

/// A problem that stops a run before any content is looked at (exit code 2).
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{0} has no site.toml: is this an areena site? (give the site's folder with --root)")]
    NoSite(PathBuf),
    #[error("cannot read {path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
}

impl LoadError {
    /// The problem in every language of the reports.
    pub fn localized(&self) -> crate::diagnostics::Localized {
        use crate::diagnostics::{i18n::io_reason, tr};
        match self {
            LoadError::NoSite(dir) => {
                let dir = dir.display();
                tr!(
                    en: "{dir} has no site.toml: is this an areena site? (give the site's folder with --root)",
                    fi: "kansiossa {dir} ei ole tiedostoa site.toml: onko tämä areena-sivusto? (anna sivuston kansio valitsimella --root)",
                    sv: "mappen {dir} har ingen site.toml: är detta en areena-webbplats? (ange webbplatsens mapp med --root)"
                )
            }
            LoadError::Io { path, source } => {
                let path = path.display();
                tr!(
                    en: "cannot read {path}: {why}",
                    fi: "kohdetta {path} ei voi lukea: {why}",
                    sv: "kan inte läsa {path}: {why}",
                    why = io_reason(source)
                )
            }
        }
    }
}

/// One file's text, shared by the diagnostics and the entities that come from it.
#[derive(Debug, Clone)]
pub struct Source {
    /// Path relative to the site root, `/`-separated.
    pub file: String,
    pub text: Arc<str>,
}

/// A Markdown content file: its slug, its parsed front matter and where its body is.
#[derive(Debug, Clone)]
pub struct Entry<R> {
    pub source: Source,
    /// The slug from the file name (or, for a bad name, the slug it should have).
    pub slug: String,
    /// `None` when the front matter could not be read.
    pub raw: Option<R>,
    /// Where the front matter starts: spans inside `raw` are relative to it.
    pub front_matter_offset: usize,
    /// Top-level keys dropped because of a problem already reported.
    pub removed: Vec<String>,
    pub body: Range<usize>,
    /// The body as plain text, once its check has made it (see
    /// [`crate::model::Body::text`]).
    pub text: Arc<std::sync::OnceLock<String>>,
}

impl<R> Entry<R> {
    pub fn body(&self) -> &str {
        &self.source.text[self.body.clone()]
    }

    /// Check the body ([`crate::model::body::check`]) and keep its plain text.
    pub fn check_body(&self, files: &crate::model::body::Files<'_>, out: &mut Vec<Diagnostic>) {
        let text = crate::model::body::check(&self.source.file, self.body(), self.body.clone(), files, out);
        let _ = self.text.set(text);
    }
}

/// A partnership table folder: its `index.md` and its meeting notes.
#[derive(Debug, Clone)]
pub struct TableDir {
    pub slug: String,
    pub index: Option<Entry<RawTable>>,
    pub notes: Vec<Entry<RawNote>>,
}

/// A whole TOML file (`site.toml`, `themes.toml`, `municipalities.toml`).
#[derive(Debug, Clone)]
pub struct TomlFile<R> {
    pub source: Source,
    pub raw: Option<R>,
}

/// Everything read from a site, before meaning is given to any value.
#[derive(Debug)]
pub struct Loaded {
    pub root: PathBuf,
    pub site: TomlFile<RawSite>,
    pub themes: Option<TomlFile<RawThemes>>,
    pub municipalities: Option<TomlFile<RawMunicipalities>>,
    pub organisations: Vec<Entry<RawOrganisation>>,
    pub networks: Vec<Entry<RawNetwork>>,
    pub tables: Vec<TableDir>,
    pub pages: Vec<Entry<RawPage>>,
    pub events: Vec<Entry<RawEvent>>,
    /// `<stem>.<lang>.md` files, in file-name order.
    pub translations: Vec<Translation>,
    /// Paths under `static/` (site and site theme), `/`-separated, without the prefix.
    pub static_files: BTreeSet<String>,
    /// Paths under `content/`, `/`-separated, without the prefix.
    pub content_files: BTreeSet<String>,
}

#[derive(Clone)]
enum Kind {
    Themes,
    Municipalities,
    Organisation,
    Network,
    Table(String),
    Note(String),
    Page,
    Event,
    /// `<stem>.<lang>.md`: the language as written and the file it translates.
    Translation(Original, String, String),
}

#[allow(clippy::large_enum_variant)] // one per file
enum Parsed {
    Themes(TomlFile<RawThemes>),
    Municipalities(TomlFile<RawMunicipalities>),
    Organisation(Entry<RawOrganisation>),
    Network(Entry<RawNetwork>),
    Table(String, Entry<RawTable>),
    Note(String, Entry<RawNote>),
    Page(Entry<RawPage>),
    Event(Entry<RawEvent>),
    Translation(Translation),
}

/// Files read by an earlier load, reused while they are unchanged on the disk (same
/// size, time of change and inode): `serve` reads only what an edit changed.
#[derive(Default)]
pub struct FileCache {
    files: std::collections::HashMap<String, CachedFile>,
    /// The files of the last walk, while it still holds (see [`FileCache::forget`]).
    listing: Option<Arc<Listing>>,
    /// Whether the files not forgotten are known to be unchanged (the caller
    /// watches them), so that they need not even be looked at.
    trusted: bool,
}

struct CachedFile {
    /// Named by [`FileCache::forget`]: read again whatever its stamp.
    changed: bool,
    stamp: Stamp,
    parsed: Option<Parsed>,
    diagnostics: Vec<Diagnostic>,
    source: Option<Source>,
}

/// What tells that a file changed without reading it.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Stamp {
    len: u64,
    modified: Option<std::time::SystemTime>,
    #[cfg(unix)]
    ino: u64,
}

impl Stamp {
    fn of(path: &Path) -> Option<Stamp> {
        let m = std::fs::metadata(path).ok()?;
        Some(Stamp {
            len: m.len(),
            modified: m.modified().ok(),
            #[cfg(unix)]
            ino: std::os::unix::fs::MetadataExt::ino(&m),
        })
    }
}

impl FileCache {
    /// These files (absolute paths or relative to the root) changed: they are read
    /// again. When all of them are content files that were there before and still
    /// are, the other files are taken as they were without looking at them (the
    /// caller watches the site and names every change); anything else (a file added,
    /// removed or outside content/) makes the next load walk the site and compare
    /// every file's stamp.
    pub fn forget(&mut self, root: &Path, paths: &[PathBuf]) {
        let mut known = !paths.is_empty();
        for p in paths {
            let rel = relative(root, p);
            let was = match self.files.get_mut(&rel) {
                Some(c) => {
                    c.changed = true;
                    true
                }
                None => false,
            };
            known &= was && rel.starts_with("content/") && root.join(&rel).is_file();
        }
        self.trusted = known && self.listing.is_some();
        if !self.trusted {
            self.listing = None;
        }
    }

    /// Put back what a load with this cache read (after the model is made from it),
    /// so that the next load reuses the files that did not change.
    pub fn give_back(&mut self, loaded: Loaded) {
        let mut back = |file: &str, p: Parsed| {
            if let Some(c) = self.files.get_mut(file) {
                c.parsed = Some(p);
            }
        };
        if let Some(t) = loaded.themes {
            back(&t.source.file.clone(), Parsed::Themes(t));
        }
        if let Some(m) = loaded.municipalities {
            back(&m.source.file.clone(), Parsed::Municipalities(m));
        }
        for e in loaded.organisations {
            back(&e.source.file.clone(), Parsed::Organisation(e));
        }
        for e in loaded.networks {
            back(&e.source.file.clone(), Parsed::Network(e));
        }
        for e in loaded.pages {
            back(&e.source.file.clone(), Parsed::Page(e));
        }
        for e in loaded.events {
            back(&e.source.file.clone(), Parsed::Event(e));
        }
        for t in loaded.translations {
            back(&t.entry.source.file.clone(), Parsed::Translation(t));
        }
        for t in loaded.tables {
            if let Some(e) = t.index {
                back(&e.source.file.clone(), Parsed::Table(t.slug.clone(), e));
            }
            for e in t.notes {
                back(&e.source.file.clone(), Parsed::Note(t.slug.clone(), e));
            }
        }
    }

    /// Every file under content/ and static/ as the last walk found them, while no
    /// file was added or removed since.
    pub fn listing(&self) -> Option<(&BTreeSet<String>, &BTreeSet<String>)> {
        self.listing.as_ref().map(|l| (&l.content_files, &l.static_files))
    }
}

/// Read the site at `root`. Content problems go to `diags`; only a missing site or an
/// unreadable folder is an `Err`.
pub fn load(root: &Path, diags: &mut Diagnostics) -> Result<Loaded, LoadError> {
    load_with(root, diags, None)
}

/// Only `site.toml` of the site at `root` (for `serve`, which needs the settings
/// before the first build).
pub fn site_file(root: &Path, diags: &mut Diagnostics) -> Result<TomlFile<RawSite>, LoadError> {
    if !root.join("site.toml").is_file() {
        return Err(LoadError::NoSite(root.to_path_buf()));
    }
    Ok(read_toml::<RawSite>(root, "site.toml", diags))
}

/// [`load`], reusing the files of `cache` that did not change (and keeping what was
/// read in it).
// Long on purpose: one walk over content/ then one parallel parse; splitting it would pass the half-made `Loaded` around.
#[allow(clippy::too_many_lines)]
pub fn load_with(root: &Path, diags: &mut Diagnostics, mut cache: Option<&mut FileCache>) -> Result<Loaded, LoadError> {
    let site_path = root.join("site.toml");
    if !site_path.is_file() {
        return Err(LoadError::NoSite(root.to_path_buf()));
    }
    let site = read_toml::<RawSite>(root, "site.toml", diags);

    // The files there are: the listing of the last load when only files it had
    // changed since, else a walk over content/.
    let listing = match cache.as_deref_mut().and_then(|c| c.listing.clone()) {
        Some(l) => l,
        None => {
            let l = Arc::new(walk(root)?);
            if let Some(c) = cache.as_deref_mut() {
                c.listing = Some(Arc::clone(&l));
            }
            l
        }
    };
    diags.extend(listing.unexpected.iter().cloned());
    let found: Vec<(Kind, String)> = listing.found.clone();
    let content_files = listing.content_files.clone();

    // With a cache: each file's earlier reading, taken out (and put back below).
    // With the listing of the last load, a file is read again only when `forget`
    // named it; else only when its stamp changed.
    let reuse = cache.is_some();
    let trust = cache.as_deref().is_some_and(|c| c.trusted);
    let found: Vec<(Kind, String, Option<CachedFile>)> = match cache.as_deref_mut() {
        Some(c) => found
            .into_iter()
            .map(|(k, rel)| {
                let prev = c.files.remove(&rel);
                (k, rel, prev)
            })
            .collect(),
        None => found.into_iter().map(|(k, rel)| (k, rel, None)).collect(),
    };
    let results: Vec<(String, CachedFile)> = found
        .into_par_iter()
        .map(|(kind, rel, prev)| {
            let prev = prev.filter(|p| !p.changed && p.parsed.is_some());
            if trust && let Some(prev) = prev {
                return (rel, prev);
            }
            let stamp = if reuse { Stamp::of(&root.join(&rel)) } else { None };
            if let (Some(prev), Some(stamp)) = (prev, stamp)
                && prev.stamp == stamp
            {
                return (rel, prev);
            }
            let mut local = Diagnostics::new();
            let parsed = parse_file(root, kind, &rel, &mut local);
            let source = local.source(&rel).map(|t| Source { file: rel.clone(), text: Arc::from(t) });
            // A file without a stamp (it went away meanwhile) is never reused.
            let stamp = stamp.unwrap_or(Stamp {
                len: u64::MAX,
                modified: None,
                #[cfg(unix)]
                ino: 0,
            });
            (rel, CachedFile { changed: false, stamp, parsed, diagnostics: local.items().to_vec(), source })
        })
        .collect();
    let results: Vec<(Option<Parsed>, Vec<Diagnostic>, Option<Source>)> = match cache {
        Some(c) => {
            c.trusted = false;
            // The cache keeps all but the parsed content, which `Loaded` holds until
            // it is given back ([`FileCache::give_back`]).
            c.files.clear();
            results
                .into_iter()
                .map(|(rel, mut f)| {
                    let parsed = f.parsed.take();
                    let out = (parsed, f.diagnostics.clone(), f.source.clone());
                    c.files.insert(rel, f);
                    out
                })
                .collect()
        }
        None => results.into_iter().map(|(_, f)| (f.parsed, f.diagnostics, f.source)).collect(),
    };

    let mut loaded = Loaded {
        root: root.to_path_buf(),
        site,
        themes: None,
        municipalities: None,
        organisations: Vec::new(),
        networks: Vec::new(),
        tables: Vec::new(),
        pages: Vec::new(),
        events: Vec::new(),
        translations: Vec::new(),
        static_files: listing.static_files.clone(),
        content_files,
    };
    // Reserved at once: grown one push at a time, the list of a large directory's
    // organisations was copied over and over.
    loaded.organisations.reserve(results.iter().filter(|r| matches!(r.0, Some(Parsed::Organisation(_)))).count());
    for (parsed, ds, source) in results {
        if let Some(s) = source {
            diags.add_source(&s.file, s.text);
        }
        diags.extend(ds);
        match parsed {
            None => {}
            Some(Parsed::Themes(t)) => loaded.themes = Some(t),
            Some(Parsed::Municipalities(m)) => loaded.municipalities = Some(m),
            Some(Parsed::Organisation(e)) => loaded.organisations.push(e),
            Some(Parsed::Network(e)) => loaded.networks.push(e),
            Some(Parsed::Page(e)) => loaded.pages.push(e),
            Some(Parsed::Event(e)) => loaded.events.push(e),
            Some(Parsed::Translation(t)) => loaded.translations.push(t),
            Some(Parsed::Table(dir, e)) => table_dir(&mut loaded.tables, &dir).index = Some(e),
            Some(Parsed::Note(dir, e)) => table_dir(&mut loaded.tables, &dir).notes.push(e),
        }
    }
    for t in &loaded.tables {
        if t.index.is_none() {
            let file = format!("content/partnership-tables/{}/index.md", t.slug);
            let note = t.notes.first().map(|n| n.source.file.clone()).unwrap_or(file.clone());
            let slug = &t.slug;
            diags.push(
                Diagnostic::error(
                    Code::MissingFile,
                    &note,
                    None,
                    tr!(
                        en: "partnership table `{slug}` has no index.md",
                        fi: "kumppanuuspöydällä `{slug}` ei ole tiedostoa index.md",
                        sv: "partnerskapsbordet `{slug}` har ingen index.md"
                    ),
                )
                .with_help(tr!(
                    en: "create {file} with at least `name = \"...\"` in its front matter",
                    fi: "luo tiedosto {file}, jonka alun tiedoissa (+++-rivien välissä) on ainakin `name = \"...\"`",
                    sv: "skapa filen {file} med åtminstone `name = \"...\"` i uppgifterna i början av filen (mellan +++-raderna)"
                )),
            );
        }
    }
    Ok(loaded)
}

/// What a walk over the site finds.
#[derive(Clone)]
struct Listing {
    /// Content files areena reads, by kind, in file-name order.
    found: Vec<(Kind, String)>,
    /// Every file under content/ (without the prefix).
    content_files: BTreeSet<String>,
    /// Files areena does not read (reported each time).
    unexpected: Vec<Diagnostic>,
    static_files: BTreeSet<String>,
}

fn walk(root: &Path) -> Result<Listing, LoadError> {
    let content_dir = root.join(CONTENT);
    let mut found: Vec<(Kind, String)> = Vec::new();
    let mut content_files = BTreeSet::new();
    let mut unexpected_files = Vec::new();
    if content_dir.is_dir() {
        for entry in WalkDir::new(&content_dir).sort_by_file_name() {
            let entry = entry.map_err(|e| LoadError::Io {
                path: e.path().map(Path::to_path_buf).unwrap_or_else(|| content_dir.clone()),
                source: e.into_io_error().unwrap_or_else(|| std::io::Error::other("file system loop")),
            })?;
            if !entry.file_type().is_file() {
                continue;
            }
            let rel = relative(root, entry.path());
            let in_content = rel.strip_prefix("content/").unwrap_or(&rel).to_string();
            content_files.insert(in_content.clone());
            let parts: Vec<&str> = in_content.split('/').collect();
            if parts.iter().any(|p| p.starts_with('.')) {
                continue;
            }
            match classify(&parts) {
                Some(kind) => found.push((kind, rel)),
                None => unexpected_files.push(unexpected(&rel, &parts)),
            }
        }
    }
    Ok(Listing { found, content_files, unexpected: unexpected_files, static_files: static_files(root) })
}

fn table_dir<'a>(tables: &'a mut Vec<TableDir>, slug: &str) -> &'a mut TableDir {
    let i = match tables.iter().position(|t| t.slug == slug) {
        Some(i) => i,
        None => {
            tables.push(TableDir { slug: slug.to_string(), index: None, notes: Vec::new() });
            tables.len() - 1
        }
    };
    &mut tables[i]
}

fn relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/")
}

fn classify(parts: &[&str]) -> Option<Kind> {
    if let [dirs @ .., f] = parts
        && let Some((base, lang)) = translation::split_name(f)
    {
        let name = format!("{base}.md");
        let mut original: Vec<&str> = dirs.to_vec();
        original.push(&name);
        let of = match classify(&original)? {
            Kind::Organisation => Original::Organisation,
            Kind::Network => Original::Network,
            Kind::Table(_) => Original::Table,
            Kind::Note(_) => Original::Note,
            Kind::Page => Original::Page,
            Kind::Event => Original::Event,
            _ => return None,
        };
        return Some(Kind::Translation(of, lang.to_string(), format!("{CONTENT}/{}", original.join("/"))));
    }
    let md = |f: &str| f.ends_with(".md");
    match parts {
        ["themes.toml"] => Some(Kind::Themes),
        ["municipalities.toml"] => Some(Kind::Municipalities),
        [ORGANISATIONS, f] if md(f) => Some(Kind::Organisation),
        [NETWORKS, f] if md(f) => Some(Kind::Network),
        [PARTNERSHIP_TABLES, t, "index.md"] => Some(Kind::Table(t.to_string())),
        [PARTNERSHIP_TABLES, t, f] if md(f) => Some(Kind::Note(t.to_string())),
        [PAGES, f] if md(f) => Some(Kind::Page),
        [EVENTS, f] if md(f) => Some(Kind::Event),
        _ => None,
    }
}

/// `organisations/x.MD` → `x.md`: the name to give a file that would be content but
/// for its extension in capitals.
fn md_in_capitals(parts: &[&str]) -> Option<String> {
    let [dirs @ .., f] = parts else { return None };
    let stem = f.len().checked_sub(3).filter(|&i| f.is_char_boundary(i)).map(|i| &f[..i])?;
    let ext = &f[stem.len()..];
    let name = format!("{stem}.md");
    let mut renamed = dirs.to_vec();
    renamed.push(&name);
    (ext.eq_ignore_ascii_case(".md") && ext != ".md" && classify(&renamed).is_some()).then(|| name.clone())
}

fn unexpected(rel: &str, parts: &[&str]) -> Diagnostic {
    let help = if let Some(name) = md_in_capitals(parts) {
        tr!(
            en: "areena reads only names that end in `.md` in lowercase: rename the file `{name}`",
            fi: "areena lukee vain tiedostot, joiden nimi päättyy pienin kirjaimin `.md`: nimeä tiedosto uudelleen `{name}`",
            sv: "areena läser bara filer vars namn slutar på `.md` med små bokstäver: byt namn på filen till `{name}`"
        )
    } else {
        match parts {
            [.., f] if !f.to_ascii_lowercase().ends_with(".md") && !f.ends_with(".toml") => tr!(
                en: "content/ holds only .md and .toml files; put pictures and other files under static/",
                fi: "kansiossa content/ on vain .md- ja .toml-tiedostoja; kuvat ja muut tiedostot kuuluvat kansioon static/",
                sv: "mappen content/ har bara .md- och .toml-filer; lägg bilder och andra filer i mappen static/"
            ),
            [PARTNERSHIP_TABLES, f] => {
                let t = f.trim_end_matches(".md");
                tr!(
                    en: "a partnership table is a folder: move it to content/partnership-tables/{t}/index.md",
                    fi: "kumppanuuspöytä on kansio: siirrä tiedosto paikkaan content/partnership-tables/{t}/index.md",
                    sv: "ett partnerskapsbord är en mapp: flytta filen till content/partnership-tables/{t}/index.md"
                )
            }
            [dir, ..] if !CONTENT_FOLDERS.contains(dir) => {
                match crate::diagnostics::suggest::nearest(dir, CONTENT_FOLDERS, 1).first() {
                    Some(k) => tr!(
                        en: "did you mean the folder `content/{k}/`? areena reads only the folders named in docs/content.md",
                        fi: "tarkoititko kansiota `content/{k}/`? areena lukee vain ohjeessa docs/content.md mainitut kansiot",
                        sv: "menade du mappen `content/{k}/`? areena läser bara de mappar som nämns i anvisningen docs/content.md"
                    ),
                    None => tr!(
                        en: "areena reads content/organisations, networks, partnership-tables, pages and events; see docs/content.md",
                        fi: "areena lukee kansiot content/organisations, networks, partnership-tables, pages ja events; katso docs/content.md",
                        sv: "areena läser mapparna content/organisations, networks, partnership-tables, pages och events; se docs/content.md"
                    ),
                }
            }
            _ => tr!(
                en: "files go directly in their folder (no subfolders), except meeting notes in content/partnership-tables/<table>/",
                fi: "tiedostot kuuluvat suoraan kansioonsa (ei alikansioita), paitsi kokousmuistiot kansiossa content/partnership-tables/<pöytä>/",
                sv: "filerna ligger direkt i sin mapp (inga undermappar), utom mötesanteckningar i content/partnership-tables/<bord>/"
            ),
        }
    };
    Diagnostic::warning(
        Code::UnexpectedFile,
        rel,
        None,
        tr!(
            en: "areena does not read this file: it is not where any kind of content lives",
            fi: "areena ei lue tätä tiedostoa: se ei ole paikassa, jossa mikään sisältö sijaitsee",
            sv: "areena läser inte den här filen: den ligger inte där något slags innehåll finns"
        ),
    )
    .with_help(help)
}

/// Read a file as UTF-8; report and return `None` for unreadable, non-UTF-8 or empty files.
fn read_text(root: &Path, rel: &str, diags: &mut Diagnostics) -> Option<Arc<str>> {
    let bytes = match std::fs::read(root.join(rel)) {
        Ok(b) => b,
        Err(e) => {
            diags.push(
                Diagnostic::error(
                    Code::Io,
                    rel,
                    None,
                    tr!(
                        en: "cannot read this file: {why}",
                        fi: "tätä tiedostoa ei voi lukea: {why}",
                        sv: "den här filen kan inte läsas: {why}",
                        why = crate::diagnostics::i18n::io_reason(&e)
                    ),
                )
                .with_help(tr!(
                    en: "check the file's permissions",
                    fi: "tarkista tiedoston käyttöoikeudet",
                    sv: "kontrollera filens behörigheter"
                )),
            );
            return None;
        }
    };
    let text: Arc<str> = match String::from_utf8(bytes) {
        Ok(t) => Arc::from(t),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let lossy: Arc<str> = Arc::from(String::from_utf8_lossy(e.as_bytes()).into_owned());
            diags.add_source(rel, lossy);
            diags.push(
                Diagnostic::error(
                    Code::NotUtf8,
                    rel,
                    Some(at..at + 1),
                    tr!(
                        en: "this file is not UTF-8 text",
                        fi: "tiedoston merkistö ei ole UTF-8",
                        sv: "filens teckenkodning är inte UTF-8"
                    ),
                )
                .with_help(tr!(
                    en: "save the file as UTF-8 in your editor (\"Save with encoding: UTF-8\")",
                    fi: "tallenna tiedosto tekstieditorissa UTF-8-merkistöllä (esim. \"Tallenna merkistöllä: UTF-8\")",
                    sv: "spara filen med teckenkodningen UTF-8 i din textredigerare (t.ex. \"Spara med kodning: UTF-8\")"
                )),
            );
            return None;
        }
    };
    diags.add_source(rel, text.clone());
    if text.trim().is_empty() {
        let help = if rel.ends_with(".toml") {
            tr!(
                en: "write its settings (see docs/content.md), or delete the file",
                fi: "kirjoita tiedostoon sen asetukset (katso docs/content.md) tai poista tiedosto",
                sv: "skriv in filens inställningar (se docs/content.md) eller ta bort filen"
            )
        } else {
            tr!(
                en: "write its front matter between two `+++` lines, or delete the file",
                fi: "kirjoita tiedoston alkuun sen tiedot kahden `+++`-rivin väliin tai poista tiedosto",
                sv: "skriv filens uppgifter mellan två `+++`-rader i början av filen eller ta bort filen"
            )
        };
        let message = tr!(en: "this file is empty", fi: "tiedosto on tyhjä", sv: "filen är tom");
        diags.push(Diagnostic::error(Code::EmptyFile, rel, None, message).with_help(help));
        return None;
    }
    Some(text)
}

fn read_toml<R: DeserializeOwned>(root: &Path, rel: &str, diags: &mut Diagnostics) -> TomlFile<R> {
    let text = read_text(root, rel, diags);
    let raw = text.as_ref().and_then(|t| {
        let p = toml_fields::parse::<R>(rel, t, 0);
        diags.extend(p.diagnostics);
        p.value
    });
    TomlFile { source: Source { file: rel.to_string(), text: text.unwrap_or_else(|| Arc::from("")) }, raw }
}

fn read_entry<R: DeserializeOwned>(root: &Path, rel: &str, diags: &mut Diagnostics) -> Option<Entry<R>> {
    let stem = rel.rsplit('/').next().unwrap_or(rel).trim_end_matches(".md");
    let slug = if is_slug(stem) { stem.to_string() } else { slugify(stem) };
    let mut entry = Entry {
        source: Source { file: rel.to_string(), text: Arc::from("") },
        slug,
        raw: None,
        front_matter_offset: 0,
        removed: Vec::new(),
        body: 0..0,
        text: Arc::default(),
    };
    // An unreadable file still exists: its slug is known, so references to it are
    // not reported as missing (the file's own problem is).
    let Some(text) = read_text(root, rel, diags) else { return Some(entry) };
    let recovered = match split(&text) {
        Ok(s) => Some(s),
        Err(SplitError::NoOpening) => {
            let help = if text.starts_with("---") {
                tr!(
                    en: "areena's front matter is TOML between `+++` lines: replace the `---` lines with `+++` and write `key = value`",
                    fi: "areenassa tiedoston alun tiedot kirjoitetaan `+++`-rivien väliin: vaihda `---`-rivien tilalle `+++` ja kirjoita tiedot muodossa `kenttä = arvo`",
                    sv: "i areena skrivs uppgifterna i början av filen mellan `+++`-rader: byt ut `---`-raderna mot `+++` och skriv uppgifterna som `fält = värde`"
                )
            } else {
                tr!(
                    en: "start the file with `+++`, then the fields (`name = \"...\"`), then `+++`, then the text",
                    fi: "aloita tiedosto rivillä `+++`, kirjoita sitten tiedot (`name = \"...\"`), sitten rivi `+++` ja sen jälkeen teksti",
                    sv: "börja filen med raden `+++`, skriv sedan uppgifterna (`name = \"...\"`), sedan raden `+++` och därefter texten"
                )
            };
            diags.push(
                Diagnostic::error(
                    Code::MissingFrontMatter,
                    rel,
                    Some(0..0),
                    tr!(
                        en: "the file does not start with a `+++` line",
                        fi: "tiedosto ei ala `+++`-rivillä",
                        sv: "filen börjar inte med en `+++`-rad"
                    ),
                )
                .with_help(help),
            );
            None
        }
        Err(SplitError::NoClosing { opening, guess }) => {
            // Report the missing line, then read the fields up to where the text seems
            // to start, so that their own mistakes are found in the same run.
            let line = text[..guess.front_matter.end].matches('\n').count() + 1;
            diags.push(
                Diagnostic::error(
                    Code::UnclosedFrontMatter,
                    rel,
                    Some(opening),
                    tr!(
                        en: "the front matter opened here is never closed",
                        fi: "tässä alkavien tiedoston alun tietojen lopusta puuttuu `+++`-rivi",
                        sv: "uppgifterna i början av filen som börjar här avslutas aldrig med en `+++`-rad"
                    ),
                )
                .with_help(tr!(
                    en: "add a line with only `+++` after the last field, before the text (line {line}, it seems)",
                    fi: "lisää pelkän `+++`:n sisältävä rivi viimeisen tiedon jälkeen ennen tekstiä (ilmeisesti riville {line})",
                    sv: "lägg till en rad med bara `+++` efter den sista uppgiften, före texten (på rad {line}, verkar det)"
                )),
            );
            Some(guess)
        }
    };
    if let Some(s) = recovered {
        let p = toml_fields::parse::<R>(rel, &text[s.front_matter.clone()], s.front_matter.start);
        diags.extend(p.diagnostics);
        entry.front_matter_offset = s.front_matter.start;
        entry.raw = p.value;
        entry.removed = p.removed;
        entry.body = s.body;
    }
    entry.source.text = text;
    Some(entry)
}

fn parse_file(root: &Path, kind: Kind, rel: &str, diags: &mut Diagnostics) -> Option<Parsed> {
    Some(match kind {
        Kind::Themes => Parsed::Themes(read_toml(root, rel, diags)),
        Kind::Municipalities => Parsed::Municipalities(read_toml(root, rel, diags)),
        Kind::Organisation => Parsed::Organisation(read_entry(root, rel, diags)?),
        Kind::Network => Parsed::Network(read_entry(root, rel, diags)?),
        Kind::Table(dir) => Parsed::Table(dir, read_entry(root, rel, diags)?),
        Kind::Note(dir) => Parsed::Note(dir, read_entry(root, rel, diags)?),
        Kind::Page => Parsed::Page(read_entry(root, rel, diags)?),
        Kind::Event => Parsed::Event(read_entry(root, rel, diags)?),
        Kind::Translation(of, lang, original) => {
            Parsed::Translation(translation::read(root, rel, of, &lang, &original, diags)?)
        }
    })
}

fn static_files(root: &Path) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut dirs = vec![root.join(STATIC)];
    if let Ok(rd) = std::fs::read_dir(root.join(THEMES)) {
        for d in rd.flatten() {
            dirs.push(d.path().join(STATIC));
        }
    }
    for dir in dirs {
        if !dir.is_dir() {
            continue;
        }
        for e in WalkDir::new(&dir).into_iter().flatten() {
            if e.file_type().is_file() {
                out.insert(relative(&dir, e.path()));
            }
        }
    }
    out
}
